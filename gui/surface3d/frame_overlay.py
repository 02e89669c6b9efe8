"""Text over an exported 3-D frame: the step, the height transform, a legend.

The live view says these in its bar and the optimizer panel shows the
colours; a recorded frame has neither, so they are painted onto it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from gui.app.i18n import translated

TEXT = QColor("#e8e8e8")
PANEL = QColor(16, 16, 24, 170)


def draw_overlay(image: QImage, traces, step_text: str, height_text: str) -> None:
    """Paint ``step_text`` and ``height_text`` top left and a legend of the enabled
    ``traces`` (label and colour) top right, scaled to the image's height."""
    px = max(10, round(image.height() * 0.028))
    font = QFont()
    font.setPixelSize(px)
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setFont(font)
        metrics = p.fontMetrics()
        pad, line = px // 2, metrics.height()
        lines = [t for t in (step_text, height_text) if t]
        width = max((metrics.horizontalAdvance(t) for t in lines), default=0)
        if lines:
            p.fillRect(QRectF(pad, pad, width + 2 * pad, line * len(lines) + pad), PANEL)
            p.setPen(TEXT)
            for k, text in enumerate(lines):
                p.drawText(QRectF(2 * pad, pad + pad / 2 + k * line, width, line),
                           Qt.AlignmentFlag.AlignLeft, text)
        runs = [tr for tr in traces if tr.enabled]
        if runs:
            labels = [translated("core", tr.label) for tr in runs]
            width = max(metrics.horizontalAdvance(label) for label in labels) + 2 * px
            left = image.width() - width - 3 * pad
            p.fillRect(QRectF(left, pad, width + 2 * pad, line * len(runs) + pad), PANEL)
            for k, tr in enumerate(runs):
                y = pad + pad / 2 + k * line
                p.fillRect(QRectF(left + pad, y + line * 0.3, px, line * 0.4), QColor(tr.color))
                p.setPen(TEXT)
                p.drawText(QRectF(left + pad + 1.6 * px, y, width, line),
                           Qt.AlignmentFlag.AlignLeft, labels[k])
    finally:
        p.end()
