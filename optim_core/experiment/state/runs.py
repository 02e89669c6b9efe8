"""The runs of an experiment: each a ``RunSpec`` with one stable id.

A run's id (``run1``, ``run2``, …) is its identity everywhere: the label it
has in the race, what signals and panels pass around, the ``run`` column of
exported CSV, and what experiment files store. Its position in the list is
only the drawing and listing order; its label is only what is shown.

Every edit is checked by the experiment-file rules first, so what the list
holds can always be saved and opened again; a refused edit raises
ValueError and changes nothing.
"""

from __future__ import annotations

import copy
from dataclasses import asdict
from typing import Any

from optim_core import optimizers
from optim_core.experiment import checks
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.spec import RunSpec
from optim_core.experiment.state.events import Batcher, Event

RunRef = int | str  # a run's position, or its id

def kind_title(kind: str) -> str:
    """How the GUI names optimizer ``kind`` (the registry's label)."""
    return optimizers.label(kind)


class RunList:
    """The runs, in order. Events: ``changed()`` (added, removed, renamed,
    recoloured, (en|dis)abled, kind), ``hyper_changed(index)`` (batched, for
    views); at once: ``edited()`` after every change (the race syncs) and
    ``added(run_id)`` after a new run (the race computes it to its step)."""

    def __init__(self, batcher: Batcher, runs: list[RunSpec] | None = None):
        self.changed = Event("runs_changed", batcher)
        self.hyper_changed = Event("hyper_changed", batcher)
        self.edited = Event("runs_edited", batched=False)
        self.added = Event("run_added", batched=False)
        self._runs: list[RunSpec] = []
        self.replace(runs or [])

    # ------------------------------------------------------------------ reading
    @property
    def specs(self) -> list[RunSpec]:
        """The runs as data. Read freely; change only through methods."""
        return self._runs

    def ids(self) -> list[str]:
        return [r.id for r in self._runs]

    def index(self, ref: RunRef) -> int:
        """The position of run ``ref`` (a position or an id); IndexError/KeyError if none."""
        if isinstance(ref, str):
            for i, run in enumerate(self._runs):
                if run.id == ref:
                    return i
            raise KeyError(f"no run {ref!r}")
        if not -len(self._runs) <= ref < len(self._runs):
            raise IndexError(f"no run at {ref}")
        return ref % len(self._runs)

    def get(self, ref: RunRef) -> RunSpec:
        return self._runs[self.index(ref)]

    def optimizers(self) -> dict[str, optimizers.Optimizer]:
        """``{run id: optimizer}`` of the enabled runs."""
        return {r.id: spec_mod.make_optimizer(r) for r in self._runs if r.enabled}

    # ----------------------------------------------------------------- editing
    def replace(self, runs: list[RunSpec]) -> None:
        """Hold ``runs`` (copies) instead: opening a file, undo, redo."""
        runs = copy.deepcopy(runs)
        spec_mod.assign_run_ids(runs)
        self._runs = runs
        self._announce()

    def add(self, kind: str = "sgd", **hyper: Any) -> int:
        """Append a run of ``kind`` (default hyper-parameters unless given); its index."""
        label = self._unique_label(kind_title(kind))
        used = [r.color for r in self._runs]
        return self._append(spec_mod.default_run(kind, label, used_colors=used, **hyper))

    def duplicate(self, ref: RunRef) -> int:
        """A copy of run ``ref`` with its own id, label and colour; its index."""
        src = self.get(ref)
        run = RunSpec(kind=src.kind, label=self._unique_label(src.label),
                      color=spec_mod.next_color([r.color for r in self._runs]),
                      enabled=src.enabled, hyper=copy.deepcopy(src.hyper))
        return self._append(run)

    def _append(self, run: RunSpec) -> int:
        spec_mod.make_optimizer(run)  # validates before anything changes
        self._runs.append(run)
        spec_mod.assign_run_ids(self._runs)
        self._announce()
        self.added.emit(run.id)
        return len(self._runs) - 1

    def remove(self, ref: RunRef) -> None:
        self._runs.pop(self.index(ref))
        self._announce()

    def set_enabled(self, ref: RunRef, enabled: bool) -> None:
        run = self.get(ref)
        if run.enabled != bool(enabled):
            run.enabled = bool(enabled)
            self._announce()

    def set_color(self, ref: RunRef, color: str) -> None:
        """A colour like ``#1f77b4``; ValueError (and nothing changes) otherwise."""
        i = self.index(ref)
        run = self._runs[i]
        run.color = _checked(RunSpec(run.kind, run.label, color, run.enabled, run.hyper), i).color
        self._announce()

    def set_label(self, ref: RunRef, label: str) -> None:
        """Rename a run; an empty name gives the kind's own, and a name another run
        has gets a number ("Adam 2"): an experiment file needs unique labels."""
        run = self.get(ref)
        others = [r.label for r in self._runs if r is not run]
        base = label.strip() or kind_title(run.kind)
        run.label = base if base not in others else next(
            f"{base} {k}" for k in range(2, len(others) + 3) if f"{base} {k}" not in others)
        self._announce()

    def set_kind(self, ref: RunRef, kind: str) -> None:
        """Switch the optimizer kind; the learning rate is kept where the new kind
        has one, the rest take the new kind's defaults (and a fresh state)."""
        run = self.get(ref)
        if run.kind == kind:
            return
        names = {h.name for h in optimizers.hyper_specs(kind)}
        keep = {k: v for k, v in run.hyper.items() if k == "lr" and k in names}
        new = spec_mod.default_run(kind, run.label, run.color, **keep)
        if run.label == kind_title(run.kind):
            new.label = self._unique_label(kind_title(kind))
        run.kind, run.hyper, run.label = kind, new.hyper, new.label
        self._announce()

    def set_hyper(self, ref: RunRef, name: str, value: float | dict) -> None:
        """Hyper-parameter ``name`` of a run: a number or a schedule dict; ValueError
        (and nothing changes) when the value is invalid or out of the file's range."""
        i = self.index(ref)
        run = self._runs[i]
        trial = RunSpec(run.kind, run.label, run.color, run.enabled, {**run.hyper, name: value})
        spec_mod.make_optimizer(trial)
        run.hyper[name] = _checked(trial, i).hyper[name]
        self.edited.emit()
        self.hyper_changed.emit(i)

    # ----------------------------------------------------------------- helpers
    def _unique_label(self, base: str) -> str:
        labels = {r.label for r in self._runs}
        k = 2
        name = base
        while name in labels:
            name, k = f"{base} {k}", k + 1
        return name

    def _announce(self) -> None:
        self.edited.emit()
        self.changed.emit()


def _checked(run: RunSpec, index: int) -> RunSpec:
    """``run`` validated by the experiment-file rules; ValueError naming the field."""
    return checks.run_section(asdict(run), f"runs[{index}]")
