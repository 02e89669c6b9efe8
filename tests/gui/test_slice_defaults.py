"""The surface panel on a classifier slice: why a small W₀ looks flat, and each
loss's default range."""

import pytest

from gui.panels.surface_panel import SurfacePanel
from optim_core.experiment.spec import CLASSIFIER, default_extent
from tests.gui.test_panels import choose


@pytest.fixture
def panel(qtbot, model):
    p = SurfacePanel(model)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    model.set_surface(CLASSIFIER)
    return p


def test_a_small_w0_says_in_one_line_why_it_looks_flat(qtbot, model, panel):
    assert model.spec.surface.slice.center == "trained"
    assert not panel.flat_note.isVisible()
    choose(qtbot, panel.center_combo, "init")
    assert model.spec.surface.slice.center == "init"
    assert panel.flat_note.isVisible()
    text = panel.flat_note.text()
    assert "W₀" in text and "filter-normalized" in text and "W*" in text
    assert "\n" not in text and text.count(". ") == 0  # one sentence
    panel.normalize.click()  # raw directions: the plane is not flat for that reason
    assert not model.spec.surface.slice.normalize and not panel.flat_note.isVisible()


def test_choosing_the_svm_brings_its_range_where_its_kinks_show(qtbot, model, panel):
    assert panel.extent.value() == default_extent("softmax")
    choose(qtbot, panel.loss_combo, "svm")
    assert model.spec.surface.slice.extent == default_extent("svm") < 1
    assert panel.extent.value() == default_extent("svm")
    model.undo_stack.undo()
    assert model.spec.surface.slice.loss == "softmax"
    assert panel.extent.value() == default_extent("softmax")
