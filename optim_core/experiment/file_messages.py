"""What the experiment-file checks say when they refuse a file, in one place.

The checks raise ``ExperimentFileError(field, TEMPLATE.format(...))``; its
message is ``"<file>: <field>: <problem>"`` (``LOCATED``). The GUI and the
command line translate a message where they show it, a template and its
fields apart, so every problem here is listed in ``TEMPLATES`` or ``FIXED``.
"""

from __future__ import annotations

#: Where a problem is: the file, then the field.
LOCATED = "{where}: {problem}"

# The file as a whole.
EMPTY = "the file is empty"
NOT_UTF8 = "cannot be read (not UTF-8 text: byte {byte})"
BAD_JSON_AT = "not valid JSON: {message} at line {line}, column {column} (truncated or damaged?)"
BAD_JSON = "not valid JSON: {message}"
TOO_DEEP = "not valid JSON: nested too deeply"
NOT_OBJECT = "the file must hold a JSON object, got {kind}"
NOT_OPTVIZ = "expected {format}: not an optviz experiment"
NO_VERSION = "missing or not an integer"
VERSION = "version {version} is not supported (this optviz reads versions {versions})"
CANNOT_SAVE_FOLDER = "cannot save {path}: it is a folder"
CANNOT_SAVE = "cannot save {path}: folder {folder} cannot be written ({reason})"
DATASET_UNREADABLE = "cannot be opened ({reason})"
DATASET_MISSING = "dataset file {path} not found"

# Sections and fields.
#: Where the start points a click or a drag asked for are checked, and one of them.
START_POINTS = "start points"
START_POINT = START_POINTS + "[{index}]"
TOO_MANY_RUNS = "{count} runs; at most {limit}"
LABELS_UNIQUE = "run labels must be unique"
IDS_UNIQUE = "run ids must be unique"
UNKNOWN_SURFACE = "unknown surface {name}; one of {names}"
NO_PARAMETER = "{surface} has no parameter {name}"
LOSS = "{loss} is not 'softmax' or 'svm'"
CENTER = "{center} is not 'init' or 'trained'"
UNKNOWN_OPTIMIZER = "unknown optimizer {kind}; one of {kinds}"
COLOUR = "{colour} is not a colour like '#1f77b4'"
NO_HYPER = "{kind} has no hyper-parameter {name}"
BOOL_GOT = "must be true or false, got {kind}"
SCHEDULE = "not a valid schedule ({reason})"
STARTS = "needs 1 to {limit} start points, got {count}"
START_PAIR = "a start point is [x, y]"
LOG_COLOR = "must be true, false or null"
UNKNOWN_COLORMAP = "unknown colour map {name}; one of {names}"
UNKNOWN_PIECE = "unknown piece {name}; one of {names}"
BOOL = "must be true or false"
UNKNOWN_FIELD = "unknown field"
NOT_AN_OBJECT = "expected an object, got {kind}"
NOT_A_LIST = "expected a list, got {kind}"
NOT_TEXT = "expected text, got {kind}"
TOO_LONG = "is {length} characters long; at most {limit}"
SURROGATE = "holds an invalid character (a lone UTF-16 surrogate such as \\ud800)"
NUL = "holds a NUL character"
NAME_TOO_LONG = "has a name of {length} bytes; a file name is at most {limit}"
NOT_WHOLE = "expected a whole number, got {kind}"
NOT_NUMBER = "expected a number, got {kind}"
OUT_OF_RANGE = "{value} is out of range [{lo}, {hi}]"
NOT_FINITE = "must be a finite number"
DIGITS = "a number of about {digits} digits"
BOUNDS = "expected [[x0, x1], [y0, y1]]"
BOUNDS_ROW = "expected [low, high]"
RUN_ID = "{value} is not a run id (1 to 32 letters, digits, '_' or '-')"
CHOICE = "{value} is not one of {choices}"
LR_ORDER = "must be below lr_high"
# The stored trained centre W*.
MISSING = "missing"
NOT_DIGEST = "is not a SHA-256 digest (64 lower-case hexadecimal digits)"
SHAPE_PAIR = "expected [rows, columns], got {count} numbers"
TOO_MANY_WEIGHTS = "{rows}×{cols} weights; at most {limit}"
NOT_BASE64 = "is not base64 text"
WEIGHT_BYTES = "holds {size} bytes; {shape} float64 weights take {need}"
NOT_FINITE_WEIGHT = "holds a value that is not a finite number"

#: What Python's JSON reader says is wrong (``JSONDecodeError.msg``), for translation.
JSON_PROBLEMS = ("Expecting value", "Expecting property name enclosed in double quotes",
                 "Expecting ':' delimiter", "Expecting ',' delimiter",
                 "Unterminated string starting at", "Invalid control character at",
                 "Invalid \\escape", "Invalid \\uXXXX escape", "Extra data")
#: How a JSON value is named in a message ("expected a number, got text").
KINDS = {dict: "an object", list: "a list", str: "text", bool: "true/false",
         type(None): "null"}

TEMPLATES = (LOCATED, NOT_UTF8, BAD_JSON_AT, BAD_JSON, NOT_OBJECT, NOT_OPTVIZ, VERSION,
             CANNOT_SAVE_FOLDER, CANNOT_SAVE, DATASET_UNREADABLE, DATASET_MISSING,
             TOO_MANY_RUNS, UNKNOWN_SURFACE, NO_PARAMETER, LOSS, CENTER, UNKNOWN_OPTIMIZER,
             COLOUR, NO_HYPER, BOOL_GOT, SCHEDULE, STARTS, UNKNOWN_COLORMAP, UNKNOWN_PIECE,
             NOT_AN_OBJECT, NOT_A_LIST, NOT_TEXT, TOO_LONG, NAME_TOO_LONG, NOT_WHOLE,
             NOT_NUMBER, OUT_OF_RANGE, DIGITS, RUN_ID, CHOICE, START_POINT,
             SHAPE_PAIR, TOO_MANY_WEIGHTS, WEIGHT_BYTES)
FIXED = (START_POINTS, EMPTY, TOO_DEEP, NO_VERSION, LABELS_UNIQUE, IDS_UNIQUE, START_PAIR,
         LOG_COLOR, BOOL, UNKNOWN_FIELD, SURROGATE, NUL, NOT_FINITE, BOUNDS, BOUNDS_ROW, LR_ORDER,
         MISSING, NOT_DIGEST, NOT_BASE64, NOT_FINITE_WEIGHT, *KINDS.values(), *JSON_PROBLEMS)
