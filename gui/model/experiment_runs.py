"""Editing the runs of an ExperimentModel: add, duplicate, remove, change.

Hyper-parameter changes swap the run's optimizer in the live race with
``Race.set_optimizer``, which keeps the optimizer state (velocity, moments,
step count) when the kind is unchanged, so the run goes on from where it
is. A run added mid-race is computed from the start points up to the
current step (the whole race is recomputed to it); one enabled mid-race
joins at the current step from the start points.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from optim_core import optimizers
from optim_core.analysis.starting_lr import starting_lr
from optim_core.experiment import checks as experiment_checks
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.spec import RunSpec


class RunsMixin:
    """Run-editing methods of ``ExperimentModel`` (which provides the state)."""

    def _new_id(self) -> str:
        self._next_id += 1
        return f"run{self._next_id}"

    def _used_colors(self) -> list[str]:
        return [r.color for r in self._spec.runs]

    def _unique_label(self, base: str) -> str:
        labels = {r.label for r in self._spec.runs}
        if base not in labels:
            return base
        k = 2
        while f"{base} {k}" in labels:
            k += 1
        return f"{base} {k}"

    def race_label(self, index: int) -> str:
        """The label run ``index`` has inside ``model.race`` (stable while the run
        exists; spec labels may repeat, these never do)."""
        return self._ids[index]

    def add_run(self, kind: str = "sgd", **hyper: Any) -> int:
        """Append a run of ``kind``; returns its index. Hyper-parameters not given
        take the kind's defaults, except η: that of a run of the same kind here,
        else one that converges on this surface (``starting_lr``), so a new
        Nesterov on Rosenbrock does not diverge at step 2 with the default 0.01."""
        label = self._unique_label(_default_label(kind))
        if "lr" not in hyper and "lr" in {h.name for h in optimizers.hyper_specs(kind)}:
            hyper["lr"] = self._new_run_lr(kind)
        run = spec_mod.default_run(kind, label, used_colors=self._used_colors(), **hyper)
        return self._append(run)

    def _new_run_lr(self, kind: str) -> float:
        same = [r.hyper["lr"] for r in self._spec.runs if r.kind == kind and "lr" in r.hyper]
        if same and isinstance(same[-1], float | int):
            return float(same[-1])
        default = spec_mod.default_run(kind, kind).hyper["lr"]
        if self.surface is None:
            return default
        return starting_lr(self.surface, kind, self.starts)

    def duplicate_run(self, index: int) -> int:
        """A copy of run ``index`` with its own label and colour; returns the new index."""
        src = self._spec.runs[index]
        run = RunSpec(kind=src.kind, label=self._unique_label(src.label),
                      color=spec_mod.next_color(self._used_colors()), enabled=src.enabled,
                      hyper=dict(src.hyper))
        return self._append(run)

    def _append(self, run: RunSpec) -> int:
        spec_mod.make_optimizer(run)  # validates before anything changes
        self._spec.runs.append(run)
        rid = self._new_id()
        self._ids.append(rid)
        if run.enabled and self.race is not None:
            self.race.add(rid, spec_mod.make_optimizer(run))
            if self.race.step:  # caught up at once, not left at the start until Play
                self._restart_race(self.race.step)
        self._announce_runs()
        return len(self._spec.runs) - 1

    def remove_run(self, index: int) -> None:
        rid = self._ids.pop(index)
        self._spec.runs.pop(index)
        if self.race is not None and rid in self.race.labels:
            self.race.remove(rid)
        self._announce_runs()

    def set_run_enabled(self, index: int, enabled: bool) -> None:
        run, rid = self._spec.runs[index], self._ids[index]
        if run.enabled == bool(enabled):
            return
        run.enabled = bool(enabled)
        if self.race is not None:
            if enabled:
                self.race.add(rid, spec_mod.make_optimizer(run))
            elif rid in self.race.labels:
                self.race.remove(rid)
        self._announce_runs()

    def set_run_color(self, index: int, color: str) -> None:
        """A colour like ``#1f77b4``; raises ValueError (and changes nothing) otherwise."""
        run = self._spec.runs[index]
        trial = RunSpec(run.kind, run.label, color, run.enabled, dict(run.hyper))
        run.color = _checked(trial, index).color
        self._announce_runs()

    def set_run_label(self, index: int, label: str) -> None:
        """Rename run ``index``; an empty name gives the kind's own, and a name
        another run has gets a number ("Adam 2"): an experiment file needs
        unique labels, so a repeated one could be saved but never opened again."""
        run = self._spec.runs[index]
        others = [r.label for r in self._spec.runs if r is not run]
        base = label.strip() or _default_label(run.kind)
        run.label = base if base not in others else next(
            f"{base} {k}" for k in range(2, len(others) + 3) if f"{base} {k}" not in others)
        self._announce_runs()

    def set_run_kind(self, index: int, kind: str) -> None:
        """Switch the optimizer kind; the learning rate is kept where the new kind
        has one, the rest take the new kind's defaults. The run goes on from its
        current point with a fresh optimizer state."""
        run = self._spec.runs[index]
        if run.kind == kind:
            return
        names = {h.name for h in optimizers.hyper_specs(kind)}
        keep = {k: v for k, v in run.hyper.items() if k == "lr" and k in names}
        new = spec_mod.default_run(kind, run.label, run.color, **keep)
        if run.label == _default_label(run.kind):
            new.label = self._unique_label(_default_label(kind))
        run.kind, run.hyper, run.label = kind, new.hyper, new.label
        self._swap_optimizer(index)
        self._announce_runs()

    def set_hyper(self, index: int, name: str, value: float | dict) -> None:
        """Set hyper-parameter ``name`` of run ``index`` to a number or a schedule
        dict; raises ValueError (and changes nothing) when the value is invalid."""
        run = self._spec.runs[index]
        trial = RunSpec(run.kind, run.label, run.color, run.enabled, {**run.hyper, name: value})
        spec_mod.make_optimizer(trial)
        # The file's ranges too (lr ≤ 1e3, …): what the model holds must save and open again.
        run.hyper[name] = _checked(trial, index).hyper[name]
        self._swap_optimizer(index)
        self._emit("hyper_changed", index)
        self._emit("modified")

    def _swap_optimizer(self, index: int) -> None:
        rid = self._ids[index]
        if self.race is not None and rid in self.race.labels:
            self.race.set_optimizer(rid, spec_mod.make_optimizer(self._spec.runs[index]))

    def _announce_runs(self) -> None:
        self._emit("runs_changed")
        self._emit("modified")


def _default_label(kind: str) -> str:
    return optimizers.label(kind)


def kind_title(kind: str) -> str:
    """How the GUI names optimizer ``kind``."""
    return _default_label(kind)


def _checked(run: RunSpec, index: int) -> RunSpec:
    """``run`` validated by the experiment-file rules; ValueError naming the field."""
    return experiment_checks.run_section(asdict(run), f"runs[{index}]")
