"""The settings of the many-starts analyses, as saved with the experiment.

``ManyStartsSpec``: the basin map (which run — a run id, or ``ALL_RUNS``
for small multiples of every enabled run —, how to colour it, the grid
side n, the steps, the tolerance, and whether it is shown) and the
learning-rate sweep (range, count, criterion) with the η each run was
tuned to ("Tune each"). ``checked(d)`` validates a file's section.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ALL_RUNS = "all"
MAX_GRID = 256
MAX_STEPS = 20_000
MAX_RATES = 200


@dataclass
class ManyStartsSpec:
    run: str = ALL_RUNS
    mode: str = "basin"  # basin | steps
    n: int = 64  # grid side
    steps: int = 500
    tol: float = 1e-3
    shown: bool = False  # the map layer is on (rebuilt when the experiment opens)
    lr_low: float = 1e-4
    lr_high: float = 10.0
    rates: int = 25
    criterion: str = "final"  # final | steps
    tuned: dict[str, float] = field(default_factory=dict)  # run id -> η chosen by Tune each

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchSpec:
    """Random against grid search on real training: trials per search, and the seed."""

    budget: int = 16
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
