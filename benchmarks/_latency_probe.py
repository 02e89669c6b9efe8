"""The event latency a user feels while work runs: how late a 10 ms QTimer ticks."""

from __future__ import annotations

import time


class LatencyProbe:
    """Worst extra wait (s) of a 10 ms QTimer while ``measure`` runs ``work``."""

    def __init__(self, app):
        from PySide6.QtCore import QTimer

        self.app, self.worst, self._last = app, 0.0, None
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.worst = max(self.worst, now - self._last - 0.010)
        self._last = now

    def measure(self, start, done, timeout: float = 120.0) -> float:
        """Call ``start()``, turn the event loop until ``done()``; the worst lateness (s)."""
        self.worst, self._last = 0.0, None
        self._timer.start()
        start()
        t0 = time.perf_counter()
        while not done() and time.perf_counter() - t0 < timeout:
            self.app.processEvents()
            time.sleep(0.0005)
        self._timer.stop()
        return self.worst
