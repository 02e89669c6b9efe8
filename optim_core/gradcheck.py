"""Numerical gradient checks, as in the CS231n notes.

``numerical_gradient`` takes centred (f(x+h) − f(x−h)) / 2h or forward
(f(x+h) − f(x)) / h differences for arrays of any shape;
``relative_error`` is |a − n| / max(|a|, |n|) (0 where both are 0, NaN where
either is not finite);
``check`` compares an analytic gradient with the numeric one on all or on
sampled coordinates and gives each row a ``verdict``:

==========  =================  =======================================
verdict     relative error     meaning
==========  =================  =======================================
WRONG       > 1e-2             the gradient is probably wrong
DOUBTFUL    1e-2 … 1e-4        uncomfortable
KINK        1e-4 … 1e-7        fine for objectives with kinks (hinge, |x|)
RIGHT       < 1e-7             right
==========  =================  =======================================

``h_sweep`` gives the error against h: truncation error grows on the right
(∝ h² centred, ∝ h forward), round-off on the left (∝ ε/h).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

WRONG = "wrong"
DOUBTFUL = "doubtful"
KINK = "kink"
RIGHT = "right"
#: (lower bound of the relative error, verdict), most severe first.
THRESHOLDS: tuple[tuple[float, str], ...] = ((1e-2, WRONG), (1e-4, DOUBTFUL), (1e-7, KINK))

Indices = Sequence[int] | Sequence[tuple[int, ...]] | np.ndarray | None


@dataclass(frozen=True)
class CheckRow:
    """One checked coordinate: ``index`` into x (a tuple), both derivatives, verdict."""

    index: tuple[int, ...]
    analytic: float
    numeric: float
    rel_error: float
    verdict: str


def verdict(rel_error: float) -> str:
    """The CS231n reading of a relative error (NaN counts as WRONG)."""
    if not rel_error <= THRESHOLDS[0][0]:
        return WRONG
    for bound, name in THRESHOLDS[1:]:
        if rel_error > bound:
            return name
    return RIGHT


def relative_error(analytic, numeric) -> np.ndarray | float:
    """|a − n| / max(|a|, |n|) elementwise; 0 where both are 0; NaN where either
    is NaN or infinite (no error can be measured there, so ``verdict`` says
    WRONG: a NaN gradient must never pass a check)."""
    a, n = np.asarray(analytic, dtype=float), np.asarray(numeric, dtype=float)
    measurable = np.isfinite(a) & np.isfinite(n)
    a, n = np.where(measurable, a, 0.0), np.where(measurable, n, 0.0)
    scale = np.maximum(np.abs(a), np.abs(n))
    scale = np.where(scale > 0, scale, 1.0)
    with np.errstate(over="ignore"):
        diff = np.abs(a - n)
    # |a − n| overflows only when both are near the largest float: scale first there.
    err = np.where(np.isinf(diff), np.abs(a / scale - n / scale), diff / scale)
    err = np.where(measurable, err, np.nan)
    return float(err) if err.ndim == 0 else err


def _flat_indices(shape: tuple[int, ...], indices: Indices) -> np.ndarray:
    """Flat positions of ``indices`` (flat ints or index tuples); all when None."""
    size = int(np.prod(shape))
    if indices is None:
        return np.arange(size)
    idx = list(indices)
    if idx and isinstance(idx[0], tuple):
        return np.ravel_multi_index(tuple(np.array(idx).T), shape)
    flat = np.asarray(idx, dtype=int)
    if flat.size and (flat.min() < -size or flat.max() >= size):
        raise IndexError(f"index out of range for an array of size {size}")
    return flat % size if size else flat


def numerical_gradient(
    f: Callable[[np.ndarray], float], x, h: float = 1e-5, centered: bool = True,
    indices: Indices = None,
) -> np.ndarray:
    """Finite-difference gradient of scalar ``f`` at ``x`` (any shape; not modified).

    Returns an array shaped like ``x`` when ``indices`` is None, else a 1-D
    array with the partial derivative at each of ``indices`` (flat ints or
    index tuples). Centred: (f(x+h) − f(x−h)) / 2h; forward: (f(x+h) − f(x)) / h.
    """
    x = np.array(x, dtype=float)
    flat = _flat_indices(x.shape, indices)
    f0 = None if centered else float(f(x.copy()))
    out = np.empty(len(flat))
    for k, i in enumerate(flat):
        plus, minus = x.copy(), x.copy()
        plus.flat[i] += h
        if centered:
            minus.flat[i] -= h
            out[k] = (float(f(plus)) - float(f(minus))) / (2 * h)
        else:
            out[k] = (float(f(plus)) - f0) / h
    return out.reshape(x.shape) if indices is None else out


def _sample(shape: tuple[int, ...], n_samples: int | None, seed: int) -> np.ndarray:
    size = int(np.prod(shape))
    if n_samples is None or n_samples >= size:
        return np.arange(size)
    return np.sort(np.random.default_rng(seed).choice(size, size=n_samples, replace=False))


def check(
    f: Callable[[np.ndarray], float], grad_f: Callable[[np.ndarray], np.ndarray], x,
    h: float = 1e-5, n_samples: int | None = None, seed: int = 0, centered: bool = True,
) -> list[CheckRow]:
    """Compare ``grad_f(x)`` with the numeric gradient on all coordinates, or on
    ``n_samples`` of them drawn with ``seed`` (in index order)."""
    x = np.array(x, dtype=float)
    flat = _sample(x.shape, n_samples, seed)
    analytic = np.asarray(grad_f(x.copy()), dtype=float).reshape(-1)[flat]
    numeric = numerical_gradient(f, x, h, centered, indices=flat)
    errors = np.atleast_1d(relative_error(analytic, numeric))
    return [
        CheckRow(tuple(int(j) for j in np.unravel_index(i, x.shape)), float(a), float(n),
                 float(e), verdict(float(e)))
        for i, a, n, e in zip(flat, analytic, numeric, errors, strict=True)
    ]


def h_sweep(
    f: Callable[[np.ndarray], float], grad_f: Callable[[np.ndarray], np.ndarray], x,
    hs=None, indices: Indices = None, centered: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Worst relative error over ``indices`` (all when None) for each step ``h``.

    ``hs`` defaults to 25 steps from 1e-12 to 1e-0. Returns ``(hs (H,), errors (H,))``.
    """
    x = np.array(x, dtype=float)
    hs = np.logspace(-12, 0, 25) if hs is None else np.asarray(hs, dtype=float)
    flat = _flat_indices(x.shape, indices)
    analytic = np.asarray(grad_f(x.copy()), dtype=float).reshape(-1)[flat]
    errors = np.array([
        np.max(relative_error(analytic, numerical_gradient(f, x, h, centered, indices=flat)))
        for h in hs
    ])
    return hs, errors
