"""The window keeps answering while heavy work runs, and stale work is cancelled.

A QTimer ticks every 10 ms while a 256×256 slice of the real digits classifier
is built (and rebuilt late in a race) or while the classifier trains; the
timer keeps ticking all along (how long a tick waits is a timing, measured
by benchmarks/bench_latency.py, not asserted here). A parameter changed
mid-computation asks the running job to stop, and whatever it still
produces is never applied.
"""

import time

import pytest
from PySide6.QtCore import QObject, QTimer

from gui.model import training_worker
from gui.panels.training_panel import TrainingPanel
from optim_core.experiment.state import surface_jobs
from tests.pool import drain


class LatencyProbe(QObject):
    """Ticks every ``interval_ms``; ``worst`` is the longest extra wait of a tick (s)."""

    def __init__(self, interval_ms: int = 10):
        super().__init__()
        self.interval = interval_ms / 1e3
        self.worst, self.ticks, self._last = 0.0, 0, None
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.worst = max(self.worst, now - self._last - self.interval)
        self._last, self.ticks = now, self.ticks + 1

    def __enter__(self) -> "LatencyProbe":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.stop()


def settled(model) -> bool:
    return (not model.busy and not model.rebuilding and model.grid is not None
            and not model.grid.preview)


@pytest.fixture
def slice_model(qtbot, model, view):
    """The model on a shown view, switched to the digits slice at 256 × 256."""
    model.spec.surface.resolution = 256
    with LatencyProbe() as probe:
        model.set_surface("classifier")
        qtbot.waitUntil(lambda: settled(model), timeout=30_000)
    model.switch_probe = probe
    return model


def test_building_a_256_slice_keeps_the_event_loop_answering(slice_model):
    probe = slice_model.switch_probe
    assert slice_model.grid.z.shape == (256, 256)
    assert probe.ticks >= 10  # the loop turned all along


def test_a_new_slice_late_in_a_race_keeps_the_event_loop_answering(qtbot, slice_model):
    """Changing the slice at step 1,000 recomputes every trajectory to step 1,000:
    spread over event-loop turns, not in one block."""
    model = slice_model
    model.set_max_steps(2000)
    model.advance(1000)
    steps = []
    model.trajectories_changed.connect(lambda: steps.append(model.step))
    with LatencyProbe() as probe:
        model.set_slice(reg=2e-3)
        qtbot.waitUntil(lambda: settled(model), timeout=30_000)
    assert model.step == 1000 and len(steps) > 1 and steps == sorted(steps)
    assert probe.ticks >= 2  # the loop turned between the rebuild's slices
    model.advance(5)
    assert model.step == 1005


@pytest.fixture
def training_panel(qtbot, model, view):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    panel.resize(1100, 420)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.worker.cancel()
    panel.worker.wait()


def test_training_keeps_the_event_loop_answering(qtbot, slice_model, training_panel, view):
    """15 epochs of 4 optimizers on the digits, then the PCA planes and the paths
    projected onto the slice on screen."""
    training_panel.epochs_spin.setValue(15)
    with LatencyProbe() as probe:
        with qtbot.waitSignal(training_panel.trained, timeout=60_000):
            training_panel.train_button.click()
    assert len(view.projections.paths) == 4  # the whole result is drawn
    assert probe.ticks >= 10


def hold_until_cancelled(make_job, held: list):
    """Wrap a job factory: the first job waits until it is asked to stop, then
    returns its result anyway (a job that ignores the request); ``held`` records
    ``(asked to stop, seconds it waited)``."""

    def factory(*args, **kwargs):
        job = make_job(*args, **kwargs)
        if held:
            return job

        def stubborn(progress, cancelled):
            t0 = time.perf_counter()
            while not cancelled() and time.perf_counter() - t0 < 10:
                time.sleep(0.002)
            held.append((cancelled(), time.perf_counter() - t0))
            return job(lambda *a: None, lambda: False)

        held.append("started")
        return stubborn

    return factory


def test_a_slice_change_mid_computation_cancels_the_stale_job(qtbot, model, monkeypatch):
    held = []
    monkeypatch.setattr(surface_jobs, "slice_preview_job",
                        hold_until_cancelled(surface_jobs.slice_preview_job, held))
    built = []
    model.surface_changed.connect(lambda: built.append(model.surface))
    model.set_surface("classifier")  # the job that will be superseded
    qtbot.waitUntil(lambda: held == ["started"], timeout=5_000)
    stale_generation = model.jobs.generation
    model.set_slice(seed=7)  # a parameter changed while it runs
    assert model.jobs.generation > stale_generation
    qtbot.waitUntil(lambda: len(held) == 2 and settled(model), timeout=30_000)
    assert held[1][0] is True  # the running job was asked to stop
    drain()  # whatever it produced has arrived, and must not land
    assert model.spec.surface.slice.seed == 7
    fresh = model.surface
    from optim_core.experiment import spec as spec_mod

    reference = spec_mod.make_surface(model.spec.surface)
    assert (fresh.D1 == reference.D1).all()  # the surface shown is seed 7's, not seed 0's


def test_training_again_cancels_the_running_job(qtbot, training_panel, monkeypatch):
    original, held = training_worker.study, []

    def study(request, report, cancelled):
        job = hold_until_cancelled(lambda: lambda progress, stop: original(request, report, stop),
                                   held)()
        return job(None, cancelled)

    monkeypatch.setattr(training_worker, "study", study)
    training_panel.epochs_spin.setValue(1)
    training_panel.train_button.click()
    qtbot.waitUntil(lambda: held == ["started"], timeout=5_000)
    training_panel.cancel_button.click()  # then train again, with another setting
    training_panel.epochs_spin.setValue(2)
    training_panel.train_button.click()
    qtbot.waitUntil(lambda: training_panel.result is not None and len(held) == 2,
                    timeout=60_000)
    assert held[1][0] is True  # the first job was asked to stop
    drain()  # its late result has arrived, and must not show
    assert training_panel.result.request.config.epochs == 2


def test_a_drag_on_a_slice_evaluates_no_grid(qtbot, model, monkeypatch):
    model.set_surface("classifier")
    qtbot.waitUntil(lambda: settled(model), timeout=30_000)
    model.advance(50)
    calls = []
    original = type(model.surface).grid
    monkeypatch.setattr(type(model.surface), "grid",
                        lambda self, a, b: calls.append(len(a) * len(b)) or original(self, a, b))
    for x in (-0.5, -0.4, -0.3):
        model.drag_start(x, 0.2)
        model.finish_drag()
    assert calls == []
