"""``*.optviz.json`` experiment files: versioned, validated, written atomically.

Loading checks every field and raises ``ExperimentFileError`` naming the
field (``runs[1].hyper.lr``) and what is wrong with it; nothing is
returned half-built, so a failed load changes nothing for the caller.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from optim_core import optimizers, schedules, surfaces
from optim_core.spec import (
    CLASSIFIER,
    COLORMAPS,
    ExperimentSpec,
    RunSpec,
    SliceSpec,
    SurfaceSpec,
    ViewSpec,
)

FORMAT = "optviz-experiment"
VERSION = 1
SUFFIX = ".optviz.json"
MAX_STEPS = 1_000_000
MAX_STARTS = 400
MAX_RUNS = 32
MAX_BYTES = 4_000_000  # an experiment is a few kB; refuse to parse anything absurd
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: The bundled teaching experiments (the Presets menu).
PRESET_DIR = Path(__file__).resolve().parents[1] / "resources" / "presets"


class ExperimentFileError(ValueError):
    """A file that is not a valid experiment; ``field`` says where."""

    def __init__(self, field: str, problem: str, source: str = ""):
        self.field, self.problem, self.source = field, problem, source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{field}: {problem}" if field else f"{where}{problem}")


def to_dict(spec: ExperimentSpec, folder: Path | None = None) -> dict[str, Any]:
    """The file's JSON object. A dataset path inside ``folder`` (where the file
    goes) is written relative to it, so a folder of experiment and data moves as one."""
    d = {"format": FORMAT, **asdict(spec)}
    dataset = Path(spec.surface.slice.dataset)
    if folder is not None and dataset.is_absolute() and dataset.is_relative_to(folder.resolve()):
        d["surface"]["slice"]["dataset"] = dataset.relative_to(folder.resolve()).as_posix()
    return d


def to_json(spec: ExperimentSpec, folder: Path | None = None) -> str:
    return json.dumps(to_dict(spec, folder), indent=2, allow_nan=False, ensure_ascii=False) + "\n"


def save(spec: ExperimentSpec, path: str | os.PathLike) -> None:
    """Write ``spec`` to ``path`` atomically: a temporary file in the same
    folder, flushed to disk, then renamed over the target. Raises ``OSError``
    with a message for the user when the folder cannot be written."""
    path = Path(path)
    text = to_json(spec, path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OSError(e.errno, f"cannot save {str(path)!r}: folder {str(path.parent)!r} "
                      f"cannot be written ({e.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    """The mode the saved file gets: the old file's, else 0666 less the umask
    (mkstemp's temporary file is private, 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def presets() -> list[Path]:
    """The bundled preset files, sorted by name."""
    return sorted(PRESET_DIR.glob(f"*{SUFFIX}"))


def load(path: str | os.PathLike) -> ExperimentSpec:
    """Read and validate an experiment file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ExperimentFileError("", f"is {path.stat().st_size:,} bytes; an experiment file "
                                      f"is at most {MAX_BYTES:,}", str(path))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExperimentFileError("", "no such file", str(path)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ExperimentFileError("", f"cannot be read ({e})", str(path)) from None
    spec = from_json(text, source=str(path))
    _check_dataset(spec, path)
    return spec


def from_json(text: str, source: str = "") -> ExperimentSpec:
    """Parse and validate; ``source`` (a file name) prefixes error messages."""
    if not text.strip():
        raise ExperimentFileError("", "the file is empty", source)
    try:
        data = json.loads(text)  # NaN/Infinity parse; the field check names them
    except json.JSONDecodeError as e:
        raise ExperimentFileError("", f"not valid JSON: {e.msg} at line {e.lineno}, "
                                  f"column {e.colno} (truncated or damaged?)", source) from None
    except ValueError as e:
        raise ExperimentFileError("", f"not valid JSON: {e}", source) from None
    except RecursionError:
        raise ExperimentFileError("", "not valid JSON: nested too deeply", source) from None
    try:
        return from_dict(data)
    except ExperimentFileError as e:
        raise ExperimentFileError(e.field, e.problem, source) from None


def from_dict(data: Any) -> ExperimentSpec:
    """Validate a parsed file; raises ``ExperimentFileError`` at the first bad field."""
    if not isinstance(data, dict):
        raise ExperimentFileError("", f"the file must hold a JSON object, got {_kind(data)}")
    d = dict(data)
    if d.get("format") != FORMAT:
        raise ExperimentFileError("format", f"expected {FORMAT!r}: not an optviz experiment")
    version = d.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ExperimentFileError("version", "missing or not an integer")
    if version != VERSION:
        raise ExperimentFileError(
            "version", f"version {version} is not supported (this optviz reads version {VERSION})")
    _known(d, {"format", "version", "title", "notes", "surface", "runs", "starts", "steps",
               "steps_per_frame", "view"}, "")
    runs = [_run(r, f"runs[{i}]") for i, r in enumerate(_list(d.get("runs", []), "runs"))]
    if len(runs) > MAX_RUNS:
        raise ExperimentFileError("runs", f"{len(runs)} runs; at most {MAX_RUNS}")
    if len({r.label for r in runs}) != len(runs):
        raise ExperimentFileError("runs", "run labels must be unique")
    return ExperimentSpec(
        version=version,
        title=_str(d.get("title", ""), "title"),
        notes=_str(d.get("notes", ""), "notes"),
        surface=_surface(d.get("surface"), "surface"),
        runs=runs,
        starts=_starts(d.get("starts"), "starts"),
        steps=_int(d.get("steps", 500), "steps", 1, MAX_STEPS),
        steps_per_frame=_int(d.get("steps_per_frame", 1), "steps_per_frame", 1, 10_000),
        view=_view(d.get("view", {}), "view"),
    )


def _surface(v: Any, where: str) -> SurfaceSpec:
    d = _obj(v, where)
    _known(d, {"name", "params", "slice", "resolution"}, where)
    name = _str(d.get("name"), f"{where}.name")
    valid = list(surfaces.names()) + [CLASSIFIER]
    if name not in valid:
        raise ExperimentFileError(f"{where}.name", f"unknown surface {name!r}; one of {valid}")
    params = _obj(d.get("params", {}), f"{where}.params")
    specs = {p.name: p for p in surfaces.params(name)} if name != CLASSIFIER else {}
    for k, value in params.items():
        if k not in specs:
            raise ExperimentFileError(f"{where}.params.{k}", f"{name} has no parameter {k!r}")
        params[k] = _float(value, f"{where}.params.{k}", specs[k].min, specs[k].max)
    return SurfaceSpec(name=name, params=params,
                       slice=_slice(d.get("slice", {}), f"{where}.slice"),
                       resolution=_int(d.get("resolution", 256), f"{where}.resolution", 16, 2048))


def _slice(v: Any, where: str) -> SliceSpec:
    d = _obj(v, where)
    _known(d, set(SliceSpec.__dataclass_fields__), where)
    default = SliceSpec()
    loss = _str(d.get("loss", default.loss), f"{where}.loss")
    if loss not in ("softmax", "svm"):
        raise ExperimentFileError(f"{where}.loss", f"{loss!r} is not 'softmax' or 'svm'")
    center = _str(d.get("center", default.center), f"{where}.center")
    if center not in ("init", "trained"):
        raise ExperimentFileError(f"{where}.center", f"{center!r} is not 'init' or 'trained'")
    normalize = d.get("normalize", default.normalize)
    if not isinstance(normalize, bool):
        raise ExperimentFileError(f"{where}.normalize", "must be true or false")
    return SliceSpec(
        dataset=_str(d.get("dataset", default.dataset), f"{where}.dataset"),
        loss=loss,
        reg=_float(d.get("reg", default.reg), f"{where}.reg", 0.0, 1e3),
        center=center,
        seed=_int(d.get("seed", default.seed), f"{where}.seed", 0, 2**31 - 1),
        normalize=normalize,
        extent=_float(d.get("extent", default.extent), f"{where}.extent", 1e-6, 1e6),
        batch_size=_int(d.get("batch_size", default.batch_size), f"{where}.batch_size", 0, 10**7),
    )


def _run(v: Any, where: str) -> RunSpec:
    d = _obj(v, where)
    _known(d, {"kind", "label", "color", "enabled", "hyper"}, where)
    kind = _str(d.get("kind"), f"{where}.kind")
    if kind not in optimizers.names():
        raise ExperimentFileError(f"{where}.kind",
                                  f"unknown optimizer {kind!r}; one of {list(optimizers.names())}")
    color = _str(d.get("color"), f"{where}.color")
    if not _COLOR.match(color):
        raise ExperimentFileError(f"{where}.color", f"{color!r} is not a colour like '#1f77b4'")
    enabled = d.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ExperimentFileError(f"{where}.enabled", "must be true or false")
    specs = {h.name: h for h in optimizers.hyper_specs(kind)}
    hyper: dict[str, Any] = {}
    for name, value in _obj(d.get("hyper", {}), f"{where}.hyper").items():
        if name not in specs:
            raise ExperimentFileError(f"{where}.hyper.{name}",
                                      f"{kind} has no hyper-parameter {name!r}")
        hyper[name] = _hyper(value, specs[name], f"{where}.hyper.{name}")
    return RunSpec(kind=kind, label=_str(d.get("label"), f"{where}.label"), color=color,
                   enabled=enabled, hyper=hyper)


def _hyper(value: Any, spec: Any, where: str) -> Any:
    """A hyper-parameter value by its ``HyperSpec.dtype``: bool, int, or a float
    in [min, max] — or, for floats, a schedule whose values stay in that range."""
    if spec.dtype == "bool":
        if not isinstance(value, bool):
            raise ExperimentFileError(where, f"must be true or false, got {_kind(value)}")
        return value
    if spec.dtype == "int":
        return _int(value, where, int(spec.min), int(spec.max))
    if isinstance(value, dict):
        return _schedule(value, spec, where)
    return _float(value, where, spec.min, spec.max)


def _schedule(d: dict, spec: Any, where: str) -> dict:
    for k, v in d.items():
        if k != "kind":
            _float(v, f"{where}.{k}", -1e12, 1e12)
    try:
        sched = schedules.from_dict(d)
    except (KeyError, TypeError, ValueError) as e:
        raise ExperimentFileError(where, f"not a valid schedule ({e})") from None
    for k in ("value", "start", "end"):
        if k in d:
            _float(d[k], f"{where}.{k}", spec.min, spec.max)
    return sched.to_dict()


def _starts(v: Any, where: str) -> list[list[float]]:
    items = _list(v, where)
    if not 1 <= len(items) <= MAX_STARTS:
        raise ExperimentFileError(where, f"needs 1 to {MAX_STARTS} start points, got {len(items)}")
    out = []
    for i, p in enumerate(items):
        p = _list(p, f"{where}[{i}]")
        if len(p) != 2:
            raise ExperimentFileError(f"{where}[{i}]", "a start point is [x, y]")
        out.append([_float(c, f"{where}[{i}]", -1e6, 1e6) for c in p])
    return out


def _view(v: Any, where: str) -> ViewSpec:
    d = _obj(v, where)
    _known(d, {"colormap", "log_color", "contours"}, where)
    log_color = d.get("log_color")
    if log_color is not None and not isinstance(log_color, bool):
        raise ExperimentFileError(f"{where}.log_color", "must be true, false or null")
    colormap = _str(d.get("colormap", "viridis"), f"{where}.colormap")
    if colormap not in COLORMAPS:
        raise ExperimentFileError(f"{where}.colormap",
                                  f"unknown colour map {colormap!r}; one of {list(COLORMAPS)}")
    return ViewSpec(colormap=colormap,
                    log_color=log_color,
                    contours=_int(d.get("contours", 12), f"{where}.contours", 0, 100))


def _check_dataset(spec: ExperimentSpec, path: Path) -> None:
    s = spec.surface
    if s.name != CLASSIFIER or s.slice.dataset == "digits":
        return
    data = Path(s.slice.dataset)
    if not data.is_absolute():
        data = path.parent / data
    if not data.exists():
        raise ExperimentFileError("surface.slice.dataset", f"dataset file {str(data)!r} not found",
                                  str(path))
    s.slice.dataset = str(data)


def _known(d: dict, allowed: set[str], where: str) -> None:
    for k in d:
        if k not in allowed:
            raise ExperimentFileError(f"{where}.{k}".lstrip("."), "unknown field")


def _obj(v: Any, where: str) -> dict:
    if not isinstance(v, dict):
        raise ExperimentFileError(where, f"expected an object, got {_kind(v)}")
    return dict(v)


def _list(v: Any, where: str) -> list:
    if not isinstance(v, list):
        raise ExperimentFileError(where, f"expected a list, got {_kind(v)}")
    return v


def _str(v: Any, where: str) -> str:
    if not isinstance(v, str):
        raise ExperimentFileError(where, f"expected text, got {_kind(v)}")
    return v


def _int(v: Any, where: str, lo: int, hi: int) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise ExperimentFileError(where, f"expected a whole number, got {_kind(v)}")
    if not lo <= v <= hi:
        raise ExperimentFileError(where, f"{v} is out of range [{lo}, {hi}]")
    return v


def _float(v: Any, where: str, lo: float, hi: float) -> float:
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        raise ExperimentFileError(where, f"expected a number, got {_kind(v)}")
    v = float(v)
    if not math.isfinite(v):
        raise ExperimentFileError(where, "must be a finite number")
    if not lo <= v <= hi:
        raise ExperimentFileError(where, f"{v:g} is out of range [{lo:g}, {hi:g}]")
    return v


def _kind(v: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            type(None): "null"}.get(type(v), type(v).__name__)
