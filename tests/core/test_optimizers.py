"""Optimizers: the first steps equal the pinned formulas worked by hand,
steps are pure and batched, and an optimizer × surface table converges.
(L-BFGS, whose step needs a line search, has its own tests.)"""

import copy
import math

import numpy as np
import pytest

from optim_core import optimizers, runner, schedules, surfaces
from optim_core.surfaces.base import Surface

KINDS = optimizers.names()
BY_HAND_KINDS = [k for k in KINDS if k != "lbfgs"]
RANDOM_KINDS = ("random_search", "random_local_search")


class Quadratic(Surface):
    """f = ½xᵀAx + bᵀx with a non-diagonal A, so coordinates interact."""

    name, bounds, has_hessian = "quadratic", ((-2.0, 2.0), (-3.0, 1.0)), True
    A = np.array([[3.0, 0.5], [0.5, 1.0]])
    b = np.array([-1.0, 0.3])

    def value_and_grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        return 0.5 * np.einsum("...i,ij,...j", xy, self.A, xy) + xy @ self.b, xy @ self.A + self.b

    def hessian(self, xy, h=1e-5):
        return np.broadcast_to(self.A, np.shape(xy)[:-1] + (2, 2)).copy()


QUAD = Quadratic()
START = np.array([1.0, -0.5])
HYPER = {  # not the defaults, so a swapped or ignored hyper-parameter shows
    "sgd": {"lr": 0.1},
    "momentum": {"lr": 0.1, "mu": 0.8},
    "momentum_ema": {"lr": 0.1, "beta": 0.7},
    "nesterov": {"lr": 0.1, "mu": 0.8},
    "adagrad": {"lr": 0.2, "eps": 1e-3},
    "adadelta": {"lr": 0.5, "rho": 0.9, "eps": 1e-4},
    "rmsprop": {"lr": 0.2, "rho": 0.9, "eps": 1e-3},
    "adam": {"lr": 0.2, "beta1": 0.8, "beta2": 0.9, "eps": 1e-3},
    "adamw": {"lr": 0.2, "beta1": 0.8, "beta2": 0.9, "eps": 1e-3, "weight_decay": 0.1},
    "newton": {"lr": 0.5, "damping": 0.2},
    "random_search": {"seed": 4},
    "random_local_search": {"lr": 0.5, "seed": 4},
    "lbfgs": {"lr": 0.5, "memory": 3},
}


def by_hand(kind, h, steps=3):
    """The pinned update table, one coordinate at a time in plain floats."""
    x, v, c, m = list(START), [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]
    dx2 = [0.0, 0.0]  # AdaDelta's E[Δx²]; c holds its E[g²]
    out = []
    for t in range(1, steps + 1):
        g = list(QUAD.grad(np.array(x)))
        lr = h.get("lr")
        for i in range(2):
            if kind == "sgd":
                x[i] -= lr * g[i]
            elif kind == "momentum":
                v[i] = h["mu"] * v[i] - lr * g[i]
                x[i] += v[i]
            elif kind == "momentum_ema":
                v[i] = h["beta"] * v[i] + (1 - h["beta"]) * g[i]
                x[i] -= lr * v[i]
            elif kind == "nesterov":
                v_prev = v[i]
                v[i] = h["mu"] * v[i] - lr * g[i]
                x[i] += -h["mu"] * v_prev + (1 + h["mu"]) * v[i]
            elif kind == "adagrad":
                c[i] += g[i] ** 2
                x[i] -= lr * g[i] / (math.sqrt(c[i]) + h["eps"])
            elif kind == "adadelta":
                c[i] = h["rho"] * c[i] + (1 - h["rho"]) * g[i] ** 2
                dx = -math.sqrt(dx2[i] + h["eps"]) / math.sqrt(c[i] + h["eps"]) * g[i]
                dx2[i] = h["rho"] * dx2[i] + (1 - h["rho"]) * dx**2
                x[i] += lr * dx
            elif kind == "rmsprop":
                c[i] = h["rho"] * c[i] + (1 - h["rho"]) * g[i] ** 2
                x[i] -= lr * g[i] / (math.sqrt(c[i]) + h["eps"])
            elif kind in ("adam", "adamw"):
                m[i] = h["beta1"] * m[i] + (1 - h["beta1"]) * g[i]
                v[i] = h["beta2"] * v[i] + (1 - h["beta2"]) * g[i] ** 2
                m_hat, v_hat = m[i] / (1 - h["beta1"] ** t), v[i] / (1 - h["beta2"] ** t)
                x[i] -= lr * m_hat / (math.sqrt(v_hat) + h["eps"])
                if kind == "adamw":
                    x[i] -= lr * h["weight_decay"] * x[i]
        if kind == "newton":  # (H + δI)⁻¹g by the 2×2 adjugate
            (a, b), (cc, d) = QUAD.A + h["damping"] * np.eye(2)
            det = a * d - b * cc
            step = [(d * g[0] - b * g[1]) / det, (a * g[1] - cc * g[0]) / det]
            x = [x[i] - lr * step[i] for i in range(2)]
        elif kind in RANDOM_KINDS:  # the documented generator of step t: (seed, t)
            rng = np.random.default_rng([h["seed"], t])
            if kind == "random_search":
                (x0, x1), (y0, y1) = QUAD.bounds
                u = rng.random(2)
                cand = [x0 + u[0] * (x1 - x0), y0 + u[1] * (y1 - y0)]
            else:
                z = rng.standard_normal(2)
                cand = [x[0] + lr * z[0], x[1] + lr * z[1]]
            if QUAD.value(np.array(cand)) < QUAD.value(np.array(x)):
                x = cand
        out.append(list(x))
    return np.array(out)


def three_steps(opt, x=START):
    x, state, out = np.array(x), opt.init(x), []
    for _ in range(3):
        x, state = opt.step(x, QUAD.grad(x), state, surface=QUAD)
        out.append(x)
    return np.array(out), state


@pytest.mark.parametrize("kind", BY_HAND_KINDS)
def test_first_three_steps_equal_the_formula_by_hand(kind):
    got, state = three_steps(optimizers.get(kind, **HYPER[kind]))
    np.testing.assert_allclose(got, by_hand(kind, HYPER[kind]), rtol=1e-13, atol=1e-15)
    assert state.count == 3


def test_random_kinds_both_move_and_stay_in_these_three_steps():
    """Otherwise the by-hand test above would not exercise both branches of
    'keep the candidate if it is lower'."""
    for kind in RANDOM_KINDS:
        path = np.vstack([START, by_hand(kind, HYPER[kind])])
        moved = np.abs(np.diff(path, axis=0)).sum(axis=1) > 0
        assert moved.any() and not moved.all()


def test_adam_without_bias_correction_uses_raw_moments():
    opt = optimizers.get("adam", **HYPER["adam"], bias_correction=False)
    g = QUAD.grad(START)
    x, _ = opt.step(START, g, opt.init(START))
    m, v = 0.2 * g, 0.1 * g * g
    np.testing.assert_allclose(x, START - 0.2 * m / (np.sqrt(v) + 1e-3), rtol=1e-14)


@pytest.mark.parametrize("kind", KINDS)
def test_step_never_mutates_its_inputs(kind):
    opt = optimizers.get(kind, **HYPER[kind])
    x = np.array([[1.0, -0.5], [0.3, 0.2]])
    state = opt.init(x)
    for _ in range(2):  # a state with non-zero arrays
        x, state = opt.step(x, QUAD.grad(x), state, surface=QUAD)
    g = QUAD.grad(x)
    before = copy.deepcopy((x, g, state.count, dict(state)))
    x1, s1 = opt.step(x, g, state, surface=QUAD)
    x2, s2 = opt.step(x, g, state, surface=QUAD)
    for a, b in zip(before, (x, g, state.count, dict(state)), strict=True):
        np.testing.assert_equal(a, b)
    np.testing.assert_array_equal(x1, x2)  # pure: same inputs, same outputs
    np.testing.assert_equal((s1.count, dict(s1)), (s2.count, dict(s2)))
    # Nothing returned aliases the inputs (the runner reuses its gradient buffer).
    for out in (x1, *s1.values()):
        assert not np.shares_memory(out, g) and not np.shares_memory(out, x)


@pytest.mark.parametrize("kind", [k for k in KINDS if k not in RANDOM_KINDS])
def test_batched_points_step_like_single_points(kind):
    s = surfaces.get("rosenbrock")
    opt = optimizers.get(kind, lr=1e-3) if "lr" in optimizers.get(kind).hyper else None
    X = np.array([[-1.2, 1.0], [0.5, 0.5], [1.5, 2.0], [-0.3, -0.4]])
    batched = _steps(opt, s, X, 6)
    for i in range(len(X)):
        np.testing.assert_allclose(batched[i], _steps(opt, s, X[i], 6), rtol=1e-14)


@pytest.mark.parametrize("kind", RANDOM_KINDS)
def test_random_kinds_draw_per_point_and_are_reproducible(kind):
    """A batch draws one row of the step's generator per point, so point 0
    matches a lone run and the others explore differently; the same seed
    gives the same search."""
    s = surfaces.get("rastrigin")
    opt = optimizers.get(kind, seed=3)
    X = np.tile(s.default_start, (3, 1))
    batched = _steps(opt, s, X, 40)
    np.testing.assert_array_equal(batched[0], _steps(opt, s, X[0], 40))
    assert not np.array_equal(batched[1], batched[2])
    np.testing.assert_array_equal(batched, _steps(opt, s, X, 40))
    assert not np.array_equal(batched, _steps(opt.with_hyper(seed=4), s, X, 40))
    assert (s.value(batched) <= s.value(X)).all()  # they only keep improvements


def _steps(opt, s, x, n):
    state = opt.init(x)
    for _ in range(n):
        x, state = opt.step(x, s.grad(x), state, surface=s)
    return x


def test_hyper_parameters_may_be_schedules():
    lr = schedules.Exponential(0.1, k=0.5)
    opt = optimizers.get("sgd", lr=lr)
    got, _ = three_steps(opt)
    x = START.copy()
    for t in (1, 2, 3):
        x = x - lr(t) * QUAD.grad(x)
    np.testing.assert_allclose(got[-1], x, rtol=1e-14)
    assert opt.hyper_at("lr", 3) == lr(3)
    np.testing.assert_allclose(opt.hyper_at("lr", np.arange(1, 4)), lr(np.arange(1, 4)))


def test_with_hyper_continues_from_the_same_state():
    opt = optimizers.get("momentum", lr=0.1, mu=0.8)
    x, state = START, opt.init(START)
    x, state = opt.step(x, QUAD.grad(x), state)
    faster = opt.with_hyper(lr=0.3)
    assert faster.hyper == {"lr": 0.3, "mu": 0.8} and opt.hyper["lr"] == 0.1
    x2, state2 = faster.step(x, QUAD.grad(x), state)
    v = 0.8 * state["v"] - 0.3 * QUAD.grad(x)
    np.testing.assert_allclose(x2, x + v, rtol=1e-15)
    assert state2.count == 2 and type(state2) is type(state)


@pytest.mark.parametrize("kind", KINDS)
def test_specs_defaults_formula_and_summary(kind):
    specs = optimizers.hyper_specs(kind)
    opt = optimizers.get(kind)
    assert opt.kind == kind and list(opt.hyper) == [s.name for s in specs]
    for spec in specs:
        assert opt.hyper[spec.name] == spec.default
        assert spec.label and spec.dtype in ("float", "int", "bool")
        if spec.dtype == "float":
            assert spec.min <= spec.default <= spec.max and spec.symbol
    assert "←" in optimizers.formula(kind)
    text = optimizers.summary(kind)
    assert text.endswith(".") and text.count(". ") == 0
    assert optimizers.from_dict(opt.to_dict()).hyper == opt.hyper


def test_learning_rate_spec_spans_the_teaching_range():
    lr = optimizers.hyper_specs("sgd")[0]
    assert (lr.name, lr.symbol, lr.min, lr.max, lr.log) == ("lr", "η", 1e-6, 1e3, True)


def test_to_dict_keeps_schedules():
    opt = optimizers.get("momentum", lr=schedules.Step(0.1, 0.5, 10), mu=schedules.Warmup())
    d = opt.to_dict()
    assert d["hyper"]["mu"] == {"kind": "warmup", "start": 0.5, "end": 0.99, "steps": 100}
    assert optimizers.from_dict(d).hyper == opt.hyper


@pytest.mark.parametrize(
    "kind, hyper, message",
    [
        ("bfgs", {}, "unknown optimizer"),
        ("sgd", {"mu": 0.9}, "no hyper-parameter"),
        ("sgd", {"lr": float("nan")}, "finite"),
        ("sgd", {"lr": "0.1"}, "number or a schedule"),
        ("sgd", {"lr": True}, "number or a schedule"),
        ("adam", {"bias_correction": 1}, "true or false"),
        ("random_search", {"seed": -1}, "seed: -1 is out of range"),
        ("random_search", {"seed": 1.5}, "integer >= 0"),
        ("lbfgs", {"memory": 0}, "memory: 0 is out of range"),
    ],
)
def test_bad_hyper_parameters_are_refused(kind, hyper, message):
    with pytest.raises(ValueError, match=message):
        optimizers.get(kind, **hyper)


@pytest.mark.parametrize("kind", ["newton", "lbfgs", *RANDOM_KINDS])
def test_kinds_that_need_the_surface_say_so(kind):
    opt = optimizers.get(kind)
    with pytest.raises(ValueError, match="needs the surface"):
        opt.step(START, QUAD.grad(START), opt.init(START))


def test_effective_lr_is_the_mean_per_coordinate_step():
    opt = optimizers.get("adam", **HYPER["adam"])
    x, states = START, []
    state = opt.init(x)
    for _ in range(4):
        x, state = opt.step(x, QUAD.grad(x), state)
        states.append(state)
    v_hat = state["v"] / (1 - 0.9**state.count)
    expected = np.mean(0.2 / (np.sqrt(v_hat) + 1e-3))
    assert optimizers.effective_lr(opt, state) == pytest.approx(expected, rel=1e-14)
    stacked = optimizers.State(
        np.array([s.count for s in states])[:, None],
        {k: np.stack([s[k] for s in states]) for k in ("m", "v")},
    )
    np.testing.assert_allclose(
        optimizers.effective_lr(opt, stacked), [optimizers.effective_lr(opt, s) for s in states]
    )
    sgd = optimizers.get("sgd", lr=0.3)
    assert optimizers.effective_lr(sgd, sgd.init(x)) == 0.3
    assert math.isnan(optimizers.effective_lr(optimizers.get("random_search"), state))


# Optimizer × surface convergence table. Start: each surface's default_start.
# Criterion: final distance to the minimum < 2e-3; random_search, a blind
# uniform search in 2-D, only has to reach f < 1e-2.
CONVERGENCE = {
    "bowl": {
        "sgd": ({"lr": 0.1}, 200),
        "momentum": ({"lr": 0.05, "mu": 0.8}, 300),
        "momentum_ema": ({"lr": 0.2, "beta": 0.8}, 300),
        "nesterov": ({"lr": 0.05, "mu": 0.8}, 300),
        "adagrad": ({"lr": 0.5}, 1000),
        "adadelta": ({}, 2000),
        "rmsprop": ({"lr": schedules.Exponential(0.05, k=0.01)}, 1000),
        "adam": ({"lr": schedules.Exponential(0.1, k=0.01)}, 1000),
        "adamw": ({"lr": schedules.Exponential(0.1, k=0.01), "weight_decay": 0.01}, 1000),
        "newton": ({}, 5),
        "lbfgs": ({}, 10),
        "random_search": ({"seed": 1}, 2000),
        "random_local_search": ({"lr": schedules.Exponential(0.3, k=0.005), "seed": 1}, 2000),
    },
    "rosenbrock": {
        "sgd": ({"lr": 1.5e-3}, 20000),
        "momentum": ({"lr": 1e-3, "mu": 0.9}, 3000),
        "momentum_ema": ({"lr": 1e-2, "beta": 0.9}, 3000),
        "nesterov": ({"lr": 1e-3, "mu": 0.9}, 3000),
        "adagrad": ({"lr": 0.3}, 10000),
        "adadelta": ({"lr": schedules.Exponential(1.0, k=1e-3)}, 8000),
        "rmsprop": ({"lr": schedules.Exponential(0.01, k=1e-3)}, 8000),
        "adam": ({"lr": 0.02, "beta2": 0.99}, 5000),
        "adamw": ({"lr": 0.02, "beta2": 0.99, "weight_decay": 1e-4}, 5000),
        "newton": ({}, 20),
        "lbfgs": ({}, 60),
        "random_search": ({"seed": 1}, 5000),
        "random_local_search": ({"lr": schedules.Exponential(0.3, k=1e-3), "seed": 1}, 5000),
    },
}


@pytest.mark.parametrize(
    "surface, kind", [(s, k) for s, row in CONVERGENCE.items() for k in row]
)
def test_convergence_table(surface, kind):
    assert set(CONVERGENCE[surface]) == set(KINDS)
    s = surfaces.get(surface)
    hyper, steps = CONVERGENCE[surface][kind]
    run = runner.run(s, {kind: optimizers.get(kind, **hyper)}, s.default_start, steps)[kind]
    assert run.diverged_at[0] == -1
    if kind == "random_search":
        assert run.values[-1, 0] < 1e-2
    else:
        assert np.linalg.norm(run.points[-1, 0] - s.minima[0]) < 2e-3
