"""Learning-rate sweeps: one optimizer kind at many η, in one batched race.

``sweep(surface, kind, lrs, start, steps, **hyper)`` races ``len(lrs)``
copies of ``kind`` that differ only in η from the same start — one race,
so the engine steps them together with η as a per-row value — and keeps
each loss curve f(x_t), t = 0…steps (a diverged run's curve stays at its
last good value, as ``runner.run`` records it, and ``diverged_at`` says
where it stopped). ``lr_sweep`` returns just the curves,
``(len(lrs), steps + 1)``.

``best_lr`` is the fair-tuning rule: the η whose run did best by the
criterion, among the runs that did not diverge —

* ``"final"``: the lowest final loss f(x_steps);
* ``"steps"``: the fewest steps until f(x_t) − f* < tol (ties: lower final loss).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from optim_core import optimizers, runner

CRITERIA = ("final", "steps")


@dataclass(frozen=True)
class LRSweep:
    kind: str
    lrs: np.ndarray  # (L,)
    losses: np.ndarray  # (L, steps + 1)
    diverged_at: np.ndarray  # (L,) int, -1 if never


def log_lrs(lo: float, hi: float, n: int) -> np.ndarray:
    """``n`` learning rates evenly spaced in log10 between ``lo`` and ``hi``."""
    if not (0 < lo < hi and n >= 2):
        raise ValueError(f"need 0 < lo < hi and n >= 2, got lo={lo!r}, hi={hi!r}, n={n!r}")
    return np.logspace(np.log10(lo), np.log10(hi), int(n))


def sweep(surface, kind: str, lrs, start, steps: int, **hyper) -> LRSweep:
    """Race ``kind`` at every η in ``lrs`` from ``start: (2,)`` for ``steps`` steps."""
    lrs = np.asarray(lrs, dtype=float).ravel()
    if not len(lrs) or not (np.isfinite(lrs).all() and (lrs > 0).all()):
        raise ValueError("learning rates must be positive finite numbers")
    opts = {f"lr{i}": optimizers.get(kind, lr=float(lr), **hyper) for i, lr in enumerate(lrs)}
    runs = runner.run(surface, opts, np.asarray(start, float).reshape(2), steps)
    losses = np.stack([runs[label].values[:, 0] for label in opts])
    diverged = np.array([runs[label].diverged_at[0] for label in opts])
    return LRSweep(kind, lrs, losses, diverged)


def lr_sweep(surface, kind: str, lrs, start, steps: int, **hyper) -> np.ndarray:
    """The loss curves of ``sweep``: ``(len(lrs), steps + 1)``."""
    return sweep(surface, kind, lrs, start, steps, **hyper).losses


def steps_to_tol(losses: np.ndarray, f_star: float, tol: float) -> np.ndarray:
    """``(L,)``: first t with losses[:, t] − f* < tol, or −1 if never."""
    with np.errstate(invalid="ignore"):
        near = losses - f_star < tol
    return np.where(near.any(axis=1), near.argmax(axis=1), -1)


def best_lr(result: LRSweep, criterion: str = "final", *, f_star: float = 0.0,
            tol: float = 1e-6) -> float | None:
    """The sweep's best η by ``criterion`` among runs that never diverged; None if all did."""
    if criterion not in CRITERIA:
        raise ValueError(f"criterion must be one of {', '.join(CRITERIA)}, got {criterion!r}")
    ok = result.diverged_at < 0
    final = result.losses[:, -1]
    ok &= np.isfinite(final)
    if not ok.any():
        return None
    if criterion == "final":
        return float(result.lrs[ok][np.argmin(final[ok])])
    steps = steps_to_tol(result.losses, f_star, tol).astype(float)
    steps[steps < 0] = np.inf
    order = np.lexsort((final[ok], steps[ok]))  # fewest steps, then lowest final loss
    return float(result.lrs[ok][order[0]])
