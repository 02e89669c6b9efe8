"""W* trained once per (dataset, loss, λ, seed) and kept for the session.

Training W* took most of the 1.3–2 s a classifier preset or a change of
centre or loss cost, every time. ``trained_weights`` keys the result by the
dataset (its name, or a file's resolved path, size and modification time,
so an edited file trains again), the loss, λ and the seed, and hands out
copies. The cache is shared by the worker threads that build slices.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

_CACHE: dict[tuple, np.ndarray] = {}
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

    with _LOCK:
        hit = _CACHE.get(key)
    if hit is None:
        hit = classifier.train(model, W0)
        with _LOCK:
            _CACHE[key] = hit
    return hit.copy()


def forget() -> None:
    """Empty the cache (tests)."""
    with _LOCK:
        _CACHE.clear()
