"""The presenter's keys work whatever has the focus; the wheel scrolls, never edits."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def _mu_row(window):
    rows = window.optimizer_panel.rows
    return next(r for r in rows if "mu" in r.hyper_widgets)


def test_space_plays_after_typing_a_number_and_enter(qtbot, window, model):
    row = _mu_row(window)
    box = row.hyper_widgets["mu"].spin
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.selectAll()
    qtbot.keyClicks(box, "0.99")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.hasFocus())  # Enter hands the focus back
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: model.playing)
    assert model.spec.runs[row.index].hyper["mu"] == pytest.approx(0.99)
    assert box.value() == pytest.approx(0.99)


def test_space_toggles_play_with_the_focus_in_a_spin_box(qtbot, window, model):
    box = window.transport.max_steps
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    text = box.text()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: model.playing)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not model.playing)
    assert box.text() == text
    qtbot.keyClick(box, Qt.Key.Key_Right)
    assert model.step == model.spec.steps_per_frame
    qtbot.keyClick(box, Qt.Key.Key_R)
    assert model.step == 0


def test_a_text_field_keeps_its_letters(qtbot, window, model):
    edit = window.optimizer_panel.rows[0].label_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.clear()
    qtbot.keyClicks(edit, "R 2")
    assert edit.text() == "R 2" and not model.playing and model.step == 0


def test_a_click_on_empty_panel_space_takes_the_focus_off_a_box(qtbot, window):
    box = window.transport.max_steps
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.mouseClick(window.optimizer_panel.formula, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view.canvas.hasFocus())


def _wheel(widget, steps: int = -3) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_slider_leaves_its_value_alone(qtbot, window, model):
    row = _mu_row(window)
    slider = row.hyper_widgets["mu"].slider
    before = (slider.value(), model.spec.runs[row.index].hyper["mu"])
    _wheel(slider)
    _wheel(row.hyper_widgets["mu"].spin)
    assert (slider.value(), model.spec.runs[row.index].hyper["mu"]) == before
    assert not slider.hasFocus()
    assert slider.focusPolicy() == Qt.FocusPolicy.StrongFocus


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: floating docks
def test_the_wheel_over_a_list_in_a_short_panel_scrolls_the_panel(qtbot, model):
    import main

    window = main.build_window(model)
    qtbot.addWidget(window)
    window.show()
    panel = window.panels["Classifier training"]
    dock = window.docks["Classifier training"]
    dock.setFloating(True)
    dock.resize(500, 200)
    qtbot.waitUntil(lambda: dock.widget().verticalScrollBar().maximum() > 0)
    bar = dock.widget().verticalScrollBar()
    choice = panel.pca_combo.currentIndex()
    _wheel(panel.pca_combo, steps=-2)
    assert panel.pca_combo.currentIndex() == choice
    assert bar.value() > 0


def test_home_double_click_and_the_menu_restore_the_bounds(qtbot, window, model):
    vb = window.view.viewbox
    (x0, x1), (y0, y1) = model.surface.bounds

    def at_home():  # the whole surface shows, filling the view along one axis
        (a0, a1), (b0, b1) = vb.viewRange()
        tol = 0.02 * max(x1 - x0, y1 - y0)
        inside = a0 <= x0 + tol and a1 >= x1 - tol and b0 <= y0 + tol and b1 >= y1 - tol
        return inside and min(abs(a1 - a0 - x1 + x0), abs(b1 - b0 - y1 + y0)) < tol

    def away():
        vb.setRange(xRange=(x0 + 0.1, x0 + 0.3), yRange=(y0 + 0.1, y0 + 0.3), padding=0)
        assert not at_home()

    box = window.transport.max_steps
    away()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Home)
    assert at_home()
    away()
    window.actions["reset_view"].trigger()
    assert at_home()
    away()
    start = model.starts.copy()
    vp = window.view.canvas.viewport()
    where = window.view.viewport_point(x0 + 0.2, y0 + 0.2)  # inside the zoomed-in view
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(at_home)
    assert (model.starts == start).all()  # the double click's first click is undone


def test_zoom_stays_in_a_sensible_range_around_the_bounds(window, model):
    vb = window.view.viewbox
    (x0, x1), (y0, y1) = model.surface.bounds
    vb.scaleBy((100, 100))
    (a0, a1), (b0, b1) = vb.viewRange()
    assert a1 - a0 <= 3.01 * (x1 - x0) and b1 - b0 <= 3.01 * (y1 - y0)
    vb.scaleBy((1e-6, 1e-6))
    (a0, a1), _ = vb.viewRange()
    assert a1 - a0 >= (x1 - x0) / 1001


def test_presentation_mode_hides_the_docks_and_f11_brings_them_back(qtbot, window, model):
    shown = {t for t, d in window.docks.items() if d.isVisible()}
    box = window.transport.max_steps
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_F11)
    assert window.presentation.active and window.isFullScreen()
    assert not any(window.docks[t].isVisible() for t in shown - {"Lesson"})
    assert window.view.drawn_scale > 1.4 and window.view.trails._width > 3
    qtbot.keyClick(window.view.canvas, Qt.Key.Key_Escape)
    assert not window.presentation.active
    assert {t for t, d in window.docks.items() if d.isVisible()} == shown
    assert window.view.drawn_scale == pytest.approx(1.0)


def test_the_font_scale_changes_with_ctrl_plus_minus_and_is_remembered(qtbot, window, model):
    from gui.app.main_window import MainWindow

    before = QApplication.font().pointSizeF()
    window.actions["font_bigger"].trigger()
    assert QApplication.font().pointSizeF() > before
    assert window.view.drawn_scale > 1.0
    again = MainWindow(model)
    qtbot.addWidget(again)
    assert again.presentation.font_scale == window.presentation.font_scale > 1
    again.presentation.set_font_scale(1.0)
    assert QApplication.font().pointSizeF() == pytest.approx(before)
