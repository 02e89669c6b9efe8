"""A tick on a SliderSpin's slider at a limiting value (the critical learning rate).

A transparent child laid over the slider: it follows the slider's size,
lets every mouse event through, and paints a short red tick where the
slider would stand at ``value`` (none when the value is unknown or outside
the slider's range).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyleOptionSlider, QWidget

from gui.widgets.widgets import SliderSpin

TICK_COLOR = QColor("#ff5252")


class LimitTick(QWidget):
    """Marks ``value`` on ``slider_spin``'s slider; ``set_value(nan)`` hides it."""

    def __init__(self, slider_spin: SliderSpin):
        self._target = slider_spin
        super().__init__(slider_spin.slider)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.value = math.nan
        slider_spin.slider.installEventFilter(self)
        self.setGeometry(slider_spin.slider.rect())

    def set_value(self, value: float) -> None:
        self.value = float(value)
        self.setVisible(self.pixel_x() is not None)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._target.slider.rect())
        return False

    def pixel_x(self) -> float | None:
        """Where the tick is, in slider pixels (None: not shown)."""
        spin = self._target
        if not (math.isfinite(self.value) and spin.lo <= self.value <= spin.hi):
            return None
        slider = spin.slider
        opt = QStyleOptionSlider()
        opt.initFrom(slider)
        opt.orientation = slider.orientation()
        opt.minimum, opt.maximum = slider.minimum(), slider.maximum()
        opt.sliderPosition = opt.sliderValue = slider.value()
        style = slider.style()
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                      QStyle.SubControl.SC_SliderHandle, slider)
        span = slider.width() - handle.width()
        pos = QStyle.sliderPositionFromValue(slider.minimum(), slider.maximum(),
                                             spin.position_of(self.value), span)
        return pos + handle.width() / 2

    def paintEvent(self, event) -> None:
        x = self.pixel_x()
        if x is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(TICK_COLOR, 2.5))
        h = self.height()
        p.drawLine(QPointF(x, 1), QPointF(x, h * 0.32))
        p.drawLine(QPointF(x, h * 0.68), QPointF(x, h - 1))
        p.end()
