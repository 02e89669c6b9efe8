"""``python main.py --lang …`` on a private 1280 × 720 X server: the window
opens in the language asked for, fits the screen, and ``--lang`` beats the
choice the Language menu saved (which beats the system locale, C here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.xvfb.xsession import XError, XServer, missing_tools, stop

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.xvfb,
              pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))]


@pytest.fixture(scope="module")
def screen():
    x = XServer(1280, 720)
    try:
        x.start()
    except (XError, OSError) as e:
        pytest.skip(f"Xvfb could not start a display: {e}")
    yield x
    x.stop()


def window_of(screen: XServer, tmp_path: Path, *args: str, saved: str | None = None):
    """Start optviz with ``args`` (and a saved language); ``(title, width, height)``."""
    settings = tmp_path / "settings"
    if saved is not None:
        (settings / "optviz").mkdir(parents=True)
        (settings / "optviz" / "optviz.ini").write_text(f"[ui]\nlanguage={saved}\n")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, parents=True)
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--paused", *args], cwd=ROOT,
                            env=screen.env(OPTVIZ_SETTINGS_DIR=str(settings), LANG="C",
                                           LC_ALL="C", XDG_RUNTIME_DIR=str(runtime)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        found = screen.xdotool("search", "--sync", "--onlyvisible", "--name", r"— optviz$",
                               timeout=30).split()[0]
        title = screen.xdotool("getwindowname", found).strip()
        geometry = screen.xdotool("getwindowgeometry", "--shell", found)
    finally:
        stop(proc)
    size = dict(line.split("=") for line in geometry.split() if "=" in line)
    return title, int(size["WIDTH"]), int(size["HEIGHT"])


def test_lang_zh_cn_opens_the_window_in_chinese_within_the_screen(screen, tmp_path):
    title, width, height = window_of(screen, tmp_path, "--lang", "zh_CN")
    assert title == "Rosenbrock 函数上的竞赛 — optviz"
    assert width <= 1280 and height <= 720


def test_the_saved_choice_applies_and_lang_overrides_it(screen, tmp_path):
    assert window_of(screen, tmp_path / "a", saved="zh_CN")[0].startswith("Rosenbrock 函数")
    title = window_of(screen, tmp_path / "b", "--lang", "en", saved="zh_CN")[0]
    assert title == "Rosenbrock race — optviz"
