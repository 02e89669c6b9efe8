"""The first-order kinds: SGD and the three momentum forms.

g is the gradient at the current point, η the learning rate at step t::

    sgd           x ← x − ηg
    momentum      v ← μv − ηg;  x ← x + v                 (heavy ball, cs231n's form)
    momentum_ema  v ← βv + (1 − β)g;  x ← x − ηv           (v an average of gradients)
    nesterov      v′ ← v;  v ← μv − ηg;  x ← x − μv′ + (1 + μ)v

Internals: "velocity" is v.
"""

from __future__ import annotations

from optim_core.optimizers.registry import register


def sgd(x, g, state, t, *, lr):
    """x ← x − ηg."""
    return x - lr * g, {}


def momentum(x, g, state, t, *, lr, mu):
    """v ← μv − ηg; x ← x + v."""
    v = mu * state["v"] - lr * g
    return x + v, {"v": v}


def momentum_ema(x, g, state, t, *, lr, beta):
    """v ← βv + (1 − β)g; x ← x − ηv."""
    v = beta * state["v"] + (1.0 - beta) * g
    return x - lr * v, {"v": v}


def nesterov(x, g, state, t, *, lr, mu):
    """v′ ← v; v ← μv − ηg; x ← x − μv′ + (1 + μ)v (the look-ahead folded into x)."""
    mu_v_before = mu * state["v"]
    v = mu_v_before - lr * g
    return x - mu_v_before + (1.0 + mu) * v, {"v": v}


def velocity(state, g, hyper, *, x=None, surface=None):
    """The velocity v ``(..., n)`` after the last step."""
    return {"velocity": state["v"]}


register("sgd", sgd, per_coordinate=True,
         hyper={"lr": 1e-2}, label="SGD", formula="x ← x − ηg",
         summary="Step straight downhill, a fixed fraction η of the gradient.")
register("momentum", momentum, per_coordinate=True,
         hyper={"lr": 1e-2, "mu": 0.9}, state=("v",), label="Momentum",
         formula="v ← μv − ηg\nx ← x + v", internals=velocity,
         summary="A heavy ball: the velocity remembers past gradients (μ of it survives each "
         "step), so it speeds up along steady slopes and damps zig-zags.")
register("momentum_ema", momentum_ema, per_coordinate=True,
         hyper={"lr": 1e-2, "beta": 0.9}, state=("v",),
         label="Momentum (EMA)", formula="v ← βv + (1 − β)g\nx ← x − ηv", internals=velocity,
         summary="Momentum written as an exponential moving average of gradients (β), "
         "then a step of size η along that average.")
register("nesterov", nesterov, per_coordinate=True,
         hyper={"lr": 1e-2, "mu": 0.9}, state=("v",), label="Nesterov",
         formula="v′ ← v\nv ← μv − ηg\nx ← x − μv′ + (1 + μ)v", internals=velocity,
         summary="Momentum with a look-ahead: the gradient is effectively taken where the "
         "velocity is about to carry the point, which brakes earlier.")
