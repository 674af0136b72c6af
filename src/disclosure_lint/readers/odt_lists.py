"""The numbers an OpenDocument text's lists draw (``text:list`` with a ``text:list-style``), for :mod:`.odt`.

A paragraph numbered by a list ("一、总体情况" as printed) holds none of its number in its text; LibreOffice stores
the printed label in ``text:number`` only sometimes.  :class:`Numbers` follows the lists in document order and gives
the label of each list paragraph as the .docx reader draws Word's (:mod:`.docx_numbering`): the level's
``style:num-prefix``, the numbers of its ``text:display-levels`` last levels in the level's ``style:num-format``
("1", "一, 二, 三, ...", "a", "I" …, joined by "."), its ``style:num-suffix``, then one space when the label is
followed by a tab or a space and does not end in punctuation.  Counters are kept per list style (a list with
``text:continue-numbering`` or ``text:continue-list`` goes on counting; another restarts it), start at the level's
``text:start-value`` (or an item's), and a level counting restarts the deeper ones.  Only the first paragraph of an
item is numbered (an item holding only a nested list is how a deeper level is written: it counts nothing).  A
heading (``text:h``) outside a list is numbered by the chapter numbering (``text:outline-style``) at its outline level
(none when that level's format is empty, as LibreOffice's default; none for a ``text:is-list-header`` heading).  A
bullet, a picture or an unknown format cannot be drawn exactly: no label (the paragraph is still counted).
"""

from __future__ import annotations

from .docx_numbering import format_number
from .odt_package import STYLE, TEXT_NS

MAX_LEVELS = 10
MAX_STYLES = 5000  # list styles read (a hostile file may hold millions)
MAX_LABEL = 24
_END_PUNCT = frozenset("、.．)）:：,，]】」")

# ODF's style:num-format → Word's number format (:func:`.docx_numbering.format_number`)
_FORMATS = {
    "1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
    "一, 二, 三, ...": "chineseCounting", "壹, 贰, 叁, ...": "chineseLegalSimplified",
    "①, ②, ③, ...": "decimalEnclosedCircle", "甲, 乙, 丙, ...": "ideographTraditional",
    "１, ２, ３, ...": "decimalFullWidth", "〇, 一, 二, ...": "ideographDigital",
}

_Level = tuple[str | None, str, str, int, int, bool]  # (format, prefix, suffix, display levels, start, space)


OUTLINE = "\x00outline"  # the counters of the headings' chapter numbering (text:outline-style)


def _level(el) -> _Level:
    if el.tag not in (TEXT_NS + "list-level-style-number", TEXT_NS + "outline-level-style"):
        return None, "", "", 1, 1, False  # a bullet or a picture: not drawn
    raw = el.get(STYLE + "num-format")
    fmt = "" if raw == "" else _FORMATS.get(raw or "1")
    try:
        shown = min(max(int(el.get(TEXT_NS + "display-levels") or 1), 1), MAX_LEVELS)
        start = max(int(el.get(TEXT_NS + "start-value") or 1), 0)
    except ValueError:
        shown, start = 1, 1
    follow = el.find(f"{STYLE}list-level-properties/{STYLE}list-level-label-alignment")
    space = follow is not None and follow.get(TEXT_NS + "label-followed-by") in ("listtab", "space")
    return fmt, el.get(STYLE + "num-prefix") or "", el.get(STYLE + "num-suffix") or "", shown, start, space


class Numbers:
    def __init__(self, *roots) -> None:
        self.styles: dict[str, dict[int, _Level]] = {}
        for root in roots:
            if root is None:
                continue
            for ls in root.iter(TEXT_NS + "list-style", TEXT_NS + "outline-style"):
                name = OUTLINE if ls.tag == TEXT_NS + "outline-style" else ls.get(STYLE + "name")
                if name is None or len(self.styles) >= MAX_STYLES:
                    continue
                levels: dict[int, _Level] = {}
                for el in ls:
                    try:
                        n = int(el.get(TEXT_NS + "level") or 0)
                    except ValueError:
                        continue
                    if 1 <= n <= MAX_LEVELS:
                        levels[n] = _level(el)
                self.styles[name] = levels
        self.counters: dict[str, list[int | None]] = {}

    def outline(self, level: int, start: int | None = None) -> str | None:
        """Count a heading at outline ``level`` outside any list (the chapter numbering); its label, or None."""
        return self.label(OUTLINE, level, start)

    def start_list(self, style: str | None, continues: bool) -> None:
        """A top-level ``text:list`` of ``style`` begins: a new list restarts the style's counters."""
        if style is not None and not continues:
            self.counters.pop(style, None)

    def label(self, style: str | None, level: int, start: int | None = None) -> str | None:
        """Count a paragraph at ``level`` (1-based) of a list of ``style``; its label, or None."""
        levels = self.styles.get(style or "")
        if levels is None or not 1 <= level <= MAX_LEVELS:
            return None
        counts = self.counters.setdefault(style or "", [None] * (MAX_LEVELS + 1))
        own = levels.get(level)
        first = own[4] if own is not None else 1
        counts[level] = (start if start is not None else first) if counts[level] is None or start is not None \
            else counts[level] + 1  # type: ignore[operator]
        for deeper in range(level + 1, MAX_LEVELS + 1):
            counts[deeper] = None
        if own is None or own[0] is None:
            return None
        fmt, prefix, suffix, shown, _start, space = own
        numbers = []
        for lv in range(max(level - shown + 1, 1), level + 1):
            n = counts[lv]
            if n is None:
                n = levels[lv][4] if lv in levels else 1
            spelled = "" if fmt == "" and lv == level else format_number(n, (levels.get(lv) or own)[0] or "decimal")
            if spelled is None:
                return None
            numbers.append(spelled)
        text = prefix + ".".join(x for x in numbers if x) + suffix
        if not text or len(text) > MAX_LABEL:
            return None
        return text + " " if space and text[-1] not in _END_PUNCT else text
