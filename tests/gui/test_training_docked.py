"""The classifier training tab docked at 1280 × 720, and its captions on the surface."""

import numpy as np
from PySide6.QtCore import Qt

from gui.model.training_state import ProjectedPath
from gui.panels.training_panel import TrainingPanel
from gui.surface.surface_view import SurfaceView
from gui.widgets.scrolling import scrolling


def test_docked_narrow_every_plot_and_the_table_can_be_seen(qtbot, model):
    """The dock column at 1280 × 720 is about 380 px wide: nothing runs off its
    right edge, the four plots stack at a readable height and the table has its tab."""
    panel = TrainingPanel(model)
    area = scrolling(panel)
    qtbot.addWidget(area)
    area.resize(380, 560)
    area.show()
    qtbot.waitExposed(area)
    width = area.viewport().width()
    assert panel.minimumSizeHint().width() <= width
    qtbot.waitUntil(lambda: panel.plots.columns == 1)
    for plot in (panel.plots.loss, panel.plots.acc, panel.plots.ratio, panel.plots.pca):
        rect = plot.sceneBoundingRect()
        assert rect.height() >= 150 and rect.right() <= panel.plots.width() + 1
    assert area.verticalScrollBar().maximum() > 0  # scrolled, not squeezed
    qtbot.mouseClick(panel.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=panel.tabs.tabBar().tabRect(1).center())
    assert panel.tabs.currentWidget() is panel.results
    assert panel.table.isVisible() and panel.table.width() <= width
    assert panel.table.height() >= 80


def drawn(caption):
    """Where ``caption`` is drawn: the view's matrix and a TextItem's own follow
    a range change when painted (as here)."""
    caption.getViewBox().updateMatrix()
    caption.updateTransform(force=True)
    return caption.sceneBoundingRect()


def test_captions_of_paths_ending_together_do_not_overlap(qtbot, model):
    view = SurfaceView(model)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    ab = np.array([[-1.0, 0.5], [0.0, 0.0]])
    paths = [ProjectedPath(f"run{k}", c, ab + 0.01 * k, 0.5 + 0.1 * k)
             for k, c in enumerate(("#ff7f0e", "#ffffff", "#d62728"))]
    model.training.show_projections(paths)
    captions = view.projections.captions
    assert len(captions) == 3
    rects = [drawn(c) for c in captions]
    for i in range(3):
        for j in range(i):
            assert not rects[i].intersects(rects[j]), (i, j)
    view.viewbox.scaleBy((0.5, 0.5))  # zoomed in: still apart
    qtbot.waitUntil(lambda: not any(drawn(a).intersects(drawn(b))
                                    for a in captions for b in captions if a is not b))


def test_a_caption_near_the_right_edge_stays_inside_the_view(qtbot, model):
    view = SurfaceView(model)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    (x0, x1), (y0, y1) = view.viewbox.viewRange()
    ab = np.array([[x0, y0], [x1 - 0.02 * (x1 - x0), 0.5 * (y0 + y1)]])
    model.training.show_projections([ProjectedPath("run1", "#ff7f0e", ab, 0.9)])
    caption = view.projections.captions[0]
    assert drawn(caption).right() <= view.viewbox.sceneBoundingRect().right()


def test_a_caption_too_long_for_either_side_of_its_star_stays_inside_the_view(qtbot, model):
    view = SurfaceView(model)
    qtbot.addWidget(view)
    view.resize(560, 500)
    view.show()
    qtbot.waitExposed(view)
    (x0, x1), (y0, y1) = view.viewbox.viewRange()
    ab = np.array([[x0, y0], [0.5 * (x0 + x1), 0.5 * (y0 + y1)]])
    model.training.show_projections([ProjectedPath("a long run label", "#ff7f0e", ab, 0.9)])
    rect, box = drawn(view.projections.captions[0]), view.viewbox.sceneBoundingRect()
    assert rect.width() > box.width() / 2  # it fits on neither side of the star alone
    assert box.left() <= rect.left() and rect.right() <= box.right()


def test_the_projection_table_shows_every_column_in_a_docked_column(qtbot):
    """Five columns were 430 px wide in a ~350 px dock: the losses were cut off."""
    from gui.panels.projection_table import ProjectionTable
    from optim_core.training.projection import PlaneProjection

    table = ProjectionTable()
    qtbot.addWidget(table)
    table.resize(350, 160)
    table.show()
    qtbot.waitExposed(table)
    ab = np.array([[0.0, 0.0], [0.00695, 0.0124]])
    p = PlaneProjection(ab=ab, off_plane=np.array([0.0, 1.42]), distance=np.array([0.0, 1.42]),
                        true_loss=np.array([2.3, 0.1531]), slice_loss=np.array([2.3, 0.1187]))
    table.set_projections({"Momentum μ=0.9": p}, {"Momentum μ=0.9": "#ffffff"})
    assert table.horizontalHeader().length() <= table.viewport().width()
    texts = [table.item(0, c).text() for c in range(table.columnCount())]
    assert "0.1531" in texts and "0.1187" in texts
    assert "(0.00695, 0.0124)" in table.item(0, 0).toolTip()  # where it is drawn


def wheel(widget, pos, dy=-120):
    """One wheel notch (down) at ``pos`` of ``widget``; True if something took it.
    Qt passes a wheel event nobody took to the parents (the dock's scroll area),
    but only a real one: this one is sent, so only whether it was taken is known."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(0, 0),
                        QPoint(0, dy), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_over_a_docked_plot_is_left_to_the_dock_and_leaves_the_plot(qtbot, model):
    from gui.panels.curves_panel import CurvesPanel

    for panel in (CurvesPanel(model), TrainingPanel(model)):
        canvas = panel.plots if isinstance(panel, TrainingPanel) else panel.canvas
        area = scrolling(panel)
        qtbot.addWidget(area)
        area.resize(380, 500)
        area.show()
        qtbot.waitExposed(area)
        for plot in canvas.grid_plots:
            before = plot.getViewBox().viewRange()
            centre = canvas.mapFromScene(plot.getViewBox().sceneBoundingRect().center())
            assert not wheel(canvas.viewport(), centre), type(panel).__name__
            assert plot.getViewBox().viewRange() == before
