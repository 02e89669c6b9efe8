"""Small reusable controls: a slider+spin box pair (log or linear) and a colour button."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QValidator
from PySide6.QtWidgets import (
    QColorDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from gui.app.i18n import translate
from gui.widgets.fine_slider import PX_PER_DECADE, FineSlider

#: Slider positions between min and max (fine enough that a drag feels continuous).
SLIDER_STEPS = 1000


class ClampingSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox where a typed number beyond the range becomes the nearest
    end (5000 -> 1000) instead of silently going back to the old value; text
    that is not a finite number still goes back."""

    def fixup(self, text: str) -> str:
        value = self.parse(text)
        if value is None or not math.isfinite(value):
            return self.textFromValue(self.value())
        return self.textFromValue(min(max(value, self.minimum()), self.maximum()))

    def parse(self, text: str) -> float | None:
        """The number ``text`` spells in the widget's locale, or None ("-", "abc")."""
        value, ok = self.locale().toDouble(text.strip())
        return value if ok else None


class SciSpinBox(ClampingSpinBox):
    """A spin box that shows numbers as ``%.4g`` (1e-05, 0.003, 250) and accepts
    any float spelling; arrow steps adapt to the value's decade."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(12)
        self.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)

    def textFromValue(self, value: float) -> str:
        return f"{value:.4g}"

    def valueFromText(self, text: str) -> float:
        value = self.parse(text)
        return value if value is not None and math.isfinite(value) else self.value()

    def parse(self, text: str) -> float | None:
        """Any float spelling (1e-05, .3, 250), or None."""
        try:
            return float(text)
        except ValueError:
            return None

    def validate(self, text: str, pos: int):
        try:
            v = float(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= v <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos


class SliderSpin(QWidget):
    """A slider and a spin box showing one number, kept in sync.

    With ``log`` the slider moves along log10(value), so 1e-4 … 1 are equally
    easy to reach, a decade per ``PX_PER_DECADE`` px of drag (Shift: a tenth).
    ``value_changed(float)`` fires once per user change (the spin box reports
    on Enter/focus-out or arrow steps, not per keystroke); ``pressed()`` and
    ``released()`` bracket a drag of the slider, so that a whole drag can be
    one undo step.
    """

    value_changed = Signal(float)
    pressed = Signal()
    released = Signal()

    def __init__(self, lo: float, hi: float, value: float, log: bool = False,
                 decimals: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.lo, self.hi, self.log = float(lo), float(hi), bool(log)
        decades = math.log10(self.hi / self.lo) if log else 0.0
        self.slider = FineSlider(SLIDER_STEPS / (decades * PX_PER_DECADE) if log else None)
        self.slider.setRange(0, SLIDER_STEPS)
        self.spin = SciSpinBox() if log else ClampingSpinBox()
        self.spin.setKeyboardTracking(False)
        self.spin.setRange(self.lo, self.hi)
        if not log:
            self.spin.setDecimals(decimals if decimals is not None else 3)
            self.spin.setSingleStep((hi - lo) / 100)
        self.spin.setMinimumWidth(86)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderPressed.connect(self.pressed)
        self.slider.sliderReleased.connect(self.released)
        self.spin.valueChanged.connect(self._on_spin)
        self.set_value(value)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, value: float) -> None:
        """Show ``value`` without emitting ``value_changed`` (model -> UI)."""
        value = min(max(float(value), self.lo), self.hi)
        for w in (self.slider, self.spin):
            w.blockSignals(True)
        self.spin.setValue(value)
        self.slider.setValue(self._to_slider(value))
        for w in (self.slider, self.spin):
            w.blockSignals(False)

    def position_of(self, value: float) -> int:
        """The slider position that shows ``value`` (a mark can be put there)."""
        return self._to_slider(min(max(float(value), self.lo), self.hi))

    def _to_slider(self, v: float) -> int:
        if self.log:
            lo, hi = math.log10(self.lo), math.log10(self.hi)
            frac = (math.log10(v) - lo) / (hi - lo)
        else:
            frac = (v - self.lo) / (self.hi - self.lo)
        return round(frac * SLIDER_STEPS)

    def _from_slider(self, pos: int) -> float:
        frac = pos / SLIDER_STEPS
        if self.log:
            return 10 ** (math.log10(self.lo) + frac * (math.log10(self.hi) - math.log10(self.lo)))
        return self.lo + frac * (self.hi - self.lo)

    def _on_slider(self, pos: int) -> None:
        value = float(f"{self._from_slider(pos):.3g}") if self.log else self._from_slider(pos)
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        self.value_changed.emit(self.spin.value())

    def _on_spin(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(self._to_slider(value))
        self.slider.blockSignals(False)
        self.value_changed.emit(value)


class ColorButton(QPushButton):
    """A swatch; clicking opens QColorDialog. ``color_changed("#rrggbb")`` on a pick."""

    color_changed = Signal(str)

    def __init__(self, color: str = "#ffffff", parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedSize(22, 22)
        self.setToolTip(translate("ColorButton", "Colour of this run (click to change)"))
        self._color = color
        self.set_color(color)
        self.clicked.connect(self._pick)

    def color(self) -> str:
        return self._color

    def set_color(self, color: str) -> None:
        self._color = color
        self.setStyleSheet(f"QPushButton {{ background: {color}; border: 1px solid #888;"
                           " border-radius: 3px; }")

    def _pick(self) -> None:
        title = translate("ColorButton", "Run colour")
        chosen = QColorDialog.getColor(QColor(self._color), self, title)
        if chosen.isValid():
            self.set_color(chosen.name())
            self.color_changed.emit(chosen.name())
