"""A private X server for the real-window tests: Xvfb, xdotool and screen grabs.

``XServer`` starts ``Xvfb`` on a display number it picks itself
(``-displayfd``), so parallel runs and a developer's own X server never
collide. ``Grabber`` is one long-lived Python process on that display that
saves ``QScreen.grabWindow(0)`` (the whole X screen, as a user would see it)
to PNG on request; the test process itself stays on the offscreen platform.
``colormap_rect`` finds the surface image in a screenshot by its colours.
Nothing here knows optviz's widgets: the tests see the screen, the keyboard,
the mouse and the files, like a user.
"""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

XVFB = shutil.which("Xvfb")
XDOTOOL = shutil.which("xdotool")

#: The grabber: one line in (a PNG path), one line out ("ok" or "fail").
GRAB_SCRIPT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
for line in sys.stdin:
    ok = QGuiApplication.primaryScreen().grabWindow(0).save(line.strip())
    print("ok" if ok else "fail", flush=True)
"""


class XError(RuntimeError):
    """The X server or a tool on it did not do what was asked."""


def missing_tools() -> str | None:
    """Why these tests cannot run here, or None."""
    missing = [name for name, path in (("Xvfb", XVFB), ("xdotool", XDOTOOL)) if path is None]
    if missing:
        return (f"{' and '.join(missing)} not installed: the real-window tests need them "
                "(apt-get install xvfb xdotool, as .ci/run does)")
    return None


def wait_for(condition: Callable[[], object], timeout: float, what: str,
             interval: float = 0.05):
    """Poll ``condition`` until it returns something truthy; XError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise XError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


def _read_line(proc: subprocess.Popen, timeout: float, what: str) -> str:
    """One line of ``proc``'s stdout within ``timeout`` seconds."""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            raise XError(f"timed out after {timeout:g} s waiting for {what}")
    return proc.stdout.readline().strip()


def stop(proc: subprocess.Popen | None, timeout: float = 5.0) -> None:
    """Terminate ``proc`` (then kill it), reap it and close its pipes; safe to call twice."""
    if proc is None:
        return
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None and not pipe.closed:
            pipe.close()


class XServer:
    """``Xvfb`` on a free display, ``width × height`` at 24 bits."""

    def __init__(self, width: int = 1600, height: int = 1000):
        self.size = (width, height)
        self.display = ""
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 10.0) -> XServer:
        read, write = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [XVFB, "-displayfd", str(write), "-screen", "0",
                 f"{self.size[0]}x{self.size[1]}x24", "-nolisten", "tcp", "-noreset"],
                pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            os.close(write)
            write = -1
            with os.fdopen(read, "r") as pipe:
                read = -1
                with selectors.DefaultSelector() as sel:
                    sel.register(pipe, selectors.EVENT_READ)
                    number = pipe.readline().strip() if sel.select(timeout) else ""
        finally:
            for fd in (read, write):
                if fd >= 0:
                    os.close(fd)
        if not number.isdigit():
            code = self.proc.poll()
            err = self.proc.stderr.read().decode(errors="replace") if code is not None else ""
            self.stop()
            why = f"exited with code {code}" if code is not None else f"no display in {timeout:g} s"
            raise XError(f"Xvfb {why}: {err.strip()[-300:]}")
        self.display = f":{number}"
        return self

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a Qt program on this display (xcb platform)."""
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", **extra)
        return env

    def xdotool(self, *args: object, timeout: float = 10.0) -> str:
        """Run ``xdotool args…`` on this display; its stdout."""
        proc = subprocess.run([XDOTOOL, *map(str, args)], env=self.env(), timeout=timeout,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise XError(f"xdotool {' '.join(map(str, args))}: {proc.stderr.strip()}")
        return proc.stdout

    def stop(self) -> None:
        stop(self.proc)


class Grabber:
    """Screenshots of ``server``'s whole screen as ``(H, W, 3)`` uint8 arrays."""

    def __init__(self, server: XServer, folder: Path):
        self.folder = folder
        self.proc = subprocess.Popen([sys.executable, "-c", GRAB_SCRIPT], env=server.env(),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)

    def grab(self, name: str | None = None, timeout: float = 15.0) -> np.ndarray:
        """Save the screen as ``folder/<name>.png`` (``latest.png`` by default) and return it."""
        from PIL import Image

        path = self.folder / f"{name or 'latest'}.png"
        self.proc.stdin.write(f"{path}\n")
        self.proc.stdin.flush()
        answer = _read_line(self.proc, timeout, "a screenshot")
        if answer != "ok":
            err = self.proc.stderr.read() if self.proc.poll() is not None else ""
            raise XError(f"the screenshot of {path} failed: {answer!r} {err[-300:]}")
        with Image.open(path) as image:
            return np.asarray(image.convert("RGB"))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()  # the grabber's loop ends; terminate if it does not
        stop(self.proc)


def colourful(rgb: np.ndarray, chroma: int = 40) -> np.ndarray:
    """``(H, W)`` mask of saturated pixels: max − min channel > ``chroma``. The
    window's greys stay under 10; every colour of viridis is over 75."""
    c = rgb.astype(np.int16)
    return (c.max(axis=-1) - c.min(axis=-1)) > chroma


def _longest_run(flags: np.ndarray) -> tuple[int, int]:
    """``(start, stop)`` of the longest run of True in ``flags (N,)``; (0, 0) if none."""
    padded = np.concatenate([[0], flags.astype(np.int8), [0]])
    edges = np.flatnonzero(np.diff(padded))
    if not len(edges):
        return 0, 0
    starts, stops = edges[::2], edges[1::2]
    i = int(np.argmax(stops - starts))
    return int(starts[i]), int(stops[i])


def colormap_rect(rgb: np.ndarray, fill: float = 0.3) -> tuple[int, int, int, int]:
    """``(left, top, right, bottom)`` pixels (right/bottom exclusive) of the largest
    block of colour in screenshot ``rgb (H, W, 3)``: the surface image.

    Columns count as image where at least ``fill`` of the fullest column is
    colourful (contours and trails thin it a little); the widest run of such
    columns is the image, not the 14-px colour bar beside it. Rows likewise
    within those columns.
    """
    mask = colourful(rgb)
    cols = mask.sum(axis=0)
    left, right = _longest_run(cols >= fill * max(int(cols.max()), 1))
    rows = mask[:, left:right].mean(axis=1) if right > left else np.zeros(len(mask))
    top, bottom = _longest_run(rows >= fill)
    return left, top, right, bottom
