"""The runs of one kind stepped together: one call of the kind's rule per step.

A ``KindGroup`` holds the runs (``Member``s) that share a kind and its
structural (bool and int) hyper-parameters, on consecutive rows ``(n, 2)``
(n = runs × S start points). For a block of m steps it stacks their
states, evaluates their hyper-parameters once — a float when every run
has the same constant value, an ``(n, 1)`` column when they differ, a
table over the block's steps when one is scheduled — and then each
``step`` is a single ``rule(x, g, state, t, **hyper)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from optim_core import schedules
from optim_core.optimizers import Optimizer, State


class Member:
    """One labelled run: its optimizer, step count and state over its S rows."""

    def __init__(self, label: str, opt: Optimizer, points: np.ndarray) -> None:
        self.label = label
        self.rows = slice(0, 0)  # its rows of the engine's (N, 2) arrays
        self.restart(opt, points)

    def restart(self, opt: Optimizer, points: np.ndarray) -> None:
        """Take ``opt`` with a fresh state at ``points: (S, 2)``."""
        self.opt, self.count = opt, 0
        self.state = opt.info.new_state(points, opt.hyper)

    def take(self, opt: Optimizer, points: np.ndarray) -> None:
        """Take ``opt``: the state goes on if it has the same kind and state shapes."""
        fresh = opt.info.new_state(points, opt.hyper)
        same = opt.kind == self.opt.kind and all(
            self.state[k].shape == v.shape for k, v in fresh.items())
        if same:
            self.opt = opt
        else:
            self.opt, self.count, self.state = opt, 0, fresh

    def group_key(self, index: int) -> tuple:
        """Runs with equal keys step in one call (``Kind.steps_each_run_alone``)."""
        info = self.opt.info
        structural = tuple(self.opt.hyper[name] for name in info.structural)
        return (info.name, structural) + ((index,) if info.steps_each_run_alone else ())


def stacked(arrays: list[np.ndarray]) -> np.ndarray:
    """``np.stack`` of equal-shape arrays, several times faster for thousands of tiny ones."""
    return np.concatenate(arrays).reshape((len(arrays),) + np.shape(arrays[0]))


def _concat(arrays: list[np.ndarray]) -> np.ndarray:
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


class KindGroup:
    """The members of one key on ``n`` consecutive rows, for one block of ``m`` steps."""

    def __init__(self, members: list[Member], S: int, m: int, surface) -> None:
        self.members, self.S, self.m = members, S, m
        self.info = members[0].opt.info
        self.rule = self.info.rule
        self.state = {k: _concat([mem.state[k] for mem in members]) for k in members[0].state}
        counts = [mem.count for mem in members]
        self.uniform_count = len(set(counts)) == 1
        self._t0 = counts[0] + 1 if self.uniform_count else self._column(
            [c + 1 for c in counts]).astype(int)
        self.fixed: dict[str, Any] = {name: members[0].opt.hyper[name]
                                      for name in self.info.structural}
        if self.info.needs_surface:
            self.fixed["surface"] = surface
        self.tables: dict[str, Any] = {}
        for spec in self.info.hyper:
            if spec.dtype == "float":
                self._evaluate(spec.name)

    def _column(self, per_member: list) -> np.ndarray:
        """``(n, 1)``: one value per member, repeated over its S rows."""
        return np.repeat(np.asarray(per_member, dtype=float), self.S)[:, None]

    def _evaluate(self, name: str) -> None:
        values = [mem.opt.hyper[name] for mem in self.members]
        if not any(isinstance(v, schedules.Schedule) for v in values):
            same = all(v == values[0] for v in values)
            self.fixed[name] = values[0] if same else self._column(values)
            return
        steps = np.arange(self.m)
        curves = [np.broadcast_to(mem.opt.hyper_at(name, mem.count + 1 + steps), (self.m,))
                  for mem in self.members]
        if len(curves) == 1:
            self.tables[name] = curves[0].tolist()  # floats: the cheapest operands
        else:
            self.tables[name] = np.repeat(np.stack(curves, axis=1), self.S, axis=1)[..., None]

    def steps(self) -> list:
        """The step of each of the block's calls: ints, or ``(n, 1)`` when counts differ."""
        return [self._t0 + i for i in range(self.m)]

    def keywords(self) -> list[dict[str, Any]]:
        """The rule's keyword arguments at each of the block's steps."""
        if not self.tables:
            return [self.fixed] * self.m
        return [{**self.fixed, **{k: v[i] for k, v in self.tables.items()}}
                for i in range(self.m)]

    def steps_of_block(self) -> np.ndarray:
        """The step of each call ``(m, 1, 1)`` or ``(m, n, 1)``: for stacked states."""
        i = np.arange(self.m)[:, None, None]
        return self._t0 + i if self.uniform_count else self._t0[None] + i

    def hyper_of_block(self) -> dict[str, Any]:
        """Every hyper-parameter over the block, broadcasting against ``(m, n, 2)``."""
        out = dict(self.fixed)
        for k, v in self.tables.items():
            out[k] = np.asarray(v).reshape(self.m, -1, 1)
        return out

    def scale_over_block(self, trace: dict[str, np.ndarray], G: np.ndarray) -> np.ndarray:
        """``(m, n)``: the mean per-coordinate step of each call, from the states it
        left (``trace``: each name's ``(m, n, 2)`` over the block) and the gradients
        ``G: (m, n, 2)`` the block's samples hold."""
        state = State(self.steps_of_block(), trace)
        return np.mean(self.info.internals(state, G, self.hyper_of_block())["scale"], axis=-1)

    def hand_back(self, m: int) -> None:
        """Give each member its rows of the group's state; m steps were taken."""
        for j, mem in enumerate(self.members):
            rows = slice(j * self.S, (j + 1) * self.S)
            mem.state = {k: v[rows] for k, v in self.state.items()}
            mem.count += m
