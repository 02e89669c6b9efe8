"""Many starts, many learning rates: the basin maps and sweeps of the experiment.

``ManyStarts`` is the Qt side of these analyses: their settings are the
experiment's (``ManyStartsSpec`` in its analysis part, saved with it, every
change an undo step); it holds their latest results (dropped when the
surface or the experiment changes; a map that was shown when a file was
saved is built again when it opens),
runs the work off the GUI thread (one ``JobRunner`` lane: a new build
cancels the old one, stale results are dropped), and signals:

* ``maps_changed()``: ``maps`` ({run id: BasinMap}) or the settings changed;
* ``sweeps_changed()``: ``sweeps`` ({run id: LRSweep}) or tuning changed;
* ``progressed(fraction, message)``, ``failed(message)``, ``busy_changed(bool)``.

``tune_each()`` sets every swept run's η to its sweep's best (one undoable
step when the model has an undo stack) and records the choice.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, Signal

from gui.app.i18n import translate, translated
from gui.model.job_lane import JobLane
from gui.model.workers import Cancelled
from optim_core.analysis import basins, best_lr, stability, sweep
from optim_core.analysis.lr_sweep import log_lrs
from optim_core.experiment.many_starts import ALL_RUNS, ManyStartsSpec
from optim_core.experiment.spec import make_optimizer


class ManyStarts(JobLane):
    maps_changed = Signal()
    sweeps_changed = Signal()

    def __init__(self, model, parent: QObject | None = None):
        super().__init__(model, parent)
        self.maps: dict[str, object] = {}  # run id -> BasinMap
        self.sweeps: dict[str, object] = {}  # run id -> LRSweep
        self._build_when_drawn = False
        model.experiment.analysis.many_starts_changed.connect(self.maps_changed.emit)
        model.spec_replaced.connect(self._on_spec_replaced)
        model.surface_changed.connect(self._forget)
        model.grid_ready.connect(self._on_grid_ready)

    @property
    def spec(self) -> ManyStartsSpec:
        """The settings: the experiment's own (saved with it)."""
        return self.model.experiment.analysis.spec.many_starts

    # --------------------------------------------------------------- settings
    def set_settings(self, **fields) -> None:
        """Change settings (``ManyStartsSpec`` fields) as one undoable step;
        ValueError (and nothing changes) if one is invalid."""
        self.model.undo.edit(translate("ManyStarts", "change the many-starts settings"),
                             lambda: self.model.experiment.analysis.set_many_starts(**fields))

    def set_shown(self, shown: bool) -> None:
        self.set_settings(shown=bool(shown))

    def _forget(self) -> None:
        """Results of another surface or experiment are stale: drop them."""
        self.jobs.cancel()
        had = bool(self.maps or self.sweeps)
        self.maps, self.sweeps = {}, {}
        if had:
            self.maps_changed.emit()
            self.sweeps_changed.emit()
        self.busy_changed.emit(False)

    def _on_spec_replaced(self) -> None:
        """A new experiment: its shown map is built on its surface — now if that
        is drawn already (a toy), else with its first grid (a slice computing)."""
        self._forget()
        self._build_when_drawn = self.spec.shown
        if self._build_when_drawn and not self.model.busy:
            self._on_grid_ready()

    def _on_grid_ready(self) -> None:
        if self._build_when_drawn and self.model.surface is not None:
            self._build_when_drawn = False
            self.build_maps()

    # ------------------------------------------------------------------- work
    def build_maps(self) -> None:
        """Start the basin map(s) of the chosen run (or every enabled run)."""
        jobs = self._map_jobs()
        if not jobs:
            self.failed.emit(translate("ManyStarts", "no enabled run to map"))
            return
        self.submit(_map_work(jobs))

    def build_sweeps(self) -> None:
        """Start the learning-rate sweep of every enabled run with a learning rate."""
        jobs = self._sweep_jobs()
        if not jobs:
            self.failed.emit(translate("ManyStarts", "no enabled run has a learning rate to sweep"))
            return
        self.submit(_sweep_work(jobs))

    def tune_each(self) -> dict[str, float]:
        """Set each swept run's η to its best by the criterion, and record the
        choice, as one undoable step; returns {run id: η}."""
        m, s = self.model, self.spec
        f_star = self._f_star()
        chosen = {}
        for run in m.spec.runs:
            result = self.sweeps.get(run.id)
            lr = None if result is None else best_lr(result, s.criterion, f_star=f_star,
                                                     tol=s.tol)
            if lr is not None:
                chosen[run.id] = lr
        m.begin_gesture(translate("ManyStarts", "tune each run's η"))
        try:
            for run_id, lr in chosen.items():
                m.set_hyper(run_id, "lr", lr)
            m.experiment.analysis.set_many_starts(tuned=chosen)
        finally:
            m.end_gesture()
        self.sweeps_changed.emit()
        return dict(chosen)

    def critical_lr(self, run_id: str) -> float:
        """The critical η of the run's kind at the surface's first minimum (NaN if none)."""
        run = next((r for r in self.model.spec.runs if r.id == run_id), None)
        target = self._minima()
        if run is None or not len(target):
            return math.nan
        H = self.model.surface.hessian(target[0])
        hyper = {k: v for k, v in make_optimizer(run).hyper.items() if k != "lr"}
        try:
            return float(stability.critical_lr(run.kind, H, **hyper))
        except (ValueError, TypeError):
            return math.nan

    # ---------------------------------------------------------------- helpers
    def _enabled_runs(self):
        runs = [r for r in self.model.spec.runs if r.enabled]
        if self.spec.run != ALL_RUNS:
            runs = [r for r in runs if r.id == self.spec.run]
        return runs

    def _minima(self) -> np.ndarray:
        """Known minima, or on a surface without any the drawn grid's minimum."""
        surface, grid = self.model.surface, self.model.grid
        if surface is not None and len(surface.minima):
            return np.asarray(surface.minima)
        if grid is None:
            return np.zeros((0, 2))
        i, j = np.unravel_index(np.nanargmin(grid.z), grid.z.shape)
        return np.array([[grid.x[j], grid.y[i]]])

    def _f_star(self) -> float:
        target = self._minima()
        return float(self.model.surface.value(target[0])) if len(target) else 0.0

    def _map_jobs(self) -> list:
        s, surface = self.spec, self.model.surface
        if surface is None:
            return []
        (x0, x1), (y0, y1) = surface.bounds
        xs, ys = np.linspace(x0, x1, s.n), np.linspace(y0, y1, s.n)
        minima = self._minima()
        return [(r.id, r.label, surface, make_optimizer(r), xs, ys, s.steps, s.tol, minima)
                for r in self._enabled_runs()]

    def _sweep_jobs(self) -> list:
        s, surface = self.spec, self.model.surface
        if surface is None:
            return []
        lrs = log_lrs(s.lr_low, s.lr_high, s.rates)
        start = np.asarray(self.model.starts[0])
        jobs = []
        for r in self.model.spec.runs:
            opt = make_optimizer(r)
            if r.enabled and "lr" in opt.hyper:
                hyper = {k: v for k, v in opt.hyper.items() if k != "lr"}
                jobs.append((r.id, r.label, surface, r.kind, lrs, start, s.steps, hyper))
        return jobs

    def _on_finished(self, result) -> None:
        kind, value = result
        if kind == "maps":
            self.maps = value
            if not self.spec.shown:
                self.model.experiment.analysis.set_many_starts(shown=True)
            self.maps_changed.emit()
        else:
            self.sweeps = value
            self.sweeps_changed.emit()


def _map_work(jobs):
    def work(progress, cancelled):
        out = {}
        for k, (run_id, label, surface, opt, xs, ys, steps, tol, minima) in enumerate(jobs):
            def report(done, total, k=k, label=label):
                text = translate("ManyStarts", "basin map of {run}")
                progress((k + done / total) / len(jobs), text.format(run=translated("core", label)))
                return not cancelled()

            try:
                out[run_id] = basins(surface, opt, xs, ys, steps, tol, minima=minima,
                                    progress=report)
            except InterruptedError as e:
                raise Cancelled from e
        return "maps", out
    return work


def _sweep_work(jobs):
    def work(progress, cancelled):
        out = {}
        for k, (run_id, label, surface, kind, lrs, start, steps, hyper) in enumerate(jobs):
            progress(k / len(jobs), translate("ManyStarts", "learning-rate sweep of {run}").format(
                run=translated("core", label)))
            out[run_id] = sweep(surface, kind, lrs, start, steps, **hyper)
        return "sweeps", out
    return work
