"""Experiment files in the window: Open, Save, Save As, recent files, presets.

``FileManager(window)`` serves the window's "open", "save" and "save_as"
actions, adds File ▸ Open Recent and a Presets menu, keeps the
window title as ``<name>[*] — optviz`` with the ``*`` shown while the
experiment differs from what was last opened or saved, and asks before
unsaved changes are lost (opening another experiment, closing the window).
A file that fails to load is explained in a dialog and changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from gui.app.core_text import error_text
from gui.app.i18n import translate, translated
from optim_core.experiment import file as ef

RECENT_KEY = "files/recent"
MAX_RECENT = 8
FILTER = QT_TRANSLATE_NOOP("FileManager", "optviz experiments (*.optviz.json);;"
                                          "JSON files (*.json);;All files (*)")


class FileManager(QObject):
    """File handling for ``window`` (a QMainWindow with ``model`` and ``actions``)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self._saved = _settings(self.model.spec)
        self._build_menus()
        for signal in (self.model.modified, self.model.spec_replaced, self.model.meta_changed):
            signal.connect(self.update_title)
        window.installEventFilter(self)
        self.update_title()

    # ----------------------------------------------------------------- state
    @property
    def dirty(self) -> bool:
        """True when the experiment differs from the file (or preset) it came from."""
        return _settings(self.model.spec) != self._saved

    @property
    def path(self) -> Path | None:
        """The file the experiment was opened from or saved to (the model keeps it,
        so undoing an Open goes back to the file before)."""
        return Path(self.model.source) if self.model.source else None

    @property
    def name(self) -> str:
        """The file's name, else the experiment's title."""
        if self.path is not None:
            return self.path.name
        return self.model.spec.title or translate("FileManager", "untitled")

    def _mark_clean(self, path: Path | None) -> None:
        self.model.source = str(path) if path is not None else None
        self._saved = _settings(self.model.spec)
        self.update_title()

    def update_title(self) -> None:
        self.window.setWindowTitle(f"{translated('core', self.name)}[*] — optviz")
        self.window.setWindowModified(self.dirty)

    # ----------------------------------------------------------------- open
    def open_dialog(self) -> None:
        """File ▸ Open (Ctrl+O)."""
        if not self.maybe_save():
            return
        start = str(self.path.parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("FileManager", "Open experiment"), start,
            translated("FileManager", FILTER))
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Load ``path``; on failure explain it and keep the open experiment."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            spec = ef.load(path)
        except ef.ExperimentFileError as e:
            QMessageBox.warning(self.window, translate("FileManager", "Cannot open experiment"),
                                translate("FileManager", "{name} could not be opened.\n\n{reason}")
                                .format(name=path.name, reason=error_text(e)))
            self._forget(path)
            return False
        self.model.load_spec(spec, source=str(path))
        self._mark_clean(path)
        self._remember(path)
        return True

    def open_preset(self, path: Path) -> bool:
        """Load a bundled preset; Save then asks where (presets stay untouched)."""
        if not self.maybe_save():
            return False
        try:
            spec = ef.load(path)
        except ef.ExperimentFileError as e:
            QMessageBox.warning(self.window, translate("FileManager", "Cannot open preset"),
                                error_text(e))
            return False
        self.model.load_spec(spec)
        self._mark_clean(None)  # its lesson: the Lesson panel
        return True

    # ----------------------------------------------------------------- save
    def save(self) -> bool:
        """File ▸ Save (Ctrl+S); asks for a name the first time."""
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        """File ▸ Save As (Ctrl+Shift+S)."""
        suggested = self.path or Path(_file_name(self.model.spec.title or self.name))
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("FileManager", "Save experiment"), str(suggested),
            translated("FileManager", FILTER))
        if not path:
            return False
        path = Path(path)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + ef.SUFFIX)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            ef.save(self.model.spec, path)
        except OSError as e:
            QMessageBox.warning(
                self.window, translate("FileManager", "Cannot save experiment"),
                error_text(e.strerror or e))
            return False
        self._mark_clean(path)
        self._remember(path)
        self.window.statusBar().showMessage(
            translate("FileManager", "Saved {path}").format(path=path), 5000)
        return True

    def maybe_save(self) -> bool:
        """Before unsaved changes would be lost: Save, Discard or Cancel.
        True when it is fine to go on."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self.window, translate("FileManager", "Unsaved changes"),
            translate("FileManager", "Save the changes to {name} first?").format(
                name=translated("core", self.name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close and not self.maybe_save():
            event.ignore()
            return True
        return False

    # ----------------------------------------------------------------- menus
    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = next(a.menu() for a in bar.actions()
                         if a.menu() and self.window.actions["open"] in a.menu().actions())
        self.recent_menu = QMenu(translate("FileManager", "Open &Recent"), self.window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.insertMenu(self.window.actions["save"], self.recent_menu)
        self.presets_menu = QMenu(translate("FileManager", "&Presets"), self.window)
        bar.insertMenu(bar.actions()[1] if len(bar.actions()) > 1 else None, self.presets_menu)
        for path in ef.presets():
            self._add_preset(path)

    def _add_preset(self, path: Path) -> None:
        try:
            spec = ef.load(path)
        except ef.ExperimentFileError:
            return  # a broken preset is a bug the preset tests catch; the menu goes on
        action = self.presets_menu.addAction(translated("core", spec.title) or path.name)
        action.setStatusTip(translated("core", spec.notes))
        action.setToolTip(translated("core", spec.notes))
        action.setData(str(path))
        action.triggered.connect(lambda _=False, p=path: self.open_preset(p))

    def recent(self) -> list[Path]:
        value = QSettings().value(RECENT_KEY, [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items][:MAX_RECENT]

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.recent()
        for i, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{i}  {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction(translate("FileManager", "(none)")).setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(translate("FileManager", "Clear list"), lambda: self._store([]))

    def _remember(self, path: Path) -> None:
        path = path.resolve()
        self._store([path] + [p for p in self.recent() if p != path])

    def _forget(self, path: Path) -> None:
        self._store([p for p in self.recent() if p != path.resolve()])

    def _store(self, paths: list[Path]) -> None:
        QSettings().setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])


def title_stem(title: str, default: str) -> str:
    """A file-name stem from a title, for the save and export dialogs:
    'Saddle point: who escapes?' -> 'saddle_point_who_escapes'; ``default``
    when the title has no letters or digits."""
    stem = "".join(c if c.isalnum() else "_" for c in title.lower()).strip("_")
    while "__" in stem:
        stem = stem.replace("__", "_")
    return stem or default


def _file_name(title: str) -> str:
    """A file name from an experiment title: 'Saddle point: who escapes?' ->
    'saddle_point_who_escapes.optviz.json'."""
    return title_stem(title, "experiment") + ef.SUFFIX


def _settings(spec) -> str:
    """What the file holds but its W*: that is derived data, so a slice whose W*
    was trained after opening holds no unsaved change."""
    return ef.to_json(replace(spec, centre=None))
