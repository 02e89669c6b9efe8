"""Colours of a basin or convergence map (``analysis.BasinMap``), as an RGBA image.

Two ways to colour a start point (i, j):

* ``"basin"``: the minimum it heads for, one distinct colour per minimum
  (``BASIN_COLORS``, chosen to stay apart on a projector and for the common
  colour-vision deficiencies): full where it arrived within the tolerance,
  faded halfway to grey where it is still on its way after the last step;
  grey where no minimum is known and near-black where it diverged;
* ``"steps"``: the steps until it converged, on a log colour scale
  d = log10(t) from the fastest to the slowest start (viridis: dark is
  fast), with the same two failure colours.

The image is row-major, ``(len(ys), len(xs), 4)`` uint8, like the surface
grid: pixel [i, j] is the start (xs[j], ys[i]).
"""

from __future__ import annotations

import numpy as np

MODES = ("basin", "steps")
#: Okabe–Ito's colour-blind-safe qualitative palette, then a few more.
BASIN_COLORS = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
                "#ffffff", "#a6761d", "#66a61e")
NOT_CONVERGED = "#8c8c8c"
DIVERGED = "#1a1a1a"
_VIRIDIS = np.array([[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]],
                    dtype=float)


def hex_rgb(color: str) -> np.ndarray:
    """``"#rrggbb"`` -> ``(3,)`` uint8."""
    return np.array([int(color[k:k + 2], 16) for k in (1, 3, 5)], dtype=np.uint8)


def basin_color(index: int) -> str:
    """The colour of minimum ``index`` (the palette repeats past its end)."""
    return BASIN_COLORS[index % len(BASIN_COLORS)]


def steps_range(steps: np.ndarray) -> tuple[int, int]:
    """(fastest, slowest) step count among converged starts; (1, 1) if none."""
    done = steps[steps >= 0]
    return (int(max(done.min(), 1)), int(max(done.max(), 1))) if done.size else (1, 1)


def map_image(basin_map, mode: str = "basin", alpha: int = 200) -> np.ndarray:
    """``(ny, nx, 4)`` uint8: the map coloured by ``mode`` (see the module docstring)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    minimum, steps, diverged = basin_map.minimum, basin_map.steps, basin_map.diverged
    rgba = np.zeros(minimum.shape + (4,), dtype=np.uint8)
    rgba[..., 3] = alpha
    rgba[...] = np.append(hex_rgb(NOT_CONVERGED), alpha)
    if mode == "basin":
        grey = hex_rgb(NOT_CONVERGED).astype(float)
        for k in np.unique(basin_map.nearest[basin_map.nearest >= 0]):
            color = hex_rgb(basin_color(int(k)))
            heading = basin_map.nearest == k
            rgba[heading, :3] = np.round(0.45 * color + 0.55 * grey).astype(np.uint8)
            rgba[heading & (minimum == k), :3] = color
    else:
        done = steps >= 0
        lo, hi = steps_range(steps)
        span = np.log10(hi) - np.log10(lo)
        u = (np.log10(np.maximum(steps[done], 1)) - np.log10(lo)) / span if span > 0 else 0.0
        rgba[done, :3] = _viridis(np.clip(u, 0.0, 1.0))
    rgba[diverged, :3] = hex_rgb(DIVERGED)
    return rgba


def _viridis(u: np.ndarray) -> np.ndarray:
    """``u ∈ [0, 1]`` -> ``(..., 3)`` uint8 on a 5-stop viridis ramp."""
    u = np.asarray(u, dtype=float) * (len(_VIRIDIS) - 1)
    k = np.minimum(u.astype(int), len(_VIRIDIS) - 2)
    w = (u - k)[..., None]
    return np.round((1 - w) * _VIRIDIS[k] + w * _VIRIDIS[k + 1]).astype(np.uint8)
