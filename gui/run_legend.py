"""The legend of the runs: colour, label, and a diverged mark with its reason."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal

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
    if len(diverged_at) == 1:
        return f"✕ diverged at step {step}", f"stopped at step {step}: {reason}"
    return (f"✕ {dead.size}/{len(diverged_at)} diverged",
            f"{dead.size} of {len(diverged_at)} start points stopped; first at step "
            f"{step}: {reason}")


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
        self._shown = rows
        self.item.clear()
        self._proxies = []
        for label, color, enabled, note, tip in rows:
            proxy = pg.PlotDataItem(pen=pg.mkPen(color, width=3))
            proxy.setVisible(enabled)
            text = html.escape(label)
            if note:
                text += f'&nbsp;&nbsp;<span style="color:{DIVERGED_COLOR}">{note}</span>'
            self.item.addItem(proxy, text)
            sample, label_item = self.item.items[-1]
            for widget in (sample, label_item):
                widget.setToolTip(tip or f"{label}: click the line to hide or show this run")
            self._proxies.append(proxy)

    def labels(self) -> list[str]:
        """The legend's texts as shown (HTML), in order — for tests and export checks."""
        return [label.text for _, label in self.item.items]

    def _on_sample_clicked(self, proxy) -> None:
        for i, p in enumerate(self._proxies):
            if p is proxy:
                self.toggled.emit(i)
