"""Exporting from the window against the command line, and the event loop meanwhile.

The same race — the default Rosenbrock race (4 runs) with the training
curves beside the surface, 1280×720, ``FRAMES`` frames, MP4 — is exported

- as the command line does (``export_animation``, the blocking loop
  ``python main.py export`` runs, timed in this process: no start-up), and
- from the full application window (``start_export``, what Export… starts:
  the progress dialog, frames rendered in slices between the window's own
  events, encoded on a worker thread),

each the best of ``REPEAT``, taken in turns. During the window's exports a 10 ms QTimer
measures the worst event latency (goal < 100 ms: the window never feels
stuck). Settings go to a temporary folder, never the user's.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._latency_probe import LatencyProbe  # noqa: E402
from benchmarks._timing import Row  # noqa: E402

FRAMES, WIDTH, HEIGHT, FPS = 150, 1280, 720, 30
REPEAT = 3


def _window(spec):
    import main
    from gui.model.experiment import ExperimentModel

    window = main.build_window(ExperimentModel(spec))
    window.resize(WIDTH, HEIGHT)
    window.show()
    return window


def _window_export(app, probe, window, path: Path, options) -> tuple[float, float]:
    """``(wall ms, worst latency ms)`` of one export started as Export… starts it."""
    from gui.export.dialog import start_export

    ended: list[str] = []
    t0 = [0.0]

    def start() -> None:
        t0[0] = time.perf_counter()
        job = start_export(window, path, options)
        job.finished.connect(ended.append)
        job.failed.connect(lambda m: ended.append(f"failed: {m}"))

    worst = probe.measure(start, lambda: bool(ended), timeout=600)
    wall = time.perf_counter() - t0[0]
    if not ended or ended[0].startswith("failed"):
        raise RuntimeError(f"the window's export did not finish: {ended}")
    return 1e3 * wall, 1e3 * worst


def run() -> list[Row]:
    from PySide6.QtCore import QSettings

    from gui.app.app import create_application
    from gui.cli.cli_export import quiet_offscreen_notices
    from gui.export.animation import export_animation
    from gui.export.animation_options import AnimationOptions
    from optim_core.experiment.spec import default_experiment
    from tests.readback import read_frames

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        app = create_application(["bench"])
        quiet_offscreen_notices()
        spec = default_experiment()
        options = AnimationOptions(WIDTH, HEIGHT, FPS, frames=FRAMES, steps_per_frame=2,
                                   curves=True)
        window, probe = _window(spec), LatencyProbe(app)
        app.processEvents()
        cli, runs = [], []
        for _ in range(REPEAT):  # taken in turns: the machine's load changes alike for both
            t0 = time.perf_counter()
            export_animation(spec, folder / "cli.mp4", options)
            cli.append(1e3 * (time.perf_counter() - t0))
            runs.append(_window_export(app, probe, window, folder / "window.mp4", options))
        assert len(read_frames(folder / "window.mp4")) == FRAMES
        window.close()
    wall, worst = min(r[0] for r in runs), max(r[1] for r in runs)
    what = f"{FRAMES} frames {WIDTH}x{HEIGHT} + curves, 4 runs, MP4"
    return [
        Row(f"export from the window ({what})", wall, min(cli), "<= command line",
            "baseline: the command line's export, same process, same run"),
        Row("latency: worst event wait during a window export", worst, goal="< 100 ms",
            note=f"worst of {REPEAT} exports; 10 ms timer"),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
