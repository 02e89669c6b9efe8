"""Regenerate the README's internals pictures: ``docs/internals.png`` and
``docs/explain_adam.png``.

    python scripts/make_internals_media.py

Both are the main window (``main.build_window``) at the size it opens with on
the screen (run on a 1600 × 1100 display for the README's), the user's
remembered layout kept out, over SGD, momentum, RMSprop and Adam on
the ravine f = ½(x² + 20y²):

- ``internals.png``: every piece of the internals at every head, 14 steps in,
  with the training curves below;
- ``explain_adam.png``: Adam's next step explained, at its third stage (the
  adaptive division), beside its formula with its numbers.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))

from optim_core.experiment import spec as spec_mod  # noqa: E402

STEPS = 14
ZOOM = ((-2.2, 0.6), (-1.0, 1.0))  # where the heads are at that step
TABS_PX = 58  # the height of the dock tabs and status bar under the curves
RUNS = (("sgd", "SGD", 0.09), ("momentum", "Momentum", 0.02), ("rmsprop", "RMSprop", 0.05),
        ("adam", "Adam", 0.1))


def ravine_spec() -> spec_mod.ExperimentSpec:
    spec = spec_mod.default_experiment()
    spec.title = "Ravine: what moves each optimizer"
    spec.surface.name, spec.surface.params = "ravine", {"condition": 20.0}
    spec.starts = [[-2.6, 0.9]]
    spec.runs = []
    for kind, label, lr in RUNS:
        spec.runs.append(spec_mod.default_run(kind, label, lr=lr,
                                              used_colors=[r.color for r in spec.runs]))
    spec.view.internals.shown = True
    return spec


def _wait(app, condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish building its surface")
        app.processEvents()
        time.sleep(0.01)


def _settle(app, seconds: float = 1.0) -> None:
    """Let every panel lay out and draw (the Stability tab redraws on a timer)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _picture(window):
    """The window down to its bottom docks' tabs (left out: a second, stale tab
    bar shows there in windows built by a script)."""
    shot = window.grab()
    return shot.copy(0, 0, shot.width(), shot.height() - TABS_PX)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settings = tempfile.mkdtemp()
    os.environ["OPTVIZ_SETTINGS_DIR"] = settings
    from PySide6.QtCore import QSettings

    from gui.app.app import create_application
    from gui.cli.cli_export import quiet_offscreen_notices
    from gui.model.experiment import ExperimentModel
    from main import build_window

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    app = create_application(sys.argv[:1])
    quiet_offscreen_notices()
    model = ExperimentModel(ravine_spec())
    window = build_window(model)
    window.show()
    _wait(app, lambda: model.grid is not None and not model.grid.preview and not model.busy)
    model.advance(STEPS)
    window.optimizer_panel.select(1)
    _settle(app)
    window.view.viewbox.setRange(xRange=ZOOM[0], yRange=ZOOM[1], padding=0)
    _settle(app)
    _picture(window).save(str(DOCS / "internals.png"))
    window.optimizer_panel.select(3)
    model.internals.explain()
    model.internals.next_stage()
    model.internals.next_stage()
    _settle(app)
    _picture(window).save(str(DOCS / "explain_adam.png"))
    window.close()


if __name__ == "__main__":
    main()
