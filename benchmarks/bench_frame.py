"""Frame time of the live race: steps + redraw + offscreen grab of a 900×700 view.

Scene (issue 4): 8 runs with 2,000-point trails over a 512² Rosenbrock
image with 12 contour lines. One frame = ``model.advance(1)`` + redraw +
``grab()``. The baseline draws the same scene the straightforward
pyqtgraph way in the same run: an uncached ImageItem, 12 IsocurveItems and
one PlotDataItem per trail with a 2-px antialiased pen, all re-set each
frame. Also timed: a start-marker drag frame (every trajectory recomputed
to step 2,000, then drawn) and a surface-parameter change (512² grid,
contours, recomputed race, drawn).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from benchmarks._scenes import eight_run_model  # noqa: E402
from benchmarks._timing import Row, median_ms  # noqa: E402

SIZE = (900, 700)
STEPS = 2000


def _model():
    model = eight_run_model(resolution=512, steps=1_000_000)
    model.advance(STEPS)
    return model


def _live_view(app, model):
    from gui.surface.surface_view import SurfaceView

    view = SurfaceView(model)
    view.resize(*SIZE)
    view.show()
    app.processEvents()
    return view


def _naive_view(app, model):
    """The same picture with plain pyqtgraph items and no caching."""
    import pyqtgraph as pg

    from gui.surface.surface_layer import grid_rects

    w = pg.PlotWidget()
    w.resize(*SIZE)
    grid, layer_scale = model.grid, None
    from optim_core.render.colormaps import choose_scale, contour_levels

    layer_scale = choose_scale(grid.z)
    d = layer_scale.forward(grid.z)
    img = pg.ImageItem(axisOrder="row-major")
    img.setImage(d)
    img.setColorMap(pg.colormap.get("viridis"))
    img.setRect(*grid_rects(grid.x, grid.y)[0])
    w.addItem(img)
    for level in contour_levels(d, 12):
        iso = pg.IsocurveItem(data=d, level=level, pen=pg.mkPen(255, 255, 255, 64))
        iso.setParentItem(img)
    curves = [w.plot(pen=pg.mkPen(tr.color, width=2), antialias=True) for tr in model.traces()]
    heads = pg.ScatterPlotItem(size=12)
    w.addItem(heads)
    (x0, x1), (y0, y1) = model.surface.bounds
    w.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
    w.setAspectLocked(True)
    w.show()
    app.processEvents()

    def draw():
        traces = model.traces()
        for curve, tr in zip(curves, traces, strict=True):
            curve.setData(tr.points[:, 0, 0], tr.points[:, 0, 1])
        heads.setData(pos=np.array([tr.head[0] for tr in traces]),
                      brush=[tr.color for tr in traces])
        return w.grab()

    return w, draw


def run() -> list[Row]:
    from gui.app.app import create_application

    app = create_application([])
    model = _model()
    view = _live_view(app, model)
    trail_len = min(len(tr.points) for tr in model.traces())

    def frame():
        model.advance(1)
        return view.grab()

    live = median_ms(frame, repeat=80, warmup=5)
    baseline_model = _model()
    _naive, naive_draw = _naive_view(app, baseline_model)

    def naive_frame():
        baseline_model.advance(1)
        return naive_draw()

    naive = median_ms(naive_frame, repeat=30, warmup=3)
    x0, y0 = model.starts[0]
    offsets = iter(np.linspace(0, 0.3, 10_000))

    def drag_frame():
        model.drag_start(x0 + next(offsets), y0)
        model.finish_drag()
        return view.grab()

    drag = median_ms(drag_frame, repeat=15, warmup=2)
    drag_step = model.step
    values = iter(np.linspace(50.0, 150.0, 1000))

    def param_frame():
        model.set_surface_param("b", float(next(values)))
        while model.rebuilding:  # the rerun is spread over event-loop turns: time them all
            app.processEvents()
        return view.grab()

    param = median_ms(param_frame, repeat=9, warmup=1)
    runs = len(model.spec.runs)
    return [
        Row(f"frame: {runs} runs × {trail_len}-pt trails, 512², 900×700", live, naive,
            goal="<= 8 ms", note="advance(1) + redraw + grab; baseline: naive pyqtgraph"),
        Row(f"drag: rerun {runs} runs to step {drag_step}, draw", drag,
            note="whole recompute; while dragging it is spread over <= 12 ms turns"),
        Row("surface parameter: 512² grid + contours + rerun + draw", param,
            goal="interactive", note="Rosenbrock b slider"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
