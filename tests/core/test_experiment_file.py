"""``*.optviz.json`` files: every field round-trips, every kind of bad file is
refused with a message naming the field, saving is atomic."""

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optim_core import optimizers, schedules, surfaces
from optim_core.experiment import file as ef
from optim_core.experiment.spec import (
    BATCH_SIZE_MAX,
    CHECK_POINTS,
    CLASSIFIER,
    COLORMAPS,
    AnalysisSpec,
    ExperimentSpec,
    GradcheckSpec,
    RunSpec,
    SliceSpec,
    SurfaceSpec,
    TrainingSpec,
    ViewSpec,
    default_experiment,
)

RUN_IDS = st.from_regex(r"[A-Za-z0-9_-]{1,32}", fullmatch=True)


def finite(lo, hi):
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


def schedule_for(spec):
    v = finite(spec.min, spec.max)
    pos = st.integers(1, 10_000)
    rate = finite(0.0, 10.0)
    per_kind = {
        "constant": st.fixed_dictionaries({"value": v}),
        "step": st.fixed_dictionaries({"value": v, "gamma": finite(0.0, 1.0), "every": pos}),
        "exponential": st.fixed_dictionaries({"value": v, "k": rate}),
        "inverse_time": st.fixed_dictionaries({"value": v, "k": rate}),
        "cosine": st.fixed_dictionaries({"value": v, "total": pos, "floor": finite(0, spec.max)}),
        "warmup": st.fixed_dictionaries({"start": v, "end": v, "steps": pos}),
    }
    assert set(per_kind) == set(schedules.names())
    return st.sampled_from(sorted(per_kind)).flatmap(
        lambda kind: per_kind[kind].map(lambda f: schedules.get(kind, **f).to_dict()))


def hyper_value(spec):
    if spec.dtype == "bool":
        return st.booleans()
    if spec.dtype == "int":
        return st.integers(int(spec.min), int(spec.max))
    return st.one_of(finite(spec.min, spec.max), schedule_for(spec))


@st.composite
def runs(draw):
    kind = draw(st.sampled_from(optimizers.names()))
    specs = optimizers.hyper_specs(kind)
    chosen = draw(st.lists(st.sampled_from(specs), unique_by=lambda h: h.name))
    hyper = {h.name: draw(hyper_value(h)) for h in chosen}
    color = f"#{draw(st.integers(0, 0xFFFFFF)):06x}"
    return RunSpec(kind=kind, label=draw(st.text(min_size=1, max_size=20)), color=color,
                   enabled=draw(st.booleans()), hyper=hyper, id=draw(RUN_IDS))


@st.composite
def analysis_specs(draw):
    check = GradcheckSpec(at=draw(st.sampled_from(CHECK_POINTS)), run=draw(st.just("") | RUN_IDS),
                          part=draw(st.sampled_from(["data", "reg", "total"])),
                          h=draw(finite(1e-12, 1e-1)), centered=draw(st.booleans()),
                          samples=draw(st.integers(1, 200)), seed=draw(st.integers(0, 10_000)),
                          planted_bug=draw(st.booleans()))
    training = TrainingSpec(runs=draw(st.none() | st.lists(RUN_IDS, max_size=4)),
                            epochs=draw(st.integers(1, 1000)),
                            batch_size=draw(st.integers(0, 100_000)),
                            seed=draw(st.integers(0, 1_000_000)))
    return AnalysisSpec(check, training)


@st.composite
def surface_specs(draw):
    name = draw(st.sampled_from([*surfaces.names(), CLASSIFIER]))
    params = {}
    if name != CLASSIFIER:
        for p in draw(st.lists(st.sampled_from(surfaces.params(name) or [None]), max_size=2)):
            if p is not None:
                params[p.name] = draw(finite(p.min, p.max))
    sl = SliceSpec(loss=draw(st.sampled_from(["softmax", "svm"])), reg=draw(finite(0, 1e3)),
                   center=draw(st.sampled_from(["init", "trained"])),
                   seed=draw(st.integers(0, 2**31 - 1)), normalize=draw(st.booleans()),
                   extent=draw(finite(1e-6, 1e6)), batch_size=draw(st.integers(0, BATCH_SIZE_MAX)))
    return SurfaceSpec(name=name, params=params, slice=sl, resolution=draw(st.integers(16, 2048)))


@st.composite
def experiments(draw):
    point = st.lists(finite(-1e6, 1e6), min_size=2, max_size=2)
    return ExperimentSpec(
        title=draw(st.text(max_size=40)),
        notes=draw(st.text(max_size=80)),
        surface=draw(surface_specs()),
        runs=draw(st.lists(runs(), max_size=5, unique_by=(lambda r: r.label, lambda r: r.id))),
        starts=draw(st.lists(point, min_size=1, max_size=6)),
        steps=draw(st.integers(1, ef.MAX_STEPS)),
        steps_per_frame=draw(st.integers(1, 10_000)),
        view=ViewSpec(colormap=draw(st.sampled_from(COLORMAPS)),
                      log_color=draw(st.sampled_from([None, True, False])),
                      contours=draw(st.integers(0, 100))),
        analysis=draw(analysis_specs()),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=experiments())
def test_save_then_load_round_trips_every_field(tmp_path_factory, spec):
    path = tmp_path_factory.mktemp("rt") / "exp.optviz.json"
    ef.save(spec, path)
    loaded = ef.load(path)
    assert loaded == spec
    assert ef.to_json(loaded) == path.read_text(encoding="utf-8")  # types too: 7 is not 7.0
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left


def test_loaded_runs_build_their_optimizers():
    """What a file holds is what the optimizer factory takes (bools, ints, schedules)."""
    spec = default_experiment()
    spec.runs[0].hyper["lr"] = schedules.get("step", value=0.01, gamma=0.5, every=10).to_dict()
    spec.runs.append(RunSpec("adam", "A", "#123456", hyper={"bias_correction": False}))
    spec.runs.append(RunSpec("random_search", "R", "#654321", hyper={"seed": 7}))
    from optim_core.experiment.spec import make_optimizer

    for run in ef.from_json(ef.to_json(spec)).runs:
        make_optimizer(run)


def valid() -> dict:
    spec = default_experiment()
    spec.runs.append(RunSpec("adam", "Adam2", "#123456", hyper={"lr": 0.1}))
    return json.loads(ef.to_json(spec))


def edit(path, value):
    def apply(d):
        *keys, last = path
        for k in keys:
            d = d[k]
        if value is DELETE:
            del d[last]
        else:
            d[last] = value
    return apply


DELETE = object()

BAD = [  # (change, the field the message must name, words it must contain)
    (edit(["version"], 4), "version", "not supported"),
    (edit(["version"], DELETE), "version", "missing"),
    (edit(["format"], "something-else"), "format", "not an optviz experiment"),
    (edit(["surface", "name"], "mexican_hat"), "surface.name", "unknown surface"),
    (edit(["runs", 1, "kind"], "adamax"), "runs[1].kind", "unknown optimizer"),
    (edit(["steps"], "100"), "steps", "whole number"),
    (edit(["steps"], 2.5), "steps", "whole number"),
    (edit(["runs", 0, "hyper", "lr"], "fast"), "runs[0].hyper.lr", "number"),
    (edit(["runs", 4, "hyper", "bias_correction"], 1), "runs[4].hyper.bias_correction",
     "true or false"),
    (edit(["runs", 0, "enabled"], "yes"), "runs[0].enabled", "true or false"),
    (edit(["starts", 0], [1.0, "a"]), "starts[0]", "number"),
    (edit(["starts", 0], [1.0]), "starts[0]", "[x, y]"),
    (edit(["surface", "slice", "normalize"], 1), "surface.slice.normalize", "true or false"),
    (edit(["view", "colormap"], "jet"), "view.colormap", "unknown colour map"),
    (edit(["runs", 0, "color"], "orange"), "runs[0].color", "colour"),
    (edit(["runs", 0, "speed"], 3), "runs[0].speed", "unknown field"),
    (edit(["runs", 0, "hyper", "beta9"], 0.3), "runs[0].hyper.beta9", "no hyper-parameter"),
    (edit(["surface", "params"], {"condition": 10.0}), "surface.params.condition",
     "no parameter"),
    (edit(["runs", 1, "label"], "SGD"), "runs", "unique"),
    (edit(["steps"], 0), "steps", "out of range"),
    (edit(["runs", 0, "hyper", "lr"], 1e9), "runs[0].hyper.lr", "out of range"),
    (edit(["view", "contours"], 1000), "view.contours", "out of range"),
    (edit(["surface", "resolution"], 4), "surface.resolution", "out of range"),
    (edit(["surface", "slice", "extent"], -1.0), "surface.slice.extent", "out of range"),
    (edit(["starts"], []), "starts", "start points"),
    (edit(["runs", 0, "hyper", "lr"], {"kind": "bogus"}), "runs[0].hyper.lr", "schedule"),
    (edit(["runs", 0, "hyper", "lr"], {"kind": "step", "value": 1e6}), "runs[0].hyper.lr.value",
     "out of range"),
    (edit(["runs", 0, "hyper", "lr"], {"kind": "step", "value": 0.1, "every": 0}),
     "runs[0].hyper.lr", "every"),
    (edit(["surface"], [1, 2]), "surface", "object"),
]


@pytest.mark.parametrize("change,field,words", BAD, ids=[f"{b[1]}-{b[2]}" for b in BAD])
def test_bad_field_is_refused_naming_it(tmp_path, change, field, words):
    d = valid()
    d["surface"]["params"] = {}
    d["runs"].append({"kind": "adam", "label": "A4", "color": "#abcdef",
                      "hyper": {"bias_correction": True}})
    change(d)
    path = tmp_path / "bad.optviz.json"
    path.write_text(json.dumps(d))
    with pytest.raises(ef.ExperimentFileError) as info:
        ef.load(path)
    assert info.value.field == field
    assert words in info.value.problem
    assert str(path) in str(info.value) and field in str(info.value)


@pytest.mark.parametrize("literal,field", [
    ('"lr": NaN', "runs[0].hyper.lr"), ('"lr": Infinity', "runs[0].hyper.lr"),
    ('"lr": -Infinity', "runs[0].hyper.lr"), ('"lr": 1e999', "runs[0].hyper.lr")])
def test_nan_and_infinity_are_refused_naming_the_field(literal, field):
    text = ef.to_json(default_experiment()).replace('"lr": 0.001', literal, 1)
    assert literal in text
    with pytest.raises(ef.ExperimentFileError, match="finite") as info:
        ef.from_json(text)
    assert info.value.field == field


@pytest.mark.parametrize("content,words", [
    ("", "empty"), ("   \n", "empty"), ("[1, 2, 3]", "JSON object, got a list"),
    ('"just text"', "JSON object, got text"), ("null", "JSON object, got null"),
])
def test_files_that_are_not_experiments(tmp_path, content, words):
    path = tmp_path / "x.optviz.json"
    path.write_text(content)
    with pytest.raises(ef.ExperimentFileError, match=words):
        ef.load(path)


def test_truncated_file_says_where_it_stops(tmp_path):
    text = ef.to_json(default_experiment())
    path = tmp_path / "cut.optviz.json"
    path.write_text(text[: len(text) // 2])
    with pytest.raises(ef.ExperimentFileError, match=r"not valid JSON.*line \d+.*truncated"):
        ef.load(path)


def test_unreadable_files(tmp_path):
    with pytest.raises(ef.ExperimentFileError, match="no such file"):
        ef.load(tmp_path / "missing.optviz.json")
    binary = tmp_path / "b.optviz.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ef.ExperimentFileError, match="cannot be read"):
        ef.load(binary)
    huge = tmp_path / "h.optviz.json"
    huge.write_bytes(b" " * (ef.MAX_BYTES + 1))
    with pytest.raises(ef.ExperimentFileError, match="at most"):
        ef.load(huge)


def classifier_spec(dataset: str) -> ExperimentSpec:
    spec = default_experiment()
    spec.surface = SurfaceSpec(name=CLASSIFIER, slice=SliceSpec(dataset=dataset))
    return spec


def test_missing_dataset_file_is_named(tmp_path):
    path = tmp_path / "exp.optviz.json"
    ef.save(classifier_spec(str(tmp_path / "gone.npz")), path)
    with pytest.raises(ef.ExperimentFileError, match="gone.npz.*not found") as info:
        ef.load(path)
    assert info.value.field == "surface.slice.dataset"


def test_dataset_beside_the_file_is_saved_relative_and_loads_absolute(tmp_path):
    data = tmp_path / "data" / "mine.npz"
    data.parent.mkdir()
    data.write_bytes(b"placeholder: only its existence is checked on load")
    path = tmp_path / "exp.optviz.json"
    ef.save(classifier_spec(str(data)), path)
    assert json.loads(path.read_text())["surface"]["slice"]["dataset"] == "data/mine.npz"
    moved = tmp_path / "moved"
    os.rename(tmp_path / "data", tmp_path / "keep")
    moved.mkdir()
    os.rename(tmp_path / "keep", moved / "data")
    os.rename(path, moved / path.name)
    assert ef.load(moved / path.name).surface.slice.dataset == str(moved / "data" / "mine.npz")


def test_failed_save_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "exp.optviz.json"
    ef.save(default_experiment(), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ef.os, "replace", broken_replace)
    changed = default_experiment()
    changed.title = "changed"
    with pytest.raises(OSError, match="No space"):
        ef.save(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_save_into_a_non_folder_says_so(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(OSError, match="cannot be written"):
        ef.save(default_experiment(), blocker / "exp.optviz.json")


def test_saved_file_is_readable_like_any_other_and_keeps_a_chosen_mode(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "exp.optviz.json"
    ef.save(default_experiment(), path)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    os.chmod(path, 0o640)
    ef.save(default_experiment(), path)
    assert path.stat().st_mode & 0o777 == 0o640
