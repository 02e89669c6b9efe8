"""SurfaceView: the surface, the racing trails, the start markers and the legend.

A plain QWidget over an ``ExperimentModel``: it works alone (no main
window) and can render the current state to a QImage of any size with the
same drawing code (``render_image``), which animation export builds on.

Layers, back to front: cached colour image and contours (``SurfaceLayer``),
known minima (white stars), every trail (``TrailLayer``, incremental),
heads (one scatter item; × where a run diverged), start marker(s), legend.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.app.core_text import error_text
from gui.app.i18n import translate, translated
from gui.surface import view_picture, view_style
from gui.surface.computing_overlay import ComputingOverlay
from gui.surface.heads_item import HeadsItem
from gui.surface.internals_overlay import InternalsOverlay
from gui.surface.legend_place import low_ground
from gui.surface.map_layer import MapLayer
from gui.surface.projection_layer import ProjectionLayer
from gui.surface.readout import readout
from gui.surface.run_legend import RunLegend
from gui.surface.surface_layer import SurfaceLayer
from gui.surface.surface_viewbox import SurfaceViewBox
from gui.surface.trail_layer import Trail, TrailLayer
from gui.surface.view_menu import show_view_menu
from optim_core.experiment.state import surface_jobs
from optim_core.render.surface_display import prepare

START_PEN = pg.mkPen("#ffffff", width=2)


class SurfaceView(QWidget):
    """Live view of ``model``. ``readout_changed(text)`` reports x, y, f, |∇f|
    under the cursor (the main window puts it in the status bar)."""

    readout_changed = Signal(str)

    def __init__(self, model, parent: QWidget | None = None, trail_width: float = 2.0):
        super().__init__(parent)
        self.model = model
        self.picture_twin: SurfaceView | None = None  # draws pictures while shown
        self._bounds = None
        self._dragging = False
        self._starts_before_click: np.ndarray | None = None
        # Sizes of text, trails and markers (``view_style``): the view's own scale
        # (presentation mode) and the one drawn now (times a picture's, in exports).
        self.text_scale = self.drawn_scale = 1.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._build_plots(layout)
        self.layer = SurfaceLayer(self.viewbox, self.colorbar)
        self.colorbar.setImageItem(self.layer.image, insert_in=self.plot)
        self.trails = TrailLayer(width=trail_width)
        self.viewbox.addItem(self.trails, ignoreBounds=True)
        self.projections = ProjectionLayer(self.viewbox, model.training)  # trained paths
        self.heads = HeadsItem()
        self.heads.setZValue(20)
        self.viewbox.addItem(self.heads, ignoreBounds=True)
        self.internals = InternalsOverlay(self.viewbox, model, self._redraw_runs)
        layout.addWidget(self.internals.formula)
        self._build_start_markers()
        self.legend = RunLegend(self.viewbox)
        self.map_layer = MapLayer(self.viewbox)
        self.step_text = pg.TextItem(color="#e8e8e8", anchor=(0, 0), fill=(16, 16, 24, 150))
        self.step_text.setParentItem(self.viewbox)
        self.step_text.setPos(8, 4)
        self.legend.keep_clear = self.step_text
        self.computing = ComputingOverlay(self.viewbox, model)  # greys a surface being replaced
        self._style_axes()
        self._connect()
        self._on_surface_changed()
        self._on_grid_ready()
        self._on_starts_changed()
        self._redraw_runs()

    # ------------------------------------------------------------------ set-up
    def _build_plots(self, layout: QVBoxLayout) -> None:
        """The canvas: the surface's plot and colour bar, and the 1-D cut's plot."""
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.ci.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.canvas)
        self.viewbox = SurfaceViewBox(lockAspect=True)
        self.plot = self.canvas.addPlot(row=0, col=0, viewBox=self.viewbox)
        self.plot.hideButtons()
        self.colorbar = pg.ColorBarItem(values=(0, 1), width=14, interactive=False,
                                        colorMap=pg.colormap.get("viridis"))
        self.line_plot = pg.PlotItem()
        self.line_plot.setMaximumHeight(150)
        self.line_curve = self.line_plot.plot(pen=pg.mkPen("#ffd166", width=2))
        self.line_plot.addItem(pg.InfiniteLine(0, pen=pg.mkPen(255, 255, 255, 90,
                                                               style=Qt.PenStyle.DashLine)))

    def _build_start_markers(self) -> None:
        self.start_marker = pg.TargetItem(size=view_style.START_PX, symbol="o", pen=START_PEN,
                                          brush=pg.mkBrush(255, 255, 255, 50),
                                          hoverPen=pg.mkPen("#ffd166", width=2.5),
                                          hoverBrush=pg.mkBrush(255, 209, 102, 80))
        self.start_marker.setZValue(30)
        self.viewbox.addItem(self.start_marker, ignoreBounds=True)
        self.start_grid = pg.ScatterPlotItem(symbol="o", size=6, pen=pg.mkPen("w", width=1),
                                             brush=pg.mkBrush(None), antialias=True)
        self.start_grid.setZValue(25)
        self.viewbox.addItem(self.start_grid, ignoreBounds=True)

    def _style_axes(self) -> None:
        font = self.font()
        font.setPointSizeF(10)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen("#c8c8d0")
            axis.setPen("#60606c")
        self.colorbar.axis.setTickFont(font)
        # Wide enough for labels like "−2.3045" plus the axis title, and fixed, so
        # the layout does not shift when a new surface brings other labels.
        self.colorbar.axis.setWidth(QFontMetrics(font).horizontalAdvance("−0.00000") + 24)
        self.line_plot.getAxis("bottom").setTickFont(font)
        self.line_plot.getAxis("left").setTickFont(font)
        # Plain numbers: an "(x0.001)" SI factor on a loss axis only confuses.
        for axis in (self.colorbar.axis, *(self.line_plot.getAxis(n) for n in ("left", "bottom")),
                     self.plot.getAxis("left"), self.plot.getAxis("bottom")):
            axis.enableAutoSIPrefix(False)

    def _connect(self) -> None:
        m = self.model
        m.surface_changed.connect(self._on_surface_changed)
        m.grid_ready.connect(self._on_grid_ready)
        m.view_changed.connect(self._on_grid_ready)
        m.starts_changed.connect(self._on_starts_changed)
        m.spec_replaced.connect(self._on_starts_changed)  # a new experiment brings its starts
        m.runs_changed.connect(self._redraw_runs)
        m.trajectories_changed.connect(self._redraw_runs)
        m.stepped.connect(self._redraw_runs)
        m.many_starts.maps_changed.connect(self._on_maps_changed)
        self.viewbox.clicked.connect(self._on_clicked)
        self.viewbox.double_clicked.connect(self._on_double_clicked)
        self.viewbox.menu_requested.connect(lambda *a: show_view_menu(self, *a))
        self.viewbox.rect_selected.connect(self._on_rect_selected)
        self.start_marker.sigPositionChanged.connect(self._on_marker_dragged)
        self.start_marker.sigPositionChangeFinished.connect(self._on_marker_released)
        self.legend.toggled.connect(
            lambda i: m.set_run_enabled(i, not m.spec.runs[i].enabled))
        self.canvas.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # ------------------------------------------------------------- model -> view
    def _on_surface_changed(self) -> None:
        self.refresh_titles()
        self._show_line_plot(surface_jobs.is_slice(self.model.surface))

    def refresh_titles(self) -> None:
        """The plot's title and axis names, at the view's text scale: those of the
        surface drawn (while a new one is built, the old one is, under a veil)."""
        s = self.model.surface
        size = f"{view_style.TITLE_PT * self.drawn_scale:g}pt"
        if s is not None:
            self.plot.setTitle(translated("core", getattr(s, "title", "")), color="#e8e8e8",
                               size=size)
        classifier = s is not None and surface_jobs.is_slice(s)
        xl, yl = (translate("SurfaceView", "a  (along D₁)"),
                  translate("SurfaceView", "b  (along D₂)")) if classifier else ("x", "y")
        axis_size = {"font-size": f"{view_style.AXIS_PT * self.drawn_scale:g}pt"}
        self.plot.setLabel("bottom", xl, color="#c8c8d0", **axis_size)
        self.plot.setLabel("left", yl, color="#c8c8d0", **axis_size)

    def _on_grid_ready(self) -> None:
        grid, s = self.model.grid, self.model.surface
        if grid is None or s is None:
            return
        v = self.model.spec.view
        display = grid.display
        if display is None or display.settings != (v.log_color, v.contours):
            display = prepare(grid.x, grid.y, grid.z, v.log_color, v.contours)
        self.layer.show(display, colormap=v.colormap, minima=s.minima,
                        name="L" if surface_jobs.is_slice(s) else "f")
        bounds = tuple(map(tuple, s.bounds))
        if bounds != self._bounds:
            self._bounds = bounds
            lo, hi = s.box()
            box = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
            self.trails.set_bounds(box)
            self.heads.set_bounds(box)
            self.internals.layer.set_bounds(box)
            self.viewbox.set_home(bounds, (lo, hi))
        self._on_surface_changed()
        self.legend.set_ground(low_ground(grid.x, grid.y, grid.z))
        self.legend.follow(self.model.traces(), self.model.step)
        if grid.line is not None:
            self.line_curve.setData(*grid.line)

    def _on_maps_changed(self) -> None:
        ms = self.model.many_starts
        shown = ms.maps.get(ms.spec.run) or next(iter(ms.maps.values()), None)
        if ms.spec.shown and shown is not None:
            self.map_layer.show(shown, ms.spec.mode)
        else:
            self.map_layer.clear()

    def _on_starts_changed(self) -> None:
        starts = self.model.starts
        single = len(starts) == 1
        self.start_marker.setVisible(single)
        if single and not self._dragging:
            self.start_marker.blockSignals(True)
            self.start_marker.setPos(QPointF(*starts[0]))
            self.start_marker.blockSignals(False)
        self.start_grid.setData(pos=np.zeros((0, 2)) if single else starts)

    def _redraw_runs(self, *_) -> None:
        traces = self.model.traces()
        trails, heads, colors, stopped = [], [], [], []
        # The first run is drawn last, on top: the legend's order is the stacking order.
        for tr in reversed(traces):
            if not tr.enabled or not len(tr.points):
                continue
            for s in range(tr.points.shape[1]):
                trails.append(Trail(tr.points[:, s, :], tr.color, (tr.key, s)))
                heads.append(tr.head[s])
                colors.append(tr.color)
                stopped.append(tr.diverged_at[s] >= 0)
        self.trails.set_trails(trails)
        self.heads.set_heads(np.array(heads).reshape(-1, 2), colors, np.array(stopped, bool),
                             size=(7 if len(self.model.starts) > 4 else 12) * self.drawn_scale)
        self.internals.redraw(traces)
        self.legend.update(traces)
        self.legend.follow(traces, self.model.step)
        self.step_text.setText(translate("SurfaceView", "step {step}").format(step=self.model.step))

    def _show_line_plot(self, show: bool) -> None:
        shown = self.line_plot.scene() is not None
        if show and not shown:
            self.canvas.addItem(self.line_plot, row=1, col=0)
            self.line_plot.setLabel("bottom", "a", color="#c8c8d0")
            self.line_plot.setLabel("left", "L(W₀ + a·D₁)", color="#c8c8d0")
        elif not show and shown:
            self.canvas.removeItem(self.line_plot)

    # ------------------------------------------------------------- view -> model
    def _on_clicked(self, x: float, y: float) -> None:
        self._starts_before_click = self.model.starts
        self._place(self.model.set_start, *self.map_layer.snap(x, y))

    def _on_double_clicked(self) -> None:
        """Reset the view; the double click's first click moved the start, so put
        it back."""
        if self._starts_before_click is not None:
            self.model.set_starts(self._starts_before_click)
            self._starts_before_click = None
        self.reset_view()

    def reset_view(self) -> None:
        """The surface's own bounds, as on opening it."""
        self.viewbox.go_home()

    def _on_rect_selected(self, rect: QRectF) -> None:
        if rect.width() > 0 and rect.height() > 0:
            self._place(self.model.seed_grid, rect.left(), rect.top(), rect.right(),
                        rect.bottom())

    def _on_marker_dragged(self) -> None:
        p = self.start_marker.pos()
        self._dragging = True
        self._place(self.model.drag_start, p.x(), p.y())

    def _place(self, method, *coords: float) -> None:
        """Start points from the mouse; where the model refuses them (beyond what
        an experiment can hold) the readout says why and nothing changes."""
        try:
            method(*coords)
        except ValueError as e:
            self.readout_changed.emit(
                translate("SurfaceView", "no start point there: {reason}").format(
                    reason=error_text(e)))

    def _on_marker_released(self) -> None:
        self._dragging = False
        self.model.finish_drag()

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self.viewbox.sceneBoundingRect().contains(scene_pos):
            return
        p = self.viewbox.mapSceneToView(scene_pos)
        text = readout(self.model, p.x(), p.y())
        if text is not None:
            self.readout_changed.emit(text)

    # ------------------------------------------------------------------ helpers
    def viewport_point(self, x: float, y: float) -> QPoint:
        """Where surface point (x, y) is in ``canvas.viewport()`` pixels (for tests)."""
        scene = self.viewbox.mapViewToScene(QPointF(x, y))
        return self.canvas.mapFromScene(scene)

    def render_image(self, width: int, height: int) -> QImage:
        """The current state drawn at ``width × height`` by this same code
        (``view_picture.render``)."""
        return view_picture.render(self, width, height)
