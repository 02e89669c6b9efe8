"""The legend stays out of the way: a whole entry toggles its run, it holds still
under a drag, it keeps to the emptiest corner, and it scales with an export."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from gui.surface.legend_place import CORNERS, covered, emptiest_corner, places_over

LEFT = Qt.MouseButton.LeftButton


def _viewport_pos(view, item, where: QPointF):
    return view.canvas.mapFromScene(item.mapToScene(where))


def test_a_click_on_a_label_toggles_its_run_and_leaves_the_start(qtbot, view, model):
    qtbot.waitUntil(lambda: len(view.legend.item.items) == len(model.spec.runs))
    _, label = view.legend.item.items[1]
    start = model.starts.copy()
    centre = label.boundingRect().center()
    qtbot.mouseClick(view.canvas.viewport(), LEFT, pos=_viewport_pos(view, label, centre))
    assert not model.spec.runs[1].enabled
    assert (model.starts == start).all()
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a second click, not a double one
    _, label = view.legend.item.items[1]
    qtbot.mouseClick(view.canvas.viewport(), LEFT, pos=_viewport_pos(view, label, centre))
    assert model.spec.runs[1].enabled


def test_a_drag_cannot_move_the_legend(qtbot, view, model):
    item = view.legend.item
    before, view_range = item.pos(), view.viewbox.viewRange()
    vp = view.canvas.viewport()
    a = _viewport_pos(view, item, item.boundingRect().center())
    qtbot.mousePress(vp, LEFT, pos=a)
    for dx in range(0, 300, 20):
        qtbot.mouseMove(vp, a + type(a)(-dx, dx))
    qtbot.mouseRelease(vp, LEFT, pos=a + type(a)(-300, 300))
    assert item.pos() == before
    assert view.viewbox.viewRange() == view_range


def test_the_emptiest_corner_wins_and_ties_keep_the_legend_still():
    view, box = (400, 300), (100, 60)
    top_right = np.array([[350.0, 30.0]] * 5)
    assert emptiest_corner(top_right, view, box, current=(1, 0)) != (1, 0)
    assert emptiest_corner(np.zeros((0, 2)), view, box, current=(0, 1)) == (0, 1)
    everywhere = np.array([[x, y] for x in (50, 200, 350) for y in (30, 150, 270)], float)
    assert emptiest_corner(everywhere, view, box, current=(1, 1)) == (1, 1)


def test_between_a_valleys_branches_the_top_edge_beats_every_corner():
    view, box = (400, 300), (100, 60)
    branches = np.array([[x, y] for x in (30, 370) for y in range(10, 300, 10)], float)
    floor = np.array([[x, 280.0] for x in range(30, 380, 10)])
    points = np.concatenate([branches, floor])
    assert all(covered(points, view, box, c, 8) > 0 for c in CORNERS)
    assert emptiest_corner(points, view, box, current=(1, 0)) == (0.5, 0)
    # a wider legend there would overlap the step counter at the top left
    wide, counter = (260, 60), (8, 4, 90, 30)
    blocked = places_over(counter, view, wide, 8)
    assert (0.5, 0) in blocked and (0, 0) in blocked and (1, 0) not in blocked
    assert emptiest_corner(points, view, wide, (0.5, 0), 8, blocked) not in blocked


def test_six_runs_on_rosenbrock_leave_the_legend_where_they_are_not(qtbot, view, model):
    for kind in ("nesterov", "adagrad"):
        model.add_run(kind)
    model.advance(400)
    view._redraw_runs()
    legend = view.legend
    vb = view.viewbox
    pts = np.concatenate([tr.points.reshape(-1, 2) for tr in model.traces() if len(tr.points)])
    pixels = np.array([[p.x(), p.y()] for p in
                       (vb.mapFromView(QPointF(*xy)) for xy in pts)])
    size = (vb.boundingRect().width(), vb.boundingRect().height())
    box = (legend.item.width(), legend.item.height())
    here = covered(pixels, size, box, legend.corner, 8)
    assert here <= min(covered(pixels, size, box, c, 8) for c in CORNERS if c != (0, 0))


def test_legend_text_grows_with_the_exported_picture(qtbot, view, model):
    view.render_image(900, 560)
    small = view.picture_twin.legend.item.height() / 560
    view.render_image(1800, 1120)
    large = view.picture_twin.legend.item.height() / 1120
    assert large == pytest.approx(small, rel=0.25)
