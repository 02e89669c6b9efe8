"""Where each run's learning rate breaks, read from an ExperimentModel.

``critical_lr(index)`` is the limit of run ``index``'s kind on the local
quadratic model at its start points (the tightest over them), with its μ
or β: what the η slider marks, and what warns of a run that will diverge
before it is played. ``at_head(index)`` and ``at_minima(index)`` give the
whole ``LocalStability`` report where the run is now, and at each known
minimum of the surface. Results are kept until the surface, the starts or
the run's kind and hyper-parameters change.
"""

from __future__ import annotations

import math

import numpy as np

from optim_core.analysis import head_internals, local_stability
from optim_core.analysis.local_stability import LocalStability
from optim_core.experiment import spec as spec_mod


class RunStability:
    """Stability limits of ``model``'s runs (no state of its own but a cache)."""

    def __init__(self, model):
        self._model = model
        self._cache: dict[tuple, float] = {}

    def _run_now(self, index: int):
        """(kind, hyper at the next step) of run ``index``."""
        run = self._model.spec.runs[index]
        opt = spec_mod.make_optimizer(run)
        return run.kind, local_stability.hyper_at(opt.hyper, self._model.step + 1)

    def critical_lr(self, index: int) -> float:
        """The critical η at the starts (see the module docstring); nan when the
        kind has no closed form or there is no surface yet."""
        model = self._model
        surface = model.surface
        if surface is None:
            return math.nan
        run = model.spec.runs[index]
        starts = model.starts
        # The surface's spec too: a new surface object may reuse a freed one's id.
        key = (id(surface), repr(model.spec.surface), run.kind, repr(sorted(run.hyper.items())),
               starts.tobytes())
        if key not in self._cache:
            if len(self._cache) > 256:
                self._cache.clear()
            kind, hyper = run.kind, local_stability.hyper_at(
                spec_mod.make_optimizer(run).hyper, 1)
            self._cache[key] = local_stability.critical_lr_over(surface, kind, hyper, starts)
        return self._cache[key]

    def lr_at_start(self, index: int) -> float:
        """Run ``index``'s η at step 1 (its schedule's start), nan without one."""
        hyper = spec_mod.make_optimizer(self._model.spec.runs[index]).hyper
        lr = local_stability.hyper_at(hyper, 1).get("lr", math.nan)
        return float(lr)

    def too_large(self, index: int) -> bool:
        """True where run ``index``'s η at the start exceeds its critical η."""
        limit = self.critical_lr(index)
        return bool(math.isfinite(limit) and self.lr_at_start(index) > limit)

    def at_head(self, index: int, start: int = 0) -> LocalStability | None:
        """The report at run ``index``'s current point (its start before a race);
        adaptive kinds get their current per-coordinate step compared too."""
        model = self._model
        if model.surface is None:
            return None
        kind, hyper = self._run_now(index)
        label = model.race_label(index)
        race = model.race
        scale = None
        if race is not None and label in race.labels:
            head = head_internals.at_heads(race, label)
            x = head.points[start]
            if "scale" in head.vectors:
                scale = head.vectors["scale"][start]
        else:
            x = model.starts[start]
        return local_stability.at_point(model.surface, kind, hyper, x, scale)

    def at_minima(self, index: int) -> list[LocalStability]:
        """The report at each known minimum of the surface (none for a slice)."""
        model = self._model
        if model.surface is None:
            return []
        kind, hyper = self._run_now(index)
        reports = [local_stability.at_point(model.surface, kind, hyper, m)
                   for m in np.asarray(model.surface.minima).reshape(-1, 2)]
        return [r for r in reports if r is not None]
