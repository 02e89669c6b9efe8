"""Opening a classifier preset in a fresh session: its stored W* against training it.

``make_surface`` of ``softmax_slice_basin`` (the digits, a trained centre)
with the W* the preset carries, against the same with W* trained as before
files kept it; the session cache is emptied before each call, as in a new
session. Both are best of a few: the machine is shared.
"""

from __future__ import annotations

from benchmarks._timing import Row, best_ms


def run() -> list[Row]:
    from optim_core.classifier import trained_cache
    from optim_core.experiment import file as ef
    from optim_core.experiment.spec import make_surface

    spec = ef.load(ef.PRESET_DIR / "softmax_slice_basin.optviz.json")

    def fresh(centre) -> None:
        trained_cache.forget()
        make_surface(spec.surface, centre=centre)

    stored = best_ms(lambda: fresh(spec.centre), repeat=5)
    trained = best_ms(lambda: fresh(None), repeat=3)
    return [Row("open a classifier preset, fresh session: slice with stored W*", stored,
                trained, "no training", "baseline: W* trained (files before version 3)")]


if __name__ == "__main__":
    for r in run():
        print(r)
