"""The Lesson panel follows the experiment and is saved with it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment

RAVINE = ef.PRESET_DIR / "ravine_sgd_vs_momentum.optviz.json"
SADDLE = ef.PRESET_DIR / "saddle_escape.optviz.json"


def _in_front(window, title: str) -> bool:
    dock = window.docks[title]
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def test_the_lesson_follows_a_preset_change(qtbot, window, model):
    panel = window.lesson_panel
    assert "no lesson" in panel.text()
    assert window.files.open_preset(RAVINE)
    ravine = ef.load(RAVINE).lesson
    assert ravine.look[:40] in panel.text() and ravine.why[:40] in panel.text()
    qtbot.waitUntil(lambda: _in_front(window, "Lesson"))
    assert window.files.open_preset(SADDLE)
    assert ef.load(SADDLE).lesson.try_next[:40] in panel.text()
    assert ravine.look[:40] not in panel.text()
    assert ef.load(SADDLE).notes[:30] not in window.statusBar().currentMessage()  # not cut off
    model.load_spec(default_experiment())
    assert "no lesson" in panel.text()


def test_the_lesson_is_saved_with_the_experiment(window, model, tmp_path, monkeypatch):
    window.files.open_preset(SADDLE)
    path = tmp_path / "mine.optviz.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.actions["save"].trigger()
    assert ef.load(path).lesson == ef.load(SADDLE).lesson


def test_presentation_mode_keeps_the_lesson_and_hides_the_rest(qtbot, window, model):
    window.files.open_preset(RAVINE)
    qtbot.keyClick(window.view.canvas, Qt.Key.Key_F11)
    assert window.docks["Lesson"].isVisible()
    assert not window.docks["Optimizers"].isVisible() and not window.statusBar().isVisible()
    qtbot.keyClick(window.view.canvas, Qt.Key.Key_F11)
    assert window.docks["Optimizers"].isVisible() and window.statusBar().isVisible()


def test_presentation_mode_gives_the_surface_the_room_when_there_is_no_lesson(
        qtbot, window, model):
    lesson = window.docks["Lesson"]
    assert not model.spec.lesson  # the start-up race has none
    lesson.show()
    qtbot.keyClick(window.view.canvas, Qt.Key.Key_F11)
    assert not lesson.isVisible() and not window.docks["Optimizers"].isVisible()
    window.files.open_preset(RAVINE)  # a lesson to show: it comes up at once
    qtbot.waitUntil(lesson.isVisible)
    model.load_spec(default_experiment())
    qtbot.waitUntil(lambda: not lesson.isVisible())
    qtbot.keyClick(window.view.canvas, Qt.Key.Key_F11)
    assert lesson.isVisible() and window.docks["Optimizers"].isVisible()
