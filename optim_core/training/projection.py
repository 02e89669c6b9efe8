"""Where a full-weight-space training path lies on a 2-D picture, honestly.

Two planes (shapes: a trajectory is ``(T, D, K)``, T snapshots of W):

* the **slice plane** W0 + a·D1 + b·D2 drawn by the surface view: each W_t
  gets least-squares coordinates (a_t, b_t) of W_t − W0 in span(D1, D2),
  the off-plane distance ‖W_t − W0 − a_t·D1 − b_t·D2‖, and — when a loss is
  given — the true loss L(W_t) beside the slice loss L(W0 + a_t·D1 + b_t·D2)
  that the picture shows under the projected point;
* the **PCA plane** of Li et al. (2018, "Visualizing the Loss Landscape of
  Neural Nets", §6): the rows of M = [vec(W_t − W_final)]_t are decomposed
  by SVD, M = U·S·Vᵀ; the directions are the top two right singular
  vectors, the coordinates are M·V[:, :2], and the explained variance
  ratio of component i is s_i² / Σ_j s_j².
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PlaneProjection:
    """A trajectory projected onto W0 + a·D1 + b·D2 (T snapshots)."""

    ab: np.ndarray  # (T, 2) least-squares coordinates (a_t, b_t)
    off_plane: np.ndarray  # (T,) ‖W_t − W0 − a_t·D1 − b_t·D2‖ (Frobenius)
    distance: np.ndarray  # (T,) ‖W_t − W0‖, the scale off_plane is measured against
    true_loss: np.ndarray | None = None  # (T,) L(W_t)
    slice_loss: np.ndarray | None = None  # (T,) L(W0 + a_t·D1 + b_t·D2)

    @property
    def off_plane_fraction(self) -> np.ndarray:
        """(T,) off_plane / ‖W_t − W0‖: 0 in the plane, 1 orthogonal to it."""
        with np.errstate(divide="ignore", invalid="ignore"):
            frac = self.off_plane / self.distance
        return np.where(self.distance > 0, frac, 0.0)


@dataclass(frozen=True)
class PCAProjection:
    """A trajectory in the plane of its top two principal directions (Li et al.)."""

    coords: np.ndarray  # (T, 2) coordinates of W_t − W_final along (d1, d2)
    d1: np.ndarray  # (D, K) unit first principal direction
    d2: np.ndarray  # (D, K) unit second principal direction, orthogonal to d1
    center: np.ndarray  # (D, K) W_final, the origin of the plane
    explained: np.ndarray  # (2,) explained variance ratios s_i² / Σ s_j²
    off_plane: np.ndarray  # (T,) ‖W_t − W_final − c1·d1 − c2·d2‖

    def reconstruct(self) -> np.ndarray:
        """(T, D, K) W_final + c1·d1 + c2·d2: equal to the trajectory iff it lies in the plane."""
        c = self.coords
        return self.center + c[:, 0, None, None] * self.d1 + c[:, 1, None, None] * self.d2


def _flatten(trajectory: np.ndarray) -> np.ndarray:
    traj = np.asarray(trajectory, dtype=float)
    if traj.ndim < 2:
        raise ValueError(f"trajectory must be (T, ...) with T snapshots, got shape {traj.shape}")
    return traj.reshape(len(traj), -1)


def project_onto_plane(trajectory: np.ndarray, W0: np.ndarray, D1: np.ndarray,
                       D2: np.ndarray, loss: Callable[[np.ndarray], float] | None = None,
                       slice_loss: Callable[[np.ndarray], np.ndarray] | None = None,
                       ) -> PlaneProjection:
    """Project ``trajectory: (T, D, K)`` onto the plane W0 + a·D1 + b·D2.

    (a_t, b_t) = argmin ‖W_t − W0 − a·D1 − b·D2‖ (least squares, so D1 and
    D2 need not be orthogonal). ``loss(W) -> float`` gives the true loss
    per snapshot; ``slice_loss(ab: (T, 2)) -> (T,)`` the loss the slice
    shows there (e.g. ``PlaneSlice.value``).
    """
    M = _flatten(trajectory) - np.ravel(W0)
    A = np.stack([np.ravel(D1), np.ravel(D2)], axis=1).astype(float)  # (P, 2)
    ab = np.linalg.lstsq(A, M.T, rcond=None)[0].T  # (T, 2)
    residual = M - ab @ A.T
    true = None if loss is None else np.array([loss(W) for W in np.asarray(trajectory)])
    shown = None if slice_loss is None else np.asarray(slice_loss(ab), dtype=float)
    return PlaneProjection(ab=ab, off_plane=np.linalg.norm(residual, axis=1),
                           distance=np.linalg.norm(M, axis=1), true_loss=true,
                           slice_loss=shown)


def project_onto_slice(trajectory: np.ndarray, plane) -> PlaneProjection:
    """:func:`project_onto_plane` onto a ``classifier.PlaneSlice`` (uses its
    W0, D1, D2, its model's loss for L(W_t) and its own ``value`` for the slice loss)."""
    return project_onto_plane(trajectory, plane.W0, plane.D1, plane.D2,
                              loss=plane.model.loss, slice_loss=plane.value)


def pca_projection(trajectory: np.ndarray) -> PCAProjection:
    """The plane of the top two principal directions of ``trajectory: (T, D, K)``.

    M = [vec(W_t − W_final)] (T × P), M = U·S·Vᵀ; d1, d2 = V[:, 0], V[:, 1]
    reshaped to (D, K); coordinates M·[d1 d2]. Signs are fixed so the first
    snapshot has non-negative coordinates (a stable picture across runs).
    A trajectory with fewer than two independent directions gets a zero
    direction (and zero explained variance) for the missing one.
    """
    traj = np.asarray(trajectory, dtype=float)
    shape = traj.shape[1:]
    M = _flatten(traj) - traj[-1].ravel()
    _, s, Vt = np.linalg.svd(M, full_matrices=False)
    V = np.zeros((2, M.shape[1]))
    k = min(2, len(s))
    V[:k] = Vt[:k]
    s2 = np.zeros(2)
    s2[:k] = s[:k] ** 2
    total = float(np.sum(s**2))
    V[s2 == 0] = 0.0  # a zero singular value has no meaningful direction
    coords = M @ V.T
    flip = np.where(coords[0] < 0, -1.0, 1.0)
    coords, V = coords * flip, V * flip[:, None]
    residual = M - coords @ V
    explained = s2 / total if total > 0 else np.zeros(2)
    return PCAProjection(coords=coords, d1=V[0].reshape(shape), d2=V[1].reshape(shape),
                         center=traj[-1].copy(), explained=explained,
                         off_plane=np.linalg.norm(residual, axis=1))


def pca_plane(pca: PCAProjection, margin: float = 0.25
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple]:
    """``(W_final, d1, d2, bounds)`` of a loss picture around a PCA trajectory:
    the trajectory's coordinate range grown by ``margin`` on every side (never
    empty), for ``classifier.PlaneSlice(model, W_final, d1, d2, extent=bounds)``."""
    lo, hi = pca.coords.min(axis=0), pca.coords.max(axis=0)
    pad = np.maximum(margin * (hi - lo), 1e-3 * max(1.0, float(np.abs(pca.coords).max())))
    bounds = tuple((float(a), float(b)) for a, b in zip(lo - pad, hi + pad, strict=True))
    return pca.center, pca.d1, pca.d2, bounds
