"""Property tests: finite in -> finite out, or a reported divergence.

Whatever hyper-parameters and start a user picks (learning rates from 1e-6
to 1e3, momentum up to 0.999), a race either stays finite or stops the
point with a step and a reason; it never raises and never warns.
"""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optim_core import optimizers, runner, surfaces

KINDS = optimizers.names()
SURFACES = surfaces.names()


def _hyper(kind: str, draw) -> dict:
    values = {}
    for spec in optimizers.hyper_specs(kind):
        if spec.dtype != "float":
            continue
        if spec.name == "lr":
            values["lr"] = 10.0 ** draw(st.floats(-6, 3))
        elif spec.name in ("mu", "beta", "beta1", "rho"):
            values[spec.name] = draw(st.floats(0.0, 0.999))
    return values


@st.composite
def races(draw):
    kind = draw(st.sampled_from(KINDS))
    surface = surfaces.get(draw(st.sampled_from(SURFACES)))
    (x0, x1), (y0, y1) = surface.bounds
    starts = draw(st.lists(
        st.tuples(st.floats(x0, x1), st.floats(y0, y1)), min_size=1, max_size=4))
    return surface, kind, _hyper(kind, draw), np.array(starts, dtype=float)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(races())
def test_finite_in_finite_out_or_reported_divergence(race):
    surface, kind, hyper, starts = race
    run = runner.run(surface, {kind: optimizers.get(kind, **hyper)}, starts, 40)[kind]
    assert np.isfinite(run.points).all()
    assert np.isfinite(run.values).all()
    for s in range(len(starts)):
        stopped = run.diverged_at[s]
        if stopped >= 0:
            assert 1 <= stopped <= 40
            assert run.reasons[s] in (
                runner.REASON_POINT, runner.REASON_BOX, runner.REASON_VALUE,
                runner.REASON_GRAD, runner.REASON_LOSS)
            # Frozen at the last good point from the step it stopped on.
            assert np.array_equal(run.points[stopped:, s], np.broadcast_to(
                run.points[stopped, s], run.points[stopped:, s].shape))
        else:
            assert run.reasons[s] == ""
            lo, hi = surface.box(1e3)
            assert ((run.points[:, s] >= lo) & (run.points[:, s] <= hi)).all()


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(KINDS), st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_one_step_from_any_finite_point_is_finite_or_flagged(kind, x, y):
    surface = surfaces.get("bowl")
    run = runner.run(surface, {kind: optimizers.get(kind)}, np.array([x, y]), 1)[kind]
    assert np.isfinite(run.points).all()
    assert (run.diverged_at[0] >= 0) == (run.reasons[0] != "")
