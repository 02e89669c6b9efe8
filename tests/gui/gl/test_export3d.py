"""Recording the race in 3-D: the Ctrl+E dialog and the recorder, on real OpenGL."""

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from gui.export.animation import RaceRecorder
from gui.export.animation_options import AnimationOptions
from gui.export.dialog import ExportDialog
from gui.surface3d import camera as cam
from tests.readback import read_frames


def colourful(frame: np.ndarray) -> np.ndarray:
    c = frame.astype(int)
    return (c.max(-1) - c.min(-1)) > 40


def test_ctrl_e_records_3d_from_the_windows_camera_with_an_orbit(qtbot, active_window,
                                                                  tmp_path):
    window = active_window
    path = tmp_path / "race3d.zip"
    qtbot.keyClick(window, Qt.Key.Key_F3)
    window.activateWindow()  # the first GL widget recreates the window (no WM here)
    qtbot.waitUntil(window.isActiveWindow)
    window.surface3d.view.set_camera(cam.HOME._replace(azimuth=-60.0))

    def fill_in():
        d = QApplication.activeModalWidget()
        assert isinstance(d, ExportDialog)
        assert d.view_choice.combo.model().item(1).isEnabled()  # GL works here
        d.view_choice.combo.setCurrentIndex(d.view_choice.combo.findData("3d"))
        d.view_choice.orbit_box.setValue(90)
        d.path_edit.setText(str(path))
        d.width_box.setValue(240)
        d.height_box.setValue(180)
        d.frames.setValue(4)
        qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    job = window.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    frames = read_frames(path)
    assert len(frames) == 4 and frames[0].shape == (180, 240, 3)
    assert colourful(frames[0]).mean() > 0.1
    assert job.options.view == "3d" and job.options.orbit == 90
    assert "Exported" in window.statusBar().currentMessage()


def test_the_recorders_camera_turns_by_the_orbit_over_the_frames(qtbot, model, gl_ok):
    spec = model.spec
    recorder = RaceRecorder(spec, AnimationOptions(200, 150, frames=5, steps_per_frame=10,
                                                   view="both", orbit=120.0))
    try:
        recorder.wait_ready()
        azimuths, shapes = [], []
        for frame in recorder.frames():
            azimuths.append(recorder.surface.view3d.camera().azimuth)
            shapes.append(frame.shape)
        np.testing.assert_allclose(np.diff(azimuths), 30.0)
        assert azimuths[0] == cam.HOME.azimuth
        assert set(shapes) == {(150, 200, 3)}
        left, right = frame[:, :100], frame[:, 100:]
        assert colourful(left).mean() > 0.1 and colourful(right).mean() > 0.04
    finally:
        recorder.close()
