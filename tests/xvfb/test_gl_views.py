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

import numpy as np
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


def export(xserver, tmp_path, *args):
    """``python main.py export`` on the Xvfb display (the CLI picks xcb for 3-D)."""
    env = {k: v for k, v in xserver.env().items() if k != "QT_QPA_PLATFORM"}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "--quiet",
                           *map(str, args)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def mesh_mask(frame):
    c = frame.astype(int)
    return (c.max(-1) - c.min(-1)) > 40


def test_a_3d_export_with_an_orbit_turns_the_camera_over_the_frames(xserver, tmp_path):
    from tests.readback import read_frames

    runs = {}
    for orbit in (0, 120):
        out = tmp_path / f"orbit{orbit}.zip"
        export(xserver, tmp_path, "--view", "3d", "--orbit", orbit, "--frames", 6,
               "--steps-per-frame", 20, "--size", "320x240", "--out", out)
        runs[orbit] = read_frames(out)
    frames = runs[120]
    assert len(frames) == 6 and {f.shape for f in frames} == {(240, 320, 3)}
    moved = [np.mean(mesh_mask(a) ^ mesh_mask(b)) for a, b in zip(frames, frames[1:],
                                                                   strict=False)]
    still = runs[0]
    # Without an orbit only the trails change; with one the whole mesh turns.
    assert np.mean(mesh_mask(frames[0]) ^ mesh_mask(frames[-1])) > 0.05
    assert np.mean(mesh_mask(still[0]) ^ mesh_mask(still[-1])) < 0.02
    assert min(moved) > 0.005  # every frame turned a little further
    # frame 0 is the same picture either way: the orbit starts at the Home camera
    assert np.abs(frames[0].astype(int) - still[0]).mean() < 1.0


def test_both_puts_2d_left_and_3d_right(xserver, tmp_path):
    from tests.readback import read_frames

    out = tmp_path / "both.gif"
    proc = export(xserver, tmp_path, "--view", "both", "--frames", 3, "--size", "480x180",
                  "--out", out)
    frames = read_frames(out)
    assert len(frames) == 3 and frames[0].shape == (180, 480, 3)
    left, right = mesh_mask(frames[-1][:, :240]), mesh_mask(frames[-1][:, 240:])
    assert left.mean() > 0.3 and right.mean() > 0.05  # the 2-D image fills its half
    assert proc.stderr == ""
