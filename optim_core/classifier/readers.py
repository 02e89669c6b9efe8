"""Readers for the dataset formats optviz accepts, each returning raw ``(X, y)``.

Every problem with a file — missing, truncated, not the format, wrong shapes,
labels that are not small non-negative integers, non-numeric or non-finite
values, no samples — raises one ``ValueError`` that names the file and says
what is wrong, so the GUI and the command line can show it as it is.
"""

from __future__ import annotations

import csv
import pickle
import zipfile
from pathlib import Path

import numpy as np

#: The largest number of classes a label column may imply (guards against a
#: column of pixel values or ids mistaken for labels).
MAX_CLASSES = 1000
#: Largest |x| accepted: preprocessing sums squares of N·D values, which must not
#: overflow float64 (≈1.8e308) for any dataset that fits in memory.
MAX_ABS_VALUE = 1e100
CIFAR_BATCHES = tuple(f"data_batch_{i}" for i in range(1, 6))
CIFAR_NAMES = ("airplane", "automobile", "bird", "cat", "deer",
               "dog", "frog", "horse", "ship", "truck")


class _Bad(Exception):
    """A problem in a file, turned into ValueError("<file>: <problem>") by ``read``."""


def validate(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Checks and normalizes ``X: (N, ...)`` (flattened to ``(N, D)``) and ``y: (N,)``."""
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim < 2:
        raise _Bad(f"X must have a sample axis and features, shape (N, D); got {X.shape}")
    if y.ndim != 1:
        raise _Bad(f"y must be one label per sample, shape (N,); got {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise _Bad(f"X has {X.shape[0]} samples but y has {y.shape[0]} labels")
    if X.shape[0] == 0 or X[0].size == 0:
        raise _Bad("no samples (or no features)")
    real = (np.issubdtype(X.dtype, np.number) and np.issubdtype(y.dtype, np.number)
            and not np.issubdtype(X.dtype, np.complexfloating)
            and not np.issubdtype(y.dtype, np.complexfloating))
    if not real:
        raise _Bad(f"X and y must be numeric and real; got {X.dtype} and {y.dtype}")
    X = X.reshape(X.shape[0], -1)
    if not np.all(np.isfinite(X)):
        raise _Bad("X holds NaN or infinite values")
    if np.abs(X).max() > MAX_ABS_VALUE:
        raise _Bad(f"X holds values as large as {float(np.abs(X).max()):.3g}; rescale the data "
                   f"(|x| ≤ {MAX_ABS_VALUE:g})")
    return X, _labels(y)


def _labels(y: np.ndarray) -> np.ndarray:
    if not np.all(np.isfinite(y)) or np.any(y != np.round(y)):
        raise _Bad("labels must be whole numbers")
    if y.min() < 0 or y.max() >= MAX_CLASSES:
        raise _Bad(f"labels out of range: found {y.min():g} … {y.max():g}, "
                   f"expected 0 … {MAX_CLASSES - 1}")
    if len(np.unique(y)) < 2:
        raise _Bad("needs at least two classes")
    return y.astype(np.intp)


def read(path: str | Path) -> tuple[np.ndarray, np.ndarray, tuple[str, ...] | None]:
    """``(X (N, D), y (N,), class names or None)`` from a CIFAR-10 folder, .npz or .csv."""
    path = Path(path)
    try:
        if path.is_dir():
            X, y, names = _read_cifar(path)
        elif not path.exists():
            raise _Bad("no such file or folder")
        elif path.suffix.lower() == ".npz":
            X, y, names = _read_npz(path)
        elif path.suffix.lower() == ".csv":
            X, y, names = _read_csv(path)
        else:
            raise _Bad("unknown format: expected a CIFAR-10 folder, a .npz or a .csv file")
        X, y = validate(X, y)
        if names is not None and len(names) <= y.max():
            raise _Bad(f"label {y.max()} has no class name ({len(names)} names given)")
    except _Bad as err:
        raise ValueError(f"{path}: {err}") from None
    except OSError as err:
        raise ValueError(f"{path}: cannot read ({err.strerror or err})") from err
    return X, y, names


def _read_npz(path: Path):
    try:  # the file is opened here so it is closed even when np.load fails on it
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as data:
            missing = {"X", "y"} - set(data.files)
            if missing:
                raise _Bad(f"missing array(s) {sorted(missing)}; a .npz needs X and y")
            names = tuple(str(s) for s in data["class_names"]) if "class_names" in data else None
            return data["X"], data["y"], names
    except (zipfile.BadZipFile, EOFError, ValueError) as err:
        raise _Bad(f"not a readable .npz (truncated or corrupt?): {err}") from err


def _read_csv(path: Path):
    """Label in the last column; a first row that is not numeric is a header."""
    # utf-8-sig: a byte-order mark (Excel's "CSV UTF-8") would make the first row
    # non-numeric, and it would be dropped as a header.
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as f:
        rows = [r for r in csv.reader(f) if any(cell.strip() for cell in r)]
    if rows and not _numeric(rows[0]):
        rows = rows[1:]
    if not rows:
        raise _Bad("no samples")
    width = len(rows[0])
    if width < 2:
        raise _Bad("needs at least one feature column and a label column")
    for line, row in enumerate(rows, start=1):
        if len(row) != width:
            raise _Bad(f"data row {line} has {len(row)} columns, expected {width}")
        if not _numeric(row):
            raise _Bad(f"data row {line} has a non-numeric value: {row!r:.80}")
    data = np.array(rows, dtype=float)
    return data[:, :-1], data[:, -1], None


def _numeric(row: list[str]) -> bool:
    try:
        [float(cell) for cell in row]
    except ValueError:
        return False
    return True


class _ArrayUnpickler(pickle.Unpickler):
    """Unpickles plain containers and numpy arrays only: a dataset file must not
    be able to run code."""

    # _codecs.encode: how protocol-2 pickles written by Python 3 store bytes.
    _ALLOWED = {(module, name) for module in ("numpy.core.multiarray", "numpy._core.multiarray")
                for name in ("_reconstruct", "scalar")} | {
        ("numpy", "ndarray"), ("numpy", "dtype"), ("_codecs", "encode")}

    def find_class(self, module: str, name: str):
        if (module, name) not in self._ALLOWED:
            raise _Bad(f"refuses to unpickle {module}.{name} (only arrays are allowed)")
        return super().find_class(module, name)


def _unpickle(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            obj = _ArrayUnpickler(f, encoding="latin1").load()  # as cs231n: Python 2 pickles
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError) as err:
        raise _Bad(f"{path.name}: not a readable pickle (truncated or corrupt?): {err}") from err
    except _Bad as err:
        raise _Bad(f"{path.name}: {err}") from None
    if not isinstance(obj, dict):
        raise _Bad(f"{path.name}: expected a dict, found {type(obj).__name__}")
    return {k.decode() if isinstance(k, bytes) else k: v for k, v in obj.items()}


def _read_cifar(folder: Path):
    """The data_batch_1 … 5 pickles present (test_batch is held out, as in the
    course); class names from batches.meta when it is there."""
    files = [folder / n for n in CIFAR_BATCHES if (folder / n).is_file()]
    if not files:
        raise _Bad("not a CIFAR-10 python folder: no data_batch_1 … data_batch_5 files")
    Xs, ys = [], []
    for file in files:
        batch = _unpickle(file)
        if "data" not in batch or "labels" not in batch:
            raise _Bad(f"{file.name}: missing 'data' or 'labels'")
        X, y = np.asarray(batch["data"]), np.asarray(batch["labels"])
        if X.ndim != 2 or X.shape[1] != 3072 or y.shape != (X.shape[0],):
            raise _Bad(f"{file.name}: expected data (n, 3072) and n labels; "
                       f"got {X.shape} and {y.shape}")
        if y.size and (y.min() < 0 or y.max() > 9):
            raise _Bad(f"{file.name}: labels out of range 0 … 9")
        Xs.append(X)
        ys.append(y)
    names = CIFAR_NAMES
    meta = folder / "batches.meta"
    if meta.is_file():
        found = _unpickle(meta).get("label_names")
        if found is not None and len(found) == 10:
            names = tuple(n.decode() if isinstance(n, bytes) else str(n) for n in found)
    return np.concatenate(Xs), np.concatenate(ys), names
