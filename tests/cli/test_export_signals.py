"""Stopping an export by a signal: nothing left behind, an older file kept as it was.

``python main.py export`` is started for real, signalled once it reports its
first frames, and must exit with 128 + the signal, say "stopped" in one line,
leave the older target byte for byte and mode for mode, and leave no
temporary file. SIGHUP stops ffmpeg's MP4 too (ffmpeg runs in its own
session, so only optviz decides when it stops). A TERM that arrives while a
GIF's last frames are encoded (sent by the child itself at that moment, so
the test does not depend on timing) stops it too.
"""

import os
import select
import signal
import stat
import time

import pytest

from tests import bounded

OLD = b"an older export"


def wait_for_line(proc, words: str, timeout: float) -> list[str]:
    """stderr lines up to the first holding ``words`` (fails after ``timeout`` s)."""
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stderr], [], [], 0.5)
        if ready:
            line = proc.stderr.readline()
            seen.append(line)
            if words in line:
                return seen
            if not line:
                break
    pytest.fail(f"no {words!r} on stderr: {seen}")


@pytest.mark.parametrize("sig,name", [(signal.SIGINT, "race.gif"), (signal.SIGTERM, "race.zip"),
                                      (signal.SIGHUP, "race.mp4")],
                         ids=["INT gif", "TERM zip", "HUP mp4"])
def test_a_signal_stops_the_export_and_leaves_the_old_file(tmp_path, sig, name):
    target = tmp_path / name
    target.write_bytes(OLD)
    target.chmod(0o640)
    proc = bounded.start_optviz("export", "--surface", "rosenbrock", "--optimizers",
                                "sgd,adam", "--frames", "600", "--size", "160x120",
                                "--out", target, cwd=tmp_path)
    try:
        wait_for_line(proc, "frame ", timeout=60)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + sig, err
    assert err.strip().splitlines()[-1] == "optviz export: stopped; nothing was written"
    assert "Traceback" not in err
    assert target.read_bytes() == OLD and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == [name]


SIGNAL_WHILE_ENCODING = """
import os, signal, sys
from gui.export import writers
start = writers.GifWriter._start
def start_then_signal(self, progress=None):  # the GIF's final encoding begins
    os.kill(os.getpid(), signal.SIGTERM)
    start(self, progress)
writers.GifWriter._start = start_then_signal
import main
sys.exit(main.main(sys.argv[1:]))
"""


def test_a_signal_during_the_final_gif_encoding_keeps_the_old_file(tmp_path):
    target = tmp_path / "race.gif"
    target.write_bytes(OLD)
    target.chmod(0o640)
    done = bounded.python(SIGNAL_WHILE_ENCODING, "export", "--surface", "bowl", "--optimizers",
                          "sgd", "--frames", "20", "--size", "96x72", "--quiet", "--out",
                          target, timeout=90)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert done.stderr.strip() == "optviz export: stopped; nothing was written"
    assert target.read_bytes() == OLD and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["race.gif"]
