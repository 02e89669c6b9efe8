"""Internals: what each kind shows of itself equals its own state and its next step.

At every step of a race, ``Race.internals(label)`` (``optimizers.internals``)
is checked against the state of a plain ``opt.step`` loop, to 1e-12.
"""

import numpy as np
import pytest

from optim_core import optimizers, runner, surfaces

ROSEN = surfaces.get("rosenbrock")
STARTS = np.array([[-1.2, 1.0], [0.4, -0.3]])
STEPS = 30
OPTS = {
    "momentum": optimizers.get("momentum", lr=1e-3, mu=0.8),
    "momentum_ema": optimizers.get("momentum_ema", lr=3e-3, beta=0.7),
    "nesterov": optimizers.get("nesterov", lr=1e-3, mu=0.85),
    "adagrad": optimizers.get("adagrad", lr=0.2, eps=1e-3),
    "adadelta": optimizers.get("adadelta", rho=0.9),
    "rmsprop": optimizers.get("rmsprop", lr=2e-2, rho=0.9, eps=1e-6),
    "adam": optimizers.get("adam", lr=3e-2, beta1=0.8, beta2=0.95, eps=1e-6),
    "adam raw": optimizers.get("adam", lr=3e-2, bias_correction=False),
    "adamw": optimizers.get("adamw", lr=3e-2, weight_decay=0.1),
    "sgd": optimizers.get("sgd", lr=2e-3),
    "newton": optimizers.get("newton", lr=0.5, damping=0.1),
    "lbfgs": optimizers.get("lbfgs"),
    "lbfgs fixed": optimizers.get("lbfgs", lr=0.01, line_search=False),
}


def expected(opt, state) -> dict[str, np.ndarray]:
    """The internals from the state by the documented formulas."""
    h, t = opt.hyper, max(state.count, 1)  # before any step m = v = 0 and m̂ = 0
    if opt.kind in ("momentum", "momentum_ema", "nesterov"):
        return {"velocity": state["v"]}
    if opt.kind in ("adagrad", "rmsprop"):
        return {"scale": h["lr"] / (np.sqrt(state["c"]) + h["eps"])}
    if opt.kind == "adadelta":
        return {"scale": h["lr"] * np.sqrt(state["edx2"] + h["eps"])
                / np.sqrt(state["eg2"] + h["eps"])}
    if opt.kind in ("adam", "adamw"):
        c1, c2 = (1 - h["beta1"] ** t, 1 - h["beta2"] ** t) if h["bias_correction"] else (1, 1)
        return {"velocity": state["m"] / c1,
                "scale": h["lr"] / (np.sqrt(state["v"] / c2) + h["eps"])}
    return {}


def test_every_kind_with_a_state_to_show_is_covered():
    kinds = {o.kind for o in OPTS.values()}
    assert {k for k in optimizers.names() if optimizers.kind_of(k).internals} <= kinds


@pytest.fixture(scope="module")
def race_steps():
    """Per step of a race: every run's internals, points and the by-hand states."""
    race = runner.Race(ROSEN, OPTS, STARTS)
    states = {k: o.init(STARTS) for k, o in OPTS.items()}
    x = {k: STARTS.copy() for k in OPTS}
    out = []
    for _ in range(STEPS):
        out.append(({k: race.internals(k) for k in OPTS}, {k: race.current_points(k)
                                                            for k in OPTS}, dict(states)))
        for k, opt in OPTS.items():
            x[k], states[k] = opt.step(x[k], ROSEN.grad(x[k]), states[k], surface=ROSEN)
        race.advance(1)
    return out


@pytest.mark.parametrize("label", list(OPTS))
def test_internals_equal_the_state_at_every_step(label, race_steps):
    opt = OPTS[label]
    for step, (internals, points, states) in enumerate(race_steps):
        got, want = internals[label], expected(opt, states[label])
        assert set(want) <= set(got), (step, set(got))
        for name, value in want.items():
            if step == 0 and name == "scale" and opt.kind != "adadelta":
                continue  # no squared gradient yet: η/ε, nothing to compare with
            np.testing.assert_allclose(got[name], value, rtol=1e-12, err_msg=f"{step} {name}")
        np.testing.assert_allclose(got["gradient_term"], -opt.hyper["lr"] * ROSEN.grad(
            points[label]), rtol=1e-12)


@pytest.mark.parametrize("label", ["newton", "lbfgs", "lbfgs fixed"])
def test_second_order_internals_are_the_step_the_run_then_takes(label, race_steps):
    for (internals, points, _), (_, after, _) in zip(race_steps[:-1], race_steps[1:], strict=True):
        taken = after[label] - points[label]
        if label == "newton":
            np.testing.assert_allclose(internals[label]["newton_step"], taken, rtol=1e-12)
            continue
        d = internals[label]["direction"]
        moving = np.linalg.norm(taken, axis=-1) > 1e-12  # (not stopped, nor converged)
        if label == "lbfgs fixed":
            np.testing.assert_allclose(0.01 * d[moving], taken[moving], rtol=1e-12)
            continue
        alpha = np.sum(taken * d, -1) / np.sum(d * d, -1)
        assert (alpha[moving] > 0).all()
        np.testing.assert_allclose(taken[moving], alpha[moving, None] * d[moving], rtol=1e-9)


def test_adaptive_effective_step_is_the_mean_scale():
    race = runner.Race(ROSEN, {"adam": OPTS["adam"]}, STARTS)
    for _ in range(5):
        race.advance(1)
        scale = race.internals("adam")["scale"]
        np.testing.assert_allclose(race.history("adam").effective_lrs[-1], scale.mean(-1),
                                   rtol=1e-12)
