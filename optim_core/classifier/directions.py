"""Random directions for a slice plane through a weight matrix."""

from __future__ import annotations

import numpy as np

NORMALIZATIONS = (None, "filter")


def random_directions(W0: np.ndarray, seed: int, normalize: str | None = "filter"
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Two seeded Gaussian directions ``(D1, D2)``, each shaped like ``W0: (D, K)``.

    ``normalize="filter"`` (Li et al., 2018) rescales each class column k of a
    direction to ``‖W0[:, k]‖``, so a step of 1 along it is as large as the
    weights themselves. A column of W0 whose norm is ~0 (below 1e-12 of the
    largest) takes the mean of the other columns' norms instead; when all of
    W0 is ~0 every column gets unit norm. ``None`` leaves the raw N(0, 1) draws.
    """
    if normalize not in NORMALIZATIONS:
        raise ValueError(f"normalize must be one of {NORMALIZATIONS}; got {normalize!r}")
    W0 = np.asarray(W0, dtype=float)
    rng = np.random.default_rng(seed)
    D1, D2 = rng.standard_normal((2,) + W0.shape)
    if normalize == "filter":
        target = filter_norms(W0)
        D1 = D1 * (target / np.linalg.norm(D1, axis=0))
        D2 = D2 * (target / np.linalg.norm(D2, axis=0))
    return D1, D2


def filter_norms(W0: np.ndarray) -> np.ndarray:
    """The column norms filter normalization aims for: ``(K,)`` (see above)."""
    norms = np.linalg.norm(W0, axis=0)
    top = norms.max(initial=0.0)
    if not top > 0:
        return np.ones_like(norms)
    small = norms <= 1e-12 * top
    return np.where(small, norms[~small].mean(), norms)
