"""What the Edit menu calls each edit ("Undo change η of Adam"), in the
interface language, and the start grid a Shift+drag seeds."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.app.core_text import hyper_symbol
from gui.app.i18n import translate, translated
from optim_core import optimizers, surfaces
from optim_core.experiment.spec import CLASSIFIER, ExperimentSpec, RunSpec
from optim_core.experiment.state.runs import kind_title

#: Edits of one run, by what the model's method does.
RUN_STEPS = {
    "duplicate": QT_TRANSLATE_NOOP("Edits", "duplicate {run}"),
    "remove": QT_TRANSLATE_NOOP("Edits", "remove {run}"),
    "enable": QT_TRANSLATE_NOOP("Edits", "enable {run}"),
    "disable": QT_TRANSLATE_NOOP("Edits", "disable {run}"),
    "recolour": QT_TRANSLATE_NOOP("Edits", "recolour {run}"),
    "rename": QT_TRANSLATE_NOOP("Edits", "rename {run}"),
}
#: Edits with nothing to name.
STEPS = {
    "grid": QT_TRANSLATE_NOOP("Edits", "change the grid"),
    "start": QT_TRANSLATE_NOOP("Edits", "move the start"),
    "seed": QT_TRANSLATE_NOOP("Edits", "seed a grid of starts"),
    "drag": QT_TRANSLATE_NOOP("Edits", "drag the start"),
    "steps_per_frame": QT_TRANSLATE_NOOP("Edits", "change steps per frame"),
    "max_steps": QT_TRANSLATE_NOOP("Edits", "change the maximum steps"),
    "view": QT_TRANSLATE_NOOP("Edits", "change the colours"),
    "gradcheck": QT_TRANSLATE_NOOP("Edits", "change the gradient check"),
    "training": QT_TRANSLATE_NOOP("Edits", "change the training"),
    "internals": QT_TRANSLATE_NOOP("Edits", "change the drawn internals"),
}


def step(key: str) -> str:
    return translate("Edits", STEPS[key])


def of_run(verb: str, label: str) -> str:
    return translate("Edits", RUN_STEPS[verb]).format(run=translated("core", label))


def opening(spec: ExperimentSpec) -> str:
    title = translated("core", spec.title) if spec.title else translate("Edits", "experiment")
    return translate("Edits", "open {title}").format(title=title)


def adding(kind: str) -> str:
    return translate("Edits", "add {kind}").format(kind=translated("core", kind_title(kind)))


def kind_change(label: str, kind: str) -> str:
    return translate("Edits", "change the kind of {run} to {kind}").format(
        run=translated("core", label), kind=translated("core", kind_title(kind)))


def hyper_change(run: RunSpec, name: str) -> str:
    """'change η of Adam': the hyper-parameter's symbol where it has one."""
    h = {h.name: h for h in optimizers.hyper_specs(run.kind)}.get(name)
    shown = hyper_symbol(h) if h is not None else name
    return translate("Edits", "change {symbol} of {run}").format(
        symbol=shown, run=translated("core", run.label))


def surface_change(name: str) -> str:
    title = (translate("Edits", "the classifier slice") if name == CLASSIFIER
             else translated("core", surfaces.get(name).title))
    return translate("Edits", "switch to {surface}").format(surface=title)


def surface_param(name: str) -> str:
    return translate("Edits", "change {name} of the surface").format(name=name)


def typed(text: str) -> str:
    return translate("Edits", "type f(x, y) = {text}").format(text=text)


def slice_change(fields: dict) -> str:
    return translate("Edits", "change the slice's {fields}").format(fields=", ".join(fields))


def grid_points(x0: float, y0: float, x1: float, y1: float, n: int) -> np.ndarray:
    """``(n², 2)`` points spread over the rectangle, corners included."""
    xs = np.linspace(min(x0, x1), max(x0, x1), n)
    ys = np.linspace(min(y0, y1), max(y0, y1), n)
    X, Y = np.meshgrid(xs, ys)
    return np.stack([X.ravel(), Y.ravel()], axis=-1)
