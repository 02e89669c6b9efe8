"""ExperimentModel: the one object every optviz widget talks to.

A thin Qt adapter over the Qt-free ``optim_core.experiment.state.Experiment``
(runs with stable ids, surface, race, view and analysis settings, each
firing its own events): it turns their events into past-tense Qt signals,
drives the animation clock and the race's rebuilds with QTimers, runs slow
work on a worker lane, and makes every edit an undoable step
(``gui.model.undo``). Widgets call its methods; views redraw from its
signals. Several changes inside ``with model.batch():`` are announced once.
Runs are named by their position or their id (``spec.runs[i].id``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from gui.model import edit_names as names
from gui.model.forwarding import forward_events
from gui.model.hyper_search import HyperSearch
from gui.model.internals_view import InternalsView
from gui.model.many_starts import ManyStarts
from gui.model.run_stability import RunStability
from gui.model.training_state import TrainingState
from gui.model.undo import EditHistory
from gui.model.workers import JobRunner, QtLane, failure_message
from optim_core import runner
from optim_core.experiment.spec import ExperimentSpec
from optim_core.experiment.state.experiment import Experiment
from optim_core.experiment.state.runs import RunRef
from optim_core.experiment.state.traces import RunTrace

#: Animation clock: ~60 frames a second.
FRAME_MS = 16


class ExperimentModel(QObject):
    """State of one experiment plus its live race. See the module docstring."""

    spec_replaced = Signal()  # a whole new experiment (open, preset)
    meta_changed = Signal()  # title or notes
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
    gradcheck_changed = Signal()  # the gradient check's settings
    training_changed = Signal()  # the training's settings
    job_progressed = Signal(float, str)
    job_failed = Signal(str)
    race_failed = Signal(str)  # a step raised: the race is paused, the message says why
    modified = Signal()  # anything that would be saved changed

    def __init__(self, spec: ExperimentSpec | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.source: str | None = None  # the file the experiment came from, if any
        self.jobs = JobRunner(self)
        self.jobs.progressed.connect(self.job_progressed)
        self._timer = QTimer(self, interval=FRAME_MS, timeout=lambda: self._guarded(self.advance))
        self._drag_timer = QTimer(self, singleShot=True,
                                  timeout=lambda: self._guarded(self._on_drag_timer))
        self.undo = EditHistory(self, self)
        self.undo_stack = self.undo.stack
        self.experiment = Experiment(spec, QtLane(self.jobs))
        self.many_starts = ManyStarts(self, self)
        self.hyper_search = HyperSearch(self, self)
        self.internals, self.stability = InternalsView(self), RunStability(self)
        self.training = TrainingState(self, self)  # what Train trains; the projected paths
        forward_events(self.experiment, self)
        self.experiment.race.rebuild_wanted.connect(self._on_rebuild_wanted)

    def batch(self):  # ``with model.batch():`` announces every change inside once, at the end
        return self.experiment.batcher.batch()

    # -------------------------------------------------------------- properties
    @property
    def spec(self) -> ExperimentSpec:
        """The experiment as data. Read it freely; change it only through methods."""
        return self.experiment.spec

    surface = property(lambda self: self.experiment.surface.surface)
    grid = property(lambda self: self.experiment.surface.grid)
    race = property(lambda self: self.experiment.race.race)  # runner.Race | None
    step = property(lambda self: self.experiment.race.step)
    starts = property(lambda self: self.experiment.race.starts, doc="``(S, 2)`` start points.")
    grid_n = property(lambda self: self.experiment.view.grid_n)
    rebuilding = property(lambda self: self.experiment.race.rebuilding,
                          doc="True while the race is recomputed to its step (not a drag).")
    playing = property(lambda self: self._timer.isActive())
    busy = property(lambda self: self.jobs.busy,
                    doc="True while a slice is being built or sampled off the GUI thread.")
    building = property(lambda self: self.experiment.surface.building,
                        doc="True while a new surface is built: the one drawn is the old one.")

    def run_id(self, run: RunRef) -> str:  # a run's stable id, from its position or id
        return self.experiment.runs.get(run).id

    race_label = run_id  # the label a run has inside ``model.race`` is its id

    def history(self, run: RunRef) -> runner.Run | None:
        """What the race recorded for a run; None if disabled or no surface yet."""
        return self.experiment.race.history(self.run_id(run))

    def traces(self) -> list[RunTrace]:  # every run's drawable history, in order
        return self.experiment.race.traces()

    def probe(self, x: float, y: float) -> tuple[float, float] | None:  # (f, |∇f|) or None
        return self.experiment.surface.probe(x, y)

    # ---------------------------------------------------------- whole experiment
    def load_spec(self, spec: ExperimentSpec, source: str | None = None) -> None:
        """Replace the experiment (open a file, pick a preset); the race restarts."""
        self.pause()
        self.undo.edit(names.opening(spec), lambda: self._load(spec, source))

    def _load(self, spec: ExperimentSpec, source: str | None) -> None:
        self.source = source
        self.experiment.load(spec)

    def restore_state(self, spec: ExperimentSpec, source: str | None) -> None:
        """Undo and redo land here: the experiment becomes ``spec`` again."""
        self.pause()
        self.source = source
        self.experiment.restore(spec)

    def _edit(self, text: str, fn, *args, **kwargs) -> Any:
        return self.undo.edit(text, lambda: fn(*args, **kwargs))

    def begin_gesture(self, text: str = "") -> None:  # edits until end_gesture: one step
        self.undo.begin(text)

    def end_gesture(self) -> None:
        self.undo.end()

    # ------------------------------------------------------------------- runs
    def add_run(self, kind: str = "sgd", **hyper: Any) -> int:
        """Append a run of ``kind`` (default hyper-parameters unless given); its index."""
        return self._edit(names.adding(kind), self.experiment.add_run, kind, **hyper)

    def duplicate_run(self, run: RunRef) -> int:  # a copy with its own id; its index
        return self._edit(self._named("duplicate", run), self.experiment.runs.duplicate, run)

    def remove_run(self, run: RunRef) -> None:
        self._edit(self._named("remove", run), self.experiment.runs.remove, run)

    def set_run_enabled(self, run: RunRef, enabled: bool) -> None:
        verb = "enable" if enabled else "disable"
        self._edit(self._named(verb, run), self.experiment.runs.set_enabled, run, enabled)

    def set_run_color(self, run: RunRef, color: str) -> None:  # "#1f77b4", else ValueError
        self._edit(self._named("recolour", run), self.experiment.runs.set_color, run, color)

    def set_run_label(self, run: RunRef, label: str) -> None:  # never empty, never repeated
        self._edit(self._named("rename", run), self.experiment.runs.set_label, run, label)

    def set_run_kind(self, run: RunRef, kind: str) -> None:
        """Switch the optimizer kind (lr kept where it has one, a fresh state)."""
        text = names.kind_change(self._label(run), kind)
        self._edit(text, self.experiment.runs.set_kind, run, kind)

    def set_hyper(self, run: RunRef, name: str, value: float | dict) -> None:
        """Hyper-parameter ``name`` of a run: a number or a schedule dict; ValueError
        (and nothing changes) when the value is invalid."""
        spec = self.experiment.runs.get(run)
        self._edit(names.hyper_change(spec, name), self.experiment.runs.set_hyper, run, name,
                   value)

    def _label(self, run: RunRef) -> str:
        return self.experiment.runs.get(run).label

    def _named(self, verb: str, run: RunRef) -> str:  # "remove Adam", for the Edit menu
        return names.of_run(verb, self._label(run))

    # ---------------------------------------------------------------- surface
    def set_surface(self, name: str) -> None:  # a toy, CLASSIFIER or EXPRESSION, at defaults
        self._edit(names.surface_change(name), self.experiment.surface.set_name, name)

    def set_typed_surface(self, text: str, bounds, params: dict[str, float] | None = None
                          ) -> None:
        """The typed surface f(x, y) = ``text`` over ``bounds`` with ``params``
        (``SurfacePart.set_typed``); ValueError naming the field if invalid."""
        self._edit(names.typed(text), self.experiment.surface.set_typed, text, bounds,
                   params)

    def set_surface_param(self, name: str, value: float) -> None:
        """One toy-surface parameter (ValueError if invalid); recomputed to the step."""
        self._edit(names.surface_param(name), self.experiment.surface.set_param, name,
                   value)

    def set_slice(self, **fields) -> None:
        """Classifier-slice fields (dataset, loss, reg, center, seed, normalize, extent,
        batch_size), rebuilt off the GUI thread; ValueError (nothing changes) if invalid."""
        self._edit(names.slice_change(fields), self.experiment.surface.set_slice, **fields)

    def new_directions(self) -> None:  # new random directions D1, D2: the next seed
        self.set_slice(seed=self.spec.surface.slice.seed + 1)

    def set_resolution(self, n: int) -> None:  # grid points per side (16 … 2048)
        self._edit(names.step("grid"), self.experiment.surface.set_resolution, n)

    # ------------------------------------------------------------ start points
    def set_start(self, x: float, y: float) -> None:  # one start; the race restarts at 0
        self.set_starts([[x, y]])

    def set_starts(self, points, keep_step: bool = False) -> None:
        """Start points ``(S, 2)``; the race restarts (or goes to the step: ``keep_step``)."""
        self._edit(names.step("start"), self.experiment.race.set_starts, points, keep_step)

    def seed_grid(self, x0: float, y0: float, x1: float, y1: float, n: int | None = None
                  ) -> None:
        """``n × n`` start points spread over the rectangle (corners included)."""
        self._edit(names.step("seed"), self.experiment.race.set_starts,
                   names.grid_points(x0, y0, x1, y1, self.grid_n if n is None else int(n)))

    def drag_start(self, x: float, y: float) -> None:
        """Move the start while dragging: every trajectory is recomputed up to the
        step reached, over event-loop turns; the whole drag is one undo step."""
        self.undo.begin(names.step("drag"))
        self.experiment.race.drag(x, y)

    def finish_drag(self) -> None:
        """End of a drag: the race matches the final start point when this returns."""
        self._drag_timer.stop()
        self.experiment.race.finish_drag()
        self.undo.end()

    def set_grid_n(self, n: int) -> None:  # start points per side of a Shift+drag grid
        self.experiment.view.set_grid_n(n)

    def _on_rebuild_wanted(self) -> None:
        self._drag_timer.isActive() or self._drag_timer.start(0)

    def _on_drag_timer(self) -> None:
        self.experiment.race.continue_rebuild()

    # ------------------------------------------------------------- the clock
    def advance(self, n: int | None = None) -> None:
        """Take ``n`` steps (default: steps per frame), never past ``spec.steps``."""
        if not self.experiment.race.advance(n):
            self.pause()

    def step_once(self) -> None:  # one frame's worth of steps (→ key), paused
        self.pause()
        self._guarded(self.advance)

    def _guarded(self, step) -> None:
        """A race step from a timer or a key. One that raises would raise again on
        every tick (the race frozen, no word): the race stops and ``race_failed``
        says why, once."""
        try:
            step()
        except Exception as exc:  # noqa: BLE001 - reported once, never lost
            self.pause()
            self._drag_timer.stop()
            self.experiment.race.cancel_rebuild()
            self.race_failed.emit(failure_message(exc))

    def reset(self) -> None:  # back to step 0 from the current starts (R key)
        self.experiment.race.reset()

    def play(self) -> None:
        if self.race is None or self.playing:
            return
        if self.step >= self.spec.steps:
            self.reset()
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle_play(self) -> None:  # Space
        self.pause() if self.playing else self.play()

    def set_steps_per_frame(self, n: int) -> None:
        self._edit(names.step("steps_per_frame"), self.experiment.race.set_steps_per_frame, n)

    def set_max_steps(self, n: int) -> None:
        self._edit(names.step("max_steps"), self.experiment.race.set_max_steps, n)

    # ------------------------------------------------------------- settings
    def set_view(self, colormap: str | None = None, log_color: bool | None | str = "keep",
                 contours: int | None = None) -> None:
        """Colour map, log colour (None: automatic), contours; ValueError if unknown."""
        self._edit(names.step("view"), self.experiment.view.set, colormap, log_color,
                   contours)

    def set_gradcheck(self, **fields) -> None:  # spec.GradcheckSpec fields; ValueError
        self._edit(names.step("gradcheck"), self.experiment.analysis.set_gradcheck,
                   **fields)

    def set_training(self, **fields) -> None:  # spec.TrainingSpec fields; ValueError
        self._edit(names.step("training"), self.experiment.analysis.set_training, **fields)
