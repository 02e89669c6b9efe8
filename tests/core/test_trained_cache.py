"""W* is trained once per dataset, loss, λ and seed."""

import numpy as np

from optim_core import classifier
from optim_core.classifier import trained_cache
from optim_core.experiment import file as ef
from optim_core.experiment.spec import make_surface

PRESET = ef.PRESET_DIR / "softmax_slice_basin.optviz.json"


def test_opening_a_classifier_preset_twice_trains_w_star_once(monkeypatch):
    trained_cache.forget()
    calls = []
    real = classifier.train
    monkeypatch.setattr(classifier, "train", lambda *a, **k: calls.append(1) or real(*a, **k))
    spec = ef.load(PRESET)
    first = make_surface(spec.surface)
    again = make_surface(ef.load(PRESET).surface)
    assert len(calls) == 1
    np.testing.assert_array_equal(first.W0, again.W0)
    spec.surface.slice.loss = "svm"  # another loss is another W*
    make_surface(spec.surface)
    assert len(calls) == 2


def test_the_cache_hands_out_copies():
    trained_cache.forget()
    spec = ef.load(PRESET)
    a = make_surface(spec.surface)
    a.W0[...] = 0
    assert np.abs(make_surface(spec.surface).W0).sum() > 0
