"""The Ctrl+E dialog: export the race as MP4, GIF or PNG frames.

``run_export_dialog(window)`` asks for the format, size, frame rate, steps
per frame, number of frames, the view (2-D, 3-D with an optional camera
orbit, or both), the curves panel and a title banner, then runs
an ``AnimationExportJob`` under a progress dialog with Cancel. The export
records the window's experiment from step 0 in a hidden view showing the
same region as the window (zoom and pan included; in 3-D, from the window's
camera); the window's own race is left as it is. The last choices are
remembered (QSettings).
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui.app.core_text import error_text
from gui.app.files import title_stem
from gui.app.i18n import translate, translated
from gui.export.animation_options import AnimationOptions
from gui.export.frame_writer import ExportError, check_frame_options, format_of
from gui.export.job import AnimationExportJob
from gui.export.view_choice import ViewChoice

FORMATS = ((QT_TRANSLATE_NOOP("ExportDialog", "MP4 video (H.264)"), "mp4", ".mp4"),
           (QT_TRANSLATE_NOOP("ExportDialog", "Animated GIF"), "gif", ".gif"),
           (QT_TRANSLATE_NOOP("ExportDialog", "PNG frames in a zip"), "zip", ".zip"),
           (QT_TRANSLATE_NOOP("ExportDialog", "PNG frames in a folder"), "png", ""))
CONTEXT = "ExportDialog"
SIZES = ((640, 480), (800, 600), (960, 540), (1280, 720), (1920, 1080), (480, 360))


class ExportDialog(QDialog):
    """The export settings for ``model``'s experiment; ``options()`` and ``path()``."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export animation"))
        self.model = model
        spec = model.spec
        s = QSettings()
        self.format = QComboBox()
        for text, key, _ in FORMATS:
            self.format.addItem(translated(CONTEXT, text), key)
        self.width_box = _spin(16, 8192, int(s.value("export/width", 640)))
        self.height_box = _spin(16, 8192, int(s.value("export/height", 480)))
        self.size_menu = QComboBox()
        self.size_menu.addItem(translate("ExportDialog", "Size…"))
        for w, h in SIZES:
            self.size_menu.addItem(f"{w} × {h}", (w, h))
        self.fps = QDoubleSpinBox(decimals=1, minimum=1, maximum=60, suffix=" fps")
        self.fps.setValue(float(s.value("export/fps", 30.0)))
        self.spf = _spin(1, 100_000, spec.steps_per_frame)
        self.frames = _spin(1, 100_000, math.ceil(spec.steps / spec.steps_per_frame) + 1)
        self.summary = QLabel()
        self.view_choice = ViewChoice()
        self.curves = QCheckBox(translate("ExportDialog", "Training curves beside the surface"))
        self.curves.setChecked(s.value("export/curves", False) in (True, "true"))
        self.title_on = QCheckBox(translate("ExportDialog", "Title banner"))
        self.title_text = QLineEdit(translated("core", spec.title))
        self.path_edit = QLineEdit()
        self.browse = QPushButton(translate("ExportDialog", "Browse…"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #ff6b6b")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(translate("ExportDialog", "Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self._layout()
        self._connect()
        fmt = str(s.value("export/format", "mp4"))
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        folder = Path(str(s.value("export/folder", Path.home())))
        self.path_edit.setText(str(folder / title_stem(spec.title, "race")) + self._suffix())
        self._update()

    def _layout(self) -> None:
        form = QFormLayout(self)
        size = QHBoxLayout()
        for w in (self.width_box, QLabel("×"), self.height_box, self.size_menu):
            size.addWidget(w)
        title = QHBoxLayout()
        title.addWidget(self.title_on)
        title.addWidget(self.title_text, 1)
        out = QHBoxLayout()
        out.addWidget(self.path_edit, 1)
        out.addWidget(self.browse)
        form.addRow(translate("ExportDialog", "Format"), self.format)
        form.addRow(translate("ExportDialog", "Size"), size)
        form.addRow(translate("ExportDialog", "Frame rate"), self.fps)
        form.addRow(translate("ExportDialog", "Steps per frame"), self.spf)
        form.addRow(translate("ExportDialog", "Frames"), self.frames)
        form.addRow("", self.summary)
        form.addRow(translate("ExportDialog", "View"), self.view_choice)
        form.addRow("", self.curves)
        form.addRow("", title)
        form.addRow(translate("ExportDialog", "Save to"), out)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def _connect(self) -> None:
        self.format.currentIndexChanged.connect(self._on_format)
        self.size_menu.activated.connect(self._on_size_menu)
        for box in (self.width_box, self.height_box, self.spf, self.frames):
            box.valueChanged.connect(self._update)
        self.fps.valueChanged.connect(self._update)
        self.path_edit.textChanged.connect(self._on_path_edited)
        self.title_on.toggled.connect(self._update)
        self.browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    # ----------------------------------------------------------------- values
    def options(self) -> AnimationOptions:
        return AnimationOptions(
            width=self.width_box.value(), height=self.height_box.value(),
            fps=self.fps.value(), frames=self.frames.value(),
            steps_per_frame=self.spf.value(),
            title=self.title_text.text().strip() if self.title_on.isChecked() else "",
            curves=self.curves.isChecked(), view=self.view_choice.view(),
            orbit=self.view_choice.orbit())

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _suffix(self) -> str:
        return FORMATS[self.format.currentIndex()][2]

    # --------------------------------------------------------------- reactions
    def _on_format(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            p = Path(text)
            stem = p.name[: -len(p.suffix)] if p.suffix else p.name
            self.path_edit.setText(str(p.with_name(stem + self._suffix())))
        self._update()

    def _on_path_edited(self) -> None:
        try:
            fmt = format_of(self.path()) if self.path_edit.text().strip() else None
        except ExportError:
            fmt = None
        if fmt is not None and fmt != self.format.currentData():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(fmt))
            self.format.blockSignals(False)
        self._update()

    def _on_size_menu(self, index: int) -> None:
        size = self.size_menu.itemData(index)
        if size:
            self.width_box.setValue(size[0])
            self.height_box.setValue(size[1])
        self.size_menu.setCurrentIndex(0)

    def _browse(self) -> None:
        if self.format.currentData() == "png":
            path = QFileDialog.getExistingDirectory(
                self, translate("ExportDialog", "Folder for the PNG frames"),
                str(self.path().parent))
            if path:
                path = str(Path(path) / self.path().name)
        else:
            text, key, suffix = FORMATS[self.format.currentIndex()]
            path, _ = QFileDialog.getSaveFileName(
                self, translate("ExportDialog", "Export animation"), str(self.path()),
                f"{translated(CONTEXT, text)} (*{suffix})")
        if path:
            self.path_edit.setText(path)

    def _update(self) -> None:
        o = self.options()
        steps = o.last_step(self.model.spec)
        self.summary.setText(
            translate("ExportDialog", "{seconds:.1f} s of animation, steps 0 … {steps}")
            .format(seconds=o.frames / o.fps, steps=steps))
        problem = self.problem() or ""
        if problem != self.error.text():
            self.error.setText(problem)
            self.adjustSize()  # a wrapped message takes the lines it needs
        self.export_button.setEnabled(self.problem() is None)

    def problem(self) -> str | None:
        """What stops the export, in words, or None."""
        if not self.path_edit.text().strip():
            return translate("ExportDialog", "Choose where to save the animation.")
        o = self.options()
        try:
            check_frame_options(format_of(self.path()), o.width, o.height, o.fps)
        except ExportError as e:
            return error_text(e)
        return None

    def _accept(self) -> None:
        if self.problem() is None:
            s = QSettings()
            s.setValue("export/width", self.width_box.value())
            s.setValue("export/height", self.height_box.value())
            s.setValue("export/fps", self.fps.value())
            s.setValue("export/format", self.format.currentData())
            s.setValue("export/curves", self.curves.isChecked())
            s.setValue("export/folder", str(self.path().parent))
            self.accept()


def start_export(window, path: Path, options: AnimationOptions) -> AnimationExportJob:
    """Run the export of ``window``'s experiment under a progress dialog with Cancel."""
    view3d = getattr(getattr(window, "surface3d", None), "view", None)
    job = AnimationExportJob(window.model.spec, path, options,
                             view_rect=window.view.viewbox.viewRect(), parent=window,
                             camera=view3d.camera() if view3d is not None else None)
    progress = QProgressDialog(
        translate("ExportDialog", "Exporting {name}…").format(name=path.name),
        translate("ExportDialog", "Cancel"), 0, 1000, window)
    progress.setWindowTitle(translate("ExportDialog", "Export animation"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    job.progress_dialog = progress
    progress.canceled.connect(job.cancel)
    job.progressed.connect(lambda f, m: (progress.setValue(round(1000 * f)),
                                         progress.setLabelText(f"{path.name}: {m}")))

    def done(message: str, failed: bool = False) -> None:
        progress.close()
        window.statusBar().showMessage(message, 10_000)
        if failed:
            QMessageBox.warning(window, translate("ExportDialog", "Export failed"), message)

    job.finished.connect(
        lambda p: done(translate("ExportDialog", "Exported {path}").format(path=p)))
    job.failed.connect(lambda m: done(translate("ExportDialog", "Export failed: {message}")
                                      .format(message=m), failed=True))
    job.cancelled.connect(
        lambda: done(translate("ExportDialog", "Export cancelled; nothing was written")))
    progress.show()
    QTimer.singleShot(0, job.start)  # the caller can connect to the job's signals first
    return job


def run_export_dialog(window) -> AnimationExportJob | None:
    """Ctrl+E: ask, then export; returns the running job (None when cancelled)."""
    window.model.pause()
    dialog = ExportDialog(window.model, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    window.export_job = start_export(window, dialog.path(), dialog.options())
    return window.export_job


def _spin(lo: int, hi: int, value: int) -> QSpinBox:
    box = QSpinBox(minimum=lo, maximum=hi)
    box.setValue(value)
    return box

