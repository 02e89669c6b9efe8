"""Export targets: where an animation may go, and what is left when it cannot.

The frame writers (no Qt) write to a temporary file beside the target and
rename it at the end. Table: targets that are refused or fail midway (a
folder, a name too long, one picture's name, a full disk, an export too
large for the limit or for the free space) raise ``ExportError`` with one
line naming the target and leave an older file unchanged, mode included, and
nothing else. Then: a link is written through, a stale temporary of a killed
export is removed, a cancel at the very end of encoding keeps the old file,
and a GIF larger than its buffer streams with a bounded number of frames held.
"""

import os
import stat
import subprocess
import sys
from collections import namedtuple

import numpy as np
import pytest
from PIL import Image

from gui.export import frame_writer
from gui.export.writers import ExportCancelled, ExportError, GifWriter, open_writer
from tests import bounded
from tests.readback import read_frames

W, H = 64, 48
OLD = b"an older export"


def frames(n):
    yy, xx = np.mgrid[0:H, 0:W]
    out = []
    for i in range(n):
        f = np.stack([xx * 4, yy * 5, np.full_like(xx, 90)], -1).astype(np.uint8)
        f[10:12, : 3 + 2 * i] = (255, 127, 14)
        out.append(f)
    return out


def record(path, n=6):
    with open_writer(path, W, H, 10.0) as w:
        for f in frames(n):
            w.write(f)
    return path


def old_file(folder, name="race.gif"):
    path = folder / name
    path.write_bytes(OLD)
    path.chmod(0o640)
    return path


def assert_unchanged(path, listing):
    assert path.read_bytes() == OLD and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(path.parent)) == listing


FULL_DISK = ("import sys\nfrom tests.gui.test_export_targets import record\n"
             "from gui.export.writers import ExportError\n"
             "try:\n    record(__import__('pathlib').Path(sys.argv[1]), 40)\n"
             "except ExportError as e:\n    print(e, file=sys.stderr)\n    sys.exit(1)\n")


def full_disk(path):
    done = bounded.python(FULL_DISK, path, file_size=3_000, timeout=60)  # 40 frames take 3.6 kB
    assert done.returncode == 1, done.stderr
    raise ExportError(done.stderr.strip())


Disk = namedtuple("Disk", "total used free")

BAD_TARGETS = [  # (id, target name, action(path), words)
    ("a folder", "race.gif", lambda p: (p.unlink(), p.mkdir(), record(p)), "it is a folder"),
    ("a 300-byte name", "x" * 240 + ".gif", lambda p: record(p.with_name("y" * 300 + ".gif")),
     "a file name of 304 bytes"),
    ("one picture's name", "race.gif", lambda p: record(p.with_name("race.png")),
     "names one picture"),
    ("a full disk (GIF)", "race.gif", full_disk, "cannot write race.gif: File too large"),
    ("a full disk (ZIP)", "race.zip", full_disk, "cannot write frame"),
    ("larger than the limit", "race.gif",
     lambda p: frame_writer.check_export_size(p, 8192, 8192, 100_000), "the limit is 4.0 GB"),
    ("more than the free space", "race.gif", lambda p: (
        setattr(frame_writer.shutil, "disk_usage", lambda _: Disk(10**9, 10**9 - 5000, 5000)),
        frame_writer.check_export_size(p, 640, 480, 100)), "has 0 MB free"),
]


@pytest.mark.parametrize("name,action,words", [c[1:] for c in BAD_TARGETS],
                         ids=[c[0] for c in BAD_TARGETS])
def test_bad_targets_fail_with_one_line_and_leave_the_old_file(tmp_path, monkeypatch, name,
                                                               action, words):
    monkeypatch.setattr(frame_writer.shutil, "disk_usage", frame_writer.shutil.disk_usage)
    path = old_file(tmp_path, name)
    listing = sorted(os.listdir(tmp_path))
    with pytest.raises(ExportError) as info:
        action(path)
    assert words in str(info.value) and "\n" not in str(info.value), str(info.value)
    if path.is_dir():
        assert os.listdir(path) == [] and sorted(os.listdir(tmp_path)) == listing
    else:
        assert_unchanged(path, listing)


def test_a_symbolic_link_is_written_through(tmp_path):
    (tmp_path / "real").mkdir()
    real = old_file(tmp_path / "real")
    link = tmp_path / "link.gif"
    link.symlink_to(real)
    record(link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    with Image.open(real) as image:
        assert image.format == "GIF" and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert os.listdir(real.parent) == ["race.gif"]


def test_a_killed_exports_temporary_is_removed_by_the_next_export(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".race.gif.{int(gone.stdout)}-89abcdef.part.gif"
    stale.write_bytes(b"half")
    live = tmp_path / f".race.gif.{os.getppid()}-89abcdef.part.gif"  # a running export's
    live.write_bytes(b"busy")
    record(tmp_path / "race.gif")
    assert sorted(os.listdir(tmp_path)) == sorted(["race.gif", live.name])


def test_a_cancel_at_the_end_of_encoding_keeps_the_old_file(tmp_path):
    path = old_file(tmp_path)
    writer = open_writer(path, W, H, 10.0)
    for f in frames(5):
        writer.write(f)

    def progress(k, total):
        if k == total:  # the very last moment, just before the rename
            raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        writer.close(progress)
    assert_unchanged(path, ["race.gif"])


def test_a_gif_larger_than_its_buffer_streams_and_reads_back(tmp_path):
    frame_bytes = W * H * 3
    writer = GifWriter(tmp_path / "long.gif", W, H, 10.0, buffer_bytes=3 * frame_bytes)
    held = []
    for f in frames(20) + [frames(20)[-1]] * 4:  # the last frame held 5 times
        writer.write(f)
        held.append(len(writer._kept))
    path = writer.close()
    assert max(held) <= 3
    got = read_frames(path)
    assert len(got) == 20  # identical frames merged into one longer frame
    for g, f in zip(got, frames(20), strict=True):
        assert np.abs(g[..., :3].astype(int) - f).mean() <= 4.0
    with Image.open(path) as im:
        im.seek(19)
        assert im.info["duration"] == 500  # 5 frames at 10 fps


def test_csv_exports_write_through_links_and_keep_the_mode(tmp_path):
    from gui.export.static import write_text

    real = old_file(tmp_path, "curves.csv")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_text(link, "step,loss\n0,1\n")
    assert link.is_symlink() and real.read_text() == "step,loss\n0,1\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["curves.csv", "link.csv"]
