"""Error messages a user meets are Chinese under zh_CN.

``optim_core`` and the export writers raise English one-line messages built
from templates; the window and the command line translate them where they
show them (``gui.app.core_text.error_text``). Each error here is raised by
the real code, so a message that no longer fits its template fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gui.app import core_catalog, i18n
from gui.app.app import set_language
from gui.app.core_text import error_text
from gui.app.terms import english_words
from gui.export.frame_writer import check_frame_options, check_target_name, format_of
from optim_core import classifier, optimizers, surfaces
from optim_core.experiment import file as ef

#: Where a problem is (a file, a field path such as runs[1].hyper.lr), quoted values,
#: file names (data_batch_1.bin) and identifiers (data_batch_1): code, not words.
LOCATION = re.compile(r"[\w.\[\]/-]+：|'[^']*'|[\w-]+(?:\.[\w-]+)+|\b\w+_\w+\b")


@pytest.fixture
def chinese(qapp):
    font = qapp.font()
    assert set_language(qapp, i18n.CHINESE) == i18n.CHINESE
    yield
    set_language(qapp, i18n.ENGLISH)
    qapp.setFont(font)


def raised(action) -> Exception:
    with pytest.raises(Exception) as info:  # noqa: B017 (ValueError, OSError, ExportError)
        action()
    return info.value


def bad_file(tmp: Path, change) -> Path:
    data = json.loads(ef.to_json(ef.load(ef.PRESET_DIR / "lr_too_large.optviz.json")))
    change(data)
    path = tmp / "bad.optviz.json"
    path.write_text(json.dumps(data))
    return path


def _with(data: dict, key: str, value) -> None:
    data[key] = value


CASES = {
    "lr out of range": lambda t: ef.load(bad_file(
        t, lambda d: d["runs"][1]["hyper"].update(lr=-3))),
    "unknown optimizer": lambda t: ef.load(bad_file(t, lambda d: d["runs"][0].update(kind="x"))),
    "start too far": lambda t: ef.load(bad_file(t, lambda d: _with(d, "starts", [[1e7, 0]]))),
    "unknown field": lambda t: ef.load(bad_file(t, lambda d: _with(d, "colour", 1))),
    "empty file": lambda t: ef.from_json("", source="x.optviz.json"),
    "damaged JSON": lambda t: ef.from_json('{"format": ', source="x.optviz.json"),
    "missing file": lambda t: ef.load(t / "nowhere.optviz.json"),
    "not optviz": lambda t: ef.from_json('{"format": "x"}', source="x.optviz.json"),
    "csv value": lambda t: classifier.load_dataset(_csv(t, "1,2,0\n3,x,1\n")),
    "csv columns": lambda t: classifier.load_dataset(_csv(t, "1,2,0\n3,1\n")),
    "no dataset": lambda t: classifier.load_dataset(str(t / "none.csv")),
    "dataset format": lambda t: classifier.load_dataset(_csv(t, "1", name="d.txt")),
    "not CIFAR": lambda t: classifier.load_dataset(str(_folder(t))),
    "CIFAR batch": lambda t: classifier.load_dataset(str(_folder(t, b"\0" * 100))),
    "schedule": lambda t: ef.load(bad_file(t, lambda d: d["runs"][0]["hyper"].update(
        lr={"kind": "inverse_time", "value": 0.01, "k": -1}))),
    "surface parameter": lambda t: surfaces.get("ravine", condition=-5),
    "hyper range": lambda t: optimizers.get("adam", lr=-1),
    "hyper bool": lambda t: optimizers.get("adam", bias_correction=3),
    "odd mp4": lambda t: check_frame_options("mp4", 161, 120, 30),
    "gif fps": lambda t: check_frame_options("gif", 160, 120, 60),
    "unknown target": lambda t: format_of(Path("race.avi")),
    "frame size": lambda t: check_frame_options("mp4", 8, 8, 30),
    "long name": lambda t: check_target_name(t / ("x" * 300 + ".gif")),
}


def _folder(tmp: Path, batch: bytes | None = None) -> Path:
    """A folder that is not a CIFAR-10 one, or whose first binary batch is ``batch``."""
    folder = tmp / "cifar"
    folder.mkdir()
    if batch is not None:
        for i in range(1, 6):
            (folder / f"data_batch_{i}.bin").write_bytes(batch)
    return folder


def _csv(tmp: Path, text: str, name: str = "d.csv") -> str:
    (tmp / name).write_text(text)
    return str(tmp / name)


@pytest.mark.parametrize("case", CASES)
def test_the_message_is_chinese_with_its_values(chinese, tmp_path, case):
    error = raised(lambda: CASES[case](tmp_path))
    shown = error_text(error)
    assert shown != str(error)
    left = english_words(LOCATION.sub(" ", shown))
    assert not left, f"{str(error)!r} is shown as {shown!r}: {left} left in English"


def test_the_fields_of_a_message_keep_their_values(chinese, tmp_path):
    error = raised(lambda: CASES["lr out of range"](tmp_path))
    assert error_text(error).endswith("runs[1].hyper.lr：-3 超出范围 [1e-06, 1000]")
    assert str(tmp_path / "bad.optviz.json") in error_text(error)


FIELD = re.compile(r"\{(\w+)(?::([^}]*))?\}")


def test_every_template_is_read_back_by_its_own_translation(chinese):
    """A text made from a template comes back as that template's Chinese with the
    same values: no other template (a looser one) reads it first."""
    wrong = []
    for template in core_catalog.TEMPLATES:
        values = {name: 7 + i for i, name in enumerate(
            dict.fromkeys(m[1] for m in FIELD.finditer(template)))}
        chinese_text = FIELD.sub(lambda m, v=values: format(v[m[1]], m[2] or ""),
                                 i18n.translate("core", template))
        shown = i18n.translated("core", template.format(**values))
        if shown != chinese_text:
            wrong.append((template, shown, chinese_text))
    assert not wrong, wrong[:3]


def test_english_is_shown_as_raised(tmp_path):
    error = raised(lambda: CASES["csv value"](tmp_path))
    assert error_text(error) == str(error)


def test_a_failed_job_says_why_in_chinese_in_its_panel(chinese, qtbot, model, tmp_path):
    """Many starts, the search and training show a failed job's English core
    message in the interface language."""
    from gui.panels.many_starts_panel import ManyStartsPanel
    from gui.panels.training_panel import TrainingPanel

    message = str(raised(lambda: CASES["csv value"](tmp_path)))
    starts, training = ManyStartsPanel(model), TrainingPanel(model)
    for panel in (starts, training):
        qtbot.addWidget(panel)
    model.many_starts.failed.emit(message)
    training.worker.failed.emit(message)
    for label in (starts.status, training.status):
        assert "第 2 行数据含有非数值" in label.text()
        assert not english_words(LOCATION.sub(" ", label.text())), label.text()
