"""Frame time of the race in 3-D: 256² mesh, 8 trails of 2,000 points, 900×700.

One frame = ``model.advance(1)`` + the 3-D view's redraw (trails draped on
the mesh) + a framebuffer grab, on Mesa's software OpenGL. Measured in the
same process and run: the 2-D frame of the same scene (``SurfaceView``
redraw + grab), the 3-D frame with the mesh redrawn every time (what the
still-layer cache saves; also what each frame of a camera orbit costs).

OpenGL needs a display: where this process has none (the benchmarks run on
Qt's offscreen platform), it runs itself again on a private Xvfb display and
reports that child's figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from benchmarks._scenes import eight_run_model
from benchmarks._timing import Row, median_ms

SIZE = (900, 700)
STEPS = 2000
RESOLUTION = 256
CHILD_FLAG = "--child"


def _measure() -> list[dict]:
    from gui.app.app import create_application
    from gui.surface.surface_view import SurfaceView
    from gui.surface3d import gl_probe
    from gui.surface3d.view3d import Surface3DView

    app = create_application([])
    reason = gl_probe.unavailable_reason()
    if reason is not None:
        raise RuntimeError(f"no OpenGL: {reason}")
    model = eight_run_model(resolution=RESOLUTION, steps=1_000_000)
    model.advance(STEPS)
    view3d = Surface3DView(model, controls=False)
    view3d.resize(*SIZE)
    view3d.show()
    view2d = SurfaceView(model)
    view2d.resize(*SIZE)
    view2d.show()
    for _ in range(10):
        app.processEvents()
    points = min(len(tr.points) for tr in model.traces())

    def frame3d():
        model.advance(1)
        return view3d.grab_canvas()

    def uncached3d():
        model.advance(1)
        view3d.canvas.static_changed()
        return view3d.grab_canvas()

    def frame2d():
        model.advance(1)
        return view2d.grab()

    rows = []
    for name, fn, repeat in (("3d", frame3d, 60), ("3d_uncached", uncached3d, 15),
                             ("2d", frame2d, 60)):
        rows.append({"name": name, "ms": median_ms(fn, repeat=repeat, warmup=3)})
    renderer = _renderer(view3d)
    _delete(view3d, view2d)
    return [dict(r, points=points, runs=len(model.spec.runs), renderer=renderer) for r in rows]


def _delete(*widgets) -> None:
    """Delete ``widgets`` now: pyqtgraph items left for the interpreter's exit
    crash PySide's teardown, which would lose the figures."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for w in widgets:
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _renderer(view3d) -> str:
    from OpenGL import GL

    view3d.canvas.makeCurrent()
    name = GL.glGetString(GL.GL_RENDERER)
    return name.decode(errors="replace").split(" (")[0] if name else "?"


def _in_xvfb() -> list[dict]:
    from tests.xvfb.xsession import XServer, missing_tools

    if missing_tools() is not None:
        raise RuntimeError(missing_tools())
    x = XServer(1280, 900).start()
    try:
        proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_frame3d", CHILD_FLAG],
                              env=x.env(), capture_output=True, text=True, timeout=600)
    finally:
        x.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()[-400:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run() -> list[Row]:
    on_display = os.environ.get("QT_QPA_PLATFORM", "") not in ("", "offscreen", "minimal")
    try:
        results = _measure() if on_display else _in_xvfb()
    except RuntimeError as e:
        return [Row(f"3-D frame: skipped ({e})", float("nan"))]
    by = {r["name"]: r for r in results}
    r3, r2 = by["3d"], by["2d"]
    scene = f"{r3['runs']} runs × {r3['points']}-pt trails, {RESOLUTION}² mesh, 900×700"
    return [
        Row(f"3-D frame: {scene}", r3["ms"], by["3d_uncached"]["ms"], goal="<= 16 ms",
            note=f"advance(1) + drape + grab on {r3['renderer']} under Xvfb; baseline: the "
                 "mesh redrawn every frame (= a camera-orbit frame)"),
        Row("2-D frame, same scene and run", r2["ms"], note="SurfaceView redraw + grab"),
    ]


if __name__ == "__main__":
    if CHILD_FLAG in sys.argv:
        print(json.dumps(_measure()))
    else:
        for row in run():
            print(row)
