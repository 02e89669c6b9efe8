"""The surface part of an animation frame: the 2-D view, the 3-D view, or both.

``view`` is ``2d``, ``3d`` or ``both`` (2-D left, 3-D right, halves of the
width). In 3-D the camera starts where it was given (the window's, or Home)
and turns ``orbit`` degrees about the vertical over the animation: frame k
of n is ``k / (n − 1)`` of the way round. The 3-D view is only built when
asked for, so a 2-D export never touches OpenGL.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from gui.export.animation_options import VIEWS


class SurfaceFrames:
    """Hidden views of ``model`` drawing the surface part of each frame."""

    def __init__(self, model, view: str = "2d", orbit: float = 0.0, camera=None):
        from gui.surface.surface_view import SurfaceView

        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
        self.mode, self.orbit = view, float(orbit)
        self.view = SurfaceView(model)
        self.view3d = None
        self._camera = camera
        if view != "2d":
            from gui.surface3d import camera as cam
            from gui.surface3d.view3d import Surface3DView

            self.view3d = Surface3DView(model, controls=False)
            self._camera = cam.HOME if camera is None else camera

    def at_frame(self, index: int, frames: int) -> None:
        """Turn the 3-D camera to where frame ``index`` of ``frames`` looks from."""
        if self.view3d is None:
            return
        from gui.surface3d import camera as cam

        share = index / (frames - 1) if frames > 1 else 0.0
        self.view3d.set_camera(cam.orbited(self._camera, self.orbit * share))

    def image(self, width: int, height: int) -> QImage:
        """The surface part of the current frame at ``width × height``."""
        if self.mode == "2d":
            return self.view.render_image(width, height)
        if self.mode == "3d":
            return self.view3d.render_image(width, height)
        left = width // 2
        out = QImage(width, height, QImage.Format.Format_RGB32)
        p = QPainter(out)
        try:
            for x, w, view in ((0, left, self.view), (left, width - left, self.view3d)):
                img = view.render_image(w, height)
                img.setDevicePixelRatio(1.0)
                if img.width() != w or img.height() != height:
                    img = img.scaled(w, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
                p.drawImage(x, 0, img)
        finally:
            p.end()
        return out

    def close(self) -> None:
        for widget in (self.view, self.view3d):
            if widget is not None:
                widget.close()
                widget.deleteLater()
