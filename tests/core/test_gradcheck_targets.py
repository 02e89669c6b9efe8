"""What the gradient-check panel checks: targets, planted bugs, kinks, CSV."""

import csv

import numpy as np
import pytest

from optim_core import classifier, gradcheck, surfaces
from optim_core.analysis import gradcheck_targets as targets


@pytest.fixture(scope="module")
def model():
    ds = classifier.load_dataset("digits")
    return classifier.LinearClassifier(ds.X_train, ds.y_train, loss="softmax", reg=1e-2)


@pytest.fixture(scope="module")
def W(model):
    return 0.05 * np.random.default_rng(1).normal(size=(model.dim, 10))


@pytest.mark.parametrize("part", targets.PARTS)
def test_each_part_is_checked_with_its_own_function(model, W, part):
    fn = {"data": model.data_loss_and_grad, "reg": model.reg_loss_and_grad,
          "total": model.loss_and_grad}[part]
    table = targets.check(targets.classifier_target(model, W, part), n_samples=8, seed=2)
    rows = gradcheck.check(lambda w: fn(w)[0], lambda w: fn(w)[1], W, n_samples=8, seed=2)
    assert table.rows == rows
    assert {r.verdict for r in table.rows} <= {"right", "kink"}
    assert table.kinks is None  # softmax is smooth


def test_planted_bugs_are_the_documented_mistakes(model, W):
    data = targets.classifier_target(model, W, "data")
    np.testing.assert_allclose(data.buggy_grad(W), model.num_samples * data.grad(W))
    reg = targets.classifier_target(model, W, "reg")
    np.testing.assert_allclose(reg.buggy_grad(W), model.reg * W)
    total = targets.classifier_target(model, W, "total")
    g_data = model.data_loss_and_grad(W)[1]
    np.testing.assert_allclose(total.buggy_grad(W),
                               model.num_samples * g_data + 2 * model.reg * W)
    table = targets.check(total, n_samples=10, planted_bug=True)
    assert all(r.verdict == gradcheck.WRONG for r in table.rows if g_data[r.index] != 0)
    assert any(g_data[r.index] != 0 for r in table.rows)


def test_toy_target_and_its_kink_flag():
    s = surfaces.get("kinked")
    table = targets.check(targets.toy_target(s, [3e-6, 0.4]), h=1e-5)
    assert table.names == ["x", "y"] and table.kinks == [True, False]
    assert table.rows[0].verdict == gradcheck.WRONG  # the window averages two slopes
    bowl = targets.toy_target(surfaces.get("rosenbrock"), [0.3, 0.2])
    assert bowl.kink is None
    np.testing.assert_allclose(bowl.buggy_grad(bowl.x), 0.5 * bowl.grad(bowl.x))


def test_h_sweep_has_one_column_per_coordinate(model, W):
    t = targets.classifier_target(model, W, "data")
    idx = [(3, 1), (20, 7)]
    hs, errors = targets.h_sweep(t, idx, hs=np.logspace(-9, -2, 8))
    assert errors.shape == (8, 2)
    for k, i in enumerate(idx):
        np.testing.assert_array_equal(errors[:, k],
                                      gradcheck.h_sweep(t.f, t.grad, W, hs, indices=[i])[1])


def test_csv_keeps_full_precision(model, W):
    table = targets.check(targets.classifier_target(model, W, "data"), n_samples=5)
    rows = list(csv.DictReader(targets.to_csv(table).splitlines()))
    assert [float(r["numeric"]) for r in rows] == [r.numeric for r in table.rows]
    assert rows[0]["differences"] == "centred" and rows[0]["kink"] == ""
