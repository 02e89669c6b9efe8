"""Typed surfaces in experiment files: saved, loaded, validated, raced."""

import json

import numpy as np
import pytest

from optim_core import runner
from optim_core.experiment import file as ef
from optim_core.experiment.spec import (
    EXPRESSION,
    ExpressionSpec,
    SurfaceSpec,
    default_experiment,
    make_optimizer,
    make_surface,
    starts_array,
)


def typed(text="a*x**2 + b*y**2", bounds=((-3, 3), (-2, 2)), **params):
    spec = default_experiment()
    spec.surface = SurfaceSpec(name=EXPRESSION, params=params or {"a": 1.0, "b": 10.0},
                               expression=ExpressionSpec(text, [list(b) for b in bounds]))
    spec.starts = [[-2.5, 1.5]]
    return spec


def test_a_typed_surface_survives_a_save_and_a_load(tmp_path):
    spec = typed()
    ef.save(spec, tmp_path / "t.optviz.json")
    back = ef.load(tmp_path / "t.optviz.json")
    assert back == spec
    s = make_surface(back.surface)
    assert s.text == "a*x**2 + b*y**2" and s.params == {"a": 1.0, "b": 10.0}
    assert s.bounds == ((-3.0, 3.0), (-2.0, 2.0))
    np.testing.assert_allclose(s.minima, [[0, 0]], atol=1e-12)


def test_files_without_the_expression_section_still_load():
    d = ef.to_dict(default_experiment())
    del d["surface"]["expression"]
    assert ef.from_dict(d).surface.expression == ExpressionSpec()


@pytest.mark.parametrize(("edit", "field", "words"), [
    (lambda s: s.update(text="a*x + open('f')"), "surface.expression.text",
     "column 7: unknown function 'open'"),
    (lambda s: s.update(text="a*x + c"), "surface.expression.text", "unknown name 'c'"),
    (lambda s: s.update(text=3), "surface.expression.text", "expected text"),
    (lambda s: s.update(bounds=[[1, 0], [0, 1]]), "surface.expression.bounds", "smaller"),
    (lambda s: s.update(bounds=[[0, 1]]), "surface.expression.bounds", "[[x0, x1], [y0, y1]]"),
    (lambda s: s.update(bounds=[[0, 1], [0, 1e9]]), "surface.expression.bounds[1]",
     "out of range"),
    (lambda s: s.update(extra=1), "surface.expression.extra", "unknown field"),
])
def test_a_bad_typed_surface_names_the_field(edit, field, words):
    d = ef.to_dict(typed())
    edit(d["surface"]["expression"])
    with pytest.raises(ef.ExperimentFileError) as info:
        ef.from_dict(json.loads(json.dumps(d)))
    assert info.value.field == field and words in info.value.problem


@pytest.mark.parametrize(("params", "field"), [
    ({"a": 1.0, "b": "ten"}, "surface.params.b"), ({"a": 1.0, "b": 1e9}, "surface.params.b"),
    ({"a": 1.0, "b": 1.0, "x": 1.0}, "surface.params.x"),
    ({"a": 1.0, "b": 1.0, "sin": 1.0}, "surface.params.sin"),
])
def test_bad_parameters_name_the_field(params, field):
    d = ef.to_dict(typed())
    d["surface"]["params"] = params
    with pytest.raises(ef.ExperimentFileError) as info:
        ef.from_dict(d)
    assert info.value.field == field


def test_a_race_on_a_saved_typed_surface_matches_the_built_in_one():
    spec = typed("(1 - x)**2 + 100*(y - x**2)**2", ((-2, 2), (-1, 3)), c=0.0)
    spec.starts = [[-1.2, 1.0]]
    ours = make_surface(ef.from_json(ef.to_json(spec)).surface)
    spec.surface = SurfaceSpec(name="rosenbrock")
    theirs = make_surface(spec.surface)
    opts = {r.label: make_optimizer(r) for r in spec.runs}
    a = runner.run(ours, opts, starts_array(spec), 300)
    b = runner.run(theirs, opts, starts_array(spec), 300)
    for label in opts:
        np.testing.assert_allclose(a[label].points, b[label].points, rtol=1e-9, atol=1e-12)
