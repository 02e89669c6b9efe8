"""A new optimizer is one registration: sign-SGD, x ← x − η·sign(g), registered
here alone, races, saves and trains like any built-in kind."""

import numpy as np
import pytest

from optim_core import classifier, optimizers, runner, surfaces
from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment, default_run, make_optimizer
from optim_core.training.full_space import TrainConfig, train


def sign_sgd(x, g, state, t, *, lr):
    """x ← x − η·sign(g)."""
    return x - lr * np.sign(g), {}


@pytest.fixture
def sign():
    with optimizers.registered("sign_sgd", sign_sgd, hyper={"lr": 1e-2}, label="Sign SGD",
                               formula="x ← x − η·sign(g)",
                               summary="Steps η along the sign of each coordinate."):
        yield
    assert "sign_sgd" not in optimizers.names()  # nothing leaks into the other tests


def test_it_races_in_lockstep_with_adam(sign):
    s = surfaces.get("rosenbrock")
    opts = {"sign": optimizers.get("sign_sgd", lr=2e-3), "adam": optimizers.get("adam")}
    starts = np.array([[-1.2, 1.0], [0.5, -0.5]])
    runs = runner.run(s, opts, starts, 200)
    x = starts.copy()
    for k in range(1, 201):
        x = x - 2e-3 * np.sign(s.grad(x))
        np.testing.assert_allclose(runs["sign"].points[k], x, rtol=1e-12)
    alone = runner.run(s, {"adam": opts["adam"]}, starts, 200)["adam"]
    np.testing.assert_allclose(runs["adam"].points, alone.points, rtol=1e-12)
    np.testing.assert_array_equal(runs["sign"].lrs[1:], 2e-3)


def test_it_saves_in_an_experiment_file_and_opens_again(sign, tmp_path):
    spec = default_experiment()
    spec.runs.append(default_run("sign_sgd", "Sign", used_colors=[r.color for r in spec.runs],
                                 lr=5e-3))
    path = tmp_path / "sign.optviz.json"
    ef.save(spec, path)
    again = ef.load(path)
    assert (again.runs[-1].kind, again.runs[-1].hyper) == ("sign_sgd", {"lr": 5e-3})
    assert make_optimizer(again.runs[-1]).hyper == {"lr": 5e-3}
    doc = ef.to_dict(again)
    doc["runs"][-1]["hyper"]["lr"] = 1e9
    with pytest.raises(ValueError, match=r"runs\[4\]\.hyper\.lr"):
        ef.from_dict(doc)


def test_it_trains_the_classifier(sign):
    ds = classifier.load_dataset("digits")
    runs = train(ds, "softmax", 1e-3, {"sign": optimizers.get("sign_sgd", lr=5e-3)},
                 config=TrainConfig(epochs=3, batch_size=200))
    loss = runs["sign"].train_loss
    assert not runs["sign"].diverged and loss[-1] < 0.5 * loss[0]
    model = classifier.LinearClassifier(ds.X_train, ds.y_train, "softmax", 1e-3)
    W0 = classifier.init_weights(ds.dim, ds.num_classes)
    W = classifier.train(model, W0, kind="sign_sgd", steps=100, lr=1e-3)
    assert model.loss(W) < 0.5 * model.loss(W0)


def test_without_the_fixture_it_is_unknown():
    with pytest.raises(ValueError, match="unknown optimizer 'sign_sgd'"):
        optimizers.get("sign_sgd")
