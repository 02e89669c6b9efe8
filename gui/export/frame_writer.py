"""The frame-writer life cycle shared by every animation format.

A writer receives RGB frames ``(H, W, 3) uint8`` one at a time and writes
them to a temporary file (or folder) next to the target; ``close()``
renames it onto the target, ``abort()`` deletes it. Used as a context
manager, an exception (a cancel included) aborts, so a failed export never
leaves a half-written file. ``ThreadedWriter`` moves the encoding to a
worker thread. No Qt here: the command line, the GUI and tests share it.
"""

from __future__ import annotations

import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

FORMATS = ("mp4", "gif", "png", "zip")
#: GIF frame delays are whole centiseconds and players clamp delays under 20 ms.
GIF_MAX_FPS = 50.0
Progress = Callable[[int, int], None]
#: The process's umask, read once (os.umask can only be read by setting it).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


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
        self._tmp = make_temp(self.path, is_dir=is_dir)

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
            replace_onto(self._tmp, self.path)
        except BaseException:
            self.abort()
            raise
        return self.path

    def abort(self) -> None:
        """Stop and delete the partial output."""
        try:
            self._discard()
        finally:
            remove_output(self._tmp)

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


def make_temp(target: Path, is_dir: bool) -> Path:
    """A fresh temporary file or folder beside ``target`` with the same suffix
    (ffmpeg picks the container from it); clear errors for unwritable folders."""
    folder = target.parent
    if not is_dir and target.is_dir():  # found now, not after every frame is rendered
        raise ExportError(f"cannot write {str(target)!r}: it is a folder")
    try:
        if is_dir:
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=folder))
        else:
            fd, name = tempfile.mkstemp(prefix=f".{target.stem}.",
                                        suffix=f".part{target.suffix}", dir=folder)
            os.close(fd)
            tmp = Path(name)
        # mkstemp makes private (0600/0700) entries; an export is an ordinary file.
        os.chmod(tmp, (0o777 if is_dir else 0o666) & ~_UMASK)
        return tmp
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


def replace_onto(tmp: Path, target: Path) -> None:
    if tmp.is_dir() and target.is_dir():
        target.rmdir()  # only an empty folder gets here (checked on open)
    try:
        os.replace(tmp, target)
    except OSError as e:
        raise ExportError(f"cannot move the finished file onto {str(target)!r}: "
                          f"{e.strerror or e}") from None


def remove_output(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)



class ThreadedWriter:
    """Runs a ``FrameWriter`` on a worker thread, so encoding overlaps rendering.

    ``write`` queues a frame (blocking when ``depth`` frames wait) and
    re-raises, on the caller's thread, any error the worker met; ``close``
    finishes on the worker (a GIF's palette and encoding included) and
    returns the target; ``abort`` drops queued frames and deletes the
    partial output.
    """

    _END = object()

    def __init__(self, writer: FrameWriter, depth: int = 8):
        self.writer = writer
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._drain, name="frame-writer", daemon=True)
        self._thread.start()

    def write(self, frame: np.ndarray) -> None:
        self._raise()
        self._queue.put(frame)

    def close(self, progress: Progress | None = None) -> Path:
        self._queue.put(self._END)
        self._thread.join()
        self._raise()
        return self.writer.close(progress)

    def abort(self) -> None:
        self._error = self._error or ExportCancelled()
        while True:  # unblock the worker, then let it see the end marker
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(self._END)
        self._thread.join()
        self.writer.abort()

    def _drain(self) -> None:
        while (frame := self._queue.get()) is not self._END:
            if self._error is None:
                try:
                    self.writer.write(frame)
                except BaseException as e:  # noqa: BLE001 - re-raised on the caller's thread
                    self._error = e

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error
