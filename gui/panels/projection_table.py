"""How honest is a projected path? Off-plane distance and true vs slice loss, per run."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from gui.app.i18n import translate, translated
from optim_core.training.projection import PlaneProjection

COLUMNS = (QT_TRANSLATE_NOOP("ProjectionTable", "run"),
           QT_TRANSLATE_NOOP("ProjectionTable", "off plane"),
           QT_TRANSLATE_NOOP("ProjectionTable", "true L(W)"),
           QT_TRANSLATE_NOOP("ProjectionTable", "slice L(a, b)"))
TIPS = (
    QT_TRANSLATE_NOOP("ProjectionTable", "hover a run for its (a, b): the least-squares "
                                         "coordinates of W − W₀ in span(D₁, D₂), where the path "
                                         "is drawn"),
    QT_TRANSLATE_NOOP("ProjectionTable", "the share of ‖W − W₀‖ off the plane (hover: "
                                         "‖W − W₀ − a·D₁ − b·D₂‖): what the picture cannot "
                                         "show"),
    QT_TRANSLATE_NOOP("ProjectionTable", "the loss at the real final weights"),
    QT_TRANSLATE_NOOP("ProjectionTable", "the loss the slice shows under the projected point"),
)
#: Off-plane share above which a row is marked as a misleading picture.
MISLEADING = 0.5


class ProjectionTable(QTableWidget):
    """One row per run: the final snapshot's projection onto the slice plane."""

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([translated("ProjectionTable", c) for c in COLUMNS])
        for k, tip in enumerate(TIPS):
            self.horizontalHeaderItem(k).setToolTip(translated("ProjectionTable", tip))
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def set_projections(self, projections: dict[str, PlaneProjection],
                        colors: dict[str, str]) -> None:
        self.setRowCount(len(projections))
        for r, (label, p) in enumerate(projections.items()):
            frac = float(p.off_plane_fraction[-1])
            cells = (translated("core", label), f"{100 * frac:.0f} %",
                     _num(p.true_loss), _num(p.slice_loss))
            # (a, b) and the off-plane distance are tips, not columns: a docked column
            # at 1280 × 720 had room for four.
            tips = (f"(a, b) = ({p.ab[-1, 0]:.3g}, {p.ab[-1, 1]:.3g})",
                    f"‖W − W₀ − a·D₁ − b·D₂‖ = {p.off_plane[-1]:.3g}", "", "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tips[c])
                if c == 0:
                    item.setForeground(QColor(colors.get(label, "#ffffff")))
                if c == 1 and frac > MISLEADING:
                    item.setForeground(QColor("#f0a03c"))
                    item.setToolTip(tips[c] + "<br>" + html.escape(translate(
                        "ProjectionTable", "{share} % of the path's length from W₀ is off the "
                        "plane: the drawn path is a shadow, not the path").format(
                            share=f"{100 * frac:.0f}")))
                self.setItem(r, c, item)


def _num(values) -> str:
    return "" if values is None else f"{float(values[-1]):.4g}"
