"""CIFAR-10 folders, binary or python version, read without trusting them.

- Binary version (``cifar-10-batches-bin``; preferred: it holds no code):
  ``data_batch_1.bin`` … ``data_batch_5.bin``, each record one label byte
  (0 … 9) then 3,072 pixel bytes (1,024 red, green, blue, row-major 32×32);
  class names one a line in ``batches.meta.txt``.
- Python version (``cifar-10-batches-py``): ``data_batch_1`` … ``data_batch_5``
  pickles of ``{"data": (n, 3072) uint8, "labels": n ints}``, names under
  ``label_names`` in ``batches.meta``. Pickles go through ``safe_pickle``,
  which runs nothing from the file; then every array's dtype and shape is
  checked against what CIFAR-10 holds.

``test_batch`` is held out, as in the course. Each file is read whole, at
most ``MAX_BATCH_BYTES``. Problems raise ``CifarProblem("<file>: <problem>")``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from optim_core.bounded_read import FileRefused, read_bytes
from optim_core.classifier import data_messages as m
from optim_core.classifier import safe_pickle

PIXELS = 3072
RECORD = 1 + PIXELS
NAMES = ("airplane", "automobile", "bird", "cat", "deer",
         "dog", "frog", "horse", "ship", "truck")
PY_BATCHES = tuple(f"data_batch_{i}" for i in range(1, 6))
BIN_BATCHES = tuple(f"{b}.bin" for b in PY_BATCHES)
#: A real batch is 10,000 images (≈ 30.7 MB); a little room for other builds.
MAX_BATCH_BYTES = 40_000_000
MAX_META_BYTES = 65_536
MAX_NAME_CHARS = 64


class CifarProblem(ValueError):
    """A problem with a file of the folder; the message names the file."""


def read_folder(folder: Path) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """``(X (N, 3072) uint8, y (N,) int, 10 class names)`` from the batches present."""
    # Every batch present is read (and refused if it is a pipe or a device).
    binary = [folder / n for n in BIN_BATCHES if (folder / n).exists()]
    if binary:
        parts = [_binary_batch(f) for f in binary]
        names = _text_names(folder / "batches.meta.txt")
    else:
        files = [folder / n for n in PY_BATCHES if (folder / n).exists()]
        if not files:
            raise CifarProblem(m.NOT_CIFAR)
        parts = [_python_batch(f) for f in files]
        names = _pickled_names(folder / "batches.meta")
    return (np.concatenate([X for X, _ in parts]), np.concatenate([y for _, y in parts]),
            names)


def _read(path: Path, limit: int) -> bytes:
    try:
        return read_bytes(path, limit)
    except FileRefused as e:
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=e)) from None


def _binary_batch(path: Path) -> tuple[np.ndarray, np.ndarray]:
    raw = _read(path, MAX_BATCH_BYTES)
    if not raw or len(raw) % RECORD:
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_RECORDS.format(
            size=f"{len(raw):,}", record=f"{RECORD:,}", pixels=f"{PIXELS:,}")))
    records = np.frombuffer(raw, np.uint8).reshape(-1, RECORD)
    y = records[:, 0].astype(np.intp)
    if y.max() > 9:
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_LABEL_BYTE.format(
            label=int(y.max()), record=int(np.argmax(y > 9)))))
    return records[:, 1:].copy(), y


def _text_names(path: Path) -> tuple[str, ...]:
    if not path.exists():
        return NAMES
    raw = _read(path, MAX_META_BYTES)
    lines = [line.strip() for line in raw.decode("utf-8", "replace").splitlines()]
    return _names([line for line in lines if line][:10], path)


def _python_batch(path: Path) -> tuple[np.ndarray, np.ndarray]:
    batch = _unpickle(path, MAX_BATCH_BYTES)
    if "data" not in batch or "labels" not in batch:
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_MISSING))
    X, labels = batch["data"], batch["labels"]
    if not (isinstance(X, np.ndarray) and X.dtype == np.uint8 and X.ndim == 2
            and X.shape[1] == PIXELS and len(X)):
        shown = f"{X.dtype} {X.shape}" if isinstance(X, np.ndarray) else type(X).__name__
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_DATA.format(
            pixels=PIXELS, shown=shown)))
    return X, _python_labels(labels, len(X), path)


def _python_labels(labels, n: int, path: Path) -> np.ndarray:
    if isinstance(labels, np.ndarray) and labels.dtype.kind in "iu" and labels.ndim == 1:
        y = labels.astype(np.int64)
    elif isinstance(labels, list) and all(type(v) is int for v in labels):
        if any(not 0 <= v <= 9 for v in labels):
            raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_LABEL_RANGE))
        y = np.array(labels, dtype=np.int64)
    else:
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_LABELS))
    if y.shape != (n,):
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_COUNTS.format(
            labels=len(y), images=n)))
    if y.size and (y.min() < 0 or y.max() > 9):
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_LABEL_RANGE))
    return y.astype(np.intp)


def _pickled_names(path: Path) -> tuple[str, ...]:
    if not path.exists():
        return NAMES
    names = _unpickle(path, MAX_META_BYTES).get("label_names")
    if names is None:
        return NAMES
    if not isinstance(names, list) or not all(type(n) in (bytes, str) for n in names):
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_NAMES))
    return _names([n.decode("utf-8", "replace") if isinstance(n, bytes) else n for n in names],
                  path)


def _names(names: list[str], path: Path) -> tuple[str, ...]:
    if len(names) != 10 or any(not n.strip() or len(n) > MAX_NAME_CHARS for n in names):
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_NAME_COUNT.format(
            limit=MAX_NAME_CHARS, count=len(names))))
    return tuple(n.strip() for n in names)


def _unpickle(path: Path, limit: int) -> dict:
    try:
        obj = safe_pickle.load(_read(path, limit))
    except safe_pickle.PickleRefused as e:
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_PICKLE.format(
            reason=e))) from None
    if not isinstance(obj, dict):
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_NOT_DICT.format(
            kind=type(obj).__name__)))
    try:
        return {k.decode("ascii") if isinstance(k, bytes) else k: v for k, v in obj.items()}
    except UnicodeDecodeError:
        raise CifarProblem(m.LOCATED.format(path=path.name, problem=m.CIFAR_KEY)) from None
