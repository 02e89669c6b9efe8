"""Hostile dataset files: one ValueError naming the file, nothing run, nothing hung.

``classifier.load_dataset`` on crafted CIFAR-10 folders (python pickles and
the binary version), .npz and .csv files. Each bad case raises one
``ValueError`` whose one-line message starts with the path, leaves the folder
as it was and warns nothing (warnings are errors). Cases that could crash,
hang or exhaust memory if the readers were wrong (forged pointers, pipes,
devices) run in a child process with a timeout and a memory limit, so a
segfault fails the test instead of killing pytest.
"""

import os
import pickle
import zipfile

import numpy as np
import pytest
from numpy._core.multiarray import _reconstruct

from optim_core import classifier
from tests import bounded


class Forged:
    """Pickles as whatever ``__reduce__`` tuple it is given (a crafted file)."""

    def __init__(self, *reduce):
        self.reduce = reduce

    def __reduce__(self):
        return self.reduce


def forged_pointer_array():
    """The attack: a V8 dtype given an object field by ``__setstate__``, filled
    with ``b"A" * 80`` through ``ndarray.__setstate__``; reading it as objects
    dereferences 0x4141414141414141."""
    dtype = Forged(np.dtype, ("V8", False, True),
                   (3, "|", None, ("a",), {"a": (np.dtype("O"), 0)}, 8, 1, 0))
    return Forged(_reconstruct, (np.ndarray, (0,), b"b"), (1, (10,), dtype, False, b"A" * 80))


def plain_dtype_given_fields(field_type):
    """Same trick through a dtype code the reader allows (u8)."""
    dtype = Forged(np.dtype, ("u8", False, True),
                   (3, "|", None, ("a",), {"a": (field_type, 0)}, 8, 1, 0))
    return Forged(_reconstruct, (np.ndarray, (0,), b"b"), (1, (10,), dtype, False, b"A" * 80))


IMAGES = np.arange(20 * 3072, dtype=np.uint64).reshape(20, 3072).astype(np.uint8)
LABELS = [i % 10 for i in range(20)]


def python_folder(folder, batch=None, meta=None, raw_batch=None, protocol=2):
    folder.mkdir()
    batch = {"data": IMAGES, "labels": LABELS} if batch is None else batch
    data = raw_batch if raw_batch is not None else pickle.dumps(batch, protocol=protocol)
    (folder / "data_batch_1").write_bytes(data)
    if meta is not None:
        (folder / "batches.meta").write_bytes(pickle.dumps(meta, protocol=2))
    return folder


def binary_folder(folder, records=None, names=None):
    folder.mkdir()
    if records is None:
        records = np.concatenate([np.array(LABELS, np.uint8)[:, None], IMAGES], axis=1).tobytes()
    (folder / "data_batch_1.bin").write_bytes(records)
    if names is not None:
        (folder / "batches.meta.txt").write_text(names)
    return folder


def npz_with_header(path, shape, descr="<f8", payload=b"\0" * 64):
    """A .npz whose X.npy header declares ``shape`` over a few bytes of data."""
    with zipfile.ZipFile(path, "w") as z:
        with z.open("X.npy", "w") as f:
            np.lib.format.write_array_header_1_0(
                f, {"descr": descr, "fortran_order": False, "shape": shape})
            f.write(payload)
        with z.open("y.npy", "w") as f:
            np.lib.format.write_array(f, np.arange(4) % 2)
    return path


def npz(path, **arrays):
    np.savez(path, **arrays)
    return path


def text(path, content):
    path.write_text(content)
    return path


X4, Y4 = np.arange(12.0).reshape(4, 3), np.array([0, 1, 0, 1])

BAD = [  # (id, make(tmp) -> path, words in the message)
    ("BUILD on a dict", lambda t: python_folder(t / "c", raw_batch=b"\x80\x02}}b."),
     "not a readable pickle"),
    ("label_names=5", lambda t: python_folder(t / "c", meta={"label_names": 5}),
     "'label_names' must be a list"),
    ("labels as strings", lambda t: python_folder(
        t / "c", batch={"data": IMAGES, "labels": ["cat"] * 20}), "'labels' must be a list"),
    ("labels as floats", lambda t: python_folder(
        t / "c", batch={"data": IMAGES, "labels": [0.5] * 20}), "holds a float"),
    ("19 labels for 20 images", lambda t: python_folder(
        t / "c", batch={"data": IMAGES, "labels": LABELS[:19]}), "19 labels for 20 images"),
    ("float data", lambda t: python_folder(
        t / "c", batch={"data": IMAGES.astype(float), "labels": LABELS}), "must be uint8"),
    ("width 3071", lambda t: python_folder(
        t / "c", batch={"data": IMAGES[:, :-1], "labels": LABELS}), "must be uint8 of shape"),
    ("structured array", lambda t: python_folder(
        t / "c", batch={"data": np.zeros(3, "i4,i4"), "labels": LABELS}), "plain"),
    ("object array", lambda t: python_folder(
        t / "c", batch={"data": np.array([1, "a"], dtype=object), "labels": LABELS}),
     "dtype 'O8' is not a plain"),
    ("a set", lambda t: python_folder(t / "c", batch={"data": IMAGES, "labels": {1, 2}}),
     "only plain arrays"),
    ("os.system", lambda t: python_folder(t / "c", batch=Forged(os.system, ("true",))),
     "refuses to unpickle posix.system"),
    ("non-ASCII key", lambda t: python_folder(t / "c", batch={b"\xff": 1}),
     "not ASCII"),
    ("a list holding itself", lambda t: python_folder(t / "c", batch=_cycle()),
     "contains itself"),
    ("eleven names", lambda t: python_folder(t / "c", meta={"label_names": [b"x"] * 11}),
     "needs 10 class names"),
    ("a 5000-character name", lambda t: python_folder(
        t / "c", meta={"label_names": [b"x" * 5000] * 10}), "needs 10 class names"),
    ("truncated pickle", lambda t: python_folder(
        t / "c", raw_batch=pickle.dumps({"data": IMAGES, "labels": LABELS}, 2)[:5000]),
     "not a readable pickle"),
    ("binary: partial record", lambda t: binary_folder(t / "b", records=b"\0" * 3074),
     "whole number of 3,073-byte records"),
    ("binary: label 10", lambda t: binary_folder(t / "b", records=b"\x0a" + b"\0" * 3072),
     "label byte 10"),
    ("binary: three names", lambda t: binary_folder(t / "b", names="a\nb\nc\n"),
     "needs 10 class names"),
    ("npz header (1e12, 10)", lambda t: npz_with_header(t / "h.npz", (10**12, 10)),
     "declares shape"),
    ("npz object header", lambda t: npz_with_header(t / "o.npz", (4, 3), descr="|O"),
     "must be numeric"),
    ("npz 0-d class_names", lambda t: npz(t / "n.npz", X=X4, y=Y4, class_names=np.array("a")),
     "class_names must be a list"),
    ("npz string labels", lambda t: npz(t / "s.npz", X=X4, y=np.array(["a", "b", "a", "b"])),
     "must be numeric"),
    ("a single .npy", lambda t: (np.save(t / "a.npy", X4), os.rename(t / "a.npy", t / "a.npz"))
     and t / "a.npz", "single .npy"),
    ("csv cell of 200,000 characters", lambda t: text(t / "w.csv", "1," + "2" * 200_000 + ",0\n"),
     "not a readable CSV"),
    ("csv of 40 MB", lambda t: text(t / "big.csv", "1,0\n" * 10_000_001), "at most"),
    ("no CIFAR batches", lambda t: (t / "e").mkdir() or t / "e", "binary version"),
]


def _cycle():
    loop = []
    loop.append(loop)
    return {"data": IMAGES, "labels": loop}


@pytest.mark.parametrize("make,words", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_datasets_raise_one_value_error_naming_the_file(tmp_path, make, words):
    path = make(tmp_path)
    listing = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(ValueError) as info:
        classifier.load_dataset(path, val_fraction=0.0)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and words in message, message
    assert "\n" not in message and len(message) < 400
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == listing


def test_cifar_binary_version_loads_with_its_names(tmp_path):
    names = "".join(f"class{k}\n" for k in range(10))
    ds = classifier.load_dataset(binary_folder(tmp_path / "bin", names=names), val_fraction=0.0)
    assert ds.class_names == tuple(f"class{k}" for k in range(10))
    assert np.array_equal(ds.y_train, LABELS)
    X_raw = (ds.X_train[:, :-1] * ds.scale + ds.mean).round()
    assert np.array_equal(X_raw, IMAGES)


@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_cifar_python_version_still_loads_from_every_pickle_protocol(tmp_path, protocol):
    meta = {"label_names": [f"n{k}".encode() for k in range(10)], "num_vis": 3072}
    folder = python_folder(tmp_path / "py", meta=meta, protocol=protocol)
    ds = classifier.load_dataset(folder, val_fraction=0.0)
    assert ds.class_names == tuple(f"n{k}" for k in range(10))
    assert np.array_equal(ds.y_train, LABELS)


def test_half_precision_npz_loads_without_an_overflow_warning(tmp_path):
    X = np.random.default_rng(0).normal(size=(30, 4)).astype(np.float16)
    ds = classifier.load_dataset(npz(tmp_path / "h.npz", X=X, y=np.arange(30) % 3),
                                 val_fraction=0.0)
    assert ds.X_train.shape == (30, 5)


LOAD = ("import sys\nfrom optim_core import classifier\n"
        "try:\n    classifier.load_dataset(sys.argv[1])\n"
        "except ValueError as e:\n    print(e, file=sys.stderr)\n    sys.exit(2)\n")


def _fifo(path):
    os.mkfifo(path)
    return path


def _link(path, to):
    path.symlink_to(to)
    return path


def _forged(t):
    return python_folder(t / "c", meta={"label_names": forged_pointer_array()})


SPECIAL = [  # (id, make(tmp) -> path, words): run in a bounded child process
    ("forged-pointer label_names", _forged, "dtype 'V8' is not a plain"),
    ("u8 dtype given an object field", lambda t: python_folder(
        t / "c", meta={"label_names": plain_dtype_given_fields(np.dtype("O"))}),
     "dtype 'O8' is not a plain"),
    ("u8 dtype given a field", lambda t: python_folder(
        t / "c", meta={"label_names": plain_dtype_given_fields("|u1")}), "with fields"),
    ("x.csv links to /dev/zero", lambda t: _link(t / "x.csv", "/dev/zero"),
     "not a regular file"),
    ("x.npz links to /dev/urandom", lambda t: _link(t / "x.npz", "/dev/urandom"),
     "not a regular file"),
    ("x.csv is a FIFO", lambda t: _fifo(t / "x.csv"), "named pipe"),
    ("data_batch_1.bin is a FIFO", lambda t: (t / "b").mkdir() or _fifo(
        t / "b" / "data_batch_1.bin").parent, "data_batch_1.bin: is not a regular file"),
    ("data_batch_1 links to /dev/zero", lambda t: (t / "p").mkdir() or _link(
        t / "p" / "data_batch_1", "/dev/zero").parent, "data_batch_1: is not a regular file"),
]


@pytest.mark.parametrize("make,words", [c[1:] for c in SPECIAL], ids=[c[0] for c in SPECIAL])
def test_special_and_forged_files_are_refused_in_bounded_time_and_memory(tmp_path, make, words):
    path = make(tmp_path)
    done = bounded.python(LOAD, path, timeout=60, memory=1 << 30)
    assert done.returncode == 2, (done.returncode, done.stderr)  # not -11 (SIGSEGV)
    bounded.assert_one_line(done.stderr, str(path), words)
