"""What dragging a start marker costs: re-running every race from a new start.

The GUI's drag re-run (``RacePart.restart``) is a new
``runner.Race`` advanced to the current step: each kind's rule called once
per step for all its runs, one surface call per step for every run. The
baseline races each run on its own (its own surface calls), measured in the
same run.
"""

from __future__ import annotations

import itertools
import time

import numpy as np

from benchmarks._timing import Row, median_ms
from optim_core import optimizers, runner, surfaces

SURFACE = surfaces.get("rosenbrock")


def _eight() -> dict[str, optimizers.Optimizer]:
    """The course's eight gradient methods, at learning rates that do not diverge here."""
    slow = {"sgd", "momentum", "momentum_ema", "nesterov"}
    kinds = ("sgd", "momentum", "momentum_ema", "nesterov", "adagrad", "rmsprop", "adam", "adamw")
    return {k: optimizers.get(k, lr=1e-3 if k in slow else 1e-2) for k in kinds}


def _starts():
    """A new start point for every repetition, as while dragging."""
    rng = np.random.default_rng(0)
    (x0, x1), (y0, y1) = SURFACE.bounds
    return itertools.cycle([np.array([rng.uniform(x0, x1), rng.uniform(y0, y1)])
                            for _ in range(64)])


def _median_cpu_ms(fn, repeat: int) -> float:
    """Median process CPU time: what the wall time would be on an idle core
    (the 2 cores here are often shared with other work)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1e3)
    return sorted(times)[len(times) // 2]


def _drag_row(opts, steps: int, goal: str, repeat: int) -> Row:
    starts = _starts()

    def drag():
        runner.Race(SURFACE, opts, next(starts)).advance(steps)

    def each_alone():
        start = next(starts)
        for label, opt in opts.items():
            runner.Race(SURFACE, {label: opt}, start).advance(steps)

    ms, cpu = median_ms(drag, repeat=repeat), _median_cpu_ms(drag, repeat)
    base = median_ms(each_alone, repeat=max(5, repeat // 3))
    return Row(f"runner: drag re-run, 8 optimizers x {steps:,} steps", ms, base, goal,
               f"Race + advance; cpu {cpu:.1f} ms; baseline: each run raced alone")


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
    rows = [_drag_row(opts, 300, "<= 16 ms", 31), _drag_row(opts, 2000, "", 15)]

    grid = np.stack(np.meshgrid(np.linspace(-1.5, 1.5, 10), np.linspace(-0.5, 2.5, 10)), -1)
    grid = grid.reshape(-1, 2)
    ms = median_ms(lambda: runner.run(SURFACE, opts, grid, 300), repeat=7, warmup=1)
    rows.append(Row("runner: 8 optimizers x 300 steps x 100 starts", ms, None, "",
                    "10x10 grid of starts (Shift+drag)"))
    rows.append(Row("Race frame: advance(1) + 8 trails read", _race_frame_ms(opts), None, "",
                    "after 20,000 steps, 4096-sample trails"))
    return rows
