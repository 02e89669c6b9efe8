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
#: The colour of samples where f is undefined (the 2-D stripes' mid grey).
UNDEFINED_GREY = 120 / 255


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
    ``display.hi`` (entry N − 1). Samples where f is undefined (NaN or
    infinite, ``display.undefined``) are grey, as the 2-D view's stripes are.
    """
    lut = np.asarray(lut)
    n = len(lut)
    t = (np.asarray(display.image, float) - display.lo) / (display.hi - display.lo)
    k = np.clip(np.nan_to_num(t, nan=1.0) * (n - 1) + 0.5, 0, n - 1).astype(np.intp).ravel()
    rgba = np.ones((k.size, 4), dtype=np.float32)
    rgba[:, :3] = lut[k, :3] / 255.0
    if lut.shape[1] == 4:
        rgba[:, 3] = lut[k, 3] / 255.0
    if display.undefined is not None:
        rgba[np.asarray(display.undefined).ravel(), :3] = UNDEFINED_GREY
    return rgba


def mesh_height(x: np.ndarray, y: np.ndarray, h: np.ndarray, xy: np.ndarray) -> np.ndarray:
    """The mesh's height at ``xy (..., 2)`` -> ``(...)``; points beyond the grid take
    the height at the nearest edge. ``h (ny, nx)`` are the heights at the samples."""
    ny, nx = h.shape
    xy = np.asarray(xy, dtype=float)
    u = np.clip((xy[..., 0] - x[0]) / (x[-1] - x[0]) * (nx - 1), 0, nx - 1)
    v = np.clip((xy[..., 1] - y[0]) / (y[-1] - y[0]) * (ny - 1), 0, ny - 1)
    j = np.minimum(u.astype(np.intp), nx - 2)
    i = np.minimum(v.astype(np.intp), ny - 2)
    fu, fv = u - j, v - i
    h00, h01 = h[i, j], h[i, j + 1]  # h01: one step along x
    h10, h11 = h[i + 1, j], h[i + 1, j + 1]
    lower = fu + fv <= 1.0
    first = h00 + fu * (h01 - h00) + fv * (h10 - h00)
    second = h11 + (1 - fu) * (h10 - h11) + (1 - fv) * (h01 - h11)
    return np.where(lower, first, second)


def subdivide(points: np.ndarray, cell: tuple[float, float], breaks: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """``points (N, 2)`` with each segment cut into pieces no longer than one grid
    ``cell = (dx, dy)`` along either axis (at most ``MAX_PIECES``), except the
    segments flagged in ``breaks (N − 1,)``. Returns ``(fine (M, 2), first (N,))``:
    input point k is row ``first[k]`` of ``fine``."""
    points = np.asarray(points, dtype=float)
    if len(points) < 2:
        return points, np.arange(len(points))
    d = np.diff(points, axis=0)
    steps = np.max(np.abs(d) / np.asarray(cell), axis=1)
    pieces = np.clip(np.ceil(steps), 1, MAX_PIECES).astype(np.intp)
    if breaks is not None:
        pieces[breaks] = 1
    first = np.concatenate([[0], np.cumsum(pieces)])
    if first[-1] == len(d):
        return points, first
    seg = np.repeat(np.arange(len(d)), pieces)
    t = (np.arange(first[-1]) - first[seg]) / pieces[seg]
    fine = np.concatenate([points[seg] + t[:, None] * d[seg], points[-1:]])
    return fine, first


def filled(points: np.ndarray) -> np.ndarray:
    """``points (N, 2)`` with each non-finite point replaced by the finite one before
    it (the first finite one at the start): a run that blew up stops where it was.
    Empty when no point is finite."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    ok = np.isfinite(points).all(axis=1)
    if ok.all() or not ok.any():
        return points if ok.all() else points[:0]
    idx = np.maximum.accumulate(np.where(ok, np.arange(len(points)), -1))
    idx[idx < 0] = np.argmax(ok)
    return points[idx]


def inside_grid(points: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``points (N, 2)`` cut at the edge of the grid [x0, x1] × [y0, y1]: a point past
    it just after one inside becomes the crossing of that segment with the edge,
    the others past it become NaN (``filled`` then holds the trail at the edge,
    as the 2-D view clips it there)."""
    p = np.asarray(points, dtype=float).reshape(-1, 2)
    lo, hi = np.array([x[0], y[0]]), np.array([x[-1], y[-1]])
    inside = np.isfinite(p).all(axis=1) & (p >= lo).all(axis=1) & (p <= hi).all(axis=1)
    if inside.all():
        return p
    out = np.where(inside[:, None], p, np.nan)
    leaving = np.flatnonzero(~inside[1:] & inside[:-1]) + 1
    if len(leaving):
        a, d = p[leaving - 1], p[leaving] - p[leaving - 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            t_edge = np.where(d > 0, (hi - a) / d, np.where(d < 0, (lo - a) / d, np.inf))
            t = np.clip(np.nan_to_num(np.min(t_edge, axis=1), nan=0.0), 0.0, 1.0)
            out[leaving] = a + t[:, None] * d  # NaN where the point left as a NaN
    return out


def drape_many(box: SceneBox, x: np.ndarray, y: np.ndarray, h: np.ndarray,
               polylines: list[np.ndarray], lift: float = LIFT
               ) -> list[tuple[np.ndarray, np.ndarray]]:
    """Several trails laid on the mesh ``lift`` above it, in one pass of numpy calls.

    Each polyline ``(N_i, 2)`` gives ``(scene (M_i, 3) float32, first (N_i,))``:
    cut at the grid's edge (``inside_grid``), long segments subdivided
    (``subdivide``), non-finite points replaced (``filled``); input point k is
    scene row ``first[k]`` (all N_i rows, unless no point is inside at all).
    """
    parts = [filled(inside_grid(p, x, y)) for p in polylines]
    sizes = np.array([len(p) for p in parts], dtype=np.intp)
    if not sizes.sum():
        return [(np.zeros((0, 3), np.float32), np.zeros(0, np.intp)) for _ in parts]
    points = np.concatenate(parts)
    ends = np.cumsum(sizes)
    breaks = np.zeros(max(len(points) - 1, 0), dtype=bool)
    breaks[ends[:-1][ends[:-1] > 0] - 1] = True  # no segment from one trail to the next
    cell = ((x[-1] - x[0]) / max(len(x) - 1, 1), (y[-1] - y[0]) / max(len(y) - 1, 1))
    fine, first = subdivide(points, cell, breaks)
    scene = box.to_scene(fine, mesh_height(x, y, h, fine) + lift / Z_TOP)
    out = []
    for lo, hi in zip(ends - sizes, ends, strict=True):
        if lo == hi:
            out.append((scene[:0], first[:0]))
            continue
        a, b = first[lo], first[hi - 1] + 1
        out.append((scene[a:b], first[lo:hi] - a))
    return out


def drape(box: SceneBox, x: np.ndarray, y: np.ndarray, h: np.ndarray, points: np.ndarray,
          lift: float = LIFT) -> np.ndarray:
    """One trail ``points (N, 2)`` on the mesh -> ``(M, 3)`` float32 scene points
    (see ``drape_many``)."""
    return drape_many(box, x, y, h, [points], lift)[0][0]
