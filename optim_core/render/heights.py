"""Height transforms for the 3-D surface: how a value f becomes a height in [0, 1].

A wide range (Rosenbrock's walls are 10⁴ times its valley floor) flattens
the valley into a plane if heights follow f itself, so, like the colour
scale, the height can follow log10(f − min) instead; a range blown up by a
few far corners (a classifier slice at its edges) reads best linear but
clipped at a high quantile. ``choose_height`` picks one for a grid and the
result says which it is (``HeightMap.label``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core.render.colormaps import ColorScale, choose_scale

KINDS = ("auto", "linear", "log", "clipped")
#: How the view names its height axis (templates the GUI translates field by field).
LABEL = "height: {f}"
LOG_LABEL = "height: log₁₀({f} − min {f})"
CLIPPED_LABEL = "height: {f}, clipped at {top:.4g}"
#: ``clipped`` caps heights at this quantile of the grid's values.
CLIP_QUANTILE = 0.9
#: ``auto`` clips when the top of the range is this many times further from the
#: minimum than the ``CLIP_QUANTILE`` value (but not wide enough for a log scale).
CLIP_SPAN = 4.0


class HeightMap(NamedTuple):
    """h(f) = clip((t(f) − lo) / (hi − lo), 0, 1), with t(f) = log10(f − offset)
    for ``kind == "log"``, else t(f) = f; ``clipped`` has ``hi`` below the grid's
    maximum, so everything above it sits on the top plane."""

    kind: str
    lo: float
    hi: float
    offset: float = 0.0

    def transform(self, f: np.ndarray) -> np.ndarray:
        """t(f), same shape as ``f``."""
        f = np.asarray(f, dtype=float)
        if self.kind != "log":
            return f
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log10(np.maximum(f - self.offset, 1e-300))

    def __call__(self, f: np.ndarray) -> np.ndarray:
        """Heights in [0, 1] (non-finite values go to the top), same shape as ``f``."""
        with np.errstate(invalid="ignore", over="ignore"):
            h = (self.transform(f) - self.lo) / (self.hi - self.lo)
        return np.clip(np.where(np.isnan(h), 1.0, h), 0.0, 1.0)

    def value_at(self, h: np.ndarray) -> np.ndarray:
        """The inverse: the value f shown at height ``h`` (for axis labels)."""
        t = self.lo + np.asarray(h, dtype=float) * (self.hi - self.lo)
        return 10.0 ** t + self.offset if self.kind == "log" else t

    def label(self, name: str = "f") -> str:
        """How the view names its height axis, e.g. ``log₁₀(f − min f)``."""
        if self.kind == "log":
            return LOG_LABEL.format(f=name)
        if self.kind == "clipped":
            return CLIPPED_LABEL.format(f=name, top=float(self.value_at(1.0)))
        return LABEL.format(f=name)


def choose_height(z: np.ndarray, kind: str = "auto", scale: ColorScale | None = None
                  ) -> HeightMap:
    """The ``HeightMap`` of grid ``z (ny, nx)``.

    ``kind``: one of ``KINDS``. ``auto`` follows the colour scale (``scale``,
    chosen from ``z`` when omitted): log where the colours are log, else
    ``clipped`` when the top ``1 − CLIP_QUANTILE`` of the values spans more than
    ``CLIP_SPAN`` times the rest, else linear.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown height transform {kind!r}; one of {', '.join(KINDS)}")
    finite = np.asarray(z, dtype=float)[np.isfinite(z)]
    if finite.size == 0:
        return HeightMap("linear", 0.0, 1.0)
    lo, hi = float(finite.min()), float(finite.max())
    q = float(np.quantile(finite, CLIP_QUANTILE))
    if kind == "auto":
        scale = choose_scale(z) if scale is None else scale
        if scale.log:
            kind = "log"
        else:
            kind = "clipped" if hi - lo > CLIP_SPAN * (q - lo) > 0 else "linear"
    if kind == "log":
        eps = max((hi - lo) * 1e-6, abs(lo) * 1e-12, 1e-300)
        m = HeightMap("log", 0.0, 1.0, lo - eps)
        t_lo, t_hi = float(m.transform(lo)), float(m.transform(hi))
        return m._replace(lo=t_lo, hi=t_hi if t_hi > t_lo else t_lo + 1.0)
    top = q if kind == "clipped" and q > lo else hi
    return HeightMap(kind, lo, top if top > lo else lo + 1.0)
