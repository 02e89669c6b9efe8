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

from optim_core import runner

_LABEL = "map"


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

    ``progress(done, steps)`` is called every few steps; returning False
    cancels (``InterruptedError``).
    """
    xs, ys = np.asarray(xs, float), np.asarray(ys, float)
    if not (tol > 0 and np.isfinite(tol)):
        raise ValueError(f"tol must be a positive number, got {tol!r}")
    targets = np.asarray(surface.minima if minima is None else minima, float).reshape(-1, 2)
    race = runner.Race(surface, {_LABEL: optimizer}, grid_starts(xs, ys), max_history=2)
    reached = np.full(len(xs) * len(ys), -1)
    first = np.full(len(xs) * len(ys), -1)
    _mark(race, 0, targets, f_star, tol, reached, first)
    for t in range(1, int(steps) + 1):
        race.advance(1)
        _mark(race, t, targets, f_star, tol, reached, first)
        if progress is not None and t % 25 == 0 and progress(t, steps) is False:
            raise InterruptedError("basin map cancelled")
    diverged = race.history(_LABEL).diverged_at >= 0
    reached[diverged], first[diverged] = -1, -1
    nearest = _nearest(race.current_points(_LABEL), targets) if f_star is None else (
        np.zeros(len(reached), dtype=int))
    nearest[diverged] = -1
    shape = (len(ys), len(xs))
    return BasinMap(xs, ys, reached.reshape(shape), first.reshape(shape),
                    diverged.reshape(shape), targets if f_star is None else targets[:1],
                    nearest.reshape(shape))


def _nearest(x: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """``(S,)``: index of the target nearest to each point of ``x: (S, 2)``, −1 if none."""
    if not len(targets):
        return np.full(len(x), -1)
    d2 = ((x[:, None, :] - targets[None]) ** 2).sum(axis=-1)
    return d2.argmin(axis=1)


def _mark(race, t: int, targets, f_star, tol, reached, first) -> None:
    """Record step ``t`` for the rows that first come within ``tol`` now."""
    open_rows = np.flatnonzero(first < 0)
    if not open_rows.size:
        return
    x = race.current_points(_LABEL)[open_rows]
    if f_star is not None:
        with np.errstate(all="ignore"):
            near = race.surface.value(x) - f_star < tol
        which = np.zeros(len(x), dtype=int)
    elif len(targets):
        d = np.hypot(*(x[:, None, :] - targets[None]).transpose(2, 0, 1))
        which, near = d.argmin(axis=1), d.min(axis=1) < tol
    else:
        return
    hit = open_rows[near]
    reached[hit], first[hit] = which[near], t
