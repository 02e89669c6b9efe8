"""The legend's item: a whole entry toggles its run, and it never moves off the view."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal


class LegendBox(pg.LegendItem):
    """A ``pg.LegendItem`` whose every entry, sample or label, is a button:
    a click on row ``i`` emits ``row_clicked(i)`` and goes no further (the
    surface below does not take it as a new start). Dragging does nothing:
    where it sits is chosen for it (``RunLegend.place``), so it cannot be lost."""

    row_clicked = Signal(int)

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph's name
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        ev.accept()
        row = self.row_at(ev.pos().y())
        if row is not None:
            self.row_clicked.emit(row)

    def mouseDragEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph's name
        ev.accept()  # held still: neither the legend nor the view beneath moves

    def row_at(self, y: float) -> int | None:
        """The entry at item coordinate ``y``, or None between or beyond entries."""
        for i, (sample, label) in enumerate(self.items):
            top = min(sample.geometry().top(), label.geometry().top())
            bottom = max(sample.geometry().bottom(), label.geometry().bottom())
            if top <= y <= bottom:
                return i
        return None
