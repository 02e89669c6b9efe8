"""The registry of toy surfaces: ``names()``, ``get(name, **params)``, ``params(name)``,
and typed ones: ``from_expression(text, bounds, params)``.

Every surface is an ``optim_core.surfaces.base.Surface`` with ``name``,
``title``, a one-line ``description``, ``bounds``, ``minima (M, 2)`` (global
first), a ``default_start (2,)`` that tells its story, an analytic gradient
and an analytic Hessian. User-tunable parameters are described by
``ParamSpec`` rows so a panel can build its controls from them.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["EXPRESSION", "ParamSpec", "from_expression", "get", "names", "params"]

from optim_core.surfaces.expression_surface import EXPRESSION, from_expression
from optim_core.surfaces.toys import Beale, Bowl, MonkeySaddle, Ravine, Rosenbrock, Saddle, Toy
from optim_core.surfaces.toys_multi import Himmelblau, Kinked, Rastrigin, TwoWells


class ParamSpec(NamedTuple):
    """A user-tunable surface parameter: a slider/spin-box row."""

    name: str
    label: str
    default: float
    min: float
    max: float
    log: bool


# Teaching order: easy → ill-conditioned → saddles → classic test functions → multimodal → kinks.
_TOYS: dict[str, type[Toy]] = {
    cls.name: cls
    for cls in (
        Bowl, Ravine, Saddle, MonkeySaddle, Rosenbrock, Beale,
        Himmelblau, Rastrigin, TwoWells, Kinked,
    )
}

_PARAMS: dict[str, list[ParamSpec]] = {
    "ravine": [ParamSpec("condition", "condition number κ", 50.0, 1.0, 1000.0, True)],
    "rosenbrock": [ParamSpec("b", "valley steepness b", 100.0, 1.0, 1000.0, True)],
    "rastrigin": [ParamSpec("amplitude", "ripple amplitude A", 10.0, 0.0, 20.0, False)],
    "two_wells": [ParamSpec("tilt", "tilt s (depth difference)", 0.5, 0.05, 1.5, False)],
}


def names() -> list[str]:
    """Toy surface names in teaching order."""
    return list(_TOYS)


def params(name: str) -> list[ParamSpec]:
    """The tunable parameters of surface ``name`` (empty when it has none)."""
    _check_name(name)
    return list(_PARAMS.get(name, []))


# What a refused surface hears (the GUI translates these templates where it shows them).
NO_PARAMETER = "surface {name} has no parameter {key} (parameters: {known})"
PARAMETER_RANGE = "surface {name}: {key} must be a number in [{lo}, {hi}], got {value}"
UNKNOWN = "unknown surface {name}; known: {names}"
TEMPLATES = (NO_PARAMETER, PARAMETER_RANGE, UNKNOWN)

def get(name: str, **values: float) -> Toy:
    """A new surface ``name`` with the given parameters (others at their defaults).

    Raises ValueError for an unknown name, an unknown parameter, or a value
    that is not a finite number inside the parameter's [min, max].
    """
    _check_name(name)
    specs = {p.name: p for p in params(name)}
    for key, value in values.items():
        if key not in specs:
            known = ", ".join(specs) or "none"
            raise ValueError(NO_PARAMETER.format(name=repr(name), key=repr(key), known=known))
        spec = specs[key]
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not spec.min <= value <= spec.max:
            raise ValueError(PARAMETER_RANGE.format(name=repr(name), key=repr(key),
                                                    lo=f"{spec.min:g}", hi=f"{spec.max:g}",
                                                    value=repr(value)))
    return _TOYS[name](**values)


def _check_name(name: str) -> None:
    if name not in _TOYS:
        raise ValueError(UNKNOWN.format(name=repr(name), names=", ".join(_TOYS)))
