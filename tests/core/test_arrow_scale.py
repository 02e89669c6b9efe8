"""Arrow magnification: round numbers, chosen anew only when arrows leave the band."""

import pytest

from optim_core.render import arrow_scale


@pytest.mark.parametrize(("x", "nice"), [(7.3, 5.0), (0.031, 0.02), (1.0, 1.0), (19.99, 10.0),
                                         (2e-5, 2e-5), (999.0, 500.0)])
def test_nice_at_most_is_the_largest_1_2_5_below(x, nice):
    assert arrow_scale.nice_at_most(x) == pytest.approx(nice)


def test_magnification_keeps_its_value_inside_the_band_and_jumps_outside():
    m = arrow_scale.magnification(0.7, None)  # a 0.7-px arrow: magnify to about 70 px
    assert m == 100.0
    for shrinking in (1.0, 0.5, 0.2):  # AdaGrad's box shrinking: shown shrinking
        assert arrow_scale.magnification(shrinking, m) == m
    assert arrow_scale.magnification(0.1, m) == 500.0  # below 16 px: chosen anew
    assert arrow_scale.magnification(2.0, m) == 20.0  # 200 px is over 160: chosen anew


def test_nothing_to_draw_keeps_the_current_magnification():
    assert arrow_scale.magnification(0.0, 20.0) == 20.0
    assert arrow_scale.magnification(float("nan"), None) == 1.0


def test_arrow_geometry_puts_each_head_at_its_tip_and_drops_dots():
    import numpy as np

    origins = np.array([[0.0, 0.0], [5.0, 5.0], [1.0, 1.0]])
    tips = np.array([[100.0, 0.0], [5.2, 5.0], [1.0, np.nan]])
    keep, shafts, heads = arrow_scale.arrow_geometry(origins, tips, head=10.0)
    assert keep.tolist() == [True, False, False]
    np.testing.assert_allclose(shafts, [[0, 0, 90, 0]])
    np.testing.assert_allclose(heads[0], [[100, 0], [90, 5], [90, -5]])
    _, _, short = arrow_scale.arrow_geometry(origins[:1], np.array([[10.0, 0.0]]), head=10.0)
    np.testing.assert_allclose(short[0, 0] - short[0, 1], [6, -3])  # at most 0.6 of the length
