"""The experiment's Qt-free parts: events, stable run ids, the race following the
runs and the surface, titles, saving the analysis settings, restoring sections."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from optim_core import runner, surfaces
from optim_core.experiment import file as ef
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.state.events import Batcher, Event
from optim_core.experiment.state.experiment import Experiment

ROOT = Path(__file__).resolve().parents[2]
V1_FILE = Path(__file__).parent / "data" / "v1_experiment.optviz.json"
V1_FIELDS = {"format", "version", "title", "notes", "lesson", "surface", "runs", "starts",
             "steps", "steps_per_frame", "view"}

SCRIPT = """
import sys
from optim_core.experiment.state.experiment import Experiment
x = Experiment()
x.runs.add("adam", lr=0.05)
x.race.advance(20)
x.surface.set_name("classifier")
x.race.finish_rebuild()
assert x.surface.grid is not None and x.race.step == 0, x.race.step
gui = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print("gui modules:", gui)
sys.exit(1 if gui else 0)
"""


def record(event):
    seen = []
    event.connect(lambda *args: seen.append(args))
    return seen


def test_the_parts_run_a_whole_experiment_without_qt():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gui modules: []" in done.stdout


def test_a_batch_fires_each_event_once_with_its_latest_arguments():
    b = Batcher()
    a, now = Event("a", b), Event("now", b, batched=False)
    seen_a, seen_now = record(a), record(now)
    with b.batch():
        a.emit(1)
        a.emit(2)
        now.emit("x")
        assert seen_a == [] and seen_now == [("x",)]
    assert seen_a == [(2,)]


def test_a_run_keeps_its_id_through_edits_and_the_race_uses_it():
    x = Experiment()
    ids = x.runs.ids()
    assert ids == ["run1", "run2", "run3", "run4"] and x.race.race.labels == ids
    i = x.runs.add("nesterov")
    new = x.runs.specs[i].id
    x.runs.remove(0)
    x.runs.set_label(new, "Mine")
    x.runs.set_kind(new, "adam")
    assert x.runs.ids() == ["run2", "run3", "run4", new] and new == "run5"
    assert sorted(x.race.race.labels) == sorted(x.runs.ids())
    assert [t.run_id for t in x.race.traces()] == x.runs.ids()
    assert x.runs.get(new).label == "Mine" and x.race.race.optimizer(new).kind == "adam"


def test_an_edit_mid_race_swaps_the_optimizer_and_keeps_its_state():
    x = Experiment()
    x.race.advance(30)
    v = x.race.race.state("run2").v.copy()
    x.runs.set_hyper("run2", "lr", 2e-3)
    np.testing.assert_allclose(x.race.race.state("run2").v, v)
    assert x.race.race.optimizer("run2").hyper["lr"] == 2e-3
    x.runs.set_enabled("run3", False)
    assert "run3" not in x.race.race.labels


def test_the_race_is_set_in_one_place_and_matches_the_runner():
    x = Experiment()
    seen = record(x.race.trajectories_changed)
    x.race.set_starts([[-1.0, 1.5]])
    x.race.advance(50)
    assert len(seen) == 1
    ref = runner.run(surfaces.get("rosenbrock"), x.runs.optimizers(), x.race.starts, 50)
    for t in x.race.traces():
        np.testing.assert_allclose(t.head, ref[t.run_id].points[-1])


def test_a_new_surface_kind_makes_its_own_title_and_drops_the_old_notes():
    x = Experiment()
    x.set_meta(notes="watch momentum")
    x.surface.set_name("classifier")
    assert (x.title, x.notes) == ("Softmax slice race", "")
    x.surface.set_slice(loss="svm")
    assert x.title == "SVM slice race"
    x.set_meta(title="My own")
    x.surface.set_slice(loss="softmax")
    assert x.title == "My own"


def test_opening_announces_the_new_starts_and_races_from_them():
    x = Experiment()
    starts = record(x.race.starts_changed)
    spec = ef.load(ef.presets()[0])
    x.load(spec)
    assert starts and x.race.start_list == spec.starts
    np.testing.assert_allclose(x.race.race.starts, spec.starts)
    assert x.title == spec.title and x.notes == spec.notes


def test_restoring_changes_only_the_sections_that_differ():
    x = Experiment()
    before = x.snapshot()
    x.runs.set_hyper(0, "lr", 5e-3)
    surface_events = record(x.surface.changed)
    x.restore(before)
    assert x.runs.specs[0].hyper["lr"] == before.runs[0].hyper["lr"]
    assert surface_events == []  # undoing an η rebuilds no surface
    assert x.spec == before


def test_analysis_settings_are_checked_and_saved(tmp_path):
    x = Experiment()
    x.analysis.set_gradcheck(at="centre", part="reg", h=1e-4, planted_bug=True)
    x.analysis.set_training(runs=["run1", "run4"], epochs=3, batch_size=0)
    with pytest.raises(ValueError, match="h"):
        x.analysis.set_gradcheck(h=5.0)
    with pytest.raises(ValueError, match="no setting"):
        x.analysis.set_training(colour="red")
    path = tmp_path / "a.optviz.json"
    ef.save(x.spec, path)
    loaded = ef.load(path)
    assert loaded.analysis == x.analysis.spec and loaded.version == ef.VERSION
    assert [r.id for r in loaded.runs] == x.runs.ids()


@pytest.mark.parametrize("path", [*ef.presets(), V1_FILE], ids=lambda p: p.name)
def test_files_of_version_1_open_with_ids_in_order_and_default_analysis(path):
    """Version 1, and presets written as version 1 that only gained a W* since."""
    doc = json.loads(path.read_text())
    assert doc["version"] == 1 or set(doc) - V1_FIELDS == {"centre"}
    assert not any("id" in r for r in doc["runs"])
    spec = ef.load(path)
    assert [r.id for r in spec.runs] == [f"run{k}" for k in range(1, len(spec.runs) + 1)]
    assert spec.analysis == spec_mod.AnalysisSpec()
    assert ef.from_json(ef.to_json(spec)) == spec  # and they save as the current version
