"""Optimizers: one registration per kind, each rule written once (optax style).

``opt = optimizers.get("adam", lr=1e-2)``; ``state = opt.init(params)``;
``params, state = opt.step(params, grad, state, surface=None)`` (pure).
``optimizers.register(name, rule, hyper=..., state=(...), label=..., formula=...,
summary=..., needs_surface=..., adaptive=..., trainable=..., internals=...)``
adds a kind that the race, panels, files, training and the command line then
offer like any built-in one (see ``registry`` for the rule contract).

The built-in kinds, in the order of the course notes (g the gradient at
the current point, η the learning rate after its schedule, t the step):

=====================  ==================================================  ==================
kind                   update                                              defaults
=====================  ==================================================  ==================
sgd                    x ← x − ηg                                          η = 1e-2
momentum               v ← μv − ηg; x ← x + v                              μ = 0.9
momentum_ema           v ← βv + (1−β)g; x ← x − ηv                         β = 0.9
nesterov               v′ ← v; v ← μv − ηg; x ← x − μv′ + (1+μ)v           μ = 0.9
adagrad                c ← c + g²; x ← x − ηg/(√c + ε)                     ε = 1e-8
adadelta               E[g²] ← ρE[g²]+(1−ρ)g²; Δx = −√(E[Δx²]+ε)/√(E[g²]+ε)·g;
                       E[Δx²] ← ρE[Δx²]+(1−ρ)Δx²; x ← x + ηΔx              η = 1, ρ = 0.95, ε = 1e-6
rmsprop                c ← ρc + (1−ρ)g²; x ← x − ηg/(√c + ε)               ρ = 0.99
adam                   m, v moving averages of g, g²; x ← x − ηm̂/(√v̂+ε)    β₁ = 0.9, β₂ = 0.999
adamw                  adam, then x ← x − ηλx                              λ = 1e-2
newton                 x ← x − η(H + δI)⁻¹g                                η = 1, δ = 1e-3
lbfgs                  x ← x + αd, d two-loop L-BFGS, α by Armijo          m = 10, η = 1
random_search          x′ ~ U(bounds); keep if lower                       seed = 0
random_local_search    x′ = x + σN(0, I); keep if lower                    σ = 0.1
=====================  ==================================================  ==================
"""

import importlib

from optim_core.optimizers.hyper import COMMON, MAX_STEPS, HyperError, HyperSpec
from optim_core.optimizers.optimizer import (
    Optimizer,
    State,
    effective_lr,
    from_dict,
    get,
    internals,
)
from optim_core.optimizers.registry import Kind, kind_of, names, register, registered, unregister

#: The built-in kinds register on import, in this order (the order of ``names()``).
for _module in ("momentum", "adaptive", "adam", "newton", "lbfgs", "search"):
    importlib.import_module(f"optim_core.optimizers.builtin_{_module}")

__all__ = [
    "COMMON", "MAX_STEPS", "HyperError", "HyperSpec", "Kind", "Optimizer", "State",
    "effective_lr", "formula", "from_dict", "get", "hyper_specs", "internals", "kind_of",
    "label", "names", "register", "registered", "summary", "unregister",
]


def hyper_specs(kind: str) -> list[HyperSpec]:
    """The hyper-parameters of ``kind`` with labels, symbols, defaults and ranges."""
    return list(kind_of(kind).hyper)


def formula(kind: str) -> str:
    """The update of ``kind`` in symbols, one assignment per line."""
    return kind_of(kind).formula


def summary(kind: str) -> str:
    """One sentence in words on what ``kind`` does."""
    return kind_of(kind).summary


def label(kind: str) -> str:
    """How ``kind`` is named to a person ("Adam", "Momentum (EMA)")."""
    return kind_of(kind).label
