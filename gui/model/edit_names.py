"""What the Edit menu calls each edit ("Undo change η of Adam"), and the start grid."""

from __future__ import annotations

import numpy as np

from optim_core import optimizers, surfaces
from optim_core.experiment.spec import CLASSIFIER, ExperimentSpec, RunSpec
from optim_core.experiment.state.runs import kind_title


def opening(spec: ExperimentSpec) -> str:
    return f"open {spec.title or 'experiment'}"


def adding(kind: str) -> str:
    return f"add {kind_title(kind)}"


def kind_change(label: str, kind: str) -> str:
    return f"change the kind of {label} to {kind_title(kind)}"


def hyper_change(run: RunSpec, name: str) -> str:
    """'change η of Adam': the hyper-parameter's symbol where it has one."""
    specs = {h.name: h for h in optimizers.hyper_specs(run.kind)}
    h = specs.get(name)
    shown = (h.symbol or h.label) if h is not None else name
    return f"change {shown} of {run.label}"


def surface_change(name: str) -> str:
    title = "the classifier slice" if name == CLASSIFIER else surfaces.get(name).title
    return f"switch to {title}"


def slice_change(fields: dict) -> str:
    return f"change the slice's {', '.join(fields)}"


def grid_points(x0: float, y0: float, x1: float, y1: float, n: int) -> np.ndarray:
    """``(n², 2)`` points spread over the rectangle, corners included."""
    xs = np.linspace(min(x0, x1), max(x0, x1), n)
    ys = np.linspace(min(y0, y1), max(y0, y1), n)
    X, Y = np.meshgrid(xs, ys)
    return np.stack([X.ravel(), Y.ravel()], axis=-1)
