"""Tabbed docks show their whole titles: the tab bar scrolls instead of eliding.

``QMainWindow`` makes a tab bar for every group of tabbed docks, whenever the
docks are tabified (the default layout, a drag by the user, a restored state),
and sets it to elide: in a 384-px column of eight docks every title was cut to
a letter or two ("S…", "训…"). ``WholeDockTitles`` watches the window for new
tab bars and sets each, once it is polished (after ``QMainWindow`` has set it
up), to keep its titles whole and scroll with arrow buttons, as the tab bars
of IDEs and browsers do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QTabBar


def keep_titles_whole(bar: QTabBar) -> None:
    """``bar`` shows every title in full and scrolls when they do not all fit."""
    bar.setElideMode(Qt.TextElideMode.ElideNone)
    bar.setUsesScrollButtons(True)
    bar.setExpanding(False)


class WholeDockTitles(QObject):
    """Event filter on a main window: each of its dock tab bars keeps whole titles."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        window.installEventFilter(self)
        for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            keep_titles_whole(bar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ChildPolished and isinstance(event.child(), QTabBar):
            keep_titles_whole(event.child())
        return False
