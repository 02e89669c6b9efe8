"""An optimizer of one registered kind: ``init`` / ``step`` around the kind's rule.

``opt = get("adam", lr=1e-2)``; ``state = opt.init(params)``; ``params,
state = opt.step(params, grad, state, surface=None)`` never mutates its
inputs. ``params: (..., n)``: rows step independently (S start points at
once), the last axis is one point. Every float hyper-parameter may be a
schedule (``optim_core.schedules``), evaluated at the step t = count + 1.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from optim_core import schedules
from optim_core.optimizers.registry import Kind, kind_of


@dataclass(frozen=True, eq=False)
class State(Mapping):
    """An optimizer state: ``count`` steps taken (an int, or an array ``(..., 1)``
    over stacked rows or steps) and the kind's arrays, read as ``state["v"]``
    or ``state.v``."""

    count: Any
    arrays: Mapping[str, np.ndarray] = field(default_factory=dict)

    def __getitem__(self, name: str) -> np.ndarray:
        return self.arrays[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.arrays)

    def __len__(self) -> int:
        return len(self.arrays)

    def __getattr__(self, name: str) -> np.ndarray:
        if name in ("count", "arrays"):  # not yet set (copying, unpickling)
            raise AttributeError(name)
        try:
            return self.arrays[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Optimizer:
    """Kind ``kind`` with its checked ``hyper`` values (numbers or schedules)."""

    kind: str
    hyper: dict[str, Any]

    @property
    def info(self) -> Kind:
        """The kind's registration (rule, specs, texts, flags)."""
        return kind_of(self.kind)

    def hyper_at(self, name: str, t: int | np.ndarray) -> Any:
        """Hyper-parameter ``name`` at step ``t`` (1-based; an int array gives an array)."""
        value = self.hyper[name]
        return value(t) if isinstance(value, schedules.Schedule) else value

    def values_at(self, t: int | np.ndarray) -> dict[str, Any]:
        """Every hyper-parameter at step ``t``."""
        return {name: self.hyper_at(name, t) for name in self.hyper}

    def init(self, params) -> State:
        """The state before the first step for ``params: (..., n)``."""
        return State(0, self.info.new_state(np.asarray(params, dtype=float), self.hyper))

    def step(self, params, grad, state: State, surface=None) -> tuple[np.ndarray, State]:
        """One step of the kind's rule at t = state.count + 1."""
        kind = self.info
        if kind.needs_surface and surface is None:
            raise ValueError(f"{self.kind} needs the surface: call step(..., surface=s)")
        t = state.count + 1
        hyper = self.values_at(t)
        if kind.needs_surface:
            hyper["surface"] = surface
        x, arrays = kind.rule(np.asarray(params, dtype=float), np.asarray(grad, dtype=float),
                              state.arrays, t, **hyper)
        return x, State(t, arrays)

    def with_hyper(self, **changes: Any) -> Optimizer:
        """The same kind with some hyper-parameters changed; it can continue
        from this optimizer's state."""
        return get(self.kind, **{**self.hyper, **changes})

    def to_dict(self) -> dict[str, Any]:
        """``{"kind", "hyper"}`` with schedules as their dicts (JSON-friendly)."""
        hyper = {k: v.to_dict() if isinstance(v, schedules.Schedule) else v
                 for k, v in self.hyper.items()}
        return {"kind": self.kind, "hyper": hyper}


def get(kind: str, **hyper: Any) -> Optimizer:
    """Optimizer ``kind`` with ``hyper`` overriding its registered defaults.

    Raises ValueError (naming the hyper-parameter) for an unknown kind or
    hyper-parameter, a value of the wrong type, a number outside its range,
    or a schedule leaving the range within the steps a race can run.
    """
    info = kind_of(kind)
    specs = {s.name: s for s in info.hyper}
    unknown = set(hyper) - set(specs)
    if unknown:
        raise ValueError(f"{kind} has no hyper-parameter {', '.join(sorted(unknown))} "
                         f"(it has: {', '.join(specs) or 'none'})")
    values = {name: spec.check(hyper.get(name, spec.default), kind)
              for name, spec in specs.items()}
    return Optimizer(kind, values)


def from_dict(d: dict[str, Any]) -> Optimizer:
    """Inverse of ``Optimizer.to_dict``; raises ValueError naming what is wrong."""
    if not isinstance(d, dict) or "kind" not in d or not isinstance(d.get("hyper", {}), dict):
        raise ValueError(f"an optimizer must be a dict with 'kind' and 'hyper', got {d!r}")
    hyper = {k: schedules.from_dict(v) if isinstance(v, dict) else v
             for k, v in d.get("hyper", {}).items()}
    return get(d["kind"], **hyper)


def internals(opt: Optimizer, state: State, g, x=None, surface=None) -> dict[str, np.ndarray]:
    """What moves ``opt`` next: its kind's internals at the state (hyper-parameters
    at the next step, t = count + 1) and the gradient ``g`` the next step uses.

    Every kind with a learning rate gives at least "gradient_term" = −η·g.
    """
    info = opt.info
    hyper = opt.values_at(np.asarray(state.count) + 1)
    g = np.asarray(g, dtype=float)
    out = {"gradient_term": -hyper["lr"] * g} if "lr" in hyper else {}
    if info.internals is not None:
        out.update(info.internals(state, g, hyper, x=x, surface=surface))
    return out


def effective_lr(opt: Optimizer, state: State) -> np.ndarray | float:
    """Mean per-coordinate step size of the step that produced ``state``.

    Adaptive kinds: the mean over the last axis of their internals' "scale"
    (η/(√c + ε) for AdaGrad/RMSprop, η/(√v̂ + ε) for Adam), shape ``(...)``;
    others: η (NaN without one). ``state`` may be stacked over steps
    (``count (T, 1, ..., 1)``, arrays ``(T, ..., n)``) to get a whole curve.
    """
    if "lr" not in opt.hyper:
        return float("nan")
    hyper = opt.values_at(state.count)
    if not opt.info.adaptive:
        return hyper["lr"]
    some = next(iter(state.arrays.values()))
    scale = opt.info.internals(state, np.zeros_like(some), hyper)["scale"]
    return np.mean(scale, axis=-1)
