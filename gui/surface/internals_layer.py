"""The internals at every head: arrows for the parts of the update, a box for the
adaptive per-coordinate step, in the run's colour, with a scale key.

One light item painted directly, like ``HeadsItem``. Arrows are drawn
``M`` times their true length (``optim_core.render.arrow_scale``), the
boxes ``M_box`` times theirs, so both read at any zoom; the key in the
bottom-left corner says what a length on screen stands for. Each piece has
its own stroke, so pieces of one colour stay apart:

=============  ==========================================
piece          shaft
=============  ==========================================
step           solid, wide     (x_{t+1} − x_t)
gradient_term  dashed          (−ηg)
velocity       dotted          (v, or Adam's m̂ drawn as −ηm̂)
newton_step    solid, thin     (−η(H + δI)⁻¹g)
direction      dash-dot        (L-BFGS)
scale          a box around the head   (η/(√c + ε) per coordinate)
=============  ==========================================

Arrows are drawn all at once (a dark underlay, then each colour's shafts
per stroke and its heads as one path), so eight heads cost a few calls.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from gui.app.i18n import translate
from gui.surface.trail_layer import to_device
from optim_core.render import arrow_scale

OUTLINE = QColor(16, 16, 24)  # opaque: a translucent wide pen costs ~10x to blend
#: piece -> (pen style, width px); the pieces are told apart by their shafts.
STROKES = {
    "step": (Qt.PenStyle.SolidLine, 3.0),
    "gradient_term": (Qt.PenStyle.DashLine, 2.0),
    "velocity": (Qt.PenStyle.DotLine, 2.4),
    "newton_step": (Qt.PenStyle.SolidLine, 1.6),
    "direction": (Qt.PenStyle.DashDotLine, 2.0),
    "carried": (Qt.PenStyle.DotLine, 1.6),  # the velocity before the blend
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
        self._segments = internals.PrimitiveArray(QLineF, 4)
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
        self._boxes(p, t, ppu)
        self._arrows(p, t)
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

    def _arrows(self, p: QPainter, t) -> None:
        """Every arrow at once: dark shafts and heads first (one call each), then
        each colour's shafts per stroke and its heads (few calls, not per arrow)."""
        items = [(g, piece, vec) for g in self._glyphs for piece, vec in g.arrows.items()]
        if not items:
            return
        origins = np.array([g.origin for g, _, _ in items], dtype=float)
        tips = origins + self._m_arrow * np.array([v for _, _, v in items], dtype=float)
        keep, shafts, heads = arrow_scale.arrow_geometry(
            to_device(origins, t), to_device(tips, t), HEAD_PX * self.width_scale)
        items = [it for it, k in zip(items, keep, strict=True) if k]
        if not items:
            return
        widths = np.array([STROKES.get(piece, STROKES["step"])[1] for _, piece, _ in items])
        self._lines(p, QPen(OUTLINE, 2.5 + self.width_scale * widths.max()), shafts)
        centre = heads.mean(axis=1, keepdims=True)
        self._fill(p, OUTLINE, centre + 1.45 * (heads - centre))
        colours = [g.color for g, _, _ in items]
        for colour in dict.fromkeys(colours):
            mine = np.array([c == colour for c in colours])
            for piece in dict.fromkeys(pc for (_, pc, _), m in zip(items, mine, strict=True)
                                       if m):
                style, width = STROKES.get(piece, STROKES["step"])
                chosen = mine & np.array([pc == piece for _, pc, _ in items])
                pen = QPen(QColor(colour), width * self.width_scale, style)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                self._lines(p, pen, shafts[chosen])
            self._fill(p, QColor(colour), heads[mine])
        self._labels(p, items, heads)

    def _lines(self, p: QPainter, pen: QPen, segments: np.ndarray) -> None:
        self._segments.resize(len(segments))
        self._segments.ndarray()[:] = segments
        p.setPen(pen)
        p.drawLines(*self._segments.drawargs())

    @staticmethod
    def _fill(p: QPainter, colour: QColor, triangles: np.ndarray) -> None:
        """Fill ``triangles (K, 3, 2)`` as one path."""
        closed = np.concatenate([triangles, triangles[:, :1]], axis=1).reshape(-1, 2)
        connect = np.tile([1, 1, 1, 0], len(triangles)).astype(np.int32)
        p.fillPath(pg.arrayToQPath(closed[:, 0], closed[:, 1], connect=connect), colour)

    @staticmethod
    def _labels(p: QPainter, items, heads: np.ndarray) -> None:
        for (g, piece, _), tri in zip(items, heads, strict=True):
            label = g.labels.get(piece, "")
            if label:
                tip, base = tri[0], 0.5 * (tri[1] + tri[2])
                u = (tip - base) / max(np.hypot(*(tip - base)), 1e-9)
                p.setPen(QColor(g.color))
                p.drawText(QPointF(*(tip + 7 * u + (-4, 4))), label)

    def _boxes(self, p: QPainter, t, ppu: float) -> None:
        p.setBrush(Qt.BrushStyle.NoBrush)
        for g in self._glyphs:
            if g.box is None:
                continue
            hx, hy = (float(v) for v in np.abs(g.box) * self._m_box * ppu)
            if not (math.isfinite(hx) and math.isfinite(hy)) or max(hx, hy) < 0.5:
                continue
            o = t.map(QPointF(*g.origin))
            rect = QRectF(o.x() - hx, o.y() - hy, 2 * hx, 2 * hy)
            for pen_color, w in ((OUTLINE, 4.0), (QColor(g.color), 2.0)):
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
