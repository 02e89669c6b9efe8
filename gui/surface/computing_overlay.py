"""The grey veil over the surface while a new one is computed.

A classifier slice is built off the GUI thread (loading data, W*, the
grids). Until it arrives the view keeps drawing the old surface, and its
title and axes keep naming the old one (``SurfaceView.refresh_titles``
reads the surface on screen, never the spec); this veil greys it and says
"computing" with the job's progress, so it is never read as the new one.
It follows ``model.building``: shown from the change of surface, centre,
loss, … (``surface_changed``) until the new surface is drawn
(``grid_ready``) or its build fails (``job_failed``).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QGraphicsRectItem

from gui.app.i18n import translate, translated
from gui.surface import view_style

VEIL = QColor(24, 24, 32, 175)
# Above every layer the view box draws (trails 10–20, heads 20, starts 30).
Z = 1000


class ComputingOverlay:
    """A veil and a note, children of ``viewbox`` (its own pixels, whatever the zoom)."""

    def __init__(self, viewbox: pg.ViewBox, model):
        self.model = model
        self.veil = QGraphicsRectItem(viewbox)
        self.veil.setBrush(QBrush(VEIL))
        self.veil.setPen(Qt.PenStyle.NoPen)
        self.veil.setZValue(Z)
        self.note = pg.TextItem(color="#f0f0f4", anchor=(0.5, 0.5))
        self.note.setParentItem(viewbox)
        self.note.setZValue(Z + 1)
        self._viewbox, self._progress = viewbox, ""
        self.set_scale(1.0)
        viewbox.sigResized.connect(self._place)
        model.surface_changed.connect(self.refresh)
        model.grid_ready.connect(self.refresh)
        model.job_failed.connect(self.refresh)
        model.job_progressed.connect(self._on_progressed)
        self.refresh()

    @property
    def shown(self) -> bool:
        return self.veil.isVisible()

    def refresh(self, *_) -> None:
        """Show the veil while the surface drawn is not the one the experiment names."""
        building = self.model.building
        if not building:
            self._progress = ""
        self.veil.setVisible(building)
        self.note.setVisible(building)
        if building:
            self._write()
            self._place()

    def set_scale(self, scale: float) -> None:
        """The note's size, with the view's text (presentation mode)."""
        font = QFont()
        font.setPointSizeF(view_style.NOTE_PT * scale)
        font.setWeight(QFont.Weight.DemiBold)
        self.note.setFont(font)

    def _on_progressed(self, fraction: float, message: str) -> None:
        if self.model.building:
            self._progress = translated("core", message)
            self._write()

    def _write(self) -> None:
        text = translate("SurfaceView", "computing the new surface…")
        self.note.setText(f"{text}\n{self._progress}" if self._progress else text)

    def _place(self, *_) -> None:
        rect = self._viewbox.rect()
        self.veil.setRect(rect)
        self.note.setPos(rect.center())
