"""The 3-D mesh of a grid: which samples it keeps, their heights and colours.

Plain numpy over ``optim_core.render`` (no GL), so it can be built and
tested without a context. A grid finer than ``MAX_SIDE`` per side is thinned
to that (every k-th sample, both ends kept): the 2-D image keeps its full
resolution, the mesh does not need more triangles than pixels it covers.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core.render import mesh3d
from optim_core.render.heights import HeightMap, choose_height
from optim_core.render.surface_display import Display, prepare

#: Most samples per side of the 3-D mesh.
MAX_SIDE = 256


class Mesh(NamedTuple):
    """A grid ready to draw in 3-D.

    ``x (nx,)``, ``y (ny,)``: kept samples; ``h (ny, nx)``: heights in [0, 1]
    (``height`` maps f to them); ``vertices (ny·nx, 3)``, ``faces (F, 3)``,
    ``colors (ny·nx, 4)``: the GL mesh; ``box``: surface -> scene coordinates.
    """

    x: np.ndarray
    y: np.ndarray
    h: np.ndarray
    height: HeightMap
    box: mesh3d.SceneBox
    vertices: np.ndarray
    faces: np.ndarray
    colors: np.ndarray

    def drape(self, points: np.ndarray, lift: float = mesh3d.LIFT) -> np.ndarray:
        """Trail ``points (N, 2)`` on the mesh -> ``(M, 3)`` scene points."""
        return mesh3d.drape(self.box, self.x, self.y, self.h, points, lift)

    def drape_many(self, polylines: list[np.ndarray], lift: float = mesh3d.LIFT
                   ) -> list[tuple[np.ndarray, np.ndarray]]:
        """Several trails at once: ``(scene points, row of each input point)`` each."""
        return mesh3d.drape_many(self.box, self.x, self.y, self.h, polylines, lift)

    def scene_points(self, xy: np.ndarray, lift: float = 2 * mesh3d.LIFT) -> np.ndarray:
        """Markers at ``xy (N, 2)`` just above the mesh -> ``(K, 3)``, leaving out
        those off the mesh (K ≤ N; see ``on_mesh``)."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        xy = xy[self.on_mesh(xy)]
        h = mesh3d.mesh_height(self.x, self.y, self.h, xy) + lift / mesh3d.Z_TOP
        return self.box.to_scene(xy, h)


    def on_mesh(self, xy: np.ndarray) -> np.ndarray:
        """``(N,)`` True where ``xy (N, 2)`` is finite and over the mesh."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        with np.errstate(invalid="ignore"):
            return (np.isfinite(xy).all(axis=1) & (xy[:, 0] >= self.x[0])
                    & (xy[:, 0] <= self.x[-1]) & (xy[:, 1] >= self.y[0])
                    & (xy[:, 1] <= self.y[-1]))


def thinned(n: int, most: int = MAX_SIDE) -> np.ndarray:
    """Indices of at most ``most`` of ``n`` samples, evenly spread, first and last kept."""
    if n <= most:
        return np.arange(n)
    return np.unique(np.round(np.linspace(0, n - 1, most)).astype(np.intp))


def build_mesh(x: np.ndarray, y: np.ndarray, z: np.ndarray, bounds, display: Display | None,
               lut: np.ndarray, height_kind: str = "auto", log_color: bool | None = None
               ) -> Mesh:
    """The ``Mesh`` of grid ``z (ny, nx)`` at ``x (nx,)``, ``y (ny,)`` coloured as the 2-D
    image (``display``, prepared with ``log_color`` when None) through ``lut (N, 3|4)``."""
    if display is None:
        display = prepare(x, y, z, log_color, 0)
    cols, rows = thinned(len(x)), thinned(len(y))
    zs = z[np.ix_(rows, cols)]
    xs, ys = x[cols], y[rows]
    height = choose_height(zs, height_kind, display.scale)
    h = height(zs)
    box = mesh3d.scene_box(bounds)
    undefined = None if display.undefined is None else display.undefined[np.ix_(rows, cols)]
    kept = display._replace(image=display.image[np.ix_(rows, cols)], undefined=undefined)
    return Mesh(xs, ys, h, height, box, mesh3d.mesh_vertices(box, xs, ys, h),
                mesh3d.mesh_faces(len(ys), len(xs)), mesh3d.vertex_colors(kept, lut))
