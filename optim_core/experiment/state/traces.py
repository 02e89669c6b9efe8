"""What a view draws of each run: its history as arrays, in the runs' order."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core.experiment.spec import RunSpec


class RunTrace(NamedTuple):
    """What a view draws of the run at ``index`` (id ``run_id``): ``points (K, S, 2)``
    at ``steps (K,)``, ``values (K, S)``, the current ``head (S, 2)``,
    ``diverged_at (S,)`` (-1 if running) and ``reasons (S,)``. ``key`` changes
    whenever the history is replaced rather than extended. A disabled run has K = 0."""

    index: int
    label: str
    color: str
    enabled: bool
    steps: np.ndarray
    points: np.ndarray
    values: np.ndarray
    head: np.ndarray
    diverged_at: np.ndarray
    reasons: np.ndarray
    key: tuple
    run_id: str = ""


def traces_of(runs: list[RunSpec], race, n_starts: int, version: int) -> list[RunTrace]:
    """A ``RunTrace`` per run of ``runs`` from ``race`` (a ``runner.Race`` or None)."""
    out = []
    live = set(race.labels) if race is not None else set()
    for i, run in enumerate(runs):
        key = (run.id, version)
        if run.id in live:
            h = race.history(run.id)
            out.append(RunTrace(i, run.label, run.color, run.enabled, h.steps, h.points,
                                h.values, h.points[-1], h.diverged_at, h.reasons, key, run.id))
        else:
            S = n_starts
            out.append(RunTrace(i, run.label, run.color, run.enabled, np.zeros(0, int),
                                np.zeros((0, S, 2)), np.zeros((0, S)), np.full((S, 2), np.nan),
                                np.full(S, -1), np.full(S, "", dtype=object), key, run.id))
    return out
