"""Multiclass SVM and softmax losses of a linear classifier, with analytic gradients.

Conventions (cs231n): scores ``S = X·W`` with ``X: (N, D)`` (bias column
included), ``W: (D, K)``; the data loss is a mean over samples and the
regularizer is ``R(W) = λ·Σ W²`` (not ½λ), so ``∇R = 2λW``. The bias row is
regularized too, as in the course assignment.

- softmax: ``L_n = log Σ_k exp(s_nk) − s_n,y`` (computed max-shifted);
- SVM: ``L_n = Σ_{k≠y} max(0, s_nk − s_n,y + Δ)``, Δ = 1 by default; at a
  kink (margin exactly 0) the subgradient 0 is used.

The score-space functions take class-major scores ``S: (..., K, N)``: a
slice evaluates many points of a plane at once from contiguous ``(K, N)``
score arrays without forming their weight matrices, and the reductions over
the few classes run across all samples at once. ``LinearClassifier`` keeps
the course's ``S = X·W`` ``(N, K)`` and passes its transpose.
"""

from __future__ import annotations

import numpy as np

LOSSES = ("softmax", "svm")


def softmax_from_scores(S: np.ndarray, y: np.ndarray, grad: bool = True):
    """Mean softmax loss over samples and its gradient with respect to the scores.

    ``S: (..., K, N)`` class-major, ``y: (N,)`` ->
    ``(loss (...), dL/dS (..., K, N) or None)``.
    """
    N = S.shape[-1]
    samples = np.arange(N)
    m = S.max(axis=-2)
    E = np.exp(S - m[..., None, :])
    total = E.sum(axis=-2)
    loss = (np.log(total) + m - S[..., y, samples]).sum(axis=-1) / N
    if not grad:
        return loss, None
    dS = E / total[..., None, :]
    dS[..., y, samples] -= 1.0
    return loss, dS / N


def svm_from_scores(S: np.ndarray, y: np.ndarray, delta: float = 1.0, grad: bool = True):
    """Mean multiclass hinge loss and its (sub)gradient with respect to the scores.

    ``S: (..., K, N)`` class-major, ``y: (N,)`` ->
    ``(loss (...), dL/dS (..., K, N) or None)``.
    """
    N = S.shape[-1]
    samples = np.arange(N)
    margins = S - S[..., y, samples][..., None, :] + delta
    margins[..., y, samples] = 0.0
    loss = np.maximum(margins, 0.0).sum(axis=(-2, -1)) / N
    if not grad:
        return loss, None
    dS = (margins > 0).astype(float)
    dS[..., y, samples] = -dS.sum(axis=-2)
    return loss, dS / N


class LinearClassifier:
    """Scores ``X·W`` with a softmax or multiclass-SVM loss plus ``reg·Σ W²``.

    ``X: (N, D)`` float (preprocessed, bias column included), ``y: (N,)`` int
    labels ``0 … K−1``. The number of classes is W's column count, so a model
    built on a mini-batch that lacks some class still takes the full W.
    """

    def __init__(self, X: np.ndarray, y: np.ndarray, loss: str = "softmax",
                 reg: float = 1e-3, delta: float = 1.0) -> None:
        if loss not in LOSSES:
            raise ValueError(f"unknown loss {loss!r}; expected one of {LOSSES}")
        self.X = np.asarray(X, dtype=float)
        self.y = np.asarray(y).astype(np.intp)
        if self.X.ndim != 2 or self.y.shape != (self.X.shape[0],):
            raise ValueError(f"X must be (N, D) and y (N,); got {self.X.shape} and {self.y.shape}")
        if self.y.size and self.y.min() < 0:
            raise ValueError("labels must be non-negative")
        if not np.all(np.isfinite(self.X)):
            # A NaN sample would make the point-by-point loss NaN while the exact
            # grids (which compare planes) silently drop its terms.
            raise ValueError("X holds NaN or infinite values")
        self.kind = loss
        self.reg = float(reg)
        self.delta = float(delta)
        self._max_label = int(self.y.max()) if self.y.size else -1

    def subset(self, idx: np.ndarray) -> LinearClassifier:
        """The same loss on the samples ``idx`` only (a mini-batch)."""
        return LinearClassifier(self.X[idx], self.y[idx], self.kind, self.reg, self.delta)

    @property
    def num_samples(self) -> int:
        return self.X.shape[0]

    @property
    def dim(self) -> int:
        return self.X.shape[1]

    def check_weights(self, W: np.ndarray) -> np.ndarray:
        """``W`` as a float ``(D, K)`` array; ValueError if it does not fit the data."""
        W = np.asarray(W, dtype=float)
        if W.ndim != 2 or W.shape[0] != self.dim or W.shape[1] <= self._max_label:
            raise ValueError(f"W must be ({self.dim}, K) with K > {self._max_label}; "
                             f"got {W.shape}")
        return W

    def scores(self, W: np.ndarray, X: np.ndarray | None = None) -> np.ndarray:
        """Class scores ``X·W``: ``(N, K)`` (the training X unless given)."""
        return (self.X if X is None else np.asarray(X, dtype=float)) @ self.check_weights(W)

    def data_loss_from_scores(self, S: np.ndarray, grad: bool = True,
                              y: np.ndarray | None = None):
        """Data loss of class-major ``S: (..., K, N)`` and ``dL/dS`` (see the module
        functions); ``y`` defaults to the model's labels."""
        y = self.y if y is None else y
        if self.kind == "softmax":
            return softmax_from_scores(S, y, grad)
        return svm_from_scores(S, y, self.delta, grad)

    def data_loss_and_grad(self, W: np.ndarray) -> tuple[float, np.ndarray]:
        """Data loss (mean over samples) and its gradient ``Xᵀ·dL/dS``: ``(D, K)``."""
        W = self.check_weights(W)
        loss, dS = self.data_loss_from_scores((self.X @ W).T)
        return float(loss), self.X.T @ dS.T

    def reg_loss_and_grad(self, W: np.ndarray) -> tuple[float, np.ndarray]:
        """``λ·Σ W²`` and its gradient ``2λW``."""
        W = self.check_weights(W)
        return self.reg * float(np.sum(W * W)), 2.0 * self.reg * W

    def loss_and_grad(self, W: np.ndarray) -> tuple[float, np.ndarray]:
        """Total loss (data + regularization) and its gradient ``(D, K)``."""
        data, g_data = self.data_loss_and_grad(W)
        reg, g_reg = self.reg_loss_and_grad(W)
        return data + reg, g_data + g_reg

    def loss(self, W: np.ndarray) -> float:
        """Total loss (data + regularization) at ``W: (D, K)``."""
        W = self.check_weights(W)
        data, _ = self.data_loss_from_scores((self.X @ W).T, grad=False)
        return float(data) + self.reg * float(np.sum(W * W))

    def predict(self, W: np.ndarray, X: np.ndarray | None = None) -> np.ndarray:
        """Predicted labels ``argmax_k (X·W)_k``: ``(N,)`` (the training X unless given)."""
        return np.argmax(self.scores(W, X), axis=1)

    def accuracy(self, W: np.ndarray, X: np.ndarray | None = None,
                 y: np.ndarray | None = None) -> float:
        """Fraction of correct predictions (on the training data unless given)."""
        if (X is None) != (y is None):
            raise ValueError("give both X and y, or neither")
        y = self.y if y is None else np.asarray(y)
        return float(np.mean(self.predict(W, X) == y)) if y.size else float("nan")

    def margins(self, W: np.ndarray) -> np.ndarray:
        """SVM margins ``s_nk − s_n,y + Δ``: ``(N, K)``, NaN at the correct class
        (which has no hinge). The hinges' kinks are where a margin is 0."""
        S = self.scores(W)
        rows = np.arange(self.num_samples)
        M = S - S[rows, self.y][:, None] + self.delta
        M[rows, self.y] = np.nan
        return M

    def crosses_kink(self, W: np.ndarray, index, h: float) -> bool:
        """True when moving W at ``index`` (a ``(d, k)`` pair or a flat index)
        by ±h makes some hinge change sides, so centred differences straddle a
        kink there. Always False for softmax (smooth).

        W[d, k] ± h moves ``s_nk`` by ±h·X[n, d]: the margin (n, k) if k ≠ y_n,
        and every margin of sample n if k = y_n.
        """
        if self.kind != "svm":
            return False
        W = self.check_weights(W)
        d, k = np.unravel_index(index, W.shape) if np.isscalar(index) else index
        reach = h * np.abs(self.X[:, d])  # (N,) how far each sample's margins move
        # A margin the window does not move (reach 0) cannot cross, even at 0.
        near = (np.abs(self.margins(W)) <= reach[:, None]) & (reach[:, None] > 0)  # NaN: False
        own = self.y == k
        return bool(np.any(near[~own, k]) or np.any(near[own]))


def init_weights(dim: int, num_classes: int, seed: int = 0, scale: float = 1e-3) -> np.ndarray:
    """Small random weights ``scale·N(0, 1)``: ``(dim, num_classes)``, seeded."""
    return scale * np.random.default_rng(seed).standard_normal((dim, num_classes))
