"""Which event of which Qt-free part each ``ExperimentModel`` signal announces."""

from __future__ import annotations


def forward_events(x, model) -> None:
    """Connect the events of ``x`` (an ``Experiment``) to ``model``'s signals."""
    r, s = x.race, x.surface
    pairs = ((x.replaced, model.spec_replaced), (x.meta_changed, model.meta_changed),
             (x.modified, model.modified), (s.changed, model.surface_changed),
             (s.grid_ready, model.grid_ready), (s.failed, model.job_failed),
             (x.runs.changed, model.runs_changed), (x.runs.hyper_changed, model.hyper_changed),
             (r.starts_changed, model.starts_changed), (r.stepped, model.stepped),
             (r.trajectories_changed, model.trajectories_changed),
             (r.reset_done, model.reset_done), (r.transport_changed, model.transport_changed),
             (x.view.grid_n_changed, model.transport_changed),
             (x.view.changed, model.view_changed),
             (x.analysis.gradcheck_changed, model.gradcheck_changed),
             (x.analysis.training_changed, model.training_changed))
    for event, signal in pairs:
        event.connect(signal.emit)
