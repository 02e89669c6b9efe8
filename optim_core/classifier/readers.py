"""Readers for the dataset formats optviz accepts, each returning raw ``(X, y)``.

A CIFAR-10 folder (binary or python version, see ``cifar``), a ``.npz``
(arrays checked by their headers before they are unpacked) or a ``.csv``.
Files are read whole through ``bounded_read`` — regular files only, at most
``MAX_NPZ_BYTES`` / ``MAX_CSV_BYTES``. Every problem with a file — missing,
a pipe or a device, too large, truncated, not the format, wrong dtypes or
shapes, labels that are not small non-negative integers, non-numeric or
non-finite values, no samples — raises one ``ValueError`` that names the
file and says what is wrong, so the GUI and the command line can show it
as it is.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import numpy as np

from optim_core.bounded_read import FileRefused, read_bytes
from optim_core.classifier import cifar
from optim_core.classifier import data_messages as m

#: The largest number of classes a label column may imply (guards against a
#: column of pixel values or ids mistaken for labels).
MAX_CLASSES = 1000
#: Largest |x| accepted: preprocessing sums squares of N·D values, which must not
#: overflow float64 (≈1.8e308) for any dataset that fits in memory.
MAX_ABS_VALUE = 1e100
#: Largest .npz file read, and largest array in it once unpacked.
MAX_NPZ_BYTES = 256_000_000
MAX_ARRAY_BYTES = 512_000_000
#: Largest .csv file read (text costs far more memory per value than a .npz).
MAX_CSV_BYTES = 32_000_000
MAX_NAME_CHARS = 64


class _Bad(Exception):
    """A problem in a file, turned into ValueError("<file>: <problem>") by ``read``."""


def validate(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Checks and normalizes ``X: (N, ...)`` (flattened to ``(N, D)``) and ``y: (N,)``."""
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim < 2:
        raise _Bad(m.X_SHAPE.format(shape=X.shape))
    if y.ndim != 1:
        raise _Bad(m.Y_SHAPE.format(shape=y.shape))
    if X.shape[0] != y.shape[0]:
        raise _Bad(m.COUNTS.format(samples=X.shape[0], labels=y.shape[0]))
    if X.shape[0] == 0 or X[0].size == 0:
        raise _Bad(m.NO_SAMPLES_OR_FEATURES)
    real = (np.issubdtype(X.dtype, np.number) and np.issubdtype(y.dtype, np.number)
            and not np.issubdtype(X.dtype, np.complexfloating)
            and not np.issubdtype(y.dtype, np.complexfloating))
    if not real:
        raise _Bad(m.NOT_REAL.format(x=X.dtype, y=y.dtype))
    X = X.reshape(X.shape[0], -1)
    if not np.all(np.isfinite(X)):
        raise _Bad(m.NOT_FINITE)
    largest = float(np.abs(X).max())  # as a float: 1e100 overflows a float16 X
    if largest > MAX_ABS_VALUE:
        raise _Bad(m.TOO_BIG.format(largest=f"{largest:.3g}", limit=f"{MAX_ABS_VALUE:g}"))
    return X, _labels(y)


def _labels(y: np.ndarray) -> np.ndarray:
    if not np.all(np.isfinite(y)) or np.any(y != np.round(y)):
        raise _Bad(m.NOT_WHOLE)
    if y.min() < 0 or y.max() >= MAX_CLASSES:
        raise _Bad(m.LABEL_RANGE.format(low=f"{y.min():g}", high=f"{y.max():g}",
                                        limit=MAX_CLASSES - 1))
    if len(np.unique(y)) < 2:
        raise _Bad(m.TWO_CLASSES)
    return y.astype(np.intp)


def read(path: str | Path) -> tuple[np.ndarray, np.ndarray, tuple[str, ...] | None]:
    """``(X (N, D), y (N,), class names or None)`` from a CIFAR-10 folder, .npz or .csv."""
    path = Path(path)
    try:
        X, y, names = _read_any(path)
        X, y = validate(X, y)
        if names is not None and len(names) <= y.max():
            raise _Bad(m.NO_NAME.format(label=y.max(), count=len(names)))
    except (_Bad, FileRefused, cifar.CifarProblem) as err:
        raise ValueError(m.LOCATED.format(path=path, problem=err)) from None
    except OSError as err:
        raise ValueError(m.LOCATED.format(path=path, problem=m.CANNOT_READ.format(
            reason=err.strerror or err))) from None
    except MemoryError:
        raise ValueError(m.LOCATED.format(path=path, problem=m.TOO_LARGE)) from None
    return X, y, names


def _read_any(path: Path):
    if path.is_dir():
        return cifar.read_folder(path)
    if not path.exists():
        raise _Bad(m.NO_SUCH)
    suffix = path.suffix.lower()
    if suffix == ".npz":
        return _read_npz(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise _Bad(m.UNKNOWN_FORMAT)


def _read_npz(path: Path):
    raw = read_bytes(path, MAX_NPZ_BYTES)
    try:
        data = np.load(io.BytesIO(raw), allow_pickle=False)
        if not isinstance(data, np.lib.npyio.NpzFile):
            raise _Bad(m.NPY)
        with data:
            missing = {"X", "y"} - set(data.files)
            if missing:
                raise _Bad(m.MISSING.format(names=sorted(missing)))
            X, y = _member(data, "X", "biuf"), _member(data, "y", "biuf")
            names = _class_names(_member(data, "class_names", "SU")) \
                if "class_names" in data.files else None
            return X, y, names
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError, NotImplementedError) as err:
        raise _Bad(m.BAD_NPZ.format(reason=f"{str(err):.160}")) from None


def _member(data, key: str, kinds: str) -> np.ndarray:
    """Array ``key`` of an open .npz, after its header is checked: a dtype of one of
    ``kinds`` and a declared size that the archive really holds (a header may
    declare (10¹², 10) in a file of a few bytes)."""
    info = data.zip.getinfo(f"{key}.npy")
    if info.file_size > MAX_ARRAY_BYTES:
        raise _Bad(m.UNPACKS.format(key=key, size=f"{info.file_size:,}",
                                    limit=f"{MAX_ARRAY_BYTES:,}"))
    with data.zip.open(info) as f:
        fmt = np.lib.format
        read_header = (fmt.read_array_header_1_0 if fmt.read_magic(f) == (1, 0)
                       else fmt.read_array_header_2_0)
        shape, _, dtype = read_header(f)
        header = f.tell()
    if dtype.kind not in kinds or dtype.fields is not None or dtype.subdtype is not None:
        raise _Bad((m.DTYPE_NUMBER if "f" in kinds else m.DTYPE_TEXT).format(key=key,
                                                                              dtype=dtype))
    declared = int(np.prod(shape, dtype=object)) * dtype.itemsize
    if declared > info.file_size - header:
        raise _Bad(m.TRUNCATED.format(key=key, shape=shape, declared=f"{declared:,}",
                                      held=f"{info.file_size - header:,}"))
    return data[key]


def _class_names(names: np.ndarray) -> tuple[str, ...]:
    if names.ndim != 1 or not 1 <= len(names) <= MAX_CLASSES:
        raise _Bad(m.NAMES_SHAPE.format(limit=MAX_CLASSES, shape=names.shape))
    out = tuple(n.decode("utf-8", "replace") if isinstance(n, bytes) else str(n)
                for n in names.tolist())
    if any(len(n) > MAX_NAME_CHARS for n in out):
        raise _Bad(m.NAMES_LONG.format(limit=MAX_NAME_CHARS))
    return out


def _read_csv(path: Path):
    """Label in the last column; a first row that is not numeric is a header."""
    # utf-8-sig: a byte-order mark (Excel's "CSV UTF-8") would make the first row
    # non-numeric, and it would be dropped as a header.
    text = read_bytes(path, MAX_CSV_BYTES).decode("utf-8-sig", errors="replace")
    try:
        rows = [r for r in csv.reader(io.StringIO(text, newline=""))
                if any(cell.strip() for cell in r)]
    except csv.Error as err:
        raise _Bad(m.BAD_CSV.format(reason=err)) from None
    if rows and not _numeric(rows[0]):
        rows = rows[1:]
    if not rows:
        raise _Bad(m.NO_SAMPLES)
    width = len(rows[0])
    if width < 2:
        raise _Bad(m.COLUMNS)
    for line, row in enumerate(rows, start=1):
        if len(row) != width:
            raise _Bad(m.ROW_WIDTH.format(line=line, count=len(row), width=width))
        if not _numeric(row):
            raise _Bad(m.ROW_VALUE.format(line=line, row=f"{row!r:.80}"))
    data = np.array(rows, dtype=float)
    return data[:, :-1], data[:, -1], None


def _numeric(row: list[str]) -> bool:
    try:
        [float(cell) for cell in row]
    except ValueError:
        return False
    return True
