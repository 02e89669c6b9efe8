"""Σ_n logsumexp_k S_nk(a, b) on a whole grid, exactly, without a loop over points.

On a slice the scores are ``S(a, b) = S0 + a·S1 + b·S2`` (each ``(N, K)``), so
``exp(S_nk) = exp(S0_nk + a·S1_nk) · exp(b·S2_nk)``: for each sample the sum
over k at every grid point is one small matrix product
``E_n = V_n (G_b × K) @ U_n (K × G_a)``. Each factor is shifted by its own
maximum over k (``mA_n(a)``, ``mB_n(b)``, added back afterwards), so no
exponential overflows.

The sum over samples of ``log E_n`` is taken as the log of the product of a
group of ``c`` samples: with every ``E_n ≤ K`` and ``c·log2 K ≤ 1000`` the
product cannot overflow, and a product above ``T = 2^-1022·K^(c−1)`` proves
every factor was a normal float, so nothing underflowed and one log per group
is exact. Grid points where the product is below T (scores so large that the
two separately shifted factors underflow) are recomputed directly from the
scores — exact, and only where needed.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

_BUFFER = 1 << 19  # elements per block of the direct fallback (4 MB)
_CACHE = 1 << 24  # a-factor elements kept between row blocks (128 MB); more are recomputed
_THREADS = max(1, min(4, os.cpu_count() or 1))
_PARALLEL_WORK = 1 << 22  # sample-points below which threads cost more than they save
_pool: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    """One shared pool: numpy's matmul, multiply and log release the GIL, so
    groups of samples run on all cores."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(_THREADS, thread_name_prefix="optviz-grid")
    return _pool


def group_size(K: int) -> int:
    """Samples per product: as many as can never overflow, at most 32."""
    return int(max(1, min(32, 1000 // max(1.0, np.log2(K)))))


class SoftmaxGrid:
    """``Σ_n log Σ_k exp(S0 + a·S1 + b·S2)_nk`` for the fixed column values ``a: (G_a,)``.

    Ask for any block of rows with :meth:`rows`. The a-factor
    ``exp(S0 + a·S1 − mA)`` (``N·K·G_a``) is computed once and kept when it
    fits in ``_CACHE``; on larger data each group of samples recomputes its
    own, so memory stays bounded. Work is split by samples over a small
    thread pool when it is large enough to pay for it.
    """

    def __init__(self, S0: np.ndarray, S1: np.ndarray, S2: np.ndarray, a: np.ndarray) -> None:
        self.S0, self.S1, self.S2 = S0, S1, S2
        self.a = np.asarray(a, dtype=float)
        N, K = S0.shape
        self.c = group_size(K)
        self.threshold = np.ldexp(1.0, -1022) * float(K) ** (self.c - 1)
        self._cache = None
        if S0.size * len(self.a) <= _CACHE:
            U, mA = np.empty((N, K, len(self.a))), np.empty((N, len(self.a)))
            self._parallel(lambda lo, hi: self._a_factor(lo, hi, U[lo:hi], mA[lo:hi]),
                           len(self.a))
            self._cache = U, mA

    def _parallel(self, work, width: int) -> list:
        """``work(lo, hi)`` over sample ranges cut at multiples of the group size."""
        N = len(self.S0)
        # A few parts per thread, taken as threads free up: a core busy with
        # other work then delays only its part, not half of the grid.
        parts = 4 * _THREADS if N * width * len(self.a) >= _PARALLEL_WORK else 1
        cuts = [min(N, -(-N * p // parts // self.c) * self.c) for p in range(parts + 1)]
        ranges = [(lo, hi) for lo, hi in zip(cuts[:-1], cuts[1:], strict=True) if hi > lo]
        if len(ranges) == 1:
            return [work(*ranges[0])]
        return [job.result() for job in [_executor().submit(work, *r) for r in ranges]]

    def _a_factor(self, lo: int, hi: int, U=None, mA=None) -> tuple[np.ndarray, np.ndarray]:
        """``(exp(S0 + a·S1 − mA) (n, K, G_a), mA (n, G_a))`` for samples lo … hi−1."""
        if self._cache is not None and U is None:
            return self._cache[0][lo:hi], self._cache[1][lo:hi]
        U = np.multiply(self.S1[lo:hi, :, None], self.a, out=U)
        U += self.S0[lo:hi, :, None]
        mA = np.max(U, axis=1, out=mA)
        U -= mA[:, None, :]
        return np.exp(U, out=U), mA

    def rows(self, b: np.ndarray) -> np.ndarray:
        """``(G_b, G_a)`` block: entry ``[j, i]`` is Σ_n logsumexp_k S_nk(a_i, b_j)."""
        b = np.asarray(b, dtype=float)
        parts = self._parallel(lambda lo, hi: self._log_products(b, lo, hi), len(b))
        return sum(parts[1:], parts[0])

    def _log_products(self, b: np.ndarray, start: int, stop: int) -> np.ndarray:
        """Σ_{start ≤ n < stop} logsumexp_k S_nk, one log per group of ``c`` samples."""
        V = np.multiply(self.S2[start:stop, :, None], b)  # (n, K, Gb)
        mB = V.max(axis=1)  # (n, Gb)
        V -= mB[:, None, :]
        Vt = np.exp(V, out=V).transpose(0, 2, 1)  # (n, Gb, K) view, BLAS takes it as is
        Gb, Ga = len(b), len(self.a)
        buf = np.empty((self.c, Gb, Ga))
        P = np.empty((Gb, Ga))
        total = np.broadcast_to(mB.sum(axis=0)[:, None], (Gb, Ga)).copy()
        for lo in range(start, stop, self.c):
            hi = min(lo + self.c, stop)
            U, mA = self._a_factor(lo, hi)
            total += mA.sum(axis=0)
            E = np.matmul(Vt[lo - start: hi - start], U, out=buf[: hi - lo])
            np.multiply.reduce(E, axis=0, out=P)
            if P.min() > self.threshold:  # NaN-free: every factor is a sum of exps ≥ 0
                total += np.log(P)
            else:
                bad = ~(P > self.threshold)
                P[bad] = 1.0
                total += np.log(P)
                total[bad] += self._direct(slice(lo, hi), b, mA, mB[lo - start: hi - start], bad)
        return total

    def _direct(self, samples: slice, b: np.ndarray, mA: np.ndarray, mB: np.ndarray,
                bad: np.ndarray) -> np.ndarray:
        """Σ_{n in samples} (logsumexp_k S_nk − mA_n − mB_n) at the ``bad`` points,
        straight from the scores (the shifts are subtracted because the caller
        adds them for every point)."""
        j, i = np.nonzero(bad)
        out = np.empty(len(i))
        step = max(1, _BUFFER // (self.c * self.S0.shape[1]))
        for lo in range(0, len(i), step):
            ii, jj = i[lo: lo + step], j[lo: lo + step]
            S = (self.S0[samples, None, :] + self.a[ii, None] * self.S1[samples, None, :]
                 + b[jj, None] * self.S2[samples, None, :])  # (c, m, K)
            m = S.max(axis=2)
            lse = np.log(np.exp(S - m[:, :, None]).sum(axis=2)) + m
            out[lo: lo + step] = (lse - mA[:, ii] - mB[:, jj]).sum(axis=0)
        return out
