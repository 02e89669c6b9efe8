"""A new run's η converges on its surface."""

import numpy as np
import pytest

from optim_core import optimizers, runner, surfaces
from optim_core.analysis.starting_lr import starting_lr


@pytest.mark.parametrize("kind", ["sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam"])
@pytest.mark.parametrize("name", ["rosenbrock", "ravine", "beale"])
def test_the_starting_rate_converges_where_the_default_may_not(kind, name):
    s = surfaces.get(name)
    start = s.default_start
    lr = starting_lr(s, kind, start)
    run = runner.run(s, {"r": optimizers.get(kind, lr=lr)}, start, 1000)["r"]
    assert run.diverged_at[0] == -1, (kind, name, lr, run.reasons)
    assert run.values[-1, 0] < run.values[0, 0]


def test_nesterov_at_its_default_rate_diverges_on_rosenbrock_and_its_starting_rate_does_not():
    s = surfaces.get("rosenbrock")
    default = runner.run(s, {"r": optimizers.get("nesterov")}, s.default_start, 50)["r"]
    assert default.diverged_at[0] >= 0  # the problem a new run used to have
    lr = starting_lr(s, "nesterov", s.default_start)
    run = runner.run(s, {"r": optimizers.get("nesterov", lr=lr)}, s.default_start, 2000)["r"]
    assert run.diverged_at[0] == -1 and np.isfinite(run.values).all()


def test_a_kind_without_a_learning_rate_is_refused():
    s = surfaces.get("rosenbrock")
    with pytest.raises(ValueError, match="learning rate"):
        starting_lr(s, "random_search", s.default_start)
