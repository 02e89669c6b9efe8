"""The internals' view settings of an ExperimentModel, and the explained step.

Which parts of each update are drawn at the heads (``spec.view.internals``:
shown at all, and which pieces; ``RunSpec.internals`` per run) are saved
with the experiment, so a preset can open with them and an export draws
them; every change of them is an undo step ("Undo change the drawn
internals"). Which run is selected and the step being explained are the
session's. Views read these here and redraw on ``changed`` /
``explain_changed``; widgets change them only through these methods.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.app.core_text import error_text
from gui.app.i18n import translate
from gui.model import edit_names
from optim_core.analysis import explain
from optim_core.experiment.spec import INTERNAL_PIECES


class InternalsView(QObject):
    """Part of ``model``: ``changed()`` for the drawn internals,
    ``explain_changed()`` when the explained step starts, advances or ends,
    ``selected_changed(index)`` when another run is selected."""

    changed = Signal()
    explain_changed = Signal()
    selected_changed = Signal(int)

    def __init__(self, model):
        super().__init__(model)
        self._model = model
        self.selected = 0
        #: The step being explained (``explain.ExplainedStep``) and the stage shown.
        self.explained: explain.ExplainedStep | None = None
        self.stage = 0
        model.spec_replaced.connect(self._on_experiment_changed)
        model.trajectories_changed.connect(self.leave_explain)
        model.stepped.connect(lambda _step: self.leave_explain())
        model.runs_changed.connect(self._on_experiment_changed)
        model.hyper_changed.connect(lambda _i: self.leave_explain())
        model.view_changed.connect(self.changed.emit)  # undo and redo of these settings

    # --------------------------------------------------------------- reading
    @property
    def _spec(self):
        return self._model.spec.view.internals

    @property
    def shown(self) -> bool:
        return self._spec.shown

    @property
    def pieces(self) -> tuple[str, ...]:
        return tuple(self._spec.pieces)

    def run_shown(self, index: int) -> bool:
        return self._model.spec.runs[index].internals

    # --------------------------------------------------------------- editing
    def set_shown(self, shown: bool) -> None:
        """Draw the internals at every head (View ▸ Internals ▸ Show, key I)."""
        if bool(shown) != self._spec.shown:
            self._edit(lambda: setattr(self._spec, "shown", bool(shown)))

    def toggle(self) -> None:
        self.set_shown(not self.shown)

    def set_piece(self, piece: str, shown: bool) -> None:
        """Draw ``piece`` (one of ``INTERNAL_PIECES``) for every run, or not."""
        if piece not in INTERNAL_PIECES:
            raise ValueError(f"unknown internal piece {piece!r}; one of {list(INTERNAL_PIECES)}")
        now = set(self._spec.pieces)
        now = now | {piece} if shown else now - {piece}
        if now != set(self._spec.pieces):
            self._edit(lambda: setattr(self._spec, "pieces",
                                       [p for p in INTERNAL_PIECES if p in now]))

    def set_run_shown(self, index: int, shown: bool) -> None:
        """Draw run ``index``'s internals (while they are shown), or not."""
        run = self._model.spec.runs[index]
        if run.internals != bool(shown):
            self._edit(lambda: setattr(run, "internals", bool(shown)))

    def set_all_runs_shown(self, shown: bool) -> None:
        runs = self._model.spec.runs
        self._edit(lambda: [setattr(run, "internals", bool(shown)) for run in runs])

    def _edit(self, change) -> None:
        """``change()`` of these settings as one undo step, then redraw."""
        self._model.undo.edit(edit_names.step("internals"), change)
        self.changed.emit()
        self._model.modified.emit()

    # ------------------------------------------------------------- selection
    def select(self, index: int) -> None:
        """The run the explained step and the stability panel are about."""
        index = max(0, min(int(index), len(self._model.spec.runs) - 1))
        if index != self.selected:
            self.selected = index
            self.leave_explain()
            self.selected_changed.emit(index)

    def _on_experiment_changed(self) -> None:
        self.leave_explain()
        self.changed.emit()
        if self.selected >= len(self._model.spec.runs):
            self.select(len(self._model.spec.runs) - 1)

    # ------------------------------------------------------- explained step
    @property
    def explaining(self) -> bool:
        return self.explained is not None

    def explain(self) -> str:
        """Start explaining the selected run's next update (key E); pauses the
        race. Returns '' or a one-line reason why it cannot be explained."""
        model = self._model
        model.pause()
        label = model.race_label(self.selected) if model.spec.runs else ""
        if model.race is None or label not in model.race.labels:
            return translate("InternalsView", "Select a run that is racing to explain its step.")
        try:
            explained = explain.explain_step(model.race, label, start=0)
        except ValueError as e:
            return error_text(e)
        self.explained, self.stage = explained, 0
        self.explain_changed.emit()
        return ""

    def next_stage(self) -> None:
        """→ while explaining: the next stage, and after the last, that one step."""
        if self.explained is None:
            return
        if self.stage + 1 < len(self.explained.stages):
            self.stage += 1
            self.explain_changed.emit()
        else:
            self.leave_explain()
            self._model.advance(1)

    def leave_explain(self) -> None:
        """Esc: back to the race as it was."""
        if self.explained is not None:
            self.explained, self.stage = None, 0
            self.explain_changed.emit()
