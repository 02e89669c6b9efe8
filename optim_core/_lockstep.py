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

The gradient-based kinds (``_fused.KINDS``) are stepped together by one
elementwise kernel with per-row coefficients (``optim_core._fused``): about
15 array operations per step whatever the number of runs, bit-identical to
each optimizer's own ``step``. Their states live in the engine's ``mom``
and ``acc`` arrays and are handed out as each kind's NamedTuple
(``state``). The other kinds (newton, the random searches) step one run
at a time with ``opt.step``, in the same race.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from optim_core import _fused, optimizers
from optim_core._members import Member, OneByOne, stacked
from optim_core.optimizers import Optimizer

REASON_POINT = "point is not finite"
REASON_BOX = "left the box"
REASON_LOSS = "loss exploded"
REASON_VALUE = "value is not finite"
REASON_GRAD = "gradient is not finite"
#: In the order the tests are made: the first failed one is the reason.
_REASONS = np.array([REASON_POINT, REASON_BOX, REASON_VALUE, REASON_GRAD, REASON_LOSS],
                    dtype=object)
#: Kinds stepped by the fused kernel. Only the benchmark and the tests
#: change it (to an empty set), to measure or check the per-optimizer path.
FUSED = _fused.KINDS


@dataclass
class Block:
    """Samples of ``m`` consecutive steps for all N rows (R runs × S points)."""

    steps: np.ndarray  # (m,) global step of each sample
    points: np.ndarray  # (m, N, 2)
    values: np.ndarray  # (m, N)
    grad_norms: np.ndarray  # (m, N)
    lrs: np.ndarray  # (m, R)  scheduled η of the step that produced the sample
    effective_lrs: np.ndarray  # (m, N) mean per-coordinate step size; NaN once stopped


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
        self.f_max = box_factor * surface.largest_value
        self.starts = as_starts(starts)
        self.step = 0
        self.fused_kinds = FUSED
        self.members: list[Member] = []
        self.x = np.zeros((0, 2))
        self.mom, self.acc = np.zeros((0, 2)), np.zeros((0, 2))  # fused members' m and c
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

    def state(self, label: str):
        """Run ``label``'s optimizer state, a NamedTuple of its kind over ``(S, 2)``."""
        mem = self.member(label)
        if not mem.fused:
            return mem.state
        return _fused.state_of(mem.opt.kind, mem.count, self.mom[mem.rows], self.acc[mem.rows])

    def set_optimizer(self, label: str, opt: Optimizer) -> None:
        """Same kind: the state goes on. Another kind: a fresh state where the run is."""
        mem = self.member(label)
        if opt.kind == mem.opt.kind:
            mem.opt = opt
            return
        mem.restart(opt, self.x[mem.rows])
        self.mom[mem.rows] = self.acc[mem.rows] = 0.0

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
        self.members += [Member(k, o, self.starts, self.fused_kinds) for k, o in opts.items()]
        self._number_rows()
        self.x = np.concatenate([self.x, x])
        self.mom = np.concatenate([self.mom, np.zeros_like(x)])
        self.acc = np.concatenate([self.acc, np.zeros_like(x)])
        self.f, self.g = np.concatenate([self.f, f]), np.concatenate([self.g, g])
        self.diverged_at = np.concatenate([self.diverged_at, np.where(code >= 0, self.step, -1)])
        self.reasons = np.concatenate([self.reasons, np.where(code >= 0, _REASONS[code], "")])

    def remove(self, label: str) -> None:
        keep = np.ones(len(self.x), dtype=bool)
        keep[self.rows(label)] = False
        self.members.remove(self.member(label))
        self._number_rows()
        for name in ("x", "f", "g", "mom", "acc", "diverged_at", "reasons"):
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
            X, F, G = (stacked(a) for a in self._steps(m))
            self._stop_and_freeze(X, F, G, (x0, f0, g0))
            self.x, self.f, self.g = X[-1].copy(), F[-1].copy(), G[-1].copy()
            return self._block(X, F, G)

    def _steps(self, m: int) -> tuple[list, list, list]:
        """The stepping loop: the fused rows move together, every other run
        moves its own rows (``OneByOne``), then ONE surface call for all rows."""
        fused = [mem for mem in self.members if mem.fused]
        plain = OneByOne(self, [mem for mem in self.members if not mem.fused], fused)
        idx = plain.fused_rows
        kernel = _fused.FusedSteps([mem.coefs for mem in fused], [mem.count for mem in fused],
                                   self.S, m) if fused else None
        xf, mom, acc, gf = self.x[idx], self.mom[idx], self.acc[idx], self.g[idx]
        evaluate = self.surface.value_and_grad_step
        xs, fs, gs, accs = [], [], [], []
        for t in range(self.step + 1, self.step + m + 1):
            if kernel:
                xf, mom, acc = kernel.step(xf, gf, mom, acc)
                accs.append(acc)
            x = plain.step(xf) if plain.members else xf
            f, g = evaluate(x, t + 1)
            gf = plain.saw(g) if plain.members else g
            xs.append(x)
            fs.append(f)
            gs.append(g)
        self.step += m
        self.mom[idx], self.acc[idx] = mom, acc
        traces = plain.traces
        acc_trace = stacked(accs) if kernel and kernel.adaptive else None
        for j, mem in enumerate(fused):
            mem.count += m
            if mem.opt.kind in optimizers.ADAPTIVE:  # its rows among the fused rows
                traces[mem.label] = acc_trace[:, j * self.S:(j + 1) * self.S]
        for mem in self.members:
            mem.trace = traces.get(mem.label)
        return xs, fs, gs

    def _failed_test(self, X, F, G) -> np.ndarray:
        """Per sample ``(m, N)``: index into _REASONS of the first failed test, or -1.

        Coordinates are tested one at a time: ``.all(-1)`` over an axis of 2
        costs 20× more.
        """
        (x, y), (gx, gy) = (X[..., 0], X[..., 1]), (G[..., 0], G[..., 1])
        (x0, y0), (x1, y1) = self.lo, self.hi
        tests = (
            ~(np.isfinite(x) & np.isfinite(y)),
            ~((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)),
            ~np.isfinite(F),
            ~(np.isfinite(gx) & np.isfinite(gy)),
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
            counts = mem.steps_taken - np.arange(m - 1, -1, -1)
            lrs[:, r] = mem.opt.hyper_at("lr", counts) if "lr" in mem.opt.hyper else np.nan
            sl = mem.rows
            if mem.trace is not None:
                # A state stacked over the block's steps; only count and the
                # accumulator are read by effective_lr (Adam's m stays as is).
                state = self.state(mem.label)
                over_block = state._replace(count=counts, **{state._fields[-1]: mem.trace})
                eff[:, sl] = optimizers.effective_lr(mem.opt, over_block)
                mem.trace = None
            else:
                eff[:, sl] = lrs[:, r, None]
        eff[(self.diverged_at >= 0) & (steps[:, None] >= self.diverged_at)] = np.nan
        return Block(steps=steps, points=X, values=F, grad_norms=np.hypot(G[..., 0], G[..., 1]),
                     lrs=lrs, effective_lrs=eff)
