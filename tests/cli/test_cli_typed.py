"""``export --surface "f: EXPR" --bounds X0,X1,Y0,Y1 --param NAME=VALUE``."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.cli import cli_export
from gui.cli.cli_options import glue_negative_values
from tests.readback import read_frames

ROOT = Path(__file__).resolve().parents[2]


def test_the_documented_typed_surface_command_records_a_gif(tmp_path):
    out = tmp_path / "typed.gif"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "--surface", "f: x**2 + 10*y**2",
         "--bounds", "-3,3,-2,2", "--optimizers", "sgd,momentum", "--start", "-2.5,1.5",
         "--steps", "20", "--frames", "5", "--size", "160x120", "--quiet", "--out", str(out)],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    assert len(read_frames(out)) == 5


BAD = [  # (arguments, the one line said)
    (["--surface", "f: x**2 + z"], "--surface 'x**2 + z': column 8: unknown name 'z'"),
    (["--surface", "f: __import__('os').system('touch PWNED')"],
     "column 1: only the listed functions can be called"),
    (["--surface", "f: x ^ 2"], "column 3: '^' is not a power here"),
    (["--surface", "f: 9**9**9"], "column 1: the constant 9**9**9 overflows a float"),
    (["--surface", "f: a*x"], "column 1: unknown name 'a'"),
    (["--surface", "f: a*x", "--param", "a"], "--param 'a': expected NAME=VALUE"),
    (["--surface", "f: a*x", "--param", "a=inf"], "--param: parameter a must be a finite"),
    (["--surface", "f: x", "--bounds", "1,0,0,1"], "--bounds: x runs from 1 to 0"),
    (["--surface", "f: x", "--bounds", "-1,1"], "--bounds '-1,1': expected X0,X1,Y0,Y1"),
    (["--surface", "bowl", "--bounds", "-1,1,-1,1"], "--bounds: only for a typed surface"),
    (["--surface", "bowl", "--param", "a=1"], "--param: only for a typed surface"),
]


@pytest.mark.parametrize(("args", "words"), BAD, ids=[b[1][:40] for b in BAD])
def test_a_bad_typed_surface_prints_one_line_and_exits_2(capsys, tmp_path, monkeypatch, args,
                                                         words):
    monkeypatch.chdir(tmp_path)
    assert cli_export.main([*args, "--out", str(tmp_path / "x.gif")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("optviz export: error:") and words in err, err
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing executed


def test_negative_values_are_glued_to_their_option():
    assert glue_negative_values(["--bounds", "-3,3,-2,2", "--start", "-1.2,1", "--steps", "5",
                                 "--lr", "-1"]) == [
        "--bounds=-3,3,-2,2", "--start=-1.2,1", "--steps", "5", "--lr", "-1"]
