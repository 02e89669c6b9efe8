"""Choosing the interface language: --lang, the remembered choice, the system
locale, the Language menu, and a font that can draw Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontInfo

from gui.app import cjk_font, i18n
from gui.app.app import set_language
from gui.app.language_menu import install_language_menu, restart_arguments
from gui.app.terms import has_chinese
from tests.gui.texts import texts


@pytest.fixture
def language(qapp):
    """``language(code)`` installs a language; English and the font come back after."""
    font = qapp.font()
    yield lambda code: set_language(qapp, code)
    set_language(qapp, i18n.ENGLISH)
    qapp.setFont(font)


def test_command_line_beats_the_remembered_choice_which_beats_the_locale(qapp, monkeypatch):
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.choose_language() == "en"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.choose_language() == "zh_CN"
    i18n.remember_language("en")
    assert i18n.choose_language() == "en"
    assert i18n.choose_language("zh_CN") == "zh_CN"


@pytest.mark.parametrize(("locale", "lang"), [("zh_CN", "zh_CN"), ("zh_Hans_SG", "zh_CN"),
                                              ("en_US", "en"), ("C", "en"), ("fr_FR", "en")])
def test_the_system_locale_picks_the_default(locale, lang):
    assert i18n.language_of_locale(locale) == lang


def test_chinese_installs_a_cjk_font_and_translates(language, qapp):
    assert language("zh_CN") == "zh_CN"
    assert i18n.current_language() == "zh_CN"
    assert cjk_font.cjk_family() in qapp.font().families()
    assert QFontInfo(qapp.font()).family() != cjk_font.cjk_family()  # Latin keeps its face
    assert i18n.translate("TrainingPanel", "Train") == "训练"
    assert language("en") == "en"
    assert i18n.translate("TrainingPanel", "Train") == "Train"


def test_without_a_cjk_font_the_interface_stays_english_and_says_so_once(
        language, monkeypatch, capsys):
    monkeypatch.setattr(cjk_font, "cjk_family", lambda: None)
    monkeypatch.setattr(cjk_font, "_told", False)
    assert language("zh_CN") == "en"
    assert language("zh_CN") == "en"
    assert i18n.translate("TrainingPanel", "Train") == "Train"  # no boxes: no Chinese at all
    assert capsys.readouterr().err.count("no font with Chinese characters") == 1


def test_language_menu_offers_both_says_when_and_remembers(window):
    menu = install_language_menu(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index(menu.title()) == len(titles) - 2  # just before Help
    choices = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert set(choices) == {"English", "简体中文"}
    assert choices["English"].isChecked() and not choices["简体中文"].isChecked()
    assert any("restart" in a.text() and not a.isEnabled() for a in menu.actions())
    choices["简体中文"].trigger()  # the restart question is answered "no" in tests
    assert i18n.remembered_language() == "zh_CN"
    assert i18n.choose_language() == "zh_CN"
    assert window.isVisible()


def test_answering_yes_restarts_optviz_with_the_same_arguments(window, monkeypatch):
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication, QMessageBox

    from gui.app import language_menu

    started, quit_called = [], []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(lambda *a: started.append(a)))
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quit_called.append(True)))
    monkeypatch.setattr(language_menu.sys, "argv", ["main.py", "--lang", "en", "x.optviz.json"])
    language_menu.choose(window, "zh_CN")
    assert i18n.remembered_language() == "zh_CN"
    assert started == [(language_menu.sys.executable, ["main.py", "x.optviz.json"])]
    assert quit_called and not window.isVisible()


def test_restart_keeps_the_arguments_but_not_lang():
    argv = ["main.py", "--lang", "en", "run.optviz.json", "--lang=zh_CN", "--paused"]
    assert restart_arguments(argv) == ["main.py", "run.optviz.json", "--paused"]


def test_switching_the_language_changes_the_panels_texts(qtbot, model, language):
    from gui.panels.gradcheck_panel import GradcheckPanel
    from gui.panels.training_panel import TrainingPanel

    def shown() -> list[str]:
        panels = [GradcheckPanel(model), TrainingPanel(model)]
        for p in panels:
            qtbot.addWidget(p)
        return [t for p in panels for _, t in texts(p)]

    english = shown()
    language("zh_CN")
    chinese = shown()
    assert len(english) == len(chinese)
    changed = [(e, c) for e, c in zip(english, chinese, strict=True) if e != c]
    assert len(changed) > 0.6 * len(english)
    assert all(has_chinese(c) for _, c in changed)
    assert ("Train", "训练") in changed and ("relative error", "相对误差") in changed
