"""How much to magnify the internals' arrows so they read at any zoom.

An optimizer's step on a flat stretch is a fraction of a pixel, and on a
steep wall it crosses the view; drawn at true length, the arrows would
vanish or fill the screen. Every arrow of one kind (the displacements: the
step, −ηg, v, Newton's step, …) is therefore drawn ``M`` times its true
length, with ``M`` a round number (1, 2 or 5 × 10ᵏ) shown in the scale key.

``M`` changes only when the longest arrow on screen leaves
[``LO_PX``, ``HI_PX``]; it is then chosen so the longest is about
``TARGET_PX`` long. Within that band arrows grow and shrink truthfully
(AdaGrad's box is seen shrinking for good), and the picture does not jump
while it plays.
"""

from __future__ import annotations

import math

import numpy as np

#: The longest arrow stays between these many pixels, else M is chosen anew.
LO_PX, HI_PX = 16.0, 160.0
#: The length the longest arrow gets when M is chosen anew.
TARGET_PX = 70.0


def nice_at_most(x: float) -> float:
    """The largest 1, 2 or 5 × 10ᵏ that is ≤ ``x`` (x > 0)."""
    k = math.floor(math.log10(x))
    base = 10.0**k
    for step in (5.0, 2.0, 1.0):
        if step * base <= x * (1 + 1e-12):
            return step * base
    return base


def magnification(longest_px: float, current: float | None) -> float:
    """``M`` for arrows whose longest true length on screen is ``longest_px``
    pixels: ``current`` while ``longest_px · current`` stays in the band,
    else a new round number (``current``, or 1, when nothing has length)."""
    if not (math.isfinite(longest_px) and longest_px > 0.0):
        return current if current else 1.0
    if current and LO_PX <= longest_px * current <= HI_PX:
        return current
    return nice_at_most(TARGET_PX / longest_px)


def format_length(value: float) -> str:
    """A key's length in surface units: 3 significant digits, no trailing zeros."""
    return f"{value:.3g}"


def arrow_geometry(origins: np.ndarray, tips: np.ndarray, head: float, min_length: float = 1.0
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shafts and heads of arrows ``origins → tips`` (both ``(N, 2)`` pixels).

    Returns ``keep (N,)`` (finite and at least ``min_length`` long), the
    shafts ``(K, 4)`` as x0, y0, x1, y1 from each origin to its head's base,
    and the heads ``(K, 3, 2)``: triangles of length ``min(head, 0.6·length)``
    and width half that, tip first.
    """
    d = tips - origins
    with np.errstate(invalid="ignore"):
        length = np.hypot(d[:, 0], d[:, 1])
        keep = np.isfinite(length) & (length >= min_length)
    o, tip, d, length = origins[keep], tips[keep], d[keep], length[keep]
    u = d / length[:, None]
    size = np.minimum(head, 0.6 * length)[:, None]
    base = tip - u * size
    n = np.stack([-u[:, 1], u[:, 0]], axis=1) * (0.5 * size)
    heads = np.stack([tip, base + n, base - n], axis=1)
    return keep, np.concatenate([o, base], axis=1), heads
