"""W* trained once per (dataset, loss, λ, seed) and kept for the session.

Training W* took most of the 1.3–2 s a classifier preset or a change of
centre or loss cost, every time. ``trained_weights`` keys the result by the
dataset (its name, or a file's resolved path, size and modification time,
so an edited file trains again), the loss, λ and the seed, and hands out
copies; ``remember`` keeps a W* that came from elsewhere (an experiment
file) under its key. ``data_digest`` names a dataset's contents, wherever it
lies, for W* that files keep. The cache is shared by the worker threads
that build slices.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import numpy as np

_CACHE: dict[tuple, np.ndarray] = {}
_DIGESTS: dict[tuple, str] = {}
_LOCK = threading.Lock()


def dataset_key(dataset: str) -> tuple:
    """What identifies ``dataset`` (a bundled name or a path) and its contents."""
    path = Path(dataset)
    if not path.exists():
        return (dataset,)
    st = os.stat(path)
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


def trained_weights(model, W0: np.ndarray, key: tuple) -> np.ndarray:
    """``classifier.train(model, W0)`` (``(D, K)``), trained only the first time
    ``key`` is asked for."""
    from optim_core import classifier

    hit = cached(key)
    if hit is None:
        hit = remember(key, classifier.train(model, W0))
    return hit


def cached(key: tuple) -> np.ndarray | None:
    """A copy of the W* kept under ``key``, or None."""
    with _LOCK:
        hit = _CACHE.get(key)
    return None if hit is None else hit.copy()


def remember(key: tuple, W: np.ndarray) -> np.ndarray:
    """Keep ``W`` under ``key`` for the session; returns a copy."""
    W = np.array(W, dtype=float)
    with _LOCK:
        _CACHE[key] = W
    return W.copy()


def data_digest(dataset: str) -> str:
    """SHA-256 (hex) of the bytes ``dataset`` is read from: the bundled digits'
    file, a data file, or a folder's files (by name, in order). Computed once a
    session per ``dataset_key``."""
    from optim_core.classifier.data import DIGITS

    key = dataset_key(dataset)
    with _LOCK:
        hit = _DIGESTS.get(key)
    if hit is not None:
        return hit
    path = DIGITS if dataset == "digits" else Path(dataset)
    h = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for f in files:
        if path.is_dir():
            h.update(f.name.encode("utf-8") + b"\0")
        with open(f, "rb") as stream:
            while block := stream.read(1 << 20):
                h.update(block)
    digest = h.hexdigest()
    with _LOCK:
        _DIGESTS[key] = digest
    return digest


def forget() -> None:
    """Empty the cache (tests)."""
    with _LOCK:
        _CACHE.clear()
        _DIGESTS.clear()
