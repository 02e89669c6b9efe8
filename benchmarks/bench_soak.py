"""A long lesson: does a frame cost the same after 100,000 steps as at the start?

8 runs on Rosenbrock (512² image, 12 contours) in a 900×700 view, 500 steps
per frame, 200 frames. A frame is ``model.advance()`` (the steps and the
view's redraw of the runs) plus an offscreen ``grab()``; "drawing" is the
grab alone. Start = frames 10–30 (steps 5,000–15,000, after the history
buffers reached their cap), end = the last 20 frames (to step 100,000).
The training-curves panel (shown beside the view in the window) is painted
apart, in the same two windows of frames. Memory growth is measured from
frame 10 to the end in a second pass (tracemalloc
slows allocation, so it stays out of the timed one): Python allocations and
the process's resident size. The tests count the same work
(tests/gui/test_soak.py); the times are here.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402
import tracemalloc  # noqa: E402

import numpy as np  # noqa: E402

from benchmarks._scenes import eight_run_model  # noqa: E402
from benchmarks._timing import Row  # noqa: E402

STEPS, STEPS_PER_FRAME, SIZE = 100_000, 500, (900, 700)
WARM, WINDOW = 10, 20


def _model():
    return eight_run_model(resolution=512, steps=STEPS, steps_per_frame=STEPS_PER_FRAME)


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def soak(app, view, model, trace: bool = False, curves=None) -> dict:
    """Per-frame times (s) and painted points, and memory (traced Python bytes when
    ``trace``, which slows allocation, so times come from a pass without it; and
    resident bytes) at warm-up and at the end."""
    frame, draw, painted, memory, curve_paint = [], [], [], {}, {}
    frames = STEPS // STEPS_PER_FRAME
    for k in range(frames):
        if k == WARM:
            if trace:
                tracemalloc.start()
            memory["start"] = (tracemalloc.get_traced_memory()[0], _rss())
        t0 = time.perf_counter()
        model.advance()
        t1 = time.perf_counter()
        view.grab()
        t2 = time.perf_counter()
        painted.append(view.trails.points_painted)  # before the on-screen repaint below
        if curves is not None and (WARM <= k < WARM + WINDOW or k >= frames - WINDOW):
            curves.refresh()
            t3 = time.perf_counter()
            curves.canvas.grab()
            curve_paint[k] = time.perf_counter() - t3
        app.processEvents()
        frame.append(t2 - t0)
        draw.append(t2 - t1)
    memory["end"] = (tracemalloc.get_traced_memory()[0], _rss())
    tracemalloc.stop()
    return {"frame": frame, "draw": draw, "painted": painted, "memory": memory,
            "runs": len(model.spec.runs), "curves": list(curve_paint.values())}


def _run_once(app, trace: bool) -> dict:
    from gui.panels.curves_panel import CurvesPanel
    from gui.surface.surface_view import SurfaceView

    model = _model()
    view = SurfaceView(model)
    view.resize(*SIZE)
    view.show()
    curves = None
    if not trace:
        curves = CurvesPanel(model)
        curves.resize(1200, 320)
        curves.show()
    app.processEvents()
    return soak(app, view, model, trace, curves)


def run() -> list[Row]:
    from gui.app.app import create_application

    app = create_application([])
    r = _run_once(app, trace=False)
    m = _run_once(app, trace=True)["memory"]

    def ms(key: str, frames: slice) -> float:
        return 1e3 * float(np.median(r[key][frames]))

    start, end = slice(WARM, WARM + WINDOW), slice(-WINDOW, None)
    pts = (int(np.median(r["painted"][start])), int(np.median(r["painted"][end])))
    traced, rss = ((m["end"][i] - m["start"][i]) / 1e6 for i in (0, 1))
    runs = r["runs"]
    return [
        Row(f"soak frame at steps 5k–15k ({runs} runs, {STEPS_PER_FRAME} steps)",
            ms("frame", start), note="advance + redraw + grab, 900×700"),
        Row(f"soak frame at steps 90k–100k ({runs} runs, {STEPS_PER_FRAME} steps)",
            ms("frame", end), ms("frame", start), goal="flat (≈ start)",
            note="baseline: the same frame at the start"),
        Row("soak drawing (grab) at steps 5k–15k", ms("draw", start),
            note=f"{pts[0]} trail points painted a frame"),
        Row("soak drawing (grab) at steps 90k–100k", ms("draw", end), ms("draw", start),
            goal="flat (≈ start)", note=f"{pts[1]} trail points painted a frame"),
        Row("soak curves panel paint at steps 5k–15k", 1e3 * float(np.median(
            r["curves"][:WINDOW])), note="4 plots × 8 runs, 1200×320, outside the frame above"),
        Row("soak curves panel paint at steps 90k–100k", 1e3 * float(np.median(
            r["curves"][WINDOW:])), 1e3 * float(np.median(r["curves"][:WINDOW])),
            goal="flat (≈ start)", note="decimated to the plot width"),
        Row("soak worst frame (any step)", 1e3 * max(r["frame"][WARM:]),
            note=f"memory after warm-up: +{traced:.2f} MB traced, +{rss:.1f} MB resident"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
