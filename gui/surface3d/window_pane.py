"""The 3-D view in the main window: View ▸ 3-D view (F3) and View ▸ 3-D only (Shift+F3).

With OpenGL, the window's central 2-D view is put in a splitter and the
3-D view (built the first time it is asked for) goes beside it, or in its
place. Without OpenGL both actions are disabled and say why, in their
tooltip and once in the status bar; nothing else in the window changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QSplitter

from gui.app.i18n import translate
from gui.surface3d import gl_probe

SHOW_KEY, ONLY_KEY = "F3", "Shift+F3"


class Surface3DPane(QObject):
    """Owns the two View-menu actions and, once shown, ``view`` (a ``Surface3DView``)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.view = None
        self.splitter: QSplitter | None = None
        self.reason = gl_probe.unavailable_reason()
        self.show_action = self._action("view_3d", translate("Surface3D", "3-D view"), SHOW_KEY,
                                        self.set_shown)
        self.only_action = self._action("only_3d", translate("Surface3D", "3-D only (hide the 2-D "
                                                                          "view)"), ONLY_KEY,
                                        self.set_only)
        menu = window.view_menu
        menu.setToolTipsVisible(True)
        before = window.actions.get("reset_layout")
        if before is None:
            menu.addActions([self.show_action, self.only_action])
        else:
            menu.insertActions(before, [self.show_action, self.only_action])
            menu.insertSeparator(before)
        if self.reason is not None:
            self._disable(self.reason)

    def _action(self, name: str, text: str, key: str, slot) -> QAction:
        action = QAction(text, self.window, checkable=True)
        action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{text} ({key})")
        action.toggled.connect(slot)
        self.window.actions[name] = action
        self.window.addAction(action)
        return action

    def _disable(self, reason: str) -> None:
        message = translate("Surface3D", "3-D view unavailable: {reason}").format(reason=reason)
        for action in (self.show_action, self.only_action):
            action.setEnabled(False)
            action.setToolTip(message)
            action.setStatusTip(message)
        self.window.statusBar().showMessage(message, 15_000)

    def set_shown(self, shown: bool) -> None:
        """The 3-D view beside the 2-D one (or hidden, and the 2-D view back)."""
        if self.reason is not None:
            return
        if shown:
            self._ensure_view().show()
        elif self.view is not None:
            self.view.hide()
            self.only_action.setChecked(False)
        self.show_action.setChecked(shown)

    def set_only(self, only: bool) -> None:
        """The 3-D view instead of the 2-D one (or both again)."""
        if self.reason is not None:
            return
        if only:
            self.set_shown(True)
        self.window.view.setVisible(not only)
        self.only_action.setChecked(only)

    def _ensure_view(self):
        if self.view is None:
            from gui.surface3d.view3d import Surface3DView

            width = self.window.centralWidget().width()
            docks = _dock_sizes(self.window)
            central = self.window.takeCentralWidget()
            self.splitter = QSplitter(Qt.Orientation.Horizontal)
            self.splitter.addWidget(central)
            self.view = Surface3DView(self.window.model)
            reset = self.window.actions.get("reset_view")
            if reset is not None:  # the window's Home (Reset view) resets both views
                self.view.home_action.setEnabled(False)
                reset.triggered.connect(self.view.reset_camera)
            self.splitter.addWidget(self.view)
            self.window.setCentralWidget(self.splitter)
            self.splitter.show()
            central.show()
            self.splitter.setSizes([width - width // 2, width // 2])
            # A new central widget is laid out by its size hint, which would hand
            # the docks its room: they keep the sizes they had.
            for orientation, (widgets, sizes) in docks.items():
                self.window.resizeDocks(widgets, sizes, orientation)
        return self.view


def _dock_sizes(window) -> dict:
    """The docked, visible docks' widths (left, right) and heights (top, bottom)."""
    area = Qt.DockWidgetArea
    out = {Qt.Orientation.Horizontal: ([], []), Qt.Orientation.Vertical: ([], [])}
    for dock in window.findChildren(QDockWidget):
        if not dock.isVisible() or dock.isFloating():
            continue
        side = window.dockWidgetArea(dock)
        if side in (area.LeftDockWidgetArea, area.RightDockWidgetArea):
            out[Qt.Orientation.Horizontal][0].append(dock)
            out[Qt.Orientation.Horizontal][1].append(dock.width())
        elif side in (area.TopDockWidgetArea, area.BottomDockWidgetArea):
            out[Qt.Orientation.Vertical][0].append(dock)
            out[Qt.Orientation.Vertical][1].append(dock.height())
    return out


def install_surface3d(window) -> Surface3DPane:
    """Add the 3-D actions to ``window`` (a ``MainWindow``); see the module docstring."""
    return Surface3DPane(window)
