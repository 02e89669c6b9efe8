"""What dragging a start marker costs: re-running every race from a new start.

Baseline, measured in the same run: the naive way — each optimizer on its
own, one surface call per optimizer per step, points collected in Python.
"""

from __future__ import annotations

import itertools
import time

import numpy as np

from benchmarks._timing import Row, median_ms
from optim_core import optimizers, runner, surfaces

STEPS = 300
SURFACE = surfaces.get("rosenbrock")


def _eight() -> dict[str, optimizers.Optimizer]:
    """The course's eight gradient methods, at learning rates that do not diverge here."""
    slow = {"sgd", "momentum", "momentum_ema", "nesterov"}
    return {k: optimizers.get(k, lr=1e-3 if k in slow else 1e-2) for k in optimizers.names()[:8]}


def _starts():
    """A new start point for every repetition, as while dragging."""
    rng = np.random.default_rng(0)
    (x0, x1), (y0, y1) = SURFACE.bounds
    return itertools.cycle([np.array([rng.uniform(x0, x1), rng.uniform(y0, y1)])
                            for _ in range(64)])


def _naive(opts, start) -> dict[str, np.ndarray]:
    out = {}
    with np.errstate(all="ignore"):
        for label, opt in opts.items():
            x, state, points = start, opt.init(start), [start]
            for _ in range(STEPS):
                _, g = SURFACE.value_and_grad(x)
                x, state = opt.step(x, g, state, surface=SURFACE)
                points.append(x)
            out[label] = np.array(points)
    return out


def _median_cpu_ms(fn, repeat: int) -> float:
    """Median process CPU time: what the wall time would be on an idle core
    (the 2 cores here are often shared with other work)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1e3)
    return sorted(times)[len(times) // 2]


def _race_frame_ms(opts) -> float:
    """One animation frame of a long race: a step, then every trail read for drawing."""
    race = runner.Race(SURFACE, opts, SURFACE.default_start, max_history=4096)
    race.advance(20_000)  # history full and decimating, as after a long play

    def frame():
        race.advance(1)
        for label in opts:
            race.history(label)

    return median_ms(frame, repeat=200, warmup=10)


def run() -> list[Row]:
    opts = _eight()
    starts = _starts()
    drag = lambda: runner.run(SURFACE, opts, next(starts), STEPS)  # noqa: E731
    ms = median_ms(drag, repeat=31)
    base = median_ms(lambda: _naive(opts, next(starts)), repeat=15)
    cpu = _median_cpu_ms(drag, repeat=31)
    rows = [Row("runner: drag re-run, 8 optimizers x 300 steps", ms, base, "<= 16 ms",
                f"Rosenbrock; cpu {cpu:.1f} ms; baseline: one optimizer at a time")]

    grid = np.stack(np.meshgrid(np.linspace(-1.5, 1.5, 10), np.linspace(-0.5, 2.5, 10)), -1)
    grid = grid.reshape(-1, 2)
    ms = median_ms(lambda: runner.run(SURFACE, opts, grid, STEPS), repeat=7, warmup=1)
    rows.append(Row("runner: 8 optimizers x 300 steps x 100 starts", ms, None, "",
                    "10x10 grid of starts (Shift+drag)"))
    rows.append(Row("Race frame: advance(1) + 8 trails read", _race_frame_ms(opts), None, "",
                    "after 20,000 steps, 4096-sample trails"))
    return rows
