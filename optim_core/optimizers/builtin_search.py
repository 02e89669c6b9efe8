"""The two gradient-free searches::

    random_search        x′ ~ Uniform(bounds);    x ← x′ if f(x′) < f(x)
    random_local_search  x′ = x + σ·N(0, I);      x ← x′ if f(x′) < f(x)   (σ is lr)

The searches draw step t's numbers from ``default_rng([seed, t])``, one row
per point, so a step is a pure function of its inputs.
"""

from __future__ import annotations

import numpy as np

from optim_core.optimizers.hyper import HyperSpec
from optim_core.optimizers.registry import register


def _rng(seed: int, t: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), int(t)])


def _keep_better(surface, x: np.ndarray, candidate: np.ndarray) -> np.ndarray:
    """Per point, the candidate where it is strictly lower, else x."""
    f = surface.value(np.stack([x, candidate]))
    return np.where((f[1] < f[0])[..., None], candidate, x)


def random_search(x, g, state, t, *, seed, surface):
    """A uniform draw in the bounds, kept if lower."""
    lo, hi = np.asarray(surface.bounds, dtype=float).T
    candidate = lo + _rng(seed, t).random(x.shape) * (hi - lo)
    return _keep_better(surface, x, candidate), {}


def random_local_search(x, g, state, t, *, lr, seed, surface):
    """A Gaussian draw of spread σ = lr about x, kept if lower."""
    candidate = x + lr * _rng(seed, t).standard_normal(x.shape)
    return _keep_better(surface, x, candidate), {}


_DRAWS_IN_2D = "draws points inside a 2-D surface's bounds"
register("random_search", random_search, hyper={"seed": 0}, label="Random search",
         formula="x′ ~ Uniform(bounds)\nx ← x′ if f(x′) < f(x)", needs_surface=True,
         trainable=f"random search {_DRAWS_IN_2D}",
         summary="Draws a random point anywhere in the bounds and keeps it only if it "
         "is lower: no gradient at all.")
register("random_local_search", random_local_search, hyper={
    "lr": HyperSpec(0.1, 1e-6, 1e3, True, "σ", "step size"), "seed": 0},
    label="Random local search", formula="x′ = x + σ·N(0, I)\nx ← x′ if f(x′) < f(x)",
    needs_surface=True, trainable="random local search compares values of a 2-D surface",
    summary="Tries a random nearby point (spread σ) and keeps it only if it "
    "is lower: no gradient at all.")
