"""Dataset loading: every format, deterministic split, train-only preprocessing, bad files."""

import pickle
import re

import numpy as np
import pytest

from optim_core import classifier


def _raw(n=40, d=5, k=3, seed=0):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 255, (n, d)).astype(float), np.arange(n) % k


def test_bundled_digits():
    ds = classifier.load_dataset("digits")
    assert ds.name == "digits" and ds.num_classes == 10 and ds.dim == 65
    assert len(ds.y_train) + len(ds.y_val) == 1797
    assert len(ds.y_val) == round(0.2 * 1797)
    assert ds.X_train.dtype == np.float64
    np.testing.assert_array_equal(ds.X_train[:, -1], 1.0)
    np.testing.assert_array_equal(ds.X_val[:, -1], 1.0)
    assert "CC BY 4.0" in ds.source
    assert set(np.unique(ds.y_train)) == set(range(10))


def test_split_is_deterministic_and_seeded():
    a, b = classifier.load_dataset("digits"), classifier.load_dataset("digits")
    np.testing.assert_array_equal(a.X_val, b.X_val)
    np.testing.assert_array_equal(a.y_train, b.y_train)
    c = classifier.load_dataset("digits", seed=1)
    assert not np.array_equal(a.y_val, c.y_val)
    d = classifier.load_dataset("digits", val_fraction=0.5, max_samples=300)
    assert len(d.y_train) == len(d.y_val) == 150


def test_preprocessing_is_fitted_on_the_training_split_only():
    ds = classifier.load_dataset("digits")
    features = ds.X_train[:, :-1]
    # Centred and unit-scaled on the training split exactly ...
    np.testing.assert_allclose(features.mean(axis=0), 0.0, atol=1e-12)
    assert np.sqrt(np.mean(features**2)) == pytest.approx(1.0, rel=1e-12)
    # ... which statistics of all 1797 samples would not give: the val split differs.
    assert np.max(np.abs(ds.X_val[:, :-1].mean(axis=0))) > 0.05
    raw = np.load(classifier.data.DIGITS)["X"].astype(float)
    assert not np.allclose(ds.mean, raw.mean(axis=0), atol=1e-3)
    np.testing.assert_allclose(ds.preprocess(raw[:3])[:, -1], 1.0)


def test_npz_with_class_names(tmp_path):
    X, y = _raw()
    path = tmp_path / "toy.npz"
    np.savez_compressed(path, X=X.reshape(40, 5, 1), y=y, class_names=np.array(["a", "b", "c"]))
    ds = classifier.load_dataset(path, val_fraction=0.25)
    assert ds.class_names == ("a", "b", "c") and ds.name == "toy.npz"
    assert ds.X_train.shape == (30, 6) and ds.X_val.shape == (10, 6)
    assert ds.mean.shape == (5,)


@pytest.mark.parametrize("header", [True, False])
def test_csv_with_label_last(tmp_path, header):
    X, y = _raw()
    path = tmp_path / "toy.csv"
    lines = (["f1,f2,f3,f4,f5,label"] if header else []) + [
        ",".join(f"{v:g}" for v in row) + f",{label}" for row, label in zip(X, y, strict=True)]
    path.write_text("\n".join(lines) + "\n")
    ds = classifier.load_dataset(path, val_fraction=0.0)
    assert ds.num_classes == 3 and ds.class_names == ("0", "1", "2")
    assert ds.X_train.shape == (40, 6) and ds.X_val.shape == (0, 6)
    np.testing.assert_array_equal(ds.y_train, y)


def _cifar(folder, n=20, batches=(1, 2), labels=None, meta=True, protocol=None):
    folder.mkdir()
    rng = np.random.default_rng(0)
    for i in batches:
        data = rng.integers(0, 256, (n, 3072), dtype=np.uint8)
        lab = [int(v) for v in rng.integers(0, 10, n)] if labels is None else labels
        with open(folder / f"data_batch_{i}", "wb") as f:
            pickle.dump({b"data": data, b"labels": lab, b"batch_label": b"x"}, f, protocol)
    with open(folder / "test_batch", "wb") as f:
        pickle.dump({b"data": np.zeros((5, 3072), np.uint8), b"labels": [0] * 5}, f)
    if meta:
        names = [f"class{k}".encode() for k in range(10)]
        with open(folder / "batches.meta", "wb") as f:
            pickle.dump({b"label_names": names}, f)
    return folder


def test_cifar_folder(tmp_path):
    folder = _cifar(tmp_path / "cifar-10-batches-py")
    ds = classifier.load_dataset(folder, val_fraction=0.25)
    assert ds.dim == 3073 and len(ds.y_train) + len(ds.y_val) == 40  # test_batch held out
    assert ds.class_names[3] == "class3" and ds.num_classes == 10
    small = classifier.load_dataset(folder, max_samples=10)
    assert len(small.y_train) + len(small.y_val) == 10
    plain = classifier.load_dataset(_cifar(tmp_path / "nometa", meta=False, protocol=2))
    assert plain.class_names[0] == "airplane" and plain.dim == 3073


def _bad_npz(tmp_path, name, **arrays):
    path = tmp_path / name
    np.savez(path, **arrays)
    return path


def _bad_cases(tmp_path):
    X, y = _raw()
    good = _bad_npz(tmp_path, "good.npz", X=X, y=y)
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(good.read_bytes()[:200])
    nan = X.copy()
    nan[3, 2] = np.nan
    cifar_short = _cifar(tmp_path / "cifar_trunc")
    data = (cifar_short / "data_batch_1").read_bytes()
    (cifar_short / "data_batch_1").write_bytes(data[: len(data) // 2])
    evil = _cifar(tmp_path / "cifar_evil")
    (evil / "data_batch_2").write_bytes(pickle.dumps({b"data": __import__("os").getcwd}))
    (tmp_path / "empty.csv").write_text("")
    (tmp_path / "header_only.csv").write_text("a,b,label\n")
    (tmp_path / "words.csv").write_text("1,2,0\n3,x,1\n")
    (tmp_path / "ragged.csv").write_text("1,2,0\n3,1\n")
    (tmp_path / "one_col.csv").write_text("1\n0\n")
    (tmp_path / "data.txt").write_text("1,2,0\n")
    return {
        "missing.npz": "no such file",
        "data.txt": "unknown format",
        "truncated.npz": "truncated or corrupt",
        _bad_npz(tmp_path, "no_y.npz", X=X).name: "missing array",
        _bad_npz(tmp_path, "mismatch.npz", X=X, y=y[:-1]).name: "40 samples but y has 39",
        _bad_npz(tmp_path, "y2d.npz", X=X, y=y[:, None]).name: "one label per sample",
        _bad_npz(tmp_path, "x1d.npz", X=X[:, 0], y=y).name: "shape (N, D)",
        _bad_npz(tmp_path, "neg.npz", X=X, y=y - 1).name: "labels out of range",
        _bad_npz(tmp_path, "huge.npz", X=X, y=y * 1000).name: "labels out of range",
        _bad_npz(tmp_path, "frac.npz", X=X, y=y + 0.5).name: "whole numbers",
        _bad_npz(tmp_path, "one_class.npz", X=X, y=0 * y).name: "two classes",
        _bad_npz(tmp_path, "nan.npz", X=nan, y=y).name: "NaN",
        _bad_npz(tmp_path, "empty.npz", X=X[:0], y=y[:0]).name: "no samples",
        _bad_npz(tmp_path, "strings.npz", X=X.astype(str), y=y).name: "numeric",
        _bad_npz(tmp_path, "names.npz", X=X, y=y, class_names=np.array(["a"])).name: "class name",
        "empty.csv": "no samples",
        "header_only.csv": "no samples",
        "words.csv": "row 2 has a non-numeric value",
        "ragged.csv": "row 2 has 2 columns",
        "one_col.csv": "at least one feature",
        _cifar(tmp_path / "cifar_labels", labels=[12] * 20).name: "out of range 0 … 9",
        "cifar_trunc": "data_batch_1: not a readable pickle",
        "cifar_evil": "refuses to unpickle",
        (tmp_path / "no_batches").name: "no data_batch_1",
    }


def test_bad_files_raise_one_clear_value_error(tmp_path):
    (tmp_path / "no_batches").mkdir()
    for name, problem in _bad_cases(tmp_path).items():
        path = tmp_path / name
        with pytest.raises(ValueError, match=re.escape(str(path))) as info:
            classifier.load_dataset(path)
        assert problem in str(info.value), (name, str(info.value))


def test_bad_arguments():
    with pytest.raises(ValueError, match="val_fraction"):
        classifier.load_dataset("digits", val_fraction=1.0)
    with pytest.raises(ValueError, match="max_samples"):
        classifier.load_dataset("digits", max_samples=1)
