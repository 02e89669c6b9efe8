"""The update rules, one pure function per optimizer kind.

Each rule is ``rule(h, t, x, g, state, surface) -> (x_new, state_new)``
with ``h`` the hyper-parameters already evaluated at step ``t`` (1-based),
``x, g: (..., 2)`` (any shape for the elementwise kinds). Rules build new
arrays and never write into their inputs. The formulas are DESIGN.md's.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np


class CountState(NamedTuple):
    """State of the memory-less kinds: just the step count (0 before the first step)."""

    count: int


class VelocityState(NamedTuple):
    count: int
    v: np.ndarray


class AccumulatorState(NamedTuple):
    """AdaGrad / RMSprop: ``c`` is the (running) sum of squared gradients."""

    count: int
    c: np.ndarray


class AdamState(NamedTuple):
    count: int
    m: np.ndarray
    v: np.ndarray


def _sgd(h, t, x, g, s, surface):
    return x - h["lr"] * g, CountState(t)


def _momentum(h, t, x, g, s, surface):
    v = h["mu"] * s.v - h["lr"] * g
    return x + v, VelocityState(t, v)


def _momentum_ema(h, t, x, g, s, surface):
    v = h["beta"] * s.v + (1.0 - h["beta"]) * g
    return x - h["lr"] * v, VelocityState(t, v)


def _nesterov(h, t, x, g, s, surface):
    mu = h["mu"]
    v = mu * s.v - h["lr"] * g
    return x - mu * s.v + (1.0 + mu) * v, VelocityState(t, v)


def _adagrad(h, t, x, g, s, surface):
    c = s.c + g * g
    return x - h["lr"] * g / (np.sqrt(c) + h["eps"]), AccumulatorState(t, c)


def _rmsprop(h, t, x, g, s, surface):
    c = h["rho"] * s.c + (1.0 - h["rho"]) * g * g
    return x - h["lr"] * g / (np.sqrt(c) + h["eps"]), AccumulatorState(t, c)


def _adam_step(h, t, x, g, s):
    """x − η m̂/(√v̂ + ε) and the new moments; bias correction is switchable.

    With bias correction it is evaluated in the equivalent folded form
    x − η·k·m/(√v + ε√(1−β₂ᵗ)), k = √(1−β₂ᵗ)/(1−β₁ᵗ) (Kingma & Ba, §2):
    scalar work instead of two array divisions, the same numbers to rounding.
    """
    b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
    m = b1 * s.m + (1.0 - b1) * g
    v = b2 * s.v + (1.0 - b2) * g * g
    k = 1.0
    if h["bias_correction"]:
        root = math.sqrt(1.0 - b2**t)
        k, eps = root / (1.0 - b1**t), eps * root
    return x - (h["lr"] * k) * (m / (np.sqrt(v) + eps)), AdamState(t, m, v)


def _adam(h, t, x, g, s, surface):
    return _adam_step(h, t, x, g, s)


def _adamw(h, t, x, g, s, surface):
    x_adam, state = _adam_step(h, t, x, g, s)
    return x_adam - (h["lr"] * h["weight_decay"]) * x_adam, state


def _need_surface(kind: str, surface: Any) -> None:
    if surface is None:
        raise ValueError(f"{kind} needs the surface: call step(..., surface=s)")


def _newton(h, t, x, g, s, surface):
    """x ← x − η(H + δI)⁻¹g, the 2×2 systems solved in closed form (batched)."""
    _need_surface("newton", surface)
    H = surface.hessian(x)
    a, b = H[..., 0, 0] + h["damping"], H[..., 0, 1]
    c, d = H[..., 1, 0], H[..., 1, 1] + h["damping"]
    det = a * d - b * c
    gx, gy = g[..., 0], g[..., 1]
    step = np.empty(np.broadcast_shapes(x.shape, g.shape))
    step[..., 0], step[..., 1] = (d * gx - b * gy) / det, (a * gy - c * gx) / det
    return x - h["lr"] * step, CountState(t)


def _rng(seed: int, t: int) -> np.random.Generator:
    """Step t's generator: a pure function of (seed, t), so ``step`` stays pure."""
    return np.random.default_rng([int(seed), int(t)])


def _keep_better(surface, x: np.ndarray, candidate: np.ndarray) -> np.ndarray:
    """Per point, the candidate where it is strictly lower, else x."""
    f = surface.value(np.stack([x, candidate]))
    return np.where((f[1] < f[0])[..., None], candidate, x)


def _random_search(h, t, x, g, s, surface):
    _need_surface("random_search", surface)
    lo, hi = np.asarray(surface.bounds, dtype=float).T
    candidate = lo + _rng(h["seed"], t).random(x.shape) * (hi - lo)
    return _keep_better(surface, x, candidate), CountState(t)


def _random_local_search(h, t, x, g, s, surface):
    _need_surface("random_local_search", surface)
    candidate = x + h["lr"] * _rng(h["seed"], t).standard_normal(x.shape)
    return _keep_better(surface, x, candidate), CountState(t)


def _zeros_state(cls):
    return lambda x: cls(0, *([np.zeros_like(x)] * (len(cls._fields) - 1)))


# kind -> (init(params) -> state, rule)
RULES: dict[str, tuple[Any, Any]] = {
    "sgd": (_zeros_state(CountState), _sgd),
    "momentum": (_zeros_state(VelocityState), _momentum),
    "momentum_ema": (_zeros_state(VelocityState), _momentum_ema),
    "nesterov": (_zeros_state(VelocityState), _nesterov),
    "adagrad": (_zeros_state(AccumulatorState), _adagrad),
    "rmsprop": (_zeros_state(AccumulatorState), _rmsprop),
    "adam": (_zeros_state(AdamState), _adam),
    "adamw": (_zeros_state(AdamState), _adamw),
    "newton": (_zeros_state(CountState), _newton),
    "random_search": (_zeros_state(CountState), _random_search),
    "random_local_search": (_zeros_state(CountState), _random_local_search),
}


def effective_step(kind: str, at, state) -> np.ndarray | float:
    """Mean over the last axis of the per-coordinate step size at ``state.count``.

    ``at(name)`` gives a hyper-parameter at the state's step(s). Adaptive
    kinds: η/(√c + ε) (AdaGrad, RMSprop) and η/(√v̂ + ε) (Adam, AdamW, v̂
    bias-corrected when switched on); other kinds: η itself.
    ``state`` may be stacked: ``count (T,)`` with arrays ``(T, ..., 2)``.
    """
    t = np.asarray(state.count)

    def col(v):  # a per-step hyper-parameter (T,) against arrays (T, ..., 2)
        v = np.asarray(v, dtype=float)
        return v.reshape(v.shape + (1,) * (state[-1].ndim - v.ndim)) if v.ndim else v

    if kind in ("adagrad", "rmsprop"):
        acc = state.c
    elif kind in ("adam", "adamw"):
        acc = state.v
        if at("bias_correction"):
            acc = acc / (1.0 - col(at("beta2")) ** col(t))
    else:
        return at("lr")
    return np.mean(col(at("lr")) / (np.sqrt(acc) + col(at("eps"))), axis=-1)


#: Kinds with a per-coordinate step size worth recording (see ``effective_step``).
ADAPTIVE = frozenset({"adagrad", "rmsprop", "adam", "adamw"})
