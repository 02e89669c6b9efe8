"""The race in 3-D: one line per trail, the heads, the start marker(s).

Trails and heads change every frame (the canvas's ``dynamic`` layer); line
items are kept and reused by position, so a frame is ``setData`` calls only.
Trails only grow while a race plays, so each one's draped points are kept
(``_Draped``) and a frame drapes just the new segments; anything else (a
new start, a reset, a thinned history, a new mesh) drapes it afresh. As in
the 2-D trail layer, a trail's last point (the live head, which a thinned
history replaces) is never kept. Heads of stopped runs are drawn smaller
and dimmed, the 2-D view's cross.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl

from gui.surface3d.gl_canvas import CachedGLView
from gui.surface3d.mesh_builder import Mesh

TRAIL_WIDTH = 2.5
HEAD_SIZE, STOPPED_SIZE = 13.0, 9.0
START_COLOR = (1.0, 1.0, 1.0, 0.85)


def rgba(color: str, alpha: float = 1.0) -> tuple[float, float, float, float]:
    """``#rrggbb`` -> an RGBA tuple in [0, 1]."""
    r, g, b, _ = pg.mkColor(color).getRgbF()
    return (r, g, b, alpha)


class _Draped:
    """One trail's draped prefix: ``points[:n]`` lie on the mesh as ``scene``."""

    def __init__(self, mesh: Mesh):
        self.mesh, self.n, self.last = mesh, 0, None
        self.scene = np.zeros((0, 3), np.float32)

    def extended(self, mesh: Mesh, points: np.ndarray) -> bool:
        """True when ``points`` grew from what is kept (same mesh, same prefix)."""
        return (mesh is self.mesh and len(points) > self.n
                and (self.n == 0 or np.array_equal(points[self.n - 1], self.last)))

    def request(self, points: np.ndarray) -> np.ndarray:
        """What is left to drape: from the last kept point to the head."""
        return points[max(self.n - 1, 0):]

    def complete(self, points: np.ndarray, scene: np.ndarray, first: np.ndarray
                 ) -> np.ndarray:
        """The whole trail, given ``request``'s draped ``scene`` and its ``first``
        rows; keeps all of it but the head for the next frame."""
        start = max(self.n - 1, 0)
        skip = 1 if self.n else 0  # the last kept point starts the request too
        n = len(points) - 1
        if n > self.n and len(first) == len(points) - start:
            settled = first[n - 1 - start] + 1
            self.scene = np.concatenate([self.scene, scene[skip:settled]])
            self.n, self.last = n, points[n - 1].copy()
            scene, skip = scene[settled - 1:], 1
        return np.concatenate([self.scene, scene[skip:]])


class RaceItems:
    """Trails, heads and starts of a model's traces inside ``canvas``."""

    def __init__(self, canvas: CachedGLView):
        self.canvas = canvas
        self.lines: list[gl.GLLinePlotItem] = []
        self.heads = gl.GLScatterPlotItem(pos=np.zeros((0, 3)), size=HEAD_SIZE, pxMode=True)
        self.heads.setGLOptions("opaque")
        self.starts = gl.GLScatterPlotItem(pos=np.zeros((0, 3)), size=15.0, color=START_COLOR,
                                           pxMode=True)
        self.starts.setGLOptions("translucent")
        canvas.add(self.heads, "dynamic")
        canvas.add(self.starts, "dynamic")
        #: What is drawn: per trail (colour, (M, 3) scene points), for tests.
        self.shown: list[tuple[str, np.ndarray]] = []
        self._draped: dict[tuple, _Draped] = {}

    def show(self, mesh: Mesh | None, traces, starts: np.ndarray) -> None:
        """Draw ``traces`` (the model's ``RunTrace`` list) and ``starts (S, 2)`` on ``mesh``."""
        self.shown = []
        heads, colors, sizes = [], [], []
        draped: dict[tuple, _Draped] = {}
        todo: list[tuple[str, _Draped, np.ndarray]] = []
        if mesh is not None:
            for tr in reversed(traces):  # the first run last, on top, as in 2-D
                if not tr.enabled or not len(tr.points):
                    continue
                for s in range(tr.points.shape[1]):
                    pts = tr.points[:, s, :]
                    kept = self._draped.get((tr.key, s))
                    if kept is None or not kept.extended(mesh, pts):
                        kept = _Draped(mesh)
                    draped[(tr.key, s)] = kept
                    todo.append((tr.color, kept, pts))
                    stopped = tr.diverged_at[s] >= 0
                    heads.append(tr.head[s])
                    colors.append(rgba(tr.color, 0.55 if stopped else 1.0))
                    sizes.append(STOPPED_SIZE if stopped else HEAD_SIZE)
        self._draped = draped
        if todo:
            results = mesh.drape_many([kept.request(pts) for _, kept, pts in todo])
            self.shown = [(color, kept.complete(pts, scene, first))
                          for (color, kept, pts), (scene, first) in zip(todo, results,
                                                                        strict=True)]
        self._show_lines()
        self._show_heads(mesh, heads, colors, sizes)
        pts = mesh.scene_points(starts) if mesh is not None else np.zeros((0, 3))
        self.starts.setData(pos=pts, size=15.0 if len(pts) == 1 else 7.0)
        self.canvas.update()

    def _show_lines(self) -> None:
        while len(self.lines) < len(self.shown):
            line = gl.GLLinePlotItem(width=TRAIL_WIDTH, antialias=False, mode="line_strip")
            line.setGLOptions("opaque")
            self.lines.append(line)
            self.canvas.add(line, "dynamic")
        for line, (color, pts) in zip(self.lines, self.shown, strict=False):
            line.setData(pos=pts, color=rgba(color))
            line.setVisible(len(pts) >= 2)
        for line in self.lines[len(self.shown):]:
            line.setVisible(False)

    def _show_heads(self, mesh: Mesh | None, heads, colors, sizes) -> None:
        if mesh is None or not heads:
            self.heads.setData(pos=np.zeros((0, 3)))
            return
        xy = np.array(heads, dtype=float).reshape(-1, 2)
        ok = mesh.on_mesh(xy)
        self.heads.setData(pos=mesh.scene_points(xy[ok]),
                           color=np.array(colors, dtype=np.float32)[ok],
                           size=np.array(sizes, dtype=np.float32)[ok])
