"""The mini-batch samplers: which training samples a step, or an epoch, uses.

Both are pure functions of their seed, so a run is reproducible and every
optimizer (and every start point) sees the same batches in the same order:

- ``step_batch(n, size, seed, t)``: step t's batch, ``size`` of ``range(n)``
  drawn without replacement from ``default_rng([seed, t])``, sorted (the
  mini-batch slice's steps; the trained slice centre W*);
- ``epoch_batches(n, size, seed, epoch)``: one epoch of full-space training,
  a permutation from ``default_rng([seed, epoch])`` cut into ⌈n / size⌉
  near-equal batches (one full batch when size is 0 or ≥ n).
"""

from __future__ import annotations

import numpy as np


def step_batch(n: int, size: int, seed: int, t: int) -> np.ndarray:
    """The sorted sample indices of step ``t``'s batch: ``(size,)``."""
    rng = np.random.default_rng([int(seed), int(t)])
    return np.sort(rng.choice(n, size=size, replace=False))


def epoch_batches(n: int, size: int, seed: int, epoch: int) -> list[np.ndarray]:
    """Index arrays of one epoch (their union is ``range(n)``)."""
    if size <= 0 or size >= n:
        return [np.arange(n)]
    perm = np.random.default_rng([seed, epoch]).permutation(n)
    return np.array_split(perm, -(-n // size))
