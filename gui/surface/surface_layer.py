"""The static part of the surface view: colour image, contours, minima, colour bar,
and grey stripes over the cells where f is undefined (NaN or infinite).

It changes only when the grid or the colour settings change, so the image
and the contour path are cached as device pixmaps (QGraphicsItem
DeviceCoordinateCache) and cost one blit per animation frame. What is drawn
(display values, contour segments) comes ready from ``optim_core.render.surface_display``,
computed off the GUI thread for classifier slices.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from gui.app.i18n import translate
from optim_core.render.colormaps import ColorScale
from optim_core.render.surface_display import Display, grid_rects

__all__ = ["Display", "SurfaceLayer", "grid_rects", "log_ticks"]

_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


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
        self.undefined = pg.ImageItem(axisOrder="row-major")
        self.undefined.setCacheMode(_CACHED)
        self.undefined.setZValue(-15)
        self.minima = pg.ScatterPlotItem(symbol="star", size=17, pen=pg.mkPen("#202020", width=1),
                                         brush=pg.mkBrush("#ffffff"), antialias=True)
        self.minima.setZValue(5)
        for item in (self.image, self.undefined, self.contours, self.minima):
            viewbox.addItem(item, ignoreBounds=True)
        self.scale = ColorScale(False, 0.0)
        self.levels: np.ndarray = np.zeros(0)

    def show(self, display: Display, *, colormap: str, minima: np.ndarray, name: str = "f"
             ) -> None:
        """Draw ``display`` (``surface_display.prepare``); ``name`` is what the colour
        bar calls the value (f, or L for a loss)."""
        self.scale, self.levels = display.scale, display.levels
        lo, hi = display.lo, display.hi
        self.image.setImage(display.image, autoLevels=False, levels=(lo, hi))
        self.image.setRect(*display.image_rect)
        self._show_undefined(display)
        self.contours.setPath(pg.arrayToQPath(display.contour_x, display.contour_y,
                                              connect="pairs"))
        self.minima.setData(pos=np.asarray(minima, float).reshape(-1, 2))
        self.colorbar.setColorMap(pg.colormap.get(colormap))
        self.colorbar.setLevels((lo, hi))
        ticks = log_ticks(lo, hi) if self.scale.log else None
        self.colorbar.axis.setTicks(None if ticks is None else [ticks])
        log = translate("SurfaceLayer", "{f} − min {f}  (log scale)").format(f=name)
        self.colorbar.axis.setLabel(log if self.scale.log else name)

    def _show_undefined(self, display: Display) -> None:
        """Cells where f is NaN or infinite as grey stripes over the colours."""
        mask = display.undefined
        if mask is None or not mask.any():
            self.undefined.clear()
            self.undefined.setVisible(False)
            return
        i, j = np.indices(mask.shape)
        stripes = (i + j) % 6 < 3
        rgba = np.zeros(mask.shape + (4,), np.ubyte)
        rgba[..., :3] = np.where(stripes, 150, 90)[..., None]
        rgba[..., 3] = np.where(mask, 255, 0)
        self.undefined.setImage(rgba, autoLevels=False, levels=(0, 255))
        self.undefined.setRect(*display.image_rect)
        self.undefined.setVisible(True)

    def clear(self) -> None:
        self.image.clear()
        self.undefined.clear()
        self.contours.setPath(pg.arrayToQPath(np.zeros(0), np.zeros(0)))
        self.minima.setData(pos=np.zeros((0, 2)))
