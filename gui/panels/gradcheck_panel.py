"""The gradient-check panel: is the analytic gradient right? (cs231n's numeric check)

Toy surfaces: the two coordinates at the current point of the chosen run.
Classifier slices: sampled coordinates of W = W0 + a·D1 + b·D2 at that
point (or at W0), with the data loss, the regularizer or both checked, and
for the SVM a flag where a hinge kink lies within ±h. The table and the h
sweep come from ``optim_core.analysis.gradcheck_targets`` (which calls
``optim_core.gradcheck``); the sweep runs off the GUI thread.
"""

from __future__ import annotations

import html
import os

import numpy as np
from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.app.i18n import translate, translated
from gui.export import static
from gui.export.frame_writer import ExportError
from gui.model.workers import JobRunner
from gui.panels.gradcheck_table import DIFFERENCES, VERDICT_STYLE, GradcheckTableModel, ValueRole
from gui.panels.hsweep_plot import HSweepPlot
from gui.widgets.widgets import SciSpinBox
from optim_core.analysis import gradcheck_targets as targets
from optim_core.experiment.state import surface_jobs

#: At most this many sampled coordinates get their own line in the h sweep.
SWEEP_COORDS = 8
#: While the race plays, the table follows the head at most this often (ms).
PLAYING_REFRESH_MS = 250
START, CENTRE = -1, -2  # "at" combo data: the (first) start point, the slice centre W0


class GradcheckPanel(QWidget):
    """Gradient-check table, h sweep and controls over an ``ExperimentModel``."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.target: targets.GradTarget | None = None
        self.table: targets.GradTable | None = None
        self.sweep_jobs = JobRunner(self)
        self._dirty = True
        self._timer = QTimer(self, singleShot=True, interval=40)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._connect()
        self._on_runs_changed()

    # ------------------------------------------------------------------ set-up
    def _build(self) -> None:
        tip = translate("GradcheckPanel", "where the gradient is checked")
        self.at_combo = QComboBox(toolTip=tip)
        tip = translate("GradcheckPanel", "check the data loss and the regularizer separately")
        self.part_combo = QComboBox(toolTip=tip)
        for part in targets.PARTS:
            self.part_combo.addItem(translated("core", targets.PART_TITLES[part]), part)
        tip = translate("GradcheckPanel", "how many coordinates of W are checked")
        self.samples_spin = QSpinBox(minimum=1, maximum=200, value=12, toolTip=tip)
        tip = translate("GradcheckPanel", "which coordinates are drawn")
        self.seed_spin = QSpinBox(minimum=0, maximum=10_000, value=0, toolTip=tip)
        self.h_spin = SciSpinBox()
        self.h_spin.setToolTip(translate("GradcheckPanel", "finite-difference step h"))
        self.h_spin.setRange(1e-12, 1e-1)
        self.h_spin.setValue(1e-5)
        self.h_spin.setKeyboardTracking(False)
        tip = translate("GradcheckPanel", "centred: error ∝ h²; forward: error ∝ h")
        self.diff_combo = QComboBox(toolTip=tip)
        for centred in (True, False):
            self.diff_combo.addItem(translated("GradcheckTable", DIFFERENCES[centred]), centred)
        self.bug_check = QCheckBox(translate("GradcheckPanel", "planted bug"))
        self.export_button = QPushButton(translate("GradcheckPanel", "Export CSV…"))
        self.title = QLabel(wordWrap=True)
        self.summary = QLabel(wordWrap=True)
        self.table_model = GradcheckTableModel(self)
        self.sorted_rows = QSortFilterProxyModel(self)
        self.sorted_rows.setSourceModel(self.table_model)
        self.sorted_rows.setSortRole(ValueRole)  # numbers sort as numbers, not as text
        self.table_view = QTableView()
        self.table_view.setModel(self.sorted_rows)
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the checked order first
        self.table_view.verticalHeader().setVisible(False)
        self.table_view.verticalHeader().setDefaultSectionSize(24)
        self.table_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.sweep = HSweepPlot()
        self.sweep.setMinimumSize(240, 150)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table_view)
        split.addWidget(self.sweep)
        split.setSizes([560, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls())
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        layout.addLayout(_legend())
        layout.addWidget(self.summary)

    def _controls(self) -> QGridLayout:
        grid = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        left.addRow(translate("GradcheckPanel", "at"), self.at_combo)
        left.addRow(translate("GradcheckPanel", "check"), self.part_combo)
        samples = QHBoxLayout()
        samples.addWidget(self.samples_spin)
        samples.addWidget(QLabel(translate("GradcheckPanel", "seed")))
        samples.addWidget(self.seed_spin)
        left.addRow(translate("GradcheckPanel", "coordinates"), samples)
        right.addRow("h", self.h_spin)
        right.addRow(translate("GradcheckPanel", "differences"), self.diff_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.bug_check)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        right.addRow(buttons)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(2, 1)  # keep the controls compact in a wide dock
        return grid

    def _connect(self) -> None:
        m = self.model
        for signal in (m.surface_changed, m.trajectories_changed, m.reset_done, m.grid_ready):
            signal.connect(self.schedule_refresh)
        m.runs_changed.connect(self._on_runs_changed)
        m.stepped.connect(self._on_stepped)
        m.playing_changed.connect(self._on_playing_changed)
        for box in (self.at_combo, self.part_combo, self.diff_combo):
            box.currentIndexChanged.connect(self.schedule_refresh)
        for spin in (self.samples_spin, self.seed_spin):
            spin.valueChanged.connect(self.schedule_refresh)
        self.h_spin.valueChanged.connect(self.schedule_refresh)
        self.bug_check.toggled.connect(self.schedule_refresh)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.sweep_jobs.finished.connect(self._on_sweep_done)

    # ------------------------------------------------------------- model -> view
    def _on_runs_changed(self) -> None:
        self._fill_at_combo()
        self.schedule_refresh()

    def _fill_at_combo(self) -> None:
        """Heads of the enabled runs, the start point, and W0 on a slice."""
        current = self.at_combo.currentData()
        self.at_combo.blockSignals(True)
        self.at_combo.clear()
        for i, run in enumerate(self.model.spec.runs):
            if run.enabled:
                self.at_combo.addItem(translate("GradcheckPanel", "head of {run}")
                                      .format(run=translated("core", run.label)), i)
        self.at_combo.addItem(translate("GradcheckPanel", "start point"), START)
        if self._is_slice():
            self.at_combo.addItem(translate("GradcheckPanel", "slice centre W₀"), CENTRE)
        found = self.at_combo.findData(current)
        self.at_combo.setCurrentIndex(max(found, 0))
        self.at_combo.blockSignals(False)

    def _is_slice(self) -> bool:
        return self.model.surface is not None and surface_jobs.is_slice(self.model.surface)

    def _on_stepped(self, _step: int) -> None:
        if not self.model.playing:
            self.schedule_refresh()
        elif not self._timer.isActive():
            self._timer.start(PLAYING_REFRESH_MS)

    def _on_playing_changed(self, playing: bool) -> None:
        if not playing:  # the h sweep waits while the race plays
            self.schedule_refresh()

    def schedule_refresh(self, *_) -> None:
        """Recompute soon (several changes in a row cost one recomputation)."""
        self._dirty = True
        self._timer.start(40)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.schedule_refresh()

    def refresh(self) -> None:
        """Rebuild the target, the table (here) and the h sweep (off-thread)."""
        if not self.isVisible() and self.table is not None:
            return  # a hidden dock catches up when shown (``showEvent``)
        self._dirty = False
        self.target = self._make_target()
        classifier = self.target is not None and self.target.x.ndim == 2
        for w in (self.part_combo, self.samples_spin, self.seed_spin):
            w.setEnabled(classifier)
        if classifier != (self.at_combo.findData(CENTRE) >= 0):
            self._fill_at_combo()
        if self.target is None:
            self._show_table(None)
            self.title.setText(translate("GradcheckPanel", "building the surface…"))
            return
        self.bug_check.setToolTip(translated("core", self.target.bug))
        n = self.samples_spin.value() if classifier else None
        with np.errstate(all="ignore"):
            table = targets.check(self.target, h=self.h_spin.value(),
                                  centered=self.diff_combo.currentData(), n_samples=n,
                                  seed=self.seed_spin.value(),
                                  planted_bug=self.bug_check.isChecked())
        self._show_table(table)
        if not self.model.playing:
            self._start_sweep()

    def _make_target(self) -> targets.GradTarget | None:
        surface = self.model.surface
        if surface is None:
            return None
        point = self._point()
        plane = surface_jobs.plane_of(surface)
        if plane is not None:
            W = plane.W0 if self.at_combo.currentData() == CENTRE else plane.weights(point)
            return targets.classifier_target(plane.model, W, self.part_combo.currentData())
        return targets.toy_target(surface, point)

    def _point(self) -> np.ndarray:
        """The head (first start point) of the chosen run, or the start point."""
        index = self.at_combo.currentData()
        for tr in self.model.traces():
            if tr.index == index and len(tr.points):
                return np.asarray(tr.head[0], dtype=float)
        return np.asarray(self.model.starts[0], dtype=float)

    def _show_table(self, table: targets.GradTable | None) -> None:
        self.table = table
        self.table_model.set_table(table)
        self.sweep.set_h(self.h_spin.value())
        if table is None:
            self.summary.clear()
            return
        self.title.setText(f"<b>{html.escape(translated('core', table.title))}</b> — "
                           f"{html.escape(self.at_combo.currentText())}")
        counts = {v: sum(r.verdict == v for r in table.rows) for v in VERDICT_STYLE}
        parts = [f"{c} {translated('core', v)}" for v, c in counts.items() if c]
        kinks = translate("GradcheckPanel", ", {n} with a kink in ±h").format(
            n=sum(table.kinks)) if table.kinks else ""
        self.summary.setText(translate("GradcheckPanel", "worst relative error {error}: {counts}")
                             .format(error=f"{table.worst:.2e}", counts=", ".join(parts)) + kinks)

    # ------------------------------------------------------------------ h sweep
    def _start_sweep(self) -> None:
        target, table = self.target, self.table
        indices = [r.index for r in table.rows[:SWEEP_COORDS]]
        centered, bug = table.centered, table.planted_bug

        def job(progress, cancelled):
            with np.errstate(all="ignore"):
                return targets.h_sweep(target, indices, centered=centered, planted_bug=bug)

        self.sweep_jobs.submit(job)

    def _on_sweep_done(self, result) -> None:
        self.sweep.set_sweep(*result)

    @property
    def sweep_busy(self) -> bool:
        return self.sweep_jobs.busy

    # ------------------------------------------------------------------- export
    def _on_export_clicked(self) -> None:
        if self.table is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, translate("GradcheckPanel", "Export gradient check"), "gradcheck.csv",
            translate("GradcheckPanel", "CSV files (*.csv)"))
        if path:
            try:
                self.export_csv(path)
            except ExportError as exc:
                QMessageBox.warning(self, translate("GradcheckPanel", "Cannot export"), str(exc))

    def export_csv(self, path: str | os.PathLike) -> None:
        """Write the table to ``path`` atomically (temporary file, then rename);
        ``ExportError`` when it cannot be written."""
        static.write_text(path, targets.to_csv(self.table))


def _legend() -> QHBoxLayout:
    row = QHBoxLayout()
    for colour, text in (VERDICT_STYLE[v] for v in VERDICT_STYLE):
        label = QLabel(f" {translated('GradcheckTable', text)} ")
        label.setStyleSheet(f"background: {colour}; color: #111116; border-radius: 3px;"
                            "padding: 2px 6px;")
        row.addWidget(label)
    row.addStretch(1)
    return row
