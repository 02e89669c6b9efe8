"""The tabs of tabbed docks on a projector (1280 × 720), in English and Chinese:
every tab shows its whole title; when the titles do not all fit the column,
the tab bar scrolls instead of cutting them short."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QTabBar

from gui.app import i18n, window_layout
from gui.app.app import set_language

SIZE = (1280, 720)
PADDING = 8  # pixels a tab needs beyond its text's width


@pytest.fixture(params=[i18n.ENGLISH, i18n.CHINESE])
def projector_window(request, qtbot, qapp, model):
    """The application window at 1280 × 720 in each language, default layout."""
    import main

    font = qapp.font()
    set_language(qapp, request.param)
    window = main.build_window(model)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window_layout.arrange(window, QRect(0, 0, *SIZE))
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    set_language(qapp, i18n.ENGLISH)
    qapp.setFont(font)


def dock_tab_bars(window) -> list[QTabBar]:
    """The main window's own tab bars (those of its tabbed docks) on screen."""
    return [bar for bar in window.findChildren(
        QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if not bar.visibleRegion().isEmpty() and bar.count() > 1]


def cut_tabs(bar: QTabBar) -> list[str]:
    """Titles of ``bar``'s tabs narrower than their text."""
    metrics = bar.fontMetrics()
    return [bar.tabText(i) for i in range(bar.count())
            if bar.tabRect(i).width() < metrics.horizontalAdvance(bar.tabText(i)) + PADDING]


def test_every_dock_tab_shows_its_whole_title(qtbot, projector_window):
    docks = len(projector_window.docks)
    qtbot.waitUntil(lambda: sum(b.count() for b in dock_tab_bars(projector_window)) == docks)
    bars = dock_tab_bars(projector_window)
    for bar in bars:
        assert cut_tabs(bar) == []
        assert bar.elideMode() == Qt.TextElideMode.ElideNone
        if sum(bar.tabRect(i).width() for i in range(bar.count())) > bar.width():
            assert bar.usesScrollButtons()


def test_a_layout_reset_keeps_the_titles_whole(qtbot, projector_window):
    projector_window.reset_layout()
    def whole() -> bool:
        bars = dock_tab_bars(projector_window)
        return bars != [] and all(cut_tabs(bar) == [] for bar in bars)

    qtbot.waitUntil(whole)
