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
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gui.export import export_messages as m
from optim_core.temp_files import remove_stale, target_mode, temp_path, write_target

FORMATS = ("mp4", "gif", "png", "zip")
#: GIF frame delays are whole centiseconds and players clamp delays under 20 ms.
GIF_MAX_FPS = 50.0
Progress = Callable[[int, int], None]
#: Longest target name: its temporary (``.<name>.<pid>-<8 hex>.part<suffix>``)
#: must still fit the 255 bytes a file name may have.
MAX_NAME_BYTES = 200
#: The process's umask, read once (os.umask can only be read by setting it).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


class ExportError(Exception):
    """An export that cannot be done; the message is meant for the user."""


class ExportInputError(ExportError):
    """The experiment cannot be recorded as given (e.g. its dataset is bad)."""


class ExportCancelled(Exception):
    """The user cancelled; the partial output has been removed."""


def format_of(path: str | os.PathLike) -> str:
    """``mp4``, ``gif``, ``zip`` (PNG frames in a zip) or ``png`` (a folder of PNG frames)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("mp4", "gif", "zip"):
        return suffix
    if suffix in ("", "d", "frames"):
        return "png"
    if suffix == "png":  # one picture's name: a folder of frames there would surprise
        raise ExportError(m.ONE_PICTURE.format(path=repr(str(path))))
    raise ExportError(m.UNKNOWN_TARGET.format(path=repr(str(path))))


#: Bytes per pixel per frame an export may need on disk, a generous bound from
#: race frames (smooth surface, thin trails): GIF's LZW codes, PNG frames
#: (zlib level 3), H.264 at CRF 18.
BYTES_PER_PIXEL = {"gif": 0.6, "png": 1.0, "zip": 1.0, "mp4": 0.05}
#: The largest export started: an estimate above it is refused before any work.
MAX_EXPORT_BYTES = 4_000_000_000


def estimated_bytes(fmt: str, width: int, height: int, frames: int) -> int:
    """About how large an export of ``frames`` frames of ``width × height`` gets."""
    return int(BYTES_PER_PIXEL[fmt] * width * height * frames) + 4096


def check_export_size(path: str | os.PathLike, width: int, height: int, frames: int) -> None:
    """Raise ``ExportError`` before any work when the export would pass
    ``MAX_EXPORT_BYTES`` or the free space of its folder."""
    fmt = format_of(path)
    need = estimated_bytes(fmt, width, height, frames)
    if need > MAX_EXPORT_BYTES:
        raise ExportError(m.TOO_BIG.format(frames=f"{frames:,}", size=f"{width}x{height}",
                                           format=fmt.upper(), need=_size(need),
                                           limit=_size(MAX_EXPORT_BYTES)))
    try:
        usage = shutil.disk_usage(Path(path).parent)
    except OSError:
        return  # the folder is checked (and named) when the output is opened
    free = usage.free
    if usage.total and need > free:  # total 0: /proc and the like, refused on opening
        raise ExportError(m.NO_ROOM.format(need=_size(need), folder=repr(str(Path(path).parent)),
                                           free=_size(free)))


def _size(n: float) -> str:
    return f"{n / 1e9:.1f} GB" if n >= 1e9 else f"{n / 1e6:.0f} MB"


def check_frame_options(fmt: str, width: int, height: int, fps: float) -> None:
    """Raise ``ExportError`` for a size or frame rate the format cannot hold."""
    if width < 16 or height < 16 or width > 8192 or height > 8192:
        raise ExportError(m.SIZE.format(size=f"{width}x{height}"))
    if not 0.1 <= fps <= 240:
        raise ExportError(m.FPS.format(fps=f"{fps:g}"))
    if fmt == "mp4" and (width % 2 or height % 2):
        raise ExportError(m.MP4_EVEN.format(size=f"{width}x{height}"))
    if fmt == "gif" and fps > GIF_MAX_FPS:
        raise ExportError(m.GIF_FPS.format(limit=f"{GIF_MAX_FPS:g}", fps=f"{fps:g}"))


class FrameWriter:
    """Base class: the temporary-output life cycle shared by every format.

    ``path`` may be a symbolic link: the file it points to is written (the link
    stays). An ``OSError`` while writing (a full disk) becomes ``ExportError``.
    """

    def __init__(self, path: str | os.PathLike, width: int, height: int, fps: float,
                 is_dir: bool = False):
        self.path = Path(path)
        self.width, self.height, self.fps = width, height, fps
        self.frames = 0
        self._target = write_target(self.path)
        self._tmp = make_temp(self._target, is_dir=is_dir)

    def write(self, frame: np.ndarray) -> None:
        """Append one frame ``(height, width, 3) uint8``."""
        if frame.shape != (self.height, self.width, 3) or frame.dtype != np.uint8:
            raise ValueError(f"frame must be ({self.height}, {self.width}, 3) uint8, "
                             f"got {frame.shape} {frame.dtype}")
        try:
            self._write(np.ascontiguousarray(frame))
        except OSError as e:
            raise ExportError(m.CANNOT_WRITE.format(
                path=self.path.name, reason=e.strerror or e)) from None
        self.frames += 1

    def close(self, progress: Progress | None = None) -> Path:
        """Finish the file and move it onto the target; returns the target.
        ``progress(k, total)`` may raise to cancel, up to the last moment: it is
        called once more just before the rename."""
        try:
            try:
                self._finish(progress)
            except OSError as e:
                raise ExportError(m.CANNOT_WRITE.format(
                    path=self.path.name, reason=e.strerror or e)) from None
            if progress:
                progress(1, 1)
            replace_onto(self._tmp, self._target)
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


def check_target_name(target: str | os.PathLike) -> None:
    """``ExportError`` for a name the system cannot create, with room for the
    temporary file written beside it first."""
    name = Path(target).name
    size = len(name.encode("utf-8", "surrogateescape"))
    if size > MAX_NAME_BYTES:
        raise ExportError(m.NAME_TOO_LONG.format(name=repr(name[:40]), size=size,
                                                 limit=MAX_NAME_BYTES))


def make_temp(target: Path, is_dir: bool) -> Path:
    """A fresh temporary file or folder beside ``target`` with the same suffix
    (ffmpeg picks the container from it) and the mode the target will have
    (an existing file's own); clear errors for unwritable folders. What killed
    exports of the same target left there is removed first."""
    folder = target.parent
    check_target_name(target)
    if not is_dir and target.is_dir():  # found now, not after every frame is rendered
        raise ExportError(m.IS_FOLDER.format(path=repr(str(target))))
    remove_stale(target)
    tmp = temp_path(target)
    try:
        if is_dir:
            os.mkdir(tmp, 0o700)
        else:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.chmod(tmp, target_mode(target, _UMASK, is_dir))
        return tmp
    except FileNotFoundError as e:
        if folder.is_dir():  # e.g. /proc: the folder is there but takes no new files
            raise ExportError(m.FOLDER_READ_ONLY.format(path=repr(str(target)),
                                                        folder=repr(str(folder)),
                                                        reason=e.strerror)) from None
        raise ExportError(m.NO_FOLDER.format(path=repr(str(target)),
                                             folder=repr(str(folder)))) from None
    except NotADirectoryError:
        raise ExportError(m.NOT_A_FOLDER.format(path=repr(str(target)),
                                                folder=repr(str(folder)))) from None
    except OSError as e:
        remove_output(tmp)
        raise ExportError(m.FOLDER_READ_ONLY.format(path=repr(str(target)),
                                                    folder=repr(str(folder)),
                                                    reason=e.strerror or e)) from None


def replace_onto(tmp: Path, target: Path) -> None:
    if tmp.is_dir() and target.is_dir():
        target.rmdir()  # only an empty folder gets here (checked on open)
    try:
        os.replace(tmp, target)
    except OSError as e:
        raise ExportError(m.CANNOT_MOVE.format(path=repr(str(target)),
                                               reason=e.strerror or e)) from None


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
