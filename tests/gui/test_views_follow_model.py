"""Every view follows the model: a preset, a saved experiment, undo and a script
change what every view shows — start markers, titles, notes, legend, curves."""

import html

import numpy as np
import pytest

from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment


@pytest.fixture
def app(qtbot, model):
    import main

    window = main.build_window(model)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    yield window
    model.jobs.cancel()
    model.jobs.wait()


@pytest.fixture
def saved(tmp_path):
    """An experiment unlike the start-up one: three starts, a disabled run, a note."""
    spec = default_experiment()
    spec.title, spec.notes = "Three starts", "Watch the disabled run stay away."
    spec.surface.name, spec.surface.resolution = "himmelblau", 64
    spec.starts = [[-3.0, 3.0], [3.5, -3.0], [0.5, 0.5]]
    spec.runs[2].enabled = False
    path = tmp_path / "three.optviz.json"
    ef.save(spec, path)
    return path


def settled(model) -> bool:
    return (model.surface is not None and not model.busy and not model.rebuilding
            and model.grid is not None and not model.grid.preview)


def check_every_view(app, model, window_name: str) -> None:
    spec, view = model.spec, app.view
    starts = np.asarray(spec.starts)
    if len(starts) == 1:
        pos = view.start_marker.pos()
        assert view.start_marker.isVisible()
        np.testing.assert_allclose([pos.x(), pos.y()], starts[0])
    else:
        assert not view.start_marker.isVisible()
        np.testing.assert_allclose(np.array(view.start_grid.getData()).T, starts)
    np.testing.assert_allclose(model.race.starts, starts)  # where the runs start
    assert app.windowTitle() == f"{window_name}[*] — optviz"
    assert model.surface.title in view.plot.titleLabel.text
    assert app.notes.text() == spec.notes
    assert view.legend.labels() == [html.escape(r.label) for r in spec.runs]
    enabled = [r for r in spec.runs if r.enabled]
    assert len(view.trails.trails()) == len(enabled) * len(starts)
    curves = app.curves_panel
    curves.refresh()
    assert sorted(curves.series) == [i for i, r in enumerate(spec.runs) if r.enabled]
    assert len(curves.items) == 4 * len(enabled)
    assert [row.label_edit.text() for row in app.optimizer_panel.rows] == [
        r.label for r in spec.runs]


@pytest.mark.parametrize("path", ef.presets(), ids=lambda p: p.name.split(".")[0])
def test_a_preset_shows_in_every_view(qtbot, app, model, path):
    model.set_start(0.9, 0.9)  # a start of its own, which no preset has
    app.files.open_preset(path)
    qtbot.waitUntil(lambda: settled(model), timeout=60_000)
    check_every_view(app, model, ef.load(path).title)


def test_a_saved_experiment_shows_in_every_view(qtbot, app, model, saved):
    assert app.open_path(saved)
    qtbot.waitUntil(lambda: settled(model), timeout=30_000)
    check_every_view(app, model, saved.name)


def test_undo_and_a_script_reach_every_view(qtbot, app, model, saved):
    app.open_path(saved)
    qtbot.waitUntil(lambda: settled(model), timeout=30_000)
    model.undo_stack.undo()  # back to the start-up race
    qtbot.waitUntil(lambda: settled(model), timeout=30_000)
    check_every_view(app, model, "Rosenbrock race")
    model.load_spec(ef.load(saved))  # a script opening an experiment: no file behind it
    qtbot.waitUntil(lambda: settled(model), timeout=30_000)
    check_every_view(app, model, "Three starts")


def test_switching_to_a_slice_retitles_the_experiment_and_drops_the_note(qtbot, app, model):
    app.files.open_preset(next(p for p in ef.presets() if "saddle" in p.name))
    qtbot.waitUntil(lambda: settled(model), timeout=30_000)
    assert app.notes.text()
    model.set_surface("classifier")
    model.set_slice(loss="svm")
    qtbot.waitUntil(lambda: settled(model), timeout=60_000)
    assert model.spec.title == "SVM slice race" and app.notes.text() == ""
    check_every_view(app, model, "SVM slice race")
