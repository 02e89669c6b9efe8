"""``python main.py export --view 3d|both --orbit``: the option checks and the no-GL exit.

The recordings themselves need OpenGL: ``tests/xvfb/test_gl_views.py`` makes
them on a private Xvfb display.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.cli import cli_export

ROOT = Path(__file__).resolve().parents[2]


def optviz(*args, **env):
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "export", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, env=full)


@pytest.mark.parametrize("env, why", [({}, "offscreen"), ({"OPTVIZ_NO_GL": "1"}, "OPTVIZ_NO_GL")])
def test_3d_without_opengl_exits_2_with_one_line_and_writes_nothing(tmp_path, env, why):
    out = tmp_path / "race.gif"
    proc = optviz("--view", "3d", "--orbit", 90, "--size", "160x120", "--out", out, **env)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("optviz export: error: --view 3d: "), lines
    assert "needs OpenGL" in lines[0] and why in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_both_without_opengl_is_refused_too(tmp_path):
    proc = optviz("--view", "both", "--out", tmp_path / "race.zip", OPTVIZ_NO_GL="1")
    assert proc.returncode == 2 and "--view both" in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, message", [
    (["--orbit", "90"], "use it with --view 3d"),
    (["--view", "3d", "--orbit", "nan"], "--orbit nan"),
    (["--view", "3d", "--orbit", "1e6"], "must be within"),
])
def test_bad_orbit_options_exit_2_before_anything_starts(tmp_path, capsys, args, message):
    code = cli_export.main([*args, "--out", str(tmp_path / "race.gif")])
    assert code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_bad_view_is_an_argparse_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        cli_export.main(["--view", "4d", "--out", str(tmp_path / "race.gif")])
    assert e.value.code == 2 and "--view" in capsys.readouterr().err
