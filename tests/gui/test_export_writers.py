"""Frame writers: what is written reads back right, and nothing half-written stays.

These writers import no Qt; frames here are synthetic (a smooth gradient
with thin coloured lines that move, like trails over a surface).
"""

import os
import struct

import imageio.v3 as iio
import numpy as np
import pytest
from PIL import Image

from gui.export.palette import GifQuantizer
from gui.export.writers import (
    ExportError,
    GifWriter,
    PngFramesWriter,
    format_of,
    gif_durations,
    open_writer,
)
from tests.readback import read_frames

W, H, N, FPS = 160, 120, 10, 12.0
TRAIL = (255, 127, 14)


def make_frames(n=N, w=W, h=H):
    yy, xx = np.mgrid[0:h, 0:w]
    bg = np.stack([xx * 255 // w, yy * 255 // h, np.full_like(xx, 90)], -1).astype(np.uint8)
    frames = []
    for i in range(n):
        f = bg.copy()
        f[40:42, : 10 + 12 * i] = TRAIL
        f[80:84, 5 * i: 5 * i + 8] = (255, 255, 255)
        frames.append(f)
    return frames


def write_all(path, frames, fps=FPS):
    with open_writer(path, frames[0].shape[1], frames[0].shape[0], fps) as w:
        for f in frames:
            w.write(f)
    return path


@pytest.mark.parametrize("name,tol_mean,tol_max", [
    ("race.mp4", 4.0, 80), ("race.gif", 4.0, 24), ("race.zip", 0.0, 0)])
def test_animation_reads_back_with_frame_count_size_and_pixels(tmp_path, name, tol_mean, tol_max):
    frames = make_frames()
    path = write_all(tmp_path / name, frames)
    got = read_frames(path)
    assert len(got) == N
    for g, f in zip(got, frames, strict=True):
        assert g.shape[:2] == (H, W)
        diff = np.abs(g[..., :3].astype(int) - f)
        assert diff.mean() <= tol_mean and diff.max() <= tol_max
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_png_folder_holds_numbered_frames(tmp_path):
    frames = make_frames(3)
    out = write_all(tmp_path / "frames", frames)
    assert len(read_frames(out)) == 3
    assert sorted(p.name for p in out.iterdir()) == [f"frame_{i:05d}.png" for i in range(3)]
    np.testing.assert_array_equal(iio.imread(out / "frame_00002.png"), frames[2])
    assert [p.name for p in tmp_path.iterdir()] == ["frames"]


def test_png_folder_refuses_a_folder_that_has_files(tmp_path):
    (tmp_path / "frames").mkdir()
    (tmp_path / "frames" / "keep.txt").write_text("mine")
    with pytest.raises(ExportError, match="not an empty folder"):
        PngFramesWriter(tmp_path / "frames", W, H, FPS)
    assert (tmp_path / "frames" / "keep.txt").read_text() == "mine"


def gif_blocks(data: bytes):
    """(has_global_table, [local-table flags], [delays cs], loops) from GIF bytes."""
    packed = data[10]
    has_global = bool(packed & 0x80)
    pos = 13 + (3 * 2 ** ((packed & 7) + 1) if has_global else 0)
    local, delays, loops = [], [], False
    while data[pos] != 0x3B:
        if data[pos] == 0x21:  # extension: label, then sub-blocks
            label = data[pos + 1]
            if label == 0xF9:
                delays.append(struct.unpack("<H", data[pos + 4:pos + 6])[0])
            if label == 0xFF and data[pos + 3:pos + 14] == b"NETSCAPE2.0":
                loops = True
            pos += 2
        else:  # image descriptor, optional local table, LZW data
            flags = data[pos + 9]
            local.append(bool(flags & 0x80))
            pos += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0) + 1
        while data[pos]:
            pos += data[pos] + 1
        pos += 1
    return has_global, local, delays, loops


def test_gif_uses_one_global_palette_loops_and_keeps_time(tmp_path):
    path = write_all(tmp_path / "race.gif", make_frames(), fps=30)
    has_global, local, delays, loops = gif_blocks(path.read_bytes())
    assert has_global and loops
    assert len(local) == N and not any(local)
    assert sum(delays) == round(N * 100 / 30)  # 10 frames at 30 fps = 33 cs, not 30


def test_gif_durations_track_the_frame_rate():
    for fps in (7.0, 12.0, 24.0, 30.0, 50.0):
        d = gif_durations(90, fps)
        assert all(x % 10 == 0 and x >= 10 for x in d)
        assert abs(sum(d) / 1000 - 90 / fps) <= 0.005


def test_global_palette_keeps_thin_run_colours():
    frames = make_frames()
    q = GifQuantizer.from_frames(frames[::3])
    nearest = np.abs(q.palette.astype(int) - TRAIL).sum(axis=1).min()
    assert nearest <= 12
    img = np.asarray(q.to_image(frames[5]).convert("RGB"))
    assert np.abs(img[41, 5].astype(int) - TRAIL).max() <= 8


def test_exception_mid_export_leaves_nothing(tmp_path):
    frames = make_frames()
    for name in ("race.mp4", "race.gif", "race.zip", "frames"):
        with pytest.raises(KeyboardInterrupt):
            with open_writer(tmp_path / name, W, H, FPS) as w:
                for i, f in enumerate(frames):
                    w.write(f)
                    if i == 4:
                        raise KeyboardInterrupt
        assert list(tmp_path.iterdir()) == [], name


def test_failed_export_keeps_the_previous_file(tmp_path):
    old = write_all(tmp_path / "race.gif", make_frames(2))
    before = old.read_bytes()
    w = GifWriter(old, W, H, FPS)
    w.write(make_frames(1)[0])
    w.abort()
    assert old.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["race.gif"]


@pytest.mark.parametrize("name", ["race.mp4", "race.gif", "race.zip", "frames"])
def test_unwritable_folder_gives_a_clear_message(tmp_path, name):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder")
    with pytest.raises(ExportError, match="is not a folder"):
        open_writer(blocker / name, W, H, FPS)
    with pytest.raises(ExportError, match="does not exist"):
        open_writer(tmp_path / "missing" / name, W, H, FPS)
    with pytest.raises(ExportError, match="not writable"):
        open_writer(f"/proc/{name}", W, H, FPS)
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_bad_sizes_and_rates_are_refused_before_anything_is_written(tmp_path):
    with pytest.raises(ExportError, match="even"):
        open_writer(tmp_path / "a.mp4", 161, 120, FPS)
    with pytest.raises(ExportError, match="50 fps"):
        open_writer(tmp_path / "a.gif", W, H, 60)
    with pytest.raises(ExportError, match="format"):
        format_of(tmp_path / "a.avi")
    with pytest.raises(ValueError, match="uint8"):
        with open_writer(tmp_path / "a.gif", W, H, FPS) as w:
            w.write(np.zeros((H, W, 3)))
    assert list(tmp_path.iterdir()) == []


def test_png_frame_is_lossless(tmp_path):
    frame = make_frames(1)[0]
    out = write_all(tmp_path / "one", [frame])
    assert np.array_equal(np.asarray(Image.open(out / "frame_00000.png")), frame)


def test_outputs_get_ordinary_permissions_not_the_temporary_files_private_ones(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    for name in ("race.gif", "race.zip", "race.mp4"):
        path = write_all(tmp_path / name, make_frames(2))
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, name
    folder = write_all(tmp_path / "frames", make_frames(2))
    assert folder.stat().st_mode & 0o777 == 0o777 & ~umask


def gif_frames(data: bytes):
    """[(left, top, width, height, transparent)] of every image in GIF bytes."""
    packed = data[10]
    pos = 13 + (3 * 2 ** ((packed & 7) + 1) if packed & 0x80 else 0)
    out, transparent = [], False
    while data[pos] != 0x3B:
        if data[pos] == 0x21:
            if data[pos + 1] == 0xF9:
                transparent = bool(data[pos + 3] & 1)
            pos += 2
        else:
            out.append((*struct.unpack("<HHHH", data[pos + 1:pos + 9]), transparent))
            pos += 11
        while data[pos]:
            pos += data[pos] + 1
        pos += 1
    return out


def test_gif_frames_after_the_first_hold_only_the_rectangle_that_changed(tmp_path):
    frames = make_frames()
    path = write_all(tmp_path / "race.gif", frames)
    images = gif_frames(path.read_bytes())
    assert images[0] == (0, 0, W, H, False)
    for i, (left, top, width, height, transparent) in enumerate(images[1:], start=1):
        # frame i lengthens the trail on row 40 and moves the block on rows 80-83
        assert transparent and (top, top + height) == (40, 84), i
        assert left <= 5 * i and width < W


def test_gif_of_changes_reads_back_as_its_whole_frames_would(tmp_path):
    """Every pixel read back is the palette colour of that frame's pixel: what
    is left transparent shows exactly what it was."""
    frames = make_frames(12)
    frames[6] = frames[5].copy()  # a frame like the one before merges into it
    writer = GifWriter(tmp_path / "race.gif", W, H, FPS)
    for f in frames:
        writer.write(f)
    writer.close()
    quant = writer._quant
    got = read_frames(tmp_path / "race.gif")
    assert len(got) == 11
    expected = [quant.palette[quant.indices(f)] for i, f in enumerate(frames) if i != 6]
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_array_equal(g, e)
    assert os.path.getsize(tmp_path / "race.gif") < 0.4 * len(got) * W * H
