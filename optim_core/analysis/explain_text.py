"""The text and arrows of each stage of an explained step (``explain``).

Every number put into a line comes from ``explain.Numbers``: the run's
hyper-parameters, its gradient, its state and internals before and after
the real step, and the new point. Only the coefficients a formula shows
(1 − β, 1 − β₁ᵗ, g²) are worked out here, for the text; no result is.
Vectors print as (a, b) with 3 significant digits and a true minus sign.

Arrows are in the units of a step; a velocity that averages gradients
(momentum_ema's v, Adam's m̂) is drawn as −η·v, the step it stands for
(``head_internals.drawn``).
"""

from __future__ import annotations

import numpy as np

from optim_core import optimizers
from optim_core.analysis.head_internals import AVERAGED_VELOCITY


def num(v: float) -> str:
    return f"{float(v):.3g}".replace("-", "−")


def vec(a: np.ndarray) -> str:
    return f"({num(a[0])}, {num(a[1])})"


def _gradient(n) -> list:
    if "gradient_term" not in n.before:
        return []
    gt = n.before["gradient_term"]
    lines = (f"g = ∇f(x) = {vec(n.g)}", f"−η·g = −{num(n.hyper['lr'])}·{vec(n.g)} = {vec(gt)}")
    return [("gradient", lines, {"gradient_term": gt}, None)]


def _velocity(n) -> list:
    h, v0, v1 = n.hyper, n.before.get("velocity"), n.after.get("velocity")
    if v1 is None:
        return []
    if n.kind in ("momentum", "nesterov"):
        line = (f"v ← μ·v − η·g = {num(h['mu'])}·{vec(v0)} − {num(h['lr'])}·{vec(n.g)}"
                f" = {vec(v1)}",)
    elif n.kind == "momentum_ema":
        b = h["beta"]
        line = (f"v ← β·v + (1 − β)·g = {num(b)}·{vec(v0)} + {num(1 - b)}·{vec(n.g)}"
                f" = {vec(v1)}",)
    elif "m" in n.after:
        b1 = h["beta1"]
        line = (f"m ← β₁·m + (1 − β₁)·g = {num(b1)}·{vec(n.before['m'])} + {num(1 - b1)}·"
                f"{vec(n.g)} = {vec(n.after['m'])}",
                f"m̂ = m/(1 − β₁^{n.t}) = {vec(n.after['m'])}/{num(1 - b1 ** n.t)} = {vec(v1)}"
                if h.get("bias_correction", True) else f"m̂ = m = {vec(v1)}")
    else:
        line = (f"v = {vec(v1)}",)
    shown = _as_step(n, v0), _as_step(n, v1)
    return [("velocity", line, {"carried": shown[0], "gradient_term": n.before["gradient_term"],
                                "velocity": shown[1]}, None)]


def _as_step(n, v: np.ndarray) -> np.ndarray:
    return -n.hyper["lr"] * v if n.kind in AVERAGED_VELOCITY else v


def _adaptive(n) -> list:
    s1 = n.after.get("scale")
    if s1 is None:
        return _curvature(n)
    g2 = n.g * n.g
    if n.kind == "adagrad":
        first = f"c ← c + g² = {vec(n.before['c'])} + {vec(g2)} = {vec(n.after['c'])}"
        name = "√c"
    elif n.kind == "rmsprop":
        r = n.hyper["rho"]
        first = (f"c ← ρ·c + (1 − ρ)·g² = {num(r)}·{vec(n.before['c'])} + {num(1 - r)}·"
                 f"{vec(g2)} = {vec(n.after['c'])}")
        name = "√c"
    elif "v" in n.after and "m" in n.after:
        b2 = n.hyper["beta2"]
        first = (f"v ← β₂·v + (1 − β₂)·g² = {num(b2)}·{vec(n.before['v'])} + {num(1 - b2)}·"
                 f"{vec(g2)} = {vec(n.after['v'])}")
        name = "√v̂"
    else:
        first, name = "", "its statistics"
    eps = f" + {num(n.hyper['eps'])}" if "eps" in n.hyper else ""
    lines = tuple(x for x in (first, f"η/({name}{eps}) = {vec(s1)}  per coordinate") if x)
    arrows = {"gradient_term": n.before["gradient_term"]} if "gradient_term" in n.before else {}
    return [("adaptive", lines, arrows, s1)]


def _curvature(n) -> list:
    if "newton_step" in n.before:
        H = np.asarray(n.surface.hessian(n.x), dtype=float).reshape(2, 2)
        d = n.hyper.get("damping", 0.0)
        lines = (f"H + δI = [{vec(H[0] + [d, 0])}, {vec(H[1] + [0, d])}]",
                 f"−η·(H + δI)⁻¹·g = {vec(n.before['newton_step'])}")
        return [("curvature", lines, {"gradient_term": n.before["gradient_term"],
                                      "newton_step": n.before["newton_step"]}, None)]
    if "direction" in n.before:
        d = n.before["direction"]
        return [("direction", (f"d = −H·g  (two-loop recursion, H ≈ (∇²f)⁻¹) = {vec(d)}",),
                 {"gradient_term": n.before["gradient_term"], "direction": d}, None)]
    return []


def _step_line(n, dx: np.ndarray) -> str:
    x, xn = vec(n.x), vec(n.x_new)
    k, h = n.kind, n.hyper
    if k == "sgd":
        return f"x ← x − η·g = {x} − {num(h['lr'])}·{vec(n.g)} = {xn}"
    if k == "momentum":
        return f"x ← x + v = {x} + {vec(n.after['velocity'])} = {xn}"
    if k == "nesterov":
        return (f"x ← x − μ·v′ + (1 + μ)·v = {x} − {num(h['mu'])}·{vec(n.before['velocity'])}"
                f" + {num(1 + h['mu'])}·{vec(n.after['velocity'])} = {xn}")
    if k == "momentum_ema":
        return f"x ← x − η·v = {x} − {num(h['lr'])}·{vec(n.after['velocity'])} = {xn}"
    if k in ("adagrad", "rmsprop"):
        return f"x ← x − η·g/(√c + ε) = {x} − {vec(n.after['scale'])}⊙{vec(n.g)} = {xn}"
    if "m" in n.after and "scale" in n.after:
        line = (f"x ← x − η·m̂/(√v̂ + ε) = {x} − {vec(n.after['scale'])}⊙"
                f"{vec(n.after['velocity'])}")
        wd = h.get("weight_decay")
        return f"{line}, then − ηλ·x (λ = {num(wd)}) = {xn}" if wd is not None else f"{line} = {xn}"
    last = optimizers.formula(k).splitlines()[-1]
    return f"{last}:  {x} + {vec(dx)} = {xn}"


def lines_for(n) -> list[tuple]:
    """``[(stage name, lines, arrows, box), …]`` for ``n: explain.Numbers``."""
    dx = n.x_new - n.x
    stages = _gradient(n) + _velocity(n) + _adaptive(n)
    final = {"step": dx}
    if "gradient_term" in n.before:
        final = {"gradient_term": n.before["gradient_term"], **final}
    return stages + [("step", (_step_line(n, dx),), final, None)]
