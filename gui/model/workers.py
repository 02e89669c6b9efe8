"""Off-thread jobs with progress, cancel, and a generation counter.

A job is a plain function ``fn(progress, cancelled) -> result`` where
``progress(fraction, message, news=None)`` reports and ``cancelled()`` says whether to
stop (then raise ``Cancelled``). ``JobRunner.submit`` starts it on the
global QThreadPool; each submit bumps the generation, and results, progress
and errors of older generations are dropped on arrival, so a stale grid can
never overwrite a newer one (napari's worker pattern).

Worker threads report through one bridge object that lives as long as the
process, never through the runner itself: a window closed while a job
finishes deletes its runners, and the job's last report then finds no
runner and is dropped (instead of emitting from a deleted QObject).
"""

from __future__ import annotations

import itertools
import sys
import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
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
    """Lives in the GUI thread for the whole process; worker threads emit through
    it (queued) with the runner's key, and it hands the news to that runner if
    the runner still exists."""

    progressed = Signal(int, int, float, str, object)
    finished = Signal(int, int, object)
    failed = Signal(int, int, str)

    def __init__(self):
        super().__init__()
        self.runners: dict[int, weakref.ref] = {}
        self.progressed.connect(lambda key, *a: self._deliver(key, "_on_progressed", a))
        self.finished.connect(lambda key, *a: self._deliver(key, "_on_finished", a))
        self.failed.connect(lambda key, *a: self._deliver(key, "_on_failed", a))

    def _deliver(self, key: int, slot: str, args: tuple) -> None:
        ref = self.runners.get(key)
        runner = ref() if ref is not None else None
        if runner is not None and shiboken6.isValid(runner):
            getattr(runner, slot)(*args)


_BRIDGE: _Bridge | None = None
_KEYS = itertools.count(1)


def _bridge() -> _Bridge:
    """The process's one bridge, made (in the GUI thread) with the first runner."""
    global _BRIDGE
    if _BRIDGE is None:
        _BRIDGE = _Bridge()
    return _BRIDGE


class _Job(QRunnable):
    def __init__(self, key: int, gen: int, fn: JobFn, stop: threading.Event):
        super().__init__()
        self.key, self.gen, self.fn, self.stop = key, gen, fn, stop
        self.bridge = _bridge()
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(fraction: float, message: str = "", news: Any = None) -> None:
            if self.stop.is_set():
                raise Cancelled
            self.bridge.progressed.emit(self.key, self.gen, float(fraction), message, news)

        try:
            result = self.fn(progress, self.stop.is_set)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, never lost
            self.bridge.failed.emit(self.key, self.gen, failure_message(exc))
            return
        if not self.stop.is_set():
            self.bridge.finished.emit(self.key, self.gen, result)


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
        self._key = next(_KEYS)
        bridge = _bridge()
        bridge.runners[self._key] = weakref.ref(self)
        self.destroyed.connect(lambda *_a, key=self._key: bridge.runners.pop(key, None))

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
        QThreadPool.globalInstance().start(_Job(self._key, self._gen, fn, self._stop))
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


class QtLane:
    """A ``JobRunner`` as the experiment's lane (``optim_core.experiment.state.lanes``):
    the result of the newest job goes to its ``done``, its error to ``failed``."""

    def __init__(self, jobs: JobRunner):
        self.jobs = jobs
        self._callbacks: tuple | None = None
        jobs.finished.connect(lambda result: self._call(0, result))
        jobs.failed.connect(lambda message: self._call(1, message))

    def submit(self, fn: JobFn, done: Callable[[Any], None],
               failed: Callable[[str], None]) -> None:
        self._callbacks = (done, failed)
        self.jobs.submit(fn)

    def cancel(self) -> None:
        self._callbacks = None
        self.jobs.cancel()

    def _call(self, which: int, value: Any) -> None:
        callbacks, self._callbacks = self._callbacks, None
        if callbacks is not None:
            callbacks[which](value)
