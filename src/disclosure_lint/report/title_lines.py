"""Where the report's title is: the first title line among the first prose lines with content (portal lines,
breadcrumbs and navigation items skipped), a title written over two lines (``…信息公开工作`` / ``年度报告``) or two
paragraphs (``某某市某某局`` / ``2023年政府信息公开工作年度报告``), a page title that names no body below the body's name,
or a catalogue table's 名称 field.  :class:`.AnnualReport` keeps the answers (``title_block``, ``title_suffix_block``,
``title_prefix_block``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..memo import LONGEST, Kept
from ..model import Block
from ..page_lines import chrome_or_navigation
from .agency import classify, name_from_title
from .promotions import has_spam_term
from .title_field import catalogue_title, field_value

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

TITLE_BLOCKS = 8  # prose blocks with content searched for the title
TITLE_SCAN = 400  # blocks scanned at most for them (navigation items one per line are skipped, not counted)
_NOT_TITLE = re.compile(r"[;；|｜>›»＞]")
_YEAR = re.compile(r"[\u4e00-\u9fff]\s*(?:19|20)\d{2}\s*年")  # (a body's name before it: a column's name has none)
# the name of a place the reports are shown in, not a report (2016年政府信息公开工作年度报告展示平台, …年度报告专栏)
_REPORTS_PLACE = re.compile(r"报告\s*(?:展示平台|集中展示|专栏|专题|栏目|汇总|目录|索引)")

# a side menu laid out in two columns, a pair of its items a line (组织机构      政府文件: twelve such lines above a real
# page's title), not counted among the lines searched
_MENU_PAIR = re.compile(r"\s*[\u4e00-\u9fff]{2,8}[ \t\u3000]{3,}[\u4e00-\u9fff]{2,8}\s*$")

# a title's name that is only a kind's word (办事处2023年…: the name cut before its suffix, the rest on the line before)
BARE_NAMES = frozenset({"办事处", "人民政府", "政府", "委员会", "管委会", "管理委员会", "办公室", "街道办事处"})


def is_title(t: str) -> bool:
    """A line that reads as a report's title: 报告 (or 工作年报, or 年报 after a body's name and a year:
    某某办公室2025年度政府信息公开年报; not a column's name, 政府信息公开年报, 2020年信息公开年报) and 信息公开 or
    政务公开, short, not a sentence, not a menu, a breadcrumb or a portal's 分类 value."""
    named = "报告" in t or t.endswith("工作年报") or (t.endswith("年报") and _YEAR.search(t) is not None)
    return (named and len(t) <= 80 and ("信息公开" in t or "政务公开" in t)
            and not t.endswith(("。", "；", "：", ":")) and "，" not in t and "," not in t
            and not _NOT_TITLE.search(t)  # a portal's 分类 value (政务公开 ; 年度报告), a menu or breadcrumb
            and not _REPORTS_PLACE.search(t))


_TITLE_NAMES: Kept[str, tuple[str | None, int | None]] = Kept("titles: the name and year a title line gives", 1024)


def title_names(text: str) -> tuple[str | None, int | None]:
    """``name_from_title(text)``, kept: :func:`find_title_block` asks it of the title's text, and the report's
    ``block_title_facts`` then asks it of the same text (and the titles recur from report to report)."""
    got = _TITLE_NAMES.get(text)
    if got is None:
        got = name_from_title(text)
        if len(text) <= LONGEST:
            _TITLE_NAMES.keep(text, got)
    return got


def find_title_block(report: AnnualReport) -> Block | None:
    """The report title among the first prose lines with content (portal metadata lines, breadcrumbs and
    navigation items skipped; see :attr:`head_blocks`)."""
    portal = report.portal
    seen = 0
    blocks = report.text_blocks
    bare = None  # a column's name that reads as a title (政府信息公开工作年度报告: no body, no year), a title below it wins
    for k, b in enumerate(blocks):
        if k >= TITLE_SCAN or portal.is_line(b):
            continue
        plain = portal.text_without(b)
        text = field_value(plain)
        if text is not plain and is_title(text):  # a catalogue's title field (• 名称:…), the title printed below it
            below = _printed_below(report, blocks, k, text)
            if below is not None:
                return below
        if is_title(text) and (title_names(text.lstrip("#").strip())[0] is None or has_spam_term(text)):
            if k and _named_above(report, blocks[k - 1], b, text) and not has_spam_term(text):
                return b  # the body's name on the line above it (某某镇人民政府 / 关于2021年度…的年度报告)
            bare = bare or b  # no body named (• 2020年…年度报告), or a hijacked page's title: a title below wins
            continue
        if is_title(text):
            # a page's header: the site, its columns and the title, then the title on a line of its own
            if " " in text.strip():
                last = text.split()[-1]
                nxt = next((x for x in blocks[k + 1:k + 3] if not portal.is_line(x)), None)
                if nxt is not None and portal.text_without(nxt).strip().lstrip("#").strip() == last:
                    return nxt
            # the page's headline, then (past its date line) the article's own title, the same with the place before it
            # (区退役军人事务局2022年…年度报告 / 发布日期:… / 广州市越秀区退役军人事务局2022年…年度报告)
            nxt = next((x for x in blocks[k + 1:k + 3] if not portal.is_line(x)), None)
            if nxt is not None:
                own, fuller = text.strip().lstrip("#").strip(), portal.text_without(nxt).strip().lstrip("#").strip()
                place = fuller[:len(fuller) - len(own)]
                if fuller.endswith(own) and (_PLACE_BEFORE.fullmatch(place) or (  # (not (图解) before it: a diagram's)
                        _CJK_RUN.fullmatch(place) and own[:1] in "省市县区州盟旗镇乡")):  # (广州市越秀 + 区退役…)
                    return nxt
            return b
        if suffix_after(report, blocks, k) is not None:
            return b  # a title written over two lines (…信息公开工作 / 年度报告)
        if not chrome_or_navigation(text) and not _MENU_PAIR.match(text):
            seen += 1
            if seen >= TITLE_BLOCKS:
                break
    if bare is None:  # none in the prose: a catalogue table's 名称 field (:mod:`.title_field`)
        bare = next((b for b in report.blocks[:TITLE_BLOCKS * 2] if b.kind == "table"
                     and is_title(catalogue_title(b) or "")), None)
    return bare


# what a page's headline may leave out before the body's name: the place (广州市越秀, 某某省)
_PLACE_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,20}[省市县区州盟旗]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{1,20}")


def _printed_below(report: AnnualReport, blocks: list[Block], k: int, title: str) -> Block | None:
    """The line among the next few below a catalogue's title field that is the same title on its own (the field's
    line and the page's other fields between them are the page's header above the report), or None."""
    want = "".join(title.lstrip("#").split())
    for b in blocks[k + 1:k + 5]:
        if "".join(report.portal.text_without(b).lstrip("#").split()) == want:
            return b
    return None


def _named_above(report: AnnualReport, prev: Block, b: Block, text: str) -> bool:
    """Whether ``prev``, right above the title ``b`` that names no body, is the body's name alone (a title written in
    two paragraphs: 某某县某某镇人民政府 / 关于2021年度政府信息公开工作的年度报告)."""
    if prev.index < b.index - 2 or report.portal.is_line(prev):
        return False
    head = prev.text.lstrip("#").strip()
    if not 2 <= len(head) <= 40 or re.search(r"[，。；：:,;>›»＞|｜\d]", head):
        return False
    name = name_from_title(head + text.lstrip("#").strip())[0]
    return name is not None and classify(name)[0] is not None


def suffix_after(report: AnnualReport, blocks: list[Block], k: int) -> Block | None:
    """The line right after ``blocks[k]`` that ends a title written over two lines (``某某局2023年政府信息公开工作`` /
    ``年度报告``): short, ending in 报告, and making a title with it where neither is one alone."""
    if k + 1 >= len(blocks) or blocks[k + 1].index != blocks[k].index + 1:
        return None
    head = report.portal.text_without(blocks[k]).lstrip("#").strip()
    if not head or "报告" in head or len(head) > 60:
        return None
    nxt = blocks[k + 1]
    rest = report.portal.text_without(nxt)
    if rest.strip() != nxt.text.strip():
        return None  # a portal's catalogue line (索引号 3212000041/2021-354904 分类 报告): its 分类 value is no title's end
    tail = "".join(rest.lstrip("#").split())  # (报 告: spaced out on a title line)
    if not tail.endswith("报告") or len(tail) > 12 or is_title(tail) or not is_title(head + tail):
        return None
    return nxt


def find_suffix_block(report: AnnualReport) -> Block | None:
    """The line that ends a title written over two lines (``…信息公开工作`` / ``年度报告``), or None."""
    b = report.title_block
    if b is None:
        return None
    blocks = report.text_blocks
    k = next((i for i, x in enumerate(blocks[:TITLE_SCAN]) if x is b), None)
    return None if k is None else suffix_after(report, blocks, k)


def find_prefix_block(report: AnnualReport) -> Block | None:
    """The line before the title that holds the first part of a title written in two paragraphs
    (``某某市某某局`` / ``2023年政府信息公开工作年度报告``), or None."""
    b = report.title_block
    if b is None:
        return None
    name, year = report.block_title_facts
    if name is not None and classify(name)[0] is not None and year is not None and name not in BARE_NAMES:
        return None  # (办事处2023年…: the title's name cut before its suffix, the rest on the line before)
    prev, portal_after = None, False
    for x in report.text_blocks:
        if x is b:
            break
        if not report.portal.is_line(x):
            prev, portal_after = x, False
        else:
            portal_after = True
    if prev is None or prev.index < b.index - 2 or portal_after:
        return None  # (州行政审批服务局 / 2023-01-20 作者:… / 2022年…年度报告: the page's heading above its metadata line)
    head = report.portal.text_without(prev).lstrip("#").strip()
    if len(head) < 2 or len(head) > 40 or re.search(r"[，。；：:,;>›»＞|｜]", head):
        return None  # (one character alone on its line: a page's stray glyph, 盐 / 盐城市…局…, not a name's part)
    if name is not None and classify(name)[0] is not None and classify(head)[0] is None and not _PLACE_END.search(head):
        return None  # (目录 / 某某街道政府信息公开工作年度报告: a page's word above a title that names its body)
    joined = name_from_title(head + report.portal.text_without(b).lstrip("#").strip())
    if joined[0] is None or classify(joined[0])[0] is None or (year is not None and joined[1] != year):
        return None
    return prev


_PLACE_END = re.compile(r"[省市县区旗州盟镇乡]$|自治区$|街道$")
