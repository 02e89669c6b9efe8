"""The course notes' sanity checks: loss at chance and overfitting a tiny subset."""

import math

import numpy as np
import pytest

from optim_core import classifier, optimizers
from optim_core.training.sanity import check_initial_loss, check_overfit, expected_initial_loss


@pytest.fixture(scope="module")
def digits():
    return classifier.load_dataset("digits")


def test_expected_initial_loss_formulas():
    assert expected_initial_loss("softmax", 10) == pytest.approx(2.302585, abs=1e-6)
    assert expected_initial_loss("svm", 10) == 9
    assert expected_initial_loss("softmax", 3) == pytest.approx(math.log(3))
    with pytest.raises(ValueError, match="hinge"):
        expected_initial_loss("hinge", 10)


@pytest.mark.parametrize("loss", ["softmax", "svm"])
def test_small_random_weights_give_the_chance_loss(digits, loss):
    check = check_initial_loss(digits, loss, reg=1e-3)
    assert check.ok, check.verdict
    assert check.measured == pytest.approx(check.expected, rel=0.05)
    assert check.measured_with_reg >= check.measured
    assert "as expected" in check.verdict


def test_large_initial_weights_are_flagged(digits):
    W = 10 * np.random.default_rng(0).normal(size=(digits.dim, digits.num_classes))
    check = check_initial_loss(digits, "softmax", reg=0.0, W0=W)
    assert not check.ok and "UNEXPECTED" in check.verdict


@pytest.mark.parametrize("loss", ["softmax", "svm"])
def test_twenty_samples_are_overfit_to_zero_loss(digits, loss):
    check = check_overfit(digits, loss, n_samples=20)
    assert check.ok, check.verdict
    assert check.losses[0] > 1 and check.final_loss < 0.05 and check.accuracy == 1.0
    assert len(check.losses) == 201


def test_a_crippled_optimizer_fails_the_overfit_check(digits):
    check = check_overfit(digits, "softmax", steps=20, optimizer=optimizers.get("sgd", lr=1e-6))
    assert not check.ok and "FAILS" in check.verdict
