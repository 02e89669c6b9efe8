"""The largest Hessian eigenvalue of a linear classifier's loss in its full weight
space, by power iteration on exact Hessian–vector products.

For ``W: (D, K)`` and a direction ``V: (D, K)``, with scores S = XW, their
change U = XV and the softmax probabilities P (rows p_n):

- softmax: H·V = (1/N) Xᵀ [P ⊙ U − P ⊙ (Σ_k P ⊙ U)] + 2λV
  (per sample, the Jacobian of the softmax, diag(p) − ppᵀ, applied to u_n);
- SVM: the hinge terms are piecewise linear in W, so away from the kinks
  H·V = 2λV.

The loss is convex in W (both data losses are, and λ ≥ 0), so H is positive
semi-definite and its largest-magnitude eigenvalue, which power iteration
finds, is λmax. ``critical_lr(kind, [[λmax]], …)`` then gives the limit of η
for full-batch training on the local quadratic model.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core.analysis import stability
from optim_core.classifier.losses import LinearClassifier


def hessian_vector(model: LinearClassifier, W: np.ndarray, V: np.ndarray) -> np.ndarray:
    """``H(W)·V: (D, K)`` of the model's total loss (data + λ‖W‖²)."""
    W, V = model.check_weights(W), np.asarray(V, dtype=float)
    out = 2.0 * model.reg * V
    if model.kind != "softmax":
        return out
    S = model.X @ W
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    PU = P * (model.X @ V)
    return out + model.X.T @ (PU - P * PU.sum(axis=1, keepdims=True)) / model.num_samples


class PowerResult(NamedTuple):
    lam_max: float       # the largest eigenvalue of H(W)
    vector: np.ndarray   # (D, K) its unit eigenvector (Frobenius norm 1)
    iterations: int
    converged: bool      # relative change of the estimate below tol


def largest_eigenvalue(model: LinearClassifier, W: np.ndarray, iters: int = 100,
                       tol: float = 1e-6, seed: int = 0) -> PowerResult:
    """Power iteration v ← Hv/‖Hv‖ from a seeded random start; the estimate is
    the Rayleigh quotient vᵀHv, stopped when it changes by less than ``tol``
    relative (or after ``iters`` products)."""
    W = model.check_weights(W)
    v = np.random.default_rng(seed).standard_normal(W.shape)
    v /= np.linalg.norm(v)
    lam = 0.0
    for i in range(1, iters + 1):
        Hv = hessian_vector(model, W, v)
        new = float(np.sum(v * Hv))
        norm = float(np.linalg.norm(Hv))
        if norm == 0.0:
            return PowerResult(0.0, v, i, True)
        v = Hv / norm
        if abs(new - lam) <= tol * abs(new):
            return PowerResult(new, v, i, True)
        lam = new
    return PowerResult(lam, v, iters, False)


class TrainingLimits(NamedTuple):
    """Full-batch curvature at a weight matrix and each optimizer's limit there."""

    lam_max: float                 # the largest eigenvalue of H(W)
    critical: dict[str, float]     # label -> critical η (inf: none; nan: no closed form)
    lrs: dict[str, float]          # label -> the optimizer's η at its first step


def training_limits(model: LinearClassifier, W: np.ndarray, optimizers: dict) -> TrainingLimits:
    """λmax of the full-batch loss at ``W: (D, K)`` and, for each ``label ->
    optimizer``, ``stability.critical_lr`` of its kind on that curvature (the
    quadratic model along the top eigenvector) with its hyper-parameters at step 1."""
    lam = largest_eigenvalue(model, W).lam_max
    critical, lrs = {}, {}
    for label, opt in optimizers.items():
        hyper = {k: v for k, v in opt.values_at(1).items() if isinstance(v, (int, float))}
        critical[label] = stability.critical_lr(opt.kind, np.array([[lam]]), **hyper)
        lrs[label] = float(hyper.get("lr", np.nan))
    return TrainingLimits(lam, critical, lrs)
