"""Where the parts send slow work: a lane runs jobs ``fn(progress, cancelled)``.

A lane has ``submit(fn, done, failed)`` (a newer submit supersedes the
running job: only its result reaches ``done(result)``, or its error
``failed(message)``) and ``cancel()``. The GUI's lane runs jobs on worker
threads; ``SyncLane`` runs them at once, for scripts and tests without Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

Job = Callable[[Callable[..., None], Callable[[], bool]], Any]


class Lane(Protocol):
    def submit(self, fn: Job, done: Callable[[Any], None],
               failed: Callable[[str], None]) -> None: ...

    def cancel(self) -> None: ...


class SyncLane:
    """Runs each job to its end inside ``submit``."""

    def submit(self, fn: Job, done: Callable[[Any], None],
               failed: Callable[[str], None]) -> None:
        try:
            result = fn(lambda *_a, **_k: None, lambda: False)
        except Exception as exc:  # noqa: BLE001 - reported like the GUI lane does
            failed(f"{type(exc).__name__}: {exc}")
            return
        done(result)

    def cancel(self) -> None:
        """Nothing runs between calls."""
