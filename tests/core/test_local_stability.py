"""The stability report at a run's point, on toys and on a classifier slice."""

import math

import numpy as np
import pytest

from optim_core import classifier, schedules, surfaces
from optim_core.analysis import local_stability, stability


def test_ravine_report_gives_two_over_kappa_for_sgd_and_flags_a_larger_eta():
    ravine = surfaces.get("ravine", condition=100.0)
    r = local_stability.at_point(ravine, "sgd", {"lr": 0.0204}, np.array([-2.6, 0.9]))
    assert (r.rates.lam_min, r.rates.lam_max, r.rates.kappa) == (1.0, 100.0, 100.0)
    assert r.critical_lr == pytest.approx(0.02)
    assert r.rates.best_lr == pytest.approx(2 / 101) and r.rates.rate == pytest.approx(99 / 101)
    assert r.too_large
    assert not local_stability.at_point(ravine, "sgd", {"lr": 0.0196}, np.zeros(2)).too_large


def test_rosenbrock_minimum_limits_momentum_by_its_largest_curvature():
    rosen = surfaces.get("rosenbrock")
    r = local_stability.at_point(rosen, "momentum", {"lr": 1e-3, "mu": 0.9}, rosen.minima[0])
    lam_max = np.linalg.eigvalsh([[802.0, -400.0], [-400.0, 200.0]])[-1]
    assert r.critical_lr == pytest.approx(2 * 1.9 / lam_max)


def test_adaptive_kind_has_no_closed_form_but_compares_its_scale():
    ravine = surfaces.get("ravine", condition=100.0)
    r = local_stability.at_point(ravine, "rmsprop", {"lr": 0.01, "rho": 0.9, "eps": 1e-8},
                                 np.ones(2), scale=np.array([0.5, 0.05]))
    assert math.isnan(r.critical_lr) and not r.too_large
    np.testing.assert_allclose(r.adaptive.limits, [2.0, 0.02])
    assert r.adaptive.lam_scaled == pytest.approx(5.0)


def test_scheduled_hyper_parameters_are_taken_at_the_step():
    hyper = {"lr": schedules.get("step", value=0.1, gamma=0.5, every=10), "mu": 0.5}
    assert local_stability.hyper_at(hyper, 11) == {"lr": 0.05, "mu": 0.5}


def test_tightest_limit_over_points_and_none_where_the_point_has_gone():
    rosen = surfaces.get("rosenbrock")
    pts = np.array([[1.0, 1.0], [-1.5, 2.0]])
    each = [local_stability.at_point(rosen, "sgd", {}, p).critical_lr for p in pts]
    assert local_stability.critical_lr_over(rosen, "sgd", {}, pts) == min(each)
    assert local_stability.at_point(rosen, "sgd", {}, np.array([np.nan, 0.0])) is None
    assert math.isnan(local_stability.critical_lr_over(rosen, "adam", {}, pts))


def test_classifier_slice_report_uses_the_hessian_of_the_slice():
    ds = classifier.load_dataset("digits")
    model = classifier.LinearClassifier(ds.X_train[:200], ds.y_train[:200], reg=1e-3)
    W0 = classifier.init_weights(ds.dim, ds.num_classes, seed=0)
    D1, D2 = classifier.random_directions(W0, seed=1, normalize=None)
    sl = classifier.PlaneSlice(model, W0, D1, D2)
    x = np.array([0.1, -0.2])
    r = local_stability.at_point(sl, "sgd", {"lr": 0.1}, x)
    np.testing.assert_allclose(r.hessian, sl.hessian(x), rtol=1e-12)
    assert r.critical_lr == pytest.approx(stability.critical_lr("sgd", sl.hessian(x)))
