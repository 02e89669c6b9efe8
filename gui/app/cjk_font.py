"""A system font for Chinese text, or a clear word that there is none.

Qt draws a character it has no glyph for as a box. Before the interface
turns Chinese, ``cjk_family()`` asks the font database for a family that
covers Simplified Chinese (fonts-noto-cjk on Debian); ``use_cjk_font``
puts it behind the application font, so Latin text keeps its face and
Chinese text falls back to that family everywhere, exported frames included.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

#: Preferred faces first; any family that covers Simplified Chinese will do.
PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "PingFang SC")
NO_FONT_NOTICE = ("optviz: no font with Chinese characters was found "
                  "(install fonts-noto-cjk); the interface stays in English")

_told = False


def cjk_family() -> str | None:
    """A font family covering Simplified Chinese, preferred faces first; None if none."""
    found = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return next((f for f in PREFERRED if f in found), found[0] if found else None)


def use_cjk_font(app) -> bool:
    """Add a Chinese-capable family behind ``app``'s font. False (and, once
    per process, a line on stderr) when the system has none."""
    global _told
    family = cjk_family()
    if family is None:
        if not _told:
            print(NO_FONT_NOTICE, file=sys.stderr)
            _told = True
        return False
    font = QFont(app.font())
    # The face the font resolves to now, by name: an alias such as "Sans Serif"
    # would let the CJK face take the Latin text too (taller lines, other glyphs).
    latin = QFontInfo(font).family()
    font.setFamilies([latin, *(f for f in font.families() if f != latin), family])
    app.setFont(font)
    return True
