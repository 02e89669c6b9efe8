"""Train the linear classifier for real, in its full weight space, and show where the path lies.

The dataset, loss and λ are the classifier slice's (``spec.surface.slice``);
the optimizers are the race's runs (their kinds and hyper-parameters). A
run starts from the slice centre W0 when that is a small random init (its
projection starts at (0, 0)), and from a fresh init when the centre is the
trained W* (its projection ends near (0, 0)). Training runs off the GUI thread
(``TrainingWorker``) with progress and Cancel. Afterwards every trajectory
is projected onto the slice plane — the surface view draws those paths, from
the model (``model.training``) — and a table says how far off the plane it
really is and how the true loss compares with the slice's. What is trained
(runs, batch, epochs, seed) is the experiment's setting (``TrainingSetup``)
and the model builds the request.
"""

from __future__ import annotations

import dataclasses
import html

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.app.core_text import error_text
from gui.app.i18n import translate, translated
from gui.model.training_state import ProjectedPath
from gui.model.training_worker import TrainingRequest, TrainingResult, TrainingWorker, project_all
from gui.model.workers import JobRunner
from gui.panels.search_section import SearchSection
from gui.panels.training_plots import TrainingPlots
from gui.panels.training_results import TrainingResults
from gui.panels.training_setup import TrainingSetup
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.state import surface_jobs
from optim_core.training.full_space import RunHistory

#: Shortest time between two redraws of the curves while training: epochs can
#: arrive faster than the plots repaint (~25 ms), and queued redraws back to back
#: held the event loop for 100 ms and more.
PLOT_INTERVAL_MS = 100

class TrainingPanel(QWidget):
    """Training controls, curves, sanity checks and projections over an ``ExperimentModel``."""

    trained = Signal(object)  # a TrainingResult is shown

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.result: TrainingResult | None = None
        self.worker = TrainingWorker(self)
        self.projector = JobRunner(self)
        self.colors: dict[str, str] = {}  # run label -> colour of the training shown
        self._latest = None  # the newest progress not drawn yet
        self._plot_timer = QTimer(self, singleShot=True, interval=PLOT_INTERVAL_MS)
        self._plot_timer.timeout.connect(self._draw_progress)
        self._build()
        self._connect()
        self._on_slice_changed()

    # ------------------------------------------------------------------ set-up
    def _build(self) -> None:
        self.data_label = QLabel(wordWrap=True)
        self.setup = TrainingSetup(self.model)
        self.batch_spin, self.epochs_spin = self.setup.batch_spin, self.setup.epochs_spin
        self.seed_spin = self.setup.seed_spin
        self.train_button = QPushButton(translate("TrainingPanel", "Train"))
        self.cancel_button = QPushButton(translate("TrainingPanel", "Cancel"), enabled=False)
        self.progress = QProgressBar(maximum=1000, textVisible=True)
        self.plots = TrainingPlots()
        self.results = r = TrainingResults()
        self.pca_check, self.pca_combo, self.overlay_check = r.pca_check, r.pca_combo, \
            r.overlay_check
        self.initial_label, self.overfit_label = r.initial_label, r.overfit_label
        self.limits_label, self.table = r.limits_label, r.table
        self.status = QLabel(wordWrap=True)
        spins, run = QHBoxLayout(), QHBoxLayout()  # two rows: one is wider than a docked column
        self.setup.add_spins_to(spins, seed_row=run)
        spins.addStretch(1)
        for w in (self.train_button, self.cancel_button):
            run.addWidget(w)
        # Tabs, not side by side: docked at 1280 × 720 the panel is ~380 px wide.
        self.tabs = QTabWidget()
        self.tabs.addTab(self.plots, translate("TrainingPanel", "curves"))
        self.tabs.addTab(self.results, translate("TrainingPanel", "checks and projections"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.data_label)
        layout.addLayout(self.setup.runs_box)
        layout.addLayout(spins)
        layout.addLayout(run)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(SearchSection(self.model))

    def _connect(self) -> None:
        m = self.model
        m.surface_changed.connect(self._on_slice_changed)
        m.grid_ready.connect(self._reproject)
        self.train_button.clicked.connect(self.start_training)
        self.cancel_button.clicked.connect(self.cancel_training)
        self.worker.reported.connect(self._on_progressed)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.projector.finished.connect(self._on_reprojected)
        self.pca_check.toggled.connect(self._show_pca)
        self.pca_combo.currentIndexChanged.connect(self._show_pca)
        self.overlay_check.toggled.connect(self._draw_overlays)

    # ------------------------------------------------------------- model -> view
    def _on_slice_changed(self) -> None:
        s = self.model.spec.surface.slice
        where = (translate("TrainingPanel", "from the slice")
                 if self.model.spec.surface.name == spec_mod.CLASSIFIER
                 else translate("TrainingPanel", "from the slice settings (the view shows a toy "
                                                 "surface)"))
        self.data_label.setText(f"{html.escape(s.dataset)} · {s.loss} · λ = {s.reg:g}"
                                f"  <span style='color:#a0a0a8'>{where}</span>")
        self._draw_overlays()

    def plane(self):
        """The PlaneSlice on screen, or None (toy surface, or still being built)."""
        return surface_jobs.plane_of(self.model.surface)

    # ----------------------------------------------------------------- training
    @property
    def run_checks(self) -> list:
        """One checkbox per run: does it train (``TrainingSetup``)."""
        return self.setup.run_checks

    def request(self) -> TrainingRequest:
        """What ``Train`` would train now (the model builds it from the experiment)."""
        return self.model.training.request()

    def _matches_spec(self, plane) -> bool:
        s = self.model.spec.surface.slice
        return plane is not None and plane.model.kind == s.loss and plane.model.reg == s.reg

    def start_training(self) -> None:
        req = self.request()
        if not req.optimizers:
            self.status.setText(translate("TrainingPanel", "Tick at least one optimizer to train."))
            return
        self.colors = {r.label: r.color for r in self.model.spec.runs}
        self.result = None
        self.model.training.show_projections([])
        self.table.set_projections({}, {})
        # The curves exist (empty) before the work starts, so the first epoch only
        # fills them: creating 20 curves then held the event loop for ~60 ms.
        self.plots.set_runs({label: RunHistory(label) for label in req.optimizers}, self.colors)
        self.plots.set_pca(None)
        self.worker.start(req)
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(translate("TrainingPanel", "training {n} runs on {dataset}…")
                            .format(n=len(req.optimizers), dataset=req.dataset))

    def cancel_training(self) -> None:
        self.worker.cancel()
        self._idle(translate("TrainingPanel", "training cancelled"))

    def _idle(self, message: str) -> None:
        self._latest = None  # curves of a finished, failed or cancelled run stay as drawn
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(message)

    def _on_progressed(self, item) -> None:
        self.progress.setValue(round(1000 * item.fraction))
        self.progress.setFormat(translate("TrainingPanel", "epoch {epoch} / {epochs}")
                                .format(epoch=item.epoch, epochs=item.epochs))
        first = self._latest is None and not self._plot_timer.isActive()
        self._latest = item
        if first:
            self._draw_progress()  # at once, then at most every PLOT_INTERVAL_MS
        elif not self._plot_timer.isActive():
            self._plot_timer.start()

    def _draw_progress(self) -> None:
        if self._latest is not None:
            self.plots.set_runs(self._latest.runs, self.colors)
            self._latest = None
            self._plot_timer.start()

    def _on_finished(self, result: TrainingResult) -> None:
        self.result = result
        self.plots.set_runs(result.runs, self.colors)
        self.results.show_checks(result)
        diverged = [translate("TrainingPanel", "{run} diverged at step {step} ({reason})").format(
            run=translated("core", k), step=r.diverged_at, reason=translated("core", r.reason))
            for k, r in result.runs.items() if r.diverged]
        best = max(result.runs.items(), key=lambda kv: kv[1].val_acc[-1])
        hint = "" if result.on_slice else translate(
            "TrainingPanel", " Show the classifier slice to see the paths projected onto it.")
        done = translate("TrainingPanel", "done: best validation accuracy {accuracy} % ({run}). ")
        self._idle(done.format(accuracy=f"{100 * best[1].val_acc[-1]:.1f}",
                               run=translated("core", best[0])) + "; ".join(diverged) + hint)
        # The PCA plane and the projected paths follow on the next turn of the event
        # loop: everything in one handler held it for ~80 ms on a busy machine.
        QTimer.singleShot(0, lambda: self._show_result_views(result))

    def _show_result_views(self, result: TrainingResult) -> None:
        if result is not self.result:
            return  # a newer training has started meanwhile
        self._show_pca()
        self._draw_overlays()
        self.trained.emit(result)

    def _on_failed(self, message: str) -> None:
        self._idle(translate("TrainingPanel", "training failed: {message}").format(
            message=error_text(message)))

    def _show_pca(self, *_) -> None:
        label = self.pca_combo.currentData()
        shown = self.pca_check.isChecked() and self.result is not None and label in self.result.pca
        self.plots.pca.setVisible(self.pca_check.isChecked())
        if shown:
            self.plots.set_pca(self.result.pca[label], self.colors[label], label)
        else:
            self.plots.set_pca(None)

    # -------------------------------------------------------- slice projections
    def _reproject(self) -> None:
        """The slice changed under a finished training: project the paths again (off-thread)."""
        plane = self.plane()
        if self.result is None or plane is None or not self._matches_spec(plane):
            self._draw_overlays()
            return
        if self.result.request.plane is plane:
            return
        runs = self.result.runs
        self.projector.submit(lambda progress, cancelled: (plane, project_all(runs, plane)))

    def _on_reprojected(self, result) -> None:
        plane, projections = result
        if self.result is not None and plane is self.plane():
            self.result.on_slice = projections
            self.result.request = dataclasses.replace(self.result.request, plane=plane)
            self._draw_overlays()

    def _draw_overlays(self, *_) -> None:
        """The projected paths to the model (the surface view draws them), and the
        honesty table beside them."""
        current = (self.result is not None and self.result.on_slice
                   and self.result.request.plane is self.plane())
        self.table.set_projections(self.result.on_slice if current else {}, self.colors)
        shown = current and self.overlay_check.isChecked()
        self.model.training.show_projections([
            ProjectedPath(label, self.colors[label], proj.ab, proj.off_plane_fraction[-1])
            for label, proj in self.result.on_slice.items()] if shown else [])
