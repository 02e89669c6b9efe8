"""Basin maps and learning-rate sweeps equal the runs they batch."""

import numpy as np
import pytest

from optim_core import classifier, optimizers, runner, surfaces
from optim_core.analysis import basins, best_lr, lr_sweep, sweep
from optim_core.analysis.lr_sweep import steps_to_tol


def one_by_one(surface, opt, xs, ys, steps, tol, minima):
    """The reference: runner.run from each start on its own."""
    minimum = np.full((len(ys), len(xs)), -1)
    first = np.full((len(ys), len(xs)), -1)
    diverged = np.zeros((len(ys), len(xs)), dtype=bool)
    nearest = np.full((len(ys), len(xs)), -1)
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            r = runner.run(surface, {"r": opt}, [x, y], steps)["r"]
            diverged[i, j] = r.diverged_at[0] >= 0
            if diverged[i, j]:
                continue
            d = np.linalg.norm(r.points[:, 0, None, :] - minima[None], axis=-1)  # (T, M)
            nearest[i, j] = int(d[-1].argmin())
            close = d.min(axis=1) < tol
            if close.any():
                t = int(close.argmax())
                first[i, j], minimum[i, j] = t, int(d[t].argmin())
    return minimum, first, diverged, nearest


CASES = [
    ("two_wells", "momentum", dict(lr=0.02, mu=0.9), 1e-3),
    ("two_wells", "sgd", dict(lr=0.02), 1e-3),
    ("himmelblau", "adam", dict(lr=0.05), 1e-2),
    ("himmelblau", "sgd", dict(lr=0.02), 1e-3),
]


@pytest.mark.parametrize(("name", "kind", "hyper", "tol"), CASES)
def test_basins_equal_runs_from_each_start_on_their_own(name, kind, hyper, tol):
    s = surfaces.get(name)
    (x0, x1), (y0, y1) = s.bounds
    xs, ys = np.linspace(x0, x1, 7), np.linspace(y0, y1, 6)
    opt = optimizers.get(kind, **hyper)
    m = basins(s, opt, xs, ys, 150, tol=tol)
    minimum, first, diverged, nearest = one_by_one(s, opt, xs, ys, 150, tol, s.minima)
    np.testing.assert_array_equal(m.nearest, nearest)
    np.testing.assert_array_equal(m.minimum, minimum)
    np.testing.assert_array_equal(m.steps, first)
    np.testing.assert_array_equal(m.diverged, diverged)
    assert m.minimum.shape == (6, 7)
    assert (m.minimum >= 0).sum() >= 10, "most starts reach a minimum: the test must bite"


def test_himmelblau_basins_reach_all_four_minima():
    s = surfaces.get("himmelblau")
    xs = ys = np.linspace(-4.5, 4.5, 24)
    m = basins(s, optimizers.get("sgd", lr=0.01), xs, ys, 400, tol=1e-3)
    assert set(np.unique(m.minimum)) >= {0, 1, 2, 3}


def test_diverged_starts_are_marked_and_reach_nothing():
    s = surfaces.get("two_wells")
    (x0, x1), (y0, y1) = s.bounds
    m = basins(s, optimizers.get("sgd", lr=50.0), np.linspace(x0, x1, 5),
               np.linspace(y0, y1, 5), 50, tol=1e-3)
    assert m.diverged.any()
    assert (m.minimum[m.diverged] == -1).all() and (m.steps[m.diverged] == -1).all()


def test_a_classifier_slice_with_the_grid_minimum_supplied():
    ds = classifier.load_dataset("digits")
    model = classifier.LinearClassifier(ds.X_train[:300], ds.y_train[:300], loss="softmax",
                                        reg=1e-2)
    W0 = np.zeros((ds.X_train.shape[1], len(ds.class_names)))
    D1, D2 = classifier.random_directions(W0 + 1e-3, seed=1, normalize=None)
    sl = classifier.PlaneSlice(model, W0, D1, D2)
    a = b = np.linspace(-0.2, 0.2, 41)
    Z = sl.grid(a, b)
    i, j = np.unravel_index(np.argmin(Z), Z.shape)
    target = np.array([[a[j], b[i]]])
    xs = ys = np.linspace(-0.15, 0.15, 4)
    opt = optimizers.get("momentum", lr=0.05, mu=0.9)
    m = basins(sl, opt, xs, ys, 60, tol=0.02, minima=target)
    minimum, first, diverged, _ = one_by_one(sl, opt, xs, ys, 60, 0.02, target)
    np.testing.assert_array_equal(m.minimum, minimum)
    np.testing.assert_array_equal(m.steps, first)
    assert (m.minimum == 0).any()


def test_f_star_counts_convergence_by_value_where_no_minimum_is_known():
    s = surfaces.get("bowl")
    xs = ys = np.linspace(-1, 1, 5)
    m = basins(s, optimizers.get("sgd", lr=0.1), xs, ys, 100, tol=1e-6, minima=np.zeros((0, 2)),
               f_star=0.0)
    assert (m.minimum == 0).all()
    r = runner.run(s, {"r": optimizers.get("sgd", lr=0.1)}, [xs[0], ys[0]], 100)["r"]
    assert m.steps[0, 0] == int(np.argmax(r.values[:, 0] < 1e-6))


def test_cancel_stops_a_map_build():
    s = surfaces.get("two_wells")
    with pytest.raises(InterruptedError):
        basins(s, optimizers.get("sgd"), [0, 1], [0, 1], 500, progress=lambda done, n: done < 50)


def test_bad_tol_is_refused():
    with pytest.raises(ValueError, match="tol"):
        basins(surfaces.get("bowl"), optimizers.get("sgd"), [0], [0], 5, tol=0)


@pytest.mark.parametrize("kind", ["sgd", "momentum", "adam", "rmsprop"])
def test_lr_sweep_equals_runs_at_each_rate(kind):
    s = surfaces.get("ravine")
    lrs = np.logspace(-3, 0, 7)
    curves = lr_sweep(s, kind, lrs, s.default_start, 80)
    assert curves.shape == (7, 81)
    for i, lr in enumerate(lrs):
        r = runner.run(s, {"r": optimizers.get(kind, lr=lr)}, s.default_start, 80)["r"]
        np.testing.assert_allclose(curves[i], r.values[:, 0], rtol=1e-12, atol=0)


def test_tuned_lr_is_the_sweeps_argmin_among_runs_that_did_not_diverge():
    s = surfaces.get("ravine")
    result = sweep(s, "sgd", np.logspace(-3, 1, 15), s.default_start, 100)
    assert (result.diverged_at >= 0).any(), "the sweep must reach divergence to test the rule"
    ok = result.diverged_at < 0
    expected = result.lrs[ok][np.argmin(result.losses[ok, -1])]
    assert best_lr(result, "final") == expected
    steps = steps_to_tol(result.losses, 0.0, 1e-1)
    fastest = best_lr(result, "steps", f_star=0.0, tol=1e-1)
    k = list(result.lrs).index(fastest)
    assert steps[k] >= 0 and steps[k] == steps[ok & (steps >= 0)].min()


def test_best_lr_is_none_when_every_run_diverges():
    s = surfaces.get("ravine")
    assert best_lr(sweep(s, "sgd", [100.0, 1000.0], s.default_start, 50)) is None
