"""All optimizer trails in one item, drawn incrementally into a pixel cache.

Why not one PlotDataItem per trail: a 2-px antialiased pen over eight
2,000-point trails costs ~20 ms a frame, because every frame re-strokes
every segment. Trails only grow while a race plays, so this item keeps a
transparent device-pixel image per painter transform, draws only the new
segments into it, and blits it (≈0.3 ms). Anything other than growth (a new
start, reset, colour, zoom, resize) redraws the cache once, with points
thinned to one per half pixel, which is invisible at that scale.

A trail's last point is never cached: once a long race's history is
decimated, the model's trails end with the current head, which the next
frame replaces by a kept sample further on. Caching it made every such
frame a full redraw (all 8 × 4,096 points); instead the last segment of
each trail is stroked live, on top of the cache, every frame.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QPen, QTransform

#: Device pixels a thinned point may move; half a pixel is below what shows.
_THIN_PX = 0.5
#: Segments are clipped to the view grown by this many pixels on each side.
_PAD_PX = 64.0
#: Painter transforms remembered (the live view plus one export size).
_MAX_CACHES = 2
#: Paint engines that draw pixels; any other (SVG, PDF, picture) gets vector lines.
_RASTER_ENGINES = (QPaintEngine.Type.Raster, QPaintEngine.Type.OpenGL2)


class Trail(NamedTuple):
    """One polyline: ``points (N, 2)`` finite surface coordinates, its colour,
    and a ``key`` that changes whenever the history is replaced rather than
    extended (a new start, a reset, a recomputed run)."""

    points: np.ndarray
    color: str
    key: object


class _Cache:
    def __init__(self, image: QImage, transform: QTransform):
        self.image = image
        self.transform = transform
        #: per trail: (key, colour, number of points drawn, last point drawn)
        self.drawn: list[tuple[object, str, int, tuple[float, float]]] = []


def to_device(points: np.ndarray, t: QTransform) -> np.ndarray:
    """Map ``points (N, 2)`` through an affine QTransform -> ``(N, 2)``."""
    x, y = points[:, 0], points[:, 1]
    return np.stack([t.m11() * x + t.m21() * y + t.dx(), t.m12() * x + t.m22() * y + t.dy()], 1)


def thin(pixels: np.ndarray, cell: float = _THIN_PX) -> np.ndarray:
    """Drop points that stay in the same ``cell``-sized pixel square as their
    predecessor; keeps the first and last point. ``(N, 2) -> (M, 2)``."""
    if len(pixels) < 3:
        return pixels
    q = np.floor(pixels / cell)
    keep = np.empty(len(pixels), dtype=bool)
    keep[0] = keep[-1] = True
    keep[1:-1] = np.any(q[1:-1] != q[:-2], axis=1)
    return pixels[keep]


def clip_segments(a: np.ndarray, b: np.ndarray, lo: np.ndarray, hi: np.ndarray
                  ) -> np.ndarray:
    """Liang–Barsky clip of segments ``a -> b`` (both ``(M, 2)``) to the box
    [lo, hi]; returns ``(K, 4)`` rows x0, y0, x1, y1 of the visible parts."""
    d = b - a
    t0 = np.zeros(len(a))
    t1 = np.ones(len(a))
    with np.errstate(divide="ignore", invalid="ignore"):
        for k in range(2):
            for p, q in ((-d[:, k], a[:, k] - lo[k]), (d[:, k], hi[k] - a[:, k])):
                r = q / p
                t0 = np.where(p < 0, np.maximum(t0, r), t0)
                t1 = np.where(p > 0, np.minimum(t1, r), t1)
                outside = (p == 0) & (q < 0)
                t1 = np.where(outside, -1.0, t1)
    ok = t0 <= t1
    a2 = a[ok] + t0[ok, None] * d[ok]
    b2 = a[ok] + t1[ok, None] * d[ok]
    return np.concatenate([a2, b2], axis=1)


class TrailLayer(pg.GraphicsObject):
    """Draws ``Trail`` polylines with round-capped antialiased pens of ``width`` px."""

    def __init__(self, width: float = 2.0, parent=None):
        super().__init__(parent)
        self._width = float(width)
        self._trails: list[Trail] = []
        self._caches: dict[tuple, _Cache] = {}
        self._rect = QRectF()
        self._lines = internals.PrimitiveArray(QLineF, 4)
        #: Points the last raster paint mapped and stroked (cache and live segments):
        #: a frame's drawing work, for tests and benchmarks.
        self.points_painted = 0

    def set_trails(self, trails: list[Trail]) -> None:
        """Replace the trails to show; growth of a trail with the same key is cheap."""
        self._trails = list(trails)
        self.update()

    def set_width(self, width: float) -> None:
        """Stroke every trail ``width`` px wide (presentation mode, large exports)."""
        self._width = float(width)
        self._caches.clear()
        self.update()

    def set_bounds(self, rect: QRectF) -> None:
        """Where trail points can ever be (the runner's divergence box). A fixed
        rect saves scanning every point each frame to report the bounds."""
        self.prepareGeometryChange()
        self._rect = QRectF(rect)

    def trails(self) -> list[Trail]:
        return list(self._trails)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, p: QPainter, option=None, widget=None) -> None:
        if not self._trails:
            return
        engine = p.paintEngine()
        if engine is not None and engine.type() not in _RASTER_ENGINES:
            self._paint_vector(p)  # SVG, PDF, QPicture: real lines, not a bitmap
            return
        cache = self._cache_for(p, widget)
        painted = self._bring_up_to_date(cache)
        p.save()
        p.resetTransform()
        p.drawImage(0, 0, cache.image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for tr in self._trails:
            painted += self._stroke(p, cache, tr.points[-2:], tr.color, thin_points=False)
        p.restore()
        self.points_painted = painted

    def _paint_vector(self, p: QPainter) -> None:
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for tr in self._trails:
            if len(tr.points) < 2:
                continue
            pen = QPen(QColor(tr.color), self._width)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.drawPath(pg.arrayToQPath(tr.points[:, 0], tr.points[:, 1]))
        p.restore()

    def _cache_for(self, p: QPainter, widget) -> _Cache:
        # The world transform (not deviceTransform, which includes the offset
        # of a widget grabbed inside its window) maps to the painter's
        # untransformed coordinates, where the cache image is drawn at (0, 0).
        t = p.worldTransform()
        dev = widget if widget is not None else p.device()
        dpr = dev.devicePixelRatioF()
        w, h = dev.width(), dev.height()
        if widget is None and hasattr(dev, "deviceIndependentSize"):
            size = dev.deviceIndependentSize()  # images report physical pixels
            w, h = size.width(), size.height()
        key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), w, h, dpr)
        cache = self._caches.pop(key, None)
        if cache is None:
            image = QImage(max(1, round(w * dpr)), max(1, round(h * dpr)),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            cache = _Cache(image, QTransform(t))
        self._caches[key] = cache  # most recently used last
        while len(self._caches) > _MAX_CACHES:
            self._caches.pop(next(iter(self._caches)))
        return cache

    def _bring_up_to_date(self, cache: _Cache) -> int:
        """Draw what is new of every trail but its last point into the cache;
        returns the number of points stroked."""
        settled = [tr.points[:-1] for tr in self._trails]
        new: list[tuple[int, int]] = []  # (trail index, first point to draw from)
        full = len(cache.drawn) != len(self._trails)
        for i, (tr, pts) in enumerate(zip(self._trails, settled, strict=True)):
            if full:
                break
            key, color, n, last = cache.drawn[i]
            m = len(pts)
            grown = key == tr.key and color == tr.color and n <= m
            if grown and n and tuple(pts[n - 1]) != last:
                grown = False
            if not grown:
                full = True
            elif m > n:
                new.append((i, max(n - 1, 0)))
        painter = QPainter(cache.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if full:
            cache.image.fill(Qt.GlobalColor.transparent)
            new = [(i, 0) for i in range(len(self._trails))]
        painted = 0
        for i, first in new:
            painted += self._stroke(painter, cache, settled[i][first:], self._trails[i].color,
                                    thin_points=full)
        painter.end()
        cache.drawn = [(tr.key, tr.color, len(pts),
                        tuple(pts[-1]) if len(pts) else (np.nan, np.nan))
                       for tr, pts in zip(self._trails, settled, strict=True)]
        return painted

    def _stroke(self, painter: QPainter, cache: _Cache, points: np.ndarray, color: str,
                thin_points: bool) -> int:
        """Stroke the polyline ``points (N, 2)``; returns N (0 when there is no segment)."""
        if len(points) < 2:
            return 0
        px = to_device(points, cache.transform)
        if thin_points:
            px = thin(px)
        image = cache.image
        size = np.array([image.width(), image.height()]) / image.devicePixelRatio()
        lo, hi = np.full(2, -_PAD_PX), size + _PAD_PX
        if (px.min(axis=0) >= lo).all() and (px.max(axis=0) <= hi).all():
            seg = np.concatenate([px[:-1], px[1:]], axis=1)
        else:
            seg = clip_segments(px[:-1], px[1:], lo, hi)
        if not len(seg):
            return len(points)
        self._lines.resize(len(seg))
        self._lines.ndarray()[:] = seg
        pen = QPen(QColor(color), self._width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLines(*self._lines.drawargs())
        return len(points)
