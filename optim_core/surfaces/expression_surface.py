"""Surfaces the user types: f(x, y) from text, with its exact gradient and Hessian.

``from_expression(text, bounds, params)`` parses ``text`` with the
whitelist of ``expression_parser`` (nothing is ever executed), builds the
symbolic derivatives ∂f/∂x, ∂f/∂y, ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y² on the
expression graph and evaluates them with numpy, vectorized over
``xy: (..., 2)``. Parameters (``a*x**2 + b*y**2`` with a, b) are variables
that are never differentiated, so a new value reuses the compiled
derivatives. Where f is NaN or infinite (log of a negative number, 1/0)
the values are NaN/inf, numpy warnings silenced; a race stops there as
diverged. ``minima`` are found numerically (``minima_search``) on first use.
"""

from __future__ import annotations

import math
from functools import cached_property, lru_cache
from typing import NamedTuple

import numpy as np

from optim_core.surfaces import expression_graph as eg
from optim_core.surfaces import expression_messages as m
from optim_core.surfaces.base import Surface
from optim_core.surfaces.expression_parser import check_parameter_name, parse
from optim_core.surfaces.minima_search import find_minima

EXPRESSION = "expression"
#: Bounds and parameter values are at most this large in magnitude.
MAX_MAGNITUDE = 1e6

Bounds = tuple[tuple[float, float], tuple[float, float]]


class Compiled(NamedTuple):
    """The programs of one expression: f; f, ∂x f, ∂y f; the Hessian's three
    entries; the kink switch functions (empty for a smooth expression)."""

    text: str
    params: tuple[str, ...]
    value: eg.Program
    value_and_grad: eg.Program
    hessian: eg.Program
    switches: eg.Program


@lru_cache(maxsize=64)
def compile_expression(text: str, params: tuple[str, ...] = ()) -> Compiled:
    """Parse and differentiate ``text`` (cached: a slider move re-uses it)."""
    parsed = parse(text, params)
    g, f = parsed.graph, parsed.root
    fx, fy = g.derivative(f, 0), g.derivative(f, 1)
    hxx, hxy, hyy = g.derivative(fx, 0), g.derivative(fx, 1), g.derivative(fy, 1)
    return Compiled(parsed.text, parsed.params, g.program((f,)), g.program((f, fx, fy)),
                    g.program((hxx, hxy, hyy)), g.program(eg.kink_switches(g, f)))


def check_bounds(bounds) -> Bounds:
    """``((x0, x1), (y0, y1))`` as floats, with x0 < x1 and y0 < y1 finite and
    within ±MAX_MAGNITUDE; ValueError otherwise."""
    try:
        (x0, x1), (y0, y1) = ((float(a), float(b)) for a, b in bounds)
    except (TypeError, ValueError):
        raise ValueError(m.BOUNDS_FORM.format(bounds=repr(bounds))) from None
    for axis, lo, hi in (("x", x0, x1), ("y", y0, y1)):
        if not all(math.isfinite(v) and abs(v) <= MAX_MAGNITUDE for v in (lo, hi)):
            raise ValueError(m.BOUNDS_FINITE.format(axis=axis, limit=f"{MAX_MAGNITUDE:g}"))
        if not lo < hi:
            raise ValueError(m.BOUNDS_ORDER.format(axis=axis, lo=f"{lo:g}", hi=f"{hi:g}"))
    return (x0, x1), (y0, y1)


def check_params(params: dict | None) -> dict[str, float]:
    """Parameter name -> finite float within ±MAX_MAGNITUDE; ValueError otherwise."""
    out = {}
    for name, value in (params or {}).items():
        check_parameter_name(name)
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
            raise ValueError(m.PARAMETER_VALUE.format(name=name, limit=f"{MAX_MAGNITUDE:g}",
                                                      value=repr(value)))
        out[name] = float(value)
    return out


def from_expression(text: str, bounds: Bounds = ((-3.0, 3.0), (-3.0, 3.0)),
                    params: dict[str, float] | None = None) -> ExpressionSurface:
    """The surface f(x, y) = ``text`` over ``bounds`` with named ``params``.

    Raises ValueError (an ``ExpressionError`` with ``reason`` and ``column``
    for the text) when anything is outside the language or invalid.
    """
    values = check_params(params)
    box = check_bounds(bounds)
    return ExpressionSurface(compile_expression(text, tuple(sorted(values))), box, values)


class ExpressionSurface(Surface):
    """f(x, y) given as text; see the module docstring."""

    name = EXPRESSION
    has_hessian = True

    def __init__(self, compiled: Compiled, bounds: Bounds, params: dict[str, float]):
        self.compiled = compiled
        self.text = compiled.text.strip()
        self.bounds = bounds
        self.params = dict(params)
        self._param_values = [self.params[n] for n in compiled.params]
        self.has_kinks = bool(compiled.switches.roots)
        self.title = f"f = {self.text}"
        (x0, x1), (y0, y1) = bounds
        given = ", ".join(f"{n} = {v:g}" for n, v in self.params.items())
        self.description = (f"Typed: f(x, y) = {self.text} on [{x0:g}, {x1:g}] × "
                            f"[{y0:g}, {y1:g}]" + (f", with {given}" if given else "") + ".")

    def _run(self, program: eg.Program, xy) -> list[np.ndarray]:
        xy = np.asarray(xy, dtype=float)
        shape = xy.shape[:-1]
        out = eg.run(program, [xy[..., 0], xy[..., 1], *self._param_values])
        return [_full(v, shape) for v in out]

    def value(self, xy):
        return self._run(self.compiled.value, xy)[0]

    def value_and_grad(self, xy):
        f, fx, fy = self._run(self.compiled.value_and_grad, xy)
        grad = np.empty(f.shape + (2,))  # filled in place: np.stack dominates small steps
        grad[..., 0], grad[..., 1] = fx, fy
        return f, grad

    def hessian(self, xy, h=1e-5):
        """The exact Hessian ``(..., 2, 2)`` (zero across pieces of a kinked f)."""
        hxx, hxy, hyy = self._run(self.compiled.hessian, xy)
        return np.stack([np.stack([hxx, hxy], -1), np.stack([hxy, hyy], -1)], -2)

    def crosses_kink(self, xy, index: int, h: float) -> bool:
        """Does xy ± h·e_index cross a kink (a switch function changing sign, or 0)?"""
        if not self.has_kinks:
            return False
        e = np.zeros(2)
        e[index] = h
        lo = np.sign(self._run(self.compiled.switches, np.asarray(xy, float) - e))
        hi = np.sign(self._run(self.compiled.switches, np.asarray(xy, float) + e))
        return bool(np.any((lo != hi) | (lo == 0)))

    @cached_property
    def minima(self) -> np.ndarray:
        return find_minima(self)

    @cached_property
    def default_start(self) -> np.ndarray:
        """The first point of a lattice read from the top-left corner inwards
        (20 % … 80 % of each side) where f is finite, and finite 10 % of the
        box away on each side too, so a first step does not fall off an edge
        of the region where f is defined (the top-left point if none is)."""
        (x0, x1), (y0, y1) = self.bounds
        t = np.linspace(0.2, 0.8, 7)
        candidates = np.stack(np.meshgrid(x0 + t * (x1 - x0), y0 + t[::-1] * (y1 - y0)), -1)
        candidates = candidates.reshape(-1, 2)
        reach = 0.1 * np.array([[0, 0], [x1 - x0, 0], [x0 - x1, 0], [0, y1 - y0], [0, y0 - y1]])
        safe = np.isfinite(self.value(candidates[:, None, :] + reach)).all(axis=1)
        return candidates[int(np.argmax(safe))].copy()


def _full(v, shape: tuple[int, ...]) -> np.ndarray:
    """``v`` (an array or a constant's float) as a float array of ``shape``."""
    a = np.asarray(v, dtype=float)
    return a if a.shape == shape else np.broadcast_to(a, shape).copy()
