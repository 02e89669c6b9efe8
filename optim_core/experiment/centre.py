"""The trained centre W* an experiment file keeps, so opening it does not train again.

Training W* is most of what a classifier slice costs to build (1–2 s on the
bundled digits). A file whose slice has a trained centre stores the W* it was
built on in its ``centre`` section::

    "centre": {"dataset_sha256": "<hex digest of the dataset's bytes>",
               "loss": "softmax", "reg": 0.001, "seed": 0,
               "shape": [D, K], "weights": "<base64 of D·K float64, little-endian, row-major>"}

The weights are numbers only: base64 decoded straight into a float64 array
(no pickle, nothing evaluated). Reading checks the section's form (every
field, exact byte count, finite values) and refuses a damaged one like any
other field. A well-formed W* that belongs to another slice — other data,
loss, λ or seed, or a shape the data do not have — is not used: W* is
trained again and ``trained_centre`` says why (``progress``).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from optim_core.classifier import trained_cache
from optim_core.experiment import file_messages as m
from optim_core.experiment.checks import (
    ExperimentFileError,
    check_float,
    check_int,
    check_list,
    check_obj,
    check_str,
    known_fields,
)
from optim_core.experiment.spec import REG_MAX

#: Most weights a file may hold: a CIFAR-10 W* (3,073 × 10) with room to spare.
MAX_VALUES = 200_000
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_DTYPE = np.dtype("<f8")

#: What ``trained_centre`` reports (the GUI translates them).
TRAINING = "training W*"
NOT_USED = "the saved W* does not fit this slice ({reason}): training W*"
OTHER_DATA, OTHER_LOSS, OTHER_REG, OTHER_SEED = (
    "it was trained on other data", "it was trained for another loss",
    "it was trained with another λ", "it was trained from another seed")
OTHER_SHAPE = "it holds {stored} weights, the data need {needed}"


@dataclass(frozen=True)
class StoredCentre:
    """A W* as a file holds it; ``weights`` is base64 text (see the module docstring)."""

    dataset_sha256: str
    loss: str
    reg: float
    seed: int
    shape: tuple[int, int]
    weights: str

    @classmethod
    def of(cls, W: np.ndarray, slice_spec, dataset_sha256: str) -> StoredCentre:
        """``W: (D, K)`` trained for ``slice_spec`` (a ``SliceSpec``) on data with that digest."""
        W = np.ascontiguousarray(W, dtype=_DTYPE)
        return cls(dataset_sha256, slice_spec.loss, float(slice_spec.reg), int(slice_spec.seed),
                   (int(W.shape[0]), int(W.shape[1])),
                   base64.b64encode(W.tobytes()).decode("ascii"))

    def array(self) -> np.ndarray:
        """The weights, ``shape`` float64 (checked by ``centre_section`` when read)."""
        return np.frombuffer(base64.b64decode(self.weights), _DTYPE).reshape(self.shape).copy()

    def mismatch(self, slice_spec, dataset_sha256: str, shape: tuple[int, int]) -> str:
        """Why this W* is not the one of ``slice_spec`` on data with that digest and
        weights of ``shape``; "" when it is."""
        checks = ((self.dataset_sha256 == dataset_sha256, OTHER_DATA),
                  (self.loss == slice_spec.loss, OTHER_LOSS),
                  (self.reg == float(slice_spec.reg), OTHER_REG),
                  (self.seed == int(slice_spec.seed), OTHER_SEED))
        for fits, reason in checks:
            if not fits:
                return reason
        if tuple(self.shape) != tuple(shape):
            return OTHER_SHAPE.format(stored=_size(self.shape), needed=_size(shape))
        return ""


def _size(shape) -> str:
    return f"{shape[0]}×{shape[1]}"


def trained_centre(model, W0: np.ndarray, slice_spec, stored: StoredCentre | None,
                   progress: Callable[[float, str], None] | None = None) -> np.ndarray:
    """W* ``(D, K)`` for ``slice_spec``: the session's, else ``stored`` when it fits
    (kept for the session), else trained from ``W0`` (once a session)."""
    key = (trained_cache.dataset_key(slice_spec.dataset), slice_spec.loss,
           float(slice_spec.reg), int(slice_spec.seed))
    hit = trained_cache.cached(key)
    if hit is not None:
        return hit
    message = TRAINING
    if stored is not None:
        reason = stored.mismatch(slice_spec, trained_cache.data_digest(slice_spec.dataset),
                                 W0.shape)
        if not reason:
            return trained_cache.remember(key, stored.array())
        message = NOT_USED.format(reason=reason)
    if progress:
        progress(0.1, message)
    return trained_cache.trained_weights(model, W0, key)


def centre_section(v: Any, where: str) -> StoredCentre:
    """A checked ``StoredCentre`` from a file's ``centre`` object."""
    d = check_obj(v, where)
    fields = set(StoredCentre.__dataclass_fields__)
    known_fields(d, fields, where)
    missing = sorted(fields - set(d))
    if missing:
        raise ExperimentFileError(f"{where}.{missing[0]}", m.MISSING)
    digest = check_str(d["dataset_sha256"], f"{where}.dataset_sha256", 64)
    if not _HEX_DIGEST.fullmatch(digest):
        raise ExperimentFileError(f"{where}.dataset_sha256", m.NOT_DIGEST)
    loss = check_str(d["loss"], f"{where}.loss", 16)
    if loss not in ("softmax", "svm"):
        raise ExperimentFileError(f"{where}.loss", m.LOSS.format(loss=repr(loss)))
    shape = _shape(d["shape"], f"{where}.shape")
    return StoredCentre(digest, loss, check_float(d["reg"], f"{where}.reg", 0.0, REG_MAX),
                        check_int(d["seed"], f"{where}.seed", 0, 2**31 - 1), shape,
                        _weights(d["weights"], shape, f"{where}.weights"))


def _shape(v: Any, where: str) -> tuple[int, int]:
    items = check_list(v, where)
    if len(items) != 2:
        raise ExperimentFileError(where, m.SHAPE_PAIR.format(count=len(items)))
    rows, cols = (check_int(n, f"{where}[{i}]", 1, MAX_VALUES) for i, n in enumerate(items))
    if rows * cols > MAX_VALUES:
        raise ExperimentFileError(where, m.TOO_MANY_WEIGHTS.format(rows=rows, cols=cols,
                                                                    limit=f"{MAX_VALUES:,}"))
    return rows, cols


def _weights(v: Any, shape: tuple[int, int], where: str) -> str:
    """The base64 text, checked to decode to exactly ``shape`` finite float64 values."""
    need = shape[0] * shape[1] * _DTYPE.itemsize
    text = check_str(v, where, 4 * (need // 3 + 1))
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ExperimentFileError(where, m.NOT_BASE64) from None
    if len(raw) != need:
        raise ExperimentFileError(where, m.WEIGHT_BYTES.format(size=f"{len(raw):,}",
                                                                shape=_size(shape),
                                                                need=f"{need:,}"))
    if not np.isfinite(np.frombuffer(raw, _DTYPE)).all():
        raise ExperimentFileError(where, m.NOT_FINITE_WEIGHT)
    return text
