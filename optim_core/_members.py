"""The runs inside the stepping engine (``optim_core._lockstep``).

``Member`` is one labelled run: its optimizer, its rows of the engine's
``(N, 2)`` arrays and its state. ``OneByOne`` steps the runs that are not
fused (newton, the random searches) each with its own ``opt.step``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from optim_core import _fused, optimizers
from optim_core.optimizers import Optimizer

if TYPE_CHECKING:
    from optim_core._lockstep import Lockstep


class Member:
    """One labelled run inside the engine; ``rows`` are its rows of the (N, 2) arrays.

    A fused member's state is ``count`` plus its rows of the engine's ``mom``
    and ``acc``; any other keeps its NamedTuple ``state``.
    """

    def __init__(self, label: str, opt: Optimizer, points: np.ndarray, fused: frozenset) -> None:
        self.label = label
        self.rows = slice(0, 0)
        self._fused_kinds = fused
        # This block's accumulators (c, or Adam's v) over its steps, kept
        # only for adaptive kinds to compute their effective step size.
        self.trace: np.ndarray | None = None
        self.restart(opt, points)

    def restart(self, opt: Optimizer, points: np.ndarray) -> None:
        """Take ``opt`` with a fresh state at ``points``."""
        self.fused = opt.kind in self._fused_kinds
        self.opt = opt
        self.count = 0
        self.state = None if self.fused else opt.init(points)

    @property
    def opt(self) -> Optimizer:
        return self._opt

    @opt.setter
    def opt(self, opt: Optimizer) -> None:
        self._opt = opt
        self.coefs = _fused.Coefficients(opt) if self.fused else None

    @property
    def steps_taken(self) -> int:
        return self.count if self.fused else self.state.count


class OneByOne:
    """The runs stepped one at a time with their own ``opt.step`` (newton, the
    random searches, or every kind with ``FUSED`` emptied).

    Each keeps its points from its previous step and reads its gradient rows
    through a fixed view of one buffer, so nothing is sliced per step. The
    rules never keep a reference to ``g`` (their states are new arrays), so
    the buffer can be overwritten.
    """

    def __init__(self, engine: Lockstep, members: list[Member], fused: list[Member]) -> None:
        self.members, self.surface, self.shape = members, engine.surface, engine.x.shape
        rows = np.arange(len(engine.x))
        #: The fused members' rows, in member order (all rows when nobody steps alone).
        self.fused_rows = np.concatenate([rows[mem.rows] for mem in fused] + [rows[:0]]
                                         ) if members else slice(None)
        self.parts = [engine.x[mem.rows] for mem in members]
        self.g = engine.g.copy()
        self.g_rows = [self.g[mem.rows] for mem in members]
        self._acc = {mem.label: [] for mem in members if mem.opt.kind in optimizers.ADAPTIVE}

    def step(self, xf: np.ndarray) -> np.ndarray:
        """Step every run; ``(N, 2)``: their new points with the fused rows' ``xf``."""
        x = np.empty(self.shape)
        x[self.fused_rows] = xf
        for r, mem in enumerate(self.members):
            self.parts[r], mem.state = mem.opt.step(self.parts[r], self.g_rows[r], mem.state,
                                                   self.surface)
            x[mem.rows] = self.parts[r]
            if mem.label in self._acc:
                self._acc[mem.label].append(mem.state[-1])
        return x

    def saw(self, g: np.ndarray) -> np.ndarray:
        """Take the new gradients ``g: (N, 2)``; return the fused rows' share."""
        self.g[...] = g
        return g[self.fused_rows]

    @property
    def traces(self) -> dict[str, np.ndarray]:
        """Each adaptive run's accumulators over the block, ``(m, S, 2)``."""
        return {label: stacked(acc) for label, acc in self._acc.items()}


def stacked(arrays: list[np.ndarray]) -> np.ndarray:
    """``np.stack(arrays)`` of equal-shape arrays, several times faster for
    thousands of tiny ones (it checks no shapes)."""
    return np.concatenate(arrays).reshape((len(arrays),) + np.shape(arrays[0]))
