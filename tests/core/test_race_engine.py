"""The race engine: every run steps as its own optimizer would, alone.

The engine stacks all runs of a kind and calls the kind's rule once per
step; each comparison here is against a plain loop over ``opt.step`` (or a
run raced alone), to 1e-12: the same formulas, whatever the grouping.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optim_core import classifier, optimizers, runner, schedules, surfaces
from optim_core.optimizers import builtin_adam
from optim_core.surfaces.base import Surface

ROSEN = surfaces.get("rosenbrock")
STARTS = np.array([[-1.2, 1.0], [0.5, 0.5], [1.5, 2.0]])
FIELDS = ("points", "values", "grad_norms", "lrs", "effective_lrs")
EXACT = ("steps", "diverged_at", "reasons")
HYPER = {  # not the defaults, so a swapped or ignored hyper-parameter shows
    "sgd": {"lr": 2e-3},
    "momentum": {"lr": 1e-3, "mu": 0.8},
    "momentum_ema": {"lr": 3e-3, "beta": 0.7},
    "nesterov": {"lr": 1e-3, "mu": 0.85},
    "adagrad": {"lr": 0.2, "eps": 1e-3},
    "adadelta": {"lr": 0.8, "rho": 0.9, "eps": 1e-5},
    "rmsprop": {"lr": 2e-2, "rho": 0.9, "eps": 1e-6},
    "adam": {"lr": 3e-2, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6},
    "adamw": {"lr": 3e-2, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7, "weight_decay": 0.1},
    "newton": {"lr": 0.5, "damping": 0.1},
    "lbfgs": {"lr": 0.8, "memory": 4},
    "random_search": {"seed": 3},
    "random_local_search": {"lr": 0.3, "seed": 5},
}


def assert_same_runs(a: dict, b: dict) -> None:
    assert list(a) == list(b)
    for label in a:
        for field in EXACT:
            np.testing.assert_array_equal(getattr(a[label], field), getattr(b[label], field),
                                          err_msg=f"{label}.{field}")
        for field in FIELDS:
            np.testing.assert_allclose(getattr(a[label], field), getattr(b[label], field),
                                       rtol=1e-12, atol=1e-300, err_msg=f"{label}.{field}")


def by_hand(opt, surface, start, steps):
    """Plain loop over ``opt.step`` with the gradient the runner uses."""
    x, state, out = np.array(start, float), opt.init(start), [np.array(start, float)]
    for t in range(1, steps + 1):
        x, state = opt.step(x, surface.value_and_grad_step(x, t)[1], state, surface=surface)
        out.append(x)
    return np.array(out), state


def alone(surface, opts, starts, steps, **kw):
    """Each run raced on its own."""
    return {k: runner.run(surface, {k: o}, starts, steps, **kw)[k] for k, o in opts.items()}


def test_the_hyper_table_covers_every_kind():
    assert set(HYPER) == set(optimizers.names())


@pytest.mark.parametrize("kind", sorted(HYPER))
def test_every_kind_in_a_race_equals_its_own_step(kind):
    opts = {kind: optimizers.get(kind, **HYPER[kind]), "sgd": optimizers.get("sgd", lr=1e-3)}
    if kind in ("adam", "adamw"):
        opts["no bias correction"] = optimizers.get(kind, **HYPER[kind], bias_correction=False)
    raced = runner.run(ROSEN, opts, STARTS, 120)
    for label, opt in opts.items():  # by hand, the S start points as rows of one call
        np.testing.assert_allclose(raced[label].points, by_hand(opt, ROSEN, STARTS, 120)[0],
                                   rtol=1e-12)


def test_one_rule_call_per_step_steps_every_run_of_the_kind():
    calls = []

    def counted(x, g, state, t, **hyper):
        calls.append((x.shape, np.shape(hyper["lr"])))
        return builtin_adam.adam(x, g, state, t, **hyper)

    adam = optimizers.kind_of("adam")
    with optimizers.registered("counted", counted, hyper=dict(zip(
            [h.name for h in adam.hyper], adam.hyper, strict=True)), state=adam.state,
            formula=adam.formula, summary=adam.summary):
        opts = {f"c{i}": optimizers.get("counted", lr=10.0 ** -i) for i in range(1, 4)}
        opts["sgd"] = optimizers.get("sgd", lr=1e-3)
        opts["same η"] = optimizers.get("counted", lr=0.1)
        raced = runner.run(ROSEN, opts, STARTS, 10)
        assert calls == [((12, 2), (12, 1))] * 10  # 4 runs × 3 starts, η per row
        for label in opts:
            np.testing.assert_allclose(raced[label].points[:, 1],
                                       by_hand(opts[label], ROSEN, STARTS[1], 10)[0], rtol=1e-12)


def scheduled_opts():
    warm = schedules.Warmup(0.5, 0.95, 40)
    return {
        "sgd": optimizers.get("sgd", lr=schedules.InverseTime(2e-3, k=0.05)),
        "momentum": optimizers.get("momentum", lr=schedules.Exponential(1e-3, k=0.01), mu=warm),
        "ema": optimizers.get("momentum_ema", lr=3e-3, beta=warm),
        "nesterov": optimizers.get("nesterov", lr=schedules.Cosine(1e-3, total=100), mu=warm),
        "adagrad": optimizers.get("adagrad", lr=schedules.Step(0.2, gamma=0.7, every=7)),
        "rmsprop": optimizers.get("rmsprop", lr=1e-2, rho=schedules.Warmup(0.5, 0.99, 30)),
        "adam": optimizers.get("adam", lr=schedules.Cosine(3e-2, total=120, floor=1e-3),
                               beta1=warm, beta2=schedules.Warmup(0.9, 0.999, 50)),
        "adam 2": optimizers.get("adam", lr=schedules.Exponential(3e-2, k=0.02)),
        "adamw": optimizers.get("adamw", lr=3e-2,
                                weight_decay=schedules.InverseTime(0.1, k=0.1)),
    }


def test_schedules_on_every_hyper_parameter_match_their_own_step():
    opts = scheduled_opts()
    raced = runner.run(ROSEN, opts, STARTS, 160)
    assert_same_runs(raced, alone(ROSEN, opts, STARTS, 160))
    for label, opt in opts.items():
        np.testing.assert_allclose(raced[label].points[:, 1],
                                   by_hand(opt, ROSEN, STARTS[1], 160)[0], rtol=1e-12)


def mixed_opts():
    """Kinds interleaved, so a kind's runs are not on consecutive rows."""
    return {
        "sgd": optimizers.get("sgd", lr=1e-3),
        "newton": optimizers.get("newton", lr=0.5),
        "adam": optimizers.get("adam", lr=schedules.Exponential(3e-2, k=0.01)),
        "search": optimizers.get("random_search", seed=3),
        "sgd 2": optimizers.get("sgd", lr=2e-3),
        "local": optimizers.get("random_local_search", lr=0.3, seed=5),
        "adam 2": optimizers.get("adam", lr=1e-2),
        "lbfgs": optimizers.get("lbfgs"),
    }


def test_interleaved_kinds_race_like_each_alone_and_like_a_race_in_pieces():
    raced = runner.run(ROSEN, mixed_opts(), STARTS, 90)
    assert_same_runs(raced, alone(ROSEN, mixed_opts(), STARTS, 90))
    race = runner.Race(ROSEN, mixed_opts(), STARTS)
    for n in (1, 30, 2, 57):
        race.advance(n)
    assert_same_runs(raced, {label: race.history(label) for label in race.labels})


def test_classifier_slices_and_their_minibatch_steps():
    rng = np.random.default_rng(0)
    X = np.hstack([rng.standard_normal((60, 6)), np.ones((60, 1))])
    model = classifier.LinearClassifier(X, rng.integers(0, 4, 60), loss="softmax", reg=1e-2)
    W0 = 0.1 * rng.standard_normal((7, 4))
    plane = classifier.PlaneSlice(model, W0, *classifier.random_directions(W0, 1))
    opts = {k: optimizers.get(k, lr=0.05) for k in ("sgd", "momentum", "adam", "adadelta")}
    opts["lbfgs"] = optimizers.get("lbfgs")
    starts = np.array([[0.3, -0.2], [-0.5, 0.4]])
    for surface in (plane, plane.minibatch(16, seed=2)):
        raced = runner.run(surface, opts, starts, 40)
        for label, opt in opts.items():
            np.testing.assert_allclose(raced[label].points[:, 0],
                                       by_hand(opt, surface, starts[0], 40)[0], rtol=1e-9)


def test_state_reads_as_the_kinds_own_state():
    opts = scheduled_opts()
    race = runner.Race(ROSEN, opts, STARTS)
    race.advance(37)
    for label, opt in opts.items():
        _, state = by_hand(opt, ROSEN, STARTS[2], 37)
        got = race.state(label)
        assert got.count == state.count == 37 and set(got) == set(state)
        for name in state:
            np.testing.assert_allclose(got[name][2], state[name], rtol=1e-12)


def test_set_optimizer_mid_race_keeps_or_restarts_the_state():
    race = runner.Race(ROSEN, mixed_opts(), STARTS)
    race.advance(20)
    kept = race.state("adam")
    race.set_optimizer("adam", race.optimizer("adam").with_hyper(lr=1e-2, beta1=0.5))
    np.testing.assert_array_equal(race.state("adam")["m"], kept["m"])
    race.set_optimizer("sgd", optimizers.get("momentum", lr=1e-3))
    race.set_optimizer("newton", optimizers.get("rmsprop", lr=1e-2))
    race.set_optimizer("lbfgs", race.optimizer("lbfgs").with_hyper(memory=2))
    here = race.current_points("newton")
    race.advance(15)
    assert race.state("adam").count == 35 and race.state("sgd").count == 15
    assert race.state("lbfgs").count == 15 and race.state("lbfgs")["s"].shape == (3, 2, 2)
    rms = by_hand(optimizers.get("rmsprop", lr=1e-2), ROSEN, here[0], 15)
    np.testing.assert_allclose(race.current_points("newton")[0], rms[0][-1], rtol=1e-12)
    np.testing.assert_allclose(race.state("newton")["c"][0], rms[1]["c"], rtol=1e-12)


def test_runs_joining_and_leaving_keep_their_rows():
    race = runner.Race(ROSEN, mixed_opts(), STARTS)
    race.advance(10)
    race.remove("newton")
    race.add("late", optimizers.get("rmsprop", lr=1e-2))
    race.advance(10)
    race.remove("sgd")
    race.advance(5)
    late = race.history("late")
    np.testing.assert_array_equal(late.steps, np.arange(10, 26))
    np.testing.assert_allclose(late.points[:, 1], by_hand(race.optimizer("late"), ROSEN,
                                                          STARTS[1], 15)[0], rtol=1e-12)
    whole = runner.run(ROSEN, {"adam": mixed_opts()["adam"]}, STARTS, 25)
    assert_same_runs({"adam": race.history("adam")}, whole)


@pytest.mark.parametrize("box_factor", [1e3, 1e300])
def test_divergence_steps_and_reasons_are_contained(box_factor):
    """A learning rate ramped up to its limit makes the kinds blow up at different steps
    (with the huge box, through inf/NaN values and states); the frozen rows
    never touch the calm run beside them."""
    kinds = ["sgd", "momentum", "momentum_ema", "nesterov", "adagrad", "rmsprop", "adam",
             "adamw"]
    opts = {k: optimizers.get(k, lr=schedules.Warmup(1e-3, 1e3, 150)) for k in kinds}
    opts["calm"] = optimizers.get("adam", lr=1e-2)
    raced = runner.run(ROSEN, opts, STARTS, 150, box_factor=box_factor)
    assert_same_runs(raced, alone(ROSEN, opts, STARTS, 150, box_factor=box_factor))
    stopped = np.concatenate([raced[k].diverged_at for k in kinds])
    assert len(set(stopped[stopped > 0].tolist())) > (6 if box_factor == 1e3 else 1)
    assert (raced["calm"].diverged_at == -1).all()


class Cliff(Surface):
    """f = 0 everywhere with a huge, finite, constant gradient (g² overflows)."""

    name, bounds = "cliff", ((-1.0, 1.0), (-1.0, 1.0))

    def value_and_grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        return np.zeros(xy.shape[:-1]), np.full(xy.shape, 1e200)


def test_a_gradient_whose_square_overflows_does_not_touch_the_velocity_kinds():
    opts = {k: optimizers.get(k, lr=1e-6) for k in ("sgd", "momentum", "momentum_ema",
                                                    "nesterov", "adam", "rmsprop")}
    raced = runner.run(Cliff(), opts, [0.5, 0.5], 30)
    for kind in ("sgd", "momentum", "momentum_ema", "nesterov"):
        assert raced[kind].diverged_at[0] == 1  # the first step jumps out of the box
        assert np.isfinite(raced[kind].points).all()


@st.composite
def races(draw):
    kinds = draw(st.lists(st.sampled_from(optimizers.names()), min_size=1, max_size=5))
    opts = {}
    for i, kind in enumerate(kinds):
        hyper = {}
        for spec in optimizers.hyper_specs(kind):
            if spec.name == "lr":
                hyper["lr"] = 10.0 ** draw(st.floats(-4, 1))
            elif spec.name in ("mu", "beta", "beta1", "beta2", "rho"):
                hyper[spec.name] = draw(st.floats(0.0, 0.999))
        opts[f"{i}:{kind}"] = optimizers.get(kind, **hyper)
    surface = surfaces.get(draw(st.sampled_from(surfaces.names())))
    (x0, x1), (y0, y1) = surface.bounds
    starts = draw(st.lists(st.tuples(st.floats(x0, x1), st.floats(y0, y1)),
                           min_size=1, max_size=3))
    return surface, opts, np.array(starts, dtype=float)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(races())
def test_any_race_is_the_same_together_or_alone(race):
    surface, opts, starts = race
    assert_same_runs(runner.run(surface, opts, starts, 25), alone(surface, opts, starts, 25))
