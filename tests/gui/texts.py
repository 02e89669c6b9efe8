"""Every text a window shows a user, with the widget that shows it (for the
translation tests): menu actions, dock titles, tabs, labels, buttons,
group boxes, combo-box items, table headers and tooltips."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)


def plain(text: str) -> str:
    """``text`` without HTML markup and menu accelerators (``&File`` -> ``File``)."""
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def menu_texts(menu: QMenu) -> Iterator[tuple[QWidget, str]]:
    yield menu, menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from menu_texts(action.menu())
        elif not action.isSeparator():
            yield menu, action.text()
            yield menu, action.toolTip()


def _header_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for section in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


def widget_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """``(widget, text)`` for ``root`` and every widget inside it."""
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            yield w, w.text()
        elif isinstance(w, QAbstractButton):
            yield w, w.text()
        elif isinstance(w, QGroupBox):
            yield w, w.title()
        elif isinstance(w, QComboBox):
            yield from ((w, w.itemText(i)) for i in range(w.count()))
        elif isinstance(w, QTabBar):
            yield from ((w, w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QDockWidget):
            yield w, w.windowTitle()
        elif isinstance(w, QMenu):
            yield from menu_texts(w)
        elif isinstance(w, QAbstractItemView):
            yield from ((w, t) for t in _header_texts(w))
        yield w, w.toolTip()


def texts(root: QWidget) -> list[tuple[QWidget, str]]:
    """Every non-empty text in ``root``, as plain text."""
    return [(w, plain(t)) for w, t in widget_texts(root) if t and plain(t)]
