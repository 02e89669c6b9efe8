"""Training a linear classifier's full weight matrix, to give slices a trained centre W*."""

from __future__ import annotations

from typing import Any

import numpy as np

from optim_core import optimizers
from optim_core.classifier.batches import step_batch
from optim_core.classifier.losses import LinearClassifier
from optim_core.training import descent

#: Why training W* failed (the GUI translates it where it shows it).
DIVERGED = "training W* diverged at step {step} ({kind}, lr {lr}); use a smaller learning rate"


def train(model: LinearClassifier, W0: np.ndarray, *, kind: str = "sgd", steps: int = 200,
          batch_size: int | None = None, seed: int = 0, history: list | None = None,
          **hyper: Any) -> np.ndarray:
    """``W*``: ``steps`` updates of optimizer ``kind`` (``optim_core.optimizers``,
    our own pinned formulas) from ``W0: (D, K)``; returns ``(D, K)``.

    Full batch by default; ``batch_size`` takes step t's batch
    (``batches.step_batch``: seeded, without replacement within the batch).
    ``hyper`` goes to the optimizer; with none given, ``sgd`` uses
    ``default_lr(model.reg)``. ``history``, if given, receives the loss before
    each step. A run whose weights stop
    being finite raises ``ValueError`` saying at which step, instead of
    returning them.
    """
    if kind == "sgd" and "lr" not in hyper:
        hyper["lr"] = default_lr(model.reg)
    opt = optimizers.get(kind, **hyper)
    N = model.num_samples
    full = batch_size is None or batch_size >= N
    models = (model if full else model.subset(step_batch(N, batch_size, seed, t))
              for t in range(1, steps + 1))
    W = np.array(W0, dtype=float)
    for step, (loss, W) in enumerate(descent.descend(opt, W0, models), start=1):
        if history is not None:
            history.append(loss)
        if not np.all(np.isfinite(W)):
            raise ValueError(DIVERGED.format(step=step, kind=kind,
                                             lr=hyper.get("lr", "default")))
    return W


def default_lr(reg: float) -> float:
    """SGD's step for W*: 0.5 (trains either loss on standardized data such as
    the bundled digits in a few hundred steps), capped at ``1/(8λ)``.

    The regularizer's Hessian is ``2λI``: a step ``η`` multiplies W by
    ``1 − 2λη`` before the data gradient ``g`` (bounded: ``‖g‖ ≤ √2·max‖x‖``
    for softmax, ``(K−1)·max‖x‖`` for the SVM) is subtracted. With η = 0.5
    and λ ≥ 2 that factor is ≤ −1 and W grows without bound (9e188 at
    λ = 1000). With ``2λη ≤ 1/4`` it is in [3/4, 1): the weights stay within
    ``max(‖W0‖, 4‖g‖/λ)`` at every λ, and the hinge's subgradient steps stay
    small enough to settle (a factor near 0 makes the SVM's W* jump between
    ``−g/(2λ)`` values, worse than W = 0).
    """
    return min(0.5, 1.0 / (8.0 * reg)) if reg > 0 else 0.5
