"""Regression guard for the PySide6 6.12.0 crash on Python < 3.12.

That release drops one reference to None on every void-returning Qt call;
after a few thousand calls the interpreter dies with
"Fatal Python error: none_dealloc". pyproject.toml pins it away, and this
test fails loudly if a future bump brings it back.
"""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QPainterPath
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    w = QWidget()
    path = QPainterPath()
    for i in range(25_000):
        w.update()
        path.lineTo(float(i), 1.0)
    print("clean", path.elementCount())
    """
)


def test_fifty_thousand_void_qt_calls_exit_cleanly():
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "clean 25001" in proc.stdout
