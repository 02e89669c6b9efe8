"""The stepping engine shared by ``runner.run`` and ``runner.Race``.

All runs' current points live in one ``(N, 2)`` array (run r owns rows
``r*S … (r+1)*S``), so each step makes ONE vectorized surface call for
every run. Step t moves each run with the gradient seen at its current
point (``surface.value_and_grad_step(x, t)``), then evaluates the new
points with ``t + 1``: the value and gradient recorded with a point are the
ones its next step will use.

Divergence: a point stops at the step where it becomes non-finite or
leaves the box (the surface bounds grown ``box_factor``-fold about their
centre), or where its value or gradient is non-finite, or where its loss
explodes: |f| above ``box_factor`` × the largest |f| on a 9×9 grid over the
bounds. (The loss test catches what the box cannot: AdaGrad moves each
coordinate at most η per step, so at η = 1e3 it hops around with a loss
10⁵× too large without ever leaving the box.) A stopped point stays frozen
at its last good point (its later samples repeat it), ``diverged_at``
holds the step and ``reasons`` one of the REASON_* strings. The other
points go on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from optim_core import optimizers
from optim_core.optimizers import Optimizer

REASON_POINT = "point is not finite"
REASON_BOX = "left the box"
REASON_LOSS = "loss exploded"
REASON_VALUE = "value is not finite"
REASON_GRAD = "gradient is not finite"
#: In the order the tests are made: the first failed one is the reason.
_REASONS = np.array([REASON_POINT, REASON_BOX, REASON_VALUE, REASON_GRAD, REASON_LOSS],
                    dtype=object)


@dataclass
class Block:
    """Samples of ``m`` consecutive steps for all N rows (R runs × S points)."""

    steps: np.ndarray  # (m,) global step of each sample
    points: np.ndarray  # (m, N, 2)
    values: np.ndarray  # (m, N)
    grad_norms: np.ndarray  # (m, N)
    lrs: np.ndarray  # (m, R)  scheduled η of the step that produced the sample
    effective_lrs: np.ndarray  # (m, N) mean per-coordinate step size; NaN once stopped


class Member:
    """One labelled run inside the engine; ``rows`` are its rows of the (N, 2) arrays."""

    def __init__(self, label: str, opt: Optimizer, starts: np.ndarray) -> None:
        self.label = label
        self.opt = opt
        self.state = opt.init(starts)
        self.rows = slice(0, 0)
        # This block's accumulators (the state's last field: c, or Adam's v),
        # kept only for adaptive kinds to compute their effective step size.
        self.trace: list = []

    @property
    def opt(self) -> Optimizer:
        return self._opt

    @opt.setter
    def opt(self, opt: Optimizer) -> None:
        self._opt, self.update = opt, opt.step
        self.adaptive = opt.kind in optimizers.ADAPTIVE


def as_starts(start: np.ndarray) -> np.ndarray:
    """``(2,)`` or ``(S, 2)`` finite start points -> ``(S, 2)`` float copy."""
    s = np.array(start, dtype=float)
    if s.ndim not in (1, 2) or s.shape[-1] != 2:
        raise ValueError(f"start points must have shape (2,) or (S, 2), got {s.shape}")
    s = s.reshape(-1, 2)
    if not np.isfinite(s).all():
        raise ValueError("start points must be finite")
    return s


class Lockstep:
    """Several labelled optimizers stepped together from the same start points."""

    def __init__(self, surface, opts: Mapping[str, Optimizer], starts, box_factor=1e3) -> None:
        self.surface = surface
        self.lo, self.hi = surface.box(box_factor)
        self.f_max = box_factor * _largest_value(surface)
        self.starts = as_starts(starts)
        self.step = 0
        self.members: list[Member] = []
        self.x = np.zeros((0, 2))
        self.f, self.g = np.zeros(0), np.zeros((0, 2))
        self.diverged_at = np.zeros(0, dtype=int)
        self.reasons = np.zeros(0, dtype=object)
        self.add(opts)

    @property
    def S(self) -> int:
        return len(self.starts)

    def rows(self, label: str) -> slice:
        return self.member(label).rows

    def _number_rows(self) -> None:
        for r, mem in enumerate(self.members):
            mem.rows = slice(r * self.S, (r + 1) * self.S)

    def member(self, label: str) -> Member:
        for mem in self.members:
            if mem.label == label:
                return mem
        raise KeyError(f"no run labelled {label!r}")

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
            code = self._failed_test(x[None], f[None], g[None])[0]
        self.members += [Member(k, o, self.starts) for k, o in opts.items()]
        self._number_rows()
        self.x = np.concatenate([self.x, x])
        self.f, self.g = np.concatenate([self.f, f]), np.concatenate([self.g, g])
        self.diverged_at = np.concatenate([self.diverged_at, np.where(code >= 0, self.step, -1)])
        self.reasons = np.concatenate([self.reasons, np.where(code >= 0, _REASONS[code], "")])

    def remove(self, label: str) -> None:
        keep = np.ones(len(self.x), dtype=bool)
        keep[self.rows(label)] = False
        self.members.remove(self.member(label))
        self._number_rows()
        for name in ("x", "f", "g", "diverged_at", "reasons"):
            setattr(self, name, getattr(self, name)[keep])

    def advance(self, m: int) -> Block:
        """Take ``m`` steps; return their samples.

        Divergence is checked once for the whole block, not per step (the
        checks cost as much as a cheap optimizer): rows are independent, so
        a row that went bad inside the block is found afterwards, stopped at
        its first bad step and its samples from there overwritten with its
        last good one — the same record as stopping it on the spot.
        """
        x0, f0, g0 = self.x, self.f, self.g
        if not (m and self.members):
            self.step += m
            return self._block(np.zeros((m,) + x0.shape), np.zeros((m,) + f0.shape),
                               np.zeros((m,) + g0.shape))
        with np.errstate(all="ignore"):
            X, F, G = (np.stack(a) for a in self._steps(m))
            self._stop_and_freeze(X, F, G, (x0, f0, g0))
            self.x, self.f, self.g = X[-1].copy(), F[-1].copy(), G[-1].copy()
            return self._block(X, F, G)

    def _steps(self, m: int) -> tuple[list, list, list]:
        """The stepping loop: each run moves its own rows, then ONE surface call.

        Each run keeps its points from its previous step and reads its
        gradient rows through a fixed view of one buffer, so nothing is
        sliced per step. The rules never keep a reference to ``g`` (their
        states are new arrays), so the buffer can be overwritten.
        """
        members, surface = self.members, self.surface
        parts = [self.x[mem.rows] for mem in members]
        g_buf = self.g.copy()
        g_rows = [g_buf[mem.rows] for mem in members]
        xs, fs, gs = [], [], []
        for t in range(self.step + 1, self.step + m + 1):
            for r, mem in enumerate(members):
                parts[r], mem.state = mem.update(parts[r], g_rows[r], mem.state, surface)
                if mem.adaptive:
                    mem.trace.append(mem.state[-1])
            x = np.concatenate(parts)
            f, g = surface.value_and_grad_step(x, t + 1)
            g_buf[...] = g
            xs.append(x)
            fs.append(f)
            gs.append(g)
        self.step += m
        return xs, fs, gs

    def _failed_test(self, X, F, G) -> np.ndarray:
        """Per sample ``(m, N)``: index into _REASONS of the first failed test, or -1."""
        tests = (
            ~np.isfinite(X).all(-1),
            ~((X >= self.lo) & (X <= self.hi)).all(-1),
            ~np.isfinite(F),
            ~np.isfinite(G).all(-1),
            np.abs(F) > self.f_max,
        )
        code = np.full(F.shape, -1)
        for i in range(len(tests) - 1, -1, -1):
            code[tests[i]] = i
        return code

    def _stop_and_freeze(self, X, F, G, before) -> None:
        """Stop rows at their first bad sample of the block; freeze stopped rows
        (in place) at their last good sample (``before``: the sample preceding X)."""
        steps = np.arange(self.step - len(X) + 1, self.step + 1)
        code = self._failed_test(X, F, G)
        bad = (code >= 0) & (self.diverged_at < 0)
        hit = np.flatnonzero(bad.any(axis=0))
        if hit.size:
            k = bad[:, hit].argmax(axis=0)
            self.diverged_at[hit] = steps[k]
            self.reasons[hit] = _REASONS[code[k, hit]]
        rows = np.flatnonzero(self.diverged_at >= 0)
        if not rows.size:
            return
        first = np.clip(self.diverged_at[rows] - steps[0], 0, None)  # first frozen sample
        frozen = np.arange(len(X))[:, None] >= first
        for A, A0 in zip((X, F, G), before, strict=True):
            last = np.where(first > 0, A[first - 1, rows].T, A0[rows].T).T
            A[:, rows] = np.where(frozen.reshape(frozen.shape + (1,) * (A.ndim - 2)),
                                  last[None], A[:, rows])

    def _block(self, X: np.ndarray, F: np.ndarray, G: np.ndarray) -> Block:
        m = len(X)
        steps = np.arange(self.step - m + 1, self.step + 1)
        eff = np.empty((m, len(self.x)))
        lrs = np.empty((m, len(self.members)))
        for r, mem in enumerate(self.members):
            counts = mem.state.count - np.arange(m - 1, -1, -1)
            lrs[:, r] = mem.opt.hyper_at("lr", counts) if "lr" in mem.opt.hyper else np.nan
            sl = mem.rows
            if mem.trace:
                # A state stacked over the block's steps; only count and the
                # accumulator are read by effective_lr (Adam's m stays as is).
                acc = {mem.state._fields[-1]: np.stack(mem.trace)}
                stacked = mem.state._replace(count=counts, **acc)
                eff[:, sl] = optimizers.effective_lr(mem.opt, stacked)
                mem.trace = []
            else:
                eff[:, sl] = lrs[:, r, None]
        eff[(self.diverged_at >= 0) & (steps[:, None] >= self.diverged_at)] = np.nan
        return Block(steps=steps, points=X, values=F, grad_norms=np.hypot(G[..., 0], G[..., 1]),
                     lrs=lrs, effective_lrs=eff)


def _largest_value(surface) -> float:
    """max |f| on a 9×9 grid over the bounds (inf if none is finite)."""
    (x0, x1), (y0, y1) = surface.bounds
    with np.errstate(all="ignore"):
        f = np.abs(surface.grid(np.linspace(x0, x1, 9), np.linspace(y0, y1, 9)))
    return float(np.max(f[np.isfinite(f)])) if np.isfinite(f).any() else np.inf
