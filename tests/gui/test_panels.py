"""Every panel control: UI -> model, and model -> UI (napari style)."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog

from gui.panels.optimizer_panel import OptimizerPanel
from gui.panels.surface_panel import SurfacePanel
from gui.panels.transport import PAUSE_TEXT, PLAY_TEXT, Transport
from optim_core import optimizers


@pytest.fixture
def opt_panel(qtbot, model):
    p = OptimizerPanel(model)
    qtbot.addWidget(p)
    p.resize(420, 900)
    p.show()
    return p


@pytest.fixture
def surf_panel(qtbot, model):
    p = SurfacePanel(model)
    qtbot.addWidget(p)
    p.show()
    return p


def type_into(qtbot, spin, text):
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def choose(qtbot, combo, data):
    """Pick the item holding ``data`` with the keyboard, as a user would."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


# ---------------------------------------------------------------- optimizer panel
def test_rows_match_the_runs(opt_panel, model):
    assert [r.label_edit.text() for r in opt_panel.rows] == [r.label for r in model.spec.runs]
    assert [r.kind_combo.currentData() for r in opt_panel.rows] == [
        r.kind for r in model.spec.runs]


def test_lr_spin_and_slider_change_the_model_and_the_next_steps(qtbot, opt_panel, model):
    model.advance(10)
    before = model.traces()[0].head.copy()
    row = opt_panel.rows[0]
    type_into(qtbot, row.hyper_widgets["lr"].spin, "0.002")
    assert model.spec.runs[0].hyper["lr"] == 0.002
    assert row.hyper_widgets["lr"].slider.value() == row.hyper_widgets["lr"]._to_slider(0.002)
    model.advance(1)
    from optim_core import surfaces
    g = surfaces.get("rosenbrock").grad(before)
    assert model.traces()[0].head == pytest.approx(before - 0.002 * g)
    row.hyper_widgets["lr"].slider.setValue(row.hyper_widgets["lr"]._to_slider(1e-4))
    # the slider moves in 1/1000 of 9 decades, shown to 3 significant digits
    assert model.spec.runs[0].hyper["lr"] == pytest.approx(1e-4, rel=0.03)
    assert row.hyper_widgets["lr"].spin.value() == model.spec.runs[0].hyper["lr"]


def test_momentum_and_bool_hypers(qtbot, opt_panel, model):
    type_into(qtbot, opt_panel.rows[1].hyper_widgets["mu"].spin, "0.5")
    assert model.spec.runs[1].hyper["mu"] == 0.5
    box = opt_panel.rows[3].hyper_widgets["bias_correction"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert model.spec.runs[3].hyper["bias_correction"] is False


def test_schedule_combo_and_its_fields_make_a_schedule(qtbot, opt_panel, model):
    row = opt_panel.rows[0]
    choose(qtbot, row.schedule_combo, "exponential")
    lr = model.spec.runs[0].hyper["lr"]
    assert lr == {"kind": "exponential", "value": 1e-3, "k": 1e-2}
    type_into(qtbot, row.schedule_widgets["k"].spin, "0.05")
    assert model.spec.runs[0].hyper["lr"]["k"] == 0.05
    assert model.race.optimizer(model.race_label(0)).hyper_at("lr", 3) == pytest.approx(
        1e-3 * 2.718281828459045 ** (-0.1))
    choose(qtbot, row.schedule_combo, "constant")
    assert model.spec.runs[0].hyper["lr"] == 1e-3


def test_momentum_warm_up_ramps_mu_from_one_half(qtbot, opt_panel, model):
    row = opt_panel.rows[1]  # Momentum, μ = 0.9
    assert row.warmup_spin is not None and opt_panel.rows[0].warmup_spin is None  # SGD: no μ
    type_into(qtbot, row.warmup_spin, "200")
    assert model.spec.runs[1].hyper["mu"] == {"kind": "warmup", "start": 0.5, "end": 0.9,
                                              "steps": 200}
    opt = model.race.optimizer(model.race_label(1))
    assert opt.hyper_at("mu", 1) == pytest.approx(0.5)
    assert opt.hyper_at("mu", 101) == pytest.approx(0.7)
    assert opt.hyper_at("mu", 500) == pytest.approx(0.9)
    type_into(qtbot, row.hyper_widgets["mu"].spin, "0.99")  # the slider sets where it ends
    assert model.spec.runs[1].hyper["mu"]["end"] == 0.99
    model.set_hyper(1, "mu", {"kind": "warmup", "start": 0.3, "end": 0.95, "steps": 40})
    assert row.warmup_spin.value() == 40  # model -> UI
    assert row.hyper_widgets["mu"].value() == pytest.approx(0.95)
    type_into(qtbot, row.warmup_spin, "0")
    assert model.spec.runs[1].hyper["mu"] == 0.95


def test_enable_colour_label_kind(qtbot, opt_panel, model, monkeypatch):
    row = opt_panel.rows[2]
    box = row.enabled_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not model.spec.runs[2].enabled
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    qtbot.mouseClick(row.color_button, Qt.MouseButton.LeftButton)
    assert model.spec.runs[2].color == "#123456"
    row.label_edit.selectAll()
    qtbot.keyClicks(row.label_edit, "fast RMSprop")
    qtbot.keyClick(row.label_edit, Qt.Key.Key_Return)
    assert model.spec.runs[2].label == "fast RMSprop"
    choose(qtbot, row.kind_combo, "adagrad")
    assert model.spec.runs[2].kind == "adagrad"
    names = {h.name for h in optimizers.hyper_specs("adagrad")}
    assert set(opt_panel.rows[2].hyper_widgets) == names
    assert "AdaGrad" in opt_panel.formula.text() and "√c" in opt_panel.formula.text()


def test_duplicate_remove_add(qtbot, opt_panel, model):
    qtbot.mouseClick(opt_panel.rows[0].duplicate_button, Qt.MouseButton.LeftButton)
    assert len(model.spec.runs) == 5 and model.spec.runs[4].kind == "sgd"
    assert len(opt_panel.rows) == 5
    qtbot.mouseClick(opt_panel.rows[1].remove_button, Qt.MouseButton.LeftButton)
    assert [r.label for r in model.spec.runs] == ["SGD", "RMSprop", "Adam", "SGD 2"]
    action = next(a for a in opt_panel.add_button.menu().actions() if a.text() == "Nesterov")
    action.trigger()
    assert model.spec.runs[-1].kind == "nesterov" and len(opt_panel.rows) == 5


def test_model_changes_show_in_the_rows(opt_panel, model):
    model.set_hyper(0, "lr", 0.0321)
    assert opt_panel.rows[0].hyper_widgets["lr"].value() == pytest.approx(0.0321)
    model.set_hyper(1, "lr", {"kind": "step", "value": 0.01, "gamma": 0.25, "every": 7})
    row = opt_panel.rows[1]
    assert row.schedule_combo.currentData() == "step"
    assert row.schedule_widgets["every"].value() == 7
    assert row.schedule_widgets["gamma"].value() == pytest.approx(0.25)
    model.set_run_kind(0, "rmsprop")
    assert opt_panel.rows[0].kind_combo.currentData() == "rmsprop"
    assert "rho" in opt_panel.rows[0].hyper_widgets
    model.set_run_color(0, "#00ff00")
    assert opt_panel.rows[0].color_button.color() == "#00ff00"
    model.set_run_enabled(3, False)
    assert not opt_panel.rows[3].enabled_box.isChecked()
    model.set_run_label(2, "slow")
    assert opt_panel.rows[2].label_edit.text() == "slow"
    model.set_hyper(1, "mu", 0.95)
    assert opt_panel.rows[1].hyper_widgets["mu"].value() == pytest.approx(0.95)


# ------------------------------------------------------------------ surface panel
def test_surface_choice_and_parameters(qtbot, surf_panel, model):
    choose(qtbot, surf_panel.surface_combo, "ravine")
    assert model.spec.surface.name == "ravine"
    assert "κ" in surf_panel.description.text() or "valley" in surf_panel.description.text()
    spin = surf_panel.param_widgets["condition"].spin
    type_into(qtbot, spin, "200")
    assert model.spec.surface.params["condition"] == 200
    assert model.surface.k == 200
    model.set_surface("two_wells")
    assert surf_panel.surface_combo.currentData() == "two_wells"
    assert set(surf_panel.param_widgets) == {"tilt"}


def test_picture_controls(qtbot, surf_panel, model):
    surf_panel.colormap.setFocus()
    qtbot.keyClick(surf_panel.colormap, Qt.Key.Key_Down)
    assert model.spec.view.colormap == surf_panel.colormap.currentText() != "viridis"
    choose(qtbot, surf_panel.log_color, False)
    assert model.spec.view.log_color is False
    type_into(qtbot, surf_panel.contours, "7")
    assert model.spec.view.contours == 7
    type_into(qtbot, surf_panel.grid_n, "3")
    assert model.grid_n == 3
    choose(qtbot, surf_panel.resolution, 128)
    assert model.spec.surface.resolution == 128 and model.grid.z.shape == (128, 128)
    model.set_view(colormap="cividis", log_color=True, contours=20)
    assert surf_panel.colormap.currentText() == "cividis"
    assert surf_panel.log_color.currentData() is True
    assert surf_panel.contours.value() == 20


def test_slice_controls_edit_the_slice_spec(qtbot, surf_panel, model):
    model.set_surface("classifier")
    assert surf_panel.slice_group.isVisible()
    s = model.spec.surface.slice
    choose(qtbot, surf_panel.loss_combo, "svm")
    assert s.loss == "svm"
    type_into(qtbot, surf_panel.reg.spin, "0.01")
    assert s.reg == 0.01
    choose(qtbot, surf_panel.center_combo, "trained")
    assert s.center == "trained"
    type_into(qtbot, surf_panel.seed, "5")
    assert s.seed == 5
    qtbot.mouseClick(surf_panel.new_directions, Qt.MouseButton.LeftButton)
    assert s.seed == 6 and surf_panel.seed.value() == 6
    qtbot.mouseClick(surf_panel.normalize, Qt.MouseButton.LeftButton)
    assert s.normalize is False
    type_into(qtbot, surf_panel.extent, "2.5")
    assert s.extent == 2.5
    type_into(qtbot, surf_panel.batch, "32")
    assert s.batch_size == 32
    model.set_slice(loss="softmax", extent=0.5, batch_size=0, reg=2e-4, center="init",
                    seed=3, normalize=True)
    assert surf_panel.loss_combo.currentData() == "softmax"
    assert surf_panel.extent.value() == 0.5 and surf_panel.batch.text() == "full batch"
    assert surf_panel.reg.value() == pytest.approx(2e-4)
    assert surf_panel.center_combo.currentData() == "init"
    assert surf_panel.seed.value() == 3 and surf_panel.normalize.isChecked()


# ---------------------------------------------------------------------- transport
def test_transport_buttons_and_spins(qtbot, model):
    t = Transport(model)
    qtbot.addWidget(t)
    t.show()
    qtbot.mouseClick(t.step_button, Qt.MouseButton.LeftButton)
    assert model.step == model.spec.steps_per_frame
    type_into(qtbot, t.steps_per_frame, "5")
    assert model.spec.steps_per_frame == 5
    qtbot.mouseClick(t.step_button, Qt.MouseButton.LeftButton)
    assert model.step == 7 and "step 7 /" in t.step_label.text()
    type_into(qtbot, t.max_steps, "40")
    assert model.spec.steps == 40
    qtbot.mouseClick(t.play_button, Qt.MouseButton.LeftButton)
    assert model.playing and t.play_button.text() == PAUSE_TEXT
    qtbot.waitUntil(lambda: model.step == 40 and not model.playing, timeout=5000)
    assert t.play_button.text() == PLAY_TEXT
    qtbot.mouseClick(t.reset_button, Qt.MouseButton.LeftButton)
    assert model.step == 0
    model.set_steps_per_frame(9)
    model.set_max_steps(123)
    assert t.steps_per_frame.value() == 9 and t.max_steps.value() == 123


def test_the_lambda_and_batch_fields_reach_what_files_allow(qtbot, surf_panel, model):
    """The panel and experiment files agree: the largest λ and mini-batch a file
    may hold can be typed, and nothing beyond."""
    from optim_core.experiment.spec import BATCH_SIZE_MAX, REG_MAX

    type_into(qtbot, surf_panel.reg.spin, "1000")
    assert model.spec.surface.slice.reg == REG_MAX == surf_panel.reg.spin.maximum()
    type_into(qtbot, surf_panel.batch, str(BATCH_SIZE_MAX + 1))
    assert surf_panel.batch.maximum() == BATCH_SIZE_MAX
    assert model.spec.surface.slice.batch_size <= BATCH_SIZE_MAX
