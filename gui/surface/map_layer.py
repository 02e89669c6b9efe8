"""The basin / convergence map drawn over the surface, with its own legend.

One ``ImageItem`` (row-major, placed with ``setRect`` so pixel [i, j] covers
the cell centred on the start (xs[j], ys[i])) above the surface colours and
below the trails, and a small legend naming what each colour means.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from gui.app.i18n import translate
from optim_core.render.basin_colors import (
    DIVERGED,
    NOT_CONVERGED,
    basin_color,
    map_image,
    steps_range,
)

_Z = 5  # above the surface image (0) and contours, below trails and markers



class MapLayer:
    """Draws a ``BasinMap`` on ``viewbox``; ``show(m, mode)``, ``clear()``."""

    def __init__(self, viewbox: pg.ViewBox) -> None:
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(_Z)
        self.image.setVisible(False)
        viewbox.addItem(self.image, ignoreBounds=True)
        self.legend = pg.TextItem(anchor=(0, 1), fill=(16, 16, 24, 190))
        self.legend.setParentItem(viewbox)
        self.legend.setVisible(False)
        self._viewbox = viewbox
        viewbox.sigResized.connect(self._place_legend)
        self.basin_map = None

    def show(self, basin_map, mode: str) -> None:
        self.basin_map = basin_map
        self.image.setImage(map_image(basin_map, mode), autoLevels=False, levels=(0, 255))
        self.image.setRect(cell_rect(basin_map.xs, basin_map.ys))
        self.image.setVisible(True)
        self.legend.setHtml(legend_html(basin_map, mode))
        self.legend.setVisible(True)
        self._place_legend()

    def clear(self) -> None:
        self.basin_map = None
        self.image.setVisible(False)
        self.legend.setVisible(False)

    def snap(self, x: float, y: float) -> tuple[float, float]:
        """The start of the map cell under (x, y), or (x, y) where no map is shown."""
        m = self.basin_map
        if m is None:
            return x, y
        j = int(np.abs(m.xs - x).argmin())
        i = int(np.abs(m.ys - y).argmin())
        return float(m.xs[j]), float(m.ys[i])

    def _place_legend(self) -> None:
        r = self._viewbox.boundingRect()  # bottom left: the run legend keeps the top
        self.legend.setPos(r.left() + 8, r.bottom() - 8)


def cell_rect(xs: np.ndarray, ys: np.ndarray) -> QRectF:
    """The rectangle whose ``len(xs) × len(ys)`` cells are centred on the grid points."""
    dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1) or 1e-9
    dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1) or 1e-9
    return QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys))


def _swatch(color: str, text: str) -> str:
    return f'<span style="color:{color}">■</span>&nbsp;{text}'


def legend_html(basin_map, mode: str) -> str:
    """The legend's lines: each basin (or the steps' range), then the failures, with shares."""
    m = basin_map
    lines = []
    if mode == "basin":
        for k, point in enumerate(m.minima):
            lines.append(_swatch(basin_color(k), translate("MapLayer",
                "to ({0:.3g}, {1:.3g}): {2:.0f} % of starts, {3:.0f} % arrived").format(
                point[0], point[1], 100.0 * float((m.nearest == k).mean()),
                100.0 * float((m.minimum == k).mean()))))
        lines.append(translate("MapLayer", "faded: still on the way after the last step"))
    else:
        lo, hi = steps_range(m.steps)
        lines.append(translate("MapLayer", "steps to converge: {0} (dark) … {1} (bright), log "
                                           "scale").format(lo, hi))
        lines.append(_swatch(
            NOT_CONVERGED, translate("MapLayer", "not converged: {0:.0f} %").format(
            100.0 * float(((m.minimum < 0) & ~m.diverged).mean()))))
    lines.append(_swatch(DIVERGED, translate("MapLayer", "diverged: {0:.0f} %").format(
        100.0 * float(m.diverged.mean()))))
    return '<div style="color:#e8e8e8; font-size:11pt">' + "<br>".join(lines) + "</div>"
