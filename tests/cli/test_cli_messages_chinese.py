"""The command line in Chinese: ``--help``, ``export --help``, ``export --list``
and every kind of option error, with ``--lang zh_CN`` or a Chinese locale."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest
from PySide6.QtCore import QLocale

import main
from gui.app import i18n
from gui.app.terms import has_chinese, needs_translation
from gui.cli import cli_export, cli_language

#: Option names, metavars (FILE, X0,X1), choices ({en,zh_CN}) and the usage's brackets.
OPTION_PARTS = re.compile(r"--?[\w-]+|\bWxH\b|\b[A-Z][A-Z0-9_,.=\[\]]*\b|\{[^}]*\}|\[|\]")


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.install_language(i18n.ENGLISH)


def run(entry, argv: list[str], capsys) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``entry(argv)`` (argparse exits for --help)."""
    try:
        code = entry(argv)
    except SystemExit as e:
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def english_lines(text: str) -> list[str]:
    """Lines still in English, once option names and metavars are set aside
    (the epilog's example commands and lines of options only are code)."""
    return [line for line in text.splitlines()
            if not line.strip().startswith(("python ", "--"))
            and needs_translation(OPTION_PARTS.sub(" ", line))]


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["export", "--list"]],
                         ids=["help", "export-help", "export-list"])
def test_help_and_listing_are_chinese(capsys, argv):
    code, out, _ = run(main.main, [*argv, "--lang", "zh_CN"], capsys)
    assert code == 0
    assert has_chinese(out) and not english_lines(out), english_lines(out)


def test_help_lines_fit_the_terminal(capsys):
    """Chinese help is wrapped by its display width (two columns a character)."""
    _, out, _ = run(main.main, ["export", "--help", "--lang", "zh_CN"], capsys)
    width = argparse.HelpFormatter("x")._width
    help_lines = [line for line in out.splitlines()
                  if has_chinese(line) and line.startswith("  ")]
    assert max(map(cli_language.display_width, help_lines)) <= width + 2


BAD = [
    (["--view", "4d"], "无效的选择"),           # argparse's choice check
    (["--size", "abc"], "不是 640x480 这样的尺寸"),  # an argparse type of optviz
    (["--steps", "x"], "无效的 int 值"),
    (["--bogus"], "无法识别的参数"),
    (["--out", "x.mp4", "--optimizers", "foo"], "未知的 'foo'"),  # optviz's own checks
    (["--surface", "bowl"], "必须给出 --out"),
    (["--out", "x.mp4", "--lr", "sgd=1e9"], "必须在"),
    (["--out", "x.avi"], "无法判断 'x.avi' 的格式"),  # the export's own checks
]


@pytest.mark.parametrize("args,words", BAD, ids=[b[0][0] for b in BAD])
def test_option_errors_are_one_chinese_line_and_exit_2(capsys, args, words):
    code, _, err = run(cli_export.main, [*args, "--lang", "zh_CN"], capsys)
    assert code == 2
    last = err.strip().splitlines()[-1]
    head, _, message = last.partition("：错误：")
    assert head in ("optviz", "optviz export") and words in message, last
    assert not needs_translation(OPTION_PARTS.sub(" ", message)), last


def test_a_chinese_locale_chooses_chinese(monkeypatch, capsys):
    monkeypatch.setattr(cli_language, "QLocale", type("Locale", (), {
        "system": staticmethod(lambda: QLocale("zh_CN"))}))
    assert cli_language.requested_language(["export", "--out", "x.gif"]) == i18n.CHINESE
    assert cli_language.requested_language(["--lang=en"]) == i18n.ENGLISH
    code, out, _ = run(main.main, ["--help"], capsys)
    assert code == 0 and "显示此帮助信息并退出" in out


def test_english_stays_argparse_own(capsys):
    _, out, _ = run(main.main, ["--help", "--lang", "en"], capsys)
    assert out.startswith("usage: optviz") and "show this help message and exit" in out


def test_every_argparse_message_read_is_argparse_own_text():
    """The table follows the argparse of this Python: a message argparse no
    longer makes would never be read."""
    source = inspect.getsource(argparse)
    for english, _ in cli_language.ARGPARSE_MESSAGES:
        assert repr(english)[1:-1] in source or english in source, english


def test_nested_argparse_messages_are_translated_fields_and_all(qapp):
    i18n.install_language(i18n.CHINESE)
    message = "argument --view: invalid choice: '4d' (choose from '2d', '3d', 'both')"
    assert cli_language.argparse_text(message) == (
        "参数 --view：无效的选择：'4d'（可选：'2d', '3d', 'both'）")
