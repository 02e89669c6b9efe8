"""The analysis docks (training curves, gradient check, classifier training) in the main window."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSettings, Qt

from gui.panels.curves_panel import CurvesPanel
from gui.panels.gradcheck_panel import GradcheckPanel
from gui.panels.many_starts_panel import ManyStartsPanel
from gui.panels.stability_panel import StabilityPanel
from gui.panels.training_panel import TrainingPanel
from gui.widgets.scrolling import scrolling

#: The docks' titles: their keys in ``window.docks`` (shown translated).
TITLES = (
    QT_TRANSLATE_NOOP("Docks", "Training curves"),
    QT_TRANSLATE_NOOP("Docks", "Gradient check"),
    QT_TRANSLATE_NOOP("Docks", "Classifier training"),
    QT_TRANSLATE_NOOP("Docks", "Many starts"),
    QT_TRANSLATE_NOOP("Docks", "Stability"),
)


class _CancelOnClose(QObject):
    """Stops the panels' background work when the window closes."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Close:
            self.window.training_panel.worker.cancel()
            self.window.gradcheck_panel.sweep_jobs.cancel()
            self.window.many_starts_panel.ms.cancel()
        return False


def install_panels(window, model) -> dict:
    """Add the analysis panels to ``window`` (a ``MainWindow``) as bottom
    docks, tabbed (``window.reset_layout``); returns ``{title: panel}``. Each
    panel is also the window's attribute (``curves_panel``, ``gradcheck_panel``,
    ``training_panel``, ``many_starts_panel``, ``stability_panel``): code
    reaches a panel by that, never by a title, which the interface language
    changes."""
    w = window
    w.curves_panel, w.gradcheck_panel = CurvesPanel(model), GradcheckPanel(model)
    w.training_panel, w.many_starts_panel = TrainingPanel(model), ManyStartsPanel(model)
    w.stability_panel = StabilityPanel(model)
    panels = dict(zip(TITLES, (w.curves_panel, w.gradcheck_panel, w.training_panel,
                               w.many_starts_panel, w.stability_panel), strict=True))
    for t in TITLES:
        # Scrolled in a short dock rather than holding the docks tall and the surface small.
        window.add_dock(scrolling(panels[t]), t, Qt.DockWidgetArea.BottomDockWidgetArea)
    if QSettings().value("window/state") is None:  # else add_dock restored the user's layout
        window.reset_layout()
    window.installEventFilter(_CancelOnClose(window))
    return panels
