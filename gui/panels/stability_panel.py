"""Where η breaks: the local quadratic model at the selected run's head and at
each known minimum, and what it says of the run's learning rate.

Shows λmin, λmax and κ of the Hessian there; the critical η of the run's
kind against its η; for SGD the best constant η and its contraction rate;
for adaptive kinds their per-coordinate step against 2/λ along each
eigenvector. Redrawn from the model (selection, hyper-parameters, steps —
at most ten times a second while a race plays), holding nothing itself.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.app.i18n import translate, translated
from optim_core.analysis import stability
from optim_core.analysis.local_stability import LocalStability

#: Longest wait between a step and the panel showing it, in ms.
REFRESH_MS = 100
WARN, OK = "#ff5252", "#7ee787"


def fmt(v: float) -> str:
    if math.isnan(v):
        return "—"
    if math.isinf(v):
        return "∞"
    return f"{v:.4g}".replace("-", "−")


class StabilityPanel(QWidget):
    """The report of ``model.stability`` for ``model.internals.selected``."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (model.internals.selected_changed, model.hyper_changed,
                       model.runs_changed, model.grid_ready, model.trajectories_changed,
                       model.spec_replaced, model.stepped):
            signal.connect(self._schedule)
        self.refresh()

    def _schedule(self, *_) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        m = self.model
        runs = m.spec.runs
        index = m.internals.selected
        if not runs or m.surface is None:
            self.text.setText(translate("StabilityPanel", "No surface or run yet."))
            return
        run = runs[index]
        head = m.stability.at_head(index)
        where = translate("StabilityPanel", "at its head, step {step}").format(step=m.step)
        parts = [f"<b>{html.escape(translated('core', run.label))}</b> · {html.escape(where)}"]
        parts.append(self._report(run.kind, head) if head is not None else html.escape(
            translate("StabilityPanel", "stopped: no curvature to show")))
        for k, report in enumerate(m.stability.at_minima(index)):
            title = translate("StabilityPanel", "at minimum {number} {point}").format(
                number=k + 1, point=f"({fmt(report.point[0])}, {fmt(report.point[1])})")
            parts.append(f"<br><b>{html.escape(title)}</b>"
                         + self._report(run.kind, report, brief=True))
        self.text.setText("".join(parts))

    def _report(self, kind: str, r: LocalStability, brief: bool = False) -> str:
        q = r.rates
        rows = [("λmin, λmax", f"{fmt(q.lam_min)}, {fmt(q.lam_max)}"), ("κ", fmt(q.kappa))]
        formula = stability.LIMIT_FORMULAS.get(kind)
        critical = translate("StabilityPanel", "critical η")
        if formula is not None or math.isinf(r.critical_lr):
            rows.append((critical + (f" = {formula}" if formula else ""),
                         f"{fmt(r.critical_lr)}{self._verdict(r)}"))
        if kind == "sgd" and not brief:
            rows.append((translate("StabilityPanel", "best constant η = 2/(λmin + λmax)"),
                         fmt(q.best_lr)))
            rows.append((translate("StabilityPanel", "its rate (κ − 1)/(κ + 1) per step"),
                         fmt(q.rate)))
        if r.adaptive is not None and not brief:
            rows.extend(self._adaptive_rows(r))
        elif math.isnan(r.critical_lr) and not brief:
            rows.append((critical, translate("StabilityPanel", "no closed form for this kind")))
        cells = "".join(f"<tr><td>{html.escape(a)}</td><td>&nbsp;{b}</td></tr>" for a, b in rows)
        return f"<table>{cells}</table>"

    def _verdict(self, r: LocalStability) -> str:
        if math.isnan(r.lr) or not math.isfinite(r.critical_lr):
            return ""
        if r.too_large:
            above = html.escape(translate("StabilityPanel", "is above it"))
            return f" <span style='color:{WARN}'>⚠ η = {fmt(r.lr)} {above}</span>"
        return f" <span style='color:{OK}'>η = {fmt(r.lr)} ✓</span>"

    def _adaptive_rows(self, r: LocalStability) -> list[tuple[str, str]]:
        a = r.adaptive
        rows = []
        for k in range(len(a.eigenvalues)):
            u = a.eigenvectors[:, k]
            over = a.along[k] > a.limits[k]
            colour, sign = (WARN, "&gt;") if over else (OK, "≤")
            name = translate("StabilityPanel", "along u{k} = ({x}, {y})").format(
                k=k + 1, x=fmt(u[0]), y=fmt(u[1]))
            rows.append((name, f"<span style='color:{colour}'>η_eff {fmt(a.along[k])}</span> "
                               f"{sign} 2/λ{k + 1} = {fmt(a.limits[k])}"))
        rows.append((translate("StabilityPanel", "λmax of D½HD½ (stable below 2)"),
                     fmt(a.lam_scaled)))
        return rows
