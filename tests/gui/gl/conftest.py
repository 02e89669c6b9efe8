"""The 3-D view's tests need a real OpenGL context: they skip, saying why, where
none can be made (Qt's offscreen platform, which the plain test run uses).
``tests/xvfb/test_gl_views.py`` runs this folder on a private Xvfb display with
Mesa's software OpenGL, where they must all pass."""

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from gui.app.app import share_gl_resources

if QApplication.instance() is None:  # before pytest-qt makes the application
    share_gl_resources()


@pytest.fixture
def gl_ok(qapp):
    from gui.surface3d import gl_probe

    reason = gl_probe.unavailable_reason()
    if reason is not None:
        pytest.skip(f"no OpenGL here: {reason} (tests/xvfb/test_gl_views.py runs these "
                    "under Xvfb)")


@pytest.fixture
def view3d(qtbot, model, gl_ok):
    """A Surface3DView of ``model`` on its own, shown at 640 × 520, grid ready."""
    from gui.surface3d.view3d import Surface3DView

    v = Surface3DView(model)
    qtbot.addWidget(v)
    v.resize(640, 520)
    v.show()
    qtbot.waitExposed(v)
    v.activateWindow()  # no window manager does it on Xvfb: the Home key needs it
    qtbot.waitUntil(lambda: v.mesh is not None and v.isActiveWindow())
    return v


def grab(view) -> np.ndarray:
    """The 3-D canvas drawn now, ``(H, W, 3)`` uint8 in logical pixels."""
    from gui.export.animation import qimage_to_rgb

    return qimage_to_rgb(view.grab_canvas())


def near_colour(rgb: np.ndarray, pixels: np.ndarray, colour: str, radius: int = 2,
                tol: int = 60) -> np.ndarray:
    """``(N,)`` True where a pixel within ``radius`` of ``pixels (N, 2)`` (x, y) is
    within ``tol`` (per channel) of ``colour``."""
    from PySide6.QtGui import QColor

    c = QColor(colour)
    want = np.array([c.red(), c.green(), c.blue()], dtype=int)
    h, w, _ = rgb.shape
    out = np.zeros(len(pixels), dtype=bool)
    for k, (x, y) in enumerate(np.round(pixels).astype(int)):
        x0, x1, y0, y1 = max(x - radius, 0), min(x + radius + 1, w), max(y - radius, 0), min(
            y + radius + 1, h)
        if x0 >= x1 or y0 >= y1:
            continue
        patch = rgb[y0:y1, x0:x1].astype(int)
        out[k] = bool((np.abs(patch - want).max(axis=-1) <= tol).any())
    return out


@pytest.fixture
def active_window(qtbot, window, gl_ok):
    """The main window, active (no window manager does it on Xvfb), so its keys work."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture(autouse=True)
def _delete_widgets_now(qapp):
    """Every window deleted after its test: a pyqtgraph item left for the
    application's own teardown at exit crashes PySide there (a segfault after
    all tests passed, which the Xvfb run reports as a failure)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in QApplication.topLevelWidgets():
        if not type(widget).__module__.startswith("PySide6"):  # ours, not Qt's own
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
