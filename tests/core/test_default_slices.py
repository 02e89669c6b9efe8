"""The default classifier slices teach something: the loss rises visibly
around its minimum, for softmax and for the SVM, and the SVM shows its kinks."""

import numpy as np
import pytest

from optim_core.experiment import spec as spec_mod
from optim_core.experiment.state.experiment import Experiment

N = 41


def default_slice(loss: str):
    """The slice a user gets choosing ``loss`` on the classifier surface."""
    x = Experiment()
    x.surface.set_name(spec_mod.CLASSIFIER)
    if loss != x.surface.spec.slice.loss:
        x.surface.set_slice(loss=loss)
    spec = x.surface.spec
    spec.resolution = N
    return spec, spec_mod.make_surface(spec)


@pytest.mark.parametrize("loss", ["softmax", "svm"])
def test_the_default_slice_rises_visibly_around_its_minimum(loss):
    spec, surface = default_slice(loss)
    e = spec.slice.extent
    z = surface.grid(np.linspace(-e, e, N), np.linspace(-e, e, N))
    assert z.max() - z.min() > 0.1 * z.mean()  # a tilted plane was 0.1 % of it
    centre = z[N // 2, N // 2]
    assert centre <= z.min() + 0.02 * (z.max() - z.min())  # the minimum W* at the centre
    border = np.concatenate([z[0], z[-1], z[:, 0], z[:, -1]])
    assert border.min() > centre + 0.05 * (z.max() - z.min())  # rising on every side


def test_the_svms_default_slice_shows_its_kinks():
    """A sum of hinges is piecewise linear: along a line its second differences
    are ~0 except at a few kinks. Over a range crossing thousands of kinks it
    looked smooth (largest second difference ~5 × the median)."""
    spec, surface = default_slice("svm")
    e = spec.slice.extent
    line = surface.grid(np.linspace(-e, e, 201), np.array([0.0]))[0]
    d2 = np.abs(np.diff(line, 2))
    assert d2.max() > 10 * np.median(d2)


def test_the_default_range_follows_the_loss_but_a_chosen_range_stays():
    x = Experiment()
    x.surface.set_name(spec_mod.CLASSIFIER)
    s = x.surface.spec.slice
    assert s.extent == spec_mod.default_extent("softmax")
    x.surface.set_slice(loss="svm")
    assert s.extent == spec_mod.default_extent("svm") != spec_mod.default_extent("softmax")
    x.surface.set_slice(loss="softmax")
    assert s.extent == spec_mod.default_extent("softmax")
    x.surface.set_slice(extent=2.0)
    x.surface.set_slice(loss="svm")
    assert s.extent == 2.0
