"""Validation of run ids and of a file's ``analysis`` section (the gradient
check's and the training's settings); see ``checks`` for the conventions."""

from __future__ import annotations

import re
from typing import Any

from optim_core.experiment.checks import (
    ExperimentFileError,
    check_bool,
    check_float,
    check_int,
    check_list,
    check_obj,
    check_str,
    known_fields,
)
from optim_core.experiment.spec import CHECK_POINTS, AnalysisSpec, GradcheckSpec, TrainingSpec

_RUN_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


def run_id(v: Any, where: str, empty_ok: bool = True) -> str:
    """A run id: 1 to 32 letters, digits, '_' or '-' ("" where none is given yet)."""
    v = check_str(v, where)
    if (v or not empty_ok) and not _RUN_ID.fullmatch(v):
        raise ExperimentFileError(where, f"{v!r} is not a run id (1 to 32 letters, digits, "
                                  "'_' or '-')")
    return v


def analysis_section(v: Any, where: str) -> AnalysisSpec:
    d = check_obj(v, where)
    known_fields(d, {"gradcheck", "training"}, where)
    return AnalysisSpec(gradcheck=gradcheck_section(d.get("gradcheck", {}), f"{where}.gradcheck"),
                        training=training_section(d.get("training", {}), f"{where}.training"))


def gradcheck_section(v: Any, where: str) -> GradcheckSpec:
    d, default = check_obj(v, where), GradcheckSpec()
    known_fields(d, set(GradcheckSpec.__dataclass_fields__), where)
    at = check_choice(d.get("at", default.at), f"{where}.at", CHECK_POINTS)
    part = check_choice(d.get("part", default.part), f"{where}.part", ("data", "reg", "total"))
    return GradcheckSpec(
        at=at, run=run_id(d.get("run", default.run), f"{where}.run"), part=part,
        h=check_float(d.get("h", default.h), f"{where}.h", 1e-12, 1e-1),
        centered=check_bool(d.get("centered", default.centered), f"{where}.centered"),
        samples=check_int(d.get("samples", default.samples), f"{where}.samples", 1, 200),
        seed=check_int(d.get("seed", default.seed), f"{where}.seed", 0, 10_000),
        planted_bug=check_bool(d.get("planted_bug", default.planted_bug),
                               f"{where}.planted_bug"))


def training_section(v: Any, where: str) -> TrainingSpec:
    d, default = check_obj(v, where), TrainingSpec()
    known_fields(d, set(TrainingSpec.__dataclass_fields__), where)
    runs = d.get("runs", default.runs)
    if runs is not None:
        runs = [run_id(r, f"{where}.runs[{i}]", empty_ok=False)
                for i, r in enumerate(check_list(runs, f"{where}.runs"))]
    return TrainingSpec(
        runs=runs,
        epochs=check_int(d.get("epochs", default.epochs), f"{where}.epochs", 1, 1000),
        batch_size=check_int(d.get("batch_size", default.batch_size), f"{where}.batch_size",
                             0, 100_000),
        seed=check_int(d.get("seed", default.seed), f"{where}.seed", 0, 1_000_000))


def check_choice(v: Any, where: str, choices: tuple[str, ...]) -> str:
    v = check_str(v, where)
    if v not in choices:
        raise ExperimentFileError(where, f"{v!r} is not one of {list(choices)}")
    return v
