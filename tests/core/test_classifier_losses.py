"""LinearClassifier: formulas against naive loops, gradients against gradcheck, sanity values."""

import math

import numpy as np
import pytest

from optim_core import classifier, gradcheck


def _problem(loss, N=30, D=6, K=4, seed=0, reg=1e-2, scale=1.0):
    rng = np.random.default_rng(seed)
    X = np.hstack([rng.standard_normal((N, D - 1)), np.ones((N, 1))])
    y = rng.integers(0, K, N)
    W = scale * rng.standard_normal((D, K))
    return classifier.LinearClassifier(X, y, loss=loss, reg=reg), W


def _naive_loss(model, W):
    """cs231n's loop-over-samples versions, with λΣW²."""
    total = 0.0
    for x, y in zip(model.X, model.y, strict=True):
        s = x @ W
        if model.kind == "softmax":
            top = max(s)
            total += top + math.log(sum(math.exp(v - top) for v in s)) - s[y]
        else:
            total += sum(max(0.0, s[k] - s[y] + model.delta) for k in range(len(s)) if k != y)
    return total / len(model.y) + model.reg * float(np.sum(W * W))


@pytest.mark.parametrize("loss", classifier.LOSSES)
def test_loss_equals_the_per_sample_formula(loss):
    model, W = _problem(loss)
    assert model.loss(W) == pytest.approx(_naive_loss(model, W), rel=1e-12)
    assert model.loss_and_grad(W)[0] == pytest.approx(model.loss(W), rel=1e-14)


def test_regularizer_is_lambda_sum_of_squares_with_gradient_2_lambda_w():
    model, W = _problem("softmax", reg=0.3)
    value, grad = model.reg_loss_and_grad(W)
    assert value == pytest.approx(0.3 * np.sum(W**2))
    np.testing.assert_allclose(grad, 0.6 * W)
    data, _ = model.data_loss_and_grad(W)
    assert model.loss(W) == pytest.approx(data + value)


@pytest.mark.parametrize("part", ["data_loss_and_grad", "reg_loss_and_grad", "loss_and_grad"])
def test_softmax_gradients_pass_gradcheck(part):
    model, W = _problem("softmax")
    fn = getattr(model, part)
    rows = gradcheck.check(lambda w: fn(w)[0], lambda w: fn(w)[1], W, h=1e-5)
    assert len(rows) == W.size
    assert max(r.rel_error for r in rows) < 1e-7


@pytest.mark.parametrize("part", ["data_loss_and_grad", "loss_and_grad"])
def test_svm_gradients_pass_gradcheck_away_from_kinks(part):
    model, W = _problem("svm", scale=3.0)
    h = 1e-5
    fn = getattr(model, part)
    rows = gradcheck.check(lambda w: fn(w)[0], lambda w: fn(w)[1], W, h=h)
    smooth = [r for r in rows if not model.crosses_kink(W, r.index, h)]
    assert len(smooth) > 0.8 * len(rows)
    assert max(r.rel_error for r in smooth) < 1e-7


def test_a_planted_gradient_bug_fails_gradcheck():
    model, W = _problem("softmax")
    rows = gradcheck.check(model.loss, lambda w: 1.01 * model.loss_and_grad(w)[1], W)
    assert min(r.rel_error for r in rows) > 1e-3


def test_crosses_kink_matches_hinges_changing_side():
    model, W = _problem("svm", scale=3.0, N=60)
    h = 0.05
    flagged = 0
    for index in np.ndindex(W.shape):
        plus, minus = W.copy(), W.copy()
        plus[index] += h
        minus[index] -= h
        sides = [np.nan_to_num(model.margins(w), nan=-1.0) > 0 for w in (plus, minus)]
        changes = bool(np.any(sides[0] != sides[1]))
        assert model.crosses_kink(W, index, h) == changes, index
        flagged += changes
    assert 0 < flagged < W.size
    assert model.crosses_kink(W, 0, h) == model.crosses_kink(W, (0, 0), h)
    softmax, _ = _problem("softmax")
    assert not softmax.crosses_kink(W, (0, 0), 10.0)


def test_huge_scores_give_finite_losses_without_warnings():
    for loss in classifier.LOSSES:
        model, W = _problem(loss, scale=1e4)
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            value, grad = model.loss_and_grad(W)
        assert np.isfinite(value) and np.all(np.isfinite(grad))
        assert value == pytest.approx(_naive_loss(model, W), rel=1e-12)


@pytest.fixture(scope="module")
def digits():
    return classifier.load_dataset("digits")


def test_sanity_values_at_small_random_weights(digits):
    W = classifier.init_weights(digits.dim, digits.num_classes, seed=0)
    assert W.shape == (65, 10) and np.std(W) == pytest.approx(1e-3, rel=0.1)
    soft = classifier.LinearClassifier(digits.X_train, digits.y_train, "softmax")
    svm = classifier.LinearClassifier(digits.X_train, digits.y_train, "svm")
    assert soft.loss(W) == pytest.approx(math.log(10), abs=0.01)
    assert svm.loss(W) == pytest.approx(9.0, abs=0.05)


def test_predict_and_accuracy():
    X = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
    y = np.array([0, 1, 1])
    W = np.array([[2.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    model = classifier.LinearClassifier(X, y)
    np.testing.assert_array_equal(model.predict(W), [0, 1, 0])
    assert model.accuracy(W) == pytest.approx(2 / 3)
    assert model.accuracy(W, X[:2], y[:2]) == 1.0


def test_model_takes_the_class_count_from_w():
    model, W = _problem("softmax", K=4)
    batch = classifier.LinearClassifier(model.X[:3], np.array([0, 0, 1]))
    assert np.isfinite(batch.loss(W))
    with pytest.raises(ValueError, match="K > 3"):
        model.loss(W[:, :3])
    with pytest.raises(ValueError, match="unknown loss"):
        classifier.LinearClassifier(model.X, model.y, loss="hinge")
