"""Recording races: each format holds the expected frames, drawn by the live view's code."""

import numpy as np
import pytest

from gui.export.animation import RaceRecorder, export_animation, qimage_to_rgb
from gui.export.animation_options import AnimationOptions
from gui.export.frame_writer import ExportCancelled, ExportError
from gui.surface.surface_view import SurfaceView
from tests.readback import read_frames

W, H, N = 160, 120, 10
# Mean and 99th-percentile |difference| allowed per format (GIF: palette; MP4: H.264 + yuv420p).
TOLERANCE = {"race.mp4": (6.0, 80), "race.gif": (3.0, 40), "race.zip": (0.0, 0),
             "frames": (0.0, 0)}


@pytest.fixture
def spec(model):
    return model.spec.copy()


def live_view(qtbot, model, spec):
    """The window's view of ``spec`` at step 0, shown as in the window."""
    model.load_spec(spec)
    view = SurfaceView(model)
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def live_frame(view, size=(W, H)):
    return qimage_to_rgb(view.render_image(*size))


@pytest.mark.parametrize("name", sorted(TOLERANCE))
def test_each_format_reads_back_with_frames_size_and_the_live_view_at_frame_0(
        qtbot, model, spec, tmp_path, name):
    view = live_view(qtbot, model, spec)
    expected = live_frame(view)
    options = AnimationOptions(W, H, fps=12, frames=N, steps_per_frame=3)
    path = export_animation(spec, tmp_path / name, options, view_rect=view.viewbox.viewRect())
    frames = read_frames(path)
    assert len(frames) == N
    assert all(f.shape == (H, W, 3) for f in frames)
    diff = np.abs(frames[0].astype(int) - expected)
    mean, p99 = TOLERANCE[name]
    assert diff.mean() <= mean and np.percentile(diff, 99) <= p99
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_frames_follow_the_race_step_by_step(qtbot, model, spec, tmp_path):
    view = live_view(qtbot, model, spec)
    live = [live_frame(view)]
    for _ in range(3):  # the window's view, stepped as the animation steps
        model.advance(5)
        live.append(live_frame(view))
    path = export_animation(spec, tmp_path / "race.zip",
                            AnimationOptions(W, H, frames=4, steps_per_frame=5),
                            view_rect=view.viewbox.viewRect())
    frames = read_frames(path)
    for got, want in zip(frames, live, strict=True):
        np.testing.assert_array_equal(got, want)
    assert not np.array_equal(frames[1], frames[0])


def test_default_frame_count_reaches_the_last_step(spec):
    spec.steps, spec.steps_per_frame = 20, 3
    assert AnimationOptions().resolved(spec).frames == 8  # steps 0, 3, …, 18, 20 (capped)
    assert AnimationOptions(frames=5, steps_per_frame=2).resolved(spec).frames == 5


@pytest.mark.parametrize("steps,frames,spf,last", [
    (4, 4, 3, 9),  # more frames than the experiment has steps: the race goes on
    (20, 8, 3, 20),  # only the last frame would overshoot: it shows the last step
    (20, 3, 10, 20)])
def test_where_the_last_frame_lands(model, spec, qapp, steps, frames, spf, last):
    spec.steps = steps
    recorder = RaceRecorder(spec, AnimationOptions(W, H, frames=frames, steps_per_frame=spf))
    try:
        recorder.wait_ready()
        assert len(list(recorder.frames())) == frames
        assert recorder.model.step == last
    finally:
        recorder.close()


def test_title_banner_sits_above_the_surface(spec, tmp_path):
    plain = read_frames(export_animation(spec, tmp_path / "a.zip",
                                         AnimationOptions(320, 240, frames=1)))[0]
    titled = read_frames(export_animation(spec, tmp_path / "b.zip",
                                          AnimationOptions(320, 240, frames=1,
                                                           title="SGD vs Adam")))[0]
    band = titled[:18]
    assert (band.max(axis=-1) > 200).sum() > 30  # light letters on the dark band
    assert np.abs(band.astype(int) - [20, 20, 28]).max(axis=-1).mean() < 60
    assert not np.array_equal(plain[:18], band)


def test_cancel_removes_the_partial_file_and_keeps_an_old_one(spec, tmp_path):
    for name in ("race.mp4", "race.gif", "frames"):
        asked = iter(range(10**6))
        with pytest.raises(ExportCancelled):
            export_animation(spec, tmp_path / name, AnimationOptions(W, H, frames=50),
                             cancelled=lambda a=asked: next(a) > 4)
        assert list(tmp_path.iterdir()) == []
    old = tmp_path / "race.gif"
    old.write_bytes(b"the previous export")
    with pytest.raises(ExportCancelled):
        export_animation(spec, old, AnimationOptions(W, H, frames=50),
                         cancelled=lambda: True)
    assert old.read_bytes() == b"the previous export"
    assert list(tmp_path.iterdir()) == [old]


def test_unwritable_folder_fails_before_any_rendering(spec, tmp_path, monkeypatch):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    monkeypatch.setattr(RaceRecorder, "__init__", lambda *a: pytest.fail("rendered anyway"))
    for target in (blocker / "out.mp4", tmp_path / "missing" / "out.gif", "/proc/out.mp4"):
        with pytest.raises(ExportError, match="cannot write"):
            export_animation(spec, target, AnimationOptions(W, H, frames=3))
    assert list(tmp_path.iterdir()) == [blocker]


def test_classifier_slice_waits_for_the_full_grid(spec, tmp_path):
    from optim_core.experiment.spec import SliceSpec, SurfaceSpec

    spec.surface = SurfaceSpec(name="classifier", resolution=96,
                               slice=SliceSpec(center="trained", extent=1.0))
    spec.starts = [[-0.8, 0.7]]
    messages = []
    path = export_animation(spec, tmp_path / "slice.zip", AnimationOptions(W, H, frames=2),
                            progress=lambda f, m: messages.append(m))
    frames = read_frames(path)
    assert len(frames) == 2 and frames[0].std() > 10
    assert "preparing the surface" in messages


def test_curves_panel_is_drawn_beside_the_surface(qtbot, model, spec, tmp_path):
    from gui.export.animation import SIDE_SHARE

    w, h = 960, 540
    side_w = round(w * SIDE_SHARE)
    view = live_view(qtbot, model, spec)
    live_frame(view, (w - side_w, h))
    model.advance(40)
    expected = live_frame(view, (w - side_w, h))
    frame = read_frames(export_animation(
        spec, tmp_path / "c.zip", AnimationOptions(w, h, frames=2, steps_per_frame=40,
                                                   curves=True),
        view_rect=view.viewbox.viewRect()))[-1]
    differ = np.abs(frame[:, : w - side_w].astype(int) - expected).max(axis=-1) > 0
    assert differ.mean() < 1e-3  # the same picture, up to a few antialiased pixels
    side = frame[:, w - side_w:].astype(int)
    for run in spec.runs:  # every run has its curves, in its colour, in the panel
        rgb = np.array([int(run.color[i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(side - rgb).max(axis=-1) < 50).sum() > 30, run.label


def test_the_curves_follow_the_race_in_every_frame(spec):
    """With no event loop between frames (the command line) the panel's redraw
    throttle never fired again, and every curve stopped at the first frame."""
    recorder = RaceRecorder(spec, AnimationOptions(480, 270, frames=6, steps_per_frame=20,
                                                   curves=True))
    try:
        recorder.wait_ready()
        sides = []
        for frame in recorder.frames():
            loss = recorder.side_panel.items[("loss", 0)].getData()[0]
            assert len(loss) == recorder.model.step + 1
            sides.append(frame[:, -100:].astype(int))
        assert all(np.abs(a - b).max() > 0 for a, b in zip(sides[1:-1], sides[2:], strict=True))
    finally:
        recorder.close()


def test_frames_come_in_pieces_on_the_event_loop_and_match_the_whole_frames(spec):
    options = AnimationOptions(320, 180, frames=4, steps_per_frame=10, curves=True)
    whole, pieces = (RaceRecorder(spec, options) for _ in range(2))
    try:
        for r in (whole, pieces):
            r.wait_ready()
        parts = list(pieces.frame_pieces())
        assert [p is None for p in parts] == [True, True, False] * 4  # surface, curves, frame
        for a, b in zip(whole.frames(), (p for p in parts if p is not None), strict=True):
            assert np.array_equal(a, b)
    finally:
        whole.close()
        pieces.close()
