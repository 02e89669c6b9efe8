"""When a run stops: the divergence tests, of a race (once per block, every row)
and of full-space training (``weights_reason``, one W at a time).

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


def first_failure(tests: tuple) -> np.ndarray:
    """Index into REASONS of the first true test of ``tests`` (the failures of
    point, box, value, gradient and loss, in that order; arrays of one shape or
    bools), or -1 where none is."""
    code = np.full(np.shape(tests[0]), -1)
    for i in range(len(tests) - 1, -1, -1):
        code[tests[i]] = i
    return code


def weights_reason(W: np.ndarray, loss: float, grad: np.ndarray, max_norm: float) -> str:
    """Why full-space training must stop at ``W: (D, K)`` ("" if it may go on): the
    race's tests with the box a ball ‖W‖ ≤ ``max_norm`` and no loss limit."""
    finite = bool(np.isfinite(W).all())
    code = first_failure((not finite, finite and float(np.linalg.norm(W)) > max_norm,
                          not np.isfinite(loss), not np.isfinite(grad).all(), False))
    return str(REASONS[code]) if code >= 0 else ""


class Divergence:
    """The box ``lo, hi: (2,)`` and the loss limit ``f_max`` of one race."""

    def __init__(self, surface, box_factor: float) -> None:
        self.lo, self.hi = surface.box(box_factor)
        self.f_max = box_factor * surface.largest_value

    def failed_test(self, X: np.ndarray, F: np.ndarray, G: np.ndarray) -> np.ndarray:
        """Per sample ``(m, N)``: index into REASONS of the first failed test, or -1.

        The five tests run only on the rows that may fail one: a row passes
        all at every sample when its extremes over the block are in the box
        and under the loss limit and its summed gradient is finite (NaN
        propagates through min, max and sum; inf − inf is NaN), found by
        reductions over the block's axis, 3× cheaper than testing samples.
        """
        code = np.full(F.shape, -1)
        in_box = (X.min(axis=0) >= self.lo) & (X.max(axis=0) <= self.hi)
        total = G.sum(axis=0)
        fine = (in_box[:, 0] & in_box[:, 1] & np.isfinite(total[:, 0] + total[:, 1])
                & (np.maximum(F.max(axis=0), -F.min(axis=0)) <= self.f_max))
        rows = np.flatnonzero(~fine)
        if rows.size:
            code[:, rows] = self._codes(X[:, rows], F[:, rows], G[:, rows])
        return code

    def _codes(self, X: np.ndarray, F: np.ndarray, G: np.ndarray) -> np.ndarray:
        """The five tests, in order, on samples ``X: (m, n, 2)``, ``F: (m, n)``.
        Coordinates are tested one at a time: ``.all(-1)`` over an axis of 2
        costs 20× more."""
        (x, y), (gx, gy) = (X[..., 0], X[..., 1]), (G[..., 0], G[..., 1])
        (x0, y0), (x1, y1) = self.lo, self.hi
        tests = (
            ~(np.isfinite(x) & np.isfinite(y)),
            ~((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)),
            ~np.isfinite(F),
            ~(np.isfinite(gx) & np.isfinite(gy)),
            np.abs(F) > self.f_max,
        )
        return first_failure(tests)

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
