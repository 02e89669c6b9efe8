"""What moves each run next, at its heads: the vectors an internals view draws.

For run ``label`` of a ``runner.Race`` at step T, with x its points
``(S, 2)``, the state after step T and g the gradient its next step will
use (``race.gradient``: on a mini-batch surface, that step's batch):

- "step": x_{T+1} − x_T, from the optimizer's own ``step`` on copies (the
  race is not advanced);
- the kind's registered internals (``race.internals``, i.e. ``optimizers.internals``):
  "gradient_term" −η·g, "velocity" (v, or Adam's m̂), "scale" (the
  per-coordinate step η/(√c + ε) or η/(√v̂ + ε)), "newton_step",
  "direction" (L-BFGS), whichever apply.

Nothing here restates an update formula: every vector is the optimizer's
own. Points that have stopped (diverged) give whatever their frozen state
gives; views hide them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core import optimizers

#: Kinds whose "velocity" averages gradients (units of g, not of a step): views
#: draw it as −η·v, the step it stands for, beside −η·g.
AVERAGED_VELOCITY = frozenset({"momentum_ema", "adam", "adamw"})


def drawn(kind: str, vectors: dict[str, np.ndarray], lr) -> dict[str, np.ndarray]:
    """``vectors`` as a view draws them: every arrow in the units of a step."""
    if kind in AVERAGED_VELOCITY and "velocity" in vectors:
        return {**vectors, "velocity": -np.asarray(lr) * vectors["velocity"]}
    return vectors


class HeadInternals(NamedTuple):
    """``points (S, 2)``, the gradient ``g (S, 2)`` and ``vectors {name: (S, 2)}``."""

    points: np.ndarray
    gradient: np.ndarray
    vectors: dict[str, np.ndarray]


def next_gradient(race, label: str) -> np.ndarray:
    """``(S, 2)``: the gradient run ``label``'s next step uses (the race's own)."""
    return race.gradient(label)


def at_heads(race, label: str) -> HeadInternals:
    """The internals of run ``label`` at its current points (see the module docstring)."""
    opt, state = race.optimizer(label), race.state(label)
    x, g = race.current_points(label), race.gradient(label)
    with np.errstate(all="ignore"):  # what race.internals gives, without fetching it all again
        parts = optimizers.internals(opt, state, g, x=x, surface=race.surface)
        x_next, _ = opt.step(x, g, state, surface=race.surface)
    vectors = {"step": x_next - x}
    for name, value in parts.items():
        value = np.asarray(value, dtype=float)
        if value.shape == x.shape:
            vectors[name] = value
    return HeadInternals(x, g, vectors)
