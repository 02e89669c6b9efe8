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


def hits_along(image: QImage, view, origin, vector, color: str) -> int:
    """Samples in ``color`` (within 2 px) along the middle of the drawn arrow."""
    m_arrow, _ = view.internals.layer.magnifications()
    a, b = (view.viewport_point(*p) for p in (origin, origin + m_arrow * vector))
    target, hits = QColor(color), 0
    for f in np.linspace(0.2, 0.65, 16):
        x, y = a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y())
        hits += any(near(image.pixelColor(round(x) + dx, round(y) + dy), target)
                    for dx in (-2, -1, 0, 1, 2) for dy in (-2, -1, 0, 1, 2))
    return hits


def test_each_arrow_is_drawn_in_its_runs_colour(qtbot, view, ravine):
    before = grab(view)
    ravine.internals.set_shown(True)
    after = grab(view)
    glyphs = view.internals.layer.glyphs()
    assert sorted(g.color for g in glyphs) == sorted(COLORS.values())
    pieces = {g.color: set(g.arrows) | ({"scale"} if g.box is not None else set())
              for g in glyphs}
    assert pieces[COLORS["momentum"]] >= {"step", "gradient_term", "velocity"}
    assert pieces[COLORS["rmsprop"]] >= {"step", "gradient_term", "scale"}
    assert pieces[COLORS["adam"]] >= {"step", "gradient_term", "velocity", "scale"}
    checked = 0
    m_arrow = view.internals.layer.magnifications()[0]
    for g in glyphs:
        for piece, vec in g.arrows.items():
            a, b = (view.viewport_point(*p) for p in (g.origin, g.origin + m_arrow * vec))
            if np.hypot(b.x() - a.x(), b.y() - a.y()) < 16:
                continue  # too short to sample along
            gained = hits_along(after, view, g.origin, vec, g.color) - hits_along(
                before, view, g.origin, vec, g.color)
            assert gained >= 4, (g.color, piece)
            checked += 1
    assert checked >= 12


def test_the_arrows_follow_the_heads_as_the_race_steps(qtbot, view, ravine):
    ravine.internals.set_shown(True)
    first = {g.color: g.origin.copy() for g in view.internals.layer.glyphs()}
    ravine.advance(3)
    heads = {tr.color: tr.head[0] for tr in ravine.traces()}
    for g in view.internals.layer.glyphs():
        np.testing.assert_array_equal(g.origin, heads[g.color])
        assert not np.array_equal(g.origin, first[g.color])


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
    assert "m̂" in formula.textItem.toPlainText() and "x ←" in formula.textItem.toPlainText()
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
    colours = {QColor(c) for c in COLORS.values()}
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
