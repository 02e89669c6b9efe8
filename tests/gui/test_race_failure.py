"""A race step that raises: the race stops, the message is shown once, the app goes on.

The window plays an experiment opened from a file; a step then fails. Before,
the timer raised the same exception on every tick (226 in 4 s) with the race
frozen and nothing said. Now the model pauses, ``race_failed`` carries one
line, the window shows it once, and Play works again once the cause is gone.
pytest-qt fails a test on any exception that escapes a Qt callback, so a
passing test also proves no exception escaped.
"""

import json

import pytest
from PySide6.QtCore import Qt

from optim_core import runner
from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment
from tests.gui.test_robust_input import Dialogs

FAIL_AT = 42


@pytest.fixture
def app(qtbot, window, monkeypatch):
    """The main window, its message boxes recorded."""
    window.dialogs = Dialogs(monkeypatch)
    return window


@pytest.fixture
def failing_steps(monkeypatch):
    """Race steps past FAIL_AT raise, as Adam's β1 > 1 did in its power table."""
    advance = runner.Race.advance

    def failing(self, n=1):
        if self.step + n > FAIL_AT:
            advance(self, FAIL_AT - self.step)
            raise OverflowError(34, "Numerical result out of range")
        advance(self, n)

    monkeypatch.setattr(runner.Race, "advance", failing)
    return lambda: monkeypatch.setattr(runner.Race, "advance", advance)


def experiment_file(folder, **hyper):
    spec = default_experiment()
    spec.surface.resolution = 32
    spec.steps_per_frame = 7
    d = json.loads(ef.to_json(spec))
    d["runs"][3]["hyper"].update(hyper)
    path = folder / "race.optviz.json"
    path.write_text(json.dumps(d))
    return path


@pytest.mark.parametrize("how", ["play", "step key"])
def test_a_failing_step_stops_the_race_and_says_so_once(qtbot, app, tmp_path, capsys,
                                                        failing_steps, how):
    assert app.open_path(experiment_file(tmp_path))
    model = app.model
    qtbot.waitUntil(lambda: model.race is not None, timeout=10_000)
    if how == "play":
        model.play()
    else:
        app.activateWindow()
        for _ in range(FAIL_AT // 7 + 1):
            qtbot.keyClick(app, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: bool(app.dialogs.shown), timeout=10_000)
    assert not model.playing and model.step == FAIL_AT
    [(title, text)] = app.dialogs.shown
    assert title == "The race stopped" and "OverflowError" in text and f"step {FAIL_AT}" in text
    assert "internal error (a bug" in text  # not bad input: the traceback went to stderr once
    assert capsys.readouterr().err.count("Traceback") == 1
    failing_steps()  # the cause gone, the app goes on
    model.play()
    qtbot.waitUntil(lambda: model.step > FAIL_AT + 7, timeout=10_000)
    assert len(app.dialogs.shown) == 1


def test_a_schedule_that_leaves_its_range_is_stopped_or_refused_with_one_message(
        qtbot, app, tmp_path):
    """β1 multiplied by 1.5 every step: refused when the file is read, or stopped
    when the race reaches it; either way one message and no escaping exception."""
    path = experiment_file(tmp_path, beta1={"kind": "step", "value": 0.9, "gamma": 1.5,
                                            "every": 1})
    if app.open_path(path):
        app.model.set_max_steps(2000)
        app.model.play()
    qtbot.waitUntil(lambda: bool(app.dialogs.shown), timeout=20_000)
    assert len(app.dialogs.shown) == 1 and not app.model.playing
