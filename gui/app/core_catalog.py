"""Every text ``optim_core`` and the bundled presets show, read from their registries.

``optim_core`` cannot call Qt, so its text is translated where the GUI shows
it (``gui.app.i18n.translated``). This catalog tells ``lupdate`` what that
text is: ``scripts/update_translations.py`` writes ``entries()`` into
``gui/app/core_strings.py`` as ``QT_TRANSLATE_NOOP`` lines, and a test checks
that file is fresh. ``TEMPLATES`` are the core's format strings
(``"{dataset}: {loss} slice"``): a text built from one is translated by
translating the template and each field.
"""

from __future__ import annotations

import json
from dataclasses import fields

from gui.app.terms import english_words
from gui.export import export_messages
from gui.model import workers
from optim_core import bounded_read, gradcheck, optimizers, runner, schedules, surfaces
from optim_core.analysis import explain
from optim_core.analysis import gradcheck_targets as targets
from optim_core.classifier import data_messages, minibatch, slices
from optim_core.classifier.train import DIVERGED as TRAINING_DIVERGED
from optim_core.experiment import centre, file_messages, spec
from optim_core.experiment import file as ef
from optim_core.experiment.spec import Lesson, default_experiment
from optim_core.experiment.state import experiment, surface_jobs
from optim_core.optimizers import hyper
from optim_core.render import heights
from optim_core.surfaces import expression_messages
from optim_core.training import sanity

#: The translation context of all core text.
CONTEXT = "core"
#: A run label made unique by a number ("Momentum 2"), as new and duplicated runs get.
COPY_LABEL = "{label} {copy:d}"
#: The parts of a preset's lesson, in the order the Lesson panel shows them.
LESSON_PARTS = tuple(f.name for f in fields(Lesson))
#: Format strings of the core (a text is read by the most literal one it fits).
TEMPLATES: tuple[str, ...] = (
    minibatch.TITLE, minibatch.DESCRIPTION, slices.TITLE, slices.DESCRIPTION, slices.SVM_LOSS,
    targets.TOY_TITLE, targets.CLASSIFIER_TITLE, targets.BIAS_NAME, targets.DATA_BUG,
    sanity.INITIAL_VERDICT, sanity.OVERFIT_VERDICT,
    heights.LABEL, heights.LOG_LABEL, heights.CLIPPED_LABEL,
    COPY_LABEL, spec.LOADING, centre.NOT_USED, centre.OTHER_SHAPE, surface_jobs.GRID_TEXT,
    experiment.RACE_TITLE, experiment.SLICE_RACE_TITLE, experiment.TYPED_RACE_TITLE,
    *expression_messages.TEMPLATES, *file_messages.TEMPLATES, *data_messages.TEMPLATES,
    *bounded_read.TEMPLATES, *hyper.TEMPLATES, explain.STOPPED, TRAINING_DIVERGED,
    minibatch.BATCH_SIZE, *export_messages.TEMPLATES, *schedules.TEMPLATES,
    *surfaces.TEMPLATES,
)


def _surface_texts() -> list[str]:
    out = []
    for name in surfaces.names():
        s = surfaces.get(name)
        out += [s.title, s.description, *(p.label for p in surfaces.params(name))]
    return out


def _optimizer_texts() -> list[str]:
    out = []
    for kind in optimizers.names():
        out.append(optimizers.label(kind))  # also each new run's label
        out += [h.label for h in optimizers.hyper_specs(kind)]
        out.append(optimizers.summary(kind))
        out.append(optimizers.kind_of(kind).untrainable_reason)
        if english_words(optimizers.formula(kind)):  # the formula box's words
            out.append(optimizers.formula(kind))
    return out


def _check_texts() -> list[str]:
    return [
        gradcheck.WRONG, gradcheck.DOUBTFUL, gradcheck.KINK, gradcheck.RIGHT,
        *targets.PART_TITLES.values(), *targets.LOSS_TITLES.values(),
        targets.TOY_BUG, targets.REG_BUG,
        sanity.INITIAL_OK, sanity.INITIAL_BAD, sanity.OVERFIT_OK, sanity.OVERFIT_BAD,
        runner.REASON_POINT, runner.REASON_BOX, runner.REASON_VALUE, runner.REASON_GRAD,
        runner.REASON_LOSS, centre.TRAINING, centre.OTHER_DATA, centre.OTHER_LOSS,
        centre.OTHER_REG, centre.OTHER_SEED, surface_jobs.PREVIEW_TEXT, surface_jobs.CONTOURS_TEXT,
        *expression_messages.FIXED, *experiment.LOSS_NAMES.values(),
        *file_messages.FIXED, *data_messages.FIXED, *bounded_read.FIXED, *export_messages.FIXED,
        workers.BUG,
    ]


def _preset_texts() -> list[str]:
    """Each preset's title, notes, lesson (what to look at, what to try, why) and
    the run labels that have words in them ("Momentum μ=0.9")."""
    out = [default_experiment().title]
    for path in ef.presets():
        doc = json.loads(path.read_text(encoding="utf-8"))
        lesson = doc.get("lesson", {})
        out += [doc.get("title", ""), doc.get("notes", ""),
                *(lesson.get(part, "") for part in LESSON_PARTS),
                *(r["label"] for r in doc.get("runs", []) if english_words(r["label"]))]
    return out


def entries() -> list[str]:
    """Every core text and template once, in a stable order (registry order)."""
    texts = [*_surface_texts(), *_optimizer_texts(), *_check_texts(), *TEMPLATES,
             *_preset_texts()]
    return list(dict.fromkeys(t for t in texts if t))


def render(texts: list[str]) -> str:
    """The source of ``gui/app/core_strings.py`` listing ``texts`` for ``lupdate``."""
    lines = [
        '"""Generated by scripts/update_translations.py from gui.app.core_catalog: do not edit.',
        "",
        "The text optim_core and the presets show, marked for pyside6-lupdate; the GUI",
        "translates it where it is shown (gui.app.i18n.translated).",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "CORE_STRINGS = (",
    ]
    lines += [f"    QT_TRANSLATE_NOOP({CONTEXT!r}, {json.dumps(t, ensure_ascii=False)}),"
              for t in texts]
    lines.append(")")
    return "\n".join(lines) + "\n"
