"""The settings of the many-starts analyses, as saved with the experiment.

``ManyStartsSpec``: the basin map (which run — a run id, or ``ALL_RUNS``
for small multiples of every enabled run —, how to colour it, the grid
side n, the steps, the tolerance, and whether it is shown) and the
learning-rate sweep (range, count, criterion) with the η each run was
tuned to ("Tune each"). ``checked(d)`` validates a file's section.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from optim_core.analysis.lr_sweep import CRITERIA
from optim_core.render.basin_colors import MODES

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


def _number(d: dict, name: str, lo: float, hi: float, kind=float):
    value = d[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            kind is int and int(value) != value) or not (lo <= value <= hi):
        raise ValueError(f"{name} must be a number in [{lo:g}, {hi:g}], "
                         f"got {value!r}")
    return kind(value)


def checked(d: Any) -> ManyStartsSpec:
    """A file's ``many_starts`` section as a spec; ValueError naming the first bad field."""
    if not isinstance(d, dict):
        raise ValueError(f"many_starts must be an object, got {type(d).__name__}")
    unknown = set(d) - set(asdict(ManyStartsSpec()))
    if unknown:
        raise ValueError(f"many_starts has no field {sorted(unknown)[0]!r}")
    spec = ManyStartsSpec(**{**asdict(ManyStartsSpec()), **d})
    if not isinstance(spec.run, str) or not spec.run or len(spec.run) > 64:
        raise ValueError("many_starts.run must be a run id or 'all'")
    if spec.mode not in MODES or spec.criterion not in CRITERIA:
        raise ValueError(f"many_starts.mode must be one of {MODES} and criterion one of "
                         f"{CRITERIA}")
    if not isinstance(spec.shown, bool):
        raise ValueError("many_starts.shown must be true or false")
    spec.n = _number(asdict(spec), "n", 2, MAX_GRID, int)
    spec.steps = _number(asdict(spec), "steps", 1, MAX_STEPS, int)
    spec.tol = _number(asdict(spec), "tol", 1e-12, 1e3)
    spec.rates = _number(asdict(spec), "rates", 2, MAX_RATES, int)
    spec.lr_low = _number(asdict(spec), "lr_low", 1e-8, 1e3)
    spec.lr_high = _number(asdict(spec), "lr_high", 1e-8, 1e3)
    if not spec.lr_low < spec.lr_high:
        raise ValueError("many_starts.lr_low must be below lr_high")
    if not isinstance(spec.tuned, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool)
            and math.isfinite(v) and v > 0 for k, v in spec.tuned.items()):
        raise ValueError("many_starts.tuned must map run ids to positive learning rates")
    return spec


@dataclass
class SearchSpec:
    """Random against grid search on real training: trials per search, and the seed."""

    budget: int = 16
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def checked_search(d: Any) -> SearchSpec:
    """A file's ``search`` section as a spec; ValueError naming the first bad field."""
    if not isinstance(d, dict) or set(d) - {"budget", "seed"}:
        raise ValueError("search must be an object with budget and seed")
    spec = SearchSpec(**{**asdict(SearchSpec()), **d})
    spec.budget = _number(asdict(spec), "budget", 1, 100, int)
    spec.seed = _number(asdict(spec), "seed", 0, 2**31 - 1, int)
    return spec
