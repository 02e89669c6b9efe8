"""The whole window in Chinese (``--lang zh_CN``) at 1280 × 720, offscreen.

Every text a user can read (menu actions, dock titles, tabs, labels,
buttons, combo-box items, table headers, tooltips) has Chinese in it unless
it is only names, symbols, formulas, units or code (``gui.app.terms``), and
no label or button is narrower than its text. Error messages (a bad file,
a race that stopped, a surface that could not be built, a refused start
point) are Chinese in their dialogs, the status bar and the readout.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QMessageBox, QWidget

from gui.app import i18n
from gui.app.app import set_language
from gui.app.terms import english_words, needs_translation
from optim_core import optimizers
from tests.gui.texts import menu_texts, plain, texts

SIZE = (1280, 720)


@pytest.fixture
def chinese_window(qtbot, qapp, model):
    """``main.build_window`` in Chinese, shown at 1280 × 720 with its surface built."""
    from gui.surface3d import gl_probe
    from main import build_window

    font = qapp.font()
    assert set_language(qapp, i18n.CHINESE) == i18n.CHINESE
    gl_probe.forget()  # its answer (a sentence) is given in the language of the moment
    window = build_window(model)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: model.grid is not None and not model.busy, timeout=30_000)
    yield window
    window.close()
    window.deleteLater()  # gone before the next test: its application-wide keys with it
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_language(qapp, i18n.ENGLISH)
    qapp.setFont(font)
    gl_probe.forget()


def all_texts(window) -> list[tuple[object, str]]:
    """Texts of the window, every dock (each tab raised in turn) and every menu."""
    out = []
    for dock in window.docks.values():
        dock.raise_()
        out += texts(dock)
    out += texts(window)
    for action in window.menuBar().actions():
        if action.menu() is not None:
            out += [(m, plain(t)) for m, t in menu_texts(action.menu()) if t and plain(t)]
    return out


def untranslated(window) -> list[str]:
    return sorted({f"{type(w).__name__}: {t!r} ({english_words(t)})"
                   for w, t in all_texts(window) if needs_translation(t)})


def test_every_text_of_the_rosenbrock_race_is_chinese(chinese_window):
    bad = untranslated(chinese_window)
    assert not bad, "\n".join(bad)


def test_the_internals_and_an_explained_step_are_chinese(chinese_window, qtbot, model):
    model.internals.set_shown(True)
    model.pause()
    assert model.internals.explain() == ""  # the selected run's next step, in stages
    for _ in range(3):
        qtbot.wait(50)
        bad = untranslated(chinese_window)
        assert not bad, "\n".join(bad)
        model.internals.next_stage()


def test_every_text_of_a_classifier_slice_is_chinese(chinese_window, qtbot, model):
    model.set_surface("classifier")
    qtbot.waitUntil(lambda: model.grid is not None and not model.busy
                    and model.surface is not None and hasattr(model.surface, "model"),
                    timeout=60_000)
    training = chinese_window.panels["Classifier training"]
    with qtbot.waitSignal(training.trained, timeout=60_000):
        training.start_training()  # its verdicts, status, PCA plane and projections too
    bad = untranslated(chinese_window)
    assert not bad, "\n".join(bad)


def test_a_preset_and_its_lesson_are_chinese(chinese_window, qtbot, model):
    from optim_core.experiment import file as ef

    assert chinese_window.files.open_preset(ef.PRESET_DIR / "nesterov_vs_momentum.optviz.json")
    qtbot.waitUntil(lambda: model.grid is not None and not model.busy, timeout=30_000)
    lesson = chinese_window.lesson_panel.text()
    assert "Nesterov" in lesson and "为什么" in lesson
    bad = untranslated(chinese_window)
    assert not bad, "\n".join(bad)


def test_the_export_and_custom_surface_dialogs_are_chinese(chinese_window, qtbot, model):
    from gui.export.dialog import ExportDialog
    from gui.panels.custom_surface_dialog import CustomSurfaceDialog

    for dialog in (ExportDialog(model, chinese_window), CustomSurfaceDialog(model, chinese_window)):
        qtbot.addWidget(dialog)
        dialog.show()
        bad = sorted({t for _, t in texts(dialog) if needs_translation(t)})
        assert not bad, "\n".join(bad)


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    """The title and text of every warning box, in place of showing it."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.extend([title, text]))
    return shown


def english_lines(texts: list[str]) -> list[str]:
    """Lines with English words left once paths, field paths and quoted values go."""
    location = re.compile(r"[\w.\[\]/-]+：|'[^']*'|\S*/\S+|[\w-]+(\.\w+)+")
    return [line for t in texts for line in t.splitlines()
            if english_words(location.sub(" ", line))]


def test_error_messages_and_their_dialogs_are_chinese(chinese_window, model, tmp_path,
                                                      warnings_shown, qtbot):
    bad = tmp_path / "bad.optviz.json"
    bad.write_text('{"format": "optviz-experiment", "version": 1, "runs": 3}')
    assert not chinese_window.open_path(bad)
    try:
        optimizers.get("adam", lr=-1)
    except ValueError as e:
        model.race_failed.emit(str(e))  # a step raised the core's English message
    model.job_failed.emit(f"{tmp_path / 'd.csv'}: no samples")
    with qtbot.waitSignal(chinese_window.view.readout_changed) as readout:
        chinese_window.view._place(model.set_start, 1e7, 0.0)  # beyond what a file holds
    shown = [*warnings_shown, readout.args[0], chinese_window.statusBar().currentMessage()]
    assert len(warnings_shown) == 6 and "起点" in readout.args[0]
    assert not english_lines(shown), english_lines(shown)


def test_the_about_box_and_the_questions_are_chinese(chinese_window, model, monkeypatch):
    """Each box the window can ask or tell (About, unsaved changes, a new
    language) reads Chinese; the boxes are answered Cancel, so nothing happens."""
    from gui.app.language_menu import choose

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: asked.extend(
        [title, plain(text)]))
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: (
        asked.extend([title, text]), QMessageBox.StandardButton.Cancel)[1])
    monkeypatch.setattr("gui.app.language_menu.remember_language", lambda code: None)
    chinese_window.show_about()
    model.set_start(0.5, 0.5)  # an unsaved change
    assert not chinese_window.files.maybe_save()
    choose(chinese_window, i18n.ENGLISH)
    assert len(asked) == 6
    assert not english_lines(asked), english_lines(asked)


def overflowing(window) -> list[str]:
    """Labels and buttons on screen whose text is wider than the widget."""
    out = []
    for dock in window.docks.values():
        dock.raise_()
        for w in window.findChildren(QWidget):
            if not w.isVisible() or w.width() <= 1:
                continue
            if isinstance(w, QLabel) and not w.wordWrap() and w.text() and "<" not in w.text():
                need = w.fontMetrics().horizontalAdvance(plain(w.text()))
                have = w.contentsRect().width()
            elif isinstance(w, QAbstractButton) and w.text() or isinstance(w, QComboBox):
                need, have = w.minimumSizeHint().width(), w.width()
            else:
                continue
            if need > have + 1:
                text = w.currentText() if isinstance(w, QComboBox) else w.text()
                out.append(f"{type(w).__name__} {plain(text)!r}: needs {need} px, has {have}")
    return sorted(set(out))


def test_the_chinese_window_fits_1280_by_720(chinese_window):
    """Chinese lines are taller than Latin ones where the CJK face draws the Latin
    text too; the window's minimum size must still fit a 1280 × 720 screen."""
    hint = chinese_window.minimumSizeHint()
    assert hint.width() <= SIZE[0] and hint.height() <= SIZE[1]
    assert (chinese_window.width(), chinese_window.height()) == SIZE


def test_no_text_overflows_its_widget_at_1280_by_720(chinese_window):
    bad = overflowing(chinese_window)
    assert not bad, "\n".join(bad)
