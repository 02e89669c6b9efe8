"""How long the event loop is held while heavy work runs.

A QTimer ticks every 10 ms; a tick's extra wait beyond 10 ms is the event
latency the user feels. Reported: the worst over three repetitions (and the
median of the three) while

- the bundled digits' softmax slice is built and drawn at 256×256 (and 1024×1024);
- the slice changes at step 1,000 of an 8-run race (every trajectory recomputed);
- the classifier trains 15 epochs with the race's 4 optimizers, then its PCA
  planes and the paths projected onto the slice are drawn.

The window is a SurfaceView (900×700) and the training panel beside it.
These figures are the latency's only check: the tests
(tests/gui/test_responsive.py) hold no timings, only that the loop turns.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from benchmarks._latency_probe import LatencyProbe  # noqa: E402
from benchmarks._timing import Row  # noqa: E402

REPEAT = 3


def _settled(model) -> bool:
    return (not model.busy and not model.rebuilding and model.grid is not None
            and not model.grid.preview)


def _setup(app, resolution: int):
    from gui.model.experiment import ExperimentModel
    from gui.panels.training_panel import TrainingPanel
    from gui.surface.surface_view import SurfaceView
    from optim_core.experiment import spec as spec_mod

    spec = spec_mod.default_experiment()
    spec.surface.resolution = resolution
    spec.steps = 5000
    model = ExperimentModel(spec)
    view = SurfaceView(model)
    view.resize(900, 700)
    view.show()
    panel = TrainingPanel(model, view)
    panel.resize(1100, 420)
    panel.show()
    app.processEvents()
    return model, view, panel


def _scenarios(app, probe) -> dict[str, float]:
    out = {}
    for res in (256, 1024):
        model, _view, _panel = _setup(app, res)
        out[f"slice {res}"] = probe.measure(lambda m=model: m.set_surface("classifier"),
                                            lambda m=model: _settled(m))
    model, _view, panel = _setup(app, 256)
    probe.measure(lambda: model.set_surface("classifier"), lambda: _settled(model))
    for kind, lr in (("nesterov", 1e-3), ("adagrad", 0.3), ("momentum_ema", 1e-2),
                     ("adam", 1e-2)):
        model.add_run(kind, lr=lr)
    model.advance(1000)
    out["rebuild"] = probe.measure(lambda: model.set_slice(reg=2e-3), lambda: _settled(model))
    for index in range(4, 8):
        model.set_run_enabled(index, False)
    panel.epochs_spin.setValue(15)
    shown = []
    panel.trained.connect(shown.append)
    out["training"] = probe.measure(panel.start_training, lambda: bool(shown))
    panel.worker.cancel()
    return out


def run() -> list[Row]:
    from gui.app.app import create_application

    app = create_application([])
    probe = LatencyProbe(app)
    runs = [_scenarios(app, probe) for _ in range(REPEAT)]

    def row(key: str, name: str, note: str) -> Row:
        values = [1e3 * r[key] for r in runs]
        return Row(name, max(values), goal="< 100 ms",
                   note=f"worst of {REPEAT}; median {np.median(values):.0f} ms; {note}")

    return [
        row("slice 256", "latency: build + draw a 256² digits slice", "softmax, trained W*"),
        row("slice 1024", "latency: build + draw a 1024² digits slice", "softmax, trained W*"),
        row("rebuild", "latency: new slice at step 1,000 (8 runs)", "race rebuilt to 1,000"),
        row("training", "latency: train 15 epochs × 4 optimizers + views",
            "PCA planes, projected paths"),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
