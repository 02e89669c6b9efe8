"""Stability limits: the closed forms against their formulas, and against the
optimizers themselves run on the quadratic whose Hessian they were given."""

import math

import numpy as np
import pytest

from optim_core import optimizers
from optim_core.analysis import stability
from optim_core.surfaces.base import Surface

HYPER = {"sgd": {}, "momentum": {"mu": 0.9}, "nesterov": {"mu": 0.7},
         "momentum_ema": {"beta": 0.8}, "newton": {"damping": 1e-3}}


def random_spd(rng: np.random.Generator, n: int, kappa: float = 20.0) -> np.ndarray:
    """A symmetric positive-definite (n, n) matrix with condition number ``kappa``."""
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    lam = np.geomspace(1.0, kappa, n) * rng.uniform(0.2, 5.0)
    return (q * lam) @ q.T


def formula(kind: str, lam_max: float, h: dict) -> float:
    mu, beta, damping = h.get("mu"), h.get("beta"), h.get("damping", 0.0)
    return {
        "sgd": lambda: 2 / lam_max,
        "momentum": lambda: 2 * (1 + mu) / lam_max,
        "nesterov": lambda: (2 + 2 * mu) / ((1 + 2 * mu) * lam_max),
        "momentum_ema": lambda: 2 * (1 + beta) / ((1 - beta) * lam_max),
        "newton": lambda: 2 * (1 + damping / lam_max),
    }[kind]()


class Quadratic(Surface):
    """f = ½ xᵀHx with a fixed 2×2 Hessian."""

    has_hessian = True

    def __init__(self, H: np.ndarray) -> None:
        self.H = H

    def value_and_grad(self, xy):
        g = xy @ self.H
        return 0.5 * np.sum(xy * g, axis=-1), g

    def hessian(self, xy, h=1e-5):
        return np.broadcast_to(self.H, np.shape(xy)[:-1] + (2, 2))


@pytest.mark.parametrize("kind", sorted(HYPER))
@pytest.mark.parametrize("seed", range(5))
def test_critical_lr_is_the_formula_on_random_spd_hessians(kind, seed):
    rng = np.random.default_rng(seed)
    H = random_spd(rng, int(rng.integers(2, 7)))
    lam_max = np.linalg.eigvalsh(H)[-1]
    got = stability.critical_lr(kind, H, lr=0.1, **HYPER[kind])
    assert got == pytest.approx(formula(kind, lam_max, HYPER[kind]), rel=1e-12)


def error_after(kind: str, H: np.ndarray, lr: float, steps: int) -> float:
    """|x_T| / |x_0| for ``kind`` at ``lr`` on ½xᵀHx from a point off every eigenvector."""
    opt = optimizers.get(kind, lr=lr, **HYPER[kind])
    surface = Quadratic(H)
    x = np.array([0.8, -0.6])
    state = opt.init(x)
    with np.errstate(all="ignore"):
        for _ in range(steps):
            x, state = opt.step(x, surface.grad(x), state, surface=surface)
        size = float(np.linalg.norm(x))
    return size if np.isfinite(size) else math.inf


@pytest.mark.parametrize("kind", sorted(HYPER))
@pytest.mark.parametrize("seed", range(3))
def test_the_kind_converges_just_below_its_critical_lr_and_diverges_just_above(kind, seed):
    H = random_spd(np.random.default_rng(100 + seed), 2, kappa=5.0)
    eta = stability.critical_lr(kind, H, **HYPER[kind])
    assert error_after(kind, H, 0.98 * eta, 3000) < 1e-6
    assert error_after(kind, H, 1.02 * eta, 3000) > 1e6


def test_adaptive_and_unknown_forms_are_nan_and_searches_have_no_limit():
    H = np.diag([1.0, 10.0])
    for kind in ("adagrad", "rmsprop", "adam", "adamw"):
        assert math.isnan(stability.critical_lr(kind, H, lr=0.1))
        assert not stability.has_closed_form(kind)
    assert stability.critical_lr("random_local_search", H) == math.inf
    assert stability.critical_lr("lbfgs", H, line_search=True) == math.inf
    assert math.isnan(stability.critical_lr("lbfgs", H, line_search=False))
    assert math.isnan(stability.critical_lr("momentum", H, mu=1.0))


def test_saddle_limits_come_from_the_curved_up_direction_only():
    saddle = np.diag([-4.0, 2.0])
    assert stability.critical_lr("sgd", saddle) == pytest.approx(1.0)
    assert stability.critical_lr("momentum", saddle, mu=0.5) == pytest.approx(1.5)
    assert stability.critical_lr("sgd", np.diag([-1.0, -3.0])) == math.inf
    rates = stability.quadratic_rates(saddle)
    assert (rates.lam_min, rates.lam_max) == (-4.0, 2.0)
    assert all(math.isnan(v) for v in (rates.kappa, rates.best_lr, rates.rate))


def test_quadratic_rates_best_lr_balances_the_extreme_modes():
    H = random_spd(np.random.default_rng(7), 4, kappa=30.0)
    r = stability.quadratic_rates(H)
    lam = np.linalg.eigvalsh(H)
    assert r.kappa == pytest.approx(30.0)
    assert r.best_lr == pytest.approx(2 / (lam[0] + lam[-1]))
    factors = np.abs(1 - r.best_lr * lam)
    assert factors.max() == pytest.approx(r.rate) == pytest.approx(29 / 31)


def test_sgd_at_best_lr_contracts_at_the_promised_rate():
    H = np.diag([1.0, 9.0])
    r = stability.quadratic_rates(H)
    ratio = error_after("sgd", H, r.best_lr, 41) / error_after("sgd", H, r.best_lr, 40)
    assert ratio == pytest.approx(r.rate, rel=1e-9)


def test_singular_hessian_has_infinite_kappa_and_rate_one():
    r = stability.quadratic_rates(np.diag([0.0, 2.0]))
    assert (r.kappa, r.best_lr, r.rate) == (math.inf, 1.0, 1.0)


def test_adaptive_limits_compare_the_scale_with_two_over_lambda():
    H = np.diag([1.0, 100.0])
    lim = stability.adaptive_limits(H, np.array([0.5, 0.03]))
    np.testing.assert_allclose(lim.limits, [2.0, 0.02])
    np.testing.assert_allclose(lim.along, [0.5, 0.03])
    assert lim.lam_scaled == pytest.approx(3.0)  # 0.03·100 > 2: the y mode overshoots
    rotated = stability.adaptive_limits(np.array([[2.0, 1.0], [1.0, 2.0]]), np.array([0.2, 0.4]))
    np.testing.assert_allclose(rotated.along, [0.3, 0.3])


@pytest.mark.parametrize("bad", [np.ones((2, 3)), np.array([[1.0, 2.0], [0.0, 1.0]]),
                                 np.array([[np.nan, 0.0], [0.0, 1.0]])])
def test_bad_hessians_are_refused_with_a_reason(bad):
    with pytest.raises(ValueError, match="Hessian"):
        stability.critical_lr("sgd", bad)
