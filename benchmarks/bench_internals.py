"""Frame time with the internals drawn at every head, and one explained step.

Scene: the frame benchmark's eight runs (2,000-point trails over a 512²
Rosenbrock image with 12 contour lines) in a 900×700 view, every piece of
the internals shown. One frame = ``model.advance(1)`` + redraw (with the
internals of all eight runs computed from the race and drawn) + ``grab()``.
The baseline is the same frame with the internals off, in the same run.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._scenes import eight_run_model  # noqa: E402
from benchmarks._timing import Row, median_ms  # noqa: E402

SIZE = (900, 700)
STEPS = 2000


def run() -> list[Row]:
    from gui.app.app import create_application
    from gui.surface.surface_view import SurfaceView

    app = create_application([])
    model = eight_run_model(resolution=512, steps=1_000_000)
    model.advance(STEPS)
    view = SurfaceView(model)
    view.resize(*SIZE)
    view.show()
    app.processEvents()

    def frame():
        model.advance(1)
        return view.grab()

    off = median_ms(frame, repeat=60, warmup=5)
    model.internals.set_shown(True)
    on = median_ms(frame, repeat=80, warmup=5)
    heads = len(view.internals.layer.glyphs())
    adam = next(i for i, r in enumerate(model.spec.runs) if r.kind == "adam")
    model.internals.select(adam)

    def explained():
        model.internals.explain()
        return view.grab()

    explain_ms = median_ms(explained, repeat=20, warmup=2)
    model.internals.leave_explain()
    return [
        Row(f"frame with internals: {heads} heads, all pieces, 900×700", on, off,
            goal="<= 8 ms", note="baseline: the same frame, internals off"),
        Row("explain step (Adam): stages + formula + draw", explain_ms, goal="interactive"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
