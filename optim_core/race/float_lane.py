"""Small races stepped on floats, one coordinate at a time.

NumPy pays about half a microsecond for any operation, whatever its size, so
a race of a few start points spends its time on that fixed cost rather than
on arithmetic: 8 kinds from one start point cost ~50 µs a step over arrays.
A ``per_coordinate`` kind's rule is the same code whether it is given one
coordinate's floats or its group's ``(n, 2)`` arrays, and IEEE arithmetic
(with a correctly rounded √) gives the same numbers in both, so stepping a
block here is stepping it over arrays, ~2.5× faster.

``applies(groups, n_rows)``: the engine steps a block here when there are
at most ``MAX_COORDINATES`` coordinates in all and every group is
per-coordinate, with one step count for all its runs and no table of
scheduled values per run. ``step_block`` is then the block's stepping loop.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from optim_core.race.groups import KindGroup, stacked

#: Rows × coordinates up to which floats are cheaper than arrays (measured: 16 rows).
MAX_COORDINATES = 32


def applies(groups: list[KindGroup], n_rows: int, dims: int) -> bool:
    """Whether the block of these groups (``n_rows`` points of ``dims`` coordinates)
    steps on floats."""
    return n_rows * dims <= MAX_COORDINATES and all(_fits(grp) for grp in groups)


def _fits(group: KindGroup) -> bool:
    tables_per_run = any(isinstance(v, np.ndarray) for v in group.tables.values())
    return group.info.per_coordinate and group.uniform_count and not tables_per_run


class _Coordinates:
    """One group's coordinates as floats: points, states and hyper-parameters."""

    def __init__(self, group: KindGroup, x: np.ndarray) -> None:
        self.rule, self.dims = group.rule, x.shape[-1]
        self.x = x.ravel().tolist()
        columns = {k: v.ravel().tolist() for k, v in group.state.items()}
        self.states = [{k: c[e] for k, c in columns.items()} for e in range(len(self.x))]
        self.steps, self.keywords = group.steps(), group.keywords()
        fixed = self.keywords[0]
        per_row = any(isinstance(v, np.ndarray) for v in fixed.values())
        self.own = [{k: float(v[e // self.dims, 0]) if isinstance(v, np.ndarray) else v
                     for k, v in fixed.items()} for e in range(len(self.x))] if per_row else None
        self.trace: list[list[dict]] | None = [] if group.info.adaptive else None

    def step(self, g: list[float], i: int) -> None:
        """Step ``i`` of the block with the gradients ``g`` of these coordinates."""
        rule, t, x, states = self.rule, self.steps[i], self.x, self.states
        if self.own is None:
            kw = self.keywords[i]
            for e in range(len(x)):
                x[e], states[e] = rule(x[e], g[e], states[e], t, **kw)
        else:
            for e, kw in enumerate(self.own):
                x[e], states[e] = rule(x[e], g[e], states[e], t, **kw)
        if self.trace is not None:
            self.trace.append(list(states))

    def _arrays(self, states: list[dict], shape: tuple) -> dict[str, np.ndarray]:
        keys = states[0] if states else ()
        return {k: np.array([s[k] for s in states], dtype=float).reshape(shape) for k in keys}

    def state(self) -> dict[str, np.ndarray]:
        """The state after the block, as the group's ``(n, dims)`` arrays."""
        return self._arrays(self.states, (-1, self.dims))

    def stacked_trace(self) -> dict[str, np.ndarray] | None:
        """The adaptive kinds' state after each step, ``(m, n, dims)`` per name."""
        if self.trace is None:
            return None
        flat = [s for step in self.trace for s in step]
        return self._arrays(flat, (len(self.trace), -1, self.dims))


def step_block(groups: list[KindGroup], xs: list[np.ndarray], g: np.ndarray, m: int,
               evaluate: Callable, first: int) -> tuple:
    """``m`` steps of every group from its points ``xs`` (group row order) and the
    gradients ``g: (N, dims)``; one ``evaluate(x, first + i)`` per step.

    Returns the samples ``X (m, N, dims), F (m, N), G (m, N, dims)``, the groups' states
    and their stacked traces (None for kinds that are not adaptive)."""
    lanes = [_Coordinates(grp, x) for grp, x in zip(groups, xs, strict=True)]
    ends = np.cumsum([0] + [len(lane.x) for lane in lanes]).tolist()
    spans = [(lane, a, b) for lane, a, b in zip(lanes, ends[:-1], ends[1:], strict=True)]
    shape = g.shape
    X, F, G = [], [], []
    for i in range(m):
        flat_g, flat_x = g.ravel().tolist(), []
        for lane, a, b in spans:
            lane.step(flat_g[a:b], i)
            flat_x += lane.x
        x = np.array(flat_x, dtype=float).reshape(shape)
        f, g = evaluate(x, first + i)
        X.append(x)
        F.append(f)
        G.append(g)
    return ((stacked(X), stacked(F), stacked(G)), [lane.state() for lane in lanes],
            [lane.stacked_trace() for lane in lanes])
