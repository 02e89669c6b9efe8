"""The loss plot's scale: a log axis only where every value can be drawn on it."""

import numpy as np
import pytest

from optim_core import runner
from optim_core.analysis import loss_scale
from optim_core.experiment import file as experiment_file
from optim_core.experiment import spec as spec_mod


def test_linear_when_log_is_not_asked():
    scale = loss_scale.choose([np.array([-3.0, 2.0])], None, log=False)
    assert scale.mode == loss_scale.LINEAR and not scale.log_axis
    np.testing.assert_array_equal(scale.transform([-3.0, 2.0]), [-3.0, 2.0])


def test_gap_to_a_known_minimum_on_a_log_axis():
    scale = loss_scale.choose([np.array([5.0, 1.5, 1.0 + 1e-9])], 1.0, log=True)
    assert scale.mode == loss_scale.GAP and scale.log_axis
    np.testing.assert_allclose(scale.transform([5.0, 1.5]), [4.0, 0.5])


def test_positive_values_without_a_minimum_stay_on_a_log_axis():
    scale = loss_scale.choose([np.array([3.0, 2.0]), np.array([np.nan, 2.5])], None, log=True)
    assert scale.mode == loss_scale.LOG and scale.offset == 0


@pytest.mark.parametrize("best", [None, 0.5])
def test_values_at_or_below_zero_go_to_a_symmetric_log(best):
    f = np.array([3.0, 0.5, -0.2, -40.0])
    scale = loss_scale.choose([f], best, log=True)
    assert scale.mode == loss_scale.SYMLOG and not scale.log_axis
    assert scale.threshold == pytest.approx(10.0 ** np.floor(np.log10(40.5 * 1e-3)))
    y = scale.transform(f)
    assert np.all(np.isfinite(y)) and np.all(np.diff(y) < 0)  # monotone: order kept
    back = loss_scale.symlog_inverse(y, scale.threshold) + scale.offset
    np.testing.assert_allclose(back, f)


def test_the_saddle_race_is_drawn_whole_on_the_log_scale():
    """Adam's loss goes below zero on the saddle: every one of its samples is drawn."""
    spec = experiment_file.load("resources/presets/saddle_escape.optviz.json")
    surface = spec_mod.make_surface(spec.surface)
    opts = {r.label: spec_mod.make_optimizer(r) for r in spec.runs if r.enabled}
    runs = runner.run(surface, opts, spec_mod.starts_array(spec), spec.steps)
    values = [r.values[:, 0] for r in runs.values()]
    assert min(np.min(v) for v in values) < 0
    scale = loss_scale.choose(values, None, log=True)
    assert scale.mode == loss_scale.SYMLOG
    for v in values:
        assert np.all(np.isfinite(scale.transform(v)))
