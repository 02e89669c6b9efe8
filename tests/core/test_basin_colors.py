"""The colours a basin map is drawn with."""

import numpy as np
import pytest

from optim_core.analysis import BasinMap
from optim_core.render.basin_colors import (
    DIVERGED,
    NOT_CONVERGED,
    basin_color,
    hex_rgb,
    map_image,
)


def small_map():
    minimum = np.array([[0, 1, -1], [2, -1, 0]])
    steps = np.array([[10, 100, -1], [1000, -1, 10]])
    diverged = np.array([[False, False, False], [False, True, False]])
    nearest = np.array([[0, 1, 1], [2, -1, 0]])  # [0, 2] heads for minimum 1, not there yet
    return BasinMap(np.arange(3.0), np.arange(2.0), minimum, steps, diverged, np.zeros((3, 2)),
                    nearest)


def test_each_basin_its_colour_and_failures_apart():
    img = map_image(small_map(), "basin", alpha=255)
    assert img.shape == (2, 3, 4) and img.dtype == np.uint8
    np.testing.assert_array_equal(img[0, 0, :3], hex_rgb(basin_color(0)))
    np.testing.assert_array_equal(img[1, 2, :3], hex_rgb(basin_color(0)))
    np.testing.assert_array_equal(img[0, 1, :3], hex_rgb(basin_color(1)))
    np.testing.assert_array_equal(img[1, 0, :3], hex_rgb(basin_color(2)))
    heading = img[0, 2, :3].astype(int)  # on its way to 1: between 1's colour and grey
    one, grey = hex_rgb(basin_color(1)).astype(int), hex_rgb(NOT_CONVERGED).astype(int)
    assert (np.minimum(one, grey) <= heading).all() and (heading <= np.maximum(one, grey)).all()
    assert not (heading == one).all() and not (heading == grey).all()
    np.testing.assert_array_equal(img[1, 1, :3], hex_rgb(DIVERGED))
    assert (img[..., 3] == 255).all()
    assert len({tuple(hex_rgb(basin_color(k))) for k in range(7)}) == 7


def test_no_known_minimum_is_grey():
    m = small_map()
    m.nearest[...] = -1
    m.minimum[...] = -1
    img = map_image(m, "basin")
    np.testing.assert_array_equal(img[0, 0, :3], hex_rgb(NOT_CONVERGED))


def test_steps_are_on_a_log_scale_dark_when_fast():
    img = map_image(small_map(), "steps").astype(int)
    fast, mid, slow = img[0, 0, :3], img[0, 1, :3], img[1, 0, :3]
    assert fast.sum() < mid.sum() < slow.sum()
    # 10 → 100 → 1000 are equal steps in log10: the middle is the ramp's middle stop.
    np.testing.assert_array_equal(mid, [33, 145, 140])


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode"):
        map_image(small_map(), "speed")
