"""The training panel's plots: loss and accuracy per epoch, update ratio per step, PCA plane.

Train curves are solid, validation curves dashed, one colour per run (the
panel's coloured run check boxes are the legend). The
update/parameter ratio ‖ΔW‖/‖W‖ is drawn on a log axis beside the ≈1e-3
rule of thumb from the course notes. The PCA view (Li et al., 2018) shows
one run's trajectory in the plane of its two principal directions over the
loss on that plane, with the explained variance in the axis labels.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gui.app.i18n import translate, translated
from gui.model.training_worker import PCAView
from gui.widgets.log_axis import LogAxis
from gui.widgets.plot_grid import PlotGrid
from optim_core.training.full_space import RunHistory

#: The course notes' rule of thumb for ‖ΔW‖/‖W‖ per step.
RATIO_GUIDE = 1e-3
DASH = Qt.PenStyle.DashLine


def _style(plot: pg.PlotItem, title: str, left: str, bottom: str) -> None:
    plot.setTitle(title, color="#e8e8e8", size="10pt")
    plot.setLabel("left", left)
    plot.setLabel("bottom", bottom)
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.hideButtons()
    # They fit themselves; the wheel scrolls the dock they stack in, never zooms.
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.getAxis("left").enableAutoSIPrefix(False)
    plot.getAxis("bottom").enableAutoSIPrefix(False)


class TrainingPlots(PlotGrid):
    """Four plots, in two columns or one as the width allows; ``set_runs`` and
    ``set_pca`` update them in place."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.loss = self.add_plot(axisItems={"left": LogAxis("left")})
        self.acc = self.add_plot()
        self.ratio = self.add_plot(axisItems={"left": LogAxis("left")})
        self.pca = self.add_plot()
        epoch = translate("TrainingPlots", "epoch")
        _style(self.loss, translate("TrainingPlots", "loss  (train —, validation - -)"),
               translate("TrainingPlots", "L(W) = data + λ‖W‖²"), epoch)
        _style(self.acc, translate("TrainingPlots", "accuracy  (train —, validation - -)"),
               translate("TrainingPlots", "accuracy"), epoch)
        _style(self.ratio, translate("TrainingPlots", "update ratio per step  (- - ≈1e-3 guide)"),
               "‖ΔW‖ / ‖W‖", translate("TrainingPlots", "step"))
        _style(self.pca, translate("TrainingPlots", "PCA plane of the trajectory"), "PC 2", "PC 1")
        self.loss.setLogMode(y=True)
        self.ratio.setLogMode(y=True)
        self.acc.setYRange(0, 1, padding=0.02)
        self.acc.setXLink(self.loss)
        guide = pg.InfiniteLine(np.log10(RATIO_GUIDE), angle=0,
                                pen=pg.mkPen("#ffd166", width=1.5, style=DASH))
        self.ratio.addItem(guide)
        #: (curve, run label) -> (plot, item, colour of its pen)
        self.items: dict[tuple[str, str], tuple[pg.PlotItem, pg.PlotDataItem, str | None]] = {}
        self._build_pca()

    def _build_pca(self) -> None:
        self.pca_image = pg.ImageItem(axisOrder="row-major")
        self.pca_image.setColorMap(pg.colormap.get("viridis"))
        self.pca.addItem(self.pca_image)
        self.pca_path = self.pca.plot(pen=pg.mkPen("w", width=2), symbol="o", symbolSize=4)
        self.pca_end = pg.ScatterPlotItem(size=14, symbol="star", pen=pg.mkPen("k"))
        self.pca.addItem(self.pca_end)

    def _item(self, plot: pg.PlotItem, key: tuple[str, str], color: str, width: float = 2.0,
              style=Qt.PenStyle.SolidLine) -> pg.PlotDataItem:
        """The curve ``key`` in ``color``; its pen is set only when new or recoloured
        (a pen change rebuilds the curve, and this runs every epoch while training)."""
        if key not in self.items:
            self.items[key] = (plot, plot.plot(), None)
        plot, item, shown = self.items[key]
        if shown != color:
            item.setPen(pg.mkPen(color, width=width, style=style))
            self.items[key] = (plot, item, color)
        return item

    def set_runs(self, runs: dict[str, RunHistory], colors: dict[str, str]) -> None:
        """Redraw every run's curves (removing those of runs no longer shown)."""
        for key in [k for k in self.items if k[1] not in runs]:
            plot, item, _color = self.items.pop(key)
            plot.removeItem(item)
        for label, run in runs.items():
            color = colors[label]
            epochs = np.asarray(run.epochs)
            for plot, name, train, val in ((self.loss, "loss", run.train_loss, run.val_loss),
                                           (self.acc, "acc", run.train_acc, run.val_acc)):
                self._item(plot, (f"{name}:train", label), color).setData(epochs, train)
                self._item(plot, (f"{name}:val", label), color, style=DASH).setData(epochs, val)
            ratio = np.asarray(run.update_ratio)
            steps = np.arange(1, len(ratio) + 1)
            self._item(self.ratio, ("ratio", label), color, width=1.5).setData(steps, ratio)

    def set_pca(self, view: PCAView | None, color: str = "#ffffff", label: str = "") -> None:
        """Show ``view`` (a run's PCA plane) or clear the plot."""
        if view is None:
            self.pca_image.clear()
            self.pca_path.setData([], [])
            self.pca_end.setData([], [])
            self.pca.setLabel("bottom", "PC 1")
            self.pca.setLabel("left", "PC 2")
            return
        z = view.z
        with np.errstate(all="ignore"):
            shown = np.log10(np.maximum(z, np.nanmin(z[z > 0]) if np.any(z > 0) else 1e-12))
        self.pca_image.setImage(shown, autoLevels=True)
        a, b = view.a, view.b
        self.pca_image.setRect(a[0], b[0], a[-1] - a[0], b[-1] - b[0])
        c = view.projection.coords
        self.pca_path.setData(c[:, 0], c[:, 1], pen=pg.mkPen(color, width=2),
                              symbolBrush=color, symbolPen=None)
        self.pca_end.setData([c[-1, 0]], [c[-1, 1]], brush=pg.mkBrush(color))
        ev = 100 * view.projection.explained
        title = translate("TrainingPlots", "{run}: PCA plane (★ end; colour log₁₀ L)")
        self.pca.setTitle(title.format(run=translated("core", label)), color="#e8e8e8",
                          size="10pt")
        share = translate("TrainingPlots", "{pc}  ({share} % of variance)")
        self.pca.setLabel("bottom", share.format(pc="PC 1", share=f"{ev[0]:.3g}"))
        self.pca.setLabel("left", share.format(pc="PC 2", share=f"{ev[1]:.3g}"))
        self.pca.setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0)
