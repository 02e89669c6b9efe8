"""``SurfaceView.render_image`` draws the settled layout from its first call.

Axes size themselves to their labels when first painted, and the layout
follows in posted events: a first grab used to come out laid out unlike
every later one, so an animation exported from the window (which returns to
the event loop between frames) jumped after its first frames.
"""

import numpy as np
from PySide6.QtCore import QCoreApplication

from gui.export.animation import qimage_to_rgb
from gui.surface.surface_view import SurfaceView


def _frames_with_events_between(view, n=3):
    out = []
    for _ in range(n):
        # Small enough that the y-axis labels ("-1 … 3") need less than the axis'
        # first width: the layout then changes after the first paint.
        out.append(qimage_to_rgb(view.render_image(160, 120)))
        QCoreApplication.processEvents()
    return out


def test_a_hidden_view_renders_the_same_picture_every_time(qtbot, model):
    view = SurfaceView(model)
    qtbot.addWidget(view)
    first, *later = _frames_with_events_between(view)
    for frame in later:
        np.testing.assert_array_equal(frame, first)


def test_a_shown_view_renders_through_its_twin_the_same_every_time(qtbot, view):
    first, *later = _frames_with_events_between(view)
    for frame in later:
        np.testing.assert_array_equal(frame, first)
