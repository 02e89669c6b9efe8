"""While a new surface is computed, the old one is greyed and keeps its own labels."""

import threading

import numpy as np
import pytest

from gui.export.animation import qimage_to_rgb
from gui.surface.surface_view import SurfaceView
from optim_core.experiment import spec as spec_mod
from tests.pool import drain


@pytest.fixture
def gate(monkeypatch, model):
    """Slices wait in their worker thread until ``gate.set()`` (open at the end)."""
    gate = threading.Event()
    real = spec_mod.make_surface

    def held(*args, **kwargs):
        assert gate.wait(30), "the test never let the slice be built"
        return real(*args, **kwargs)

    monkeypatch.setattr(spec_mod, "make_surface", held)
    yield gate
    gate.set()
    drain()


@pytest.fixture
def view(qtbot, model):
    v = SurfaceView(model)
    qtbot.addWidget(v)
    v.resize(700, 560)
    v.show()
    qtbot.waitExposed(v)
    return v


def labels(view) -> tuple[str, str, str]:
    return (view.plot.titleLabel.text, view.plot.getAxis("bottom").labelText,
            view.colorbar.axis.labelText)


def colourfulness(view) -> float:
    """Mean chroma (max − min channel) of the plotted area as drawn: the colour
    maps are vivid everywhere, a grey veil takes most of it away."""
    rect = view.viewbox.sceneBoundingRect().toRect()
    pixels = qimage_to_rgb(view.canvas.grab(rect).toImage()).astype(int)
    return float((pixels.max(axis=-1) - pixels.min(axis=-1)).mean())


def wait_built(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view.computing.shown and view.model.grid is not None
                    and not view.model.grid.preview and not view.model.busy, timeout=30_000)


def test_a_new_slice_greys_the_old_surface_under_its_own_labels(qtbot, model, view, gate):
    before, lit = labels(view), colourfulness(view)
    assert not view.computing.shown and before[1] == "x" and before[2].startswith("f")
    model.set_surface(spec_mod.CLASSIFIER)
    assert model.surface.name == "rosenbrock"  # the worker has not delivered
    assert view.computing.shown and "computing" in view.computing.note.textItem.toPlainText()
    assert labels(view) == before  # the Rosenbrock drawn keeps the Rosenbrock labels
    assert colourfulness(view) < 0.6 * lit
    gate.set()
    wait_built(qtbot, view)
    title, x_label, colour_label = labels(view)
    assert "softmax" in title and x_label.startswith("a") and colour_label.startswith("L")
    drawn = colourfulness(view)
    view.computing.veil.show()  # the same slice veiled: much greyer than what is drawn
    assert colourfulness(view) < 0.6 * drawn


def test_a_change_of_loss_greys_the_softmax_slice_until_the_svm_is_drawn(qtbot, model, view,
                                                                         gate):
    gate.set()
    model.set_surface(spec_mod.CLASSIFIER)
    wait_built(qtbot, view)
    softmax = labels(view)
    gate.clear()
    model.set_slice(loss="svm")
    assert view.computing.shown and labels(view) == softmax
    assert "softmax" in model.surface.title
    gate.set()
    qtbot.waitUntil(lambda: "SVM" in labels(view)[0], timeout=30_000)
    assert not view.computing.shown  # the new surface is drawn: no veil
    wait_built(qtbot, view)


def test_a_failed_build_lifts_the_veil_and_keeps_the_old_surface(qtbot, model, view, gate,
                                                                 tmp_path):
    before = labels(view)
    model.set_surface(spec_mod.CLASSIFIER)
    gate.set()
    wait_built(qtbot, view)
    failed = []
    model.job_failed.connect(failed.append)
    shown = labels(view)
    model.set_slice(dataset=str(tmp_path / "missing.npz"))
    qtbot.waitUntil(lambda: bool(failed), timeout=30_000)
    assert not view.computing.shown and labels(view) == shown != before
    assert np.isfinite(colourfulness(view))
