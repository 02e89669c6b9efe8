"""``python main.py export``: real runs in a subprocess, option checks in-process.

Option errors are found before Qt is loaded, so those cases run in-process;
anything that records runs ``main.py`` in a fresh interpreter, as a user would.
"""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gui.cli import cli_export
from optim_core.experiment import file as ef
from tests.readback import read_frames

ROOT = Path(__file__).resolve().parents[2]
SMALL = ["--size", "160x120", "--quiet"]


def optviz(*args, timeout=120):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "export", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env)


def test_help_documents_every_option():
    proc = optviz("--help")
    assert proc.returncode == 0
    for option in ("--experiment", "--surface", "--optimizers", "--lr", "--start", "--steps",
                   "--out", "--fps", "--size", "--frames", "--steps-per-frame", "--title",
                   "--colormap", "--curves", "--quiet", "--list", ".mp4", ".gif", ".zip"):
        assert option in proc.stdout, option


def test_the_documented_command_records_an_mp4(tmp_path):
    out = tmp_path / "race.mp4"
    proc = optviz("--surface", "rosenbrock", "--optimizers", "sgd,momentum,adam", "--steps", 27,
                  "--steps-per-frame", 3, "--fps", 30, "--size", "160x120", "--out", out)
    assert proc.returncode == 0, proc.stderr
    frames = read_frames(out)
    assert len(frames) == 10 and frames[0].shape == (120, 160, 3)
    assert "export race.mp4" in proc.stderr and "100%" in proc.stderr  # the progress line
    assert f"wrote {out} (10 frames, steps 0 to 27, 160x120" in proc.stdout
    assert list(tmp_path.iterdir()) == [out]


def test_a_saved_experiment_with_overrides(tmp_path):
    preset = next(p for p in ef.presets() if p.name.startswith("saddle"))
    out = tmp_path / "saddle.gif"
    proc = optviz("--experiment", preset, "--frames", 6, "--title", "Saddle", "--lr", "adam=0.1",
                  "--colormap", "magma", "--out", out, *SMALL)
    assert proc.returncode == 0, proc.stderr
    assert len(read_frames(out)) == 6
    assert proc.stderr == ""  # --quiet, and no Qt chatter


@pytest.mark.parametrize("where", ["file.txt/out.mp4", "missing/out.gif", "/proc/out.mp4"])
def test_unwritable_destination_fails_with_a_message_and_no_file(tmp_path, where):
    (tmp_path / "file.txt").write_text("a regular file, not a folder")
    out = where if where.startswith("/") else tmp_path / where
    proc = optviz("--surface", "bowl", "--optimizers", "sgd", "--frames", 3, "--out", out, *SMALL)
    assert proc.returncode == 1
    assert "optviz export: error: cannot write" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_leaves_nothing_behind(tmp_path, sig, code):
    out = tmp_path / "long.gif"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "export", "--surface", "rosenbrock",
         "--frames", "3000", "--size", "160x120", "--out", str(out)],
        stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    try:
        for line in proc.stderr:
            if "frame" in line:  # recording has begun: a partial file exists now
                assert any(p.name.startswith(".long") for p in tmp_path.iterdir())
                proc.send_signal(sig)
                break
        proc.wait(timeout=60)
    finally:
        proc.kill()
        proc.wait()
        proc.stderr.close()
        proc.stdout.close()
    assert proc.returncode == code
    assert list(tmp_path.iterdir()) == []


BAD = [  # (arguments, words the message must hold)
    (["--surface", "mexican_hat"], "--surface: unknown 'mexican_hat'"),
    (["--optimizers", "sgd,adamax"], "--optimizers: unknown 'adamax'"),
    (["--lr", "adam=fast"], "'fast' is not a number"),
    (["--lr", "nadam=0.1"], "no run 'nadam'"),
    (["--lr", "sgd=1e9"], "must be in"),
    (["--start", "1;2"], "--start '1;2'"),
    (["--start", "nan,1"], "finite"),
    (["--steps", "0"], "--steps 0"),
    (["--frames", "0"], "--frames 0"),
    (["--colormap", "jet"], "--colormap: unknown 'jet'"),
    (["--size", "161x120"], "even sizes"),
    (["--size", "8x8"], "out of range"),
    (["--fps", "60", "--out", "x.gif"], "50 fps"),
    (["--out", "x.avi"], "cannot tell the format"),
]


@pytest.mark.parametrize("args,words", BAD, ids=[b[1] for b in BAD])
def test_bad_options_exit_2_with_a_message(capsys, tmp_path, args, words):
    if "--out" not in args:
        args = [*args, "--out", str(tmp_path / "x.mp4")]
    assert cli_export.main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("optviz export: error:") and words in err
    assert list(tmp_path.iterdir()) == []


def test_missing_out_and_bad_size_syntax(capsys):
    assert cli_export.main(["--surface", "bowl"]) == 2
    assert "--out is required" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        cli_export.main(["--size", "big", "--out", "x.mp4"])
    assert info.value.code == 2
    assert "is not a size like 640x480" in capsys.readouterr().err


def test_bad_experiment_file_names_the_field(capsys, tmp_path):
    bad = tmp_path / "bad.optviz.json"
    data = json.loads(ef.to_json(ef.load(ef.presets()[0])))
    data["runs"][1]["hyper"]["lr"] = -3
    bad.write_text(json.dumps(data))
    assert cli_export.main(["--experiment", str(bad), "--out", str(tmp_path / "x.mp4")]) == 2
    err = capsys.readouterr().err
    assert "runs[1].hyper.lr" in err and "out of range" in err and "bad.optviz.json" in err


def test_list_names_surfaces_optimizers_and_colour_maps(capsys):
    assert cli_export.main(["--list"]) == 0
    out = capsys.readouterr().out
    for name in ("rosenbrock", "two_wells", "classifier", "nesterov", "adamw", "viridis"):
        assert name in out


def test_options_build_the_experiment_they_describe():
    from gui.cli.cli_options import build_request

    parser = cli_export.argparse.ArgumentParser()
    cli_export.add_export_arguments(parser)
    args = parser.parse_args(["--surface", "two_wells", "--optimizers", "sgd,momentum,sgd",
                              "--lr", "0.02", "--lr", "momentum=0.01", "--start", "2,1",
                              "--start", "1.5,-1", "--steps", "90", "--frames", "10",
                              "--out", "x.gif", "--fps", "15"])
    r = build_request(args)
    assert r.spec.surface.name == "two_wells"
    assert [(run.kind, run.label, run.hyper["lr"]) for run in r.spec.runs] == [
        ("sgd", "SGD", 0.02), ("momentum", "Momentum", 0.01), ("sgd", "SGD 2", 0.02)]
    assert len({run.color for run in r.spec.runs}) == 3
    assert r.spec.starts == [[2.0, 1.0], [1.5, -1.0]] and r.spec.steps == 90
    assert (r.options.frames, r.options.steps_per_frame, r.options.fps) == (10, 10, 15)
