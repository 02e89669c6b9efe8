"""The surface part: which surface, its parameters, the built surface and its grid.

Toy surfaces are built and sampled at once. A classifier slice is built and
sampled as jobs on the lane (a coarse preview, then the full grid); while
they run the old surface stays on screen, a newer request supersedes an
older one, and if building fails the spec goes back to the surface on
screen (``failed(message)``).
"""

from __future__ import annotations

import copy
from dataclasses import asdict

import numpy as np

from optim_core import surfaces
from optim_core.experiment import checks
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.centre import StoredCentre
from optim_core.experiment.state import surface_jobs
from optim_core.experiment.state.events import Batcher, Event
from optim_core.experiment.state.lanes import Lane
from optim_core.experiment.state.surface_jobs import GridData
from optim_core.experiment.state.view import ViewSettings
from optim_core.surfaces.base import Surface
from optim_core.surfaces.expression_parser import free_names


class SurfacePart:
    """Events: ``changed()`` (the spec; a grid follows, maybe later), ``grid_ready()``
    (batched), ``installed(surface, new_start, keep_step, defer)`` (at once: the
    race moves onto it) and ``failed(message)`` (at once)."""

    def __init__(self, batcher: Batcher, lane: Lane, view: ViewSettings,
                 spec: spec_mod.SurfaceSpec | None = None, centre: StoredCentre | None = None):
        self.changed = Event("surface_changed", batcher)
        self.grid_ready = Event("grid_ready", batcher)
        self.installed = Event("surface_installed", batched=False)
        self.failed = Event("surface_failed", batched=False)
        self._batcher, self._lane, self._view = batcher, lane, view
        self.spec = copy.deepcopy(spec) if spec is not None else spec_mod.SurfaceSpec()
        self.surface: Surface | None = None
        self.grid: GridData | None = None
        self._shown: spec_mod.SurfaceSpec | None = None  # what ``surface`` was built from
        self._shown_centre: StoredCentre | None = None  # and the W* it was built on
        self._centre = centre  # the last W* built or brought by a file (see ``centre``)
        #: True from a slice's rebuild until it is installed or fails: what is on
        #: screen is not (yet) the surface the spec names.
        self.building = False
        self._new_start, self._keep_step = False, True

    # ----------------------------------------------------------------- editing
    def replace(self, spec: spec_mod.SurfaceSpec, new_start: bool, keep_step: bool,
                centre: StoredCentre | None = None) -> None:
        """Another surface spec altogether (a file with its W*, undo); rebuilt."""
        self.spec = copy.deepcopy(spec)
        self._centre = centre or self._centre
        self.rebuild(new_start, keep_step)

    @property
    def centre(self) -> StoredCentre | None:
        """The trained W* of the slice, as a file keeps it: the one it was built on,
        or the one its file brought until then; None when there is none (a toy
        surface, a small random centre, or a W* of another loss, λ or seed)."""
        s, c = self.spec.slice, self._centre
        if self.spec.name != spec_mod.CLASSIFIER or s.center != "trained" or c is None:
            return None
        return c if (c.loss, c.reg, c.seed) == (s.loss, float(s.reg), int(s.seed)) else None

    def set_name(self, name: str) -> None:
        """Toy surface ``name`` or ``spec.CLASSIFIER`` (parameters at defaults), or
        ``spec.EXPRESSION``: the typed surface last given (its parameters at 1)."""
        if name == self.spec.name:
            return
        if name == spec_mod.EXPRESSION:
            e = self.spec.expression
            self.set_typed(e.text, e.bounds, dict.fromkeys(free_names(e.text), 1.0))
            return
        params = {} if name == spec_mod.CLASSIFIER else {
            p.name: p.default for p in surfaces.params(name)}
        trial = copy.deepcopy(self.spec)
        trial.name, trial.params = name, params
        self.spec = _checked(trial)
        self.rebuild(new_start=True, keep_step=False)

    def set_typed(self, text: str, bounds, params: dict[str, float] | None = None) -> None:
        """The typed surface f(x, y) = ``text`` over ``bounds`` ((x0, x1), (y0, y1))
        with named ``params``. A new text or box starts from the new surface's
        own start point; new parameter values keep the start and the step.
        ValueError naming the field (the reason and column for the text), and
        nothing changes, when invalid."""
        trial = copy.deepcopy(self.spec)
        trial.name, trial.params = spec_mod.EXPRESSION, dict(params or {})
        trial.expression = spec_mod.ExpressionSpec(
            text=text, bounds=[[float(lo), float(hi)] for lo, hi in bounds])
        checked, old = _checked(trial), self.spec
        same_box = old.name == checked.name and old.expression == checked.expression
        if same_box and old.params == checked.params:
            return
        self.spec = checked
        self.rebuild(new_start=not same_box, keep_step=same_box)

    def set_param(self, name: str, value: float) -> None:
        """One toy-surface parameter; the race is recomputed to its step. ValueError
        (and nothing changes) when the value is invalid."""
        trial = copy.deepcopy(self.spec)
        trial.params[name] = value
        self.spec.params[name] = _checked(trial).params[name]
        self.rebuild(new_start=False, keep_step=True)

    def set_slice(self, **fields) -> None:
        """Classifier-slice fields (dataset, loss, reg, center, seed, normalize,
        extent, batch_size); ValueError (and nothing changes) when one is invalid.
        A new loss brings its default range when the range was the old loss's."""
        old = self.spec.slice
        if ("loss" in fields and "extent" not in fields
                and old.extent == spec_mod.default_extent(old.loss)):
            fields = {**fields, "extent": spec_mod.default_extent(fields["loss"])}
        trial = copy.deepcopy(self.spec)
        for key, value in fields.items():
            if not hasattr(trial.slice, key):
                raise ValueError(f"the slice has no field {key!r}")
            setattr(trial.slice, key, value)
        checked = _checked(trial).slice
        for key in fields:
            setattr(self.spec.slice, key, getattr(checked, key))
        if "dataset" in fields:
            self._centre = None  # trained on the data before
        self.rebuild(new_start="extent" in fields, keep_step=True)

    def set_resolution(self, n: int) -> None:
        """Grid points per side of the drawn image (16 … 2048)."""
        trial = copy.deepcopy(self.spec)
        trial.resolution = int(n)
        self.spec.resolution = _checked(trial).resolution
        self.changed.emit()
        if self.surface is not None:
            self._sample_grid()

    # ---------------------------------------------------------------- building
    def rebuild(self, new_start: bool, keep_step: bool) -> None:
        """Build the surface the spec names (a slice: on the lane) and sample it."""
        self.building = self.spec.name == spec_mod.CLASSIFIER
        self.changed.emit()
        if self.building:
            # A newer request replaces a running one; what either asked for holds.
            self._new_start |= new_start
            self._keep_step &= keep_step
            job = surface_jobs.slice_preview_job(self.spec, self._view.spec, self.centre)
            self._lane.submit(job, self._on_slice_built, self._on_failed)
            return
        self._lane.cancel()
        self._install(spec_mod.make_surface(self.spec), new_start, keep_step)
        self._sample_grid()

    def _install(self, surface: Surface, new_start: bool, keep_step: bool,
                 defer: bool = False) -> None:
        self.surface = surface
        self._shown, self._shown_centre = copy.deepcopy(self.spec), self._centre
        self.installed.emit(surface, new_start, keep_step, defer)

    def _sample_grid(self) -> None:
        res = self.spec.resolution
        if surface_jobs.is_slice(self.surface):
            job = surface_jobs.slice_grid_job(self.surface, res, self._view.spec)
            self._lane.submit(job, self._on_grid_computed, self._on_failed)
        else:
            self._lane.cancel()
            # Prepared for drawing once here, not by every view that shows it.
            v = self._view.spec
            self.grid = surface_jobs.displayed(surface_jobs.sample(self.surface, res),
                                               v.log_color, v.contours)
            self.grid_ready.emit()

    def _on_slice_built(self, result) -> None:
        surface, preview, centre = result
        self.building = False
        self._centre = centre or self._centre
        new_start, keep_step = self._new_start, self._keep_step
        self._new_start, self._keep_step = False, True
        with self._batcher.batch():
            # The race is rebuilt from the next turn on: this one draws the new slice.
            self._install(surface, new_start, keep_step, defer=True)
            self.grid = preview
            self.grid_ready.emit()
        self._sample_grid()

    def _on_grid_computed(self, grid: GridData) -> None:
        self.grid = grid
        self.grid_ready.emit()

    def _on_failed(self, message: str) -> None:
        self._new_start, self._keep_step = False, True
        self.building = False
        if self._shown is not None and self.spec != self._shown:
            self.spec, self._centre = copy.deepcopy(self._shown), self._shown_centre
            self.changed.emit()
        self.failed.emit(message)

    # ----------------------------------------------------------------- reading
    def probe(self, x: float, y: float) -> tuple[float, float] | None:
        """``(f, |∇f|)`` at (x, y), or None when no surface is ready."""
        if self.surface is None:
            return None
        with np.errstate(all="ignore"):
            f, g = self.surface.value_and_grad(np.array([x, y], dtype=float))
        return float(f), float(np.hypot(*np.asarray(g, float).reshape(2)))


def _checked(surface: spec_mod.SurfaceSpec) -> spec_mod.SurfaceSpec:
    """``surface`` validated by the experiment-file rules; ValueError naming the field."""
    return checks.surface_section(asdict(surface), "surface")
