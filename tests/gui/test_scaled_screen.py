"""The window at QT_SCALE_FACTOR=1.5 on a 1280 × 720 screen: 853 × 480 logical
pixels. The surface stays the largest thing and no dock needs scrolling sideways."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScrollArea

from gui.app import window_layout

LOGICAL = (853, 480)  # 1280 × 720 at a scale factor of 1.5


@pytest.fixture
def window(qtbot, model):
    import main

    w = main.build_window(model)
    qtbot.addWidget(w)
    w.resize(*LOGICAL)
    window_layout.arrange(w, QRect(0, 0, *LOGICAL))
    w.show()
    qtbot.waitExposed(w)
    return w


def sideways(dock) -> int:
    """How far the dock's panel scrolls sideways (0: it fits the column)."""
    areas = [dock.widget()] if isinstance(dock.widget(), QScrollArea) else []
    areas += dock.widget().findChildren(QScrollArea)
    return max(a.horizontalScrollBar().maximum() for a in areas)


def test_a_scaled_projector_keeps_the_surface_largest_and_the_docks_in_their_column(
        qtbot, window):
    view = window.view
    assert view.width() * view.height() > 0.45 * window.width() * window.height()
    for title in ("Optimizers", "Training curves", "Classifier training", "Surface"):
        dock = window.docks[title]
        dock.raise_()
        qtbot.waitUntil(lambda d=dock: not d.visibleRegion().isEmpty())
        assert view.width() > dock.width()
        qtbot.waitUntil(lambda d=dock: sideways(d) == 0, timeout=2000)
