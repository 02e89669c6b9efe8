"""Random against grid search of (η, λ), and the four-rate picture, on real training.

``HyperSearch`` runs ``training.hyper_search`` off the GUI thread on the
classifier slice's dataset and loss: a grid and a random search with the
same budget and seed, then the course's loss-against-step picture at four
rates around the best η found. Results: ``grid``, ``random`` (``Search``)
and ``rates`` ({name: batch losses}); the budget and seed live in
``spec`` (``SearchSpec``, saved with the experiment).
Signals: ``changed()``, ``progressed(fraction, message)``, ``failed(message)``,
``busy_changed(bool)``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.app.i18n import translate
from gui.model.job_lane import JobLane
from gui.model.workers import Cancelled
from optim_core.experiment.many_starts import SearchSpec
from optim_core.training import hyper_search


class HyperSearch(JobLane):
    changed = Signal()

    def __init__(self, model, parent: QObject | None = None):
        super().__init__(model, parent)
        self.grid = self.random = None
        self.rates: dict[str, list[float]] = {}
        model.experiment.analysis.search_changed.connect(self.changed.emit)
        model.spec_replaced.connect(self._forget)
        model.surface_changed.connect(self._forget)

    @property
    def spec(self) -> SearchSpec:
        """The settings: the experiment's own (saved with it)."""
        return self.model.experiment.analysis.spec.search

    def set_settings(self, **fields) -> None:
        """Change ``budget`` or ``seed`` as one undoable step; ValueError (nothing
        changes) if invalid."""
        self.model.undo.edit(translate("HyperSearch", "change the search settings"),
                             lambda: self.model.experiment.analysis.set_search(**fields))

    def _forget(self) -> None:
        """Results on another dataset or loss are stale: drop them."""
        if self.grid is None and not self.busy:
            return
        self.jobs.cancel()
        self.grid = self.random = None
        self.rates = {}
        self.changed.emit()
        self.busy_changed.emit(False)

    def start(self) -> None:
        s, data = self.spec, self.model.spec.surface.slice
        self.submit(_search_job(data.dataset, data.loss, s.budget, s.seed))

    def _on_finished(self, result) -> None:
        self.grid, self.random, self.rates = result
        self.changed.emit()


def _search_job(dataset_name: str, loss: str, budget: int, seed: int):
    def work(progress, cancelled):
        from optim_core import classifier

        progress(0.0, translate("HyperSearch", "loading {dataset}").format(dataset=dataset_name))
        ds = classifier.load_dataset(dataset_name)
        found = {}
        for k, method in enumerate(hyper_search.METHODS):
            def report(done, total, k=k, method=method):
                text = translate("HyperSearch", "{method} search: trial {done} of {total}")
                name = translate("HyperSearch", "grid") if method == "grid" else translate(
                    "HyperSearch", "random")
                progress((k + done / total) / 3, text.format(method=name, done=done, total=total))
                return not cancelled()

            try:
                found[method] = hyper_search.search(ds, method, budget, loss=loss, seed=seed,
                                                    progress=report)
            except InterruptedError as e:
                raise Cancelled from e
        progress(2 / 3, translate("HyperSearch", "four learning rates"))
        best = found["random"]
        rates = hyper_search.rate_study(ds, float(best.lrs[best.best]), loss=loss,
                                        reg=float(best.regs[best.best]))
        return found["grid"], found["random"], rates
    return work
