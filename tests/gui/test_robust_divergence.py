"""Divergence everywhere, on screen: every optimizer × every toy surface × learning
rates 1e-6 … 1e3 and momentum up to 0.999, raced through the ExperimentModel and
drawn by a shown SurfaceView.

Nothing may raise or warn (numpy warnings and Qt warnings fail the test), every
frame renders, a diverged run is marked with its step and reason in the model's
traces, the legend and the heads, and a diverged run's far-away coordinates
change neither the view's range nor the colour bar's levels.
"""

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from gui.model.experiment import ExperimentModel
from gui.surface.surface_view import SurfaceView
from optim_core import optimizers, runner, surfaces
from optim_core.experiment import spec as spec_mod

LRS = (1e-6, 1e-3, 1.0, 1e3)
MOMENTUM = ("mu", "beta", "beta1", "rho")
REASONS = {runner.REASON_POINT, runner.REASON_BOX, runner.REASON_VALUE, runner.REASON_GRAD,
           runner.REASON_LOSS}
#: Steps before the rates are turned (a student moving the slider mid-race), and after.
WARM, FRAMES, STEPS_PER_FRAME = 20, 3, 90


def settings() -> list[tuple[str, float | None, float | None]]:
    """``(kind, lr, momentum)``: every kind at every rate, with its momentum-like
    parameters at their default and at 0.999 (None: the kind has no such parameter)."""
    out = []
    for kind in optimizers.names():
        names = {h.name for h in optimizers.hyper_specs(kind)}
        for lr in LRS if "lr" in names else (None,):
            for mom in (None, 0.999) if names & set(MOMENTUM) else (None,):
                out.append((kind, lr, mom))
    return out


def racing_model(surface: str) -> ExperimentModel:
    spec = spec_mod.ExperimentSpec(
        surface=spec_mod.SurfaceSpec(name=surface, resolution=32), steps=10_000,
        view=spec_mod.ViewSpec(contours=6))
    for kind, lr, mom in settings():
        spec.runs.append(spec_mod.default_run(kind, f"{kind} η={lr} μ={mom}",
                                              used_colors=[r.color for r in spec.runs]))
    return ExperimentModel(spec)


def turn_the_knobs(model: ExperimentModel) -> None:
    """Every run to its rate and momentum, mid-race, through ``set_hyper``."""
    with model.batch():
        for i, (_kind, lr, mom) in enumerate(settings()):
            if lr is not None:
                model.set_hyper(i, "lr", lr)
            for name in MOMENTUM:
                if mom is not None and name in model.spec.runs[i].hyper:
                    model.set_hyper(i, name, mom)


def render(view: SurfaceView) -> QImage:
    """One frame, as the screen would get it; the trail layer must have painted it."""
    view.trails.points_painted = -1
    image = view.canvas.grab().toImage()
    assert not image.isNull() and image.width() == view.canvas.width()
    assert view.trails.points_painted >= 0  # the trails were drawn in this frame
    return image


def assert_marked(view: SurfaceView, model: ExperimentModel) -> int:
    """Every diverged run is marked (trace, legend, tooltip, head); returns how many."""
    traces = model.traces()
    labels = view.legend.labels()
    _points, _colors, stopped = view.heads.heads()
    # Heads are drawn last run first (the first run on top).
    assert stopped.tolist() == [bool(tr.diverged_at[0] >= 0) for tr in reversed(traces)]
    dead = 0
    for tr, text, (_sample, label_item) in zip(traces, labels, view.legend.item.items,
                                               strict=True):
        assert np.isfinite(tr.points).all() and np.isfinite(tr.values).all()
        step, reason = int(tr.diverged_at[0]), str(tr.reasons[0])
        if step < 0:
            assert reason == "" and "diverged" not in text
            continue
        dead += 1
        assert 1 <= step <= model.step
        assert reason in REASONS
        assert f"diverged at step {step}" in text
        assert reason in label_item.toolTip() and str(step) in label_item.toolTip()
        np.testing.assert_array_equal(tr.points[-1, 0], tr.head[0])  # frozen where it stopped
    return dead


@pytest.mark.parametrize("name", surfaces.names())
def test_every_optimizer_and_rate_runs_draws_and_marks_divergence(qtbot, name):
    model = racing_model(name)
    view = SurfaceView(model)
    qtbot.addWidget(view)
    view.resize(480, 400)
    view.show()
    qtbot.waitExposed(view)
    (x0, x1), (y0, y1) = model.surface.bounds
    rect, levels = view.viewbox.viewRect(), view.colorbar.levels()
    assert rect.contains(QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(1e-9, 1e-9, -1e-9, -1e-9))
    assert np.isfinite(levels).all() and levels[0] < levels[1]
    model.advance(WARM)
    render(view)
    turn_the_knobs(model)
    for _ in range(FRAMES):
        model.advance(STEPS_PER_FRAME)
        image = render(view)
        assert view.step_text.toPlainText() == f"step {model.step}"
    assert model.step == WARM + FRAMES * STEPS_PER_FRAME
    dead = assert_marked(view, model)
    assert 0 < dead < len(model.spec.runs)  # η = 1e3 blows something up; η = 1e-6 never does
    # The race never moves the camera or rescales the colours.
    assert view.viewbox.viewRect() == rect
    assert view.colorbar.levels() == levels
    pixels = np.frombuffer(image.constBits(), np.uint8)
    assert pixels.std() > 0  # a picture, not a blank frame


def test_a_classifier_slice_survives_huge_rates_and_momentum(qtbot):
    """Scores overflow far out on a slice (exp of 1e5): the runs stop, the slice's
    picture and the camera stay as they were."""
    spec = spec_mod.ExperimentSpec(
        surface=spec_mod.SurfaceSpec(name="classifier", resolution=32, slice=spec_mod.SliceSpec(
            batch_size=32)), steps=10_000)
    for kind, hyper in (("sgd", {"lr": 1e3}), ("momentum", {"lr": 1e3, "mu": 0.999}),
                        ("adam", {"lr": 1e3, "beta1": 0.999}), ("newton", {"lr": 1e3}),
                        ("sgd", {"lr": 1e-6})):
        spec.runs.append(spec_mod.default_run(kind, f"{kind} {hyper}",
                                              used_colors=[r.color for r in spec.runs], **hyper))
    model = ExperimentModel(spec)
    view = SurfaceView(model)
    qtbot.addWidget(view)
    view.resize(480, 400)
    view.show()
    qtbot.waitUntil(lambda: model.grid is not None and not model.grid.preview and not model.busy,
                    timeout=20_000)
    render(view)
    rect, levels = view.viewbox.viewRect(), view.colorbar.levels()
    for _ in range(3):
        model.advance(40)
        render(view)
    traces = model.traces()
    assert [tr.diverged_at[0] >= 0 for tr in traces] == [True, True, True, True, False]
    assert assert_marked(view, model) == 4
    assert view.viewbox.viewRect() == rect and view.colorbar.levels() == levels
    assert np.isfinite(levels).all()
