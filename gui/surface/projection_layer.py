"""The trained paths projected onto the slice plane, drawn over the surface.

Each is a dotted path in its run's colour, a star at its end and a caption
saying how much of the path the plane cannot show. Captions of paths that
end close together are stacked, each a line above the last, so none covers
another (placed again when the view zooms or pans). The paths are the
model's (``model.training.paths``); this layer only draws them.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from gui.app.i18n import translate, translated

#: Above the trails, below the heads and the start marker.
Z = 15
#: A stacked caption's rise per place, in caption heights.
STACK_STEP = 1.1


class ProjectionLayer:
    """Items on ``viewbox`` for the paths of ``training`` (a ``TrainingState``);
    ``paths`` maps each run label to its dotted path item, ``captions`` are
    their captions in the model's order."""

    def __init__(self, viewbox: pg.ViewBox, training):
        self.viewbox, self.training = viewbox, training
        self.paths: dict[str, pg.PlotDataItem] = {}
        self.captions: list[pg.TextItem] = []
        self._items: list = []
        training.projections_changed.connect(self.redraw)
        viewbox.sigRangeChanged.connect(self.stack_captions)
        viewbox.sigResized.connect(self.stack_captions)
        self.redraw()

    def redraw(self) -> None:
        for item in self._items:
            self.viewbox.removeItem(item)
        self.paths, self.captions, self._items = {}, [], []
        for path in self.training.paths:
            self._add(path)
        self.stack_captions()

    def stack_captions(self, *_) -> None:
        """Raise each caption, a place at a time, until it covers none before it;
        one that would run past the view's right edge is slid left over its
        star, as far as the left edge allows."""
        placed = []
        box = self.viewbox.sceneBoundingRect()
        self.viewbox.updateMatrix()  # else done on the next paint: the rects would be stale
        for caption in self.captions:
            at = _placed(caption, (0, 1))  # starting at its star: at.left() is the star
            w = max(at.width(), 1.0)
            past_right = max(0.0, (at.right() - box.right()) / w)
            side = min(past_right, max(0.0, (at.left() - box.left()) / w), 1.0)
            for k in range(len(self.captions)):
                rect = _placed(caption, (side, 1 + STACK_STEP * k))
                if not any(rect.intersects(r) for r in placed):
                    break
            placed.append(rect)

    def _add(self, p) -> None:
        line = pg.PlotDataItem(p.ab[:, 0], p.ab[:, 1],
                               pen=pg.mkPen(p.color, width=1.5, style=Qt.PenStyle.DotLine),
                               symbol="o", symbolSize=3, symbolPen=None, symbolBrush=p.color)
        end = pg.ScatterPlotItem([p.ab[-1, 0]], [p.ab[-1, 1]], symbol="star", size=16,
                                 brush=pg.mkBrush(p.color), pen=pg.mkPen("#101018"))
        text = translate("TrainingPanel", "{run}, trained: {share} % off the plane").format(
            run=translated("core", p.label), share=f"{100 * p.off_plane:.0f}")
        caption = pg.TextItem(text, color=p.color, anchor=(0, 1),
                              fill=pg.mkBrush(20, 20, 28, 190))
        caption.setPos(*p.ab[-1])
        for item in (line, end, caption):
            item.setZValue(Z)
            self.viewbox.addItem(item, ignoreBounds=True)
        self.paths[p.label] = line
        self.captions.append(caption)
        self._items += [line, end, caption]


def _placed(caption: pg.TextItem, anchor: tuple[float, float]):
    """``caption``'s scene rectangle at ``anchor``. A TextItem follows the view's
    scale only when painted: it is brought up to date first (the view's matrix too)."""
    caption.setAnchor(anchor)
    caption.updateTransform(force=True)
    return caption.sceneBoundingRect()
