"""``optim_core.runner``: the race API (``run``, ``Race``, ``Run``), kept at its
pinned import path; the engine lives in ``optim_core.race``."""

from optim_core.race.runner import (
    REASON_BOX,
    REASON_GRAD,
    REASON_LOSS,
    REASON_POINT,
    REASON_VALUE,
    Race,
    Run,
    run,
)

__all__ = ["REASON_BOX", "REASON_GRAD", "REASON_LOSS", "REASON_POINT", "REASON_VALUE",
           "Race", "Run", "run"]
