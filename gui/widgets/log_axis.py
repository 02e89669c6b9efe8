"""A log-scale axis with readable labels (pyqtgraph labels every minor tick).

Ticks at every m × 10ᵏ (m = 1…9). Labels: on decades (every other or third
one when many are shown), and on 2 and 5 × 10ᵏ when at most three decades
are shown. An axis spanning less than a decade, where fewer than two of those
fall in view (a loss from 2.0 to 3.0, say), is labelled at round linear steps
instead (2, 2.2, 2.4, …). Labels read as numbers to three figures, powers of
ten as 10ᵏ.
"""

from __future__ import annotations

from math import ceil, floor

import numpy as np
import pyqtgraph as pg

#: Decade labels an axis shows at most before it skips some.
MAX_DECADE_LABELS = 6
#: Linear steps tried, as multiples of a power of ten, for an axis within a decade.
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)
#: The most labels an axis within a decade gets.
MAX_FILL_LABELS = 6
SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


class LogAxis(pg.AxisItem):
    """An ``AxisItem`` whose log mode ticks as in the module docstring."""

    def __init__(self, orientation: str = "left", **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        self.setStyle(maxTextLevel=1)

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802 - pyqtgraph's name
        lo, hi = int(floor(minVal)), int(ceil(maxVal))
        decades = [v for v in range(lo, hi + 1) if minVal <= v <= maxVal]
        every = max(1, ceil(len(decades) / MAX_DECADE_LABELS))
        labelled = [float(v) for v in decades if v % every == 0]
        quiet = [float(v) for v in decades if v % every]
        middles = []
        for v in range(lo, hi):
            for m in range(2, 10):
                x = v + float(np.log10(m))
                if minVal < x < maxVal:
                    (middles if m in (2, 5) and hi - lo <= 3 else quiet).append(x)
        if len(labelled) + len(middles) < 2:
            fill = within_decade(10.0 ** minVal, 10.0 ** maxVal)
            return [(1.0, [float(np.log10(v)) for v in fill]), (None, []),
                    (None, labelled + middles + quiet)]
        return [(1.0, labelled), (None, middles), (None, quiet)]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [number_text(10.0 ** float(v) * scale) for v in values]


def within_decade(lo: float, hi: float) -> list[float]:
    """Round values in ``[lo, hi]`` (0 < lo < hi): the largest step from
    ``NICE_STEPS × 10ᵏ`` giving 3 … ``MAX_FILL_LABELS`` of them (else 2)."""
    span = hi - lo
    if not span > 0:
        return [lo]
    power = 10.0 ** floor(np.log10(span))
    steps = sorted((m * power / 10 ** k for m in NICE_STEPS for k in (0, 1, 2)), reverse=True)
    found = []
    for step in steps:
        values = np.arange(ceil(lo / step - 1e-9), floor(hi / step + 1e-9) + 1) * step
        if len(values) <= MAX_FILL_LABELS:
            found.append([float(f"{v:.12g}") for v in values])
    return next((v for v in found if len(v) >= 3), next((v for v in found if len(v) >= 2),
                                                        [lo, hi]))


def number_text(x: float) -> str:
    """``x`` to three figures (four from 1000 on); 10ᵏ for a power of ten from 10⁴ or below 0.001,
    m·10ᵏ for other numbers that small or large."""
    text = f"{x:.4g}" if 1e3 <= abs(x) < 1e4 else f"{x:.3g}"
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    power = "10" + str(int(exponent)).translate(SUPERSCRIPT)
    return power if mantissa == "1" else f"{mantissa}·{power}"
