"""Undo and redo: every edit of the experiment is one step of the Edit menu,
undone with Ctrl+Z and redone with Ctrl+Shift+Z, in the model and in the views."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from optim_core.experiment import file as ef

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def undo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)


def undo_text(window) -> str:
    return window.actions["undo"].text()


def test_changing_eta_is_named_undone_and_redone(qtbot, window, model):
    row = window.optimizer_panel.rows[3]  # Adam
    before = model.spec.runs[3].hyper["lr"]
    row.hyper_widgets["lr"].spin.setValue(0.2)
    assert model.spec.runs[3].hyper["lr"] == 0.2
    assert undo_text(window) == "Undo change η of Adam"
    undo(qtbot, window)
    assert model.spec.runs[3].hyper["lr"] == before
    assert row.hyper_widgets["lr"].value() == pytest.approx(before)
    assert model.race.optimizer(model.run_id(3)).hyper["lr"] == before
    redo(qtbot, window)
    assert model.spec.runs[3].hyper["lr"] == 0.2
    assert window.optimizer_panel.rows[3].hyper_widgets["lr"].value() == pytest.approx(0.2)


def test_a_whole_slider_drag_of_mu_is_one_step(qtbot, window, model):
    row = window.optimizer_panel.rows[1]  # Momentum
    slider = row.hyper_widgets["mu"].slider
    slider.setSliderDown(True)  # pressed: what the mouse does first
    for pos in (100, 200, 300, 400):
        slider.setValue(pos)
    slider.setSliderDown(False)
    moved = model.spec.runs[1].hyper["mu"]
    assert moved != 0.9 and model.undo_stack.count() == 1
    assert undo_text(window) == "Undo change μ of Momentum"
    undo(qtbot, window)
    assert model.spec.runs[1].hyper["mu"] == 0.9
    assert row.hyper_widgets["mu"].value() == pytest.approx(0.9)
    redo(qtbot, window)
    assert model.spec.runs[1].hyper["mu"] == moved


def test_changing_the_kind_is_undone_with_its_hyper_parameters(qtbot, window, model):
    row = window.optimizer_panel.rows[0]
    old = model.spec.runs[0].kind, dict(model.spec.runs[0].hyper), model.spec.runs[0].label
    row.kind_combo.activated.emit(row.kind_combo.findData("nesterov"))
    assert model.spec.runs[0].kind == "nesterov"
    assert undo_text(window) == "Undo change the kind of SGD to Nesterov"
    undo(qtbot, window)
    run = model.spec.runs[0]
    assert (run.kind, run.hyper, run.label) == old
    assert window.optimizer_panel.rows[0].kind_combo.currentData() == "sgd"
    assert model.race.optimizer(model.run_id(0)).kind == "sgd"
    assert window.view.legend.labels()[0] == "SGD"


def test_switching_the_surface_is_undone_in_the_model_and_the_views(qtbot, window, model):
    combo = window.surface_panel.surface_combo
    start = model.starts.copy()
    combo.activated.emit(combo.findData("himmelblau"))
    assert model.surface.name == "himmelblau"
    assert undo_text(window) == "Undo switch to Himmelblau"
    undo(qtbot, window)
    assert model.spec.surface.name == "rosenbrock" and model.surface.name == "rosenbrock"
    assert combo.currentData() == "rosenbrock"
    np.testing.assert_allclose(model.starts, start)
    assert "Rosenbrock" in window.view.plot.titleLabel.text
    pos = window.view.start_marker.pos()
    np.testing.assert_allclose([pos.x(), pos.y()], start[0])


def test_adding_and_removing_runs_are_undone_with_the_same_ids(qtbot, window, model):
    panel = window.optimizer_panel
    adam = next(a for a in panel.add_button.menu().actions() if a.text() == "Adam")
    adam.trigger()
    assert len(model.spec.runs) == 5 and undo_text(window) == "Undo add Adam"
    undo(qtbot, window)
    assert len(model.spec.runs) == 4 and len(panel.rows) == 4
    ids = [r.id for r in model.spec.runs]
    qtbot.mouseClick(panel.rows[1].remove_button, Qt.MouseButton.LeftButton)
    assert [r.label for r in model.spec.runs] == ["SGD", "RMSprop", "Adam"]
    assert undo_text(window) == "Undo remove Momentum"
    undo(qtbot, window)
    assert [r.id for r in model.spec.runs] == ids and len(panel.rows) == 4
    assert sorted(model.race.labels) == sorted(ids)
    assert window.view.legend.labels() == ["SGD", "Momentum", "RMSprop", "Adam"]
    redo(qtbot, window)
    assert len(model.spec.runs) == 3 and len(window.view.legend.labels()) == 3


def test_a_whole_drag_of_the_start_marker_is_one_step(qtbot, window, model):
    from tests.gui.test_surface_view import drag

    window.view.setFocus()
    model.advance(40)
    start = model.starts.copy()
    x0, y0 = start[0]
    drag(qtbot, window.view, [(x0, y0), (x0 + 0.1, y0 + 0.1), (x0 + 0.3, y0 + 0.2), (0.0, 2.0)])
    assert model.undo_stack.count() == 1 and undo_text(window) == "Undo drag the start"
    moved = model.starts.copy()
    undo(qtbot, window)
    np.testing.assert_allclose(model.starts, start)
    pos = window.view.start_marker.pos()
    np.testing.assert_allclose([pos.x(), pos.y()], start[0])
    np.testing.assert_allclose(model.race.starts, start)
    redo(qtbot, window)
    np.testing.assert_allclose(model.starts, moved)


def test_opening_a_preset_is_undone_back_to_the_experiment_before(qtbot, window, model):
    path = next(p for p in ef.presets() if "saddle" in p.name)
    before = model.experiment.snapshot()
    window.files.open_preset(path)
    preset = ef.load(path)
    assert model.spec.title == preset.title
    assert undo_text(window) == f"Undo open {preset.title}"
    undo(qtbot, window)
    assert model.experiment.snapshot() == before
    assert window.windowTitle() == "Rosenbrock race[*] — optviz"
    assert window.view.legend.labels() == [r.label for r in before.runs]
    pos = window.view.start_marker.pos()
    np.testing.assert_allclose([pos.x(), pos.y()], before.starts[0])
    redo(qtbot, window)
    assert model.spec.title == preset.title and model.spec.starts == preset.starts


def test_the_edit_menu_names_nothing_when_there_is_nothing_to_undo(window, model):
    assert not window.actions["undo"].isEnabled() and not window.actions["redo"].isEnabled()
    model.set_view(colormap="magma")
    assert window.actions["undo"].isEnabled() and undo_text(window) == "Undo change the colours"


def test_the_drawn_internals_are_undone_and_redone(qtbot, window, model):
    iv, layer = model.internals, window.view.internals.layer
    runs = len(model.spec.runs)
    window.actions["internals"].trigger()  # View ▸ Internals ▸ Show (key I)
    assert iv.shown and undo_text(window) == "Undo change the drawn internals"
    qtbot.waitUntil(lambda: len(layer.glyphs()) == runs)
    iv.set_run_shown(0, False)
    assert len(layer.glyphs()) == runs - 1
    undo(qtbot, window)
    assert model.spec.runs[0].internals and len(layer.glyphs()) == runs
    undo(qtbot, window)
    assert not iv.shown and layer.glyphs() == []
    assert not window.internals_menu.show_action.isChecked()
    redo(qtbot, window)
    assert iv.shown and len(layer.glyphs()) == runs
    assert window.internals_menu.show_action.isChecked()
