"""The internals' view settings are saved with the experiment and checked on load."""

import json

import pytest

from optim_core.experiment import file as ef
from optim_core.experiment.checks import ExperimentFileError
from optim_core.experiment.spec import INTERNAL_PIECES, default_experiment


def test_internals_settings_round_trip_through_a_file(tmp_path):
    spec = default_experiment()
    spec.view.internals.shown = True
    spec.view.internals.pieces = ["scale", "step"]
    spec.runs[1].internals = False
    path = tmp_path / "x.optviz.json"
    ef.save(spec, path)
    back = ef.load(path)
    assert back.view.internals.shown
    assert back.view.internals.pieces == ["step", "scale"]  # kept in the pieces' own order
    assert [r.internals for r in back.runs] == [True, False] + [True] * (len(spec.runs) - 2)


def test_older_files_open_with_the_internals_hidden_and_every_piece_chosen():
    d = json.loads(ef.to_json(default_experiment()))
    del d["view"]["internals"]
    for run in d["runs"]:
        del run["internals"]
    spec = ef.from_dict(d)
    assert not spec.view.internals.shown and spec.view.internals.pieces == list(INTERNAL_PIECES)
    assert all(r.internals for r in spec.runs)


@pytest.mark.parametrize(("where", "value", "field"), [
    ("pieces", ["step", "spin"], "view.internals.pieces"),
    ("shown", "yes", "view.internals.shown"),
    ("colour", 1, "view.internals.colour"),
])
def test_bad_internals_settings_name_their_field(where, value, field):
    d = json.loads(ef.to_json(default_experiment()))
    d["view"]["internals"][where] = value
    with pytest.raises(ExperimentFileError) as e:
        ef.from_dict(d)
    assert e.value.field == field
