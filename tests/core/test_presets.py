"""Every bundled preset loads, runs, and shows the lesson its notes promise."""

import numpy as np
import pytest

from optim_core import runner
from optim_core.experiment import file as ef
from optim_core.experiment.spec import make_optimizer, make_surface, starts_array

PRESETS = {p.name.removesuffix(ef.SUFFIX): p for p in ef.presets()}


def race(name: str, steps: int | None = None):
    spec = ef.load(PRESETS[name])
    surface = make_surface(spec.surface)
    opts = {r.label: make_optimizer(r) for r in spec.runs if r.enabled}
    return spec, surface, runner.run(surface, opts, starts_array(spec), steps or spec.steps)


def test_the_promised_presets_are_bundled():
    assert {"ravine_sgd_vs_momentum", "two_wells_momentum_escapes", "rosenbrock_adam_vs_rmsprop",
            "saddle_escape", "softmax_slice_minibatch", "svm_slice_minibatch",
            "nesterov_vs_momentum", "adagrad_vs_rmsprop", "step_decay_settles_sgd",
            "momentum_warmup", "lr_too_large", "softmax_slice_basin"} <= set(PRESETS)


#: Runs whose lesson is that they blow up: (preset, run label).
MEANT_TO_DIVERGE = {("ravine_momentum_stable_range", "SGD η=0.03"), ("lr_too_large", "SGD η=0.042")}


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_preset_loads_and_runs_50_steps_without_divergence(name):
    spec, _, runs = race(name, 50)
    assert spec.title and spec.notes and len(spec.runs) >= 2
    for label, run in runs.items():
        if (name, label) in MEANT_TO_DIVERGE:
            continue
        assert (run.diverged_at == -1).all(), (label, run.reasons)
        assert np.isfinite(run.values).all()


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_explains_what_to_look_at_what_to_try_and_why(name):
    lesson = ef.load(PRESETS[name]).lesson
    for part in (lesson.look, lesson.try_next, lesson.why):
        assert len(part.split()) >= 12, (name, part)


def test_ravine_momentum_arrives_long_before_sgd():
    spec, surface, runs = race("ravine_sgd_vs_momentum")
    sgd, mom = (runs[r.label] for r in spec.runs)
    first_below = [int(np.argmax(r.values[:, 0] < 1e-3)) for r in (sgd, mom)]
    assert 0 < first_below[1] * 2.5 < first_below[0]
    zigzag = np.sign(np.diff(sgd.points[:20, 0, 1]))
    assert (zigzag[1:] != zigzag[:-1]).all()  # SGD flips across the valley every step


def test_two_wells_momentum_escapes_and_sgd_stays():
    spec, surface, runs = race("two_wells_momentum_escapes")
    shallow, deep = surface.minima[1], surface.minima[0]
    assert surface.value(deep) < surface.value(shallow)
    sgd, mom = (runs[r.label].points[-1, 0] for r in spec.runs)
    assert np.linalg.norm(sgd - shallow) < 0.05
    assert np.linalg.norm(mom - deep) < 0.05


def test_rosenbrock_adam_reaches_the_minimum_and_rmsprop_rattles_short():
    spec, surface, runs = race("rosenbrock_adam_vs_rmsprop")
    rms, adam = (runs[r.label] for r in spec.runs)
    assert np.linalg.norm(adam.points[-1, 0] - [1, 1]) < 1e-2
    assert np.linalg.norm(rms.points[-1, 0] - [1, 1]) > 0.1
    assert spec.runs[0].hyper["lr"] == spec.runs[1].hyper["lr"]


def test_saddle_sgd_stalls_while_momentum_and_adam_escape():
    spec, surface, runs = race("saddle_escape")
    sgd, mom, adam = (runs[r.label].points[-1, 0] for r in spec.runs)
    assert np.linalg.norm(sgd) < 0.3  # still sitting near the saddle point (0, 0)
    assert abs(mom[1]) > 2 and abs(adam[1]) > 2  # left the picture downhill along y
    for run in runs.values():
        assert (run.diverged_at == -1).all()


@pytest.mark.parametrize("name", ["softmax_slice_minibatch", "svm_slice_minibatch"])
def test_minibatch_sgd_jitters_about_the_minimum_more_at_the_larger_rate(name):
    spec, surface, runs = race(name)
    assert spec.surface.slice.batch_size > 0 and spec.surface.slice.center == "trained"
    big, small = (runs[r.label] for r in spec.runs)
    assert spec.runs[0].hyper["lr"] > spec.runs[1].hyper["lr"]
    centre = np.zeros(2)  # W* sits at the centre of the plane
    for run in (big, small):
        assert surface.value(run.points[-1, 0]) < surface.value(starts_array(spec)[0])
        assert np.linalg.norm(run.points[-1, 0] - centre) < 0.3 * spec.surface.slice.extent
    tail = slice(-100, None)
    jitter = [np.linalg.norm(np.diff(r.points[tail, 0], axis=0), axis=-1).mean()
              for r in (big, small)]
    assert jitter[0] > 2 * jitter[1]
    full = runner.run(surface.plane,
                      {"sgd": make_optimizer(spec.runs[1])}, starts_array(spec), 30)["sgd"]
    assert not np.allclose(full.points, small.points[:31])  # the steps really are noisy


def test_the_svm_preset_shows_the_facets_its_lesson_talks_about():
    """Along the plane's axes the SVM loss is piecewise linear: second differences
    ~0 except at a few kinks. Over ±1 thousands of kinks blurred into a smooth
    bowl (largest second difference ~5 × the median); over ±0.1 they show."""
    spec = ef.load(PRESETS["svm_slice_minibatch"])
    assert "facets" in spec.lesson.look and spec.surface.slice.loss == "svm"
    surface, e = make_surface(spec.surface), spec.surface.slice.extent
    line, axis = np.linspace(-e, e, 201), np.array([0.0])
    for along in (surface.grid(line, axis)[0], surface.grid(axis, line)[:, 0]):
        d2 = np.abs(np.diff(along, 2))
        assert d2.max() > 10 * np.median(d2)
    start = starts_array(spec)[0]
    assert (np.abs(start) < e).all()  # the runs start inside the view
    for run in race("svm_slice_minibatch")[2].values():
        assert (np.abs(run.points[:, 0]) < e).all()  # and never leave it


def test_typed_ravine_sgd_settles_below_its_limit_and_diverges_past_it():
    spec, surface, runs = race("typed_ravine_critical_lr")
    sgd, mom = (runs[r.label] for r in spec.runs)
    eta, b = spec.runs[0].hyper["lr"], spec.surface.params["b"]
    assert b < 1 / eta and sgd.values[-1, 0] < 1e-10 and mom.values[-1, 0] < 1e-8
    zigzag = np.sign(sgd.points[1:30, 0, 1])
    assert (zigzag[1:] != zigzag[:-1]).all()  # across the valley every step
    spec.surface.params["b"] = 1.05 / eta  # past the limit the notes name
    past = runner.run(make_surface(spec.surface), {r.label: make_optimizer(r) for r in spec.runs},
                      starts_array(spec), spec.steps)
    assert past[spec.runs[0].label].diverged_at[0] > 0
    assert past[spec.runs[1].label].diverged_at[0] == -1


def test_typed_kinks_constant_step_chatters_and_the_decaying_one_settles():
    spec, surface, runs = race("typed_kinks_step_decay")
    assert surface.has_kinks
    np.testing.assert_array_equal(surface.minima, [[0.0, 0.0]])
    constant, decaying, adam = (runs[r.label].points[-50:, 0] for r in spec.runs)
    distance = [np.linalg.norm(p, axis=-1) for p in (constant, decaying, adam)]
    assert distance[0].min() > 0.1  # it never gets closer than a fixed distance
    assert distance[1].max() < 0.02 and distance[2].max() < 0.05


def test_lbfgs_crosses_rosenbrock_in_a_few_dozen_steps_where_adam_needs_hundreds():
    spec, surface, runs = race("rosenbrock_lbfgs_vs_adam")
    lbfgs, adam = (runs[r.label] for r in spec.runs)
    assert (spec.runs[0].kind, spec.runs[1].kind) == ("lbfgs", "adam")
    near = [int(np.argmax(np.linalg.norm(r.points[:, 0] - [1, 1], axis=-1) < 1e-2))
            for r in (lbfgs, adam)]
    assert 0 < near[0] < 50 and near[1] > 300  # Adam gets there, hundreds of steps later
    assert lbfgs.values[60, 0] < 1e-10


def test_adadelta_needs_no_learning_rate_where_sgds_must_stay_under_two_over_kappa():
    spec, surface, runs = race("ravine_adadelta_no_learning_rate")
    ada, sgd = spec.runs
    assert ada.kind == "adadelta" and ada.hyper["lr"] == 1.0  # its default: no tuning
    assert (runs[ada.label].diverged_at == -1).all() and (runs[sgd.label].diverged_at == -1).all()
    eta = sgd.hyper["lr"]
    for kappa in (5.0, 50.0, 200.0, 1000.0):  # the condition number's slider
        spec.surface.params["condition"] = kappa
        steep = runner.run(make_surface(spec.surface), {r.label: make_optimizer(r)
                                                        for r in spec.runs},
                           starts_array(spec), spec.steps)
        f = steep[ada.label].values[:, 0]
        assert steep[ada.label].diverged_at[0] == -1 and f[-1] < 1e-3 * f[0]
        assert (steep[sgd.label].diverged_at[0] > 0) == (kappa > 2 / eta)


def _first_below(run, level: float) -> int:
    """First step with f below ``level`` (a large number if never)."""
    below = run.values[:, 0] < level
    return int(np.argmax(below)) if below.any() else 10**9


def test_nesterov_stops_the_zig_zag_and_arrives_long_before_momentum():
    spec, surface, runs = race("nesterov_vs_momentum")
    mom, nes = (runs[r.label] for r in spec.runs)
    assert spec.runs[0].hyper == spec.runs[1].hyper  # the same η and μ: only the rule differs
    assert 3 * _first_below(nes, 1e-3) < _first_below(mom, 1e-3)
    across = [np.abs(r.points[20:, 0, 1]).max() for r in (mom, nes)]  # |y| after step 20
    assert across[0] > 0.1 and across[1] < 1e-2
    assert np.abs(mom.points[100:, 0, 1]).max() > 1e-2  # momentum still zig-zags at 100


def test_adagrad_steps_shrink_until_it_stalls_while_rmsprop_keeps_moving():
    spec, surface, runs = race("adagrad_vs_rmsprop")
    ada, rms = (runs[r.label] for r in spec.runs)
    steps = {k: np.linalg.norm(np.diff(r.points[:, 0], axis=0), axis=-1)
             for k, r in (("ada", ada), ("rms", rms))}
    assert steps["ada"][-100:].mean() < steps["ada"][:10].mean() / 20
    assert steps["rms"][-100:].mean() > 3 * steps["ada"][-100:].mean()
    to_min = [np.linalg.norm(r.points[-1, 0] - [1, 1]) for r in (ada, rms)]
    assert to_min[0] > 1.0 and to_min[1] < 0.5 * to_min[0]


def test_step_decay_settles_the_rattling_minibatch_sgd():
    spec, surface, runs = race("step_decay_settles_sgd")
    const, decayed = (runs[r.label] for r in spec.runs)
    jitter = [np.linalg.norm(np.diff(r.points[-100:, 0], axis=0), axis=-1).mean()
              for r in (const, decayed)]
    assert jitter[1] < 0.1 * jitter[0]
    first = [np.linalg.norm(np.diff(r.points[:100, 0], axis=0), axis=-1).mean()
             for r in (const, decayed)]
    assert first[0] == pytest.approx(first[1])  # the same run until the first cut
    centre = np.zeros(2)
    assert np.linalg.norm(decayed.points[-1, 0] - centre) < np.linalg.norm(
        const.points[-1, 0] - centre)


def test_momentum_warm_up_arrives_before_either_constant_momentum():
    spec, surface, runs = race("momentum_warmup")
    high, warm, low = (runs[r.label] for r in spec.runs)
    arrive = [_first_below(r, 1e-2) for r in (high, warm, low)]
    assert arrive[1] < arrive[2] < arrive[0]
    assert warm.values[-1, 0] < 1e-3 * high.values[-1, 0]


def test_a_learning_rate_past_two_over_lambda_diverges_and_one_below_settles():
    spec, surface, runs = race("lr_too_large")
    big, ok = (runs[r.label] for r in spec.runs)
    lam = surface.hessian(np.zeros(2))[1, 1]  # the curvature across the valley
    assert spec.runs[0].hyper["lr"] > 2 / lam > spec.runs[1].hyper["lr"]
    assert 0 < big.diverged_at[0] < 100 and big.reasons[0]
    assert ok.diverged_at[0] == -1 and ok.values[-1, 0] < 1e-3


def test_the_basin_slice_rises_well_around_its_minimum_and_both_runs_descend_into_it():
    spec, surface, runs = race("softmax_slice_basin")
    e = spec.surface.slice.extent
    a = np.linspace(-e, e, 41)
    grid = surface.grid(a, a)
    i, j = np.unravel_index(np.argmin(grid), grid.shape)
    assert abs(a[j]) <= 0.1 * e and abs(a[i]) <= 0.1 * e  # W* is the bottom of the basin
    corners = grid[[0, 0, -1, -1], [0, -1, 0, -1]]
    assert corners.min() > 20 * grid.min()
    for run in runs.values():
        assert run.values[-1, 0] < 2 * grid.min()
