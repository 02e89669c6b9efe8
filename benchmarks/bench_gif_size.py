"""GIF size: the writer's changed-rectangle frames against whole frames, same race.

The default Rosenbrock race (4 runs) with the training curves beside it,
``FRAMES`` frames of 800×450, is drawn once; the frames are then encoded by
the app's ``GifWriter`` (one global palette of 255 colours, every frame after
the first only the rectangle that changed, unchanged pixels transparent) and
by ``WholeFrameGifWriter`` below: the writer as it was before, every frame
whole with 256 colours, kept here as the baseline. Both files are read back
and compared with the frames drawn. Goal: at most a third of the size.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from benchmarks._timing import Row, best_ms

FRAMES, WIDTH, HEIGHT, FPS = 150, 800, 450, 30


def whole_frame_writer():
    """``GifWriter`` as it was before frames held only their changes."""
    from PIL import GifImagePlugin, Image

    from gui.export.writers import GifWriter

    class WholeFrameGifWriter(GifWriter):
        COLORS = 256

        def _patch(self, indices):
            if np.array_equal(indices, self._shown):
                return None
            self._shown = indices
            return indices, (0, 0)

        def _flush(self) -> None:
            patch, _at, delay, _transparent = self._pending
            for chunk in GifImagePlugin.getdata(Image.fromarray(patch, "P"),
                                                duration=delay * 10, disposal=1):
                self._file.write(chunk)

    return WholeFrameGifWriter


def _frames() -> list[np.ndarray]:
    from gui.export.animation import RaceRecorder
    from gui.export.animation_options import AnimationOptions
    from optim_core.experiment.spec import default_experiment

    recorder = RaceRecorder(default_experiment(), AnimationOptions(
        WIDTH, HEIGHT, FPS, frames=FRAMES, steps_per_frame=2, curves=True))
    recorder.wait_ready()
    frames = list(recorder.frames())
    recorder.close()
    return frames


def _encode(cls, frames, path: Path) -> float:
    def write() -> None:
        w = cls(path, WIDTH, HEIGHT, FPS)
        for f in frames:
            w.write(f)
        w.close()

    return best_ms(write, repeat=2)


def run() -> list[Row]:
    from gui.app.app import create_application
    from gui.cli.cli_export import quiet_offscreen_notices
    from gui.export.writers import GifWriter
    from tests.readback import read_frames

    app = create_application(["bench"])  # noqa: F841 - keeps the QApplication alive
    quiet_offscreen_notices()
    frames = _frames()
    with tempfile.TemporaryDirectory() as tmp:
        ours, whole = Path(tmp) / "ours.gif", Path(tmp) / "whole.gif"
        ours_ms = _encode(GifWriter, frames, ours)
        whole_ms = _encode(whole_frame_writer(), frames, whole)
        sizes = os.path.getsize(ours), os.path.getsize(whole)
        errors = [float(np.abs(a.astype(int) - b).mean())
                  for path in (ours, whole) for a, b in zip(read_frames(path), frames,
                                                           strict=True)]
    mb = [s / 1e6 for s in sizes]
    what = f"{FRAMES} frames {WIDTH}x{HEIGHT} + curves, 4 runs"
    return [Row(f"GIF encoding and size ({what})", ours_ms, whole_ms, "1/3 of the size",
                f"{mb[0]:.2f} MB against {mb[1]:.2f} MB whole frames: {mb[1] / mb[0]:.1f}x "
                f"smaller; mean |error| read back {max(errors[:FRAMES]):.2f} against "
                f"{max(errors[FRAMES:]):.2f} (worst frame)")]


if __name__ == "__main__":
    for r in run():
        print(r)
