"""Adam and AdamW (Kingma & Ba 2015; Loshchilov & Hutter 2019).

g is the gradient at the current point, η the learning rate, t the step::

    m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
    m̂ = m / (1 − β₁ᵗ);  v̂ = v / (1 − β₂ᵗ)      (m̂ = m, v̂ = v without bias correction)
    x ← x − η m̂ / (√v̂ + ε)
    adamw, then: x ← x − ηλx                    (decoupled weight decay)

Internals: "velocity" m̂ and "scale" η/(√v̂ + ε), from the state after its
last step (count t; before any step m̂ = 0).
"""

from __future__ import annotations

import math

import numpy as np

from optim_core.optimizers.registry import register


def _sqrt(v):
    """√v, a float for a float (the cheaper operand); correctly rounded either way."""
    return math.sqrt(v) if isinstance(v, float) else np.sqrt(v)


#: Python's ``**`` over arrays (numpy's own ``power`` can differ from it in the last bit).
_PYTHON_POWER = np.frompyfunc(pow, 2, 1)


def _power(beta, t):
    """βᵗ by Python's ``**`` for floats and per-row arrays alike, so a run steps the
    same in a group of runs as alone; a float for floats (the cheaper operand)."""
    if isinstance(beta, float) and isinstance(t, int):
        return beta**t
    p = _PYTHON_POWER(np.asarray(beta, dtype=float), np.asarray(t))
    return p.astype(float) if isinstance(p, np.ndarray) else float(p)


def _corrected(m, v, beta1, beta2, t, bias_correction):
    """(m̂, v̂): the moments divided by 1 − βᵗ, or as they are."""
    if not bias_correction:
        return m, v
    return m / (1.0 - _power(beta1, t)), v / (1.0 - _power(beta2, t))


def adam(x, g, state, t, *, lr, beta1, beta2, eps, bias_correction):
    """x ← x − η m̂/(√v̂ + ε), evaluated as x − η_t m/(√v + ε_t) with
    η_t = η√(1−β₂ᵗ)/(1−β₁ᵗ) and ε_t = ε√(1−β₂ᵗ) (Kingma & Ba, §2): the same
    number, with the corrections on the hyper-parameters (floats, mostly)
    instead of two more array divisions per step."""
    m = beta1 * state["m"] + (1.0 - beta1) * g
    v = beta2 * state["v"] + (1.0 - beta2) * (g * g)
    if bias_correction:
        root = _sqrt(1.0 - _power(beta2, t))
        lr, eps = lr * root / (1.0 - _power(beta1, t)), eps * root
    return x - lr * (m / (np.sqrt(v) + eps)), {"m": m, "v": v}


def adamw(x, g, state, t, *, lr, beta1, beta2, eps, bias_correction, weight_decay):
    """Adam, then x ← x − ηλx."""
    x_adam, moments = adam(x, g, state, t, lr=lr, beta1=beta1, beta2=beta2, eps=eps,
                           bias_correction=bias_correction)
    return x_adam - (lr * weight_decay) * x_adam, moments


def adam_internals(state, g, hyper, *, x=None, surface=None):
    """m̂ and η/(√v̂ + ε), each ``(..., n)``."""
    t = np.maximum(state.count, 1)  # before the first step m = v = 0
    m_hat, v_hat = _corrected(state["m"], state["v"], hyper["beta1"], hyper["beta2"], t,
                              hyper["bias_correction"])
    return {"velocity": m_hat, "scale": hyper["lr"] / (np.sqrt(v_hat) + hyper["eps"])}


_ADAM_LINES = ("m ← β₁m + (1 − β₁)g\nv ← β₂v + (1 − β₂)g²\n"
               "m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   (m̂ = m, v̂ = v without bias correction)\n"
               "x ← x − η m̂ / (√v̂ + ε)")
_ADAM_HYPER = {"lr": 1e-2, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "bias_correction": True}

register("adam", adam, per_coordinate=True,
         hyper=_ADAM_HYPER, state=("m", "v"), label="Adam", formula=_ADAM_LINES,
         adaptive=True, internals=adam_internals,
         summary="Momentum (β₁) plus RMSprop-style scaling (β₂), both bias-corrected in the "
         "first steps.")
register("adamw", adamw, per_coordinate=True,
         hyper={**_ADAM_HYPER, "weight_decay": 1e-2}, state=("m", "v"),
         label="AdamW", formula=_ADAM_LINES + "\nx ← x − ηλx", adaptive=True,
         internals=adam_internals,
         summary="Adam followed by decoupled weight decay that shrinks the point toward the "
         "origin by ηλ each step.")
