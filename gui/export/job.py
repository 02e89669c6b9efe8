"""An animation export that keeps the window alive: rendered in chunks on the
GUI thread (QImages must be drawn there), encoded on a worker thread.

``AnimationExportJob(spec, path, options, ...)``: ``start()``, ``cancel()``;
signals ``progressed(fraction, message)``, ``finished(path)``,
``failed(message)``, ``cancelled()``. Each QTimer tick renders pieces of
frames (``RaceRecorder.frame_pieces``: the surface, then the side panel)
for at most about ``SLICE_MS`` and returns to the event loop; the writer's
worker thread encodes meanwhile. A cancel (also during a GIF's final encoding)
or an error removes the partial output and leaves an existing file as it was.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QTimer, Signal

from gui.app.core_text import error_text
from gui.app.i18n import translate
from gui.export.animation import RaceRecorder
from gui.export.animation_options import AnimationOptions
from gui.export.frame_writer import (
    ExportCancelled,
    ExportError,
    ThreadedWriter,
    check_export_size,
)
from gui.export.writers import open_writer
from optim_core.experiment.spec import ExperimentSpec

#: Rendering time per event-loop turn: the window repaints between slices.
SLICE_MS = 40
#: Progress is reported at most this often (s) while frames are drawn.
PROGRESS_S = 0.25
_DONE = object()


class AnimationExportJob(QObject):
    progressed = Signal(float, str)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()
    _encoded = Signal(object)  # from the worker: the target Path or the exception

    def __init__(self, spec: ExperimentSpec, path: str | Path, options: AnimationOptions,
                 view_rect: QRectF | None = None, side=None, parent: QObject | None = None,
                 camera=None):
        super().__init__(parent)
        self.spec, self.path, self.options = spec, Path(path), options
        self._view_rect, self._side, self._camera = view_rect, side, camera
        self._recorder: RaceRecorder | None = None
        self._writer: ThreadedWriter | None = None
        self._frames = None
        self._done = 0
        self._usual = 0.0  # how long a piece of a frame takes, a running mean (s)
        self._reported = 0.0  # when progress was last reported (perf_counter s)
        self._stop = threading.Event()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._tick)
        self._encoded.connect(self._on_encoded)
        self.running = True  # until finished, failed or cancelled is emitted

    def start(self) -> None:
        """Open the output (failing at once for an unwritable folder) and begin."""
        if self._stop.is_set():  # cancelled before it began
            self.running = False
            self.cancelled.emit()
            return
        o = self.options
        self.total = o.resolved(self.spec).frames
        try:
            check_export_size(self.path, o.width, o.height, self.total)
            self._writer = ThreadedWriter(open_writer(self.path, o.width, o.height, o.fps))
        except ExportError as e:
            self._end_with_error(str(e))
            return
        self.progressed.emit(0.0, translate("ExportProgress", "preparing the surface"))
        self._timer.start()

    def cancel(self) -> None:
        """Stop; the partial output is removed (the encoding thread stops at its
        next frame)."""
        if not self.running:
            return
        self._stop.set()
        if self._frames is not None or self._timer.isActive():
            self._timer.stop()
            self._cleanup(abort=True)
            self.running = False
            self.cancelled.emit()

    def _tick(self) -> None:
        if self._frames is None:
            self._prepare()
            return
        started = time.perf_counter()
        try:
            # One piece, then another while one of the usual length still fits.
            while True:
                t0 = time.perf_counter()
                piece = next(self._frames, _DONE)
                self._usual += 0.3 * (time.perf_counter() - t0 - self._usual)
                if piece is _DONE:
                    self._finish()
                    return
                if piece is not None:
                    self._writer.write(piece)
                    self._done += 1
                if time.perf_counter() - started + self._usual > SLICE_MS / 1000:
                    break
        except ExportError as e:
            self._end_with_error(str(e))
            return
        now = time.perf_counter()
        if now - self._reported >= PROGRESS_S:  # a dialog's update costs 10–40 ms
            self._reported = now
            message = translate("ExportProgress", "frame {done}/{total}")
            self.progressed.emit(0.9 * self._done / self.total,
                                 message.format(done=self._done, total=self.total))
        self._timer.start(0)

    def _prepare(self) -> None:
        """One step of getting ready a turn: the export's own model, then each of
        its views, then the surface's full grid (a slice is built off the thread)."""
        if self._recorder is None:
            self._recorder = RaceRecorder(self.spec, self.options, self._view_rect, self._side,
                                          self._camera, staged=True)
            self._recorder.model.job_failed.connect(self._on_surface_failed)
        elif self._recorder.build_part():
            pass
        elif not self._recorder.ready():
            self._timer.start(50)
            return
        else:
            self._recorder.apply_view_rect()
            self._frames = self._recorder.frame_pieces()
        self._timer.start(0)

    def _finish(self) -> None:
        """All frames rendered: let the worker finish the file."""
        self._frames = None
        self._recorder.close()
        self._recorder = None
        self.progressed.emit(0.9, translate("ExportProgress", "encoding"))
        writer = self._writer

        def progress(k: int, total: int) -> None:
            if self._stop.is_set():
                raise ExportCancelled()
            self.progressed.emit(0.9 + 0.1 * k / total, translate("ExportProgress", "encoding"))

        def close() -> None:
            try:
                self._encoded.emit(writer.close(progress))
            except BaseException as e:  # noqa: BLE001 - handed to the GUI thread
                self._encoded.emit(e)

        threading.Thread(target=close, name="export-close", daemon=True).start()

    def _on_encoded(self, result) -> None:
        self._writer = None
        self.running = False
        if isinstance(result, ExportCancelled):
            self.cancelled.emit()
        elif isinstance(result, BaseException):
            self.failed.emit(str(result) if isinstance(result, ExportError)
                             else f"{type(result).__name__}: {result}")
        else:
            self.finished.emit(str(result))

    def _on_surface_failed(self, message: str) -> None:
        self._timer.stop()
        self._end_with_error(translate(
            "ExportProgress", "the surface could not be built: {message}").format(message=message))

    def _end_with_error(self, message: str) -> None:
        self._cleanup(abort=True)
        self.running = False
        self.failed.emit(error_text(message))

    def _cleanup(self, abort: bool) -> None:
        if self._writer is not None and abort:
            self._writer.abort()
            self._writer = None
        if self._recorder is not None:
            self._recorder.close()
            self._recorder = None
        self._frames = None
