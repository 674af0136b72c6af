"""The last lines of a cut copy, as :mod:`.truncation` reads them: the block before the last one, an item's number alone
(2.1 … / 2.2), a list of one item (part 六's first and only sub-item without its 。), the item before a last numbered line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Block
from ..readers.script import PINYIN_GLOSS

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


CN = "一二三四五六七八九十"
# a line's leading number (一、 （三） 2. 第三条): a sub-title's or an item's
LEAD_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]"
                          r"|第[一二三四五六七八九十]+[部条项])")


def colon_list(block: Block, seg: str) -> bool:
    """The first point of the list a colon opens, on the colon's line (…不足之处，主要表现在： 一是制度): with nothing
    after it, cut."""
    seg = seg.strip()
    return seg.startswith("一是") and block.text[:block.text.rfind(seg)].rstrip().endswith(("：", ":"))


_CN_ITEM = re.compile(r"([（(])([一二三四五六七八九十]{1,2})([）)])")


def after_sentence_item(report: AnnualReport, block: Block, text: str, marker: str) -> bool:
    """A numbered last line is a cut sentence, not a sub-title, when the item before it in the same list was a
    sentence (``2.加强…合法性。 3.加强对各分局政务公开工作的业务``)."""
    if marker.endswith("是"):  # 三是 → 二是
        k = CN.find(marker[0])
        if k < 1:
            return False
        prev = CN[k - 1] + "是"
    elif (cn := _CN_ITEM.match(marker)) is not None:  # (三) → (二): the item a run-in title's text follows
        k = CN.find(cn.group(2))
        if k < 1 or len(cn.group(2)) != 1:
            return False
        prev = cn.group(1) + CN[k - 1] + cn.group(3)
    else:
        m = re.match(r"\D*(\d{1,2})", marker)
        if m is None or int(m.group(1)) < 2:
            return False
        prev = marker.replace(m.group(1), str(int(m.group(1)) - 1), 1)
    full = block.text
    k = full.rfind(text)
    before = full[max(0, k - 400):k].rstrip()
    if not before:  # the item before is a paragraph of its own (or a few: 二是… / its figures), ended by a sentence
        b: Block | None = block
        last = None
        for _ in range(3):
            b = prev_block(report, b) if b is not None else None
            if b is None:
                return False
            last = last if last is not None else b.text.rstrip()
            if b.text.lstrip().startswith(prev):
                return last.endswith(("。", "；", ";"))
        return False
    p = before.rfind(prev)
    return p >= 0 and before.endswith(("。", "；", ";")) and not LEAD_NUMBER.search(before[p + len(prev):])


def without_last_gloss(text: str) -> str:
    """``text`` without the pinyin a copy glossed its last character with (…直达基层、企业(yè): the text ends at 企业, not
    at a closing bracket)."""
    if not text.endswith(")"):
        return text
    m = PINYIN_GLOSS.search(text, max(0, len(text) - 10))
    return text[:m.start()] if m is not None and m.end() == len(text) else text
