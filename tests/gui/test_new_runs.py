"""New runs start well: a sensible η, caught up to the race at once, a finer η slider."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from gui.widgets.widgets import SliderSpin


def test_a_new_nesterov_on_rosenbrock_does_not_diverge(model):
    i = model.add_run("nesterov")
    model.advance(model.spec.steps)
    trace = model.traces()[i]
    assert (trace.diverged_at == -1).all(), trace.reasons
    assert trace.values[-1, 0] < trace.values[0, 0]


def test_a_new_run_takes_the_rate_of_a_run_of_its_kind(model):
    adam = next(r for r in model.spec.runs if r.kind == "adam")
    i = model.add_run("adam")
    assert model.spec.runs[i].hyper["lr"] == adam.hyper["lr"]


def test_a_run_added_after_the_race_ends_is_computed_up_to_the_step(qtbot, model):
    model.advance(model.spec.steps)
    end = model.step
    i = model.add_run("adagrad")
    qtbot.waitUntil(lambda: not model.rebuilding, timeout=10_000)
    trace = model.traces()[i]
    assert model.step == end and trace.steps[0] == 0 and trace.steps[-1] == end
    assert np.linalg.norm(trace.head[0] - model.starts[0]) > 1e-3


def _drag(qtbot, slider, dx: int, shift: bool = False) -> None:
    mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    y = slider.height() // 2
    a = QPoint(slider.width() // 2 - dx // 2, y)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, mods, a)
    for k in range(1, 11):  # moves carrying the modifier, as a real drag's do
        pos = QPointF(a.x() + dx * k // 10, y)
        QApplication.sendEvent(slider, QMouseEvent(
            QEvent.Type.MouseMove, pos, slider.mapToGlobal(pos), Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton, mods))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, mods, QPoint(a.x() + dx, y))


@pytest.mark.parametrize(("shift", "decades"), [(False, 1.0), (True, 0.1)])
def test_the_eta_slider_moves_a_decade_per_100_px_and_shift_a_tenth(qtbot, shift, decades):
    w = SliderSpin(1e-5, 10.0, 0.003, log=True)
    qtbot.addWidget(w)
    w.resize(300, 30)
    w.show()
    qtbot.waitExposed(w)
    seen = []
    w.value_changed.connect(seen.append)
    with qtbot.waitSignal(w.value_changed):
        _drag(qtbot, w.slider, 100, shift)
    assert math.log10(seen[-1] / 0.003) == pytest.approx(decades, rel=0.15)
