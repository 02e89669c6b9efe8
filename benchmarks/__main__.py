"""Run every benchmark module (or those named) and print one table."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import benchmarks
from benchmarks._timing import Row


def _modules(selected: list[str]) -> list[str]:
    names = sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")
    )
    if selected:
        names = [n for n in names if any(s in n for s in selected)]
    return names


def _format(row: Row) -> str:
    base = f"{row.baseline_ms:10.2f}" if row.baseline_ms is not None else " " * 10
    ratio = f"{row.ratio:9.1f}x" if row.ratio is not None else " " * 10
    return f"{row.name:<52} {row.ms:10.2f} {base} {ratio}  {row.goal:<18} {row.note}"


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    header = f"{'benchmark':<52} {'ms':>10} {'baseline':>10} {'speed-up':>10}  {'goal':<18} note"
    print(header)
    print("-" * len(header))
    for name in _modules(argv):
        module = importlib.import_module(f"benchmarks.{name}")
        for row in module.run():
            print(_format(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
