"""One optimizer step on a linear classifier's weights: the loop body every
weight-space training shares (the trained slice centre W*, the overfit
sanity check, full-space training).

The weights ``W: (D, K)`` are ONE point of D·K coordinates to the optimizer
(its rule sees ``x: (1, D·K)``), so a kind that looks across coordinates
(L-BFGS's dot products) sees the whole matrix. Kinds that need the surface
(L-BFGS's line search) get the step's model as one (``WeightLoss``): the
loss of the batch the gradient came from, noisy as it comes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from optim_core.optimizers import Optimizer, State


class WeightLoss:
    """``model``'s loss (data + λ‖W‖²) as a surface over flattened weights ``(..., D·K)``."""

    def __init__(self, model, shape: tuple[int, int]) -> None:
        self.model, self.shape = model, shape

    def value_and_grad_step(self, w: np.ndarray, t: int) -> tuple[np.ndarray, np.ndarray]:
        """Loss ``(...)`` and gradient ``(..., D·K)`` at every row of ``w``."""
        rows = np.asarray(w, dtype=float).reshape(-1, w.shape[-1])
        out = [self.model.loss_and_grad(row.reshape(self.shape)) for row in rows]
        values = np.array([loss for loss, _ in out]).reshape(w.shape[:-1])
        return values, np.stack([g.reshape(-1) for _, g in out]).reshape(w.shape)

    def value(self, w: np.ndarray) -> np.ndarray:
        return self.value_and_grad_step(w, 0)[0]


def init(opt: Optimizer, W: np.ndarray) -> State:
    """``opt``'s state before its first step on ``W: (D, K)``."""
    return opt.init(np.reshape(W, (1, -1)))


def step(opt: Optimizer, W: np.ndarray, grad: np.ndarray, state: State, model
         ) -> tuple[np.ndarray, State]:
    """``(W_new (D, K), state)``: one step of ``opt`` with ``grad`` (``model``'s
    gradient at W); ``model`` is the surface of kinds that need one."""
    surface = WeightLoss(model, W.shape) if opt.info.needs_surface else None
    x, state = opt.step(np.reshape(W, (1, -1)), np.reshape(grad, (1, -1)), state, surface)
    return x.reshape(W.shape), state


def descend(opt: Optimizer, W0: np.ndarray, models: Iterable) -> Iterator[tuple[float,
                                                                               np.ndarray]]:
    """From ``W0``, one step per model of ``models`` (the full-batch model again and
    again, or one batch's model per step); yields ``(loss at W, W after the step)``."""
    W = np.array(W0, dtype=float)
    state = init(opt, W)
    for model in models:
        loss, grad = model.loss_and_grad(W)
        W, state = step(opt, W, grad, state, model)
        yield float(loss), W
