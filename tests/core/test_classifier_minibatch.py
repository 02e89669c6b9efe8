"""Mini-batch slices, random directions and training of the centre W*."""

import numpy as np
import pytest

from optim_core import classifier, optimizers, runner


@pytest.fixture(scope="module")
def digits():
    return classifier.load_dataset("digits")


def _plane(digits, loss="softmax"):
    model = classifier.LinearClassifier(digits.X_train, digits.y_train, loss=loss, reg=1e-3)
    W0 = 0.05 * np.random.default_rng(0).standard_normal((digits.dim, digits.num_classes))
    D1, D2 = classifier.random_directions(W0, 7)
    return classifier.PlaneSlice(model, W0, D1, D2, dataset_name=digits.name)


def test_minibatch_draws_are_reproducible_per_seed_and_step(digits):
    plane = _plane(digits)
    mb = plane.minibatch(32, seed=4)
    xy = np.array([0.3, -0.2])
    g1 = mb.value_and_grad_step(xy, 5)[1]
    np.testing.assert_array_equal(g1, plane.minibatch(32, seed=4).value_and_grad_step(xy, 5)[1])
    assert not np.allclose(g1, mb.value_and_grad_step(xy, 6)[1])
    assert not np.allclose(g1, plane.minibatch(32, seed=5).value_and_grad_step(xy, 5)[1])
    assert len(np.unique(mb.batch(5))) == 32


def test_minibatch_draws_the_full_batch_surface(digits):
    plane = _plane(digits)
    mb = plane.minibatch(16, seed=0)
    xy = np.random.default_rng(0).uniform(-1, 1, (4, 2))
    np.testing.assert_array_equal(mb.value(xy), plane.value(xy))
    np.testing.assert_array_equal(mb.value_and_grad(xy)[1], plane.value_and_grad(xy)[1])
    a = np.linspace(-1, 1, 5)
    np.testing.assert_array_equal(mb.grid(a, a), plane.grid(a, a))
    assert mb.bounds == plane.bounds and "mini-batches of 16" in mb.title
    assert mb.W0 is plane.W0 and mb.model is plane.model
    np.testing.assert_array_equal(mb.weights(xy), plane.weights(xy))


def test_every_point_uses_the_batch_of_the_step(digits):
    plane = _plane(digits, "svm")
    mb = plane.minibatch(20, seed=1)
    xy = np.random.default_rng(2).uniform(-1, 1, (3, 2))
    values, grads = mb.value_and_grad_step(xy, 9)
    idx = mb.batch(9)
    batch = classifier.LinearClassifier(digits.X_train[idx], digits.y_train[idx], "svm", 1e-3)
    for p, v, g in zip(xy, values, grads, strict=True):
        W = plane.weights(p)
        loss, full = batch.loss_and_grad(W)
        assert v == pytest.approx(loss, rel=1e-12)
        np.testing.assert_allclose(g, [np.sum(full * plane.D1), np.sum(full * plane.D2)],
                                   rtol=1e-10, atol=1e-14)


def test_minibatch_gradients_average_to_the_full_gradient(digits):
    plane = _plane(digits)
    mb = plane.minibatch(25, seed=3)
    xy = np.array([0.4, 0.1])
    grads = np.array([mb.value_and_grad_step(xy, t)[1] for t in range(1, 801)])
    full = plane.value_and_grad(xy)[1]
    stderr = grads.std(axis=0) / np.sqrt(len(grads))
    assert np.all(np.abs(grads.mean(axis=0) - full) < 4 * stderr)
    assert np.all(grads.std(axis=0) > 0.05 * np.abs(full))  # the noise is real
    whole = plane.minibatch(plane.model.num_samples, seed=0).value_and_grad_step(xy, 1)[1]
    np.testing.assert_allclose(whole, full, rtol=1e-12)


def test_runner_steps_minibatch_slices_with_the_step_gradient(digits):
    mb = _plane(digits).minibatch(10, seed=0)
    opt = optimizers.get("sgd", lr=0.5)
    runs = runner.run(mb, {"sgd": opt}, np.array([0.5, 0.5]), 3)
    x = np.array([0.5, 0.5])
    for t in range(1, 4):
        x = x - 0.5 * mb.value_and_grad_step(x, t)[1]
    np.testing.assert_allclose(runs["sgd"].points[-1, 0], x, rtol=1e-12)


def test_minibatch_size_is_checked(digits):
    with pytest.raises(ValueError, match="batch_size"):
        _plane(digits).minibatch(0)


def test_random_directions_are_seeded_and_filter_normalized():
    W0 = np.random.default_rng(0).standard_normal((9, 4)) * np.array([1.0, 2.0, 0.5, 3.0])
    D1, D2 = classifier.random_directions(W0, 11)
    E1, E2 = classifier.random_directions(W0, 11)
    np.testing.assert_array_equal(D1, E1)
    np.testing.assert_array_equal(D2, E2)
    assert not np.allclose(D1, D2)
    assert not np.allclose(D1, classifier.random_directions(W0, 12)[0])
    for D in (D1, D2):
        np.testing.assert_allclose(np.linalg.norm(D, axis=0), np.linalg.norm(W0, axis=0))
    raw, _ = classifier.random_directions(W0, 11, normalize=None)
    np.testing.assert_allclose(raw / np.linalg.norm(raw, axis=0), D1 / np.linalg.norm(D1, axis=0))


def test_filter_normalization_falls_back_for_zero_columns():
    W0 = np.zeros((5, 3))
    W0[:, 0], W0[:, 1] = 1.0, 3.0
    D1, _ = classifier.random_directions(W0, 0)
    # The zero column takes the mean of the others' norms, (√5 + 3√5) / 2.
    np.testing.assert_allclose(np.linalg.norm(D1, axis=0), np.sqrt(5) * np.array([1, 3, 2]))
    D1, D2 = classifier.random_directions(np.zeros((5, 3)), 0)
    np.testing.assert_allclose(np.linalg.norm(D2, axis=0), 1.0)
    with pytest.raises(ValueError, match="normalize"):
        classifier.random_directions(W0, 0, normalize="layer")


@pytest.mark.parametrize("loss", classifier.LOSSES)
@pytest.mark.parametrize("options", [{}, {"kind": "adam", "lr": 0.05, "batch_size": 64}])
def test_training_lowers_the_loss_and_beats_chance(digits, loss, options):
    model = classifier.LinearClassifier(digits.X_train, digits.y_train, loss=loss)
    W0 = classifier.init_weights(digits.dim, digits.num_classes, seed=0)
    history = []
    W = classifier.train(model, W0, history=history, **options)
    assert len(history) == 200 and W.shape == W0.shape
    assert model.loss(W) < 0.1 * model.loss(W0)
    assert model.accuracy(W, digits.X_val, digits.y_val) > 0.9  # chance is 0.1
