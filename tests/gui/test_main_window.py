"""The main window: keys, docks and remembered layout, files, and what it draws."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from gui.app.main_window import MainWindow
from optim_core.experiment import file as experiment_file
from optim_core.experiment import spec as spec_mod
from tests.pool import drain


def test_space_starts_and_stops_the_animation(qtbot, window, model):
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: model.playing and model.step >= 10, timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not model.playing, timeout=2000)
    stopped_at = model.step
    drain()  # every tick already queued is delivered: none may step the race
    assert not model.playing and model.step == stopped_at


def test_right_arrow_steps_and_r_resets(qtbot, window, model):
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert model.step == 2 * model.spec.steps_per_frame
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    assert model.step == 0


def test_title_icon_and_file_shortcuts(window):
    assert window.windowTitle() == "Rosenbrock race[*] — optviz"
    assert not window.windowIcon().isNull()
    keys = {name: window.actions[name].shortcut() for name in ("open", "save", "export")}
    assert keys["open"] == QKeySequence("Ctrl+O")
    assert keys["save"] == QKeySequence("Ctrl+S")
    assert keys["export"] == QKeySequence("Ctrl+E")


def test_add_dock_lists_it_in_the_view_menu(qtbot, window):
    dock = window.add_dock(QLabel("curves"), "Curves", Qt.DockWidgetArea.BottomDockWidgetArea)
    action = next(a for a in window.view_menu.actions() if a.text() == "Curves")
    assert dock.isVisible()
    action.trigger()
    assert not dock.isVisible()


def test_layout_is_remembered_between_launches(qtbot, window, model):
    dock = window.docks["Optimizers"]
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.close()  # saves the layout
    again = MainWindow(model)
    qtbot.addWidget(again)
    again.show()
    assert again.dockWidgetArea(again.docks["Optimizers"]) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_save_and_open_round_trip(window, model, tmp_path, monkeypatch):
    model.set_hyper(2, "lr", 0.0042)
    path = tmp_path / "race.optviz.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.actions["save"].trigger()  # Ctrl+S on an untitled experiment asks where
    assert experiment_file.load(path).runs[2].hyper["lr"] == 0.0042
    model.set_hyper(2, "lr", 0.5)
    assert window.open_path(path)  # unsaved changes: the conftest answers Discard
    assert model.spec.runs[2].hyper["lr"] == 0.0042
    assert window.windowTitle() == "race.optviz.json[*] — optviz"


def test_a_bad_file_is_explained_and_changes_nothing(window, model, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    bad = tmp_path / "bad.optviz.json"
    bad.write_text('{"format": "optviz-experiment", "version": 99}')
    before = spec_mod.ExperimentSpec.copy(model.spec)
    assert not window.open_path(bad)
    assert shown and "version" in shown[0]
    assert model.spec == before


def _window_point(window, x, y):
    vp = window.view.canvas.viewport()
    p = vp.mapTo(window, window.view.viewport_point(x, y))
    return p.x(), p.y()


def _near(img: QImage, px: int, py: int, color: QColor, radius: int = 2, tol: int = 40) -> bool:
    target = np.array(color.getRgb()[:3])
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            c = img.pixelColor(px + dx, py + dy)
            if np.abs(np.array(c.getRgb()[:3]) - target).max() <= tol:
                return True
    return False


def _distance_to_polyline(p: np.ndarray, line: np.ndarray) -> float:
    """Pixels from ``p (2,)`` to the polyline through ``line (K, 2)``: its segments
    cover more than its points (a long straight step has no points in between)."""
    a, b = line[:-1], line[1:]
    d = b - a
    t = np.clip(((p - a) * d).sum(-1) / np.maximum((d * d).sum(-1), 1e-12), 0, 1)
    return float(np.min(np.hypot(*(a + t[:, None] * d - p).T)))


def test_offscreen_png_shows_each_run_in_its_colour_along_its_trail(window, model, tmp_path):
    spec = spec_mod.default_experiment()
    spec.surface.name, spec.surface.params, spec.surface.resolution = "ravine", {}, 64
    spec.starts = [[-2.6, 0.9]]  # SGD zig-zags, momentum glides, Adam cuts across
    for run, lr in zip(spec.runs, (0.03, 0.004, 0.003, 0.1), strict=True):
        run.hyper["lr"] = lr
    model.load_spec(spec)
    model.advance(120)
    path = tmp_path / "window.png"
    assert window.grab().save(str(path))
    img = QImage(str(path))
    assert img.width() == window.width() and img.height() == window.height()
    sample = {img.pixelColor(x, y).name() for x in range(0, img.width(), 7)
              for y in range(0, img.height(), 7)}
    assert len(sample) > 200  # not blank: a colour map, text, trails
    traces = model.traces()
    pixels = [np.array([_window_point(window, *p) for p in tr.points[:, 0]]) for tr in traces]
    start = np.array(_window_point(window, *model.starts[0]))
    for k, tr in enumerate(traces):
        # points of this trail that no trail drawn over it (the runs listed before it
        # are drawn later, on top) nor the start marker covers
        free = [p for p in pixels[k] if np.hypot(*(start - p)) > 8
                and all(_distance_to_polyline(p, pixels[j]) > 8 for j in range(k))]
        assert len(free) >= 5, tr.label
        hits = sum(_near(img, int(round(x)), int(round(y)), QColor(tr.color)) for x, y in free)
        assert hits >= 0.8 * len(free), (tr.label, hits, len(free))


def test_status_bar_shows_the_cursor_readout(qtbot, window):
    qtbot.mouseMove(window.view.canvas.viewport(), window.view.viewport_point(0.5, 0.5))
    assert "f = " in window.readout.text() and "|∇f| = " in window.readout.text()


@pytest.mark.parametrize("key", ["play", "step", "reset"])
def test_transport_actions_have_their_keys(window, key):
    expected = {"play": "Space", "step": "Right", "reset": "R"}[key]
    assert window.actions[key].shortcut() == QKeySequence(expected)


def test_build_window_assembles_the_whole_application(qtbot, model):
    import main

    window = main.build_window(model)
    qtbot.addWidget(window)
    assert list(window.docks) == ["Surface", "Optimizers", "Lesson", "Training curves",
                                  "Gradient check", "Classifier training", "Many starts",
                                  "Stability"]
    assert window.files is not None and "optviz" in window.windowTitle()
    titles = [a.text() for a in window.view_menu.actions()]
    assert "Training curves" in titles and "Gradient check" in titles


def test_main_parser_takes_an_optional_experiment(tmp_path):
    import main

    args = main.build_parser().parse_args([str(tmp_path / "x.optviz.json"), "--paused"])
    assert args.experiment.endswith("x.optviz.json") and args.paused
    assert main.build_parser().parse_args([]).experiment is None


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: floating docks
def test_reset_layout_puts_every_dock_back_where_it_was_added(qtbot, window):
    curves = window.add_dock(QLabel("curves"), "Curves", Qt.DockWidgetArea.BottomDockWidgetArea)
    checks = window.add_dock(QLabel("checks"), "Checks", Qt.DockWidgetArea.BottomDockWidgetArea)
    window.docks["Surface"].setFloating(True)
    window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, curves)
    window.docks["Optimizers"].hide()
    window.actions["reset_layout"].trigger()
    area = window.dockWidgetArea
    assert area(window.docks["Surface"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not window.docks["Surface"].isFloating()
    assert area(window.docks["Optimizers"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not window.docks["Optimizers"].isHidden()
    assert area(curves) == area(checks) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.tabifiedDockWidgets(curves) == [checks]
