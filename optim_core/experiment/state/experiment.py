"""The experiment made of parts: runs, surface, race, view and analysis settings.

Each part owns its state and fires its own ``Event``s; this object wires
them together (the race follows the runs and the surface), keeps the
title and notes, composes the ``ExperimentSpec`` a file holds, and opens
or restores one section by section. It imports no Qt: scripts and tests
drive it as it is (slices then build at once, on a ``SyncLane``), and the
GUI's ``ExperimentModel`` is a thin Qt adapter over it.
"""

from __future__ import annotations

import copy

from optim_core import optimizers, surfaces
from optim_core.analysis.starting_lr import starting_lr
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.spec import ExperimentSpec
from optim_core.experiment.state.analysis import AnalysisSettings
from optim_core.experiment.state.events import Batcher, Event
from optim_core.experiment.state.lanes import Lane, SyncLane
from optim_core.experiment.state.race import RacePart
from optim_core.experiment.state.runs import RunList
from optim_core.experiment.state.surface import SurfacePart
from optim_core.experiment.state.view import ViewSettings

#: The titles an experiment gets from its surface (the GUI translates them).
RACE_TITLE, SLICE_RACE_TITLE, TYPED_RACE_TITLE = (
    "{surface} race", "{loss} slice race", "f(x, y) = {text} race")
LOSS_NAMES = {"softmax": "Softmax", "svm": "SVM"}


def auto_title(surface: spec_mod.SurfaceSpec) -> str:
    """The title an experiment gets from its surface: 'Rosenbrock race', 'SVM slice race'."""
    if surface.name == spec_mod.CLASSIFIER:
        return SLICE_RACE_TITLE.format(loss=LOSS_NAMES.get(surface.slice.loss, surface.slice.loss))
    if surface.name == spec_mod.EXPRESSION:
        return TYPED_RACE_TITLE.format(text=surface.expression.text)
    return RACE_TITLE.format(surface=surfaces.get(surface.name).title)


class Experiment:
    """Events: ``replaced()`` (a whole new experiment), ``meta_changed()`` (title,
    notes), ``modified()`` (anything a file would hold changed)."""

    def __init__(self, spec: ExperimentSpec | None = None, lane: Lane | None = None):
        spec = spec_mod.default_experiment() if spec is None else spec
        self.batcher = b = Batcher()
        self.replaced = Event("spec_replaced", b)
        self.meta_changed = Event("meta_changed", b)
        self.modified = Event("modified", b)
        self.title, self.notes, self.lesson = spec.title, spec.notes, copy.deepcopy(spec.lesson)
        self.runs = RunList(b, spec.runs)
        self.view = ViewSettings(b, spec.view)
        self.analysis = AnalysisSettings(b, spec.analysis)
        self.race = RacePart(b, self.runs, spec.starts, spec.steps, spec.steps_per_frame)
        self.surface = SurfacePart(b, lane or SyncLane(), self.view, spec.surface, spec.centre)
        self._titled_for = copy.deepcopy(spec.surface)  # the surface the title describes
        self.surface.installed.connect(self.race.set_surface)
        self.surface.changed.connect(self._retitle)
        for event in (self.runs.changed, self.runs.hyper_changed, self.surface.changed,
                      self.race.starts_changed, self.race.transport_changed, self.view.changed,
                      self.analysis.gradcheck_changed, self.analysis.training_changed,
                      self.analysis.many_starts_changed, self.analysis.search_changed,
                      self.meta_changed):
            event.connect(lambda *_: self.modified.emit())
        with b.batch():
            self.surface.rebuild(new_start=not spec.starts, keep_step=False)

    @property
    def spec(self) -> ExperimentSpec:
        """The experiment as data, made of the parts' own objects: read it freely,
        change it only through the parts (``snapshot`` gives a copy to keep)."""
        return ExperimentSpec(title=self.title, notes=self.notes, lesson=self.lesson,
                              surface=self.surface.spec,
                              runs=self.runs.specs, starts=self.race.start_list,
                              steps=self.race.steps, steps_per_frame=self.race.steps_per_frame,
                              view=self.view.spec, analysis=self.analysis.spec,
                              centre=self.surface.centre)

    def add_run(self, kind: str = "sgd", **hyper) -> int:
        """Append a run of ``kind``; its index. Hyper-parameters not given take the
        kind's defaults, except η: that of a run of the same kind here, else one
        that converges on this surface (``starting_lr``), so a new Nesterov on
        Rosenbrock does not diverge at step 2 with the default 0.01."""
        if "lr" not in hyper and "lr" in {h.name for h in optimizers.hyper_specs(kind)}:
            hyper["lr"] = self._new_run_lr(kind)
        return self.runs.add(kind, **hyper)

    def _new_run_lr(self, kind: str) -> float:
        same = [r.hyper["lr"] for r in self.runs.specs if r.kind == kind and "lr" in r.hyper]
        if same and isinstance(same[-1], float | int):
            return float(same[-1])
        if self.surface.surface is None:
            return spec_mod.default_run(kind, kind).hyper["lr"]
        return starting_lr(self.surface.surface, kind, self.race.starts)

    def snapshot(self) -> ExperimentSpec:
        return self.spec.copy()

    def set_meta(self, title: str | None = None, notes: str | None = None) -> None:
        """The experiment's title and notes (what to look for)."""
        new = (self.title if title is None else title, self.notes if notes is None else notes)
        if new != (self.title, self.notes):
            self.title, self.notes = new
            self.meta_changed.emit()

    def _retitle(self) -> None:
        """A new kind of surface makes a new experiment: its own title, no notes;
        a title that named the old surface names the new one."""
        old, new = self._titled_for, self.surface.spec
        if old.name != new.name:
            self.set_meta(auto_title(new), "")
        elif self.title in ("", auto_title(old)):
            self.set_meta(auto_title(new))
        self._titled_for = copy.deepcopy(new)

    # --------------------------------------------------------- whole experiment
    def load(self, spec: ExperimentSpec) -> None:
        """Replace the experiment (open a file, a preset); the race restarts."""
        with self.batcher.batch():
            self._set_sections(spec, always=True)
            self.race.detach()  # no race on the old surface meanwhile
            self.surface.replace(spec.surface, new_start=not spec.starts, keep_step=False,
                                 centre=spec.centre)
            self.replaced.emit()

    def restore(self, spec: ExperimentSpec) -> None:
        """Go back (or forward) to ``spec`` (undo, redo): only the sections that differ
        change, so undoing an η never rebuilds a slice."""
        with self.batcher.batch():
            surface_differs = spec.surface != self.surface.spec
            starts_differ = spec.starts != self.race.start_list
            self._set_sections(spec, starts=surface_differs)
            if surface_differs:
                same_kind = spec.surface.name == self.surface.spec.name
                self.surface.replace(spec.surface, new_start=False, keep_step=same_kind)
            elif starts_differ:
                self.race.set_starts(spec.starts, keep_step=True)

    def _set_sections(self, spec: ExperimentSpec, starts: bool = True,
                      always: bool = False) -> None:
        """Everything but the surface (``starts`` too unless told not to); the runs
        are announced ``always``, else only when they differ."""
        self._titled_for = copy.deepcopy(spec.surface)
        self.set_meta(spec.title, spec.notes)
        if spec.lesson != self.lesson:
            self.lesson = copy.deepcopy(spec.lesson)
            self.meta_changed.emit()
        if always or spec.runs != self.runs.specs:
            self.runs.replace(spec.runs)
        self.view.replace(spec.view)
        self.analysis.replace(spec.analysis)
        if (spec.steps, spec.steps_per_frame) != (self.race.steps, self.race.steps_per_frame):
            self.race.steps, self.race.steps_per_frame = spec.steps, spec.steps_per_frame
            self.race.transport_changed.emit()
        if starts:
            self.race.start_list = copy.deepcopy(spec.starts)
            self.race.starts_changed.emit()
