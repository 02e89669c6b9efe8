"""The experiment-file loader against arbitrary data (hypothesis).

Whatever a file holds — any JSON-like value, a valid experiment with any part
replaced or removed, any text, a valid file cut short — loading either returns
an experiment that can be saved and loaded again unchanged and whose runs and
toy surface can be built, or raises ``ExperimentFileError``. Nothing else.
"""

import json
import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from optim_core.experiment import file as ef
from optim_core.experiment.spec import (
    CLASSIFIER,
    RunSpec,
    default_experiment,
    make_optimizer,
    make_surface,
)

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Values that have broken loaders: huge whole numbers, non-finite and extreme floats,
#: a lone surrogate (JSON's "\ud800"), empty and long text, empty containers.
TRICKY = [10**400, -10**400, 10**30, float("nan"), float("inf"), -0.0, 1e308, 5e-324,
          "\ud800", "", "x" * 10_000, True, None, [], {}]
scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
           | st.sampled_from(TRICKY))
json_like = st.recursive(
    scalars, lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4), max_leaves=20)


def valid_dict() -> dict:
    spec = default_experiment()
    spec.runs.append(RunSpec("adam", "A", "#123456", hyper={"lr": {"kind": "step", "value": 0.1,
                                                                    "gamma": 0.5, "every": 10}}))
    return json.loads(ef.to_json(spec))


def paths(d, prefix=()):
    """Every key path into the nested dicts and lists of ``d``."""
    yield prefix
    items = d.items() if isinstance(d, dict) else enumerate(d) if isinstance(d, list) else ()
    for k, v in items:
        yield from paths(v, (*prefix, k))


def replaced(d: dict, path: tuple, value) -> dict:
    """``d`` with the part at ``path`` set to ``value`` (or removed: ``REMOVE``)."""
    *keys, last = path
    node = d
    for k in keys:
        node = node[k]
    if value is REMOVE:
        del node[last]
    else:
        node[last] = value
    return d


REMOVE = object()


@st.composite
def damaged(draw):
    """A valid experiment with one to three parts replaced by anything, or removed."""
    d = valid_dict()
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(paths(d))[1:]))
        removable = isinstance(_parent(d, path), dict)
        value = draw(st.sampled_from([REMOVE]) if removable and draw(st.booleans())
                     else st.one_of(st.sampled_from(TRICKY), json_like))
        replaced(d, path, value)
    return d


def _parent(d, path):
    for k in path[:-1]:
        d = d[k]
    return d


def assert_loads_or_explains(load, data) -> None:
    try:
        spec = load(data)
    except ef.ExperimentFileError as e:
        assert str(e)  # a message to show
        return
    again = ef.from_json(ef.to_json(spec))  # what loads can be saved, and reads back the same
    assert again == spec
    for run in spec.runs:
        make_optimizer(run)
    if spec.surface.name != CLASSIFIER:
        make_surface(spec.surface)
    assert all(math.isfinite(c) for p in spec.starts for c in p)


@SETTINGS
@given(json_like)
def test_any_json_value(data):
    assert_loads_or_explains(ef.from_dict, data)
    assert_loads_or_explains(ef.from_json, json.dumps(data))


@SETTINGS
@given(damaged())
@example(replaced(valid_dict(), ("runs", 0, "hyper", "lr"), 10**400))  # was an OverflowError
@example(replaced(valid_dict(), ("title",), "\ud800"))  # loaded, then could not be saved
def test_a_valid_experiment_with_any_part_replaced_or_removed(data):
    assert_loads_or_explains(ef.from_dict, data)
    assert_loads_or_explains(ef.from_json, json.dumps(data))


@SETTINGS
@given(st.text())
def test_any_text(text):
    assert_loads_or_explains(ef.from_json, text)


@SETTINGS
@given(st.integers(0, len(ef.to_json(default_experiment()))), st.binary(max_size=8))
def test_a_file_cut_short_or_with_junk_appended(tmp_path_factory, cut, junk):
    path = tmp_path_factory.mktemp("cut") / "exp.optviz.json"
    path.write_bytes(ef.to_json(default_experiment()).encode()[:cut] + junk)
    assert_loads_or_explains(ef.load, path)
