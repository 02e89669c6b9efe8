"""PlaneSlice / LineSlice: exact fast grids, chain-rule gradients, progress and cancel."""

import numpy as np
import pytest

from optim_core import classifier, gradcheck
from optim_core.classifier.grid_softmax import SoftmaxGrid
from optim_core.surfaces.base import Surface

RAISE = dict(over="raise", divide="raise", invalid="raise")


def _plane(loss, reg=1e-2, N=40, D=7, K=5, seed=0, scale=1.0, extent=1.0):
    rng = np.random.default_rng(seed)
    X = np.hstack([rng.standard_normal((N, D - 1)), np.ones((N, 1))])
    y = rng.integers(0, K, N)
    model = classifier.LinearClassifier(X, y, loss=loss, reg=reg)
    W0 = scale * rng.standard_normal((D, K))
    D1, D2 = classifier.random_directions(W0, seed + 1, normalize="filter")
    return classifier.PlaneSlice(model, W0, D1, D2, extent=extent)


def _point_by_point(plane, a, b):
    return np.array([[plane.model.loss(plane.W0 + ai * plane.D1 + bi * plane.D2) for ai in a]
                     for bi in b])


def _assert_exact(Z, ref):
    assert Z.shape == ref.shape
    assert np.max(np.abs(Z - ref) / np.abs(ref)) <= 1e-9


@pytest.mark.parametrize("loss", classifier.LOSSES)
@pytest.mark.parametrize("reg", [0.0, 0.05])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_grid_equals_point_by_point(loss, reg, seed):
    plane = _plane(loss, reg=reg, seed=seed, scale=2.0)
    a, b = np.linspace(-1.5, 1.0, 23), np.linspace(-0.7, 1.3, 9)  # non-square
    with np.errstate(**RAISE):
        Z = plane.grid(a, b)
    _assert_exact(Z, _point_by_point(plane, a, b))


@pytest.mark.parametrize("loss", classifier.LOSSES)
@pytest.mark.parametrize("scale", [30.0, 1e3])
def test_grid_is_exact_with_large_scores(loss, scale, monkeypatch):
    # Scores in the thousands: the separately shifted softmax factors
    # underflow, so the direct fallback must take over; nothing warns.
    plane = _plane(loss, scale=scale, extent=3.0)
    a, b = np.linspace(-3, 3, 17), np.linspace(-3, 2, 12)
    assert np.abs(plane.S).max() > 10 * scale
    fallbacks = []
    direct = SoftmaxGrid._direct
    monkeypatch.setattr(SoftmaxGrid, "_direct",
                        lambda self, *args: fallbacks.append(1) or direct(self, *args))
    with np.errstate(**RAISE):
        Z = plane.grid(a, b)
    _assert_exact(Z, _point_by_point(plane, a, b))
    if loss == "softmax" and scale > 100:
        assert fallbacks  # the exactness above covered the underflow path


@pytest.mark.parametrize("loss", classifier.LOSSES)
def test_non_uniform_and_unordered_grids_fall_back_exactly(loss):
    plane = _plane(loss, scale=2.0)
    a = np.array([0.3, -1.0, 0.31, 2.0, -0.2, 0.0])
    b = np.array([1.0, -2.0, 0.5])
    _assert_exact(plane.grid(a, b), _point_by_point(plane, a, b))
    one = np.array([0.25])
    _assert_exact(plane.grid(one, one), _point_by_point(plane, one, one))
    desc = np.linspace(1, -1, 7)
    _assert_exact(plane.grid(desc, desc), _point_by_point(plane, desc, desc))
    assert plane.grid(np.array([]), b).shape == (3, 0)
    assert plane.grid(a, np.array([])).shape == (0, 6)


def test_softmax_grid_without_the_a_factor_cache_is_the_same(monkeypatch):
    # Large data recompute exp(S0 + a·S1) per group of samples instead of keeping it.
    plane = _plane("softmax", scale=30.0, N=100)
    a, b = np.linspace(-1, 1, 13), np.linspace(-2, 2, 7)
    kept = plane.grid(a, b)
    monkeypatch.setattr("optim_core.classifier.grid_softmax._CACHE", 0)
    np.testing.assert_array_equal(plane.grid(a, b), kept)
    _assert_exact(kept, _point_by_point(plane, a, b))


def test_svm_terms_with_zero_slope_are_handled():
    # D1 = 0 on every column: every hinge term is flat in a (P == 0).
    plane = _plane("svm", scale=2.0)
    flat = classifier.PlaneSlice(plane.model, plane.W0, np.zeros_like(plane.D1), plane.D2)
    a, b = np.linspace(-1, 1, 5), np.linspace(-2, 2, 9)
    _assert_exact(flat.grid(a, b), _point_by_point(flat, a, b))


@pytest.mark.parametrize("loss", classifier.LOSSES)
def test_grid_on_digits_uses_threads_and_stays_exact(loss):
    ds = classifier.load_dataset("digits")
    model = classifier.LinearClassifier(ds.X_train, ds.y_train, loss=loss)
    W0 = classifier.train(model, classifier.init_weights(ds.dim, ds.num_classes, 0), steps=30)
    D1, D2 = classifier.random_directions(W0, 3)
    plane = classifier.PlaneSlice(model, W0, D1, D2, dataset_name=ds.name)
    a = b = np.linspace(-1, 1, 64)  # N·64·64 sample-points: large enough for the pool
    Z = plane.grid(a, b)
    rng = np.random.default_rng(0)
    for i, j in rng.integers(0, 64, (25, 2)):
        ref = model.loss(W0 + a[j] * D1 + b[i] * D2)
        assert Z[i, j] == pytest.approx(ref, rel=1e-9)


@pytest.mark.parametrize("loss", classifier.LOSSES)
def test_value_is_the_loss_at_the_plane_point_and_grid_matches_value(loss):
    plane = _plane(loss)
    xy = np.random.default_rng(5).uniform(-1, 1, (3, 4, 2))
    values = plane.value(xy)
    assert values.shape == (3, 4)
    W = plane.weights(xy)
    assert W.shape == (3, 4) + plane.W0.shape
    for idx in np.ndindex(3, 4):
        assert values[idx] == pytest.approx(plane.model.loss(W[idx]), rel=1e-12)
    assert plane.value(np.zeros(2)) == pytest.approx(plane.model.loss(plane.W0), rel=1e-13)


@pytest.mark.parametrize("loss", classifier.LOSSES)
def test_slice_gradient_equals_numeric(loss):
    plane = _plane(loss, scale=2.0)
    h = 1e-6
    checked = 0
    for xy in np.random.default_rng(1).uniform(-1, 1, (8, 2)):
        W = plane.weights(xy)
        # The slice gradient is <∇L(W), Di>, which is exactly the chain rule.
        full = plane.model.loss_and_grad(W)[1]
        grad = plane.value_and_grad(xy)[1]
        np.testing.assert_allclose(grad, [np.sum(full * plane.D1), np.sum(full * plane.D2)],
                                   rtol=1e-10, atol=1e-12)
        numeric = gradcheck.numerical_gradient(lambda p: plane.value(p), xy, h=h)
        if loss == "svm" and _near_kink(plane, xy, h):
            continue
        assert np.max(gradcheck.relative_error(grad, numeric)) < 1e-6
        checked += 1
    assert checked >= 6


def _near_kink(plane, xy, h):
    S0, S1, S2 = plane.S
    y = plane.model.y
    rows = np.arange(len(y))
    margin = lambda S: S - S[rows, y][:, None]  # noqa: E731
    m = margin(S0 + xy[0] * S1 + xy[1] * S2) + plane.model.delta
    reach = h * (np.abs(margin(S1)) + np.abs(margin(S2)))
    return bool(np.any((np.abs(m) < reach)[y[:, None] != np.arange(S0.shape[1])]))


@pytest.mark.parametrize("loss", classifier.LOSSES)
def test_points_far_out_give_non_finite_values_quietly(loss):
    plane = _plane(loss)
    values, grads = plane.value_and_grad(np.array([[np.inf, 0.0], [1e300, 1e300], [np.nan, 1]]))
    assert not np.any(np.isfinite(values))  # the runner's divergence signal
    assert grads.shape == (3, 2)


def test_softmax_hessian_equals_differences_of_the_gradient():
    plane = _plane("softmax", scale=1.5)
    xy = np.array([[0.2, -0.4], [-0.7, 0.5]])
    H = plane.hessian(xy)
    numeric = Surface.hessian(plane, xy, h=1e-5)
    np.testing.assert_allclose(H, numeric, rtol=1e-6, atol=1e-8)
    svm = _plane("svm")
    np.testing.assert_allclose(svm.hessian(np.zeros(2)), 2 * svm.model.reg * svm.gram[1:, 1:])


def test_iter_grid_yields_row_blocks_and_grid_reports_progress():
    plane = _plane("softmax")
    a, b = np.linspace(-1, 1, 6), np.linspace(-1, 1, 11)
    blocks = list(plane.iter_grid(a, b, chunk_rows=4))
    assert [r for r, _ in blocks] == [0, 4, 8]
    assert [blk.shape for _, blk in blocks] == [(4, 6), (4, 6), (3, 6)]
    seen = []
    Z = plane.grid(a, b, progress=seen.append, chunk_rows=4)
    np.testing.assert_allclose(np.vstack([blk for _, blk in blocks]), Z)
    assert seen == pytest.approx([4 / 11, 8 / 11, 1.0])


def test_grid_can_be_cancelled():
    plane = _plane("svm")
    calls = []
    with pytest.raises(classifier.GridCancelled):
        plane.grid(np.linspace(-1, 1, 5), np.linspace(-1, 1, 20), chunk_rows=2,
                   progress=calls.append, cancelled=lambda: len(calls) >= 2)
    assert len(calls) == 2


def test_surface_metadata():
    plane = _plane("svm", reg=0.01, extent=2.5)
    assert isinstance(plane, Surface)
    assert plane.name == "classifier" and plane.has_kinks
    assert plane.bounds == ((-2.5, 2.5), (-2.5, 2.5))
    assert plane.minima.shape == (0, 2)
    assert "SVM" in plane.title and "λ = 0.01" in plane.description
    box = _plane("softmax", extent=((-1, 2), (0, 3)))
    assert box.bounds == ((-1.0, 2.0), (0.0, 3.0)) and not box.has_kinks


@pytest.mark.parametrize("loss", classifier.LOSSES)
def test_line_slice_values_and_slopes(loss):
    plane = _plane(loss, scale=2.0)
    line = plane.line()
    a = np.linspace(-2, 2, 41)
    values, slopes = line.values_and_slopes(a)
    np.testing.assert_allclose(line.values(a), values)
    ref = [plane.model.loss(plane.W0 + ai * plane.D1) for ai in a]
    np.testing.assert_allclose(values, ref, rtol=1e-12)
    np.testing.assert_allclose(values, plane.grid(a, np.zeros(1))[0], rtol=1e-12)
    if loss == "softmax":
        numeric = (line.values(a + 1e-6) - line.values(a - 1e-6)) / 2e-6
        np.testing.assert_allclose(slopes, numeric, rtol=1e-6, atol=1e-9)
