"""Newton's method: x ← x − η(H + δI)⁻¹g, H = ∇²f(x) from the surface (2×2, batched).

g is the gradient at the current point, η the learning rate, δ the damping.
Internals: "newton_step" −η(H + δI)⁻¹g, when given x and the surface.
"""

from __future__ import annotations

import numpy as np

from optim_core.optimizers.hyper import HyperSpec
from optim_core.optimizers.registry import register


def _per_row(value):
    """A hyper value ``(..., 1)`` as ``(...)`` (floats pass), to meet H's entries."""
    return value[..., 0] if np.ndim(value) else value


def newton_step(H, g, lr, damping):
    """−η(H + δI)⁻¹g ``(..., 2)`` for ``H: (..., 2, 2)``, by the 2×2 adjugate."""
    delta = _per_row(damping)
    a, b = H[..., 0, 0] + delta, H[..., 0, 1]
    c, d = H[..., 1, 0], H[..., 1, 1] + delta
    det = a * d - b * c
    gx, gy = g[..., 0], g[..., 1]
    return -lr * np.stack([(d * gx - b * gy) / det, (a * gy - c * gx) / det], axis=-1)


def newton(x, g, state, t, *, lr, damping, surface):
    """x ← x − η(H + δI)⁻¹g."""
    return x + newton_step(surface.hessian(x), g, lr, damping), {}


def newton_internals(state, g, hyper, *, x=None, surface=None):
    if x is None or surface is None:
        return {}
    return {"newton_step": newton_step(surface.hessian(x), g, hyper["lr"], hyper["damping"])}


register("newton", newton, hyper={
    "lr": HyperSpec(1.0, 1e-6, 1e3, True, "η", "learning rate"), "damping": 1e-3},
    label="Newton", formula="H = ∇²f(x)\nx ← x − η(H + δI)⁻¹g", needs_surface=True,
    internals=newton_internals,
    trainable="Newton needs a Hessian; in weight space it is (D·K)² — not part of this course",
    summary="Jumps to the minimum of the local quadratic model using the Hessian (damped "
    "by δ); fast near a minimum, attracted by saddles.")
