"""The Language menu: English or 简体中文, remembered, applied at the next start.

The window is built in one language; a choice made here is saved
(``gui.app.i18n.remember_language``) and the menu offers to restart optviz
at once with the same arguments (minus any ``--lang``, which would override
the choice).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from gui.app.i18n import LANGUAGES, current_language, remember_language, translate


def install_language_menu(window: QMainWindow) -> QMenu:
    """Add the Language menu before the window's last menu (Help)."""
    menu = QMenu(translate("LanguageMenu", "&Language"), window)
    group = QActionGroup(menu)
    for code, name in LANGUAGES.items():
        action = QAction(name, menu, checkable=True, checked=code == current_language())
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    menu.addSeparator()
    note = menu.addAction(translate("LanguageMenu", "(takes effect after restart)"))
    note.setEnabled(False)
    group.triggered.connect(lambda action: choose(window, action.data()))
    bar = window.menuBar()
    bar.insertMenu(bar.actions()[-1] if bar.actions() else None, menu)
    window.language_menu = menu
    return menu


def choose(window: QMainWindow, code: str) -> None:
    """Remember ``code``; offer to restart now so the whole window switches."""
    remember_language(code)
    if code == current_language():
        return
    answer = QMessageBox.question(
        window, translate("LanguageMenu", "Language"),
        translate("LanguageMenu", "optviz will be in {language} from its next start. "
                                  "Restart now?").format(language=LANGUAGES[code]))
    if answer == QMessageBox.StandardButton.Yes and window.close():
        QProcess.startDetached(sys.executable, restart_arguments(sys.argv))
        QApplication.quit()


def restart_arguments(argv: list[str]) -> list[str]:
    """``argv`` without ``--lang X`` / ``--lang=X``: the saved choice applies."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            out.append(arg)
    return out
