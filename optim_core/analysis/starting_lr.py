"""A learning rate a new run can start with on a surface: one that converges.

``starting_lr(surface, kind, starts)`` sweeps η over ``CANDIDATES`` (a
decade apart, ``log_lrs``) in one batched race of ``steps`` steps from the
first start point, and returns the η with the lowest final loss among the
runs that never diverged (``lr_sweep.best_lr``), then one notch smaller
(``SAFETY``): the best η of a short race often sits just below the stability
edge, where a longer race or another start rattles out. The kind's own
default comes back when every candidate diverged (or the kind has no η).
"""

from __future__ import annotations

import numpy as np

from optim_core import optimizers
from optim_core.analysis.lr_sweep import best_lr, log_lrs, sweep

#: Learning rates tried: 1e-5 … 1, three a decade.
CANDIDATES = log_lrs(1e-5, 1.0, 16)
#: The chosen η is the sweep's best divided by this (one notch of the grid).
SAFETY = 10 ** (1 / 3)


def starting_lr(surface, kind: str, starts, steps: int = 200, **hyper) -> float:
    """η for a new ``kind`` run on ``surface`` from ``starts (S, 2)`` (the first
    is raced); ``hyper`` are the run's other hyper-parameters."""
    names = {h.name for h in optimizers.hyper_specs(kind)}
    default = next((h.default for h in optimizers.hyper_specs(kind) if h.name == "lr"), None)
    if "lr" not in names:
        raise ValueError(f"{kind!r} has no learning rate")
    start = np.asarray(starts, dtype=float).reshape(-1, 2)[0]
    result = sweep(surface, kind, CANDIDATES, start, steps,
                   **{k: v for k, v in hyper.items() if k != "lr"})
    best = best_lr(result)
    if best is None:
        return float(default)
    return float(f"{best / SAFETY:.2g}")
