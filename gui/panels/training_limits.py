"""The training tab's stability line: the full-batch curvature at the start weights
and each trained run's learning rate against its critical η there."""

from __future__ import annotations

import html
import math


def limits_html(limits) -> str:
    """λmax of the full-batch loss at the start weights, and each run's η against
    its critical η there (power iteration on Hessian–vector products)."""
    if limits is None:
        return ""
    rows = [f"<b>curvature at the start</b>: λmax(H) = {limits.lam_max:.4g} "
            "<span style='color:#a0a0a8'>(power iteration, full batch)</span>"]
    for label, critical in limits.critical.items():
        lr = limits.lrs[label]
        if math.isnan(critical):
            verdict = "no closed-form limit"
        elif math.isinf(critical):
            verdict = "no limit"
        else:
            over = lr > critical
            mark = "<span style='color:#e5534b'>⚠ above it</span>" if over else "✓"
            verdict = f"η = {lr:.3g} vs critical {critical:.3g} {mark}"
        rows.append(f"{html.escape(label)}: {verdict}")
    return "<br>".join(rows)
