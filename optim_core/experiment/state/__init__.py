"""The experiment's state as Qt-free parts, each owning its data and its events.

``Experiment`` (``experiment.py``) holds the parts: ``RunList`` (runs with
stable ids), ``SurfacePart`` (the surface, built and sampled), ``RacePart``
(start points, the live race, its rebuilds), ``ViewSettings`` and
``AnalysisSettings`` (gradient check, training). ``events.py`` is their
change-notice mechanism. The GUI's ``gui.model.experiment.ExperimentModel``
adapts them to Qt signals, timers and worker threads.
"""
