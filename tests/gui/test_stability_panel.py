"""The Stability tab follows the selected run, its η and its head."""

import pytest

from gui.panels.stability_panel import StabilityPanel
from optim_core.experiment import spec as spec_mod


@pytest.fixture
def panel(qtbot, model):
    spec = model.spec.copy()
    spec.surface.name, spec.surface.params = "ravine", {"condition": 100.0}
    spec.starts = [[-2.6, 0.9]]
    spec.runs = [spec_mod.default_run("sgd", "SGD", lr=0.019),
                 spec_mod.default_run("rmsprop", "RMSprop", lr=0.01)]
    model.load_spec(spec)
    p = StabilityPanel(model)
    qtbot.addWidget(p)
    p.show()
    return p


def test_sgd_report_gives_the_spectrum_the_limit_and_the_best_step(qtbot, panel, model):
    qtbot.waitUntil(lambda: "2/λmax" in panel.text.text())
    text = panel.text.text()
    assert "1, 100" in text and "0.02" in text and "✓" in text
    assert "0.0198" in text  # 2/(λmin + λmax) = 2/101
    assert "0.9802" in text  # (κ − 1)/(κ + 1) = 99/101
    model.set_hyper(0, "lr", 0.0204)
    qtbot.waitUntil(lambda: "⚠" in panel.text.text())


def test_adaptive_run_compares_its_steps_with_two_over_lambda(qtbot, panel, model):
    model.advance(20)
    model.internals.select(1)
    qtbot.waitUntil(lambda: "η_eff" in panel.text.text())
    text = panel.text.text()
    assert "2/λ1 = 2" in text and "2/λ2 = 0.02" in text and "D½HD½" in text
    assert "step 20" in text
