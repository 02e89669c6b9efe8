"""Divergence everywhere, without a screen: every optimizer × every surface (the toys
and the classifier slices, full- and mini-batch) × learning rates 1e-6 … 1e3 ×
momentum at its default and at 0.999, from inside and from the edge of the bounds.

A point either stays finite inside the divergence box or stops at a step with one
of the runner's reasons and stays frozen there; nothing raises, nothing warns
(warnings are errors in pytest). The random property test
(test_optimizer_properties.py) samples this space; this one covers its corners.
"""

import numpy as np
import pytest

from optim_core import optimizers, runner, surfaces
from optim_core.experiment.spec import SliceSpec, SurfaceSpec, make_surface

LRS = (1e-6, 1e-3, 1.0, 1e3)
MOMENTUM = ("mu", "beta", "beta1", "rho")
REASONS = {runner.REASON_POINT, runner.REASON_BOX, runner.REASON_VALUE, runner.REASON_GRAD,
           runner.REASON_LOSS}
STEPS = 200
#: A slice step evaluates the loss over the whole dataset at every point: fewer steps.
SLICE_STEPS = 25


def every_setting() -> dict[str, optimizers.Optimizer]:
    """One optimizer per (kind, lr, momentum) corner, labelled by it."""
    out = {}
    for kind in optimizers.names():
        names = {h.name for h in optimizers.hyper_specs(kind)}
        for lr in LRS if "lr" in names else (None,):
            for mom in (None, 0.999) if names & set(MOMENTUM) else (None,):
                hyper = {} if lr is None else {"lr": lr}
                hyper.update({n: mom for n in MOMENTUM if n in names and mom is not None})
                out[f"{kind} lr={lr} mom={mom}"] = optimizers.get(kind, **hyper)
    return out


def slice_surface(loss: str, batch: int):
    return make_surface(SurfaceSpec(name="classifier", slice=SliceSpec(
        loss=loss, center="init", batch_size=batch)))


SURFACES = [(name, lambda n=name: surfaces.get(n)) for name in surfaces.names()] + [
    (f"classifier-{loss}-{'batch' if b else 'full'}", lambda loss=loss, b=b: slice_surface(loss, b))
    for loss in ("softmax", "svm") for b in (0, 32)]


def starts(surface) -> np.ndarray:
    """The middle of the bounds, a corner, and just inside an edge: ``(3, 2)``."""
    (x0, x1), (y0, y1) = surface.bounds
    return np.array([[(x0 + x1) / 2 + 0.1, (y0 + y1) / 2 - 0.1], [x0, y1],
                     [x1 - 1e-9, (y0 + y1) / 2]])


@pytest.mark.parametrize("make", [m for _, m in SURFACES], ids=[n for n, _ in SURFACES])
def test_every_corner_stays_finite_or_stops_with_a_reason(make):
    surface = make()
    steps = SLICE_STEPS if surface.name == "classifier" else STEPS
    runs = runner.run(surface, every_setting(), starts(surface), steps)
    lo, hi = surface.box(1e3)
    stopped = 0
    for label, run in runs.items():
        assert np.isfinite(run.points).all() and np.isfinite(run.values).all(), label
        assert np.isfinite(run.grad_norms).all(), label
        for s, step in enumerate(run.diverged_at):
            if step < 0:
                assert run.reasons[s] == ""
                assert ((run.points[:, s] >= lo) & (run.points[:, s] <= hi)).all(), label
                continue
            stopped += 1
            assert 1 <= step <= steps and run.reasons[s] in REASONS, (label, step, run.reasons[s])
            frozen = run.points[step:, s]
            assert (frozen == frozen[0]).all(), label
        # L-BFGS's η is only its line search's first trial, which may grow.
        if label.endswith("lr=1e-06 mom=None") and not label.startswith("lbfgs"):
            assert run.diverged_at[0] == -1, label  # a tiny rate from the middle goes on
    assert stopped > 0  # η = 1e3 does blow up: the test saw both outcomes
