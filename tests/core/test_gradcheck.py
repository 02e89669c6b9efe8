"""gradcheck: finite differences of any-shape arrays, the relative error, the
CS231n verdicts, a planted wrong gradient caught, and the h sweep."""

import numpy as np
import pytest

from optim_core import gradcheck

A = np.random.default_rng(0).normal(size=(3, 4))


def f(W):
    """A smooth non-quadratic function of a (3, 4) array."""
    return float(np.sum(np.sin(W) * A) + 0.5 * np.sum(W**4))


def grad_f(W):
    return np.cos(W) * A + 2 * W**3


W0 = np.random.default_rng(1).normal(size=(3, 4))


def test_centred_differences_match_the_analytic_gradient_for_any_shape():
    num = gradcheck.numerical_gradient(f, W0)
    assert num.shape == W0.shape
    np.testing.assert_allclose(num, grad_f(W0), rtol=1e-8)


def test_forward_differences_are_first_order():
    fwd = gradcheck.numerical_gradient(f, W0, h=1e-5, centered=False)
    err_fwd = np.max(gradcheck.relative_error(grad_f(W0), fwd))
    err_cen = np.max(gradcheck.relative_error(grad_f(W0), gradcheck.numerical_gradient(f, W0)))
    assert 1e-7 < err_fwd < 1e-3 and err_cen < err_fwd / 100


def test_indices_as_tuples_or_flat_positions():
    by_tuple = gradcheck.numerical_gradient(f, W0, indices=[(0, 1), (2, 3)])
    by_flat = gradcheck.numerical_gradient(f, W0, indices=[1, 11])
    np.testing.assert_array_equal(by_tuple, by_flat)
    np.testing.assert_allclose(by_tuple, grad_f(W0)[[0, 2], [1, 3]], rtol=1e-8)
    with pytest.raises(IndexError):
        gradcheck.numerical_gradient(f, W0, indices=[12])


def test_the_point_is_never_modified():
    W = W0.copy()
    gradcheck.numerical_gradient(f, W)
    gradcheck.check(f, grad_f, W, n_samples=5)
    np.testing.assert_array_equal(W, W0)


def test_relative_error_definition():
    assert gradcheck.relative_error(1.0, 1.0) == 0.0
    assert gradcheck.relative_error(0.0, 0.0) == 0.0
    assert gradcheck.relative_error(2.0, 1.0) == 0.5
    assert gradcheck.relative_error(-1.0, 1.0) == 2.0
    assert gradcheck.relative_error(1e-3, 0.0) == 1.0
    np.testing.assert_array_equal(gradcheck.relative_error([0.0, 4.0], [0.0, 5.0]), [0.0, 0.2])


@pytest.mark.parametrize(
    "err, expected",
    [
        (0.5, gradcheck.WRONG), (2e-2, gradcheck.WRONG), (float("nan"), gradcheck.WRONG),
        (1e-3, gradcheck.DOUBTFUL), (1e-5, gradcheck.KINK), (1e-9, gradcheck.RIGHT),
        (0.0, gradcheck.RIGHT),
    ],
)
def test_verdicts_use_the_cs231n_thresholds(err, expected):
    assert gradcheck.verdict(err) == expected


def test_check_calls_a_correct_gradient_right_and_a_planted_bug_wrong():
    rows = gradcheck.check(f, grad_f, W0)
    assert len(rows) == 12 and {r.verdict for r in rows} == {gradcheck.RIGHT}
    assert rows[5].index == (1, 1)
    assert rows[5].analytic == grad_f(W0)[1, 1]

    scaled = gradcheck.check(f, lambda W: 1.05 * grad_f(W), W0)
    assert {r.verdict for r in scaled} == {gradcheck.WRONG}

    def slip(W):  # a classic slip: the quartic's derivative without its factor 2
        return np.cos(W) * A + W**3

    verdicts = [r.verdict for r in gradcheck.check(f, slip, W0)]
    assert gradcheck.RIGHT not in verdicts and verdicts.count(gradcheck.WRONG) >= 6


def test_sampled_coordinates_are_reproducible_and_distinct():
    rows = gradcheck.check(f, grad_f, W0, n_samples=5, seed=3)
    again = gradcheck.check(f, grad_f, W0, n_samples=5, seed=3)
    assert rows == again and len({r.index for r in rows}) == 5
    assert [r.index for r in rows] == sorted(r.index for r in rows)
    other = gradcheck.check(f, grad_f, W0, n_samples=5, seed=4)
    assert [r.index for r in other] != [r.index for r in rows]


def test_a_kink_inside_the_window_is_not_right():
    """|x| at x = 2e-6 with h = 1e-5: the difference straddles the kink."""
    rows = gradcheck.check(lambda x: float(np.abs(x).sum()), np.sign, np.array([2e-6]))
    assert rows[0].verdict == gradcheck.WRONG
    assert rows[0].numeric == pytest.approx(0.2)


def test_h_sweep_shows_truncation_and_round_off():
    hs, errors = gradcheck.h_sweep(f, grad_f, W0, indices=[(0, 0), (2, 1)])
    assert hs.shape == errors.shape == (25,)
    best = np.argmin(errors)
    assert 1e-8 <= hs[best] <= 1e-3
    assert errors[0] > 100 * errors[best]  # round-off on the left
    assert errors[-1] > 100 * errors[best]  # truncation on the right
    hs2, errors2 = gradcheck.h_sweep(f, grad_f, W0, hs=[1e-3, 1e-6], centered=False)
    assert hs2.tolist() == [1e-3, 1e-6] and errors2[1] < errors2[0]
