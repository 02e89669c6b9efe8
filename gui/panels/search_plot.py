"""Random against grid search, drawn side by side (the course notes' picture).

Each side is a scatter of its trials in (log η, log λ), coloured by
validation accuracy on one shared scale, the best trial ringed; under
each, the marginal on the axis that matters: accuracy against η alone,
where the grid shows only its few distinct values and random search
fills the axis.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.app.i18n import translate
from gui.widgets.log_axis import LogAxis

_COLORMAP = pg.colormap.get("viridis")



def _title(method: str) -> str:
    if method == "grid":
        return translate("SearchPlot", "grid search")
    return translate("SearchPlot", "random search")


class SearchPlot(pg.GraphicsLayoutWidget):
    """``show_searches(grid, random)`` with two ``hyper_search.Search`` results."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(320)
        self.scatters: dict[str, pg.ScatterPlotItem] = {}
        self.marginals: dict[str, pg.PlotDataItem] = {}
        self.bests: dict[str, pg.ScatterPlotItem] = {}
        self.plots: dict[str, pg.PlotItem] = {}
        for col, method in enumerate(("grid", "random")):
            self._build(method, col)
        self.scale_text = self.addLabel("", row=2, col=0, colspan=2, color="#c8c8d0")

    def _build(self, method: str, col: int) -> None:
        title = _title(method)
        top = self.addPlot(row=0, col=col, axisItems={"bottom": LogAxis("bottom"),
                                                      "left": LogAxis("left")})
        top.setLogMode(x=True, y=True)
        top.setTitle(title, color="#e8e8e8", size="11pt")
        top.setLabel("left", translate("SearchPlot", "regularization λ"))
        top.hideButtons()
        self.scatters[method] = pg.ScatterPlotItem(size=13, pen=pg.mkPen("#101018"))
        self.bests[method] = pg.ScatterPlotItem(size=24, symbol="o", brush=None,
                                                pen=pg.mkPen("#ff5c5c", width=3))
        top.addItem(self.scatters[method])
        top.addItem(self.bests[method])
        low = self.addPlot(row=1, col=col, axisItems={"bottom": LogAxis("bottom")})
        low.setLogMode(x=True, y=False)
        low.setLabel("bottom", translate("SearchPlot", "learning rate η"))
        low.setLabel("left", translate("SearchPlot", "val. accuracy"))
        low.setXLink(top)
        low.getAxis("left").enableAutoSIPrefix(False)
        low.hideButtons()
        low.setMaximumHeight(130)
        self.marginals[method] = low.plot(pen=None, symbol="o", symbolSize=7,
                                          symbolBrush="#ffd166", symbolPen=None)
        top.marginal_plot = low
        self.plots[method] = top

    def show_searches(self, grid, random) -> None:
        lo = float(min(grid.val_acc.min(), random.val_acc.min()))
        hi = float(max(grid.val_acc.max(), random.val_acc.max()))
        for search in (grid, random):
            u = (search.val_acc - lo) / (hi - lo) if hi > lo else np.ones(len(search.val_acc))
            brushes = [pg.mkBrush(c) for c in _COLORMAP.map(u, mode="qcolor")]
            # Log mode applies to data items added with log10 coordinates.
            xy = np.log10(np.stack([search.lrs, search.regs], axis=-1))
            self.scatters[search.method].setData(pos=xy, brush=brushes)
            best = search.best
            self.bests[search.method].setData(pos=xy[best:best + 1])
            self.marginals[search.method].setData(search.lrs, search.val_acc)
            self.plots[search.method].setTitle(
                _title(search.method) + "  "
                + translate("SearchPlot", "best {0:.1%}").format(search.val_acc[best]),
                color="#e8e8e8", size="11pt")
        pad = 0.05 * (hi - lo) or 0.01
        for plot in self.plots.values():
            plot.marginal_plot.setYRange(lo - pad, hi + pad, padding=0)
        self.scale_text.setText(translate("SearchPlot", "colour: validation accuracy {0:.1%} "
                                                        "(dark) … {1:.1%} "
                                    "(bright); ring: best trial").format(lo, hi))
