"""What the static layer draws for a grid, computed apart from the drawing.

``prepare`` turns a grid into display values, their colour range, contour
levels and contour segments. It is plain numpy, so the classifier-slice
jobs run it off the GUI thread with the grid (a 1024² grid's contours take
~80 ms); toy grids and colour-setting changes run it on the GUI thread.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core.render import contours
from optim_core.render.colormaps import ColorScale, choose_scale, contour_levels


class Display(NamedTuple):
    """A grid ready to draw.

    ``image (ny, nx)``: displayed values d = scale.forward(z), non-finite cells
    (overflow far from the minimum) set to the top of the range ``(lo, hi)``;
    ``levels``: contour levels in d; ``contour_x, contour_y (2M,)``: contour
    segment ends in surface coordinates (``connect="pairs"``); ``image_rect``
    ``(x0, y0, w, h)`` puts pixel centres on the samples; ``settings`` is the
    ``(log, contour count)`` it was prepared for; ``undefined (ny, nx)`` marks
    the cells where f itself is NaN or infinite (log x at x < 0), drawn hatched.
    """

    image: np.ndarray
    lo: float
    hi: float
    scale: ColorScale
    levels: np.ndarray
    contour_x: np.ndarray
    contour_y: np.ndarray
    image_rect: tuple[float, float, float, float]
    settings: tuple[bool | None, int]
    undefined: np.ndarray | None = None


def grid_rects(x: np.ndarray, y: np.ndarray) -> tuple[tuple, tuple]:
    """``(image_rect, sample_rect)`` as (x0, y0, w, h): the image's pixels are
    centred on the samples ``x (nx,)``, ``y (ny,)``; contours use the samples."""
    dx = (x[-1] - x[0]) / max(len(x) - 1, 1)
    dy = (y[-1] - y[0]) / max(len(y) - 1, 1)
    sample = (x[0], y[0], x[-1] - x[0], y[-1] - y[0])
    image = (x[0] - dx / 2, y[0] - dy / 2, sample[2] + dx, sample[3] + dy)
    return image, sample


def prepare(x: np.ndarray, y: np.ndarray, z: np.ndarray, log: bool | None,
            n_contours: int) -> Display:
    """Grid ``z (ny, nx)`` sampled at ``x (nx,)``, ``y (ny,)`` as a ``Display``
    with colour scale ``log`` (None: automatic) and ``n_contours`` levels."""
    scale = choose_scale(z, log)
    d = scale.forward(z)
    finite = d[np.isfinite(d)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    hi = hi if hi > lo else lo + 1.0
    image_rect, sample_rect = grid_rects(x, y)
    levels = contour_levels(d, n_contours)
    cx, cy = contours.contour_xy(d, levels, sample_rect)
    return Display(np.where(np.isfinite(d), d, hi), lo, hi, scale, levels, cx, cy, image_rect,
                   (log, n_contours), ~np.isfinite(z))
