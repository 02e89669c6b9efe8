"""The real ``python main.py`` window on a private X server, driven like a user.

One Xvfb display and one application for the module (starting them costs a
few seconds); the tests run in file order as one session: the window opens
playing, a click on the surface sets the start (Ctrl+S writes it to the
experiment file the app was opened with, which the test reads back),
Space / → pause, step and resume (seen on screen), Ctrl+E exports a GIF
through the dialog (typed into like a user), and Ctrl+Q quits cleanly.
Every screenshot is the whole X screen, saved in the module's temporary
folder (``opened.png``, ``clicked.png``, ``paused.png``, ``final.png``; the
other polls overwrite ``latest.png``), next to the exported ``race.gif``
and the app's output (``app.stderr.txt``).

There is no window manager, so nothing gives a window the keyboard focus
when it appears or when a dialog closes; ``focus`` does what a window
manager would (``xdotool windowfocus``) before keys are typed.
"""

from __future__ import annotations

import configparser
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from optim_core import surfaces
from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment
from tests.readback import read_frames
from tests.xvfb.xsession import (
    Grabber,
    XError,
    XServer,
    colormap_rect,
    missing_tools,
    stop,
    wait_for,
)

ROOT = Path(__file__).resolve().parents[2]
RESOLUTION = 128  # a quick grid; the image still spans the surface bounds
STILL_FOR = 1.0  # seconds the surface must not change to count as paused

pytestmark = [pytest.mark.xvfb,
              pytest.mark.skipif(missing_tools() is not None, reason=missing_tools() or "")]


@dataclass
class App:
    """The running application and what a user can see and touch of it."""

    x: XServer
    proc: subprocess.Popen
    window: str  # X window id of the main window
    grabber: Grabber
    folder: Path
    experiment: Path
    settings: Path
    stderr: Path

    def focus(self, window: str | None = None) -> None:
        self.x.xdotool("windowfocus", "--sync", window or self.window)

    def keys(self, *keys: str) -> None:
        self.focus()
        self.x.xdotool("key", "--delay", 40, *keys)

    def title(self) -> str:
        return self.x.xdotool("getwindowname", self.window).strip()

    def geometry(self) -> dict[str, int]:
        out = self.x.xdotool("getwindowgeometry", "--shell", self.window)
        return {k: int(v) for k, v in (line.split("=") for line in out.split())}

    def surface_rect(self) -> tuple[int, int, int, int]:
        """Where the surface image is on the screen, once it is drawn."""
        def drawn():
            r = colormap_rect(self.grabber.grab())
            return r if min(r[2] - r[0], r[3] - r[1]) > 150 else None
        return wait_for(drawn, 30, "the surface image to be drawn")

    def experiment_start(self) -> tuple[float, float]:
        """The single start point of the experiment file as last saved."""
        (start,) = ef.load(self.experiment).starts
        return tuple(start)

    def log(self) -> str:
        return self.stderr.read_text(errors="replace")


def _launch(x: XServer, folder: Path) -> App:
    spec = default_experiment()  # the Rosenbrock race a new user sees
    spec.surface.resolution = RESOLUTION
    spec.steps, spec.steps_per_frame = 20_000, 1  # plays for the whole session
    experiment = folder / "lesson.optviz.json"
    ef.save(spec, experiment)
    settings, runtime = folder / "settings", folder / "runtime"
    runtime.mkdir(mode=0o700)
    stderr = folder / "app.stderr.txt"
    with open(stderr, "w") as err:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), str(experiment)], cwd=ROOT,
            env=x.env(OPTVIZ_SETTINGS_DIR=str(settings), XDG_RUNTIME_DIR=str(runtime)),
            stdout=err, stderr=subprocess.STDOUT)
    grabber = Grabber(x, folder)
    app = App(x, proc, "", grabber, folder, experiment, settings, stderr)
    try:
        found = x.xdotool("search", "--sync", "--onlyvisible", "--name", r"optviz$", timeout=30)
    except (XError, subprocess.TimeoutExpired) as e:
        _close(app)
        raise XError(f"no optviz window appeared: {e}\n{app.log()}") from e
    app.window = found.split()[0]
    return app


def _close(app: App) -> None:
    stop(app.proc)
    app.grabber.stop()


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    x = XServer(1600, 1000)
    try:
        x.start()
    except (XError, OSError) as e:
        pytest.skip(f"Xvfb could not start a display: {e}")
    try:
        a = _launch(x, tmp_path_factory.mktemp("real_window"))
    except BaseException:
        x.stop()
        raise
    yield a
    _close(a)
    x.stop()


def _changed(app: App, before: np.ndarray, band: slice, timeout: float) -> bool:
    """True when the rows ``band`` of the screen differ from ``before`` within ``timeout`` s."""
    try:
        wait_for(lambda: not np.array_equal(app.grabber.grab()[band], before), timeout,
                 "a change", interval=0.1)
    except XError:
        return False
    return True


def _still(app: App, band: slice, seconds: float = STILL_FOR) -> bool:
    """True when the rows ``band`` of the screen stay the same for ``seconds``."""
    return not _changed(app, app.grabber.grab()[band], band, seconds)


def _point_to_pixel(rect, x: float, y: float) -> tuple[int, int]:
    """Screen pixel of surface point (x, y): the image spans the surface bounds
    plus half a grid cell on each side, with y growing upwards."""
    (x0, x1), (y0, y1) = surfaces.get("rosenbrock").bounds
    hx, hy = (x1 - x0) / (RESOLUTION - 1) / 2, (y1 - y0) / (RESOLUTION - 1) / 2
    left, top, right, bottom = rect
    px = left + (x - (x0 - hx)) / (x1 - x0 + 2 * hx) * (right - left)
    py = top + ((y1 + hy) - y) / (y1 - y0 + 2 * hy) * (bottom - top)
    return round(px), round(py)


def test_the_window_opens_playing_the_race(app):
    rect = app.surface_rect()
    g = app.geometry()
    assert g["X"] <= rect[0] and rect[2] <= g["X"] + g["WIDTH"]
    assert g["Y"] <= rect[1] and rect[3] <= g["Y"] + g["HEIGHT"]
    assert app.title() == "lesson.optviz.json — optviz"
    # The race plays from the start: trails, heads and the step label move.
    band = slice(rect[1], rect[3])
    assert _changed(app, app.grabber.grab("opened")[band], band, timeout=10)


def test_a_click_sets_the_start_and_ctrl_s_saves_it(app):
    rect = app.surface_rect()
    before = ef.load(app.experiment).starts
    target = (-0.5, 2.0)  # far from the default start, the minimum and the legend
    px, py = _point_to_pixel(rect, *target)
    app.x.xdotool("mousemove", "--sync", px, py, "click", 1)
    wait_for(lambda: app.title().endswith("* — optviz"), 10, "the title to show a change")
    app.keys("ctrl+s")
    saved = wait_for(lambda: (lambda s: s if s != before else None)(ef.load(app.experiment).starts),
                     10, "Ctrl+S to write the new start")
    # One screen pixel is (4 + cell) / width surface units; allow two.
    tol = 2 * 4.04 / (rect[2] - rect[0])
    assert np.allclose(saved, [target], atol=tol), (saved, target, tol)
    wait_for(lambda: app.title() == "lesson.optviz.json — optviz", 10, "a clean title")
    # Away from the marker (hovering colours it), the start is a white ring.
    app.x.xdotool("mousemove", "--sync", rect[0] - 40, rect[3] + 60)
    wait_for(lambda: (app.grabber.grab("clicked")[py - 12:py + 13, px - 12:px + 13].min(axis=-1)
                      > 225).sum() >= 20, 10, "a white start ring where the click was")


def test_space_pauses_right_steps_and_space_resumes(app):
    rect = app.surface_rect()
    band = slice(rect[1], rect[3])  # the surface and the step label beside it
    app.keys("space")
    wait_for(lambda: _still(app, band), 10, "Space to pause the race")
    before = app.grabber.grab("paused")[band]
    app.keys("Right")
    assert _changed(app, before, band, timeout=5), "→ took no step"
    wait_for(lambda: _still(app, band), 5, "→ to leave the race paused")
    before = app.grabber.grab()[band]
    app.keys("space")
    assert _changed(app, before, band, timeout=10), "Space did not resume the race"


def test_ctrl_e_exports_a_gif_through_the_dialog(app):
    out = app.folder / "race.gif"
    app.keys("ctrl+e")
    dialog = app.x.xdotool("search", "--sync", "--onlyvisible", "--name", "^Export animation$",
                           timeout=15).split()[0]
    app.focus(dialog)
    # Format first (a: Animated GIF), then width, height, frames, the view (2-D: its orbit
    # box is disabled) and the path, by Tab.
    app.x.xdotool("key", "--delay", 40, "a", "Tab", "ctrl+a")
    app.x.xdotool("type", "480")
    app.x.xdotool("key", "--delay", 40, "Tab", "ctrl+a")
    app.x.xdotool("type", "360")
    app.x.xdotool("key", "--delay", 40, *["Tab"] * 4, "ctrl+a")
    app.x.xdotool("type", "12")
    app.x.xdotool("key", "--delay", 40, *["Tab"] * 5, "ctrl+a")
    app.x.xdotool("type", "--delay", 10, str(out))
    app.x.xdotool("key", "Return")
    wait_for(out.exists, 60, f"{out.name} to be written")
    frames = read_frames(out)
    assert len(frames) == 12 and frames[0].shape == (360, 480, 3)
    rects = [colormap_rect(f) for f in frames]
    left, top, right, bottom = rects[0]
    assert min(right - left, bottom - top) > 150  # the surface fills the frame
    assert len(set(rects)) == 1, rects  # one layout throughout: no jump after frame 0
    assert not np.array_equal(frames[0], frames[-1])  # the race moves
    # The recording starts where the click put the start: a white ring there.
    px, py = _point_to_pixel(rects[0], *app.experiment_start())
    assert (frames[0][py - 12:py + 13, px - 12:px + 13].min(axis=-1) > 225).sum() >= 20
    assert [p.name for p in app.folder.glob("race*")] == ["race.gif"]  # no leftovers


def test_the_screen_shows_the_window(app):
    rect = app.surface_rect()
    screen = app.grabber.grab("final")
    g = app.geometry()
    window = screen[g["Y"]:g["Y"] + g["HEIGHT"], g["X"]:g["X"] + g["WIDTH"]]
    colours = np.unique(window.reshape(-1, 3), axis=0)
    assert len(colours) > 2000, len(colours)  # a colour map, text and trails, not a blank
    assert (rect[2] - rect[0]) * (rect[3] - rect[1]) > 0.04 * g["WIDTH"] * g["HEIGHT"]
    assert "Traceback" not in app.log(), app.log()


def test_ctrl_q_quits_and_remembers_the_choices(app):
    app.keys("ctrl+q")
    try:
        code = app.proc.wait(15)
    except subprocess.TimeoutExpired:
        names = app.x.xdotool("search", "--onlyvisible", "--name", ".", "getwindowname", "%@")
        pytest.fail(f"the app is still running; visible windows: {names!r}")
    assert code == 0, app.log()
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(app.settings / "optviz" / "optviz.ini")
    assert ini["window"]["geometry"] and ini["window"]["state"]
    assert ini["export"]["format"] == "gif" and ini["export"]["width"] == "480"
    assert "Traceback" not in app.log(), app.log()
