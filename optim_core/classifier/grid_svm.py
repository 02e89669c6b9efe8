"""Σ max(0, C + a·P + b·Q) over many hinge terms on a whole grid, exactly.

On a slice each SVM margin ``s_nk − s_n,y + Δ`` is a plane ``C + a·P + b·Q`` in
(a, b), clipped at 0 by the hinge. Per block of rows, terms whose plane is
positive on the whole block (lowest corner > 0) sum into one plane; terms
never positive there drop out. On a row (fixed b) a remaining term is active
on a half-line of a: from its breakpoint ``a* = −(C + b·Q)/P`` upwards when
P > 0, up to it when P < 0 (P = 0: everywhere or nowhere). Each term adds its
slope P and intercept ``C + b·Q`` into the bin of its first (P > 0) or last
(P ≤ 0) active column; prefix sums (forward and backward, so nothing is added
and later subtracted) give every column's total slope and intercept, and the
row is ``intercept + a·slope``: O(terms + G_a) per row.

On a uniform a-grid the bin is computed arithmetically; on any other grid by
binary search (``searchsorted``), which is exact for every grid.
"""

from __future__ import annotations

import numpy as np

_BLOCK = 1 << 20  # term-rows per bincount: bounds memory, keeps progress steps short
#: Largest |a| for the arithmetic bins: (t − a0)/da loses the low digits of a
#: breakpoint t near 0 when |a0| is huge, putting a term one bin off while
#: its plane is far from 0 there. Beyond it, searchsorted (exact) is used.
_UNIFORM_MAX_ABS = 1e6


class HingeGrid:
    """Hinge sums for the fixed columns ``a: (G_a,)`` (any order, any spacing).

    ``C, P, Q: (M,)`` are the terms' planes.
    """

    def __init__(self, C: np.ndarray, P: np.ndarray, Q: np.ndarray, a: np.ndarray) -> None:
        self.C, self.P, self.Q = (np.asarray(v, dtype=float).ravel() for v in (C, P, Q))
        a = np.asarray(a, dtype=float)
        self.order = np.argsort(a, kind="stable")
        self.a = a[self.order]  # ascending
        step = np.diff(self.a)
        span = self.a[-1] - self.a[0]
        self.uniform = bool(len(a) > 1 and 0 < span and np.abs(self.a).max() <= _UNIFORM_MAX_ABS
                            and np.all(np.abs(step - span / (len(a) - 1)) <= 1e-9 * span))
        self.da = span / (len(a) - 1) if self.uniform else 0.0

    def rows(self, b: np.ndarray) -> np.ndarray:
        """``(G_b, G_a)`` block: entry ``[j, i]`` is Σ_m max(0, C_m + a_i·P_m + b_j·Q_m)."""
        b = np.asarray(b, dtype=float)
        C, P, Q = self.C, self.P, self.Q
        lo_b, hi_b = b.min(), b.max()
        lo = C + np.minimum(P * self.a[0], P * self.a[-1]) + np.minimum(Q * lo_b, Q * hi_b)
        hi = C + np.maximum(P * self.a[0], P * self.a[-1]) + np.maximum(Q * lo_b, Q * hi_b)
        always = lo > 0
        cross = ~always & (hi > 0)
        out = (C[always].sum() + b[:, None] * Q[always].sum()) + self.a * P[always].sum()
        step = max(1, _BLOCK // max(1, int(cross.sum())))
        for r in range(0, len(b), step):
            out[r: r + step] += self._crossing(C[cross], P[cross], Q[cross], b[r: r + step])
        result = np.empty_like(out)
        result[:, self.order] = out
        return result

    def _crossing(self, C, P, Q, b) -> np.ndarray:
        """The terms' sums on rows ``b`` by breakpoint bins and prefix sums."""
        Ga, rows = len(self.a), len(b)
        intercept = C + b[:, None] * Q  # (rows, M)
        bins = self._bins(intercept, P)
        bins += (np.arange(rows) * (2 * (Ga + 1)))[:, None]
        size = rows * 2 * (Ga + 1)
        slope = np.bincount(bins.ravel(), np.broadcast_to(P, bins.shape).ravel(), size)
        inter = np.bincount(bins.ravel(), intercept.ravel(), size)
        return self._sweep(inter.reshape(rows, 2, Ga + 1)) + self.a * self._sweep(
            slope.reshape(rows, 2, Ga + 1))

    def _bins(self, intercept: np.ndarray, P: np.ndarray) -> np.ndarray:
        """Per term and row: ``first`` active column (0 … G_a, G_a = none) for
        P > 0; ``G_a + 1 + last + 1`` (last = −1 … G_a − 1) for P ≤ 0."""
        Ga = len(self.a)
        rising = P > 0
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            t = -intercept / P  # breakpoint a*; ±inf or nan where P == 0
            if self.uniform:
                pos = np.clip((t - self.a[0]) / self.da, -1.0, Ga + 1.0)
                first = np.ceil(pos)
                last = np.floor(pos)
            else:
                first = np.searchsorted(self.a, t.ravel(), "left").reshape(t.shape)
                last = np.searchsorted(self.a, t.ravel(), "right").reshape(t.shape) - 1
        first = np.clip(first, 0, Ga)
        last = np.clip(last, -1, Ga - 1)
        flat = P == 0
        last = np.where(flat, np.where(intercept > 0, Ga - 1, -1), last)
        return np.where(rising, first, Ga + 2 + last).astype(np.intp)

    @staticmethod
    def _sweep(bins: np.ndarray) -> np.ndarray:
        """``(rows, 2, G_a + 1)`` bins -> ``(rows, G_a)`` totals of the active terms:
        forward prefix sums of the P > 0 starts plus backward sums of the P ≤ 0 ends."""
        forward = np.cumsum(bins[:, 0, :-1], axis=1)
        backward = np.cumsum(bins[:, 1, :0:-1], axis=1)[:, ::-1]
        return forward + backward
