"""W* kept in the experiment file: opening a preset or a saved file does not train it again."""

import base64
import json

import numpy as np
import pytest

from optim_core.classifier import trained_cache
from optim_core.experiment import centre as centre_mod
from optim_core.experiment import file as ef
from optim_core.experiment.spec import CLASSIFIER, make_surface
from optim_core.experiment.state.experiment import Experiment
from optim_core.experiment.state.surface_jobs import plane_of

PRESETS = [p for p in ef.presets() if ef.load(p).surface.name == CLASSIFIER]


def doc(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_classifier_presets_carry_their_w_star():
    assert len(PRESETS) >= 3
    for path in PRESETS:
        spec = ef.load(path)
        assert spec.surface.slice.center == "trained"
        digest = trained_cache.data_digest(spec.surface.slice.dataset)
        assert spec.centre is not None, path.name
        assert spec.centre.mismatch(spec.surface.slice, digest, (65, 10)) == "", path.name


@pytest.mark.parametrize("path", PRESETS, ids=lambda p: p.name)
def test_opening_a_classifier_preset_in_a_fresh_session_trains_nothing(path, trainings):
    experiment = Experiment(ef.load(path))
    assert trainings == []
    np.testing.assert_array_equal(plane_of(experiment.surface.surface).W0,
                                  ef.load(path).centre.array())


def test_opening_a_classifier_preset_a_second_time_trains_nothing(trainings):
    path = ef.PRESET_DIR / "softmax_slice_basin.optviz.json"
    without = ef.load(path)
    without.centre = None  # as before files kept W*: the first opening trains it
    experiment = Experiment(without)
    experiment.load(without)
    experiment.load(ef.load(path))
    assert len(trainings) == 1


def test_a_saved_file_round_trips_w_star(tmp_path, trainings):
    spec = ef.load(ef.PRESET_DIR / "svm_slice_minibatch.optviz.json")
    spec.centre = None
    spec.surface.slice.seed = 3  # a W* no preset has
    experiment = Experiment(spec)
    assert len(trainings) == 1
    W = experiment.surface.surface.plane.W0
    ef.save(experiment.spec, tmp_path / "x.optviz.json")
    trained_cache.forget()  # a new session
    loaded = ef.load(tmp_path / "x.optviz.json")
    assert doc(tmp_path / "x.optviz.json")["version"] == 3
    np.testing.assert_array_equal(loaded.centre.array(), W)
    reopened = Experiment(loaded)
    np.testing.assert_array_equal(reopened.surface.surface.plane.W0, W)
    assert len(trainings) == 1
    assert loaded == spec  # W* is no setting: the experiments are equal


def test_a_toy_surface_or_a_random_centre_saves_no_w_star(trainings):
    assert "centre" not in ef.to_dict(Experiment().spec)
    spec = ef.load(ef.PRESET_DIR / "softmax_slice_basin.optviz.json")
    experiment = Experiment(spec)
    experiment.surface.set_slice(center="init")
    assert experiment.spec.centre is None and "centre" not in ef.to_dict(experiment.spec)


def test_older_files_open_and_train_as_before(trainings):
    d = doc(ef.PRESET_DIR / "softmax_slice_basin.optviz.json")
    d.pop("centre")
    for version in (1, 2):
        d["version"] = version
        assert ef.from_json(json.dumps(d)).centre is None
    d["version"], d["centre"] = 2, doc(ef.PRESET_DIR / "softmax_slice_basin.optviz.json")["centre"]
    with pytest.raises(ef.ExperimentFileError, match="centre: unknown field"):
        ef.from_json(json.dumps(d))  # a version-2 file never held one


def with_centre(**edits) -> str:
    d = doc(ef.PRESET_DIR / "softmax_slice_basin.optviz.json")
    d["centre"].update(edits)
    return json.dumps(d)


def raw_weights(values) -> str:
    return base64.b64encode(np.asarray(values, "<f8").tobytes()).decode()


DAMAGED = [  # (id, centre edits, field, words)
    ("NaN weight", {"weights": raw_weights([np.nan] + [0.0] * 649)}, "centre.weights",
     "not a finite number"),
    ("infinite weight", {"weights": raw_weights([np.inf] * 650)}, "centre.weights",
     "not a finite number"),
    ("too few bytes", {"weights": raw_weights([0.0] * 649)}, "centre.weights",
     "5,192 bytes; 65×10 float64 weights take 5,200"),
    ("not base64", {"weights": "not*base64!"}, "centre.weights", "not base64"),
    ("weights a list", {"weights": [0.0] * 650}, "centre.weights", "expected text"),
    ("a third dimension", {"shape": [65, 10, 1]}, "centre.shape", "[rows, columns]"),
    ("a huge shape", {"shape": [100_000, 100_000]}, "centre.shape", "at most 200,000"),
    ("a negative shape", {"shape": [-65, 10]}, "centre.shape[0]", "out of range"),
    ("a digest that is not one", {"dataset_sha256": "digits"}, "centre.dataset_sha256",
     "SHA-256"),
    ("an unknown loss", {"loss": "hinge"}, "centre.loss", "'softmax' or 'svm'"),
    ("a NaN λ", {"reg": float("nan")}, "centre.reg", "finite"),
    ("an unknown field", {"code": "__import__('os')"}, "centre.code", "unknown field"),
]


@pytest.mark.parametrize(("edits", "field", "words"), [d[1:] for d in DAMAGED],
                         ids=[d[0] for d in DAMAGED])
def test_a_damaged_w_star_is_refused_naming_its_field(edits, field, words):
    with pytest.raises(ef.ExperimentFileError) as e:
        ef.from_json(with_centre(**edits))
    assert e.value.field == field and words in e.value.problem


def test_a_missing_part_is_named():
    d = doc(ef.PRESET_DIR / "softmax_slice_basin.optviz.json")
    del d["centre"]["shape"]
    with pytest.raises(ef.ExperimentFileError, match="centre.shape: missing"):
        ef.from_json(json.dumps(d))


def test_weights_are_only_ever_numbers(tmp_path):
    """A pickle in the weights is refused by its length, and never unpickled."""
    marker = tmp_path / "ran"
    payload = (b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR.")
    with pytest.raises(ef.ExperimentFileError, match="centre.weights"):
        ef.from_json(with_centre(weights=base64.b64encode(payload).decode()))
    assert not marker.exists()


MISMATCHED = [  # (id, how the slice differs from the one W* was trained for, reason)
    ("another loss", {"loss": "svm"}, centre_mod.OTHER_LOSS),
    ("another λ", {"reg": 0.5}, centre_mod.OTHER_REG),
    ("another seed", {"seed": 7}, centre_mod.OTHER_SEED),
]


@pytest.mark.parametrize(("edits", "reason"), [m[1:] for m in MISMATCHED],
                         ids=[m[0] for m in MISMATCHED])
def test_a_w_star_of_another_slice_is_not_used_and_the_progress_says_why(edits, reason,
                                                                         trainings):
    spec = ef.load(ef.PRESET_DIR / "softmax_slice_basin.optviz.json")
    for key, value in edits.items():
        setattr(spec.surface.slice, key, value)
    said = []
    surface = make_surface(spec.surface, lambda f, m: said.append(m), centre=spec.centre)
    assert len(trainings) == 1
    assert centre_mod.NOT_USED.format(reason=reason) in said
    assert not np.array_equal(surface.W0, spec.centre.array())


def test_a_w_star_of_other_data_or_shape_is_not_used(trainings):
    spec = ef.load(ef.PRESET_DIR / "softmax_slice_basin.optviz.json")
    s, c = spec.surface.slice, spec.centre
    W = np.zeros((5, 10))
    other_shape = centre_mod.StoredCentre.of(W, s, c.dataset_sha256)
    other_data = centre_mod.StoredCentre(c.dataset_sha256[::-1], c.loss, c.reg, c.seed,
                                         c.shape, c.weights)
    for stored, reason in ((other_shape, "it holds 5×10 weights, the data need 65×10"),
                           (other_data, centre_mod.OTHER_DATA)):
        trained_cache.forget()
        said = []
        make_surface(spec.surface, lambda f, m, said=said: said.append(m), centre=stored)
        assert centre_mod.NOT_USED.format(reason=reason) in said
    assert len(trainings) == 2


def test_an_edited_dataset_file_makes_its_w_star_another_one(tmp_path, trainings):
    data = tmp_path / "d.csv"
    data.write_text("".join(f"{i % 3},{i % 5},{i % 2}\n" for i in range(40)))
    first = trained_cache.data_digest(str(data))
    data.write_text("".join(f"{i % 4},{i % 5},{i % 2}\n" for i in range(41)))
    assert trained_cache.data_digest(str(data)) != first
