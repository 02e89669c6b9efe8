"""Schedules: base value at step 1, the documented formulas with n = t − 1,
vectorized evaluation, and a JSON-friendly round trip."""

import dataclasses
import math

import numpy as np
import pytest

from optim_core import optimizers, schedules

EXAMPLES = [
    schedules.Constant(0.3),
    schedules.Step(0.4, gamma=0.5, every=10),
    schedules.Exponential(0.2, k=0.1),
    schedules.InverseTime(0.5, k=0.25),
    schedules.Cosine(0.1, total=20, floor=0.01),
    schedules.Warmup(0.5, 0.99, steps=8),
]


def test_names_list_every_kind():
    assert schedules.names() == [
        "constant", "step", "exponential", "inverse_time", "cosine", "warmup",
    ]
    assert sorted(s.kind for s in EXAMPLES) == sorted(schedules.names())


@pytest.mark.parametrize("sched", EXAMPLES, ids=lambda s: s.kind)
def test_step_one_gives_the_base_value(sched):
    base = sched.start if sched.kind == "warmup" else sched.value
    assert sched(1) == base


@pytest.mark.parametrize(
    "sched, t, expected",
    [
        (schedules.Constant(0.3), 1000, 0.3),
        (schedules.Step(0.4, gamma=0.5, every=10), 10, 0.4),
        (schedules.Step(0.4, gamma=0.5, every=10), 11, 0.2),
        (schedules.Step(0.4, gamma=0.5, every=10), 31, 0.05),
        (schedules.Exponential(0.2, k=0.1), 11, 0.2 * math.exp(-1.0)),
        (schedules.InverseTime(0.5, k=0.25), 5, 0.5 / 2.0),
        (schedules.Cosine(0.1, total=20, floor=0.01), 11, 0.01 + 0.09 * 0.5),
        (schedules.Cosine(0.1, total=20, floor=0.01), 21, 0.01),
        (schedules.Cosine(0.1, total=20, floor=0.01), 500, 0.01),
        (schedules.Warmup(0.5, 0.99, steps=8), 5, 0.5 + 0.49 * 4 / 8),
        (schedules.Warmup(0.5, 0.99, steps=8), 9, 0.99),
        (schedules.Warmup(0.5, 0.99, steps=8), 100, 0.99),
    ],
)
def test_values_follow_the_documented_formulas(sched, t, expected):
    assert sched(t) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("sched", EXAMPLES, ids=lambda s: s.kind)
def test_array_steps_give_the_same_curve_as_one_by_one(sched):
    t = np.arange(1, 60)
    curve = sched(t)
    assert curve.shape == t.shape
    np.testing.assert_allclose(curve, [sched(int(k)) for k in t], rtol=1e-15)
    assert isinstance(sched(3), float)


@pytest.mark.parametrize("sched", EXAMPLES, ids=lambda s: s.kind)
def test_round_trip_through_dicts(sched):
    d = sched.to_dict()
    assert d["kind"] == sched.kind
    assert schedules.from_dict(d) == sched


def test_steps_are_one_based():
    with pytest.raises(ValueError, match="1-based"):
        schedules.Constant(1.0)(0)


def test_schedules_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        schedules.Constant(1.0).value = 2.0


@pytest.mark.parametrize(
    "d, message",
    [
        ({"value": 1.0}, "kind"),
        ({"kind": "sawtooth", "value": 1.0}, "unknown schedule kind"),
        ({"kind": "exponential", "value": 1.0, "rate": 2}, "no field"),
        ({"kind": "exponential", "value": float("nan")}, "finite"),
        ({"kind": "step", "value": 1.0, "every": 0}, "integer >= 1"),
        ({"kind": "cosine", "value": 1.0, "total": 2.5}, "integer >= 1"),
        ({"kind": "inverse_time", "value": 1.0, "k": -1.0}, "k >= 0"),
        ({"kind": "constant"}, "value"),
        ("constant", "dict"),
    ],
)
def test_bad_dicts_are_refused_with_a_reason(d, message):
    with pytest.raises(ValueError, match=message):
        schedules.from_dict(d)


# A hyper-parameter value or schedule is valid only if it stays in the
# hyper-parameter's range over every step a race can run (MAX_STEPS); log-scale
# ones (η, ε, δ, λ) may decay toward 0. get(), and so files and the CLI, refuse
# the others with the hyper-parameter's name.
REFUSED = [
    ("adam", "beta1", 1.5),
    ("adam", "beta1", -0.1),
    ("adam", "beta1", {"kind": "step", "value": 0.9, "gamma": 1.5, "every": 1}),
    ("adam", "beta1", {"kind": "step", "value": 0.9, "gamma": -1.0, "every": 10}),
    ("adam", "beta2", {"kind": "cosine", "value": 0.999, "total": 10, "floor": 1e6}),
    ("adam", "beta2", {"kind": "warmup", "start": 0.9, "end": 1.2, "steps": 100}),
    ("momentum", "mu", {"kind": "exponential", "value": 0.5, "k": -1e-3}),
    ("momentum", "mu", {"kind": "step", "value": 0.9, "gamma": 1.0001, "every": 1}),
    ("rmsprop", "rho", {"kind": "inverse_time", "value": -0.5, "k": 1.0}),
    ("sgd", "lr", 1e12),
    ("sgd", "lr", 0.0),
    ("sgd", "lr", {"kind": "step", "value": 0.1, "gamma": 1e12, "every": 1}),
    ("sgd", "lr", {"kind": "step", "value": 0.1, "gamma": 2.0, "every": 50_000}),
    ("sgd", "lr", {"kind": "exponential", "value": 0.1, "k": -1e12}),
    ("sgd", "lr", {"kind": "exponential", "value": 0.1, "k": -1e-4}),
    ("sgd", "lr", {"kind": "cosine", "value": 0.1, "total": 100, "floor": 1e12}),
    ("sgd", "lr", {"kind": "cosine", "value": 0.1, "total": 100, "floor": -1e-3}),
    ("sgd", "lr", {"kind": "step", "value": 0.1, "gamma": -0.5, "every": 10}),
    ("adamw", "weight_decay", {"kind": "warmup", "start": 0.01, "end": 5.0, "steps": 10}),
    ("adadelta", "rho", {"kind": "constant", "value": 1.5}),
    ("lbfgs", "lr", {"kind": "exponential", "value": 1.0, "k": -0.1}),
]
ACCEPTED = [
    ("sgd", "lr", {"kind": "step", "value": 0.1, "gamma": 0.5, "every": 10}),  # decays to 0
    ("sgd", "lr", {"kind": "exponential", "value": 0.1, "k": 1e12}),
    ("sgd", "lr", {"kind": "cosine", "value": 0.1, "total": 100, "floor": 0.0}),
    ("momentum", "mu", {"kind": "warmup", "start": 0.5, "end": 0.99, "steps": 100}),
    ("adam", "beta1", {"kind": "step", "value": 0.9, "gamma": 1.0, "every": 1}),
    ("sgd", "lr", {"kind": "step", "value": 0.1, "gamma": 1.000001, "every": 100}),  # → 0.1·e
]


@pytest.mark.parametrize("kind, name, value", REFUSED, ids=[f"{k}.{n}={v}"
                                                           for k, n, v in REFUSED])
def test_values_and_schedules_leaving_the_range_are_refused_by_name(kind, name, value):
    from optim_core import optimizers, runner, surfaces

    hyper = {name: schedules.from_dict(value) if isinstance(value, dict) else value}
    with pytest.raises(ValueError, match=rf"^{kind}\.{name}: ") as info:
        optimizers.get(kind, **hyper)
    assert info.value.name == name and "\n" not in str(info.value)
    with pytest.raises(ValueError, match=rf"{kind}\.{name}"):  # the file form too
        optimizers.from_dict({"kind": kind, "hyper": {name: value}})
    with pytest.raises(ValueError, match=rf"{kind}\.{name}"):  # never an OverflowError
        runner.run(surfaces.get("bowl"), {"a": optimizers.get(kind, **hyper)}, [0.5, 0.5],
                   1751)


@pytest.mark.parametrize("kind, name, value", ACCEPTED, ids=[f"{k}.{n}={v}"
                                                            for k, n, v in ACCEPTED])
def test_schedules_that_stay_in_range_are_accepted_and_run(kind, name, value):
    from optim_core import optimizers, runner, surfaces

    opt = optimizers.get(kind, **{name: schedules.from_dict(value)})
    run = runner.run(surfaces.get("bowl"), {"a": opt}, [0.5, 0.5], 300)["a"]
    assert np.isfinite(run.points).all()


def test_experiment_files_refuse_a_schedule_leaving_the_range_naming_the_field():
    from optim_core.experiment import file as ef
    from optim_core.experiment.spec import default_experiment

    doc = ef.to_dict(default_experiment())
    doc["runs"][3]["hyper"]["beta1"] = {"kind": "step", "value": 0.9, "gamma": 1.5, "every": 1}
    with pytest.raises(ValueError, match=r"runs\[3\]\.hyper\.beta1: the step schedule reaches"):
        ef.from_dict(doc)


def test_a_warm_up_never_leaves_its_ends_by_rounding():
    """Found by the file round trip: from 0.0489… down to 0 the ramp reached
    −7e-18 at its last step, and the saved experiment would not open."""
    ramp = schedules.Warmup(0.048924394629491164, 0.0, steps=25)
    values = ramp(np.arange(1, 40))
    assert values.min() == 0.0 and values[-1] == 0.0 and values.max() <= ramp.start
    optimizers.get("momentum", mu=ramp)  # μ must stay in [0, 0.999]: it does
