"""The curves read well: ticks at any range, a clean step 0, negative losses, L on
slices, plots tall enough when docked, and text at an export's scale."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage, QPainter

from gui.export.animation import RaceRecorder
from gui.export.animation_options import AnimationOptions
from gui.panels.curves_panel import CurvesPanel
from gui.panels.curves_plots import base_pt
from gui.widgets.log_axis import LogAxis
from gui.widgets.scrolling import scrolling
from optim_core.experiment import file as experiment_file
from optim_core.experiment.spec import CLASSIFIER


def drawn_tick_texts(axis) -> list[str]:
    """The tick labels ``axis`` paints now (pyqtgraph's own draw specs)."""
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]] if specs else []


def shown(qtbot, widget, w=900, h=560):
    qtbot.addWidget(widget)
    widget.resize(w, h)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def panel(qtbot, model):
    return shown(qtbot, CurvesPanel(model))


@pytest.mark.parametrize("lo, hi", [(2.0, 3.0), (0.11, 0.13), (40.0, 90.0)])
def test_a_log_axis_spanning_less_than_a_decade_labels_its_ticks(qtbot, lo, hi):
    widget = shown(qtbot, pg.PlotWidget(axisItems={"left": LogAxis("left")}), 400, 300)
    plot = widget.getPlotItem()
    plot.setLogMode(y=True)
    plot.plot(np.arange(20), np.linspace(lo, hi, 20))
    top = np.log10(hi)
    qtbot.waitUntil(lambda: abs(plot.getViewBox().viewRange()[1][1] - top) < 0.1)
    assert len(drawn_tick_texts(plot.getAxis("left"))) >= 2
    values = [float(t.replace("−", "-")) for t in drawn_tick_texts(plot.getAxis("left"))]
    assert all(lo * 0.8 <= v <= hi * 1.2 for v in values), values
    assert len(set(values)) == len(values)


def test_step_zero_shows_the_race_length_without_an_si_prefix(qtbot, model, panel):
    model.reset()
    for key, plot in panel.plots.items():
        lo, hi = plot.getViewBox().viewRange()[0]
        assert lo >= -0.05 * model.spec.steps and hi == pytest.approx(model.spec.steps, rel=0.05)
        axis = plot.getAxis("bottom")
        assert not axis.autoSIPrefix
        assert all("-" not in t and "−" not in t for t in drawn_tick_texts(axis)), key
    assert "x0.001" not in panel.plots["distance"].getAxis("bottom").labelString()


def test_negative_losses_are_drawn_whole_on_a_symmetric_log_and_it_says_so(qtbot, model,
                                                                             panel):
    model.load_spec(experiment_file.load("resources/presets/saddle_escape.optviz.json"))
    model.pause()
    model.advance(model.spec.steps)
    assert panel.log_check.isChecked()
    label = panel.plots["loss"].getAxis("left").labelString()
    assert "symmetric log" in label
    for index, c in panel.series.items():
        x, y = panel.items[("loss", index)].getData()
        assert len(x) == len(c.steps) == model.spec.steps + 1
        assert np.all(np.isfinite(y)), model.spec.runs[index].label
    adam = next(i for i, r in enumerate(model.spec.runs) if r.kind == "adam")
    assert panel.series[adam].loss.min() < 0
    assert panel.values_at(model.spec.steps)["loss"][adam] == pytest.approx(
        panel.series[adam].loss[-1])  # the read-out gives f itself


def test_slices_say_l_and_toy_surfaces_f(qtbot, model, panel):
    left = panel.plots["loss"].getAxis("left")
    assert left.labelString().startswith("<span") and "f" in left.labelText
    assert "|∇f|" in panel.plots["grad_norm"].getAxis("left").labelText
    model.set_surface(CLASSIFIER)
    qtbot.waitUntil(lambda: not model.busy and hasattr(model.surface, "W0"), timeout=20_000)
    assert "L" in left.labelText and "f" not in left.labelText
    assert "|∇L|" in panel.plots["grad_norm"].getAxis("left").labelText


def test_docked_at_720p_the_plots_stack_tall_and_nothing_is_cut(qtbot, model):
    """At 1280 × 720 the dock column is about 380 px wide: one column of plots,
    each at least 150 px tall, the panel scrolled rather than squeezed."""
    panel = CurvesPanel(model)
    area = shown(qtbot, scrolling(panel), 380, 520)
    assert panel.minimumSizeHint().width() <= 380 - area.verticalScrollBar().sizeHint().width()
    qtbot.waitUntil(lambda: panel.plot_grid.columns == 1)
    for plot in panel.plots.values():
        assert plot.sceneBoundingRect().height() >= 150
        assert plot.sceneBoundingRect().right() <= panel.canvas.width() + 1
    area.resize(900, 560)
    qtbot.waitUntil(lambda: panel.plot_grid.columns == 2)


def test_exported_curves_draw_their_text_at_the_surfaces_scale(qtbot):
    from optim_core.experiment.spec import default_experiment

    spec = default_experiment()
    spec.surface.resolution = 48
    recorder = RaceRecorder(spec, AnimationOptions(1920, 1080, frames=1, curves=True))
    try:
        recorder.wait_ready()
        recorder.render()
        surface_scale = (recorder.view.picture_twin or recorder.view).drawn_scale
        assert surface_scale > 1.2
        panel = recorder.side_panel
        assert panel.text_scale == pytest.approx(surface_scale)
        tick = panel.plots["loss"].getAxis("left").style["tickFont"]
        assert tick.pointSizeF() == pytest.approx(base_pt() * surface_scale)
    finally:
        recorder.close()


def test_every_exported_frame_draws_the_curves_to_its_step_across_the_whole_race(qtbot):
    """Frames come faster than the live panel's ten redraws a second, and a change
    of log scale turned the step axis back to fitting the data drawn so far."""
    spec = experiment_file.load("resources/presets/saddle_escape.optviz.json")
    spec.surface.resolution = 48
    recorder = RaceRecorder(spec, AnimationOptions(640, 360, frames=5, steps_per_frame=25,
                                                   curves=True))
    try:
        recorder.wait_ready()
        panel = recorder.side_panel
        for _frame in recorder.frames():
            step = recorder.model.step
            assert all(line.value() == step for line in panel.cursors.values())
            lo, hi = panel.plots["loss"].getViewBox().viewRange()[0]
            assert hi == pytest.approx(spec.steps, rel=0.05)
        assert panel.scale.mode == "symlog"  # it did change scale on the way
    finally:
        recorder.close()


def test_the_curves_text_follows_the_interfaces_font_scale(qtbot, qapp, panel):
    """Ctrl+= scales the interface's font; the curves kept a fixed size."""
    tick = lambda: panel.plots["loss"].getAxis("left").style["tickFont"].pointSizeF()  # noqa: E731
    before, font = tick(), qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    try:
        qtbot.waitUntil(lambda: tick() > 1.3 * before)
        assert panel.key_label.font().pointSizeF() == pytest.approx(tick())
    finally:
        qapp.setFont(font)
    qtbot.waitUntil(lambda: tick() == pytest.approx(before))


def test_hovering_past_the_step_reached_reads_dashes(qtbot, model, panel):
    """The step axis spans the whole race: beyond the current step nothing is known."""
    model.advance(40)
    panel.show_hover("loss", 600)
    text = panel.hover_text.textItem.toPlainText()
    assert all(f"{r.label}: —" in text for r in model.spec.runs if r.enabled)
    panel.show_hover("loss", 40)
    assert "—" not in panel.hover_text.textItem.toPlainText()
