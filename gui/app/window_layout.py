"""The window's first geometry and its default dock layout, chosen by the screen.

On a projector-sized screen (narrower than ``WIDE.width()`` or lower than
``WIDE.height()``, e.g. 1280 × 720 or 1024 × 768) the window fills the
available screen and every dock becomes a tab of one column on the right,
so the surface keeps well over 45 % of the window. On a large screen the
docks go back to the areas they were added to (panels left and right,
analysis below), as tabs where they share an area.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication

#: Screens at least this large get the roomy layout.
WIDE = QSize(1500, 950)
#: The window's size on a large screen (never more than 90 % of it).
ROOMY = QSize(1600, 1000)
#: Share of the window's width the dock column takes on a small screen; at least
#: ``COLUMN_MIN`` pixels (its panels' rows fit without scrolling sideways, also
#: at a scale factor of 1.5) while that is at most ``COLUMN_MAX_SHARE`` of it.
COLUMN_SHARE, COLUMN_MIN, COLUMN_MAX_SHARE = 0.3, 360, 0.42
#: Share of the window's height the bottom docks take on a large screen.
BOTTOM_SHARE = 0.3
#: The tab shown in front of the column on a small screen.
FRONT_TAB = "Optimizers"

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


def available(widget=None) -> QRect:
    """The available geometry of the screen ``widget`` is on (else the primary one)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1600, 1000)


def is_small(avail: QRect) -> bool:
    return avail.width() < WIDE.width() or avail.height() < WIDE.height()


def first_geometry(avail: QRect) -> QRect:
    """Where the window opens: all of a small screen, else ``ROOMY`` centred."""
    if is_small(avail):
        return QRect(avail)
    size = QSize(min(ROOMY.width(), int(0.9 * avail.width())),
                 min(ROOMY.height(), int(0.9 * avail.height())))
    rect = QRect(avail.topLeft(), size)
    rect.moveCenter(avail.center())
    return rect


def dock_areas(window, avail: QRect) -> dict[str, Qt.DockWidgetArea]:
    """``{dock title: area}`` of the default layout for a screen of ``avail``."""
    if is_small(avail):
        return dict.fromkeys(window.docks, RIGHT)
    return dict(window.home_areas())


def arrange(window, avail: QRect) -> None:
    """Put every dock of ``window`` (a ``MainWindow``) where the default layout
    for ``avail`` has it; docks sharing an area become tabs of the first one."""
    areas = dock_areas(window, avail)
    first: dict[Qt.DockWidgetArea, object] = {}
    for title, dock in window.docks.items():
        area = areas[title]
        dock.setFloating(False)
        window.addDockWidget(area, dock)
        dock.show()
        if area in first:
            window.tabifyDockWidget(first[area], dock)
        else:
            first[area] = dock
    for dock in first.values():
        if window.tabifiedDockWidgets(dock):
            dock.raise_()
    if FRONT_TAB in window.docks and is_small(avail):
        window.docks[FRONT_TAB].raise_()
    _size_docks(window, first, avail)


def _size_docks(window, first: dict, avail: QRect) -> None:
    width = min(window.width(), avail.width())
    height = min(window.height(), avail.height())
    if RIGHT in first and is_small(avail):
        column = max(COLUMN_SHARE * width, min(COLUMN_MIN, COLUMN_MAX_SHARE * width))
        window.resizeDocks([first[RIGHT]], [round(column)], Qt.Orientation.Horizontal)
    if BOTTOM in first:
        window.resizeDocks([first[BOTTOM]], [round(BOTTOM_SHARE * height)],
                           Qt.Orientation.Vertical)


def fit_to_screen(window) -> None:
    """Move and shrink ``window`` so its frame lies inside the available screen."""
    avail = available(window)
    frame = window.frameGeometry()
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())
    size = QSize(min(window.width(), avail.width() - extra.width()),
                 min(window.height(), avail.height() - extra.height()))
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.x(), avail.x()), avail.right() + 1 - frame.width())
    y = min(max(frame.y(), avail.y()), avail.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
