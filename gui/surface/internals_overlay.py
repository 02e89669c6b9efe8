"""The internals on the surface view: what each run's next update is made of,
and the explained step with its formula, both drawn from the model.

``InternalsOverlay`` owns the ``InternalsLayer`` and the formula box. The
view calls ``redraw(traces)`` whenever it redraws the runs (every frame,
scrub, drag and new surface), so the arrows follow the heads; the model's
``internals.changed`` and ``explain_changed`` redraw it too. It reads
``optim_core.analysis.head_internals`` for the vectors; it keeps no
settings of its own.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from gui.app.i18n import translate, translated
from gui.surface.internals_layer import FORMULA_FONTS, Glyph, InternalsLayer
from optim_core.analysis import head_internals

#: At most this many heads get text labels beside their arrows.
LABELLED_HEADS = 4


def piece_labels(kind: str) -> dict[str, str]:
    """The short names written beside each arrow of ``kind``."""
    velocity = "−ηm̂" if kind in ("adam", "adamw") else (
        "−ηv" if kind in head_internals.AVERAGED_VELOCITY else "v")
    return {"step": "Δx", "gradient_term": "−ηg", "velocity": velocity, "newton_step": "Newton",
            "direction": "d", "carried": velocity + " before"}


def stage_title(name: str) -> str:
    return {
        "gradient": translate("Explain", "the gradient"),
        "velocity": translate("Explain", "the velocity blend"),
        "adaptive": translate("Explain", "the adaptive division"),
        "curvature": translate("Explain", "Newton: the curvature"),
        "direction": translate("Explain", "L-BFGS: the direction"),
        "step": translate("Explain", "the final step"),
    }.get(name, name)


class InternalsOverlay:
    """Internals arrows and the explained step over ``viewbox`` for ``model``."""

    def __init__(self, viewbox: pg.ViewBox, model, redraw_view):
        self.model = model
        self.layer = InternalsLayer()
        self.layer.setZValue(22)
        viewbox.addItem(self.layer, ignoreBounds=True)
        #: The explained step's stages and formulas: a strip under the plot (the view
        #: puts it in its layout), so it never covers the arrows it explains.
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setWordWrap(True)
        self.formula.setStyleSheet("QLabel { background: #101018; color: #e8e8e8; "
                                   "padding: 6px 10px; border-top: 1px solid #34343e; }")
        self.formula.hide()
        model.internals.changed.connect(redraw_view)
        model.internals.explain_changed.connect(redraw_view)

    def redraw(self, traces) -> None:
        """The glyphs of every shown run, or of the explained stage."""
        iv = self.model.internals
        if iv.explaining:
            self._show_explained(traces)
            return
        self.formula.hide()
        if not iv.shown or self.model.race is None:
            self.layer.set_glyphs([])
            return
        self.layer.set_glyphs(self._glyphs(traces, set(iv.pieces)))

    def _glyphs(self, traces, pieces: set[str]) -> list[Glyph]:
        race, out = self.model.race, []
        shown = [tr for tr in traces if tr.enabled and len(tr.points)
                 and self.model.spec.runs[tr.index].internals]
        heads = sum(len(tr.diverged_at) for tr in shown)
        for tr in reversed(shown):
            label = self.model.race_label(tr.index)
            if label not in race.labels:
                continue
            kind = self.model.spec.runs[tr.index].kind
            head = head_internals.at_heads(race, label)
            lr = race.optimizer(label).values_at(race.step + 1).get("lr", 1.0)
            vectors = head_internals.drawn(kind, head.vectors, lr)
            names = piece_labels(kind) if heads <= LABELLED_HEADS else {}
            for s in np.flatnonzero(np.asarray(tr.diverged_at) < 0):
                arrows = {k: v[s] for k, v in vectors.items() if k in pieces and k != "scale"}
                box = vectors["scale"][s] if "scale" in pieces and "scale" in vectors else None
                out.append(Glyph(head.points[s], tr.color, arrows, box, names))
        return out

    def _show_explained(self, traces) -> None:
        iv = self.model.internals
        step = iv.explained
        index = iv.selected
        color = self.model.spec.runs[index].color
        stage = step.stages[iv.stage]
        self.layer.set_glyphs([Glyph(step.point, color, dict(stage.arrows), stage.box,
                                     piece_labels(step.kind))])
        label = translated("core", self.model.spec.runs[index].label)
        self.formula.setText(explain_html(step, iv.stage, label))
        self.formula.show()


def explain_html(step, current: int, label: str) -> str:
    """The current stage with its formulas and the run's numbers, the stages
    before it by name, and what the keys do."""
    stage = step.stages[current]
    head = translate("Explain", "One step, explained: {run}, t = {t} — stage {stage} of {of}:"
                     ).format(run=label, t=step.t, stage=current + 1, of=len(step.stages))
    rows = [f"<b>{html.escape(head)} {html.escape(stage_title(stage.name))}</b>"]
    rows += [f"&nbsp;&nbsp;{html.escape(line)}" for line in stage.lines]
    done = " · ".join(f"{k + 1}. {stage_title(s.name)}" for k, s in enumerate(
        step.stages[:current]))
    more = (translate("Explain", "→ next stage") if current + 1 < len(step.stages)
            else translate("Explain", "→ take the step"))
    leave = translate("Explain", "Esc leaves")
    keys = f"{more} · {leave}"
    rows.append(f"<span style='color:#a8a8b4'>{html.escape(done + '   ' if done else '')}"
                f"{html.escape(keys)}</span>")
    fonts = ", ".join(f"'{f}'" for f in FORMULA_FONTS)
    return (f"<div style=\"font-size:10pt; font-family:{fonts}\">" + "<br>".join(rows)
            + "</div>")
