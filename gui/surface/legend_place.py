"""Where the legend goes: the corner of the view that covers the fewest trail points.

Pure numpy over pixels, so the rule is easy to test: the legend is a
``(w, h)`` box set ``margin`` px in from one of the view's corners; each
corner's score is how many of the points (trail samples, heads, starts,
minima, in view pixels) it would cover. The legend moves only to a corner
that covers fewer points than the one it is in (no flicker between ties).
"""

from __future__ import annotations

import numpy as np

#: Corners as pyqtgraph anchors (x, y), y down: top-right first (the default).
CORNERS = ((1, 0), (0, 1), (1, 1), (0, 0))


def covered(points: np.ndarray, view: tuple[float, float], box: tuple[float, float],
            corner: tuple[int, int], margin: float) -> int:
    """How many ``points (N, 2)`` (pixels, y down) a ``box (w, h)`` legend at
    ``corner`` of a ``view (W, H)`` would cover."""
    (W, H), (w, h) = view, box
    x0 = margin if corner[0] == 0 else W - margin - w
    y0 = margin if corner[1] == 0 else H - margin - h
    inside = ((points[:, 0] >= x0) & (points[:, 0] <= x0 + w)
              & (points[:, 1] >= y0) & (points[:, 1] <= y0 + h))
    return int(inside.sum())


def emptiest_corner(points: np.ndarray, view: tuple[float, float], box: tuple[float, float],
                    current: tuple[int, int], margin: float = 8.0,
                    avoid: tuple[tuple[int, int], ...] = ()) -> tuple[int, int]:
    """The corner for the legend: ``current`` unless another (not in ``avoid``)
    covers fewer of ``points``."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    points = points[np.isfinite(points).all(axis=1)]
    best, best_n = current, covered(points, view, box, current, margin)
    for corner in CORNERS:
        if corner in avoid or corner == current:
            continue
        n = covered(points, view, box, corner, margin)
        if n < best_n:
            best, best_n = corner, n
    return best
