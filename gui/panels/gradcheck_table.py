"""The gradient-check table: analytic vs numeric derivatives, coloured by the cs231n verdict."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from optim_core import gradcheck
from optim_core.analysis.gradcheck_targets import GradTable

#: verdict -> (background, label shown in the legend and the verdict column).
VERDICT_STYLE = {
    gradcheck.WRONG: ("#e5534b", "wrong  > 1e-2"),
    gradcheck.DOUBTFUL: ("#f0a03c", "doubtful  1e-2 … 1e-4"),
    gradcheck.KINK: ("#e8d44d", "ok near kinks  1e-4 … 1e-7"),
    gradcheck.RIGHT: ("#57c27a", "right  < 1e-7"),
}
TEXT_ON_VERDICT = QColor("#111116")
COLUMNS = ("coordinate", "analytic", "numeric", "relative error", "verdict", "kink in ±h")
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
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        row, col = self.table.rows[index.row()], index.column()
        value = self._value(index.row(), col)
        if role == ValueRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(value)
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
        kind = "centred (f(x+h) − f(x−h)) / 2h" if t.centered else "forward (f(x+h) − f(x)) / h"
        tip = (f"{t.names[r]}: |a − n| / max(|a|, |n|) = {row.rel_error:.3e} → {row.verdict}\n"
               f"numeric: {kind}, h = {t.h:.1e}")
        if t.kinks is not None and t.kinks[r]:
            tip += "\na hinge changes sides within ±h: the numeric slope averages two slopes"
        return tip


_HEADER_TIPS = (
    "which coordinate of the parameters is checked",
    "the gradient from the formula",
    "the finite-difference estimate",
    "|analytic − numeric| / max(|analytic|, |numeric|)",
    "cs231n reading of the relative error",
    "an SVM margin crosses 0 between x − h and x + h",
)


def _text(value) -> str:
    if isinstance(value, bool):
        return "kink" if value else ""
    if isinstance(value, float):
        return f"{value: .6e}"
    return str(value)
