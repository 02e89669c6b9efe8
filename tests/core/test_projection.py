"""Projections of weight trajectories onto the slice plane and the PCA plane."""

import numpy as np
import pytest

from optim_core.training.projection import pca_projection, project_onto_plane

D, K = 7, 4


def _plane(seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(D, K)), rng.normal(size=(D, K)), rng.normal(size=(D, K))


def _in_plane_path(W0, D1, D2, T=40):
    t = np.linspace(0, 1, T)
    a, b = 2 * np.cos(3 * t) * (1 - t), np.sin(5 * t) * (1 - t) ** 2  # a spiral into (0, 0)
    return W0 + a[:, None, None] * D1 + b[:, None, None] * D2, np.stack([a, b], axis=1)


def test_in_plane_trajectory_gets_its_coordinates_and_zero_off_plane_distance():
    W0, D1, D2 = _plane()
    traj, ab = _in_plane_path(W0, D1, D2)
    p = project_onto_plane(traj, W0, D1, D2)
    np.testing.assert_allclose(p.ab, ab, atol=1e-12)
    np.testing.assert_allclose(p.off_plane, 0, atol=1e-12)
    np.testing.assert_allclose(p.off_plane_fraction, 0, atol=1e-12)


def test_off_plane_component_is_measured_and_the_losses_are_reported():
    W0, D1, D2 = _plane(1)
    traj, ab = _in_plane_path(W0, D1, D2, T=10)
    # A component orthogonal to both directions (Gram-Schmidt against D1, D2).
    Q, _ = np.linalg.qr(np.stack([D1.ravel(), D2.ravel(), np.ones(D * K)], axis=1))
    n = Q[:, 2].reshape(D, K)
    heights = np.linspace(0, 3, 10)
    lifted = traj + heights[:, None, None] * n

    def loss(W):
        return float(np.sum(W**2))

    def slice_loss(ab_):
        return np.array([loss(W0 + a * D1 + b * D2) for a, b in ab_])

    p = project_onto_plane(lifted, W0, D1, D2, loss=loss, slice_loss=slice_loss)
    np.testing.assert_allclose(p.ab, ab, atol=1e-10)
    np.testing.assert_allclose(p.off_plane, heights, atol=1e-10)
    np.testing.assert_allclose(p.true_loss, [loss(W) for W in lifted])
    np.testing.assert_allclose(p.slice_loss, [loss(W) for W in traj])
    assert not np.allclose(p.true_loss, p.slice_loss)  # the projection would lie here


def test_pca_of_an_in_plane_trajectory_reproduces_it_exactly():
    W0, D1, D2 = _plane(2)
    traj, ab = _in_plane_path(W0, D1, D2)
    p = pca_projection(traj)
    np.testing.assert_allclose(p.reconstruct(), traj, atol=1e-12)
    np.testing.assert_allclose(p.off_plane, 0, atol=1e-12)
    np.testing.assert_allclose(p.explained.sum(), 1.0)
    assert p.explained[0] >= p.explained[1] > 0
    # The PC coordinates are an isometric picture of the original ones:
    # pairwise distances in the plane are preserved (W0 + aD1 + bD2 is not
    # orthonormal, so compare against distances in weight space).
    flat = traj.reshape(len(traj), -1)
    dist_w = np.linalg.norm(flat[:, None] - flat[None], axis=-1)
    dist_c = np.linalg.norm(p.coords[:, None] - p.coords[None], axis=-1)
    np.testing.assert_allclose(dist_c, dist_w, atol=1e-10)
    # The directions are orthonormal and the final snapshot sits at the origin.
    assert np.dot(p.d1.ravel(), p.d2.ravel()) == pytest.approx(0, abs=1e-12)
    assert np.linalg.norm(p.d1) == pytest.approx(1) and np.linalg.norm(p.d2) == pytest.approx(1)
    np.testing.assert_allclose(p.coords[-1], 0, atol=1e-12)


def test_pca_reports_off_plane_energy_for_a_three_dimensional_path():
    rng = np.random.default_rng(3)
    traj = np.cumsum(rng.normal(size=(30, D, K)), axis=0)
    p = pca_projection(traj)
    M = (traj - traj[-1]).reshape(30, -1)
    s = np.linalg.svd(M, compute_uv=False)
    np.testing.assert_allclose(p.explained, s[:2] ** 2 / np.sum(s**2))
    # Off-plane energy plus in-plane energy is the total (Pythagoras per row).
    np.testing.assert_allclose(np.sum(p.off_plane**2) + np.sum(p.coords**2), np.sum(M**2))
    assert p.explained.sum() < 1


def test_pca_of_a_straight_line_has_one_component():
    W0, D1, _ = _plane(4)
    traj = W0 + np.linspace(1, 0, 12)[:, None, None] * D1
    p = pca_projection(traj)
    np.testing.assert_allclose(p.explained, [1.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(p.reconstruct(), traj, atol=1e-12)
    assert np.all(np.isfinite(p.coords))
