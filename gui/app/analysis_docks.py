"""The analysis docks (training curves, gradient check, classifier training) in the main window."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from gui.panels.curves_panel import CurvesPanel
from gui.panels.gradcheck_panel import GradcheckPanel
from gui.panels.many_starts_panel import ManyStartsPanel
from gui.panels.training_panel import TrainingPanel

#: The docks' titles: their keys in ``window.docks`` (shown translated).
TITLES = (
    QT_TRANSLATE_NOOP("Docks", "Training curves"),
    QT_TRANSLATE_NOOP("Docks", "Gradient check"),
    QT_TRANSLATE_NOOP("Docks", "Classifier training"),
    QT_TRANSLATE_NOOP("Docks", "Many starts"),
)
#: Panels with many controls scroll in a short dock rather than holding the
#: bottom docks tall and the surface small.
SCROLLED = ("Gradient check", "Classifier training", "Many starts")


def _scrolling(panel: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area


class _CancelOnClose(QObject):
    """Stops the panels' background work when the window closes."""

    def __init__(self, panels: dict, parent: QObject):
        super().__init__(parent)
        self.panels = panels

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Close:
            self.panels["Classifier training"].worker.cancel()
            self.panels["Gradient check"].sweep_jobs.cancel()
            self.panels["Many starts"].ms.cancel()
        return False


def install_panels(window, model) -> dict:
    """Add the three analysis panels to ``window`` (a ``MainWindow``) as tabbed
    bottom docks; returns ``{title: panel}``. The training panel draws its
    projected paths on ``window.view``."""
    panels = {
        "Training curves": CurvesPanel(model),
        "Gradient check": GradcheckPanel(model),
        "Classifier training": TrainingPanel(model, window.view),
        "Many starts": ManyStartsPanel(model),
    }
    docks = [window.add_dock(_scrolling(panels[t]) if t in SCROLLED else panels[t], t,
                             Qt.DockWidgetArea.BottomDockWidgetArea)
             for t in TITLES]
    if QSettings().value("window/state") is None:  # else add_dock restored the user's layout
        for dock in docks[1:]:
            window.tabifyDockWidget(docks[0], dock)
        docks[0].raise_()
        window.resizeDocks(docks[:1], [round(0.3 * window.height())], Qt.Orientation.Vertical)
    window.installEventFilter(_CancelOnClose(panels, window))
    return panels
