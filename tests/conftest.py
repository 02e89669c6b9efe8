"""Test set-up shared by every test: headless Qt, no stray settings files."""

import os

# Must be set before any Qt module is imported anywhere in the test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # A desk-sized screen (offscreen's own is 800 × 800): the window opens within
    # the available screen, and tests size it beyond 800 px.
    SCREEN = os.path.join(os.path.dirname(__file__), "offscreen_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
