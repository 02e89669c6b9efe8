"""Where the learning rate breaks: stability limits on the local quadratic model.

Near a point x₀ a smooth loss is f(x₀ + d) ≈ f + gᵀd + ½dᵀHd. On that
model every gradient step is linear in the error, and each eigenvector u
of H (eigenvalue λ) evolves on its own with the scalar h = ηλ. A method
converges when every mode contracts, which bounds η by the largest λ:

======================  ===========================  ==========================
kind                    update (g = Hx)              converges for 0 < η < …
======================  ===========================  ==========================
sgd                     x ← x − ηg                   2 / λmax
momentum (heavy ball)   v ← μv − ηg; x ← x + v       2(1 + μ) / λmax
nesterov                v ← μv − ηg;                 (2 + 2μ) / ((1 + 2μ) λmax)
                        x ← x − μv′ + (1 + μ)v
momentum_ema            v ← βv + (1 − β)g; x ← x − ηv  2(1 + β) / ((1 − β) λmax)
newton                  x ← x − η(H + δI)⁻¹g         2 (2(1 + δ/λmax) with δ)
======================  ===========================  ==========================

(heavy ball: the mode's characteristic polynomial z² − (1 + μ − h)z + μ
has both roots inside the unit circle iff 0 < h < 2(1 + μ), for |μ| < 1;
the EMA form is heavy ball with step η(1 − β); Nesterov's mode matrix has
trace 1 + μ − (1 + μ)h and determinant μ(1 − h).)

Saddles and maxima (H not positive definite): along an eigenvector with
λ < 0 every gradient method moves away at any η > 0 — the point escapes
the saddle, which is not a learning-rate limit. The limits above are then
taken over the curved-up directions only (λmax > 0): past them the step
also overshoots and grows along those. With no curved-up direction
(λmax ≤ 0) there is no limit (``math.inf``). ``quadratic_rates`` gives
NaN for the best η and its rate, since the model has no minimum.

Adaptive kinds (AdaGrad, RMSprop, Adam, AdamW, AdaDelta, …) rescale each
coordinate by their own running statistics, so η alone has no closed-form
limit (NaN); ``adaptive_limits`` compares their current per-coordinate
step with 2/λ along each eigenvector instead.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

#: Kinds that keep only improvements: they cannot diverge at any step size.
_NEVER_DIVERGE = frozenset({"random_search", "random_local_search"})


def eigenvalues(H: np.ndarray) -> np.ndarray:
    """Eigenvalues of the symmetric ``H: (n, n)``, ascending, ``(n,)``.

    Raises ValueError for a non-square, non-finite or non-symmetric ``H``.
    """
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.shape[0] == 0:
        raise ValueError(f"a Hessian must be a square (n, n) matrix, got shape {H.shape}")
    if not np.all(np.isfinite(H)):
        raise ValueError("the Hessian has non-finite entries")
    scale = max(float(np.max(np.abs(H))), 1e-300)
    if np.max(np.abs(H - H.T)) > 1e-8 * scale:
        raise ValueError("the Hessian must be symmetric")
    return np.linalg.eigvalsh(0.5 * (H + H.T))


def critical_lr(kind: str, H: np.ndarray, **hyper: Any) -> float:
    """The learning rate past which ``kind`` diverges on the quadratic with Hessian H.

    ``H: (n, n)`` symmetric. ``hyper`` gives the kind's hyper-parameters as
    numbers (``mu`` for momentum/nesterov, ``beta`` for momentum_ema,
    ``damping`` δ for newton, 0 when left out); others, such as ``lr``,
    are ignored, so ``critical_lr(opt.kind, H, **opt.hyper)`` works for
    unscheduled hyper-parameters. Returns ``math.inf`` where no η diverges
    (no curved-up direction, a search that keeps only improvements, L-BFGS
    with its line search),
    ``nan`` where there is no closed form (adaptive and other kinds, and
    μ or β outside [0, 1), where the forms above do not hold).
    """
    lam_max = float(eigenvalues(H)[-1])
    if kind in _NEVER_DIVERGE:
        return math.inf
    if kind == "lbfgs":  # its Armijo line search never accepts a rise; a fixed step has no form
        return math.inf if hyper.get("line_search", True) else math.nan
    limit = _LIMITS.get(kind)
    if limit is None:
        return math.nan
    if kind == "newton":
        return limit(lam_max, float(hyper.get("damping", 0.0)))
    if lam_max <= 0.0:
        return math.inf
    return limit(lam_max, hyper)


def _in_range(mu: float) -> bool:
    """The closed forms hold for 0 ≤ μ < 1 (and 0 ≤ β < 1): the panels' range."""
    return 0.0 <= mu < 1.0


def _heavy_ball(mu: float, lam_max: float) -> float:
    return 2.0 * (1.0 + mu) / lam_max if _in_range(mu) else math.nan


def _nesterov(mu: float, lam_max: float) -> float:
    return (2.0 + 2.0 * mu) / ((1.0 + 2.0 * mu) * lam_max) if _in_range(mu) else math.nan


def _ema(beta: float, lam_max: float) -> float:
    return 2.0 * (1.0 + beta) / ((1.0 - beta) * lam_max) if _in_range(beta) else math.nan


def _newton(lam_max: float, damping: float) -> float:
    """Each mode moves by the factor 1 − ηλ/(λ + δ); the curved-up mode with the
    largest λ/(λ + δ) (that is λmax, for δ ≥ 0) bounds η by 2(λmax + δ)/λmax."""
    if lam_max <= 0.0:
        return math.inf
    return 2.0 * (1.0 + damping / lam_max)


_LIMITS = {
    "sgd": lambda lam, h: 2.0 / lam,
    "momentum": lambda lam, h: _heavy_ball(float(h.get("mu", 0.0)), lam),
    "nesterov": lambda lam, h: _nesterov(float(h.get("mu", 0.0)), lam),
    "momentum_ema": lambda lam, h: _ema(float(h.get("beta", 0.0)), lam),
    "newton": _newton,
}


#: How each closed form reads, for panels and tooltips.
LIMIT_FORMULAS = {
    "sgd": "2/λmax",
    "momentum": "2(1 + μ)/λmax",
    "nesterov": "(2 + 2μ)/((1 + 2μ)λmax)",
    "momentum_ema": "2(1 + β)/((1 − β)λmax)",
    "newton": "2(1 + δ/λmax)",
}


def has_closed_form(kind: str) -> bool:
    """True where ``critical_lr`` gives a number (not NaN) on a curved-up H."""
    return kind in _LIMITS or kind in _NEVER_DIVERGE or kind == "lbfgs"


class QuadraticRates(NamedTuple):
    """The quadratic model's spectrum and SGD's best constant step on it."""

    lam_min: float
    lam_max: float
    kappa: float      # λmax/λmin; inf if λmin = 0 < λmax; nan without a minimum
    best_lr: float    # 2/(λmin + λmax); nan without a minimum
    rate: float       # (κ − 1)/(κ + 1): the error's contraction per step at best_lr


def quadratic_rates(H: np.ndarray) -> QuadraticRates:
    """λmin, λmax, κ, SGD's best constant η = 2/(λmin + λmax) and its rate.

    At η = 2/(λmin + λmax) the slowest modes of x ← (I − ηH)x contract by
    |1 − ηλmin| = |1 − ηλmax| = (κ − 1)/(κ + 1) per step, the best a
    constant η can do. For H that is not positive semi-definite, or zero
    (a saddle, a maximum, a plane: no minimum), κ, best_lr and rate are NaN.
    """
    lam = eigenvalues(H)
    lo, hi = float(lam[0]), float(lam[-1])
    if lo < 0.0 or hi <= 0.0:
        return QuadraticRates(lo, hi, math.nan, math.nan, math.nan)
    kappa = hi / lo if lo > 0.0 else math.inf
    rate = (kappa - 1.0) / (kappa + 1.0) if lo > 0.0 else 1.0
    return QuadraticRates(lo, hi, kappa, 2.0 / (lo + hi), rate)


class AdaptiveLimits(NamedTuple):
    """An adaptive kind's per-coordinate step against the curvature's limits."""

    eigenvalues: np.ndarray    # (n,) ascending
    eigenvectors: np.ndarray   # (n, n), column k belongs to eigenvalues[k]
    limits: np.ndarray         # (n,) 2/λ_k; inf where λ_k ≤ 0
    along: np.ndarray          # (n,) u_kᵀ diag(scale) u_k: the step size along u_k
    lam_scaled: float          # λmax of diag(√s) H diag(√s); the frozen-scale step
                               # x ← x − diag(s)g is stable iff 0 < lam_scaled < 2


def adaptive_limits(H: np.ndarray, scale: np.ndarray) -> AdaptiveLimits:
    """Compare the per-coordinate step ``scale: (n,)`` (η/(√c + ε) or η/(√v̂ + ε))
    with 2/λ along each eigenvector of ``H: (n, n)``.

    With the scale frozen, the update is preconditioned gradient descent
    x ← x − Dg, D = diag(scale), whose modes are those of D^½ H D^½: it is
    stable while that matrix's largest eigenvalue stays below 2.
    """
    lam, vecs = np.linalg.eigh(0.5 * (np.asarray(H, float) + np.asarray(H, float).T))
    eigenvalues(H)  # validates H
    s = np.asarray(scale, dtype=float)
    if s.shape != lam.shape:
        raise ValueError(f"scale must have shape {lam.shape}, got {s.shape}")
    with np.errstate(divide="ignore"):
        limits = np.where(lam > 0.0, 2.0 / np.where(lam > 0.0, lam, 1.0), np.inf)
    root = np.sqrt(np.abs(s))
    scaled = root[:, None] * np.asarray(H, float) * root[None, :]
    lam_scaled = float(np.linalg.eigvalsh(0.5 * (scaled + scaled.T))[-1])
    return AdaptiveLimits(lam, vecs, limits, (vecs**2).T @ s, lam_scaled)
