"""The 3-D view's tests for real: ``tests/gui/gl`` run on a private Xvfb display.

The plain test run uses Qt's offscreen platform, where OpenGL is not safe,
so those tests skip there. Here a child pytest runs them on an Xvfb display
of its own (xcb platform, Mesa's software OpenGL), and every one of them
must pass: a skip here means the machine lacks OpenGL, which CI installs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.xvfb.xsession import XServer, missing_tools

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.xvfb,
              pytest.mark.skipif(missing_tools() is not None, reason=missing_tools() or "")]


@pytest.fixture(scope="module")
def xserver():
    x = XServer(1280, 900).start()
    yield x
    x.stop()


def test_every_3d_view_test_passes_on_xvfb_with_software_gl(xserver, tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
         str(ROOT / "tests" / "gui" / "gl")],
        cwd=ROOT, env=xserver.env(XDG_RUNTIME_DIR=str(runtime)), capture_output=True,
        text=True, timeout=900)
    report = proc.stdout[-4000:] + proc.stderr[-2000:]
    assert proc.returncode == 0, report
    assert "skipped" not in proc.stdout and " passed" in proc.stdout, report
