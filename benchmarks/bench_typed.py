"""Typed surfaces: parsing and differentiating, refusing, evaluating, finding minima.

Baselines: the hand-written toy for evaluation and races; for the symbolic
work, a computer-algebra tree (sympy, when it is installed) differentiating
the same product of factors, whose Hessian grows like n³ terms.
"""

from __future__ import annotations

import numpy as np

from benchmarks._timing import Row, best_ms
from optim_core import optimizers, runner, surfaces
from optim_core.surfaces.expression_surface import compile_expression

ROSENBROCK = "(1 - x)**2 + 100*(y - x**2)**2"
FACTORS = 12
PRODUCT = "*".join(f"(x + {i}*y + {i})" for i in range(1, FACTORS + 1))
HOSTILE = ["9**9**9", "x" + " + x" * 100, "(" * 70 + "x" + ")" * 70, "-" * 100 + "x",
           "().__class__.__bases__[0].__subclasses__()", "x**9**9**9 + exp(1000)"]


def _compile_cold(text: str) -> None:
    compile_expression.cache_clear()
    compile_expression(text)


def _refuse_all() -> None:
    for text in HOSTILE:
        try:
            surfaces.from_expression(text)
        except ValueError:
            continue
        raise AssertionError(text)


def _tree_cas_ms(text: str) -> float | None:
    """sympy: parse the same text, gradient, Hessian and lambdify (None if absent)."""
    try:
        import sympy
    except ImportError:
        return None
    x, y = sympy.symbols("x y")

    def work():
        f = sympy.sympify(text, locals={"x": x, "y": y})  # trusted benchmark text only
        grad = [sympy.diff(f, v) for v in (x, y)]
        hess = [sympy.diff(grad[0], x), sympy.diff(grad[0], y), sympy.diff(grad[1], y)]
        sympy.lambdify((x, y), [f, *grad, *hess], modules="numpy")

    return best_ms(work, repeat=1)


def run() -> list[Row]:
    typed = surfaces.from_expression(ROSENBROCK, ((-2, 2), (-1, 3)))
    toy = surfaces.get("rosenbrock")
    pts = np.random.default_rng(0).uniform(-2, 2, (512 * 512, 2))
    vg, vg_toy = (best_ms(lambda s=s: s.value_and_grad(pts), repeat=5) for s in (typed, toy))
    opts = {"adam": optimizers.get("adam", lr=0.05), "sgd": optimizers.get("sgd", lr=1e-3)}
    race, race_toy = (best_ms(lambda s=s: runner.run(s, opts, toy.default_start, 1000), repeat=3)
                      for s in (typed, toy))

    def minima(text, bounds):
        return best_ms(lambda: surfaces.from_expression(text, bounds).minima, repeat=3)

    return [
        Row("typed: parse + ∇f + Hessian, Rosenbrock (cold)",
            best_ms(lambda: _compile_cold(ROSENBROCK), repeat=5), None, "<= 50 ms"),
        Row(f"typed: parse + ∇f + Hessian, product of {FACTORS} factors",
            best_ms(lambda: _compile_cold(PRODUCT), repeat=3), _tree_cas_ms(PRODUCT),
            "<= 100 ms", "baseline: sympy tree diff + lambdify (if installed)"),
        Row(f"typed: refuse {len(HOSTILE)} hostile inputs (9**9**9, deep, long …)",
            best_ms(_refuse_all, repeat=5), None, "<= 1000 ms each", "all of them together"),
        Row("typed: value_and_grad at 512² points, Rosenbrock", vg, vg_toy, "",
            "baseline: the hand-written toy"),
        Row("typed: race 2 runs x 1000 steps, Rosenbrock", race, race_toy, "",
            "baseline: the hand-written toy"),
        Row("typed: minima, Rosenbrock", minima(ROSENBROCK, ((-2, 2), (-1, 3))), None,
            "<= 300 ms"),
        Row("typed: minima, Himmelblau (4)",
            minima("(x**2 + y - 11)**2 + (x + y**2 - 7)**2", ((-5, 5), (-5, 5))), None,
            "<= 300 ms"),
        Row("typed: minima, |x| + 2|y| (a kink)",
            minima("abs(x) + 2*abs(y)", ((-2, 2), (-2, 2))), None, "<= 300 ms"),
    ]
