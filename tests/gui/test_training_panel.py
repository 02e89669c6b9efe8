"""The training panel: trains off the GUI thread, shows curves, checks and honest projections."""

import threading

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer

from gui.model.training_worker import study
from gui.panels.training_panel import TrainingPanel
from gui.surface.surface_view import SurfaceView
from optim_core import classifier, optimizers
from optim_core.experiment.spec import CLASSIFIER
from optim_core.training import projection

LEFT = Qt.MouseButton.LeftButton


def on_box(check):
    """A point on a check box's box (its centre may lie past its text)."""
    return QPoint(8, check.height() // 2)


@pytest.fixture
def slice_model(qtbot, model):
    """The default race moved onto the digits softmax slice, learning rates for weights."""
    model.set_surface(CLASSIFIER)
    qtbot.waitUntil(lambda: not model.busy and hasattr(model.surface, "W0"), timeout=20_000)
    for i, lr in enumerate((0.1, 0.02, 3e-3, 1e-2)):
        model.set_hyper(i, "lr", lr)
    return model


@pytest.fixture
def slice_view(qtbot, slice_model):
    """A surface view of the model: it draws the projected paths."""
    view = SurfaceView(slice_model)
    qtbot.addWidget(view)
    return view


@pytest.fixture
def panel(qtbot, slice_model, slice_view):
    p = TrainingPanel(slice_model)
    qtbot.addWidget(p)
    p.resize(1200, 520)
    p.show()
    qtbot.waitExposed(p)
    p.epochs_spin.setValue(3)
    p.batch_spin.setValue(64)
    yield p
    p.worker.cancel()
    p.projector.cancel()
    p.projector.wait()


def test_training_runs_off_the_gui_thread_and_the_gui_keeps_turning(qtbot, panel, monkeypatch):
    threads = []
    original = study

    def spy(*args):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(*args)

    monkeypatch.setattr("gui.model.training_worker.study", spy)
    ticks, epochs = [], []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(panel.worker.busy))
    panel.worker.reported.connect(lambda p: epochs.append(p.epoch))
    clock.start(5)
    with qtbot.waitSignal(panel.trained, timeout=30_000) as done:
        qtbot.mouseClick(panel.train_button, LEFT)
        assert panel.worker.busy and not panel.train_button.isEnabled()
    clock.stop()
    assert threads == [False]
    assert epochs == [0, 1, 2, 3]  # one progress signal per epoch, in order
    assert sum(ticks) >= 3  # the event loop answered while training ran
    result = done.args[0]
    assert panel.train_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert panel.progress.value() == 1000
    for label, run in result.runs.items():
        assert not run.diverged, run.reason
        assert run.val_loss[-1] < run.val_loss[0] and run.val_acc[-1] > 0.5, label
        x, y = panel.plots.items[("loss:val", label)][1].getOriginalDataset()
        np.testing.assert_array_equal(x, run.epochs)
        np.testing.assert_array_equal(y, run.val_loss)
        ratio = panel.plots.items[("ratio", label)][1].getOriginalDataset()[1]
        np.testing.assert_array_equal(ratio, run.update_ratio)
    assert "✔" in panel.initial_label.text() and "ln 10" in panel.initial_label.text()
    assert "✔" in panel.overfit_label.text()


def test_cancel_stops_training_and_nothing_arrives_after(qtbot, qapp, panel):
    panel.epochs_spin.setValue(200)
    finished = []
    panel.worker.finished.connect(finished.append)
    qtbot.mouseClick(panel.train_button, LEFT)
    with qtbot.waitSignal(panel.worker.reported, timeout=10_000):
        pass
    qtbot.mouseClick(panel.cancel_button, LEFT)
    assert not panel.worker.busy and panel.train_button.isEnabled()
    assert "cancelled" in panel.status.text()
    assert panel.worker.wait(20_000)  # the job noticed and stopped
    qapp.processEvents()  # deliver anything it still sent: dropped as stale
    assert finished == [] and panel.result is None


@pytest.mark.parametrize("centre", ["init", "trained"])
def test_paths_are_projected_onto_the_slice_and_drawn_over_it(qtbot, panel, slice_model,
                                                               slice_view, centre):
    if slice_model.spec.surface.slice.center != centre:
        before = slice_model.surface
        slice_model.set_slice(center=centre)
        qtbot.waitUntil(lambda: slice_model.surface is not before and not slice_model.busy,
                        timeout=20_000)
    with qtbot.waitSignal(panel.trained, timeout=30_000) as done:
        panel.start_training()
    result = done.args[0]
    plane = slice_model.surface
    assert result.request.plane is plane
    for label, run in result.runs.items():
        W = run.trajectory()[1]
        expected = projection.project_onto_slice(W, plane)
        if centre == "init":  # training starts at the slice centre: the path leaves the plane
            np.testing.assert_array_equal(W[0], plane.W0)
            assert expected.off_plane[0] == 0 and expected.off_plane[-1] > 0
        else:  # a fresh init, heading for the trained centre W*
            fresh = classifier.init_weights(plane.W0.shape[0], plane.W0.shape[1],
                                            seed=panel.seed_spin.value())
            np.testing.assert_array_equal(W[0], fresh)
            assert np.linalg.norm(W[-1] - plane.W0) < np.linalg.norm(W[0] - plane.W0)
        x, y = slice_view.projections.paths[label].getOriginalDataset()
        np.testing.assert_allclose(x, expected.ab[:, 0])
        np.testing.assert_allclose(y, expected.ab[:, 1])
        assert slice_view.projections.paths[label].getViewBox() is slice_view.viewbox
    table = panel.table
    assert table.rowCount() == len(result.runs)
    first = next(iter(result.on_slice.values()))
    assert table.item(0, 2).text() == f"{first.true_loss[-1]:.4g}"
    assert table.item(0, 3).text() == f"{first.slice_loss[-1]:.4g}"
    panel.tabs.setCurrentWidget(panel.results)  # the switch is on the checks tab
    qtbot.mouseClick(panel.overlay_check, LEFT, pos=on_box(panel.overlay_check))
    assert slice_view.projections.paths == {} and slice_model.training.paths == []


def test_new_directions_reproject_the_same_paths(qtbot, panel, slice_model, slice_view):
    with qtbot.waitSignal(panel.trained, timeout=30_000) as done:
        panel.start_training()
    old = {k: p.ab.copy() for k, p in done.args[0].on_slice.items()}
    before = slice_model.surface
    slice_model.new_directions()
    qtbot.waitUntil(lambda: slice_model.surface is not before
                    and panel.result.request.plane is slice_model.surface
                    and bool(slice_view.projections.paths), timeout=20_000)
    label = next(iter(old))
    W = panel.result.runs[label].trajectory()[1]
    fresh = projection.project_onto_slice(W, slice_model.surface)
    np.testing.assert_allclose(panel.result.on_slice[label].ab, fresh.ab)
    assert not np.allclose(fresh.ab, old[label])


def test_pca_view_shows_the_trajectory_with_explained_variance(qtbot, panel):
    with qtbot.waitSignal(panel.trained, timeout=30_000) as done:
        panel.start_training()
    label = panel.pca_combo.currentText()
    view = done.args[0].pca[label]
    x, y = panel.plots.pca_path.getOriginalDataset()
    np.testing.assert_array_equal(x, view.projection.coords[:, 0])
    ev = 100 * view.projection.explained
    assert f"{ev[0]:.3g} %" in panel.plots.pca.getAxis("bottom").labelText
    assert f"{ev[1]:.3g} %" in panel.plots.pca.getAxis("left").labelText
    assert view.z.shape == (64, 64) and np.isfinite(view.z).all()
    panel.tabs.setCurrentWidget(panel.results)
    qtbot.mouseClick(panel.pca_check, LEFT, pos=on_box(panel.pca_check))
    assert not panel.plots.pca.isVisible()


def test_optimizers_come_from_the_race_and_untrainable_kinds_say_why(panel, slice_model):
    assert [c.text() for c in panel.run_checks] == [r.label for r in slice_model.spec.runs]
    slice_model.add_run("newton")
    check = panel.run_checks[-1]
    assert not check.isEnabled()
    assert check.toolTip() == optimizers.kind_of("newton").untrainable_reason
    panel.run_checks[0].setChecked(False)
    req = panel.request()
    assert list(req.optimizers) == [r.label for r in slice_model.spec.runs[1:4]]
    assert req.config.epochs == 3 and req.config.batch_size == 64
    assert (req.loss, req.reg) == ("softmax", slice_model.spec.surface.slice.reg)
    slice_model.set_slice(loss="svm")
    assert "svm" in panel.data_label.text()


def test_install_panels_adds_the_three_docks_tabbed_at_the_bottom(qtbot, window, model):
    from gui.app.analysis_docks import TITLES, install_panels

    panels = install_panels(window, model)
    assert list(panels) == list(TITLES)
    docks = [window.docks[t] for t in TITLES]
    area = Qt.DockWidgetArea.BottomDockWidgetArea
    assert all(window.dockWidgetArea(d) == area for d in docks)
    assert set(window.tabifiedDockWidgets(docks[0])) == set(docks[1:])
    assert window.training_panel is panels["Classifier training"]
    model.advance(15)
    qtbot.waitUntil(lambda: panels["Training curves"].cursors["loss"].value() == 15)


def test_training_settings_are_the_experiments_both_ways(panel, slice_model):
    panel.epochs_spin.setValue(7)
    panel.batch_spin.setValue(0)
    panel.run_checks[1].setChecked(False)
    t = slice_model.spec.analysis.training
    ids = [r.id for r in slice_model.spec.runs]
    assert (t.epochs, t.batch_size, t.runs) == (7, 0, [ids[0], ids[2], ids[3]])  # UI -> model
    slice_model.set_training(seed=9, runs=[ids[3]])
    assert panel.seed_spin.value() == 9  # model -> UI
    assert [c.isChecked() for c in panel.run_checks] == [False, False, False, True]
    assert list(panel.request().optimizers) == [slice_model.spec.runs[3].label]
    slice_model.undo_stack.undo()
    assert [c.isChecked() for c in panel.run_checks] == [True, False, True, True]


def test_the_view_draws_the_models_projected_paths_without_the_panel(slice_model, slice_view):
    from gui.model.training_state import ProjectedPath

    ab = np.array([[0.0, 0.0], [0.2, 0.1], [0.3, 0.4]])
    slice_model.training.show_projections([ProjectedPath("SGD", "#ff7f0e", ab, 0.25)])
    x, y = slice_view.projections.paths["SGD"].getOriginalDataset()
    np.testing.assert_allclose(np.stack([x, y], axis=-1), ab)
    slice_model.training.show_projections([])
    assert slice_view.projections.paths == {}
