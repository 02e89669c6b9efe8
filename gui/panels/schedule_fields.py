"""What a run row offers for schedules: the learning-rate schedules and their
fields, and the momentum warm-up (the course notes' μ from 0.5 to 0.99)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

#: Learning-rate schedules offered, with the fields the row edits:
#: field -> (label, min, max, log, default, integer).
SCHEDULES: dict[str, dict[str, tuple]] = {
    "constant": {},
    "step": {"gamma": ("× γ", 0.01, 1.0, False, 0.5, False),
             "every": (QT_TRANSLATE_NOOP("RunRow", "every k steps"), 1, 100_000, False, 100,
                       True)},
    "exponential": {"k": (QT_TRANSLATE_NOOP("RunRow", "decay k"), 1e-6, 1.0, True, 1e-2, False)},
    "inverse_time": {"k": (QT_TRANSLATE_NOOP("RunRow", "decay k"), 1e-6, 10.0, True, 1e-2,
                           False)},
    "cosine": {"total": (QT_TRANSLATE_NOOP("RunRow", "over T steps"), 1, 1_000_000, False, 1000,
                         True),
               "floor": (QT_TRANSLATE_NOOP("RunRow", "floor"), 0.0, 1.0, False, 0.0, False)},
}
#: How the schedule menu names each schedule.
SCHEDULE_TITLES = {
    "constant": QT_TRANSLATE_NOOP("RunRow", "constant"),
    "step": QT_TRANSLATE_NOOP("RunRow", "step"),
    "exponential": QT_TRANSLATE_NOOP("RunRow", "exponential"),
    "inverse_time": QT_TRANSLATE_NOOP("RunRow", "inverse time"),
    "cosine": QT_TRANSLATE_NOOP("RunRow", "cosine"),
}

#: The hyper-parameter a warm-up ramps (momentum's μ), and where the ramp starts
#: (the course notes' 0.5 → 0.99).
WARMED = "mu"
WARMUP_START = 0.5


def base_value(value: float | dict) -> float:
    """What a slider shows of a number or a schedule: its base value (a warm-up's end)."""
    if isinstance(value, dict):
        return value["value"] if "value" in value else value["end"]
    return value
