"""Internals at the heads: drawn in each run's colour along each arrow, switched
from the menu and keys, explained step by step, and in exported pictures."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from optim_core.experiment import spec as spec_mod
from optim_core.experiment.spec import INTERNAL_PIECES

COLORS = {"sgd": "#ff7f0e", "momentum": "#ff33cc", "rmsprop": "#56b4e9", "adam": "#e41a1c"}


@pytest.fixture
def ravine(model):
    """SGD, momentum, RMSprop and Adam on the ravine (κ = 20), 12 steps in."""
    spec = model.spec.copy()
    spec.surface.name, spec.surface.params = "ravine", {"condition": 20.0}
    spec.starts = [[-2.6, 0.9]]
    lrs = {"sgd": 0.05, "momentum": 0.02, "rmsprop": 0.05, "adam": 0.1}
    spec.runs = [spec_mod.default_run(k, k, COLORS[k], lr=lrs[k]) for k in COLORS]
    model.load_spec(spec)
    model.advance(12)
    return model


def grab(view) -> QImage:
    return view.canvas.viewport().grab().toImage()


def near(c: QColor, target: QColor) -> bool:
    return abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(
        c.blue() - target.blue()) < 90


def hits_between(image: QImage, view, p0, p1, color: str) -> int:
    """Samples in ``color`` (within 2 px) along the middle of the segment p0 → p1
    (surface coordinates), as drawn in ``image``."""
    a, b = (view.viewport_point(*p) for p in (p0, p1))
    target, hits = QColor(color), 0
    for f in np.linspace(0.2, 0.65, 16):
        x, y = a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y())
        hits += any(near(image.pixelColor(round(x) + dx, round(y) + dy), target)
                    for dx in (-2, -1, 0, 1, 2) for dy in (-2, -1, 0, 1, 2))
    return hits


def gained(before: QImage, after: QImage, view, p0, p1, color: str) -> int:
    return hits_between(after, view, p0, p1, color) - hits_between(before, view, p0, p1, color)


def test_each_arrow_is_drawn_in_its_runs_colour(qtbot, view, ravine):
    """One run and one piece at a time (so the key's magnification fits that
    arrow): the grabbed picture gains the run's colour along the arrow."""
    before = grab(view)
    iv = ravine.internals
    iv.set_shown(True)
    expected = {"sgd": {"step", "gradient_term"},
                "momentum": {"step", "gradient_term", "velocity"},
                "rmsprop": {"step", "gradient_term"}, "adam": {"step", "gradient_term", "velocity"}}
    for index, run in enumerate(ravine.spec.runs):
        iv.set_all_runs_shown(False)
        iv.set_run_shown(index, True)
        for piece in expected[run.kind]:
            for other in INTERNAL_PIECES:
                iv.set_piece(other, other == piece)
            after = grab(view)
            glyph, = view.internals.layer.glyphs()
            assert glyph.color == run.color and set(glyph.arrows) == {piece}
            tip = glyph.origin + view.internals.layer.magnifications()[0] * glyph.arrows[piece]
            more = gained(before, after, view, glyph.origin, tip, run.color)
            assert more >= 5, (run.kind, piece, more)


@pytest.mark.parametrize("kind", ["rmsprop", "adam"])
def test_the_adaptive_box_is_drawn_in_the_runs_colour(qtbot, view, ravine, kind):
    iv = ravine.internals
    index = next(i for i, r in enumerate(ravine.spec.runs) if r.kind == kind)
    (x, y), = ravine.traces()[index].head
    view.viewbox.setRange(xRange=(x - 0.4, x + 0.4), yRange=(y - 0.3, y + 0.3), padding=0)
    before = grab(view)  # zoomed in, so the box stands clear of the run's own trail
    iv.set_all_runs_shown(False)
    iv.set_run_shown(index, True)
    for piece in INTERNAL_PIECES:
        iv.set_piece(piece, piece == "scale")
    iv.set_shown(True)
    after = grab(view)
    glyph, = view.internals.layer.glyphs()
    _, m_box = view.internals.layer.magnifications()
    assert glyph.arrows == {} and glyph.box is not None
    half = m_box * glyph.box
    a, b = (view.viewport_point(*(glyph.origin + half * np.array(c))) for c in ((-1, 1), (1, -1)))
    assert b.x() - a.x() > 6 and b.y() - a.y() > 4  # big enough to see

    def coloured(image):
        return sum(near(image.pixelColor(x, y), QColor(glyph.color))
                   for x in range(a.x() - 3, b.x() + 4) for y in range(a.y() - 3, b.y() + 4))

    perimeter = 2 * ((b.x() - a.x()) + (b.y() - a.y()))
    assert coloured(after) - coloured(before) > 0.4 * perimeter  # the trail crosses it


def test_the_arrows_follow_the_heads_as_the_race_steps(qtbot, view, ravine):
    ravine.internals.set_shown(True)
    first = {g.color: g.origin.copy() for g in view.internals.layer.glyphs()}
    ravine.advance(3)
    heads = {tr.color: tr.head[0] for tr in ravine.traces()}
    for g in view.internals.layer.glyphs():
        np.testing.assert_array_equal(g.origin, heads[g.color])
        assert not np.array_equal(g.origin, first[g.color])


def test_the_arrows_follow_a_dragged_start(qtbot, view, ravine):
    ravine.internals.set_shown(True)
    ravine.drag_start(-2.0, -0.8)
    ravine.finish_drag()
    heads = {tr.color: tr.head[0] for tr in ravine.traces()}
    glyphs = view.internals.layer.glyphs()
    assert len(glyphs) == 4
    for g in glyphs:
        np.testing.assert_array_equal(g.origin, heads[g.color])


def test_scale_key_reads_at_any_zoom(qtbot, view, ravine):
    ravine.internals.set_shown(True)
    grab(view)
    m_before, _ = view.internals.layer.magnifications()
    view.viewbox.scaleBy((0.05, 0.05))  # zoom far in: the arrows need less magnifying
    qtbot.waitUntil(lambda: (grab(view), view.internals.layer.magnifications()[0])[1]
                    < m_before)


def test_menu_key_and_per_run_toggles_change_the_model_and_the_drawing(qtbot, window, ravine):
    menu = window.internals_menu
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_I)
    assert ravine.internals.shown and menu.show_action.isChecked()
    assert len(window.view.internals.layer.glyphs()) == 4
    menu.piece_actions["gradient_term"].trigger()
    assert "gradient_term" not in ravine.internals.pieces
    assert all("gradient_term" not in g.arrows for g in window.view.internals.layer.glyphs())
    run_action = next(a for a in menu.runs_menu.actions() if a.text() == "adam")
    run_action.trigger()
    assert not ravine.spec.runs[3].internals
    assert COLORS["adam"] not in {g.color for g in window.view.internals.layer.glyphs()}
    ravine.internals.set_piece("gradient_term", True)  # model -> UI
    assert menu.piece_actions["gradient_term"].isChecked()
    qtbot.keyClick(window.view, Qt.Key.Key_I)
    assert not ravine.internals.shown and window.view.internals.layer.glyphs() == []
    assert set(ravine.internals.pieces) == set(INTERNAL_PIECES)


def test_explain_step_stages_advance_with_right_and_esc_leaves(qtbot, window, ravine):
    window.optimizer_panel.select(3)  # Adam
    window.view.setFocus()
    step = ravine.step
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    iv = ravine.internals
    assert iv.explaining and iv.stage == 0 and not ravine.playing
    names = [s.name for s in iv.explained.stages]
    assert names == ["gradient", "velocity", "adaptive", "step"]
    formula = window.view.internals.formula
    for k in range(1, 4):
        qtbot.keyClick(window.view, Qt.Key.Key_Right)
        assert iv.stage == k and ravine.step == step  # → explains, it does not step
        glyph, = window.view.internals.layer.glyphs()
        assert set(glyph.arrows) == set(iv.explained.stages[k].arrows)
        assert formula.isVisible()
    assert "m̂" in formula.text() and "x ←" in formula.text()
    final = window.view.internals.layer.glyphs()[0].arrows["step"]
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not iv.explaining and not formula.isVisible() and ravine.step == step
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert not iv.explaining and ravine.step == step + 1  # → after the last stage steps
    adam = ravine.traces()[3]
    np.testing.assert_array_equal(adam.points[-1, 0] - adam.points[-2, 0], final)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert ravine.step == step + 1 + ravine.spec.steps_per_frame  # stepping again


def test_internals_appear_in_exported_pictures(qtbot, view, ravine):
    plain = view.render_image(640, 520)
    ravine.internals.set_shown(True)
    shown = view.render_image(640, 520)
    diff = [(x, y) for x in range(0, 640, 2) for y in range(0, 520, 2)
            if plain.pixelColor(x, y) != shown.pixelColor(x, y)]
    colours = [QColor(c) for c in COLORS.values()]
    coloured = sum(any(near(shown.pixelColor(x, y), c) for c in colours) for x, y in diff)
    assert coloured > 40


def test_the_export_recorder_draws_internals_from_the_spec(qtbot, ravine):
    from gui.export.animation import RaceRecorder
    from gui.export.animation_options import AnimationOptions

    spec = ravine.spec.copy()
    frames = []
    for shown in (False, True):
        spec.view.internals.shown = shown
        rec = RaceRecorder(spec, AnimationOptions(width=480, height=360, steps_per_frame=5))
        rec.wait_ready()
        rec.model.advance(10)
        frames.append(rec.render())
        assert len(rec.view.internals.layer.glyphs()) == (4 if shown else 0)
        rec.close()
    assert (frames[0] != frames[1]).any(axis=-1).sum() > 200
