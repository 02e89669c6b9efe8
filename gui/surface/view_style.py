"""How large the surface view draws its text, trails and markers.

One number, the view's *scale*, multiplies every size the view draws: 1 on
the desk, ``PRESENTATION_SCALE`` on a projector, and for an exported picture
``export_scale(width, height)``, so text in a 1280 × 720 video is as large
against the picture as it is in the window, legend included.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

#: The view's sizes at scale 1 (points for text, pixels for lines and markers).
TRAIL_PX, START_PX, AXIS_PT, TITLE_PT, LEGEND_PT, STEP_PT = 2.0, 18, 10.0, 12.0, 10.0, 10.0
#: The "computing" note over a surface being built.
NOTE_PT = 13.0
#: Presentation mode draws everything this much larger.
PRESENTATION_SCALE = 1.6
#: An exported picture of this size has the window's sizes; larger ones scale up.
EXPORT_REFERENCE = (900, 560)


def export_scale(width: int, height: int) -> float:
    """Text and line scale for a ``width × height`` picture: 1 up to
    ``EXPORT_REFERENCE``, then in proportion to the smaller of the two ratios."""
    return max(1.0, min(width / EXPORT_REFERENCE[0], height / EXPORT_REFERENCE[1]))


def apply_scale(view, scale: float) -> None:
    """Draw ``view`` (a ``SurfaceView``) at ``scale``: fonts, trail width, heads,
    start marker, legend text. Its ``drawn_scale`` says which scale it shows."""
    view.drawn_scale = float(scale)
    font = view.font()
    font.setPointSizeF(AXIS_PT * scale)
    axes = [view.plot.getAxis(n) for n in ("left", "bottom")]
    axes += [view.line_plot.getAxis(n) for n in ("left", "bottom")]
    for axis in (*axes, view.colorbar.axis):
        axis.setTickFont(font)
        axis.label.setFont(font)
    view.colorbar.axis.setWidth(QFontMetrics(font).horizontalAdvance("−0.00000") + 24 * scale)
    view.trails.set_width(TRAIL_PX * scale)
    _size_target(view.start_marker, START_PX * scale)
    view.legend.set_text_size(LEGEND_PT * scale)
    step_font = view.font()
    step_font.setPointSizeF(STEP_PT * scale)
    view.step_text.setFont(step_font)
    view.computing.set_scale(scale)
    view.refresh_titles()
    view._redraw_runs()


def _size_target(marker, pixels: float) -> None:
    """A ``pg.TargetItem``'s symbol size; it keeps it in ``.scale`` (a number,
    hiding QGraphicsItem's method) and has no setter."""
    marker.prepareGeometryChange()
    marker.scale = pixels
    marker._shape = None
    marker.update()
