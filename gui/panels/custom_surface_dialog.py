"""The "Custom f(x, y)…" dialog: type a surface, its box and its parameters.

The text is checked on every keystroke by the same parser the files and
the command line use (nothing is executed); a problem is shown under the
text with a caret at its column, and OK stays disabled until the
expression, the box and the parameters are valid. Names other than x, y,
pi, e and the functions become parameters, each with a slider. Nothing
reaches the model before OK; Cancel changes nothing.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.app.i18n import translate, translated
from gui.widgets.widgets import SliderSpin
from optim_core import surfaces
from optim_core.experiment.spec import EXPRESSION
from optim_core.surfaces.expression_parser import MAX_LENGTH, ExpressionError, free_names
from optim_core.surfaces.expression_surface import MAX_MAGNITUDE


def parameter_range(value: float) -> tuple[float, float]:
    """The slider range of a parameter now at ``value``: ±max(10, 10·|value|)."""
    span = max(10.0, 10.0 * abs(value))
    return -span, span


class CustomSurfaceDialog(QDialog):
    """Edits a typed surface for ``model``; OK calls ``model.set_typed_surface``."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.setWindowTitle(translate("CustomSurfaceDialog", "Custom surface f(x, y)"))
        spec = model.spec.surface
        self._values: dict[str, float] = dict(spec.params) if spec.name == EXPRESSION else {}
        self.text = QLineEdit(spec.expression.text, maxLength=MAX_LENGTH)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlaceholderText("a*x**2 + b*y**2")
        self.text.setMinimumWidth(420)
        language = QLabel(translate(
            "CustomSurfaceDialog", "x, y, numbers, + − * / ** ( ), sin cos tan exp log sqrt "
            "abs tanh sinh cosh arctan min max, pi, e. Other names are parameters."),
            wordWrap=True)
        language.setStyleSheet("color: #9a9aa4")
        self.message = QLabel(wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        (x0, x1), (y0, y1) = spec.expression.bounds
        self.bounds = [self._bound(v) for v in (x0, x1, y0, y1)]
        self.param_form = QFormLayout()
        self.param_widgets: dict[str, SliderSpin] = {}
        self.params_box = QGroupBox(translate("CustomSurfaceDialog", "Parameters"))
        self.params_box.setLayout(self.param_form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._lay_out(language)
        self.text.textChanged.connect(self._on_edited)
        for b in self.bounds:
            b.valueChanged.connect(self._on_edited)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_edited()

    def _lay_out(self, language: QLabel) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("f(x, y) =", self.text)
        layout.addLayout(form)
        layout.addWidget(language)
        box_form = QFormLayout()
        box_form.addRow(translate("CustomSurfaceDialog", "x from"), self._pair(*self.bounds[:2]))
        box_form.addRow(translate("CustomSurfaceDialog", "y from"), self._pair(*self.bounds[2:]))
        layout.addLayout(box_form)
        layout.addWidget(self.params_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _bound(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(minimum=-MAX_MAGNITUDE, maximum=MAX_MAGNITUDE, decimals=4,
                             singleStep=0.5)
        box.setValue(value)
        return box

    def _pair(self, lo: QDoubleSpinBox, hi: QDoubleSpinBox) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(lo, 1)
        row.addWidget(QLabel(translate("CustomSurfaceDialog", "to")))
        row.addWidget(hi, 1)
        return row

    # ----------------------------------------------------------------- state
    def expression(self) -> str:
        return self.text.text()

    def box(self) -> tuple[tuple[float, float], tuple[float, float]]:
        x0, x1, y0, y1 = (b.value() for b in self.bounds)
        return (x0, x1), (y0, y1)

    def params(self) -> dict[str, float]:
        return {name: w.value() for name, w in self.param_widgets.items()}

    # ---------------------------------------------------------------- checks
    def _on_edited(self, *_args) -> None:
        self._show_parameters(free_names(self.expression()))
        try:
            surface = surfaces.from_expression(self.expression(), self.box(), self.params())
        except ExpressionError as e:
            self._show_problem(e.reason, e.column)
            return
        except ValueError as e:
            self._show_problem(str(e), None)
            return
        self._show_summary(surface)

    def event(self, event: QEvent) -> bool:
        """After each new layout (sliders added, a longer message), grow to the
        height the rows need at this width: Qt keeps a dialog with word-wrapped
        text at its plain minimum height, which squeezed every row and clipped
        the number boxes."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            needed = self.heightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)
        return handled

    def _show_parameters(self, names: list[str]) -> None:
        self.params_box.setVisible(bool(names))
        if names == list(self.param_widgets):
            return
        self._values.update(self.params())
        while self.param_form.rowCount():
            self.param_form.removeRow(0)
        self.param_widgets = {}
        for name in names:
            value = self._values.get(name, 1.0)
            w = SliderSpin(*parameter_range(value), value)
            w.value_changed.connect(self._on_edited)
            self.param_form.addRow(name, w)
            self.param_widgets[name] = w

    def _show_problem(self, reason: str, column: int | None) -> None:
        self.ok.setEnabled(False)
        text = html.escape(translated("core", reason))
        if column is not None:
            shown = self.expression()
            caret = " " * (column - 1) + "^"
            where = translate("CustomSurfaceDialog", "column {n}").format(n=column)
            text = f"{html.escape(where)}: {text}<pre>{html.escape(shown)}\n{caret}</pre>"
        self.message.setStyleSheet("color: #ff8a80")
        self.message.setText(text)

    def _show_summary(self, surface) -> None:
        """What the box holds, from a coarse grid: where f is defined, its kinks."""
        self.ok.setEnabled(True)
        (x0, x1), (y0, y1) = surface.bounds
        z = surface.grid(np.linspace(x0, x1, 33), np.linspace(y0, y1, 33))
        defined = float(np.isfinite(z).mean())
        parts = [translate("CustomSurfaceDialog",
                           "f is defined on {p:.0%} of the box").format(p=defined)]
        if surface.has_kinks:
            parts.append(translate("CustomSurfaceDialog",
                                   "it has kinks (abs, min, max): subgradients there"))
        self.message.setStyleSheet("color: #b8e0b8" if defined == 1.0 else "color: #ffd27f")
        self.message.setText(html.escape("; ".join(parts)))

    def accept(self) -> None:
        """Apply to the model; a refusal is shown and the dialog stays open."""
        try:
            self.model.set_typed_surface(self.expression(), self.box(), self.params())
        except ValueError as e:
            self._show_problem(str(e), None)
            return
        super().accept()
