"""Running hostile input in a child process with bounded time and memory.

``run(code_or_argv, timeout=…, memory=…)`` starts Python (a ``-c`` snippet,
or ``main.py`` arguments) with ``RLIMIT_AS`` set, so a file that makes the
program allocate without end fails with ``MemoryError`` instead of taking
the machine, and with a timeout, so one that hangs fails the test instead of
hanging it. A crash (a segfault included) shows as a negative return code.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Address space of a child: numpy + Qt offscreen need ~1.5 GB of mappings.
MEMORY = 3 << 30
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPENBLAS_NUM_THREADS": "1",
       "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT), "PYTHONFAULTHANDLER": "1"}


def _limits(memory: int, file_size: int | None = None):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if file_size is not None:  # a "full disk": writes past it fail with EFBIG
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    return apply


def python(code: str, *args: str, timeout: float = 60, memory: int = MEMORY, cwd=None,
           file_size: int | None = None) -> subprocess.CompletedProcess:
    """``python -c code args…`` in a bounded child; output as text. With
    ``file_size`` no file can grow past that many bytes (a full disk)."""
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env=ENV, cwd=cwd or ROOT,
                          preexec_fn=_limits(memory, file_size))


def optviz(*args, timeout: float = 90, memory: int = MEMORY, cwd=None
           ) -> subprocess.CompletedProcess:
    """``python main.py args…`` in a bounded child."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=ENV,
                          cwd=cwd or ROOT, preexec_fn=_limits(memory))


def start_optviz(*args, memory: int = MEMORY, cwd=None) -> subprocess.Popen:
    """``python main.py args…`` started, for tests that signal it."""
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                            cwd=cwd or ROOT, preexec_fn=_limits(memory))


def assert_one_line(stderr: str, *words: str) -> str:
    """The only line of ``stderr`` (no traceback), holding every one of ``words``."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr, stderr
    for w in words:
        assert w in lines[0], (w, stderr)
    return lines[0]
