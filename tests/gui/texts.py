"""Every text a window shows a user, with the widget that shows it (for the
translation tests): the window title, menu actions, dock titles, tabs,
labels, buttons, text boxes (each paragraph: the lesson), line edits,
spin-box texts, group boxes, combo-box items, table headers, tooltips, and
the titles, axis labels, legends and text items of the pyqtgraph plots."""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTextEdit,
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


def plot_texts(view: pg.GraphicsView) -> Iterator[str]:
    """Titles, axis labels, legends and text items drawn in a pyqtgraph canvas."""
    for item in view.scene().items():
        if isinstance(item, pg.LabelItem):
            yield item.text
        elif isinstance(item, pg.AxisItem) and item.label.isVisible():
            yield item.labelText
        elif isinstance(item, pg.TextItem):
            yield item.textItem.toHtml() if item.textItem.toPlainText() else ""


def widget_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """``(widget, text)`` for ``root`` and every widget inside it."""
    yield root, root.windowTitle()
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
        elif isinstance(w, QTextEdit):  # the lesson, notes: each paragraph on its own
            yield from ((w, line) for line in w.toPlainText().splitlines())
        elif isinstance(w, QLineEdit):
            yield from ((w, t) for t in (w.text(), w.placeholderText()))
        elif isinstance(w, QAbstractSpinBox):
            yield from ((w, t) for t in (w.specialValueText(), w.prefix(), w.suffix()))
        elif isinstance(w, pg.GraphicsView):
            yield from ((w, t) for t in plot_texts(w))
        yield w, w.toolTip()


def texts(root: QWidget) -> list[tuple[QWidget, str]]:
    """Every non-empty text in ``root``, as plain text."""
    return [(w, plain(t)) for w, t in widget_texts(root) if t and plain(t)]
