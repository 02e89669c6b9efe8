"""The window at QT_SCALE_FACTOR=1.5 on a 1280 × 720 screen: 853 × 480 logical
pixels. The surface stays the largest thing and no dock needs scrolling sideways."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRect
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


def valley_points(n: int = 80):
    """Rosenbrock's curved valley y = x² across the view, from (−1.7, 2.89) past
    the minimum (1, 1) to (1.7, 2.89)."""
    x = np.linspace(-1.7, 1.7, n)
    return np.column_stack([x, x**2])


def covered_valley(view) -> list:
    """Points of the valley (surface coordinates) under the surface's legend."""
    box = view.legend.item.sceneBoundingRect()
    return [tuple(p) for p in valley_points()
            if box.contains(view.viewbox.mapViewToScene(QPointF(*p)))]


def test_a_scaled_projector_keeps_the_legend_off_rosenbrocks_valley(qtbot, window, model):
    view = window.view
    qtbot.waitUntil(lambda: model.grid is not None and not model.busy, timeout=10_000)
    for kind in ("nesterov", "adagrad"):  # six runs: a taller legend
        model.add_run(kind)
    qtbot.waitUntil(lambda: len(view.legend.item.items) == 6)
    assert covered_valley(view) == []
    model.advance(400)
    qtbot.waitUntil(lambda: model.step == 400)
    assert covered_valley(view) == []
    counter = view.step_text.mapRectToScene(view.step_text.boundingRect())
    assert not view.legend.item.sceneBoundingRect().intersects(counter)
