"""Hostile experiment files and save targets.

Loading (``experiment.file.load``): special files are refused while opening
(a FIFO would block, ``/dev/zero`` would fill memory: those run in a bounded
child), text fields are bounded (names the system cannot open are refused
by the check, not by an OSError later), colours and mini-batch sizes are
checked exactly as the panels allow them. Saving (``experiment.file.save``):
an existing file keeps its mode, a symbolic link is written through, a
temporary left by a killed save is removed by the next save.
"""

import json
import os
import stat
import subprocess
import sys

import numpy as np
import pytest

from optim_core.experiment import file as ef
from optim_core.experiment.spec import BATCH_SIZE_MAX, REG_MAX, default_experiment
from tests import bounded


def experiment(**edits) -> str:
    """The default experiment's JSON with ``edits`` applied (dotted keys)."""
    d = json.loads(ef.to_json(default_experiment()))
    d["surface"]["name"] = "classifier"
    for key, value in edits.items():
        *path, last = key.split(".")
        node = d
        for k in path:
            node = node[int(k)] if k.isdigit() else node[k]
        node[int(last) if last.isdigit() else last] = value
    return json.dumps(d)


BAD_FIELDS = [  # (id, file text, field, words)
    ("colour with a newline", experiment(**{"runs.0.color": "#ff0000\n"}), "runs[0].color",
     "is not a colour"),
    ("colour with a space", experiment(**{"runs.0.color": " #ff0000"}), "runs[0].color",
     "is not a colour"),
    ("batch size 10^7", experiment(**{"surface.slice.batch_size": 10**7}),
     "surface.slice.batch_size", f"[0, {BATCH_SIZE_MAX}]"),
    ("dataset name of 5,000 characters", experiment(**{"surface.slice.dataset": "d" * 5000}),
     "surface.slice.dataset", "at most 4,096"),
    ("dataset name of 300 characters", experiment(**{"surface.slice.dataset": "d" * 300}),
     "surface.slice.dataset", "a name of 300 bytes"),
    ("dataset path of 6,000 characters", experiment(**{"surface.slice.dataset": "ab/" * 2000}),
     "surface.slice.dataset", "at most 4,096"),
    ("dataset with a NUL", experiment(**{"surface.slice.dataset": "a\0b.npz"}),
     "surface.slice.dataset", "NUL"),
    ("title of 200,000 characters", experiment(title="T" * 200_000), "title",
     "at most 100,000"),
    ("λ above the slider", experiment(**{"surface.slice.reg": 1001}), "surface.slice.reg",
     "out of range [0, 1000]"),
]


@pytest.mark.parametrize("content,field,words", [c[1:] for c in BAD_FIELDS],
                         ids=[c[0] for c in BAD_FIELDS])
def test_bad_fields_are_refused_naming_the_field(tmp_path, content, field, words):
    path = tmp_path / "bad.optviz.json"
    path.write_text(content)
    with pytest.raises(ef.ExperimentFileError) as info:
        ef.load(path)
    assert info.value.field == field and words in info.value.problem, str(info.value)
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)
    assert os.listdir(tmp_path) == ["bad.optviz.json"]


def test_a_file_name_longer_than_the_system_takes(tmp_path):
    path = tmp_path / ("x" * 300 + ".optviz.json")
    with pytest.raises(ef.ExperimentFileError, match="cannot be read .File name too long"):
        ef.load(path)


LOAD = ("import sys\nfrom optim_core.experiment import file as ef\n"
        "try:\n    ef.load(sys.argv[1])\n"
        "except ef.ExperimentFileError as e:\n    print(e, file=sys.stderr)\n    sys.exit(2)\n")


def _fifo(t):
    os.mkfifo(t / "pipe.optviz.json")
    return t / "pipe.optviz.json"


def _link(t):
    (t / "zero.optviz.json").symlink_to("/dev/zero")
    return t / "zero.optviz.json"


SPECIAL = [("/dev/zero", lambda t: "/dev/zero", "character device"),
           ("/dev/urandom", lambda t: "/dev/urandom", "character device"),
           ("a FIFO", _fifo, "named pipe"),
           ("a link to /dev/zero", _link, "character device")]


@pytest.mark.parametrize("make,words", [c[1:] for c in SPECIAL], ids=[c[0] for c in SPECIAL])
def test_special_files_are_refused_at_once(tmp_path, make, words):
    path = make(tmp_path)
    done = bounded.python(LOAD, path, timeout=30, memory=1 << 30)
    assert done.returncode == 2, done.stderr
    bounded.assert_one_line(done.stderr, str(path), "is not a regular file", words)


def test_saving_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "exp.optviz.json"
    path.write_text("old")
    path.chmod(0o640)
    ef.save(default_experiment(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert ef.load(path) == default_experiment()


def test_saving_over_a_symbolic_link_writes_through_it(tmp_path):
    real = tmp_path / "real" / "exp.optviz.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.optviz.json"
    link.symlink_to(real)
    ef.save(default_experiment(), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert ef.load(real) == default_experiment()
    assert sorted(os.listdir(real.parent)) == ["exp.optviz.json"]


def test_the_next_save_removes_what_a_killed_save_left(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(gone.stdout)
    path = tmp_path / "exp.optviz.json"
    stale = tmp_path / f".exp.optviz.json.{dead_pid}-0123abcd.tmp"
    stale.write_text("half a file")
    other = tmp_path / f".other.optviz.json.{dead_pid}-0123abcd.tmp"  # another file's
    other.write_text("not ours")
    live = tmp_path / f".exp.optviz.json.{os.getppid()}-0123abcd.tmp"  # a running save's
    live.write_text("being written")
    ef.save(default_experiment(), path)
    assert sorted(os.listdir(tmp_path)) == sorted([path.name, other.name, live.name])


@pytest.mark.parametrize("edits,check", [
    ({"batch_size": BATCH_SIZE_MAX}, lambda s: type(s).__name__ == "PlaneSlice"),
    ({"batch_size": 100}, lambda s: s.batch_size == 100),
    ({"reg": REG_MAX, "center": "trained"}, lambda s: s.model.reg == REG_MAX),
], ids=["a batch larger than the data is the full batch", "a smaller one is mini-batches",
        "the largest λ trains a finite W*"])
def test_every_value_a_file_allows_builds_a_finite_surface(edits, check):
    from optim_core.experiment.spec import SliceSpec, SurfaceSpec, make_surface

    spec = SurfaceSpec(name="classifier", slice=SliceSpec(**{"center": "init", **edits}))
    surface = make_surface(spec)
    assert check(surface)
    grid = surface.grid(np.linspace(-1, 1, 5), np.linspace(-1, 1, 3))
    assert np.all(np.isfinite(grid))
