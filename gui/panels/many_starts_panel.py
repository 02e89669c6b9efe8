"""The many-starts panel: basin maps, learning-rate sweeps and fair tuning.

It renders ``model.many_starts`` (settings and results) and calls its
methods; it keeps no state of its own. The map itself is drawn over the
surface by ``gui.surface.map_layer``; here are its settings, the small
multiples of every run's map, each run's robustness curve (final loss
against η, critical η dashed, tuned η starred) and the course's picture of
loss against step at four learning rates of the first swept run.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.app.core_text import error_text
from gui.app.i18n import translated
from gui.panels.sweep_plots import RATE_COLORS, LRSweepPlot, RateCurvesPlot, SweepRow
from gui.surface.map_layer import cell_rect
from gui.widgets.reflow import Reflow
from gui.widgets.widgets import SciSpinBox
from optim_core.analysis import best_lr
from optim_core.experiment.many_starts import ALL_RUNS, MAX_GRID
from optim_core.render.basin_colors import map_image

#: The classic picture's rates, as multiples of the tuned η (name; colours RATE_COLORS).
RATE_CURVES = ((30.0, QT_TRANSLATE_NOOP("ManyStartsPanel", "very high")),
               (3.0, QT_TRANSLATE_NOOP("ManyStartsPanel", "high")),
               (1.0, QT_TRANSLATE_NOOP("ManyStartsPanel", "good")),
               (0.03, QT_TRANSLATE_NOOP("ManyStartsPanel", "low")))
#: Panel widths (px) from which the pictures sit beside the settings, and the
#: two plots beside each other (else below).
PICTURES_BESIDE, PLOTS_BESIDE = 900, 600


class ManyStartsPanel(QWidget):
    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.ms = model, model.many_starts
        self._build()
        self._connect()
        self._on_runs_changed()
        self._on_maps_changed()
        self._on_sweeps_changed()

    # ------------------------------------------------------------------ set-up
    def _build(self) -> None:
        """Settings on the left (compact forms), pictures on the right; in a
        narrow dock the pictures below the settings, one above the other."""
        controls = QVBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self._map_box())
        controls.addWidget(self._sweep_box())
        self.progress = QProgressBar(visible=False, textVisible=True)
        self.status = QLabel(wordWrap=True)
        controls.addWidget(self.progress)
        controls.addWidget(self.status)
        controls.addStretch(1)
        left = QWidget()
        left.setLayout(controls)
        left.setMaximumWidth(380)
        self.multiples = pg.GraphicsLayoutWidget()
        self.multiples.setMinimumHeight(170)
        self.sweep_plot, self.rate_plot = LRSweepPlot(), RateCurvesPlot()
        self.plots = Reflow([self.sweep_plot, self.rate_plot], [1, 1], wide_from=PLOTS_BESIDE)
        pictures = QWidget()
        column = QVBoxLayout(pictures)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.multiples, 2)
        column.addWidget(self.plots, 3)
        self.halves = Reflow([left, pictures], [0, 1], wide_from=PICTURES_BESIDE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 6)  # a docked column has no pixel to spare
        layout.addWidget(self.halves)

    def _map_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Basin map: a run from every start of a grid"))
        form = QFormLayout(box)
        self.run_combo = QComboBox(toolTip=self.tr("which run's optimizer is mapped"))
        self.mode_combo = QComboBox(toolTip=self.tr("what each start's colour says"))
        self.mode_combo.addItem(self.tr("minimum reached (basins)"), "basin")
        self.mode_combo.addItem(self.tr("steps to converge (log scale)"), "steps")
        self.n_spin = QSpinBox(minimum=8, maximum=MAX_GRID, singleStep=8,
                               toolTip=self.tr("starts per side of the grid"))
        self.steps_spin = QSpinBox(minimum=10, maximum=20_000, singleStep=100)
        self.tol_spin = SciSpinBox()
        self.tol_spin.setRange(1e-9, 1.0)
        self.tol_spin.setToolTip(self.tr("converged: within this distance of a minimum"))
        form.addRow(self.tr("optimizer"), self.run_combo)
        form.addRow(self.tr("colour by"), self.mode_combo)
        form.addRow(self.tr("grid n"), self.n_spin)
        form.addRow(self.tr("steps"), self.steps_spin)
        form.addRow(self.tr("tolerance"), self.tol_spin)
        buttons = QHBoxLayout()
        self.build_button = QPushButton(self.tr("Build map"))
        self.cancel_button = QPushButton(self.tr("Cancel"), enabled=False)
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        self.shown_check = QCheckBox(self.tr("show on the surface"))
        form.addRow(self.shown_check)
        return box

    def _sweep_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Learning-rate sweep and fair tuning"))
        form = QFormLayout(box)
        self.lo_spin, self.hi_spin = SciSpinBox(), SciSpinBox()
        for spin in (self.lo_spin, self.hi_spin):
            spin.setRange(1e-8, 1e3)
        self.rates_spin = QSpinBox(minimum=2, maximum=200)
        self.criterion_combo = QComboBox()
        self.criterion_combo.addItem(self.tr("lowest final loss"), "final")
        self.criterion_combo.addItem(self.tr("fewest steps to tolerance"), "steps")
        span = QHBoxLayout()
        span.addWidget(self.lo_spin)
        span.addWidget(QLabel("…"))
        span.addWidget(self.hi_spin)
        form.addRow(self.tr("η from"), span)
        form.addRow(self.tr("rates"), self.rates_spin)
        form.addRow(self.tr("best by"), self.criterion_combo)
        self.sweep_button = QPushButton(self.tr("Sweep η"))
        self.tune_button = QPushButton(self.tr("Tune each"), enabled=False,
                                       toolTip=self.tr("set each run's η to its sweep's best "
                                                       "(one undo step)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sweep_button)
        buttons.addWidget(self.tune_button)
        form.addRow(buttons)
        self.tuned_label = QLabel(wordWrap=True)
        form.addRow(self.tuned_label)
        return box

    def _connect(self) -> None:
        ms, m = self.ms, self.model
        ms.maps_changed.connect(self._on_maps_changed)
        ms.sweeps_changed.connect(self._on_sweeps_changed)
        ms.progressed.connect(self._on_progressed)
        ms.failed.connect(lambda message: self.status.setText(error_text(message)))
        ms.busy_changed.connect(self._on_busy)
        m.runs_changed.connect(self._on_runs_changed)
        m.spec_replaced.connect(self._on_runs_changed)
        self.build_button.clicked.connect(ms.build_maps)
        self.cancel_button.clicked.connect(ms.cancel)
        self.sweep_button.clicked.connect(ms.build_sweeps)
        self.tune_button.clicked.connect(ms.tune_each)
        self.shown_check.toggled.connect(ms.set_shown)
        self.run_combo.activated.connect(lambda _: self._set(run=self.run_combo.currentData()))
        self.mode_combo.activated.connect(lambda _: self._set(mode=self.mode_combo.currentData()))
        self.criterion_combo.activated.connect(
            lambda _: self._set(criterion=self.criterion_combo.currentData()))
        for spin, name in ((self.n_spin, "n"), (self.steps_spin, "steps"),
                           (self.tol_spin, "tol"), (self.rates_spin, "rates"),
                           (self.lo_spin, "lr_low"), (self.hi_spin, "lr_high")):
            spin.editingFinished.connect(lambda s=spin, n=name: self._set(**{n: s.value()}))

    def _set(self, **fields) -> None:
        try:
            self.ms.set_settings(**fields)
            self.status.setText("")
        except ValueError as e:
            self.status.setText(error_text(e))
        self._show_settings()

    # ------------------------------------------------------------- model -> view
    def _on_runs_changed(self) -> None:
        self.run_combo.blockSignals(True)
        self.run_combo.clear()
        self.run_combo.addItem(self.tr("all runs, side by side"), ALL_RUNS)
        for run in self.model.spec.runs:
            self.run_combo.addItem(translated("core", run.label), run.id)
        self.run_combo.blockSignals(False)
        self._show_settings()

    def _show_settings(self) -> None:
        s = self.ms.spec
        for combo, value in ((self.run_combo, s.run), (self.mode_combo, s.mode),
                             (self.criterion_combo, s.criterion)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        for spin, value in ((self.n_spin, s.n), (self.steps_spin, s.steps),
                            (self.tol_spin, s.tol), (self.rates_spin, s.rates),
                            (self.lo_spin, s.lr_low), (self.hi_spin, s.lr_high)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.shown_check.blockSignals(True)
        self.shown_check.setChecked(s.shown)
        self.shown_check.blockSignals(False)

    def _on_maps_changed(self) -> None:
        self._show_settings()
        self.multiples.clear()
        runs = {r.id: r for r in self.model.spec.runs}
        for k, (run_id, basin_map) in enumerate(self.ms.maps.items()):
            label, color = (runs[run_id].label, runs[run_id].color) if run_id in runs else (
                run_id, "#e8e8e8")
            plot = self.multiples.addPlot(row=0, col=k)
            plot.setTitle(translated("core", label), color=color,
                          size="10pt")
            plot.hideAxis("left")
            plot.hideAxis("bottom")
            plot.setAspectLocked(True)
            plot.setMenuEnabled(False)
            image = pg.ImageItem(map_image(basin_map, self.ms.spec.mode, alpha=255),
                                 axisOrder="row-major")
            image.setRect(cell_rect(basin_map.xs, basin_map.ys))
            plot.addItem(image)

    def _on_sweeps_changed(self) -> None:
        ms = self.ms
        runs = {r.id: r for r in self.model.spec.runs}
        rows = [SweepRow(translated("core", runs[i].label), runs[i].color, r.lrs,
                         r.losses[:, -1], r.diverged_at >= 0, ms.critical_lr(i),
                         ms.spec.tuned.get(i))
                for i, r in ms.sweeps.items() if i in runs]
        self.sweep_plot.show_sweeps(rows)
        self.tune_button.setEnabled(bool(ms.sweeps))
        tuned = ", ".join(f"{translated('core', runs[k].label)}: η = {v:.3g}"
                          for k, v in ms.spec.tuned.items() if k in runs)
        self.tuned_label.setText(self.tr("tuned by {0}: {1}").format(
            self.criterion_combo.currentText(), tuned) if tuned else "")
        self._show_rate_curves()

    def _show_rate_curves(self) -> None:
        """The first swept run at four rates around its best η, read off the sweep."""
        if not self.ms.sweeps:
            self.rate_plot.show_curves({})
            return
        run_id, result = next(iter(self.ms.sweeps.items()))
        label = next((r.label for r in self.model.spec.runs if r.id == run_id), run_id)
        good = best_lr(result, "final") or float(np.sqrt(result.lrs[0] * result.lrs[-1]))
        curves = {}
        for factor, name in RATE_CURVES:
            k = int(np.argmin(np.abs(np.log(result.lrs) - np.log(good * factor))))
            curves[f"{translated('ManyStartsPanel', name)}: η = {result.lrs[k]:.2g}"] = (
                result.losses[k], RATE_COLORS[name])
        self.rate_plot.item.setTitle(self.tr("{0}: loss against step at four rates").format(
            translated("core", label)), color="#e8e8e8", size="11pt")
        self.rate_plot.show_curves(curves)

    def _on_progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(100 * fraction))
        self.progress.setFormat(f"{message} %p%")

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.build_button.setEnabled(not busy)
        self.sweep_button.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)
