"""The gradient-check panel: the table is gradcheck's, bugs turn red, kinks are flagged."""

import csv
import os

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from gui.panels.gradcheck_controls import CENTRE, START
from gui.panels.gradcheck_controls import head as head_of
from gui.panels.gradcheck_panel import GradcheckPanel
from gui.panels.gradcheck_table import VERDICT_STYLE, ValueRole
from optim_core import gradcheck
from optim_core.experiment.spec import CLASSIFIER

RED = QColor(VERDICT_STYLE[gradcheck.WRONG][0])


@pytest.fixture
def panel(qtbot, model):
    p = GradcheckPanel(model)
    qtbot.addWidget(p)
    p.resize(900, 480)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.sweep_jobs.cancel()
    p.sweep_jobs.wait()


def settle(qtbot, panel):
    """Wait for the debounced table and the off-thread h sweep."""
    qtbot.waitUntil(lambda: not panel._timer.isActive() and not panel.sweep_busy, timeout=10_000)


def column(panel, col, role=ValueRole):
    m = panel.table_model
    return [m.data(m.index(r, col), role) for r in range(m.rowCount())]


def to_slice(qtbot, model, **fields):
    model.set_surface(CLASSIFIER)
    if fields:
        model.set_slice(**fields)
    qtbot.waitUntil(lambda: not model.busy and model.surface is not None
                    and hasattr(model.surface, "W0"), timeout=20_000)


def test_toy_rows_equal_gradcheck_at_the_head_of_the_chosen_run(qtbot, model, panel):
    model.advance(40)
    panel.at_combo.setCurrentIndex(panel.at_combo.findData(head_of(model.spec.runs[2].id)))
    settle(qtbot, panel)
    head = model.traces()[2].head[0]
    s = model.surface
    expected = gradcheck.check(lambda p: float(s.value(p)), s.grad, head, h=1e-5)
    assert column(panel, 0) == ["x", "y"]
    assert column(panel, 1) == [r.analytic for r in expected]
    assert column(panel, 2) == [r.numeric for r in expected]
    assert column(panel, 3) == [r.rel_error for r in expected]
    assert column(panel, 4) == [r.verdict for r in expected] == ["right", "right"]
    assert panel.table_model.columnCount() == 5  # a smooth surface has no kink column
    text = column(panel, 1, Qt.ItemDataRole.DisplayRole)[0]
    assert "e" in text  # scientific notation


def test_panel_follows_the_experiment(qtbot, model, panel):
    settle(qtbot, panel)
    before = column(panel, 1)
    model.advance(25)  # the head moves
    settle(qtbot, panel)
    assert column(panel, 1) != before
    model.set_surface("himmelblau")
    settle(qtbot, panel)
    assert "Himmelblau" in panel.title.text()
    model.add_run("adam")
    assert panel.at_combo.findData(head_of(model.spec.runs[-1].id)) >= 0


def test_forward_differences_and_h_reach_the_numbers(qtbot, model, panel):
    model.advance(10)
    panel.diff_combo.setCurrentIndex(1)
    panel.h_spin.setValue(1e-3)
    settle(qtbot, panel)
    head, s = model.traces()[0].head[0], model.surface
    expected = gradcheck.check(lambda p: float(s.value(p)), s.grad, head, h=1e-3,
                               centered=False)
    assert column(panel, 2) == [r.numeric for r in expected]
    assert panel.sweep.h_line.value() == pytest.approx(-3)


def test_classifier_rows_equal_gradcheck_and_the_planted_bug_turns_them_red(
        qtbot, model, panel):
    to_slice(qtbot, model)
    model.advance(10)
    panel.samples_spin.setValue(15)
    panel.seed_spin.setValue(3)
    panel.part_combo.setCurrentIndex(panel.part_combo.findData("data"))
    settle(qtbot, panel)
    plane = model.surface
    W = plane.weights(model.traces()[0].head[0])
    rows = gradcheck.check(lambda w: plane.model.data_loss_and_grad(w)[0],
                           lambda w: plane.model.data_loss_and_grad(w)[1], W, n_samples=15,
                           seed=3)
    assert column(panel, 0) == [f"W[{r.index[0]}, {r.index[1]}]" + (
        " (bias)" if r.index[0] == W.shape[0] - 1 else "") for r in rows]
    assert column(panel, 3) == [r.rel_error for r in rows]
    assert set(column(panel, 4)) <= {"right", "kink"}  # tiny entries lose a few digits
    qtbot.mouseClick(panel.bug_check, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert "averaged" in panel.bug_check.toolTip()
    brushes = column(panel, 1, Qt.ItemDataRole.BackgroundRole)
    nonzero = [n != 0 for n in column(panel, 2)]
    assert sum(nonzero) >= 10
    assert all(b.color() == RED for b, nz in zip(brushes, nonzero, strict=True) if nz)
    assert "wrong" in panel.summary.text()


def test_regularization_is_checked_on_its_own(qtbot, model, panel):
    to_slice(qtbot, model)
    panel.at_combo.setCurrentIndex(panel.at_combo.findData(CENTRE))
    panel.part_combo.setCurrentIndex(panel.part_combo.findData("reg"))
    panel.bug_check.setChecked(True)
    settle(qtbot, panel)
    W0, reg = model.surface.W0, model.surface.model.reg
    analytic = column(panel, 1)
    indices = [r.index for r in panel.table.rows]
    np.testing.assert_allclose(analytic, [reg * W0[i] for i in indices])  # λW, not 2λW
    assert set(column(panel, 4)) == {"wrong"}


def test_the_slice_centre_chosen_while_the_slice_builds_is_kept(qtbot, model, panel):
    """The choice is the experiment's, not the combo's: picked before the slice
    exists, it still holds when the slice arrives (it was lost to a refresh)."""
    model.set_surface(CLASSIFIER)
    panel.at_combo.setCurrentIndex(panel.at_combo.findData(CENTRE))
    panel.part_combo.setCurrentIndex(panel.part_combo.findData("reg"))
    assert model.spec.analysis.gradcheck.at == "centre"
    qtbot.waitUntil(lambda: not model.busy and hasattr(model.surface, "W0"), timeout=20_000)
    settle(qtbot, panel)
    W0, reg = model.surface.W0, model.surface.model.reg
    analytic = [2 * reg * W0[r.index] for r in panel.table.rows]  # ∇ λ‖W‖² = 2λW at W₀
    np.testing.assert_allclose(column(panel, 1), analytic)
    assert panel.at_combo.currentData() == CENTRE


def test_settings_are_the_experiments_both_ways(qtbot, model, panel):
    panel.h_spin.setValue(1e-3)
    panel.diff_combo.setCurrentIndex(panel.diff_combo.findData(False))
    qtbot.mouseClick(panel.bug_check, Qt.MouseButton.LeftButton)
    g = model.spec.analysis.gradcheck
    assert (g.h, g.centered, g.planted_bug) == (1e-3, False, True)  # UI -> model
    model.set_gradcheck(seed=5, at="start", h=1e-6)
    assert panel.seed_spin.value() == 5 and panel.h_spin.value() == 1e-6  # model -> UI
    assert panel.at_combo.currentData() == START
    settle(qtbot, panel)
    assert panel.sweep.h_line.value() == pytest.approx(-6)


def test_svm_rows_whose_window_crosses_a_hinge_are_flagged(qtbot, model, panel):
    to_slice(qtbot, model, loss="svm")
    plane = model.surface
    # Put the start where one margin (n, k) is exactly 0: the margin is linear in a.
    M0 = plane.model.margins(plane.W0)
    M1 = plane.model.margins(plane.W0 + plane.D1) - M0
    ok = np.abs(M1) > 1e-3
    a = np.where(ok, -M0 / np.where(ok, M1, 1.0), np.inf)
    n, k = np.unravel_index(np.nanargmin(np.abs(a)), a.shape)
    model.set_start(float(a[n, k]), 0.0)
    panel.at_combo.setCurrentIndex(panel.at_combo.findData(START))
    panel.samples_spin.setValue(60)
    settle(qtbot, panel)
    W = plane.weights(np.array([a[n, k], 0.0]))
    assert abs(plane.model.margins(W)[n, k]) < 1e-9
    h, flags = panel.h_spin.value(), column(panel, 5)
    assert panel.table_model.columnCount() == 6 and any(flags) and not all(flags)

    def crosses(index):  # brute force: does any margin change sign between W − h and W + h?
        E = np.zeros_like(W)
        E[index] = h
        lo, hi = plane.model.margins(W - E), plane.model.margins(W + E)
        return bool(np.any((np.sign(lo) != np.sign(hi)) & ~np.isnan(lo)))

    assert flags == [crosses(r.index) for r in panel.table.rows]
    assert "kink" in column(panel, 5, Qt.ItemDataRole.DisplayRole)


def test_h_sweep_has_its_minimum_in_the_middle_for_softmax(qtbot, model, panel):
    to_slice(qtbot, model, loss="softmax")
    model.advance(10)
    settle(qtbot, panel)
    assert panel.sweep.errors.shape == (34, 8)
    assert 1e-8 <= panel.sweep.best_h <= 1e-3
    # Round-off on the left and truncation on the right are both worse than the middle.
    med = np.median(panel.sweep.errors, axis=1)
    assert med[0] > 100 * med.min() and med[-1] > 100 * med.min()
    x, y = panel.sweep.median.getData()
    np.testing.assert_allclose(10**x, panel.sweep.hs)


def test_export_writes_the_table_as_csv(qtbot, model, panel, tmp_path, monkeypatch):
    model.advance(5)
    settle(qtbot, panel)
    target = tmp_path / "check.csv"
    monkeypatch.setattr("gui.panels.gradcheck_panel.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "CSV files (*.csv)"))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(target.read_text().splitlines()))
    assert [r["coordinate"] for r in rows] == ["x", "y"]
    assert [float(r["analytic"]) for r in rows] == column(panel, 1)
    assert [float(r["relative_error"]) for r in rows] == column(panel, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["check.csv"]  # no temporary left behind
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary file, not 0600


def test_clicking_a_header_sorts_rows_by_value(qtbot, model, panel):
    to_slice(qtbot, model)
    model.advance(10)
    settle(qtbot, panel)
    header = panel.table_view.horizontalHeader()
    x = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    proxy = panel.sorted_rows
    shown = [proxy.data(proxy.index(r, 3), ValueRole) for r in range(proxy.rowCount())]
    assert shown == sorted(column(panel, 3)) or shown == sorted(column(panel, 3), reverse=True)
    assert shown != column(panel, 3)


def test_a_typed_surface_is_checked_and_its_kinks_flagged(qtbot, model, panel):
    model.set_typed_surface("abs(x) + y**2", ((-2, 2), (-2, 2)))
    model.set_start(5e-6, 0.5)  # x ± h crosses |x|'s kink; y² is smooth at any y
    panel.at_combo.setCurrentIndex(panel.at_combo.findData(START))
    settle(qtbot, panel)
    assert panel.table_model.columnCount() == 6
    assert column(panel, 5) == [True, False]
    assert column(panel, 1) == [1.0, 1.0]  # sign(x), 2y at (5e-6, 0.5)
