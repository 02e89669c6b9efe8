"""The 3-D view's camera: where Home puts it, an orbit, and scene -> pixel mapping.

pyqtgraph's GLViewWidget camera orbits ``center`` at ``distance``, turned by
``azimuth`` about the vertical and raised by ``elevation`` (degrees).
``project`` applies the widget's own view and projection matrices, so tests
and labels find on screen exactly where GL drew a scene point.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtGui import QVector3D

from optim_core.render.mesh3d import Z_TOP


class Camera(NamedTuple):
    """A camera pose, as ``GLViewWidget.setCameraPosition`` takes it."""

    center: tuple[float, float, float]
    distance: float
    elevation: float
    azimuth: float


#: Home: from the front left and well above (so valleys show their floor), the
#: whole box in view.
HOME = Camera((0.0, 0.0, 0.3 * Z_TOP), 5.4, 52.0, -105.0)
FOV = 40.0


def apply(widget, camera: Camera) -> None:
    """Put ``widget``'s camera (a GLViewWidget) at ``camera``."""
    widget.opts["fov"] = FOV
    widget.setCameraPosition(pos=QVector3D(*camera.center), distance=camera.distance,
                             elevation=camera.elevation, azimuth=camera.azimuth)


def current(widget) -> Camera:
    """``widget``'s camera pose now."""
    o = widget.opts
    c = o["center"]
    return Camera((c.x(), c.y(), c.z()), float(o["distance"]), float(o["elevation"]),
                  float(o["azimuth"]))


def orbited(camera: Camera, degrees: float) -> Camera:
    """``camera`` turned ``degrees`` about the vertical axis."""
    return camera._replace(azimuth=camera.azimuth + degrees)


def project(widget, points: np.ndarray) -> np.ndarray:
    """Scene ``points (N, 3)`` -> ``(N, 2)`` widget pixels (x right, y down), through
    the widget's own view and projection matrices."""
    w, h = widget.width(), widget.height()
    viewport = (0, 0, w, h)
    m = widget.projectionMatrix(viewport, viewport) * widget.viewMatrix()
    mat = np.array(m.data(), dtype=float).reshape(4, 4).T  # Qt stores column-major
    p = np.c_[np.asarray(points, float).reshape(-1, 3), np.ones(len(points))] @ mat.T
    ndc = p[:, :2] / p[:, 3:4]
    return np.stack([(ndc[:, 0] + 1) * w / 2, (1 - ndc[:, 1]) * h / 2], axis=1)
