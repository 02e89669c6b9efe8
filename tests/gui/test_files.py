"""Open / Save / recent files / presets / unsaved changes, driven through the window."""

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.app.files import RECENT_KEY
from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment


@pytest.fixture
def files(window):
    return window.files


@pytest.fixture
def saved(tmp_path):
    """A valid experiment file that differs from the model's starting experiment."""
    spec = default_experiment()
    spec.title = "Saved race"
    spec.runs[0].hyper["lr"] = 0.002
    spec.surface.resolution = 64
    path = tmp_path / "race.optviz.json"
    ef.save(spec, path)
    return path


class Dialogs:
    """Stand-ins for the modal dialogs: record what was asked, answer as told."""

    def __init__(self, monkeypatch):
        self.warnings, self.questions = [], []
        self.answer = QMessageBox.StandardButton.Cancel
        self.save_path = self.open_path = ""
        monkeypatch.setattr(QMessageBox, "warning", self._warning)
        monkeypatch.setattr(QMessageBox, "question", self._question)
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, **k: (str(self.save_path), ""))
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a, **k: (str(self.open_path), ""))

    def _warning(self, parent, title, text, *rest):
        self.warnings.append((title, text))
        return QMessageBox.StandardButton.Ok

    def _question(self, parent, title, text, *rest):
        self.questions.append(text)
        return self.answer


@pytest.fixture
def dialogs(monkeypatch):
    return Dialogs(monkeypatch)


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    qtbot.keyClick(window, key, modifiers)


def test_ctrl_o_opens_a_file_and_the_title_names_it(qtbot, window, files, dialogs, saved):
    dialogs.open_path = saved
    press(qtbot, window, Qt.Key.Key_O)
    assert window.model.spec.title == "Saved race"
    assert window.model.spec.runs[0].hyper["lr"] == 0.002
    assert window.windowTitle() == "race.optviz.json[*] — optviz"
    assert not window.isWindowModified() and not files.dirty


def test_a_change_shows_the_star_and_ctrl_s_saves_it_away(qtbot, window, files, dialogs, saved):
    files.open_path(saved)
    window.model.set_hyper(1, "lr", 0.003)
    assert window.isWindowModified()
    press(qtbot, window, Qt.Key.Key_S)
    assert not window.isWindowModified()
    assert ef.load(saved).runs[1].hyper["lr"] == 0.003
    window.model.set_hyper(1, "lr", 0.004)
    window.model.set_hyper(1, "lr", 0.003)  # back to what is on disk: clean again
    assert not window.isWindowModified()
    assert not dialogs.warnings


def test_save_as_with_ctrl_shift_s_adds_the_suffix_and_remembers(qtbot, window, files, dialogs,
                                                                 tmp_path):
    dialogs.save_path = tmp_path / "lesson"
    press(qtbot, window, Qt.Key.Key_S,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    written = tmp_path / "lesson.optviz.json"
    assert ef.load(written) == window.model.spec
    assert files.path == written and window.windowTitle().startswith("lesson.optviz.json")
    assert files.recent()[0] == written.resolve()


@pytest.mark.parametrize("content,words", [
    ("{ truncated", "not valid JSON"),
    ("", "empty"),
    ('{"format": "optviz-experiment", "version": 99}', "version"),
])
def test_failed_load_explains_and_leaves_the_experiment_untouched(files, dialogs, window,
                                                                  tmp_path, content, words):
    model = window.model
    model.set_hyper(0, "lr", 0.0042)
    model.advance(7)
    before, step, title = ef.to_json(model.spec), model.step, window.windowTitle()
    bad = tmp_path / "bad.optviz.json"
    bad.write_text(content)
    assert not files.open_path(bad, ask=False)
    assert len(dialogs.warnings) == 1 and words in dialogs.warnings[0][1]
    assert "bad.optviz.json" in dialogs.warnings[0][1]
    assert ef.to_json(model.spec) == before and model.step == step
    assert window.windowTitle() == title and window.isWindowModified()


def test_unsaved_changes_ask_before_opening_another_file(files, dialogs, window, saved):
    window.model.set_hyper(0, "lr", 0.0042)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not files.open_path(saved)
    assert window.model.spec.runs[0].hyper["lr"] == 0.0042
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert files.open_path(saved)
    assert window.model.spec.title == "Saved race" and len(dialogs.questions) == 2


def test_closing_with_unsaved_changes_asks_save_discard_cancel(qtbot, files, dialogs, window,
                                                               tmp_path):
    window.model.set_hyper(0, "lr", 0.0042)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible() and len(dialogs.questions) == 1
    dialogs.answer = QMessageBox.StandardButton.Save
    dialogs.save_path = tmp_path / "kept.optviz.json"
    assert window.close()
    assert ef.load(tmp_path / "kept.optviz.json").runs[0].hyper["lr"] == 0.0042


def test_a_clean_window_closes_without_asking(files, dialogs, window):
    assert window.close()
    assert dialogs.questions == []


def test_recent_files_menu_opens_and_drops_broken_entries(files, dialogs, window, saved,
                                                          tmp_path):
    files.open_path(saved)
    other = tmp_path / "other.optviz.json"
    ef.save(default_experiment(), other)
    files.open_path(other)
    assert files.recent() == [other.resolve(), saved.resolve()]
    files.recent_menu.aboutToShow.emit()
    entries = [a for a in files.recent_menu.actions() if a.text().startswith("&")]
    assert [a.toolTip() for a in entries] == [str(other.resolve()), str(saved.resolve())]
    entries[1].trigger()
    assert files.path == saved and window.model.spec.title == "Saved race"
    saved.write_text("not json")
    assert not files.open_path(saved)
    assert files.recent() == [other.resolve()]
    assert QSettings().value(RECENT_KEY) is not None


def test_presets_menu_lists_every_preset_and_opens_one_unsaved(files, dialogs, window):
    titles = {ef.load(p).title: p for p in ef.presets()}
    actions = {a.text(): a for a in files.presets_menu.actions()}
    assert set(actions) == set(titles)
    saddle = next(t for t in titles if t.startswith("Saddle"))
    assert actions[saddle].statusTip().startswith("f = x² − y²")
    actions[saddle].trigger()
    assert window.model.spec == ef.load(titles[saddle])
    assert files.path is None and not window.isWindowModified()
    assert window.windowTitle().startswith(saddle)
    assert window.model.race is not None and window.model.surface.name == "saddle"


def test_saving_a_preset_asks_where_and_never_touches_the_bundled_file(files, dialogs, window,
                                                                       tmp_path):
    preset = ef.presets()[0]
    before = preset.read_bytes()
    files.open_preset(preset)
    window.model.set_hyper(0, "lr", 0.0042)
    dialogs.save_path = tmp_path / "mine.optviz.json"
    assert files.save()
    assert preset.read_bytes() == before
    assert json.loads((tmp_path / "mine.optviz.json").read_text())["runs"][0]["hyper"]["lr"] \
        == 0.0042


def test_the_application_window_opens_a_file_given_on_the_command_line(qtbot, model, saved,
                                                                       dialogs):
    import main

    window = main.build_window(model)
    qtbot.addWidget(window)
    assert window.open_path(str(saved))  # what `python main.py race.optviz.json` calls
    assert model.spec.title == "Saved race"
    assert window.windowTitle() == "race.optviz.json[*] — optviz"
    assert not window.isWindowModified()
    assert not window.open_path(str(saved.with_name("missing.optviz.json")))
    assert "no such file" in dialogs.warnings[0][1] and model.spec.title == "Saved race"
