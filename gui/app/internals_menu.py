"""View ▸ Internals: what each run's update is made of, drawn at its heads, and
one step explained.

Keys: I shows or hides the internals; E explains the selected run's next
step; while a step is explained → goes to the next stage (instead of
stepping the race) and Esc leaves. The actions only call the model's
``internals`` part and show its settings (checked states follow the model).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from gui.app.i18n import translate, translated
from optim_core.experiment.spec import INTERNAL_PIECES


def piece_titles() -> dict[str, str]:
    return {
        "step": translate("InternalsMenu", "Step taken  x_{t+1} − x_t"),
        "gradient_term": translate("InternalsMenu", "Gradient term  −η·g"),
        "velocity": translate("InternalsMenu", "Velocity  v  (Adam: its first moment)"),
        "scale": translate("InternalsMenu", "Adaptive step per coordinate (box)"),
        "newton_step": translate("InternalsMenu", "Newton's step"),
        "direction": translate("InternalsMenu", "L-BFGS direction"),
    }


class InternalsMenu(QObject):
    """The Internals submenu of ``window.view_menu`` and its key actions."""

    def __init__(self, window):
        super().__init__(window)
        self.window, self.model = window, window.model
        iv = self.model.internals
        self.menu = QMenu(translate("InternalsMenu", "&Internals"), window)
        window.view_menu.addMenu(self.menu)
        self.show_action = self._add(
            "internals", translate("InternalsMenu", "&Show internals"), iv.toggle, "I",
            checkable=True)
        self.menu.addSeparator()
        self.piece_actions: dict[str, QAction] = {}
        for piece, title in piece_titles().items():
            action = QAction(title, self.menu, checkable=True)
            action.toggled.connect(lambda on, p=piece: iv.set_piece(p, on))
            self.menu.addAction(action)
            self.piece_actions[piece] = action
        self.menu.addSeparator()
        self.runs_menu = self.menu.addMenu(translate("InternalsMenu", "&Runs"))
        self.menu.addSeparator()
        self.explain_action = self._add(
            "explain_step", translate("InternalsMenu", "&Explain step"), self.explain, "E")
        self.next_action = self._add(
            "explain_next", translate("InternalsMenu", "Next stage"), iv.next_stage,
            Qt.Key.Key_Right, in_menu=False)
        self.leave_action = self._add(
            "explain_leave", translate("InternalsMenu", "Leave the explained step"),
            iv.leave_explain, Qt.Key.Key_Escape, in_menu=False)
        iv.changed.connect(self._show_settings)
        iv.explain_changed.connect(self._show_explaining)
        self.model.runs_changed.connect(self._show_settings)
        self.model.spec_replaced.connect(self._show_settings)
        self._show_settings()
        self._show_explaining()

    def _add(self, name: str, text: str, slot, key, checkable: bool = False,
             in_menu: bool = True) -> QAction:
        action = self.window._action(name, text, slot, key)
        action.setCheckable(checkable)
        if in_menu:
            self.menu.addAction(action)
        return action

    def explain(self) -> None:
        """E: explain the selected run's next step, or say in the status bar why not."""
        reason = self.model.internals.explain()
        if reason:
            self.window.statusBar().showMessage(reason, 5000)

    # ---------------------------------------------------------- model -> UI
    def _show_settings(self) -> None:
        iv = self.model.internals
        self.show_action.blockSignals(True)
        self.show_action.setChecked(iv.shown)
        self.show_action.blockSignals(False)
        for piece in INTERNAL_PIECES:
            action = self.piece_actions[piece]
            action.blockSignals(True)
            action.setChecked(piece in iv.pieces)
            action.blockSignals(False)
        self.runs_menu.clear()
        all_on = self.runs_menu.addAction(translate("InternalsMenu", "All runs"))
        all_on.triggered.connect(lambda: iv.set_all_runs_shown(True))
        none_on = self.runs_menu.addAction(translate("InternalsMenu", "No run"))
        none_on.triggered.connect(lambda: iv.set_all_runs_shown(False))
        self.runs_menu.addSeparator()
        for i, run in enumerate(self.model.spec.runs):
            action = self.runs_menu.addAction(translated("core", run.label))
            action.setCheckable(True)
            action.setChecked(run.internals)
            action.toggled.connect(lambda on, k=i: iv.set_run_shown(k, on))

    def _show_explaining(self) -> None:
        explaining = self.model.internals.explaining
        self.next_action.setEnabled(explaining)
        self.leave_action.setEnabled(explaining)
        # While a step is explained, → and Esc are its own: the window's step and
        # Escape actions stand aside (two enabled actions on one key fire neither).
        for name in ("step", "escape"):
            action = self.window.actions.get(name)
            if action is not None:
                action.setEnabled(not explaining)
