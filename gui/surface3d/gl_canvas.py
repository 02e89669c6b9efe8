"""A GLViewWidget that draws its still part once and only the race every frame.

Software OpenGL (Mesa's llvmpipe) takes ~40 ms to rasterize a 256² mesh at
900 × 700, far over a frame. While a race plays only the trails and heads
change, so the mesh, the axes and the markers that stay (``static`` items)
are drawn into a framebuffer object with its depth buffer, and each frame
copies colour and depth from it (``glBlitFramebuffer``) and draws the
``dynamic`` items over it, depth-tested against the mesh. The cache is
redrawn when the camera, the size or a static item changes
(``static_changed()``). ``overlay`` items (text, drawn with QPainter onto
the widget) are drawn last, every frame.
"""

from __future__ import annotations

import pyqtgraph.opengl as gl
from OpenGL import GL
from PySide6.QtOpenGL import QOpenGLFramebufferObject


class CachedGLView(gl.GLViewWidget):
    """``add(item, layer)`` with layer ``"static"``, ``"dynamic"`` or ``"overlay"``."""

    LAYERS = ("static", "dynamic", "overlay")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layers: dict[str, list] = {name: [] for name in self.LAYERS}
        self._fbo: QOpenGLFramebufferObject | None = None
        self._drawn_key: tuple | None = None
        self._static_version = 0
        #: How often the static layer was redrawn (for tests and benchmarks).
        self.static_redraws = 0

    def add(self, item, layer: str) -> None:
        self._layers[layer].append(item)
        self.addItem(item)
        if layer == "static":
            self.static_changed()

    def static_changed(self) -> None:
        """A static item changed: the cache is redrawn at the next paint."""
        self._static_version += 1
        self.update()

    def camera_key(self) -> tuple:
        """Everything about the camera that changes the picture."""
        o = self.opts
        c = o["center"]
        return (c.x(), c.y(), c.z(), o["distance"], o["fov"], o["elevation"], o["azimuth"])

    def paintGL(self) -> None:
        w, h = self.deviceWidth(), self.deviceHeight()
        region = self.getViewport()
        target = self.defaultFramebufferObject()
        if self._fbo is None or (self._fbo.width(), self._fbo.height()) != (w, h):
            self._fbo = QOpenGLFramebufferObject(
                w, h, QOpenGLFramebufferObject.Attachment.CombinedDepthStencil)
            self._drawn_key = None
        key = (w, h, self._static_version, self.camera_key())
        if key != self._drawn_key:
            self._fbo.bind()
            GL.glViewport(0, 0, w, h)
            self._draw(self._layers["static"], region, clear=True)
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, target)
            GL.glViewport(0, 0, w, h)
            self._drawn_key = key
            self.static_redraws += 1
        GL.glBindFramebuffer(GL.GL_READ_FRAMEBUFFER, self._fbo.handle())
        GL.glBindFramebuffer(GL.GL_DRAW_FRAMEBUFFER, target)
        GL.glBlitFramebuffer(0, 0, w, h, 0, 0, w, h,
                             GL.GL_COLOR_BUFFER_BIT | GL.GL_DEPTH_BUFFER_BIT, GL.GL_NEAREST)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, target)
        self._draw(self._layers["dynamic"] + self._layers["overlay"], region, clear=False)

    def _draw(self, roots: list, region, clear: bool) -> None:
        """Draw ``roots`` (top-level items) and their children as ``paint`` would."""
        self.setProjection(region, region)
        self.setModelview()
        if clear:
            GL.glClearColor(*self.opts["bgcolor"])
            GL.glClear(GL.GL_DEPTH_BUFFER_BIT | GL.GL_COLOR_BUFFER_BIT)
        for item in sorted(roots, key=lambda i: i.depthValue()):
            if not item.visible():
                continue
            self._modelViewStack.append(self.currentModelView() * item.transform())
            try:
                self.drawItemTree(item)
            finally:
                self._modelViewStack.pop()
