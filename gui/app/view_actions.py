"""The View menu's presenter actions: reset view, presentation, font size, Escape."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.app.i18n import translate
from gui.app.presentation import Presentation

APP = Qt.ShortcutContext.ApplicationShortcut


def add_view_actions(window) -> None:
    """Add Reset view (Home), Presentation (F11), Larger / Smaller text
    (Ctrl+= / Ctrl+−) and Escape to ``window`` (a ``MainWindow``) and its View
    menu; ``window.presentation`` is the ``Presentation``."""
    window.presentation = p = Presentation(window)
    for name, text, slot, key in (
            ("reset_view", translate("MainWindow", "Reset &view"), window.view.reset_view,
             Qt.Key.Key_Home),
            ("presentation", translate("MainWindow", "&Presentation"), p.toggle, Qt.Key.Key_F11),
            ("font_bigger", translate("MainWindow", "&Larger text"), p.bigger, "Ctrl+="),
            ("font_smaller", translate("MainWindow", "&Smaller text"), p.smaller, "Ctrl+-")):
        action = window._action(name, text, slot, key)
        action.setShortcutContext(APP)
        window.view_menu.addAction(action)
    window.actions["presentation"].setCheckable(True)
    p.toggled.connect(window.actions["presentation"].setChecked)
    window._action("escape", translate("MainWindow", "Leave presentation"), lambda: _escape(window),
                   Qt.Key.Key_Escape).setShortcutContext(APP)


def _escape(window) -> None:
    """Escape leaves presentation mode and takes the focus off any box."""
    window.presentation.leave()
    window.focus_home()
