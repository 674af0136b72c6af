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
        found = [(b, m.start()) for b in report.lintable_blocks for m in _RADICAL.finditer(b.text)]
        if not found:
            return
        block, at = found[0]
        ch = block.text[at]
        plain = _plain(ch)
        fix = [FixEdit(b, i, i + 1, p) for b, i in found
               if b.kind != "table" and (p := _plain(b.text[i])) is not None] or None
        examples = []
        for b, i in found:
            word = b.text[max(0, i - 2):i + 3].strip()
            if word and word not in examples:
                examples.append(word)
            if len(examples) == _EXAMPLES:
                break
        yield Hit(block=block, start=at, end=at + 1,
                  params={"char": ch, "code": f"U+{ord(ch):04X}", "plain": f"汉字“{plain}”" if plain else "汉字",
                          "count": len(found), "kinds": _kinds("".join(dict.fromkeys(b.text[i] for b, i in found))),
                          "examples": "".join(f"“{w}”" for w in examples)},
                  evidence={"expected": plain or "", "actual": ch, "count": len(found),
                            "characters": sorted({b.text[i] for b, i in found})},
                  match=ch, key=f"radicals:{len(found)}", fix=fix, fix_safe=True, fix_independent=True,
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

