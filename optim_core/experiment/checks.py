"""Field-by-field validation of a parsed experiment file.

Each ``section(value, where)`` checks one part of the JSON object and
returns it as spec data, or raises ``ExperimentFileError`` naming the field
(``where``, e.g. ``runs[1].hyper.lr``) and what is wrong with it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from optim_core import optimizers, schedules, surfaces
from optim_core.experiment import file_messages as m
from optim_core.experiment import typed_checks
from optim_core.experiment.spec import (
    BATCH_SIZE_MAX,
    CLASSIFIER,
    COLORMAPS,
    EXPRESSION,
    INTERNAL_PIECES,
    REG_MAX,
    InternalsSpec,
    RunSpec,
    SliceSpec,
    SurfaceSpec,
    ViewSpec,
)

MAX_STARTS = 400
#: Largest |coordinate| of a start point (files and the command line).
START_LIMIT = 1e6
MAX_RUNS = 32
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
#: Longest text fields: a path the system can open, a name a file can carry.
MAX_PATH_CHARS = 4096
MAX_NAME_BYTES = 255
MAX_TEXT_CHARS = 100_000


class ExperimentFileError(ValueError):
    """A file that is not a valid experiment; ``field`` says where."""

    def __init__(self, field: str, problem: str, source: str = ""):
        self.field, self.problem, self.source = field, problem, source
        message = m.LOCATED.format(where=field, problem=problem) if field else problem
        super().__init__(m.LOCATED.format(where=source, problem=message) if source else message)


def surface_section(v: Any, where: str) -> SurfaceSpec:
    d = check_obj(v, where)
    known_fields(d, {"name", "params", "slice", "resolution", "expression"}, where)
    name = check_str(d.get("name"), f"{where}.name")
    valid = list(surfaces.names()) + [CLASSIFIER, EXPRESSION]
    if name not in valid:
        raise ExperimentFileError(f"{where}.name", m.UNKNOWN_SURFACE.format(name=repr(name),
                                                                             names=valid))
    params = check_obj(d.get("params", {}), f"{where}.params")
    check_params = typed_checks.parameters if name == EXPRESSION else _named_params
    spec = SurfaceSpec(name=name, params=check_params(name, params, f"{where}.params"),
                       slice=_slice(d.get("slice", {}), f"{where}.slice"),
                       resolution=check_int(d.get("resolution", 256), f"{where}.resolution",
                                            16, 2048),
                       expression=typed_checks.expression(d.get("expression", {}),
                                                          f"{where}.expression"))
    if name == EXPRESSION:
        typed_checks.check_surface(spec, where)
    return spec


def _named_params(name: str, params: dict, where: str) -> dict[str, float]:
    """A built-in surface's parameters: known names, values in their ranges."""
    specs = {p.name: p for p in surfaces.params(name)} if name != CLASSIFIER else {}
    for k, value in params.items():
        if k not in specs:
            raise ExperimentFileError(f"{where}.{k}", m.NO_PARAMETER.format(surface=name,
                                                                             name=repr(k)))
        params[k] = check_float(value, f"{where}.{k}", specs[k].min, specs[k].max)
    return params


def _slice(v: Any, where: str) -> SliceSpec:
    d = check_obj(v, where)
    known_fields(d, set(SliceSpec.__dataclass_fields__), where)
    default = SliceSpec()
    loss = check_str(d.get("loss", default.loss), f"{where}.loss")
    if loss not in ("softmax", "svm"):
        raise ExperimentFileError(f"{where}.loss", m.LOSS.format(loss=repr(loss)))
    center = check_str(d.get("center", default.center), f"{where}.center")
    if center not in ("init", "trained"):
        raise ExperimentFileError(f"{where}.center", m.CENTER.format(center=repr(center)))
    normalize = d.get("normalize", default.normalize)
    if not isinstance(normalize, bool):
        raise ExperimentFileError(f"{where}.normalize", m.BOOL)
    return SliceSpec(
        dataset=check_path(d.get("dataset", default.dataset), f"{where}.dataset"),
        loss=loss,
        reg=check_float(d.get("reg", default.reg), f"{where}.reg", 0.0, REG_MAX),
        center=center,
        seed=check_int(d.get("seed", default.seed), f"{where}.seed", 0, 2**31 - 1),
        normalize=normalize,
        extent=check_float(d.get("extent", default.extent), f"{where}.extent", 1e-6, 1e6),
        batch_size=check_int(d.get("batch_size", default.batch_size), f"{where}.batch_size",
                             0, BATCH_SIZE_MAX),
    )


def run_section(v: Any, where: str) -> RunSpec:
    d = check_obj(v, where)
    known_fields(d, {"id", "kind", "label", "color", "enabled", "hyper", "internals"}, where)
    kind = check_str(d.get("kind"), f"{where}.kind")
    if kind not in optimizers.names():
        raise ExperimentFileError(f"{where}.kind", m.UNKNOWN_OPTIMIZER.format(
            kind=repr(kind), kinds=list(optimizers.names())))
    color = check_str(d.get("color"), f"{where}.color")
    if not _COLOR.fullmatch(color):
        raise ExperimentFileError(f"{where}.color", m.COLOUR.format(colour=repr(color)))
    enabled = check_bool(d.get("enabled", True), f"{where}.enabled")
    specs = {h.name: h for h in optimizers.hyper_specs(kind)}
    hyper: dict[str, Any] = {}
    for name, value in check_obj(d.get("hyper", {}), f"{where}.hyper").items():
        if name not in specs:
            raise ExperimentFileError(f"{where}.hyper.{name}",
                                      m.NO_HYPER.format(kind=kind, name=repr(name)))
        hyper[name] = _hyper(value, specs[name], f"{where}.hyper.{name}")
    return RunSpec(kind=kind, label=check_str(d.get("label"), f"{where}.label"), color=color,
                   enabled=enabled, hyper=hyper,
                   internals=check_bool(d.get("internals", True), f"{where}.internals"),
                   id=check_str(d.get("id", ""), f"{where}.id"))


def _hyper(value: Any, spec: Any, where: str) -> Any:
    """A hyper-parameter value by its ``HyperSpec.dtype``: bool, int, or a float
    in [min, max] — or, for floats, a schedule whose values stay in range
    (``HyperSpec.check``)."""
    if spec.dtype == "bool":
        if not isinstance(value, bool):
            raise ExperimentFileError(where, m.BOOL_GOT.format(kind=kind_of(value)))
        return value
    if spec.dtype == "int":
        return check_int(value, where, int(spec.min), int(spec.max))
    if isinstance(value, dict):
        return _schedule(value, spec, where)
    return check_float(value, where, spec.min, spec.max)


def _schedule(d: dict, spec: Any, where: str) -> dict:
    for k, v in d.items():
        if k != "kind":
            check_float(v, f"{where}.{k}", -1e12, 1e12)
    try:
        sched = schedules.from_dict(d)
    except (KeyError, TypeError, ValueError) as e:
        raise ExperimentFileError(where, m.SCHEDULE.format(reason=e)) from None
    for k in ("value", "start", "end"):
        if k in d:
            check_float(d[k], f"{where}.{k}", spec.min, spec.max)
    try:  # every value it takes within the steps a race can run
        spec.check(sched)
    except optimizers.HyperError as e:
        raise ExperimentFileError(where, e.problem) from None
    return sched.to_dict()


def starts_section(v: Any, where: str) -> list[list[float]]:
    items = check_list(v, where)
    if not 1 <= len(items) <= MAX_STARTS:
        raise ExperimentFileError(where, m.STARTS.format(limit=MAX_STARTS, count=len(items)))
    out = []
    for i, p in enumerate(items):
        p = check_list(p, f"{where}[{i}]")
        if len(p) != 2:
            raise ExperimentFileError(f"{where}[{i}]", m.START_PAIR)
        out.append([check_float(c, f"{where}[{i}]", -START_LIMIT, START_LIMIT) for c in p])
    return out


def view_section(v: Any, where: str) -> ViewSpec:
    d = check_obj(v, where)
    known_fields(d, {"colormap", "log_color", "contours", "internals"}, where)
    log_color = d.get("log_color")
    if log_color is not None and not isinstance(log_color, bool):
        raise ExperimentFileError(f"{where}.log_color", m.LOG_COLOR)
    colormap = check_str(d.get("colormap", "viridis"), f"{where}.colormap")
    if colormap not in COLORMAPS:
        raise ExperimentFileError(f"{where}.colormap", m.UNKNOWN_COLORMAP.format(
            name=repr(colormap), names=list(COLORMAPS)))
    return ViewSpec(colormap=colormap,
                    log_color=log_color,
                    contours=check_int(d.get("contours", 12), f"{where}.contours", 0, 100),
                    internals=internals_section(d.get("internals", {}), f"{where}.internals"))


def internals_section(v: Any, where: str) -> InternalsSpec:
    d = check_obj(v, where)
    known_fields(d, {"shown", "pieces"}, where)
    pieces = [check_str(p, f"{where}.pieces") for p in
              check_list(d.get("pieces", list(INTERNAL_PIECES)), f"{where}.pieces")]
    unknown = sorted(set(pieces) - set(INTERNAL_PIECES))
    if unknown:
        raise ExperimentFileError(f"{where}.pieces", m.UNKNOWN_PIECE.format(
            name=repr(unknown[0]), names=list(INTERNAL_PIECES)))
    return InternalsSpec(shown=check_bool(d.get("shown", False), f"{where}.shown"),
                         pieces=[p for p in INTERNAL_PIECES if p in pieces])


def check_bool(v: Any, where: str) -> bool:
    if not isinstance(v, bool):
        raise ExperimentFileError(where, m.BOOL)
    return v


def known_fields(d: dict, allowed: set[str], where: str) -> None:
    for k in d:
        if k not in allowed:
            raise ExperimentFileError(f"{where}.{k}".lstrip("."), m.UNKNOWN_FIELD)


def check_obj(v: Any, where: str) -> dict:
    if not isinstance(v, dict):
        raise ExperimentFileError(where, m.NOT_AN_OBJECT.format(kind=kind_of(v)))
    return dict(v)


def check_list(v: Any, where: str) -> list:
    if not isinstance(v, list):
        raise ExperimentFileError(where, m.NOT_A_LIST.format(kind=kind_of(v)))
    return v


def check_str(v: Any, where: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(v, str):
        raise ExperimentFileError(where, m.NOT_TEXT.format(kind=kind_of(v)))
    if len(v) > max_chars:
        raise ExperimentFileError(where, m.TOO_LONG.format(length=f"{len(v):,}",
                                                            limit=f"{max_chars:,}"))
    try:  # JSON's \ud800 escapes parse to text that no file can hold
        v.encode("utf-8")
    except UnicodeEncodeError:
        raise ExperimentFileError(where, m.SURROGATE) from None
    return v


def check_path(v: Any, where: str) -> str:
    """A file path: text no longer than the system can open, with no NUL and no
    part longer than a file name can be (the OS would say "File name too long")."""
    v = check_str(v, where, MAX_PATH_CHARS)
    if "\0" in v:
        raise ExperimentFileError(where, m.NUL)
    longest = max((len(part.encode("utf-8")) for part in re.split(r"[/\\]", v)), default=0)
    if longest > MAX_NAME_BYTES:
        raise ExperimentFileError(where, m.NAME_TOO_LONG.format(length=f"{longest:,}",
                                                                 limit=MAX_NAME_BYTES))
    return v


def check_int(v: Any, where: str, lo: int, hi: int) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise ExperimentFileError(where, m.NOT_WHOLE.format(kind=kind_of(v)))
    if not lo <= v <= hi:
        raise ExperimentFileError(where, m.OUT_OF_RANGE.format(value=_shown(v), lo=lo, hi=hi))
    return v


def check_float(v: Any, where: str, lo: float, hi: float) -> float:
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        raise ExperimentFileError(where, m.NOT_NUMBER.format(kind=kind_of(v)))
    try:
        v = float(v)
    except OverflowError:  # a whole number too long for a float (1 followed by 400 zeros)
        raise ExperimentFileError(where, m.OUT_OF_RANGE.format(
            value=_shown(v), lo=f"{lo:g}", hi=f"{hi:g}")) from None
    if not math.isfinite(v):
        raise ExperimentFileError(where, m.NOT_FINITE)
    if not lo <= v <= hi:
        raise ExperimentFileError(where, m.OUT_OF_RANGE.format(value=f"{v:g}", lo=f"{lo:g}",
                                                                hi=f"{hi:g}"))
    return v


def _shown(v: int) -> str:
    """A whole number for a message: in full below 10²⁰, else how long it is
    (str() of a huge int is slow, and refused past 4,300 digits)."""
    if abs(v) < 10**20:
        return str(v)
    return m.DIGITS.format(digits=int(v.bit_length() * math.log10(2)) + 1)


def kind_of(v: Any) -> str:
    return m.KINDS.get(type(v), type(v).__name__)
