"""Datasets for the linear classifier: loading, deterministic split, preprocessing.

Preprocessing (fitted on the training split only, applied to both splits):
``x ← (x − μ) / σ`` with μ the per-feature training mean and σ one scalar,
the standard deviation of all centred training values (a single scale keeps
the relative size of pixels, and cannot blow up a feature that is constant
on the training split); then the bias trick appends a constant 1 column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from optim_core.classifier import readers

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DIGITS = RESOURCES / "digits.npz"


@dataclass(frozen=True)
class Dataset:
    """A preprocessed train/validation split.

    ``X_train: (N_train, D)``, ``X_val: (N_val, D)`` float64 with the bias
    column last (``D = raw features + 1``); ``y_*`` int labels ``0 … K−1``;
    ``mean: (D − 1,)`` and ``scale`` are the fitted preprocessing.
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    class_names: tuple[str, ...]
    name: str
    mean: np.ndarray
    scale: float
    source: str = field(default="")

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    @property
    def dim(self) -> int:
        return self.X_train.shape[1]

    def preprocess(self, X_raw: np.ndarray) -> np.ndarray:
        """Applies the fitted preprocessing to raw samples ``(M, D − 1)`` -> ``(M, D)``."""
        return _apply(np.asarray(X_raw, dtype=float), self.mean, self.scale)


def load_dataset(source: str | Path = "digits", *, val_fraction: float = 0.2, seed: int = 0,
                 max_samples: int | None = None) -> Dataset:
    """Loads, optionally sub-samples, splits and preprocesses a dataset.

    ``source`` is ``"digits"`` (the bundled UCI digits) or a path: a CIFAR-10
    folder (binary ``data_batch_*.bin`` or python batches), a ``.npz`` with
    arrays ``X`` and ``y`` (and an optional ``class_names``), or a ``.csv``
    with the label in the last column.
    ``max_samples`` keeps a seeded random subset of that many samples; the
    split puts ``round(val_fraction·N)`` seeded random samples in validation.
    Bad files raise ``ValueError("<file>: <problem>")``.
    """
    if not 0.0 <= val_fraction < 1.0:
        raise ValueError(f"val_fraction must be in [0, 1); got {val_fraction}")
    if max_samples is not None and max_samples < 2:
        raise ValueError(f"max_samples must be at least 2; got {max_samples}")
    if str(source) == "digits":
        X, y, names = readers.read(DIGITS)
        name, info = "digits", _digits_source()
    else:
        X, y, names = readers.read(source)
        name, info = Path(source).name, str(source)
    rng = np.random.default_rng(seed)
    if max_samples is not None and len(y) > max_samples:
        keep = np.sort(rng.choice(len(y), size=max_samples, replace=False))
        X, y = X[keep], y[keep]
    num_classes = len(names) if names is not None else int(y.max()) + 1
    class_names = names if names is not None else tuple(str(k) for k in range(num_classes))
    train, val = split_indices(len(y), val_fraction, rng)
    X_train, X_val = X[train].astype(float), X[val].astype(float)
    mean, scale = fit_preprocessing(X_train)
    return Dataset(_apply(X_train, mean, scale), y[train], _apply(X_val, mean, scale), y[val],
                   class_names, name, mean, scale, info)


def split_indices(n: int, val_fraction: float, rng: np.random.Generator):
    """A seeded permutation cut into ``(train indices, val indices)``; both sorted
    and the training part never empty."""
    order = rng.permutation(n)
    n_val = min(int(round(val_fraction * n)), n - 1)
    return np.sort(order[n_val:]), np.sort(order[:n_val])


def fit_preprocessing(X_train: np.ndarray) -> tuple[np.ndarray, float]:
    """Per-feature mean ``(D,)`` and one scale (the std of the centred values; 1
    when the data are constant) fitted on ``X_train: (N, D)``."""
    mean = X_train.mean(axis=0)
    scale = float(np.sqrt(np.mean((X_train - mean) ** 2)))
    return mean, scale if scale > 0 else 1.0


def _apply(X: np.ndarray, mean: np.ndarray, scale: float) -> np.ndarray:
    out = np.empty((X.shape[0], X.shape[1] + 1))
    np.subtract(X, mean, out=out[:, :-1])
    out[:, :-1] /= scale
    out[:, -1] = 1.0
    return out


def _digits_source() -> str:
    with np.load(DIGITS, allow_pickle=False) as data:
        return f"{data['source']} Licence: {data['license']}"
