"""optim_core is pure numpy: importing it and every submodule loads no Qt."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, pkgutil, sys
import optim_core
names = [m.name for m in pkgutil.walk_packages(optim_core.__path__, "optim_core.")]
for name in names:
    importlib.import_module(name)
assert len(names) >= 6, names
gui = sorted(m for m in sys.modules
             if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6"))
print("loaded", len(names), "modules; gui modules:", gui)
sys.exit(1 if gui else 0)
"""


def test_import_optim_core_loads_no_qt_or_pyqtgraph():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gui modules: []" in done.stdout
