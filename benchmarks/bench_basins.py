"""Basin maps and learning-rate sweeps: one batched race against one run at a time."""

from __future__ import annotations

import numpy as np

from benchmarks._timing import Row, best_ms
from optim_core import optimizers, runner, surfaces
from optim_core.analysis import basins, lr_sweep
from optim_core.analysis.basin_map import grid_starts

N, STEPS, SAMPLE = 128, 1000, 24


def run() -> list[Row]:
    s = surfaces.get("two_wells")
    (x0, x1), (y0, y1) = s.bounds
    xs, ys = np.linspace(x0, x1, N), np.linspace(y0, y1, N)
    opt = optimizers.get("momentum", lr=0.02, mu=0.9)
    batched = best_ms(lambda: basins(s, opt, xs, ys, STEPS, tol=1e-3), repeat=2)
    starts = grid_starts(xs, ys)[:: (N * N) // SAMPLE][:SAMPLE]
    one = best_ms(lambda: [runner.run(s, {"r": opt}, p, STEPS) for p in starts], repeat=1)
    per_start = one / len(starts) * N * N
    lrs = np.logspace(-4, 0, 64)
    sweep_ms = best_ms(lambda: lr_sweep(s, "momentum", lrs, s.default_start, STEPS), repeat=2)
    lone_ms = best_ms(lambda: [runner.run(s, {"r": optimizers.get("momentum", lr=lr)},
                                          s.default_start, STEPS) for lr in lrs[:8]], repeat=1)
    return [
        Row(f"basin map {N}x{N}, momentum, {STEPS} steps, two wells", batched, per_start,
            "<= 1000 ms, >= 50x",
            f"baseline: runner.run one start at a time ({SAMPLE} timed, extrapolated)"),
        Row(f"learning-rate sweep, 64 rates x {STEPS} steps", sweep_ms, lone_ms / 8 * 64, "",
            "baseline: one run per rate (8 timed, extrapolated)"),
    ]
