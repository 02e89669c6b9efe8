"""Unpickling CIFAR-10's python batches without trusting them.

A pickle is a program: whatever ``find_class`` hands out, the file can call.
Handing out numpy's own ``dtype`` and ``ndarray`` lets a file build a
structured dtype with an object field and fill it with forged pointers.
So nothing of numpy's is handed out: the names a numpy array pickles to
(``_reconstruct``, ``ndarray``, ``dtype``, ``scalar``, ``_frombuffer``) are answered with
stand-ins here that only *record* what the file says. After loading,
``plain`` turns the recorded arrays into new numpy arrays — only plain
numeric or byte-string dtypes (no object, structured or sub-array dtype, no
dtype state beyond a byte order), with a shape whose size matches the bytes
given — and accepts around them only ints, strs, bytes, lists and dicts.
"""

from __future__ import annotations

import io
import pickle

import numpy as np

#: dtype kinds an array may have: bool, signed and unsigned ints, floats, bytes.
PLAIN_KINDS = "biufS"
MAX_DEPTH = 8


class PickleRefused(ValueError):
    """What is wrong with the pickle (no file name; the caller adds it)."""


class _DType:
    """``numpy.dtype(code, align, copy)`` as recorded: only a plain code."""

    def __init__(self, code, align=False, copy=False):
        if isinstance(code, bytes):
            code = code.decode("latin1")
        if not isinstance(code, str) or len(code) > 8:
            raise PickleRefused(f"dtype {code!r:.40} is not a plain dtype code")
        try:
            dtype = np.dtype(code)
        except TypeError:
            raise PickleRefused(f"unknown dtype code {code!r}") from None
        if dtype.kind not in PLAIN_KINDS or dtype.fields is not None or dtype.subdtype:
            raise PickleRefused(f"dtype {code!r} is not a plain number or byte-string type")
        self.dtype = dtype

    def __setstate__(self, state):
        """Only the byte order is taken from the state; sub-arrays, field names,
        fields and metadata must be absent (None)."""
        if not isinstance(state, tuple) or not 2 <= len(state) <= 9:
            raise PickleRefused("a dtype state that is not numpy's plain form")
        order = state[1] if isinstance(state[0], int) else state[0]
        if order not in ("<", ">", "|", "="):
            raise PickleRefused(f"dtype byte order {order!r:.20} is not one of < > | =")
        if any(s is not None and not isinstance(s, int) for s in state[2:]):
            raise PickleRefused("a dtype with fields, sub-arrays or metadata is refused "
                                "(only plain numbers and byte strings)")
        self.dtype = self.dtype.newbyteorder(order) if order in "<>" else self.dtype


class _Array:
    """``ndarray`` as recorded by ``_reconstruct`` and ``__setstate__``."""

    array: np.ndarray | None = None

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) not in (4, 5):
            raise PickleRefused("an array state that is not numpy's form")
        shape, dtype, fortran, raw = state[-4:]
        if not isinstance(dtype, _DType):
            raise PickleRefused("an array without a plain dtype")
        if isinstance(raw, str):  # Python 2 pickles read with encoding="latin1"
            raw = raw.encode("latin1")
        if not isinstance(raw, bytes) or not isinstance(fortran, (bool, int)):
            raise PickleRefused("array data that are not bytes")
        if not (isinstance(shape, tuple) and len(shape) <= 4
                and all(isinstance(n, int) and 0 <= n < 2**40 for n in shape)):
            raise PickleRefused(f"array shape {shape!r:.60} is not a few non-negative sizes")
        size = int(np.prod(shape, dtype=object)) * dtype.dtype.itemsize
        if size != len(raw):
            raise PickleRefused(f"array of shape {shape} needs {size:,} bytes, "
                                f"the file gives {len(raw):,}")
        order = "F" if fortran else "C"
        self.array = np.frombuffer(raw, dtype.dtype).reshape(shape, order=order).copy()


def _reconstruct(cls, shape, typecode):
    if cls is not _Array:
        raise PickleRefused("_reconstruct of something other than an array")
    return _Array()


def _frombuffer(raw, dtype, shape, order="C"):
    """``numpy._core.numeric._frombuffer``: how protocol-5 pickles store arrays."""
    if isinstance(raw, bytearray):
        raw = bytes(raw)
    array = _Array()
    array.__setstate__((shape, dtype, order == "F", raw))
    return array


def _scalar(dtype, raw=None):
    if not isinstance(dtype, _DType) or not isinstance(raw, (bytes, str)):
        raise PickleRefused("a numpy scalar that is not a plain number")
    raw = raw.encode("latin1") if isinstance(raw, str) else raw
    if len(raw) != dtype.dtype.itemsize:
        raise PickleRefused("a numpy scalar of the wrong size")
    return np.frombuffer(raw, dtype.dtype)[0].item()


def _encode(text, encoding="latin1"):
    """``_codecs.encode``: how protocol-2 pickles from Python 3 store bytes."""
    if not isinstance(text, str) or encoding not in ("latin1", "latin-1"):
        raise PickleRefused("_codecs.encode of something other than latin-1 text")
    return text.encode("latin1")


_STAND_INS = {("numpy", "ndarray"): _Array, ("numpy", "dtype"): _DType,
              ("_codecs", "encode"): _encode}
for _module in ("numpy.core.multiarray", "numpy._core.multiarray"):
    _STAND_INS[(_module, "_reconstruct")] = _reconstruct
    _STAND_INS[(_module, "scalar")] = _scalar
for _module in ("numpy.core.numeric", "numpy._core.numeric"):
    _STAND_INS[(_module, "_frombuffer")] = _frombuffer


class _RecordingUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        try:
            return _STAND_INS[(module, name)]
        except KeyError:
            raise PickleRefused(f"refuses to unpickle {module:.60}.{name:.60} "
                                "(only plain arrays, numbers, text, lists and dicts)") from None

    def persistent_load(self, pid):
        raise PickleRefused("refuses persistent references")


def load(data: bytes):
    """The plain object a pickle ``data`` holds (see ``plain``); ``PickleRefused``
    for anything else, a truncated or corrupt pickle included."""
    try:
        obj = _RecordingUnpickler(io.BytesIO(data), encoding="latin1").load()
    except PickleRefused:
        raise
    except RecursionError:
        raise PickleRefused("nested too deeply") from None
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
            IndexError, KeyError, OverflowError, UnicodeError, MemoryError) as e:
        raise PickleRefused(f"not a readable pickle (truncated or corrupt?): "
                            f"{type(e).__name__}: {str(e):.120}") from None
    return plain(obj)


def plain(obj):
    """``obj`` with recorded arrays turned into numpy arrays; ``PickleRefused``
    for any type other than int, str, bytes, list, dict and plain arrays, and
    for cycles. Shared parts are converted once (a pickle's memo can repeat
    one list many times over)."""
    return _Plain().convert(obj, 0)


class _Plain:
    def __init__(self):
        self.done: dict[int, object] = {}
        self.open: set[int] = set()

    def convert(self, obj, depth: int):
        if depth > MAX_DEPTH:
            raise PickleRefused("nested too deeply")
        if type(obj) in (int, str, bytes):
            return obj
        if id(obj) in self.done:
            return self.done[id(obj)]
        if id(obj) in self.open:
            raise PickleRefused("holds a list or dict that contains itself")
        self.open.add(id(obj))
        self.done[id(obj)] = out = self._convert(obj, depth)
        self.open.discard(id(obj))
        return out

    def _convert(self, obj, depth: int):
        if isinstance(obj, _Array):
            if obj.array is None:
                raise PickleRefused("an array without data")
            return obj.array
        if type(obj) is list:
            return [self.convert(v, depth + 1) for v in obj]
        if type(obj) is dict:
            if any(type(k) not in (str, bytes) for k in obj):
                raise PickleRefused("a dict key that is not text")
            return {k: self.convert(v, depth + 1) for k, v in obj.items()}
        raise PickleRefused(f"holds a {type(obj).__name__:.40}; only plain arrays, ints, "
                            "text, bytes, lists and dicts are read")
