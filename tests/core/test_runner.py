"""runner.run and runner.Race: lockstep runs with one surface call per step,
the recording convention, divergence without warnings, bounded history."""

import tracemalloc
import warnings

import numpy as np
import pytest

from optim_core import optimizers, runner, schedules, surfaces
from optim_core.surfaces.base import Surface

ROSEN = surfaces.get("rosenbrock")
REASONS = {runner.REASON_POINT, runner.REASON_BOX, runner.REASON_VALUE,
           runner.REASON_GRAD, runner.REASON_LOSS}


class Counting(Surface):
    """Rosenbrock that counts value_and_grad_step calls and the steps asked for."""

    name, bounds = "counting", ROSEN.bounds

    def __init__(self):
        self.calls = []

    def value_and_grad(self, xy):
        return ROSEN.value_and_grad(xy)

    def value_and_grad_step(self, xy, t):
        self.calls.append((t, np.shape(xy)))
        return ROSEN.value_and_grad(xy)


def mixed_opts(lr=1e-3):
    return {
        "sgd": optimizers.get("sgd", lr=lr),
        "mom": optimizers.get("momentum", lr=schedules.Exponential(lr, k=0.01)),
        "adam": optimizers.get("adam", lr=10 * lr),
        "rms": optimizers.get("rmsprop", lr=10 * lr),
    }


def by_hand(opt, surface, start, steps):
    """Plain loop: the point sequence of one optimizer."""
    x, state, out = np.array(start, float), opt.init(start), [np.array(start, float)]
    for _ in range(steps):
        x, state = opt.step(x, surface.grad(x), state, surface=surface)
        out.append(x)
    return np.array(out)


def test_one_surface_call_per_step_for_all_runs_together():
    s = Counting()
    starts = np.array([[-1.2, 1.0], [0.5, 0.5], [1.5, 2.0]])
    runs = runner.run(s, mixed_opts(), starts, 25)
    assert len(s.calls) == 26  # the starts, then one call per step
    assert [t for t, _ in s.calls] == list(range(1, 27))
    assert {shape for _, shape in s.calls} == {(4 * 3, 2)}
    for label, run in runs.items():
        assert run.points.shape == (26, 3, 2)
        assert run.values.shape == run.grad_norms.shape == run.effective_lrs.shape == (26, 3)
        assert run.lrs.shape == (26,) and run.steps.tolist() == list(range(26))
        assert run.diverged_at.tolist() == [-1] * 3 and run.reasons.tolist() == [""] * 3
        assert run.label == label


def test_samples_follow_the_recording_convention():
    opts = mixed_opts()
    start = np.array([[-1.2, 1.0], [0.5, 0.5]])
    runs = runner.run(ROSEN, opts, start, 30)
    for label, run in runs.items():
        for i in range(2):
            np.testing.assert_allclose(
                run.points[:, i], by_hand(opts[label], ROSEN, start[i], 30), rtol=1e-14
            )
        f, g = ROSEN.value_and_grad(run.points)
        np.testing.assert_allclose(run.values, f, rtol=1e-15)
        np.testing.assert_allclose(run.grad_norms, np.linalg.norm(g, axis=-1), rtol=1e-15)
        assert np.isnan(run.lrs[0]) and np.isnan(run.effective_lrs[0]).all()
        np.testing.assert_allclose(run.lrs[1:], opts[label].hyper_at("lr", np.arange(1, 31)))
    np.testing.assert_allclose(runs["sgd"].effective_lrs[1:], 1e-3)


def test_effective_step_of_adam_is_recorded_per_point():
    opt = optimizers.get("adam", lr=0.05)
    run = runner.run(ROSEN, {"a": opt}, ROSEN.default_start, 5)["a"]
    x, state = ROSEN.default_start, opt.init(ROSEN.default_start)
    for t in range(1, 6):
        x, state = opt.step(x, ROSEN.grad(x), state)
        v_hat = state.v / (1 - 0.999**t)
        assert run.effective_lrs[t, 0] == pytest.approx(np.mean(0.05 / (np.sqrt(v_hat) + 1e-8)))


def test_batched_starts_equal_separate_runs():
    starts = np.array([[-1.2, 1.0], [0.5, 0.5], [1.5, 2.0]])
    batched = runner.run(ROSEN, mixed_opts(), starts, 40)
    for i, start in enumerate(starts):
        alone = runner.run(ROSEN, mixed_opts(), start, 40)
        for label in alone:
            np.testing.assert_allclose(batched[label].points[:, i], alone[label].points[:, 0],
                                       rtol=1e-14)


@pytest.mark.parametrize("kind", optimizers.names())
def test_every_optimizer_at_lr_1e3_on_rosenbrock_diverges_without_warning(kind):
    """random_search has no learning rate, and random_local_search (σ = 1e3)
    and L-BFGS (its line search) only ever accept lower points: none can
    diverge on Rosenbrock, so for them the test checks that they stay finite
    and never go uphill. AdaDelta's step is in the units of its past steps, so
    η = 1e3 makes it bounce about without leaving the box: it stays finite."""
    opt = optimizers.get(kind, **({} if kind == "random_search" else {"lr": 1e3}))
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        run = runner.run(ROSEN, {kind: opt}, ROSEN.default_start, 200)[kind]
    assert np.isfinite(run.points).all() and np.isfinite(run.values).all()
    if kind in ("random_search", "random_local_search", "lbfgs"):
        assert run.diverged_at[0] == -1
        assert (np.diff(run.values[:, 0]) <= 0).all()
        return
    if kind == "adadelta":
        assert run.diverged_at[0] == -1 and run.values.max() > 100 * run.values[0, 0]
        return
    step = run.diverged_at[0]
    assert step >= 1 and run.reasons[0] in REASONS
    # Frozen at the last good point: every later sample repeats it.
    frozen = np.repeat(run.points[step - 1 : step], 201 - step, axis=0)
    np.testing.assert_array_equal(run.points[step:], frozen)
    assert np.isnan(run.effective_lrs[step:]).all()


def test_a_diverging_run_stops_while_the_others_go_on():
    opts = {"calm": optimizers.get("sgd", lr=1e-3), "wild": optimizers.get("sgd", lr=0.1)}
    runs = runner.run(ROSEN, opts, [[-1.2, 1.0], [1.0, 1.0]], 100)
    wild, calm = runs["wild"], runs["calm"]
    assert wild.diverged_at[0] > 0 and wild.reasons[0] in REASONS
    assert wild.diverged_at[1] == -1  # the same run's other point sits at the minimum
    assert (calm.diverged_at == -1).all()
    np.testing.assert_allclose(calm.points[:, 0], by_hand(opts["calm"], ROSEN, [-1.2, 1.0], 100))


def test_adagrad_hopping_without_leaving_the_box_is_caught_by_the_loss():
    run = runner.run(ROSEN, {"a": optimizers.get("adagrad", lr=1e3)}, ROSEN.default_start, 50)["a"]
    assert run.reasons[0] == runner.REASON_LOSS


class Holey(Surface):
    """The upturned bowl, with NaN values right of x = 1 and an infinite gradient above y = 1."""

    name, bounds = "holey", ((-2.0, 2.0), (-2.0, 2.0))

    def value_and_grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        f, g = -(xy**2).sum(-1), -2 * xy
        f = np.where(xy[..., 0] > 1, np.nan, f)
        g = np.where((xy[..., 1] > 1)[..., None], np.inf, g)
        return f, g


def test_non_finite_values_and_gradients_stop_with_their_reason():
    up = optimizers.get("sgd", lr=0.4)  # descent walks out to the hole's edges
    run = runner.run(Holey(), {"up": up}, [[0.5, 0.1], [0.1, 0.5]], 10)["up"]
    assert run.reasons.tolist() == [runner.REASON_VALUE, runner.REASON_GRAD]
    assert np.isfinite(run.values).all()


def test_start_outside_the_box_is_stopped_at_step_zero():
    run = runner.run(ROSEN, {"s": optimizers.get("sgd")}, [[1e5, 0.0], [0.0, 0.0]], 3)["s"]
    assert run.diverged_at.tolist() == [0, -1] and run.reasons[0] == runner.REASON_BOX
    np.testing.assert_array_equal(run.points[:, 0], [[1e5, 0.0]] * 4)


@pytest.mark.parametrize("start", [[np.nan, 0.0], [[1.0, 2.0, 3.0]], []])
def test_bad_start_points_are_refused(start):
    with pytest.raises(ValueError, match="start points"):
        runner.run(ROSEN, {"s": optimizers.get("sgd")}, start, 3)


def test_race_advancing_in_pieces_matches_run():
    starts = np.array([[-1.2, 1.0], [0.5, 0.5]])
    race = runner.Race(ROSEN, mixed_opts(), starts)
    for n in (1, 7, 300, 12):
        race.advance(n)
    assert race.step == 320
    runs = runner.run(ROSEN, mixed_opts(), starts, 320)
    for label, run in runs.items():
        hist = race.history(label)
        for field in ("steps", "points", "values", "grad_norms", "lrs", "effective_lrs"):
            np.testing.assert_array_equal(getattr(hist, field), getattr(run, field), err_msg=field)
        np.testing.assert_array_equal(race.current_points(label), run.points[-1])


def test_race_stops_diverging_points_like_run_whatever_the_pieces():
    """Divergence is checked per advanced block; a point stopped inside one
    block must stay frozen in the next ones, exactly as in one long run."""
    opts = {"wild": optimizers.get("momentum", lr=4e-3), "calm": optimizers.get("sgd", lr=1e-3),
            "hop": optimizers.get("adagrad", lr=1e3)}
    starts = np.array([[-1.2, 1.0], [1.0, 1.0], [0.3, 2.5]])
    full = runner.run(ROSEN, opts, starts, 120)
    assert (full["wild"].diverged_at[[0, 2]] > 3).all() and full["wild"].diverged_at[1] == -1
    race = runner.Race(ROSEN, opts, starts)
    for n in (3, 1, 50, 2, 64):
        race.advance(n)
    for label, run in full.items():
        hist = race.history(label)
        np.testing.assert_array_equal(hist.points, run.points)
        np.testing.assert_array_equal(hist.values, run.values)
        np.testing.assert_array_equal(hist.effective_lrs, run.effective_lrs)
        np.testing.assert_array_equal(hist.diverged_at, run.diverged_at)
        np.testing.assert_array_equal(hist.reasons, run.reasons)


def test_race_history_is_decimated_but_spans_the_whole_race():
    race = runner.Race(ROSEN, {"s": optimizers.get("sgd", lr=1e-4)}, ROSEN.default_start,
                       max_history=64)
    race.advance(5000)
    hist = race.history("s")
    assert len(hist.steps) <= 65 and hist.steps[0] == 0 and hist.steps[-1] == 5000
    assert (np.diff(hist.steps) > 0).all()
    assert np.diff(hist.steps)[:-1].max() <= 2 * np.diff(hist.steps)[:-1].min()  # evenly spread
    full = runner.run(ROSEN, {"s": optimizers.get("sgd", lr=1e-4)}, ROSEN.default_start, 5000)
    np.testing.assert_array_equal(hist.points, full["s"].points[hist.steps])
    np.testing.assert_array_equal(hist.values, full["s"].values[hist.steps])


def test_race_memory_stays_bounded_while_it_runs_on():
    """After the history fills up, 20,000 more steps allocate nothing that stays.
    (Issue 7's soak test covers 100,000 steps with the GUI.)"""
    opts = {k: optimizers.get(k, lr=1e-4) for k in ("sgd", "adam")}
    race = runner.Race(ROSEN, opts, [[-1.2, 1.0], [0.0, 0.0]], max_history=256)
    race.advance(2000)
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        race.advance(20_000)
        grown = sum(s.size_diff for s in tracemalloc.take_snapshot().compare_to(before, "filename"))
    finally:
        tracemalloc.stop()
    assert race.step == 22_000
    # Unbounded, the 20,000 samples would take 2 runs × 20,000 × 96 B ≈ 3.8 MB.
    assert grown < 100_000
    assert all(len(race.history(k).steps) <= 257 for k in opts)


def test_set_optimizer_keeps_state_and_point():
    mom = optimizers.get("momentum", lr=1e-3, mu=0.9)
    race = runner.Race(ROSEN, {"m": mom}, ROSEN.default_start)
    race.advance(10)
    x, state = race.current_points("m"), race.state("m")
    race.set_optimizer("m", mom.with_hyper(lr=5e-4))
    race.advance(1)
    v = 0.9 * state.v - 5e-4 * ROSEN.grad(x)
    np.testing.assert_allclose(race.current_points("m"), x + v, rtol=1e-15)
    assert race.state("m").count == 11 and race.optimizer("m").hyper["lr"] == 5e-4
    assert race.history("m").lrs[-1] == 5e-4 and race.history("m").lrs[-2] == 1e-3


def test_set_optimizer_to_another_kind_starts_a_fresh_state_where_it_is():
    race = runner.Race(ROSEN, {"r": optimizers.get("sgd", lr=1e-3)}, ROSEN.default_start)
    race.advance(5)
    x = race.current_points("r")
    race.set_optimizer("r", optimizers.get("adam", lr=1e-2))
    race.advance(1)
    assert race.state("r").count == 1
    np.testing.assert_allclose(np.abs(race.current_points("r") - x), 1e-2, rtol=1e-6)


def test_runs_can_join_and_leave_mid_race_and_reset():
    race = runner.Race(ROSEN, {"a": optimizers.get("sgd", lr=1e-3)}, ROSEN.default_start)
    race.advance(10)
    race.add("b", optimizers.get("sgd", lr=1e-3))
    race.advance(5)
    a, b = race.history("a"), race.history("b")
    assert b.steps.tolist() == list(range(10, 16)) and race.labels == ["a", "b"]
    np.testing.assert_allclose(b.points[:, 0], a.points[:6, 0])  # b is a, 10 steps later
    with pytest.raises(ValueError, match="already exists"):
        race.add("a", optimizers.get("sgd"))
    race.remove("a")
    assert race.labels == ["b"]
    race.reset(starts=[[0.0, 0.0], [1.0, 2.0]])
    assert race.step == 0 and race.history("b").points.shape == (1, 2, 2)
    race.remove("b")
    race.advance(3)  # an empty race still counts steps
    assert race.step == 3 and race.labels == []
