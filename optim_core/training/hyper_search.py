"""Random against grid search for the hyper-parameters (η, λ) of real training.

The course notes' advice: with several hyper-parameters, sample them at
random (log-uniformly) rather than on a grid. With a budget of B trials a
√B × √B grid tries only √B distinct values of each parameter, while B random
trials try B distinct values of each — and when one parameter matters far
more than the other (here η), that is what decides the best trial.

A trial trains the linear classifier with SGD at learning rate η and
regularization strength λ (``training.full_space.train``: same data, same
mini-batch order, same W0 for every trial) and scores it by the final
validation accuracy. Everything is seeded: ``search`` is repeatable.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from optim_core import optimizers
from optim_core.training.full_space import TrainConfig, train

METHODS = ("grid", "random")
#: A trial: 5 epochs of mini-batches of 64 (≈ 115 SGD steps on the digits).
TRIAL_CONFIG = TrainConfig(epochs=5, batch_size=64)


@dataclass(frozen=True)
class SearchSpace:
    """Log-uniform ranges of η and λ."""

    lr: tuple[float, float] = (1e-4, 1.0)
    reg: tuple[float, float] = (1e-5, 1e-1)

    def __post_init__(self) -> None:
        for name, (lo, hi) in (("lr", self.lr), ("reg", self.reg)):
            if not (0 < lo < hi and math.isfinite(hi)):
                raise ValueError(f"{name} range must satisfy 0 < low < high, got {(lo, hi)}")


@dataclass(frozen=True)
class Search:
    """The trials of one search: ``lrs, regs, val_acc: (B,)``."""

    method: str
    lrs: np.ndarray
    regs: np.ndarray
    val_acc: np.ndarray

    @property
    def best(self) -> int:
        """Index of the best trial (the first of equals)."""
        return int(np.argmax(self.val_acc))


def trial_points(method: str, budget: int, space: SearchSpace, seed: int = 0
                 ) -> tuple[np.ndarray, np.ndarray]:
    """``(lrs (B,), regs (B,))``: a ⌊√B⌋² log grid, or B log-uniform random draws."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    if budget < 1:
        raise ValueError(f"budget must be at least 1, got {budget!r}")
    logs = [np.log10(space.lr), np.log10(space.reg)]
    if method == "grid":
        side = max(1, math.isqrt(budget))
        a, b = (np.linspace(lo, hi, side + 2)[1:-1] for lo, hi in logs)  # inside the box
        A, B = np.meshgrid(a, b)
        return 10.0 ** A.ravel(), 10.0 ** B.ravel()
    rng = np.random.default_rng([seed, budget])
    return tuple(10.0 ** rng.uniform(lo, hi, budget) for lo, hi in logs)


def search(dataset, method: str, budget: int = 16, space: SearchSpace = SearchSpace(), *,
           loss: str = "softmax", config: TrainConfig = TRIAL_CONFIG,
           seed: int = 0, progress: Callable[[int, int], bool] | None = None) -> Search:
    """Run ``budget`` trials of ``method``; ``progress(done, budget)`` returning False cancels."""
    lrs, regs = trial_points(method, budget, space, seed)
    acc = np.empty(len(lrs))
    for i, (lr, reg) in enumerate(zip(lrs, regs, strict=True)):
        runs = train(dataset, loss, float(reg), {"trial": optimizers.get("sgd", lr=float(lr))},
                     config=config)
        run = runs["trial"]
        acc[i] = 0.0 if run.diverged or not run.val_acc else run.val_acc[-1]
        if progress is not None and progress(i + 1, len(lrs)) is False:
            raise InterruptedError("search cancelled")
    return Search(method, lrs, regs, acc)


#: The course's four learning rates, as multiples of a good one.
RATE_NAMES = ("very high", "high", "good", "low")
RATE_FACTORS = (300.0, 20.0, 1.0, 0.01)
#: The batch losses are drawn as a running mean over this many steps.
SMOOTHING = 8


def rate_study(dataset, good_lr: float, *, loss: str = "softmax", reg: float = 1e-4,
               config: TrainConfig = TRIAL_CONFIG) -> dict[str, list[float]]:
    """The classic picture in real training: SGD at a very high, high, good and
    low η (``RATE_FACTORS`` × ``good_lr``; on the standardized digits η = 1 is
    good), the same batches for all; returns ``{name: losses}``, the batch loss
    before each step as a running mean over ``SMOOTHING`` steps (batch noise
    would hide the story; a diverged run's curve ends where it stopped)."""
    if not (good_lr > 0 and math.isfinite(good_lr)):
        raise ValueError(f"good_lr must be a positive number, got {good_lr!r}")
    opts = {name: optimizers.get("sgd", lr=good_lr * f)
            for name, f in zip(RATE_NAMES, RATE_FACTORS, strict=True)}
    runs = train(dataset, loss, reg, opts, config=config)
    return {name: _running_mean(runs[name].step_loss, SMOOTHING) for name in RATE_NAMES}


def _running_mean(values: list[float], window: int) -> list[float]:
    """Mean of each value and the ``window − 1`` before it (fewer at the start)."""
    v = np.asarray(values, dtype=float)
    c = np.concatenate([[0.0], np.cumsum(v)])
    k = np.arange(1, len(v) + 1)
    lo = np.maximum(k - window, 0)
    return list((c[k] - c[lo]) / (k - lo))
