"""The fused lockstep kernel: the same race as stepping each optimizer alone.

Every comparison is bit for bit (``assert_array_equal``) against the
per-optimizer path (``_lockstep.FUSED`` emptied) and against a plain loop
over ``opt.step``, unless a test says why not.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optim_core import _fused, _lockstep, classifier, optimizers, runner, schedules, surfaces
from optim_core.surfaces.base import Surface

ROSEN = surfaces.get("rosenbrock")
STARTS = np.array([[-1.2, 1.0], [0.5, 0.5], [1.5, 2.0]])
FIELDS = ("steps", "points", "values", "grad_norms", "lrs", "effective_lrs", "diverged_at",
          "reasons")
GRADIENT_KINDS = sorted(_fused.KINDS)
HYPER = {  # not the defaults, so a swapped or ignored coefficient shows
    "sgd": {"lr": 2e-3},
    "momentum": {"lr": 1e-3, "mu": 0.8},
    "momentum_ema": {"lr": 3e-3, "beta": 0.7},
    "nesterov": {"lr": 1e-3, "mu": 0.85},
    "adagrad": {"lr": 0.2, "eps": 1e-3},
    "rmsprop": {"lr": 2e-2, "rho": 0.9, "eps": 1e-6},
    "adam": {"lr": 3e-2, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6},
    "adamw": {"lr": 3e-2, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7, "weight_decay": 0.1},
}


@pytest.fixture
def per_optimizer(monkeypatch):
    """Runs every kind through its own ``opt.step`` (the path before fusing)."""
    def run(fn, *args, **kwargs):
        with monkeypatch.context() as m:
            m.setattr(_lockstep, "FUSED", frozenset())
            return fn(*args, **kwargs)
    return run


def assert_same_runs(a: dict, b: dict) -> None:
    assert list(a) == list(b)
    for label in a:
        for field in FIELDS:
            np.testing.assert_array_equal(getattr(a[label], field), getattr(b[label], field),
                                          err_msg=f"{label}.{field}")


def by_hand(opt, surface, start, steps):
    """Plain loop over ``opt.step`` with the gradient the runner uses."""
    x, state, out = np.array(start, float), opt.init(start), [np.array(start, float)]
    for t in range(1, steps + 1):
        x, state = opt.step(x, surface.value_and_grad_step(x, t)[1], state, surface=surface)
        out.append(x)
    return np.array(out), state


@pytest.mark.parametrize("kind", GRADIENT_KINDS)
def test_every_gradient_kind_equals_its_own_step_bit_for_bit(kind, per_optimizer):
    opts = {kind: optimizers.get(kind, **HYPER[kind])}
    if kind in ("adam", "adamw"):
        opts["no bias correction"] = optimizers.get(kind, **HYPER[kind], bias_correction=False)
    fused = runner.run(ROSEN, opts, STARTS, 150)
    assert_same_runs(fused, per_optimizer(runner.run, ROSEN, opts, STARTS, 150))
    for label, opt in opts.items():
        for s, start in enumerate(STARTS):
            points, _ = by_hand(opt, ROSEN, start, 150)
            np.testing.assert_array_equal(fused[label].points[:, s], points)


def test_the_fused_path_never_calls_step_and_the_other_kinds_do(per_optimizer):
    """Guards the comparisons above: they compare two different paths."""
    calls = []

    def counted(opt):
        def step(*args, **kwargs):
            calls.append(opt.kind)
            return opt.step(*args, **kwargs)
        return opt._replace(step=step)

    opts = {k: counted(optimizers.get(k)) for k in ("adam", "newton", "sgd", "random_search")}
    runner.run(ROSEN, opts, STARTS, 4)
    assert sorted(set(calls)) == ["newton", "random_search"] and len(calls) == 8
    calls.clear()
    per_optimizer(runner.run, ROSEN, opts, STARTS, 4)
    assert len(calls) == 16


def scheduled_opts():
    warm = schedules.Warmup(0.5, 0.95, 40)
    return {
        "sgd": optimizers.get("sgd", lr=schedules.InverseTime(2e-3, k=0.05)),
        "momentum": optimizers.get("momentum", lr=schedules.Exponential(1e-3, k=0.01), mu=warm),
        "ema": optimizers.get("momentum_ema", lr=3e-3, beta=warm),
        "nesterov": optimizers.get("nesterov", lr=schedules.Cosine(1e-3, total=100), mu=warm),
        "adagrad": optimizers.get("adagrad", lr=schedules.Exponential(0.2, k=0.02)),
        "rmsprop": optimizers.get("rmsprop", lr=1e-2, rho=schedules.Warmup(0.5, 0.99, 30)),
        "adam": optimizers.get("adam", lr=schedules.Cosine(3e-2, total=120, floor=1e-3),
                               beta1=warm, beta2=schedules.Warmup(0.9, 0.999, 50)),
        "adamw": optimizers.get("adamw", lr=3e-2,
                                weight_decay=schedules.InverseTime(0.1, k=0.1)),
    }


def test_schedules_on_every_coefficient_match_bit_for_bit(per_optimizer):
    opts = scheduled_opts()
    fused = runner.run(ROSEN, opts, STARTS, 160)
    assert_same_runs(fused, per_optimizer(runner.run, ROSEN, opts, STARTS, 160))
    for label, opt in opts.items():
        np.testing.assert_array_equal(fused[label].points[:, 1],
                                      by_hand(opt, ROSEN, STARTS[1], 160)[0])


def test_a_step_schedule_matches_to_rounding(per_optimizer):
    """``Step`` is the one schedule whose value for an int array can differ
    in the last bit from its value at one int (numpy's vectorized power);
    the kernel reads the array, ``opt.step`` the int."""
    opts = {"m": optimizers.get("momentum", lr=schedules.Step(1e-3, gamma=0.7, every=7)),
            "a": optimizers.get("adam", lr=schedules.Step(3e-2, gamma=0.9, every=3))}
    fused = runner.run(ROSEN, opts, STARTS, 120)
    alone = per_optimizer(runner.run, ROSEN, opts, STARTS, 120)
    for label in opts:
        np.testing.assert_allclose(fused[label].points, alone[label].points, rtol=1e-12)
        np.testing.assert_array_equal(fused[label].lrs, alone[label].lrs)


def mixed_opts():
    """Fused and per-optimizer kinds interleaved, so the fused rows are not contiguous."""
    return {
        "sgd": optimizers.get("sgd", lr=1e-3),
        "newton": optimizers.get("newton", lr=0.5),
        "adam": optimizers.get("adam", lr=schedules.Exponential(3e-2, k=0.01)),
        "search": optimizers.get("random_search", seed=3),
        "nesterov": optimizers.get("nesterov", lr=1e-3, mu=schedules.Warmup(0.5, 0.9, 20)),
        "local": optimizers.get("random_local_search", lr=0.3, seed=5),
        "adamw": optimizers.get("adamw", lr=1e-2, weight_decay=0.05),
    }


def test_mixed_with_newton_and_random_kinds_in_one_race(per_optimizer):
    fused = runner.run(ROSEN, mixed_opts(), STARTS, 90)
    assert_same_runs(fused, per_optimizer(runner.run, ROSEN, mixed_opts(), STARTS, 90))
    race = runner.Race(ROSEN, mixed_opts(), STARTS)
    for n in (1, 30, 2, 57):
        race.advance(n)
    assert_same_runs(fused, {label: race.history(label) for label in race.labels})


def test_classifier_slices_and_their_minibatch_steps(per_optimizer):
    rng = np.random.default_rng(0)
    X = np.hstack([rng.standard_normal((60, 6)), np.ones((60, 1))])
    model = classifier.LinearClassifier(X, rng.integers(0, 4, 60), loss="softmax", reg=1e-2)
    W0 = 0.1 * rng.standard_normal((7, 4))
    plane = classifier.PlaneSlice(model, W0, *classifier.random_directions(W0, 1))
    opts = {k: optimizers.get(k, lr=0.05) for k in GRADIENT_KINDS}
    starts = np.array([[0.3, -0.2], [-0.5, 0.4]])
    for surface in (plane, plane.minibatch(16, seed=2)):
        fused = runner.run(surface, opts, starts, 40)
        assert_same_runs(fused, per_optimizer(runner.run, surface, opts, starts, 40))
        # One point alone: the slice's matrix products round differently
        # than for the race's 16 rows at once.
        np.testing.assert_allclose(fused["adam"].points[:, 0],
                                   by_hand(opts["adam"], surface, starts[0], 40)[0], rtol=1e-12)


def test_state_reads_as_each_kinds_own_named_tuple():
    opts = scheduled_opts()
    race = runner.Race(ROSEN, opts, STARTS)
    race.advance(37)
    for label, opt in opts.items():
        _, state = by_hand(opt, ROSEN, STARTS[2], 37)
        got = race.state(label)
        assert type(got) is type(state) and got.count == state.count == 37
        for field in state._fields[1:]:
            np.testing.assert_array_equal(getattr(got, field)[2], getattr(state, field))


def test_set_optimizer_mid_race_keeps_or_restarts_the_state(per_optimizer):
    """Same kind: state kept; another kind (also across the fused boundary): fresh state."""
    def race_with_changes():
        race = runner.Race(ROSEN, mixed_opts(), STARTS)
        race.advance(20)
        race.set_optimizer("adam", race.optimizer("adam").with_hyper(lr=1e-2, beta1=0.5))
        race.set_optimizer("sgd", optimizers.get("momentum", lr=1e-3))
        race.set_optimizer("newton", optimizers.get("rmsprop", lr=1e-2))
        race.set_optimizer("nesterov", optimizers.get("newton", lr=0.3))
        race.advance(15)
        return race

    fused, alone = race_with_changes(), per_optimizer(race_with_changes)
    assert_same_runs({k: fused.history(k) for k in fused.labels},
                     {k: alone.history(k) for k in alone.labels})
    for label in fused.labels:
        a, b = fused.state(label), alone.state(label)
        assert type(a) is type(b) and a.count == b.count
        for x, y in zip(a[1:], b[1:], strict=True):
            np.testing.assert_array_equal(x, y)
    assert fused.state("adam").count == 35 and fused.state("sgd").count == 15
    assert fused.state("newton").count == 15 and type(fused.state("newton")).__name__ == (
        "AccumulatorState")


def test_runs_joining_and_leaving_keep_their_rows(per_optimizer):
    def race_with_changes():
        race = runner.Race(ROSEN, mixed_opts(), STARTS)
        race.advance(10)
        race.remove("newton")
        race.add("late", optimizers.get("rmsprop", lr=1e-2))
        race.advance(10)
        race.remove("sgd")
        race.advance(5)
        return race

    fused, alone = race_with_changes(), per_optimizer(race_with_changes)
    assert fused.labels == alone.labels
    assert_same_runs({k: fused.history(k) for k in fused.labels},
                     {k: alone.history(k) for k in alone.labels})


@pytest.mark.parametrize("box_factor", [1e3, 1e300])
def test_divergence_steps_and_reasons_unchanged_and_contained(box_factor, per_optimizer):
    """A growing learning rate makes the kinds blow up at different steps
    (with the huge box, through inf/NaN values and states); the frozen rows
    never touch the calm run beside them."""
    opts = {k: optimizers.get(k, lr=schedules.Exponential(1e-3, k=-0.1)) for k in GRADIENT_KINDS}
    opts["calm"] = optimizers.get("adam", lr=1e-2)
    fused = runner.run(ROSEN, opts, STARTS, 150, box_factor=box_factor)
    assert_same_runs(fused, per_optimizer(runner.run, ROSEN, opts, STARTS, 150,
                                          box_factor=box_factor))
    stopped = np.concatenate([fused[k].diverged_at for k in GRADIENT_KINDS])
    assert len(set(stopped[stopped > 0].tolist())) > 6
    reasons = {runner.REASON_LOSS} if box_factor == 1e3 else {runner.REASON_VALUE,
                                                               runner.REASON_LOSS}
    assert set(np.concatenate([fused[k].reasons for k in GRADIENT_KINDS])) - {""} == reasons
    calm = runner.run(ROSEN, {"calm": opts["calm"]}, STARTS, 150, box_factor=box_factor)
    np.testing.assert_array_equal(fused["calm"].points, calm["calm"].points)
    assert (fused["calm"].diverged_at == -1).all()


class Cliff(Surface):
    """f = 0 everywhere with a huge, finite, constant gradient (g² overflows)."""

    name, bounds = "cliff", ((-1.0, 1.0), (-1.0, 1.0))

    def value_and_grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        return np.zeros(xy.shape[:-1]), np.full(xy.shape, 1e200)


def test_a_finite_gradient_whose_square_overflows_does_not_poison_velocity_rows(per_optimizer):
    """The velocity kinds share the accumulator arithmetic with AdaGrad here;
    0·∞ there would turn their points NaN."""
    opts = {k: optimizers.get(k, lr=1e-203) for k in GRADIENT_KINDS}
    fused = runner.run(Cliff(), opts, [0.5, 0.5], 30)
    assert_same_runs(fused, per_optimizer(runner.run, Cliff(), opts, [0.5, 0.5], 30))
    for kind in ("sgd", "momentum", "momentum_ema", "nesterov"):
        assert fused[kind].diverged_at[0] == -1 and (fused[kind].points[-1, 0] < 0.5).all()


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
def test_any_race_is_the_same_fused_or_not(race):
    surface, opts, starts = race
    fused = runner.run(surface, opts, starts, 25)
    saved, _lockstep.FUSED = _lockstep.FUSED, frozenset()
    try:
        alone = runner.run(surface, opts, starts, 25)
    finally:
        _lockstep.FUSED = saved
    assert_same_runs(fused, alone)
