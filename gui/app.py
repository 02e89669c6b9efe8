"""The QApplication: name, icon, settings location, pyqtgraph options."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ORGANIZATION = "optviz"
APPLICATION = "optviz"


def configure_pyqtgraph() -> None:
    """Options every optviz view relies on; call before creating any plot item."""
    import pyqtgraph as pg

    # Row-major images everywhere (Z[i, j] at (x[j], y[i])), antialiased curves.
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="#14141c",
                        foreground="#d0d0d8")


def app_icon():
    """The window icon, drawn from resources/icon.svg (PNG fallback)."""
    from PySide6.QtGui import QIcon

    svg = RESOURCES / "icon.svg"
    return QIcon(str(svg if svg.exists() else RESOURCES / "icon.png"))


def create_application(argv: list[str] | None = None):
    """The one QApplication of the process (reused when it exists already)."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    settings_dir = os.environ.get("OPTVIZ_SETTINGS_DIR")
    if settings_dir:
        # Tests and portable installs keep the remembered layout in one folder.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setWindowIcon(app_icon())
    configure_pyqtgraph()
    return app
