"""The hover readout: the point under the mouse and the surface there."""

from __future__ import annotations

from optim_core.experiment.state import surface_jobs


def readout(model, x: float, y: float) -> str | None:
    """"x = …   y = …   f = …   |∇f| = …" at (x, y) ("a, b, L, |∇L|" on a
    classifier slice); None while no surface is ready."""
    probe = model.probe(x, y)
    if probe is None:
        return None
    names = ("a", "b", "L", "|∇L|") if surface_jobs.is_slice(model.surface) else (
        "x", "y", "f", "|∇f|")
    return "   ".join(f"{n} = {v:.4g}" for n, v in zip(names, (x, y, *probe), strict=True))
