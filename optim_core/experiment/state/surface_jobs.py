"""Building surfaces and their grids: at once for toys, as off-thread jobs for slices.

Toy grids are closed-form numpy (a 512² Rosenbrock takes ~10 ms) and are
computed on the GUI thread. A classifier slice needs the data loaded (and,
for a trained centre, W* trained) before a fast exact grid; that runs as
jobs ``fn(progress, cancelled)`` off the GUI thread (the model's worker
lane): a coarse preview first, then the full resolution.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import NamedTuple

import numpy as np

from optim_core.classifier.trained_cache import data_digest
from optim_core.experiment import spec as spec_mod
from optim_core.experiment.centre import StoredCentre
from optim_core.render.surface_display import Display, prepare
from optim_core.surfaces.base import Surface

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

#: What the jobs report while they work (the GUI translates them).
PREVIEW_TEXT, CONTOURS_TEXT, GRID_TEXT = "coarse preview", "contours", "slice grid {n}×{n}"
#: Side of the quick first look at a classifier slice.
PREVIEW_RESOLUTION = 64
#: Samples of the 1-D slice L(W0 + a·D1).
LINE_SAMPLES = 256


class GridData(NamedTuple):
    """A surface sampled on a row-major grid: ``z[i, j] = f(x[j], y[i])``.

    ``x (nx,)``, ``y (ny,)``, ``z (ny, nx)``; ``preview`` marks a coarse first
    look; ``line`` is the 1-D slice ``(a (L,), f (L,))`` along the first
    direction (classifier slices only); ``display`` is the grid prepared for
    drawing (made by the slice jobs, off the GUI thread), or None.
    """

    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    preview: bool = False
    line: tuple[np.ndarray, np.ndarray] | None = None
    display: Display | None = None


def axes(surface: Surface, resolution: int) -> tuple[np.ndarray, np.ndarray]:
    """Sample positions covering ``surface.bounds`` with ``resolution`` per side."""
    (x0, x1), (y0, y1) = surface.bounds
    return np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)


def sample(surface: Surface, resolution: int, preview: bool = False,
           progress: Progress | None = None, chunks: int = 1) -> GridData:
    """``surface`` on a ``resolution``² grid (NaN where it overflows).

    With ``chunks > 1`` the rows are computed in that many blocks, calling
    ``progress(fraction, message)`` after each (which may raise to cancel).
    """
    x, y = axes(surface, resolution)
    z = np.empty((len(y), len(x)))
    with np.errstate(all="ignore"):
        for start, block in _row_blocks(surface, x, y, max(1, min(chunks, len(y)))):
            z[start:start + len(block)] = block
            if progress is not None:
                progress((start + len(block)) / len(y), _grid_text(resolution))
    return GridData(x, y, z, preview, line_slice(surface))


def _row_blocks(surface: Surface, x: np.ndarray, y: np.ndarray, chunks: int
                ) -> Iterator[tuple[int, np.ndarray]]:
    """``(first row, rows of Z)`` in ``chunks`` blocks. A slice's own ``iter_grid``
    sets up its per-column tables once for all blocks (a ``grid`` call per
    block rebuilt them every time: a 256² softmax slice in 16 blocks took
    a third longer than in one)."""
    if hasattr(surface, "iter_grid"):
        yield from surface.iter_grid(x, y, chunk_rows=-(-len(y) // chunks))
        return
    for rows in np.array_split(np.arange(len(y)), chunks):
        yield int(rows[0]), surface.grid(x, y[rows])


def line_slice(surface: Surface) -> tuple[np.ndarray, np.ndarray] | None:
    """L(W0 + a·D1) = f(a, 0) across the slice's a-range; None for toy surfaces."""
    if not is_slice(surface):
        return None
    (a0, a1), _ = surface.bounds
    a = np.linspace(a0, a1, LINE_SAMPLES)
    with np.errstate(all="ignore"):
        return a, np.asarray(surface.value(np.stack([a, np.zeros_like(a)], axis=-1)), float)


def is_slice(surface: Surface) -> bool:
    return getattr(surface, "name", "") == spec_mod.CLASSIFIER or hasattr(surface, "W0")


def plane_of(surface: Surface | None):
    """The ``PlaneSlice`` behind a classifier slice (a mini-batch slice wraps
    one as ``.plane``); None for a toy surface or no surface."""
    if surface is None or not is_slice(surface):
        return None
    return getattr(surface, "plane", surface)


def default_start(surface: Surface) -> np.ndarray:
    """The surface's story-telling start, or a point up-left of the centre."""
    start = getattr(surface, "default_start", None)
    if start is not None:
        return np.asarray(start, dtype=float).reshape(2)
    (x0, x1), (y0, y1) = surface.bounds
    return np.array([x0 + 0.2 * (x1 - x0), y0 + 0.8 * (y1 - y0)])


def slice_preview_job(surface_spec: spec_mod.SurfaceSpec, view: spec_mod.ViewSpec,
                      centre: StoredCentre | None = None):
    """Job: build the classifier slice (its W* from ``centre`` when that fits) and
    a coarse grid, prepared for ``view``'s colour settings -> ``(surface,
    GridData, the W* as a file keeps it or None for a small random centre)``."""
    surface_spec = copy.deepcopy(surface_spec)
    log, n_contours = view.log_color, view.contours

    def job(progress: Progress, cancelled: Cancelled):
        surface = spec_mod.make_surface(
            surface_spec, progress=lambda f, m: progress(0.8 * f, m), cancelled=cancelled,
            centre=centre)
        s = surface_spec.slice
        built = StoredCentre.of(plane_of(surface).W0, s, data_digest(s.dataset)) if (
            s.center == "trained") else None
        progress(0.85, PREVIEW_TEXT)
        return surface, displayed(sample(surface, PREVIEW_RESOLUTION, preview=True), log,
                                  n_contours), built

    return job


def slice_grid_job(surface: Surface, resolution: int, view: spec_mod.ViewSpec):
    """Job: the full-resolution grid of an already built slice, prepared for
    ``view``'s colour settings -> ``GridData``."""
    log, n_contours = view.log_color, view.contours

    def job(progress: Progress, cancelled: Cancelled):
        progress(0.0, _grid_text(resolution))
        grid = sample(surface, resolution, progress=progress, chunks=16)
        progress(1.0, CONTOURS_TEXT)
        return displayed(grid, log, n_contours)

    return job


def displayed(grid: GridData, log: bool | None, n_contours: int) -> GridData:
    """``grid`` with its ``display`` prepared (colour scale, contours)."""
    return grid._replace(display=prepare(grid.x, grid.y, grid.z, log, n_contours))


def _grid_text(resolution: int) -> str:
    return GRID_TEXT.format(n=resolution)
