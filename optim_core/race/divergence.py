"""When a run stops: the divergence tests of the race, checked once per block.

A point stops at the step where it becomes non-finite or leaves the box (the
surface bounds grown ``box_factor``-fold about their centre), or where its
value or gradient is non-finite, or where its loss explodes: |f| above
``box_factor`` × the largest |f| on a 9×9 grid over the bounds. (The loss
test catches what the box cannot: AdaGrad moves each coordinate at most η per
step, so at η = 1e3 it hops around with a loss 10⁵× too large without ever
leaving the box.) A stopped point stays frozen at its last good sample.
"""

from __future__ import annotations

import numpy as np

REASON_POINT = "point is not finite"
REASON_BOX = "left the box"
REASON_LOSS = "loss exploded"
REASON_VALUE = "value is not finite"
REASON_GRAD = "gradient is not finite"
#: In the order the tests are made: the first failed one is the reason.
REASONS = np.array([REASON_POINT, REASON_BOX, REASON_VALUE, REASON_GRAD, REASON_LOSS],
                   dtype=object)


class Divergence:
    """The box ``lo, hi: (2,)`` and the loss limit ``f_max`` of one race."""

    def __init__(self, surface, box_factor: float) -> None:
        self.lo, self.hi = surface.box(box_factor)
        self.f_max = box_factor * surface.largest_value

    def failed_test(self, X: np.ndarray, F: np.ndarray, G: np.ndarray) -> np.ndarray:
        """Per sample ``(m, N)``: index into REASONS of the first failed test, or -1.

        Coordinates are tested one at a time: ``.all(-1)`` over an axis of 2
        costs 20× more.
        """
        (x, y), (gx, gy) = (X[..., 0], X[..., 1]), (G[..., 0], G[..., 1])
        (x0, y0), (x1, y1) = self.lo, self.hi
        tests = (
            ~(np.isfinite(x) & np.isfinite(y)),
            ~((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)),
            ~np.isfinite(F),
            ~(np.isfinite(gx) & np.isfinite(gy)),
            np.abs(F) > self.f_max,
        )
        code = np.full(F.shape, -1)
        for i in range(len(tests) - 1, -1, -1):
            code[tests[i]] = i
        return code

    def stop_and_freeze(self, steps: np.ndarray, samples: tuple, before: tuple,
                        diverged_at: np.ndarray, reasons: np.ndarray) -> None:
        """Stop rows at their first bad sample of the block (writing ``diverged_at``
        and ``reasons``); freeze stopped rows of ``samples = (X, F, G)`` in place
        at their last good sample (``before``: the sample preceding the block)."""
        X, F, G = samples
        code = self.failed_test(X, F, G)
        bad = (code >= 0) & (diverged_at < 0)
        hit = np.flatnonzero(bad.any(axis=0))
        if hit.size:
            k = bad[:, hit].argmax(axis=0)
            diverged_at[hit] = steps[k]
            reasons[hit] = REASONS[code[k, hit]]
        rows = np.flatnonzero(diverged_at >= 0)
        if not rows.size:
            return
        first = np.clip(diverged_at[rows] - steps[0], 0, None)  # first frozen sample
        frozen = np.arange(len(X))[:, None] >= first
        for A, A0 in zip(samples, before, strict=True):
            last = np.where(first > 0, A[first - 1, rows].T, A0[rows].T).T
            A[:, rows] = np.where(frozen.reshape(frozen.shape + (1,) * (A.ndim - 2)),
                                  last[None], A[:, rows])
