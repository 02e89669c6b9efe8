"""Hostile command lines: exit code 2, one line naming the input, no traceback.

Options that fail before Qt starts run in-process (``main.main``); special
files and bad datasets, which need the recorder (or could hang or fill
memory if a check were missing), run ``python main.py`` in a child with a
timeout and a memory limit. Every case starts with an older file at the
target (mode 0640) and checks it is still there, unchanged, and alone.
"""

import json
import os
import stat

import pytest

import main
from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment
from tests import bounded

OLD = b"an older export"


@pytest.fixture
def target(tmp_path):
    """``out/race.gif`` holding an older file, mode 0640."""
    out = tmp_path / "out"
    out.mkdir()
    path = out / "race.gif"
    path.write_bytes(OLD)
    path.chmod(0o640)
    return path


def assert_untouched(target, also=()):
    assert target.read_bytes() == OLD and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(os.listdir(target.parent)) == sorted([target.name, *also])


OPTIONS = [  # (arguments, words of the one line); --out is the target unless given
    (["--start", "1e308,1e308"], "--start '1e308,1e308': coordinates must be in"),
    (["--start=-2e6,0"], "must be in [-1e+06, 1e+06]"),
    (["--out", "race.png"], "names one picture"),
    (["--out", "x" * 300 + ".gif"], "a file name of 304 bytes; at most 200"),
    (["--frames", "100000"], "100,000 frames of 640x480 would make a GIF of about"),
    (["--frames", "1000", "--size", "8192x8192"], "the limit is 4.0 GB"),
    (["--frames", "50000", "--out", "race.zip"], "would make a ZIP"),
]


@pytest.mark.parametrize("args,words", OPTIONS, ids=[" ".join(a)[:30] for a, _ in OPTIONS])
def test_bad_options_exit_2_before_any_work(capsys, target, args, words):
    if "--out" in args:
        i = args.index("--out") + 1
        args = [*args[:i], str(target.parent / args[i]), *args[i + 1:]]
    else:
        args = [*args, "--out", str(target)]
    assert main.main(["export", "--surface", "bowl", "--optimizers", "sgd", *args]) == 2
    line = bounded.assert_one_line(capsys.readouterr().err, "optviz export: error:", words)
    assert "Traceback" not in line
    assert_untouched(target)


def classifier_experiment(folder, dataset) -> str:
    spec = json.loads(ef.to_json(default_experiment()))
    spec["surface"] = {"name": "classifier", "resolution": 16,
                       "slice": {"dataset": str(dataset), "center": "init"}}
    spec["starts"] = [[0.1, 0.1]]
    path = folder / "data.optviz.json"
    path.write_text(json.dumps(spec))
    return str(path)


def _fifo(path):
    os.mkfifo(path)
    return path


def _zero_csv(folder):
    (folder / "x.csv").symlink_to("/dev/zero")
    return folder / "x.csv"


def _forged_cifar(folder):
    from tests.core.test_hostile_datasets import _forged
    return _forged(folder)


RECORDED = [  # (id, argv maker(inputs folder, target) -> main.py args, words)
    ("--experiment /dev/zero", lambda t, out: ["export", "--experiment", "/dev/zero"],
     ["optviz export: error: --experiment: /dev/zero: is not a regular file"]),
    ("--experiment a FIFO", lambda t, out: ["export", "--experiment", _fifo(t / "p.json")],
     ["is not a regular file (it is a named pipe)"]),
    ("GUI on /dev/urandom", lambda t, out: ["/dev/urandom"],
     ["optviz: error: /dev/urandom: is not a regular file"]),
    ("dataset linked to /dev/zero", lambda t, out: [
        "export", "--experiment", classifier_experiment(t, _zero_csv(t))],
     ["the surface could not be built", "x.csv: is not a regular file"]),
    ("forged-pointer CIFAR folder", lambda t, out: [
        "export", "--experiment", classifier_experiment(t, _forged_cifar(t))],
     ["batches.meta: dtype 'V8' is not a plain", "binary version"]),
]


@pytest.mark.parametrize("make,words", [c[1:] for c in RECORDED], ids=[c[0] for c in RECORDED])
def test_bad_inputs_exit_2_with_one_line_in_bounded_time_and_memory(tmp_path, target, make,
                                                                    words):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    args = make(inputs, target)
    if args[0] == "export":
        args += ["--frames", "2", "--size", "64x48", "--quiet", "--out", target]
    done = bounded.optviz(*args, timeout=90)
    assert done.returncode == 2, (done.returncode, done.stderr)
    bounded.assert_one_line(done.stderr, *words)
    assert_untouched(target)


def test_a_tiny_frame_with_curves_and_a_title_warns_nothing(tmp_path):
    out = tmp_path / "tiny.gif"
    done = bounded.optviz("export", "--surface", "bowl", "--optimizers", "sgd,adam",
                          "--frames", "2", "--size", "16x16", "--curves", "--title", "T",
                          "--quiet", "--out", out, timeout=90)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and out.stat().st_size > 0
