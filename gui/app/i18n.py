"""The interface language: which one, its translator, and the translate helpers.

Qt's own mechanism: the sources mark text with ``translate(context, text)``
(found by ``pyside6-lupdate``), ``resources/translations/optviz_<lang>.ts``
hold the translations and a ``QTranslator`` loads the compiled ``.qm``.
Text defined in ``optim_core`` (which must not import Qt) is translated when
it is shown, with ``translated(context, text)``; ``gui/app/core_strings.py``
lists it for ``lupdate``. ``scripts/update_translations.py`` refreshes both.

The language is chosen once per process, in this order: ``--lang`` on the
command line, the Language menu's remembered choice, the system locale.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
ENGLISH = "en"
CHINESE = "zh_CN"
#: Each language by its code, named in itself (a menu shows them untranslated).
LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []  # kept alive while installed (Qt does not own them)
_headless: list[QTranslator] = []  # used directly while there is no application
_language = ENGLISH


def translate(context: str, text: str) -> str:
    """``text`` (a literal in the source) in the interface language."""
    if _headless:  # the command line before (or without) an application
        return _headless[0].translate(context, text) or text
    return QCoreApplication.translate(context, text)


def translated(context: str, text: str) -> str:
    """``text`` defined elsewhere (``optim_core``, a preset) in the interface
    language. Text built from one of ``core_catalog.TEMPLATES`` is translated
    template and fields apart; text with no translation comes back as it is."""
    if not text or _language == ENGLISH:
        return text
    return _translated(context, text, _language)


@lru_cache(maxsize=4096)
def _translated(context: str, text: str, _lang: str) -> str:
    own = translate(context, text)
    if own != text:
        return own
    for template in _templates():
        fields = _fields_of(template, text)
        if fields is not None:
            values = {k: translated(context, v) for k, v in fields.items()}
            return _FIELD.sub(lambda m, v=values: v[m[1]], translate(context, template))
    return text


_FIELD = re.compile(r"\{(\w+)(?::[^}]*)?\}")
_SPLIT = re.compile(r"\{(\w+)(?::([^}]*))?\}")


@lru_cache(maxsize=1)
def _templates() -> tuple[str, ...]:
    """The core's templates, the most literal text first ("{loss}: {part}" last),
    so a text is read by the most specific template it fits."""
    from gui.app.core_catalog import TEMPLATES

    return tuple(sorted(TEMPLATES, key=lambda t: -len(_FIELD.sub("", t))))


@lru_cache(maxsize=64)
def _pattern(template: str) -> re.Pattern:
    """``"{a}: {b} slice"`` -> a regex with one named group per field."""
    parts, seen = [], set()
    pieces = _SPLIT.split(template)  # text, name, spec, text, name, spec, …, text
    for i in range(0, len(pieces), 3):
        parts.append(re.escape(pieces[i]))
        if i + 1 < len(pieces):
            name, spec = pieces[i + 1], pieces[i + 2]
            value = r"-?\d+" if spec == "d" else ".+?"  # {n:d} reads whole numbers only
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{value})")
            seen.add(name)
    return re.compile("".join(parts), re.DOTALL)


def _fields_of(template: str, text: str) -> dict[str, str] | None:
    match = _pattern(template).fullmatch(text)
    return match.groupdict() if match else None


def language_of_locale(name: str) -> str:
    """The interface language for a locale name (``"zh_CN"``, ``"zh_Hans_SG"``, ``"de_DE"``)."""
    return CHINESE if name.lower().startswith("zh") else ENGLISH


def remembered_language() -> str | None:
    """The Language menu's saved choice, or None."""
    value = QSettings().value(SETTINGS_KEY)
    return value if value in LANGUAGES else None


def remember_language(lang: str) -> None:
    settings = QSettings()
    settings.setValue(SETTINGS_KEY, lang)
    settings.sync()


def choose_language(requested: str | None = None) -> str:
    """``requested`` (``--lang``) if given, else the remembered choice, else the system's."""
    if requested is not None:
        return requested
    return remembered_language() or language_of_locale(QLocale.system().name())


def install_language(lang: str) -> str:
    """Translate the running application into ``lang`` (replacing any earlier
    choice): optviz's own texts and Qt's standard ones (dialog buttons). Before
    an application exists (the command line), optviz's own texts only.
    Returns the language installed, English when ``lang``'s file is missing."""
    global _language
    app = QCoreApplication.instance()
    while _installed:
        app.removeTranslator(_installed.pop())
    _headless.clear()
    _language = ENGLISH
    if lang == ENGLISH:
        return _language
    own = QTranslator()
    if not own.load(str(TRANSLATIONS / f"optviz_{lang}.qm")):
        return _language
    _language = lang
    if app is None:  # the command line's help and messages: no Qt text needed
        _headless.append(own)
        return _language
    qt = QTranslator()
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    _installed.append(own)
    for translator in _installed:
        app.installTranslator(translator)
    return _language


def current_language() -> str:
    """The language installed by ``install_language`` (English before any)."""
    return _language
