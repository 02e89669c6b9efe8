"""Recording a race: frames drawn by the live view's own code, then encoded.

``RaceRecorder`` builds a hidden ``ExperimentModel`` + ``SurfaceView`` for
an experiment (the same classes as the window, so a frame is exactly what
the window would draw), waits for the surface, then renders frame 0 at
step 0 and each next frame ``steps_per_frame`` steps later. A frame may
carry a title banner on top and a side panel (the training curves) on the
right. ``export_animation`` is the blocking loop the command line and the
tests use; the GUI drives the same recorder in pieces (``gui.export.job``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEventLoop, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from gui.app.i18n import translate
from gui.export.animation_options import AnimationOptions
from gui.export.frame_writer import (
    ExportCancelled,
    ExportError,
    ExportInputError,
    ThreadedWriter,
    check_export_size,
)
from gui.export.surface_frames import SurfaceFrames
from gui.export.widget_grab import grab_widget, minimum_size, paint_only_when_grabbed
from gui.export.writers import check_frame_options, format_of, open_writer
from gui.model.workers import is_bug
from gui.surface.view_style import export_scale
from optim_core.experiment.spec import ExperimentSpec

#: ``progress(fraction in [0, 1], message)``
Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]
#: ``side(model) -> QWidget``: a panel over the recorder's model, drawn beside the surface.
SidePanel = Callable[[object], QWidget]

#: The curves' pen in exported frames (the live panel draws 1-px lines, fast;
#: frames are drawn once and often scaled down, where 1 px fades).
EXPORT_LINE_WIDTH = 2.0
#: Width share of the side panel (the curves) in a frame.
SIDE_SHARE = 0.42
BANNER_BG = QColor(20, 20, 28)
BANNER_FG = QColor(236, 236, 242)


class RaceRecorder:
    """A hidden model and view of ``spec`` that render animation frames; with
    ``options.curves`` a side panel too (``side(model)``, by default the
    window's training-curves panel)."""

    def __init__(self, spec: ExperimentSpec, options: AnimationOptions,
                 view_rect: QRectF | None = None, side: SidePanel | None = None,
                 camera=None, staged: bool = False):
        """``staged``: make only the model; ``build_part()`` makes the views, one
        a call (the window's export returns to its event loop between them)."""
        from gui.model.experiment import ExperimentModel

        self.options = options.resolved(spec)
        spec = spec.copy()
        # The race runs to the last frame's step, and the curves' step axis spans it.
        spec.steps = self.options.last_step(spec)
        self.model = ExperimentModel(spec)
        self._view_rect = view_rect
        self.surface = self.view = self.side_panel = None
        parts = [lambda: self._make_surface(camera)]
        if self.options.curves:
            parts.append(lambda: self._make_side(side))
        self._parts = iter(parts)
        while not staged and self.build_part():
            pass

    def build_part(self) -> bool:
        """Make the next view (the surface's, then the side panel); False when
        every one is made."""
        make = next(self._parts, None)
        if make is None:
            return False
        make()
        return True

    def _make_surface(self, camera) -> None:
        self.surface = SurfaceFrames(self.model, self.options.view, self.options.orbit, camera)
        self.view = self.surface.view
        paint_only_when_grabbed(self.view)

    def _make_side(self, side: SidePanel | None) -> None:
        if side is None:
            from gui.panels.curves_panel import CurvesPanel

            def side(model):
                return CurvesPanel(model, line_width=EXPORT_LINE_WIDTH, live=False)
        self.side_panel = side(self.model)
        paint_only_when_grabbed(self.side_panel)

    def wait_ready(self, progress: Progress | None = None, cancelled: Cancelled | None = None
                   ) -> None:
        """Process events until the surface and its full-resolution grid are ready
        (a classifier slice is built off the GUI thread)."""
        failure: list[str] = []
        self.model.job_failed.connect(failure.append)
        if progress is not None:
            self.model.job_progressed.connect(lambda f, m: progress(f, m))
        app = QApplication.instance()
        while not self.ready():
            if failure:
                error = ExportError if is_bug(failure[0]) else ExportInputError
                raise error(translate(
                    "ExportProgress", "the surface could not be built: {message}",
                ).format(message=failure[0]))
            if cancelled is not None and cancelled():
                self.model.jobs.cancel()
                raise ExportCancelled()
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        self.apply_view_rect()

    def ready(self) -> bool:
        """True once the surface and its full-resolution grid are there."""
        m = self.model
        return (m.surface is not None and m.grid is not None and not m.grid.preview
                and not m.busy)

    def apply_view_rect(self) -> None:
        """Show the region the live view shows (its zoom and pan), if one was given."""
        if self._view_rect is not None:
            self.view.viewbox.setRange(rect=self._view_rect, padding=0)

    def frames(self) -> Iterator[np.ndarray]:
        """Every frame, ``(height, width, 3) uint8``: step 0, then one per advance."""
        return (frame for frame in self.frame_pieces() if frame is not None)

    def frame_pieces(self) -> Iterator[np.ndarray | None]:
        """``frames()`` made a piece at a time: with a side panel each frame is
        None (the race advanced, the surface drawn), None (the panel's curves
        drawn to the step) and then the frame (the panel grabbed, all put
        together), so a caller on the event loop can return to it in between."""
        self.model.reset()
        for i in range(self.options.frames):
            if i:
                self.model.advance(self.options.steps_per_frame)
            self.surface.at_frame(i, self.options.frames)
            surface = self._surface_image()
            if self.side_panel is not None:
                yield None
                self._draw_side()
                yield None
            yield self._compose(surface, self._side_image())

    def render(self) -> np.ndarray:
        """The current state as one frame (banner, surface, side panel)."""
        surface = self._surface_image()
        self._draw_side()
        return self._compose(surface, self._side_image())

    def _layout(self) -> tuple[int, int, int]:
        """``(banner height, side panel width, body height)`` of a frame."""
        o = self.options
        banner = banner_height(o.height) if o.title else 0
        side_w = int(round(o.width * SIDE_SHARE)) if self.side_panel is not None else 0
        return banner, side_w, o.height - banner

    def _surface_image(self) -> QImage:
        _, side_w, body_h = self._layout()
        width = self.options.width - side_w
        return _exact(self.surface.image(width, body_h), width, body_h)

    def _draw_side(self) -> None:
        """The side panel's curves up to this step (the export's own panel does not
        follow the steps; a live one redraws ~10 times a second), its text at the
        surface's scale so both read alike."""
        if self.side_panel is not None and hasattr(self.side_panel, "set_text_scale"):
            _, side_w, body_h = self._layout()
            self.side_panel.set_text_scale(export_scale(self.options.width - side_w, body_h))
            self.side_panel.refresh()

    def _side_image(self) -> QImage | None:
        """The side panel at its place's size; a panel narrower than its plots
        need is laid out larger, then scaled down."""
        if self.side_panel is None:
            return None
        _, side_w, body_h = self._layout()
        need = minimum_size(self.side_panel)
        k = max(1.0, need[0] / side_w, need[1] / body_h)
        image = grab_widget(self.side_panel, round(side_w * k), round(body_h * k))
        return _exact(image, side_w, body_h)

    def _compose(self, surface: QImage, side: QImage | None) -> np.ndarray:
        o = self.options
        banner, side_w, _ = self._layout()
        frame = QImage(o.width, o.height, QImage.Format.Format_RGB32)
        frame.fill(BANNER_BG)
        painter = QPainter(frame)
        try:
            painter.drawImage(0, banner, surface)
            if side is not None:
                painter.drawImage(o.width - side_w, banner, side)
            if banner:
                draw_banner(painter, o.title, o.width, banner)
        finally:
            painter.end()
        return qimage_to_rgb(frame)

    def close(self) -> None:
        self.model.pause()
        self.model.jobs.cancel()
        if self.surface is not None:
            self.surface.close()
        if self.side_panel is not None:
            self.side_panel.close()
            self.side_panel.deleteLater()


def export_animation(spec: ExperimentSpec, path: str | Path, options: AnimationOptions,
                     progress: Progress | None = None, cancelled: Cancelled | None = None,
                     view_rect: QRectF | None = None, side: SidePanel | None = None,
                     camera=None) -> Path:
    """Record ``spec`` into ``path`` (format from the suffix); blocking.

    Raises ``ExportError`` (message for the user) or ``ExportCancelled``; in
    both cases no partial file is left and an existing file is untouched.
    """
    fmt = format_of(path)
    check_frame_options(fmt, options.width, options.height, options.fps)
    check_export_size(path, options.width, options.height, options.resolved(spec).frames)
    report = progress or (lambda f, m: None)
    # The output is opened first, so an unwritable folder fails before any work.
    writer = ThreadedWriter(open_writer(path, options.width, options.height, options.fps))
    recorder = None
    try:
        recorder = RaceRecorder(spec, options, view_rect, side, camera)
        report(0.0, translate("ExportProgress", "preparing the surface"))
        recorder.wait_ready(lambda f, m: report(0.0, m), cancelled)
        n = recorder.options.frames
        for i, frame in enumerate(recorder.frames()):
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            writer.write(frame)
            report(0.9 * (i + 1) / n, translate("ExportProgress", "frame {done}/{total}")
                   .format(done=i + 1, total=n))
        def encoding(k: int, total: int) -> None:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            report(0.9 + 0.1 * k / total, translate("ExportProgress", "encoding"))

        return writer.close(encoding)
    except BaseException:
        writer.abort()
        raise
    finally:
        if recorder is not None:
            recorder.close()


def banner_height(height: int) -> int:
    """Height of the title banner for a frame ``height`` pixels tall: 7.5 %, at
    least 18 px, but never more than a quarter of a tiny frame."""
    return min(max(18, int(round(height * 0.075))), height // 4)


def draw_banner(painter: QPainter, text: str, width: int, height: int) -> None:
    """``text`` centred in a dark band ``width × height`` at the top, elided to fit."""
    painter.fillRect(0, 0, width, height, BANNER_BG)
    font = QFont()
    font.setPixelSize(max(10, int(height * 0.6)))
    font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(font)
    painter.setPen(BANNER_FG)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width - 16)
    painter.drawText(QRectF(8, 0, width - 16, height), Qt.AlignmentFlag.AlignCenter, elided)


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """A QImage as ``(H, W, 3) uint8`` RGB (copied, independent of the image)."""
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = img.width(), img.height(), img.bytesPerLine()
    raw = np.frombuffer(img.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return raw[:, : 3 * w].reshape(h, w, 3).copy()


def _exact(image: QImage, width: int, height: int) -> QImage:
    """``image`` at exactly ``width × height`` device pixels (a high-DPI grab is larger)."""
    image.setDevicePixelRatio(1.0)
    if image.width() == width and image.height() == height:
        return image
    return image.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)
