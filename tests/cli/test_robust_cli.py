"""Bad input on the command line: one clear line on stderr, a non-zero exit code,
no file written.

``main.main(argv)`` runs in-process for everything that fails before Qt starts
(option checks, experiment files); one subprocess test checks the real exit codes
and stderr of ``python main.py``. The option cases already in test_cli_export.py
are not repeated.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment

ROOT = Path(__file__).resolve().parents[2]

EXPORT_OPTIONS = [  # (arguments, words of the one error line)
    (["--size", "0x0"], "out of range"),
    (["--size=-640x480"], "out of range"),
    (["--size", "99999x480"], "out of range"),
    (["--size", "640x480x3"], "is not a size like 640x480"),
    (["--size", "nanxnan"], "is not a size like 640x480"),
    (["--fps", "0"], "fps 0 is out of range"),
    (["--fps", "nan"], "fps nan is out of range"),
    (["--fps", "inf"], "fps inf is out of range"),
    (["--fps", "-5"], "fps -5 is out of range"),
    (["--fps", "fast"], "invalid float value"),
    (["--optimizers", ""], "--optimizers: unknown ''"),
    (["--optimizers", "sgd,,adam"], "--optimizers: unknown ''"),
    (["--optimizers", "SGD"], "--optimizers: unknown 'SGD'"),
    (["--optimizers", ",".join(["sgd"] * 120)], "--optimizers: 120 runs; at most 32"),
    (["--surface", "Rosenbrock"], "--surface: unknown 'Rosenbrock'"),
    (["--surface", ""], "--surface: unknown ''"),
    (["--colormap", ""], "--colormap: unknown ''"),
    (["--lr", "nan"], "must be in"),
    (["--lr", "inf"], "must be in"),
    (["--lr", "-1"], "must be in"),
    (["--lr", "sgd=1e-7"], "must be in"),
    (["--lr", "adam="], "'' is not a number"),
    (["--lr", "sgd=1e999"], "must be in"),
    (["--start", "inf,0"], "finite"),
    (["--start", "1,2,3"], "expected X,Y"),
    (["--start", ""], "expected X,Y"),
    (["--steps", "-1"], "--steps -1: must be in"),
    (["--steps", "2000000"], "--steps 2000000: must be in"),
    (["--steps", "1e3"], "invalid int value"),
    (["--frames", "200000"], "--frames 200000: must be in"),
    (["--steps-per-frame", "0"], "--steps-per-frame 0: must be in"),
    (["--out", "race.txt"], "cannot tell the format"),
    (["--experiment", "{missing}"], "no such file"),
    (["--experiment", "{folder}"], "cannot be read"),
    (["--experiment", "{truncated}"], "not valid JSON"),
    (["--experiment", "{nan}"], "must be a finite number"),
]


@pytest.fixture
def files(tmp_path):
    """Experiment files that cannot be used, in their own folder."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    text = ef.to_json(default_experiment())
    (folder / "cut.optviz.json").write_text(text[: len(text) // 3])
    (folder / "nan.optviz.json").write_text(text.replace('"lr": 0.001', '"lr": NaN', 1))
    return {"missing": str(folder / "missing.optviz.json"), "folder": str(folder),
            "truncated": str(folder / "cut.optviz.json"),
            "nan": str(folder / "nan.optviz.json")}


def one_error_line(err: str, prefix: str) -> str:
    lines = [line for line in err.splitlines() if "error:" in line]
    assert len(lines) == 1, err
    assert lines[0].startswith(prefix), err
    return lines[0]


@pytest.mark.parametrize("args,words", EXPORT_OPTIONS, ids=[" ".join(a)[:40] for a, _ in
                                                            EXPORT_OPTIONS])
def test_bad_export_options_exit_2_with_one_line_and_no_file(capsys, tmp_path, files, args,
                                                             words):
    args = [a.format(**files) for a in args]
    out = tmp_path / "out"
    out.mkdir()
    if "--out" not in args:
        args += ["--out", str(out / "race.mp4")]
    else:
        args[args.index("--out") + 1] = str(out / args[args.index("--out") + 1])
    try:
        code = main.main(["export", *args])
    except SystemExit as e:  # argparse's own checks (types) exit by themselves
        code = e.code
    assert code == 2
    err = capsys.readouterr().err
    prefix = "optviz export: error:" if "invalid" not in words else "optviz export: error: arg"
    assert words in one_error_line(err, prefix)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("which,words", [("missing", "no such file"), ("folder", "cannot be read"),
                                         ("truncated", "not valid JSON"),
                                         ("nan", "runs[0].hyper.lr: must be a finite number")])
def test_opening_a_bad_experiment_exits_2_before_any_window(capsys, files, which, words):
    assert main.main([files[which]]) == 2
    line = one_error_line(capsys.readouterr().err, "optviz: error:")
    assert files[which] in line and words in line


def test_the_real_command_line_exit_codes_and_stderr(tmp_path):
    """As a user (or a script) runs it: no hanging dialog, one line, the right code."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def optviz(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env)

    missing = optviz(tmp_path / "missing.optviz.json")
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"optviz: error: {tmp_path / 'missing.optviz.json'}: " \
                                     "no such file"
    (tmp_path / "race.gif").mkdir()  # a folder where the animation should go
    onto_folder = optviz("export", "--surface", "bowl", "--optimizers", "sgd", "--frames", "2",
                         "--size", "160x120", "--quiet", "--out", tmp_path / "race.gif")
    assert onto_folder.returncode == 1
    assert onto_folder.stderr.strip() == (f"optviz export: error: cannot write "
                                          f"'{tmp_path / 'race.gif'}': it is a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["race.gif"]
    assert list((tmp_path / "race.gif").iterdir()) == []
