"""Widgets side by side when the width allows, stacked top to bottom when it does not.

A docked column on a projector is about 380 px wide (1280 × 720): settings
beside their plots there ran off the column's right edge. ``Reflow`` lays
its widgets left to right while its width is at least ``wide_from`` (by
default the sum of their size hints), else top to bottom; its minimum
width is the widest child's, so a scroll area around it never needs to
scroll sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QBoxLayout, QWidget

ACROSS, DOWN = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom


class Reflow(QWidget):
    """``widgets`` (with their ``stretches``) in a row, or a column when narrow;
    ``compact``: in a row, at their hinted widths, left-aligned."""

    #: Emitted with ``across`` when the widgets change from a row to a column or back.
    reflowed = Signal(bool)

    def __init__(self, widgets: list[QWidget], stretches: list[int] | None = None,
                 wide_from: int | None = None, compact: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.widgets, self.wide_from_width = list(widgets), wide_from
        self.box = QBoxLayout(ACROSS, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in zip(self.widgets, stretches or [0] * len(self.widgets),
                                   strict=True):
            self.box.addWidget(widget, stretch)
        if compact:  # the widgets keep their hinted width; the room left stays empty
            self.box.addStretch(1)

    def wide_from(self) -> int:
        """The narrowest width the widgets are laid out side by side at: ``wide_from``
        if given (a table's or a plot's hint grows with the width it was given),
        else the sum of their size hints."""
        if self.wide_from_width is not None:
            return self.wide_from_width
        spacing = max(0, self.box.spacing()) * (len(self.widgets) - 1)
        wanted = sum(max(w.sizeHint().width(), min_width(w)) for w in self.widgets) + spacing
        return wanted

    @property
    def across(self) -> bool:
        return self.box.direction() == ACROSS

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        direction = ACROSS if event.size().width() >= self.wide_from() else DOWN
        super().resizeEvent(event)
        if direction != self.box.direction():
            self.box.setDirection(direction)
            self.reflowed.emit(self.across)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as the widest widget (stacked), as high as the current layout needs."""
        width = max((min_width(w) for w in self.widgets), default=0)
        return QSize(width, super().minimumSizeHint().height())


def min_width(widget: QWidget) -> int:
    """The narrowest a layout lets ``widget`` be (its hint or its set minimum)."""
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())
