"""Presentation mode (F11, View ▸ Presentation) and the interface's font scale.

Presentation mode shows the window full screen with only the surface and
the lesson (the surface alone while the experiment has no lesson); the
other docks and the status bar are hidden, and F11 or Escape brings them back as they were.
The surface draws larger text, thicker trails and larger markers. Ctrl+=
and Ctrl+− scale every font of the interface; the scale is remembered
between launches (QSettings ``ui/font_scale``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication

from gui.surface import view_style

#: Docks that stay in presentation mode.
KEPT = ("Lesson",)
#: Font scales Ctrl+= / Ctrl+− step through.
FONT_SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)
SETTING = "ui/font_scale"
_BASE_PT: list[float] = []  # the system font size, read before any scaling


class Presentation(QObject):
    """Presentation mode and font scale of ``window`` (a ``MainWindow``)."""

    toggled = Signal(bool)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self._hidden: list[str] = []
        self._was_maximized = False
        if not _BASE_PT:
            _BASE_PT.append(QApplication.font().pointSizeF())
        self._base_pt = _BASE_PT[0]
        self.font_scale = _stored_scale()
        self._apply_fonts()
        window.model.spec_replaced.connect(self._on_experiment_replaced)

    # ------------------------------------------------------------ presentation
    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self.active = True
        self._was_maximized = w.isMaximized()
        self._hidden = [t for t, d in w.docks.items() if d.isVisible() and t not in KEPT]
        for title in self._hidden:
            w.docks[title].hide()
        self._show_kept()
        w.statusBar().hide()  # the lesson says what the preset's note says, and more
        w.showFullScreen()
        self._apply_fonts()
        self.toggled.emit(True)

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        self.active = False
        w.showMaximized() if self._was_maximized else w.showNormal()
        w.statusBar().show()
        for title in self._hidden:
            w.docks[title].show()
        self._hidden = []
        self._apply_fonts()
        self.toggled.emit(False)

    def _on_experiment_replaced(self) -> None:
        if self.active:
            self._show_kept()

    def _show_kept(self) -> None:
        """The lesson while the experiment has one; otherwise the surface alone
        (the dock comes back on leaving if it was shown before)."""
        has_lesson = bool(self.window.model.spec.lesson)
        for title in KEPT:
            dock = self.window.docks.get(title)
            if dock is None:
                continue
            if has_lesson:
                dock.show()
            elif dock.isVisible():
                dock.hide()
                self._hidden.append(title)

    # --------------------------------------------------------------- font scale
    def bigger(self) -> None:
        self.set_font_scale(next((s for s in FONT_SCALES if s > self.font_scale + 1e-9),
                                 FONT_SCALES[-1]))

    def smaller(self) -> None:
        self.set_font_scale(next((s for s in reversed(FONT_SCALES)
                                  if s < self.font_scale - 1e-9), FONT_SCALES[0]))

    def set_font_scale(self, scale: float) -> None:
        """Every interface font at ``scale`` × the system size; remembered."""
        self.font_scale = min(max(float(scale), FONT_SCALES[0]), FONT_SCALES[-1])
        QSettings().setValue(SETTING, self.font_scale)
        self._apply_fonts()

    def view_scale(self) -> float:
        """The surface's drawing scale: font scale, times more in presentation."""
        return self.font_scale * (view_style.PRESENTATION_SCALE if self.active else 1.0)

    def _apply_fonts(self) -> None:
        font = QApplication.font()
        font.setPointSizeF(self._base_pt * self.font_scale *
                           (view_style.PRESENTATION_SCALE if self.active else 1.0) ** 0.5)
        QApplication.setFont(font)
        view = self.window.view
        view.text_scale = self.view_scale()
        view_style.apply_scale(view, view.text_scale)


def _stored_scale() -> float:
    try:
        scale = float(QSettings().value(SETTING, 1.0))
    except (TypeError, ValueError):
        return 1.0
    return min(max(scale, FONT_SCALES[0]), FONT_SCALES[-1])
