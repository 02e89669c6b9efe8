"""Validation of run ids and of a file's ``analysis`` section (the gradient
check's and the training's settings); see ``checks`` for the conventions."""

from __future__ import annotations

import re
from typing import Any

from optim_core.analysis.lr_sweep import CRITERIA
from optim_core.experiment import file_messages as m
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
from optim_core.experiment.many_starts import (
    ALL_RUNS,
    MAX_GRID,
    MAX_RATES,
    MAX_STEPS,
    ManyStartsSpec,
    SearchSpec,
)
from optim_core.experiment.spec import CHECK_POINTS, AnalysisSpec, GradcheckSpec, TrainingSpec
from optim_core.render.basin_colors import MODES

_RUN_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


def run_id(v: Any, where: str, empty_ok: bool = True) -> str:
    """A run id: 1 to 32 letters, digits, '_' or '-' ("" where none is given yet)."""
    v = check_str(v, where)
    if (v or not empty_ok) and not _RUN_ID.fullmatch(v):
        raise ExperimentFileError(where, m.RUN_ID.format(value=repr(v)))
    return v


def analysis_section(v: Any, where: str) -> AnalysisSpec:
    d = check_obj(v, where)
    known_fields(d, {"gradcheck", "training", "many_starts", "search"}, where)
    return AnalysisSpec(gradcheck=gradcheck_section(d.get("gradcheck", {}), f"{where}.gradcheck"),
                        training=training_section(d.get("training", {}), f"{where}.training"),
                        many_starts=many_starts_section(d.get("many_starts", {}),
                                                        f"{where}.many_starts"),
                        search=search_section(d.get("search", {}), f"{where}.search"))


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
        raise ExperimentFileError(where, m.CHOICE.format(value=repr(v), choices=list(choices)))
    return v


def many_starts_section(v: Any, where: str) -> ManyStartsSpec:
    """A file's ``many_starts`` section as a spec; ValueError naming the first bad field."""
    d, default = check_obj(v, where), ManyStartsSpec()
    known_fields(d, set(ManyStartsSpec.__dataclass_fields__), where)
    get = lambda name: d.get(name, getattr(default, name))  # noqa: E731
    run = get("run")
    spec = ManyStartsSpec(
        run=run if run == ALL_RUNS else run_id(run, f"{where}.run", empty_ok=False),
        mode=check_choice(get("mode"), f"{where}.mode", MODES),
        n=check_int(get("n"), f"{where}.n", 2, MAX_GRID),
        steps=check_int(get("steps"), f"{where}.steps", 1, MAX_STEPS),
        tol=check_float(get("tol"), f"{where}.tol", 1e-12, 1e3),
        shown=check_bool(get("shown"), f"{where}.shown"),
        lr_low=check_float(get("lr_low"), f"{where}.lr_low", 1e-8, 1e3),
        lr_high=check_float(get("lr_high"), f"{where}.lr_high", 1e-8, 1e3),
        rates=check_int(get("rates"), f"{where}.rates", 2, MAX_RATES),
        criterion=check_choice(get("criterion"), f"{where}.criterion", CRITERIA),
        tuned={run_id(k, f"{where}.tuned", empty_ok=False):
               check_float(v, f"{where}.tuned.{k}", 1e-12, 1e6)
               for k, v in check_obj(get("tuned"), f"{where}.tuned").items()})
    if not spec.lr_low < spec.lr_high:
        raise ExperimentFileError(f"{where}.lr_low", m.LR_ORDER)
    return spec


def search_section(v: Any, where: str) -> SearchSpec:
    """A file's ``search`` section as a spec; ValueError naming the first bad field."""
    d, default = check_obj(v, where), SearchSpec()
    known_fields(d, set(SearchSpec.__dataclass_fields__), where)
    return SearchSpec(budget=check_int(d.get("budget", default.budget), f"{where}.budget", 1, 100),
                      seed=check_int(d.get("seed", default.seed), f"{where}.seed", 0, 2**31 - 1))
