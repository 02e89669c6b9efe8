"""The surface part of ExperimentModel: choosing, tuning and sampling surfaces.

Toy and typed surfaces are built and sampled at once on the GUI thread. A classifier
slice is built and sampled as ``gui.model.workers`` jobs (a coarse preview, then
the full grid); while they run the old surface stays on screen, a newer
request supersedes an older one, and if building fails the spec goes back
to the surface on screen.
"""

from __future__ import annotations

import copy
from dataclasses import asdict

import numpy as np

from gui.model import surface_jobs
from gui.model.surface_jobs import GridData
from optim_core import surfaces
from optim_core.experiment import checks as experiment_checks
from optim_core.experiment import spec as spec_mod
from optim_core.surfaces.base import Surface
from optim_core.surfaces.expression_parser import free_names


class SurfaceMixin:
    """Surface methods of ``ExperimentModel`` (which provides the state and signals)."""

    def set_surface(self, name: str) -> None:
        """Switch to toy surface ``name`` or ``spec.CLASSIFIER`` (parameters at
        defaults), or ``spec.EXPRESSION``: the typed surface last given (its
        parameters at 1)."""
        if name == self._spec.surface.name:
            return
        if name == spec_mod.EXPRESSION:
            e = self._spec.surface.expression
            self.set_typed_surface(e.text, e.bounds, dict.fromkeys(free_names(e.text), 1.0))
            return
        self._spec.surface.name = name
        self._spec.surface.params = (
            {} if name == spec_mod.CLASSIFIER
            else {p.name: p.default for p in surfaces.params(name)})
        self._rebuild_surface(new_start=True, keep_step=False)

    def set_typed_surface(self, text: str, bounds, params: dict[str, float] | None = None
                          ) -> None:
        """Switch to the typed surface f(x, y) = ``text`` over ``bounds``
        ((x0, x1), (y0, y1)) with named ``params``. A new text or box starts
        from the new surface's own start point; new parameter values keep the
        start and the step. Raises ValueError naming the field, with the
        reason and column for the text, and changes nothing when invalid."""
        trial = copy.deepcopy(self._spec.surface)
        trial.name = spec_mod.EXPRESSION
        trial.params = dict(params or {})
        trial.expression = spec_mod.ExpressionSpec(
            text=text, bounds=[[float(lo), float(hi)] for lo, hi in bounds])
        checked = _checked(trial)
        old = self._spec.surface
        same_box = old.name == checked.name and old.expression == checked.expression
        if same_box and old.params == checked.params:
            return
        self._spec.surface = checked
        self._rebuild_surface(new_start=not same_box, keep_step=same_box)

    def set_surface_param(self, name: str, value: float) -> None:
        """Change one toy-surface parameter; trajectories are recomputed to the current
        step. Raises ValueError (and changes nothing) when the value is invalid."""
        trial = copy.deepcopy(self._spec.surface)
        trial.params[name] = value
        self._spec.surface.params[name] = _checked(trial).params[name]
        self._rebuild_surface(new_start=False, keep_step=True)

    def set_slice(self, **fields) -> None:
        """Change classifier-slice fields (dataset, loss, reg, center, seed, normalize,
        extent, batch_size); the slice is rebuilt off the GUI thread. Raises
        ValueError (and changes nothing) when a value is invalid."""
        trial = copy.deepcopy(self._spec.surface)
        for key, value in fields.items():
            if not hasattr(trial.slice, key):
                raise ValueError(f"the slice has no field {key!r}")
            setattr(trial.slice, key, value)
        checked = _checked(trial).slice
        for key in fields:
            setattr(self._spec.surface.slice, key, getattr(checked, key))
        self._rebuild_surface(new_start="extent" in fields, keep_step=True)

    def new_directions(self) -> None:
        """Draw new random directions D1, D2 (the next seed)."""
        self.set_slice(seed=self._spec.surface.slice.seed + 1)

    def set_resolution(self, n: int) -> None:
        """Grid points per side of the drawn image (16 … 2048)."""
        trial = copy.deepcopy(self._spec.surface)
        trial.resolution = int(n)
        self._spec.surface.resolution = _checked(trial).resolution
        self._emit("modified")
        if self.surface is not None:
            self._sample_grid()

    def _rebuild_surface(self, new_start: bool, keep_step: bool) -> None:
        self._emit("surface_changed")
        self._emit("modified")
        if self._spec.surface.name == spec_mod.CLASSIFIER:
            # A newer request replaces a running one; what either asked for holds.
            self._slice_new_start |= new_start
            self._slice_keep_step &= keep_step
            self._job_done = self._on_slice_built
            self.jobs.submit(surface_jobs.slice_preview_job(self._spec.surface,
                                                            self._spec.view))
            return
        surface = spec_mod.make_surface(self._spec.surface)
        self._install_surface(surface, new_start, keep_step)
        self._sample_grid()

    def _install_surface(self, surface: Surface, new_start: bool, keep_step: bool,
                         defer: bool = False) -> None:
        step = self.step if keep_step else 0
        self.surface = surface
        self._shown_surface = copy.deepcopy(self._spec.surface)
        if new_start or not self._spec.starts:
            start = surface_jobs.default_start(surface)
            self._spec.starts = [[float(start[0]), float(start[1])]]
            self._emit("starts_changed")
        self._restart_race(step, defer=defer)

    def _sample_grid(self) -> None:
        res = self._spec.surface.resolution
        if surface_jobs.is_slice(self.surface):
            self._job_done = self._on_grid_computed
            self.jobs.submit(surface_jobs.slice_grid_job(self.surface, res, self._spec.view))
        else:
            self.jobs.cancel()
            self.grid = surface_jobs.sample(self.surface, res)
            self._emit("grid_ready")

    def _on_job_done(self, result) -> None:
        if self._job_done is not None:
            self._job_done(result)

    def _on_slice_built(self, result) -> None:
        surface, preview = result
        new_start, keep_step = self._slice_new_start, self._slice_keep_step
        self._slice_new_start, self._slice_keep_step = False, True
        with self.batch():
            # The race is rebuilt from the next turn on: this one draws the new slice.
            self._install_surface(surface, new_start, keep_step, defer=True)
            self.grid = preview
            self._emit("grid_ready")
        self._sample_grid()

    def _on_grid_computed(self, grid: GridData) -> None:
        self.grid = grid
        self._emit("grid_ready")

    def _on_job_failed(self, message: str) -> None:
        """A slice could not be built: the spec goes back to the surface on screen."""
        self._job_done = None
        self._slice_new_start, self._slice_keep_step = False, True
        if self._shown_surface is not None and self._spec.surface != self._shown_surface:
            self._spec.surface = copy.deepcopy(self._shown_surface)
            self._emit("surface_changed")
        self.job_failed.emit(message)

    def probe(self, x: float, y: float) -> tuple[float, float] | None:
        """``(f, |∇f|)`` at (x, y), or None when no surface is ready."""
        if self.surface is None:
            return None
        with np.errstate(all="ignore"):
            f, g = self.surface.value_and_grad(np.array([x, y], dtype=float))
        return float(f), float(np.hypot(*np.asarray(g, float).reshape(2)))


def _checked(surface: spec_mod.SurfaceSpec) -> spec_mod.SurfaceSpec:
    """``surface`` validated by the experiment-file rules, so whatever the model
    holds can be saved and opened again; raises ValueError naming the field."""
    return experiment_checks.surface_section(asdict(surface), "surface")
