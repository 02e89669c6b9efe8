"""Plots in as many columns as the width allows, each tall enough to read.

A docked panel on a projector is narrow (about 380 px at 1280 × 720): a
fixed 2 × 2 grid there squeezed each plot to a sliver or ran off the dock's
edge. ``PlotGrid`` puts its plots in ``columns = clamp(width // min_plot_width,
1, max_columns)`` columns, in reading order, and asks for
``rows × min_plot_height`` pixels of height, so the dock's scroll area
scrolls instead of squeezing them.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal

#: Narrowest and lowest a plot is laid out (pixels).
MIN_PLOT_WIDTH, MIN_PLOT_HEIGHT = 330, 160


class PlotGrid(pg.GraphicsLayoutWidget):
    """A ``GraphicsLayoutWidget`` whose plots (``add_plot``) reflow with its width."""

    columns_changed = Signal(int)

    def __init__(self, parent=None, max_columns: int = 2, min_plot_width: int = MIN_PLOT_WIDTH,
                 min_plot_height: int = MIN_PLOT_HEIGHT):
        super().__init__(parent)
        self.max_columns, self.min_plot_width = max_columns, min_plot_width
        self.min_plot_height = min_plot_height
        self.grid_plots: list[pg.PlotItem] = []
        self.columns = max_columns

    def add_plot(self, **kwargs) -> pg.PlotItem:
        """A new ``pg.PlotItem(**kwargs)`` after the others."""
        plot = pg.PlotItem(**kwargs)
        let_title_shrink(plot)
        self.grid_plots.append(plot)
        k = len(self.grid_plots) - 1
        self.ci.addItem(plot, row=k // self.columns, col=k % self.columns)
        self._ask_height()
        return plot

    def columns_for(self, width: int) -> int:
        return max(1, min(self.max_columns, width // self.min_plot_width))

    def rows(self) -> int:
        return math.ceil(len(self.grid_plots) / self.columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # pyqtgraph calls this itself, with None, from inside its __init__ too.
        columns = self.columns_for(self.width()) if hasattr(self, "grid_plots") else 0
        if columns and columns != self.columns:
            self.set_columns(columns)
        super().resizeEvent(event)

    def set_columns(self, columns: int) -> None:
        """Lay the plots out again in ``columns`` columns."""
        self.columns = columns
        for plot in self.grid_plots:
            self.ci.removeItem(plot)
        for k, plot in enumerate(self.grid_plots):
            self.ci.addItem(plot, row=k // columns, col=k % columns)
        self._ask_height()
        self.columns_changed.emit(columns)

    def _ask_height(self) -> None:
        rows = self.rows()
        _left, top, _right, bottom = self.ci.layout.getContentsMargins()
        spacing = max(0.0, self.ci.layout.verticalSpacing())
        self.setMinimumHeight(round(rows * self.min_plot_height + (rows - 1) * spacing
                                    + top + bottom + 2 * self.ci.contentsRect().top()))


def let_title_shrink(plot: pg.PlotItem) -> None:
    """Let ``plot``'s title be cut rather than widen the plot past its dock:
    pyqtgraph's ``LabelItem`` holds its minimum width at its text's and sets
    it again on every text change and resize."""
    label = plot.titleLabel
    update = label.updateMin

    def update_min() -> None:
        update()
        label.setMinimumWidth(0)
        label._sizeHint[Qt.SizeHint.MinimumSize] = (0, label._sizeHint[Qt.SizeHint.MinimumSize][1])

    label.updateMin = update_min
    update_min()
