"""Frame writers: MP4 (H.264), GIF (one global palette) and PNG frames.

A writer receives RGB frames ``(H, W, 3) uint8`` one at a time and writes
them to a temporary file (or folder) next to the target; ``close()``
renames it onto the target, ``abort()`` deletes it. Used as a context
manager, an exception (a cancel included) aborts, so a failed export never
leaves a half-written file. The module imports no Qt: the command line,
the GUI and the tests share it.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from gui.export.palette import GifQuantizer

FORMATS = ("mp4", "gif", "png", "zip")
#: GIF frame delays are whole centiseconds and players clamp delays under 20 ms.
GIF_MAX_FPS = 50.0
Progress = Callable[[int, int], None]


class ExportError(Exception):
    """An export that cannot be done; the message is meant for the user."""


class ExportCancelled(Exception):
    """The user cancelled; the partial output has been removed."""


def format_of(path: str | os.PathLike) -> str:
    """``mp4``, ``gif``, ``zip`` (PNG frames in a zip) or ``png`` (a folder of PNG frames)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("mp4", "gif", "zip"):
        return suffix
    if suffix in ("", "png", "d", "frames"):
        return "png"
    raise ExportError(f"cannot tell the format of {str(path)!r}: use .mp4, .gif, .zip or a folder")


def check_frame_options(fmt: str, width: int, height: int, fps: float) -> None:
    """Raise ``ExportError`` for a size or frame rate the format cannot hold."""
    if width < 16 or height < 16 or width > 8192 or height > 8192:
        raise ExportError(f"size {width}x{height} is out of range (16 to 8192 pixels a side)")
    if not 0.1 <= fps <= 240:
        raise ExportError(f"fps {fps:g} is out of range (0.1 to 240)")
    if fmt == "mp4" and (width % 2 or height % 2):
        raise ExportError(f"MP4 (H.264, yuv420p) needs even sizes, got {width}x{height}")
    if fmt == "gif" and fps > GIF_MAX_FPS:
        raise ExportError(f"GIF cannot play faster than {GIF_MAX_FPS:g} fps (got {fps:g})")


class FrameWriter:
    """Base class: the temporary-output life cycle shared by every format."""

    def __init__(self, path: str | os.PathLike, width: int, height: int, fps: float,
                 is_dir: bool = False):
        self.path = Path(path)
        self.width, self.height, self.fps = width, height, fps
        self.frames = 0
        self._tmp = _make_temp(self.path, is_dir=is_dir)

    def write(self, frame: np.ndarray) -> None:
        """Append one frame ``(height, width, 3) uint8``."""
        if frame.shape != (self.height, self.width, 3) or frame.dtype != np.uint8:
            raise ValueError(f"frame must be ({self.height}, {self.width}, 3) uint8, "
                             f"got {frame.shape} {frame.dtype}")
        self._write(np.ascontiguousarray(frame))
        self.frames += 1

    def close(self, progress: Progress | None = None) -> Path:
        """Finish the file and move it onto the target; returns the target."""
        try:
            self._finish(progress)
            _replace(self._tmp, self.path)
        except BaseException:
            self.abort()
            raise
        return self.path

    def abort(self) -> None:
        """Stop and delete the partial output."""
        try:
            self._discard()
        finally:
            _remove(self._tmp)

    def __enter__(self) -> FrameWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _write(self, frame: np.ndarray) -> None:
        raise NotImplementedError

    def _finish(self, progress: Progress | None) -> None:
        raise NotImplementedError

    def _discard(self) -> None:
        """Release what ``_write`` holds (processes, buffers) without finishing."""


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
            _remove(self._tmp)
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


def _make_temp(target: Path, is_dir: bool) -> Path:
    """A fresh temporary file or folder beside ``target`` with the same suffix
    (ffmpeg picks the container from it); clear errors for unwritable folders."""
    folder = target.parent
    try:
        if is_dir:
            return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=folder))
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".part{target.suffix}",
                                   dir=folder)
        os.close(fd)
        return Path(tmp)
    except FileNotFoundError as e:
        if folder.is_dir():  # e.g. /proc: the folder is there but takes no new files
            raise ExportError(f"cannot write {str(target)!r}: folder {str(folder)!r} is not "
                              f"writable ({e.strerror})") from None
        raise ExportError(f"cannot write {str(target)!r}: folder {str(folder)!r} "
                          "does not exist") from None
    except NotADirectoryError:
        raise ExportError(f"cannot write {str(target)!r}: {str(folder)!r} "
                          "is not a folder") from None
    except OSError as e:
        raise ExportError(f"cannot write {str(target)!r}: folder {str(folder)!r} is not "
                          f"writable ({e.strerror or e})") from None


def _replace(tmp: Path, target: Path) -> None:
    if tmp.is_dir() and target.is_dir():
        target.rmdir()  # only an empty folder gets here (checked on open)
    try:
        os.replace(tmp, target)
    except OSError as e:
        raise ExportError(f"cannot move the finished file onto {str(target)!r}: "
                          f"{e.strerror or e}") from None


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
