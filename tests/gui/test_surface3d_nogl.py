"""Without OpenGL the 3-D view is off, says why, and the rest of the window works."""

import pytest
from PySide6.QtCore import Qt

from gui.surface3d import gl_probe


@pytest.fixture(autouse=True)
def _fresh_probe():
    gl_probe.forget()
    yield
    gl_probe.forget()


def test_on_the_offscreen_platform_the_3d_actions_are_off_and_say_why(qtbot, window):
    for name in ("view_3d", "only_3d"):
        action = window.actions[name]
        assert not action.isEnabled()
        assert "3-D view unavailable" in action.toolTip() and "offscreen" in action.toolTip()
    assert "3-D view unavailable" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.surface3d.view is None and window.centralWidget() is window.view
    window.model.advance(30)  # and the 2-D view goes on as ever
    assert len(window.view.trails.trails()[0].points) > 1


def test_the_environment_can_turn_gl_off(qtbot, model, monkeypatch):
    monkeypatch.setenv(gl_probe.NO_GL_ENV, "1")
    from gui.app.main_window import MainWindow

    w = MainWindow(model)
    qtbot.addWidget(w)
    assert not w.actions["view_3d"].isEnabled()
    assert gl_probe.NO_GL_ENV in w.actions["view_3d"].toolTip()


def test_a_failed_context_gives_its_reason(qtbot, model, monkeypatch):
    monkeypatch.setattr(gl_probe, "_probe", lambda: "no OpenGL context can be made (test)")
    from gui.app.main_window import MainWindow

    w = MainWindow(model)
    qtbot.addWidget(w)
    assert "no OpenGL context can be made (test)" in w.actions["only_3d"].statusTip()
    assert "no OpenGL context can be made (test)" in w.statusBar().currentMessage()
