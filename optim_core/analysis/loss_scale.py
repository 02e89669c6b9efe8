"""How the loss plot draws a race's losses: linear, on a log axis, or on a symmetric log.

A log axis cannot draw a loss ≤ 0. With log scale asked for:

- ``gap``: a minimum f* is known and no drawn value is below it: f − f* on a
  log axis (a straight line is linear convergence);
- ``log``: no minimum is known and every value is positive: f on a log axis;
- ``symlog``: some value is ≤ 0 (a saddle's runs escaping to −∞, say) or below
  the known f*: y = sign(v)·log₁₀(1 + |v|/c) of v = f − f* (f* = 0 when none is
  known), linear for |v| ≲ c and logarithmic beyond, so the whole curve is drawn.
  c is a power of ten, 10⁻³ of the largest |v|, so the ticks at ±c·10ᵏ are
  round numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

LINEAR, GAP, LOG, SYMLOG = "linear", "gap", "log", "symlog"
#: The symmetric log's linear part spans this share of the largest |v|.
SYMLOG_SHARE = 1e-3


@dataclass(frozen=True)
class LossScale:
    """What the loss plot draws: ``transform(f)`` on a linear or log axis."""

    mode: str  # LINEAR, GAP, LOG or SYMLOG
    offset: float = 0.0  # subtracted from f before anything else (f*, or 0)
    threshold: float = 1.0  # c of the symmetric log

    @property
    def log_axis(self) -> bool:
        """Does the plot's axis itself map log₁₀ (pyqtgraph log mode)?"""
        return self.mode in (GAP, LOG)

    def transform(self, f: np.ndarray) -> np.ndarray:
        """``f (K,)`` -> what is handed to the plot ``(K,)``."""
        v = np.asarray(f, dtype=float) - self.offset
        return symlog(v, self.threshold) if self.mode == SYMLOG else v


def choose(values: list[np.ndarray], best: float | None, log: bool) -> LossScale:
    """The scale for the drawn runs' losses ``values`` (each ``(K,)``), given the
    known minimum ``best`` (f*, or None) and whether log scale is asked for."""
    if not log:
        return LossScale(LINEAR)
    finite = np.concatenate([np.asarray(v, dtype=float).ravel() for v in values] or [[]])
    finite = finite[np.isfinite(finite)]
    offset = 0.0 if best is None else float(best)
    v = finite - offset
    tol = 1e-12 * max(1.0, abs(offset))
    if not len(v) or (best is not None and np.min(v) >= -tol):
        return LossScale(GAP if best is not None else LOG, offset)
    if best is None and np.min(v) > 0:
        return LossScale(LOG)
    largest = float(np.max(np.abs(v)))
    c = 10.0 ** math.floor(math.log10(largest * SYMLOG_SHARE)) if largest > 0 else 1.0
    return LossScale(SYMLOG, offset, c)


def symlog(v: np.ndarray, c: float) -> np.ndarray:
    """sign(v)·log₁₀(1 + |v|/c), elementwise (NaN stays NaN)."""
    v = np.asarray(v, dtype=float)
    return np.sign(v) * np.log10(1.0 + np.abs(v) / c)


def symlog_inverse(y: np.ndarray, c: float) -> np.ndarray:
    """The v whose ``symlog(v, c)`` is ``y``."""
    y = np.asarray(y, dtype=float)
    return np.sign(y) * c * (10.0 ** np.abs(y) - 1.0)
