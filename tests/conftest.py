"""Test set-up shared by every test: headless Qt, no stray settings files."""

import os
import sys

import pytest

# Must be set before any Qt module is imported anywhere in the test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # A desk-sized screen (offscreen's own is 800 × 800): the window opens within
    # the available screen, and tests size it beyond 800 px.
    SCREEN = os.path.join(os.path.dirname(__file__), "offscreen_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


_session_status: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _session_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without the interpreter's own teardown once pytest has reported.

    PySide6 can crash while Python destroys the last Qt objects at exit (a
    segmentation fault after every test passed and the summary was printed),
    which would turn a green run red; the tests' verdict is already final here.
    """
    if _session_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_session_status[-1])


@pytest.fixture
def trainings(monkeypatch):
    """A fresh session (empty W* cache); the list grows by one per W* trained."""
    from optim_core import classifier
    from optim_core.classifier import trained_cache

    trained_cache.forget()
    calls = []
    real = classifier.train
    monkeypatch.setattr(classifier, "train", lambda *a, **k: calls.append(1) or real(*a, **k))
    yield calls
    trained_cache.forget()
