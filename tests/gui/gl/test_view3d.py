"""The 3-D view on a real OpenGL context: what it draws, and that it follows the model."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from gui.surface3d import camera as cam
from tests.gui.gl.conftest import grab, near_colour

LEFT = Qt.MouseButton.LeftButton
MAGENTA = "#ff00ff"  # in no colour map: a pixel this colour is the trail


def lut_distance(rgb: np.ndarray, name: str) -> np.ndarray:
    """``(N,)`` distance of each colourful pixel of ``rgb`` to the nearest entry of
    colour map ``name``."""
    c = rgb.reshape(-1, 3).astype(int)
    colourful = c[(c.max(1) - c.min(1)) > 40]
    lut = pg.colormap.get(name).getLookupTable(nPts=256, alpha=False).astype(int)
    d = np.abs(colourful[:, None, :] - lut[None, :, :]).max(-1)
    return d.min(axis=1)


def test_the_surface_is_drawn_in_the_colour_maps_colours(view3d, model):
    rgb = grab(view3d)
    colourful = (rgb.max(-1).astype(int) - rgb.min(-1)) > 40
    assert colourful.mean() > 0.15  # not blank: the mesh covers a good part of the view
    assert np.mean(lut_distance(rgb, "viridis") <= 12) > 0.9
    model.set_view(colormap="magma")
    rgb = grab(view3d)
    assert np.mean(lut_distance(rgb, "magma") <= 12) > 0.9
    assert np.mean(lut_distance(rgb, "viridis") <= 12) < 0.5


def one_magenta_run(model):
    for i in range(1, len(model.spec.runs)):
        model.set_run_enabled(i, False)
    model.set_run_color(0, MAGENTA)
    model.set_hyper(0, "lr", 1e-3)


def look_down(view3d):
    """A camera straight above: nothing of the trail is hidden behind the mesh."""
    view3d.set_camera(cam.HOME._replace(elevation=90.0, azimuth=-90.0))


def trail_pixels(view3d) -> np.ndarray:
    (color, pts), = [s for s in view3d.race.shown if s[0] == MAGENTA]
    return view3d.project(pts[:: max(1, len(pts) // 40)])


def test_a_trail_appears_where_its_points_project(view3d, model):
    one_magenta_run(model)
    look_down(view3d)
    model.advance(150)
    pixels = trail_pixels(view3d)
    rgb = grab(view3d)
    hits = near_colour(rgb, pixels, MAGENTA)
    assert hits.mean() > 0.85
    # and not just anywhere: a copy of the trail shifted by 40 px finds none
    assert near_colour(rgb, pixels + [40, 25], MAGENTA).mean() < 0.1


def test_toggling_a_run_hides_it_in_both_views(qtbot, active_window):
    window = active_window
    model = window.model
    one_magenta_run(model)
    model.set_run_enabled(1, True)
    view3d = show_3d(qtbot, window)
    look_down(view3d)
    model.advance(120)
    pixels = trail_pixels(view3d)
    assert near_colour(grab(view3d), pixels, MAGENTA).mean() > 0.85
    window.optimizer_panel.rows[0].enabled_box.click()  # as a user unticks the run
    assert not model.spec.runs[0].enabled
    assert MAGENTA not in [c for c, _ in view3d.race.shown]
    assert all(t.color != MAGENTA for t in window.view.trails.trails())
    assert near_colour(grab(view3d), pixels, MAGENTA).mean() < 0.05
    window.optimizer_panel.rows[0].enabled_box.click()
    assert MAGENTA in [c for c, _ in view3d.race.shown]


def show_3d(qtbot, window):
    """F3, as a user presses it; returns the 3-D view once both views are laid out."""
    room = window.view.width()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    view3d = window.surface3d.view
    reactivate(qtbot, window)
    qtbot.waitUntil(lambda: view3d.mesh is not None and view3d.isVisible()
                    and abs(window.view.width() - room / 2) < 0.1 * room)
    return view3d


def reactivate(qtbot, window):
    """The first GL widget in a shown window makes Qt recreate the window, which
    loses the keyboard focus; a window manager would give it back."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def drag_2d(qtbot, view, path):
    vp = view.canvas.viewport()
    points = [view.viewport_point(x, y) for x, y in path]
    qtbot.mousePress(vp, LEFT, Qt.KeyboardModifier.NoModifier, points[0])
    for p in points[1:]:
        send_move(vp, p)
    qtbot.mouseRelease(vp, LEFT, Qt.KeyboardModifier.NoModifier, points[-1])


def send_move(widget, pos: QPoint, buttons=LEFT, modifiers=Qt.KeyboardModifier.NoModifier):
    glob = widget.mapToGlobal(pos)
    ev = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(glob), Qt.MouseButton.NoButton,
                     buttons, modifiers)
    QApplication.sendEvent(widget, ev)


def test_a_start_dragged_in_2d_moves_the_trail_in_3d(qtbot, active_window):
    window = active_window
    model = window.model
    one_magenta_run(model)
    view3d = show_3d(qtbot, window)
    look_down(view3d)
    model.set_start(0.0, 2.0)  # in the middle: inside the 2-D view, however narrow
    model.advance(80)
    before = trail_pixels(view3d)
    drag_2d(qtbot, window.view, [(0.0, 2.0), (0.1, 1.2), (0.2, 0.5)])
    np.testing.assert_allclose(model.starts, [[0.2, 0.5]], atol=0.05)
    assert model.step == 80
    start3d = view3d.race.shown[0][1][0]
    expected = view3d.mesh.scene_points(model.starts)[0]
    np.testing.assert_allclose(start3d[:2], expected[:2], atol=1e-5)
    after = trail_pixels(view3d)
    rgb = grab(view3d)
    assert near_colour(rgb, after, MAGENTA).mean() > 0.85
    assert np.linalg.norm(after[0] - before[0]) > 20  # the trail's start moved on screen


def test_home_resets_the_camera_after_orbit_pan_and_zoom(qtbot, view3d):
    home = view3d.camera()
    first = grab(view3d)
    canvas = view3d.canvas
    centre = QPoint(canvas.width() // 2, canvas.height() // 2)
    qtbot.mousePress(canvas, LEFT, pos=centre)
    send_move(canvas, centre + QPoint(60, 20))
    qtbot.mouseRelease(canvas, LEFT, pos=centre + QPoint(60, 20))
    ev_pos = QPointF(centre)
    wheel = pg.QtGui.QWheelEvent(ev_pos, QPointF(canvas.mapToGlobal(centre)), QPoint(0, 0),
                                 QPoint(0, 240), Qt.MouseButton.NoButton,
                                 Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                                 False)
    QApplication.sendEvent(canvas, wheel)
    moved = view3d.camera()
    assert moved.azimuth != home.azimuth and moved.distance < home.distance
    assert np.abs(grab(view3d).astype(int) - first).mean() > 2
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    np.testing.assert_allclose(np.r_[view3d.camera()[0], view3d.camera()[1:]],
                               np.r_[cam.HOME[0], cam.HOME[1:]], rtol=1e-6)
    np.testing.assert_array_equal(grab(view3d), first)


def test_f3_puts_3d_beside_2d_and_shift_f3_instead(qtbot, active_window):
    window = active_window
    action = window.actions["view_3d"]
    assert action.isEnabled() and not action.isChecked()
    room = window.view.width()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    view3d = window.surface3d.view
    assert action.isChecked() and view3d.isVisible() and window.view.isVisible()
    # the two views share the room the 2-D view had; the docks keep theirs
    qtbot.waitUntil(lambda: abs(window.centralWidget().width() - room) <= 4)
    assert min(window.view.width(), view3d.width()) > 0.4 * room
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view3d.isVisible() and not window.view.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert not view3d.isVisible() and window.view.isVisible()


def test_axes_say_a_b_l_on_a_classifier_slice_and_the_preview_comes_first(qtbot, view3d,
                                                                        model):
    assert view3d.surface_items.names == ("x", "y", "f")
    model.set_resolution(128)
    sizes = []
    model.grid_ready.connect(lambda: sizes.append(len(view3d.mesh.x)))
    model.set_surface("classifier")
    qtbot.waitUntil(lambda: model.grid is not None and not model.grid.preview
                    and not model.busy, timeout=60_000)
    assert sizes[0] < sizes[-1]  # the coarse preview's mesh, then the full one
    assert view3d.surface_items.names == ("a", "b", "L")
    assert "L" in view3d.info.text()


def test_a_hyper_parameter_change_reshapes_the_trail(view3d, model):
    one_magenta_run(model)
    model.advance(100)
    before = view3d.race.shown[0][1].copy()
    model.set_hyper(0, "lr", 3e-3)
    model.advance(20)
    after = view3d.race.shown[0][1]
    assert len(after) != len(before) or not np.allclose(after[-1], before[-1])


def test_height_transform_choice_rebuilds_the_mesh_and_says_so(view3d):
    assert view3d.mesh.height.kind == "log"  # Rosenbrock's wide range: auto picks log
    view3d.height_box.setCurrentIndex(view3d.height_box.findData("linear"))
    assert view3d.mesh.height.kind == "linear"
    assert "height: f" in view3d.info.text()


def test_trails_grown_frame_by_frame_are_draped_as_if_afresh(view3d, model):
    for _ in range(40):
        model.advance(3)
    traces = [t for t in model.traces() if t.enabled]
    shown = dict(view3d.race.shown)
    for tr in traces:
        np.testing.assert_allclose(shown[tr.color], view3d.mesh.drape(tr.points[:, 0, :]),
                                   atol=1e-6)
    model.reset()  # not growth: drawn afresh from the new history
    assert all(len(pts) <= 2 for _, pts in view3d.race.shown)


def test_home_in_the_window_resets_the_3d_camera_too(qtbot, active_window):
    window = active_window
    view3d = show_3d(qtbot, window)
    view3d.set_camera(cam.HOME._replace(azimuth=10.0, distance=2.0))
    view3d.canvas.setFocus()
    qtbot.keyClick(view3d.canvas, Qt.Key.Key_Home)
    np.testing.assert_allclose(view3d.camera()[1:], cam.HOME[1:], rtol=1e-6)


def test_mini_batch_noise_shows_in_the_3d_trail(qtbot, view3d, model):
    model.set_surface("classifier")
    model.set_slice(batch_size=16)

    def ready():
        return (model.grid is not None and not model.grid.preview and not model.busy
                and not model.rebuilding)

    qtbot.waitUntil(ready, timeout=60_000)
    model.advance(40)
    tr = next(t for t in model.traces() if t.enabled)
    shown = dict(view3d.race.shown)[tr.color]
    np.testing.assert_allclose(shown, view3d.mesh.drape(tr.points[:, 0, :]), atol=1e-6)
    # the noisy steps: the path turns far more than a full-batch descent would
    turns = np.diff(np.unwrap(np.arctan2(*np.diff(tr.points[:, 0, :], axis=0).T[::-1])))
    assert np.mean(np.abs(turns) > 0.3) > 0.2
