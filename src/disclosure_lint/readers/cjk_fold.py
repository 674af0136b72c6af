"""Radical and compatibility code points that PDFs give for ordinary Chinese characters, folded back.

A PDF's text is what its font's ToUnicode map says each glyph is.  Many CJK fonts share one glyph between an
ideograph and the radical of the same shape, and the map of a subset font written by Chrome, some versions of Word
and WPS names the radical: 人⺠政府 (U+2EA0 CJK RADICAL CIVILIAN for 民), ⻔户网站 (U+2ED4 for 门), ⽅⾯ (Kangxi
radicals U+2F45, U+2FAF for 方面).  The page shows the right character, but the text is not the report's words: an
agency name, a section title or a table label is not recognised.  A reader folds them back, one character for one
(columns and offsets are unchanged): Kangxi radicals and CJK compatibility ideographs by their NFKC form, the CJK
Radicals Supplement (which Unicode gives no such form, but two) by the table below — the radicals that are the
simplified form of a whole character or a component written as a character of its own (讠, 钅, 纟, 亻, 氵 …).
"""

from __future__ import annotations

import re
import unicodedata

# CJK Radicals Supplement → the unified ideograph of the same shape (Unicode's CJKRadicals.txt, the ones that stand
# for a character of their own in simplified Chinese text); ⺟ and ⻳ have an NFKC form and are not listed
_SUPPLEMENT = {
    "⺅": "亻", "⺌": "小", "⺖": "忄", "⺘": "扌", "⺝": "月", "⺠": "民", "⺡": "氵", "⺣": "灬", "⺦": "丬", "⺩": "王",
    "⺬": "礻", "⺰": "纟", "⺹": "耂", "⺼": "月", "⺾": "艹", "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻄": "西",
    "⻅": "见", "⻆": "角", "⻇": "角", "⻈": "讠", "⻉": "贝", "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶", "⻏": "阝",
    "⻐": "钅", "⻑": "長", "⻓": "长", "⻔": "门", "⻖": "阝", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞",
    "⻝": "食", "⻠": "饣", "⻡": "首", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦",
    "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙",
}

# what may need folding: one search tells a text that holds none (almost every text) to be left as it is
MAY_FOLD = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")

_TABLE: dict[int, str] | None = None


def table() -> dict[int, str]:
    """The folding table for ``str.translate`` (made once)."""
    global _TABLE
    if _TABLE is None:
        out: dict[int, str] = {}
        for cp in list(range(0x2E80, 0x2FE0)) + list(range(0xF900, 0xFB00)):
            n = unicodedata.normalize("NFKC", chr(cp))
            if n != chr(cp) and len(n) == 1:
                out[cp] = n
        out.update({ord(k): v for k, v in _SUPPLEMENT.items()})
        _TABLE = out
    return _TABLE


def fold(text: str) -> str:
    """``text`` with each radical or compatibility code point of an ordinary character replaced by that character."""
    return text.translate(table()) if MAY_FOLD.search(text) else text


def radicals(text: str) -> tuple[int, int, str, str] | None:
    """How many radical code points of an ordinary character ``text`` holds (compatibility ideographs not counted:
    a font's, rarely a copy's), the offset of the first, the first itself and the different ones in the order met;
    None when it holds none."""
    if not MAY_FOLD.search(text):
        return None
    fold_map = table()
    hits = [m.start() for m in _RADICALS.finditer(text) if ord(text[m.start()]) in fold_map]
    if not hits:
        return None
    return len(hits), hits[0], text[hits[0]], "".join(dict.fromkeys(text[i] for i in hits))


_RADICALS = re.compile("[\u2e80-\u2fdf]")

