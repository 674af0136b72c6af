"""The last lines of a cut copy, as :mod:`.truncation` reads them: the block before the last one, an item's number alone
(2.1 … / 2.2), a list of one item (part 六's first and only sub-item without its 。)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Block

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport


def prev_block(report: AnnualReport, block: Block) -> Block | None:
    """The last block before ``block`` with text that is not the portal's, or None."""
    blocks = report.lintable_blocks
    at = next((i for i, b in enumerate(blocks) if b is block), None)
    if at is None:
        return None
    portal = report.portal
    # the last block before it with text that is not the portal's (walked back from it: it is near the end)
    return next((b for b in reversed(blocks[:at]) if b.text.strip() and not portal.is_line(b)), None)


def sub_marker(report: AnnualReport, block: Block, tail: str) -> bool:
    """``tail`` is a second-level item's number alone (2.2), the next after the one that opens the line before it (2.1
    建设情况:…)."""
    m = _TWO_LEVEL.fullmatch(tail.strip()) if block.kind != "table" else None
    prev = prev_block(report, block) if m is not None and block.text.strip() == tail.strip() else None
    p = _TWO_LEVEL_LINE.match(prev.text.strip().split("\n")[-1]) if prev is not None else None
    if m is None or p is None:
        return False
    (a, b), (pa, pb) = map(int, m.groups()), map(int, p.groups())
    return (a, b) in ((pa, pb + 1), (pa + 1, 1))


_TWO_LEVEL = re.compile(r"(\d{1,2})\.(\d{1,2})")
_TWO_LEVEL_LINE = re.compile(r"(\d{1,2})\.(\d{1,2})\s*[\u4e00-\u9fff]")


def first_item_only(report: AnnualReport, block: Block) -> bool:
    """``block`` is under a part's first sub-item ((一)强化组织领导…) with no second one after it: a list of one item is
    not the end of a report ((一)… / …领导小组下设办: the text stops in the first item, not a final 。 forgotten)."""
    prev = prev_block(report, block)
    for _ in range(3):
        if prev is None or (prev.kind == "heading" and not _FIRST_ITEM.match(prev.text)):
            return False
        if _FIRST_ITEM.match(prev.text):
            return True
        prev = prev_block(report, prev)
    return False


_FIRST_ITEM = re.compile(r"\s*[#*]*\s*(?:[（(]一[）)]|㈠|一是)")


def old_sentence_cut(report: AnnualReport, block: Block, seg: str) -> bool:
    """In a report before the unified format, a last paragraph without a mark that is a sentence begun — it opens with
    what opens a sentence (在主动公开, 本单位2017年度未发, 本局主动公开的信息包括机) — under a heading, a sub-title or
    after a sentence that ends: cut (a 落款 without its date, 本局办公室, is no sentence: the caller leaves those out)."""
    text = seg.strip()
    if block.kind != "paragraph" or len(text) < 4 or not SENTENCE_LEAD.match(text):
        return False
    prev = prev_block(report, block)
    if prev is None or not prev.text.strip():
        return False
    pt = prev.text.rstrip()
    return prev.kind == "heading" or pt.endswith(("。", "；", "！", "？")) or _ITEM_TITLE.match(pt) is not None


# what opens a sentence and no heading, 落款 or label: a preposition, the body speaking of itself, the year's work
SENTENCE_LEAD = re.compile(r"(?:在|对|为|按照|根据|通过|从|经|将|把|向|围绕|结合|坚持|加强|全年|本年度?|"
                           r"本(?:局|委|办|单位|机关|镇|乡|街道)(?!办公室$)|我(?:局|委|办|单位|镇|乡|街道))")
_ITEM_TITLE = re.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}、|\d{1,2}[.．、])"
                         r"[^。，；,;]{1,20}$")
