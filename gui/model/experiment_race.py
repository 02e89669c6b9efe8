"""Start points and the race of an ExperimentModel: placing, dragging, rebuilding.

A race recomputed to a step (the start dragged, a new surface or start late
in a race) is rebuilt over event-loop turns of at most ``DRAG_BUDGET_S``
each, showing the trails growing, so neither the mouse nor the window ever
waits for it; the animation clock waits until it is done.
"""

from __future__ import annotations

import time

import numpy as np

from optim_core import runner
from optim_core.experiment import checks as experiment_checks
from optim_core.experiment import spec as spec_mod

#: Longest a drag recompute may hold the event loop per turn: most of a frame.
DRAG_BUDGET_S = 0.012
#: Most start points a Shift+drag grid may seed (per side).
MAX_GRID_N = 12


class RaceMixin:
    """Start-point and race methods of ``ExperimentModel`` (which provides the state)."""

    @property
    def rebuilding(self) -> bool:
        """True while the race is recomputed to its step over event-loop turns
        (after a new surface or start late in a race; not during a drag)."""
        return self._drag_target is not None and not self._dragging

    # ------------------------------------------------------------ start points
    def set_start(self, x: float, y: float) -> None:
        """One start point; the race restarts from step 0."""
        self.set_starts(np.array([[x, y]]))

    def set_starts(self, points: np.ndarray, keep_step: bool = False) -> None:
        """Start points ``(S, 2)``; the race restarts (or is recomputed to the
        current step with ``keep_step``)."""
        self._spec.starts = _checked_starts(np.asarray(points, dtype=float).reshape(-1, 2))
        self._emit("starts_changed")
        self._emit("modified")
        self._restart_race(self.step if keep_step else 0)

    def drag_start(self, x: float, y: float) -> None:
        """Move the start while dragging: every trajectory is recomputed up to
        the step the race had reached, so the race reshapes under the mouse.

        The start moves at once; the recompute runs when the event loop is
        next idle, so a burst of mouse moves costs one recompute (the latest).
        A long recompute (a late step, a classifier slice) is spread over
        several event-loop turns of at most ``DRAG_BUDGET_S`` each, showing
        the trails growing, so the mouse never waits for it.
        ``finish_drag`` completes a pending one immediately.
        """
        starts = _checked_starts(np.array([[x, y]], dtype=float))
        if self._drag_target is None:
            self._drag_target = self.step
        self._dragging = True
        self._spec.starts = starts
        self._drag_race = None  # a newer start: any partial recompute is stale
        self._emit("starts_changed")
        self._emit("modified")
        if not self._drag_timer.isActive():
            self._drag_timer.start(0)

    def finish_drag(self) -> None:
        """End of a drag: the race matches the final start point when this returns."""
        self._dragging = False
        if self._drag_target is None:
            return
        self._drag_timer.stop()
        self._continue_drag(budget=float("inf"))

    def _on_drag_timer(self) -> None:
        self._continue_drag(DRAG_BUDGET_S)

    def _continue_drag(self, budget: float) -> None:
        """Advance the rebuilt race towards the target step for ``budget`` seconds;
        a rebuild that is not a drag ends by itself when it gets there."""
        if self.surface is None or self._drag_target is None:
            return
        if self._drag_race is None:
            self._drag_race = self._new_race()
        race, deadline = self._drag_race, time.perf_counter() + budget
        chunk = 8
        while race.step < self._drag_target:  # at least one chunk a turn: always progress
            t0 = time.perf_counter()
            n = min(chunk, self._drag_target - race.step)
            race.advance(n)
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            # Next chunk: twice as long, but no longer than the time left allows
            # (blind doubling overshot the budget by up to 2x on slices).
            per_step = (time.perf_counter() - t0) / n
            fits = left / per_step if per_step > 0 else 2 * chunk  # inf: no budget
            chunk = max(1, int(min(2 * chunk, fits)))
        self.race = race
        self._version += 1
        if race.step < self._drag_target:
            self._drag_timer.start(0)
        elif not self._dragging:
            self._drag_target = None
        self._emit("trajectories_changed")

    def seed_grid(self, x0: float, y0: float, x1: float, y1: float, n: int | None = None
                  ) -> None:
        """``n × n`` start points spread over the rectangle (corners included)."""
        n = self.grid_n if n is None else int(n)
        xs = np.linspace(min(x0, x1), max(x0, x1), n)
        ys = np.linspace(min(y0, y1), max(y0, y1), n)
        X, Y = np.meshgrid(xs, ys)
        self.set_starts(np.stack([X.ravel(), Y.ravel()], axis=-1))

    def set_grid_n(self, n: int) -> None:
        """How many start points per side a Shift+drag seeds (1 … MAX_GRID_N)."""
        self.grid_n = int(np.clip(n, 1, MAX_GRID_N))
        self._emit("transport_changed")

    def _restart_race(self, step: int = 0, defer: bool = False) -> None:
        """A new race on the current surface from the starts, advanced to ``step``.

        Advancing is at once when it fits in ``DRAG_BUDGET_S``, else spread over
        event-loop turns like a drag (the clock waits; ``rebuilding`` is True):
        a new slice late in a race recomputed 1,000 steps in ~0.6 s, all of it
        on the GUI thread. ``defer`` starts it on the next turn (the caller's
        turn is already full, e.g. installing a new slice).
        """
        if self.surface is None:
            return
        self._drag_race = None  # a rebuild under way restarts on the new race's terms
        if step:
            if self._drag_target is None:
                self._drag_target = step
            if defer:
                self._drag_timer.start(0)
            else:
                self._continue_drag(DRAG_BUDGET_S)
            return
        if not self._dragging:
            self._drag_target = None
            self._drag_timer.stop()
        self.race = self._new_race()
        self._version += 1
        self._emit("trajectories_changed")

    def _new_race(self) -> runner.Race:
        """A race of the enabled runs from the starts, at step 0."""
        opts = {self._ids[i]: spec_mod.make_optimizer(r)
                for i, r in enumerate(self._spec.runs) if r.enabled}
        return runner.Race(self.surface, opts, self.starts)


def _checked_starts(pts: np.ndarray) -> list[list[float]]:
    """``pts (S, 2)`` as spec data, if an experiment file could hold them (1 … 400
    finite points within ±1e6); else ValueError saying which is wrong."""
    return experiment_checks.starts_section(pts.tolist(), "start points")
