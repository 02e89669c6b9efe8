"""The surface's ViewBox: click to place a start, Shift+drag to seed a grid,
double click (or Home) for the surface's own bounds, zoom kept near them."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

#: The closest zoom shows 1/ZOOM_IN of the bounds; the widest ZOOM_OUT times them.
ZOOM_IN, ZOOM_OUT = 1000.0, 3.0


class SurfaceViewBox(pg.ViewBox):
    """Left click emits ``clicked(x, y)``; Shift+left drag draws a dashed
    rectangle and emits ``rect_selected(QRectF)`` in surface coordinates on
    release. Plain drags pan and the wheel zooms, as in any pyqtgraph view, but
    only from a tenth of ``ZOOM_IN`` of the bounds to ``ZOOM_OUT`` times them
    (``set_home``). A double click emits ``double_clicked``, a right click
    ``menu_requested(screen position, x, y)``."""

    clicked = Signal(float, float)
    double_clicked = Signal()
    menu_requested = Signal(QPoint, float, float)
    rect_selected = Signal(QRectF)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.setMenuEnabled(False)  # the view's own menu (``view_menu``) replaces it
        self._home = None
        self._at_home = False
        self.sigResized.connect(self._on_resized)
        self.sigRangeChangedManually.connect(lambda *_: setattr(self, "_at_home", False))
        self._selecting = False
        self._band = QGraphicsRectItem()
        pen = QPen(QColor(255, 255, 255, 220), 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._band.setPen(pen)
        self._band.setBrush(QColor(255, 255, 255, 28))
        self._band.setZValue(1e6)
        self._band.hide()
        self.addItem(self._band, ignoreBounds=True)

    def set_home(self, bounds, box) -> None:
        """Show ``bounds`` ``((x0, x1), (y0, y1))``. Zoom and pan stay within
        ``ZOOM_OUT`` times the larger side around their centre (either axis:
        the aspect is locked and the view may be any shape) and inside ``box``
        ``(lo (2,), hi (2,))``, the divergence box, where a start still runs."""
        self._home = bounds
        (x0, x1), (y0, y1) = bounds
        (bx0, by0), (bx1, by1) = box
        reach = ZOOM_OUT * max(x1 - x0, y1 - y0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.setLimits(xMin=max(bx0, cx - reach / 2), xMax=min(bx1, cx + reach / 2),
                       yMin=max(by0, cy - reach / 2), yMax=min(by1, cy + reach / 2),
                       minXRange=(x1 - x0) / ZOOM_IN, minYRange=(y1 - y0) / ZOOM_IN,
                       maxXRange=reach, maxYRange=reach)
        self.go_home()

    def go_home(self) -> None:
        """Back to the surface's own bounds (Home, double click, View ▸ Reset view);
        they stay fitted as the view is resized until the user pans or zooms."""
        if self._home is not None:
            (x0, x1), (y0, y1) = self._home
            super().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            self._at_home = True

    def setRange(self, *args, **kwargs) -> None:  # noqa: N802 - pyqtgraph's name
        """Any other range (a zoom, a pan, an export's view) stays as set."""
        self._at_home = False
        super().setRange(*args, **kwargs)

    def _on_resized(self) -> None:
        if self._at_home:
            self.go_home()

    def mouseClickEvent(self, ev) -> None:
        p = self.mapSceneToView(ev.scenePos())
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            if ev.double():
                self.double_clicked.emit()
            else:
                self.clicked.emit(p.x(), p.y())
        elif ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self.menu_requested.emit(ev.screenPos().toPoint(), p.x(), p.y())
        else:
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            super().mouseDragEvent(ev, axis)
            return
        if ev.isStart():
            self._selecting = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if not self._selecting:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        a = self.mapSceneToView(ev.buttonDownScenePos(Qt.MouseButton.LeftButton))
        b = self.mapSceneToView(ev.scenePos())
        rect = QRectF(QPointF(a), QPointF(b)).normalized()
        self._band.setRect(rect)
        self._band.setVisible(not ev.isFinish())
        if ev.isFinish():
            self._selecting = False
            self.rect_selected.emit(rect)
