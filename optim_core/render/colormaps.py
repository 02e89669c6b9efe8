"""Colour scales for surfaces: perceptually uniform maps and an automatic log scale."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

#: Use a log colour scale when (max − min) / (q05 − min) exceeds this: most of the
#: picture would otherwise sit in the bottom few percent of the colour range.
LOG_SPAN = 1e2


class ColorScale(NamedTuple):
    """How values f map to what the image shows.

    ``log``: display d = log10(f − offset); else d = f. ``offset = min − eps``.
    """

    log: bool
    offset: float

    def forward(self, f: np.ndarray) -> np.ndarray:
        """f -> displayed value (same shape)."""
        if not self.log:
            return np.asarray(f, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log10(np.maximum(np.asarray(f, dtype=float) - self.offset, 1e-300))

    def inverse(self, d: np.ndarray) -> np.ndarray:
        """Displayed value -> f."""
        return 10.0 ** np.asarray(d, float) + self.offset if self.log else np.asarray(d, float)


def choose_scale(z: np.ndarray, log: bool | None = None) -> ColorScale:
    """The colour scale for grid ``z`` (any shape); ``log=None`` decides by spread."""
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return ColorScale(False, 0.0)
    lo, hi = float(finite.min()), float(finite.max())
    q05 = float(np.quantile(finite, 0.05))
    span = hi - lo
    if log is None:
        log = span > 0 and span > LOG_SPAN * max(q05 - lo, 0.0)
    eps = max(span * 1e-6, abs(lo) * 1e-12, 1e-300)
    return ColorScale(bool(log), lo - eps)


def contour_levels(d: np.ndarray, count: int) -> np.ndarray:
    """``count`` levels evenly spaced in the displayed scale, inside its range.

    ``d`` is the displayed grid; the lowest 0.5 % is left out so a log scale's
    spike at the minimum does not crowd the levels into tiny rings.
    """
    finite = d[np.isfinite(d)]
    if count <= 0 or finite.size == 0:
        return np.zeros(0)
    lo, hi = float(np.quantile(finite, 0.005)), float(finite.max())
    if not hi > lo:
        return np.zeros(0)
    return np.linspace(lo, hi, count + 2)[1:-1]

