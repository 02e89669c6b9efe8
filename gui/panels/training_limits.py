"""The training tab's stability line: the full-batch curvature at the start weights
and each trained run's learning rate against its critical η there."""

from __future__ import annotations

import html
import math

from gui.app.i18n import translate, translated


def limits_html(limits) -> str:
    """λmax of the full-batch loss at the start weights, and each run's η against
    its critical η there (power iteration on Hessian–vector products)."""
    if limits is None:
        return ""
    head = translate("TrainingPanel", "curvature at the start")
    note = translate("TrainingPanel", "(power iteration, full batch)")
    rows = [f"<b>{html.escape(head)}</b>: λmax(H) = {limits.lam_max:.4g} "
            f"<span style='color:#a0a0a8'>{html.escape(note)}</span>"]
    for label, critical in limits.critical.items():
        lr = limits.lrs[label]
        if math.isnan(critical):
            verdict = html.escape(translate("TrainingPanel", "no closed-form limit"))
        elif math.isinf(critical):
            verdict = html.escape(translate("TrainingPanel", "no limit"))
        else:
            above = html.escape(translate("TrainingPanel", "above it"))
            mark = "✓" if lr <= critical else f"<span style='color:#e5534b'>⚠ {above}</span>"
            text = translate("TrainingPanel", "η = {lr} vs critical {critical}").format(
                lr=f"{lr:.3g}", critical=f"{critical:.3g}")
            verdict = f"{html.escape(text)} {mark}"
        rows.append(f"{html.escape(translated('core', label))}: {verdict}")
    return "<br>".join(rows)
