"""The ``lesson`` section of an experiment file: ``{"look", "try_next", "why"}``.

Each part is text of at most ``MAX_LESSON_CHARS`` characters; a missing part
is empty, and an unknown one is refused with its name (a misspelt
``"try"`` would otherwise vanish silently).
"""

from __future__ import annotations

from typing import Any

from optim_core.experiment.checks import check_obj, check_str, known_fields
from optim_core.experiment.spec import Lesson

#: Longest a lesson part may be: a few paragraphs.
MAX_LESSON_CHARS = 4000
PARTS = ("look", "try_next", "why")


def lesson_section(v: Any, where: str) -> Lesson:
    """A checked ``Lesson`` from a file's ``lesson`` object."""
    d = check_obj(v, where)
    known_fields(d, set(PARTS), where)
    return Lesson(**{part: check_str(d.get(part, ""), f"{where}.{part}", MAX_LESSON_CHARS)
                     for part in PARTS})
