"""The optimizer registry: one ``Kind`` per optimizer, holding everything about it.

``register(name, rule, hyper=..., state=(...), ...)`` adds a kind; panels,
experiment files, training, the command line and the race engine all read
it from here. The rule contract::

    rule(x, g, state, t, *, **hyper) -> (x_new, new_state)

- ``x, g: (..., n)``: the leading axes are rows (independent points, e.g. the
  S start points of every run of the kind), the last axis a point's
  coordinates. Element-wise rules never look across rows.
- ``state``: a dict of arrays whose leading axes are x's rows; the names in
  ``state=(...)`` start as zeros shaped like x (``init(x, **hyper)`` may
  build others, e.g. L-BFGS's memory). The rule returns a NEW dict and never
  writes into x, g or the state's arrays.
- ``t``: the 1-based step, an int or an int array ``(..., 1)`` over the rows.
- ``hyper``: float hyper-parameters arrive as floats or as arrays ``(..., 1)``
  broadcasting over the rows; bool and int ones (structural: they shape the
  computation) always arrive as plain Python values.
- Kinds with ``needs_surface=True`` also receive ``surface=``.
- ``per_coordinate=True`` says the rule never looks across a point's
  coordinates either, so it also steps one coordinate given as floats
  (``x, g`` floats, the state a dict of floats): the engine does that for
  small races, where NumPy's fixed cost per operation outweighs the
  arithmetic (``race.float_lane``).

``internals(state, g, hyper, *, x=None, surface=None) -> {name: array}``
gives the vectors an internals view draws (only the keys that apply):
"gradient_term" −η·g, "velocity" (v, or Adam's m̂), "scale" (per-coordinate
effective step), "newton_step", "direction" (L-BFGS). ``state`` is an
``optimizers.State`` (its ``count`` the steps taken); ``hyper`` evaluated.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from optim_core.optimizers.hyper import HyperSpec, spec_for

Rule = Callable[..., tuple[np.ndarray, dict]]


@dataclass(frozen=True)
class Kind:
    """Everything about one optimizer kind; see the module docstring for the contracts."""

    name: str
    rule: Rule
    hyper: tuple[HyperSpec, ...]
    state: tuple[str, ...]
    label: str
    formula: str
    summary: str
    needs_surface: bool
    adaptive: bool
    trainable: bool
    untrainable_reason: str
    internals: Callable[..., dict[str, np.ndarray]] | None
    init: Callable[..., dict[str, np.ndarray]] | None
    per_coordinate: bool = False

    @cached_property
    def structural(self) -> tuple[str, ...]:
        """The bool and int hyper-parameters: runs differing in them step apart."""
        return tuple(h.name for h in self.hyper if h.dtype != "float")

    @cached_property
    def steps_each_run_alone(self) -> bool:
        """An int hyper-parameter (a seed) names a run's own random stream, so
        each run of the kind steps in a call of its own."""
        return any(h.dtype == "int" for h in self.hyper)

    def new_state(self, x: np.ndarray, hyper: Mapping[str, Any]) -> dict[str, np.ndarray]:
        """The state before the first step for points ``x: (..., n)``."""
        state = {name: np.zeros_like(x) for name in self.state}
        if self.init is not None:
            state.update(self.init(x, **{k: hyper[k] for k in self.structural}))
        return state


_KINDS: dict[str, Kind] = {}


def register(name: str, rule: Rule, *, hyper: Mapping[str, Any], state: tuple[str, ...] = (),
             label: str = "", formula: str, summary: str, needs_surface: bool = False,
             adaptive: bool = False, trainable: bool | str = True,
             internals: Callable[..., dict] | None = None,
             init: Callable[..., dict] | None = None,
             per_coordinate: bool = False) -> Kind:
    """Add optimizer ``name``; ``optimizers.get(name, ...)`` then builds it.

    ``hyper``: name -> default number or ``HyperSpec``. ``trainable``: True,
    or a str saying why the kind cannot train a classifier's full weights.
    ``adaptive``: it has a per-coordinate step size (its internals give
    "scale"). ``per_coordinate``: see the module docstring. Raises ValueError
    if ``name`` is taken.
    """
    if not name.isidentifier():
        raise ValueError(f"an optimizer name is an identifier, got {name!r}")
    if name in _KINDS:
        raise ValueError(f"optimizer {name!r} is already registered")
    specs = tuple(spec_for(k, v) for k, v in hyper.items())
    kind = Kind(name=name, rule=rule, hyper=specs, state=tuple(state), label=label or name,
                formula=formula, summary=summary, needs_surface=bool(needs_surface),
                adaptive=bool(adaptive), trainable=trainable is True,
                untrainable_reason="" if trainable is True else (
                    trainable or f"{name} cannot train in weight space"),
                internals=internals, init=init,
                per_coordinate=bool(per_coordinate) and not needs_surface and init is None)
    _KINDS[name] = kind
    return kind


def unregister(name: str) -> None:
    """Remove kind ``name`` (ValueError if unknown)."""
    kind_of(name)
    del _KINDS[name]


@contextlib.contextmanager
def registered(name: str, rule: Rule, **fields: Any) -> Iterator[Kind]:
    """``register`` for the duration of a ``with`` block (tests use it as a fixture)."""
    kind = register(name, rule, **fields)
    try:
        yield kind
    finally:
        _KINDS.pop(name, None)


def names() -> list[str]:
    """Every registered kind, built-ins first in the order of the course notes."""
    return list(_KINDS)


def kind_of(name: str) -> Kind:
    """The registration of ``name``; ValueError naming the known kinds if there is none."""
    try:
        return _KINDS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown optimizer {name!r}; known: {', '.join(_KINDS)}") from None
