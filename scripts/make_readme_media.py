"""Regenerate the README's pictures: ``docs/screenshot.png``, ``docs/race.gif``,
``docs/race3d.gif`` and ``docs/typed_surface.png``.

    python scripts/make_readme_media.py              # all four
    python scripts/make_readme_media.py --only gif   # or: --only screenshot, gif3d, typed
    python scripts/make_readme_media.py --lang zh_CN --only screenshot
                                                     # docs/screenshot.zh-CN.png

Both show the race a new user sees first (``spec.default_experiment``: SGD,
momentum, RMSprop and Adam from the same start on Rosenbrock's curved
valley), drawn by the application's own code:

- the screenshot is the main window (``main.build_window``) drawn offscreen
  at 1400 × 960 part-way through the race, with the user's remembered layout
  kept out (settings in a temporary folder);
- the GIF is recorded by ``python main.py export`` — the command users run —
  from the same experiment, saved to a temporary file;
- the 3-D GIF is the same race recorded by ``python main.py export --view 3d
  --orbit``; it needs OpenGL and a display: on ``DISPLAY`` when there is one,
  else on a private Xvfb display this script starts (Mesa's software GL);
- the typed-surface picture is the window over the typed-ravine preset with
  the Custom f(x, y)… dialog open over it; make it on a screen of at least
  1280 × 800 (``xvfb-run -s "-screen 0 1600x1000x24"``, with
  ``QT_QPA_PLATFORM=xcb``): Qt's offscreen screen is 800 × 800.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))

from optim_core.experiment import file as experiment_file  # noqa: E402
from optim_core.experiment.spec import ExperimentSpec, default_experiment  # noqa: E402

SCREENSHOT_SIZE = (1400, 960)
SCREENSHOT_STEP = 450  # momentum near (1, 1), Adam and RMSprop along the valley, SGD behind
CURVES_HEIGHT = 290  # the training curves dock: the surface keeps most of the window
GIF_SIZE = (560, 420)
GIF_FRAMES, GIF_FPS, GIF_STEPS_PER_FRAME = 101, 16, 10
GIF3D_SIZE, GIF3D_ORBIT = (440, 330), 50  # degrees the camera turns over the race
GIF3D_FRAMES, GIF3D_FPS, GIF3D_STEPS_PER_FRAME = 46, 10, 20
TYPED_SIZE, TYPED_STEP = (1280, 800), 12  # SGD's zig-zag across the typed ravine


def readme_spec() -> ExperimentSpec:
    """The experiment both pictures show."""
    return default_experiment()


def _wait(app, condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish building its surface")
        app.processEvents()
        time.sleep(0.01)


def media_name(name: str, lang: str) -> str:
    """``screenshot.png`` in English, ``screenshot.zh-CN.png`` in Chinese."""
    if lang == "en":
        return name
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}.{lang.replace('_', '-')}.{suffix}"


def make_screenshot(spec: ExperimentSpec, path: Path, lang: str = "en") -> None:
    """The main window over ``spec`` at ``SCREENSHOT_STEP`` in ``lang``, saved as PNG."""
    # A desk-sized offscreen screen: the window lays itself out by the screen's size.
    screen = Path(tempfile.mkdtemp()) / "screen.json"
    screen.write_text('{"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, '
                      '"height": 1080, "logicalDpi": 96, "dpr": 1}]}')
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={screen}")
    from PySide6.QtCore import Qt

    from gui.app.app import create_application
    from gui.cli.cli_export import quiet_offscreen_notices
    from gui.model.experiment import ExperimentModel
    from main import build_window

    app = create_application(sys.argv[:1], lang=lang)
    quiet_offscreen_notices()
    model = ExperimentModel(spec)
    window = build_window(model)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    _wait(app, lambda: model.grid is not None and not model.grid.preview and not model.busy)
    # As a user would drag the splitter: the surface gets most of the height.
    window.resizeDocks([window.docks["Training curves"]], [CURVES_HEIGHT],
                       Qt.Orientation.Vertical)
    model.advance(SCREENSHOT_STEP)
    for _ in range(20):  # let every panel lay out and draw
        app.processEvents()
    window.grab().save(str(path))
    window.close()


def make_typed_picture(path: Path, lang: str = "en") -> None:
    """The window over the typed-ravine preset part-way through its race, with
    the Custom f(x, y)… dialog open over it, saved as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    from gui.app.app import create_application
    from gui.cli.cli_export import quiet_offscreen_notices
    from gui.model.experiment import ExperimentModel
    from gui.panels.surface_panel import SurfacePanel
    from main import build_window

    app = create_application(sys.argv[:1], lang=lang)
    quiet_offscreen_notices()
    preset = next(p for p in experiment_file.presets() if p.name.startswith("typed_ravine"))
    model = ExperimentModel(experiment_file.load(preset))
    window = build_window(model)
    window.resize(*TYPED_SIZE)
    window.show()
    _wait(app, lambda: model.grid is not None and not model.busy)
    model.advance(TYPED_STEP)
    panel = window.findChild(SurfacePanel)
    panel.open_custom_dialog()
    dialog = panel.custom_dialog
    dialog.move(window.mapToGlobal(QPoint(TYPED_SIZE[0] - dialog.width() - 40, 330)))
    for _ in range(20):  # let every panel lay out and draw
        app.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0))), dialog.grab())
    painter.end()
    picture.save(str(path))
    dialog.reject()
    window.close()


def make_gif(spec: ExperimentSpec, path: Path, lang: str = "en") -> None:
    """Record ``spec`` with ``python main.py export`` into ``path``."""
    with tempfile.TemporaryDirectory() as tmp:
        experiment = Path(tmp) / "readme.optviz.json"
        experiment_file.save(spec, experiment)
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "export", "--experiment", str(experiment),
             "--size", f"{GIF_SIZE[0]}x{GIF_SIZE[1]}", "--frames", str(GIF_FRAMES),
             "--fps", str(GIF_FPS), "--steps-per-frame", str(GIF_STEPS_PER_FRAME),
             "--lang", lang, "--out", str(path)],
            check=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def make_gif3d(spec: ExperimentSpec, path: Path, lang: str = "en") -> None:
    """Record ``spec`` in 3-D, the camera orbiting, with ``python main.py export``."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    server = None
    if not env.get("DISPLAY"):
        from tests.xvfb.xsession import XServer

        server = XServer(1280, 900).start()
        env["DISPLAY"] = server.display
    try:
        with tempfile.TemporaryDirectory() as tmp:
            experiment = Path(tmp) / "readme.optviz.json"
            experiment_file.save(spec, experiment)
            subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "export", "--experiment",
                 str(experiment), "--view", "3d", "--orbit", str(GIF3D_ORBIT),
                 "--size", f"{GIF3D_SIZE[0]}x{GIF3D_SIZE[1]}", "--frames", str(GIF3D_FRAMES),
                 "--fps", str(GIF3D_FPS), "--steps-per-frame", str(GIF3D_STEPS_PER_FRAME),
                 "--lang", lang, "--out", str(path)], check=True, cwd=ROOT, env=env)
    finally:
        if server is not None:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("screenshot", "gif", "gif3d", "typed"),
                        help="make just one of them")
    parser.add_argument("--out", type=Path, default=DOCS, help="folder (default: docs/)")
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en",
                        help="interface language of the pictures (default: en)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    spec = readme_spec()
    with tempfile.TemporaryDirectory() as settings:
        os.environ["OPTVIZ_SETTINGS_DIR"] = settings  # never the user's own layout
        if args.only in (None, "gif"):
            make_gif(spec, args.out / media_name("race.gif", args.lang), args.lang)
        if args.only in (None, "gif3d"):
            make_gif3d(spec, args.out / media_name("race3d.gif", args.lang), args.lang)
        if args.only in (None, "screenshot"):
            make_screenshot(spec, args.out / media_name("screenshot.png", args.lang), args.lang)
        if args.only in (None, "typed"):
            make_typed_picture(args.out / media_name("typed_surface.png", args.lang), args.lang)
    for name in ("screenshot.png", "race.gif", "race3d.gif", "typed_surface.png"):
        p = args.out / media_name(name, args.lang)
        if p.exists():
            print(f"{p}  {p.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
