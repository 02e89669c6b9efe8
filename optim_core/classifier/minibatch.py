"""Mini-batch gradients on a slice: SGD noise seen on the full-batch surface."""

from __future__ import annotations

import numpy as np

from optim_core.classifier.batches import step_batch
from optim_core.surfaces.base import Surface

#: A mini-batch slice's title and description around its plane's (templates).
TITLE = "{plane}, mini-batches of {batch}"
DESCRIPTION = ("{plane}; optimizers step on the gradient of a random batch of {batch} samples "
               "(seed {seed})")

#: A batch size the data cannot give (the GUI translates it where it shows it).
BATCH_SIZE = "batch_size must be in 1 … {samples}; got {value}"


class MiniBatchSlice(Surface):
    """A :class:`PlaneSlice` drawn and valued full-batch, stepped with mini-batches.

    ``value``, ``value_and_grad``, ``grid`` and ``iter_grid`` are the plane's
    (the landscape a student sees); ``value_and_grad_step(xy, t)`` is the loss
    and exact gradient in (a, b) of step t's random batch of ``batch_size``
    training samples (without replacement), plus the full regularizer. The
    batch depends only on ``(seed, t)``, so a run is reproducible and every
    start point and optimizer sees the same batch at the same step. Every
    other attribute (``model``, ``W0``, ``D1``, ``D2``, ``weights`` …) is the plane's.
    """

    name = "classifier"

    def __init__(self, plane, batch_size: int, seed: int = 0) -> None:
        N = plane.model.num_samples
        if not 1 <= int(batch_size) <= N:
            raise ValueError(BATCH_SIZE.format(samples=N, value=batch_size))
        self.plane = plane
        self.batch_size = int(batch_size)
        self.seed = int(seed)
        self.bounds = plane.bounds
        self.has_kinks = plane.has_kinks
        self.has_hessian = plane.has_hessian
        self.title = TITLE.format(plane=plane.title, batch=self.batch_size)
        self.description = DESCRIPTION.format(plane=plane.description, batch=self.batch_size,
                                              seed=self.seed)

    def __getattr__(self, name: str):
        if name == "plane":  # not yet set (during unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.plane, name)

    def batch(self, t: int) -> np.ndarray:
        """The sorted sample indices of step ``t``'s batch: ``(batch_size,)``."""
        return step_batch(self.plane.model.num_samples, self.batch_size, self.seed, t)

    def value(self, xy: np.ndarray) -> np.ndarray:
        return self.plane.value(xy)

    def value_and_grad(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return self.plane.value_and_grad(xy)

    def value_and_grad_step(self, xy: np.ndarray, t: int) -> tuple[np.ndarray, np.ndarray]:
        """Batch loss ``(...)`` and gradient ``(..., 2)`` of step ``t`` at ``xy: (..., 2)``."""
        return self.plane._evaluate(xy, grad=True, samples=self.batch(t))

    def hessian(self, xy: np.ndarray, h: float = 1e-5) -> np.ndarray:
        return self.plane.hessian(xy, h)

    def grid(self, a, b, progress=None, cancelled=None,
             chunk_rows: int | None = None) -> np.ndarray:
        return self.plane.grid(a, b, progress, cancelled, chunk_rows)

    def iter_grid(self, a, b, chunk_rows: int | None = None):
        return self.plane.iter_grid(a, b, chunk_rows)

    def line(self):
        return self.plane.line()
