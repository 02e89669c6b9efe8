"""The curves' axes: the loss axis (log or symmetric log), the step axis, their labels.

The loss axis is a ``LogAxis`` that also ticks a symmetric log
(``optim_core.analysis.loss_scale``): at 0 and ±c·10ᵏ, labelled with the
values themselves. Labels name the surface's function: f on a toy surface,
L on a classifier slice, and say what the loss plot subtracts and how it maps.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.app.i18n import translated
from gui.widgets.log_axis import LogAxis, number_text
from optim_core.analysis import loss_scale

# Pixels of axis per symmetric-log label, at least.
LABEL_SPACING_PX = 26
#: Said in the loss axis's label when it draws a symmetric log.
SYMLOG_NOTE = QT_TRANSLATE_NOOP("CurvesPanel", "symmetric log")


class LossAxis(LogAxis):
    """A ``LogAxis`` that ticks a symmetric log of threshold ``threshold`` when set."""

    def __init__(self, orientation: str = "left", **kwargs):
        super().__init__(orientation, **kwargs)
        self.threshold: float | None = None

    def set_symlog(self, threshold: float | None) -> None:
        """Tick a symmetric log of ``threshold`` c, or (None) as usual."""
        if threshold != self.threshold:
            self.threshold = threshold
            self.picture = None
            self.update()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph's name
        if self.threshold is None or self.logMode:
            return super().tickValues(minVal, maxVal, size)
        lo, hi = sorted((minVal, maxVal))
        mapped = symlog_ticks(self.threshold, max(abs(lo), abs(hi)))
        ticks = [v for v in mapped if lo <= v <= hi]
        gap = LABEL_SPACING_PX * (hi - lo) / max(size, 1.0)
        labelled: list[float] = []
        for v in sorted(ticks, key=lambda v: (v != 0, -abs(v))):  # 0, then the largest
            if all(abs(v - w) >= gap for w in labelled):
                labelled.append(v)
        return [(1.0, sorted(labelled)), (None, [v for v in ticks if v not in labelled])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        if self.threshold is None or self.logMode:
            return super().tickStrings(values, scale, spacing)
        back = loss_scale.symlog_inverse(np.asarray(values, dtype=float), self.threshold)
        return ["0" if v == 0 else number_text(float(v)).replace("-", "−") for v in back]


def symlog_ticks(c: float, reach: float) -> list[float]:
    """Positions (symlog-mapped) of 0 and ±c·10ᵏ up to ``reach`` (a mapped value),
    ascending."""
    powers = [c * 10.0 ** k for k in range(0, max(0, math.ceil(reach)) + 2)]  # symlog(c·10ᵏ) ≈ k
    mapped = [float(loss_scale.symlog(p, c)) for p in powers]
    return sorted([-m for m in mapped] + [0.0] + mapped)


def function_letter(surface) -> str:
    """L on a classifier slice (a loss over weights), f on a toy surface."""
    return "L" if hasattr(surface, "W0") else "f"


def loss_label(letter: str, scale: loss_scale.LossScale) -> str:
    """The loss axis's label: what is drawn, e.g. ``f − f*`` or ``L (symmetric log)``."""
    text = f"{letter} − {letter}*" if scale.offset or scale.mode == loss_scale.GAP else letter
    if scale.mode == loss_scale.SYMLOG:
        text += f" ({translated('CurvesPanel', SYMLOG_NOTE)})"
    return text


def style_step_axis(axis) -> None:
    """Steps are counts: no SI prefix ("step (x0.001)" at step 0)."""
    axis.enableAutoSIPrefix(False)
