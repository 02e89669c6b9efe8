"""Classifier training off the GUI thread: sanity checks, training, projections.

``study(request, report, cancelled)`` is plain Python over ``optim_core``
(the sanity checks, ``training.train_iter``, the projection of every
trajectory onto the slice plane and onto its PCA plane, and the loss on
each PCA plane). ``TrainingWorker`` runs it as a ``gui.model.workers`` job and forwards each
epoch's ``TrainProgress``; the generation counter drops whatever a
cancelled or superseded job still reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gui.model.workers import Cancelled, JobRunner
from optim_core import classifier
from optim_core.analysis import hessian_power
from optim_core.training import full_space as training
from optim_core.training import projection, sanity

#: Side of the loss grid drawn under each PCA-plane trajectory.
PCA_GRID = 64


@dataclass(frozen=True)
class TrainingRequest:
    dataset: str
    loss: str
    reg: float
    optimizers: dict  # label -> optimizer
    config: training.TrainConfig
    plane: object | None = None  # the slice to project onto (a PlaneSlice)
    #: Start from the plane's centre W0 (a small random init); False when the
    #: centre is a trained W*, so training starts from a fresh init and the
    #: projected path ends near the centre instead of barely moving.
    from_centre: bool = True


@dataclass
class PCAView:
    projection: projection.PCAProjection
    a: np.ndarray  # (G,) grid axes in PC coordinates
    b: np.ndarray
    z: np.ndarray  # (G, G) loss on the PCA plane, row-major


@dataclass
class TrainingResult:
    request: TrainingRequest
    runs: dict[str, training.RunHistory]
    initial: sanity.InitialLossCheck
    overfit: sanity.OverfitCheck
    on_slice: dict[str, projection.PlaneProjection] = field(default_factory=dict)
    pca: dict[str, PCAView] = field(default_factory=dict)
    #: Full-batch curvature at the start weights and each run's critical η there.
    limits: hessian_power.TrainingLimits | None = None


def study(request: TrainingRequest, report, cancelled) -> TrainingResult:
    """Everything the training panel shows; ``report(TrainProgress)`` per epoch."""
    ds = classifier.load_dataset(request.dataset)
    W0 = request.plane.W0 if request.plane is not None and request.from_centre else None
    initial = sanity.check_initial_loss(ds, request.loss, request.reg, W0=W0)
    overfit = sanity.check_overfit(ds, request.loss, seed=request.config.seed)
    runs = None
    for item in training.train_iter(ds, request.loss, request.reg, request.optimizers, W0,
                                    request.config):
        if cancelled():
            raise Cancelled
        report(item)
        runs = item.runs
    result = TrainingResult(request, runs, initial, overfit)
    if request.plane is not None:
        result.on_slice = project_all(runs, request.plane)
    model = classifier.LinearClassifier(ds.X_train, ds.y_train, loss=request.loss,
                                        reg=request.reg)
    start = W0 if W0 is not None else classifier.init_weights(
        ds.dim, ds.num_classes, seed=request.config.seed)
    result.limits = hessian_power.training_limits(model, start, request.optimizers)
    for label, run in runs.items():
        if cancelled():
            raise Cancelled
        result.pca[label] = pca_view(model, run)
    return result


def project_all(runs: dict[str, training.RunHistory], plane
                ) -> dict[str, projection.PlaneProjection]:
    """Every trajectory projected onto ``plane`` (a PlaneSlice)."""
    with np.errstate(all="ignore"):
        return {label: projection.project_onto_slice(run.trajectory()[1], plane)
                for label, run in runs.items()}


def pca_view(model, run: training.RunHistory) -> PCAView:
    """The run's PCA projection and the loss on that plane around it."""
    pca = projection.pca_projection(run.trajectory()[1])
    center, d1, d2, bounds = projection.pca_plane(pca)
    plane = classifier.PlaneSlice(model, center, d1, d2, extent=bounds)
    a, b = (np.linspace(lo, hi, PCA_GRID) for lo, hi in bounds)
    with np.errstate(all="ignore"):
        z = np.asarray(plane.grid(a, b), dtype=float)
    return PCAView(pca, a, b, z)


class TrainingWorker(JobRunner):
    """One training job at a time on the global QThreadPool: ``start`` cancels
    the previous one. ``reported(TrainProgress)`` per epoch (and
    ``progressed(fraction, message)``), then ``finished(TrainingResult)`` or
    ``failed(message)``; only the current generation's news arrives."""

    def start(self, request: TrainingRequest) -> int:
        def job(progress, cancelled):
            return study(request, lambda item: progress(
                item.epoch / max(item.epochs, 1), f"epoch {item.epoch}/{item.epochs}", item),
                cancelled)

        return self.submit(job)
