"""The critical η on each η slider, and the warning mark of a run set past it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gui.panels.optimizer_panel import OptimizerPanel
from gui.widgets.limit_tick import TICK_COLOR
from optim_core.experiment import spec as spec_mod


@pytest.fixture
def ravine_model(model):
    """SGD (η = 0.019) and momentum (μ = 0.6) on the ravine with κ = 100."""
    spec = model.spec.copy()
    spec.surface.name, spec.surface.params = "ravine", {"condition": 100.0}
    spec.starts = [[-2.6, 0.9]]
    spec.runs = [spec_mod.default_run("sgd", "SGD", lr=0.019),
                 spec_mod.default_run("momentum", "Momentum", lr=0.019, mu=0.6),
                 spec_mod.default_run("adam", "Adam", lr=0.1)]
    model.load_spec(spec)
    return model


@pytest.fixture
def panel(qtbot, ravine_model):
    p = OptimizerPanel(ravine_model)
    qtbot.addWidget(p)
    p.resize(420, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def type_into(qtbot, spin, text):
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def tick_columns(slider) -> list[int]:
    """Columns of the grabbed slider that hold the tick's red."""
    image = slider.grab().toImage()
    red = QColor(TICK_COLOR)
    cols = set()
    for x in range(image.width()):
        for y in (1, 2, image.height() - 3):
            c = image.pixelColor(x, y)
            if abs(c.red() - red.red()) < 40 and c.green() < 120 and c.blue() < 120:
                cols.add(x)
    return sorted(cols)


def test_the_tick_stands_at_the_critical_lr_and_the_tooltip_says_it(panel, ravine_model):
    sgd, mom, adam = panel.rows
    assert ravine_model.stability.critical_lr(0) == pytest.approx(0.02)
    assert ravine_model.stability.critical_lr(1) == pytest.approx(2 * 1.6 / 100)
    slider = sgd.hyper_widgets["lr"].slider
    x = sgd.lr_tick.pixel_x()
    cols = tick_columns(slider)
    assert cols and min(cols) - 2 <= x <= max(cols) + 2
    handle_at_limit = sgd.hyper_widgets["lr"].position_of(0.02)
    assert abs(handle_at_limit - slider.value()) < 5  # η = 0.019 sits just below the tick
    assert "0.02" in sgd.hyper_widgets["lr"].toolTip()
    positions = [r.hyper_widgets["lr"].position_of(r.lr_tick.value) for r in (sgd, mom)]
    assert positions[1] > positions[0]  # momentum's limit lies further right
    assert not adam.lr_tick.isVisible()  # adaptive: no closed form, no tick
    assert "no closed-form" in adam.hyper_widgets["lr"].toolTip()


def test_warning_mark_appears_when_eta_is_raised_past_the_limit(qtbot, panel, ravine_model):
    sgd = panel.rows[0]
    assert not sgd.lr_warning.isVisible()
    type_into(qtbot, sgd.hyper_widgets["lr"].spin, "0.0204")
    assert ravine_model.spec.runs[0].hyper["lr"] == 0.0204
    assert ravine_model.step == 0  # the mark comes before the run is played
    assert sgd.lr_warning.isVisible()
    assert "0.02" in sgd.lr_warning.toolTip()
    type_into(qtbot, sgd.hyper_widgets["lr"].spin, "0.0196")
    assert not sgd.lr_warning.isVisible()


def test_the_tick_moves_with_mu_and_with_the_surface(qtbot, panel, ravine_model):
    mom = panel.rows[1]
    before = mom.lr_tick.pixel_x()
    type_into(qtbot, mom.hyper_widgets["mu"].spin, "0.9")
    assert ravine_model.stability.critical_lr(1) == pytest.approx(2 * 1.9 / 100)
    assert mom.lr_tick.value == pytest.approx(0.038)
    assert mom.lr_tick.pixel_x() > before
    ravine_model.set_surface_param("condition", 10.0)
    qtbot.waitUntil(lambda: ravine_model.stability.critical_lr(0) == pytest.approx(0.2))
    qtbot.waitUntil(lambda: "0.2" in panel.rows[0].hyper_widgets["lr"].toolTip())
