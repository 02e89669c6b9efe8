"""The race part: start points, the live ``runner.Race``, and its rebuilds.

``race`` is set in one place (``_set_race``). A race recomputed to a step
(the start dragged, a new surface, or a start late in a race) is rebuilt
in slices of at most ``DRAG_BUDGET_S`` (``continue_rebuild``): whoever
drives it (the GUI's timer, on ``rebuild_wanted``) calls again until it is
done, so neither the mouse nor the window waits for it; ``advance`` waits
meanwhile. ``finish_rebuild`` completes one at once.
"""

from __future__ import annotations

import copy
import time

import numpy as np

from optim_core import runner
from optim_core.experiment import checks, file_messages
from optim_core.experiment import file as experiment_file
from optim_core.experiment.state import surface_jobs
from optim_core.experiment.state.events import Batcher, Event
from optim_core.experiment.state.runs import RunList
from optim_core.experiment.state.traces import RunTrace, traces_of

#: Longest a rebuild may hold the caller per call: most of a frame.
DRAG_BUDGET_S = 0.012


class RacePart:
    """Events (batched): ``starts_changed()``, ``trajectories_changed()`` (histories
    replaced), ``stepped(step)``, ``reset_done()``, ``transport_changed()`` (steps,
    steps per frame); at once: ``rebuild_wanted()`` (call ``continue_rebuild`` soon)."""

    def __init__(self, batcher: Batcher, runs: RunList, starts: list[list[float]],
                 steps: int = 500, steps_per_frame: int = 1):
        self.starts_changed = Event("starts_changed", batcher)
        self.trajectories_changed = Event("trajectories_changed", batcher)
        self.stepped = Event("stepped", batcher)
        self.reset_done = Event("reset_done", batcher)
        self.transport_changed = Event("transport_changed", batcher)
        self.rebuild_wanted = Event("rebuild_wanted", batched=False)
        self._runs = runs
        self.start_list: list[list[float]] = copy.deepcopy(starts)
        self.steps, self.steps_per_frame = steps, steps_per_frame
        self.surface = None
        self.race: runner.Race | None = None
        self.version = 0  # bumped whenever the histories are replaced
        self._built: dict[str, tuple] = {}  # run id -> (kind, hyper) its optimizer has
        # A rebuild: the step it goes to (None: none), the partial race, a drag under way.
        self._target: int | None = None
        self._partial: runner.Race | None = None
        self.dragging = False
        runs.edited.connect(self.sync_runs)
        runs.added.connect(self._on_run_added)

    # ------------------------------------------------------------------ reading
    @property
    def step(self) -> int:
        return self.race.step if self.race is not None else 0

    @property
    def starts(self) -> np.ndarray:
        """``(S, 2)`` start points."""
        return np.asarray(self.start_list, dtype=float).reshape(-1, 2)

    @property
    def rebuilding(self) -> bool:
        """True while the race is recomputed to its step (not during a drag)."""
        return self._target is not None and not self.dragging

    def history(self, run_id: str) -> runner.Run | None:
        """What the race recorded for ``run_id``; None when it is not racing."""
        if self.race is None or run_id not in self.race.labels:
            return None
        return self.race.history(run_id)

    def traces(self) -> list[RunTrace]:
        """Every run's drawable history, in the order of the runs."""
        return traces_of(self._runs.specs, self.race, len(self.start_list), self.version)

    # ------------------------------------------------------------------ the clock
    def advance(self, n: int | None = None) -> bool:
        """Take ``n`` steps (default: steps per frame), never past ``steps``; False
        when the race is at its end (nothing to take)."""
        if self.race is None or self._target is not None:
            return True  # mid-rebuild the race is being recomputed towards its step
        n = self.steps_per_frame if n is None else int(n)
        n = min(n, self.steps - self.race.step)
        if n <= 0:
            return False
        self.race.advance(n)
        self.stepped.emit(self.race.step)
        return True

    def reset(self) -> None:
        """Back to step 0 from the current starts."""
        self.restart(0)
        self.reset_done.emit()

    def set_steps_per_frame(self, n: int) -> None:
        """Steps per animation frame, kept in what a saved file may hold."""
        self.steps_per_frame = int(np.clip(int(n), 1, experiment_file.MAX_STEPS_PER_FRAME))
        self.transport_changed.emit()

    def set_max_steps(self, n: int) -> None:
        """The step the race stops at, kept in what a saved file may hold."""
        self.steps = int(np.clip(int(n), 1, experiment_file.MAX_STEPS))
        self.transport_changed.emit()

    # ------------------------------------------------------------ start points
    def set_starts(self, points, keep_step: bool = False) -> None:
        """Start points ``(S, 2)``; the race restarts (or is recomputed to the
        current step with ``keep_step``). ValueError if a file could not hold them."""
        self.start_list = _checked_starts(points)
        self.starts_changed.emit()
        self.restart(self.step if keep_step else 0)

    def drag(self, x: float, y: float) -> None:
        """Move the one start while dragging; the recompute to the step reached
        follows in ``continue_rebuild`` calls (a burst of moves costs one)."""
        starts = _checked_starts([[x, y]])
        if self._target is None:
            self._target = self.step
        self.dragging = True
        self.start_list = starts
        self._partial = None  # a newer start: any partial recompute is stale
        self.starts_changed.emit()
        self.rebuild_wanted.emit()

    def finish_drag(self) -> None:
        """End of a drag: the race matches the final start when this returns."""
        self.dragging = False
        self.finish_rebuild()

    def default_starts(self, surface) -> None:
        start = surface_jobs.default_start(surface)
        self.start_list = [[float(start[0]), float(start[1])]]
        self.starts_changed.emit()

    # ---------------------------------------------------------------- rebuilds
    def set_surface(self, surface, new_start: bool, keep_step: bool, defer: bool = False):
        """Race on ``surface`` (the surface part installed it)."""
        step = self.step if keep_step else 0
        self.surface = surface
        if new_start or not self.start_list:
            self.default_starts(surface)
        self.restart(step, defer=defer)

    def detach(self) -> None:
        """No surface, no race (until ``set_surface``): a new experiment is being built."""
        self.surface, self._target, self._partial, self.dragging = None, None, None, False
        self._set_race(None)

    def restart(self, step: int = 0, defer: bool = False) -> None:
        """A new race from the starts, advanced to ``step``: at once when that fits
        in ``DRAG_BUDGET_S``, else over later ``continue_rebuild`` calls (at once
        with ``defer``: the caller's turn is full already)."""
        if self.surface is None:
            return
        self._partial = None  # a rebuild under way restarts on the new race's terms
        if step:
            if self._target is None:
                self._target = step
            if defer:
                self.rebuild_wanted.emit()
            else:
                self.continue_rebuild()
            return
        if not self.dragging:
            self._target = None
        self._set_race(self._new_race())

    def cancel_rebuild(self) -> None:
        """Give up a rebuild under way (a step of it failed); the race stays as it is."""
        self._target, self._partial = None, None

    def finish_rebuild(self) -> None:
        if self._target is not None:
            self.continue_rebuild(float("inf"))

    def continue_rebuild(self, budget: float | None = None) -> None:
        """Advance the rebuilt race towards its step for ``budget`` seconds (default
        ``DRAG_BUDGET_S``); asks for another call while it is not there."""
        if self.surface is None or self._target is None:
            return
        if self._partial is None:
            self._partial = self._new_race()
        race = self._partial
        _advance_within(race, self._target, DRAG_BUDGET_S if budget is None else budget)
        if race.step < self._target:
            self._set_race(race)
            self.rebuild_wanted.emit()
            return
        if not self.dragging:
            self._target = None
        self._set_race(race)

    def sync_runs(self) -> None:
        """Bring the race's members in line with the enabled runs: a run added or
        enabled joins at the current step, a changed one swaps its optimizer
        (keeping its state when the kind is the same)."""
        self._partial = None
        if self.race is None:
            return
        wanted = {r.id: r for r in self._runs.specs if r.enabled}
        for rid in list(self.race.labels):
            if rid not in wanted:
                self.race.remove(rid)
                self._built.pop(rid, None)
        opts = self._runs.optimizers()
        for rid, run in wanted.items():
            key = (run.kind, copy.deepcopy(run.hyper))
            if rid not in self.race.labels:
                self.race.add(rid, opts[rid])
            elif self._built.get(rid) != key:
                self.race.set_optimizer(rid, opts[rid])
            self._built[rid] = key

    def _on_run_added(self, _run_id: str) -> None:
        """A new run mid-race is computed up to the step at once (the whole race is
        recomputed to it), not left at the start until Play."""
        if self.race is not None and self.race.step:
            self.restart(self.race.step)

    def _new_race(self) -> runner.Race:
        """A race of the enabled runs from the starts, at step 0."""
        self._built = {r.id: (r.kind, copy.deepcopy(r.hyper))
                       for r in self._runs.specs if r.enabled}
        return runner.Race(self.surface, self._runs.optimizers(), self.starts)

    def _set_race(self, race: runner.Race | None) -> None:
        """The one place ``race`` changes."""
        self.race = race
        self.version += 1
        self.trajectories_changed.emit()


def _advance_within(race: runner.Race, target: int, budget: float) -> None:
    """Step ``race`` towards ``target`` for about ``budget`` seconds (at least one
    chunk: always progress), growing the chunks as far as the time left allows."""
    deadline, chunk = time.perf_counter() + budget, 8
    while race.step < target:
        t0 = time.perf_counter()
        n = min(chunk, target - race.step)
        race.advance(n)
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        # Twice as long, but no longer than the time left allows (blind doubling
        # overshot the budget by up to 2x on slices).
        per_step = (time.perf_counter() - t0) / n
        fits = left / per_step if per_step > 0 else 2 * chunk  # inf: no budget
        chunk = max(1, int(min(2 * chunk, fits)))


def _checked_starts(points) -> list[list[float]]:
    """``points (S, 2)`` as data, if an experiment file could hold them (1 … 400
    finite points within ±1e6); else ValueError saying which is wrong."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    return checks.starts_section(pts.tolist(), file_messages.START_POINTS)
