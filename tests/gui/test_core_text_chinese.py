"""The text ``optim_core`` and the presets bring has Chinese under zh_CN.

The registries (every optimizer's label, summary, formula words and
hyper-parameters, every surface's texts) and every bundled preset's title,
notes, lesson and run labels are walked here, so a new optimizer, surface or preset
without a translation fails at once, naming the text.
"""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from gui.app import i18n
from gui.app.app import set_language
from gui.app.core_text import hyper_symbol
from gui.app.terms import english_words, has_chinese
from optim_core import optimizers, surfaces
from optim_core.experiment import file as ef
from optim_core.experiment.spec import Lesson


@pytest.fixture(scope="module")
def chinese(qapp):
    font = qapp.font()
    assert set_language(qapp, i18n.CHINESE) == i18n.CHINESE
    yield
    set_language(qapp, i18n.ENGLISH)
    qapp.setFont(font)


def untranslated(texts: list[str]) -> list[str]:
    """The texts with English words whose Chinese has no Chinese in it."""
    return [t for t in texts if english_words(t)
            and not has_chinese(i18n.translated("core", t))]


def registration_texts(kind: str) -> list[str]:
    k = optimizers.kind_of(kind)
    out = [k.label, k.summary, k.formula, k.untrainable_reason]
    for h in k.hyper:
        out += [h.label, hyper_symbol(h)]
    return [t for t in out if t]


@pytest.mark.parametrize("kind", optimizers.names())
def test_every_optimizer_registration_has_chinese(chinese, kind):
    assert not untranslated(registration_texts(kind))


def test_a_hyper_parameter_without_a_symbol_is_shown_by_its_label(chinese):
    adam = {h.name: h for h in optimizers.hyper_specs("adam")}
    assert hyper_symbol(adam["beta1"]) == "β₁"
    assert hyper_symbol(adam["bias_correction"]) == "偏差修正"


@pytest.mark.parametrize("name", surfaces.names())
def test_every_surface_has_chinese(chinese, name):
    s = surfaces.get(name)
    assert not untranslated([s.title, s.description, *(p.label for p in surfaces.params(name))])


@pytest.mark.parametrize("path", ef.presets(), ids=lambda p: p.name.split(".")[0])
def test_every_preset_lesson_has_chinese(chinese, path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    parts = [doc["lesson"].get(f.name, "") for f in fields(Lesson)]
    assert all(parts), f"{path.name}: a lesson part is empty"
    labels = [run["label"] for run in doc["runs"]]
    assert not untranslated([doc["title"], doc["notes"], *parts, *labels])


def test_a_text_nobody_translated_is_caught(chinese):
    assert untranslated(["A lesson part nobody translated"])
