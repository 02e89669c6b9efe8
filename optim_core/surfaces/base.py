"""The Surface interface every loss surface implements (toys and slices)."""

from __future__ import annotations

from functools import cached_property

import numpy as np


class Surface:
    """A scalar function f(x, y) with an analytic gradient.

    Points are ``xy: (..., 2)`` float64 arrays, ``xy[..., 0]`` is x (or a),
    ``xy[..., 1]`` is y (or b). Every method is vectorized over the leading
    axes. Subclasses implement ``value_and_grad`` (and may override
    ``value`` and ``hessian`` with cheaper or analytic versions).
    """

    name: str = "surface"
    title: str = "Surface"
    description: str = ""
    bounds: tuple[tuple[float, float], tuple[float, float]] = ((-1.0, 1.0), (-1.0, 1.0))
    #: True where the analytic Hessian is implemented (Newton uses it).
    has_hessian: bool = False
    #: True where the gradient is a subgradient at kinks (|x|, hinge losses).
    has_kinks: bool = False

    @property
    def minima(self) -> np.ndarray:
        """Known minima, ``(M, 2)``; empty when none are known."""
        return np.zeros((0, 2))

    def value(self, xy: np.ndarray) -> np.ndarray:
        """f at ``xy: (..., 2)`` -> ``(...)``."""
        return self.value_and_grad(xy)[0]

    def value_and_grad(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(f (...), ∇f (..., 2))`` at ``xy: (..., 2)``."""
        raise NotImplementedError

    def value_and_grad_step(self, xy: np.ndarray, t: int) -> tuple[np.ndarray, np.ndarray]:
        """What an optimizer sees at step ``t`` (1-based): the exact value and
        gradient here; a mini-batch surface overrides it with the loss and
        gradient of step ``t``'s random batch (seeded, reproducible)."""
        return self.value_and_grad(xy)

    def grad(self, xy: np.ndarray) -> np.ndarray:
        """∇f at ``xy: (..., 2)`` -> ``(..., 2)``."""
        return self.value_and_grad(xy)[1]

    def hessian(self, xy: np.ndarray, h: float = 1e-5) -> np.ndarray:
        """Hessian ``(..., 2, 2)``: analytic where ``has_hessian``, else by
        centred differences of the analytic gradient, symmetrized."""
        xy = np.asarray(xy, dtype=float)
        cols = []
        for k in range(2):
            e = np.zeros(2)
            e[k] = h
            cols.append((self.grad(xy + e) - self.grad(xy - e)) / (2 * h))
        H = np.stack(cols, axis=-1)
        return 0.5 * (H + np.swapaxes(H, -1, -2))

    def grid(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Values on a row-major grid: ``Z[i, j] = f(x[j], y[i])``, ``(len(y), len(x))``."""
        X, Y = np.meshgrid(np.asarray(x, float), np.asarray(y, float))
        return self.value(np.stack([X, Y], axis=-1))

    @cached_property
    def largest_value(self) -> float:
        """max |f| on a 9×9 grid over the bounds (inf if none is finite): the
        scale against which a runner calls a loss exploded. Computed once per
        surface, so a new race (every drag step) does not pay for it."""
        (x0, x1), (y0, y1) = self.bounds
        with np.errstate(all="ignore"):
            f = np.abs(self.grid(np.linspace(x0, x1, 9), np.linspace(y0, y1, 9)))
        return float(np.max(f[np.isfinite(f)])) if np.isfinite(f).any() else np.inf

    def box(self, factor: float = 1e3) -> tuple[np.ndarray, np.ndarray]:
        """The divergence box: the bounds grown ``factor``-fold about their centre.

        Returns ``(lo (2,), hi (2,))``.
        """
        b = np.asarray(self.bounds, dtype=float)
        centre = b.mean(axis=1)
        half = (b[:, 1] - b[:, 0]) / 2 * factor
        return centre - half, centre + half
