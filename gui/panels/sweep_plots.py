"""The learning-rate pictures: each optimizer's robustness curve, and the course's
classic loss-against-step picture at a very low, low, good and high η.

``LRSweepPlot.show_sweeps(rows)``: one line per run, final loss against η on
log axes (losses are drawn as f − f_min + tiny when some are ≤ 0, and the
axis label says so); the critical η of the stability analysis as a dashed
line in the run's colour where there is one, the tuned η as a star, and
diverged rates as crosses along the top.

``RateCurvesPlot.show_curves(curves)``: loss against step for a few named
rates of one run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gui.app.i18n import translate, translated
from gui.widgets.log_axis import LogAxis

TINY = 1e-12



@dataclass(frozen=True)
class SweepRow:
    """One run's sweep as the plot draws it."""

    label: str
    color: str
    lrs: np.ndarray  # (L,)
    final: np.ndarray  # (L,) final loss (diverged: any value; masked by diverged)
    diverged: np.ndarray  # (L,) bool
    critical_lr: float = math.nan
    tuned_lr: float | None = None


def shift_for_log(values: list[np.ndarray]) -> float:
    """The offset c making every finite value − c positive on a log axis (0 if all are)."""
    finite = np.concatenate([v[np.isfinite(v)] for v in values] + [np.zeros(0)])
    if not finite.size or finite.min() > 0:
        return 0.0
    return float(finite.min()) - TINY


#: The course picture's four learning rates, the same colours wherever drawn.
RATE_COLORS = {"very high": "#ff5c5c", "high": "#ffd166", "good": "#06d6a0", "low": "#8ecae6"}

class _LogLogPlot(pg.PlotWidget):
    def __init__(self, title: str, x_label: str, parent=None):
        super().__init__(parent, axisItems={"left": LogAxis("left"), "bottom": LogAxis("bottom")})
        self.item = self.getPlotItem()
        self.item.setTitle(title, color="#e8e8e8", size="11pt")
        self.item.setLabel("bottom", x_label)
        self.item.showGrid(x=True, y=True, alpha=0.15)
        self.item.hideButtons()
        self.item.setMenuEnabled(False)
        self.item.addLegend(offset=(-8, 8), labelTextColor="#e8e8e8")
        self.setMinimumHeight(200)

    def _clear(self) -> None:
        self.item.clear()
        self.item.legend.clear()


class LRSweepPlot(_LogLogPlot):
    def __init__(self, parent=None):
        super().__init__(translate("SweepPlots", "final loss against learning rate"),
                         translate("SweepPlots", "learning rate η"), parent)
        self.item.setLogMode(x=True, y=True)
        self.rows: list[SweepRow] = []

    def show_sweeps(self, rows: list[SweepRow]) -> None:
        self._clear()
        self.rows = list(rows)
        shift = shift_for_log([np.where(r.diverged, np.nan, r.final) for r in rows])
        self.item.setLabel("left", translate("SweepPlots", "final loss") if shift == 0 else
                           translate("SweepPlots", "final loss − ({0:.4g})").format(shift))
        top = -np.inf
        for r in rows:
            ok = ~r.diverged & np.isfinite(r.final)
            y = np.where(ok, r.final - shift, np.nan)
            if ok.any():
                top = max(top, float(np.nanmax(y)))
            self.item.plot(r.lrs, y, pen=pg.mkPen(r.color, width=2.5),
                           name=translated("core", r.label),
                           connect="finite", symbol="o", symbolSize=5, symbolBrush=r.color,
                           symbolPen=None)
        for r in rows:
            self._marks(r, shift, top if np.isfinite(top) else 1.0)

    def _marks(self, r: SweepRow, shift: float, top: float) -> None:
        if math.isfinite(r.critical_lr) and r.critical_lr > 0:
            line = pg.InfiniteLine(math.log10(r.critical_lr), angle=90,
                                   pen=pg.mkPen(r.color, width=1.5, style=Qt.PenStyle.DashLine))
            self.item.addItem(line, ignoreBounds=True)
        if r.diverged.any():
            self.item.plot(r.lrs[r.diverged], np.full(int(r.diverged.sum()), top), pen=None,
                           symbol="x", symbolSize=9, symbolPen=pg.mkPen(r.color, width=2))
        if r.tuned_lr is not None:
            k = int(np.argmin(np.abs(r.lrs - r.tuned_lr)))
            self.item.plot([r.lrs[k]], [r.final[k] - shift], pen=None, symbol="star",
                           symbolSize=16, symbolBrush=r.color, symbolPen=pg.mkPen("w"))


class RateCurvesPlot(_LogLogPlot):
    """Loss against step for named learning rates (log y, linear x)."""

    def __init__(self, parent=None):
        super().__init__(translate("SweepPlots", "loss against step, four learning rates"),
                         translate("SweepPlots", "step"), parent)
        self.item.setLogMode(x=False, y=True)
        self.curves: dict[str, np.ndarray] = {}

    def show_curves(self, curves: dict[str, tuple[np.ndarray, str]]) -> None:
        """``curves``: name -> (losses (T,), colour)."""
        curves = {name: (np.asarray(c, dtype=float), color) for name, (c, color) in curves.items()}
        self._clear()
        self.curves = {name: c for name, (c, _) in curves.items()}
        shift = shift_for_log([c for c, _ in curves.values()])
        self.item.setLabel("left", translate("SweepPlots", "loss") if shift == 0 else
                           translate("SweepPlots", "loss − ({0:.4g})").format(shift))
        for name, (losses, color) in curves.items():
            y = np.where(np.isfinite(losses), losses - shift, np.nan)
            self.item.plot(np.arange(len(y)), y, pen=pg.mkPen(color, width=2.5), name=name,
                           connect="finite")
