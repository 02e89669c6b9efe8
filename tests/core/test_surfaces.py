"""Toy surfaces: analytic gradients and Hessians against finite differences,
the minima they claim, the registry, and the two-wells momentum story."""

import numpy as np
import pytest

from optim_core import gradcheck, optimizers, runner, surfaces
from optim_core.surfaces.base import Surface

NAMES = surfaces.names()


def random_points(s, n=50, seed=0):
    (x0, x1), (y0, y1) = s.bounds
    rng = np.random.default_rng(seed)
    return np.stack([rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)], axis=-1)


def test_registry_lists_every_toy_in_teaching_order():
    assert NAMES == [
        "bowl", "ravine", "saddle", "monkey_saddle", "rosenbrock", "beale",
        "himmelblau", "rastrigin", "two_wells", "kinked",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_surface_describes_itself(name):
    s = surfaces.get(name)
    assert isinstance(s, Surface) and s.name == name
    assert s.title and s.description and "\n" not in s.description
    (x0, x1), (y0, y1) = s.bounds
    assert x0 < x1 and y0 < y1
    assert s.minima.ndim == 2 and s.minima.shape[1] == 2
    assert x0 < s.default_start[0] < x1 and y0 < s.default_start[1] < y1


@pytest.mark.parametrize("name", NAMES)
def test_gradient_matches_centred_differences_at_50_points(name):
    s = surfaces.get(name)
    pts = random_points(s)
    if s.has_kinks:  # keep the ±h window off the kinks (the axes)
        pts = pts[(np.abs(pts) > 1e-3).all(axis=1)]
        assert len(pts) >= 45
    for p in pts:
        rows = gradcheck.check(lambda q: float(s.value(q)), s.grad, p, h=1e-5)
        worst = max(r.rel_error for r in rows)
        assert worst < 1e-6, (p, rows)


@pytest.mark.parametrize("name", NAMES)
def test_value_and_grad_agree_with_value_and_are_vectorized(name):
    s = surfaces.get(name)
    pts = random_points(s, 12, seed=1).reshape(3, 4, 2)
    f, g = s.value_and_grad(pts)
    assert f.shape == (3, 4) and g.shape == (3, 4, 2)
    np.testing.assert_allclose(f, s.value(pts), rtol=1e-15)
    for i in range(3):
        for j in range(4):
            fp, gp = s.value_and_grad(pts[i, j])
            assert fp == f[i, j]
            np.testing.assert_array_equal(gp, g[i, j])


@pytest.mark.parametrize("name", [n for n in NAMES if surfaces.get(n).has_hessian])
def test_analytic_hessian_matches_differences_of_the_gradient(name):
    s = surfaces.get(name)
    pts = random_points(s, 20, seed=2)
    if s.has_kinks:
        pts = pts[(np.abs(pts) > 1e-3).all(axis=1)]
    H = s.hessian(pts)
    assert H.shape == (len(pts), 2, 2)
    H_num = Surface.hessian(s, pts, h=1e-5)  # the base class: differences of ∇f
    scale = np.maximum(np.abs(H_num).max(axis=(1, 2)), 1.0)[:, None, None]
    np.testing.assert_allclose(H / scale, H_num / scale, atol=1e-6)


@pytest.mark.parametrize("name", [n for n in NAMES if len(surfaces.get(n).minima)])
def test_minima_are_stationary_and_global_one_is_lowest(name):
    s = surfaces.get(name)
    m = s.minima
    grads = s.grad(m)
    assert np.abs(grads).max() < 1e-9 * max(1.0, np.abs(s.value(m)).max()) + 1e-9
    if not s.has_kinks:
        assert (np.linalg.eigvalsh(s.hessian(m)) > 0).all()
    (x0, x1), (y0, y1) = s.bounds
    Z = s.grid(np.linspace(x0, x1, 201), np.linspace(y0, y1, 201))
    assert s.value(m[0]) <= Z.min() + 1e-12
    assert s.value(m[0]) <= s.value(m).min() + 1e-12


def test_himmelblau_has_four_equal_minima():
    s = surfaces.get("himmelblau")
    assert len(s.minima) == 4
    np.testing.assert_allclose(s.value(s.minima), 0.0, atol=1e-20)


def test_saddles_have_no_minima():
    assert surfaces.get("saddle").minima.shape == (0, 2)
    assert surfaces.get("monkey_saddle").minima.shape == (0, 2)


def test_parameters_are_described_and_change_the_surface():
    (spec,) = surfaces.params("ravine")
    assert (spec.name, spec.min, spec.max, spec.log) == ("condition", 1.0, 1000.0, True)
    assert surfaces.get("ravine").params == {"condition": spec.default}
    steep = surfaces.get("ravine", condition=400.0)
    assert steep.value(np.array([0.0, 1.0])) == pytest.approx(200.0)
    assert surfaces.params("bowl") == []
    for name in NAMES:
        for p in surfaces.params(name):
            assert p.min <= p.default <= p.max
            for value in (p.min, p.max):
                s = surfaces.get(name, **{p.name: value})
                assert s.params[p.name] == value and np.isfinite(s.value(s.minima)).all()
    assert len(surfaces.get("two_wells", tilt=1.5).minima) == 2  # both wells at any tilt


@pytest.mark.parametrize(
    "name, params, message",
    [
        ("volcano", {}, "unknown surface"),
        ("bowl", {"condition": 3.0}, "no parameter"),
        ("ravine", {"condition": 0.5}, r"\[1, 1000\]"),
        ("ravine", {"condition": float("nan")}, "number in"),
        ("ravine", {"condition": "50"}, "number in"),
    ],
)
def test_bad_names_and_parameters_are_refused(name, params, message):
    with pytest.raises(ValueError, match=message):
        surfaces.get(name, **params)


def test_two_wells_sgd_stays_in_the_near_well_and_momentum_escapes():
    """The momentum story: same learning rate, same start (``default_start``)."""
    s = surfaces.get("two_wells")
    deep, shallow = s.minima
    assert s.value(deep) < s.value(shallow)
    opts = {
        "sgd": optimizers.get("sgd", lr=1e-2),
        "momentum": optimizers.get("momentum", lr=1e-2, mu=0.9),
    }
    runs = runner.run(s, opts, s.default_start, 1500)
    np.testing.assert_allclose(runs["sgd"].points[-1, 0], shallow, atol=1e-3)
    np.testing.assert_allclose(runs["momentum"].points[-1, 0], deep, atol=1e-3)
