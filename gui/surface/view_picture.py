"""A SurfaceView's current state as a picture of any size, by the view's own drawing.

``render(view, width, height) -> QImage``: a view on screen renders through a
hidden twin (made once, kept as ``view.picture_twin``) so the window does not
jump; a hidden one, or one shown off screen (a recording's), resizes itself. A picture narrower than
``MIN_LAYOUT_WIDTH`` is laid out at that width and scaled down, so its
legend, axes and colour bar keep their proportions instead of covering the
surface. Text scales with the picture (``view_style.export_scale``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QImage, QPixmap

from gui.surface import view_style

#: Narrowest layout a rendered picture gets.
MIN_LAYOUT_WIDTH = 560


def render(view, width: int, height: int) -> QImage:
    """``view`` (a SurfaceView) drawn at ``width × height``, RGB32."""
    scale = max(1.0, MIN_LAYOUT_WIDTH / width)
    image = _render(view, round(width * scale), round(height * scale))
    if scale > 1.0:
        image = image.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def _render(view, width: int, height: int) -> QImage:
    target = view
    off_screen = view.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    if view.isVisible() and not off_screen:
        if view.picture_twin is None:
            view.picture_twin = type(view)(view.model)
        target = view.picture_twin
        target.viewbox.setRange(rect=view.viewbox.viewRect(), padding=0)
    scale = view.text_scale * view_style.export_scale(width, height)
    if target.drawn_scale != scale:
        view_style.apply_scale(target, scale)
    if not target.isVisible():
        target.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        target.show()
    target.resize(width, height)
    return _grab_settled(target).toImage().convertToFormat(QImage.Format.Format_RGB32)


def _grab_settled(view, tries: int = 4) -> QPixmap:
    """Grab, and grab again while the layout still moves: axes size themselves
    to their labels when first painted and the layout follows in posted
    events, so a first grab came out laid out unlike every later one (an
    animation's first frames jumped whenever the event loop ran between
    frames, as in the window's export)."""
    for _ in range(tries):
        view.canvas.ci.layout.activate()
        before = view.viewbox.sceneBoundingRect()
        pixmap = view.grab()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if view.viewbox.sceneBoundingRect() == before:
            break
        for item in view.canvas.scene().items():
            item.update()  # cached items were drawn for the old layout
    return pixmap
