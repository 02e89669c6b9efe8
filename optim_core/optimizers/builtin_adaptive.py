"""Per-coordinate step sizes from squared gradients: AdaGrad, AdaDelta, RMSprop.

g is the gradient at the current point, η the learning rate at step t::

    adagrad   c ← c + g²;  x ← x − ηg / (√c + ε)
    adadelta  E[g²] ← ρE[g²] + (1 − ρ)g²                  (Zeiler 2012)
              Δx = −√(E[Δx²] + ε) / √(E[g²] + ε) · g
              E[Δx²] ← ρE[Δx²] + (1 − ρ)Δx²;  x ← x + ηΔx   (η = 1: no learning rate)
    rmsprop   c ← ρc + (1 − ρ)g²;  x ← x − ηg / (√c + ε)

Internals: "scale", the per-coordinate step size: η/(√c + ε), and for
AdaDelta η·√(E[Δx²] + ε)/√(E[g²] + ε) from its state.
"""

from __future__ import annotations

import numpy as np

from optim_core.optimizers.hyper import HyperSpec
from optim_core.optimizers.registry import register


def adagrad(x, g, state, t, *, lr, eps):
    """c ← c + g²; x ← x − ηg/(√c + ε)."""
    c = state["c"] + g * g
    return x - lr * g / (np.sqrt(c) + eps), {"c": c}


def rmsprop(x, g, state, t, *, lr, rho, eps):
    """c ← ρc + (1 − ρ)g²; x ← x − ηg/(√c + ε)."""
    c = rho * state["c"] + (1.0 - rho) * (g * g)
    return x - lr * g / (np.sqrt(c) + eps), {"c": c}


def adadelta(x, g, state, t, *, lr, rho, eps):
    """Zeiler's AdaDelta: the step is in the units of x, so η = 1 needs no tuning."""
    eg2 = rho * state["eg2"] + (1.0 - rho) * (g * g)
    dx = -np.sqrt(state["edx2"] + eps) / np.sqrt(eg2 + eps) * g
    edx2 = rho * state["edx2"] + (1.0 - rho) * (dx * dx)
    return x + lr * dx, {"eg2": eg2, "edx2": edx2}


def accumulator_scale(state, g, hyper, *, x=None, surface=None):
    """η/(√c + ε) ``(..., n)``: the step per unit of gradient, per coordinate."""
    return {"scale": hyper["lr"] / (np.sqrt(state["c"]) + hyper["eps"])}


def adadelta_scale(state, g, hyper, *, x=None, surface=None):
    """η·√(E[Δx²] + ε)/√(E[g²] + ε) ``(..., n)`` from the state."""
    eps = hyper["eps"]
    return {"scale": hyper["lr"] * np.sqrt(state["edx2"] + eps) / np.sqrt(state["eg2"] + eps)}


register("adagrad", adagrad, per_coordinate=True,
         hyper={"lr": 1e-2, "eps": 1e-8}, state=("c",), label="AdaGrad",
         formula="c ← c + g²\nx ← x − ηg / (√c + ε)", adaptive=True,
         internals=accumulator_scale,
         summary="Divides each coordinate's step by the root of its summed squared gradients, "
         "so steep directions slow down (and every step keeps shrinking).")
register("adadelta", adadelta, per_coordinate=True,
         hyper={
    "lr": HyperSpec(1.0, 1e-6, 1e3, True, "η", "learning rate"),
    "rho": HyperSpec(0.95, 0.0, 0.9999, False, "ρ", "decay rate"),
    "eps": HyperSpec(1e-6, 1e-12, 1e-1, True, "ε", "epsilon")},
    state=("eg2", "edx2"), label="AdaDelta", adaptive=True, internals=adadelta_scale,
    formula="E[g²] ← ρE[g²] + (1 − ρ)g²\nΔx = −√(E[Δx²] + ε) / √(E[g²] + ε) · g\n"
    "E[Δx²] ← ρE[Δx²] + (1 − ρ)Δx²\nx ← x + ηΔx",
    summary="AdaGrad's fix without a learning rate: each coordinate's step is the root of "
    "its recent squared steps over the root of its recent squared gradients.")
register("rmsprop", rmsprop, per_coordinate=True,
         hyper={"lr": 1e-2, "rho": 0.99, "eps": 1e-8}, state=("c",),
         label="RMSprop", formula="c ← ρc + (1 − ρ)g²\nx ← x − ηg / (√c + ε)", adaptive=True,
         internals=accumulator_scale,
         summary="Like AdaGrad but with a leaky average (ρ) of squared gradients, so the "
         "step size adapts without dying out.")
