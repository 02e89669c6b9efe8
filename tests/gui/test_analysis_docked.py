"""The gradient check and the many starts docked in the column of a projector-sized
window: nothing runs off the column's right edge (it scrolls down, never sideways),
in English and in Chinese."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from gui.app import i18n, window_layout
from gui.app.app import set_language

SVM = (Path(__file__).resolve().parents[2] / "resources" / "presets"
       / "svm_slice_minibatch.optviz.json")


@pytest.fixture(params=[i18n.ENGLISH, i18n.CHINESE])
def language(request, qapp):
    font = qapp.font()
    assert set_language(qapp, request.param) == request.param
    yield request.param
    set_language(qapp, i18n.ENGLISH)
    qapp.setFont(font)


def docked_window(qtbot, model, size):
    """``main.build_window`` at ``size`` in the default layout of a screen that size."""
    import main

    window = main.build_window(model)
    qtbot.addWidget(window)
    window.resize(*size)
    window_layout.arrange(window, QRect(0, 0, *size))
    window.show()
    qtbot.waitExposed(window)
    return window


def raised(qtbot, window, panel):
    """The scroll area ``panel`` is docked in, its tab brought to the front."""
    from PySide6.QtWidgets import QScrollArea

    dock = next(d for d in window.docks.values()
                if isinstance(d.widget(), QScrollArea) and d.widget().widget() is panel)
    dock.show()
    dock.raise_()
    area = dock.widget()
    qtbot.waitUntil(lambda: panel.isVisible() and area.viewport().width() > 200)
    return area


def fits(area) -> bool:
    panel = area.widget()
    return (panel.minimumSizeHint().width() <= area.viewport().width()
            and panel.width() <= area.viewport().width()
            and area.horizontalScrollBar().maximum() == 0)


def columns_seen(table) -> bool:
    header = table.horizontalHeader()
    return header.length() <= table.viewport().width() and not header.isSectionHidden(0)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_the_gradient_check_fits_the_column_with_all_its_columns(qtbot, model, language, size):
    window = docked_window(qtbot, model, size)
    panel = window.gradcheck_panel
    area = raised(qtbot, window, panel)
    qtbot.waitUntil(lambda: panel.table is not None)
    assert fits(area)
    assert columns_seen(panel.table_view)
    assert panel.sweep.geometry().right() <= area.viewport().width()
    assert panel.sweep.height() >= 150  # below the table, not squeezed beside it
    assert window.open_path(str(SVM))  # a slice: sampled coordinates and a kink column
    qtbot.waitUntil(lambda: panel.table is not None and panel.table.kinks is not None,
                    timeout=30_000)
    qtbot.waitUntil(lambda: fits(area))
    assert panel.table_model.columnCount() == 6
    assert columns_seen(panel.table_view)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_many_starts_stacks_its_plots_below_the_settings(qtbot, model, language, size):
    window = docked_window(qtbot, model, size)
    panel = window.many_starts_panel
    area = raised(qtbot, window, panel)
    assert fits(area)
    settings_bottom = panel.build_button.mapTo(panel, panel.build_button.rect().bottomLeft()).y()
    for plot in (panel.sweep_plot, panel.rate_plot):
        corner = plot.mapTo(panel, plot.rect().bottomRight())
        assert corner.x() <= area.viewport().width()
        assert plot.mapTo(panel, plot.rect().topLeft()).y() > settings_bottom
        assert plot.width() >= 250 and plot.height() >= 180
    assert area.verticalScrollBar().maximum() > 0  # scrolled, not squeezed


def test_in_a_wide_dock_many_starts_puts_its_plots_beside_the_settings(qtbot, model):
    from gui.panels.many_starts_panel import ManyStartsPanel
    from gui.widgets.scrolling import scrolling

    panel = ManyStartsPanel(model)
    area = scrolling(panel)
    qtbot.addWidget(area)
    area.resize(1400, 330)
    area.show()
    qtbot.waitExposed(area)
    assert fits(area)
    settings_right = panel.build_button.mapTo(panel, panel.build_button.rect().topRight()).x()
    assert panel.sweep_plot.mapTo(panel, panel.sweep_plot.rect().topLeft()).x() > settings_right


def test_in_a_wide_dock_the_h_sweep_is_beside_the_table(qtbot, model):
    """A large screen docks the panels at the bottom, the width of the window."""
    window = docked_window(qtbot, model, (1920, 1080))
    panel = window.gradcheck_panel
    area = raised(qtbot, window, panel)
    qtbot.waitUntil(lambda: panel.table is not None)
    assert area.viewport().width() > 1000
    assert fits(area)
    assert panel.sweep.x() > panel.table_view.geometry().right()
    assert columns_seen(panel.table_view)
    controls = panel.controls.forms.widgets
    assert controls[1].x() > controls[0].geometry().right()  # the forms side by side,
    assert controls[1].geometry().right() < area.viewport().width() / 2  # and compact
