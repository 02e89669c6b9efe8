"""Race several labelled optimizers from the same start points, in lockstep.

``run(surface, {label: opt}, start, steps) -> {label: Run}`` for a fixed
number of steps; ``Race`` for the live GUI (advance, change an optimizer
mid-race, add/remove runs, bounded history). Both use one stepping engine
(``optim_core.race.engine``): one vectorized surface call per step for all
runs together, and one call of each kind's rule for all the runs of that
kind (``optim_core.race.engine``).

Recording convention (sample k, at step ``steps[k]``; step 0 is the start):

- ``points[k]`` the point after that step; ``values[k]``, ``grad_norms[k]``
  the value and |gradient| there (what the next step uses);
- ``lrs[k]`` the scheduled learning rate η_t of the step that produced the
  sample (NaN for the start sample, and for random_search which has none);
- ``effective_lrs[k]`` (per point) the mean per-coordinate step size of that
  step: η/(√c + ε) for AdaGrad/RMSprop, η/(√v̂ + ε) for Adam/AdamW, η
  otherwise; NaN at the start and once a point has stopped.

A point that diverges (non-finite point/value/gradient, outside
``surface.box(box_factor)``, or |f| above ``box_factor`` × the largest |f|
on the bounds; see ``optim_core.race.divergence``) stops at that step: ``diverged_at`` is the step
(-1 if never), ``reasons`` says why (one of the REASON_* strings, "" if
running), and every later sample repeats its last good point, value and
gradient norm — so trails can be drawn as they are, and end where the run
stopped. No numpy warning escapes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from optim_core import optimizers
from optim_core.optimizers import Optimizer, State
from optim_core.race.divergence import (
    REASON_BOX,
    REASON_GRAD,
    REASON_LOSS,
    REASON_POINT,
    REASON_VALUE,
)
from optim_core.race.engine import Block, Lockstep
from optim_core.race.history import FIELDS, Trail, race_shapes

#: Race.advance steps at most this many (steps × rows) at a time: a block's
#: record is ~80 bytes per row-step, so a block stays near 1 MB, while 8 runs
#: from one start re-run 2,000 steps (a dragged start) in one block.
_CHUNK_ROW_STEPS = 1 << 14

__all__ = [
    "REASON_BOX", "REASON_GRAD", "REASON_LOSS", "REASON_POINT", "REASON_VALUE",
    "Race", "Run", "run",
]


@dataclass
class Run:
    """The samples of one labelled run over S start points."""

    label: str
    kind: str
    steps: np.ndarray  # (K,) int, step index of each sample
    points: np.ndarray  # (K, S, 2)
    values: np.ndarray  # (K, S)
    grad_norms: np.ndarray  # (K, S)
    lrs: np.ndarray  # (K,)
    effective_lrs: np.ndarray  # (K, S)
    diverged_at: np.ndarray  # (S,) int, -1 if never
    reasons: np.ndarray  # (S,) str, "" if still running


def run(
    surface, opts: Mapping[str, Optimizer], start, steps: int, box_factor: float = 1e3
) -> dict[str, Run]:
    """Run every optimizer ``steps`` steps from ``start: (2,) or (S, 2)``.

    Returns ``{label: Run}`` with ``K = steps + 1`` samples (steps 0…steps).
    """
    if int(steps) != steps or steps < 0:
        raise ValueError(f"steps must be a non-negative integer, got {steps!r}")
    engine = Lockstep(surface, opts, start, box_factor)
    first = _join_sample(engine)
    block = engine.advance(int(steps))
    out = {}
    for r, mem in enumerate(engine.members):
        a, b = _rows(first, r, engine.S), _rows(block, r, engine.S)
        rows = {k: np.concatenate([a[k], b[k]]) for k in FIELDS}
        out[mem.label] = _make_run(engine, mem.label, np.concatenate([first.steps, block.steps]),
                                   rows)
    return out


class Race:
    """A live race: runs advance together and can be changed between steps.

    ``starts: (2,) or (S, 2)``. Each run keeps at most ``max_history``
    samples (decimated evenly over the whole race, see ``history.Trail``);
    ``history(label)`` adds the current sample, so a trail always reaches
    the head. Runs added mid-race join at the current step from the start
    points with a fresh optimizer state (their samples start at that step).
    """

    def __init__(self, surface, opts: Mapping[str, Optimizer], starts, max_history: int = 4096,
                 box_factor: float = 1e3) -> None:
        self.surface, self.max_history, self.box_factor = surface, max_history, box_factor
        self.reset(starts, opts)

    @property
    def step(self) -> int:
        """Steps taken since the start (or the last reset)."""
        return self._engine.step

    @property
    def starts(self) -> np.ndarray:
        return self._engine.starts.copy()

    @property
    def labels(self) -> list[str]:
        return [m.label for m in self._engine.members]

    def optimizer(self, label: str) -> Optimizer:
        return self._engine.member(label).opt

    def state(self, label: str) -> State:
        """The optimizer state of run ``label`` over its ``(S, 2)`` rows (``count`` steps)."""
        return self._engine.state(label)

    def gradient(self, label: str) -> np.ndarray:
        """``(S, 2)``: the gradient at each current point (the one the next step uses)."""
        return self._engine.g[self._engine.rows(label)].copy()

    def internals(self, label: str) -> dict[str, np.ndarray]:
        """What moves run ``label`` next (``optimizers.internals``), each ``(S, 2)``."""
        return optimizers.internals(self.optimizer(label), self.state(label),
                                    self.gradient(label), x=self.current_points(label),
                                    surface=self.surface)

    def current_points(self, label: str) -> np.ndarray:
        """``(S, 2)``: where each point of run ``label`` is now."""
        return self._engine.x[self._engine.rows(label)].copy()

    def advance(self, n: int = 1) -> None:
        """Take ``n`` steps with every run (in chunks, so memory stays bounded)."""
        chunk = max(64, _CHUNK_ROW_STEPS // max(1, len(self._engine.x)))
        while n > 0:
            m = min(n, chunk)
            self._record(self._engine.advance(m))
            n -= m

    def set_optimizer(self, label: str, opt: Optimizer) -> None:
        """Swap run ``label``'s optimizer; it goes on from its current point.

        Same kind (e.g. ``opt.with_hyper(lr=...)``): the state (velocity,
        moments, step count) is kept. Another kind: a fresh state.
        """
        self._engine.set_optimizer(label, opt)

    def add(self, label: str, opt: Optimizer) -> None:
        self._engine.add({label: opt})
        self._join([label])

    def remove(self, label: str) -> None:
        self._engine.remove(label)
        del self._trails[label], self._latest[label]

    def reset(self, starts=None, opts: Mapping[str, Optimizer] | None = None) -> None:
        """Back to step 0 (optionally from new ``starts`` or with other runs)."""
        if opts is None:
            opts = {m.label: m.opt for m in self._engine.members}
        if starts is None:
            starts = self._engine.starts
        self._engine = Lockstep(self.surface, opts, starts, self.box_factor)
        self._trails: dict[str, Trail] = {}
        self._latest: dict[str, tuple[int, dict]] = {}
        self._join(list(opts))

    def history(self, label: str) -> Run:
        """Run ``label``'s kept samples, ending with the current one."""
        steps, rows = self._trails[label].view()
        step, latest = self._latest[label]
        if step > steps[-1]:
            steps = np.append(steps, step)
            rows = {k: np.concatenate([rows[k], latest[k]]) for k in FIELDS}
        else:
            rows = {k: v.copy() for k, v in rows.items()}
        return _make_run(self._engine, label, steps.copy(), rows)

    def _join(self, labels: list[str]) -> None:
        """Start the trails of runs that join now with their current sample."""
        block, steps = _join_sample(self._engine), np.array([self.step])
        for label in labels:
            sample = _rows(block, self.labels.index(label), self._engine.S)
            self._trails[label] = Trail(race_shapes(self._engine.S), self.max_history)
            self._trails[label].extend(steps, **sample)
            self._latest[label] = (self.step, sample)

    def _record(self, block: Block) -> None:
        for r, label in enumerate(self.labels):
            rows = _rows(block, r, self._engine.S)
            self._trails[label].extend(block.steps, **rows)
            # Copies, so the chunk's arrays are not kept alive by a view.
            last = {k: v[-1:].copy() for k, v in rows.items()}
            self._latest[label] = (int(block.steps[-1]), last)


def _join_sample(engine: Lockstep) -> Block:
    """The current sample of every row, as a one-step block with no η yet."""
    n = len(engine.x)
    return Block(
        steps=np.array([engine.step]),
        points=engine.x[None].copy(),
        values=engine.f[None].copy(),
        grads=engine.g[None].copy(),
        lrs=np.full((1, len(engine.members)), np.nan),
        effective_lrs=np.full((1, n), np.nan),
    )


def _rows(block: Block, r: int, S: int) -> dict[str, np.ndarray]:
    sl = slice(r * S, (r + 1) * S)
    return {
        "points": block.points[:, sl], "values": block.values[:, sl],
        "grad_norms": block.grad_norms[:, sl], "lrs": block.lrs[:, r],
        "effective_lrs": block.effective_lrs[:, sl],
    }


def _make_run(engine: Lockstep, label: str, steps: np.ndarray, rows: dict) -> Run:
    sl = engine.rows(label)
    return Run(
        label=label, kind=engine.member(label).opt.kind, steps=steps, **rows,
        diverged_at=engine.diverged_at[sl].copy(),
        reasons=np.array(engine.reasons[sl], dtype=str),
    )
