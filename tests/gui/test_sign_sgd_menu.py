"""A kind registered in a test file alone (sign-SGD) is offered by the optimizer
panel like a built-in one: in the Add-run menu with its formula, then raced."""

import numpy as np
import pytest

from gui.panels.optimizer_panel import OptimizerPanel
from optim_core import optimizers


def sign_sgd(x, g, state, t, *, lr):
    """x ← x − η·sign(g)."""
    return x - lr * np.sign(g), {}


@pytest.fixture
def sign():
    with optimizers.registered("sign_sgd", sign_sgd, hyper={"lr": 1e-3}, label="Sign SGD",
                               formula="x ← x − η·sign(g)",
                               summary="Steps η along the sign of each coordinate."):
        yield
    assert "sign_sgd" not in optimizers.names()


def test_the_add_run_menu_offers_a_newly_registered_kind_with_its_formula(qtbot, model, sign):
    panel = OptimizerPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    menu = panel.add_button.menu()
    menu.aboutToShow.emit()  # what opening it does (a real popup warns on offscreen Qt)
    action = next(a for a in menu.actions() if a.text() == "Sign SGD")
    assert action.toolTip() == "x ← x − η·sign(g)"
    action.trigger()
    run = model.spec.runs[-1]
    assert (run.kind, run.label, run.hyper) == ("sign_sgd", "Sign SGD", {"lr": 1e-3})
    assert len(panel.rows) == 5 and panel.rows[-1].kind_combo.currentData() == "sign_sgd"
    panel.select(4)
    assert "x ← x − η·sign(g)" in panel.formula.text() and "Sign SGD" in panel.formula.text()
    model.advance(3)
    race_label = model.race_label(4)
    x0 = model.starts[0]
    head = model.race.current_points(race_label)[0]
    assert np.abs(head - x0).max() == pytest.approx(3e-3)  # three sign steps of η


def test_the_menu_reads_the_registry_each_time_it_opens(qtbot, model):
    panel = OptimizerPanel(model)
    qtbot.addWidget(panel)
    menu = panel.add_button.menu()
    assert [a.text() for a in menu.actions()] == [optimizers.label(k)
                                                  for k in optimizers.names()]
    with optimizers.registered("sign_sgd", sign_sgd, hyper={"lr": 1e-3}, label="Sign SGD",
                               formula="x ← x − η·sign(g)", summary="Signs."):
        menu.aboutToShow.emit()
        assert menu.actions()[-1].text() == "Sign SGD"
    menu.aboutToShow.emit()
    assert "Sign SGD" not in [a.text() for a in menu.actions()]


def test_lbfgs_and_adadelta_are_in_the_menu_and_race(qtbot, model):
    panel = OptimizerPanel(model)
    qtbot.addWidget(panel)
    menu = panel.add_button.menu()
    for title in ("L-BFGS", "AdaDelta"):
        next(a for a in menu.actions() if a.text() == title).trigger()
    assert [r.kind for r in model.spec.runs[-2:]] == ["lbfgs", "adadelta"]
    row = panel.rows[-2]
    assert {"lr", "memory", "line_search"} <= set(row.hyper_widgets)
    model.advance(40)
    lbfgs = model.race.history(model.race_label(4))
    assert lbfgs.values[-1, 0] < 1e-2 * lbfgs.values[0, 0] and (lbfgs.diverged_at == -1).all()
