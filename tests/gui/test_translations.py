"""The translation files are complete and in step with the sources.

A string marked for translation in the sources but missing from a ``.ts``
(stale), an entry with no Chinese translation (unfinished), a translation
that lost a ``{field}``, or a ``.qm`` not compiled from its ``.ts``: each
fails here; ``python scripts/update_translations.py`` then translating the
new entries fixes it.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gui.app import core_catalog
from gui.app.terms import english_words, has_chinese
from scripts import update_translations as ut

TS = ut.TRANSLATIONS / "optviz_zh_CN.ts"
FIELD = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """``(context, source) -> <translation>`` of every live entry of ``ts``."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("obsolete", "vanished"):
                out[(name, message.findtext("source"))] = translation
    return out


def test_core_strings_file_lists_the_core_text_of_today():
    expected = core_catalog.render(core_catalog.entries())
    assert ut.CORE_STRINGS.read_text(encoding="utf-8") == expected, (
        "gui/app/core_strings.py is stale: run python scripts/update_translations.py")


def test_ts_holds_every_marked_string_and_no_other(tmp_path):
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    ut.lupdate(fresh)
    added = set(messages(fresh)) - set(messages(TS))
    dropped = set(messages(TS)) - set(messages(fresh))
    assert not added, f"not in the .ts yet (run scripts/update_translations.py): {added}"
    assert not dropped, f"no longer in the sources: {dropped}"


def test_every_entry_has_a_finished_chinese_translation():
    missing = [src for (_, src), tr in messages(TS).items()
               if tr.get("type") == "unfinished" or not (tr.text or "").strip()]
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"
    english = [(src, tr.text) for (_, src), tr in messages(TS).items()
               if english_words(tr.text) and not has_chinese(tr.text)]
    assert not english, f"translations with English words and no Chinese: {english[:5]}"


def test_translations_keep_every_field_of_their_source():
    broken = [(src, tr.text) for (_, src), tr in messages(TS).items()
              if sorted(FIELD.findall(src)) != sorted(FIELD.findall(tr.text or ""))]
    assert not broken, f"fields lost or added: {broken[:5]}"


def test_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    ut.lrelease(TS, fresh)
    assert TS.with_suffix(".qm").read_bytes() == fresh.read_bytes(), (
        "the .qm is older than its .ts: run python scripts/update_translations.py")


def test_a_source_string_with_no_translation_fails_the_check(tmp_path):
    """The unfinished check can fail: an entry lupdate adds for a new string is caught."""
    source = tmp_path / "new_panel.py"
    source.write_text('translate("NewPanel", "A label nobody translated")\n')
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    ut.subprocess.run([ut.tool("pyside6-lupdate"), "-silent", "-locations", "none",
                       str(source), "-ts", str(ts)], check=True)
    entry = messages(ts)[("NewPanel", "A label nobody translated")]
    assert entry.get("type") == "unfinished"


#: Calls lupdate cannot read: ``window.tr("…")`` is filed under the context
#: "window" (found at run time under "MainWindow": never), and a wrapper that
#: passes a variable to ``QCoreApplication.translate`` hides every string it gets.
HIDDEN = re.compile(r"(?<![\w.])(?!self\.)\w+\.tr\(|QCoreApplication\.translate\(\s*\w+\s*,|"
                    r"QCoreApplication\.translate\([^,]+,\s*[a-z_]\w*\s*\)")


def test_every_translated_string_is_where_lupdate_can_read_it():
    hidden = [f"{p.relative_to(ut.ROOT)}:{n}: {line.strip()}"
              for p in ut.sources() if p.name != "i18n.py"
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if HIDDEN.search(line)]
    assert not hidden, "use translate(context, \"literal\") or self.tr(\"literal\"):\n" + (
        "\n".join(hidden))


@pytest.mark.parametrize("text", ["Learning rate", "Export animation…"])
def test_english_words_are_found(text):
    assert english_words(text)


@pytest.mark.parametrize("text", ["SGD", "L-BFGS", "1e-3", "f(x+h) − f(x−h)) / 2h", "ln 10",
                                  "CIFAR-10 (PNG, 640x480 px)"])
def test_names_symbols_and_code_are_not_english_words(text):
    assert not english_words(text)
