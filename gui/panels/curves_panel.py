"""Training curves of the race: loss, |∇f|, effective step size, distance to a minimum.

Four linked plots (shared step axis) with one curve per run in the run's
colour, a cursor line at the animation's current step, and a hover
read-out of every run's value at the step under the mouse. The numbers
are the runner's record (``optim_core.analysis.curves.run_curves``), updated in
place with ``setData``.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from gui.app.i18n import translate, translated
from gui.widgets.log_axis import LogAxis
from optim_core.analysis import curves

#: (key, title, y label) of the four plots, in reading order (2 × 2).
PLOTS = (("loss", QT_TRANSLATE_NOOP("CurvesPanel", "loss"), "f"),
         ("grad_norm", QT_TRANSLATE_NOOP("CurvesPanel", "gradient norm"), "|∇f|"),
         ("effective_lr", QT_TRANSLATE_NOOP("CurvesPanel", "effective step size (adaptive: mean "
                                                           "η/(√v + ε))"), "η_eff"),
         ("distance", QT_TRANSLATE_NOOP("CurvesPanel", "distance to nearest minimum"), "d"))
CURSOR_PEN = pg.mkPen("#ffd166", width=1.5)
#: Fastest redraw while the race plays (ms): about 10 a second is smooth to read.
PLAYING_MS = 100
HOVER_PEN = pg.mkPen(255, 255, 255, 110, width=1, style=Qt.PenStyle.DashLine)


class CurvesPanel(QWidget):
    """The race's curves over an ``ExperimentModel``; redrawn in place as it steps."""

    def __init__(self, model, parent: QWidget | None = None, line_width: float = 1.0):
        """``line_width``: the curves' pen in pixels. 1 is Qt's fast cosmetic
        path, right for a live panel; exported frames, drawn once and often
        scaled down, read better with 2."""
        super().__init__(parent)
        self.model = model
        self.line_width = line_width
        self.series: dict[int, curves.RunCurves] = {}  # run index -> what is drawn
        self.items: dict[tuple[str, int], pg.PlotDataItem] = {}
        self._dirty = True
        self._behind = False  # steps arrived that are not drawn yet
        self._throttle = QTimer(self, singleShot=True, interval=PLAYING_MS)
        self._throttle.timeout.connect(self._on_throttle)
        self._build()
        self._connect()
        self._on_log_toggled(self.log_check.isChecked())

    def _build(self) -> None:
        tip = translate("CurvesPanel", "loss, |∇f| and step size on log axes; the loss becomes "
                                       "f − f* where a minimum f* is known")
        self.log_check = QCheckBox(translate("CurvesPanel", "log y"), checked=True, toolTip=tip)
        self.start_spin = QSpinBox(minimum=1, maximum=1,
                                   toolTip=translate("CurvesPanel", "which start point's curves"))
        self.start_label = QLabel(translate("CurvesPanel", "start point"))
        self.canvas = pg.GraphicsLayoutWidget()
        self.plots: dict[str, pg.PlotItem] = {}
        self.cursors: dict[str, pg.InfiniteLine] = {}
        self.hover_lines: dict[str, pg.InfiniteLine] = {}
        for k, (key, title, ylabel) in enumerate(PLOTS):
            plot = self.canvas.addPlot(row=k // 2, col=k % 2,
                                       axisItems={"left": LogAxis("left")})
            plot.setTitle(translated("CurvesPanel", title), color="#e8e8e8", size="10pt")
            plot.setLabel("left", ylabel)
            if k // 2 == len(PLOTS) // 2 - 1:  # the bottom row says what x is, for both rows
                plot.setLabel("bottom", translate("CurvesPanel", "step"))
            # Horizontal grid lines cost ~9 ms a plot a paint (x ones ~0.1 ms); the
            # hover read-out gives exact values.
            plot.showGrid(x=True, y=False, alpha=0.15)
            plot.hideButtons()
            if self.plots:
                plot.setXLink(self.plots["loss"])
            self.cursors[key] = pg.InfiniteLine(angle=90, pen=CURSOR_PEN)
            self.hover_lines[key] = pg.InfiniteLine(angle=90, pen=HOVER_PEN)
            plot.addItem(self.cursors[key], ignoreBounds=True)
            plot.addItem(self.hover_lines[key], ignoreBounds=True)
            self.hover_lines[key].hide()
            self.plots[key] = plot
        self.no_minimum = pg.TextItem(translate("CurvesPanel", "no known minimum on this surface"),
                                      color="#a0a0a8",
                                      anchor=(0.5, 0.5))
        self.no_minimum.setParentItem(self.plots["distance"].getViewBox())
        self.hover_text = pg.TextItem(anchor=(0, 0), fill=pg.mkBrush(20, 20, 28, 225),
                                      border=pg.mkPen("#60606c"))
        self.hover_text.setZValue(100)
        self.hover_text.hide()
        self.hover_key = ""
        controls = QHBoxLayout()
        controls.addWidget(self.log_check)
        controls.addWidget(self.start_label)
        controls.addWidget(self.start_spin)
        controls.addStretch(1)
        # The key sits above the plots: inside one it would hide the curves' ends.
        self.key_label = QLabel(textFormat=Qt.TextFormat.RichText)
        controls.addWidget(self.key_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.canvas, 1)
        self.canvas.setMinimumHeight(250)  # two rows of plots still readable

    def _connect(self) -> None:
        m = self.model
        for signal in (m.trajectories_changed, m.reset_done, m.surface_changed, m.starts_changed):
            signal.connect(self.refresh)
        m.runs_changed.connect(self._on_runs_changed)
        m.hyper_changed.connect(self.refresh)
        m.stepped.connect(self._on_stepped)
        m.playing_changed.connect(self._on_playing_changed)
        self.log_check.toggled.connect(self._on_log_toggled)
        self.start_spin.valueChanged.connect(self.refresh)
        self.canvas.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # ------------------------------------------------------------- model -> view
    def _on_runs_changed(self) -> None:
        """Labels or colours may have changed: rebuild the curve items."""
        for (key, _), item in self.items.items():
            self.plots[key].removeItem(item)
        self.items = {}
        self.refresh()

    def _on_stepped(self, _step: int) -> None:
        """While the race plays, redraw at most every ``PLAYING_MS``: four plots
        whose axes change every frame would otherwise cost most of each frame.
        A step after a quiet spell draws at once; the last step always draws."""
        if self._throttle.isActive():
            self._behind = True
            return
        self.refresh()
        self._throttle.start()

    def _on_playing_changed(self, playing: bool) -> None:
        if not playing and self._behind:  # paused: show exactly where it stopped, now
            self._throttle.stop()
            self._on_throttle()

    def _on_throttle(self) -> None:
        if self._behind:
            self._behind = False
            self.refresh()
            self._throttle.start()

    def _on_log_toggled(self, log: bool) -> None:
        for key, plot in self.plots.items():
            plot.setLogMode(y=log and key != "distance")
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self, *_) -> None:
        """Read every enabled run's history from the race and update the curves."""
        self._dirty = True
        if not self.isVisible() and self.series:
            return  # hidden: catch up in showEvent
        self._dirty = False
        S = len(self.model.starts)
        self.start_spin.setMaximum(S)
        self.start_spin.setVisible(S > 1)
        self.start_label.setVisible(S > 1)
        self.series = self._read_series(self.start_spin.value() - 1)
        self._draw()

    def _read_series(self, start: int) -> dict[int, curves.RunCurves]:
        surface = self.model.surface
        out = {}
        if surface is None:
            return out
        for index in range(len(self.model.spec.runs)):
            history = self.model.history(index)
            if history is not None:
                out[index] = curves.run_curves(history, surface,
                                               min(start, history.points.shape[1] - 1))
        return out

    @property
    def shown_start(self) -> int:
        """Which start point's curves are shown (0-based)."""
        return self.start_spin.value() - 1

    def loss_offset(self) -> float:
        """What the loss plot subtracts: f* in log mode where a minimum is known, else 0."""
        if not self.log_check.isChecked() or self.model.surface is None:
            return 0.0
        best = curves.best_known_value(self.model.surface)
        return 0.0 if best is None else best

    def _draw(self) -> None:
        runs = self.model.spec.runs
        offset = self.loss_offset()
        shifted = self.log_check.isChecked() and self._has_minimum()
        self.plots["loss"].setLabel("left", "f − f*" if shifted else "f")
        for key in list(self.items):
            if key[1] not in self.series:
                self.plots[key[0]].removeItem(self.items.pop(key))
        for index, c in self.series.items():
            color = runs[index].color
            data = {"loss": c.loss - offset, "grad_norm": c.grad_norm,
                    "effective_lr": c.effective_lr, "distance": c.distance}
            for key, y in data.items():
                item = self._item(key, index, color)
                if y is None:
                    item.setData([], [])
                else:
                    item.setData(c.steps, y, connect="finite")
        self.key_label.setText("&nbsp;&nbsp;&nbsp;".join(
            f'<span style="color:{runs[i].color}">━━</span>&nbsp;'
            f'{html.escape(translated("core", runs[i].label))}'
            for i in self.series))
        self.no_minimum.setVisible(not self._has_minimum())
        vb = self.plots["distance"].getViewBox()
        self.no_minimum.setPos(vb.width() / 2, vb.height() / 2)
        for line in self.cursors.values():
            line.setValue(self.model.step)

    def _has_minimum(self) -> bool:
        s = self.model.surface
        return s is not None and len(getattr(s, "minima", ())) > 0

    def _item(self, key: str, index: int, color: str) -> pg.PlotDataItem:
        item = self.items.get((key, index))
        if item is None:
            # A long race keeps 4,096 samples a run: stroked as they are (several
            # vertices a pixel), 8 runs × 4 plots took ~120 ms a paint. Decimation to
            # a min/max pair per pixel keeps every spike; 1-px pens (Qt's fast
            # cosmetic path) cost ~2 ms where 2-px antialiased ones cost ~50.
            item = self.plots[key].plot()
            item.opts["autoDownsampleFactor"] = 1.0  # pyqtgraph's 5 keeps 5 points a pixel
            item.setDownsampling(auto=True, method="peak")
            item.setClipToView(True)
            self.items[(key, index)] = item
        if item.opts["pen"] is None or pg.mkPen(item.opts["pen"]).color().name() != color:
            item.setPen(pg.mkPen(color, width=self.line_width))  # new or recoloured: redraws
        return item

    # ----------------------------------------------------------------- hover
    def values_at(self, step: int) -> dict[str, dict[int, float]]:
        """Every plot's value of every run at the kept sample nearest ``step``."""
        out: dict[str, dict[int, float]] = {key: {} for key, _, _ in PLOTS}
        offset = self.loss_offset()
        for index, c in self.series.items():
            if not len(c.steps):
                continue
            k = int(np.clip(np.searchsorted(c.steps, step), 0, len(c.steps) - 1))
            if k > 0 and abs(c.steps[k - 1] - step) < abs(c.steps[k] - step):
                k -= 1
            out["loss"][index] = float(c.loss[k] - offset)
            out["grad_norm"][index] = float(c.grad_norm[k])
            out["effective_lr"][index] = float(c.effective_lr[k])
            if c.distance is not None:
                out["distance"][index] = float(c.distance[k])
        return out

    def _on_mouse_moved(self, pos: QPointF) -> None:
        for key, plot in self.plots.items():
            if plot.sceneBoundingRect().contains(pos):
                step = round(plot.getViewBox().mapSceneToView(pos).x())
                self.show_hover(key, step)
                return
        self.hide_hover()

    def show_hover(self, key: str, step: int) -> None:
        """Show the dashed line at ``step`` and, in plot ``key``, all runs' values there."""
        values = self.values_at(step)[key]
        runs = self.model.spec.runs
        head = translate("CurvesPanel", "step {step}").format(step=step)
        lines = [f"<b>{head}</b>"] + [
            f"<span style='color:{runs[i].color}'>■</span> "
            f"{html.escape(translated('core', runs[i].label))}: "
            f"{shown_value(v)}" for i, v in values.items()]
        self.hover_text.setHtml("<br>".join(lines))
        vb = self.plots[key].getViewBox()
        if self.hover_text.parentItem() is not vb:
            self.hover_text.setParentItem(vb)
        self.hover_text.setPos(6, 4)
        self.hover_text.show()
        self.hover_key = key
        for line in self.hover_lines.values():
            line.setValue(step)
            line.show()

    def hide_hover(self) -> None:
        self.hover_text.hide()
        self.hover_key = ""
        for line in self.hover_lines.values():
            line.hide()


def shown_value(v: float) -> str:
    """A hovered value: NaN (no step yet at step 0, or none after a run
    diverged) reads as a dash, never "nan"."""
    return "—" if math.isnan(v) else f"{v:.4g}"
