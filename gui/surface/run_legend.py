"""The legend of the runs: colour, label, and a diverged mark with its reason."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal

from gui.app.i18n import translate, translated
from gui.surface.legend_box import LegendBox
from gui.surface.legend_place import CORNERS, emptiest_corner, places_over
from gui.surface.view_style import LEGEND_PT

#: Colour of the "diverged" note in the legend.
DIVERGED_COLOR = "#ff8a80"


def divergence_note(diverged_at: np.ndarray, reasons: np.ndarray) -> tuple[str, str]:
    """``(short note, tooltip)`` for a run's ``diverged_at (S,)`` / ``reasons (S,)``;
    empty strings when every point is still running."""
    dead = np.flatnonzero(np.asarray(diverged_at) >= 0)
    if not dead.size:
        return "", ""
    first = dead[np.argmin(np.asarray(diverged_at)[dead])]
    step, reason = int(diverged_at[first]), str(reasons[first])
    reason = translated("core", reason)
    if len(diverged_at) == 1:
        return (translate("RunLegend", "✕ diverged at step {step}").format(step=step),
                translate("RunLegend", "stopped at step {step}: {reason}").format(
                    step=step, reason=reason))
    return (translate("RunLegend", "✕ {n}/{total} diverged").format(
                n=dead.size, total=len(diverged_at)),
            translate("RunLegend", "{n} of {total} start points stopped; first at step "
                                   "{step}: {reason}").format(
                n=dead.size, total=len(diverged_at), step=step, reason=reason))


#: Pixels between the legend and the view's edges.
MARGIN = 8
#: The legend looks for a clearer place this often (in steps), and over at
#: most this many trail points.
REPLACE_EVERY, MAX_POINTS = 20, 4000


class RunLegend(QObject):
    """A pyqtgraph LegendItem kept in step with the model's runs.

    Clicking an entry, its sample or its label, emits ``toggled(index)`` (the
    view enables or disables that run). Entries are rebuilt only when a label,
    colour or divergence note changes, not every frame. ``place`` keeps it in
    the corner or edge of the view where it covers the fewest trail points and
    the least of the surface's low ground.
    """

    toggled = Signal(int)

    def __init__(self, viewbox: pg.ViewBox):
        super().__init__()
        self.item = LegendBox(offset=(-8, 8), labelTextSize=f"{LEGEND_PT:g}pt",
                                  labelTextColor="#eeeeee", brush=pg.mkBrush(16, 16, 24, 170),
                                  pen=pg.mkPen(255, 255, 255, 40), verSpacing=-6)
        self.item.setParentItem(viewbox)
        self.item.sigSampleClicked.connect(self._on_sample_clicked)
        self.item.row_clicked.connect(self.toggled)
        self.corner = CORNERS[0]
        self._placed_for: tuple | None = None
        self._followed: tuple | None = None  # the last (traces, step) followed
        viewbox.sigResized.connect(self._refollow)  # a picture's view is resized to draw it
        self._ground = np.zeros((0, 2))  # the surface's low ground: the legend avoids it too
        self.keep_clear = None  # a QGraphicsItem of the view the legend never covers
        self._proxies: list[pg.PlotDataItem] = []
        self._shown: list[tuple] = []

    def update(self, traces) -> None:
        """Show ``traces`` (``ExperimentModel.traces()``)."""
        rows = []
        for tr in traces:
            note, tip = divergence_note(tr.diverged_at, tr.reasons) if tr.enabled else ("", "")
            rows.append((tr.label, tr.color, tr.enabled, note, tip))
        if rows == self._shown:
            return
        same_runs = [r[:3] for r in rows] == [r[:3] for r in self._shown]
        old, self._shown = self._shown, rows
        if same_runs:
            # Only divergence notes changed (they may, every frame, while a grid of
            # starts diverges): edit those entries; a rebuild re-lays out every
            # entry once per entry, O(runs²), which froze frames with many runs.
            for (sample, label_item), row, before in zip(self.item.items, rows, old, strict=True):
                if row != before:
                    self._show_row(sample, label_item, *row)
            self._fit()
            return
        self.item.clear()
        self._proxies = []
        for row in rows:
            proxy = pg.PlotDataItem(pen=pg.mkPen(row[1], width=3))
            proxy.setVisible(row[2])
            self.item.addItem(proxy, "")
            self._show_row(*self.item.items[-1], *row)
            self._proxies.append(proxy)
        self._fit()

    def set_ground(self, points: np.ndarray) -> None:
        """Also keep clear of ``points (M, 2)`` (surface coordinates): the surface's
        valleys and basins (``legend_place.low_ground``), where the lesson is."""
        self._ground = np.asarray(points, float).reshape(-1, 2)
        self._placed_for = None

    def follow(self, traces, step: int) -> None:
        """``place`` the legend clear of ``traces``' trails (``ExperimentModel.traces()``)
        and of the low ground, looked at again when the runs or the ground change
        and every ``REPLACE_EVERY`` steps."""
        self._followed = (traces, step)
        viewbox = self.item.parentItem()
        size = viewbox.boundingRect().size() if viewbox is not None else None
        key = (tuple(tr.key for tr in traces), step // REPLACE_EVERY,
               None if size is None else (size.width(), size.height()))
        if key == self._placed_for:
            return
        self._placed_for = key
        parts = [tr.points.reshape(-1, 2) for tr in traces if tr.enabled and len(tr.points)]
        if viewbox is None or not (parts or len(self._ground)):
            return
        points = np.concatenate(parts) if parts else np.zeros((0, 2))
        points = np.concatenate([points[:: max(1, len(points) // MAX_POINTS)], self._ground])
        rect, size = viewbox.viewRect(), viewbox.boundingRect()
        W, H = size.width(), size.height()
        if rect.width() <= 0 or rect.height() <= 0:
            return
        pixels = np.column_stack([(points[:, 0] - rect.left()) / rect.width() * W,
                                  (rect.bottom() - points[:, 1]) / rect.height() * H])
        self.place(pixels, (W, H))

    def _refollow(self) -> None:
        """Placed for the view's new size (else a view drawn at another size than
        it was built at kept a place chosen for the wrong one)."""
        if self._followed is not None:
            self.follow(*self._followed)

    def place(self, points: np.ndarray, view_size: tuple[float, float],
              avoid: tuple = ((0, 0),)) -> None:
        """Move to the corner or edge middle (``legend_place.PLACES``) of a
        ``view_size (W, H)`` view covering the fewest ``points (N, 2)`` (view
        pixels, y down); ``avoid`` places hold other text, as do those over
        ``keep_clear`` (an item of the view, e.g. the step counter)."""
        box = (self.item.width(), self.item.height())
        if self.keep_clear is not None and self.keep_clear.isVisible():
            r = self.keep_clear.mapRectToParent(self.keep_clear.boundingRect())
            rect = (r.left(), r.top(), r.right(), r.bottom())
            avoid = tuple(avoid) + places_over(rect, view_size, box, MARGIN)
        corner = emptiest_corner(points, view_size, box, self.corner, MARGIN, avoid)
        if corner != self.corner:
            self.corner = corner
            offset = tuple(MARGIN * (1 - 2 * a) if a != 0.5 else 0 for a in corner)
            self.item.anchor(itemPos=corner, parentPos=corner, offset=offset)

    def set_text_size(self, points: float) -> None:
        """Entries' text at ``points`` pt; the box fits it."""
        self.item.setLabelTextSize(f"{points:g}pt")
        for _, label in self.item.items:
            label.setText(label.text)  # the new size applies when the text is set
        self._fit()

    def _fit(self) -> None:
        """The legend's box around its entries as they are now (texts change width)."""
        self.item.resize(0, 0)  # shrink to the entries' minimum sizes, then measure
        self.item.layout.activate()
        self.item.updateSize()

    @staticmethod
    def _show_row(sample, label_item, label: str, color: str, enabled: bool, note: str,
                  tip: str) -> None:
        label = translated("core", label)
        text = html.escape(label)
        if note:
            text += f'&nbsp;&nbsp;<span style="color:{DIVERGED_COLOR}">{note}</span>'
        label_item.setText(text)
        for widget in (sample, label_item):
            widget.setToolTip(tip or translate(
                "RunLegend", "{run}: click the line to hide or show this run").format(run=label))

    def labels(self) -> list[str]:
        """The legend's texts as shown (HTML), in order — for tests and export checks."""
        return [label.text for _, label in self.item.items]

    def _on_sample_clicked(self, proxy) -> None:
        for i, p in enumerate(self._proxies):
            if p is proxy:
                self.toggled.emit(i)
