"""Validation of a typed surface's part of an experiment file.

``expression`` checks the ``surface.expression`` section, ``parameters`` a
typed surface's ``surface.params`` (any valid names, finite values), and
``check_surface`` reads the text with the typed-surface parser (bounded in
time, nothing executed), naming the field of the first problem.
"""

from __future__ import annotations

from typing import Any

from optim_core import surfaces
from optim_core.experiment import checks as c
from optim_core.experiment import file_messages as m
from optim_core.experiment.spec import ExpressionSpec, SurfaceSpec
from optim_core.surfaces.expression_parser import ExpressionError, check_parameter_name
from optim_core.surfaces.expression_surface import MAX_MAGNITUDE


def expression(v: Any, where: str) -> ExpressionSpec:
    """The ``expression`` section: ``text`` and ``bounds`` [[x0, x1], [y0, y1]]."""
    d = c.check_obj(v, where)
    c.known_fields(d, {"text", "bounds"}, where)
    default = ExpressionSpec()
    text = c.check_str(d.get("text", default.text), f"{where}.text")
    bounds = c.check_list(d.get("bounds", default.bounds), f"{where}.bounds")
    if len(bounds) != 2:
        raise c.ExperimentFileError(f"{where}.bounds", m.BOUNDS)
    rows = []
    for i, row in enumerate(bounds):
        row = c.check_list(row, f"{where}.bounds[{i}]")
        if len(row) != 2:
            raise c.ExperimentFileError(f"{where}.bounds[{i}]", m.BOUNDS_ROW)
        rows.append([c.check_float(b, f"{where}.bounds[{i}]", -MAX_MAGNITUDE, MAX_MAGNITUDE)
                     for b in row])
    return ExpressionSpec(text=text, bounds=rows)


def parameters(_name: str, params: dict, where: str) -> dict[str, float]:
    """A typed surface's parameters: any valid names, finite values."""
    for k, value in params.items():
        try:
            check_parameter_name(k)
        except ValueError as e:
            raise c.ExperimentFileError(f"{where}.{k}", str(e)) from None
        params[k] = c.check_float(value, f"{where}.{k}", -MAX_MAGNITUDE, MAX_MAGNITUDE)
    return params


def check_surface(spec: SurfaceSpec, where: str) -> None:
    """The text parses (in bounded time, nothing executed) and the bounds are a box."""
    e = spec.expression
    try:
        surfaces.from_expression(e.text, tuple(map(tuple, e.bounds)), spec.params)
    except ExpressionError as err:
        raise c.ExperimentFileError(f"{where}.expression.text", str(err)) from None
    except ValueError as err:
        field = "bounds" if str(err).startswith("bounds") else "text"
        raise c.ExperimentFileError(f"{where}.expression.{field}", str(err)) from None
