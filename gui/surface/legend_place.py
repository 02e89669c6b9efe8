"""Where the legend goes: the place in the view that covers the fewest points.

Pure numpy over pixels, so the rule is easy to test: the legend is a
``(w, h)`` box set ``margin`` px in from a corner of the view or from the
middle of one of its edges; each place's score is how many of the points
(trail samples, heads, starts, minima, the surface's low ground, in view
pixels) it would cover. The legend moves only to a place that covers fewer
points than the one it is in (no flicker between ties); corners come first.
A corner of Rosenbrock's view holds part of its curved valley, but the
middle of the top edge, between the valley's two branches, holds none.
"""

from __future__ import annotations

import numpy as np

#: Corners as pyqtgraph anchors (x, y), y down: top-right first (the default).
CORNERS = ((1, 0), (0, 1), (1, 1), (0, 0))
#: The middles of the edges: top, bottom, left, right.
EDGES = ((0.5, 0), (0.5, 1), (0, 0.5), (1, 0.5))
#: Every place the legend may go, in order of preference.
PLACES = CORNERS + EDGES


def box_at(view: tuple[float, float], box: tuple[float, float], corner: tuple[float, float],
           margin: float) -> tuple[float, float, float, float]:
    """``(x0, y0, x1, y1)``, pixels: a ``box (w, h)`` legend at anchor ``corner``."""
    (W, H), (w, h) = view, box
    x0 = margin + corner[0] * (W - 2 * margin - w)
    y0 = margin + corner[1] * (H - 2 * margin - h)
    return x0, y0, x0 + w, y0 + h


def places_over(rect: tuple[float, float, float, float], view: tuple[float, float],
                box: tuple[float, float], margin: float) -> tuple[tuple[float, float], ...]:
    """The ``PLACES`` where a ``box (w, h)`` legend would overlap ``rect
    (x0, y0, x1, y1)`` (pixels, y down), e.g. the step counter's."""
    def meets(b):
        return b[0] < rect[2] and rect[0] < b[2] and b[1] < rect[3] and rect[1] < b[3]
    return tuple(c for c in PLACES if meets(box_at(view, box, c, margin)))


def covered(points: np.ndarray, view: tuple[float, float], box: tuple[float, float],
            corner: tuple[float, float], margin: float) -> int:
    """How many ``points (N, 2)`` (pixels, y down) a ``box (w, h)`` legend at
    anchor ``corner`` (a place of ``PLACES``) of a ``view (W, H)`` would cover."""
    x0, y0, x1, y1 = box_at(view, box, corner, margin)
    inside = ((points[:, 0] >= x0) & (points[:, 0] <= x1)
              & (points[:, 1] >= y0) & (points[:, 1] <= y1))
    return int(inside.sum())


def emptiest_corner(points: np.ndarray, view: tuple[float, float], box: tuple[float, float],
                    current: tuple[float, float], margin: float = 8.0,
                    avoid: tuple[tuple[float, float], ...] = ()) -> tuple[float, float]:
    """The place for the legend: ``current`` unless another of ``PLACES`` (not in
    ``avoid``) covers fewer of ``points``."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    points = points[np.isfinite(points).all(axis=1)]
    best, best_n = current, (covered(points, view, box, current, margin)
                             if current not in avoid else np.inf)
    for corner in PLACES:
        if corner in avoid or corner == current:
            continue
        n = covered(points, view, box, corner, margin)
        if n < best_n:
            best, best_n = corner, n
    return best


def low_ground(x: np.ndarray, y: np.ndarray, z: np.ndarray, share: float = 0.08,
               side: int = 48) -> np.ndarray:
    """``(M, 2)`` surface points of the lowest ``share`` of a surface grid
    ``z (len(y), len(x))`` over axes ``x (nx,)``, ``y (ny,)``, thinned to at most
    ``side × side`` cells first: its valleys and basins, where the runs go (and
    where a legend would hide what a lesson is about). Undefined cells are skipped."""
    x, y, z = np.asarray(x, float), np.asarray(y, float), np.asarray(z, float)
    sy, sx = max(1, len(y) // side), max(1, len(x) // side)
    z = z[::sy, ::sx]
    gx, gy = np.meshgrid(x[::sx], y[::sy])
    defined = np.isfinite(z)
    if not defined.any():
        return np.zeros((0, 2))
    level = np.quantile(z[defined], share)
    low = defined & (z <= level)
    return np.column_stack([gx[low], gy[low]])
