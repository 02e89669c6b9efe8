"""File ▸ Export picture or data: the view and the curves as PNG/SVG, trajectories and
curves as CSV. ``install_static_exports(window)`` adds the submenu after
"Export animation…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from gui.app.core_text import error_text
from gui.app.files import title_stem
from gui.app.i18n import translate, translated
from gui.export import static
from gui.export.frame_writer import ExportError

KINDS = {".png": QT_TRANSLATE_NOOP("StaticExports", "PNG image"),
         ".svg": QT_TRANSLATE_NOOP("StaticExports", "SVG drawing"),
         ".csv": QT_TRANSLATE_NOOP("StaticExports", "CSV table")}


class StaticExports:
    """The submenu's actions for ``window`` (a ``MainWindow``)."""

    def __init__(self, window):
        self.window = window
        self.menu = QMenu(translate("StaticExports", "Export &picture or data"), window)
        for text, slot in (
            (translate("StaticExports", "View as &PNG…"), lambda: self.view_picture(".png")),
            (translate("StaticExports", "View as &SVG…"), lambda: self.view_picture(".svg")),
            (translate("StaticExports", "&Trajectories as CSV…"), self.trajectories_csv),
            (translate("StaticExports", "&Curves as CSV…"), self.curves_csv),
            (translate("StaticExports", "Curves as P&NG…"), lambda: self.curves_picture(".png")),
            (translate("StaticExports", "Curves as S&VG…"), lambda: self.curves_picture(".svg")),
        ):
            self.menu.addAction(text, slot)
        self.menu.aboutToShow.connect(self._enable)

    def curves_panel(self):
        """The window's curves panel, if it has one."""
        return getattr(self.window, "curves_panel", None)

    def _enable(self) -> None:
        has_curves = self.curves_panel() is not None
        for action in self.menu.actions()[3:]:
            action.setEnabled(has_curves)

    # ---------------------------------------------------------------- actions
    def view_picture(self, suffix: str) -> Path | None:
        path = self._ask(translate("StaticExports", "Export the view"), "view", suffix)
        view = self.window.view
        # A PNG at twice the on-screen width reads well on a slide.
        width = 2 * view.canvas.width() if suffix == ".png" else None
        return self._run(path, lambda p: static.save_picture(view.canvas.ci, p, width))

    def trajectories_csv(self) -> Path | None:
        title = translate("StaticExports", "Export the trajectories")
        path = self._ask(title, "trajectories", ".csv")
        rows = static.trajectories_table(self.window.model)
        return self._run(path, lambda p: static.write_csv(p, static.TRAJECTORY_COLUMNS, rows))

    def curves_csv(self) -> Path | None:
        panel = self.curves_panel()
        start = panel.shown_start if panel is not None else 0
        path = self._ask(translate("StaticExports", "Export the training curves"), "curves", ".csv")
        columns, rows = static.curves_table(self.window.model, start)
        return self._run(path, lambda p: static.write_csv(p, columns, rows))

    def curves_picture(self, suffix: str) -> Path | None:
        panel = self.curves_panel()
        if panel is None:
            return None
        path = self._ask(translate("StaticExports", "Export the training curves"), "curves", suffix)
        width = 2 * panel.canvas.width() if suffix == ".png" else None
        return self._run(path, lambda p: static.save_picture(panel.canvas.ci, p, width))

    # ---------------------------------------------------------------- helpers
    def _ask(self, title: str, what: str, suffix: str) -> Path | None:
        settings = QSettings()
        folder = Path(str(settings.value("export/folder", Path.home())))
        stem = title_stem(self.window.model.spec.title, "race")
        kind = translated("StaticExports", KINDS[suffix])
        name, _ = QFileDialog.getSaveFileName(self.window, title,
                                              str(folder / f"{stem}_{what}{suffix}"),
                                              f"{kind} (*{suffix})")
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        settings.setValue("export/folder", str(path.parent))
        return path

    def _run(self, path: Path | None, write) -> Path | None:
        if path is None:
            return None
        try:
            write(path)
        except (ExportError, OSError) as e:
            QMessageBox.warning(self.window, translate("StaticExports", "Export failed"),
                                error_text(e.strerror if isinstance(e, OSError) and e.strerror
                                           else e))
            return None
        self.window.statusBar().showMessage(
            translate("StaticExports", "Exported {path}").format(path=path), 10_000)
        return path


def install_static_exports(window) -> StaticExports:
    """Add the submenu to ``window``'s File menu, after "Export animation…"."""
    exports = StaticExports(window)
    animation = window.actions["export"]
    menu = next(a.menu() for a in window.menuBar().actions()
                if a.menu() and animation in a.menu().actions())
    actions = menu.actions()
    after = actions[actions.index(animation) + 1] if animation is not actions[-1] else None
    menu.insertMenu(after, exports.menu)
    window.static_exports = exports
    return exports
