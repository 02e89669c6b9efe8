"""Undo and redo of every edit of the experiment, on a QUndoStack.

An edit is a function that changes the Qt-free experiment. ``EditHistory.edit``
runs it between two snapshots of the experiment and pushes a command
holding both; undo restores the first, redo the second
(``Experiment.restore`` changes only the sections that differ). A gesture
(``begin``…``end``: a drag of the start marker, of a slider) is one command
however many edits it makes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from optim_core.experiment.spec import ExperimentSpec


class SnapshotCommand(QUndoCommand):
    """Go from ``before`` to ``after`` (``(spec, source)`` pairs); the first redo,
    which QUndoStack calls on push, is the edit already made."""

    def __init__(self, history: EditHistory, text: str, before: tuple, after: tuple):
        super().__init__(text)
        self.history, self.before, self.after = history, before, after
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.history.restore(self.after, self._opens)

    def undo(self) -> None:
        self.history.restore(self.before, self._opens)

    @property
    def _opens(self) -> bool:
        """True for a step that opened a file: only it changes which file is open."""
        return self.before[1] != self.after[1]


class EditHistory:
    """The undo stack of one ``ExperimentModel``: ``stack`` (a QUndoStack, for the
    Edit menu), ``edit(text, fn)``, ``begin(text)`` / ``end()`` of a gesture."""

    def __init__(self, model, parent=None):
        self.model = model
        self.stack = QUndoStack(parent)
        self._gesture: tuple | None = None  # (text, state before) while one is under way
        self._restoring = False

    def state(self) -> tuple[ExperimentSpec, str | None]:
        return self.model.experiment.snapshot(), self.model.source

    def restore(self, state: tuple, with_source: bool) -> None:
        self._restoring = True
        try:
            self.model.restore_state(state[0], state[1] if with_source else self.model.source)
        finally:
            self._restoring = False

    def edit(self, text: str, fn: Callable[[], object]) -> object:
        """Run ``fn`` (which changes the experiment) as one undoable step named ``text``;
        returns what ``fn`` returns. Inside a gesture the step joins the gesture."""
        if self._restoring or self._gesture is not None:
            if self._gesture is not None and not self._gesture[0]:
                self._gesture = (text, self._gesture[1])
            return fn()
        before = self.state()
        result = fn()
        self._push(text, before, self.state())
        return result

    def begin(self, text: str = "") -> None:
        """A gesture starts: every edit until ``end`` is one step (named ``text``,
        or after its first edit)."""
        if self._gesture is None and not self._restoring:
            self._gesture = (text, self.state())

    def end(self) -> None:
        if self._gesture is not None:
            (text, before), self._gesture = self._gesture, None
            self._push(text, before, self.state())

    @property
    def in_gesture(self) -> bool:
        return self._gesture is not None

    def _push(self, text: str, before: tuple, after: tuple) -> None:
        if after != before:
            self.stack.push(SnapshotCommand(self, text, before, after))
