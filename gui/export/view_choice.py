"""The export dialog's "View" row: 2-D, 3-D or both side by side, and the 3-D orbit.

Without OpenGL the 3-D choices are disabled and their tooltip says why
(``gui.surface3d.gl_probe``); the orbit only applies to the 3-D choices.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QWidget

from gui.app.i18n import translate, translated
from gui.export.animation_options import MAX_ORBIT

CHOICES = ((QT_TRANSLATE_NOOP("ViewChoice", "2-D"), "2d"),
           (QT_TRANSLATE_NOOP("ViewChoice", "3-D"), "3d"),
           (QT_TRANSLATE_NOOP("ViewChoice", "2-D and 3-D side by side"), "both"))


class ViewChoice(QWidget):
    """``view()`` is ``2d``, ``3d`` or ``both``; ``orbit()`` the camera's turn in degrees."""

    def __init__(self, parent: QWidget | None = None):
        from gui.surface3d import gl_probe

        super().__init__(parent)
        self.combo = QComboBox()
        for text, key in CHOICES:
            self.combo.addItem(translated("ViewChoice", text), key)
        self.orbit_box = QDoubleSpinBox(decimals=0, minimum=-MAX_ORBIT, maximum=MAX_ORBIT,
                                        suffix="°", singleStep=15)
        self.orbit_box.setToolTip(translate("ViewChoice", "The 3-D camera turns this far about "
                                                          "the vertical over the animation"))
        reason = gl_probe.unavailable_reason()
        if reason is not None:
            model = self.combo.model()
            for row in (1, 2):
                model.item(row).setEnabled(False)
                self.combo.setItemData(row, translate("Surface3D", "3-D view unavailable: "
                                                                   "{reason}").format(reason=reason),
                                       Qt.ItemDataRole.ToolTipRole)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(QLabel(translate("ViewChoice", "orbit")))
        layout.addWidget(self.orbit_box)
        self.combo.currentIndexChanged.connect(self._update)
        self._update()

    def view(self) -> str:
        return self.combo.currentData()

    def orbit(self) -> float:
        return self.orbit_box.value() if self.view() != "2d" else 0.0

    def _update(self) -> None:
        self.orbit_box.setEnabled(self.view() != "2d")
