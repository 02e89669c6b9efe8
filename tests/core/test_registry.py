"""The optimizer registry: a kind is one registration, and everything reads it."""

import numpy as np
import pytest

from optim_core import optimizers, runner, surfaces
from optim_core.optimizers import HyperSpec


def heavy_ball(x, g, state, t, *, lr, mu):
    v = mu * state["v"] - lr * g
    return x + v, {"v": v}


FIELDS = dict(hyper={"lr": 1e-2, "mu": HyperSpec(0.9, 0.0, 0.99, symbol="μ", label="mass")},
              state=("v",), label="Heavy ball", formula="v ← μv − ηg\nx ← x + v",
              summary="The heavy ball again.")


def test_a_registered_kind_is_built_raced_and_described_like_a_built_in_one():
    with optimizers.registered("heavyball", heavy_ball, **FIELDS) as kind:
        assert optimizers.names()[-1] == "heavyball" and kind.label == "Heavy ball"
        opt = optimizers.get("heavyball", lr=0.05)
        assert opt.hyper == {"lr": 0.05, "mu": 0.9}
        lr, mu = optimizers.hyper_specs("heavyball")
        assert (lr.symbol, lr.min, lr.log) == ("η", 1e-6, True)  # the common spec of lr
        assert (mu.name, mu.max, mu.label) == ("mu", 0.99, "mass")
        assert optimizers.formula("heavyball").startswith("v ← μv")
        s = surfaces.get("bowl")
        mom = optimizers.get("momentum", lr=0.05, mu=0.9)
        runs = runner.run(s, {"hb": opt, "m": mom}, [[1.0, -0.5], [0.2, 0.3]], 40)
        np.testing.assert_allclose(runs["hb"].points, runs["m"].points, rtol=1e-12)
        with pytest.raises(ValueError, match="mu: 0.995 is out of range"):
            optimizers.get("heavyball", mu=0.995)
    assert "heavyball" not in optimizers.names()
    with pytest.raises(ValueError, match="unknown optimizer 'heavyball'"):
        optimizers.get("heavyball")


def test_registered_unregisters_even_when_the_block_fails():
    with pytest.raises(RuntimeError), optimizers.registered("heavyball", heavy_ball, **FIELDS):
        raise RuntimeError("boom")
    assert "heavyball" not in optimizers.names()


def test_names_are_unique_identifiers_and_defaults_must_be_valid():
    with pytest.raises(ValueError, match="already registered"):
        optimizers.register("adam", heavy_ball, **FIELDS)
    with pytest.raises(ValueError, match="identifier"):
        optimizers.register("heavy ball", heavy_ball, **FIELDS)
    with pytest.raises(ValueError, match="default.mu"):
        optimizers.register("heavyball", heavy_ball, **{**FIELDS, "hyper": {"mu": 2.0}})
    assert "heavyball" not in optimizers.names()
    with pytest.raises(ValueError, match="unknown optimizer"):
        optimizers.unregister("heavyball")


def test_every_built_in_kind_has_its_texts_flags_and_valid_defaults():
    for name in optimizers.names():
        kind = optimizers.kind_of(name)
        assert kind.label and "←" in kind.formula and kind.summary.endswith(".")
        assert kind.trainable == (kind.untrainable_reason == "")
        assert not kind.adaptive or kind.internals is not None
        optimizers.get(name)  # the defaults pass their own checks
    assert {k for k in optimizers.names() if not optimizers.kind_of(k).trainable} == {
        "newton", "random_search", "random_local_search"}
