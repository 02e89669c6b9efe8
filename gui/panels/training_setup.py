"""The training's settings: which runs train, batch size, epochs, seed.

They are the experiment's (``spec.analysis.training``, saved in its file):
these widgets show them and edit them through the model, holding none of
their own. A run whose kind cannot train in weight space is listed,
disabled, with the reason as its tooltip.
"""

from __future__ import annotations

from contextlib import ExitStack

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QSpinBox

from gui.app.core_text import hyper_symbol
from gui.app.i18n import translate, translated
from gui.model.training_state import trainable, training_runs
from optim_core import optimizers
from optim_core.experiment.state.runs import kind_title

#: Run check boxes per row.
RUN_COLUMNS = 2


class TrainingSetup:
    """The setting widgets of ``TrainingPanel`` over ``model``: ``runs_box`` (a grid
    of run checkboxes, ``run_checks``) and the spin boxes, laid out by the panel."""

    def __init__(self, model):
        self.model = model
        self.batch_spin = QSpinBox(minimum=0, maximum=100_000, singleStep=16,
                                   specialValueText=translate("TrainingPanel", "full batch"))
        self.epochs_spin = QSpinBox(minimum=1, maximum=1000)
        self.seed_spin = QSpinBox(minimum=0, maximum=1_000_000)
        self.runs_box = QGridLayout()  # RUN_COLUMNS a row: a docked column is narrow
        self.run_checks: list[QCheckBox] = []
        for field, spin in (("batch_size", self.batch_spin), ("epochs", self.epochs_spin),
                            ("seed", self.seed_spin)):
            spin.valueChanged.connect(lambda v, f=field: self.model.set_training(**{f: int(v)}))
        for signal in (model.training_changed, model.runs_changed, model.spec_replaced):
            signal.connect(self.show_settings)
        self.show_settings()

    def add_spins_to(self, row: QHBoxLayout, seed_row: QHBoxLayout | None = None) -> None:
        """The spin boxes and their labels into ``row`` (the seed into ``seed_row``
        when given: one row of three is wider than a docked column)."""
        for text, w, into in ((translate("TrainingPanel", "batch"), self.batch_spin, row),
                              (translate("TrainingPanel", "epochs"), self.epochs_spin, row),
                              (translate("TrainingPanel", "seed"), self.seed_spin,
                               seed_row or row)):
            into.addWidget(QLabel(text))
            into.addWidget(w)

    # ------------------------------------------------------------- model -> UI
    def show_settings(self, *_) -> None:
        t = self.model.spec.analysis.training
        with ExitStack() as stack:
            for w in (self.batch_spin, self.epochs_spin, self.seed_spin):
                stack.enter_context(QSignalBlocker(w))
            self.batch_spin.setValue(t.batch_size)
            self.epochs_spin.setValue(t.epochs)
            self.seed_spin.setValue(t.seed)
        self._show_runs()

    def _show_runs(self) -> None:
        for c in self.run_checks:
            self.runs_box.removeWidget(c)
            c.deleteLater()
        self.run_checks = []
        chosen = {r.id for r in training_runs(self.model.spec)}
        for run in self.model.spec.runs:
            check = QCheckBox(translated("core", run.label))
            check.setObjectName(run.id)
            check.setStyleSheet(f"QCheckBox {{ color: {run.color}; font-weight: bold; }}")
            reason = optimizers.kind_of(run.kind).untrainable_reason
            check.setEnabled(trainable(run))
            check.setChecked(run.id in chosen)
            check.setToolTip(translated("core", reason) if reason else _hyper_text(run))
            check.toggled.connect(self._on_run_toggled)
            k = len(self.run_checks)
            self.runs_box.addWidget(check, k // RUN_COLUMNS, k % RUN_COLUMNS)
            self.run_checks.append(check)

    # ------------------------------------------------------------- UI -> model
    def _on_run_toggled(self, _checked: bool) -> None:
        self.model.set_training(runs=[c.objectName() for c in self.run_checks
                                      if c.isChecked() and c.isEnabled()])


def _hyper_text(run) -> str:
    """``"Adam: η = 0.05, β₁ = 0.9, …"``: the run's numeric hyper-parameters by symbol."""
    symbols = {h.name: hyper_symbol(h) for h in optimizers.hyper_specs(run.kind)}
    parts = [f"{symbols.get(k, k)} = {v:g}" for k, v in run.hyper.items()
             if isinstance(v, float)]
    return f"{translated('core', kind_title(run.kind))}: " + ", ".join(parts)
