"""GUI test fixtures: settings kept in a temporary folder per test."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """QSettings write to tmp_path so tests never see a user's saved layout."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("OPTVIZ_SETTINGS_DIR", str(tmp_path))
    yield
