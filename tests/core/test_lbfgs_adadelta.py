"""The notes' last two optimizers: AdaDelta against its formula worked by hand,
L-BFGS on Rosenbrock and on the digits classifier's full weights."""

import itertools
import math

import numpy as np

from optim_core import classifier, optimizers, runner, surfaces
from optim_core.training import descent
from optim_core.training.full_space import TrainConfig, train

ROSEN = surfaces.get("rosenbrock")


def adadelta_by_hand(start, steps, rho=0.95, eps=1e-6, lr=1.0):
    """Zeiler (2012), one coordinate at a time in plain floats."""
    x, eg2, edx2, out = list(start), [0.0, 0.0], [0.0, 0.0], [list(start)]
    for _ in range(steps):
        g = list(ROSEN.grad(np.array(x)))
        for i in range(2):
            eg2[i] = rho * eg2[i] + (1 - rho) * g[i] ** 2
            dx = -math.sqrt(edx2[i] + eps) / math.sqrt(eg2[i] + eps) * g[i]
            edx2[i] = rho * edx2[i] + (1 - rho) * dx**2
            x[i] += lr * dx
        out.append(list(x))
    return np.array(out)


def test_adadelta_trajectory_equals_the_formula_by_hand():
    run = runner.run(ROSEN, {"a": optimizers.get("adadelta")}, [-1.2, 1.0], 400)["a"]
    np.testing.assert_allclose(run.points[:, 0], adadelta_by_hand([-1.2, 1.0], 400), rtol=1e-12)
    assert optimizers.get("adadelta").hyper == {"lr": 1.0, "rho": 0.95, "eps": 1e-6}


def test_lbfgs_crosses_rosenbrock_in_under_60_iterations_deterministically():
    opt = optimizers.get("lbfgs")
    assert (opt.hyper["memory"], opt.hyper["line_search"]) == (10, True)
    runs = [runner.run(ROSEN, {"l": opt}, [-1.2, 1.0], 60)["l"] for _ in range(2)]
    first = int(np.argmax(runs[0].values[:, 0] < 1e-10))
    assert 0 < first <= 60 and runs[0].values[first, 0] < 1e-10
    np.testing.assert_array_equal(runs[0].points, runs[1].points)


def test_lbfgs_with_a_fixed_step_takes_eta_times_its_direction():
    opt = optimizers.get("lbfgs", lr=0.1, line_search=False, memory=3)
    x = np.array([[-1.2, 1.0]])
    state = opt.init(x)
    for _ in range(5):
        g = ROSEN.grad(x)
        d = optimizers.internals(opt, state, g, x=x)["direction"]
        x_new, state = opt.step(x, g, state, surface=ROSEN)
        np.testing.assert_allclose(x_new - x, 0.1 * d, rtol=1e-12)
        x = x_new
    assert state["s"].shape == (1, 3, 2)


def test_lbfgs_trains_the_digits_softmax_to_adams_500_step_loss_in_fewer_steps():
    ds = classifier.load_dataset("digits")
    model = classifier.LinearClassifier(ds.X_train, ds.y_train, "softmax", 1e-3)
    W0 = classifier.init_weights(ds.dim, ds.num_classes)
    adam = model.loss(classifier.train(model, W0, kind="adam", steps=500, lr=1e-2))
    steps = descent.descend(optimizers.get("lbfgs"), W0, itertools.repeat(model, 100))
    reached = next(t for t, (_, W) in enumerate(steps, start=1) if model.loss(W) <= adam)
    assert reached < 50  # about 20 here
    # The training tab's loop too: full batch, one step an epoch.
    runs = train(ds, "softmax", 1e-3, {"l": optimizers.get("lbfgs")}, W0,
                 TrainConfig(epochs=reached, batch_size=0))
    assert runs["l"].train_loss[-1] <= adam and not runs["l"].diverged
