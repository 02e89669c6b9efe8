"""Typed surfaces: exact derivatives, minima, parameters, undefined regions, races."""

import numpy as np
import pytest

from optim_core import runner, surfaces
from optim_core.analysis import gradcheck_targets
from optim_core.optimizers import get as optimizer

SMOOTH = [
    ("x**2 + 10*y**2", ((-3, 3), (-2, 2)), None),
    ("(1 - x)**2 + 100*(y - x**2)**2", ((-2, 2), (-1, 3)), None),
    ("sin(x)*cos(y) + tan(x/3)", ((-3, 3), (-3, 3)), None),
    ("exp(-x**2 - y**2) * (x + 2*y)", ((-2, 2), (-2, 2)), None),
    ("log(1 + x**2 + y**2) + sqrt(3 + x**2 + y)", ((-2, 2), (-2, 2)), None),
    ("tanh(x*y) + sinh(x/2) - cosh(y/3) + arctan(x - y)", ((-2, 2), (-2, 2)), None),
    ("x**y + y**3/x", ((0.5, 2), (-1, 1)), None),
    ("-x/(1 + y**2) + e**x * pi - +x**-2", ((0.5, 2), (-2, 2)), None),
    ("a*x**2 + b*sin(y) + a/b", ((-2, 2), (-2, 2)), {"a": 1.5, "b": -0.7}),
    ("x**3 - 3*x*y**2", ((-1.5, 1.5), (-1.5, 1.5)), None),
]
KINKED = [
    ("abs(x) + 2*abs(y)", ((-2, 2), (-2, 2)), None),
    ("max(abs(x), abs(y)) + min(x, y**2)", ((-2, 2), (-2, 2)), None),
    ("abs(sin(x*y)) + max(x - 1, 0)**2", ((-2, 2), (-2, 2)), None),
]


def _points(surface, n=40, seed=0):
    (x0, x1), (y0, y1) = surface.bounds
    rng = np.random.default_rng(seed)
    return np.stack([rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)], axis=-1)


def _five_point(fn, xy, h):
    """4th-order centred differences of ``fn`` along x and y: ``(..., 2, *fn's shape)``."""
    cols = []
    for k in range(2):
        e = np.zeros(2)
        e[k] = h
        cols.append((-fn(xy + 2 * e) + 8 * fn(xy + e) - 8 * fn(xy - e) + fn(xy - 2 * e))
                    / (12 * h))
    return np.stack(cols, axis=1)


def _relative_error(analytic, numeric):
    """Per point: max |a − n| over the entries / the largest entry (so an exact 0
    beside a numeric 1e-16 is no error), ``(P,)``."""
    P = len(analytic)
    a, n = analytic.reshape(P, -1), numeric.reshape(P, -1)
    scale = np.maximum(np.abs(a).max(axis=1), np.abs(n).max(axis=1))
    return np.abs(a - n).max(axis=1) / np.where(scale > 0, scale, 1.0)


def _away_from_kinks(surface, pts, h):
    return np.array([not any(surface.crosses_kink(p, k, 3 * h) for k in range(2)) for p in pts])


@pytest.mark.parametrize(("text", "bounds", "params"), SMOOTH + KINKED)
def test_gradient_and_hessian_match_centred_differences(text, bounds, params):
    s = surfaces.from_expression(text, bounds, params)
    h = 1e-3
    pts = _points(s)
    pts = pts[_away_from_kinks(s, pts, h)]
    assert len(pts) >= 20
    g_num = _five_point(s.value, pts, h)  # (P, 2)
    H_num = _five_point(s.grad, pts, h)  # (P, 2 [d/dk], 2 [grad component])
    err_g = _relative_error(s.grad(pts), g_num)
    err_H = _relative_error(s.hessian(pts), np.swapaxes(H_num, 1, 2))
    assert np.max(err_g) < 1e-7
    assert np.max(err_H) < 1e-7


def test_hessian_is_symmetric_and_matches_rosenbrock_exactly():
    s = surfaces.from_expression("(1 - x)**2 + 100*(y - x**2)**2", ((-2, 2), (-1, 3)))
    toy = surfaces.get("rosenbrock")
    pts = _points(s, 100)
    np.testing.assert_allclose(s.value(pts), toy.value(pts), rtol=1e-13)
    np.testing.assert_allclose(s.grad(pts), toy.grad(pts), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(s.hessian(pts), toy.hessian(pts), rtol=1e-12, atol=1e-12)


def test_subgradients_follow_the_kinked_surface_convention():
    s = surfaces.from_expression("abs(x) + 2*abs(y)", ((-2, 2), (-2, 2)))
    kinked = surfaces.get("kinked")
    pts = np.array([[0.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.3, -0.4]])
    np.testing.assert_array_equal(s.grad(pts), kinked.grad(pts))
    np.testing.assert_array_equal(s.hessian(pts), np.zeros((4, 2, 2)))
    assert s.has_kinks and not surfaces.from_expression("x**2").has_kinks
    # min and max take the mean of the two one-sided slopes where they switch
    m = surfaces.from_expression("max(x, 3*x) + min(y, -y)")
    np.testing.assert_array_equal(m.grad(np.array([0.0, 0.0])), [2.0, 0.0])


def test_the_gradient_check_flags_kinks_of_typed_surfaces():
    s = surfaces.from_expression("abs(x) + max(y, 0)", ((-2, 2), (-2, 2)))
    h = 1e-5
    on_kink = gradcheck_targets.check(gradcheck_targets.toy_target(s, [5e-6, 0.5]), h=h)
    assert on_kink.kinks == [True, False]
    away = gradcheck_targets.check(gradcheck_targets.toy_target(s, [0.5, -3e-6]), h=h)
    assert away.kinks == [False, True]
    # y² has its minimum at y = 0, which is no kink (its gradient changes sign smoothly)
    valley = gradcheck_targets.check(gradcheck_targets.toy_target(
        surfaces.from_expression("abs(x) + y**2"), [0.5, 1e-6]), h=h)
    assert valley.kinks == [False, False]
    smooth = gradcheck_targets.check(gradcheck_targets.toy_target(
        surfaces.from_expression("x*y"), [0.1, 0.2]))
    assert smooth.kinks is None and smooth.worst < 1e-7


@pytest.mark.parametrize(("text", "bounds", "expected"), [
    ("x**2 + 10*y**2", ((-3, 3), (-2, 2)), [[0, 0]]),
    ("(1 - x)**2 + 100*(y - x**2)**2", ((-2, 2), (-1, 3)), [[1, 1]]),
    ("abs(x) + 2*abs(y)", ((-2, 2), (-2, 2)), [[0, 0]]),
    ("(x**2 - 1)**2 + 0.5*x + y**2", ((-2, 2.2), (-1.5, 1.5)), "two_wells"),
    ("(x**2 + y - 11)**2 + (x + y**2 - 7)**2", ((-5, 5), (-5, 5)), "himmelblau"),
    ("x**2 - y**2", ((-2, 2), (-2, 2)), []),  # a saddle only
    ("x**2", ((-2, 2), (-2, 2)), []),  # a valley floor: no isolated minimum
    ("x + y", ((-2, 2), (-2, 2)), []),  # the lowest point is a corner, not a minimum
])
def test_minima_are_found_inside_the_bounds(text, bounds, expected):
    s = surfaces.from_expression(text, bounds)
    if isinstance(expected, str):
        expected = surfaces.get(expected).minima
    expected = np.asarray(expected, float).reshape(-1, 2)
    found = s.minima
    assert found.shape == expected.shape
    for m in expected:
        assert np.min(np.hypot(*(found - m).T)) < 1e-6
    values = s.value(found)
    assert np.all(np.diff(values) >= 0)  # the global minimum first


def test_rastrigin_minima_start_with_the_global_one():
    s = surfaces.from_expression("20 + x**2 - 10*cos(2*pi*x) + y**2 - 10*cos(2*pi*y)",
                                 ((-5.12, 5.12), (-5.12, 5.12)))
    m = s.minima
    assert len(m) > 8 and np.hypot(*m[0]) < 1e-8
    assert np.all(np.linalg.norm(s.grad(m), axis=-1) < 1e-8)


def test_parameters_change_the_surface_not_the_compiled_derivatives():
    a = surfaces.from_expression("a*x**2 + b*y**2", params={"a": 1.0, "b": 4.0})
    b = surfaces.from_expression("a*x**2 + b*y**2", params={"a": 2.0, "b": 4.0})
    assert a.compiled is b.compiled
    p = np.array([1.0, 0.5])
    assert a.value(p) == 2.0 and b.value(p) == 3.0
    np.testing.assert_array_equal(b.grad(p), [4.0, 4.0])
    assert "a = 2" in b.description


def test_values_are_vectorized_over_leading_axes():
    s = surfaces.from_expression("3.5")  # a constant broadcasts too
    assert s.value(np.zeros((4, 3, 2))).shape == (4, 3)
    f, g = s.value_and_grad(np.zeros((5, 2)))
    assert f.shape == (5,) and g.shape == (5, 2) and not g.any()
    assert s.hessian(np.zeros((2, 2))).shape == (2, 2, 2)
    t = surfaces.from_expression("x*y")
    Z = t.grid(np.array([1.0, 2.0, 3.0]), np.array([10.0, 20.0]))
    np.testing.assert_array_equal(Z, [[10, 20, 30], [20, 40, 60]])


def test_undefined_regions_are_nan_without_warnings():
    s = surfaces.from_expression("log(x) + sqrt(y)", ((-1, 1), (-1, 1)))
    Z = s.grid(np.linspace(-1, 1, 9), np.linspace(-1, 1, 9))  # warnings are errors here
    assert np.isnan(Z[:, :4]).all() and np.isnan(Z[:4]).all()
    assert np.isfinite(Z[5:, 5:]).all()
    assert np.isfinite(s.default_start).all() and np.isfinite(s.value(s.default_start))
    edge = surfaces.from_expression("log(x + 2.5) + y**2", ((-4, 4), (-4, 4)))
    start = edge.default_start  # not right beside x = −2.5, where f ends
    assert start[0] - 0.8 > -2.5 and start[1] > 0


def test_the_default_start_falls_back_to_the_corner_where_f_is_nowhere_finite():
    s = surfaces.from_expression("log(-1 - x**2)", ((-1, 1), (-1, 1)))
    np.testing.assert_allclose(s.default_start, [-0.6, 0.6])


def test_a_run_stepping_into_an_undefined_region_diverges_with_the_reason():
    s = surfaces.from_expression("log(x) + y**2", ((-1, 3), (-1, 1)))
    runs = runner.run(s, {"sgd": optimizer("sgd", lr=0.5)}, np.array([0.3, 0.5]), 50)
    assert runs["sgd"].diverged_at[0] > 0
    assert "not finite" in runs["sgd"].reasons[0]


def test_bad_bounds_and_parameters_are_refused():
    for bounds in (((1, 0), (0, 1)), ((0, 1), (0, np.inf)), ((0, 1),), "box", ((0, 2e6), (0, 1))):
        with pytest.raises(ValueError, match="bounds"):
            surfaces.from_expression("x", bounds)
    for params in ({"x": 1.0}, {"sin": 1.0}, {"a b": 1.0}, {"a": float("nan")},
                   {"a": True}, {"_a": 1.0}, {"lambda": 1.0}):
        with pytest.raises(ValueError, match="parameter"):
            surfaces.from_expression("x", params=params)
    with pytest.raises(ValueError, match="column 7: unknown name 'c'"):
        surfaces.from_expression("a*x + c", params={"a": 1.0})
