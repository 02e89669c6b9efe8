"""Speed measurements, run by hand: ``python -m benchmarks [name ...]``.

Each ``bench_*.py`` module defines ``run() -> list[Row]``. Every figure is
reported next to a baseline measured in the same run, so the ratio means
something on any machine; timings never go into tests.
"""
