"""The optimizer panel: one row per run, add/duplicate/remove, the selected update rule."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.app.core_text import error_text
from gui.app.i18n import translate, translated
from gui.panels.run_row import RunRow
from optim_core import optimizers
from optim_core.experiment.state.runs import kind_title

#: Fonts tried, in order, for the update formulas (math-looking, then any serif).
MATH_FONTS = "'STIX Two Math', 'Cambria Math', 'Latin Modern Math', 'DejaVu Serif', serif"


def formula_html(kind: str) -> str:
    """The update of ``kind`` in symbols (one assignment per line) and in words."""
    formula = translated("core", optimizers.formula(kind))
    lines = "<br>".join(html.escape(line) for line in formula.splitlines())
    return (f"<b>{html.escape(translated('core', kind_title(kind)))}</b>"
            f"<div style=\"font-family: {MATH_FONTS}; font-size: 13pt; margin: 4px 0 4px 8px\">"
            f"<i>{lines}</i></div>"
            f"<span style=\"color: #a0a0a8\">"
            f"{html.escape(translated('core', optimizers.summary(kind)))}</span>")


class OptimizerPanel(QWidget):
    """Edits ``model.spec.runs`` through the model; rebuilt when runs come or go."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.rows: list[RunRow] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(4)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addLayout(self._rows_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.add_button = QPushButton(translate("OptimizerPanel", "Add run"))
        menu = QMenu(self.add_button)
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(self._fill_add_menu)
        self.add_button.setMenu(menu)
        self._fill_add_menu()
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(self.formula.textFormat().RichText)
        self.formula.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.formula)
        model.runs_changed.connect(self._on_runs_changed)
        model.spec_replaced.connect(self._on_runs_changed)
        model.hyper_changed.connect(self._on_hyper_changed)
        model.internals.selected_changed.connect(self._show_selected)
        for signal in (model.grid_ready, model.starts_changed):
            signal.connect(self._show_limits)
        self._on_runs_changed()

    def _fill_add_menu(self) -> None:
        """One entry per registered kind (read when the menu opens), its formula as tooltip."""
        menu = self.add_button.menu()
        menu.clear()
        for kind in optimizers.names():
            action = menu.addAction(translated("core", kind_title(kind)),
                                    lambda k=kind: self.model.add_run(k))
            action.setToolTip(translated("core", optimizers.formula(kind)))

    # ------------------------------------------------------------- model -> UI
    def _on_runs_changed(self) -> None:
        runs = self.model.spec.runs
        if len(runs) != len(self.rows):
            for row in self.rows:
                row.setParent(None)
                row.deleteLater()
            self.rows = []
            for i, run in enumerate(runs):
                row = RunRow(i, run)
                row.edited.connect(self._on_edited)
                row.selected.connect(self.select)
                row.gesture.connect(self._on_gesture)
                self._rows_box.addWidget(row)
                self.rows.append(row)
        else:
            for row, run in zip(self.rows, runs, strict=True):
                row.refresh(run)
        self.select(min(self.selected, len(runs) - 1))
        self._show_limits()

    @property
    def selected(self) -> int:
        """The selected run (the model's: the explained step and analysis follow it)."""
        return self.model.internals.selected

    def _on_hyper_changed(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.rows[index].refresh(self.model.spec.runs[index])
            self._show_limit(index)

    def _show_limits(self) -> None:
        # A new experiment's start can be announced before its runs: rows of the
        # old runs beyond the new ones wait for ``_on_runs_changed``.
        for index in range(min(len(self.rows), len(self.model.spec.runs))):
            self._show_limit(index)

    def _show_limit(self, index: int) -> None:
        stability = self.model.stability
        self.rows[index].show_limit(stability.critical_lr(index), stability.too_large(index))

    def select(self, index: int) -> None:
        """Select run ``index`` in the model; its row is highlighted with its update rule."""
        self.model.internals.select(index)
        self._show_selected(index)

    def _show_selected(self, index: int) -> None:
        for i, row in enumerate(self.rows):
            row.setStyleSheet("#RunRow { border: 1px solid #8ab4f8; }" if i == index else "")
        runs = self.model.spec.runs
        self.formula.setText(formula_html(runs[index].kind) if 0 <= index < len(runs) else "")

    # ------------------------------------------------------------ UI -> model
    def _on_gesture(self, down: bool) -> None:
        """A slider drag is one undo step."""
        self.model.begin_gesture() if down else self.model.end_gesture()

    def _on_edited(self, run_id: str, what: str, value: Any) -> None:
        """A row's edit of run ``run_id``, made through the model."""
        m = self.model
        index = m.experiment.runs.index(run_id)
        if what == "enabled":
            m.set_run_enabled(run_id, value)
        elif what == "color":
            m.set_run_color(run_id, value)
        elif what == "label":
            m.set_run_label(run_id, value)
        elif what == "kind":
            m.set_run_kind(run_id, value)
            self.select(index)
        elif what == "duplicate":
            self.select(m.duplicate_run(run_id))
        elif what == "remove":
            m.remove_run(run_id)
        elif what.startswith("hyper:"):
            try:
                m.set_hyper(run_id, what.split(":", 1)[1], value)
            except ValueError as exc:
                self.rows[index].setToolTip(error_text(exc))
                self.rows[index].refresh(m.spec.runs[index])
