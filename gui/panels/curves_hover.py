"""The curves' hover read-out: a dashed line at the step under the mouse, in
every plot, and in the hovered plot every run's value there."""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF

from gui.app.i18n import translate, translated
from gui.panels.curves_plots import PLOTS


class CurvesHover:
    """Mixed into ``CurvesPanel``: needs ``canvas``, ``series``, ``model`` and
    ``loss_offset()``; ``_build_hover`` makes the read-out."""

    def _build_hover(self) -> None:
        self.hover_text = pg.TextItem(anchor=(0, 0), fill=pg.mkBrush(20, 20, 28, 225),
                                      border=pg.mkPen("#60606c"))
        self.hover_text.setZValue(100)
        self.hover_text.hide()
        self.hover_key = ""
        self.canvas.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def values_at(self, step: int) -> dict[str, dict[int, float]]:
        """Every plot's value of every run at the kept sample nearest ``step``
        (the loss as the axis names it: f, or f − f*); NaN past the run's last
        step (the step axis spans the whole race)."""
        out: dict[str, dict[int, float]] = {key: {} for key, _, _ in PLOTS}
        offset = self.loss_offset()
        for index, c in self.series.items():
            if not len(c.steps):
                continue
            if step > c.steps[-1] + max(1, self.canvas.steps // 100):  # not run yet
                for key in out:
                    out[key][index] = math.nan
                continue
            k = int(np.clip(np.searchsorted(c.steps, step), 0, len(c.steps) - 1))
            if k > 0 and abs(c.steps[k - 1] - step) < abs(c.steps[k] - step):
                k -= 1
            out["loss"][index] = float(c.loss[k] - offset)
            out["grad_norm"][index] = float(c.grad_norm[k])
            out["effective_lr"][index] = float(c.effective_lr[k])
            if c.distance is not None:
                out["distance"][index] = float(c.distance[k])
        return out

    def _on_mouse_moved(self, pos: QPointF) -> None:
        for key, plot in self.plots.items():
            if plot.sceneBoundingRect().contains(pos):
                step = round(plot.getViewBox().mapSceneToView(pos).x())
                self.show_hover(key, step)
                return
        self.hide_hover()

    def show_hover(self, key: str, step: int) -> None:
        """Show the dashed line at ``step`` and, in plot ``key``, all runs' values there."""
        values = self.values_at(step)[key]
        runs = self.model.spec.runs
        head = translate("CurvesPanel", "step {step}").format(step=step)
        lines = [f"<b>{head}</b>"] + [
            f"<span style='color:{runs[i].color}'>■</span> "
            f"{html.escape(translated('core', runs[i].label))}: "
            f"{shown_value(v)}" for i, v in values.items()]
        self.hover_text.setHtml("<br>".join(lines))
        vb = self.plots[key].getViewBox()
        if self.hover_text.parentItem() is not vb:
            self.hover_text.setParentItem(vb)
        self.hover_text.setPos(6, 4)
        self.hover_text.show()
        self.hover_key = key
        for line in self.hover_lines.values():
            line.setValue(step)
            line.show()

    def hide_hover(self) -> None:
        self.hover_text.hide()
        self.hover_key = ""
        for line in self.hover_lines.values():
            line.hide()


def shown_value(v: float) -> str:
    """A hovered value: NaN (no step yet at step 0, or none after a run
    diverged) reads as a dash, never "nan"."""
    return "—" if math.isnan(v) else f"{v:.4g}"
