"""Run heads: a filled dot per running point, a cross where a run stopped.

One light item painted directly (pyqtgraph's ScatterPlotItem rebuilds its
spot table on every ``setData``, ~1.5 ms a frame for a handful of points).
Sizes are in screen pixels, like markers should be.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

OUTLINE = QColor("#101018")


class HeadsItem(pg.GraphicsObject):
    """Markers at ``points (N, 2)`` in surface coordinates."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._points = np.zeros((0, 2))
        self._colors: list[QColor] = []
        self._stopped = np.zeros(0, dtype=bool)
        self._size = 12.0
        self._rect = QRectF()

    def set_heads(self, points: np.ndarray, colors: list[str], stopped: np.ndarray,
                  size: float = 12.0) -> None:
        """``points (N, 2)``, one colour each, ``stopped (N,)`` draws a cross."""
        self._points = np.asarray(points, dtype=float).reshape(-1, 2)
        if len(colors) != len(self._colors) or any(
                c.name() != n for c, n in zip(self._colors, colors, strict=False)):
            self._colors = [QColor(c) for c in colors]
        self._stopped = np.asarray(stopped, dtype=bool)
        self._size = float(size)
        self.update()

    def heads(self) -> tuple[np.ndarray, list[str], np.ndarray]:
        """What is shown: points, colour names, stopped flags (for tests)."""
        return self._points.copy(), [c.name() for c in self._colors], self._stopped.copy()

    def set_bounds(self, rect: QRectF) -> None:
        """Where heads can ever be (the divergence box): a fixed, cheap bounding rect."""
        self.prepareGeometryChange()
        self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, p: QPainter, *args) -> None:
        if not len(self._points):
            return
        t = p.worldTransform()
        r = self._size / 2
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for (x, y), color, stopped in zip(self._points, self._colors, self._stopped,
                                          strict=True):
            c = t.map(QPointF(x, y))
            if stopped:
                self._cross(p, c, r * 1.1, color)
            else:
                p.setPen(QPen(OUTLINE, 1.5))
                p.setBrush(color)
                p.drawEllipse(c, r, r)
        p.restore()

    @staticmethod
    def _cross(p: QPainter, c: QPointF, r: float, color: QColor) -> None:
        for width, pen_color in ((5.0, OUTLINE), (2.5, color)):
            pen = QPen(pen_color, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawLine(QPointF(c.x() - r, c.y() - r), QPointF(c.x() + r, c.y() + r))
            p.drawLine(QPointF(c.x() - r, c.y() + r), QPointF(c.x() + r, c.y() - r))
