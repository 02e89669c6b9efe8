"""Contour lines of a row-major grid by vectorized marching squares (pure numpy).

pyqtgraph's ``isocurve`` walks the grid in Python (~60 ms per level on
512²); a view needs about twelve levels every time the surface changes, so
this handles every cell of a level at once and returns bare segments, which
``pyqtgraph.arrayToQPath(..., connect="pairs")`` turns into one path.
"""

from __future__ import annotations

import numpy as np

# Edges of a cell: 0 top (i, j→j+1), 1 bottom (i+1, j→j+1), 2 left (i→i+1, j), 3 right.
# Case bits: 1 = corner (i, j) above the level, 2 = (i, j+1), 4 = (i+1, j), 8 = (i+1, j+1).
_PAIRS: dict[int, tuple[tuple[int, int], ...]] = {
    1: ((0, 2),), 2: ((0, 3),), 3: ((2, 3),), 4: ((1, 2),), 5: ((0, 1),),
    7: ((1, 3),), 8: ((1, 3),), 10: ((0, 1),), 11: ((1, 2),), 12: ((2, 3),),
    13: ((0, 3),), 14: ((0, 2),),
    # Saddle cells: these pairings when the centre lies on corner (i, j)'s side.
    6: ((0, 3), (1, 2)), 9: ((0, 3), (1, 2)),
}
_SADDLE_ALT = {6: ((0, 2), (1, 3)), 9: ((0, 2), (1, 3))}


def _edge_points(z: np.ndarray, level: float, ii: np.ndarray, jj: np.ndarray,
                 edge: int) -> np.ndarray:
    """(col, row) where the level crosses ``edge`` of cells ``(ii, jj)`` -> ``(K, 2)``,
    by linear interpolation between the edge's two corners."""
    if edge in (0, 1):
        r = ii + edge
        t = (level - z[r, jj]) / (z[r, jj + 1] - z[r, jj])
        return np.stack([jj + t, r.astype(float)], axis=-1)
    c = jj + (edge - 2)
    t = (level - z[ii, c]) / (z[ii + 1, c] - z[ii, c])
    return np.stack([c.astype(float), ii + t], axis=-1)


def segments(z: np.ndarray, level: float, valid: np.ndarray | None = None) -> np.ndarray:
    """Contour segments of ``z: (ny, nx)`` at ``level`` in index coordinates.

    ``valid: (ny-1, nx-1)`` marks cells whose four corners are finite (computed
    when omitted). Returns ``(M, 2, 2)``: segment m runs from ``(col, row)``
    ``[m, 0]`` to ``[m, 1]``.
    """
    z = np.asarray(z, dtype=float)
    if valid is None:
        valid = cell_mask(z)
    above = (z > level).view(np.uint8)
    case = (above[:-1, :-1] | (above[:-1, 1:] << 1)
            | (above[1:, :-1] << 2) | (above[1:, 1:] << 3))
    ci, cj = np.nonzero((case != 0) & (case != 15) & valid)
    cc = case[ci, cj]
    out = []
    for c, pairs in _PAIRS.items():
        sel = cc == c
        if not sel.any():
            continue
        ii, jj = ci[sel], cj[sel]
        if c in _SADDLE_ALT:
            centre = 0.25 * (z[ii, jj] + z[ii, jj + 1] + z[ii + 1, jj] + z[ii + 1, jj + 1])
            same = (centre > level) == bool(c & 1)
            groups = ((same, pairs), (~same, _SADDLE_ALT[c]))
        else:
            groups = ((slice(None), pairs),)
        for sub, prs in groups:
            for a, b in prs:
                out.append(np.stack([_edge_points(z, level, ii[sub], jj[sub], a),
                                     _edge_points(z, level, ii[sub], jj[sub], b)], axis=1))
    if not out:
        return np.zeros((0, 2, 2))
    return np.concatenate(out, axis=0)


def cell_mask(z: np.ndarray) -> np.ndarray:
    """``(ny-1, nx-1)`` True where all four corners of a cell are finite."""
    f = np.isfinite(z)
    return f[:-1, :-1] & f[:-1, 1:] & f[1:, :-1] & f[1:, 1:]


def contour_xy(z: np.ndarray, levels: np.ndarray, rect: tuple[float, float, float, float]
               ) -> tuple[np.ndarray, np.ndarray]:
    """All levels' segments in surface coordinates, ready for ``connect="pairs"``.

    ``rect = (x0, y0, width, height)`` spans the grid's corner samples (sample j
    sits at ``x0 + j * width / (nx - 1)``). Returns ``x, y`` of length ``2M``;
    points ``2m`` and ``2m + 1`` are the ends of segment m.
    """
    z = np.asarray(z, dtype=float)
    ny, nx = z.shape
    valid = cell_mask(z)
    segs = [segments(z, float(lv), valid) for lv in np.atleast_1d(levels)]
    pts = np.concatenate(segs, axis=0).reshape(-1, 2) if segs else np.zeros((0, 2))
    x0, y0, w, h = rect
    return x0 + pts[:, 0] * (w / max(nx - 1, 1)), y0 + pts[:, 1] * (h / max(ny - 1, 1))
