"""The many-starts panel: basin maps drawn over the surface, clicks on them,
learning-rate sweeps, Tune each, and Cancel."""

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThreadPool

from optim_core.render.basin_colors import basin_color, hex_rgb

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def wells(qtbot, model):
    """The model on two wells with one SGD run, the map settings small."""
    with model.batch():
        model.set_surface("two_wells")
        while len(model.spec.runs) > 1:
            model.remove_run(len(model.spec.runs) - 1)
        model.set_run_kind(0, "sgd")
        model.set_hyper(0, "lr", 0.02)
    model.many_starts.set_settings(n=16, steps=300, tol=1e-2, mode="basin")
    return model


@pytest.fixture
def panel(qtbot, wells):
    from gui.panels.many_starts_panel import ManyStartsPanel

    p = ManyStartsPanel(wells)
    qtbot.addWidget(p)
    p.resize(900, 900)
    p.show()
    return p


def build(qtbot, panel):
    ms = panel.ms
    with qtbot.waitSignal(ms.maps_changed, timeout=20_000):
        qtbot.mouseClick(panel.build_button, LEFT)
    assert not ms.busy


def nearest_cell(m, point):
    return int(np.abs(m.ys - point[1]).argmin()), int(np.abs(m.xs - point[0]).argmin())


def test_the_map_draws_each_known_basin_in_its_colour(qtbot, wells, panel, view):
    build(qtbot, panel)
    m = next(iter(wells.many_starts.maps.values()))
    layer = view.map_layer
    assert layer.image.isVisible()
    image = view.grab().toImage()
    for k, minimum in enumerate(wells.surface.minima):
        i, j = nearest_cell(m, minimum)
        assert m.minimum[i, j] == k, "a start beside a minimum stays in its basin"
        np.testing.assert_array_equal(layer.image.image[i, j, :3], hex_rgb(basin_color(k)))
        p = view.viewport_point(m.xs[j], m.ys[i])
        c = image.pixelColor(view.canvas.mapTo(view, p))
        drawn = np.array([c.red(), c.green(), c.blue()], float)
        others = [hex_rgb(basin_color(o)) for o in range(len(wells.surface.minima)) if o != k]
        mine = np.abs(drawn - hex_rgb(basin_color(k))).sum()
        assert all(mine < np.abs(drawn - other).sum() for other in others), drawn
    assert "diverged" in layer.legend.toPlainText()


def test_clicking_a_map_cell_starts_the_runs_from_that_cell(qtbot, wells, panel, view):
    build(qtbot, panel)
    m = next(iter(wells.many_starts.maps.values()))
    i, j = 3, 11
    qtbot.mouseClick(view.canvas.viewport(), LEFT, pos=view.viewport_point(m.xs[j], m.ys[i]))
    np.testing.assert_allclose(wells.starts, [[m.xs[j], m.ys[i]]])


def test_unticking_show_hides_the_layer(qtbot, wells, panel, view):
    build(qtbot, panel)
    panel.shown_check.click()
    assert not wells.many_starts.spec.shown and not view.map_layer.image.isVisible()


def test_all_runs_map_as_small_multiples(qtbot, wells, panel):
    wells.add_run("momentum", lr=0.02, mu=0.9)
    panel.run_combo.setCurrentIndex(panel.run_combo.findData("all"))
    panel.run_combo.activated.emit(panel.run_combo.currentIndex())
    build(qtbot, panel)
    assert set(wells.many_starts.maps) == {r.id for r in wells.spec.runs}
    assert len(panel.multiples.ci.items) == 2


def test_cancel_stops_a_map_build(qtbot, wells, panel):
    wells.many_starts.set_settings(n=256, steps=20_000)
    qtbot.mouseClick(panel.build_button, LEFT)
    assert wells.many_starts.busy and panel.cancel_button.isEnabled()
    qtbot.mouseClick(panel.cancel_button, LEFT)
    assert QThreadPool.globalInstance().waitForDone(30_000)  # the job saw the cancel and ended
    qtbot.waitUntil(lambda: not panel.progress.isVisible())
    assert wells.many_starts.maps == {}


def test_sweep_then_tune_each_sets_the_sweeps_best_rate(qtbot, wells, panel):
    from optim_core.analysis import best_lr

    wells.many_starts.set_settings(steps=200, rates=12, lr_low=1e-3, lr_high=10.0)
    with qtbot.waitSignal(wells.many_starts.sweeps_changed, timeout=20_000):
        qtbot.mouseClick(panel.sweep_button, LEFT)
    run_id = wells.spec.runs[0].id
    result = wells.many_starts.sweeps[run_id]
    assert len(panel.sweep_plot.rows) == 1 and panel.tune_button.isEnabled()
    assert (result.diverged_at >= 0).any(), "the sweep reaches the rates that diverge"
    qtbot.mouseClick(panel.tune_button, LEFT)
    expected = best_lr(result, "final")
    assert wells.spec.runs[0].hyper["lr"] == expected
    assert wells.spec.runs[0].label in panel.tuned_label.text()
    assert wells.many_starts.spec.tuned == {run_id: expected}
    wells.undo_stack.undo()  # one step takes the whole tuning back
    assert wells.spec.runs[0].hyper["lr"] == 0.02 and wells.many_starts.spec.tuned == {}
    wells.undo_stack.redo()
    assert wells.spec.runs[0].hyper["lr"] == expected


def test_the_settings_are_the_experiments_saved_and_undoable(qtbot, wells, panel, tmp_path):
    from optim_core.experiment import file as ef

    panel.n_spin.setValue(24)
    panel.n_spin.editingFinished.emit()
    assert wells.spec.analysis.many_starts.n == 24
    wells.undo_stack.undo()
    assert wells.spec.analysis.many_starts.n == 16 and panel.n_spin.value() == 16
    wells.undo_stack.redo()
    build(qtbot, panel)
    path = tmp_path / "maps.optviz.json"
    ef.save(wells.spec, path)
    saved = ef.load(path).analysis.many_starts
    assert (saved.n, saved.steps, saved.shown) == (24, 300, True)


def test_a_map_is_dropped_with_its_surface_and_rebuilt_when_its_file_opens(
        qtbot, wells, panel, view, tmp_path):
    from optim_core.experiment import file as ef

    build(qtbot, panel)
    path = tmp_path / "maps.optviz.json"
    ef.save(wells.spec, path)
    wells.set_surface("himmelblau")
    assert wells.many_starts.maps == {} and not view.map_layer.image.isVisible()
    with qtbot.waitSignal(wells.many_starts.maps_changed, timeout=20_000,
                          check_params_cb=lambda *a: bool(wells.many_starts.maps)):
        wells.load_spec(ef.load(path))
    assert view.map_layer.image.isVisible()
    m = next(iter(wells.many_starts.maps.values()))
    np.testing.assert_allclose(m.xs[[0, -1]], wells.surface.bounds[0])
