"""What the gradient-check panel checks: a function, its analytic gradient, a point.

A ``GradTarget`` bundles f, ∇f and the point x for ``optim_core.gradcheck``:

* ``toy_target(surface, xy)`` — the two coordinates of a toy surface at a point;
* ``classifier_target(model, W, part)`` — a linear classifier's weights, with
  the data loss, the regularizer λ‖W‖² or their sum checked separately, and
  for the SVM a kink flag: W[d, k] ± h moves hinge margins by ±h·X[n, d], and
  a margin that changes sign inside that window makes the numeric gradient
  average two slopes (``LinearClassifier.crosses_kink``).

Each target also carries a **planted bug**, a classic mistake applied to the
analytic gradient so a student sees what a wrong gradient looks like (the
description is shown as a tooltip).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from optim_core import gradcheck

PARTS = ("data", "reg", "total")
PART_TITLES = {"data": "data loss", "reg": "regularization λ‖W‖²", "total": "data + reg"}

LOSS_TITLES = {"softmax": "softmax", "svm": "multiclass SVM"}
#: Titles, coordinate names and planted bugs, filled in per target (the GUI
#: translates them as templates).
TOY_TITLE = "{surface} at ({x:.4g}, {y:.4g})"
CLASSIFIER_TITLE = "{loss}: {part}"
BIAS_NAME = "{w} (bias)"
TOY_BUG = "Planted bug: ∇f is halved, as when the 2 of d(x²)/dx = 2x is forgotten."
REG_BUG = "Planted bug: the regularizer's gradient is λW instead of 2λW (a lost factor 2)."
DATA_BUG = ("Planted bug: the data-loss gradient is summed over the {n} samples instead of "
            "averaged (the 1/N forgotten).")
Grad = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class GradTarget:
    title: str
    x: np.ndarray  # the point: (2,) for a toy, (D, K) for the classifier
    f: Callable[[np.ndarray], float]
    grad: Grad
    buggy_grad: Grad  # ``grad`` with the planted bug
    bug: str  # what the planted bug is, in words
    name: Callable[[tuple[int, ...]], str]  # a coordinate's name, e.g. "W[3, 7]"
    #: ``kink(index, h, x)``: does x ± h·e_index cross a kink? None for smooth targets.
    kink: Callable[[tuple[int, ...], float, np.ndarray], bool] | None = None


@dataclass(frozen=True)
class GradTable:
    """One check of a target: ``rows`` exactly as ``gradcheck.check`` returned them."""

    title: str
    rows: list[gradcheck.CheckRow]
    names: list[str]
    kinks: list[bool] | None  # None where the target has no kinks
    h: float
    centered: bool
    planted_bug: bool

    @property
    def worst(self) -> float:
        return max((r.rel_error for r in self.rows), default=0.0)


def toy_target(surface, xy) -> GradTarget:
    """The two coordinates of ``surface`` at ``xy: (2,)``. The planted bug halves
    the gradient (the 2 of d(x²)/dx = 2x forgotten)."""
    x = np.asarray(xy, dtype=float).reshape(2)
    kink = _toy_kink(surface) if getattr(surface, "has_kinks", False) else None

    def grad(p):
        return np.asarray(surface.grad(p), dtype=float)

    return GradTarget(
        title=TOY_TITLE.format(surface=getattr(surface, "title", "surface"), x=x[0], y=x[1]),
        x=x, f=lambda p: float(surface.value(p)), grad=grad,
        buggy_grad=lambda p: 0.5 * grad(p),
        bug=TOY_BUG,
        name=lambda i: "xy"[i[0]], kink=kink)


def _toy_kink(surface) -> Callable[[tuple[int, ...], float, np.ndarray], bool]:
    """Does x ± h·e_i cross a kink? A typed surface knows where its kinks are
    (``crosses_kink``); for the kinked toy (|x| + 2|y|) ∂f/∂x_i changes sign there."""
    if hasattr(surface, "crosses_kink"):
        return lambda index, h, x: surface.crosses_kink(x, index[0], h)

    def kink(index: tuple[int, ...], h: float, x: np.ndarray) -> bool:
        e = np.zeros(2)
        e[index[0]] = h
        lo, hi = surface.grad(x - e)[index[0]], surface.grad(x + e)[index[0]]
        return bool(np.sign(lo) != np.sign(hi))

    return kink


def classifier_target(model, W: np.ndarray, part: str = "data") -> GradTarget:
    """``model``'s ``part`` ("data", "reg" or "total") at ``W: (D, K)``.

    Planted bugs: for the data loss (and the total) the gradient is summed over
    the N samples instead of averaged (×N); for the regularizer it is λW
    instead of 2λW.
    """
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, got {part!r}")
    fn = {"data": model.data_loss_and_grad, "reg": model.reg_loss_and_grad,
          "total": model.loss_and_grad}[part]
    N = model.num_samples
    if part == "reg":
        bug = REG_BUG

        def buggy(W_):
            return 0.5 * fn(W_)[1]
    else:
        bug = DATA_BUG.format(n=N)

        def buggy(W_):
            g_reg = model.reg_loss_and_grad(W_)[1] if part == "total" else 0.0
            return N * model.data_loss_and_grad(W_)[1] + g_reg
    smooth = part == "reg" or model.kind != "svm"
    D = model.dim
    return GradTarget(
        title=CLASSIFIER_TITLE.format(loss=LOSS_TITLES[model.kind], part=PART_TITLES[part]),
        x=np.asarray(W, dtype=float),
        f=lambda W_: float(fn(W_)[0]), grad=lambda W_: fn(W_)[1], buggy_grad=buggy, bug=bug,
        name=lambda i: (BIAS_NAME if i[0] == D - 1 else "{w}").format(w=f"W[{i[0]}, {i[1]}]"),
        kink=None if smooth else lambda i, h, x: model.crosses_kink(x, i, h))


def check(target: GradTarget, h: float = 1e-5, centered: bool = True,
          n_samples: int | None = None, seed: int = 0, planted_bug: bool = False) -> GradTable:
    """``gradcheck.check`` of ``target`` (with its planted bug if asked)."""
    grad = target.buggy_grad if planted_bug else target.grad
    rows = gradcheck.check(target.f, grad, target.x, h=h, n_samples=n_samples, seed=seed,
                           centered=centered)
    kinks = None if target.kink is None else [target.kink(r.index, h, target.x) for r in rows]
    return GradTable(target.title, rows, [target.name(r.index) for r in rows], kinks, h,
                     centered, planted_bug)


def h_sweep(target: GradTarget, indices: list[tuple[int, ...]], hs: np.ndarray | None = None,
            centered: bool = True, planted_bug: bool = False
            ) -> tuple[np.ndarray, np.ndarray]:
    """Relative error against h for each coordinate: ``(hs (H,), errors (H, len(indices)))``,
    one ``gradcheck.h_sweep`` per coordinate. Default hs: 1e-12 … 1e-1, 34 steps."""
    hs = np.logspace(-12, -1, 34) if hs is None else np.asarray(hs, dtype=float)
    grad = target.buggy_grad if planted_bug else target.grad
    cols = [gradcheck.h_sweep(target.f, grad, target.x, hs, indices=[i], centered=centered)[1]
            for i in indices]
    return hs, np.stack(cols, axis=1) if cols else np.zeros((len(hs), 0))


def to_csv(table: GradTable) -> str:
    """The table as CSV text (full precision), one row per checked coordinate."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["coordinate", "analytic", "numeric", "relative_error", "verdict", "kink",
                "h", "differences", "planted_bug"])
    for k, (row, name) in enumerate(zip(table.rows, table.names, strict=True)):
        kink = "" if table.kinks is None else str(table.kinks[k]).lower()
        w.writerow([name, repr(row.analytic), repr(row.numeric), repr(row.rel_error),
                    row.verdict, kink, repr(table.h),
                    "centred" if table.centered else "forward", str(table.planted_bug).lower()])
    return out.getvalue()
