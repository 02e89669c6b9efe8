"""A table whose columns share its width: every cell readable, headers wrapped to fit.

Sized to their contents, a gradient check's six columns were about 450 px
wide in a docked column of 350 px, and the relative errors were cut off.
``FittedTable`` gives each column at least its cells' width; the width left
over goes to the columns whose headers need it, in proportion to what they
lack, and a header that still does not fit wraps onto two lines (its
tooltip says it whole). Wider than all that needs, the last column stretches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView


class FittedTable(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(2 * header.fontMetrics().lineSpacing() + 8)

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        for signal in (model.modelReset, model.layoutChanged, model.headerDataChanged):
            signal.connect(self.fit_columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self, *_) -> None:
        """Widths (px) summing to the viewport's width where the cells allow."""
        header, n = self.horizontalHeader(), self.horizontalHeader().count()
        if not n:
            return
        cells = [self.sizeHintForColumn(c) for c in range(n)]
        heads = [header.sectionSizeFromContents(c).width() for c in range(n)]
        wanted = [max(a, b) for a, b in zip(cells, heads, strict=True)]
        room = self.viewport().width()
        if sum(wanted) <= room:
            widths = wanted
            widths[-1] += room - sum(wanted)
        else:
            lack = [w - c for w, c in zip(wanted, cells, strict=True)]
            spare = max(0, room - sum(cells))
            widths = [c + spare * d // max(1, sum(lack)) for c, d in zip(cells, lack, strict=True)]
        for c, width in enumerate(widths):
            header.resizeSection(c, width)
