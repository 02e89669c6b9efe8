"""A long lesson: 100,000 animation steps of 8 runs, drawn every 500 steps.

Memory stays bounded after warm-up: the process's resident size over the
whole race, Python's allocations (tracemalloc, which slows every allocation
~20×) over a window of 20,000 steps that spans a decimation of the
histories. The trails handed to the view stay
under the race's history cap, and a frame's drawing work does not grow with
the step count: the points the trail layer maps and strokes per frame at the
end are no more than near the start. Work is counted, not timed (timings are
in benchmarks/bench_soak.py); the measured times are printed for the record.
"""

import time
import tracemalloc

import numpy as np
import pytest

from gui.model.experiment import ExperimentModel
from gui.surface.surface_view import SurfaceView
from optim_core.experiment import spec as spec_mod

STEPS, STEPS_PER_FRAME = 100_000, 500
FRAMES = STEPS // STEPS_PER_FRAME
#: Frames before memory is measured: the race's history buffers reach their cap
#: (4,096 samples) at step 4,096, and the view's caches are made on the first frames.
WARM_FRAMES = 20
#: Frames traced by tracemalloc: steps 10,000 … 30,000 (the histories decimate at 16,384).
TRACED_FRAMES = 40
EXTRA_RUNS = (("nesterov", 1e-3), ("adagrad", 0.3), ("momentum_ema", 1e-2), ("adam", 1e-2))


def soak_model() -> ExperimentModel:
    """The default Rosenbrock race plus four more runs: 8 runs, 100,000 steps."""
    spec = spec_mod.default_experiment()
    spec.surface.resolution = 128
    spec.steps = STEPS
    spec.steps_per_frame = STEPS_PER_FRAME
    for kind, lr in EXTRA_RUNS:
        spec.runs.append(spec_mod.default_run(kind, f"{kind} {lr:g}", lr=lr,
                                              used_colors=[r.color for r in spec.runs]))
    return ExperimentModel(spec)


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


@pytest.mark.slow
def test_100k_steps_keep_memory_trails_and_frame_work_bounded(qtbot):
    model = soak_model()
    view = SurfaceView(model)
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    qtbot.waitExposed(view)
    cap = model.race.max_history + 1  # the kept samples and the current head
    painted, handed, times = [], [], []
    memory = {}
    for frame in range(FRAMES):
        if frame == WARM_FRAMES:
            tracemalloc.start()
            memory["start"] = (tracemalloc.get_traced_memory()[0], rss_bytes())
        if frame == WARM_FRAMES + TRACED_FRAMES:
            memory["traced"] = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
        t0 = time.perf_counter()
        model.advance()
        view.canvas.grab()
        times.append(time.perf_counter() - t0)
        painted.append(view.trails.points_painted)
        handed.append(max(len(t.points) for t in view.trails.trails()))
    memory["end"] = rss_bytes()
    assert model.step == STEPS and len(view.trails.trails()) == 8
    traced = memory["traced"] - memory["start"][0]
    rss = memory["end"] - memory["start"][1]
    untraced = WARM_FRAMES + TRACED_FRAMES
    print(f"\nsoak: frame {1e3 * np.median(times[untraced:untraced + 20]):.1f} ms after "
          f"{untraced * STEPS_PER_FRAME} steps, {1e3 * np.median(times[-20:]):.1f} ms at "
          f"{STEPS}; memory growth after warm-up: {traced / 1e6:.2f} MB traced, "
          f"{rss / 1e6:.1f} MB resident")
    assert traced < 2e6
    assert rss < 16e6
    assert max(handed) <= cap
    assert max(painted) <= 8 * cap  # even a full redraw is bounded by the cap
    early, late = painted[WARM_FRAMES:WARM_FRAMES + 20], painted[-20:]
    assert np.median(late) <= np.median(early)
    # A full redraw happens only when the history is decimated (its samples move):
    # a handful of times in 100,000 steps, not every frame.
    assert sum(p > 4 * 8 * STEPS_PER_FRAME for p in painted[WARM_FRAMES:]) <= 8
