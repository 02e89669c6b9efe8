"""The internals at every head: arrows for the parts of the update, a box for the
adaptive per-coordinate step, in the run's colour, with a scale key.

One light item painted directly, like ``HeadsItem``. Arrows are drawn
``M`` times their true length (``optim_core.render.arrow_scale``), the
boxes ``M_box`` times theirs, so both read at any zoom; the key in the
bottom-left corner says what a length on screen stands for. Each piece has
its own stroke, so pieces of one colour stay apart:

=============  =========================================
piece          stroke
=============  =========================================
step           solid, wide, filled head   (x_{t+1} − x_t)
gradient_term  dashed, filled head        (−ηg)
velocity       dotted, filled head        (v, or Adam's m̂)
newton_step    solid, open head           (−η(H + δI)⁻¹g)
direction      dash-dot, open head        (L-BFGS)
scale          thin box around the head   (η/(√c + ε) per coordinate)
=============  =========================================
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from gui.app.i18n import translate
from optim_core.render import arrow_scale

OUTLINE = QColor(16, 16, 24, 200)
#: piece -> (pen style, width px, filled head)
STROKES = {
    "step": (Qt.PenStyle.SolidLine, 3.0, True),
    "gradient_term": (Qt.PenStyle.DashLine, 2.0, True),
    "velocity": (Qt.PenStyle.DotLine, 2.4, True),
    "newton_step": (Qt.PenStyle.SolidLine, 2.0, False),
    "direction": (Qt.PenStyle.DashDotLine, 2.0, False),
    "carried": (Qt.PenStyle.DotLine, 1.6, False),  # the velocity before the blend
}
HEAD_PX = 9.0
#: Fonts for symbols with combining marks (m̂, v̂): DejaVu Sans sets the hat a
#: line too high, these place it on its letter.
FORMULA_FONTS = ("STIX Two Math", "DejaVu Serif", "serif")
KEY_BAR_PX = (30.0, 90.0)  # the key's bar lies between these lengths


class Glyph(NamedTuple):
    """What one head shows: ``origin (2,)``, arrows ``{piece: vector (2,)}``
    (true lengths in surface units), the adaptive ``box`` half-widths ``(2,)``
    (or None) and short ``labels`` per piece (empty: none drawn)."""

    origin: np.ndarray
    color: str
    arrows: dict[str, np.ndarray]
    box: np.ndarray | None = None
    labels: dict[str, str] = {}


class InternalsLayer(pg.GraphicsObject):
    """Draws ``Glyph``s. ``magnifications()`` gives (M, M_box) last painted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._glyphs: list[Glyph] = []
        self._rect = QRectF()
        self._m_arrow: float | None = None
        self._m_box: float | None = None
        self._font = QFont()
        self._font.setFamilies(list(FORMULA_FONTS))
        self._font.setPointSizeF(10)
        self.width_scale = 1.0

    def set_glyphs(self, glyphs: list[Glyph]) -> None:
        self._glyphs = list(glyphs)
        self.update()

    def glyphs(self) -> list[Glyph]:
        return list(self._glyphs)

    def magnifications(self) -> tuple[float | None, float | None]:
        return self._m_arrow, self._m_box

    def set_bounds(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    # ---------------------------------------------------------------- paint
    def paint(self, p: QPainter, *args) -> None:
        if not self._glyphs:
            return
        t = p.worldTransform()
        ppu = math.hypot(t.m11(), t.m12())  # pixels per surface unit (aspect locked)
        self._choose_magnifications(ppu)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(self._font)
        for g in self._glyphs:
            o = t.map(QPointF(*g.origin))
            if g.box is not None:
                self._box(p, o, g.box * self._m_box * ppu, g.color)
            for piece, vec in g.arrows.items():
                tip = t.map(QPointF(*(g.origin + self._m_arrow * vec)))
                self._arrow(p, o, tip, piece, g.color, g.labels.get(piece, ""))
        self._key(p, t, ppu)
        p.restore()

    def _choose_magnifications(self, ppu: float) -> None:
        lengths = [float(np.hypot(*v)) for g in self._glyphs for v in g.arrows.values()]
        boxes = [float(np.max(np.abs(g.box))) for g in self._glyphs if g.box is not None]
        finite = [v for v in lengths if math.isfinite(v)]
        self._m_arrow = arrow_scale.magnification(max(finite, default=0.0) * ppu,
                                                  self._m_arrow)
        finite = [v for v in boxes if math.isfinite(v)]
        self._m_box = arrow_scale.magnification(max(finite, default=0.0) * ppu * 2,
                                                self._m_box)

    def _arrow(self, p: QPainter, o: QPointF, tip: QPointF, piece: str, color: str,
               label: str) -> None:
        d = tip - o
        length = math.hypot(d.x(), d.y())
        if not math.isfinite(length) or length < 1.0:
            return
        style, width, filled = STROKES.get(piece, STROKES["step"])
        width *= self.width_scale
        u = QPointF(d.x() / length, d.y() / length)
        head = min(HEAD_PX * self.width_scale, 0.6 * length)
        base = tip - u * head
        n = QPointF(-u.y(), u.x()) * (head * 0.5)
        wing = QPolygonF([tip, base + n, base - n])
        colour = QColor(color)
        for pen_color, w in ((OUTLINE, width + 2.5), (colour, width)):
            pen = QPen(pen_color, w, style if pen_color is colour else Qt.PenStyle.SolidLine)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(pen)
            p.drawLine(o, base)
            pen.setStyle(Qt.PenStyle.SolidLine)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            p.setPen(pen)
            p.setBrush(pen_color if filled or pen_color is OUTLINE else Qt.BrushStyle.NoBrush)
            p.drawPolygon(wing)
        if label:
            p.setPen(colour)
            p.drawText(tip + u * 6 + QPointF(-4, 4), label)

    def _box(self, p: QPainter, o: QPointF, half_px: np.ndarray, color: str) -> None:
        hx, hy = float(abs(half_px[0])), float(abs(half_px[1]))
        if not (math.isfinite(hx) and math.isfinite(hy)) or max(hx, hy) < 0.5:
            return
        rect = QRectF(o.x() - hx, o.y() - hy, 2 * hx, 2 * hy)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for pen_color, w in ((OUTLINE, 4.0), (QColor(color), 2.0)):
            p.setPen(QPen(pen_color, w * self.width_scale))
            p.drawRect(rect)

    def _key(self, p: QPainter, t, ppu: float) -> None:
        """Bottom-left of the visible plot: one bar per scale in use."""
        view = self.getViewBox()
        if view is None or ppu <= 0:
            return
        corner = t.map(QPointF(view.viewRect().left(), view.viewRect().top()))
        lines = []
        if any(g.arrows for g in self._glyphs):
            lines.append((self._m_arrow, translate("InternalsLayer", "{length}  (arrows ×{m})")))
        if any(g.box is not None for g in self._glyphs):
            lines.append((self._m_box, translate(
                "InternalsLayer", "η {length} per coordinate = box half-width  (×{m})")))
        y = corner.y() - 10 - 16 * (len(lines) - 1)
        for m, text in lines:
            d = arrow_scale.nice_at_most(KEY_BAR_PX[1] / (m * ppu))
            px = d * m * ppu
            x0 = corner.x() + 12
            for pen_color, w in ((OUTLINE, 4.0), (QColor("#f2f2f2"), 2.0)):
                p.setPen(QPen(pen_color, w))
                p.drawLine(QPointF(x0, y), QPointF(x0 + px, y))
            p.setPen(QColor("#f2f2f2"))
            p.drawText(QPointF(x0 + px + 6, y + 4),
                       text.format(m=f"{m:g}", length=arrow_scale.format_length(d)))
            y += 16
