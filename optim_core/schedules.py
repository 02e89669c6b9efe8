"""Schedules: a hyper-parameter as a function of the step.

A schedule is a small frozen dataclass called as ``sched(t)`` with ``t`` the
1-based step (an int, or an int array for a whole curve at once). Every
formula uses ``n = t − 1``, the number of steps already taken, so each
schedule gives exactly its base value at step 1 (η₁ = η₀):

=============  ==========================================  ======================
kind           value at step t (n = t − 1)                  fields
=============  ==========================================  ======================
constant       η₀                                            value
step           η₀ · γ^⌊n / k⌋                                value, gamma, every
exponential    η₀ · e^(−k n)                                 value, k
inverse_time   η₀ / (1 + k n)                                value, k
cosine         f + (η₀ − f) · ½(1 + cos(π · min(n, T) / T))  value, total, floor
warmup         s + (e − s) · min(n, N) / N                   start, end, steps
=============  ==========================================  ======================

``warmup`` is the linear ramp used for momentum warm-up (μ: 0.5 → 0.99).
``to_dict`` / ``from_dict`` round-trip a schedule through JSON-friendly dicts.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

import numpy as np

# What a refused schedule hears (the GUI translates these templates where it shows them).
NOT_FINITE = "schedule field {field} must be a finite number, got {value}"
NOT_POSITIVE = "schedule field {field} must be an integer >= 1, got {value}"
NEGATIVE_K = "inverse_time needs k >= 0, got {value}"
UNKNOWN_KIND = "unknown schedule kind {kind}; known: {kinds}"
NO_FIELD = "schedule {kind} has no field(s) {unknown}; fields: {known}"
MISSING_FIELD = "schedule {kind}: {reason}"
TEMPLATES = (NOT_FINITE, NOT_POSITIVE, NEGATIVE_K, UNKNOWN_KIND, NO_FIELD, MISSING_FIELD)

def _finite(**values: float) -> None:
    for name, v in values.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise ValueError(NOT_FINITE.format(field=repr(name), value=repr(v)))


def _positive_int(**values: int) -> None:
    for name, v in values.items():
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ValueError(NOT_POSITIVE.format(field=repr(name), value=repr(v)))


class Schedule:
    """Base of every schedule: ``sched(t)`` -> float, or an array for an array ``t``."""

    kind: ClassVar[str] = ""

    def __call__(self, t: int | np.ndarray) -> float | np.ndarray:
        n = np.asarray(t) - 1
        if np.any(n < 0):
            raise ValueError(f"schedule steps are 1-based, got t={t!r}")
        out = self._at(n.astype(float))
        return float(out) if np.ndim(out) == 0 else out

    def _at(self, n: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def extreme_steps(self, t_max: int) -> np.ndarray:
        """Steps in 1 … t_max where the schedule takes its least and greatest
        values: the ends, as every schedule is monotone in t (``Step`` adds
        the neighbours of the ends, for a negative γ that alternates)."""
        return np.array([1, t_max])

    def to_dict(self) -> dict[str, Any]:
        """``{"kind": ..., <fields>}``, JSON-friendly."""
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True)
class Constant(Schedule):
    value: float
    kind: ClassVar[str] = "constant"

    def __post_init__(self) -> None:
        _finite(value=self.value)

    def _at(self, n: np.ndarray) -> np.ndarray:
        return np.full(n.shape, float(self.value))


@dataclass(frozen=True)
class Step(Schedule):
    value: float
    gamma: float = 0.5
    every: int = 100
    kind: ClassVar[str] = "step"

    def __post_init__(self) -> None:
        _finite(value=self.value, gamma=self.gamma)
        _positive_int(every=self.every)

    def _at(self, n: np.ndarray) -> np.ndarray:
        return self.value * self.gamma ** np.floor(n / self.every)

    def extreme_steps(self, t_max: int) -> np.ndarray:
        return np.clip([1, 1 + self.every, t_max - self.every, t_max], 1, t_max)


@dataclass(frozen=True)
class Exponential(Schedule):
    value: float
    k: float = 1e-2
    kind: ClassVar[str] = "exponential"

    def __post_init__(self) -> None:
        _finite(value=self.value, k=self.k)

    def _at(self, n: np.ndarray) -> np.ndarray:
        return self.value * np.exp(-self.k * n)


@dataclass(frozen=True)
class InverseTime(Schedule):
    value: float
    k: float = 1e-2
    kind: ClassVar[str] = "inverse_time"

    def __post_init__(self) -> None:
        _finite(value=self.value, k=self.k)
        if self.k < 0:
            raise ValueError(NEGATIVE_K.format(value=repr(self.k)))

    def _at(self, n: np.ndarray) -> np.ndarray:
        return self.value / (1.0 + self.k * n)


@dataclass(frozen=True)
class Cosine(Schedule):
    value: float
    total: int = 1000
    floor: float = 0.0
    kind: ClassVar[str] = "cosine"

    def __post_init__(self) -> None:
        _finite(value=self.value, floor=self.floor)
        _positive_int(total=self.total)

    def _at(self, n: np.ndarray) -> np.ndarray:
        frac = np.minimum(n, self.total) / self.total
        return self.floor + (self.value - self.floor) * 0.5 * (1.0 + np.cos(np.pi * frac))


@dataclass(frozen=True)
class Warmup(Schedule):
    start: float = 0.5
    end: float = 0.99
    steps: int = 100
    kind: ClassVar[str] = "warmup"

    def __post_init__(self) -> None:
        _finite(start=self.start, end=self.end)
        _positive_int(steps=self.steps)

    def _at(self, n: np.ndarray) -> np.ndarray:
        """start + (end − start)·min(n, T)/T, kept between its ends (rounding could
        step past them: from 0.0489 to 0 it reached −7e-18)."""
        ramp = self.start + (self.end - self.start) * np.minimum(n, self.steps) / self.steps
        return np.clip(ramp, min(self.start, self.end), max(self.start, self.end))


_KINDS: dict[str, type[Schedule]] = {
    cls.kind: cls for cls in (Constant, Step, Exponential, InverseTime, Cosine, Warmup)
}


def names() -> list[str]:
    """Every schedule kind, simplest first."""
    return list(_KINDS)


def get(kind: str, **fields_: Any) -> Schedule:
    """Build a schedule by kind, e.g. ``get("exponential", value=0.1, k=1e-3)``."""
    if kind not in _KINDS:
        raise ValueError(UNKNOWN_KIND.format(kind=repr(kind), kinds=", ".join(_KINDS)))
    cls = _KINDS[kind]
    known = {f.name for f in fields(cls)}
    unknown = set(fields_) - known
    if unknown:
        raise ValueError(NO_FIELD.format(kind=repr(kind), unknown=", ".join(sorted(unknown)),
                                         known=", ".join(sorted(known))))
    try:
        return cls(**fields_)
    except TypeError as exc:  # a required field is missing
        raise ValueError(MISSING_FIELD.format(kind=repr(kind), reason=exc)) from None


def from_dict(d: dict[str, Any]) -> Schedule:
    """Inverse of ``Schedule.to_dict``; raises ValueError naming what is wrong."""
    if not isinstance(d, dict) or "kind" not in d:
        raise ValueError(f"a schedule must be a dict with a 'kind', got {d!r}")
    rest = {k: v for k, v in d.items() if k != "kind"}
    return get(d["kind"], **rest)
