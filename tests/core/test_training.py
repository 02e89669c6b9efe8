"""Real training of the linear classifier in its full weight space."""

import numpy as np
import pytest

from optim_core import classifier, optimizers
from optim_core.classifier.batches import epoch_batches as batches
from optim_core.training.full_space import TrainConfig, train, train_iter

# newton needs a surface's Hessian (it has no (D, K) Hessian model here) and
# random_search draws points inside a 2-D surface's bounds: neither is a
# weight-space optimizer, so real training offers the gradient methods only.
TRAINABLE = {
    "sgd": dict(lr=0.1),
    "momentum": dict(lr=0.02),
    "nesterov": dict(lr=0.02),
    "adagrad": dict(lr=0.05),
    "rmsprop": dict(lr=3e-3),
    "adam": dict(lr=1e-2),
    "adamw": dict(lr=1e-2),
}


@pytest.fixture(scope="module")
def digits():
    return classifier.load_dataset("digits")


@pytest.fixture(scope="module")
def trained(digits):
    opts = {kind: optimizers.get(kind, **hyper) for kind, hyper in TRAINABLE.items()}
    config = TrainConfig(epochs=3, batch_size=64, seed=0, max_snapshots=16)
    return train(digits, "softmax", 1e-4, opts, config=config)


@pytest.mark.parametrize("kind", sorted(TRAINABLE))
def test_every_optimizer_lowers_validation_loss_and_beats_chance(trained, digits, kind):
    run = trained[kind]
    assert not run.diverged, run.reason
    assert run.val_loss[-1] < 0.5 * run.val_loss[0]
    chance = 1 / digits.num_classes
    assert run.val_acc[-1] > 0.8 > 5 * chance


def test_histories_have_one_entry_per_epoch_and_per_step(trained, digits):
    n = len(digits.y_train)
    steps = 3 * len(batches(n, 64, 0, 1))
    for run in trained.values():
        assert run.epochs == [0, 1, 2, 3]
        assert len(run.train_loss) == len(run.val_acc) == 4
        assert len(run.step_loss) == len(run.update_ratio) == steps
        steps_kept, W = run.trajectory()
        assert steps_kept[0] == 0 and steps_kept[-1] == steps
        assert len(steps_kept) <= 16 + 1  # bounded (+ the final snapshot)
        np.testing.assert_array_equal(W[-1], run.W)


def test_update_ratio_is_the_norm_of_the_step_over_the_norm_of_the_weights(digits):
    lr = 0.05
    config = TrainConfig(epochs=2, batch_size=0, max_snapshots=8)
    run = train(digits, "svm", 1e-3, {"sgd": optimizers.get("sgd", lr=lr)}, config=config)["sgd"]
    W0, W1, W2 = run.trajectory()[1]
    model = classifier.LinearClassifier(digits.X_train, digits.y_train, loss="svm", reg=1e-3)
    loss0, g0 = model.loss_and_grad(W0)
    np.testing.assert_allclose(W1, W0 - lr * g0)
    assert run.step_loss[0] == pytest.approx(loss0)
    assert run.update_ratio[0] == pytest.approx(np.linalg.norm(W1 - W0) / np.linalg.norm(W0))
    assert run.update_ratio[1] == pytest.approx(np.linalg.norm(W2 - W1) / np.linalg.norm(W1))
    assert run.train_loss[1] == pytest.approx(model.loss(W1))


def test_training_is_deterministic_and_runs_see_the_same_batches(digits):
    config = TrainConfig(epochs=2, batch_size=100, seed=5)
    opts = {"a": optimizers.get("sgd", lr=0.05), "b": optimizers.get("sgd", lr=0.05)}
    first = train(digits, "softmax", 1e-3, opts, config=config)
    again = train(digits, "softmax", 1e-3, opts, config=config)
    assert first["a"].step_loss == first["b"].step_loss == again["a"].step_loss
    np.testing.assert_array_equal(first["a"].W, again["b"].W)
    other = train(digits, "softmax", 1e-3, opts, config=TrainConfig(2, 100, seed=6))
    assert other["a"].step_loss != first["a"].step_loss


def test_batches_cover_every_sample_once_per_epoch():
    parts = batches(103, 10, seed=1, epoch=3)
    assert len(parts) == 11 and {len(p) for p in parts} <= {9, 10}
    np.testing.assert_array_equal(np.sort(np.concatenate(parts)), np.arange(103))
    assert len(batches(50, 0, 0, 1)) == 1 and len(batches(50, 80, 0, 1)) == 1


def _blow_up(x, g, state, t, *, lr):
    return x * lr - g, {}


def test_a_diverging_run_stops_with_a_reason_and_the_others_go_on(digits):
    """(A kind that multiplies W by 1e3 each step: no learning rate in range
    makes plain SGD leave ‖W‖ < 1e8 within a few epochs.)"""
    with optimizers.registered("blow_up", _blow_up, hyper={"lr": 1e3}, formula="x ← ηx − g",
                               summary="Grows."):
        opts = {"huge": optimizers.get("blow_up"), "fine": optimizers.get("sgd", lr=0.05)}
        with np.errstate(all="raise"):  # no numpy warning may escape
            runs = train(digits, "softmax", 1e-3, opts,
                         config=TrainConfig(epochs=4, batch_size=200))
    assert runs["huge"].diverged and runs["huge"].reason
    assert runs["huge"].diverged_at >= 1
    assert np.all(np.isfinite(runs["huge"].W))  # the last good weights are kept
    assert not runs["fine"].diverged and len(runs["fine"].epochs) == 5


def test_snapshot_memory_stays_bounded_and_evenly_spaced(digits):
    config = TrainConfig(epochs=2, batch_size=20, max_snapshots=10)
    run = train(digits, "softmax", 0.0, {"sgd": optimizers.get("sgd", lr=0.01)},
                config=config)["sgd"]
    steps, W = run.trajectory()
    assert len(steps) <= 11 and W.shape[1:] == (digits.dim, digits.num_classes)
    gaps = np.diff(steps[:-1])
    assert len(set(gaps)) == 1  # a constant stride before the final snapshot


def test_progress_arrives_per_epoch_and_cancel_stops_early(digits):
    seen = []
    opts = {"sgd": optimizers.get("sgd", lr=0.05)}
    result = train(digits, "softmax", 1e-3, opts, config=TrainConfig(epochs=5, batch_size=300),
                   progress=seen.append, cancelled=lambda: len(seen) >= 3)
    assert result is None
    assert [p.epoch for p in seen] == [0, 1, 2]
    assert seen[-1].fraction == pytest.approx(2 / 5)
    assert seen[-1].runs["sgd"].snapshots is None  # progress carries curves, not weights
    items = list(train_iter(digits, "softmax", 1e-3, opts, config=TrainConfig(epochs=2)))
    assert [i.done for i in items] == [False, False, True]
