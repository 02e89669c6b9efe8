"""What a finished training says: sanity checks, the PCA plane shown, and the
projection table (how honest each path drawn on the slice is)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gui.app.i18n import translate, translated
from gui.panels.projection_table import ProjectionTable
from gui.panels.training_limits import limits_html


class TrainingResults(QWidget):
    """The sanity checks, the PCA choice, the overlay switch and the table of
    ``TrainingPanel``; ``show_checks(result)`` fills them from a training."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pca_check = QCheckBox(translate("TrainingPanel", "PCA plane of"), checked=True)
        self.pca_combo = QComboBox()
        self.overlay_check = QCheckBox(translate("TrainingPanel", "show projected paths on the "
                                                                  "slice"), checked=True)
        self.initial_label = QLabel(wordWrap=True)
        self.overfit_label = QLabel(wordWrap=True)
        self.limits_label = QLabel(wordWrap=True)
        self.table = ProjectionTable()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        sanity = QGroupBox(translate("TrainingPanel", "sanity checks"))
        s = QVBoxLayout(sanity)
        for label in (self.initial_label, self.overfit_label, self.limits_label):
            s.addWidget(label)
        box.addWidget(sanity)
        pca = QHBoxLayout()
        pca.addWidget(self.pca_check)
        pca.addWidget(self.pca_combo, 1)
        box.addLayout(pca)
        box.addWidget(self.overlay_check)
        box.addWidget(QLabel(translate("TrainingPanel", "final weights projected onto the slice "
                                                        "plane:"), wordWrap=True))
        box.addWidget(self.table, 1)

    def show_checks(self, result) -> None:
        """The checks of ``result`` (a ``TrainingResult``) and its runs' PCA planes."""
        self.initial_label.setText(
            _check_html(translate("TrainingPanel", "initial loss"), result.initial))
        self.overfit_label.setText(
            _check_html(translate("TrainingPanel", "overfit 20 samples (λ = 0)"), result.overfit))
        self.limits_label.setText(limits_html(result.limits))
        self.pca_combo.blockSignals(True)
        self.pca_combo.clear()
        for label in result.pca:
            self.pca_combo.addItem(translated("core", label), label)
        self.pca_combo.blockSignals(False)


def _check_html(title: str, check) -> str:
    mark, colour = ("✔", "#57c27a") if check.ok else ("✘", "#e5534b")
    return (f"<span style='color:{colour}; font-size: 13pt'>{mark}</span> "
            f"<b>{title}</b>: {html.escape(translated('core', check.verdict))}")
