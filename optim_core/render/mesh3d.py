"""The 3-D surface as a triangle mesh, and trails draped over it (pure numpy).

Scene coordinates: a surface point (x, y) with height h ∈ [0, 1] sits at
X = (x − cx)/s, Y = (y − cy)/s, Z = h · ``Z_TOP`` where (cx, cy) is the centre
of the surface's bounds and s half their larger side, so the bounds fill
[−1, 1] along their longer side and keep the 2-D view's aspect.

The mesh is the grid itself: vertex k = i·nx + j is sample ``z[i, j]`` at
(x[j], y[i]); cell (i, j) is split along the diagonal from (i, j+1) to
(i+1, j) into two triangles. ``mesh_height`` evaluates exactly that
piecewise-planar surface, so a trail drawn at ``mesh_height + lift`` is above
the drawn mesh at every vertex of the trail, and segments are cut into
pieces no longer than a cell so that they do not cut through a ridge either.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core.render.surface_display import Display

#: Height of the scene's top plane; the bounds span 2 along their longer side.
Z_TOP = 1.0
#: Trails float this far (in scene units, 0.6 % of the box height) above the mesh.
LIFT = 0.006 * Z_TOP
#: Most pieces one trail segment is cut into (a diverging run's huge jumps).
MAX_PIECES = 32


class SceneBox(NamedTuple):
    """Surface coordinates -> scene coordinates (see the module docstring)."""

    cx: float
    cy: float
    s: float

    def to_scene(self, xy: np.ndarray, h: np.ndarray) -> np.ndarray:
        """``xy (..., 2)`` and heights ``h (...)`` -> ``(..., 3)`` float32 scene points."""
        xy = np.asarray(xy, dtype=float)
        out = np.empty(xy.shape[:-1] + (3,), dtype=np.float32)
        out[..., 0] = (xy[..., 0] - self.cx) / self.s
        out[..., 1] = (xy[..., 1] - self.cy) / self.s
        out[..., 2] = np.asarray(h, dtype=float) * Z_TOP
        return out

    def half_sides(self, bounds) -> tuple[float, float]:
        """Half-widths of ``bounds`` along X and Y in scene units (the longer is 1)."""
        (x0, x1), (y0, y1) = bounds
        return (x1 - x0) / (2 * self.s), (y1 - y0) / (2 * self.s)


def scene_box(bounds) -> SceneBox:
    """The ``SceneBox`` of ``bounds = ((x0, x1), (y0, y1))``."""
    (x0, x1), (y0, y1) = bounds
    s = max(x1 - x0, y1 - y0) / 2 or 1.0
    return SceneBox((x0 + x1) / 2, (y0 + y1) / 2, float(s))


def mesh_faces(ny: int, nx: int) -> np.ndarray:
    """``(2·(ny−1)·(nx−1), 3)`` uint32 vertex indices of the grid's triangles."""
    i, j = np.meshgrid(np.arange(ny - 1), np.arange(nx - 1), indexing="ij")
    a = (i * nx + j).ravel()
    b, c = a + 1, a + nx
    d = c + 1
    return np.concatenate([np.stack([a, b, c], 1), np.stack([c, b, d], 1)]).astype(np.uint32)


def mesh_vertices(box: SceneBox, x: np.ndarray, y: np.ndarray, h: np.ndarray) -> np.ndarray:
    """``(ny·nx, 3)`` float32 scene vertices: heights ``h (ny, nx)`` at ``x (nx,)``, ``y (ny,)``."""
    xx, yy = np.meshgrid(x, y)
    return box.to_scene(np.stack([xx, yy], -1), h).reshape(-1, 3)


def vertex_colors(display: Display, lut: np.ndarray) -> np.ndarray:
    """``(ny·nx, 4)`` float32 RGBA in [0, 1]: the 2-D image's colours at each sample.

    ``lut (N, 3|4)`` uint8 is the colour map's table; as in the 2-D image, the
    displayed value d maps linearly from ``display.lo`` (entry 0) to
    ``display.hi`` (entry N − 1).
    """
    lut = np.asarray(lut)
    n = len(lut)
    t = (np.asarray(display.image, float) - display.lo) / (display.hi - display.lo)
    k = np.clip(np.nan_to_num(t, nan=1.0) * (n - 1) + 0.5, 0, n - 1).astype(np.intp).ravel()
    rgba = np.ones((k.size, 4), dtype=np.float32)
    rgba[:, :3] = lut[k, :3] / 255.0
    if lut.shape[1] == 4:
        rgba[:, 3] = lut[k, 3] / 255.0
    return rgba


def mesh_height(x: np.ndarray, y: np.ndarray, h: np.ndarray, xy: np.ndarray) -> np.ndarray:
    """The mesh's height at ``xy (..., 2)`` -> ``(...)``; points beyond the grid take
    the height at the nearest edge. ``h (ny, nx)`` are the heights at the samples."""
    ny, nx = h.shape
    xy = np.asarray(xy, dtype=float)
    u = np.clip((xy[..., 0] - x[0]) / (x[-1] - x[0]) * (nx - 1), 0, nx - 1)
    v = np.clip((xy[..., 1] - y[0]) / (y[-1] - y[0]) * (ny - 1), 0, ny - 1)
    u, v = np.nan_to_num(u), np.nan_to_num(v)
    j = np.minimum(u.astype(np.intp), nx - 2)
    i = np.minimum(v.astype(np.intp), ny - 2)
    fu, fv = u - j, v - i
    h00, h01 = h[i, j], h[i, j + 1]  # h01: one step along x
    h10, h11 = h[i + 1, j], h[i + 1, j + 1]
    lower = fu + fv <= 1.0
    first = h00 + fu * (h01 - h00) + fv * (h10 - h00)
    second = h11 + (1 - fu) * (h10 - h11) + (1 - fv) * (h01 - h11)
    return np.where(lower, first, second)


def subdivide(points: np.ndarray, cell: tuple[float, float]) -> np.ndarray:
    """``points (N, 2)`` with each segment cut into pieces no longer than one grid
    ``cell = (dx, dy)`` along either axis (at most ``MAX_PIECES``) -> ``(M, 2)``."""
    points = np.asarray(points, dtype=float)
    if len(points) < 2:
        return points
    d = np.diff(points, axis=0)
    with np.errstate(invalid="ignore"):
        steps = np.nan_to_num(np.max(np.abs(d) / np.asarray(cell), axis=1))
    pieces = np.clip(np.ceil(steps), 1, MAX_PIECES).astype(np.intp)
    if (pieces == 1).all():
        return points
    seg = np.repeat(np.arange(len(d)), pieces)
    first = np.cumsum(pieces) - pieces
    t = (np.arange(pieces.sum()) - first[seg]) / pieces[seg]
    out = points[seg] + t[:, None] * d[seg]
    return np.concatenate([out, points[-1:]])


def drape(box: SceneBox, x: np.ndarray, y: np.ndarray, h: np.ndarray, points: np.ndarray,
          lift: float = LIFT) -> np.ndarray:
    """A trail ``points (N, 2)`` laid on the mesh ``lift`` above it -> ``(M, 3)`` float32
    scene points (long segments subdivided, see ``subdivide``; non-finite points,
    where a run blew up, left out)."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    points = points[np.isfinite(points).all(axis=1)]
    cell = ((x[-1] - x[0]) / max(len(x) - 1, 1), (y[-1] - y[0]) / max(len(y) - 1, 1))
    fine = subdivide(points, cell)
    return box.to_scene(fine, mesh_height(x, y, h, fine) + lift / Z_TOP)
