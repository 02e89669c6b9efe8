"""Known minima found numerically: many starts, safeguarded Newton descent, dedup.

``find_minima(surface)`` starts from a lattice over the bounds and from the
local minima of a sampled grid, and moves every start at once:

    d = −H⁻¹∇f where the Hessian H is positive definite, else d = −∇f;
    x ← x + t·d with t halved until f decreases (backtracking), and
    t doubled after a gradient step that was accepted at once.

Newton converges quadratically at smooth minima; the gradient steps with
backtracking walk into kinks (|x| + 2|y|), where Newton has no curvature.
A point is kept when it is inside the bounds, f is finite there and f rises
strictly in 8 directions around it (a saddle or a flat valley fails);
points closer than ``DEDUP`` of the diagonal are one minimum, the lowest
kept. Returns ``(M, 2)``, lowest value (the global minimum) first.
"""

from __future__ import annotations

import numpy as np

from optim_core.surfaces.base import Surface

LATTICE = 10  # lattice starts per side
SAMPLES = 64  # grid side whose local minima are starts too
ITERATIONS = 120
HALVINGS = 40
MAX_MINIMA = 32
DEDUP = 1e-4  # of the bounds' diagonal
_DIRECTIONS = np.stack([np.cos(np.arange(8) * np.pi / 4), np.sin(np.arange(8) * np.pi / 4)], -1)


def find_minima(surface: Surface) -> np.ndarray:
    """The surface's local minima inside its bounds, ``(M, 2)``, global first."""
    lo, hi = np.asarray(surface.bounds, dtype=float).T
    diag = float(np.hypot(*(hi - lo)))
    with np.errstate(all="ignore"):
        p = _descend(surface, _starts(surface, lo, hi), diag)
        inside = np.all((p >= lo) & (p <= hi), axis=-1) & np.isfinite(p).all(axis=-1)
        p = p[inside]
        p = p[_is_strict_minimum(surface, p, 1e-5 * diag)]
        p = np.where(np.abs(p) < 1e-12 * diag, 0.0, p)  # a kink at 0 is at 0, not at 1e-17
        return _distinct(p, np.asarray(surface.value(p), float).reshape(-1), DEDUP * diag)


def _starts(surface: Surface, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """A ``LATTICE``² lattice (cell centres) plus the sampled grid's local minima."""
    t = (np.arange(LATTICE) + 0.5) / LATTICE
    gx, gy = np.meshgrid(lo[0] + t * (hi[0] - lo[0]), lo[1] + t * (hi[1] - lo[1]))
    lattice = np.stack([gx.ravel(), gy.ravel()], axis=-1)
    xs, ys = np.linspace(lo[0], hi[0], SAMPLES), np.linspace(lo[1], hi[1], SAMPLES)
    z = np.asarray(surface.grid(xs, ys), float)
    z = np.where(np.isfinite(z), z, np.inf)
    centre = z[1:-1, 1:-1]
    lowest = np.isfinite(centre)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:
                lowest &= centre <= z[1 + di:SAMPLES - 1 + di, 1 + dj:SAMPLES - 1 + dj]
    i, j = np.nonzero(lowest)
    cells = np.stack([xs[j + 1], ys[i + 1]], axis=-1)
    return np.concatenate([lattice, cells[np.argsort(centre[lowest])[:4 * MAX_MINIMA]]])


def _descend(surface: Surface, p: np.ndarray, diag: float) -> np.ndarray:
    """Move every start ``(P, 2)`` downhill (Newton where H > 0, else gradient)."""
    p = p.copy()
    rate = np.full(len(p), 0.01 * diag)  # gradient-step size, adapted per point
    active = np.ones(len(p), bool)
    for _ in range(ITERATIONS):
        idx = np.nonzero(active)[0]
        if not len(idx):
            break
        f, g = surface.value_and_grad(p[idx])
        d, newton = _directions(surface, p[idx], np.asarray(g, float))
        gnorm = np.linalg.norm(g, axis=-1)
        t = np.where(newton, 1.0, rate[idx] / np.maximum(gnorm, 1e-300))
        step, ok = _backtrack(surface, p[idx], np.asarray(f, float), d, t)
        p[idx] = np.where(ok[:, None], p[idx] + step, p[idx])
        moved = np.linalg.norm(step, axis=-1)
        rate[idx] = np.where(ok & ~newton, 2 * np.maximum(moved, 1e-12 * diag), rate[idx])
        active[idx] = ok & (moved > 1e-15 * diag) & np.isfinite(f)
    return p


def _directions(surface: Surface, p: np.ndarray, g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(d (P, 2), newton (P,))``: −H⁻¹g where H is positive definite, else −g."""
    H = np.asarray(surface.hessian(p), float)
    finite = np.isfinite(H).all(axis=(-1, -2))
    H = np.where(finite[:, None, None], H, np.eye(2))
    eig = np.linalg.eigvalsh(H)
    newton = finite & (eig[:, 0] > 1e-10 * np.maximum(np.abs(eig[:, 1]), 1e-300))
    H = np.where(newton[:, None, None], H, np.eye(2))
    d = -np.linalg.solve(H, g[..., None])[..., 0]
    return d, newton


def _backtrack(surface: Surface, p: np.ndarray, f: np.ndarray, d: np.ndarray,
               t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Halve ``t (P,)`` until f(p + t·d) < f(p): ``(steps (P, 2), accepted (P,))``."""
    accepted = np.zeros(len(p), bool)
    step = np.zeros_like(p)
    for _ in range(HALVINGS):
        todo = ~accepted
        if not todo.any():
            break
        trial = t[todo, None] * d[todo]
        better = np.asarray(surface.value(p[todo] + trial), float) < f[todo]
        where = np.nonzero(todo)[0][better]
        step[where] = trial[better]
        accepted[where] = True
        t = np.where(todo, 0.5 * t, t)
    return step, accepted


def _is_strict_minimum(surface: Surface, p: np.ndarray, radius: float) -> np.ndarray:
    """``(P,)``: f finite at p and higher at p + radius·u for 8 unit directions u."""
    if not len(p):
        return np.zeros(0, bool)
    f = np.asarray(surface.value(p), float)
    around = np.asarray(surface.value(p[:, None, :] + radius * _DIRECTIONS), float)
    margin = 4 * np.finfo(float).eps * np.abs(f)  # rounding of f itself is no rise
    return np.isfinite(f) & np.all(around > (f + margin)[:, None], axis=-1)


def _distinct(p: np.ndarray, f: np.ndarray, tol: float) -> np.ndarray:
    """The lowest of each cluster of points closer than ``tol``, lowest first."""
    kept: list[np.ndarray] = []
    for k in np.argsort(f, kind="stable"):
        if all(np.hypot(*(p[k] - q)) > tol for q in kept):
            kept.append(p[k])
            if len(kept) == MAX_MINIMA:
                break
    return np.array(kept).reshape(-1, 2) + 0.0  # no -0.0 shown to users
