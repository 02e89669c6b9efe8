"""A slider dragged by how far the mouse moves, with Shift for fine steps.

A plain QSlider maps the groove's width onto its whole range, so on a
log-scale η slider of six decades in 150 px one pixel was 4 % of a decade
and a 72-px drag went from 0.003 to 5.74. ``FineSlider`` ignores where the
press lands and moves the value by ``units_per_px`` slider units per pixel
dragged (a log slider sets it to one decade per ``PX_PER_DECADE`` pixels),
and a tenth of that while Shift is held.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSlider

#: Pixels of drag per decade on a log-scale slider.
PX_PER_DECADE = 100
#: Shift divides the speed by this.
FINE = 10


class FineSlider(QSlider):
    """Horizontal; ``units_per_px`` None means the groove's width spans the range."""

    def __init__(self, units_per_px: float | None = None, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.units_per_px = units_per_px
        self._origin: tuple[float, int, bool] | None = None  # press x, value, fine

    def speed(self, fine: bool) -> float:
        """Slider units per pixel of drag."""
        per = self.units_per_px
        if per is None:
            per = (self.maximum() - self.minimum()) / max(1, self.width())
        return per / FINE if fine else per

    def mousePressEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if ev.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(ev)
            return
        ev.accept()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._origin = (ev.position().x(), self.value(), self._fine(ev))
        self.setSliderDown(True)

    def mouseMoveEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if self._origin is None:
            super().mouseMoveEvent(ev)
            return
        ev.accept()
        x0, v0, fine = self._origin
        x = ev.position().x()
        if self._fine(ev) != fine:  # Shift pressed or let go mid-drag: go on from here
            self._origin = (x, self.value(), self._fine(ev))
            return
        self.setValue(round(v0 + (x - x0) * self.speed(fine)))

    def mouseReleaseEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if self._origin is None:
            super().mouseReleaseEvent(ev)
            return
        ev.accept()
        self._origin = None
        self.setSliderDown(False)

    @staticmethod
    def _fine(ev) -> bool:
        return bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
