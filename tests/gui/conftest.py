"""GUI test fixtures: settings kept in a temporary folder per test."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """QSettings write to tmp_path so tests never see a user's saved layout."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("OPTVIZ_SETTINGS_DIR", str(tmp_path))
    yield


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch):
    """Closing a window with unsaved changes asks Save/Discard/Cancel in a modal
    box that nobody would answer in a test; tests that check the question patch
    it again themselves."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))


@pytest.fixture(autouse=True)
def _instant_mouse():
    """pyqtgraph drops mouse moves closer than 10 ms apart; qtbot sends them faster."""
    import pyqtgraph as pg

    old = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOptions(mouseRateLimit=-1)
    yield
    pg.setConfigOptions(mouseRateLimit=old)


def small_spec(resolution: int = 64):
    """The default experiment on a coarse grid, so GUI tests stay fast."""
    from optim_core.experiment.spec import default_experiment

    spec = default_experiment()
    spec.surface.resolution = resolution
    return spec


@pytest.fixture
def model(qapp):
    """A fresh ExperimentModel (Rosenbrock race, 64² grid); jobs and the clock stopped after."""
    from gui.app.app import configure_pyqtgraph
    from gui.model.experiment import ExperimentModel

    configure_pyqtgraph()
    m = ExperimentModel(small_spec())
    yield m
    m.pause()
    m.jobs.cancel()
    m.jobs.wait()


@pytest.fixture
def view(qtbot, model):
    """A SurfaceView of ``model`` on its own, shown at 640 × 520."""
    from gui.surface.surface_view import SurfaceView

    v = SurfaceView(model)
    qtbot.addWidget(v)
    v.resize(640, 520)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def window(qtbot, model):
    """The main window over ``model``, shown at 1280 × 820."""
    from gui.app.main_window import MainWindow

    w = MainWindow(model)
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    return w


def close_discarding(window) -> None:
    """Close a window that a module's tests shared, answering Discard to an
    unsaved-changes question (the per-test patch of it has ended by then)."""
    from PySide6.QtWidgets import QMessageBox

    model = window.model
    model.pause()
    model.jobs.cancel()
    model.jobs.wait()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "question",
                      staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
        window.close()
    window.deleteLater()
