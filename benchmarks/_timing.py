"""Shared timing helpers for the benchmark modules."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    """One line of the benchmark table."""

    name: str
    ms: float
    baseline_ms: float | None = None
    goal: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline_ms is None or self.ms <= 0:
            return None
        return self.baseline_ms / self.ms


def median_ms(fn: Callable[[], object], repeat: int = 15, warmup: int = 2) -> float:
    """Median wall time of ``fn()`` in milliseconds over ``repeat`` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[len(times) // 2]


def best_ms(fn: Callable[[], object], repeat: int = 3, warmup: int = 0) -> float:
    """Fastest wall time of ``fn()`` in milliseconds over ``repeat`` calls: on a
    shared machine load from other processes only ever adds time."""
    for _ in range(warmup):
        fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - t0) * 1e3)
    return best
