"""The gradient-check panel: is the analytic gradient right? (cs231n's numeric check)

Toy surfaces: the two coordinates at the current point of the chosen run.
What is checked, where and how are the experiment's settings
(``spec.analysis.gradcheck``, shown and edited by ``GradcheckControls``);
the panel draws the table for whatever they say.
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
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gui.app.core_text import error_text
from gui.app.i18n import translate, translated
from gui.export import static
from gui.export.frame_writer import ExportError
from gui.model.workers import JobRunner
from gui.panels.gradcheck_controls import CENTRE, GradcheckControls, checked_run
from gui.panels.gradcheck_table import VERDICT_STYLE, GradcheckTableModel, ValueRole
from gui.panels.hsweep_plot import HSweepPlot
from gui.widgets.fitted_table import FittedTable
from gui.widgets.reflow import Reflow
from optim_core.analysis import gradcheck_targets as targets
from optim_core.experiment.state import surface_jobs

#: At most this many sampled coordinates get their own line in the h sweep.
SWEEP_COORDS = 8
#: While the race plays, the table follows the head at most this often (ms).
PLAYING_REFRESH_MS = 250
#: The h sweep sits beside the table from this panel width on (px), else below it.
TABLE_BESIDE_SWEEP = 760
#: The h sweep is never lower than this (px); the table shows up to ``TABLE_ROWS`` rows unscrolled.
SWEEP_MIN_HEIGHT, TABLE_ROWS = 200, 12
#: The table beside the h sweep is never lower than this (px).
TABLE_MIN_HEIGHT = 100
#: Qt's "no maximum" for a widget's size.
QWIDGETSIZE_MAX = (1 << 24) - 1


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
        self.schedule_refresh()

    # ------------------------------------------------------------------ set-up
    def _build(self) -> None:
        self.controls = GradcheckControls(self.model)
        c = self.controls
        self.at_combo, self.part_combo, self.diff_combo = c.at_combo, c.part_combo, c.diff_combo
        self.samples_spin, self.seed_spin, self.h_spin = c.samples_spin, c.seed_spin, c.h_spin
        self.bug_check, self.export_button = c.bug_check, c.export_button
        self.title = QLabel(wordWrap=True)
        self.summary = QLabel(wordWrap=True)
        self.table_model = GradcheckTableModel(self)
        self.sorted_rows = QSortFilterProxyModel(self)
        self.sorted_rows.setSourceModel(self.table_model)
        self.sorted_rows.setSortRole(ValueRole)  # numbers sort as numbers, not as text
        self.table_view = FittedTable()
        self.table_view.setModel(self.sorted_rows)
        self.table_view.setShowGrid(False)  # the rows' colours part them; a pixel a column
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the checked order first
        self.table_view.verticalHeader().setVisible(False)
        self.table_view.verticalHeader().setDefaultSectionSize(24)
        self.sweep = HSweepPlot()
        self.sweep.setMinimumSize(240, SWEEP_MIN_HEIGHT)
        # The h sweep beside the table in a wide dock, below it in a narrow one.
        self.split = Reflow([self.table_view, self.sweep], [3, 2], wide_from=TABLE_BESIDE_SWEEP)
        self.split.reflowed.connect(self._fit_table_height)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 6, 2, 6)  # a docked column has no pixel to spare
        layout.addWidget(self.controls)
        layout.addWidget(self.title)
        layout.addWidget(self.split, 1)
        layout.addLayout(_legend())
        layout.addWidget(self.summary)

    def _connect(self) -> None:
        m = self.model
        for signal in (m.surface_changed, m.trajectories_changed, m.reset_done, m.grid_ready,
                       m.runs_changed, m.gradcheck_changed, m.spec_replaced):
            signal.connect(self.schedule_refresh)
        m.stepped.connect(self._on_stepped)
        m.playing_changed.connect(self._on_playing_changed)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.sweep_jobs.finished.connect(self._on_sweep_done)

    # ------------------------------------------------------------- model -> view
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
        if self.target is None:
            self._show_table(None)
            self.title.setText(translate("GradcheckPanel", "building the surface…"))
            return
        self.bug_check.setToolTip(translated("core", self.target.bug))
        g = self.model.spec.analysis.gradcheck
        with np.errstate(all="ignore"):
            table = targets.check(self.target, h=g.h, centered=g.centered,
                                  n_samples=g.samples if classifier else None, seed=g.seed,
                                  planted_bug=g.planted_bug)
        self._show_table(table)
        if not self.model.playing:
            self._start_sweep()

    def _make_target(self) -> targets.GradTarget | None:
        surface = self.model.surface
        if surface is None:
            return None
        point = self._point()
        plane = surface_jobs.plane_of(surface)
        g = self.model.spec.analysis.gradcheck
        if plane is not None:
            W = plane.W0 if g.at == CENTRE else plane.weights(point)
            return targets.classifier_target(plane.model, W, g.part)
        return targets.toy_target(surface, point)

    def _point(self) -> np.ndarray:
        """The head (first start point) of the chosen run, or the start point."""
        run = checked_run(self.model) if self.model.spec.analysis.gradcheck.at == "head" else ""
        for tr in self.model.traces():
            if run and tr.run_id == run and len(tr.points):
                return np.asarray(tr.head[0], dtype=float)
        return np.asarray(self.model.starts[0], dtype=float)

    def _show_table(self, table: targets.GradTable | None) -> None:
        self.table = table
        self.table_model.set_table(table)
        self._fit_table_height()
        self.sweep.set_h(self.model.spec.analysis.gradcheck.h)
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

    def _fit_table_height(self, *_) -> None:
        """Stacked above the h sweep (a docked column), the table is as tall as
        up to ``TABLE_ROWS`` rows and the panel scrolls; beside it (a wide dock)
        it takes the dock's height and scrolls itself."""
        view, policy = self.table_view, Qt.ScrollBarPolicy
        if self.split.across:
            view.setMinimumHeight(TABLE_MIN_HEIGHT)
            view.setMaximumHeight(QWIDGETSIZE_MAX)
            view.setVerticalScrollBarPolicy(policy.ScrollBarAsNeeded)
            return
        rows = self.table_model.rowCount()
        # All rows shown: no vertical bar, which narrowing the columns' room
        # could make a horizontal one appear, and that one the vertical one.
        view.setVerticalScrollBarPolicy(policy.ScrollBarAlwaysOff if rows <= TABLE_ROWS
                                        else policy.ScrollBarAsNeeded)
        bar = view.horizontalScrollBar().sizeHint().height()
        view.setFixedHeight(view.horizontalHeader().height() + bar + 2 * view.frameWidth()
                            + min(TABLE_ROWS, max(2, rows))
                            * view.verticalHeader().defaultSectionSize())

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
                QMessageBox.warning(self, translate("GradcheckPanel", "Cannot export"),
                                    error_text(exc))

    def export_csv(self, path: str | os.PathLike) -> None:
        """Write the table to ``path`` atomically (temporary file, then rename);
        ``ExportError`` when it cannot be written."""
        static.write_text(path, targets.to_csv(self.table))


def _legend() -> QVBoxLayout:
    """The four verdicts in two rows of two: one row is wider than a docked column."""
    rows = QVBoxLayout()
    for k, (colour, text) in enumerate(VERDICT_STYLE[v] for v in VERDICT_STYLE):
        if k % 2 == 0:
            row = QHBoxLayout()
            rows.addLayout(row)
        label = QLabel(f" {translated('GradcheckTable', text)} ")
        label.setStyleSheet(f"background: {colour}; color: #111116; border-radius: 3px;"
                            "padding: 2px 6px;")
        row.addWidget(label)
        if k % 2:
            row.addStretch(1)
    return rows
