"""SurfaceView driven with the mouse: start points, drags, the legend, what is drawn."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

LEFT = Qt.MouseButton.LeftButton


def move(widget, pos: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A mouse move with the left button held (and ``modifiers``), as a user drags."""
    glob = widget.mapToGlobal(pos)
    ev = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(glob), Qt.MouseButton.NoButton,
                     LEFT, modifiers)
    QApplication.sendEvent(widget, ev)


def drag(qtbot, view, path, modifiers=Qt.KeyboardModifier.NoModifier, during=None):
    """Press at ``path[0]`` (surface coordinates), move through the rest, release.
    ``during()`` is called after every move, before the release."""
    vp = view.canvas.viewport()
    points = [view.viewport_point(x, y) for x, y in path]
    qtbot.mousePress(vp, LEFT, modifiers, points[0])
    for p in points[1:]:
        move(vp, p, modifiers)
        if during:
            during()
    qtbot.mouseRelease(vp, LEFT, modifiers, points[-1])


def pixel_size(view):
    px, py = view.viewbox.viewPixelSize()
    return max(abs(px), abs(py))


def test_click_sets_the_start(qtbot, view, model):
    model.advance(20)
    qtbot.mouseClick(view.canvas.viewport(), LEFT, pos=view.viewport_point(0.5, -0.5))
    np.testing.assert_allclose(model.starts, [[0.5, -0.5]], atol=2 * pixel_size(view))
    assert model.step == 0
    assert view.start_marker.isVisible()
    np.testing.assert_allclose([view.start_marker.pos().x(), view.start_marker.pos().y()],
                               model.starts[0])


def test_dragging_the_start_marker_reruns_the_race_during_the_drag(qtbot, view, model):
    model.advance(60)
    x0, y0 = model.starts[0]
    heads = []

    def during():  # the recompute lands as soon as the event loop turns
        old = model.race
        qtbot.waitUntil(lambda: model.race is not old, timeout=2000)
        heads.append(model.traces()[0].head.copy())

    drag(qtbot, view, [(x0, y0), (x0 + 0.1, y0 + 0.1), (x0 + 0.3, y0 + 0.3), (0.0, 2.0)],
         during=during)
    assert model.step == 60  # recomputed to the current step, not reset
    # every move during the drag produced a new race, each different from the last
    assert len(heads) == 3
    assert not np.allclose(heads[0], heads[1]) and not np.allclose(heads[1], heads[2])
    np.testing.assert_allclose(model.starts, [[0.0, 2.0]], atol=2 * pixel_size(view))
    # and the view drew the new trails: the trail layer starts at the new start
    first = view.trails.trails()[0].points[0]
    np.testing.assert_allclose(first, model.starts[0])


def test_shift_drag_seeds_an_n_by_n_grid(qtbot, view, model):
    model.set_grid_n(4)
    view.legend.item.hide()  # it may sit where the drag starts (it keeps off the valley)
    drag(qtbot, view, [(-1.5, -0.5), (-0.5, 0.5), (1.0, 2.0)], Qt.KeyboardModifier.ShiftModifier)
    starts = model.starts
    assert starts.shape == (16, 2)
    tol = 2 * pixel_size(view)
    np.testing.assert_allclose(starts.min(axis=0), [-1.5, -0.5], atol=tol)
    np.testing.assert_allclose(starts.max(axis=0), [1.0, 2.0], atol=tol)
    assert not view.start_marker.isVisible()
    assert len(view.start_grid.data) == 16
    model.advance(3)
    assert len(view.trails.trails()) == 16 * len(model.spec.runs)


def test_plain_drag_pans_and_keeps_the_start(qtbot, view, model):
    start = model.starts.copy()
    before = view.viewbox.viewRect()
    drag(qtbot, view, [(0.5, -0.5), (0.3, -0.4), (0.0, -0.2)])
    assert view.viewbox.viewRect() != before
    np.testing.assert_allclose(model.starts, start)


def test_legend_follows_add_duplicate_remove(view, model):
    assert view.legend.labels() == ["SGD", "Momentum", "RMSprop", "Adam"]
    i = model.add_run("nesterov")
    model.duplicate_run(i)
    assert view.legend.labels()[-2:] == ["Nesterov", "Nesterov 2"]
    model.remove_run(1)
    assert view.legend.labels() == ["SGD", "RMSprop", "Adam", "Nesterov", "Nesterov 2"]


def test_clicking_a_legend_entry_hides_the_run(qtbot, view, model):
    sample, _label = view.legend.item.items[2]
    scene_pos = sample.mapToScene(sample.boundingRect().center())
    qtbot.mouseClick(view.canvas.viewport(), LEFT, pos=view.canvas.mapFromScene(scene_pos))
    assert not model.spec.runs[2].enabled


def test_a_diverging_run_shows_its_mark_and_reason_while_the_others_go_on(view, model):
    model.set_hyper(0, "lr", 1.0)
    model.advance(40)
    labels = view.legend.labels()
    assert "diverged at step" in labels[0]
    assert all("diverged" not in t for t in labels[1:])
    points, colors, stopped = view.heads.heads()  # drawn last run first: SGD on top
    assert stopped.tolist() == [False, False, False, True]  # a cross for SGD, dots for the rest
    assert colors == [r.color for r in reversed(model.spec.runs)]
    np.testing.assert_allclose(points, [tr.head[0] for tr in reversed(model.traces())])
    sample, label = view.legend.item.items[0]
    assert model.traces()[0].reasons[0] in label.toolTip()
    model.advance(10)
    assert all(tr.steps[-1] == 50 for tr in model.traces()[1:])


def test_cursor_readout_reports_f_and_gradient_norm(qtbot, view, model):
    seen = []
    view.readout_changed.connect(seen.append)
    qtbot.mouseMove(view.canvas.viewport(), view.viewport_point(0.0, 0.0))
    assert seen
    parts = dict(p.split(" = ") for p in seen[-1].split("   "))
    x, y = float(parts["x"]), float(parts["y"])
    assert abs(x) < 2 * pixel_size(view) and abs(y) < 2 * pixel_size(view)
    f, gn = model.probe(x, y)  # x, y were shown to 4 digits: compare to 1 %
    assert float(parts["f"]) == pytest.approx(f, rel=1e-2)
    assert float(parts["|∇f|"]) == pytest.approx(gn, rel=1e-2)


def test_colormap_and_log_scale_reach_the_picture(view, model):
    assert view.layer.scale.log  # Rosenbrock's range is wide: automatic log colour
    model.set_view(log_color=False, colormap="magma", contours=5)
    assert not view.layer.scale.log and len(view.layer.levels) == 5
    lut = view.layer.image.lut
    assert lut is not None


def test_a_small_picture_keeps_the_layout_of_a_readable_one(view, model):
    """Below MIN_LAYOUT_WIDTH a picture is the readable layout scaled down, not
    a cramped layout whose legend and colour bar cover the surface."""
    from gui.surface.view_picture import MIN_LAYOUT_WIDTH

    model.advance(100)
    w, h = MIN_LAYOUT_WIDTH // 2, MIN_LAYOUT_WIDTH * 3 // 8
    small = view.render_image(w, h)
    assert (small.width(), small.height()) == (w, h)
    big = view.render_image(MIN_LAYOUT_WIDTH, MIN_LAYOUT_WIDTH * 3 // 4).scaled(
        w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    a = np.array([[small.pixelColor(x, y).getRgb()[:3] for x in range(w)] for y in range(h)])
    b = np.array([[big.pixelColor(x, y).getRgb()[:3] for x in range(w)] for y in range(h)])
    assert np.abs(a.astype(int) - b).max() <= 2


def test_render_image_has_the_requested_size_and_shows_trails(view, model):
    model.advance(100)
    img = view.render_image(480, 360)
    assert (img.width(), img.height()) == (480, 360)
    assert view.size().width() == 640  # the live view was not disturbed
    colors = {img.pixelColor(x, y).name() for x in range(0, 480, 4) for y in range(0, 360, 4)}
    assert len(colors) > 50


def test_a_loaded_experiment_moves_the_start_marker_to_its_start(view, model):
    from optim_core.experiment import file as ef

    preset = next(p for p in ef.presets() if p.name.startswith("typed_ravine"))
    model.load_spec(ef.load(preset))
    pos = view.start_marker.pos()
    assert (pos.x(), pos.y()) == tuple(model.spec.starts[0]) == (-2.5, 1.0)
