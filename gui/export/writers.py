"""The animation formats: MP4 (H.264), GIF (one global palette), PNG frames.

See ``gui.export.frame_writer`` for the life cycle every writer follows
(temporary output beside the target, renamed only on success).
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image

from gui.export.frame_writer import (
    FORMATS,
    GIF_MAX_FPS,
    ExportCancelled,
    ExportError,
    FrameWriter,
    Progress,
    ThreadedWriter,
    check_frame_options,
    format_of,
    remove_output,
)
from gui.export.palette import GifQuantizer

__all__ = ["FORMATS", "GIF_MAX_FPS", "ExportCancelled", "ExportError", "FrameWriter",
           "GifWriter", "Mp4Writer", "PngFramesWriter", "ThreadedWriter", "check_frame_options",
           "format_of", "gif_durations", "open_writer"]


class Mp4Writer(FrameWriter):
    """H.264 in MP4, yuv420p so every player can show it, encoded by the ffmpeg
    that imageio-ffmpeg ships. Frames stream into ffmpeg's stdin; it encodes
    in its own process, so encoding overlaps the rendering of later frames.
    """

    def __init__(self, path, width, height, fps, crf: int = 18, preset: str = "veryfast"):
        check_frame_options("mp4", width, height, fps)
        super().__init__(path, width, height, fps)
        import imageio_ffmpeg

        cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-v", "error", "-f", "rawvideo",
               "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", f"{fps:g}", "-i", "-",
               "-an", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", preset,
               "-crf", str(crf), "-movflags", "+faststart", "-f", "mp4", str(self._tmp)]
        self._log = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                          stdout=subprocess.DEVNULL, stderr=self._log)
        except OSError as e:
            self._log.close()
            remove_output(self._tmp)
            raise ExportError(f"cannot start ffmpeg: {e}") from None

    def _write(self, frame: np.ndarray) -> None:
        try:
            self._proc.stdin.write(frame.data)
        except OSError:
            raise ExportError(f"ffmpeg stopped while writing {self.path.name}: "
                              f"{self._errors()}") from None

    def _finish(self, progress: Progress | None) -> None:
        if self.frames == 0:
            raise ExportError("no frames to write")
        try:
            self._proc.stdin.close()
        except OSError:
            pass  # ffmpeg already stopped: its exit code says why
        if self._proc.wait() != 0:
            raise ExportError(f"ffmpeg failed on {self.path.name}: {self._errors()}")
        self._log.close()
        if progress:
            progress(1, 1)

    def _discard(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        for f in (self._proc.stdin, self._log):
            try:
                f.close()
            except OSError:
                pass  # a broken pipe on close: the process is gone anyway

    def _errors(self) -> str:
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace").strip()
        return text.splitlines()[-1] if text else "no message"


class GifWriter(FrameWriter):
    """A looping GIF with ONE global palette (Pillow).

    Frames are kept until ``close()``, which computes the palette from up to
    ``palette_samples`` evenly spaced frames, maps every frame onto it and
    writes the file. Frame delays alternate whole centiseconds so the total
    time stays ``frames / fps`` exactly; Pillow merges identical consecutive
    frames into one longer frame. Memory: ``frames × W × H × 3`` bytes.
    """

    def __init__(self, path, width, height, fps, palette_samples: int = 8):
        check_frame_options("gif", width, height, fps)
        super().__init__(path, width, height, fps)
        self._frames: list[np.ndarray] = []
        self._samples = palette_samples

    def _write(self, frame: np.ndarray) -> None:
        self._frames.append(frame.copy())

    def _finish(self, progress: Progress | None) -> None:
        n = len(self._frames)
        if n == 0:
            raise ExportError("no frames to write")
        picks = np.unique(np.linspace(0, n - 1, min(n, self._samples)).round().astype(int))
        quant = GifQuantizer.from_frames([self._frames[i] for i in picks])
        images = []
        for i, frame in enumerate(self._frames):
            images.append(quant.to_image(frame))
            if progress:
                progress(i + 1, n + 1)
        self._frames.clear()
        with open(self._tmp, "wb") as f:
            images[0].save(f, format="GIF", save_all=True, append_images=images[1:], loop=0,
                           duration=gif_durations(n, self.fps), optimize=False, disposal=1,
                           palette=quant.palette_bytes)
            f.flush()
            os.fsync(f.fileno())
        if progress:
            progress(n + 1, n + 1)

    def _discard(self) -> None:
        self._frames.clear()


def gif_durations(n: int, fps: float) -> list[int]:
    """Per-frame delays in ms, whole centiseconds, summing to ``n / fps`` seconds
    (rounded): frame i lasts round(100(i+1)/fps) − round(100i/fps) cs."""
    ticks = np.round(np.arange(n + 1) * 100.0 / fps).astype(int)
    return [max(int(d), 1) * 10 for d in np.diff(ticks)]


class PngFramesWriter(FrameWriter):
    """Numbered PNG frames (``frame_00000.png`` …) in a folder or a ``.zip``."""

    def __init__(self, path, width, height, fps, compress_level: int = 3):
        check_frame_options("png", width, height, fps)
        path = Path(path)
        self._zip_mode = path.suffix.lower() == ".zip"
        if not self._zip_mode and path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise ExportError(f"{str(path)!r} already exists and is not an empty folder")
        super().__init__(path, width, height, fps, is_dir=not self._zip_mode)
        self._level = compress_level
        self._zip = zipfile.ZipFile(self._tmp, "w", zipfile.ZIP_STORED) if self._zip_mode else None

    def _write(self, frame: np.ndarray) -> None:
        name = f"frame_{self.frames:05d}.png"
        buf = io.BytesIO()
        Image.fromarray(frame, "RGB").save(buf, format="PNG", compress_level=self._level)
        try:
            if self._zip is not None:
                self._zip.writestr(name, buf.getvalue())
            else:
                (self._tmp / name).write_bytes(buf.getvalue())
        except OSError as e:
            raise ExportError(f"cannot write frame {self.frames}: {e.strerror or e}") from None

    def _finish(self, progress: Progress | None) -> None:
        if self.frames == 0:
            raise ExportError("no frames to write")
        if self._zip is not None:
            self._zip.close()
        if progress:
            progress(1, 1)

    def _discard(self) -> None:
        if self._zip is not None:
            self._zip.close()


def open_writer(path: str | os.PathLike, width: int, height: int, fps: float,
                fmt: str | None = None) -> FrameWriter:
    """The writer for ``path``'s format (or ``fmt``)."""
    fmt = fmt or format_of(path)
    cls = {"mp4": Mp4Writer, "gif": GifWriter, "png": PngFramesWriter,
           "zip": PngFramesWriter}.get(fmt)
    if cls is None:
        raise ExportError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return cls(path, width, height, fps)
