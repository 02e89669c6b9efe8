"""The stability limit of one run where it is: the Hessian there, its spectrum
and the learning rate past which the run's kind diverges on that quadratic.

``at_point(surface, kind, hyper, x, scale=None)`` takes the Hessian of the
surface at ``x: (2,)`` (a classifier slice gives the Hessian of the slice in
(a, b)) and applies ``stability.critical_lr`` and ``quadratic_rates``.
Adaptive kinds, which have no closed form, pass their current
per-coordinate step ``scale: (2,)`` and get ``stability.adaptive_limits``.
``hyper`` holds numbers: schedules evaluated at the step in question
(``hyper_at``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from optim_core import schedules
from optim_core.analysis import stability


@dataclass(frozen=True)
class LocalStability:
    """The local quadratic model at ``point`` and what it says of the run's η."""

    point: np.ndarray                   # (2,)
    hessian: np.ndarray                 # (2, 2)
    rates: stability.QuadraticRates     # λmin, λmax, κ, SGD's best η and its rate
    critical_lr: float                  # inf: no limit; nan: no closed form
    lr: float                           # the run's η at that step (nan if it has none)
    adaptive: stability.AdaptiveLimits | None  # adaptive kinds given their scale

    @property
    def too_large(self) -> bool:
        """True where η exceeds the critical η (False when either is unknown)."""
        return bool(math.isfinite(self.critical_lr) and self.lr > self.critical_lr)


def hyper_at(hyper: Mapping[str, Any], t: int) -> dict[str, Any]:
    """``hyper`` with every schedule evaluated at step ``t`` (1-based)."""
    return {k: v(t) if isinstance(v, schedules.Schedule) else v for k, v in hyper.items()}


def at_point(surface, kind: str, hyper: Mapping[str, Any], x: np.ndarray,
             scale: np.ndarray | None = None) -> LocalStability | None:
    """The report at ``x: (2,)``; None where the Hessian is not finite there
    (a diverged point, a hole in a typed surface)."""
    x = np.asarray(x, dtype=float).reshape(2)
    if not np.all(np.isfinite(x)):
        return None
    with np.errstate(all="ignore"):
        H = np.asarray(surface.hessian(x), dtype=float).reshape(2, 2)
    if not np.all(np.isfinite(H)):
        return None
    H = 0.5 * (H + H.T)
    numbers = {k: v if isinstance(v, bool) else float(v) for k, v in hyper.items()
               if isinstance(v, (bool, int, float, np.floating))}
    adaptive = None
    if scale is not None and np.all(np.isfinite(scale)):
        adaptive = stability.adaptive_limits(H, np.asarray(scale, dtype=float).reshape(2))
    return LocalStability(x, H, stability.quadratic_rates(H),
                          stability.critical_lr(kind, H, **numbers),
                          float(numbers.get("lr", math.nan)), adaptive)


def critical_lr_over(surface, kind: str, hyper: Mapping[str, Any], points: np.ndarray
                     ) -> float:
    """The smallest critical η over ``points: (S, 2)`` (the tightest limit any of
    a run's start points or heads meets); inf when none limits it, nan when
    the kind has no closed form or no point has a finite Hessian."""
    limits = [r.critical_lr for p in np.asarray(points, dtype=float).reshape(-1, 2)
              if (r := at_point(surface, kind, hyper, p)) is not None]
    limits = [v for v in limits if not math.isnan(v)]
    return min(limits) if limits else math.nan
