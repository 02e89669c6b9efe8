"""The surface's ViewBox: click to place a start, Shift+drag to seed a grid."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem


class SurfaceViewBox(pg.ViewBox):
    """Left click emits ``clicked(x, y)``; Shift+left drag draws a dashed
    rectangle and emits ``rect_selected(QRectF)`` in surface coordinates on
    release. Plain drags pan and the wheel zooms, as in any pyqtgraph view."""

    clicked = Signal(float, float)
    rect_selected = Signal(QRectF)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.setMenuEnabled(False)
        self._selecting = False
        self._band = QGraphicsRectItem()
        pen = QPen(QColor(255, 255, 255, 220), 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._band.setPen(pen)
        self._band.setBrush(QColor(255, 255, 255, 28))
        self._band.setZValue(1e6)
        self._band.hide()
        self.addItem(self._band, ignoreBounds=True)

    def mouseClickEvent(self, ev) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            p = self.mapSceneToView(ev.scenePos())
            self.clicked.emit(p.x(), p.y())
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
