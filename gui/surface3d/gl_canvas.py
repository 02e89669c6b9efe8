"""A GLViewWidget that draws its still part once and only the race every frame.

Software OpenGL (Mesa's llvmpipe) takes ~40 ms to rasterize a 256² mesh at
900 × 700, far over a frame. While a race plays only the trails and heads
change, so the mesh, the axes and the markers that stay (``static`` items)
are drawn into an offscreen colour + depth buffer once per camera, and
their colour is kept aside. Each frame copies that colour back (a colour
blit; llvmpipe copies depth ~60 times slower, so the depth buffer is never
copied: it stays where the static pass left it) and draws the ``dynamic``
items over it, depth-tested against the mesh but not writing depth, then
copies the colour to the widget. ``overlay`` items (text, drawn with
QPainter onto the widget) come last, every frame. The cache is redrawn when
the camera, the size or a static item changes (``static_changed()``).
"""

from __future__ import annotations

import pyqtgraph.opengl as gl
from OpenGL import GL


class _Buffers:
    """Two framebuffers of ``w × h`` sharing one depth buffer: ``draw`` (where
    everything is drawn) and ``kept`` (the static layer's colour)."""

    def __init__(self, w: int, h: int):
        self.size = (w, h)
        self.renderbuffers = list(GL.glGenRenderbuffers(3))
        depth, *colors = self.renderbuffers
        GL.glBindRenderbuffer(GL.GL_RENDERBUFFER, depth)
        GL.glRenderbufferStorage(GL.GL_RENDERBUFFER, GL.GL_DEPTH24_STENCIL8, w, h)
        self.framebuffers = list(GL.glGenFramebuffers(2))
        for fbo, color in zip(self.framebuffers, colors, strict=True):
            GL.glBindRenderbuffer(GL.GL_RENDERBUFFER, color)
            GL.glRenderbufferStorage(GL.GL_RENDERBUFFER, GL.GL_RGBA8, w, h)
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo)
            GL.glFramebufferRenderbuffer(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0,
                                         GL.GL_RENDERBUFFER, color)
            GL.glFramebufferRenderbuffer(GL.GL_FRAMEBUFFER, GL.GL_DEPTH_STENCIL_ATTACHMENT,
                                         GL.GL_RENDERBUFFER, depth)
        GL.glBindRenderbuffer(GL.GL_RENDERBUFFER, 0)
        self.draw, self.kept = self.framebuffers

    def copy(self, source: int, target: int) -> None:
        """Copy the colour of framebuffer ``source`` onto ``target``."""
        w, h = self.size
        GL.glBindFramebuffer(GL.GL_READ_FRAMEBUFFER, source)
        GL.glBindFramebuffer(GL.GL_DRAW_FRAMEBUFFER, target)
        GL.glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL.GL_COLOR_BUFFER_BIT, GL.GL_NEAREST)

    def free(self) -> None:
        GL.glDeleteFramebuffers(len(self.framebuffers), self.framebuffers)
        GL.glDeleteRenderbuffers(len(self.renderbuffers), self.renderbuffers)


class CachedGLView(gl.GLViewWidget):
    """``add(item, layer)`` with layer ``"static"``, ``"dynamic"`` or ``"overlay"``."""

    LAYERS = ("static", "dynamic", "overlay")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layers: dict[str, list] = {name: [] for name in self.LAYERS}
        self._buffers: _Buffers | None = None
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

    def initializeGL(self) -> None:
        super().initializeGL()
        self.context().aboutToBeDestroyed.connect(self._free)

    def _free(self) -> None:
        if self._buffers is not None:
            self.makeCurrent()
            self._buffers.free()
            self._buffers = None

    def paintGL(self) -> None:
        w, h = self.deviceWidth(), self.deviceHeight()
        region = self.getViewport()
        target = self.defaultFramebufferObject()
        if self._buffers is None or self._buffers.size != (w, h):
            if self._buffers is not None:
                self._buffers.free()
            self._buffers = _Buffers(w, h)
            self._drawn_key = None
        b = self._buffers
        key = (w, h, self._static_version, self.camera_key())
        GL.glViewport(0, 0, w, h)
        if key != self._drawn_key:
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, b.draw)
            self._draw(self._layers["static"], region, clear=True)
            b.copy(b.draw, b.kept)
            self._drawn_key = key
            self.static_redraws += 1
        else:
            b.copy(b.kept, b.draw)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, b.draw)
        GL.glDepthMask(GL.GL_FALSE)  # the depth buffer stays the mesh's, for the next frame
        try:
            self._draw(self._layers["dynamic"], region, clear=False)
        finally:
            GL.glDepthMask(GL.GL_TRUE)
        b.copy(b.draw, target)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, target)
        self._draw(self._layers["overlay"], region, clear=False)

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
