"""Classifier presets and files open in the window without training W* again."""

import json

import numpy as np

from optim_core.classifier import trained_cache
from optim_core.experiment import file as ef
from optim_core.experiment.state.surface_jobs import plane_of
from tests.gui.test_files import Dialogs
from tests.pool import drain

BASIN = ef.PRESET_DIR / "softmax_slice_basin.optviz.json"


def built(qtbot, model) -> None:
    """Wait until the slice and its full grid are on screen."""
    qtbot.waitUntil(lambda: model.grid is not None and not model.grid.preview
                    and not model.busy and plane_of(model.surface) is not None, timeout=30_000)
    drain()


def preset_action(window, path):
    return next(a for a in window.files.presets_menu.actions() if a.data() == str(path))


def test_a_classifier_preset_opened_twice_from_the_menu_trains_nothing(qtbot, window,
                                                                        monkeypatch, trainings):
    Dialogs(monkeypatch)
    for path in (BASIN, ef.PRESET_DIR / "saddle_escape.optviz.json", BASIN):
        preset_action(window, path).trigger()
        if path == BASIN:
            built(qtbot, window.model)
    assert trainings == []
    np.testing.assert_array_equal(plane_of(window.model.surface).W0, ef.load(BASIN).centre.array())
    assert not window.isWindowModified()


def test_a_file_without_w_star_trains_once_stays_clean_and_saves_it(qtbot, window, monkeypatch,
                                                                    tmp_path, trainings):
    dialogs = Dialogs(monkeypatch)
    old = json.loads(BASIN.read_text(encoding="utf-8"))
    old["version"] = 2
    del old["centre"]
    path = tmp_path / "old.optviz.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert window.files.open_path(path)
    built(qtbot, window.model)
    assert len(trainings) == 1
    assert not window.isWindowModified()  # a W* trained after opening is no change
    W = plane_of(window.model.surface).W0
    assert window.files.save() and not dialogs.warnings
    saved = ef.load(path)
    np.testing.assert_array_equal(saved.centre.array(), W)
    trained_cache.forget()  # as in a new session
    assert window.files.open_path(path, ask=False)
    built(qtbot, window.model)
    assert len(trainings) == 1
