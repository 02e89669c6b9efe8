"""A panel inside a frameless scroll area, so a short dock scrolls it instead of
growing the window past the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(panel: QWidget) -> QScrollArea:
    """``panel`` in a resizable, frameless ``QScrollArea`` (only the vertical bar
    appears when needed; the panel keeps the dock's width)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area
