"""Small races step on floats (``race.float_lane``): the same numbers, to the last bit,
as stepping the same race over arrays."""

import numpy as np
import pytest

from optim_core import optimizers, runner, schedules, surfaces
from optim_core.optimizers import builtin_momentum
from optim_core.race import float_lane

ROSEN = surfaces.get("rosenbrock")
FIELDS = ("points", "values", "grad_norms", "lrs", "effective_lrs", "diverged_at", "reasons")
START = np.array([-1.2, 1.0])


def over_arrays(monkeypatch, *args, **kw):
    """``runner.run`` with the float lane switched off."""
    with monkeypatch.context() as m:
        m.setattr(float_lane, "MAX_COORDINATES", 0)
        return runner.run(*args, **kw)


def assert_identical(a: dict, b: dict) -> None:
    for label in a:
        for field in FIELDS:
            np.testing.assert_array_equal(getattr(a[label], field), getattr(b[label], field),
                                          err_msg=f"{label}.{field}")


def per_coordinate_races():
    kinds = [k for k in optimizers.names() if optimizers.kind_of(k).per_coordinate]
    warm = schedules.Warmup(0.5, 0.95, 40)
    return {
        "every kind": {k: optimizers.get(k) for k in kinds},
        "one kind, η per run": {f"sgd {i}": optimizers.get("momentum", lr=10.0 ** -i)
                                for i in range(2, 5)},
        "scheduled": {"adam": optimizers.get("adam", lr=schedules.Cosine(3e-2, total=90),
                                             beta1=warm),
                      "nesterov": optimizers.get("nesterov", lr=1e-3, mu=warm)},
        "diverging": {"momentum": optimizers.get("momentum", lr=0.05, mu=0.99),
                      "adam": optimizers.get("adam", lr=80.0, eps=1e-12)},
    }


def test_the_built_in_kinds_that_step_by_coordinate():
    by_coordinate = {k for k in optimizers.names() if optimizers.kind_of(k).per_coordinate}
    assert by_coordinate == {"sgd", "momentum", "momentum_ema", "nesterov", "adagrad",
                             "adadelta", "rmsprop", "adam", "adamw"}


@pytest.mark.parametrize("name", list(per_coordinate_races()))
def test_a_small_race_on_floats_is_the_race_over_arrays(monkeypatch, name):
    opts = per_coordinate_races()[name]
    starts = np.array([START, [0.5, 0.5]])
    on_floats = runner.run(ROSEN, opts, starts, 150)
    assert_identical(on_floats, over_arrays(monkeypatch, ROSEN, opts, starts, 150))
    if name == "diverging":
        assert all((r.diverged_at >= 0).all() for r in on_floats.values())


def test_a_race_in_pieces_on_floats_is_the_whole_race(monkeypatch):
    opts = per_coordinate_races()["every kind"]
    race = runner.Race(ROSEN, {k: optimizers.get(k) for k in list(opts)[:4]}, START)
    for n in (1, 17, 2, 40):
        race.advance(n)
    whole = over_arrays(monkeypatch, ROSEN, {k: opts[k] for k in list(opts)[:4]}, START, 60)
    assert_identical({k: race.history(k) for k in race.labels}, whole)


def record_calls(calls):
    def rule(x, g, state, t, *, lr):
        calls.append(type(x))
        return builtin_momentum.sgd(x, g, state, t, lr=lr)
    return rule


def test_only_kinds_that_say_so_are_given_floats():
    calls_plain, calls_flagged = [], []
    with optimizers.registered("plain", record_calls(calls_plain), hyper={"lr": 1e-3},
                               formula="x ← x − ηg", summary="-"), \
            optimizers.registered("flagged", record_calls(calls_flagged), hyper={"lr": 1e-3},
                                  formula="x ← x − ηg", summary="-", per_coordinate=True):
        runner.run(ROSEN, {"p": optimizers.get("plain")}, START, 3)
        runner.run(ROSEN, {"f": optimizers.get("flagged")}, START, 3)
        assert set(calls_plain) == {np.ndarray} and set(calls_flagged) == {float}
        calls_flagged.clear()  # with a kind that is not per-coordinate, the block is arrays
        runner.run(ROSEN, {"p": optimizers.get("plain"), "f": optimizers.get("flagged")},
                   START, 3)
        assert set(calls_flagged) == {np.ndarray}


def test_many_starts_step_over_arrays():
    calls = []
    with optimizers.registered("flagged", record_calls(calls), hyper={"lr": 1e-3},
                               formula="x ← x − ηg", summary="-", per_coordinate=True):
        many = np.tile(START, (float_lane.MAX_COORDINATES // 2 + 1, 1))
        runner.run(ROSEN, {"f": optimizers.get("flagged")}, many, 2)
    assert set(calls) == {np.ndarray}


def test_a_kind_that_needs_the_surface_never_steps_by_coordinate():
    newton = optimizers.kind_of("newton")
    with optimizers.registered("newton_again", newton.rule, hyper={"lr": 1.0},
                               formula="-", summary="-", needs_surface=True,
                               per_coordinate=True) as kind:
        assert not kind.per_coordinate
