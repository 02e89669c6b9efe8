"""Keys and the mouse wheel as a presenter expects, whatever has the focus.

One application-wide event filter (``PresenterKeys``):

- The presenter's keys (Space, →, R, Home, F11, Escape) reach the window's
  actions even while a number box, slider, list or button has the focus:
  their "shortcut override" is refused, so the action's shortcut wins. A
  text field keeps its letters (a run's name may hold an R) but not F11
  and Escape; a read-only text (the lesson) keeps none.
- Enter in a number box commits the number and gives the focus back to the
  surface, so the next Space plays instead of emptying the box; a click on
  empty panel space does the same.
- The wheel over a number box, slider or list without the focus scrolls
  the panel it sits in and leaves the value alone; those controls take the
  focus from a click or Tab only (``Qt.StrongFocus``), never from the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

#: Keys that always drive the window (without modifiers).
PRESENTER_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_R, Qt.Key.Key_Home,
                            Qt.Key.Key_F11, Qt.Key.Key_Escape})
#: The ones a text field keeps for itself.
TEXT_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_R, Qt.Key.Key_Home})
#: Controls whose value the wheel would change.
VALUED = (QAbstractSpinBox, QComboBox, QAbstractSlider)
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def valued_control(widget: QObject | None) -> QWidget | None:
    """The spin box, list or slider ``widget`` is (or is the text field of), or
    None; a scroll bar is no such control (the wheel is its job)."""
    for w in (widget, widget.parent() if isinstance(widget, QLineEdit) else None):
        if isinstance(w, VALUED) and not isinstance(w, QScrollBar):
            return w
    return None


def is_text_field(widget: QObject) -> bool:
    """True for a field the user types text into (not a number box's)."""
    if isinstance(widget, QLineEdit):
        return valued_control(widget) is None and not widget.isReadOnly()
    return isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()


class PresenterKeys(QObject):
    """Install with ``QApplication.instance().installEventFilter(PresenterKeys(window))``.
    ``window.focus_home()`` gives the focus back to the surface."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            return self._override(watched, event)
        if kind == QEvent.Type.KeyPress and event.key() in ENTER:
            control = valued_control(watched)
            if control is not None and self.window.isAncestorOf(control):
                QTimer.singleShot(0, self.window, self.window.focus_home)
        elif kind == QEvent.Type.Wheel:
            return self._wheel(watched, event)
        elif kind == QEvent.Type.Polish and valued_control(watched) is watched:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.MouseButtonPress:
            self._pressed(watched)
        return False

    def _override(self, watched, event) -> bool:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() not in PRESENTER_KEYS or not plain:
            return False
        if is_text_field(watched) and event.key() in TEXT_KEYS:
            return False
        event.ignore()  # not overridden: the window's shortcut fires
        return True

    def _wheel(self, watched, event) -> bool:
        control = valued_control(watched)
        if control is None or control.hasFocus():
            return False
        parent = control.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QCoreApplication.sendEvent(parent.verticalScrollBar(), event.clone())
        return True

    def _pressed(self, watched) -> None:
        """A press on empty panel space (a widget that takes no focus) in the window."""
        if (isinstance(watched, QWidget) and watched.focusPolicy() == Qt.FocusPolicy.NoFocus
                and self.window.isAncestorOf(watched)
                and not self.window.view.isAncestorOf(watched)):
            self.window.focus_home()
