"""ExperimentModel: the state every widget edits, checked against optim_core directly."""

import numpy as np
import pytest

from optim_core import runner, surfaces
from optim_core.experiment import spec as spec_mod


def record(signal):
    """A list that grows by one entry (the arguments) per emission of ``signal``."""
    seen = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def reference_run(model, index, steps, start=None):
    """Run ``index`` of ``model`` computed by optim_core alone: (steps+1, S, 2)."""
    run = model.spec.runs[index]
    surface = surfaces.get(model.spec.surface.name, **model.spec.surface.params)
    start = model.starts if start is None else start
    out = runner.run(surface, {"r": spec_mod.make_optimizer(run)}, start, steps)
    return out["r"].points


def test_default_race_matches_the_runner(model):
    model.advance(120)
    for tr in model.traces():
        np.testing.assert_allclose(tr.points[-1], reference_run(model, tr.index, 120)[-1])
    assert model.step == 120


def test_batch_announces_each_change_once(model):
    runs, starts = record(model.runs_changed), record(model.starts_changed)
    with model.batch():
        model.add_run("adam")
        model.add_run("sgd")
        model.set_start(0.5, 0.5)
        model.set_start(0.6, 0.6)
        assert runs == [] and starts == []
    assert len(runs) == 1 and len(starts) == 1
    assert model.starts.tolist() == [[0.6, 0.6]]


def test_changing_lr_mid_race_keeps_state_and_goes_on_from_the_current_point(model):
    model.advance(50)
    i = 1  # momentum: its velocity must survive the change
    here = model.traces()[i].head.copy()
    velocity = model.race.state(model.race_label(i)).v.copy()
    model.set_hyper(i, "lr", 2e-3)
    np.testing.assert_allclose(model.race.state(model.race_label(i)).v, velocity)
    model.advance(1)
    g = surfaces.get("rosenbrock").grad(here)
    expected = here + (0.9 * velocity - 2e-3 * g)  # v ← μv − ηg; x ← x + v
    np.testing.assert_allclose(model.traces()[i].head, expected, rtol=1e-12)


def test_invalid_hyper_changes_nothing(model):
    before = dict(model.spec.runs[0].hyper)
    with pytest.raises(ValueError):
        model.set_hyper(0, "lr", float("nan"))
    assert model.spec.runs[0].hyper == before


def test_drag_recomputes_every_trajectory_to_the_current_step(model):
    model.advance(80)
    changed = record(model.trajectories_changed)
    model.drag_start(-1.6, 2.1)
    model.drag_start(-1.5, 2.0)  # a burst of moves: one recompute, for the latest
    assert model.starts.tolist() == [[-1.5, 2.0]] and not changed
    model.finish_drag()
    assert len(changed) == 1 and model.step == 80
    for tr in model.traces():
        ref = reference_run(model, tr.index, 80, start=np.array([[-1.5, 2.0]]))
        np.testing.assert_allclose(tr.points[-1], ref[-1])


def test_a_long_drag_recompute_is_spread_over_event_loop_turns(qtbot, model, monkeypatch):
    """Late in a race a recompute outlasts a frame: it grows the trails turn by
    turn (every turn shows progress) instead of freezing the mouse, ignores the
    clock meanwhile, and ends exactly where a fresh race from the new start would."""
    monkeypatch.setattr("optim_core.experiment.state.race.DRAG_BUDGET_S", 0.0)  # one chunk per turn
    model.advance(300)
    steps = []
    model.trajectories_changed.connect(lambda: steps.append(model.race.step))
    model.drag_start(-1.5, 2.0)
    qtbot.waitUntil(lambda: bool(steps) and steps[-1] == 300, timeout=10_000)
    assert len(steps) > 2 and steps == sorted(steps) and steps[0] < 300
    model.advance(10)  # an animation tick mid-drag must not step the half-built race
    assert model.step == 300
    model.finish_drag()
    for tr in model.traces():
        ref = reference_run(model, tr.index, 300, start=np.array([[-1.5, 2.0]]))
        np.testing.assert_allclose(tr.points[-1], ref[-1])
    model.advance(10)
    assert model.step == 310


def test_finishing_a_drag_mid_recompute_completes_it(model, monkeypatch):
    monkeypatch.setattr("optim_core.experiment.state.race.DRAG_BUDGET_S", 0.0)
    model.advance(200)
    model.drag_start(-1.0, 1.0)
    model._on_drag_timer()  # one turn of the event loop: a partial race
    assert model.step < 200
    model.finish_drag()
    assert model.step == 200


def test_seed_grid_makes_n_by_n_starts_and_every_run_races_from_each(model):
    model.set_grid_n(3)
    model.seed_grid(-1.0, 0.0, 1.0, 2.0)
    assert model.starts.shape == (9, 2)
    assert sorted(set(model.starts[:, 0])) == [-1.0, 0.0, 1.0]
    model.advance(5)
    assert all(tr.points.shape == (6, 9, 2) for tr in model.traces())


def test_add_duplicate_remove_keep_spec_and_race_in_step(model):
    i = model.add_run("nesterov")
    j = model.duplicate_run(i)
    runs = model.spec.runs
    assert runs[j].kind == "nesterov" and runs[j].hyper == runs[i].hyper
    assert runs[j].label != runs[i].label and runs[j].color != runs[i].color
    assert len(set(model.race.labels)) == len(runs) == 6
    model.remove_run(0)
    assert [r.label for r in model.spec.runs][0] == "Momentum"
    assert len(model.race.labels) == 5


def test_disabled_runs_leave_the_race_and_rejoin_from_the_start(model):
    model.advance(10)
    model.set_run_enabled(0, False)
    assert len(model.traces()[0].points) == 0
    model.set_run_enabled(0, True)
    model.advance(3)
    tr = model.traces()[0]
    np.testing.assert_allclose(tr.points[0, 0], model.starts[0])
    assert list(tr.steps) == [10, 11, 12, 13]


def test_kind_change_keeps_lr_and_takes_new_defaults(model):
    model.set_run_kind(0, "adam")
    run = model.spec.runs[0]
    assert run.kind == "adam" and run.hyper["lr"] == 1e-3 and run.hyper["beta1"] == 0.9
    assert run.label == "Adam 2"  # the default label follows the kind, kept unique


def test_a_diverging_run_stops_with_a_reason_and_the_others_go_on(model):
    model.set_hyper(0, "lr", 1.0)  # SGD at η = 1 on Rosenbrock explodes at once
    model.advance(40)
    traces = model.traces()
    assert traces[0].diverged_at[0] >= 0 and traces[0].reasons[0]
    for tr in traces[1:]:
        assert tr.diverged_at[0] == -1
        assert tr.steps[-1] == 40


def test_animation_stops_at_max_steps(model, qtbot):
    model.set_max_steps(30)
    model.set_steps_per_frame(7)
    model.play()
    qtbot.waitUntil(lambda: not model.playing, timeout=5000)
    assert model.step == 30


def test_switching_surface_moves_the_start_to_its_story(model):
    model.advance(10)
    model.set_surface("ravine")
    assert model.step == 0
    np.testing.assert_allclose(model.starts[0], surfaces.get("ravine").default_start)
    assert model.grid.z.shape == (64, 64)


def test_surface_parameter_recomputes_to_the_current_step(qtbot, model):
    model.advance(25)
    model.set_surface_param("b", 10.0)
    qtbot.waitUntil(lambda: not model.rebuilding)  # at once, unless the machine is busy
    assert model.step == 25
    s = surfaces.get("rosenbrock", b=10.0)
    ref = runner.run(s, {"r": spec_mod.make_optimizer(model.spec.runs[3])}, model.starts, 25)
    np.testing.assert_allclose(model.traces()[3].head, ref["r"].points[-1])


def test_load_spec_replaces_everything(model):
    spec = spec_mod.default_experiment()
    spec.surface.name, spec.surface.resolution = "bowl", 32
    spec.runs = spec.runs[:2]
    spec.starts = [[1.0, 1.0]]
    replaced = record(model.spec_replaced)
    model.load_spec(spec)
    assert replaced and model.spec.surface.name == "bowl" and len(model.traces()) == 2
    assert model.starts.tolist() == [[1.0, 1.0]] and model.grid.z.shape == (32, 32)


def test_probe_gives_value_and_gradient_norm(model):
    f, gn = model.probe(0.0, 0.0)
    assert f == pytest.approx(1.0) and gn == pytest.approx(2.0)
