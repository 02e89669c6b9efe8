"""Slices of a linear classifier's loss: the plane L(W0 + a·D1 + b·D2) and the line L(W0 + a·D1).

A slice is linear in (a, b) before the loss: ``S(a, b) = S0 + a·S1 + b·S2``
with ``Si = X·Wi`` computed once, so a point costs O(N·K) instead of
O(N·D·K), and whole grids use the exact algorithms of ``grid_softmax`` and
``grid_svm``. The regularizer is the quadratic
``λ‖W0 + a·D1 + b·D2‖² = λ(g00 + 2a·g01 + 2b·g02 + a²·g11 + 2ab·g12 + b²·g22)``
with ``gij = <Wi, Wj>``. Gradients are the exact chain rule
``∂L/∂a = <∇L(W), D1> = Σ (∂L/∂S)·S1``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from optim_core.classifier.grid_softmax import SoftmaxGrid
from optim_core.classifier.grid_svm import HingeGrid
from optim_core.classifier.losses import LinearClassifier
from optim_core.surfaces.base import Surface

#: A slice's title and description, filled in per slice (the GUI translates
#: them as templates, field by field).
TITLE = "{dataset}: {loss} slice"
SVM_LOSS = "multiclass SVM (Δ = {delta:g})"
DESCRIPTION = ("L(W0 + a·D1 + b·D2) of a linear classifier on {dataset} ({samples} samples, "
               "{inputs} inputs incl. bias, {classes} classes), {loss} loss + λ‖W‖², "
               "λ = {reg:g}")

_POINT_BLOCK = 1 << 16  # score elements per block of points (cache-sized temporaries)
#: Terms (sample × class × column) per block of grid rows when the caller does
#: not choose: ~30 ms of softmax work, so progress moves and cancel answers
#: quickly on large data while small grids run in one block.
_ROW_BLOCK_WORK = 1 << 28


class GridCancelled(Exception):
    """Raised by :meth:`PlaneSlice.grid` when its ``cancelled()`` callback says so."""


def _extent_bounds(extent) -> tuple[tuple[float, float], tuple[float, float]]:
    if np.isscalar(extent):
        e = abs(float(extent))
        return ((-e, e), (-e, e))
    (a0, a1), (b0, b1) = extent
    return ((float(a0), float(a1)), (float(b0), float(b1)))


class PlaneSlice(Surface):
    """``f(a, b) = L(W0 + a·D1 + b·D2)`` for a :class:`LinearClassifier`; a Surface.

    ``W0, D1, D2: (D, K)``. ``extent`` is a half-width (bounds ``±extent`` on
    both axes) or ``((a_min, a_max), (b_min, b_max))``. ``minima`` is empty:
    the slice's minimum is not known in closed form.
    """

    name = "classifier"
    has_hessian = True

    def __init__(self, model: LinearClassifier, W0: np.ndarray, D1: np.ndarray,
                 D2: np.ndarray, extent=1.0, dataset_name: str = "data") -> None:
        self.model = model
        self.W0, self.D1, self.D2 = (model.check_weights(W).copy() for W in (W0, D1, D2))
        if not all(np.all(np.isfinite(W)) for W in (self.W0, self.D1, self.D2)):
            raise ValueError("W0, D1 and D2 must be finite (a NaN or infinite weight)")
        self.S = np.stack([model.X @ W for W in (self.W0, self.D1, self.D2)])  # (3, N, K)
        self._ST = np.ascontiguousarray(self.S.transpose(0, 2, 1))  # (3, K, N) for points
        basis = np.stack([self.W0.ravel(), self.D1.ravel(), self.D2.ravel()])
        self.gram = basis @ basis.T  # (3, 3)
        self.bounds = _extent_bounds(extent)
        self.has_kinks = model.kind == "svm"
        self.dataset_name = dataset_name
        loss = SVM_LOSS.format(delta=model.delta) if self.has_kinks else "softmax"
        self.title = TITLE.format(dataset=dataset_name, loss=loss)
        self.description = DESCRIPTION.format(
            dataset=dataset_name, samples=model.num_samples, inputs=model.dim,
            classes=W0.shape[1], loss=loss, reg=model.reg)

    def weights(self, xy: np.ndarray) -> np.ndarray:
        """The weight matrices at ``xy: (..., 2)``: ``(..., D, K)``."""
        xy = np.asarray(xy, dtype=float)
        return (self.W0 + xy[..., 0, None, None] * self.D1 + xy[..., 1, None, None] * self.D2)

    def _reg(self, a, b, grad: bool):
        g, lam = self.gram, self.model.reg
        value = lam * (g[0, 0] + 2 * a * g[0, 1] + 2 * b * g[0, 2]
                       + a * a * g[1, 1] + 2 * a * b * g[1, 2] + b * b * g[2, 2])
        if not grad:
            return value, None
        da = 2 * lam * (g[0, 1] + a * g[1, 1] + b * g[1, 2])
        db = 2 * lam * (g[0, 2] + a * g[1, 2] + b * g[2, 2])
        return value, np.stack([da, db], axis=-1)

    def _evaluate(self, xy: np.ndarray, grad: bool, samples=None):
        """Loss (and gradient) at ``xy: (..., 2)`` on all samples or on the index
        array ``samples`` (a mini-batch); the regularizer is always the full one.
        Points so far out that the scores overflow give inf/NaN quietly: a run
        that gets there has diverged, and the runner reports it."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self._evaluate_points(np.asarray(xy, dtype=float), grad, samples)

    def _evaluate_points(self, xy: np.ndarray, grad: bool, samples):
        pts = xy.reshape(-1, 2)
        S0, S1, S2 = self._ST if samples is None else self._ST[:, :, samples]
        y = self.model.y if samples is None else self.model.y[samples]
        values = np.empty(len(pts))
        grads = np.empty((len(pts), 2)) if grad else None
        step = max(1, _POINT_BLOCK // S0.size)
        for s in range(0, len(pts), step):
            a, b = pts[s: s + step, 0, None, None], pts[s: s + step, 1, None, None]
            loss, dS = self.model.data_loss_from_scores(S0 + a * S1 + b * S2, grad, y)
            values[s: s + step] = loss
            if grad:
                flat = dS.reshape(len(dS), -1)
                grads[s: s + step, 0] = flat @ S1.ravel()
                grads[s: s + step, 1] = flat @ S2.ravel()
        reg, reg_grad = self._reg(pts[:, 0], pts[:, 1], grad)
        values += reg
        outside = ~np.isfinite(pts).all(axis=1)  # a NaN or ±inf coordinate: no point
        values[outside] = np.nan
        if grad:
            grads += reg_grad
            grads[outside] = np.nan
        return values.reshape(xy.shape[:-1]), grads.reshape(xy.shape) if grad else None

    def value(self, xy: np.ndarray) -> np.ndarray:
        """``f`` at ``xy: (..., 2)`` -> ``(...)``."""
        return self._evaluate(xy, grad=False)[0]

    def value_and_grad(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(f (...), (∂f/∂a, ∂f/∂b) (..., 2))`` at ``xy: (..., 2)``."""
        return self._evaluate(xy, grad=True)

    def hessian(self, xy: np.ndarray, h: float = 1e-5) -> np.ndarray:
        """Analytic Hessian ``(..., 2, 2)``: for softmax Σ_n Cov_p(S1, S2 rows)/N
        (the probability-weighted covariance of the direction scores); for the
        SVM the data part is piecewise linear (0 off the kinks). Plus 2λ·G,
        ``G = [[g11, g12], [g12, g22]]``. ``h`` is unused (kept for the interface)."""
        xy = np.asarray(xy, dtype=float)
        pts = xy.reshape(-1, 2)
        H = np.broadcast_to(2 * self.model.reg * self.gram[1:, 1:], (len(pts), 2, 2)).copy()
        if self.model.kind == "softmax":
            S0, S1, S2 = self.S
            V = self.S[1:]  # (2, N, K): the direction scores S1, S2
            for i, (a, b) in enumerate(pts):
                S = S0 + a * S1 + b * S2
                p = np.exp(S - S.max(axis=1, keepdims=True))
                p /= p.sum(axis=1, keepdims=True)
                mean = np.einsum("nk,ink->in", p, V)
                H[i] += (np.einsum("nk,ink,jnk->ij", p, V, V)
                         - np.einsum("in,jn->ij", mean, mean)) / len(p)
        return H.reshape(xy.shape + (2,))

    def iter_grid(self, a: np.ndarray, b: np.ndarray, chunk_rows: int | None = None
                  ) -> Iterator[tuple[int, np.ndarray]]:
        """Computes the grid ``Z[i, j] = f(a[j], b[i])`` in blocks of rows.

        Yields ``(row_start, block (rows, len(a)))`` so a caller can show
        progress and stop early (by not asking for the next block); blocks
        have ``chunk_rows`` rows (default: sized to the data, see
        ``_ROW_BLOCK_WORK``). Exact (≤ 1e-9 relative to the point-by-point
        loss) for any a and b. A NaN or infinite a or b gives NaN in its own
        column or row only (as ``value`` does there); points so far out that
        the scores overflow give inf or NaN quietly, never a warning.
        """
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        if a.size == 0 or b.size == 0:
            return
        if chunk_rows is None:
            chunk_rows = max(1, _ROW_BLOCK_WORK // max(1, self.S[0].size * len(a)))
        finite_a = np.isfinite(a)
        with np.errstate(all="ignore"):
            rows_of = self._grid_rows(a[finite_a]) if finite_a.any() else None
        for r in range(0, len(b), chunk_rows):
            rows = b[r: r + chunk_rows]
            finite_b = np.isfinite(rows)
            if rows_of is not None and finite_a.all() and finite_b.all():
                with np.errstate(all="ignore"):
                    yield r, rows_of(rows)
                continue
            block = np.full((len(rows), len(a)), np.nan)
            if rows_of is not None and finite_b.any():
                with np.errstate(all="ignore"):
                    block[np.ix_(finite_b, finite_a)] = rows_of(rows[finite_b])
            yield r, block

    def _grid_rows(self, a: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        """``rows(b) -> (len(b), len(a))`` grid values at finite ``a`` and ``b``: the
        exact kernel of the loss, its correct-class term, the mean and λ‖W‖²."""
        S0, S1, S2 = self.S
        N, y = len(S0), self.model.y
        if self.model.kind == "softmax":
            kernel = SoftmaxGrid(S0, S1, S2, a)
            c0, c1, c2 = (float(Si[np.arange(N), y].sum()) for Si in self.S)
        else:
            kernel = HingeGrid(*self._hinge_planes(), a)
            c0 = c1 = c2 = 0.0

        def rows(b: np.ndarray) -> np.ndarray:
            data = kernel.rows(b) - (c0 + a * c1 + b[:, None] * c2)
            return data / N + self._reg(a, b[:, None], grad=False)[0]
        return rows

    def _hinge_planes(self):
        """SVM margins as planes ``C + a·P + b·Q`` without the correct class:
        ``(3, N·(K−1))`` rows C, P, Q."""
        N, K = self.S.shape[1:]
        rows = np.arange(N)
        margins = self.S - self.S[:, rows, self.model.y][:, :, None]
        margins[0] += self.model.delta
        keep = np.ones((N, K), dtype=bool)
        keep[rows, self.model.y] = False
        return margins[:, keep]

    def grid(self, a: np.ndarray, b: np.ndarray,
             progress: Callable[[float], None] | None = None,
             cancelled: Callable[[], bool] | None = None,
             chunk_rows: int | None = None) -> np.ndarray:
        """``Z: (len(b), len(a))``, ``Z[i, j] = f(a[j], b[i])``, exact and fast.

        ``progress(fraction)`` is called after each block of rows; when
        ``cancelled()`` returns True the computation stops with GridCancelled.
        """
        Z = np.empty((len(b), len(a)))
        for r, block in self.iter_grid(a, b, chunk_rows):
            Z[r: r + len(block)] = block
            if progress is not None:
                progress((r + len(block)) / len(b))
            if cancelled is not None and cancelled():
                raise GridCancelled
        return Z

    def minibatch(self, batch_size: int, seed: int = 0) -> Surface:
        """This slice drawn full-batch, stepped with mini-batch gradients (see ``minibatch``)."""
        from optim_core.classifier.minibatch import MiniBatchSlice

        return MiniBatchSlice(self, batch_size, seed)

    def line(self) -> LineSlice:
        """The 1-D slice along D1 through W0 (this plane's b = 0 row)."""
        return LineSlice(self.model, self.W0, self.D1)


class LineSlice:
    """``f(a) = L(W0 + a·D1)``: one row (b = 0) of a plane with D2 = 0, so values
    come from the same exact fast grid algorithms."""

    def __init__(self, model: LinearClassifier, W0: np.ndarray, D1: np.ndarray) -> None:
        self._plane = PlaneSlice(model, W0, D1, np.zeros_like(np.asarray(D1, dtype=float)))
        self.model, self.W0, self.D1 = model, self._plane.W0, self._plane.D1

    def values(self, a: np.ndarray) -> np.ndarray:
        """``f`` at ``a: (G,)`` -> ``(G,)``."""
        return self._plane.grid(np.asarray(a, dtype=float).ravel(), np.zeros(1))[0]

    def values_and_slopes(self, a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(f (G,), df/da (G,))`` at ``a: (G,)``."""
        v, g = self._plane.value_and_grad(self._points(a))
        return v, g[:, 0]

    @staticmethod
    def _points(a: np.ndarray) -> np.ndarray:
        a = np.asarray(a, dtype=float).ravel()
        return np.stack([a, np.zeros_like(a)], axis=-1)
