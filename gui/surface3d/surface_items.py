"""The still part of the 3-D view: the coloured mesh, its contours, minima and axes.

Everything here is in the canvas's ``static`` layer (drawn once per camera),
except the axis labels, which are text painted every frame (``overlay``).
The contour lines are the 2-D view's own (same levels, same segments),
laid on the mesh: they show the shape where a flat colour would not.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph.opengl as gl
from OpenGL import GL
from PySide6.QtGui import QColor, QFont

from gui.surface3d.gl_canvas import CachedGLView
from gui.surface3d.mesh_builder import Mesh
from optim_core.render import mesh3d
from optim_core.render.surface_display import Display

AXIS_COLOR = (0.78, 0.78, 0.82, 1.0)
CONTOUR_COLOR = (1.0, 1.0, 1.0, 0.35)
LABEL_COLOR = QColor("#d8d8e0")
#: Label offsets from the box, in scene units.
NAME_GAP, NUMBER_GAP = 0.16, 0.07


class SurfaceItems:
    """The mesh, contours, minima, axes and their labels inside ``canvas``."""

    def __init__(self, canvas: CachedGLView):
        self.canvas = canvas
        self.mesh = gl.GLMeshItem(smooth=False, computeNormals=False, glOptions="opaque")
        # The mesh a hair behind in depth: lines lying on it win every tie.
        self.mesh.updateGLOptions({GL.GL_POLYGON_OFFSET_FILL: True,
                                   "glPolygonOffset": (1.0, 1.0)})
        self.contours = gl.GLLinePlotItem(mode="lines", color=CONTOUR_COLOR, width=1.0,
                                          glOptions="translucent")
        self.minima = gl.GLScatterPlotItem(pos=np.zeros((0, 3)), color=(1, 1, 1, 1), size=11.0)
        self.axes = gl.GLLinePlotItem(mode="lines", color=AXIS_COLOR, width=1.5,
                                      glOptions="opaque")
        for item in (self.mesh, self.contours, self.minima, self.axes):
            canvas.add(item, "static")
        font = QFont()
        font.setPixelSize(13)
        self.labels = [gl.GLTextItem(color=LABEL_COLOR, font=font) for _ in range(8)]
        for label in self.labels:
            canvas.add(label, "overlay")
        #: The axis names shown (x, y, f or a, b, L), for tests.
        self.names: tuple[str, str, str] = ("x", "y", "f")

    def show(self, mesh: Mesh, display: Display, bounds, minima: np.ndarray,
             names: tuple[str, str, str]) -> None:
        """Draw ``mesh`` with ``display``'s contours, ``minima (M, 2)`` and labelled axes."""
        self.mesh.setMeshData(vertexes=mesh.vertices, faces=mesh.faces,
                              vertexColors=mesh.colors)
        ends = np.stack([display.contour_x, display.contour_y], -1)
        pts = mesh.scene_points(ends, lift=mesh3d.LIFT / 2) if len(ends) else np.zeros((0, 3))
        self.contours.setData(pos=pts if len(pts) % 2 == 0 else pts[:-1])
        self.contours.setVisible(len(pts) >= 2)
        self.minima.setData(pos=mesh.scene_points(np.asarray(minima, float).reshape(-1, 2),
                                                  lift=4 * mesh3d.LIFT))
        self._show_axes(mesh, bounds, names)
        self.canvas.static_changed()

    def _show_axes(self, mesh: Mesh, bounds, names: tuple[str, str, str]) -> None:
        hx, hy = mesh.box.half_sides(bounds)
        top = mesh3d.Z_TOP
        corners = np.array([[-hx, -hy], [hx, -hy], [hx, hy], [-hx, hy]])
        floor = np.concatenate([[np.r_[corners[k], 0.0], np.r_[corners[(k + 1) % 4], 0.0]]
                                for k in range(4)])
        vertical = np.array([[-hx, hy, 0.0], [-hx, hy, top]])
        self.axes.setData(pos=np.concatenate([floor, vertical]).astype(np.float32))
        self.names = names
        (x0, x1), (y0, y1) = bounds
        # Only the top of the height axis is numbered: text is drawn over the mesh, and
        # a number at the foot of the axis sat in the middle of the surface.
        f_hi = mesh.height.value_at(1.0)
        g, n = NAME_GAP, NUMBER_GAP
        texts = (
            (names[0], (0.0, -hy - g, 0.0)), (f"{x0:.3g}", (-hx, -hy - n, 0.0)),
            (f"{x1:.3g}", (hx, -hy - n, 0.0)),
            (names[1], (-hx - g, 0.0, 0.0)), (f"{y0:.3g}", (-hx - n, -hy, 0.0)),
            (f"{y1:.3g}", (-hx - n, hy, 0.0)),
            (names[2], (-hx, hy, top + g)), (f"{f_hi:.3g}", (-hx, hy + 2 * n, top)),
        )
        for label, (text, pos) in zip(self.labels, texts, strict=True):
            label.setData(text=text, pos=np.array(pos))
