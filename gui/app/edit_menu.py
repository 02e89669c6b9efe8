"""Edit ▸ Undo / Redo over the model's undo stack, named after the step
("Undo change η of Adam"); Ctrl+Z and Ctrl+Shift+Z work from anywhere."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from gui.app.i18n import translate


def install_edit_menu(window) -> None:
    """Add the Edit menu after File to ``window`` (a ``MainWindow``); its actions
    join ``window.actions`` as "undo" and "redo"."""
    stack = window.model.undo_stack
    undo = stack.createUndoAction(window, translate("EditMenu", "Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, translate("EditMenu", "Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
    bar = window.menuBar()
    menus = [a for a in bar.actions() if a.menu()]
    menu = window.menuBar().addMenu(translate("EditMenu", "&Edit"))
    if len(menus) > 1:  # after File
        bar.insertMenu(menus[1], menu)
    for name, action in (("undo", undo), ("redo", redo)):
        menu.addAction(action)
        window.addAction(action)  # the shortcut works wherever the focus is
        window.actions[name] = action
