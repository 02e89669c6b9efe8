"""The series the training-curve panel draws, read from a runner history.

Every series is the runner's own record (``runner.Run``) for one start
point, except the distance to the nearest known minimum, which is derived
from the recorded points: d_k = min_m ‖p_k − m‖ over ``surface.minima``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RunCurves:
    """One run, one start point: K kept samples at ``steps (K,)``."""

    steps: np.ndarray  # (K,) int
    loss: np.ndarray  # (K,) f at each sample
    grad_norm: np.ndarray  # (K,) |∇f|
    lr: np.ndarray  # (K,) scheduled η of the step that produced the sample (NaN at start)
    effective_lr: np.ndarray  # (K,) mean per-coordinate step size (η for non-adaptive kinds)
    distance: np.ndarray | None  # (K,) to the nearest known minimum; None if none is known


def distance_to_minima(points: np.ndarray, minima: np.ndarray) -> np.ndarray | None:
    """``points: (..., 2)``, ``minima: (M, 2)`` -> ``(...)`` min_m ‖p − m‖, None if M = 0."""
    minima = np.asarray(minima, dtype=float).reshape(-1, 2)
    if not len(minima):
        return None
    diff = np.asarray(points, dtype=float)[..., None, :] - minima
    return np.min(np.hypot(diff[..., 0], diff[..., 1]), axis=-1)


def run_curves(run, surface, start: int = 0) -> RunCurves:
    """The curves of ``run`` (a ``runner.Run``) at start point ``start``."""
    minima = getattr(surface, "minima", np.zeros((0, 2)))
    return RunCurves(
        steps=np.asarray(run.steps), loss=run.values[:, start], grad_norm=run.grad_norms[:, start],
        lr=np.asarray(run.lrs, dtype=float), effective_lr=run.effective_lrs[:, start],
        distance=distance_to_minima(run.points[:, start], minima))


def best_known_value(surface) -> float | None:
    """f* = the lowest value at the surface's known minima (None if none is known)."""
    minima = np.asarray(getattr(surface, "minima", np.zeros((0, 2))), dtype=float)
    if not len(minima):
        return None
    with np.errstate(all="ignore"):
        return float(np.min(surface.value(minima)))
