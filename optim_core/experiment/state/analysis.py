"""The analysis settings: the gradient check's, the classifier training's, the
many-starts analyses' and the hyper-parameter search's.

They are part of the experiment (saved in its file), so a panel showing
them holds none of its own: it renders these and calls ``set_gradcheck`` /
``set_training``, which check every value by the file's rules first.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, replace
from typing import Any

from optim_core.experiment import analysis_checks as checks
from optim_core.experiment.spec import AnalysisSpec
from optim_core.experiment.state.events import Batcher, Event


class AnalysisSettings:
    """Events: ``gradcheck_changed()``, ``training_changed()``,
    ``many_starts_changed()``, ``search_changed()``."""

    def __init__(self, batcher: Batcher, analysis: AnalysisSpec | None = None):
        self.gradcheck_changed = Event("gradcheck_changed", batcher)
        self.training_changed = Event("training_changed", batcher)
        self.many_starts_changed = Event("many_starts_changed", batcher)
        self.search_changed = Event("search_changed", batcher)
        self.spec = copy.deepcopy(analysis) if analysis is not None else AnalysisSpec()

    @property
    def gradcheck(self):
        return self.spec.gradcheck

    @property
    def training(self):
        return self.spec.training

    def replace(self, analysis: AnalysisSpec) -> None:
        old, self.spec = self.spec, copy.deepcopy(analysis)
        if old.gradcheck != self.spec.gradcheck:
            self.gradcheck_changed.emit()
        if old.training != self.spec.training:
            self.training_changed.emit()
        if old.many_starts != self.spec.many_starts:
            self.many_starts_changed.emit()
        if old.search != self.spec.search:
            self.search_changed.emit()

    def set_gradcheck(self, **fields: Any) -> None:
        """Change gradient-check fields (at, run, part, h, centered, samples, seed,
        planted_bug); ValueError naming the field (and nothing changes) if invalid."""
        trial = _fields(self.spec.gradcheck, fields)
        checked = checks.gradcheck_section(trial, "gradcheck")
        if checked != self.spec.gradcheck:
            self.spec.gradcheck = checked
            self.gradcheck_changed.emit()

    def set_training(self, **fields: Any) -> None:
        """Change training fields (runs, epochs, batch_size, seed); ValueError
        naming the field (and nothing changes) if invalid."""
        trial = _fields(self.spec.training, fields)
        checked = checks.training_section(trial, "training")
        if checked != self.spec.training:
            self.spec.training = checked
            self.training_changed.emit()


    def set_many_starts(self, **fields: Any) -> None:
        """Change many-starts fields (``ManyStartsSpec``); ValueError naming the field."""
        checked = checks.many_starts_section(_fields(self.spec.many_starts, fields),
                                             "many_starts")
        if checked != self.spec.many_starts:
            self.spec.many_starts = checked
            self.many_starts_changed.emit()

    def set_search(self, **fields: Any) -> None:
        """Change the search's budget or seed; ValueError naming the field."""
        checked = checks.search_section(_fields(self.spec.search, fields), "search")
        if checked != self.spec.search:
            self.spec.search = checked
            self.search_changed.emit()


def _fields(section, fields: dict[str, Any]) -> dict:
    """``section`` as a dict with ``fields`` changed; ValueError for an unknown name."""
    unknown = set(fields) - set(asdict(section))
    if unknown:
        raise ValueError(f"no setting {sorted(unknown)[0]!r}")
    return asdict(replace(section, **fields))
