"""The "Custom f(x, y)…" dialog driven with keys and clicks; the view draws the result."""

import copy

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.panels.surface_panel import SurfacePanel

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(qtbot, model, view):
    p = SurfacePanel(model)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


def open_dialog(qtbot, panel):
    """Pick "Custom f(x, y)…", the last entry of the surface list, with End."""
    combo = panel.surface_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: getattr(panel, "custom_dialog", None) is not None
                    and panel.custom_dialog.isVisible())
    qtbot.waitActive(panel.custom_dialog)
    return panel.custom_dialog


def type_text(qtbot, line_edit, text):
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def type_number(qtbot, spin, value):
    """Type ``value`` and Tab on, as a user does (Enter would press OK)."""
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), str(value))
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)


def test_a_good_expression_is_drawn_with_its_minima_marked(qtbot, panel, view, model):
    dialog = open_dialog(qtbot, panel)
    type_text(qtbot, dialog.text, "a*(x**2 - 1)**2 + b*y**2 + 0.3*x")
    assert list(dialog.param_widgets) == ["a", "b"]  # a slider for each parameter
    type_number(qtbot, dialog.param_widgets["b"].spin, 2)
    for spin, value in zip(dialog.bounds, (-2, 2, -1.5, 1.5), strict=True):
        type_number(qtbot, spin, value)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    s = model.spec.surface
    assert (s.name, s.expression.text, s.params) == (
        "expression", "a*(x**2 - 1)**2 + b*y**2 + 0.3*x", {"a": 1.0, "b": 2.0})
    assert s.expression.bounds == [[-2, 2], [-1.5, 1.5]]
    minima = model.surface.minima  # two wells, the deeper (left) one first
    assert minima.shape == (2, 2) and minima[0, 0] < 0 < minima[1, 0]
    np.testing.assert_allclose(model.surface.grad(minima), 0, atol=1e-9)
    # what is drawn: the typed surface's grid, its minima as stars, its title
    x, y, z = model.grid.x, model.grid.y, model.grid.z
    assert (x[0], x[-1], y[0], y[-1]) == (-2, 2, -1.5, 1.5)
    np.testing.assert_allclose(z, model.surface.grid(x, y))
    np.testing.assert_allclose(np.stack(view.layer.minima.getData(), -1), minima)
    assert view.layer.image.image.shape == z.shape
    assert "a*(x**2 - 1)**2" in view.plot.titleLabel.text
    assert not view.layer.undefined.isVisible()
    # the panel shows it, with live sliders for the parameters
    assert panel.surface_combo.currentData() == "expression"
    assert panel.edit_typed.isVisible() and "0.3*x" in panel.description.text()
    spin = panel.param_widgets["a"].spin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "3")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert model.spec.surface.params["a"] == 3.0 and model.surface.params["a"] == 3.0


def test_a_bad_expression_shows_the_message_and_changes_nothing(qtbot, panel, view, model):
    before, surface, grid = copy.deepcopy(model.spec), model.surface, model.grid
    dialog = open_dialog(qtbot, panel)
    type_text(qtbot, dialog.text, "x**2 + open('f')")
    message = dialog.message.text()
    assert "column 8" in message and "unknown function" in message and "open" in message
    assert "^" in message  # a caret under the column
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # Enter does not apply it either
    assert dialog.isVisible()
    type_text(qtbot, dialog.text, "x**2 + y**2")
    type_number(qtbot, dialog.bounds[0], 5)  # x from 5 to 3: no box
    assert "bounds" in dialog.message.text() and not dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert model.spec == before and model.surface is surface and model.grid is grid
    assert panel.surface_combo.currentData() == before.surface.name
    assert not panel.edit_typed.isVisible()


def test_cancel_after_a_good_expression_changes_nothing(qtbot, panel, model):
    before, surface = copy.deepcopy(model.spec), model.surface
    dialog = open_dialog(qtbot, panel)
    type_text(qtbot, dialog.text, "x**2 + y**2")
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert model.spec == before and model.surface is surface


def test_undefined_cells_are_hatched_and_a_run_into_them_stops_with_the_reason(view, model):
    model.set_typed_surface("log(x) + y**2", ((-1, 1), (-1, 1)))
    layer = view.layer.undefined
    assert layer.isVisible()
    alpha = layer.image[..., 3]
    defined = model.grid.x > 0
    assert (alpha[:, ~defined] == 255).all() and (alpha[:, defined] == 0).all()
    model.set_starts(np.array([[0.2, 0.5]]))
    model.set_hyper(0, "lr", 0.5)  # SGD jumps over x = 0 into log of a negative number
    model.advance(30)
    trace = model.traces()[0]
    assert trace.diverged_at[0] > 0 and "not finite" in trace.reasons[0]
    assert "diverged at step" in view.legend.labels()[0]


@pytest.fixture
def chinese(qapp):
    """The interface in Chinese for one test; English and the font come back after."""
    from gui.app import i18n
    from gui.app.app import set_language

    font = qapp.font()
    set_language(qapp, i18n.CHINESE)
    yield
    set_language(qapp, i18n.ENGLISH)
    qapp.setFont(font)


def test_in_chinese_the_reason_and_its_column_are_chinese(qtbot, chinese, panel, model):
    dialog = open_dialog(qtbot, panel)
    assert dialog.windowTitle() == "自定义曲面 f(x, y)"
    type_text(qtbot, dialog.text, "x + sinn(y)")  # (a plain unknown name is a parameter)
    message = dialog.message.text()
    assert "第 5 列" in message and "未知的函数 &#x27;sinn&#x27;" in message, message
    type_text(qtbot, dialog.text, "x ^ 2")
    assert "在这里不是乘方" in dialog.message.text()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_parameter_number_boxes_get_their_full_height(qtbot, qapp, panel, language, request):
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    dialog = open_dialog(qtbot, panel)
    type_text(qtbot, dialog.text, "a*(x**2 - 1)**2 + b*y**2 + c*x")  # three sliders appear
    assert list(dialog.param_widgets) == ["a", "b", "c"]

    def full_height() -> bool:
        boxes = [w.spin for w in dialog.param_widgets.values()] + dialog.bounds
        return all(box.height() >= box.sizeHint().height() for box in boxes)

    qtbot.waitUntil(full_height)
