"""A log-scale axis with readable labels (pyqtgraph labels every minor tick).

Ticks at every m × 10ᵏ (m = 1…9). Labels: on decades (every other or third
one when many are shown), and on 2 and 5 × 10ᵏ when at most three decades
are shown.
"""

from __future__ import annotations

from math import ceil, floor

import numpy as np
import pyqtgraph as pg

#: Decade labels an axis shows at most before it skips some.
MAX_DECADE_LABELS = 6


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
        return [(1.0, labelled), (None, middles), (None, quiet)]
