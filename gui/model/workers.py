"""Off-thread jobs with progress, cancel, and a generation counter.

A job is a plain function ``fn(progress, cancelled) -> result`` where
``progress(fraction, message, news=None)`` reports and ``cancelled()`` says whether to
stop (then raise ``Cancelled``). ``JobRunner.submit`` starts it on the
global QThreadPool; each submit bumps the generation, and results, progress
and errors of older generations are dropped on arrival, so a stale grid can
never overwrite a newer one (napari's worker pattern).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

JobFn = Callable[[Callable[[float, str], None], Callable[[], bool]], Any]


#: How a failure that is a bug in optviz (not bad input) starts its message.
BUG = "internal error (a bug in optviz, please report it)"


class Cancelled(Exception):
    """Raised inside a job when ``cancelled()`` turned true."""


def failure_message(exc: Exception) -> str:
    """The one line shown for a failed job. Bad input (``ValueError``, which
    optim_core raises for bad files and settings, naming them) and I/O errors
    are expected: their message says it all. Anything else is a bug: its
    traceback goes to stderr and the message says so."""
    if isinstance(exc, (ValueError, OSError)):
        return str(exc) or type(exc).__name__
    print(f"optviz: {BUG}:", file=sys.stderr)
    traceback.print_exception(exc)
    return f"{BUG}: {type(exc).__name__}: {exc}"


def is_bug(message: str) -> bool:
    """True for the message of a failure that ``failure_message`` called a bug."""
    return message.startswith(BUG)


class _Bridge(QObject):
    """Lives in the GUI thread; worker threads emit through it (queued)."""

    progressed = Signal(int, float, str, object)
    finished = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, gen: int, fn: JobFn, bridge: _Bridge, stop: threading.Event):
        super().__init__()
        self.gen, self.fn, self.bridge, self.stop = gen, fn, bridge, stop
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(fraction: float, message: str = "", news: Any = None) -> None:
            if self.stop.is_set():
                raise Cancelled
            self.bridge.progressed.emit(self.gen, float(fraction), message, news)

        try:
            result = self.fn(progress, self.stop.is_set)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, never lost
            self.bridge.failed.emit(self.gen, failure_message(exc))
            return
        if not self.stop.is_set():
            self.bridge.finished.emit(self.gen, result)


class JobRunner(QObject):
    """One lane of background work: a new submit cancels the previous job.

    Signals carry only the current generation's news: ``progressed(fraction,
    message)``, ``reported(news)`` when a job passes ``progress(..., news)``
    (e.g. a training epoch's curves), ``finished(result)``, ``failed(message)``.
    """

    progressed = Signal(float, str)
    reported = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._gen = 0
        self._stop = threading.Event()
        self._busy = False
        self._bridge = _Bridge(self)
        self._bridge.progressed.connect(self._on_progressed)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)

    @property
    def generation(self) -> int:
        return self._gen

    @property
    def busy(self) -> bool:
        """True while the current generation's job has not reported its end."""
        return self._busy

    def submit(self, fn: JobFn) -> int:
        """Cancel the running job (if any) and start ``fn``; returns its generation."""
        self.cancel()
        self._gen += 1
        self._stop = threading.Event()
        self._busy = True
        QThreadPool.globalInstance().start(_Job(self._gen, fn, self._bridge, self._stop))
        return self._gen

    def cancel(self) -> None:
        """Ask the current job to stop; whatever it still reports is dropped."""
        self._stop.set()
        self._gen += 1
        self._busy = False

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for tests and shutdown)."""
        return QThreadPool.globalInstance().waitForDone(msecs)

    def _on_progressed(self, gen: int, fraction: float, message: str, news: Any) -> None:
        if gen == self._gen:
            self.progressed.emit(fraction, message)
            if news is not None:
                self.reported.emit(news)

    def _on_finished(self, gen: int, result: object) -> None:
        if gen == self._gen:
            self._busy = False
            self.finished.emit(result)

    def _on_failed(self, gen: int, message: str) -> None:
        if gen == self._gen:
            self._busy = False
            self.failed.emit(message)
