"""The window on a projector: the surface gets the room, the window stays on screen."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt

from gui.app import window_layout

ROOT = Path(__file__).resolve().parents[2]
SOFTMAX = ROOT / "resources" / "presets" / "softmax_slice_minibatch.optviz.json"


@pytest.fixture
def app_window(qtbot, model):
    """The whole application window (analysis docks included) over ``model``."""
    import main

    w = main.build_window(model)
    qtbot.addWidget(w)
    return w


def _share(window) -> float:
    view = window.view
    return view.width() * view.height() / (window.width() * window.height())


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_the_surface_takes_most_of_a_projector_sized_window(qtbot, app_window, size):
    app_window.resize(*size)
    window_layout.arrange(app_window, QRect(0, 0, *size))
    app_window.show()
    qtbot.waitExposed(app_window)
    qtbot.waitUntil(lambda: _share(app_window) >= 0.45, timeout=3000)
    assert app_window.size().toTuple() == size
    # every dock is a tab of the right-hand column; the optimizers in front
    area = app_window.dockWidgetArea
    assert {area(d) for d in app_window.docks.values()} == {window_layout.RIGHT}
    assert not app_window.docks["Optimizers"].visibleRegion().isEmpty()


def test_a_large_screen_keeps_the_docks_where_they_were_added(qtbot, app_window):
    window_layout.arrange(app_window, QRect(0, 0, 1920, 1080))
    area = app_window.dockWidgetArea
    assert area(app_window.docks["Surface"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert area(app_window.docks["Training curves"]) == window_layout.BOTTOM


def test_docks_are_scrolled_so_they_cannot_grow_the_window(app_window):
    # a classifier slice's controls once made the window 933 px tall at 720p
    assert app_window.minimumSizeHint().height() < 600


PROBE = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, {root!r})
    from gui.app.app import create_application
    from gui.model.experiment import ExperimentModel
    import main
    app = create_application(["optviz"])
    model = ExperimentModel()
    window = main.build_window(model)
    window.show()
    window.open_path({preset!r})
    for _ in range(400):
        app.processEvents()
        if not model.busy and model.spec.surface.name == "classifier":
            break
        model.jobs.wait(20)
    for _ in range(50):
        app.processEvents()
    avail, frame, view = (window.screen().availableGeometry(), window.frameGeometry(),
                          window.view.geometry())
    print(json.dumps({{"avail": avail.getRect(), "frame": frame.getRect(),
                      "share": view.width() * view.height() / (window.width() * window.height())}}))
    model.jobs.cancel(); model.jobs.wait()
""")


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_the_window_opens_inside_the_screen_and_stays_there(tmp_path, size):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0,
                                               "width": size[0], "height": size[1],
                                               "logicalDpi": 96, "dpr": 1}]}))
    script = PROBE.format(root=str(ROOT), preset=str(SOFTMAX))
    env = {"QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "OPTVIZ_SETTINGS_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    ax, ay, aw, ah = seen["avail"]
    fx, fy, fw, fh = seen["frame"]
    assert ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah, seen
    assert seen["share"] >= 0.45, seen
