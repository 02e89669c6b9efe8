"""L-BFGS: a quasi-Newton direction from the last m steps, and a backtracking line search.

g is the gradient at the current point (on a mini-batch surface: the batch's,
noisy as it comes), t the step. Per row (a point ``(n,)``)::

    s = x − x_prev,  y = g − g_prev            kept when sᵀy > 1e-10·yᵀy (newest last, ≤ m)
    q ← g;  for i newest → oldest:  αᵢ = ρᵢ sᵢᵀq,  q ← q − αᵢyᵢ          (ρᵢ = 1 / sᵢᵀyᵢ)
    r ← γq  (γ = sᵀy / yᵀy of the newest pair; 1 before any)
    for i oldest → newest:  β = ρᵢ yᵢᵀr,  r ← r + sᵢ(αᵢ − β)
    d = −r  (−g where that is no descent direction)
    Armijo: α = η, halved until f(x + αd) ≤ f(x) + c₁αgᵀd (c₁ = 1e-4, ≤ 40 halvings);
      if η passes at once while the step is too short (gᵀ(x + αd)·d < c₂gᵀd,
      c₂ = 0.9), α doubles while Armijo still holds (≤ 20 times), so that the
      new pair keeps sᵀy > 0 where the curvature allows;
    or a fixed step α = η
    x ← x + αd

f(x + αd) is step t's value (``surface.value_and_grad_step(·, t)``), the
same batch as g. Internals: "direction", the d the next step takes.
"""

from __future__ import annotations

import numpy as np

from optim_core.optimizers.hyper import HyperSpec
from optim_core.optimizers.registry import register

ARMIJO_C1 = 1e-4
WOLFE_C2 = 0.9
MAX_HALVINGS = 40
MAX_DOUBLINGS = 20


def init(x, *, memory, line_search):
    """The empty memory: pairs ``s, y: (..., m, n)``, ``rho: (..., m, 1)``, γ = 1."""
    pairs = x.shape[:-1] + (memory, x.shape[-1])
    return {"s": np.zeros(pairs), "y": np.zeros(pairs), "rho": np.zeros(pairs[:-1] + (1,)),
            "gamma": np.ones(x.shape[:-1] + (1,))}


def _dot(a, b):
    return np.sum(a * b, axis=-1, keepdims=True)


def remember(state, x, g, t):
    """The memory with the pair of the previous step to this point added."""
    s, y = x - state["x_prev"], g - state["g_prev"]
    sy, yy = _dot(s, y), _dot(y, y)
    keep = (np.asarray(t) > 1) & (sy > 1e-10 * yy)
    rho = 1.0 / np.where(keep, sy, 1.0)

    def pushed(old, new):
        shifted = np.concatenate([old[..., 1:, :], new[..., None, :]], axis=-2)
        return np.where(keep[..., None], shifted, old)

    return {"s": pushed(state["s"], s), "y": pushed(state["y"], y),
            "rho": pushed(state["rho"], rho),
            "gamma": np.where(keep, sy / np.where(keep, yy, 1.0), state["gamma"])}


def direction(memory, g):
    """The two-loop recursion: d = −H_k g ``(..., n)``, −g where it would not descend."""
    s, y, rho = memory["s"], memory["y"], memory["rho"]
    q, alphas = g, []
    for i in range(s.shape[-2] - 1, -1, -1):
        alphas.append(rho[..., i, :] * _dot(s[..., i, :], q))
        q = q - alphas[-1] * y[..., i, :]
    r = memory["gamma"] * q
    for i in range(s.shape[-2]):
        beta = rho[..., i, :] * _dot(y[..., i, :], r)
        r = r + s[..., i, :] * (alphas[-1 - i] - beta)
    return np.where(_dot(g, -r) < 0, -r, -g)


def _step_length(x, d, g, t, lr, surface):
    """Per row ``(..., 1)``: α = η halved until the Armijo condition holds; where
    η holds at once and the step is still too short (the slope along d keeps
    more than c₂ = 0.9 of its start), α doubles while Armijo holds."""
    def at(alpha):
        f, g_new = surface.value_and_grad_step(x + alpha * d, t)
        return f[..., None] <= f0 + ARMIJO_C1 * alpha * slope, _dot(g_new, d) < WOLFE_C2 * slope

    f0, slope = surface.value_and_grad_step(x, t)[0][..., None], _dot(g, d)
    alpha = lr * np.ones(x.shape[:-1] + (1,))
    ok, short = at(alpha)
    grow = ok & short
    for _ in range(MAX_HALVINGS):
        if ok.all():
            break
        alpha = np.where(ok, alpha, 0.5 * alpha)
        ok, _ = at(alpha)
    for _ in range(MAX_DOUBLINGS):
        if not grow.any():
            break
        ok, short = at(2.0 * alpha)
        grow &= ok
        alpha = np.where(grow, 2.0 * alpha, alpha)
        grow &= short
    return alpha


def lbfgs(x, g, state, t, *, lr, memory, line_search, surface):
    """One L-BFGS step; the state keeps the pairs, γ, and this point and gradient."""
    pairs = remember(state, x, g, t)
    d = direction(pairs, g)
    alpha = _step_length(x, d, g, t, lr, surface) if line_search else lr
    return x + alpha * d, {**pairs, "x_prev": x.copy(), "g_prev": g.copy()}


def lbfgs_internals(state, g, hyper, *, x=None, surface=None):
    """"direction": the next step's d (with the newest pair when ``x`` is given)."""
    pairs = state if x is None else remember(state, x, g, np.asarray(state.count) + 1)
    return {"direction": direction(pairs, g)}


register("lbfgs", lbfgs, hyper={
    "lr": HyperSpec(1.0, 1e-6, 1e3, True, "η", "step length"),
    "memory": HyperSpec(10, 1, 50, False, "m", "memory (pairs kept)", "int"),
    "line_search": HyperSpec(True, 0, 1, False, "", "Armijo line search", "bool")},
    state=("x_prev", "g_prev"), init=init, label="L-BFGS", needs_surface=True,
    internals=lbfgs_internals,
    formula="s = x − x_prev,  y = g − g_prev   (last m pairs)\n"
    "d = −H g   (two-loop recursion, H ≈ (∇²f)⁻¹)\n"
    "α = η, halved until f(x + αd) ≤ f(x) + c₁αgᵀd (doubled while too short)\n"
    "x ← x + αd",
    summary="A quasi-Newton method: the last m steps and gradient changes stand in for "
    "the inverse Hessian, and a line search picks the step; fast and light on memory "
    "with full batches, poor with noisy mini-batches.")
