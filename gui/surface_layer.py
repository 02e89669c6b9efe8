"""The static part of the surface view: colour image, contours, minima, colour bar.

It changes only when the grid or the colour settings change, so the image
and the contour path are cached as device pixmaps (QGraphicsItem
DeviceCoordinateCache) and cost one blit per animation frame. Contours are
computed once per grid by ``gui.contours`` (vectorized marching squares).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from gui import contours
from gui.colormaps import ColorScale, choose_scale, contour_levels

_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


def grid_rects(x: np.ndarray, y: np.ndarray) -> tuple[tuple, tuple]:
    """``(image_rect, sample_rect)`` as (x0, y0, w, h): the image's pixels are
    centred on the samples ``x (nx,)``, ``y (ny,)``; contours use the samples."""
    dx = (x[-1] - x[0]) / max(len(x) - 1, 1)
    dy = (y[-1] - y[0]) / max(len(y) - 1, 1)
    sample = (x[0], y[0], x[-1] - x[0], y[-1] - y[0])
    image = (x[0] - dx / 2, y[0] - dy / 2, sample[2] + dx, sample[3] + dy)
    return image, sample


def log_ticks(lo: float, hi: float) -> list[tuple[float, str]] | None:
    """Colour-bar ticks at whole decades of the log scale (labelled 10^k), or
    None (pyqtgraph's own ticks) when the range spans fewer than two."""
    decades = np.arange(np.ceil(lo), np.floor(hi) + 1)
    if len(decades) < 2:
        return None
    step = int(np.ceil(len(decades) / 7))
    return [(float(d), f"{10.0 ** d:g}") for d in decades[::step]]


class SurfaceLayer:
    """Owns the image, contour and minima items inside ``viewbox`` and ``colorbar``."""

    def __init__(self, viewbox: pg.ViewBox, colorbar: pg.ColorBarItem):
        self.colorbar = colorbar
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setCacheMode(_CACHED)
        self.image.setZValue(-20)
        self.contours = QGraphicsPathItem()
        self.contours.setCacheMode(_CACHED)
        self.contours.setZValue(-10)
        pen = QPen(QColor(255, 255, 255, 64), 1.0)
        pen.setCosmetic(True)
        self.contours.setPen(pen)
        self.minima = pg.ScatterPlotItem(symbol="star", size=17, pen=pg.mkPen("#202020", width=1),
                                         brush=pg.mkBrush("#ffffff"), antialias=True)
        self.minima.setZValue(5)
        for item in (self.image, self.contours, self.minima):
            viewbox.addItem(item, ignoreBounds=True)
        self.scale = ColorScale(False, 0.0)
        self.levels: np.ndarray = np.zeros(0)

    def show(self, x: np.ndarray, y: np.ndarray, z: np.ndarray, *, colormap: str,
             log: bool | None, n_contours: int, minima: np.ndarray, name: str = "f") -> None:
        """Draw grid ``z (ny, nx)`` sampled at ``x (nx,)``, ``y (ny,)``; ``name`` is
        what the colour bar calls the value (f, or L for a loss)."""
        self.scale = choose_scale(z, log)
        d = self.scale.forward(z)
        finite = d[np.isfinite(d)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        hi = hi if hi > lo else lo + 1.0
        cmap = pg.colormap.get(colormap)
        # NaN/inf cells (overflow far from the minimum) show as the top colour.
        shown = np.where(np.isfinite(d), d, hi)
        self.image.setImage(shown, autoLevels=False, levels=(lo, hi))
        image_rect, sample_rect = grid_rects(x, y)
        self.image.setRect(*image_rect)
        self.levels = contour_levels(d, n_contours)
        cx, cy = contours.contour_xy(d, self.levels, sample_rect)
        self.contours.setPath(pg.arrayToQPath(cx, cy, connect="pairs"))
        self.minima.setData(pos=np.asarray(minima, float).reshape(-1, 2))
        self.colorbar.setColorMap(cmap)
        self.colorbar.setLevels((lo, hi))
        ticks = log_ticks(lo, hi) if self.scale.log else None
        self.colorbar.axis.setTicks(None if ticks is None else [ticks])
        self.colorbar.axis.setLabel(f"{name} − min {name}  (log scale)" if self.scale.log else name)

    def clear(self) -> None:
        self.image.clear()
        self.contours.setPath(pg.arrayToQPath(np.zeros(0), np.zeros(0)))
        self.minima.setData(pos=np.zeros((0, 2)))
