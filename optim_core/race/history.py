"""A bounded, decimating history of one run's samples (a race's trail, the
weight snapshots of full-space training).

At most ``max_history`` samples are kept. When the buffer is full every
other kept sample is dropped and from then on only every ``stride``-th step
is kept (stride doubles each time), so a 100,000-step race keeps a trail
spread evenly over all its steps, each sample tagged with its step.
"""

from __future__ import annotations

import numpy as np

#: A race's fields (see ``race_shapes``).
FIELDS = ("points", "values", "grad_norms", "lrs", "effective_lrs")


def race_shapes(S: int) -> dict[str, tuple[int, ...]]:
    """One race sample of S start points: ``points (S, 2)``, ``values``,
    ``grad_norms``, ``effective_lrs (S,)`` and ``lrs ()``."""
    return {"points": (S, 2), "values": (S,), "grad_norms": (S,), "lrs": (),
            "effective_lrs": (S,)}


class Trail:
    """Samples ``steps (K,)`` and, per field of ``shapes``, ``(K, *shape)``, with
    ``K <= max_history``."""

    def __init__(self, shapes: dict[str, tuple[int, ...]], max_history: int = 4096) -> None:
        if max_history < 2:
            raise ValueError(f"max_history must be >= 2, got {max_history}")
        self.max_history = int(max_history)
        self.stride = 1
        self.n = 0
        self._next: int | None = None
        cap = min(self.max_history, 64)
        self.steps = np.zeros(cap, dtype=int)
        self.data = {k: np.zeros((cap, *shape)) for k, shape in shapes.items()}

    def extend(self, steps: np.ndarray, **rows: np.ndarray) -> None:
        """Offer samples of consecutive ``steps (m,)``; keep those on the stride grid."""
        i, m = 0, len(steps)
        while i < m:
            j0 = i if self._next is None else i + (self._next - steps[i]) % self.stride
            if j0 >= m:
                return
            idx = np.arange(j0, m, self.stride)[: self.max_history - self.n]
            self._write(steps[idx], {k: v[idx] for k, v in rows.items()})
            self._next = int(steps[idx[-1]]) + self.stride
            i = int(idx[-1]) + 1
            if self.n == self.max_history:
                self._halve()

    def view(self) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The kept samples (views, do not modify)."""
        return self.steps[: self.n], {k: v[: self.n] for k, v in self.data.items()}

    def _write(self, steps: np.ndarray, rows: dict[str, np.ndarray]) -> None:
        end = self.n + len(steps)
        if end > len(self.steps):
            cap = min(self.max_history, max(end, 2 * len(self.steps)))
            self.steps = _grown(self.steps, cap)
            self.data = {k: _grown(v, cap) for k, v in self.data.items()}
        self.steps[self.n:end] = steps
        for k, v in rows.items():
            self.data[k][self.n:end] = v
        self.n = end

    def _halve(self) -> None:
        keep = np.arange(0, self.n, 2)
        self.steps[: len(keep)] = self.steps[keep]
        for v in self.data.values():
            v[: len(keep)] = v[keep]
        self.n = len(keep)
        self.stride *= 2
        self._next = int(self.steps[self.n - 1]) + self.stride


def _grown(a: np.ndarray, cap: int) -> np.ndarray:
    out = np.zeros((cap,) + a.shape[1:], dtype=a.dtype)
    out[: len(a)] = a
    return out
