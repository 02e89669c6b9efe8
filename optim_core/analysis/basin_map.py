"""Basin and convergence maps: one optimizer from every start of an n×n grid.

``basins(surface, optimizer, xs, ys, steps, tol=1e-6)`` starts a run at
every grid point ``(xs[j], ys[i])`` — all ``len(xs)·len(ys)`` starts in ONE
vectorized race, since rows never interact — and records per start:

* ``minimum[i, j]``: the index into ``minima`` (``surface.minima`` unless
  given) of the first minimum the run comes within ``tol`` of,
  ‖x_t − m_k‖ < tol; −1 if it never does (not converged) or if it diverged;
* ``steps[i, j]``: that first step t, −1 if never or diverged;
* ``diverged[i, j]``: the race stopped the run (see ``runner``'s reasons);
* ``nearest[i, j]``: the minimum nearest to where the run is after the last
  step — the basin it is heading for even where it has not arrived within
  ``tol`` (−1 if diverged or no minimum is known).

Where no minimum is known (a classifier slice, a typed surface), give
``minima`` yourself — for example the grid's minimum — or give ``f_star``:
a run then counts as converged at the first step with f(x_t) − f* < tol,
``minimum`` is 0 there. The result equals ``runner.run`` from each start on
its own, because the race steps every row with the same elementwise rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from optim_core.race.engine import Lockstep

_LABEL = "map"
#: Steps × starts stepped per block: bounds the block's record near 40 MB.
_BLOCK_ROW_STEPS = 1 << 19


@dataclass(frozen=True)
class BasinMap:
    """Per start, over the grid ``(len(ys), len(xs))``."""

    xs: np.ndarray
    ys: np.ndarray
    minimum: np.ndarray  # (ny, nx) int, index into the minima or -1
    steps: np.ndarray  # (ny, nx) int, first step within tol or -1
    diverged: np.ndarray  # (ny, nx) bool
    minima: np.ndarray  # (M, 2) the minima the indices refer to
    nearest: np.ndarray  # (ny, nx) int, nearest minimum after the last step or -1


def grid_starts(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """``(len(ys)·len(xs), 2)`` start points, row-major: start ``i·nx + j`` is (xs[j], ys[i])."""
    X, Y = np.meshgrid(np.asarray(xs, float), np.asarray(ys, float))
    return np.stack([X.ravel(), Y.ravel()], axis=-1)


def basins(surface, optimizer, xs, ys, steps: int, tol: float = 1e-6, *,
           minima=None, f_star: float | None = None,
           progress: Callable[[int, int], bool] | None = None) -> BasinMap:
    """The basin map of ``optimizer`` over the grid ``xs × ys`` after ``steps`` steps.

    The race engine takes blocks of steps (its per-step work is one rule call
    and one surface call for all starts); each block's points are searched at
    once for the first step within ``tol``. ``progress(done, steps)`` is
    called after every block; returning False cancels (``InterruptedError``).
    """
    xs, ys = np.asarray(xs, float), np.asarray(ys, float)
    if not (tol > 0 and np.isfinite(tol)):
        raise ValueError(f"tol must be a positive number, got {tol!r}")
    targets = np.asarray(surface.minima if minima is None else minima, float).reshape(-1, 2)
    engine = Lockstep(surface, {_LABEL: optimizer}, grid_starts(xs, ys))
    n = len(xs) * len(ys)
    reached, first = np.full(n, -1), np.full(n, -1)
    test = _ValueTest(surface, f_star, tol) if f_star is not None else _DistanceTest(targets, tol)
    test.mark(engine.x[None], np.array([0]), reached, first)
    block = max(1, min(int(steps), _BLOCK_ROW_STEPS // max(n, 1)))
    while engine.step < steps:
        b = engine.advance(min(block, int(steps) - engine.step))
        test.mark(b.points, b.steps, reached, first)
        if progress is not None and progress(engine.step, steps) is False:
            raise InterruptedError("basin map cancelled")
    diverged = engine.diverged_at >= 0
    reached[diverged], first[diverged] = -1, -1
    nearest = test.nearest(engine.x)
    nearest[diverged] = -1
    shape = (len(ys), len(xs))
    return BasinMap(xs, ys, reached.reshape(shape), first.reshape(shape),
                    diverged.reshape(shape), targets if f_star is None else targets[:1],
                    nearest.reshape(shape))


class _DistanceTest:
    """Converged: within ``tol`` of one of ``targets``, ‖x − m_k‖ < tol."""

    def __init__(self, targets: np.ndarray, tol: float) -> None:
        self.targets, self.tol2 = targets, tol * tol

    def mark(self, X: np.ndarray, steps: np.ndarray, reached, first) -> None:
        """Record, for rows still open, the first sample of ``X: (m, N, 2)`` within tol."""
        open_rows = np.flatnonzero(first < 0)
        if not (open_rows.size and len(self.targets)):
            return
        d2 = _distances2(X[:, open_rows], self.targets)  # (m, n_open, M)
        close = d2.min(axis=-1) < self.tol2
        hit = close.any(axis=0)
        k = close[:, hit].argmax(axis=0)
        rows = open_rows[hit]
        first[rows] = steps[k]
        reached[rows] = d2[k, np.flatnonzero(hit)].argmin(axis=-1)

    def nearest(self, x: np.ndarray) -> np.ndarray:
        """``(N,)``: the target nearest to each point of ``x: (N, 2)``, −1 if none."""
        if not len(self.targets):
            return np.full(len(x), -1)
        return _distances2(x, self.targets).argmin(axis=-1)


class _ValueTest:
    """Converged where no minimum is known: f(x) − f* < tol (minimum index 0)."""

    def __init__(self, surface, f_star: float, tol: float) -> None:
        self.surface, self.f_star, self.tol = surface, f_star, tol

    def mark(self, X: np.ndarray, steps: np.ndarray, reached, first) -> None:
        open_rows = np.flatnonzero(first < 0)
        if not open_rows.size:
            return
        with np.errstate(all="ignore"):
            close = self.surface.value(X[:, open_rows]) - self.f_star < self.tol
        hit = close.any(axis=0)
        first[open_rows[hit]] = steps[close[:, hit].argmax(axis=0)]
        reached[open_rows[hit]] = 0

    def nearest(self, x: np.ndarray) -> np.ndarray:
        return np.zeros(len(x), dtype=int)


def _distances2(x: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """``(..., M)``: squared distance of each point of ``x: (..., 2)`` to each target."""
    dx = x[..., 0, None] - targets[:, 0]
    dy = x[..., 1, None] - targets[:, 1]
    return dx * dx + dy * dy
