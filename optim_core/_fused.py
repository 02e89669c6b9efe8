"""One elementwise update for every gradient-based kind, with per-row coefficients.

sgd, momentum, momentum_ema, nesterov, adagrad, rmsprop, adam and adamw are
all instances of (rows: ``(N, 2)``; every coefficient an ``(N, 2)`` array)::

    x′ = x + p3·m                     (nesterov: p3 = −μ, m the velocity before the step)
    m  ← a1·m + b1·g
    c  ← a2·c + (b2·g)·g
    x′ ← x′ + p1·m/(√c + e)           (no adaptive row in the block: x′ + p1·m)
    x′ ← x′ − d·x′                    (adamw's decoupled decay, after the Adam step)

========================  ======  =====  =====  =====  =======  ============  =====  ====
kind                      a1      b1     a2     b2     e        p1            p3     d
========================  ======  =====  =====  =====  =======  ============  =====  ====
sgd                       0       −η     0      0      1        1             0      0
momentum                  μ       −η     0      0      1        1             0      0
momentum_ema              β       1−β    0      0      1        −η            0      0
nesterov                  μ       −η     0      0      1        1+μ           −μ     0
adagrad                   0       −η     1      1      ε        1             0      0
rmsprop                   0       −η     ρ      1−ρ    ε        1             0      0
adam                      β₁      1−β₁   β₂     1−β₂   ε·r      −η·r/(1−β₁ᵗ)  0      0
adamw                     (adam)                                                      ηλ
========================  ======  =====  =====  =====  =======  ============  =====  ====

with r = √(1−β₂ᵗ) (Adam's bias correction folded as in ``_updates._adam_step``;
r = 1 and no 1−β₁ᵗ without it). Each product is formed in the same order as
the kind's own rule in ``_updates`` and the unused terms add exact zeros
(for sgd/adagrad/rmsprop ``m`` holds −ηg, for the velocity kinds c stays 0 so
√c + e = 1), so the points are bit-identical to stepping each optimizer
alone. ``c`` is built as (b2·g)·g, never b2·g², so a finite gradient whose
square overflows cannot turn a velocity row's 0·∞ into NaN. Rows are
independent: a diverged row's inf/NaN never reaches another row.

Hyper-parameters are evaluated for a whole block of steps at once (schedules
take int arrays); β₁ᵗ and β₂ᵗ are Python powers as in the rule (numpy's
vectorized ``power`` may differ in the last bit).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import numpy as np

from optim_core import schedules
from optim_core._updates import (
    ADAPTIVE,
    AccumulatorState,
    AdamState,
    CountState,
    VelocityState,
)
from optim_core.optimizers import Optimizer

A1, B1, A2, B2, E, P1, P3, D = range(8)
#: Coefficient rows per step are built this many row-steps at a time (bounded memory).
_CHUNK_ROW_STEPS = 1 << 15

# kind -> (state type, field held in m, field held in c)
_LAYOUT = {
    "sgd": (CountState, None, None),
    "momentum": (VelocityState, "v", None),
    "momentum_ema": (VelocityState, "v", None),
    "nesterov": (VelocityState, "v", None),
    "adagrad": (AccumulatorState, None, "c"),
    "rmsprop": (AccumulatorState, None, "c"),
    "adam": (AdamState, "m", "v"),
    "adamw": (AdamState, "m", "v"),
}
#: The kinds the fused kernel steps.
KINDS = frozenset(_LAYOUT)


def state_of(kind: str, count, m: np.ndarray, c: np.ndarray):
    """The kind's own NamedTuple state from the fused arrays ``m, c: (..., 2)`` (copies)."""
    cls, m_field, c_field = _LAYOUT[kind]
    fields = {m_field: np.array(m), c_field: np.array(c)}
    fields.pop(None, None)
    return cls(count, **fields)


def coefficients(opt: Optimizer, t0: int, n: int) -> np.ndarray:
    """``(8, n)``: a1, b1, a2, b2, e, p1, p3, d of ``opt`` at the steps t0 … t0+n−1."""
    t = np.arange(t0, t0 + n)
    out = np.zeros((8, n))
    out[E] = out[P1] = 1.0
    for row, value in _BY_KIND[opt.kind](lambda name: opt.hyper_at(name, t), t).items():
        out[row] = value
    return out


def _sgd(h, t):
    return {B1: -h("lr")}


def _momentum(h, t):
    return {A1: h("mu"), B1: -h("lr")}


def _momentum_ema(h, t):
    beta = h("beta")
    return {A1: beta, B1: 1.0 - beta, P1: -h("lr")}


def _nesterov(h, t):
    mu = h("mu")
    return {A1: mu, B1: -h("lr"), P1: 1.0 + mu, P3: -mu}


def _adagrad(h, t):
    return {B1: -h("lr"), A2: 1.0, B2: 1.0, E: h("eps")}


def _rmsprop(h, t):
    rho = h("rho")
    return {B1: -h("lr"), A2: rho, B2: 1.0 - rho, E: h("eps")}


def _adam(h, t):
    b1, b2, eps, k = h("beta1"), h("beta2"), h("eps"), 1.0
    if h("bias_correction"):
        root = np.sqrt(1.0 - _powers(b2, t))
        k, eps = root / (1.0 - _powers(b1, t)), eps * root
    return {A1: b1, B1: 1.0 - b1, A2: b2, B2: 1.0 - b2, E: eps, P1: -(h("lr") * k)}


def _adamw(h, t):
    return {**_adam(h, t), D: h("lr") * h("weight_decay")}


# kind -> (h(name) -> hyper-parameter at the steps t, t) -> {coefficient row: value(s)}
_BY_KIND = {"sgd": _sgd, "momentum": _momentum, "momentum_ema": _momentum_ema,
            "nesterov": _nesterov, "adagrad": _adagrad, "rmsprop": _rmsprop, "adam": _adam,
            "adamw": _adamw}


def _powers(base, t: np.ndarray) -> np.ndarray:
    """``base**t`` per step with Python floats, exactly as the rule computes it
    (numpy's vectorized ``power`` may differ in the last bit)."""
    bases = np.broadcast_to(base, t.shape).tolist()
    return np.array([b**k for b, k in zip(bases, t.tolist(), strict=True)])


class Coefficients:
    """The coefficients of one optimizer, computed once when no step changes them."""

    def __init__(self, opt: Optimizer) -> None:
        self.opt = opt
        varies = opt.hyper.get("bias_correction", False) or any(
            isinstance(v, schedules.Schedule) for v in opt.hyper.values())
        self._steady = None if varies else coefficients(opt, 1, 1)

    def at(self, t0: int, n: int) -> np.ndarray:
        """``(8, n)`` at the steps t0 … t0+n−1, or ``(8, 1)`` if they are all the same."""
        return coefficients(self.opt, t0, n) if self._steady is None else self._steady


class FusedSteps:
    """The fused rows of one block of ``m`` steps: the runs of ``coefs``, each on
    S consecutive rows, whose states count ``counts`` steps so far; ``step``
    takes the next step (call it at most ``m`` times)."""

    def __init__(self, coefs: Sequence[Coefficients], counts: Sequence[int], S: int, m: int
                 ) -> None:
        kinds = {c.opt.kind for c in coefs}
        self.adaptive = bool(kinds & ADAPTIVE)
        self.nesterov = "nesterov" in kinds
        self.decay = "adamw" in kinds
        self._coefs = _coefficient_steps(list(coefs), list(counts), S, m)

    def step(self, x: np.ndarray, g: np.ndarray, m: np.ndarray, c: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``x, g, m, c: (N, 2)`` -> new ``(x, m, c)``; never writes into its inputs."""
        a1, b1, a2, b2, e, p1, p3, d = next(self._coefs)
        x_new = x + p3 * m if self.nesterov else x
        m = a1 * m + b1 * g
        if self.adaptive:
            c = a2 * c + (b2 * g) * g
            x_new = x_new + p1 * (m / (np.sqrt(c) + e))
        else:  # every e is 1 and c stays 0: the division by 1 is exact, skip it
            x_new = x_new + p1 * m
        if self.decay:
            x_new = x_new - d * x_new
        return x_new, m, c


def _coefficient_steps(coefs: list[Coefficients], counts: list[int], S: int, m: int
                       ) -> Iterator[tuple[np.ndarray, ...]]:
    """Per step, the 8 coefficient arrays ``(N, 2)`` (N = len(coefs)·S).

    Built a chunk of steps at a time; a coefficient that is the same at every
    step of a chunk (most are) is one array repeated, the others are
    ``(steps, N, 2)`` tables read a step at a time (zip and repeat do the
    per-step work in C).
    """
    N = len(coefs) * S
    chunk = max(1, min(m, _CHUNK_ROW_STEPS // max(1, N)))

    def chunks():
        for k0 in range(0, m, chunk):
            n = min(chunk, m - k0)
            vals = np.empty((8, n, len(coefs)))
            for r, (c, t) in enumerate(zip(coefs, counts, strict=True)):
                vals[:, :, r] = c.at(t + 1 + k0, n)
            steady = (vals == vals[:, :1]).all(axis=(1, 2))
            yield zip(*(itertools.repeat(np.repeat(v[0], 2 * S).reshape(N, 2), n) if same
                        else np.repeat(v, 2 * S, axis=-1).reshape(n, N, 2)
                        for v, same in zip(vals, steady, strict=True)), strict=True)

    return itertools.chain.from_iterable(chunks())
