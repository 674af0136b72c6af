"""``radical-characters`` (DL708): radical signs that look like Chinese characters (政务公开⼯作, ⼀定成效).

A PDF made from Word with some fonts maps a character such as 工 or 一 to its Kangxi radical (⼯ U+2F2F, ⼀ U+2F00),
and text copied out of it onto a web page or into a document keeps the radical.  It looks the same, but it is another character: a search
for 工作 does not find ⼯作, a screen reader reads it as a radical, and the statistics readers do not know the labels
it is in.  The Unicode standard gives the Kangxi radicals (U+2F00–U+2FDF) and the CJK radicals supplement
(U+2E80–U+2EFF) for dictionaries' radicals, not for writing text.  Reported once a report, with the count and a safe
fix to the characters their compatibility mapping gives (NFKC: ⼯ → 工) where there is one; a table's cells are counted
but not fixed here (a table's text is its cells').  A text file is read with its radicals as the characters they
stand for (:mod:`..readers.cjk_fold`: a PDF's text saved as text, whose tables and titles must be read): the reader's
notice gives how many and where the first is, said as a note without a fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import register
from .base import FixEdit, Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

_RADICAL = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
_EXAMPLES = 3
MAX_EDITS = 2000  # radicals a fix changes at most (a page copied out of a PDF has tens)


def _plain(ch: str) -> str | None:
    """The character a radical stands for (⼯ → 工), or None when it has no compatibility mapping (most of the
    supplement's)."""
    out = unicodedata.normalize("NFKC", ch)
    return out if out != ch and len(out) == 1 else None


@register
class RadicalCharacters(Kind[KindOptions]):
    name = "radical-characters"
    params = frozenset({"char", "code", "plain", "count", "kinds", "examples"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        notice = next((n for n in report.document.notices if n.kind == "radical-characters"), None)
        if notice is not None:
            yield self._read_as_characters(report, notice)
            return
        if _RADICAL.search(report.lintable_text) is None:
            return  # (one search: almost no report holds one)
        count, first = 0, None
        kinds: dict[str, None] = {}  # (the different ones, in the order met: 352 at most)
        examples: list[str] = []
        edits: list[FixEdit] | None = []
        for b in report.lintable_blocks:
            for m in _RADICAL.finditer(b.text):  # (one pass, bounded keeping: a file of nothing but radicals)
                at, ch = m.start(), m.group()
                count += 1
                kinds.setdefault(ch, None)
                if first is None:
                    first = (b, at)
                if len(examples) < _EXAMPLES:
                    word = b.text[max(0, at - 2):at + 3].strip()
                    if word and word not in examples:
                        examples.append(word)
                if edits is not None and b.kind != "table" and (plain := _plain(ch)) is not None:
                    if len(edits) >= MAX_EDITS:
                        edits = None
                    else:
                        edits.append(FixEdit(b, at, at + 1, plain))
        if first is None:
            return
        block, at = first
        ch = block.text[at]
        plain = _plain(ch)
        fix = edits or None  # (none past MAX_EDITS: a fix of part of them would leave the rest)
        yield Hit(block=block, start=at, end=at + 1,
                  params={"char": ch, "code": f"U+{ord(ch):04X}", "plain": f"汉字“{plain}”" if plain else "汉字",
                          "count": count, "kinds": _kinds("".join(kinds)),
                          "examples": "".join(f"“{w}”" for w in examples)},
                  evidence={"expected": plain or "", "actual": ch, "count": count, "characters": sorted(kinds)},
                  match=ch, key=f"radicals:{count}", fix=fix, fix_safe=True, fix_independent=True,
                  fix_description=f"将全文{len(fix or ())}处部首符号改为对应的汉字")

    @staticmethod
    def _read_as_characters(report: AnnualReport, n) -> Hit:
        """A text file whose radicals the reader read as the characters they stand for (:mod:`..readers.cjk_fold`:
        a PDF's text saved as text): said once, at the first, with no fix (the text checked is the folded one) and
        as a note — the PDF itself may show the right characters; its text layer, which search and screen readers
        use, does not."""
        ch = n.example or ""
        plain = _plain(ch)
        block, at = _at(report, n.line, n.column)
        return Hit(block=block, start=at, end=at + 1 if at is not None else None,
                   params={"char": ch, "code": f"U+{ord(ch):04X}" if ch else "", "plain": f"汉字“{plain}”" if plain
                           else "汉字", "count": n.value or 0, "kinds": _kinds(n.detail or ch),
                           "examples": f"第{n.line}行第{n.column}列"},
                   evidence={"expected": plain or "", "actual": ch, "count": n.value, "line": n.line,
                             "column": n.column, "read_as_characters": True},
                   key=f"radicals:{n.value}", severity="info")


def _kinds(chars: str) -> str:
    """（11种：⼯⼀⾼…） for the different radicals found, when there is more than one; else ""."""
    if len(chars) <= 1:
        return ""
    shown = chars if len(chars) <= 8 else chars[:8] + "…"
    return f"（{len(chars)}种：{shown}）"


def _at(report: AnnualReport, line: int | None, column: int | None):
    """The block and offset of the character at ``line``/``column`` of the file, or (None, None)."""
    if line is None or column is None:
        return None, None
    for b in report.blocks:
        if b.line is None or b.line > line or (b.end_line or b.line) < line:
            continue
        for i in range(min(len(b.text), 100_000)):
            loc = b.locate(i)
            if loc.line == line and loc.column == column:
                return b, i
    return None, None

