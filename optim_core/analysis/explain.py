"""One step, explained: a run's next update taken apart in stages, with numbers.

``explain_step(race, label, start=0)`` takes run ``label``'s state at the
race's current step for one start point, takes the real next step on copies
(``opt.step``; the race does not move) and reads every vector from the
optimizer itself: the gradient the step uses (``head_internals``), the
kind's internals before and after the step (``optimizers.internals``: v or
m̂, the adaptive scale, Newton's step, L-BFGS's direction) and its state
arrays (c, m, v). The stages are

1. "gradient": g and −η·g;
2. "velocity": the blend into v (momentum, Nesterov, EMA) or m, m̂ (Adam);
3. "adaptive": the division by √c + ε or √v̂ + ε (AdaGrad, RMSprop, Adam),
   or Newton's curvature, or L-BFGS's direction;
4. "step": x_{t+1} = x_t + Δx.

A stage a kind does not have is left out. Each stage's ``lines`` write the
kind's formula with the current numbers put in; the numbers are the run's
(rounded to 3 significant digits only in the text), and the last stage's
arrow is exactly x_{t+1} − x_t of the step the race takes next.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core import optimizers
from optim_core.analysis import head_internals
from optim_core.analysis.explain_text import lines_for


class Stage(NamedTuple):
    """``name`` (gradient, velocity, adaptive, step), formula ``lines`` with numbers,
    ``arrows {piece: (2,)}`` drawn from the point, the adaptive ``box (2,)`` or None."""

    name: str
    lines: tuple[str, ...]
    arrows: dict[str, np.ndarray]
    box: np.ndarray | None = None


class ExplainedStep(NamedTuple):
    label: str
    kind: str
    t: int                # the step being explained (1-based)
    point: np.ndarray     # (2,) x_t
    gradient: np.ndarray  # (2,) g
    new_point: np.ndarray  # (2,) x_{t+1}
    stages: tuple[Stage, ...]

    @property
    def final(self) -> np.ndarray:
        """The last stage's arrow: x_{t+1} − x_t."""
        return self.stages[-1].arrows["step"]


class Numbers(NamedTuple):
    """Everything the text of one explained step needs, all from the run."""

    kind: str
    t: int
    hyper: dict            # hyper-parameters at step t
    x: np.ndarray          # (2,)
    g: np.ndarray          # (2,)
    x_new: np.ndarray      # (2,)
    before: dict           # internals and state arrays before the step, (2,) each
    after: dict            # the same after it
    surface: object        # where the step is taken (Newton's lines show its Hessian)


def _row(state: optimizers.State, s: int) -> optimizers.State:
    """Start point ``s`` of a state over ``(S, …)`` rows, kept as one row."""
    count = state.count
    if np.ndim(count):
        count = np.asarray(count)[s:s + 1]
    return optimizers.State(count, {k: np.asarray(v)[s:s + 1] for k, v in state.arrays.items()})


def _vectors(opt, state, g, x, surface) -> dict[str, np.ndarray]:
    """The internals and the (2,)-shaped state arrays of one row."""
    out = {k: np.asarray(v)[0] for k, v in state.arrays.items() if np.shape(v) == x.shape}
    parts = optimizers.internals(opt, state, g, x=x, surface=surface)
    out.update({k: np.asarray(v)[0] for k, v in parts.items() if np.shape(v) == x.shape})
    return out


#: Why a run's step cannot be explained (the GUI translates it where it shows it).
STOPPED = "{label} has stopped: there is no next step to explain"

def explain_step(race, label: str, start: int = 0) -> ExplainedStep:
    """Run ``label``'s next step at start point ``start``, in stages (module docstring).

    Raises ValueError when that point has stopped or its gradient is not finite.
    """
    opt, surface = race.optimizer(label), race.surface
    x = race.current_points(label)[start:start + 1]
    g = head_internals.next_gradient(race, label)[start:start + 1]
    stopped = race.history(label).diverged_at[start] >= 0
    if stopped or not (np.all(np.isfinite(x)) and np.all(np.isfinite(g))):
        raise ValueError(STOPPED.format(label=label))
    state = _row(race.state(label), start)
    with np.errstate(all="ignore"):
        x_new, state_new = opt.step(x, g, state, surface=surface)
        before = _vectors(opt, state, g, x, surface)
        after = _vectors(opt, state_new, g, x_new, surface)
    t = int(np.max(state.count)) + 1
    numbers = Numbers(opt.kind, t, opt.values_at(t), x[0], g[0], x_new[0], before, after,
                      surface)
    stages = tuple(Stage(name, lines, arrows, box)
                   for name, lines, arrows, box in lines_for(numbers))
    return ExplainedStep(label, opt.kind, t, x[0], g[0], x_new[0], stages)
