"""Static exports: pictures of the view and the curves, trajectories and curves as CSV."""

import csv
import math

import imageio.v3 as iio
import numpy as np
import pytest
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.export import static
from gui.export.frame_writer import ExportError
from gui.export.static_menu import install_static_exports
from optim_core.analysis import curves


@pytest.fixture
def exports(window, monkeypatch):
    from gui.app.analysis_docks import install_panels

    install_panels(window, window.model)
    window.model.seed_grid(-1.5, 0.5, -1.0, 1.5, n=2)
    window.model.advance(30)
    answers = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(answers["path"]), ""))
    ex = install_static_exports(window)
    ex.answers = answers
    return ex


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def number(cell):
    return math.nan if cell == "" else float(cell)


def test_trajectories_csv_holds_every_run_start_and_step(exports, window, tmp_path):
    exports.answers["path"] = tmp_path / "traj"
    path = exports.trajectories_csv()
    assert path == tmp_path / "traj.csv"
    header, rows = read_csv(path)
    assert tuple(header) == static.TRAJECTORY_COLUMNS
    histories = static.run_histories(window.model)
    assert len(histories) == len(window.model.spec.runs) == 4
    S = len(window.model.starts)
    assert S == 4 and len(rows) == sum(len(r.steps) for _, r in histories) * S
    by_key = {(r[0], int(r[1]), int(r[2])): r for r in rows}
    for label, run in histories:
        for s in range(S):
            for k, step in enumerate(run.steps):
                row = by_key[(label, s, int(step))]
                got = [number(c) for c in row[3:]]
                want = [*run.points[k, s], run.values[k, s], run.grad_norms[k, s], run.lrs[k]]
                np.testing.assert_allclose(got, want, rtol=0, atol=0, equal_nan=True)
    assert by_key[("SGD", 0, 0)][7] == ""  # no step has led to the start


def test_curves_csv_matches_the_curves_panel(exports, window, tmp_path):
    panel = exports.curves_panel()
    panel.start_spin.setValue(3)
    exports.answers["path"] = tmp_path / "curves.csv"
    header, rows = read_csv(exports.curves_csv())
    assert header[0] == "step" and "Adam loss" in header and "SGD distance" in header
    steps = [int(r[0]) for r in rows]
    assert steps == sorted(steps) and steps[0] == 0 and steps[-1] == window.model.step
    label, run = static.run_histories(window.model)[3]
    want = curves.run_curves(run, window.model.surface, start=2)
    col = header.index(f"{label} grad_norm")
    np.testing.assert_array_equal([float(r[col]) for r in rows], want.grad_norm)


def test_view_png_is_the_picture_at_twice_the_width(exports, window, tmp_path):
    exports.answers["path"] = tmp_path / "view.png"
    image = iio.imread(exports.view_picture(".png"))[..., :3].astype(int)
    assert image.shape[1] == 2 * window.view.canvas.width()
    for run in window.model.spec.runs:  # each trail shows in its colour
        rgb = np.array([int(run.color[i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(image - rgb).max(axis=-1) < 30).sum() > 20, run.label


def svg_image(path, size=(600, 450)):
    from PySide6.QtGui import QImage, QPainter

    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    from gui.export.animation import qimage_to_rgb

    return qimage_to_rgb(image).astype(int)


def test_view_svg_is_a_valid_drawing_with_the_surface_and_labels(exports, tmp_path):
    exports.answers["path"] = tmp_path / "view.svg"
    path = exports.view_picture(".svg")
    text = path.read_text()
    assert "<svg" in text and "<image" in text and "Rosenbrock" in text
    picture = svg_image(path)
    assert picture.std() > 20  # the coloured surface, not an empty page


def trail_hits(window, picture, index, scale=1.0):
    """Fraction of points along run ``index``'s first trail (away from its ends) that
    have a pixel of the run's colour within 2 px in ``picture`` (drawn from
    ``view.canvas.ci`` at ``scale``)."""
    from PySide6.QtCore import QPointF

    view, trace = window.view, window.model.traces()[index]
    rgb = np.array([int(trace.color[i:i + 2], 16) for i in (1, 3, 5)])
    origin = view.canvas.ci.scenePos()
    pts = trace.points[5:-5, 0]
    hits = 0
    for x, y in pts:
        p = view.viewbox.mapViewToScene(QPointF(x, y)) - origin
        c, r = round(p.x() * scale), round(p.y() * scale)
        patch = picture[max(r - 2, 0):r + 3, max(c - 2, 0):c + 3]
        hits += bool((np.abs(patch - rgb).max(axis=-1) < 40).any())
    return hits / len(pts)


def test_view_png_draws_each_trail_where_the_run_went(exports, window, tmp_path):
    exports.answers["path"] = tmp_path / "view.png"
    image = iio.imread(exports.view_picture(".png"))[..., :3].astype(int)
    assert trail_hits(window, image, 1, scale=2.0) > 0.8


def test_view_svg_shows_the_trails(exports, window, tmp_path):
    exports.answers["path"] = tmp_path / "view.svg"
    ci = window.view.canvas.ci
    picture = svg_image(exports.view_picture(".svg"), (round(ci.width()), round(ci.height())))
    assert trail_hits(window, picture, 1) > 0.8


def test_curves_pictures(exports, tmp_path):
    exports.answers["path"] = tmp_path / "curves.png"
    image = iio.imread(exports.curves_picture(".png"))
    assert image.shape[1] == 2 * exports.curves_panel().canvas.width() and image.std() > 10
    exports.answers["path"] = tmp_path / "curves.svg"
    assert svg_image(exports.curves_picture(".svg")).std() > 5


def test_failures_are_reported_and_leave_nothing(exports, window, tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"  # QSettings keeps its own folder in tmp_path
    tmp_path.mkdir()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file")
    exports.answers["path"] = blocker / "traj.csv"
    assert exports.trajectories_csv() is None
    assert warnings and "is not a folder" in warnings[0]
    with pytest.raises(ExportError, match="use .png or .svg"):
        static.save_picture(window.view.canvas.ci, tmp_path / "view.bmp")
    assert list(tmp_path.iterdir()) == [blocker]


def test_menu_sits_after_export_animation(exports, window):
    file_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.menu() and window.actions["export"] in a.menu().actions())
    actions = file_menu.actions()
    assert actions[actions.index(window.actions["export"]) + 1].menu() is exports.menu
