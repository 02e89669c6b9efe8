"""Training curves of the race: loss, |∇f|, effective step size, distance to a minimum.

Four linked plots (``CurvesCanvas``: shared step axis spanning the race) with
one curve per run in the run's colour, a cursor line at the animation's
current step, and a hover read-out of every run's value at the step under
the mouse (``CurvesHover``). The numbers are the runner's record
(``optim_core.analysis.curves.run_curves``), updated in place with
``setData``. On a log scale the loss plot draws f − f* where a minimum f* is
known, and a symmetric log where a loss goes below it or below zero
(``optim_core.analysis.loss_scale``); its axis label says which.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from gui.app.i18n import translate, translated
from gui.panels.curve_axes import function_letter, loss_label
from gui.panels.curves_hover import CurvesHover
from gui.panels.curves_plots import CurvesCanvas, base_pt
from optim_core.analysis import curves, loss_scale

#: Fastest redraw while the race plays (ms): about 10 a second is smooth to read.
PLAYING_MS = 100


class CurvesPanel(CurvesHover, QWidget):
    """The race's curves over an ``ExperimentModel``; redrawn in place as it steps."""

    def __init__(self, model, parent: QWidget | None = None, line_width: float = 1.0,
                 live: bool = True):
        """``line_width``: the curves' pen in pixels. 1 is Qt's fast cosmetic
        path, right for a live panel; exported frames, drawn once and often
        scaled down, read better with 2. ``live=False``: the race's steps are
        not drawn as they come, only when ``refresh()`` is called (an export
        draws each frame's curves itself)."""
        super().__init__(parent)
        self.model = model
        self.line_width, self.live = line_width, live
        self.series: dict[int, curves.RunCurves] = {}  # run index -> what is drawn
        self.items: dict[tuple[str, int], pg.PlotDataItem] = {}
        self.scale = loss_scale.LossScale(loss_scale.LINEAR)
        self._steps = -1
        self._loss_log = False  # is the loss plot's axis in log mode
        self._dirty = True
        self._behind = False  # steps arrived that are not drawn yet
        self._throttle = QTimer(self, singleShot=True, interval=PLAYING_MS)
        self._throttle.timeout.connect(self._on_throttle)
        self._build()
        self._build_hover()
        self.set_text_scale(1.0, force=True)
        self._connect()
        self._set_log_axes(self.log_check.isChecked())
        if live:  # an export's panel draws when its first frame asks
            self.refresh()

    def _build(self) -> None:
        tip = translate("CurvesPanel", "loss, |∇f| and step size on log axes; the loss becomes "
                                       "f − f* where a minimum f* is known")
        self.log_check = QCheckBox(translate("CurvesPanel", "log y"), checked=True, toolTip=tip)
        self.start_spin = QSpinBox(minimum=1, maximum=1,
                                   toolTip=translate("CurvesPanel", "which start point's curves"))
        self.start_label = QLabel(translate("CurvesPanel", "start point"))
        self.canvas = self.plot_grid = CurvesCanvas()
        self.plots, self.cursors = self.canvas.plots, self.canvas.cursors
        self.hover_lines, self.no_minimum = self.canvas.hover_lines, self.canvas.no_minimum
        controls = QHBoxLayout()
        controls.addWidget(self.log_check)
        controls.addWidget(self.start_label)
        controls.addWidget(self.start_spin)
        # The key sits above the plots (inside one it would hide the curves' ends),
        # wrapped so many runs never widen the panel past its dock.
        self.key_label = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        controls.addWidget(self.key_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.canvas, 1)

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

    @property
    def text_scale(self) -> float:
        return self.canvas.text_scale

    def set_text_scale(self, scale: float, force: bool = False) -> None:
        """Draw every text at ``scale`` × its size (an export at its picture's scale)."""
        if scale == self.canvas.text_scale and not force:
            return
        self.canvas.set_text_scale(scale)
        font = QFont(self.font())
        font.setPointSizeF(base_pt() * scale)
        self.key_label.setFont(font)
        self.hover_text.textItem.setFont(font)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Ctrl+= and Ctrl+− change the interface's font: the curves' text follows."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "hover_text"):
            self.set_text_scale(self.text_scale, force=True)

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
        if not self.live:
            return
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
        self._set_log_axes(log)
        self.refresh()

    def _set_log_axes(self, log: bool) -> None:
        for key in ("grad_norm", "effective_lr"):
            self.canvas.set_log(key, log)

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
        """What the loss plot subtracts: f* on a log scale where a minimum is known, else 0."""
        return self.scale.offset

    def _choose_scale(self) -> None:
        """The loss plot's scale for what is drawn now, and the axis and label to match."""
        surface = self.model.surface
        best = curves.best_known_value(surface) if surface is not None else None
        self.scale = loss_scale.choose([c.loss for c in self.series.values()], best,
                                       self.log_check.isChecked())
        plot = self.plots["loss"]
        if self._loss_log != self.scale.log_axis:
            self._loss_log = self.scale.log_axis
            self.canvas.set_log("loss", self._loss_log)
        symlog = self.scale.mode == loss_scale.SYMLOG
        plot.getAxis("left").set_symlog(self.scale.threshold if symlog else None)
        letter = function_letter(surface)
        self.canvas.set_letter(letter)
        self.canvas.set_loss_label(loss_label(letter, self.scale))

    def _draw(self) -> None:
        runs = self.model.spec.runs
        self._choose_scale()
        if self.model.spec.steps != self._steps:
            self._steps = self.model.spec.steps
            self.canvas.set_steps(self._steps)
        for key in list(self.items):
            if key[1] not in self.series:
                self.plots[key[0]].removeItem(self.items.pop(key))
        for index, c in self.series.items():
            data = {"loss": self.scale.transform(c.loss), "grad_norm": c.grad_norm,
                    "effective_lr": c.effective_lr, "distance": c.distance}
            for key, y in data.items():
                item = self._item(key, index, runs[index].color)
                if y is None:
                    item.setData([], [])
                else:
                    item.setData(c.steps, y, connect="finite")
        self.key_label.setText("&nbsp;&nbsp; ".join(  # breaks between entries only
            f'<span style="color:{runs[i].color}">━━</span>&nbsp;'
            f'{html.escape(translated("core", runs[i].label))}'
            for i in self.series))
        self.no_minimum.setVisible(not self._has_minimum())
        vb = self.plots["distance"].getViewBox()
        self.no_minimum.setPos(vb.width() / 2, vb.height() / 2)
        self.canvas.set_cursor(self.model.step)

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
