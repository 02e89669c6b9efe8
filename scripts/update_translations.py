"""Refresh the translations: ``python scripts/update_translations.py``.

1. writes ``gui/app/core_strings.py``: the text of ``optim_core`` and the
   presets (``gui.app.core_catalog``), marked for ``lupdate``;
2. runs ``pyside6-lupdate`` over ``main.py`` and ``gui/`` into each
   ``resources/translations/optviz_<lang>.ts``: new text is added as
   unfinished, text no longer in the sources is dropped, translations stay;
3. compiles each ``.ts`` into the ``.qm`` the app loads (``pyside6-lrelease``).

Then translate the unfinished entries (Qt Linguist: ``pyside6-linguist``, or
any editor) and run it again. ``tests/gui/test_translations.py`` fails while
a ``.ts`` is stale, unfinished or uncompiled.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gui.app import core_catalog  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
CORE_STRINGS = ROOT / "gui" / "app" / "core_strings.py"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """The path of a PySide6 tool (``pyside6-lupdate``), beside this Python if not on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = shutil.which(name) or (str(beside) if beside.exists() else None)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[Path]:
    """Every Python file whose text lupdate reads, in a stable order."""
    return [ROOT / "main.py", *sorted((ROOT / "gui").rglob("*.py"))]


def lupdate(ts: Path) -> None:
    """Bring ``ts`` up to date with ``sources()`` (no line numbers: they churn)."""
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *map(str, sources()), "-ts", str(ts)], check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True, cwd=ROOT)


def main() -> int:
    CORE_STRINGS.write_text(core_catalog.render(core_catalog.entries()), encoding="utf-8")
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"optviz_{lang}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
