"""The internals presets show the lessons their notes promise."""

import numpy as np
import pytest

from optim_core import optimizers, runner
from optim_core.analysis import stability
from optim_core.experiment import file as ef
from optim_core.experiment.spec import make_optimizer, make_surface, starts_array

PRESETS = {p.name.removesuffix(ef.SUFFIX): p for p in ef.presets()}


def load(name: str):
    spec = ef.load(PRESETS[name])
    return spec, make_surface(spec.surface)


def internals_over_steps(surface, opt, start, steps: int) -> list[dict]:
    """The optimizer's internals before each of ``steps`` steps from ``start``."""
    x = np.asarray(start, dtype=float)[None]
    state, out = opt.init(x), []
    for _ in range(steps):
        g = surface.grad(x)
        out.append({"g": g[0], **{k: v[0] for k, v in optimizers.internals(
            opt, state, g, x=x, surface=surface).items()}})
        x, state = opt.step(x, g, state, surface=surface)
    return out


def angle(a: np.ndarray, b: np.ndarray) -> float:
    cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))))


@pytest.mark.parametrize("name", ["ravine_critical_lr", "ravine_momentum_stable_range",
                                  "internals_adagrad_rmsprop_boxes", "rosenbrock_adam_lag"])
def test_internals_presets_open_with_the_internals_shown(name):
    spec, _ = load(name)
    assert spec.view.internals.shown and spec.view.internals.pieces


def test_ravine_sgd_converges_at_098_and_diverges_at_102_of_its_critical_lr():
    spec, surface = load("ravine_critical_lr")
    H = surface.hessian(starts_array(spec)[0])
    eta = stability.critical_lr("sgd", H)
    assert [r.hyper["lr"] for r in spec.runs] == [pytest.approx(0.98 * eta),
                                                  pytest.approx(1.02 * eta)]
    runs = runner.run(surface, {r.label: make_optimizer(r) for r in spec.runs},
                      starts_array(spec), spec.steps)
    below, above = (runs[r.label] for r in spec.runs)
    assert below.diverged_at[0] == -1 and below.values[-1, 0] < 1e-4
    assert above.diverged_at[0] > 0 or above.values[-1, 0] > 1e3 * above.values[0, 0]


def test_momentum_is_stable_at_an_eta_where_sgd_blows_up():
    spec, surface = load("ravine_momentum_stable_range")
    H = surface.hessian(starts_array(spec)[0])
    sgd_spec, mom_spec = spec.runs
    eta = sgd_spec.hyper["lr"]
    assert eta == mom_spec.hyper["lr"]
    assert stability.critical_lr("sgd", H) < eta < stability.critical_lr(
        "momentum", H, mu=mom_spec.hyper["mu"])
    runs = runner.run(surface, {r.label: make_optimizer(r) for r in spec.runs},
                      starts_array(spec), spec.steps)
    assert runs[sgd_spec.label].diverged_at[0] > 0
    assert runs[mom_spec.label].diverged_at[0] == -1
    assert runs[mom_spec.label].values[-1, 0] < 1e-6


def test_adagrad_box_only_shrinks_while_rmsprop_box_breathes():
    spec, surface = load("internals_adagrad_rmsprop_boxes")
    start = starts_array(spec)[0]
    boxes = {r.kind: np.array([s["scale"] for s in internals_over_steps(
        surface, make_optimizer(r), start, spec.steps)[1:]]) for r in spec.runs}
    ada, rms = boxes["adagrad"], boxes["rmsprop"]
    assert (np.diff(ada, axis=0) <= 0).all()  # shrinks for good, every coordinate
    assert (ada[-1] < 0.3 * ada[0]).all()
    low = rms.min(axis=0)
    assert (rms[-1] > 2 * low).all()  # fell, then grew back
    ends = runner.run(surface, {r.kind: make_optimizer(r) for r in spec.runs}, start,
                      spec.steps)
    assert ends["rmsprop"].values[-1, 0] < ends["adagrad"].values[-1, 0]


def test_adam_m_hat_lags_the_gradient_at_the_turn_and_less_with_small_beta1():
    spec, surface = load("rosenbrock_adam_lag")
    start = starts_array(spec)[0]
    slow, quick = (internals_over_steps(surface, make_optimizer(r), start, spec.steps)
                   for r in spec.runs)
    angles = np.array([angle(s["velocity"], s["g"]) for s in slow[1:]])
    assert angles[:25].max() < 15  # the straight run-in: m̂ along g
    turn = int(np.argmax(angles))
    assert 25 < turn < 80 and angles[turn] > 90  # m̂ still points the old way
    assert angles[-50:].max() < 30  # turned: together again
    assert max(angle(s["velocity"], s["g"]) for s in quick[1:]) < 10
