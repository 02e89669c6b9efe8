"""The four plots of the training curves, their axes, cursors and text sizes.

Loss, |∇f|, effective step size and distance to the nearest minimum, in
reading order, in two columns where the panel is wide and one where it is
docked narrow (``PlotGrid``). The step axes are linked and span the race,
0 … its last step, from step 0 on; the bottom plot of each column says
"step". Text is ``base_pt()`` (a point above the interface's text, which
Ctrl+= scales) times the canvas's ``text_scale`` (an exported frame draws it
at the surface's scale).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gui.app.i18n import translate, translated
from gui.panels.curve_axes import LossAxis, style_step_axis
from gui.widgets.plot_grid import PlotGrid

#: (key, title, y label with {f} for the function's letter) of the four plots.
PLOTS = (("loss", QT_TRANSLATE_NOOP("CurvesPanel", "loss"), "{f}"),
         ("grad_norm", QT_TRANSLATE_NOOP("CurvesPanel", "gradient norm"), "|∇{f}|"),
         ("effective_lr", QT_TRANSLATE_NOOP("CurvesPanel", "step size (adaptive: mean η/(√v+ε))"),
          "η_eff"),
         ("distance", QT_TRANSLATE_NOOP("CurvesPanel", "distance to nearest minimum"), "d"))
CURSOR_PEN = pg.mkPen("#ffd166", width=1.5)
HOVER_PEN = pg.mkPen(255, 255, 255, 110, width=1, style=Qt.PenStyle.DashLine)


def base_pt() -> float:
    """The curves' axis and label text at scale 1 (points): a point above the
    interface's; titles are a point larger still."""
    return QApplication.font().pointSizeF() + 1


class CurvesCanvas(PlotGrid):
    """The plots (``plots[key]``), cursor and hover lines; ``set_*`` update them."""

    def __init__(self, parent=None):
        super().__init__(parent, max_columns=2)
        self.text_scale = 1.0
        self.steps = 1
        self.letter = "f"
        self.plots: dict[str, pg.PlotItem] = {}
        self.cursors: dict[str, pg.InfiniteLine] = {}
        self.hover_lines: dict[str, pg.InfiniteLine] = {}
        for key, _title, _label in PLOTS:
            self._add(key)
        self.no_minimum = pg.TextItem(translate("CurvesPanel", "no known minimum on this surface"),
                                      color="#a0a0a8", anchor=(0.5, 0.5))
        self.no_minimum.setParentItem(self.plots["distance"].getViewBox())
        self.columns_changed.connect(self._label_bottoms)
        self.set_text_scale(1.0)

    def _add(self, key: str) -> None:
        # No context menu: its widgets took a third of building the panel.
        plot = self.add_plot(axisItems={"left": LossAxis("left")}, enableMenu=False)
        style_step_axis(plot.getAxis("bottom"))
        # Horizontal grid lines cost ~9 ms a plot a paint (x ones ~0.1 ms); the
        # hover read-out gives exact values.
        plot.showGrid(x=True, y=False, alpha=0.15)
        plot.hideButtons()
        # The curves fit themselves; the wheel scrolls the dock, never zooms.
        plot.setMouseEnabled(x=False, y=False)
        plot.enableAutoRange(x=False)
        if self.plots:
            plot.setXLink(self.plots["loss"])
        self.cursors[key] = pg.InfiniteLine(angle=90, pen=CURSOR_PEN)
        self.hover_lines[key] = pg.InfiniteLine(angle=90, pen=HOVER_PEN)
        plot.addItem(self.cursors[key], ignoreBounds=True)
        plot.addItem(self.hover_lines[key], ignoreBounds=True)
        self.hover_lines[key].hide()
        self.plots[key] = plot

    # ------------------------------------------------------------------ labels
    def set_letter(self, letter: str, force: bool = False) -> None:
        """Name the function ``letter`` (f or L) in the y labels but the loss's
        (a new label re-lays the plot out: only when it changes)."""
        if letter == self.letter and not force:
            return
        self.letter = letter
        for key, _title, label in PLOTS[1:]:
            self.plots[key].setLabel("left", label.format(f=letter))

    def set_loss_label(self, text: str) -> None:
        axis = self.plots["loss"].getAxis("left")
        if axis.labelText != text or not axis.label.isVisible():
            self.plots["loss"].setLabel("left", text)

    def _label_bottoms(self, *_) -> None:
        """"step" under the last plot of each column only (the x axes are linked)."""
        n = len(self.grid_plots)
        for k, plot in enumerate(self.grid_plots):
            last = k + self.columns >= n
            axis = plot.getAxis("bottom")
            axis.setLabel(translate("CurvesPanel", "step"))
            axis.showLabel(last)

    def set_steps(self, steps: int) -> None:
        """The step axes span 0 … ``steps`` (the race's length)."""
        self.steps = max(1, steps)
        self.plots["loss"].setXRange(0, self.steps, padding=0.02)

    def set_log(self, key: str, log: bool) -> None:
        """Plot ``key``'s y axis on a log scale or not. pyqtgraph turns auto-range
        back on for both axes then; the step axes keep spanning the race."""
        plot = self.plots[key]
        plot.setLogMode(y=log)
        plot.enableAutoRange(x=False)
        self.set_steps(self.steps)

    def set_cursor(self, step: int) -> None:
        for line in self.cursors.values():
            line.setValue(step)

    # -------------------------------------------------------------- text size
    def set_text_scale(self, scale: float) -> None:
        """Every text at ``base_pt() × scale`` points (titles a point more)."""
        self.text_scale = float(scale)
        font = QFont(self.font())
        font.setPointSizeF(base_pt() * scale)
        for (_key, title, _label), plot in zip(PLOTS, self.plots.values(), strict=True):
            plot.setTitle(translated("CurvesPanel", title), color="#e8e8e8",
                          size=f"{(base_pt() + 1) * scale:.1f}pt")
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setTickFont(font)
                axis.label.setFont(font)
        self.no_minimum.setFont(font)
        self.set_letter(self.letter, force=True)
        self._label_bottoms()
