"""The Ctrl+E dialog and the chunked GUI export: fields, progress, cancel, errors."""

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.export.animation import export_animation, qimage_to_rgb
from gui.export.animation_options import AnimationOptions
from gui.export.dialog import ExportDialog, start_export
from tests.readback import read_frames


@pytest.fixture
def dialog(qtbot, model, tmp_path):
    d = ExportDialog(model)
    qtbot.addWidget(d)
    d.path_edit.setText(str(tmp_path / "race.mp4"))
    return d


@pytest.fixture
def warnings(monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: seen.append(a[2]))
    return seen


def test_format_and_path_follow_each_other(qtbot, dialog, tmp_path):
    dialog.format.setCurrentIndex(dialog.format.findData("gif"))
    assert dialog.path() == tmp_path / "race.gif"
    dialog.path_edit.setText(str(tmp_path / "lesson.zip"))
    assert dialog.format.currentData() == "zip"
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    assert dialog.path() == tmp_path / "lesson"


def test_fields_make_the_options_and_bad_values_block_export(qtbot, dialog, model):
    dialog.size_menu.activated.emit(dialog.size_menu.findText("1280 × 720"))
    dialog.fps.setValue(24)
    dialog.spf.setValue(4)
    dialog.frames.setValue(49)
    dialog.title_on.setChecked(True)
    dialog.title_text.setText("Ravine")
    o = dialog.options()
    assert (o.width, o.height, o.fps, o.frames, o.steps_per_frame, o.title) == \
        (1280, 720, 24, 49, 4, "Ravine")
    assert dialog.summary.text() == "2.0 s of animation, steps 0 … 192"
    assert dialog.export_button.isEnabled()
    dialog.width_box.setValue(641)
    assert not dialog.export_button.isEnabled() and "even" in dialog.error.text()
    dialog.width_box.setValue(640)
    dialog.path_edit.setText("")
    assert not dialog.export_button.isEnabled()


def test_a_long_problem_gets_the_lines_it_needs(qtbot, dialog, tmp_path):
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.path_edit.setText(str(tmp_path / ("a_long_name_for_a_race" * 3 + ".avi")))
    error = dialog.error
    assert error.text() and error.heightForWidth(error.width()) > error.fontMetrics().height()
    assert error.height() >= error.heightForWidth(error.width())  # not drawn over its row


def run_job(qtbot, window, path, options, timeout=20_000):
    job = start_export(window, path, options)
    events = []
    for name in ("finished", "failed", "cancelled"):
        getattr(job, name).connect(lambda *a, n=name: events.append((n, *a)))
    return job, events


def test_ctrl_e_exports_what_the_window_shows(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "race.gif"

    def fill_in():
        d = QApplication.activeModalWidget()
        assert isinstance(d, ExportDialog)
        d.path_edit.setText(str(path))
        d.width_box.setValue(160)
        d.height_box.setValue(120)
        d.frames.setValue(8)
        qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)

    window.model.advance(30)  # the window's race is elsewhere; the export starts at 0
    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    job = window.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    frames = read_frames(path)
    assert len(frames) == 8 and frames[0].shape == (120, 160, 3)
    assert window.model.step == 30  # the window's race was left alone
    window.model.reset()
    live = qimage_to_rgb(window.view.render_image(160, 120))
    assert np.abs(frames[0].astype(int) - live).mean() < 3
    assert "Exported" in window.statusBar().currentMessage()


def test_the_window_keeps_answering_during_an_export(qtbot, window, tmp_path):
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    job, events = run_job(qtbot, window, tmp_path / "race.zip", AnimationOptions(160, 120,
                                                                                 frames=60))
    progress = []
    job.progressed.connect(lambda f, m: progress.append(f))
    qtbot.waitUntil(lambda: bool(events), timeout=20_000)
    timer.stop()
    assert events[0][0] == "finished"
    assert len(progress) >= 3 and progress == sorted(progress)
    assert len(ticks) >= len(progress) // 2  # the event loop ran between chunks


def test_cancel_in_the_progress_dialog_removes_the_partial_file(qtbot, window, tmp_path):
    old = tmp_path / "race.mp4"
    old.write_bytes(b"previous export")
    job, events = run_job(qtbot, window, old, AnimationOptions(160, 120, frames=2000))
    qtbot.waitUntil(lambda: job._done > 5, timeout=20_000)
    dialog = job.progress_dialog
    cancel = next(b for b in dialog.findChildren(type(window.cancel_button))
                  if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(events), timeout=10_000)
    assert events == [("cancelled",)]
    assert old.read_bytes() == b"previous export"
    assert list(tmp_path.iterdir()) == [old]
    assert "cancelled" in window.statusBar().currentMessage()


def test_cancel_during_gif_encoding_removes_the_partial_file(qtbot, window, tmp_path):
    job, events = run_job(qtbot, window, tmp_path / "race.gif",
                          AnimationOptions(160, 120, frames=40))
    job.progressed.connect(lambda f, m: m == "encoding" and job.cancel())
    qtbot.waitUntil(lambda: bool(events), timeout=20_000)
    assert events == [("cancelled",)]
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_reported_and_nothing_is_written(qtbot, window, tmp_path,
                                                             warnings):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file")
    job, events = run_job(qtbot, window, blocker / "out.mp4", AnimationOptions(160, 120))
    qtbot.waitUntil(lambda: bool(events), timeout=5_000)
    assert events[0][0] == "failed" and "is not a folder" in events[0][1]
    assert warnings and "is not a folder" in warnings[0]
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_window_exports_the_frames_the_command_line_does(qtbot, window, tmp_path):
    options = AnimationOptions(320, 180, frames=6, steps_per_frame=15, curves=True)
    shown = window.view.viewbox.viewRect()
    job, events = run_job(qtbot, window, tmp_path / "window.zip", options)
    qtbot.waitUntil(lambda: bool(events), timeout=20_000)
    assert events[0][0] == "finished"
    cli = export_animation(window.model.spec, tmp_path / "cli.zip", options, view_rect=shown)
    for a, b in zip(read_frames(tmp_path / "window.zip"), read_frames(cli), strict=True):
        assert np.array_equal(a, b)
