"""Bad input, clear answers, nothing lost — through the application window.

One table per entry point: File ▸ Open (Ctrl+O), the surface panel's "Open…"
dataset menu, the picture/data and animation exports, and the panels' number
and text fields. Every bad case gives exactly one dialog (QMessageBox is
patched to record) or, in a form, one inline message; the open experiment is
unchanged (its JSON before and after); no file is left half-written.
"""

import math
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.export.animation_options import AnimationOptions
from gui.export.dialog import ExportDialog, start_export
from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment
from tests.pool import drain


class Dialogs:
    """Every modal dialog replaced: messages recorded, file dialogs answer ``path``."""

    def __init__(self, monkeypatch):
        self.shown: list[tuple[str, str]] = []
        self.path = ""
        for name in ("warning", "critical", "information"):
            monkeypatch.setattr(QMessageBox, name, self._message)
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a: QMessageBox.StandardButton.Discard)
        for name in ("getOpenFileName", "getSaveFileName"):
            monkeypatch.setattr(QFileDialog, name, lambda *a, **k: (str(self.path), ""))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(self.path))

    def _message(self, parent, title, text, *rest):
        self.shown.append((title, text))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def dialogs(monkeypatch):
    return Dialogs(monkeypatch)


@pytest.fixture(scope="module")
def shared_window(qapp):
    """The whole application window (files, panels, exports), built once for the file."""
    import main
    from gui.app.app import configure_pyqtgraph
    from gui.model.experiment import ExperimentModel
    from tests.gui.conftest import close_discarding, small_spec

    configure_pyqtgraph()
    window = main.build_window(ExperimentModel(small_spec()))
    window.resize(1200, 800)
    window.show()
    yield window
    close_discarding(window)


@pytest.fixture
def app(qtbot, shared_window, dialogs, tmp_path):
    """The window, shown, with the start-up experiment opened from a file of its own
    (whatever the test before left)."""
    from tests.gui.conftest import small_spec

    start = tmp_path / "start.optviz.json"
    ef.save(small_spec(), start)
    assert shared_window.files.open_path(start, ask=False)
    shared_window.model.undo_stack.clear()
    qtbot.waitExposed(shared_window)
    qtbot.waitUntil(lambda: not shared_window.model.busy)
    yield shared_window
    shared_window.panels["Classifier training"].worker.cancel()


@pytest.fixture
def work(tmp_path) -> Path:
    """A folder for the test's files (tmp_path itself holds the settings file)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def snapshot(window) -> tuple[str, str]:
    return ef.to_json(window.model.spec), window.windowTitle()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ------------------------------------------------------------------ experiment files
def _valid() -> str:
    return ef.to_json(default_experiment())


EXPERIMENT_FILES = [  # (id, content or a folder (None), words of the message)
    ("empty", "", "empty"),
    ("truncated", _valid()[:300], "not valid JSON"),
    ("wrong type", _valid().replace('"steps": 1000', '"steps": "1000"'), "whole number"),
    ("NaN rate", _valid().replace('"lr": 0.001', '"lr": NaN', 1), "finite"),
    ("huge number", _valid().replace('"lr": 0.001', '"lr": 1' + "0" * 400, 1), "out of range"),
    ("huge file", " " * (ef.MAX_BYTES + 1), "at most"),
    ("not an object", "[1, 2]", "JSON object"),
    ("invalid character", _valid().replace("Rosenbrock race", "\\ud800"), "invalid character"),
    ("a folder", None, "cannot be read"),
]


@pytest.mark.parametrize("content,words", [c[1:] for c in EXPERIMENT_FILES],
                         ids=[c[0] for c in EXPERIMENT_FILES])
def test_ctrl_o_on_a_bad_file_explains_once_and_changes_nothing(qtbot, app, dialogs, work,
                                                                content, words):
    path = work / "bad.optviz.json"
    if content is None:
        path.mkdir()
    else:
        path.write_text(content, encoding="utf-8")
    files_before, state = listing(work), snapshot(app)
    recent = app.files.recent()
    dialogs.path = path
    qtbot.keyClick(app, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(dialogs.shown) == 1
    title, text = dialogs.shown[0]
    assert title == "Cannot open experiment" and path.name in text and words in text
    assert snapshot(app) == state and not app.isWindowModified()
    assert listing(work) == files_before and app.files.recent() == recent


# ---------------------------------------------------------------------- datasets
def _npz(path, **arrays):
    np.savez(path, **arrays)
    return path


def _blobs():
    rng = np.random.default_rng(1)
    y = np.arange(60) % 3
    return rng.normal(size=(60, 4)) + y[:, None], y


def _text(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _truncated_npz(t: Path) -> Path:
    whole = _npz(t / "whole.npz", X=_blobs()[0], y=_blobs()[1]).read_bytes()
    (t / "t.npz").write_bytes(whole[:150])
    return t / "t.npz"


DATASETS = [  # (id, menu entry: 0 data file / 1 CIFAR folder, make(folder) -> path, words)
    ("empty csv", 0, lambda t: _text(t / "e.csv", ""), "no samples"),
    ("words csv", 0, lambda t: _text(t / "w.csv", "1,2,0\n3,x,1\n"), "non-numeric"),
    ("NaN", 0, lambda t: _npz(t / "n.npz", X=np.full((6, 2), np.nan), y=np.arange(6) % 2),
     "NaN"),
    ("complex", 0, lambda t: _npz(t / "c.npz", X=_blobs()[0] + 1j, y=_blobs()[1]), "real"),
    ("huge values", 0, lambda t: _npz(t / "h.npz", X=_blobs()[0] * 1e300, y=_blobs()[1]),
     "rescale"),
    ("one class", 0, lambda t: _npz(t / "o.npz", X=_blobs()[0], y=0 * _blobs()[1]),
     "two classes"),
    ("truncated npz", 0, _truncated_npz, "truncated or corrupt"),
    ("not a CIFAR folder", 1, lambda t: _folder(t / "photos"), "no data_batch_1"),
]


def test_opening_bad_datasets_explains_each_once_and_keeps_the_slice(qtbot, app, dialogs, work):
    model = app.model
    model.set_surface("classifier")
    qtbot.waitUntil(lambda: not model.busy and model.grid is not None
                    and not model.grid.preview, timeout=20_000)
    surface, state = model.surface, snapshot(app)
    actions = app.surface_panel.open_dataset.menu().actions()
    for name, entry, make, words in DATASETS:
        dialogs.shown.clear()
        dialogs.path = make(work)
        files_before = listing(work)
        actions[entry].trigger()
        qtbot.waitUntil(lambda: bool(dialogs.shown) and not model.busy, timeout=10_000)
        drain()  # a second dialog would come through the event loop too
        assert len(dialogs.shown) == 1, name
        title, text = dialogs.shown[0]
        assert title == "Cannot build the surface", name
        assert dialogs.path.name in text and words in text, (name, text)
        assert model.surface is surface and snapshot(app) == state, name
        assert listing(work) == files_before, name


# ----------------------------------------------------------------------- exports
def _folder_in_the_way(t: Path, name: str) -> Path:
    (t / name).mkdir()
    return t / name


def _under_a_file(t: Path, name: str) -> Path:
    (t / "file.txt").write_text("not a folder")
    return t / "file.txt" / name


EXPORT_TARGETS = [  # (id, make(folder, file name) -> path, words of the message)
    ("read-only system folder", lambda t, n: Path("/proc") / n, "not writable"),
    ("a folder of that name", _folder_in_the_way, "it is a folder"),
    ("missing folder", lambda t, n: t / "missing" / n, "does not exist"),
    ("under a file", _under_a_file, "is not a folder"),
]
STATIC = {"view PNG": ("race_view.png", lambda ex: ex.view_picture(".png")),
          "trajectories CSV": ("race.csv", lambda ex: ex.trajectories_csv())}


@pytest.mark.parametrize("make,words", [c[1:] for c in EXPORT_TARGETS],
                         ids=[c[0] for c in EXPORT_TARGETS])
def test_exports_to_a_bad_place_explain_once_and_leave_nothing(qtbot, app, dialogs, work, make,
                                                               words):
    app.model.advance(20)
    state = snapshot(app)
    for what, (name, export) in STATIC.items():
        dialogs.shown.clear()
        folder = work / what.replace(" ", "_")
        folder.mkdir()
        dialogs.path = make(folder, name)
        before = listing(work)
        assert export(app.static_exports) is None
        assert dialogs.shown == [("Export failed", dialogs.shown[0][1])], what
        assert words in dialogs.shown[0][1] and name in dialogs.shown[0][1], what
        assert listing(work) == before and snapshot(app) == state, what
    dialogs.shown.clear()
    (work / "animation").mkdir()
    target = make(work / "animation", "race.mp4")
    before = listing(work)
    job = start_export(app, target, AnimationOptions(160, 120, frames=3))
    ended = []
    job.failed.connect(ended.append)
    job.finished.connect(ended.append)
    qtbot.waitUntil(lambda: bool(ended) and bool(dialogs.shown), timeout=10_000)
    assert len(dialogs.shown) == 1 and dialogs.shown[0][0] == "Export failed"
    assert words in dialogs.shown[0][1]
    assert listing(work) == before and snapshot(app) == state


@pytest.mark.parametrize("text,words", [("", "Choose where"),
                                        ("race.avi", "cannot tell the format"),
                                        ("race.mp4.txt", "cannot tell the format")])
def test_the_export_dialog_says_what_is_wrong_with_its_path_before_exporting(qtbot, model,
                                                                             text, words):
    dialog = ExportDialog(model)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(text)
    assert words in dialog.error.text() and not dialog.export_button.isEnabled()


# ------------------------------------------------------------------------ fields
SAME = object()  # the model keeps the value it had


def _lr(w):
    return w.optimizer_panel.rows[0].hyper_widgets["lr"].spin, lambda: w.model.spec.runs[0].hyper[
        "lr"]


def _mu(w):
    return w.optimizer_panel.rows[1].hyper_widgets["mu"].spin, lambda: w.model.spec.runs[1].hyper[
        "mu"]


def _param(w):
    w.model.set_surface_param("b", 100.0)
    return w.surface_panel.param_widgets["b"].spin, lambda: w.model.spec.surface.params["b"]


def _spf(w):
    return w.transport.steps_per_frame, lambda: w.model.spec.steps_per_frame


def _max_steps(w):
    return w.transport.max_steps, lambda: w.model.spec.steps


def _contours(w):
    return w.surface_panel.contours, lambda: w.model.spec.view.contours


def _epochs(w):
    spin = w.panels["Classifier training"].epochs_spin
    return spin, spin.value


ANY = object()  # any value in the field's range
# ASCII only: QTest's key clicks abort on other characters. Number boxes drop
# keys that cannot make a number in range (typing "1e999" into a whole-number
# box leaves "1999"), so the garbage for them has no digits; the scientific
# boxes take any text until Enter, so they get numbers that are not numbers too.
LETTERS = ["nan", "NaN", "inf", "-inf", "abc", "", "$%", "--", "-", "."]
SCI_GARBAGE = LETTERS + ["1e999", "-1e999", "0x10", "1,5", "--1", "1e", "1e-"]
FIELDS = [  # (id, widget and model value getter, [(typed text, expected model value)])
    ("learning rate", _lr, [(t, SAME) for t in SCI_GARBAGE] + [
        ("5000", 1e3), ("1e-300", 1e-6), ("-1", 1e-6), ("0.02", 0.02)]),
    ("momentum", _mu, [(t, SAME) for t in LETTERS] + [("0.95", 0.95), ("0.9999", ANY)]),
    ("surface parameter", _param, [(t, SAME) for t in SCI_GARBAGE] + [("1e9", 1e3),
                                                                       ("0", 1.0)]),
    ("steps per frame", _spf, [(t, SAME) for t in LETTERS] + [("7", 7), ("99999999", ANY)]),
    ("max steps", _max_steps, [(t, SAME) for t in LETTERS] + [("250", 250),
                                                              ("9999999999", ANY)]),
    ("contour lines", _contours, [(t, SAME) for t in LETTERS] + [("5", 5), ("999", ANY)]),
    ("training epochs", _epochs, [(t, SAME) for t in LETTERS] + [("3", 3), ("1e9", ANY)]),
]


def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize("field,cases", [c[1:] for c in FIELDS], ids=[c[0] for c in FIELDS])
def test_number_fields_clamp_and_ignore_garbage(qtbot, app, dialogs, field, cases):
    spin, value = field(app)
    for text, expected in cases:
        before = value()
        type_into(qtbot, spin, text)
        now = value()
        if expected is not ANY:
            assert now == (before if expected is SAME else pytest.approx(expected)), text
        assert math.isfinite(now) and spin.minimum() <= spin.value() <= spin.maximum(), text
        assert spin.value() == pytest.approx(now), text  # what is shown is what is used
        spec = ef.from_json(ef.to_json(app.model.spec))  # still saveable, and loads back
        assert spec == app.model.spec, text
    assert dialogs.shown == []


LABELS = [  # (as typed or pasted, what the model keeps; None: as typed)
    ("", "SGD"), ("   ", "SGD"), ("<b>x</b> & y", None), ("x" * 2000, None),
    ("🙂\u202etxt", None), ("Momentum", "Momentum 2"),
]


def test_any_run_label_is_shown_as_text_and_saves(qtbot, app):
    """Empty gives the kind's name, another run's name gets a number (a file needs
    unique labels), anything else is kept and shown as plain text."""
    edit = app.optimizer_panel.rows[0].label_edit
    for text, label in LABELS:
        edit.setFocus()
        edit.setText(text)  # as pasted (QTest can type ASCII only)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        stored = app.model.spec.runs[0].label
        assert stored == (label or text) and edit.text() == stored, text
        assert "<b>" not in app.view.legend.labels()[0]  # shown as text, never as markup
        assert ef.from_json(ef.to_json(app.model.spec)) == app.model.spec


# ------------------------------------------------------------------ model setters
NAN = float("nan")
SETTERS = [  # (id, call on the model, what it keeps: None = refuses and changes nothing)
    ("lr beyond the file's range", lambda m: m.set_hyper(0, "lr", 1e9), None),
    ("NaN lr", lambda m: m.set_hyper(0, "lr", NAN), None),
    ("NaN in a schedule", lambda m: m.set_hyper(0, "lr", {"kind": "step", "value": 0.1,
                                                          "gamma": NAN, "every": 5}), None),
    ("colour name", lambda m: m.set_run_color(0, "red"), None),
    ("unknown colour map", lambda m: m.set_view(colormap="jet"), None),
    ("NaN surface parameter", lambda m: m.set_surface_param("b", NAN), None),
    ("surface parameter out of range", lambda m: m.set_surface_param("b", 1e9), None),
    ("tiny resolution", lambda m: m.set_resolution(4), None),
    ("start beyond 1e6", lambda m: m.set_start(2e6, 0.0), None),
    ("NaN start", lambda m: m.set_start(NAN, 0.0), None),
    ("NaN regularization", lambda m: m.set_slice(reg=NAN), None),
    ("huge max steps", lambda m: m.set_max_steps(10**30), lambda s: s.steps == ef.MAX_STEPS),
    ("huge steps per frame", lambda m: m.set_steps_per_frame(10**9),
     lambda s: s.steps_per_frame == ef.MAX_STEPS_PER_FRAME),
    ("1000 contour lines", lambda m: m.set_view(contours=1000), lambda s: s.view.contours == 100),
]


@pytest.mark.parametrize("call,kept", [c[1:] for c in SETTERS], ids=[c[0] for c in SETTERS])
def test_model_setters_keep_an_experiment_that_saves_and_opens(model, call, kept):
    """The panels never send these, but whatever reaches the model either is
    refused with a ValueError and changes nothing, or is clamped into what an
    experiment file holds."""
    before = ef.to_json(model.spec)
    if kept is None:
        with pytest.raises(ValueError):
            call(model)
        assert ef.to_json(model.spec) == before
    else:
        call(model)
        assert kept(model.spec)
    assert ef.from_json(ef.to_json(model.spec)) == model.spec
