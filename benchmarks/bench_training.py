"""Classifier training and its analysis on the bundled digits: what the training and
gradient-check panels cost.

- one epoch of 7 optimizers side by side, mini-batches of 64 (the panel's default);
- projecting a 257-snapshot trajectory onto the slice plane (true and slice losses);
- its PCA plane with the 64² loss grid drawn under it;
- one gradient-check table of 12 sampled coordinates (the GUI-thread part);
- one h sweep of 8 coordinates × 34 steps (off the GUI thread).
"""

from __future__ import annotations

import numpy as np

from benchmarks._timing import Row, median_ms
from optim_core import classifier, optimizers
from optim_core.analysis import gradcheck_targets as targets
from optim_core.classifier.batches import epoch_batches
from optim_core.training import full_space as training
from optim_core.training import projection

KINDS = {"sgd": 0.1, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.05, "rmsprop": 3e-3,
         "adam": 1e-2, "adamw": 1e-2}


def run() -> list[Row]:
    ds = classifier.load_dataset("digits")
    opts = {k: optimizers.get(k, lr=lr) for k, lr in KINDS.items()}
    epoch = median_ms(lambda: training.train(ds, "softmax", 1e-3, opts,
                                             config=training.TrainConfig(1, 64)), repeat=5)
    sgd = {"sgd": opts["sgd"]}
    run_ = training.train(ds, "softmax", 1e-3, sgd,
                          config=training.TrainConfig(40, 64, max_snapshots=256))["sgd"]
    W = run_.trajectory()[1]
    model = classifier.LinearClassifier(ds.X_train, ds.y_train, "softmax", 1e-3)
    W0 = classifier.init_weights(ds.dim, ds.num_classes)
    plane = classifier.PlaneSlice(model, W0, *classifier.random_directions(W0, 0, "filter"))
    proj = median_ms(lambda: projection.project_onto_slice(W, plane), repeat=5)

    def pca_grid():
        pca = projection.pca_projection(W)
        center, d1, d2, bounds = projection.pca_plane(pca)
        a, b = (np.linspace(lo, hi, 64) for lo, hi in bounds)
        classifier.PlaneSlice(model, center, d1, d2, extent=bounds).grid(a, b)

    pca = median_ms(pca_grid, repeat=5)
    target = targets.classifier_target(model, W[-1], "data")
    table = median_ms(lambda: targets.check(target, n_samples=12), repeat=9)
    idx = [r.index for r in targets.check(target, n_samples=8).rows]
    sweep = median_ms(lambda: targets.h_sweep(target, idx), repeat=3)
    n = len(W)
    return [
        Row("training: 1 epoch, 7 optimizers, batch 64", epoch,
            note=f"{len(epoch_batches(len(ds.y_train), 64, 0, 1))} steps each"),
        Row(f"projection onto the slice ({n} snapshots)", proj),
        Row("PCA plane + 64² loss grid", pca),
        Row("gradient check: 12 coordinates (GUI thread)", table, goal="≤ 16 ms"),
        Row("h sweep: 8 coordinates × 34 h (worker)", sweep),
    ]
