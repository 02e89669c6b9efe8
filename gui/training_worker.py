"""Classifier training off the GUI thread: sanity checks, training, projections.

``study(request, report, cancelled)`` is plain Python over ``optim_core``
(the sanity checks, ``training.train_iter``, the projection of every
trajectory onto the slice plane and onto its PCA plane, and the loss on
each PCA plane). ``TrainingWorker`` runs it on the global QThreadPool and
forwards each epoch's ``TrainProgress``; a generation counter drops
whatever a cancelled or superseded job still reports.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from optim_core import classifier, projection, sanity, training

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


class Cancelled(Exception):
    pass


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


class _Bridge(QObject):
    progressed = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, gen: int, request: TrainingRequest, bridge: _Bridge,
                 stop: threading.Event):
        super().__init__()
        self.gen, self.request, self.bridge, self.stop = gen, request, bridge, stop

    def run(self) -> None:
        try:
            result = study(self.request, lambda p: self.bridge.progressed.emit(self.gen, p),
                           self.stop.is_set)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, never lost
            traceback.print_exc()
            self.bridge.failed.emit(self.gen, f"{type(exc).__name__}: {exc}")
            return
        self.bridge.finished.emit(self.gen, result)


class TrainingWorker(QObject):
    """One training job at a time: ``start`` cancels the previous one.

    ``progressed(TrainProgress)`` per epoch, then ``finished(TrainingResult)``
    or ``failed(message)``; only the current generation's news arrives.
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.generation = 0
        self._stop = threading.Event()
        self.busy = False
        self._bridge = _Bridge(self)
        self._bridge.progressed.connect(self._on_progressed)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)

    def start(self, request: TrainingRequest) -> int:
        self.cancel()
        self.generation += 1
        self._stop = threading.Event()
        self.busy = True
        QThreadPool.globalInstance().start(_Job(self.generation, request, self._bridge,
                                                self._stop))
        return self.generation

    def cancel(self) -> None:
        self._stop.set()
        self.generation += 1
        self.busy = False

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for tests and shutdown)."""
        return QThreadPool.globalInstance().waitForDone(msecs)

    def _on_progressed(self, gen: int, item) -> None:
        if gen == self.generation:
            self.progressed.emit(item)

    def _on_finished(self, gen: int, result) -> None:
        if gen == self.generation:
            self.busy = False
            self.finished.emit(result)

    def _on_failed(self, gen: int, message: str) -> None:
        if gen == self.generation:
            self.busy = False
            self.failed.emit(message)
