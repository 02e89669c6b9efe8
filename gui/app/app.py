"""The QApplication: name, icon, settings location, pyqtgraph options."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ORGANIZATION = "optviz"
APPLICATION = "optviz"


def configure_pyqtgraph() -> None:
    """Options every optviz view relies on; call before creating any plot item."""
    import pyqtgraph as pg

    # Row-major images everywhere (Z[i, j] at (x[j], y[i])), antialiased curves.
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="#14141c",
                        foreground="#d0d0d8")


def dark_palette():
    """A calm dark palette matching the surface view's background."""
    from PySide6.QtGui import QColor, QPalette

    role, group = QPalette.ColorRole, QPalette.ColorGroup
    pal = QPalette()
    colors = {
        role.Window: "#1e1f26", role.WindowText: "#e4e4ea", role.Base: "#15161c",
        role.AlternateBase: "#23242c", role.ToolTipBase: "#2a2b33", role.ToolTipText: "#e4e4ea",
        role.Text: "#e4e4ea", role.Button: "#2a2b33", role.ButtonText: "#e4e4ea",
        role.BrightText: "#ff6b6b", role.Highlight: "#3d6fb6", role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8", role.PlaceholderText: "#80808a", role.Mid: "#3a3b44",
        role.Dark: "#111216", role.Light: "#3a3b44", role.Midlight: "#30313a",
    }
    for r, c in colors.items():
        pal.setColor(r, QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor("#6a6a74"))
    return pal


def app_icon():
    """The window icon, drawn from resources/icon.svg (PNG fallback)."""
    from PySide6.QtGui import QIcon

    svg = RESOURCES / "icon.svg"
    return QIcon(str(svg if svg.exists() else RESOURCES / "icon.png"))


def share_gl_resources() -> None:
    """All OpenGL contexts of the process share their objects; must precede the
    QApplication. pyqtgraph compiles each shader program once, in whichever
    context comes first, so a second 3-D view (an export's hidden one) could
    not draw without it."""
    from PySide6.QtCore import QCoreApplication, Qt

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def create_application(argv: list[str] | None = None, lang: str | None = None):
    """The one QApplication of the process (reused when it exists already), in
    ``lang`` (``"en"``, ``"zh_CN"``; None: the remembered or the system's language)."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    settings_dir = os.environ.get("OPTVIZ_SETTINGS_DIR")
    if settings_dir:
        # Tests and portable installs keep the remembered layout in one folder.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    if QApplication.instance() is None:
        share_gl_resources()
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    configure_pyqtgraph()
    from gui.app.i18n import choose_language

    set_language(app, choose_language(lang))
    return app


def set_language(app, lang: str) -> str:
    """Install ``lang``'s translations; Chinese only where a font can draw it
    (else English, said once). Returns the language in use."""
    from gui.app.cjk_font import use_cjk_font
    from gui.app.i18n import ENGLISH, install_language

    if lang != ENGLISH and not use_cjk_font(app):
        lang = ENGLISH
    return install_language(lang)
