"""Store each classifier preset's W*: ``python scripts/store_preset_centres.py``.

A preset whose slice has a trained centre carries the W* it is built on (the
file's ``centre`` section), so opening it never trains. Run this after
changing a classifier preset's dataset, loss, λ or seed, or the training of
W*; ``tests/core/test_stored_centre.py`` fails while a preset's W* is
missing or belongs to another slice. Only the ``version`` and ``centre``
fields of each file change.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from optim_core.classifier.trained_cache import data_digest  # noqa: E402
from optim_core.experiment import file as ef  # noqa: E402
from optim_core.experiment.centre import StoredCentre  # noqa: E402
from optim_core.experiment.spec import CLASSIFIER, make_surface  # noqa: E402
from optim_core.experiment.state.surface_jobs import plane_of  # noqa: E402


def store(path: Path) -> bool:
    """Write W* into the preset at ``path``; False when it has no trained centre."""
    spec = ef.load(path)
    s = spec.surface.slice
    if spec.surface.name != CLASSIFIER or s.center != "trained":
        return False
    W = plane_of(make_surface(spec.surface)).W0
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = ef.VERSION
    doc["centre"] = asdict(StoredCentre.of(W, s, data_digest(s.dataset)))
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return True


def main() -> int:
    for path in ef.presets():
        if store(path):
            print(f"stored W* in {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
