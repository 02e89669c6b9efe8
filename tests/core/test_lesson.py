"""An experiment's lesson is saved with it and checked on load."""

import json

import pytest

from optim_core.experiment import file as ef
from optim_core.experiment.spec import Lesson, default_experiment


def _with_lesson(lesson) -> str:
    d = ef.to_dict(default_experiment())
    d["lesson"] = lesson
    return json.dumps(d)


def test_a_lesson_round_trips_through_a_file(tmp_path):
    spec = default_experiment()
    spec.lesson = Lesson(look="the valley", try_next="raise μ to 0.99", why="momentum adds up")
    ef.save(spec, tmp_path / "x.optviz.json")
    assert ef.load(tmp_path / "x.optviz.json").lesson == spec.lesson


def test_a_file_without_a_lesson_has_an_empty_one():
    d = ef.to_dict(default_experiment())
    del d["lesson"]
    assert not ef.from_dict(d).lesson


@pytest.mark.parametrize(("lesson", "field", "problem"), [
    ({"try": "x"}, "lesson.try", "unknown"),
    ({"why": 3}, "lesson.why", "expected text"),
    ("look here", "lesson", "expected an object"),
    ({"look": "x" * 5000}, "lesson.look", "at most 4,000"),
])
def test_a_bad_lesson_is_refused_naming_the_field(lesson, field, problem):
    with pytest.raises(ef.ExperimentFileError) as e:
        ef.from_json(_with_lesson(lesson))
    assert e.value.field == field and problem in str(e.value)
