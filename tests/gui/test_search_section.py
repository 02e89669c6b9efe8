"""Random against grid search in the classifier training tab."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def section(qtbot, model):
    from gui.panels.search_section import SearchSection

    w = SearchSection(model)
    qtbot.addWidget(w)
    w.resize(1100, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def search(qtbot, section, budget=4, seed=0):
    s = section.search
    s.set_settings(budget=budget, seed=seed)
    with qtbot.waitSignal(s.changed, timeout=60_000):
        qtbot.mouseClick(section.run_button, LEFT)
    qtbot.waitUntil(lambda: not section.progress.isVisible())
    return s


def test_both_searches_are_drawn_with_their_best_trial(qtbot, section):
    s = search(qtbot, section)
    assert len(s.grid.lrs) == 4 and len(s.random.lrs) == 4
    assert len(np.unique(s.grid.lrs)) == 2 and len(np.unique(s.random.lrs)) == 4
    for result in (s.grid, s.random):
        scatter = section.plot.scatters[result.method]
        xs, ys = scatter.getData()
        np.testing.assert_allclose(xs, np.log10(result.lrs))
        np.testing.assert_allclose(ys, np.log10(result.regs))
        best_x, _ = section.plot.bests[result.method].getData()
        np.testing.assert_allclose(best_x, [np.log10(result.lrs[result.best])])
        plot = section.plot.plots[result.method]

        def inside(plot=plot, xs=xs):
            (x0, x1), _ = plot.viewRange()
            return x0 <= xs.min() and xs.max() <= x1

        qtbot.waitUntil(inside)  # the trials are inside the drawn range once it auto-ranges
    assert section.summary.text().count("%") == 2
    names = {name.split(":")[0] for name in section.rates_plot.curves}
    assert names == {"very high", "high", "good", "low"}


def test_a_search_is_repeatable_and_the_seed_changes_the_draws(qtbot, section):
    first = search(qtbot, section, seed=3).random.lrs.copy()
    again = search(qtbot, section, seed=3).random.lrs.copy()
    other = search(qtbot, section, seed=4).random.lrs.copy()
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_a_bad_budget_changes_nothing(section):
    with pytest.raises(ValueError, match="budget"):
        section.search.set_settings(budget=0)
    assert section.search.spec.budget == 16
