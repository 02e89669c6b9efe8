"""The legend of the runs: colour, label, and a diverged mark with its reason."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal

from gui.app.i18n import translate, translated

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


class RunLegend(QObject):
    """A pyqtgraph LegendItem kept in step with the model's runs.

    Clicking an entry's sample emits ``toggled(index)`` (the view enables or
    disables that run). Entries are rebuilt only when a label, colour or
    divergence note changes, not every frame.
    """

    toggled = Signal(int)

    def __init__(self, viewbox: pg.ViewBox):
        super().__init__()
        self.item = pg.LegendItem(offset=(-8, 8), labelTextSize="9pt",
                                  labelTextColor="#eeeeee", brush=pg.mkBrush(16, 16, 24, 170),
                                  pen=pg.mkPen(255, 255, 255, 40), verSpacing=-6)
        self.item.setParentItem(viewbox)
        self.item.sigSampleClicked.connect(self._on_sample_clicked)
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

    def set_text_size(self, points: float) -> None:
        """Entries' text at ``points`` pt; the box fits it."""
        self.item.setLabelTextSize(f"{points:g}pt")
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
