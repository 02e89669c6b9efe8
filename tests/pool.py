"""Waiting for background work in tests: every job has ended and what it
reported has been delivered, so "nothing more arrived" is a fact, not a
guess about how long to sleep."""

from PySide6.QtCore import QCoreApplication, QThreadPool


def drain(msecs: int = 30_000) -> None:
    """Block until the worker pool is idle, then deliver every queued report."""
    assert QThreadPool.globalInstance().waitForDone(msecs), "the worker pool did not finish"
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
