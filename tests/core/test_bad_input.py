"""Bad input, clear answers, nothing lost — the core entry points.

One table per entry point: experiment files (``experiment_file.load``; the
cases test_experiment_file.py already covers are not repeated), dataset files
(``classifier.load_dataset``) and experiment save targets
(``experiment_file.save``). Each bad case raises exactly the documented error,
with a message that names the file and says what is wrong, and leaves no file
behind; nothing warns (warnings are errors in pytest).
"""

import json

import numpy as np
import pytest

from optim_core import classifier
from optim_core.experiment import file as ef
from optim_core.experiment.spec import default_experiment


def experiment_text(**changes) -> str:
    """The default experiment as JSON text with top-level or dotted fields replaced
    by raw JSON literals (so NaN, huge numbers and bad escapes survive)."""
    d = json.loads(ef.to_json(default_experiment()))
    marks = {}
    for i, (path, literal) in enumerate(changes.items()):
        node, *keys = path.split("__")
        target = d
        for k in [node, *keys][:-1]:
            target = target[int(k) if k.isdigit() else k]
        last = [node, *keys][-1]
        marks[f"@@{i}@@"] = literal
        target[int(last) if last.isdigit() else last] = f"@@{i}@@"
    text = json.dumps(d)
    for mark, literal in marks.items():
        text = text.replace(f'"{mark}"', literal)
    return text


EXPERIMENT_FILES = [  # (id, file content, field named, words in the message)
    ("lr 1e400 as a whole number", experiment_text(runs__0__hyper__lr="1" + "0" * 400),
     "runs[0].hyper.lr", "out of range"),
    ("steps with 400 digits", experiment_text(steps="1" + "0" * 400), "steps",
     "about 401 digits"),
    ("5000-digit number", experiment_text(steps="1" + "0" * 5000), "", "not valid JSON"),
    ("nested 100000 deep", "[" * 100_000, "", "nested too deeply"),
    ("lone surrogate in the title", experiment_text(title='"\\ud800"'), "title",
     "invalid character"),
    ("NaN start", experiment_text(starts__0__0="NaN"), "starts[0]", "finite"),
    ("infinite surface parameter", experiment_text(surface__params='{"b": Infinity}'),
     "surface.params.b", "finite"),
    ("NaN regularization", experiment_text(surface__slice__reg="NaN"), "surface.slice.reg",
     "finite"),
    ("NaN in a schedule", experiment_text(
        runs__0__hyper__lr='{"kind": "step", "value": 0.1, "gamma": NaN, "every": 5}'),
     "runs[0].hyper.lr.gamma", "finite"),
    ("steps NaN", experiment_text(steps="NaN"), "steps", "whole number"),
    ("kind null", experiment_text(runs__0__kind="null"), "runs[0].kind", "expected text"),
    ("runs an object", experiment_text(runs="{}"), "runs", "expected a list"),
    ("33 runs", experiment_text(runs=json.dumps(
        [{"kind": "sgd", "label": f"r{i}", "color": "#123456"} for i in range(33)])),
     "runs", "at most 32"),
    ("401 start points", experiment_text(starts=json.dumps([[0, 0]] * 401)), "starts",
     "1 to 400"),
    ("start beyond 1e6", experiment_text(starts="[[2e6, 0]]"), "starts[0]", "out of range"),
    ("control character", experiment_text(title='"a\u0001b"'), "", "not valid JSON"),
    ("binary junk", b"\x89PNG\r\n\x1a\n\x00\x00", "", "cannot be read"),
    ("truncated mid-number", experiment_text()[:-40] + "1.", "", "not valid JSON"),
]


@pytest.mark.parametrize("content,field,words", [c[1:] for c in EXPERIMENT_FILES],
                         ids=[c[0] for c in EXPERIMENT_FILES])
def test_bad_experiment_files_are_refused_naming_the_field(tmp_path, content, field, words):
    path = tmp_path / "bad.optviz.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8",
                                                                             "surrogatepass"))
    before = path.read_bytes()
    with pytest.raises(ef.ExperimentFileError) as info:
        ef.load(path)
    assert info.value.field == field
    assert words in info.value.problem and str(path) in str(info.value)
    assert len(str(info.value)) < 400  # one readable line, not the file echoed back
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_folder_given_as_an_experiment_file(tmp_path):
    with pytest.raises(ef.ExperimentFileError, match="cannot be read"):
        ef.load(tmp_path)


def _npz(path, **arrays):
    np.savez(path, **arrays)
    return path


def _text(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _blobs(n=40, d=3):
    rng = np.random.default_rng(0)
    return rng.normal(size=(n, d)), np.arange(n) % 3


DATASETS = [  # (id, make(folder) -> path, words in the message)
    ("complex X", lambda t: _npz(t / "c.npz", X=_blobs()[0] + 1j, y=_blobs()[1]), "real"),
    ("complex y", lambda t: _npz(t / "cy.npz", X=_blobs()[0], y=_blobs()[1] + 0j), "real"),
    ("values near 1e300", lambda t: _npz(t / "big.npz", X=_blobs()[0] * 1e300, y=_blobs()[1]),
     "rescale"),
    ("csv values 1e300", lambda t: _text(t / "big.csv", "".join(
        f"{1e300 * (i + 1)},{i},{i % 2}\n" for i in range(10))), "rescale"),
    ("csv inf", lambda t: _text(t / "inf.csv", "1,2,0\ninf,3,1\n"), "infinite"),
    ("csv NaN label", lambda t: _text(t / "nl.csv", "1,2,0\n3,3,nan\n"), "whole numbers"),
    ("csv negative label", lambda t: _text(t / "neg.csv", "1,2,0\n3,3,-1\n"), "out of range"),
    ("empty npz", lambda t: _text(t / "empty.npz", ""), "not a readable .npz"),
    ("text named .npz", lambda t: _text(t / "t.npz", "X,y\n1,0\n"), "not a readable .npz"),
    ("object arrays", lambda t: _npz(t / "obj.npz", X=np.array([[1, "a"]], dtype=object),
                                     y=np.array([0])), "must be numeric"),
    ("folder named .npz", lambda t: (t / "d.npz").mkdir() or t / "d.npz", "no data_batch_1"),
    ("binary csv", lambda t: (t / "b.csv").write_bytes(b"\xff\xfe\x00\x01,\x02\n") and
     t / "b.csv", "no samples"),  # one unreadable row: taken as a header
    ("no file", lambda t: t / "gone.csv", "no such file"),
]


@pytest.mark.parametrize("make,words", [c[1:] for c in DATASETS], ids=[c[0] for c in DATASETS])
def test_bad_dataset_files_raise_one_value_error_naming_the_file(tmp_path, make, words):
    path = make(tmp_path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ValueError) as info:
        classifier.load_dataset(path)
    assert str(info.value).startswith(f"{path}: ") and words in str(info.value)
    assert len(str(info.value)) < 400
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def _folder(t):
    (t / "taken.optviz.json").mkdir()
    return t / "taken.optviz.json"


def _under_a_file(t):
    (t / "file.txt").write_text("x")
    return t / "file.txt" / "exp.optviz.json"


SAVE_TARGETS = [  # (id, make(folder) -> target, words)
    ("a folder", _folder, "it is a folder"),
    ("missing folder", lambda t: t / "missing" / "exp.optviz.json", "cannot be written"),
    ("under a file", _under_a_file, "cannot be written"),
    ("a read-only system folder", lambda t: __import__("pathlib").Path("/proc/x.optviz.json"),
     "cannot be written"),
]


@pytest.mark.parametrize("make,words", [c[1:] for c in SAVE_TARGETS],
                         ids=[c[0] for c in SAVE_TARGETS])
def test_saving_where_it_cannot_be_done_says_why_and_leaves_nothing(tmp_path, make, words):
    target = make(tmp_path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(OSError) as info:
        ef.save(default_experiment(), target)
    assert words in str(info.value) and str(target) in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_files_with_a_byte_order_mark_load_whole(tmp_path):
    """Notepad and Excel write a BOM: the experiment opens, the CSV keeps its first row."""
    exp = tmp_path / "bom.optviz.json"
    exp.write_text(ef.to_json(default_experiment()), encoding="utf-8-sig")
    assert ef.load(exp) == default_experiment()
    X, y = _blobs(30)
    rows = "".join(",".join(map(str, [*x, label])) + "\n" for x, label in zip(X, y, strict=True))
    data = tmp_path / "bom.csv"
    data.write_text(rows, encoding="utf-8-sig")
    ds = classifier.load_dataset(data, val_fraction=0.0)
    assert len(ds.y_train) == 30
