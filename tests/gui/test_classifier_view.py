"""The classifier slice: built and sampled off the GUI thread, preview first, stale work dropped."""

import threading

import numpy as np
from PySide6.QtCore import QTimer

from optim_core.experiment.state import surface_jobs


def watch_grids(model):
    """Flags of the grids announced: True for a preview, False for the full grid."""
    seen = []
    model.grid_ready.connect(lambda: seen.append(model.grid.preview))
    return seen


def watch_threads(monkeypatch):
    """Names of the threads that sampled a grid."""
    names = []
    original = surface_jobs.sample

    def sample(*args, **kwargs):
        names.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(surface_jobs, "sample", sample)
    return names


def test_switching_to_the_slice_computes_off_the_gui_thread_and_stays_responsive(
        qtbot, window, model, monkeypatch):
    model.spec.surface.resolution = 128
    on_main = watch_threads(monkeypatch)
    grids = watch_grids(model)
    ticks = []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(model.busy))
    clock.start(5)
    combo = window.surface_panel.surface_combo
    combo.setFocus()
    qtbot.keyClicks(combo, "Classifier")  # keyboard search: the classifier slice
    assert combo.currentData() == "classifier"
    assert model.busy  # the call returned at once; the work is elsewhere
    qtbot.waitUntil(lambda: grids[-1:] == [False], timeout=20_000)
    clock.stop()
    assert grids == [True, False]  # a coarse preview, then the full grid
    assert on_main and not any(on_main)
    assert sum(ticks) >= 5  # the event loop kept turning while the job ran
    z = model.grid.z
    assert z.shape == (128, 128) and np.isfinite(z).all()
    xy = np.stack(np.meshgrid(model.grid.x[::37], model.grid.y[::41]), axis=-1)
    np.testing.assert_allclose(z[::41, ::37], model.surface.value(xy), rtol=1e-9)
    assert window.view.line_plot.scene() is not None  # the 1-D slice shows
    assert window.view.plot.getAxis("bottom").labelText.startswith("a")
    model.advance(5)
    assert all(tr.steps[-1] == 5 for tr in model.traces())


def test_a_surface_switch_still_moves_the_start_when_a_newer_edit_follows(qtbot, model):
    model.advance(30)
    model.set_surface("classifier")
    model.set_slice(reg=1e-2)  # supersedes the switch's job before it lands
    qtbot.waitUntil(lambda: not model.busy, timeout=20_000)
    assert model.step == 0
    np.testing.assert_allclose(model.starts[0], surface_jobs.default_start(model.surface))
    (a0, a1), (b0, b1) = model.surface.bounds
    assert a0 < model.starts[0][0] < a1 and b0 < model.starts[0][1] < b1


def test_a_newer_request_drops_the_older_result(qtbot, model):
    model.set_surface("classifier")
    qtbot.waitUntil(lambda: not model.busy, timeout=20_000)
    grids = watch_grids(model)
    model.set_slice(seed=11)
    model.set_slice(seed=12)  # supersedes seed 11 before it can land
    qtbot.waitUntil(lambda: grids[-1:] == [False] and not model.busy, timeout=20_000)
    assert grids == [True, False]
    from optim_core.experiment import spec as spec_mod

    fresh = spec_mod.make_surface(model.spec.surface)
    np.testing.assert_allclose(model.surface.value(np.array([0.3, -0.2])),
                               fresh.value(np.array([0.3, -0.2])), rtol=1e-12)
    assert model.spec.surface.slice.seed == 12


def test_a_failing_dataset_is_reported_and_the_last_good_slice_stays(qtbot, model, tmp_path):
    model.set_surface("classifier")
    qtbot.waitUntil(lambda: not model.busy, timeout=20_000)
    good = model.surface
    failures = []
    model.job_failed.connect(failures.append)
    bad = tmp_path / "broken.csv"
    bad.write_text("not,a,dataset\n")
    model.set_slice(dataset=str(bad))
    qtbot.waitUntil(lambda: bool(failures), timeout=20_000)
    assert "broken.csv" in failures[0]
    assert model.surface is good
    assert model.spec.surface.slice.dataset == "digits"  # the spec is back to what is shown


def test_opening_a_data_file_builds_its_slice(qtbot, model, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from gui.panels.surface_panel import SurfacePanel

    rng = np.random.default_rng(0)
    path = tmp_path / "blobs.npz"
    y = np.repeat(np.arange(3), 40)
    np.savez(path, X=rng.normal(size=(120, 5)) + y[:, None], y=y)
    panel = SurfacePanel(model)
    qtbot.addWidget(panel)
    model.set_surface("classifier")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    panel.open_dataset.menu().actions()[0].trigger()
    assert model.spec.surface.slice.dataset == str(path)
    assert panel.dataset_combo.currentData() == str(path)
    qtbot.waitUntil(lambda: not model.busy and model.surface.name == "classifier"
                    and model.surface.D1.shape == (6, 3), timeout=20_000)
