"""The toy surfaces: closed-form f, ∇f and Hessian over ``xy: (..., 2)``.

Each class documents its formula. ``minima`` lists known minima with the
global one first; ``default_start`` is a start point that tells the
surface's story.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from optim_core.surfaces.base import Surface


def _split(xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    xy = np.asarray(xy, dtype=float)
    return xy[..., 0], xy[..., 1]


def _vec(gx: np.ndarray, gy: np.ndarray) -> np.ndarray:
    """(gx, gy) -> (..., 2); filled in place because np.stack dominates small steps."""
    shape = np.shape(gx)
    if shape != np.shape(gy):
        shape = np.broadcast_shapes(shape, np.shape(gy))
    out = np.empty(shape + (2,))
    out[..., 0], out[..., 1] = gx, gy
    return out


def _mat(hxx: Any, hxy: Any, hyy: Any) -> np.ndarray:
    """The symmetric 2×2 matrices [[hxx, hxy], [hxy, hyy]] -> (..., 2, 2)."""
    shape = np.broadcast_shapes(np.shape(hxx), np.shape(hxy), np.shape(hyy))
    out = np.empty(shape + (2, 2))
    out[..., 0, 0], out[..., 1, 1] = hxx, hyy
    out[..., 0, 1] = out[..., 1, 0] = hxy
    return out


class Toy(Surface):
    """A closed-form surface with user-tunable ``params`` and a ``default_start``."""

    default_start: np.ndarray = np.zeros(2)

    def __init__(self, **params: float) -> None:
        self.params: dict[str, float] = dict(params)
        self._minima = np.zeros((0, 2))

    @property
    def minima(self) -> np.ndarray:
        return self._minima.copy()


class Bowl(Toy):
    """f = x² + y²: the round bowl every method solves."""

    name, title = "bowl", "Quadratic bowl"
    description = "f = x² + y²: round and easy; every method should get to the bottom."
    bounds = ((-2.0, 2.0), (-2.0, 2.0))
    has_hessian = True
    default_start = np.array([-1.6, 1.2])

    def __init__(self) -> None:
        super().__init__()
        self._minima = np.zeros((1, 2))

    def value(self, xy):
        x, y = _split(xy)
        return x * x + y * y

    def value_and_grad(self, xy):
        x, y = _split(xy)
        return x * x + y * y, _vec(2 * x, 2 * y)

    def hessian(self, xy, h=1e-5):
        x, _ = _split(xy)
        return _mat(np.full(x.shape, 2.0), 0.0, 2.0)


class Ravine(Toy):
    """f = ½(x² + κy²), κ the condition number of the Hessian diag(1, κ)."""

    name, title = "ravine", "Ravine"
    description = "f = ½(x² + κy²): a long narrow valley; plain SGD zig-zags, momentum glides."
    bounds = ((-3.0, 3.0), (-1.5, 1.5))
    has_hessian = True
    default_start = np.array([-2.6, 0.9])

    def __init__(self, condition: float = 50.0) -> None:
        super().__init__(condition=float(condition))
        self.k = float(condition)
        self._minima = np.zeros((1, 2))

    def value(self, xy):
        x, y = _split(xy)
        return 0.5 * (x * x + self.k * y * y)

    def value_and_grad(self, xy):
        x, y = _split(xy)
        return 0.5 * (x * x + self.k * y * y), _vec(x, self.k * y)

    def hessian(self, xy, h=1e-5):
        x, _ = _split(xy)
        return _mat(np.ones(x.shape), 0.0, self.k)


class Saddle(Toy):
    """f = x² − y²: a saddle at the origin, unbounded below."""

    name, title = "saddle", "Saddle"
    description = "f = x² − y²: a saddle point; a start near y = 0 shows how slowly SGD escapes."
    bounds = ((-2.0, 2.0), (-2.0, 2.0))
    has_hessian = True
    default_start = np.array([-1.8, 0.02])

    def value(self, xy):
        x, y = _split(xy)
        return x * x - y * y

    def value_and_grad(self, xy):
        x, y = _split(xy)
        return x * x - y * y, _vec(2 * x, -2 * y)

    def hessian(self, xy, h=1e-5):
        x, _ = _split(xy)
        return _mat(np.full(x.shape, 2.0), 0.0, -2.0)


class MonkeySaddle(Toy):
    """f = x³ − 3xy²: a flat degenerate saddle with three valleys."""

    name, title = "monkey_saddle", "Monkey saddle"
    description = "f = x³ − 3xy²: a flat saddle with three ways down (gradient and Hessian vanish)."
    bounds = ((-1.5, 1.5), (-1.5, 1.5))
    has_hessian = True
    default_start = np.array([1.2, 0.15])

    def value(self, xy):
        x, y = _split(xy)
        return x**3 - 3 * x * y * y

    def value_and_grad(self, xy):
        x, y = _split(xy)
        return x**3 - 3 * x * y * y, _vec(3 * x * x - 3 * y * y, -6 * x * y)

    def hessian(self, xy, h=1e-5):
        x, y = _split(xy)
        return _mat(6 * x, -6 * y, -6 * x)


class Rosenbrock(Toy):
    """f = (a − x)² + b(y − x²)², minimum (a, a²) in a curved banana valley."""

    name, title = "rosenbrock", "Rosenbrock"
    description = "f = (1 − x)² + b(y − x²)²: easy to find the valley, hard to follow it to (1, 1)."
    bounds = ((-2.0, 2.0), (-1.0, 3.0))
    has_hessian = True
    default_start = np.array([-1.2, 1.0])

    def __init__(self, b: float = 100.0, a: float = 1.0) -> None:
        super().__init__(b=float(b), a=float(a))
        self.a, self.b = float(a), float(b)
        self._minima = np.array([[self.a, self.a**2]])

    def value(self, xy):
        x, y = _split(xy)
        return (self.a - x) ** 2 + self.b * (y - x * x) ** 2

    def value_and_grad(self, xy):
        x, y = _split(xy)
        u, r = self.a - x, y - x * x
        br = self.b * r
        return u * u + br * r, _vec(-2 * u - 4 * x * br, 2 * br)

    def hessian(self, xy, h=1e-5):
        x, y = _split(xy)
        hxx = 2 - 4 * self.b * (y - x * x) + 8 * self.b * x * x
        return _mat(hxx, -4 * self.b * x, np.full(x.shape, 2 * self.b))


class Beale(Toy):
    """f = Σᵢ rᵢ², rᵢ = cᵢ − x + x yⁱ, c = (1.5, 2.25, 2.625); minimum (3, ½)."""

    name, title = "beale", "Beale"
    description = "f = Σ (cᵢ − x + x yⁱ)²: flat plateaus and steep walls; minimum at (3, 0.5)."
    bounds = ((-4.5, 4.5), (-4.5, 4.5))
    has_hessian = True
    default_start = np.array([-1.0, 2.0])
    _c = (1.5, 2.25, 2.625)

    def __init__(self) -> None:
        super().__init__()
        self._minima = np.array([[3.0, 0.5]])

    def _terms(self, xy):
        """Residuals rᵢ with their first and second derivatives, i = 1..3."""
        x, y = _split(xy)
        for i, c in enumerate(self._c, start=1):
            r = c - x + x * y**i
            rx, ry = y**i - 1, i * x * y ** (i - 1)
            rxy, ryy = i * y ** (i - 1), i * (i - 1) * x * y ** max(i - 2, 0)
            yield r, rx, ry, rxy, ryy

    def value(self, xy):
        return sum(r * r for r, *_ in self._terms(xy))

    def value_and_grad(self, xy):
        f = gx = gy = 0.0
        for r, rx, ry, _, _ in self._terms(xy):
            f, gx, gy = f + r * r, gx + 2 * r * rx, gy + 2 * r * ry
        return f, _vec(gx, gy)

    def hessian(self, xy, h=1e-5):
        hxx = hxy = hyy = 0.0
        for r, rx, ry, rxy, ryy in self._terms(xy):
            hxx = hxx + 2 * rx * rx
            hxy = hxy + 2 * (rx * ry + r * rxy)
            hyy = hyy + 2 * (ry * ry + r * ryy)
        return _mat(hxx, hxy, hyy)
