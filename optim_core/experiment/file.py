"""``*.optviz.json`` experiment files: versioned, validated, written atomically.

Loading checks every field and raises ``ExperimentFileError`` naming the
field (``runs[1].hyper.lr``) and what is wrong with it; nothing is
returned half-built, so a failed load changes nothing for the caller.

Version 2 adds a stable ``id`` to every run and the ``analysis`` settings
(gradient check, training). Version 3 adds the ``centre`` section: the
trained W* of a classifier slice (``experiment.centre``), so opening the
file does not train it again. Older files still open: version 1 runs get the
ids ``run1``, ``run2``, … in order, the analysis settings their defaults, and
files before version 3 train W* as before.
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from optim_core import optimizers
from optim_core.bounded_read import FileRefused, read_bytes
from optim_core.experiment import file_messages as m
from optim_core.experiment.analysis_checks import analysis_section, run_id
from optim_core.experiment.centre import centre_section
from optim_core.experiment.checks import (
    MAX_RUNS,
    ExperimentFileError,
    check_int,
    check_list,
    check_str,
    kind_of,
    known_fields,
    run_section,
    starts_section,
    surface_section,
    view_section,
)
from optim_core.experiment.lesson import lesson_section
from optim_core.experiment.spec import CLASSIFIER, ExperimentSpec, assign_run_ids
from optim_core.temp_files import remove_stale, target_mode, temp_path, write_target

FORMAT = "optviz-experiment"
VERSION = 3
#: Versions this optviz opens (older ones are read as described in the docstring).
READABLE = (1, 2, 3)
SUFFIX = ".optviz.json"
MAX_STEPS = optimizers.MAX_STEPS  # schedules are checked over as many steps
MAX_STEPS_PER_FRAME = 10_000
MAX_BYTES = 4_000_000  # an experiment is a few kB; refuse to parse anything absurd
#: The bundled teaching experiments (the Presets menu).
PRESET_DIR = Path(__file__).resolve().parents[2] / "resources" / "presets"


def to_dict(spec: ExperimentSpec, folder: Path | None = None) -> dict[str, Any]:
    """The file's JSON object. A dataset path inside ``folder`` (where the file
    goes) is written relative to it, so a folder of experiment and data moves as one.
    Runs without an id get one, so whatever is saved opens again."""
    if not all(r.id for r in spec.runs):
        spec = spec.copy()
        assign_run_ids(spec.runs)
    d = {"format": FORMAT, **asdict(spec), "version": VERSION}
    if d["centre"] is None:
        del d["centre"]
    dataset = Path(spec.surface.slice.dataset)
    if folder is not None and dataset.is_absolute() and dataset.is_relative_to(folder.resolve()):
        d["surface"]["slice"]["dataset"] = dataset.relative_to(folder.resolve()).as_posix()
    return d


def to_json(spec: ExperimentSpec, folder: Path | None = None) -> str:
    return json.dumps(to_dict(spec, folder), indent=2, allow_nan=False, ensure_ascii=False) + "\n"


def save(spec: ExperimentSpec, path: str | os.PathLike) -> None:
    """Write ``spec`` to ``path`` atomically: a temporary file in the same
    folder, flushed to disk, then renamed over the target, which keeps its
    mode. A symbolic link is written through (its file is replaced, the link
    stays); temporaries a killed save left beside the target are removed.
    Raises ``OSError`` with a message for the user when it cannot be done."""
    path = Path(path)
    target = write_target(path)
    text = to_json(spec, path.parent)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, m.CANNOT_SAVE_FOLDER.format(path=repr(str(path))))
    remove_stale(target)
    tmp = temp_path(target, ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as e:
        raise OSError(e.errno, m.CANNOT_SAVE.format(path=repr(str(path)), reason=e.strerror,
                                                    folder=repr(str(target.parent)))) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, target_mode(target, _umask()))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def presets() -> list[Path]:
    """The bundled preset files, sorted by name."""
    return sorted(PRESET_DIR.glob(f"*{SUFFIX}"))


def load(path: str | os.PathLike) -> ExperimentSpec:
    """Read and validate an experiment file."""
    path = Path(path)
    try:
        raw = read_bytes(path, MAX_BYTES)  # only a regular file, at most MAX_BYTES
        text = raw.decode("utf-8-sig")  # Notepad and Excel write a BOM
    except FileRefused as e:
        raise ExperimentFileError("", str(e), str(path)) from None
    except UnicodeDecodeError as e:
        raise ExperimentFileError("", m.NOT_UTF8.format(byte=e.start),
                                  str(path)) from None
    spec = from_json(text, source=str(path))
    _check_dataset(spec, path)
    return spec


def from_json(text: str, source: str = "") -> ExperimentSpec:
    """Parse and validate; ``source`` (a file name) prefixes error messages."""
    if not text.strip():
        raise ExperimentFileError("", m.EMPTY, source)
    try:
        data = json.loads(text)  # NaN/Infinity parse; the field check names them
    except json.JSONDecodeError as e:
        raise ExperimentFileError("", m.BAD_JSON_AT.format(message=e.msg, line=e.lineno,
                                                           column=e.colno), source) from None
    except ValueError as e:
        raise ExperimentFileError("", m.BAD_JSON.format(message=e), source) from None
    except RecursionError:
        raise ExperimentFileError("", m.TOO_DEEP, source) from None
    try:
        return from_dict(data)
    except ExperimentFileError as e:
        raise ExperimentFileError(e.field, e.problem, source) from None


def from_dict(data: Any) -> ExperimentSpec:
    """Validate a parsed file; raises ``ExperimentFileError`` at the first bad field."""
    if not isinstance(data, dict):
        raise ExperimentFileError("", m.NOT_OBJECT.format(kind=kind_of(data)))
    d = dict(data)
    if d.get("format") != FORMAT:
        raise ExperimentFileError("format", m.NOT_OPTVIZ.format(format=repr(FORMAT)))
    version = d.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ExperimentFileError("version", m.NO_VERSION)
    if version not in READABLE:
        raise ExperimentFileError(
            "version", m.VERSION.format(version=version, versions=", ".join(map(str, READABLE))))
    fields = {"format", "version", "title", "notes", "lesson", "surface", "runs", "starts",
              "steps", "steps_per_frame", "view"}
    fields |= {"analysis"} if version >= 2 else set()
    known_fields(d, fields | {"centre"} if version >= 3 else fields, "")
    centre = d.get("centre")
    return ExperimentSpec(
        version=VERSION,
        title=check_str(d.get("title", ""), "title"),
        notes=check_str(d.get("notes", ""), "notes"),
        lesson=lesson_section(d.get("lesson", {}), "lesson"),
        surface=surface_section(d.get("surface"), "surface"),
        runs=_runs(d.get("runs", [])),
        starts=starts_section(d.get("starts"), "starts"),
        steps=check_int(d.get("steps", 500), "steps", 1, MAX_STEPS),
        steps_per_frame=check_int(d.get("steps_per_frame", 1), "steps_per_frame", 1,
                                  MAX_STEPS_PER_FRAME),
        view=view_section(d.get("view", {}), "view"),
        analysis=analysis_section(d.get("analysis", {}), "analysis"),
        centre=None if centre is None else centre_section(centre, "centre"),
    )


def _runs(items: Any) -> list:
    """The runs, each with its id (a run without one, as in every version-1
    file, gets the next free ``run<k>``)."""
    items = check_list(items, "runs")
    runs = [run_section(r, f"runs[{i}]") for i, r in enumerate(items)]
    for i, r in enumerate(runs):
        r.id = run_id(r.id, f"runs[{i}].id")
    if len(runs) > MAX_RUNS:
        raise ExperimentFileError("runs", m.TOO_MANY_RUNS.format(count=len(runs), limit=MAX_RUNS))
    if len({r.label for r in runs}) != len(runs):
        raise ExperimentFileError("runs", m.LABELS_UNIQUE)
    ids = [r.id for r in runs if r.id]
    if len(set(ids)) != len(ids):
        raise ExperimentFileError("runs", m.IDS_UNIQUE)
    assign_run_ids(runs)
    return runs


def _check_dataset(spec: ExperimentSpec, path: Path) -> None:
    s = spec.surface
    if s.name != CLASSIFIER or s.slice.dataset == "digits":
        return
    data = Path(s.slice.dataset)
    if not data.is_absolute():
        data = path.parent / data
    try:
        found = data.exists()
    except OSError as e:  # e.g. a path longer than the system takes
        raise ExperimentFileError("surface.slice.dataset", m.DATASET_UNREADABLE.format(
            reason=e.strerror), str(path)) from None
    if not found:
        raise ExperimentFileError("surface.slice.dataset",
                                  m.DATASET_MISSING.format(path=repr(str(data))), str(path))
    s.slice.dataset = str(data)


