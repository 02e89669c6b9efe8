"""Optimizers as pure ``init`` / ``step`` pairs (optax style).

``opt = optimizers.get("adam", lr=1e-2)`` returns an ``Optimizer``;
``state = opt.init(params)``; ``params, state = opt.step(params, grad,
state, surface=None)`` never mutates its inputs and works elementwise, so
``params: (S, 2)`` steps S independent points at once (newton solves S
2×2 systems; the random searches draw per point). Every state is a
NamedTuple whose ``count`` is the number of steps taken (the step being
computed is ``t = count + 1``); its type depends only on the kind, so
``opt.with_hyper(lr=...)`` can take over the state of ``opt``.

Every hyper-parameter may be a float or a schedule (``optim_core.schedules``)
evaluated at ``t``. The update formulas are pinned in DESIGN.md and returned
by ``formula(kind)``; g is the gradient at the current point.

Hyper-parameters are type-checked here but not range-checked: the ranges
in ``hyper_specs`` are what a panel offers, and a negative learning rate
simply ascends.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from optim_core import _updates, schedules
from optim_core._optimizer_text import FORMULAS, SUMMARIES
from optim_core._updates import ADAPTIVE, AccumulatorState, AdamState, CountState, VelocityState

__all__ = [
    "ADAPTIVE", "AccumulatorState", "AdamState", "CountState", "HyperSpec", "Optimizer",
    "VelocityState", "effective_lr", "formula", "from_dict", "get", "hyper_specs", "names",
    "summary",
]


class HyperSpec(NamedTuple):
    """One hyper-parameter row of the optimizer panel."""

    name: str
    label: str
    symbol: str
    default: Any
    min: float
    max: float
    log: bool
    dtype: str = "float"  # "float" (may take a schedule), "bool" or "int"


_LR = HyperSpec("lr", "learning rate", "η", 1e-2, 1e-6, 1e3, True)
_EPS = HyperSpec("eps", "epsilon", "ε", 1e-8, 1e-12, 1e-1, True)
_MU = HyperSpec("mu", "momentum", "μ", 0.9, 0.0, 0.999, False)
_BETA1 = HyperSpec("beta1", "first-moment decay", "β₁", 0.9, 0.0, 0.999, False)
_BETA2 = HyperSpec("beta2", "second-moment decay", "β₂", 0.999, 0.0, 0.99999, False)
_BIAS = HyperSpec("bias_correction", "bias correction", "", True, 0, 1, False, "bool")
_SEED = HyperSpec("seed", "random seed", "", 0, 0, 2**31 - 1, False, "int")

_SPECS: dict[str, list[HyperSpec]] = {
    "sgd": [_LR],
    "momentum": [_LR, _MU],
    "momentum_ema": [_LR, HyperSpec("beta", "averaging", "β", 0.9, 0.0, 0.999, False)],
    "nesterov": [_LR, _MU],
    "adagrad": [_LR, _EPS],
    "rmsprop": [_LR, HyperSpec("rho", "decay rate", "ρ", 0.99, 0.0, 0.9999, False), _EPS],
    "adam": [_LR, _BETA1, _BETA2, _EPS, _BIAS],
    "adamw": [
        _LR, _BETA1, _BETA2, _EPS, _BIAS,
        HyperSpec("weight_decay", "weight decay", "λ", 1e-2, 1e-6, 1.0, True),
    ],
    "newton": [
        _LR._replace(default=1.0),
        HyperSpec("damping", "damping", "δ", 1e-3, 1e-8, 1e2, True),
    ],
    "random_search": [_SEED],
    "random_local_search": [_LR._replace(label="step size", symbol="σ", default=0.1), _SEED],
}


class Optimizer(NamedTuple):
    """An optimizer of one ``kind`` with its ``hyper`` parameters in the closure."""

    kind: str
    hyper: dict[str, Any]
    init: Callable[[np.ndarray], NamedTuple]
    step: Callable[..., tuple[np.ndarray, NamedTuple]]

    def hyper_at(self, name: str, t: int | np.ndarray) -> Any:
        """Hyper-parameter ``name`` at step ``t`` (1-based; an int array gives an array)."""
        value = self.hyper[name]
        return value(t) if isinstance(value, schedules.Schedule) else value

    def with_hyper(self, **changes: Any) -> Optimizer:
        """The same kind with some hyper-parameters changed; its state type is unchanged,
        so it can continue from this optimizer's state."""
        return get(self.kind, **{**self.hyper, **changes})

    def to_dict(self) -> dict[str, Any]:
        """``{"kind", "hyper"}`` with schedules as their dicts (JSON-friendly)."""
        hyper = {
            k: v.to_dict() if isinstance(v, schedules.Schedule) else v
            for k, v in self.hyper.items()
        }
        return {"kind": self.kind, "hyper": hyper}


def names() -> list[str]:
    """Optimizer kinds in the order of the course notes."""
    return list(_SPECS)


def hyper_specs(kind: str) -> list[HyperSpec]:
    """The hyper-parameters of ``kind`` with labels, symbols, defaults and ranges."""
    _check_kind(kind)
    return list(_SPECS[kind])


def formula(kind: str) -> str:
    """The update of ``kind`` in symbols, one assignment per line (DESIGN.md's convention)."""
    _check_kind(kind)
    return FORMULAS[kind]


def summary(kind: str) -> str:
    """One sentence in words on what ``kind`` does."""
    _check_kind(kind)
    return SUMMARIES[kind]


def get(kind: str, **hyper: Any) -> Optimizer:
    """Optimizer ``kind`` with ``hyper`` overriding the defaults of ``hyper_specs(kind)``.

    Raises ValueError for an unknown kind or hyper-parameter, or a value of
    the wrong type (floats must be finite numbers or schedules).
    """
    _check_kind(kind)
    specs = {s.name: s for s in _SPECS[kind]}
    unknown = set(hyper) - set(specs)
    if unknown:
        raise ValueError(
            f"{kind} has no hyper-parameter {', '.join(sorted(unknown))} "
            f"(it has: {', '.join(specs)})"
        )
    values = {name: _checked(kind, spec, hyper.get(name, spec.default))
              for name, spec in specs.items()}
    init, rule = _updates.RULES[kind]
    scheduled = {k: v for k, v in values.items() if isinstance(v, schedules.Schedule)}

    def step(params, grad, state, surface=None):
        t = state.count + 1
        h = {**values, **{k: v(t) for k, v in scheduled.items()}} if scheduled else values
        # Arrays pass as they are (the rules never write into them): this
        # runs 8 × 300 times per dragged start point.
        if type(params) is not np.ndarray:
            params = np.asarray(params, dtype=float)
        if type(grad) is not np.ndarray:
            grad = np.asarray(grad, dtype=float)
        return rule(h, t, params, grad, state, surface)

    return Optimizer(kind, values, lambda params: init(np.asarray(params, dtype=float)), step)


def from_dict(d: dict[str, Any]) -> Optimizer:
    """Inverse of ``Optimizer.to_dict``; raises ValueError naming what is wrong."""
    if not isinstance(d, dict) or "kind" not in d or not isinstance(d.get("hyper", {}), dict):
        raise ValueError(f"an optimizer must be a dict with 'kind' and 'hyper', got {d!r}")
    hyper = {
        k: schedules.from_dict(v) if isinstance(v, dict) else v
        for k, v in d.get("hyper", {}).items()
    }
    return get(d["kind"], **hyper)


def effective_lr(opt: Optimizer, state: NamedTuple) -> np.ndarray | float:
    """Mean per-coordinate step size of the step that produced ``state``.

    AdaGrad/RMSprop: mean of η/(√c + ε); Adam/AdamW: mean of η/(√v̂ + ε),
    shape ``params.shape[:-1]``. Other kinds: η (a float; NaN for
    random_search, which has no step size). ``state`` may be stacked over
    steps (``count (T,)``, arrays ``(T, ..., 2)``) to get a whole curve.
    """
    if "lr" not in opt.hyper:
        return float("nan")
    t = np.asarray(state.count)
    return _updates.effective_step(opt.kind, lambda name: opt.hyper_at(name, t), state)


def _checked(kind: str, spec: HyperSpec, value: Any) -> Any:
    where = f"{kind}.{spec.name}"
    if spec.dtype == "bool":
        if not isinstance(value, (bool, np.bool_)):
            raise ValueError(f"{where} must be true or false, got {value!r}")
        return bool(value)
    if spec.dtype == "int":
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"{where} must be an integer >= 0, got {value!r}")
        return int(value)
    if isinstance(value, schedules.Schedule):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise ValueError(f"{where} must be a number or a schedule, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{where} must be finite, got {value!r}")
    return float(value)


def _check_kind(kind: str) -> None:
    if kind not in _SPECS:
        raise ValueError(f"unknown optimizer {kind!r}; known: {', '.join(_SPECS)}")
