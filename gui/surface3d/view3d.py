"""Surface3DView: the surface as a coloured mesh with the race lying on it.

A plain QWidget over an ``ExperimentModel``, like the 2-D ``SurfaceView``,
and fed by the same signals: a new grid (the preview, then the full one) or
colour setting rebuilds the mesh; every step, drag, run change or new start
redraws the trails. The colours are the 2-D image's (same map, same scale,
log included); the height follows a transform (auto, linear, log, clipped)
that the bar above the view names. Mouse: drag to orbit, Shift+drag or the
middle button to pan, the wheel to zoom; Home (key or button) resets.

Build it only where ``gl_probe.unavailable_reason()`` is None.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.app.i18n import translate, translated
from gui.surface3d import camera as cam
from gui.surface3d.frame_overlay import draw_overlay
from gui.surface3d.gl_canvas import CachedGLView
from gui.surface3d.mesh_builder import Mesh, build_mesh
from gui.surface3d.race_items import RaceItems
from gui.surface3d.surface_items import SurfaceItems
from optim_core.experiment.spec import CLASSIFIER
from optim_core.experiment.state import surface_jobs
from optim_core.render.heights import KINDS
from optim_core.render.surface_display import prepare

#: How the height menu names each transform.
HEIGHT_KINDS = {"auto": QT_TRANSLATE_NOOP("Surface3D", "auto"),
                "linear": QT_TRANSLATE_NOOP("Surface3D", "linear"),
                "log": QT_TRANSLATE_NOOP("Surface3D", "log"),
                "clipped": QT_TRANSLATE_NOOP("Surface3D", "clipped")}

BACKGROUND = "#14141c"


class Surface3DView(QWidget):
    """Live 3-D view of ``model``; ``controls=False`` leaves out the bar (export)."""

    def __init__(self, model, parent: QWidget | None = None, controls: bool = True):
        super().__init__(parent)
        self.model = model
        self.mesh: Mesh | None = None
        self.height_kind = "auto"
        self._stale = True  # the model changed while the view was hidden
        self.canvas = CachedGLView()
        self.canvas.setBackgroundColor(BACKGROUND)
        self.surface_items = SurfaceItems(self.canvas)
        self.race = RaceItems(self.canvas)
        self.home_button = QToolButton(text=translate("Surface3D", "Home"),
                                       toolTip=translate("Surface3D", "Reset the camera (Home)"))
        self.height_box = QComboBox(
            toolTip=translate("Surface3D", "How f becomes height in the 3-D view"))
        for kind in KINDS:
            self.height_box.addItem(translate("Surface3D", "height: {kind}").format(
                kind=translated("Surface3D", HEIGHT_KINDS[kind])), kind)
        self.info = QLabel()
        # Long height names must not widen the view: a splitter beside the 2-D view
        # would give the 2-D view only what is left.
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._layout(controls)
        #: Home resets the camera while the view has the focus (a window with its own
        #: Home turns this off and resets the camera from its action instead).
        self.home_action = home = QAction(translate("Surface3D", "Reset the 3-D camera"), self)
        home.setShortcut(QKeySequence(Qt.Key.Key_Home))
        home.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        home.triggered.connect(self.reset_camera)
        self.addAction(home)
        self.home_button.clicked.connect(self.reset_camera)
        self.height_box.currentIndexChanged.connect(
            lambda _i: self.set_height_kind(self.height_box.currentData()))
        self.reset_camera()
        self._connect()
        self._on_grid_ready()

    def _layout(self, controls: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if controls:
            bar = QHBoxLayout()
            bar.setContentsMargins(4, 2, 4, 0)
            for w in (self.home_button, self.height_box):
                bar.addWidget(w)
            bar.addWidget(self.info, 1)
            layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)

    def _connect(self) -> None:
        m = self.model
        m.grid_ready.connect(self._on_grid_ready)
        m.view_changed.connect(self._on_grid_ready)
        for signal in (m.starts_changed, m.runs_changed, m.trajectories_changed, m.stepped):
            signal.connect(self._redraw_runs)

    # ------------------------------------------------------------- model -> view
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._on_grid_ready()

    def _hidden(self) -> bool:
        """A hidden view only notes that it is behind; it catches up when shown."""
        self._stale = self._stale or not self.isVisible()
        return not self.isVisible()

    def _on_grid_ready(self) -> None:
        grid, s = self.model.grid, self.model.surface
        if grid is None or s is None or self._hidden():
            return
        self._stale = False
        v = self.model.spec.view
        display = grid.display
        if display is None or display.settings != (v.log_color, v.contours):
            display = prepare(grid.x, grid.y, grid.z, v.log_color, v.contours)
        lut = pg.colormap.get(v.colormap).getLookupTable(nPts=256, alpha=False)
        self.mesh = build_mesh(grid.x, grid.y, grid.z, s.bounds, display, lut, self.height_kind)
        self.surface_items.show(self.mesh, display, s.bounds, s.minima, self.axis_names())
        self._redraw_runs()

    def _redraw_runs(self, *_) -> None:
        if self._hidden():
            return
        self.race.show(self.mesh, self.model.traces(), self.model.starts)
        height = self.mesh.height.label(self.axis_names()[2]) if self.mesh is not None else ""
        self.info.setText(f"{self._step_text()}    {translated('core', height)}")

    def _step_text(self) -> str:
        return translate("Surface3D", "step {step}").format(step=self.model.step)

    def axis_names(self) -> tuple[str, str, str]:
        """x, y, f on a toy surface; a, b, L on a classifier slice."""
        s = self.model.surface
        slice_ = self.model.spec.surface.name == CLASSIFIER or (
            s is not None and surface_jobs.is_slice(s))
        return ("a", "b", "L") if slice_ else ("x", "y", "f")

    # ------------------------------------------------------------------ camera
    def reset_camera(self) -> None:
        """Home: the camera back where it starts."""
        cam.apply(self.canvas, cam.HOME)

    def camera(self) -> cam.Camera:
        return cam.current(self.canvas)

    def set_camera(self, camera: cam.Camera) -> None:
        cam.apply(self.canvas, camera)

    def set_height_kind(self, kind: str) -> None:
        """``auto``, ``linear``, ``log`` or ``clipped``; the mesh is rebuilt."""
        if kind not in KINDS:
            raise ValueError(f"unknown height transform {kind!r}; one of {', '.join(KINDS)}")
        self.height_kind = kind
        self.height_box.blockSignals(True)
        self.height_box.setCurrentIndex(KINDS.index(kind))
        self.height_box.blockSignals(False)
        self._on_grid_ready()

    def project(self, points: np.ndarray) -> np.ndarray:
        """Scene ``points (N, 3)`` -> ``(N, 2)`` pixels of ``canvas`` (for tests)."""
        return cam.project(self.canvas, points)

    # ------------------------------------------------------------------ frames
    def grab_canvas(self) -> QImage:
        """What the canvas shows now, drawn afresh (its own size, device pixels)."""
        return self.canvas.grabFramebuffer()

    def render_image(self, width: int, height: int) -> QImage:
        """The current state at ``width × height``, with the step, the height
        transform and a legend painted over it (animation frames)."""
        if not self.isVisible():
            self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            self.show()
        self.resize(width + self.width() - self.canvas.width(),
                    height + self.height() - self.canvas.height())
        image = self.grab_canvas().convertToFormat(QImage.Format.Format_RGB32)
        if image.width() != width or image.height() != height:
            image = image.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        height_text = self.mesh.height.label(self.axis_names()[2]) if self.mesh else ""
        draw_overlay(image, self.model.traces(), self._step_text(),
                     translated("core", height_text))
        return image
