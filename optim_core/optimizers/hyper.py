"""Hyper-parameter specs: default, range, scale and symbol, and the checks they make.

A registration's ``hyper={...}`` maps each name to a ``HyperSpec`` or to a
plain default. A plain default takes the spec of a common name (``lr``,
``mu``, ``beta1``, … in ``COMMON``) with that default; any other name gets
a generic spec from the default's type (bool, int, or a float in ±1e6).

Validity (``HyperSpec.check``): a number must lie in ``[min, max]``. A
schedule must stay in range over every step a race can run
(``MAX_STEPS``): in ``[min, max]`` for a linear-scale parameter, and in
``[0, max]`` for a log-scale one (η, ε, δ, λ may decay toward 0, which is
what schedules are for, but never grow past ``max`` or turn negative).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from optim_core import schedules

#: The most steps a race can run (experiment files allow no more); a schedule
#: must keep its hyper-parameter in range up to here.
MAX_STEPS = 1_000_000


# What a refused value hears (the GUI translates these templates where it shows them).
BOOL = "must be true or false, got {value}"
INTEGER = "must be an integer >= {low}, got {value}"
NUMBER = "must be a number or a schedule, got {value}"
FINITE = "must be finite, got {value}"
OUT_OF_RANGE = "{value} is out of range [{lo}, {hi}]"
SCHEDULE_RANGE = "the {kind} schedule reaches {value}, outside [{lo}, {hi}] within {steps} steps"
TEMPLATES = (BOOL, INTEGER, NUMBER, FINITE, OUT_OF_RANGE, SCHEDULE_RANGE)


class HyperError(ValueError):
    """A hyper-parameter value refused; ``name`` is the hyper-parameter."""

    def __init__(self, where: str, name: str, problem: str) -> None:
        self.name, self.problem = name, problem
        super().__init__(f"{where}.{name}: {problem}" if where else f"{name}: {problem}")


@dataclass(frozen=True)
class HyperSpec:
    """One hyper-parameter: ``dtype`` "float" (may take a schedule), "bool" or "int"."""

    default: Any
    min: float = -1e6
    max: float = 1e6
    log: bool = False
    symbol: str = ""
    label: str = ""
    dtype: str = "float"
    name: str = ""

    def named(self, name: str) -> HyperSpec:
        """This spec under ``name`` (symbol and label default to the name)."""
        return dataclasses.replace(self, name=name, symbol=self.symbol or name,
                                   label=self.label or name)

    def check(self, value: Any, where: str = "") -> Any:
        """``value`` as stored (bool, int, float or Schedule), or HyperError saying why."""
        if self.dtype == "bool":
            if not isinstance(value, (bool, np.bool_)):
                raise HyperError(where, self.name, BOOL.format(value=repr(value)))
            return bool(value)
        if self.dtype == "int":
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
                raise HyperError(where, self.name, INTEGER.format(low=f"{self.min:g}",
                                                                   value=repr(value)))
            return int(self._in_range(int(value), self.min, self.max, where))
        if isinstance(value, schedules.Schedule):
            self._schedule_in_range(value, where)
            return value
        if isinstance(value, (bool, np.bool_)) or not isinstance(
                value, (int, float, np.floating, np.integer)):
            raise HyperError(where, self.name, NUMBER.format(value=repr(value)))
        if not math.isfinite(value):
            raise HyperError(where, self.name, FINITE.format(value=repr(value)))
        return float(self._in_range(float(value), self.min, self.max, where))

    def _in_range(self, value: float, lo: float, hi: float, where: str) -> float:
        if not lo <= value <= hi:
            raise HyperError(where, self.name, OUT_OF_RANGE.format(value=f"{value:g}",
                                                                   lo=f"{lo:g}", hi=f"{hi:g}"))
        return value

    def _schedule_in_range(self, sched: schedules.Schedule, where: str) -> None:
        lo = 0.0 if self.log else self.min
        with np.errstate(all="ignore"):
            values = np.asarray(sched(sched.extreme_steps(MAX_STEPS)), dtype=float)
        bad = values[~((values >= lo) & (values <= self.max))]
        if bad.size:
            raise HyperError(where, self.name, SCHEDULE_RANGE.format(
                kind=sched.kind, value=f"{bad[0]:g}", lo=f"{lo:g}", hi=f"{self.max:g}",
                steps=f"{MAX_STEPS:,}"))


def _float(default, lo, hi, log, symbol, label) -> HyperSpec:
    return HyperSpec(default, lo, hi, log, symbol, label)


#: Specs of the common names; a plain default under one of these names takes it.
COMMON: dict[str, HyperSpec] = {
    "lr": _float(1e-2, 1e-6, 1e3, True, "η", "learning rate"),
    "eps": _float(1e-8, 1e-12, 1e-1, True, "ε", "epsilon"),
    "mu": _float(0.9, 0.0, 0.999, False, "μ", "momentum"),
    "beta": _float(0.9, 0.0, 0.999, False, "β", "averaging"),
    "beta1": _float(0.9, 0.0, 0.999, False, "β₁", "first-moment decay"),
    "beta2": _float(0.999, 0.0, 0.99999, False, "β₂", "second-moment decay"),
    "rho": _float(0.99, 0.0, 0.9999, False, "ρ", "decay rate"),
    "weight_decay": _float(1e-2, 1e-6, 1.0, True, "λ", "weight decay"),
    "damping": _float(1e-3, 1e-8, 1e2, True, "δ", "damping"),
    "bias_correction": HyperSpec(True, 0, 1, False, "", "bias correction", "bool"),
    "seed": HyperSpec(0, 0, 2**31 - 1, False, "", "random seed", "int"),
}


def spec_for(name: str, value: Any) -> HyperSpec:
    """The spec a registration gives for ``name``: ``value`` itself if it is a
    ``HyperSpec``, else the common spec of that name (or a generic one by the
    default's type) with ``value`` as its default."""
    if isinstance(value, HyperSpec):
        spec = value
    elif name in COMMON:
        spec = dataclasses.replace(COMMON[name], default=value)
    elif isinstance(value, bool):
        spec = HyperSpec(value, 0, 1, dtype="bool")
    elif isinstance(value, int):
        spec = HyperSpec(value, 0, 2**31 - 1, dtype="int")
    else:
        spec = HyperSpec(float(value))
    spec = spec.named(name)
    spec.check(spec.default, "default")
    return spec
