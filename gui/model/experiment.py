"""ExperimentModel: the one object every optviz widget talks to.

It holds the serializable ``ExperimentSpec`` (surface, runs, starts, steps,
view settings), the built surface and its grid, and a live
``runner.Race``. Widgets call its methods; it calls pure ``optim_core``
code and announces what changed with past-tense signals. Several changes
inside ``with model.batch():`` are announced once, at the end (glue's
``delay_callback``), so a burst of edits redraws once.

Run editing lives in ``gui.model.experiment_runs.RunsMixin``, surfaces and their
grids in ``gui.model.experiment_surface.SurfaceMixin``, start points and the
rebuilding of the race in ``gui.model.experiment_race.RaceMixin``; this file has the
state, batching, the race's record and the animation clock.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from gui.model.experiment_race import RaceMixin
from gui.model.experiment_runs import RunsMixin
from gui.model.experiment_surface import SurfaceMixin
from gui.model.hyper_search import HyperSearch
from gui.model.internals_view import InternalsView
from gui.model.many_starts import ManyStarts
from gui.model.run_stability import RunStability
from gui.model.surface_jobs import GridData
from gui.model.workers import JobRunner, failure_message
from optim_core import runner
from optim_core.experiment import checks as experiment_checks
from optim_core.experiment import file as experiment_file
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.spec import ExperimentSpec
from optim_core.surfaces.base import Surface

#: Animation clock: ~60 frames a second.
FRAME_MS = 16


class RunTrace(NamedTuple):
    """What a view draws of run ``index``: ``points (K, S, 2)`` at ``steps (K,)``,
    ``values (K, S)``, the current ``head (S, 2)``, ``diverged_at (S,)`` (-1 if
    running) and ``reasons (S,)``. ``key`` changes whenever the history is
    replaced rather than extended. A disabled run has K = 0."""

    index: int
    label: str
    color: str
    enabled: bool
    steps: np.ndarray
    points: np.ndarray
    values: np.ndarray
    head: np.ndarray
    diverged_at: np.ndarray
    reasons: np.ndarray
    key: tuple


class ExperimentModel(RaceMixin, SurfaceMixin, RunsMixin, QObject):
    """State of one experiment plus its live race. See the module docstring."""

    spec_replaced = Signal()  # a whole new experiment (open, preset)
    surface_changed = Signal()  # surface spec changed; a grid follows (maybe later)
    grid_ready = Signal()  # ``grid`` holds a new grid (a preview or the final one)
    runs_changed = Signal()  # runs added, removed, renamed, recoloured, (en|dis)abled, kind
    hyper_changed = Signal(int)  # hyper-parameters of run ``index`` changed
    starts_changed = Signal()
    trajectories_changed = Signal()  # histories replaced: reset, new start, drag, new surface
    stepped = Signal(int)  # the race advanced to this step
    reset_done = Signal()
    playing_changed = Signal(bool)
    transport_changed = Signal()  # steps per frame, maximum steps, grid n
    view_changed = Signal()  # colormap, log colour, contour count
    job_progressed = Signal(float, str)
    job_failed = Signal(str)
    race_failed = Signal(str)  # a step raised: the race is paused, the message says why
    modified = Signal()  # anything that would be saved changed

    def __init__(self, spec: ExperimentSpec | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._batch_depth = 0
        self._pending: dict[str, tuple] = {}
        self._spec = spec_mod.default_experiment() if spec is None else spec.copy()
        self.surface: Surface | None = None
        self._shown_surface: spec_mod.SurfaceSpec | None = None  # what ``surface`` was built from
        self.grid: GridData | None = None
        self.race: runner.Race | None = None
        self.grid_n = 5
        self._version = 0
        self._ids: list[str] = []
        self._next_id = 0
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_tick)
        self._drag_timer = QTimer(self)
        self._drag_timer.setSingleShot(True)
        self._drag_timer.timeout.connect(lambda: self._guarded(self._on_drag_timer))
        # A race recomputed to a step (a drag, a new surface or start late in a race)
        # is rebuilt over event-loop turns: the step it goes to (None: no rebuild),
        # the partial race, and whether the mouse is still dragging the start.
        self._drag_target: int | None = None
        self._drag_race: runner.Race | None = None
        self._dragging = False
        self.jobs = JobRunner(self)
        self.many_starts = ManyStarts(self, self)
        self.hyper_search = HyperSearch(self, self)
        self.jobs.progressed.connect(self.job_progressed)
        self.jobs.finished.connect(self._on_job_done)
        self.jobs.failed.connect(self._on_job_failed)
        self._job_done = None
        self._slice_new_start, self._slice_keep_step = False, True
        self.internals = InternalsView(self)
        self.stability = RunStability(self)
        self._install_spec()

    # ----------------------------------------------------------------- batching
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Announce every change made inside once, when the outermost block ends."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                pending, self._pending = self._pending, {}
                for name, args in pending.items():
                    getattr(self, name).emit(*args)

    def _emit(self, name: str, *args) -> None:
        if self._batch_depth:
            self._pending.pop(name, None)  # keep the latest arguments, announced last
            self._pending[name] = args
        else:
            getattr(self, name).emit(*args)

    # -------------------------------------------------------------- properties
    @property
    def spec(self) -> ExperimentSpec:
        """The experiment as data. Read it freely; change it only through methods."""
        return self._spec

    @property
    def step(self) -> int:
        return self.race.step if self.race is not None else 0

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def starts(self) -> np.ndarray:
        """``(S, 2)`` start points."""
        return spec_mod.starts_array(self._spec)

    @property
    def busy(self) -> bool:
        """True while a slice is being built or sampled off the GUI thread."""
        return self.jobs.busy

    # ---------------------------------------------------------- whole experiment
    def load_spec(self, spec: ExperimentSpec) -> None:
        """Replace the experiment (open a file, pick a preset); the race restarts."""
        self.pause()
        self._spec = spec.copy()
        self._install_spec()
        self._emit("spec_replaced")

    def _install_spec(self) -> None:
        self._ids = []
        for _ in self._spec.runs:
            self._ids.append(self._new_id())
        with self.batch():
            self._rebuild_surface(new_start=not self._spec.starts, keep_step=False)
            self._emit("runs_changed")
            self._emit("starts_changed")  # the file's own starts, once its runs are shown
            self._emit("view_changed")
            self._emit("transport_changed")

    def history(self, index: int) -> runner.Run | None:
        """Everything the race recorded for run ``index`` (``runner.Race.history``);
        None for a disabled run or before a surface exists."""
        label = self._ids[index]
        if self.race is None or label not in self.race.labels:
            return None
        return self.race.history(label)

    def traces(self) -> list[RunTrace]:
        """Every run's drawable history, in the order of ``spec.runs``."""
        out = []
        S = len(self._spec.starts)
        live = set(self.race.labels) if self.race is not None else set()
        for i, (rid, run) in enumerate(zip(self._ids, self._spec.runs, strict=True)):
            if rid in live:
                h = self.race.history(rid)
                out.append(RunTrace(i, run.label, run.color, run.enabled, h.steps, h.points,
                                    h.values, h.points[-1], h.diverged_at, h.reasons,
                                    (rid, self._version)))
            else:
                out.append(RunTrace(i, run.label, run.color, run.enabled, np.zeros(0, int),
                                    np.zeros((0, S, 2)), np.zeros((0, S)),
                                    np.full((S, 2), np.nan), np.full(S, -1),
                                    np.full(S, "", dtype=object), (rid, self._version)))
        return out

    def advance(self, n: int | None = None) -> None:
        """Take ``n`` steps (default: steps per frame), never past ``spec.steps``."""
        if self.race is None or self._drag_target is not None:
            return  # mid-drag the race is being rebuilt towards its step
        n = self._spec.steps_per_frame if n is None else int(n)
        n = min(n, self._spec.steps - self.race.step)
        if n <= 0:
            self.pause()
            return
        self.race.advance(n)
        self._emit("stepped", self.race.step)

    def step_once(self) -> None:
        """One frame's worth of steps (→ key); pauses the animation."""
        self.pause()
        self._guarded(self.advance)

    def reset(self) -> None:
        """Back to step 0 from the current starts (R key)."""
        self._restart_race(0)
        self._emit("reset_done")

    def play(self) -> None:
        if self.race is None or self.playing:
            return
        if self.race.step >= self._spec.steps:
            self.reset()
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle_play(self) -> None:
        """Space key."""
        self.pause() if self.playing else self.play()

    def _on_tick(self) -> None:
        self._guarded(self.advance)

    def _guarded(self, step: Callable[[], None]) -> None:
        """Run a race step from a timer or a key. A step that raises would raise
        again on every tick (hundreds a second, the race frozen, no word): the
        race stops instead and ``race_failed`` says why, once."""
        try:
            step()
        except Exception as exc:  # noqa: BLE001 - reported once, never lost
            self.pause()
            self._drag_timer.stop()
            self._drag_target, self._drag_race = None, None
            self.race_failed.emit(failure_message(exc))

    def set_steps_per_frame(self, n: int) -> None:
        """Steps per animation frame, kept in what a saved file may hold."""
        self._spec.steps_per_frame = int(np.clip(int(n), 1, experiment_file.MAX_STEPS_PER_FRAME))
        self._emit("transport_changed")
        self._emit("modified")

    def set_max_steps(self, n: int) -> None:
        """The step the race stops at, kept in what a saved file may hold."""
        self._spec.steps = int(np.clip(int(n), 1, experiment_file.MAX_STEPS))
        self._emit("transport_changed")
        self._emit("modified")

    # -------------------------------------------------------------- view settings
    def set_view(self, colormap: str | None = None, log_color: bool | None | str = "keep",
                 contours: int | None = None) -> None:
        """Colour map name, log colour (True, False, None = automatic), contour count
        (0 … 100); raises ValueError (and changes nothing) for an unknown colour map."""
        trial = copy.deepcopy(self._spec.view)
        if colormap is not None:
            trial.colormap = colormap
        if log_color != "keep":
            trial.log_color = log_color
        if contours is not None:
            trial.contours = int(np.clip(int(contours), 0, 100))
        checked, view = experiment_checks.view_section(asdict(trial), "view"), self._spec.view
        view.colormap, view.log_color, view.contours = (checked.colormap, checked.log_color,
                                                        checked.contours)
        self._emit("view_changed")
        self._emit("modified")

