"""The gradient check's controls: they show ``spec.analysis.gradcheck`` and edit it.

Where the gradient is checked (a run's head, the start point, the slice
centre W0), which part, h, the differences, the sampled coordinates and the
planted bug are the experiment's settings (saved in its file); these
widgets hold none of their own. The "slice centre" entry is listed whenever
the experiment's surface is a classifier slice, even while it is still
being built, so choosing it is never lost.
"""

from __future__ import annotations

from contextlib import ExitStack

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.app.core_text import error_text
from gui.app.i18n import translate, translated
from gui.panels.gradcheck_table import DIFFERENCES
from gui.widgets.reflow import Reflow
from gui.widgets.widgets import SciSpinBox
from optim_core.analysis import gradcheck_targets as targets
from optim_core.experiment.spec import CLASSIFIER

START, CENTRE = "start", "centre"  # "at" combo data besides "head:<run id>"


def head(run_id: str) -> str:
    """The "at" combo's data for the head of run ``run_id``."""
    return f"head:{run_id}"


def checked_run(model) -> str:
    """The id of the run whose head is checked: the chosen one while it races,
    else the first enabled run ("" when none is)."""
    enabled = [r.id for r in model.spec.runs if r.enabled]
    chosen = model.spec.analysis.gradcheck.run
    return chosen if chosen in enabled else (enabled[0] if enabled else "")


class GradcheckControls(QWidget):
    """The controls of ``GradcheckPanel`` over ``model``."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._build()
        self._connect()
        self.show_settings()

    def _build(self) -> None:
        self.at_combo = QComboBox(toolTip=translate("GradcheckPanel",
                                                    "where the gradient is checked"))
        self.part_combo = QComboBox(toolTip=translate(
            "GradcheckPanel", "check the data loss and the regularizer separately"))
        for part in targets.PARTS:
            self.part_combo.addItem(translated("core", targets.PART_TITLES[part]), part)
        self.samples_spin = QSpinBox(minimum=1, maximum=200, toolTip=translate(
            "GradcheckPanel", "how many coordinates of W are checked"))
        self.seed_spin = QSpinBox(minimum=0, maximum=10_000, toolTip=translate(
            "GradcheckPanel", "which coordinates are drawn"))
        self.h_spin = SciSpinBox()
        self.h_spin.setToolTip(translate("GradcheckPanel", "finite-difference step h"))
        self.h_spin.setRange(1e-12, 1e-1)
        self.h_spin.setKeyboardTracking(False)
        self.diff_combo = QComboBox(toolTip=translate(
            "GradcheckPanel", "centred: error ∝ h²; forward: error ∝ h"))
        for centred in (True, False):
            self.diff_combo.addItem(translated("GradcheckTable", DIFFERENCES[centred]), centred)
        self.bug_check = QCheckBox(translate("GradcheckPanel", "planted bug"))
        self.export_button = QPushButton(translate("GradcheckPanel", "Export CSV…"))
        self.setLayout(self._layout())

    def _layout(self) -> QVBoxLayout:
        """Two forms side by side, or one above the other in a narrow dock."""
        left, right = QFormLayout(), QFormLayout()
        left.addRow(translate("GradcheckPanel", "at"), self.at_combo)
        left.addRow(translate("GradcheckPanel", "check"), self.part_combo)
        samples = QHBoxLayout()
        samples.addWidget(self.samples_spin)
        samples.addWidget(QLabel(translate("GradcheckPanel", "seed")))
        samples.addWidget(self.seed_spin)
        left.addRow(translate("GradcheckPanel", "coordinates"), samples)
        right.addRow("h", self.h_spin)
        right.addRow(translate("GradcheckPanel", "differences"), self.diff_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.bug_check)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        right.addRow(buttons)
        forms = []
        for form in (left, right):
            form.setContentsMargins(0, 0, 0, 0)
            forms.append(QWidget())
            forms[-1].setLayout(form)
        self.forms = Reflow(forms, compact=True)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.forms)
        return layout

    def _connect(self) -> None:
        m = self.model
        for signal in (m.gradcheck_changed, m.spec_replaced, m.runs_changed, m.surface_changed):
            signal.connect(self.show_settings)
        self.at_combo.currentIndexChanged.connect(self._on_at_chosen)
        self.part_combo.currentIndexChanged.connect(
            lambda i: self._set(part=self.part_combo.itemData(i)))
        self.diff_combo.currentIndexChanged.connect(
            lambda i: self._set(centered=self.diff_combo.itemData(i)))
        self.samples_spin.valueChanged.connect(lambda v: self._set(samples=int(v)))
        self.seed_spin.valueChanged.connect(lambda v: self._set(seed=int(v)))
        self.h_spin.valueChanged.connect(lambda v: self._set(h=float(v)))
        self.bug_check.toggled.connect(lambda b: self._set(planted_bug=bool(b)))

    # ------------------------------------------------------------- UI -> model
    def _on_at_chosen(self, index: int) -> None:
        data = self.at_combo.itemData(index)
        if data is None:
            return
        if data.startswith("head:"):
            self._set(at="head", run=data.split(":", 1)[1])
        else:
            self._set(at=data)

    def _set(self, **fields) -> None:
        try:
            self.model.set_gradcheck(**fields)
        except ValueError as exc:  # out of range: the model keeps its value, shown again
            self.setToolTip(error_text(exc))
            self.show_settings()

    # ------------------------------------------------------------- model -> UI
    def show_settings(self, *_) -> None:
        g = self.model.spec.analysis.gradcheck
        widgets = (self.at_combo, self.part_combo, self.diff_combo, self.samples_spin,
                   self.seed_spin, self.h_spin, self.bug_check)
        with ExitStack() as stack:
            for w in widgets:
                stack.enter_context(QSignalBlocker(w))
            self._fill_at_combo()
            self.part_combo.setCurrentIndex(self.part_combo.findData(g.part))
            self.diff_combo.setCurrentIndex(self.diff_combo.findData(g.centered))
            self.samples_spin.setValue(g.samples)
            self.seed_spin.setValue(g.seed)
            self.h_spin.setValue(g.h)
            self.bug_check.setChecked(g.planted_bug)
        classifier = self.model.spec.surface.name == CLASSIFIER
        for w in (self.part_combo, self.samples_spin, self.seed_spin):
            w.setEnabled(classifier)

    def _fill_at_combo(self) -> None:
        """Heads of the enabled runs, the start point, and W0 on a slice; the
        entry the settings name is current."""
        combo = self.at_combo
        combo.clear()
        for run in self.model.spec.runs:
            if run.enabled:
                combo.addItem(translate("GradcheckPanel", "head of {run}")
                              .format(run=translated("core", run.label)), head(run.id))
        combo.addItem(translate("GradcheckPanel", "start point"), START)
        if self.model.spec.surface.name == CLASSIFIER:
            combo.addItem(translate("GradcheckPanel", "slice centre W₀"), CENTRE)
        combo.setCurrentIndex(max(combo.findData(self.chosen()), 0))

    def chosen(self) -> str:
        """The "at" entry the settings name ("start" where no run races)."""
        g = self.model.spec.analysis.gradcheck
        if g.at != "head":
            return g.at
        run = checked_run(self.model)
        return head(run) if run else START
