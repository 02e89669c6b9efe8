"""Relative error against the finite-difference step h, on log-log axes.

Too small an h and round-off dominates (error ∝ ε·|f| / h: the left
branch); too large and truncation does (∝ h² centred, ∝ h forward: the
right branch). The shaded bands are the cs231n verdicts.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gui.app.i18n import translate
from gui.panels.gradcheck_table import VERDICT_STYLE
from gui.widgets.log_axis import LogAxis
from optim_core import gradcheck

#: log10 ranges of the verdict bands (the plot's y axis is log10 of the error).
BANDS = ((gradcheck.RIGHT, -17, -7), (gradcheck.KINK, -7, -4),
         (gradcheck.DOUBTFUL, -4, -2), (gradcheck.WRONG, -2, 1))
#: Errors are drawn no lower than this (an exact 0 has no logarithm).
FLOOR = 1e-16


class HSweepPlot(pg.PlotWidget):
    """One thin line per checked coordinate, the median bold, the current h dashed."""

    def __init__(self, parent=None):
        super().__init__(parent, axisItems={"left": LogAxis("left"), "bottom": LogAxis("bottom")})
        item = self.getPlotItem()
        item.setLogMode(x=True, y=True)
        item.setLabel("bottom", translate("HSweepPlot", "step h"))
        item.setLabel("left", translate("HSweepPlot", "relative error"))
        item.setTitle(translate("HSweepPlot", "error vs h"), color="#e8e8e8", size="11pt")
        item.showGrid(x=True, y=True, alpha=0.15)
        item.hideButtons()
        item.setMenuEnabled(False)
        item.getViewBox().setMouseEnabled(x=False, y=False)
        for verdict, lo, hi in BANDS:
            band = pg.LinearRegionItem((lo, hi), orientation="horizontal", movable=False,
                                       brush=pg.mkBrush(_faded(VERDICT_STYLE[verdict][0])),
                                       pen=pg.mkPen(None))
            band.setZValue(-10)
            item.addItem(band, ignoreBounds=True)
        self.h_line = pg.InfiniteLine(angle=90, movable=False,
                                      pen=pg.mkPen("#ffd166", width=1.5,
                                                   style=Qt.PenStyle.DashLine))
        item.addItem(self.h_line, ignoreBounds=True)
        self.median = item.plot(pen=pg.mkPen("#ffffff", width=3))
        self.lines: list[pg.PlotDataItem] = []
        self._label(translate("HSweepPlot", "← round-off"), -12, -12.2, (0, 1))
        self._label(translate("HSweepPlot", "truncation →"), -1, -12.2, (1, 1))
        self.setXRange(-12, -1, padding=0.02)
        self.setYRange(-13, 0.5, padding=0)
        self.hs = np.zeros(0)
        self.errors = np.zeros((0, 0))

    def _label(self, text: str, x: float, y: float, anchor: tuple[float, float]) -> None:
        label = pg.TextItem(text, color="#f0f0f4", anchor=anchor)
        label.setPos(x, y)
        self.getPlotItem().addItem(label, ignoreBounds=True)

    def set_h(self, h: float) -> None:
        self.h_line.setValue(np.log10(h))

    def set_sweep(self, hs: np.ndarray, errors: np.ndarray) -> None:
        """``hs (H,)``, ``errors (H, C)``: one column per coordinate."""
        self.hs, self.errors = np.asarray(hs), np.asarray(errors)
        shown = np.maximum(self.errors, FLOOR)
        while len(self.lines) < shown.shape[1]:
            self.lines.append(self.getPlotItem().plot(pen=pg.mkPen(255, 255, 255, 90, width=1)))
        for k, line in enumerate(self.lines):
            if k < shown.shape[1]:
                line.setData(self.hs, shown[:, k])
            else:
                line.setData([], [])
        if shown.shape[1]:
            self.median.setData(self.hs, np.median(shown, axis=1))
        else:
            self.median.setData([], [])

    @property
    def best_h(self) -> float:
        """The h of the smallest median error (NaN before a sweep)."""
        if not self.errors.size:
            return float("nan")
        return float(self.hs[np.argmin(np.median(self.errors, axis=1))])


def _faded(color: str, alpha: int = 48) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c
