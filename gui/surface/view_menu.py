"""The surface view's right-click menu: what a presenter reaches for."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from gui.app.i18n import translate


def view_menu(view, x: float, y: float) -> QMenu:
    """The menu for a right click at surface point ``(x, y)`` of ``view`` (a
    ``SurfaceView``): reset the view, start the race there."""
    menu = QMenu(view)
    menu.addAction(translate("SurfaceView", "Reset view (Home)"), view.reset_view)
    menu.addAction(translate("SurfaceView", "Start from here"),
                   lambda: view._place(view.model.set_start, x, y))
    return menu


def show_view_menu(view, screen_pos: QPoint, x: float, y: float) -> None:
    view_menu(view, x, y).popup(screen_pos)
