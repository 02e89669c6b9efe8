"""Train the linear classifier in its full (D, K) weight space, several optimizers side by side.

Every run starts from the same W0 and sees the same mini-batches in the
same order (one seeded permutation per epoch), so differences between the
curves come from the optimizers alone. One step of run r:

    L_B(W), ∇L_B(W) = loss and gradient on batch B (data loss + λ‖W‖²)
    W' = opt_r.step(W, ∇L_B(W))
    update ratio = ‖W' − W‖ / ‖W‖          (Frobenius; the notes' ≈1e-3 rule)

After every epoch (and once at W0, epoch 0) the full-data objective
(data + λ‖W‖²) and accuracy are measured on the training and validation
sets. Weight snapshots are a decimating history (``race.history.Trail``, the
race's trails): every ``stride``-th step, the stride doubling whenever
``max_snapshots`` is reached, so memory stays bounded. A step is
``training.descent.step``; the batches are ``classifier.batches.epoch_batches``;
a run stops with the race's reasons (``race.divergence.weights_reason``).

``train_iter`` is a generator (one ``TrainProgress`` per epoch; stop
iterating to cancel); ``train`` wraps it with progress/cancel callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from optim_core import classifier
from optim_core.classifier.batches import epoch_batches
from optim_core.race.divergence import weights_reason
from optim_core.race.history import Trail
from optim_core.training import descent

#: ‖W‖ beyond this counts as divergence (digits weights live around 1–100).
MAX_WEIGHT_NORM = 1e8


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 10
    batch_size: int = 0  # 0 (or ≥ N): full batch, one step per epoch
    seed: int = 0  # seeds the batch order
    max_snapshots: int = 256  # weight snapshots kept per run (≥ 2)


@dataclass
class RunHistory:
    """One optimizer's training record. Epoch arrays have E+1 entries (epoch 0 = W0)."""

    label: str
    epochs: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    val_acc: list[float] = field(default_factory=list)
    step_loss: list[float] = field(default_factory=list)  # batch loss before each step
    update_ratio: list[float] = field(default_factory=list)  # ‖ΔW‖/‖W‖ per step
    snapshots: Trail | None = None  # the kept weights ``W (D, K)`` by step
    W: np.ndarray | None = None  # the latest weights
    diverged_at: int = -1  # the step (1-based) at which the run stopped, -1 if never
    reason: str = ""

    @property
    def diverged(self) -> bool:
        return self.diverged_at >= 0

    def trajectory(self) -> tuple[np.ndarray, np.ndarray]:
        """``(steps (M,), weights (M, D, K))``: the kept snapshots, first and last included."""
        steps, kept = self.snapshots.view()
        last = len(self.step_loss)
        if steps[-1] == last:
            return steps.copy(), kept["W"].copy()
        return np.append(steps, last), np.concatenate([kept["W"], self.W[None]])

    def curves(self) -> RunHistory:
        """A copy without snapshots (cheap to hand to another thread)."""
        curves = {name: list(getattr(self, name)) for name in _CURVE_FIELDS}
        return RunHistory(self.label, **curves, diverged_at=self.diverged_at, reason=self.reason)


_CURVE_FIELDS = ("epochs", "train_loss", "val_loss", "train_acc", "val_acc",
                 "step_loss", "update_ratio")


@dataclass(frozen=True)
class TrainProgress:
    epoch: int  # epochs completed
    epochs: int
    step: int  # steps completed per run
    total_steps: int
    runs: dict[str, RunHistory]  # curves only while running; full histories when done
    done: bool = False

    @property
    def fraction(self) -> float:
        return self.step / self.total_steps if self.total_steps else 1.0


def _measure(run: RunHistory, epoch: int, W: np.ndarray, train, val) -> None:
    with np.errstate(all="ignore"):
        run.epochs.append(epoch)
        run.train_loss.append(float(train.loss(W)))
        run.val_loss.append(float(val.loss(W)))
        run.train_acc.append(float(train.accuracy(W)))
        run.val_acc.append(float(val.accuracy(W)))


def _step(run: RunHistory, opt, state, batch_model, t: int):
    """One optimizer step on ``batch_model``; returns the new state (the run
    records its loss, update ratio and weights, or why it diverged)."""
    W = run.W
    with np.errstate(all="ignore"):
        loss, grad = batch_model.loss_and_grad(W)
        reason = weights_reason(W, loss, grad, MAX_WEIGHT_NORM)
        if not reason:
            W_new, state = descent.step(opt, W, grad, state, batch_model)
            reason = weights_reason(W_new, loss, grad, MAX_WEIGHT_NORM)
    if reason:
        run.diverged_at, run.reason = t, reason
        return state
    norm = float(np.linalg.norm(W))
    ratio = float(np.linalg.norm(W_new - W)) / norm if norm > 0 else np.inf
    run.step_loss.append(float(loss))
    run.update_ratio.append(ratio)
    run.W = W_new
    run.snapshots.extend(np.array([t]), W=W_new[None])
    return state


def train_iter(dataset, loss: str, reg: float, optimizers: Mapping[str, object],
               W0: np.ndarray | None = None, config: TrainConfig = TrainConfig(),
               ) -> Iterator[TrainProgress]:
    """Train every ``label -> optimizer`` on ``dataset`` (X_train, y_train, X_val,
    y_val, dim, num_classes) from ``W0: (D, K)`` (default ``init_weights(seed)``).

    Yields after epoch 0 (the measurement at W0) and after every epoch; the
    last item has ``done=True`` and the full histories. Deterministic.
    """
    if config.epochs < 1:
        raise ValueError(f"epochs must be ≥ 1, got {config.epochs}")
    train = classifier.LinearClassifier(dataset.X_train, dataset.y_train, loss=loss, reg=reg)
    val = classifier.LinearClassifier(dataset.X_val, dataset.y_val, loss=loss, reg=reg)
    if W0 is None:
        W0 = classifier.init_weights(dataset.dim, dataset.num_classes, seed=config.seed)
    n = len(dataset.y_train)
    per_epoch = len(epoch_batches(n, config.batch_size, config.seed, 0))
    runs = _start_runs(optimizers, W0, config.max_snapshots, train, val)
    states = {label: descent.init(opt, runs[label].W) for label, opt in optimizers.items()}
    total = per_epoch * config.epochs

    def progress(epoch: int, step: int, done: bool = False) -> TrainProgress:
        shown = runs if done else {k: r.curves() for k, r in runs.items()}
        return TrainProgress(epoch, config.epochs, step, total, shown, done)

    yield progress(0, 0)
    t = 0
    for epoch in range(1, config.epochs + 1):
        for idx in epoch_batches(n, config.batch_size, config.seed, epoch):
            t += 1
            batch = train.subset(idx)
            for label, run in runs.items():
                if not run.diverged:
                    states[label] = _step(run, optimizers[label], states[label], batch, t)
        for run in runs.values():
            if not run.diverged:
                _measure(run, epoch, run.W, train, val)
        yield progress(epoch, t, done=epoch == config.epochs)


def _start_runs(optimizers: Mapping[str, object], W0: np.ndarray, max_snapshots: int,
                train, val) -> dict[str, RunHistory]:
    """Every run at ``W0``, its first snapshot and its epoch-0 measurement made."""
    runs = {}
    for label in optimizers:
        run = RunHistory(label, W=np.array(W0, dtype=float),
                         snapshots=Trail({"W": np.shape(W0)}, max_snapshots))
        run.snapshots.extend(np.array([0]), W=run.W[None])
        _measure(run, 0, run.W, train, val)
        runs[label] = run
    return runs


def train(dataset, loss: str, reg: float, optimizers: Mapping[str, object],
          W0: np.ndarray | None = None, config: TrainConfig = TrainConfig(),
          progress: Callable[[TrainProgress], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> dict[str, RunHistory] | None:
    """Run :func:`train_iter` to the end; ``None`` if ``cancelled()`` turned true."""
    for item in train_iter(dataset, loss, reg, optimizers, W0, config):
        if progress:
            progress(item)
        if item.done:
            return item.runs
        if cancelled and cancelled():
            return None
    return None
