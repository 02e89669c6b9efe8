"""Toy surfaces with several minima (Himmelblau, Rastrigin, two wells) or kinks."""

from __future__ import annotations

import numpy as np

from optim_core.surfaces.toys import Toy, _mat, _split, _vec


def _polish(surface: Toy, guesses: np.ndarray, iters: int = 30) -> np.ndarray:
    """Newton iterations on ∇f = 0 from rough guesses ``(M, 2)``, so the
    minima shown to users are computed to machine precision, not typed in."""
    p = np.array(guesses, dtype=float)
    for _ in range(iters):
        p = p - np.linalg.solve(surface.hessian(p), surface.grad(p)[..., None])[..., 0]
    return p


class Himmelblau(Toy):
    """f = (x² + y − 11)² + (x + y² − 7)²: four minima, all with f = 0."""

    name, title = "himmelblau", "Himmelblau"
    description = "f = (x² + y − 11)² + (x + y² − 7)²: four equal minima; the start decides."
    bounds = ((-5.0, 5.0), (-5.0, 5.0))
    has_hessian = True
    default_start = np.array([-0.3, -0.9])

    def __init__(self) -> None:
        super().__init__()
        self._minima = _polish(self, [[3.0, 2.0], [-2.8, 3.1], [-3.8, -3.3], [3.6, -1.8]])

    def value(self, xy):
        x, y = _split(xy)
        return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2

    def value_and_grad(self, xy):
        x, y = _split(xy)
        r1, r2 = x * x + y - 11, x + y * y - 7
        return r1 * r1 + r2 * r2, _vec(4 * x * r1 + 2 * r2, 2 * r1 + 4 * y * r2)

    def hessian(self, xy, h=1e-5):
        x, y = _split(xy)
        r1, r2 = x * x + y - 11, x + y * y - 7
        return _mat(8 * x * x + 4 * r1 + 2, 4 * x + 4 * y, 2 + 8 * y * y + 4 * r2)


class Rastrigin(Toy):
    """f = 2A + Σ (xᵢ² − A cos 2πxᵢ): a bowl covered in local minima."""

    name, title = "rastrigin", "Rastrigin"
    description = "f = 2A + Σ (xᵢ² − A·cos 2πxᵢ): an egg box of local minima around one global."
    bounds = ((-5.12, 5.12), (-5.12, 5.12))
    has_hessian = True
    default_start = np.array([3.3, -2.6])

    def __init__(self, amplitude: float = 10.0) -> None:
        super().__init__(amplitude=float(amplitude))
        self.A = float(amplitude)
        self._minima = np.zeros((1, 2))

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        return 2 * self.A + np.sum(xy * xy - self.A * np.cos(2 * np.pi * xy), axis=-1)

    def value_and_grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        grad = 2 * xy + 2 * np.pi * self.A * np.sin(2 * np.pi * xy)
        return self.value(xy), grad

    def hessian(self, xy, h=1e-5):
        x, y = _split(xy)
        c = 4 * np.pi**2 * self.A
        return _mat(2 + c * np.cos(2 * np.pi * x), 0.0, 2 + c * np.cos(2 * np.pi * y))


class TwoWells(Toy):
    """f = (x² − 1)² + s·x + k·y²: a tilted double well.

    The tilt ``s > 0`` makes the well near x = −1 the deeper (global) one;
    the shallow well near x = +1 traps plain gradient descent started on its
    right, while heavy-ball momentum carries enough speed over the barrier.
    """

    name, title = "two_wells", "Two wells"
    description = "A shallow well beside a deep one: SGD settles in the near one, momentum escapes."
    bounds = ((-2.0, 2.2), (-1.5, 1.5))
    has_hessian = True
    default_start = np.array([2.0, 1.0])

    def __init__(self, tilt: float = 0.5, k: float = 1.0) -> None:
        super().__init__(tilt=float(tilt), k=float(k))
        self.s, self.k = float(tilt), float(k)
        roots = np.roots([4.0, 0.0, -4.0, self.s])
        x = np.sort(roots[np.abs(roots.imag) < 1e-12].real)
        x = x[12 * x * x - 4 > 0]  # f'' > 0: the wells, not the barrier top
        pts = np.stack([x, np.zeros_like(x)], axis=-1)
        self._minima = _polish(self, pts[np.argsort(self.value(pts))])

    def value(self, xy):
        x, y = _split(xy)
        return (x * x - 1) ** 2 + self.s * x + self.k * y * y

    def value_and_grad(self, xy):
        x, y = _split(xy)
        f = (x * x - 1) ** 2 + self.s * x + self.k * y * y
        return f, _vec(4 * x * (x * x - 1) + self.s, 2 * self.k * y)

    def hessian(self, xy, h=1e-5):
        x, _ = _split(xy)
        return _mat(12 * x * x - 4, 0.0, np.full(x.shape, 2 * self.k))


class Kinked(Toy):
    """f = |x| + 2|y|: not differentiable on the axes; ∇f = (sign x, 2 sign y)
    is a subgradient there (0 on the kink)."""

    name, title = "kinked", "Kinked |x| + 2|y|"
    description = "f = |x| + 2|y|: kinks on the axes; subgradients make fixed-step methods chatter."
    bounds = ((-2.0, 2.0), (-2.0, 2.0))
    has_hessian = True
    has_kinks = True
    default_start = np.array([1.5, 1.1])

    def __init__(self) -> None:
        super().__init__()
        self._minima = np.zeros((1, 2))

    def value(self, xy):
        x, y = _split(xy)
        return np.abs(x) + 2 * np.abs(y)

    def value_and_grad(self, xy):
        x, y = _split(xy)
        return np.abs(x) + 2 * np.abs(y), _vec(np.sign(x), 2 * np.sign(y))

    def hessian(self, xy, h=1e-5):
        """Zero wherever f is differentiable (a piecewise-linear surface)."""
        x, _ = _split(xy)
        return _mat(np.zeros(x.shape), 0.0, 0.0)
