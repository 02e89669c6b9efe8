"""Full-space curvature: exact Hessian–vector products and their power iteration."""

import numpy as np
import pytest

from optim_core.analysis import hessian_power, stability
from optim_core.classifier import LinearClassifier


def small_problem(loss: str, seed: int = 0) -> tuple[LinearClassifier, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = np.hstack([rng.standard_normal((40, 4)), np.ones((40, 1))])
    model = LinearClassifier(X, rng.integers(0, 3, 40), loss=loss, reg=0.05)
    return model, 0.3 * rng.standard_normal((5, 3))


def dense_hessian(model: LinearClassifier, W: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """(DK, DK) by centred differences of the analytic gradient."""
    cols = []
    for i in range(W.size):
        e = np.zeros(W.size)
        e[i] = h
        plus = model.loss_and_grad(W + e.reshape(W.shape))[1]
        minus = model.loss_and_grad(W - e.reshape(W.shape))[1]
        cols.append(((plus - minus) / (2 * h)).ravel())
    H = np.array(cols).T
    return 0.5 * (H + H.T)


def test_softmax_hessian_vector_products_match_differences_of_the_gradient():
    model, W = small_problem("softmax")
    H = dense_hessian(model, W)
    V = np.random.default_rng(1).standard_normal(W.shape)
    got = hessian_power.hessian_vector(model, W, V).ravel()
    np.testing.assert_allclose(got, H @ V.ravel(), rtol=1e-6, atol=1e-8)


def test_power_iteration_finds_the_largest_eigenvalue_of_the_dense_hessian():
    model, W = small_problem("softmax", seed=3)
    expected = np.linalg.eigvalsh(dense_hessian(model, W))[-1]
    result = hessian_power.largest_eigenvalue(model, W, iters=500, tol=1e-10)
    assert result.converged
    assert result.lam_max == pytest.approx(expected, rel=1e-6)
    Hv = hessian_power.hessian_vector(model, W, result.vector)
    np.testing.assert_allclose(Hv, result.lam_max * result.vector, atol=1e-4 * result.lam_max)


def test_svm_curvature_off_the_kinks_is_the_regularizer_alone():
    model, W = small_problem("svm")
    result = hessian_power.largest_eigenvalue(model, W)
    assert result.lam_max == pytest.approx(2 * model.reg)
    assert stability.critical_lr("sgd", [[result.lam_max]]) == pytest.approx(1 / model.reg)


def test_full_batch_sgd_on_the_quadratic_model_breaks_at_two_over_lambda_max():
    model, W = small_problem("softmax", seed=5)
    lam = hessian_power.largest_eigenvalue(model, W, iters=500, tol=1e-12).lam_max
    eta = stability.critical_lr("sgd", [[lam]])

    def grown(factor: float) -> float:
        v = np.random.default_rng(2).standard_normal(W.shape)
        for _ in range(400):  # linearized GD: the error follows v ← v − ηHv
            v = v - factor * eta * hessian_power.hessian_vector(model, W, v)
        return float(np.linalg.norm(v))

    assert grown(0.98) < 10 and grown(1.02) > 1e3


def test_training_limits_put_each_runs_eta_against_the_curvature():
    from optim_core import optimizers

    model, W = small_problem("softmax", seed=2)
    lam = hessian_power.largest_eigenvalue(model, W).lam_max
    opts = {"SGD": optimizers.get("sgd", lr=0.3), "Momentum": optimizers.get("momentum", mu=0.5),
            "Adam": optimizers.get("adam")}
    limits = hessian_power.training_limits(model, W, opts)
    assert limits.lam_max == pytest.approx(lam)
    assert limits.critical["SGD"] == pytest.approx(2 / lam)
    assert limits.critical["Momentum"] == pytest.approx(3 / lam)
    assert np.isnan(limits.critical["Adam"]) and limits.lrs["SGD"] == 0.3
