"""How the surface is drawn: colour map, log colour, contour lines; start-grid size."""

from __future__ import annotations

import copy
from dataclasses import asdict

import numpy as np

from optim_core.experiment import checks
from optim_core.experiment.spec import ViewSpec
from optim_core.experiment.state.events import Batcher, Event

#: Most start points a Shift+drag grid may seed (per side).
MAX_GRID_N = 12
KEEP = "keep"


class ViewSettings:
    """Events: ``changed()`` (colours, contours), ``grid_n_changed()``."""

    def __init__(self, batcher: Batcher, view: ViewSpec | None = None):
        self.changed = Event("view_changed", batcher)
        self.grid_n_changed = Event("grid_n_changed", batcher)
        self.spec = copy.deepcopy(view) if view is not None else ViewSpec()
        self.grid_n = 5  # a preference of the session, not of the experiment

    def replace(self, view: ViewSpec) -> None:
        if view != self.spec:
            self.spec = copy.deepcopy(view)
            self.changed.emit()

    def set(self, colormap: str | None = None, log_color: bool | None | str = KEEP,
            contours: int | None = None) -> None:
        """Colour map name, log colour (True, False, None = automatic), contour count
        (0 … 100); ValueError (and nothing changes) for an unknown colour map."""
        trial = copy.deepcopy(self.spec)
        if colormap is not None:
            trial.colormap = colormap
        if log_color != KEEP:
            trial.log_color = log_color
        if contours is not None:
            trial.contours = int(np.clip(int(contours), 0, 100))
        self.spec = checks.view_section(asdict(trial), "view")
        self.changed.emit()

    def set_grid_n(self, n: int) -> None:
        """How many start points per side a Shift+drag seeds (1 … MAX_GRID_N)."""
        self.grid_n = int(np.clip(n, 1, MAX_GRID_N))
        self.grid_n_changed.emit()
