"""JobRunner's teardown: a runner deleted while its job finishes (the window
closed) drops the job's last report instead of emitting from a deleted object."""

import threading

import shiboken6
from PySide6.QtCore import QObject

from gui.model.workers import JobRunner
from tests.pool import drain


def test_a_runner_deleted_while_its_job_finishes_drops_the_report(qtbot, capfd):
    owner = QObject()
    runner = JobRunner(owner)
    results, started, release = [], threading.Event(), threading.Event()
    runner.finished.connect(results.append)

    def job(progress, cancelled):
        started.set()
        release.wait(10)
        progress(0.9, "almost")  # reports after its runner is gone
        return "late"

    runner.submit(job)
    assert started.wait(10)
    shiboken6.delete(owner)  # the window closes: its runners go with it
    assert not shiboken6.isValid(runner)
    release.set()
    drain()
    assert results == []
    assert "RuntimeError" not in capfd.readouterr().err


def test_a_live_runner_still_gets_its_result(qtbot):
    runner = JobRunner()
    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        runner.submit(lambda progress, cancelled: (progress(0.5, "half"), 42)[1])
    assert blocker.args == [42] and not runner.busy
