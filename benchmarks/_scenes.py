"""Scenes several benchmarks time: the same race, so their figures compare."""

from __future__ import annotations

#: Four more runs beside the default race's four: the "8 runs" of the issues.
EXTRA_RUNS = (("nesterov", 1e-3), ("adagrad", 0.3), ("momentum_ema", 1e-2), ("adam", 1e-2))


def eight_run_model(resolution: int, steps: int, steps_per_frame: int = 1):
    """An ExperimentModel of the default Rosenbrock race plus ``EXTRA_RUNS``."""
    from gui.model.experiment import ExperimentModel
    from optim_core.experiment import spec as spec_mod

    spec = spec_mod.default_experiment()
    spec.surface.resolution = resolution
    spec.steps, spec.steps_per_frame = steps, steps_per_frame
    for kind, lr in EXTRA_RUNS:
        spec.runs.append(spec_mod.default_run(kind, f"{kind} {lr:g}", lr=lr,
                                              used_colors=[r.color for r in spec.runs]))
    return ExperimentModel(spec)
