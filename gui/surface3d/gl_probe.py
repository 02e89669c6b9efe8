"""Can this process draw with OpenGL? Asked once, before any 3-D widget exists.

A GL widget on a machine without a driver (or on Qt's offscreen platform,
where GL is not safe) can crash the process instead of raising, so the 3-D
view is only ever built after ``unavailable_reason()`` returned None: it
makes a context on an offscreen surface and checks its version. Setting
``OPTVIZ_NO_GL=1`` answers "unavailable" without trying (for remote
sessions with a broken driver, and for tests of that path).
"""

from __future__ import annotations

import os

from gui.app.i18n import translate

#: The environment variable that turns the 3-D view off.
NO_GL_ENV = "OPTVIZ_NO_GL"
#: Platforms that cannot (safely) give a GL context.
NO_GL_PLATFORMS = ("offscreen", "minimal", "vnc")
MIN_VERSION = (2, 1)

_answer: list[str | None] = []


def unavailable_reason() -> str | None:
    """Why there is no 3-D view here (one line), or None when OpenGL works.

    Needs a QGuiApplication; the first answer is kept for the process.
    """
    if not _answer:
        _answer.append(_probe())
    return _answer[0]


def forget() -> None:
    """Ask again at the next ``unavailable_reason()`` (tests change the environment)."""
    _answer.clear()


def _probe() -> str | None:
    if os.environ.get(NO_GL_ENV, "") not in ("", "0"):
        return translate("GLProbe", "OpenGL is turned off ({env} is set)").format(env=NO_GL_ENV)
    from PySide6.QtGui import QGuiApplication

    platform = QGuiApplication.platformName()
    if platform in NO_GL_PLATFORMS:
        return translate("GLProbe", "OpenGL is not available on Qt's {platform} platform "
                                    "(no display)").format(platform=repr(platform))
    try:
        import OpenGL.GL  # noqa: F401  (PyOpenGL, which pyqtgraph.opengl draws with)
    except ImportError as e:
        return translate("GLProbe", "PyOpenGL cannot be loaded: {error}").format(error=e)
    return _context_problem()


def _context_problem() -> str | None:
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext

    surface = QOffscreenSurface()
    surface.create()
    context = QOpenGLContext()
    try:
        if not surface.isValid() or not context.create():
            return translate("GLProbe", "no OpenGL context can be made (no GL driver? install "
                                        "Mesa: libgl1-mesa-dri)")
        if not context.makeCurrent(surface):
            return translate("GLProbe", "an OpenGL context was made but cannot be used")
        version = context.format().version()
        context.doneCurrent()
        if version < MIN_VERSION:
            return translate("GLProbe", "OpenGL {have} is too old (the 3-D view needs "
                                        "{need})").format(have="{}.{}".format(*version),
                                                          need="{}.{}".format(*MIN_VERSION))
        return None
    finally:
        surface.destroy()
