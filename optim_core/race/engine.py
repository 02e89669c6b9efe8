"""The stepping engine shared by ``runner.run`` and ``runner.Race``.

All runs' current points live in one ``(N, 2)`` array (run r owns rows
``r*S … (r+1)*S``). Each step calls every kind's rule ONCE for all of its
runs (``groups.KindGroup``; the groups' rows are gathered contiguous for the
block), then makes ONE vectorized surface call for every row: step t moves
each run with the gradient seen at its current point
(``surface.value_and_grad_step(x, t)``), then evaluates the new points with
``t + 1``, so the value and gradient recorded with a point are the ones its
next step uses. Divergence (``divergence``) is checked once per block.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from optim_core.optimizers import Optimizer, State
from optim_core.race import float_lane
from optim_core.race.divergence import REASONS, Divergence
from optim_core.race.groups import KindGroup, Member, stacked


@dataclass
class Block:
    """Samples of ``m`` consecutive steps for all N rows (R runs × S points)."""

    steps: np.ndarray  # (m,) global step of each sample
    points: np.ndarray  # (m, N, 2)
    values: np.ndarray  # (m, N)
    grads: np.ndarray  # (m, N, 2)
    lrs: np.ndarray  # (m, R)  scheduled η of the step that produced the sample
    effective_lrs: np.ndarray  # (m, N) mean per-coordinate step size; NaN once stopped

    @cached_property
    def grad_norms(self) -> np.ndarray:
        """``(m, N)``: ‖g‖ of each sample, made when first read (np.hypot is slow,
        and a basin map never reads it)."""
        with np.errstate(all="ignore"):
            return np.hypot(self.grads[..., 0], self.grads[..., 1])


def as_starts(start: np.ndarray) -> np.ndarray:
    """``(2,)`` or ``(S, 2)`` finite start points -> ``(S, 2)`` float copy."""
    s = np.array(start, dtype=float)
    if s.ndim not in (1, 2) or s.shape[-1] != 2:
        raise ValueError(f"start points must have shape (2,) or (S, 2), got {s.shape}")
    s = s.reshape(-1, 2)
    if not np.isfinite(s).all():
        raise ValueError("start points must be finite")
    return s


def _step_arrays(groups: list[KindGroup], xs: list[np.ndarray], g: np.ndarray, m: int,
                 evaluate, first: int) -> tuple:
    """``m`` steps over arrays: each group's rule once per step on its rows of
    ``xs`` (group row order), then one ``evaluate(x, first + i)`` for all rows.
    Returns the samples ``X (m, N, 2), F (m, N), G (m, N, 2)``, the groups' states and
    the adaptive groups' states after each step, stacked (None for the others)."""
    bounds = np.cumsum([0] + [len(x) for x in xs])
    states = [grp.state for grp in groups]
    traces = [[] for _ in groups]
    # Per group and step, everything the call needs, made before the loop.
    calls = [(j, grp.rule, slice(bounds[j], bounds[j + 1]), grp.steps(), grp.keywords(),
              traces[j].append if grp.info.adaptive else None)
             for j, grp in enumerate(groups)]
    X, F, G = np.empty((m,) + g.shape), np.empty((m, len(g))), np.empty((m,) + g.shape)
    for i in range(m):
        for j, rule, rows, ts, kws, record in calls:
            xs[j], states[j] = rule(xs[j], g[rows], states[j], ts[i], **kws[i])
            if record:
                record(states[j])
        X[i] = xs[0] if len(xs) == 1 else np.concatenate(xs)
        f, g = evaluate(X[i], first + i)
        F[i], G[i] = f, g
    stacked_traces = [{k: stacked([s[k] for s in trace]) for k in trace[0]} if trace else None
                      for trace in traces]
    return (X, F, G), states, stacked_traces


class Lockstep:
    """Several labelled optimizers stepped together from the same start points."""

    def __init__(self, surface, opts: Mapping[str, Optimizer], starts, box_factor=1e3) -> None:
        self.surface = surface
        self.divergence = Divergence(surface, box_factor)
        self.starts = as_starts(starts)
        self.step = 0
        self.members: list[Member] = []
        self.x, self.f, self.g = np.zeros((0, 2)), np.zeros(0), np.zeros((0, 2))
        self.diverged_at = np.zeros(0, dtype=int)
        self.reasons = np.zeros(0, dtype=object)
        self.add(opts)

    @property
    def S(self) -> int:
        return len(self.starts)

    def member(self, label: str) -> Member:
        for mem in self.members:
            if mem.label == label:
                return mem
        raise KeyError(f"no run labelled {label!r}")

    def rows(self, label: str) -> slice:
        return self.member(label).rows

    def state(self, label: str) -> State:
        """Run ``label``'s optimizer state over its ``(S, 2)`` rows."""
        mem = self.member(label)
        return State(mem.count, dict(mem.state))

    def set_optimizer(self, label: str, opt: Optimizer) -> None:
        """Same kind (and state shapes): the state goes on; else a fresh state here."""
        mem = self.member(label)
        mem.take(opt, self.x[mem.rows])

    def add(self, opts: Mapping[str, Optimizer]) -> None:
        """Runs that join now, from the start points (one surface call for all)."""
        taken = {m.label for m in self.members}
        for label in opts:
            if label in taken:
                raise ValueError(f"a run labelled {label!r} already exists")
        if not opts:
            return
        x = np.tile(self.starts, (len(opts), 1))
        with np.errstate(all="ignore"):
            f, g = self.surface.value_and_grad_step(x, self.step + 1)
            code = self.divergence.failed_test(x[None], f[None], g[None])[0]
        self.members += [Member(k, o, self.starts) for k, o in opts.items()]
        self._number_rows()
        self.x = np.concatenate([self.x, x])
        self.f, self.g = np.concatenate([self.f, f]), np.concatenate([self.g, g])
        self.diverged_at = np.concatenate([self.diverged_at, np.where(code >= 0, self.step, -1)])
        self.reasons = np.concatenate([self.reasons, np.where(code >= 0, REASONS[code], "")])

    def remove(self, label: str) -> None:
        keep = np.ones(len(self.x), dtype=bool)
        keep[self.rows(label)] = False
        self.members.remove(self.member(label))
        self._number_rows()
        for name in ("x", "f", "g", "diverged_at", "reasons"):
            setattr(self, name, getattr(self, name)[keep])

    def _number_rows(self) -> None:
        for r, mem in enumerate(self.members):
            mem.rows = slice(r * self.S, (r + 1) * self.S)

    def advance(self, m: int) -> Block:
        """Take ``m`` steps; return their samples.

        Rows are independent, so a row that went bad inside the block is found
        afterwards, stopped at its first bad step and its samples from there
        overwritten with its last good one: the same record as stopping it on
        the spot.
        """
        before = (self.x, self.f, self.g)
        if not (m and self.members):
            self.step += m
            shapes = [(m,) + a.shape for a in before]
            return self._block(*(np.zeros(s) for s in shapes), np.zeros((m, len(self.x))))
        with np.errstate(all="ignore"):
            X, F, G, eff = self._steps(m)
            steps = np.arange(self.step - m + 1, self.step + 1)
            self.divergence.stop_and_freeze(steps, (X, F, G), before, self.diverged_at,
                                            self.reasons)
            self.x, self.f, self.g = X[-1].copy(), F[-1].copy(), G[-1].copy()
            return self._block(X, F, G, eff)

    def _groups(self, m: int) -> tuple[list[KindGroup], np.ndarray | None]:
        """The block's groups, and the permutation from member rows to group rows
        (None when they already coincide)."""
        by_key: dict[tuple, list[Member]] = {}
        for i, mem in enumerate(self.members):
            by_key.setdefault(mem.group_key(i), []).append(mem)
        groups = [KindGroup(mems, self.S, m, self.surface) for mems in by_key.values()]
        rows = np.arange(len(self.x))
        order = np.concatenate([rows[mem.rows] for grp in groups for mem in grp.members])
        return groups, None if (order == rows).all() else order

    def _steps(self, m: int) -> tuple[np.ndarray, ...]:
        """The stepping loop: each group's rule once per step, then ONE surface call
        (on floats for small races: ``float_lane``). Returns ``X (m, N, 2), F (m, N),
        G (m, N, 2)`` and the effective step sizes ``(m, N)`` of the adaptive rows
        (NaN elsewhere), in member row order."""
        groups, order = self._groups(m)
        bounds = np.cumsum([0] + [len(grp.members) * self.S for grp in groups])
        bounds = [slice(a, b) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
        xs = [self.x[b] if order is None else self.x[order[b]] for b in bounds]
        g = self.g if order is None else self.g[order]
        step = float_lane.step_block if float_lane.applies(
            groups, len(self.x), self.x.shape[-1]) else _step_arrays
        samples, states, traces = step(groups, xs, g, m, self.surface.value_and_grad_step,
                                       self.step + 2)
        self.step += m
        return self._hand_back(groups, states, traces, bounds, order, samples)

    def _hand_back(self, groups, states, traces, bounds, order, samples) -> tuple:
        """The members get their states; the samples and the adaptive rows' step
        sizes go back to member row order."""
        X, F, G = samples
        eff = np.full((len(X), len(self.x)), np.nan)
        for grp, state, trace, rows in zip(groups, states, traces, bounds, strict=True):
            grp.state = state
            grp.hand_back(len(X))
            if trace is not None:
                eff[:, rows] = grp.scale_over_block(trace, G[:, rows])
        if order is None:
            return X, F, G, eff
        back = np.argsort(order)
        return X[:, back], F[:, back], G[:, back], eff[:, back]

    def _block(self, X: np.ndarray, F: np.ndarray, G: np.ndarray, eff: np.ndarray) -> Block:
        """The block's record: η per run, η itself as the effective step of the
        non-adaptive runs, NaN once a point has stopped."""
        m = len(X)
        steps = np.arange(self.step - m + 1, self.step + 1)
        lrs = np.empty((m, len(self.members)))
        for r, mem in enumerate(self.members):
            counts = mem.count - np.arange(m - 1, -1, -1)
            lrs[:, r] = mem.opt.hyper_at("lr", counts) if "lr" in mem.opt.hyper else np.nan
            if not mem.opt.info.adaptive:
                eff[:, mem.rows] = lrs[:, r, None]
        eff[(self.diverged_at >= 0) & (steps[:, None] >= self.diverged_at)] = np.nan
        return Block(steps=steps, points=X, values=F, grads=G,
                     lrs=lrs, effective_lrs=eff)
