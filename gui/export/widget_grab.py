"""Drawing a recording's hidden widgets into pictures, by their own code.

``grab_widget`` draws a panel (or only its plot ``canvas``) at a given size
without showing it; ``minimum_size`` says how small that may be;
``paint_only_when_grabbed`` keeps the hidden views from painting for nothing
between frames.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsView, QWidget


def paint_only_when_grabbed(widget: QWidget) -> None:
    """A recording's hidden views draw only when a frame grabs them. Shown off
    screen, every change they saw was painted again by the event loop, for
    nothing: twice more a frame while the window's export ran between its
    events."""
    for view in (widget, *widget.findChildren(QGraphicsView)):
        if isinstance(view, QGraphicsView):
            view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.NoViewportUpdate)


def grab_widget(widget: QWidget, width: int, height: int) -> QImage:
    """``widget`` drawn by its own code at ``width × height``, without showing it.

    A panel with a ``canvas`` (its plots) is sized so the canvas gets the whole
    area, and only the canvas is drawn: the panel's controls stay out of the
    frame. A canvas already at that size is left as it is (resized back and
    forth, an animation's panel was laid out and painted again every frame).
    """
    if not widget.isVisible():
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        widget.show()
    target = getattr(widget, "canvas", widget)
    if (target.width(), target.height()) == (width, height):
        return target.grab().toImage()
    widget.resize(width, height)
    _activate(widget)
    if target is not widget:
        widget.resize(width + widget.width() - target.width(),
                      height + widget.height() - target.height())
        _activate(widget)
    return target.grab().toImage()


def minimum_size(widget: QWidget) -> tuple[float, float]:
    """The smallest size ``widget`` (or its plot ``canvas``) can be drawn at unclipped:
    a pyqtgraph canvas's plots need their titles and axes, which Qt's widget
    minimum does not know about."""
    canvas = getattr(widget, "canvas", None)
    layout = getattr(canvas, "ci", None)
    if layout is not None:
        size = layout.effectiveSizeHint(Qt.SizeHint.MinimumSize)
        return size.width(), size.height()
    size = widget.minimumSizeHint()
    return float(size.width()), float(size.height())


def _activate(widget: QWidget) -> None:
    if widget.layout() is not None:
        widget.layout().activate()
