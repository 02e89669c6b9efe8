"""Training a linear classifier's full weight matrix, to give slices a trained centre W*."""

from __future__ import annotations

from typing import Any

import numpy as np

from optim_core import optimizers
from optim_core.classifier.losses import LinearClassifier


def train(model: LinearClassifier, W0: np.ndarray, *, kind: str = "sgd", steps: int = 200,
          batch_size: int | None = None, seed: int = 0, history: list | None = None,
          **hyper: Any) -> np.ndarray:
    """``W*``: ``steps`` updates of optimizer ``kind`` (``optim_core.optimizers``,
    our own pinned formulas) from ``W0: (D, K)``; returns ``(D, K)``.

    Full batch by default; ``batch_size`` draws a seeded random batch per step
    (without replacement within the batch). ``hyper`` goes to the optimizer;
    with none given, ``sgd`` uses lr = 0.5 (which trains either loss on
    standardized data such as the bundled digits in a few hundred steps).
    ``history``, if given, receives the loss before each step.
    """
    if kind == "sgd" and "lr" not in hyper:
        hyper["lr"] = 0.5
    opt = optimizers.get(kind, **hyper)
    W = np.array(W0, dtype=float)
    state = opt.init(W)
    rng = np.random.default_rng(seed)
    N = model.num_samples
    for _ in range(steps):
        if batch_size is None or batch_size >= N:
            loss, grad = model.loss_and_grad(W)
        else:
            idx = rng.choice(N, size=batch_size, replace=False)
            batch = LinearClassifier(model.X[idx], model.y[idx], model.kind, model.reg,
                                     model.delta)
            loss, grad = batch.loss_and_grad(W)
        if history is not None:
            history.append(loss)
        W, state = opt.step(W, grad, state)
    return W
