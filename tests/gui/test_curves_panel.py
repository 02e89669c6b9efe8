"""The training-curve panel draws the runner's numbers and follows the race."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from gui.panels.curves_panel import CurvesPanel
from optim_core import runner
from optim_core.experiment import spec as spec_mod


@pytest.fixture
def panel(qtbot, model):
    p = CurvesPanel(model)
    qtbot.addWidget(p)
    p.resize(900, 560)
    p.show()
    qtbot.waitExposed(p)
    return p


def drawn(panel, key, index):
    """The data handed to the curve (before pyqtgraph's log mapping)."""
    item = panel.items[(key, index)]
    return np.asarray(item.xData), np.asarray(item.yData)


def reference(model, steps):
    """The same race run from scratch by ``runner.run``."""
    opts = {r.label: spec_mod.make_optimizer(r) for r in model.spec.runs if r.enabled}
    return runner.run(model.surface, opts, model.starts, steps)


def test_curves_equal_the_runners_numbers(qtbot, model, panel):
    qtbot.mouseClick(panel.log_check, Qt.MouseButton.LeftButton)  # linear: f itself
    assert not panel.log_check.isChecked()
    model.advance(120)
    ref = reference(model, 120)
    for i, run in enumerate(model.spec.runs):
        r = ref[run.label]
        x, y = drawn(panel, "loss", i)
        np.testing.assert_array_equal(x, r.steps)
        np.testing.assert_allclose(y, r.values[:, 0], rtol=1e-12)
        np.testing.assert_allclose(drawn(panel, "grad_norm", i)[1], r.grad_norms[:, 0],
                                   rtol=1e-12)
        np.testing.assert_allclose(drawn(panel, "effective_lr", i)[1], r.effective_lrs[:, 0],
                                   rtol=1e-12, equal_nan=True)
        d = np.min(np.linalg.norm(r.points[:, 0, None] - model.surface.minima, axis=-1), axis=1)
        np.testing.assert_allclose(drawn(panel, "distance", i)[1], d, rtol=1e-12)


def test_adaptive_step_size_differs_from_the_scheduled_rate(model, panel):
    model.advance(50)
    adam = [i for i, r in enumerate(model.spec.runs) if r.kind == "adam"][0]
    sgd = [i for i, r in enumerate(model.spec.runs) if r.kind == "sgd"][0]
    eta = model.spec.runs[adam].hyper["lr"]
    assert not np.allclose(drawn(panel, "effective_lr", adam)[1][1:], eta)
    np.testing.assert_allclose(drawn(panel, "effective_lr", sgd)[1][1:],
                               model.spec.runs[sgd].hyper["lr"])


def test_log_mode_plots_the_gap_to_the_known_minimum(model, panel):
    model.set_surface("two_wells")
    model.advance(30)
    assert panel.log_check.isChecked()
    f_star = float(np.min(model.surface.value(model.surface.minima)))
    assert f_star != 0
    assert panel.loss_offset() == pytest.approx(f_star)
    values = model.traces()[0].values[:, 0]
    np.testing.assert_allclose(drawn(panel, "loss", 0)[1], values - f_star)
    assert "f*" in panel.plots["loss"].getAxis("left").labelText


def test_cursor_follows_the_animation_and_panels_follow_run_edits(qtbot, model, panel):
    model.advance(30)
    assert all(line.value() == 30 for line in panel.cursors.values())
    model.play()
    qtbot.waitUntil(lambda: model.step >= 40, timeout=5000)
    model.pause()
    assert all(line.value() == model.step for line in panel.cursors.values())
    n = len(model.spec.runs)
    model.add_run("nesterov", lr=1e-4)
    assert ("loss", n) in panel.items
    assert drawn(panel, "loss", n)[0][-1] == model.step
    assert model.spec.runs[n].label in panel.key_label.text()
    model.remove_run(0)
    assert ("loss", n) not in panel.items
    model.set_run_enabled(0, False)
    assert ("loss", 0) not in panel.items and ("loss", 1) in panel.items
    assert model.spec.runs[0].label not in panel.key_label.text()


def test_hovering_shows_every_runs_value_at_that_step(qtbot, model, panel):
    model.advance(200)
    plot = panel.plots["grad_norm"]
    vb = plot.getViewBox()
    rects = []

    def settled():  # the axes size themselves to their labels when painted
        rects.append(vb.sceneBoundingRect())
        return len(rects) > 5 and rects[-1] == rects[-6]

    qtbot.waitUntil(settled)
    scene = vb.mapViewToScene(QPointF(80, vb.viewRange()[1][0] + 0.5))
    pos = panel.canvas.mapFromScene(scene)
    qtbot.mouseMove(panel.canvas.viewport(), pos)
    qtbot.waitUntil(lambda: panel.hover_text.isVisible())
    assert panel.hover_key == "grad_norm"
    step = round(panel.hover_lines["loss"].value())
    assert abs(step - 80) <= 2
    text = panel.hover_text.textItem.toPlainText()
    assert f"step {step}" in text
    for trace in model.traces():
        k = int(np.searchsorted(trace.steps, step))
        g = panel.series[trace.index].grad_norm[k]
        assert f"{trace.label}: {g:.4g}" in text
    qtbot.mouseMove(panel.canvas.viewport(), QPoint(2, 2))
    qtbot.waitUntil(lambda: not panel.hover_text.isVisible())


def test_hovering_where_a_value_is_undefined_shows_a_dash_not_nan(qtbot, model, panel):
    """The step size at step 0 (no step yet) and past a divergence is NaN."""
    model.advance(5)
    panel.show_hover("effective_lr", 0)
    text = panel.hover_text.textItem.toPlainText()
    assert "nan" not in text.lower()
    assert all(f"{r.label}: —" in text for r in model.spec.runs if r.enabled)


def test_several_start_points_choose_whose_curves(model, panel):
    model.seed_grid(-1.5, 0.5, 1.5, 2.5, n=2)
    model.advance(20)
    assert panel.start_spin.isVisible() and panel.start_spin.maximum() == 4
    first = drawn(panel, "loss", 0)[1].copy()
    panel.start_spin.setValue(3)
    np.testing.assert_allclose(drawn(panel, "loss", 0)[1] + panel.loss_offset(),
                               model.traces()[0].values[:, 2])
    assert not np.allclose(first, drawn(panel, "loss", 0)[1])


def test_a_burst_of_steps_redraws_once_now_and_once_when_it_ends(qtbot, model, panel,
                                                                  monkeypatch):
    """Playing at 60 frames a second, the four plots redraw about ten times a
    second (their axes would cost most of each frame), and the last step is drawn."""
    drawn_at = []
    refresh = panel.refresh
    monkeypatch.setattr(panel, "refresh", lambda *a: (drawn_at.append(model.step), refresh()))
    start = model.step
    for _ in range(20):
        model.advance(1)
    assert drawn_at == [start + 1]  # the first step of the burst at once, the rest wait
    qtbot.waitUntil(lambda: drawn_at[-1] == start + 20)
    assert len(drawn_at) == 2
    assert drawn(panel, "loss", 0)[0][-1] == start + 20
