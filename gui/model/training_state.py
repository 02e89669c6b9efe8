"""The classifier training's side of the model: what Train trains, and the
trained paths projected onto the slice, which the surface view draws.

The request is built here from the experiment (the slice's data, loss and λ,
the runs and numbers of ``spec.analysis.training``), never by a panel; the
training panel shows the result and hands the projected paths to
``show_projections``, and every view of the surface draws them on
``projections_changed``.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QObject, Signal

from gui.model.training_worker import TrainingRequest
from optim_core import optimizers
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.spec import ExperimentSpec, RunSpec
from optim_core.experiment.state import surface_jobs
from optim_core.training.full_space import TrainConfig


class ProjectedPath(NamedTuple):
    """A trained run's path on the slice plane: ``ab (T, 2)``, and the share of
    its final weights the plane cannot show (``off_plane`` in [0, 1])."""

    label: str
    color: str
    ab: np.ndarray
    off_plane: float


def trainable(run: RunSpec) -> bool:
    return not optimizers.kind_of(run.kind).untrainable_reason


def training_runs(spec: ExperimentSpec) -> list[RunSpec]:
    """The runs Train trains: those the settings name (all that can, if none are
    named) that can train in weight space."""
    chosen = spec.analysis.training.runs
    return [r for r in spec.runs if trainable(r) and (chosen is None or r.id in chosen)]


def request_for(spec: ExperimentSpec, surface) -> TrainingRequest:
    """What Train trains for ``spec`` with ``surface`` on screen; the paths are
    projected onto that slice only when it is the one the spec describes."""
    s, t = spec.surface.slice, spec.analysis.training
    opts = {run.label: spec_mod.make_optimizer(run) for run in training_runs(spec)}
    config = TrainConfig(epochs=t.epochs, batch_size=t.batch_size, seed=t.seed)
    plane = surface_jobs.plane_of(surface)
    if plane is not None and (plane.model.kind, plane.model.reg) != (s.loss, s.reg):
        plane = None
    return TrainingRequest(s.dataset, s.loss, s.reg, opts, config, plane,
                           from_centre=s.center == "init")


class TrainingState(QObject):
    """``request()``; ``paths`` and ``projections_changed()``."""

    projections_changed = Signal()

    def __init__(self, model, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.paths: list[ProjectedPath] = []

    def request(self) -> TrainingRequest:
        return request_for(self.model.spec, self.model.surface)

    def show_projections(self, paths: list[ProjectedPath]) -> None:
        self.paths = list(paths)
        self.projections_changed.emit()
