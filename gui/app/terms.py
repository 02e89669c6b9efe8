"""The words a translated interface keeps as they are, in one place.

Proper names (SGD, Adam, CIFAR-10, PNG…), the maths' function names and
units stay in Latin letters in every language; so do symbols, numbers and
code-like values (1e-3). ``needs_translation(text)`` says whether anything
else, i.e. English words, is left in a text: the translation tests use it
on every string the Chinese window shows.
"""

from __future__ import annotations

import re

PROPER_NAMES = (
    # optimizers, losses and the people behind the test functions
    "SGD", "AdamW", "Adam", "AdaGrad", "Adagrad", "AdaDelta", "RMSprop", "Nesterov",
    "L-BFGS", "Newton", "softmax", "SVM", "Hessian", "Rosenbrock", "Beale", "Himmelblau",
    "Rastrigin", "Armijo",
    # data, formats, software, licences and the course
    "CIFAR-10", "UCI", "digits", "PNG", "MP4", "GIF", "SVG", "CSV", "JSON", "ZIP", "H.264",
    "yuv420p", "optviz", "PySide6", "pyqtgraph", "numpy", "matplotlib", "ffmpeg", "Qt",
    "CC BY", "CC0", "CS231n", "ML", "English", "viridis", "magma", "inferno", "plasma", "cividis",
    "gray", "turbo", "PCA", "PC", "EMA", "cs231n", "python", "pickle", "base64", "SHA-256",
    # JSON's literals, as a file holds them
    "true", "false", "null",
)
#: Function names of the formulas and units of measure.
MATH_AND_UNITS = ("ln", "log", "log10", "exp", "cos", "sin", "max", "min", "sign", "px",
                  "fps", "ms", "dB", "eff")

_KEPT = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(w) for w in sorted(
        PROPER_NAMES + MATH_AND_UNITS, key=len, reverse=True)) + r")(?![A-Za-z])")
#: Code-like values (1e-3, 2.5e+04), file paths and suffixes (.optviz.json)
#: and a template's {fields} are not words.
_CODE = re.compile(r"\b\d+(\.\d+)?e[+-]?\d+\b|\S*/\S+|\*?\.[a-z0-9.]+\b|\{\w+(:[^}]*)?\}")
#: A word: two Latin letters or more (single letters are the formulas' symbols).
_WORD = re.compile(r"[A-Za-z]{2,}")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def has_chinese(text: str) -> bool:
    return bool(_CHINESE.search(text))


def english_words(text: str) -> list[str]:
    """The words of ``text`` that are neither kept names, maths, units nor code."""
    return _WORD.findall(_KEPT.sub(" ", _CODE.sub(" ", text)))


def needs_translation(text: str) -> bool:
    """True when ``text`` has English words and no Chinese: untranslated."""
    return bool(english_words(text)) and not has_chinese(text)
