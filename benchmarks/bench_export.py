"""Animation export: 200 frames of 640×480, 4 runs on Rosenbrock, as MP4 and GIF.

Each export is timed end to end (hidden model and view, every frame drawn
by the live view's code, encoded, file renamed into place). Baselines from
the same run: drawing the 200 frames alone (what any export must pay), and
for the GIF encoder, imageio's default GIF writer on the same frames.
Timings are best of a few runs: the machine is shared, and load from other
processes only adds time. Goals (issue 6): MP4 ≤ 3 s, GIF ≤ 6 s.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks._timing import Row, best_ms

FRAMES, WIDTH, HEIGHT, FPS = 200, 640, 480, 30


def run() -> list[Row]:
    from gui.app.app import create_application
    from gui.cli.cli_export import quiet_offscreen_notices

    app = create_application(["bench"])  # noqa: F841 - keeps the QApplication alive
    quiet_offscreen_notices()
    import imageio.v3 as iio

    from gui.export.animation import RaceRecorder, export_animation
    from gui.export.animation_options import AnimationOptions
    from gui.export.writers import GifWriter
    from optim_core.experiment.spec import default_experiment
    from tests.readback import read_frames

    spec = default_experiment()  # Rosenbrock: SGD, momentum, RMSprop, Adam
    options = AnimationOptions(WIDTH, HEIGHT, FPS, frames=FRAMES, steps_per_frame=2)
    frames: list = []

    def render_only() -> None:
        recorder = RaceRecorder(spec, options)
        recorder.wait_ready()
        frames[:] = list(recorder.frames())
        recorder.close()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        render_ms = best_ms(render_only)
        mp4_ms = best_ms(lambda: export_animation(spec, folder / "race.mp4", options))
        gif_ms = best_ms(lambda: export_animation(spec, folder / "race.gif", options))
        assert len(read_frames(folder / "race.mp4")) == FRAMES

        def ours() -> None:
            w = GifWriter(folder / "ours.gif", WIDTH, HEIGHT, FPS)
            for f in frames:
                w.write(f)
            w.close()

        encode_ms = best_ms(ours)
        imageio_ms = best_ms(lambda: iio.imwrite(folder / "imageio.gif", frames,
                                                 duration=1000 / FPS, loop=0), repeat=1)
    what = f"{FRAMES} frames {WIDTH}x{HEIGHT}, 4 runs, Rosenbrock"
    return [
        Row(f"draw frames only ({what})", render_ms, note="the floor any export pays"),
        Row(f"export MP4 ({what})", mp4_ms, render_ms, "<= 3000 ms",
            "baseline: drawing alone; H.264 in ffmpeg overlaps it"),
        Row(f"export GIF ({what})", gif_ms, render_ms, "<= 6000 ms",
            "baseline: drawing alone"),
        Row("GIF encoding only, one global palette", encode_ms, imageio_ms, "",
            "baseline: imageio's default GIF writer, same frames"),
    ]
