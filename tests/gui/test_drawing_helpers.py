"""The numeric helpers behind the view: contours, colour scales, trail thinning and clipping,
and the job runner's generation counter."""

import numpy as np
import pytest

from gui.surface.trail_layer import clip_segments, thin
from optim_core import surfaces
from optim_core.render import contours
from optim_core.render.colormaps import choose_scale, contour_levels
from tests.pool import drain


def grid(surface_name, n=200):
    s = surfaces.get(surface_name)
    (x0, x1), (y0, y1) = s.bounds
    x, y = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    return x, y, s.grid(x, y)


def test_contour_of_a_bowl_is_the_circle():
    x, y, z = grid("bowl")
    cx, cy = contours.contour_xy(z, [1.0], (x[0], y[0], x[-1] - x[0], y[-1] - y[0]))
    r = np.hypot(cx, cy)
    assert len(cx) > 100 and np.abs(r - 1.0).max() < 1e-3
    # segments join up: every end point is shared by exactly two segments (a closed curve)
    ends = np.round(np.stack([cx, cy], 1), 9)
    _, counts = np.unique(ends, axis=0, return_counts=True)
    assert (counts == 2).all()


def test_contour_points_lie_on_the_level_everywhere():
    x, y, z = grid("himmelblau", 150)
    rect = (x[0], y[0], x[-1] - x[0], y[-1] - y[0])
    for level in (5.0, 50.0, 150.0):
        cx, cy = contours.contour_xy(z, [level], rect)
        f = surfaces.get("himmelblau").value(np.stack([cx, cy], -1))
        # linear interpolation along a cell edge: error ~ h² f''
        assert np.abs(f - level).max() < 0.05 * level


def test_saddle_cells_are_split_by_the_centre_value():
    z = np.array([[1.0, 0.0], [0.0, 1.0]])  # corners (0,0), (1,1) above 0.5
    high_centre = contours.segments(z + np.array([[0, 0], [0, 0.4]]), 0.5)
    low_centre = contours.segments(z - np.array([[0, 0], [0, 0.4]]), 0.5)
    assert high_centre.shape == low_centre.shape == (2, 2, 2)
    # a high centre keeps the two high corners connected: segments cut off the low ones
    mids = high_centre.mean(axis=1)
    assert {tuple(np.sign(m - 0.5)) for m in mids} == {(1.0, -1.0), (-1.0, 1.0)}


def test_non_finite_cells_draw_nothing():
    z = np.array([[0.0, 1.0, np.inf], [0.0, 1.0, np.nan]])
    seg = contours.segments(z, 0.5)
    assert len(seg) == 1 and np.isfinite(seg).all()


def test_log_colour_where_the_range_is_wide_linear_where_not():
    assert choose_scale(grid("rosenbrock")[2]).log
    assert not choose_scale(grid("bowl")[2]).log
    assert not choose_scale(grid("saddle")[2]).log
    assert not choose_scale(grid("rosenbrock")[2], log=False).log


def test_log_scale_round_trips_and_contour_levels_sit_inside():
    z = grid("rosenbrock")[2]
    scale = choose_scale(z)
    d = scale.forward(z)
    np.testing.assert_allclose(scale.inverse(d), z, rtol=1e-9, atol=1e-9)
    levels = contour_levels(d, 12)
    assert len(levels) == 12 and d.min() < levels[0] and levels[-1] < d.max()
    assert np.allclose(np.diff(levels), np.diff(levels)[0])


def test_thinning_keeps_ends_and_moves_nothing_more_than_a_cell():
    rng = np.random.default_rng(1)
    px = np.cumsum(rng.normal(0, 0.1, (1500, 2)), axis=0)
    kept = thin(px, cell=0.5)
    assert len(kept) < len(px) // 2
    assert (kept[0] == px[0]).all() and (kept[-1] == px[-1]).all()
    # every dropped point shares a 0.5-px cell with a kept one: at most a diagonal away
    d = np.hypot(*(px[:, None, :] - kept[None, ::1, :]).transpose(2, 0, 1)).min(axis=1)
    assert d.max() <= 0.5 * np.sqrt(2) + 1e-12


def test_clipping_keeps_visible_parts_exactly():
    lo, hi = np.zeros(2), np.array([10.0, 10.0])
    a = np.array([[-5.0, 5.0], [2.0, 2.0], [20.0, 20.0], [5.0, -1e9]])
    b = np.array([[15.0, 5.0], [3.0, 3.0], [30.0, 30.0], [5.0, 1e9]])
    seg = clip_segments(a, b, lo, hi)
    np.testing.assert_allclose(seg, [[0, 5, 10, 5], [2, 2, 3, 3], [5, 0, 5, 10]], atol=1e-6)


def test_job_runner_drops_stale_results(qtbot):
    from gui.model.workers import JobRunner

    runner = JobRunner()
    results, progress = [], []
    runner.finished.connect(results.append)
    runner.progressed.connect(lambda f, m: progress.append(m))
    import threading

    gate = threading.Event()

    def slow(report, cancelled):
        gate.wait(5)
        report(0.5, "old")
        return "old"

    runner.submit(slow)
    runner.submit(lambda report, cancelled: (report(1.0, "new"), "new")[1])
    gate.set()
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    drain()
    assert results == ["new"] and "old" not in progress and not runner.busy


@pytest.mark.parametrize("error,message,traceback_shown", [
    (ValueError("x.csv: no such file"), "x.csv: no such file", False),
    (OSError(28, "No space left on device"), "[Errno 28] No space left on device", False),
    (TypeError("unsupported operand"), "internal error (a bug in optviz, please report it): "
                                       "TypeError: unsupported operand", True),
], ids=["bad input", "I/O", "a bug"])
def test_job_runner_reports_failures_with_a_traceback_only_for_bugs(qtbot, capsys, error,
                                                                   message, traceback_shown):
    from gui.model.workers import JobRunner, is_bug

    runner = JobRunner()
    errors = []
    runner.failed.connect(errors.append)

    def broken(report, cancelled):
        raise error

    runner.submit(broken)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors == [message] and is_bug(message) == traceback_shown
    err = capsys.readouterr().err
    assert ("Traceback" in err and "a bug in optviz" in err) if traceback_shown else err == ""
