"""One lane of analysis work off the GUI thread, the base of the analyses' Qt sides.

``JobLane`` owns a ``JobRunner`` (a new job cancels the old one, stale
results are dropped) and signals ``progressed(fraction, message)``,
``failed(message)`` and ``busy_changed(bool)``; a subclass submits work
with ``submit(work)`` and takes the result in ``_on_finished(result)``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.model.workers import JobRunner


class JobLane(QObject):
    progressed = Signal(float, str)
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, model, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.jobs = JobRunner(self)
        self.jobs.progressed.connect(self.progressed)
        self.jobs.finished.connect(self._finished)
        self.jobs.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self.jobs.busy

    def submit(self, work) -> None:
        """Run ``work(progress, cancelled)`` off the GUI thread (``JobRunner``)."""
        self.jobs.submit(work)
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        self.jobs.cancel()
        self.busy_changed.emit(False)

    def _finished(self, result) -> None:
        self._on_finished(result)
        self.busy_changed.emit(False)

    def _on_finished(self, result) -> None:
        raise NotImplementedError

    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)
        self.busy_changed.emit(False)
