"""The command line in the interface language: help, usage and error messages.

``python main.py … --lang zh_CN`` (or a Chinese system locale) turns the
help texts, argparse's own words ("usage:", "options", its error messages)
and optviz's option errors into Chinese. The language is read from the
arguments before any parser is built, since help texts are fixed when the
parser is made. argparse's messages are English templates; ``argparse_text``
reads a message by the template it fits and translates it, fields and all.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale

from gui.app.i18n import install_language, language_of_locale, translate

CONTEXT = "CommandLine"
#: The interface languages ``--lang`` takes (the GUI's Language menu offers the same).
LANGUAGE_CODES = ("en", "zh_CN")

#: argparse's own messages (as in its source: %-fields) and each one's translatable
#: text, whose {fields} take the %-fields' values in order.
ARGPARSE_MESSAGES: tuple[tuple[str, str], ...] = (
    ("argument %(argument_name)s: %(message)s",
     QT_TRANSLATE_NOOP("CommandLine", "argument {argument}: {message}")),
    ("unrecognized arguments: %s",
     QT_TRANSLATE_NOOP("CommandLine", "unrecognized arguments: {arguments}")),
    ("the following arguments are required: %s",
     QT_TRANSLATE_NOOP("CommandLine", "the following arguments are required: {arguments}")),
    ("one of the arguments %s is required",
     QT_TRANSLATE_NOOP("CommandLine", "one of the arguments {arguments} is required")),
    ("not allowed with argument %s",
     QT_TRANSLATE_NOOP("CommandLine", "not allowed with argument {argument}")),
    ("ignored explicit argument %r",
     QT_TRANSLATE_NOOP("CommandLine", "ignored explicit argument {value}")),
    ("expected one argument", QT_TRANSLATE_NOOP("CommandLine", "expected one argument")),
    ("expected at most one argument",
     QT_TRANSLATE_NOOP("CommandLine", "expected at most one argument")),
    ("expected at least one argument",
     QT_TRANSLATE_NOOP("CommandLine", "expected at least one argument")),
    ("expected %s argument", QT_TRANSLATE_NOOP("CommandLine", "expected {count} arguments")),
    ("expected %s arguments", QT_TRANSLATE_NOOP("CommandLine", "expected {count} arguments")),
    ("ambiguous option: %(option)s could match %(matches)s",
     QT_TRANSLATE_NOOP("CommandLine", "ambiguous option: {option} could match {matches}")),
    ("invalid %(type)s value: %(value)r",
     QT_TRANSLATE_NOOP("CommandLine", "invalid {type} value: {value}")),
    ("invalid choice: %(value)r (choose from %(choices)s)",
     QT_TRANSLATE_NOOP("CommandLine", "invalid choice: {value} (choose from {choices})")),
)
_PERCENT = re.compile(r"%(?:\(\w+\))?[sr]")


def requested_language(argv: list[str]) -> str:
    """The language ``--lang`` asks for in ``argv``, else the system locale's."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGUAGE_CODES:
            return value
    return language_of_locale(QLocale.system().name())


def use_language(argv: list[str]) -> str:
    """Put the command line into the language ``argv`` or the locale asks for."""
    return install_language(requested_language(argv))


def argparse_text(message: str) -> str:
    """One of argparse's messages in the interface language (others as they are)."""
    for english, text in ARGPARSE_MESSAGES:
        pieces = _PERCENT.split(english)
        pattern = "(.+?)".join(re.escape(p) for p in pieces)
        match = re.fullmatch(pattern, message, re.DOTALL)
        if match:
            names = re.findall(r"\{(\w+)\}", text)
            values = dict(zip(names, (argparse_text(v) for v in match.groups()), strict=True))
            return translate(CONTEXT, text).format(**values)
    return message


#: A Chinese character (or full-width punctuation), a run of other text, or a space.
_TOKEN = re.compile(r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+")


#: Punctuation that never starts a line: it stays with the text before it.
_CLOSING = frozenset("）】」』，。；：、！？")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at spaces or
    between Chinese characters (which need no space to break); closing
    punctuation may overhang rather than start a line."""
    lines, line = [], ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if line and token not in _CLOSING and display_width(line + token.rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() else lines


class LocalizedFormatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out as written (the epilog's examples keep their lines), with
    "usage:" in the interface language and Chinese help wrapped by its width."""

    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:
            prefix = translate("CommandLine", "usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def _split_lines(self, text, width):
        return wrap(text, width)


class LocalizedParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words follow the interface language;
    its sub-parsers are of the same class."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", LocalizedFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = translate("CommandLine", "positional arguments")
        self._optionals.title = translate("CommandLine", "options")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=translate("CommandLine", "show this help message and exit"))

    def error(self, message: str):
        """Usage and one line on stderr, exit 2 (as argparse does), in the language."""
        self.print_usage(sys.stderr)
        line = translate("CommandLine", "{prog}: error: {message}").format(
            prog=self.prog, message=argparse_text(message))
        self.exit(2, line + "\n")


def sentence(text: str) -> str:
    """``text`` ended as a sentence ("…." in English, "…。" in Chinese)."""
    return translate("CommandLine", "{text}.").format(text=text)


def add_language_argument(parser, what: str) -> None:
    """``--lang en|zh_CN``: overrides the remembered and the system language."""
    parser.add_argument("--lang", choices=LANGUAGE_CODES, default=None,
                        help=translate("CommandLine", "{what}: {codes} (default: the language "
                                       "chosen in the app, else the system's)").format(
                            what=what, codes=" | ".join(LANGUAGE_CODES)))

