"""The main window: surface view in the middle, panels in docks, transport on top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolBar,
    QWidget,
)

from gui.app import window_layout
from gui.app.app import app_icon
from gui.app.core_text import error_text
from gui.app.dock_tabs import WholeDockTitles
from gui.app.edit_menu import install_edit_menu
from gui.app.files import FileManager
from gui.app.i18n import translate, translated
from gui.app.internals_menu import InternalsMenu
from gui.app.presenter_keys import PresenterKeys
from gui.app.view_actions import add_view_actions
from gui.panels.lesson_panel import LessonPanel
from gui.panels.optimizer_panel import OptimizerPanel
from gui.panels.surface_panel import SurfacePanel
from gui.panels.transport import Transport
from gui.surface.surface_view import SurfaceView
from gui.surface3d.window_pane import install_surface3d
from gui.widgets.scrolling import scrolling

ABOUT = QT_TRANSLATE_NOOP("MainWindow", """<h3>optviz</h3>
<p>See gradient-based optimizers race across real loss surfaces: toy functions and random
planes L(W₀ + a·D₁ + b·D₂) through a linear classifier's weights.</p>
<p>Following the CS231n optimization notes: loss slices, gradient checks, SGD → momentum →
Adam, learning-rate decay.</p>
<p>Digits data: UCI ML hand-written digits (CC BY 4.0). Colour maps: matplotlib's viridis
family (CC0). Built with PySide6, pyqtgraph and numpy.</p>""")


class MainWindow(QMainWindow):
    """The application window over one ``ExperimentModel``.

    Other panels join with ``add_dock(widget, title, area)``; experiment files
    (open, save, recent, presets, the title, unsaved changes) are
    ``self.files``, a ``gui.app.files.FileManager``; every action is in
    ``self.actions`` by name.
    """

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.setWindowIcon(app_icon())
        self.setDockNestingEnabled(True)
        WholeDockTitles(self)  # tabbed docks scroll their tab bar, never cut titles
        self.view = SurfaceView(model)
        self.setCentralWidget(self.view)
        self.docks: dict[str, QDockWidget] = {}
        self._home: dict[str, Qt.DockWidgetArea] = {}  # where each dock was added
        self.actions: dict[str, QAction] = {}
        self._build_menus()
        install_edit_menu(self)
        self._build_toolbar()
        self.internals_menu = InternalsMenu(self)
        self.surface_panel = SurfacePanel(model)
        self.optimizer_panel = OptimizerPanel(model)
        self.add_dock(scrolling(self.surface_panel), QT_TRANSLATE_NOOP("Docks", "Surface"),
                      Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_dock(self.optimizer_panel, QT_TRANSLATE_NOOP("Docks", "Optimizers"),
                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.lesson_panel = LessonPanel(model)
        lesson = self.add_dock(self.lesson_panel, QT_TRANSLATE_NOOP("Docks", "Lesson"),
                               Qt.DockWidgetArea.LeftDockWidgetArea)
        self.lesson_panel.shown.connect(lambda has: has and lesson.raise_())
        self._build_status_bar()
        self.surface3d = install_surface3d(self)  # View ▸ 3-D view, or why there is none
        self.files = FileManager(self)
        self.setGeometry(window_layout.first_geometry(window_layout.available(self)))
        self.restore_layout()
        QApplication.instance().installEventFilter(PresenterKeys(self))
        model.spec_replaced.connect(lambda: QTimer.singleShot(0, self.fit_to_screen))

    # ------------------------------------------------------------------ docks
    def add_dock(self, widget: QWidget, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Put ``widget`` in a movable dock listed in the View menu; its place is
        remembered between launches (by ``title``, which stays the key in every
        language; the dock shows it translated)."""
        dock = QDockWidget(translated("Docks", title), self)
        dock.setObjectName(f"dock:{title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        dock.show()
        self.view_menu.addAction(dock.toggleViewAction())
        self.docks[title] = dock
        self._home[title] = area
        state = QSettings().value("window/state")
        if state is not None:
            self.restoreState(state)
        return dock

    def home_areas(self) -> dict[str, Qt.DockWidgetArea]:
        """``{dock title: the area it was added to}``."""
        return dict(self._home)

    def restore_layout(self) -> None:
        """The remembered geometry and docks, or (first launch) the default layout
        for this screen; either way inside the available screen."""
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        else:
            self.reset_layout()
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Keep the window inside the available screen (a restored geometry from a
        larger screen, or docks that grew with a new experiment, never push it past)."""
        if not self.isFullScreen():
            window_layout.fit_to_screen(self)

    def focus_home(self) -> None:
        """Give the keyboard focus to the surface (after Enter in a number box)."""
        self.view.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_to_screen)  # once the frame's size is known

    def closeEvent(self, event) -> None:
        self.model.pause()
        self.model.jobs.cancel()
        self.save_layout()
        super().closeEvent(event)
        if event.isAccepted():
            _hide_offscreen_renderers()

    # ------------------------------------------------------------------ menus
    def _action(self, name: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.actions[name] = action
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        for name, text, slot, key in (
            ("open", translate("MainWindow", "&Open experiment…"), lambda: self.files.open_dialog(),
             QKeySequence.StandardKey.Open),
            ("save", translate("MainWindow", "&Save experiment"), lambda: self.files.save(),
             QKeySequence.StandardKey.Save),
            ("save_as", translate("MainWindow", "Save experiment &as…"),
             lambda: self.files.save_as(), "Ctrl+Shift+S"),
            ("export", translate("MainWindow", "&Export animation…"), self.export_animation,
             "Ctrl+E"),
        ):
            file_menu.addAction(self._action(name, text, slot, key))
        file_menu.addSeparator()
        quit_key = QKeySequence.StandardKey.Quit
        file_menu.addAction(self._action("quit", translate("MainWindow", "&Quit"), self.close,
                                         quit_key))
        self.view_menu = self.menuBar().addMenu(translate("MainWindow", "&View"))
        self.view_menu.addAction(self._action("reset_layout", translate("MainWindow",
                                                                        "Reset layout"),
                                              self.reset_layout))
        add_view_actions(self)
        self.view_menu.addSeparator()
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self._action("about", translate("MainWindow", "&About optviz"),
                                         self.show_about))

    def _build_toolbar(self) -> None:
        self.transport = Transport(self.model)
        bar = QToolBar(translate("MainWindow", "Transport"), self)
        bar.setObjectName("toolbar:transport")
        bar.addWidget(self.transport)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        for name, text, slot, key in (
                ("play", translate("MainWindow", "Play / pause"), self.model.toggle_play,
                 Qt.Key.Key_Space),
                ("step", translate("MainWindow", "Step"), self.model.step_once, Qt.Key.Key_Right),
                ("reset", translate("MainWindow", "Reset"), self.model.reset, Qt.Key.Key_R)):
            # Application-wide, so a floating dock with the focus still drives the race.
            self._action(name, text, slot, key).setShortcutContext(
                Qt.ShortcutContext.ApplicationShortcut)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.readout = QLabel()
        self.readout.setMinimumWidth(300)
        bar.addWidget(self.readout, 1)
        self.notes = QLabel(wordWrap=True)  # what the experiment says to look for
        bar.addWidget(self.notes, 2)
        self.progress = QProgressBar(maximumWidth=220, maximum=1000)
        self.cancel_button = QPushButton(translate("MainWindow", "Cancel"))
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._show_progress(False)
        self.view.readout_changed.connect(self.readout.setText)
        self.cancel_button.clicked.connect(self.model.jobs.cancel)
        self.cancel_button.clicked.connect(lambda: self._show_progress(False))
        self.model.job_progressed.connect(self._on_job_progressed)
        self.model.grid_ready.connect(lambda: self._show_progress(self.model.busy))
        self.model.job_failed.connect(self._on_job_failed)
        self.model.race_failed.connect(self._on_race_failed)
        for signal in (self.model.meta_changed, self.model.spec_replaced):
            signal.connect(self._show_notes)
        self._show_notes()

    def _show_notes(self) -> None:
        notes = translated("core", self.model.spec.notes)
        self.notes.setText(notes)
        self.notes.setToolTip(notes)

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    def _on_job_progressed(self, fraction: float, message: str) -> None:
        self._show_progress(True)
        self.progress.setValue(round(1000 * fraction))
        self.progress.setFormat(f"{translated('core', message)}  %p%")

    def _on_race_failed(self, message: str) -> None:
        """A step raised: the model has paused the race; say why, once."""
        message = error_text(message)
        self.statusBar().showMessage(translate("MainWindow", "The race stopped: {message}")
                                     .format(message=message), 10_000)
        QMessageBox.warning(self, translate("MainWindow", "The race stopped"), translate(
            "MainWindow", "{message}\n\nThe race is paused at step {step}. Change the settings "
            "that caused it, then Reset or Play.").format(message=message, step=self.model.step))

    def _on_job_failed(self, message: str) -> None:
        """A slice could not be built (e.g. a bad dataset file): say so where it
        cannot be missed; the model has gone back to the surface on screen."""
        self._show_progress(False)
        message = error_text(message)
        self.statusBar().showMessage(translate("MainWindow", "Could not build the surface: "
                                               "{message}").format(message=message), 10_000)
        QMessageBox.warning(self, translate("MainWindow", "Cannot build the surface"),
                            translate("MainWindow", "{message}\n\nThe surface on screen stays "
                                                    "as it was.").format(message=message))

    # ------------------------------------------------------------ file actions
    def open_path(self, path: str | Path) -> bool:
        """Open an experiment file (``python main.py file.optviz.json``); on
        error a dialog says why and the open experiment stays."""
        return self.files.open_path(path)

    def export_animation(self) -> None:
        """Ctrl+E. The export dialog is provided by ``gui.export`` when installed."""
        try:
            from gui.export.dialog import run_export_dialog
        except ImportError:
            self.statusBar().showMessage(translate(
                "MainWindow", "Animation export is not available in this build"), 5000)
            return
        run_export_dialog(self)

    def reset_layout(self) -> None:
        """The default layout for this screen (``gui.app.window_layout``): on a
        large one every dock back in the area it was added to, on a projector-sized
        one all docks as tabs of one column; docks sharing an area become tabs."""
        window_layout.arrange(self, window_layout.available(self))

    def show_about(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About optviz"),
                          translated("MainWindow", ABOUT))


def _hide_offscreen_renderers() -> None:
    """Hide the never-on-screen views that draw exported pictures: shown off
    screen, they count as open windows and kept the application running after
    its only real window closed."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            widget.hide()
