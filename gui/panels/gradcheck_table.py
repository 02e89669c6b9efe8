"""The gradient-check table: analytic vs numeric derivatives, coloured by the cs231n verdict."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from gui.app.i18n import translate, translated
from optim_core import gradcheck
from optim_core.analysis.gradcheck_targets import GradTable

#: verdict -> (background, label shown in the legend and the verdict column).
VERDICT_STYLE = {
    gradcheck.WRONG: ("#e5534b", QT_TRANSLATE_NOOP("GradcheckTable", "wrong  > 1e-2")),
    gradcheck.DOUBTFUL: ("#f0a03c", QT_TRANSLATE_NOOP("GradcheckTable", "doubtful  1e-2 … 1e-4")),
    gradcheck.KINK: ("#e8d44d", QT_TRANSLATE_NOOP("GradcheckTable", "ok near kinks  1e-4 … 1e-7")),
    gradcheck.RIGHT: ("#57c27a", QT_TRANSLATE_NOOP("GradcheckTable", "right  < 1e-7")),
}
TEXT_ON_VERDICT = QColor("#111116")
COLUMNS = (
    QT_TRANSLATE_NOOP("GradcheckTable", "coordinate"),
    QT_TRANSLATE_NOOP("GradcheckTable", "analytic"),
    QT_TRANSLATE_NOOP("GradcheckTable", "numeric"),
    QT_TRANSLATE_NOOP("GradcheckTable", "relative error"),
    QT_TRANSLATE_NOOP("GradcheckTable", "verdict"),
    QT_TRANSLATE_NOOP("GradcheckTable", "kink in ±h"),
)
#: The two finite differences, by ``centered``.
DIFFERENCES = {True: QT_TRANSLATE_NOOP("GradcheckTable", "centred  (f(x+h) − f(x−h)) / 2h"),
               False: QT_TRANSLATE_NOOP("GradcheckTable", "forward  (f(x+h) − f(x)) / h")}
#: The numbers as they are (not the formatted text), for tests and copying.
ValueRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class GradcheckTableModel(QAbstractTableModel):
    """Rows of a ``GradTable``; the kink column exists only when the target has kinks."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table: GradTable | None = None

    def set_table(self, table: GradTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    @property
    def has_kinks(self) -> bool:
        return self.table is not None and self.table.kinks is not None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if self.table is None or parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS) - (0 if self.has_kinks else 1)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated("GradcheckTable", COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return translated("GradcheckTable", _HEADER_TIPS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        row, col = self.table.rows[index.row()], index.column()
        value = self._value(index.row(), col)
        if role == ValueRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return translated("core", _text(value)) if col == 4 else _text(value, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(VERDICT_STYLE[row.verdict][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TEXT_ON_VERDICT)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row())
        return None

    def _value(self, r: int, col: int):
        row = self.table.rows[r]
        if col == 5:
            return self.table.kinks[r]
        return (self.table.names[r], row.analytic, row.numeric, row.rel_error, row.verdict)[col]

    def _tooltip(self, r: int) -> str:
        row, t = self.table.rows[r], self.table
        tip = translate("GradcheckTable", "{name}: |a − n| / max(|a|, |n|) = {error} → {verdict}\n"
                                          "numeric: {kind}, h = {h}").format(
            name=translated("core", t.names[r]), error=f"{row.rel_error:.3e}",
            verdict=translated("core", row.verdict), h=f"{t.h:.1e}",
            kind=translated("GradcheckTable", DIFFERENCES[t.centered]))
        if t.kinks is not None and t.kinks[r]:
            tip += "\n" + translate("GradcheckTable", "a hinge changes sides within ±h: the "
                                                      "numeric slope averages two slopes")
        return tip


_HEADER_TIPS = (
    QT_TRANSLATE_NOOP("GradcheckTable", "which coordinate of the parameters is checked"),
    QT_TRANSLATE_NOOP("GradcheckTable", "the gradient from the formula"),
    QT_TRANSLATE_NOOP("GradcheckTable", "the finite-difference estimate"),
    QT_TRANSLATE_NOOP("GradcheckTable", "|analytic − numeric| / max(|analytic|, |numeric|)"),
    QT_TRANSLATE_NOOP("GradcheckTable", "cs231n reading of the relative error"),
    QT_TRANSLATE_NOOP("GradcheckTable", "an SVM margin crosses 0 between x − h and x + h"),
)


def _text(value, col: int = 0) -> str:
    """Three significant digits for the derivatives, two for their relative error:
    narrow enough for a docked column (the CSV export has every digit)."""
    if isinstance(value, bool):
        return translate("GradcheckTable", "kink") if value else ""
    if isinstance(value, float):
        return f"{value:.1e}" if col == 3 else f"{value:.2e}"
    return str(value)

