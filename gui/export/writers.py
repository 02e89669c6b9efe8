"""The animation formats: MP4 (H.264), GIF (one global palette, changes only), PNG frames.

See ``gui.export.frame_writer`` for the life cycle every writer follows
(temporary output beside the target, renamed only on success).
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from PIL import GifImagePlugin, Image

from gui.export import export_messages as m
from gui.export.frame_writer import (
    FORMATS,
    GIF_MAX_FPS,
    ExportCancelled,
    ExportError,
    FrameWriter,
    Progress,
    ThreadedWriter,
    check_frame_options,
    check_target_name,
    format_of,
    remove_output,
)
from gui.export.palette import GifQuantizer

#: Frames a GIF export holds before its palette is fixed and it streams.
GIF_BUFFER_BYTES = 256 << 20

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
            # Its own session: a Ctrl+C or hang-up of the terminal reaches optviz, which
            # stops it and removes the partial file, not ffmpeg behind its back.
            self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                          stderr=self._log, start_new_session=True)
        except OSError as e:
            self._log.close()
            remove_output(self._tmp)
            raise ExportError(m.FFMPEG_START.format(reason=e)) from None

    def _write(self, frame: np.ndarray) -> None:
        try:
            self._proc.stdin.write(frame.data)
        except OSError:
            raise ExportError(m.FFMPEG_STOPPED.format(name=self.path.name,
                                                      reason=self._errors())) from None

    def _finish(self, progress: Progress | None) -> None:
        if self.frames == 0:
            raise ExportError(m.NO_FRAMES)
        try:
            self._proc.stdin.close()
        except OSError:
            pass  # ffmpeg already stopped: its exit code says why
        if self._proc.wait() != 0:
            raise ExportError(m.FFMPEG_FAILED.format(name=self.path.name, reason=self._errors()))
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
        return text.splitlines()[-1] if text else m.FFMPEG_SILENT


class GifWriter(FrameWriter):
    """A looping GIF with ONE global palette, streamed to disk, each frame only
    what changed.

    Frames are kept until ``buffer_bytes`` of them are held (or ``close()``);
    then the palette is computed from up to ``palette_samples`` evenly spaced
    kept frames, those are encoded, and every later frame is encoded as it
    arrives (the palette maps new colours to their nearest entry). Memory:
    at most ``buffer_bytes`` plus two frames, whatever the frame count.

    The first frame is whole; every later one is the smallest rectangle
    holding the pixels that differ from the picture shown so far, drawn over
    it (disposal 1), the unchanged pixels inside it transparent: a race's
    surface, axes and colour bar are written once, and the long runs of the
    transparent index compress to almost nothing. Palette index
    ``TRANSPARENT`` is kept for that (``COLORS`` are left for the picture).
    Frame delays alternate whole centiseconds so the total time stays
    ``frames / fps``; identical consecutive frames merge into one longer frame.
    """

    COLORS = 255
    TRANSPARENT = 255

    def __init__(self, path, width, height, fps, palette_samples: int = 8,
                 buffer_bytes: int = GIF_BUFFER_BYTES):
        check_frame_options("gif", width, height, fps)
        super().__init__(path, width, height, fps)
        self._kept: list[np.ndarray] = []
        self._samples, self._budget = palette_samples, buffer_bytes
        self._file = None
        self._quant: GifQuantizer | None = None
        self._shown: np.ndarray | None = None  # palette indices of the picture so far
        #: The frame waiting for its delay: patch, its corner (x, y), delay in cs, and
        #: whether it has transparent pixels (every frame but the first).
        self._pending: tuple[np.ndarray, tuple[int, int], int, bool] | None = None

    def _write(self, frame: np.ndarray) -> None:
        if self._quant is not None:
            self._encode(frame, self.frames)
            return
        self._kept.append(frame.copy())
        if len(self._kept) * frame.nbytes >= self._budget:
            self._start()

    def _start(self, progress: Progress | None = None) -> None:
        """Fix the palette from the kept frames, write the header and them."""
        n = len(self._kept)
        picks = np.unique(np.linspace(0, n - 1, min(n, self._samples)).round().astype(int))
        self._quant = GifQuantizer.from_frames([self._kept[i] for i in picks], self.COLORS)
        self._file = open(self._tmp, "wb")  # noqa: SIM115 - closed by _finish or _discard
        self._file.write(gif_header(self.width, self.height, self._quant.palette_bytes))
        kept, self._kept = self._kept, []
        for i, frame in enumerate(kept):
            self._encode(frame, i)
            if progress:
                progress(i + 1, n + 1)

    def _encode(self, frame: np.ndarray, index: int) -> None:
        indices = self._quant.indices(frame)
        delay = gif_delay(index, self.fps)
        if self._shown is None:
            self._shown = indices
            self._pending = (indices, (0, 0), delay, False)
            return
        patch = self._patch(indices)
        if patch is None:  # nothing changed: the frame shown lasts longer
            last, at, held, transparent = self._pending
            if held + delay <= 0xFFFF:
                self._pending = (last, at, held + delay, transparent)
                return
            patch = (indices[:1, :1].copy(), (0, 0))
        self._flush()
        self._pending = (*patch, delay, True)

    def _patch(self, indices: np.ndarray) -> tuple[np.ndarray, tuple[int, int]] | None:
        """What frame ``indices: (H, W)`` changes in the picture shown: the
        bounding rectangle of the changed pixels, the others in it transparent,
        and its top-left corner ``(x, y)``; None when nothing changed."""
        changed = indices != self._shown
        rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
        if not len(rows):
            return None
        y0, y1, x0, x1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
        patch = np.where(changed[y0:y1, x0:x1], indices[y0:y1, x0:x1], self.TRANSPARENT)
        self._shown = indices
        return patch.astype(np.uint8), (int(x0), int(y0))

    def _flush(self) -> None:
        patch, at, delay, transparent = self._pending
        extra = {"transparency": self.TRANSPARENT} if transparent else {}
        for chunk in GifImagePlugin.getdata(Image.fromarray(patch, "P"), offset=at,
                                            duration=delay * 10, disposal=1, **extra):
            self._file.write(chunk)

    def _finish(self, progress: Progress | None) -> None:
        if self.frames == 0:
            raise ExportError(m.NO_FRAMES)
        if self._quant is None:
            self._start(progress)
        self._flush()
        self._file.write(b";")  # the GIF trailer
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        if progress:
            progress(1, 1)

    def _discard(self) -> None:
        self._kept.clear()
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass  # the disk that failed the write fails the flush too; the file goes

def gif_header(width: int, height: int, palette: bytes) -> bytes:
    """GIF89a header: the screen size, a 256-entry global palette (``palette``
    padded with black) and the NETSCAPE2.0 block that loops forever."""
    screen = struct.pack("<HHBBB", width, height, 0xF7, 0, 0)  # global table of 2⁸ entries
    return (b"GIF89a" + screen + palette[:768].ljust(768, b"\0")
            + b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00")


def gif_delay(index: int, fps: float) -> int:
    """Delay of frame ``index`` in whole centiseconds (at least 1):
    round(100(i+1)/fps) − round(100i/fps), so n frames last n / fps seconds."""
    return max(1, round(100.0 * (index + 1) / fps) - round(100.0 * index / fps))


def gif_durations(n: int, fps: float) -> list[int]:
    """Per-frame delays in ms of ``n`` frames (see ``gif_delay``)."""
    return [gif_delay(i, fps) * 10 for i in range(n)]


class PngFramesWriter(FrameWriter):
    """Numbered PNG frames (``frame_00000.png`` …) in a folder or a ``.zip``."""

    def __init__(self, path, width, height, fps, compress_level: int = 3):
        check_frame_options("png", width, height, fps)
        path = Path(path)
        self._zip_mode = path.suffix.lower() == ".zip"
        if not self._zip_mode and path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise ExportError(m.NOT_EMPTY.format(path=repr(str(path))))
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
            raise ExportError(m.FRAME.format(frame=self.frames, reason=e.strerror or e)) from None

    def _finish(self, progress: Progress | None) -> None:
        if self.frames == 0:
            raise ExportError(m.NO_FRAMES)
        if self._zip is not None:
            self._zip.close()
        if progress:
            progress(1, 1)

    def _discard(self) -> None:
        if self._zip is not None:
            try:
                self._zip.close()
            except OSError:
                pass  # the disk that failed a frame fails the index too; the file goes


def open_writer(path: str | os.PathLike, width: int, height: int, fps: float,
                fmt: str | None = None) -> FrameWriter:
    """The writer for ``path``'s format (or ``fmt``)."""
    check_target_name(path)
    fmt = fmt or format_of(path)
    cls = {"mp4": Mp4Writer, "gif": GifWriter, "png": PngFramesWriter,
           "zip": PngFramesWriter}.get(fmt)
    if cls is None:
        raise ExportError(m.UNKNOWN_FORMAT.format(format=repr(fmt), formats=", ".join(FORMATS)))
    return cls(path, width, height, fps)
