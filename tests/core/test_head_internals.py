"""What the internals view draws equals what the race's optimizers hold and do."""

import numpy as np
import pytest

from optim_core import optimizers, runner, surfaces
from optim_core.analysis import explain, head_internals
from optim_core.analysis.explain_text import vec

KINDS = {"sgd": {"lr": 1e-3}, "momentum": {"lr": 1e-3, "mu": 0.9},
         "nesterov": {"lr": 1e-3, "mu": 0.8}, "momentum_ema": {"lr": 1e-2, "beta": 0.9},
         "adagrad": {"lr": 0.3}, "rmsprop": {"lr": 1e-2, "rho": 0.9},
         "adam": {"lr": 1e-2}, "adamw": {"lr": 1e-2}, "newton": {"lr": 0.5},
         "lbfgs": {"lr": 1.0}, "adadelta": {"lr": 1.0}}
STARTS = np.array([[-1.5, 2.0], [0.5, -0.5]])


def race_of(kinds=KINDS, surface=None, starts=STARTS) -> runner.Race:
    surface = surface or surfaces.get("rosenbrock")
    return runner.Race(surface, {k: optimizers.get(k, **h) for k, h in kinds.items()}, starts)


def test_each_drawn_step_is_the_step_the_race_then_takes():
    race = race_of()
    for _ in range(25):
        heads = {k: head_internals.at_heads(race, k) for k in KINDS}
        race.advance(1)
        for kind, head in heads.items():
            taken = race.current_points(kind) - head.points
            np.testing.assert_array_equal(head.vectors["step"], taken, err_msg=kind)


def test_vectors_equal_the_optimizers_own_state_at_every_step():
    race = race_of()
    for _ in range(30):
        race.advance(1)
        for kind, h in KINDS.items():
            head = head_internals.at_heads(race, kind)
            state, g = race.state(kind), head.gradient
            v = head.vectors
            np.testing.assert_allclose(v["gradient_term"], -h["lr"] * g, rtol=1e-12)
            if kind in ("momentum", "nesterov", "momentum_ema"):
                np.testing.assert_allclose(v["velocity"], state["v"], rtol=1e-12, atol=0)
            if kind in ("adagrad", "rmsprop"):
                np.testing.assert_allclose(v["scale"], h["lr"] / (np.sqrt(state["c"]) + 1e-8),
                                           rtol=1e-12)
            if kind in ("adam", "adamw"):
                t = race.step
                np.testing.assert_allclose(v["velocity"], state["m"] / (1 - 0.9**t), rtol=1e-12)
                v_hat = state["v"] / (1 - 0.999**t)
                np.testing.assert_allclose(v["scale"], h["lr"] / (np.sqrt(v_hat) + 1e-8),
                                           rtol=1e-12)
            if kind == "newton":
                H = race.surface.hessian(head.points) + 1e-3 * np.eye(2)
                expected = -h["lr"] * np.linalg.solve(H, g[..., None])[..., 0]
                np.testing.assert_allclose(v["newton_step"], expected, rtol=1e-9)


def test_averaged_velocities_are_drawn_as_the_step_they_stand_for():
    m_hat = np.array([[2.0, -1.0]])
    drawn = head_internals.drawn("adam", {"velocity": m_hat}, 0.1)
    np.testing.assert_allclose(drawn["velocity"], [[-0.2, 0.1]])
    v = np.array([[0.3, 0.4]])
    assert head_internals.drawn("momentum", {"velocity": v}, 0.1)["velocity"] is v


def test_minibatch_heads_use_the_next_steps_batch():
    from optim_core import classifier

    ds = classifier.load_dataset("digits")
    model = classifier.LinearClassifier(ds.X_train[:300], ds.y_train[:300])
    W0 = classifier.init_weights(ds.dim, ds.num_classes, seed=0)
    plane = classifier.PlaneSlice(model, W0, *classifier.random_directions(W0, seed=1))
    race = race_of({"sgd": {"lr": 0.5}, "adam": {"lr": 0.05}}, plane.minibatch(32, seed=3),
                   np.array([[0.2, -0.1]]))
    for _ in range(5):
        race.advance(1)
        heads = {k: head_internals.at_heads(race, k) for k in ("sgd", "adam")}
        race.advance(1)
        for kind, head in heads.items():
            np.testing.assert_allclose(head.vectors["step"],
                                       race.current_points(kind) - head.points,
                                       rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_explained_steps_final_arrow_is_exactly_the_race_step(kind):
    race = race_of()
    race.advance(17)
    for start in range(len(STARTS)):
        step = explain.explain_step(race, kind, start=start)
        before = race.current_points(kind)[start]
        np.testing.assert_array_equal(step.point, before)
        twin = race_of()
        twin.advance(18)
        np.testing.assert_array_equal(step.final, twin.current_points(kind)[start] - before)
        assert step.t == 18 and step.stages[-1].name == "step"


STAGES = {"sgd": ["gradient", "step"], "momentum": ["gradient", "velocity", "step"],
          "momentum_ema": ["gradient", "velocity", "step"],
          "adagrad": ["gradient", "adaptive", "step"], "rmsprop": ["gradient", "adaptive", "step"],
          "adam": ["gradient", "velocity", "adaptive", "step"],
          "newton": ["gradient", "curvature", "step"], "lbfgs": ["gradient", "direction", "step"],
          "adadelta": ["gradient", "adaptive", "step"]}


@pytest.mark.parametrize("kind", sorted(STAGES))
def test_each_kind_is_explained_in_its_own_stages(kind):
    race = race_of()
    race.advance(5)
    assert [s.name for s in explain.explain_step(race, kind).stages] == STAGES[kind]


def test_momentum_velocity_line_puts_in_the_runs_numbers():
    race = race_of()
    race.advance(4)
    v_before = race.state("momentum")["v"][0].copy()
    g = head_internals.next_gradient(race, "momentum")[0]
    step = explain.explain_step(race, "momentum")
    race.advance(1)
    v_after = race.state("momentum")["v"][0]
    line = step.stages[1].lines[0]
    assert line == (f"v ← μ·v − η·g = 0.9·{vec(v_before)} − 0.001·{vec(g)} = {vec(v_after)}")
    np.testing.assert_allclose(step.stages[1].arrows["velocity"], v_after, rtol=1e-15)


def test_adam_stages_show_m_hat_and_the_box_of_the_new_state():
    race = race_of()
    race.advance(9)
    step = explain.explain_step(race, "adam")
    race.advance(1)
    head = head_internals.at_heads(race, "adam")
    adaptive = step.stages[2]
    np.testing.assert_allclose(adaptive.box, head.vectors["scale"][0], rtol=1e-15)
    assert vec(head.vectors["velocity"][0]) in step.stages[1].lines[1]
    assert "β₁^10" in step.stages[1].lines[1]


def test_a_stopped_point_has_no_step_to_explain():
    race = race_of({"sgd": {"lr": 5.0}}, starts=np.array([[-1.5, 2.0]]))
    race.advance(40)
    with pytest.raises(ValueError, match="stopped"):
        explain.explain_step(race, "sgd")
