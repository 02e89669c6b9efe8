"""A table whose columns share its width: every cell readable, headers wrapped to fit.

Sized to their contents, a gradient check's six columns were about 450 px
wide in a docked column of 350 px, and the relative errors were cut off.
``FittedTable`` gives each column at least its cells' width; the width left
over goes to the columns whose headers need it, in proportion to what they
lack (each first as wide as its header on two lines, where the room
allows), and a header that does not fit on one line wraps (its tooltip
says it whole). Wider than all that needs, the last column stretches.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHeaderView, QTableView


class FittedTable(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(2 * header.fontMetrics().lineSpacing() + 8)  # two lines at most

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        for signal in (model.modelReset, model.layoutChanged, model.headerDataChanged):
            signal.connect(self.fit_columns)

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        # The viewport's own resize: a scroll bar showing up narrows it too.
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return handled

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
        else:  # headers wrap: each on two lines where there is room
            two = [max(c, h - self._wrap_saving(k)) for k, (c, h) in
                   enumerate(zip(cells, heads, strict=True))]
            floor = two if sum(two) <= room else cells
            lack = [w - f for w, f in zip(wanted, floor, strict=True)]
            spare = max(0, room - sum(floor))
            widths = [f + spare * d // max(1, sum(lack)) for f, d in zip(floor, lack, strict=True)]
        for c, width in enumerate(widths):
            header.resizeSection(c, width)

    def _wrap_saving(self, column: int) -> int:
        """How much narrower (px) column ``column``'s header is on two lines, broken
        at the space that makes the longer line shortest."""
        text = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
        width = self.horizontalHeader().fontMetrics().horizontalAdvance
        spaces = [k for k, c in enumerate(text) if c == " "]
        lines = min((max(width(text[:k]), width(text[k + 1:])) for k in spaces),
                    default=width(text))
        return max(0, width(text) - lines)
