"""Random against grid search, in the classifier training tab.

Renders ``model.hyper_search``: its settings, the two scatter plots of the
trials, the best trial of each, and the four-rate picture of real training
around the best η; calls its methods. No state of its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.app.core_text import error_text
from gui.app.i18n import translated
from gui.panels.search_plot import SearchPlot
from gui.panels.sweep_plots import RATE_COLORS, RateCurvesPlot
from optim_core.training import hyper_search


class SearchSection(QGroupBox):
    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        # A wrapped heading, not the box's title: a title never wraps, and this one
        # was wider than the dock column at 1280 × 720.
        self.heading = QLabel(self.tr("Hyper-parameters: random against grid search of (η, λ)"),
                              wordWrap=True)
        self.heading.setStyleSheet("font-weight: bold")
        self.search = model.hyper_search
        self._build()
        self._connect()
        self._on_changed()

    def _build(self) -> None:
        self.budget_spin = QSpinBox(minimum=1, maximum=100,
                                    toolTip=self.tr("trials per search (the grid is √n × √n)"))
        self.seed_spin = QSpinBox(minimum=0, maximum=10_000,
                                  toolTip=self.tr("seeds the random draws: repeatable"))
        self.run_button = QPushButton(self.tr("Search"))
        self.cancel_button = QPushButton(self.tr("Cancel"), enabled=False)
        self.progress = QProgressBar(visible=False, textVisible=True)
        row, run = QHBoxLayout(), QHBoxLayout()  # two rows: one is wider than a docked column
        for w in (QLabel(self.tr("trials")), self.budget_spin, QLabel(self.tr("seed")),
                  self.seed_spin):
            row.addWidget(w)
        row.addStretch(1)
        for w in (self.run_button, self.cancel_button):
            run.addWidget(w)
        run.addWidget(self.progress, 1)
        self.summary = QLabel(wordWrap=True)
        self.plot = SearchPlot()
        self.rates_plot = RateCurvesPlot()
        pictures = QHBoxLayout()
        pictures.addWidget(self.plot, 3)
        pictures.addWidget(self.rates_plot, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addLayout(run)
        layout.addWidget(self.summary)
        layout.addLayout(pictures)

    def _connect(self) -> None:
        s = self.search
        s.changed.connect(self._on_changed)
        s.progressed.connect(self._on_progressed)
        s.failed.connect(lambda message: self.summary.setText(error_text(message)))
        s.busy_changed.connect(self._on_busy)
        self.run_button.clicked.connect(s.start)
        self.cancel_button.clicked.connect(s.cancel)
        self.budget_spin.editingFinished.connect(
            lambda: s.set_settings(budget=self.budget_spin.value()))
        self.seed_spin.editingFinished.connect(lambda: s.set_settings(seed=self.seed_spin.value()))

    def _on_changed(self) -> None:
        s = self.search
        for spin, value in ((self.budget_spin, s.spec.budget), (self.seed_spin, s.spec.seed)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        if s.grid is None:
            self.summary.setText(self.tr(
                "Both searches train the classifier with SGD for the same number of trials; "
                "random search tries a new η every trial, the grid only √n of them."))
            return
        self.plot.show_searches(s.grid, s.random)
        parts = [self.tr("{0}: best {1:.1%} at η = {2:.3g}, λ = {3:.2g}").format(
            self.tr("grid") if r.method == "grid" else self.tr("random"), r.val_acc[r.best],
            r.lrs[r.best], r.regs[r.best]) for r in (s.grid, s.random)]
        self.summary.setText("   ·   ".join(parts))
        factors = dict(zip(hyper_search.RATE_NAMES, hyper_search.RATE_FACTORS, strict=True))
        self.rates_plot.show_curves({self.tr("{0}: {1:g} × best η").format(
                                         translated("ManyStartsPanel", name), factors[name]):
                                     (curve, RATE_COLORS[name])
                                     for name, curve in s.rates.items()})

    def _on_progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(100 * fraction))
        self.progress.setFormat(f"{message} %p%")

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.run_button.setEnabled(not busy)
