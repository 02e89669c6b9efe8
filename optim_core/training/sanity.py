"""The course notes' sanity checks before training for real.

1. **Loss at chance.** With small weights every score is ≈ 0, so
   softmax gives p_k ≈ 1/K and a data loss of ln K (2.303 for 10 classes);
   the multiclass SVM (Δ = 1) gives K − 1 margins of ≈ 1 each, a data loss
   of K − 1 (9 for 10 classes). A measured value far from this means a bug
   in the loss or in the initialization.
2. **Overfit a tiny subset.** With regularization off, a correct model and
   optimizer drive the loss on ~20 samples to ≈ 0 (100 % training accuracy).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from optim_core import classifier, optimizers
from optim_core.training import descent

#: Relative distance from the expected chance loss still called "as expected".
INITIAL_LOSS_TOLERANCE = 0.05
#: Data loss on the small subset below which the overfit check passes.
OVERFIT_LOSS = 0.05
#: The verdicts' words, filled in per check (the GUI translates them as templates).
INITIAL_OK = "as expected"
INITIAL_BAD = "UNEXPECTED: check the loss and the initialization"
INITIAL_VERDICT = ("{head}: measured {measured:.4f}, expected {formula} = {expected:.4f} "
                   "({off:.1f} % off)")
OVERFIT_OK = "overfits"
OVERFIT_BAD = "FAILS to overfit"
OVERFIT_VERDICT = ("{head} {n} samples: loss {first:.3f} → {final:.2e} in {steps} steps, "
                   "accuracy {accuracy:.0f} %")


@dataclass(frozen=True)
class InitialLossCheck:
    loss: str
    num_classes: int
    expected: float  # ln K (softmax) or K − 1 (SVM)
    measured: float  # data loss at W0 on the training set
    measured_with_reg: float  # data loss + λ‖W0‖²

    @property
    def relative_error(self) -> float:
        return abs(self.measured - self.expected) / self.expected

    @property
    def ok(self) -> bool:
        return self.relative_error <= INITIAL_LOSS_TOLERANCE

    @property
    def verdict(self) -> str:
        formula = f"ln {self.num_classes}" if self.loss == "softmax" else f"{self.num_classes} − 1"
        return INITIAL_VERDICT.format(
            head=INITIAL_OK if self.ok else INITIAL_BAD, measured=self.measured,
            formula=formula, expected=self.expected, off=100 * self.relative_error)


@dataclass(frozen=True)
class OverfitCheck:
    loss: str
    n_samples: int
    losses: np.ndarray  # (steps + 1,) data loss on the subset, reg = 0
    accuracy: float  # final training accuracy on the subset

    @property
    def final_loss(self) -> float:
        return float(self.losses[-1])

    @property
    def ok(self) -> bool:
        return self.final_loss < OVERFIT_LOSS and self.accuracy == 1.0

    @property
    def verdict(self) -> str:
        return OVERFIT_VERDICT.format(
            head=OVERFIT_OK if self.ok else OVERFIT_BAD, n=self.n_samples,
            first=self.losses[0], final=self.final_loss, steps=len(self.losses) - 1,
            accuracy=100 * self.accuracy)


def expected_initial_loss(loss: str, num_classes: int) -> float:
    """Data loss at W ≈ 0: ln K for softmax, K − 1 for the SVM with Δ = 1."""
    if loss == "softmax":
        return math.log(num_classes)
    if loss == "svm":
        return float(num_classes - 1)
    raise ValueError(f"unknown loss {loss!r}: expected 'softmax' or 'svm'")


def check_initial_loss(dataset, loss: str, reg: float, W0: np.ndarray | None = None,
                       seed: int = 0) -> InitialLossCheck:
    """Measure the training-set loss at ``W0: (D, K)`` (default ``init_weights(seed)``)."""
    if W0 is None:
        W0 = classifier.init_weights(dataset.dim, dataset.num_classes, seed=seed)
    model = classifier.LinearClassifier(dataset.X_train, dataset.y_train, loss=loss, reg=reg)
    data = float(model.data_loss_and_grad(W0)[0])
    return InitialLossCheck(loss, dataset.num_classes,
                            expected_initial_loss(loss, dataset.num_classes),
                            data, float(model.loss(W0)))


def check_overfit(dataset, loss: str, n_samples: int = 20, steps: int = 200,
                  optimizer=None, seed: int = 0) -> OverfitCheck:
    """Train on ``n_samples`` training samples (a seeded draw) with reg = 0,
    full batch, ``steps`` steps of ``optimizer`` (default Adam, lr = 0.1)."""
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(dataset.y_train), size=n_samples, replace=False)
    model = classifier.LinearClassifier(dataset.X_train[idx], dataset.y_train[idx],
                                        loss=loss, reg=0.0)
    opt = optimizer if optimizer is not None else optimizers.get("adam", lr=0.1)
    W = classifier.init_weights(dataset.dim, dataset.num_classes, seed=seed)
    losses = []
    with np.errstate(all="ignore"):
        for before, W_after in descent.descend(opt, W, itertools.repeat(model, steps)):
            losses.append(before)
            W = W_after
        losses.append(float(model.loss(W)))
    return OverfitCheck(loss, n_samples, np.array(losses), float(model.accuracy(W)))
