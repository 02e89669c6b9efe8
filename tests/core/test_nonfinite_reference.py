"""NaN and ±inf against hand-written references: gradient checks and slice grids.

A gradient check must never call a NaN or infinite derivative "right"; a
slice grid must give NaN in the cell of a NaN or infinite coordinate and the
exact loss everywhere else, as the point-by-point loss does, without a
warning (warnings are errors here); data holding NaN are refused; W* trains
to finite weights at every λ a file allows.
"""

import math

import numpy as np
import pytest

from optim_core import classifier, gradcheck
from optim_core.experiment.spec import REG_MAX

NAN, INF = math.nan, math.inf

RELATIVE = [  # (analytic, numeric, |a − n| / max(|a|, |n|) worked by hand; NaN: none)
    (1.0, 1.0, 0.0), (1.0, 0.99, 0.01), (0.0, 0.0, 0.0), (0.0, 1e-9, 1.0),
    (1e308, -1e308, 2.0), (-3.0, 1.0, 4.0 / 3.0),
    (NAN, 1.0, NAN), (1.0, NAN, NAN), (NAN, NAN, NAN), (INF, INF, NAN), (-INF, 1.0, NAN),
    (1.0, INF, NAN),
]


@pytest.mark.parametrize("a,n,expected", RELATIVE)
def test_relative_error_and_verdict_against_the_hand_computed_value(a, n, expected):
    err = gradcheck.relative_error(a, n)
    if math.isnan(expected):
        assert math.isnan(err) and gradcheck.verdict(err) == gradcheck.WRONG
    else:
        assert err == pytest.approx(expected, rel=1e-12, abs=0)
    arr = gradcheck.relative_error(np.array([a, 1.0]), np.array([n, 1.0]))
    assert arr[1] == 0.0 and (math.isnan(arr[0]) if math.isnan(expected) else
                              arr[0] == pytest.approx(expected, rel=1e-12, abs=0))


def square(x):
    return float(np.sum(x * x))


@pytest.mark.parametrize("f,grad_f", [
    (square, lambda x: np.full_like(x, np.nan)),
    (square, lambda x: np.full_like(x, np.inf)),
    (lambda x: math.nan, lambda x: 2 * x),
    (lambda x: math.inf, lambda x: 2 * x),
], ids=["NaN analytic", "inf analytic", "NaN function", "inf function"])
def test_a_non_finite_gradient_is_never_graded_right(f, grad_f):
    rows = gradcheck.check(f, grad_f, np.array([1.0, -2.0, 0.5]))
    assert [r.verdict for r in rows] == [gradcheck.WRONG] * 3


def reference_loss(X, y, W, kind, reg):
    """The course's loss written out sample by sample (no vectorization)."""
    total = 0.0
    for x, label in zip(X, y, strict=True):
        s = [sum(x[d] * W[d, k] for d in range(len(x))) for k in range(W.shape[1])]
        if kind == "svm":
            total += sum(max(0.0, s[k] - s[label] + 1.0) for k in range(len(s)) if k != label)
        else:
            m = max(s)
            total += math.log(sum(math.exp(v - m) for v in s)) + m - s[label]
    return total / len(y) + reg * float(np.sum(W * W))


def tiny_plane(kind, reg=0.05):
    rng = np.random.default_rng(3)
    X = np.c_[rng.normal(size=(12, 3)), np.ones(12)]
    y = np.arange(12) % 3
    W0, D1, D2 = (rng.normal(size=(4, 3)) for _ in range(3))
    model = classifier.LinearClassifier(X, y, loss=kind, reg=reg)
    return classifier.PlaneSlice(model, W0, D1, D2), X, y


@pytest.mark.parametrize("kind", ["svm", "softmax"])
def test_non_finite_coordinates_give_nan_in_their_own_cells_only(kind):
    plane, X, y = tiny_plane(kind)
    a = np.array([NAN, -1.0, 0.0, 0.5, INF, 2.0])
    b = np.array([0.0, NAN, 1.0, -INF])
    Z = plane.grid(a, b)
    for i, bi in enumerate(b):
        for j, aj in enumerate(a):
            if not (math.isfinite(aj) and math.isfinite(bi)):
                assert math.isnan(Z[i, j]), (i, j)
                continue
            W = plane.W0 + aj * plane.D1 + bi * plane.D2
            assert Z[i, j] == pytest.approx(reference_loss(X, y, W, kind, 0.05), rel=1e-9)
    points = np.stack(np.meshgrid(a, b), axis=-1)
    assert np.array_equal(np.isnan(plane.value(points)), np.isnan(Z))
    assert np.allclose(plane.value(points), Z, rtol=1e-9, equal_nan=True)


@pytest.mark.parametrize("kind", ["svm", "softmax"])
def test_coordinates_so_large_that_scores_overflow_warn_nothing(kind):
    plane, _, _ = tiny_plane(kind)
    a = np.array([-1e300, 0.0, 1e300])
    Z = plane.grid(a, a)
    V = plane.value(np.stack(np.meshgrid(a, a), axis=-1))
    assert np.isfinite(Z[1, 1]) and np.isfinite(V[1, 1])
    assert Z[1, 1] == pytest.approx(V[1, 1], rel=1e-9)
    assert not np.isfinite(Z[0, 0]) and not np.isfinite(V[0, 0])


@pytest.mark.parametrize("bad", [NAN, INF])
def test_data_holding_nan_or_inf_are_refused(bad):
    X = np.ones((4, 2))
    X[2, 0] = bad
    with pytest.raises(ValueError, match="X holds NaN or infinite values"):
        classifier.LinearClassifier(X, np.array([0, 1, 0, 1]))


@pytest.fixture(scope="module")
def digits():
    return classifier.load_dataset("digits")


@pytest.mark.parametrize("kind", ["softmax", "svm"])
@pytest.mark.parametrize("reg", [2.0, 10.0, REG_MAX])
def test_trained_centre_is_finite_and_no_worse_than_zero_at_large_lambda(digits, kind, reg):
    model = classifier.LinearClassifier(digits.X_train, digits.y_train, loss=kind, reg=reg)
    W0 = classifier.init_weights(digits.dim, digits.num_classes)
    W = classifier.train(model, W0, steps=60)
    assert np.all(np.isfinite(W))
    zero = np.zeros_like(W)
    assert model.loss(W) <= max(model.loss(W0), model.loss(zero)) + 1e-9
    D1, D2 = classifier.random_directions(W, 0, normalize="filter")
    grid = classifier.PlaneSlice(model, W, D1, D2).grid(np.linspace(-1, 1, 9), np.zeros(3))
    assert np.all(np.isfinite(grid))
