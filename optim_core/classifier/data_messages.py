"""What the dataset readers say when they refuse a file, in one place.

A reader raises ``ValueError(LOCATED.format(path=…, problem=TEMPLATE.format(…)))``;
the GUI and the command line translate a message where they show it, a
template and its fields apart, so every problem here is listed in
``TEMPLATES`` or ``FIXED``.
"""

from __future__ import annotations

LOCATED = "{path}: {problem}"
CANNOT_READ = "cannot read ({reason})"
TOO_LARGE = "too large to load into memory"
NO_SUCH = "no such file or folder"
UNKNOWN_FORMAT = ("unknown format: expected a CIFAR-10 folder (binary version preferred), "
                  "a .npz or a .csv file")
X_SHAPE = "X must have a sample axis and features, shape (N, D); got {shape}"
Y_SHAPE = "y must be one label per sample, shape (N,); got {shape}"
COUNTS = "X has {samples} samples but y has {labels} labels"
NO_SAMPLES_OR_FEATURES = "no samples (or no features)"
NOT_REAL = "X and y must be numeric and real; got {x} and {y}"
NOT_FINITE = "X holds NaN or infinite values"
TOO_BIG = "X holds values as large as {largest}; rescale the data (|x| ≤ {limit})"
NOT_WHOLE = "labels must be whole numbers"
LABEL_RANGE = "labels out of range: found {low} … {high}, expected 0 … {limit}"
TWO_CLASSES = "needs at least two classes"
NO_NAME = "label {label} has no class name ({count} names given)"
NPY = "a single .npy array, not a .npz archive of X and y"
MISSING = "missing array(s) {names}; a .npz needs X and y"
BAD_NPZ = "not a readable .npz (truncated or corrupt?): {reason}"
UNPACKS = "array {key} unpacks to {size} bytes; the limit is {limit}"
DTYPE_NUMBER = "array {key} has dtype {dtype}; X and y must be numeric and real"
DTYPE_TEXT = "array {key} has dtype {dtype}; expected text"
TRUNCATED = "array {key} declares shape {shape} ({declared} bytes) but holds {held} bytes " \
            "(truncated or damaged)"
NAMES_SHAPE = "class_names must be a list of 1 to {limit} names; got shape {shape}"
NAMES_LONG = "class names are at most {limit} characters"
BAD_CSV = "not a readable CSV file: {reason}"
NO_SAMPLES = "no samples"
COLUMNS = "needs at least one feature column and a label column"
ROW_WIDTH = "data row {line} has {count} columns, expected {width}"
ROW_VALUE = "data row {line} has a non-numeric value: {row}"
# CIFAR-10 folders.
CIFAR_HINT = ("use the CIFAR-10 binary version (data_batch_1.bin …, from "
              "cifar-10-binary.tar.gz): it holds no code, unlike the python pickles")
#: A reason the binary version would avoid, and the hint that says so.
CIFAR_PICKLE = "{reason}; " + CIFAR_HINT
NO_BATCHES = ("not a CIFAR-10 folder: no data_batch_1.bin … data_batch_5.bin (binary version) "
              "or data_batch_1 … (python version)")
NOT_CIFAR = CIFAR_PICKLE.format(reason=NO_BATCHES)
CIFAR_RECORDS = ("{size} bytes is not a whole number of {record}-byte records (1 label byte + "
                 "{pixels} pixel bytes)")
CIFAR_LABEL_BYTE = "label byte {label} at record {record}; CIFAR-10 labels are 0 … 9"
CIFAR_MISSING = "missing 'data' or 'labels'"
CIFAR_DATA = "'data' must be uint8 of shape (n, {pixels}); got {shown}"
CIFAR_LABEL_RANGE = "labels out of range 0 … 9"
CIFAR_LABELS = "'labels' must be a list of whole numbers 0 … 9"
CIFAR_COUNTS = "{labels} labels for {images} images"
CIFAR_NAMES = "'label_names' must be a list of 10 names"
CIFAR_NAME_COUNT = "needs 10 class names of 1 to {limit} characters; found {count}"
CIFAR_NOT_DICT = "expected a dict, found {kind}"
CIFAR_KEY = "a key that is not ASCII text"

TEMPLATES = (LOCATED, CANNOT_READ, X_SHAPE, Y_SHAPE, COUNTS, NOT_REAL, TOO_BIG, LABEL_RANGE,
             NO_NAME, MISSING, BAD_NPZ, UNPACKS, DTYPE_NUMBER, DTYPE_TEXT, TRUNCATED,
             NAMES_SHAPE, NAMES_LONG, BAD_CSV, ROW_WIDTH, ROW_VALUE, CIFAR_PICKLE, CIFAR_RECORDS,
             CIFAR_LABEL_BYTE, CIFAR_DATA, CIFAR_COUNTS, CIFAR_NAME_COUNT, CIFAR_NOT_DICT)
FIXED = (TOO_LARGE, NO_SUCH, UNKNOWN_FORMAT, NO_SAMPLES_OR_FEATURES, NOT_FINITE, NOT_WHOLE,
         TWO_CLASSES, NPY, NO_SAMPLES, COLUMNS, NO_BATCHES, CIFAR_MISSING, CIFAR_LABEL_RANGE,
         CIFAR_LABELS, CIFAR_NAMES, CIFAR_KEY)
