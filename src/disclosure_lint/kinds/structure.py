"""Structure kinds: the six parts of the unified format, their numbering, order and tables.

All kinds here read one shared analysis of the report's top-level structure (:func:`analyse`, cached per report):

* **Sections.** The report layer's section recogniser is applied to every short heading or paragraph; Markdown
  emphasis (``**一、总体情况**``) is stripped first, so bold paragraph headings count like ``##`` headings.
* **Sub-items numbered as sections.** A run ``一、二、三…`` that restarts inside a section (typically the five topics
  of 总体情况 written ``一、主动公开`` instead of ``（一）主动公开``) is not a run of top-level sections: it belongs to
  the body of the section before it (rule ``subsection-numbered-as-section``); such topics numbered on from 一、总体情况
  (二、工作机制保障) are extra parts that DL107 calls part 一's sub-items.
* **Tables.** A statistics table is present in a section when the statistics reader found it (``report.stats``),
  when its labels run together with its digits in text with nothing between the nodes (``report.unread_tables``: DL001
  says it could not be read), or when its body holds a table block, an HTML ``<table>``, an image standing alone (a
  table published as a picture), or — in scraped text that prints one cell per line — at least three of that table's
  own labels as short lines.
* **Unified or free text.** The unified formats (2019 trial format, 2021 format) apply to report years from 2019.  A
  report counts as written in the unified format when at least four of the six parts are recognised and it is not a
  report in the old style (at least one of parts 二/三/四 missing *and* no statistics table at all).

``section-title-typo`` reports a part title one or two characters off its official title (found as
that part); ``nonstandard-section-title`` only titles recognised by their key words.

``non-unified-format`` reports a free-text report once; ``missing-section`` and ``missing-table`` then stay silent,
so the same report is not flagged ten times.  In a file that ends early (``report.truncation``), the parts from the one
it ends in onwards are not reported as missing, empty or without their table: ``unread-content`` (DL002) says once
where the file ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import Field

from ..model import Block
from ..report import catalogue as cat
from ..report import structure as rs
from ..report.annual import AnnualReport
from ..report.sections import ARABIC_TOP, Section
from ..report.structure import (
    EMPHASIS,
    LEAD_NUMBER,
    PUNCT,
    Structure,
    declared_old_parts,
    declares_unified_parts,
    gapped_draft,
    has_table,
    lost_tables,
    plain_at_least,
    read_past_tables,
    unified_or_cut,
    untitled_part_five,
)
from ..report.truncation import cut_by_reader
from ..report.year import OPENING_BLOCKS, inferred_note
from . import register
from .base import FixEdit, Hit, Kind, KindOptions

SPEC_INDEX = rs.SPEC_INDEX
TABLE_SECTIONS = rs.TABLE_SECTIONS
_NUMERAL = rs.NUMERAL


def _position(sec: Section) -> int:
    """The canonical position (0–5) of a recognised section (one whose id is set)."""
    return SPEC_INDEX[sec.id or ""]


def _spec(sec: Section) -> cat.SectionSpec:
    """The canonical part a recognised section (one whose id is set) stands for."""
    return cat.SECTION_BY_ID[sec.id or ""]


def analyse(report: AnnualReport) -> rs.Structure:
    return report.structure


def _numeral(n: int) -> str:
    if 1 <= n <= 10:
        return cat.NUMERALS[n - 1]
    if n < 20:
        return "十" + cat.NUMERALS[n - 11]
    return str(n)


def _quote_labels(labels: list[str]) -> str:
    return "".join(f"“{x}”" for x in labels)


def _spec_label(spec: cat.SectionSpec) -> str:
    return f"{spec.numeral}、{spec.title}"


def _numeral_span(block: Block) -> tuple[int, int, int] | None:
    """(start of numeral, end of numeral, end of separator) in ``block.text``."""
    m = _NUMERAL.match(block.text)
    return (m.start("num"), m.end("num"), m.end("sep")) if m else None


def _arabic_span(block: Block) -> tuple[int, int] | None:
    """(start, end) of a part title's Arabic numeral and its mark (``1.``, ``2、``, with the spaces after them) in
    ``block.text``, or None when the title is not numbered so."""
    p = _title_start(block)
    m = ARABIC_TOP.match(block.text[p:])
    return None if m is None else (p + m.start("num"), p + m.start("title"))


def _title_start(block: Block) -> int:
    m = re.match(r"^[\s#]*(?:\*+|__+|<(?:strong|b)\s*>)?\s*", block.text)
    return m.end() if m else 0


def _heading_hit(sec: Section, **kw) -> Hit:
    text = sec.heading.text
    return Hit(block=sec.heading, start=0, end=len(text), match=text, **kw)


# -- kinds --------------------------------------------------------------------------------------

@register
class MissingSection(Kind[KindOptions]):
    """A unified-format report lacks one of the six parts."""

    name = "missing-section"
    Options = KindOptions
    params = frozenset({"numeral", "expected", "basis", "detail"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st = analyse(report)
        if not (st.applies and (st.unified or gapped_draft(report, st))):
            return
        cut = report.unchecked_parts
        for spec in st.missing:
            if spec.id in cut:
                continue  # the file ends before it (DL002 says so once)
            expected = _spec_label(spec)
            slot = st.slots.get(spec.id)
            params = {"numeral": spec.numeral, "expected": expected, "basis": spec.basis, "detail": ""}
            ev: dict[str, object] = {"expected": expected, "actual": "未找到", "section_id": spec.id, "basis": spec.basis,
                  "format_version": report.format_version}
            if slot is not None:
                ev["actual"] = slot.label
                if slot.heading is report.blocks[-1]:
                    params["detail"] = (f"：第{spec.numeral}部分只有标题“{slot.title}”，全文在此结束，"
                                        "文件可能不完整")
                    ev["truncated"] = True
                else:
                    params["detail"] = f"：第{spec.numeral}部分的标题为“{slot.title}”，无法认定为该部分"
                yield _heading_hit(slot, params=params, evidence=ev, key=f"missing:{spec.id}")
                continue
            k = SPEC_INDEX[spec.id]
            nxt = next((st.by_id[s.id] for s in cat.SECTIONS[k + 1:] if s.id in st.by_id), None)
            lost = untitled_part_five(report, st) if spec.id == "s5" else None
            if lost is not None:  # （一）2024年工作中存在问题的改进情况 between 四 and 六: the title lost, not the part
                params["detail"] = (f"的标题：第四、六部分之间的“{lost}”像是这一部分的内容，只是没有它的标题（网页转存、PDF 转换"
                                    "也会丢失标题，请对照发布原文）")
                ev["untitled_content"] = lost
            if nxt is not None:
                ev["where"] = f"应位于“{nxt.label}”之前"
                yield Hit(block=nxt.heading, start=0, end=len(nxt.heading.text), match=nxt.heading.text, params=params,
                          evidence=ev, key=f"missing:{spec.id}", severity="warning" if lost is not None else None)
            else:
                yield Hit(params=params, evidence=ev, key=f"missing:{spec.id}")


class SectionOrderOptions(KindOptions):
    check_unnumbered: bool = Field(default=True, description="是否报告没有序号的部分标题")


@register
class SectionOrder(Kind[SectionOrderOptions]):
    """The six parts out of order, wrongly numbered, or unnumbered."""

    name = "section-order"
    Options = SectionOrderOptions
    params = frozenset({"problem"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st = analyse(report)
        if not unified_or_cut(report, st):
            return
        canon = [s for s in st.mains if s.id is not None and st.by_id.get(s.id) is s]
        if not canon:
            return
        idx = [_position(s) for s in canon]
        keep = rs.in_order_positions(idx)
        in_order = [s for i, s in enumerate(canon) if i in keep]
        skip: set[int] = set()
        for i, s in enumerate(canon):
            if i in keep:
                continue
            k = _position(s)
            before = [x for x in in_order if _position(x) < k]
            after = [x for x in in_order if _position(x) > k]
            if before and after:
                where = f"应排在“{before[-1].label}”之后、“{after[0].label}”之前"
            elif before:
                where = f"应排在“{before[-1].label}”之后"
            else:
                where = f"应排在“{after[0].label}”之前" if after else "应排在最前"
            prev_doc = canon[i - 1] if i > 0 else None
            actual = f"位于“{prev_doc.label}”之后" if prev_doc else "位于最前"
            # the in-order parts it jumped over: their numerals were shifted by the move
            h = s.heading.index
            lo = after[0].heading.index if after and after[0].heading.index < h else h
            hi = before[-1].heading.index if before and before[-1].heading.index > h else h
            jumped = [x for x in in_order if lo <= x.heading.index <= hi]
            skip.update(id(x) for x in jumped)
            problem = f"“{s.label}”的位置不对，{where}"
            spec_num = _spec(s).numeral
            if s.numeral != spec_num or any(x.number != _position(x) + 1 for x in jumped):
                problem += "，调整后各部分应依次编号为“一、”至“六、”"
            yield _heading_hit(
                s, params={"problem": problem},
                evidence={"expected": where, "actual": actual, "section_id": s.id,
                          "canonical_order": [_spec_label(x) for x in cat.SECTIONS]},
                key=f"order:{s.id}")
        # numbering of the sections that are in order, grouped into runs with the same error
        groups: list[list[Section]] = []
        cur_off: object = 0
        for s in in_order:
            if id(s) in skip:
                cur_off = 0
                continue
            exp = _position(s) + 1
            off: object = "none" if s.number is None else s.number - exp
            if off == 0 or (off == "none" and not self.options.check_unnumbered):
                cur_off = 0
                continue
            if groups and off == cur_off:
                groups[-1].append(s)
            else:
                groups.append([s])
            cur_off = off
        # every part's title without its numeral in the text of a web page (a .txt or .html copy): the page may number
        # them by a list or a style, which a copy of its text does not keep — said so, and a warning
        copied = report.document.format in ("text", "html") and all(x.number is None for x in canon)
        for g in groups:
            yield self._numbering_hit(st, g, copied)

    def _numbering_hit(self, st: Structure, g: list[Section], copied: bool = False) -> Hit:
        first = g[0]
        exps = [_spec(s).numeral for s in g]
        fixes = []
        arabic = [_arabic_span(s.heading) for s in g]
        for s, e, a in zip(g, exps, arabic):
            if s.heading.kind == "list_item":
                continue  # (its number is the list's marker, not in the item's text: no edit can mend it)
            if s.number is None and a is not None:  # 1.总体情况: the Arabic numeral and its mark replaced
                fixes.append(FixEdit(s.heading, a[0], a[1], f"{e}、"))
            elif s.number is None:
                p = _title_start(s.heading)  # (a title that kept the 、 of its lost numeral gets the numeral alone)
                fixes.append(FixEdit(s.heading, p, p, e if s.heading.text.startswith("、", p) else f"{e}、"))
            else:
                span = _numeral_span(s.heading)
                if span:
                    fixes.append(FixEdit(s.heading, span[0], span[1], e))
        if first.number is None:
            label, how, desc = first.title, "没有序号", "补上序号"
            if arabic[0] is not None:
                written = first.heading.text[arabic[0][0]:arabic[0][1]].strip()
                label, how, desc = f"{written}{first.title}", "用了阿拉伯数字序号", "改正序号"
            elif first.heading.kind == "list_item":
                how, desc = "写成了编号列表的项目（1. 2. …；Word 的自动编号转换为 Markdown 后常是这样）", "改正序号"
            if len(g) == 1:
                problem = f"部分标题“{label}”{how}，应为“{exps[0]}、{first.title.removeprefix('、')}”"
            else:
                problem = f"“{label}”等{len(g)}个部分标题{how}，应依次编为“{exps[0]}、”至“{exps[-1]}、”"
            lost = copied and how == "没有序号"
            if lost:
                problem += ("（各部分标题都没有序号：网页若用列表或样式自动编号，转存的文字中就没有序号，"
                            "请对照发布原文核实）")
        else:
            lost = False
            off = first.number - _position(first) - 1
            cause = self._cause(st, first, off)
            if len(g) == 1:
                problem = f"“{first.label}”的序号错误，应为“{exps[0]}、”{cause}"
            else:
                problem = (f"从“{first.label}”起，{len(g)}个部分的序号整体{'后移' if off > 0 else '前移'}了"
                           f"{abs(off)}位，应依次为“{exps[0]}、”至“{exps[-1]}、”{cause}")
            desc = "改正序号"
        ev: dict[str, Any] = {"expected": [f"{e}、{s.title.removeprefix('、')}" for s, e in zip(g, exps)],
              "actual": [s.label for s in g], "sections": [s.id for s in g]}
        if len(g) == 1:
            ev["expected"], ev["actual"] = ev["expected"][0], ev["actual"][0]
        return _heading_hit(first, params={"problem": problem}, evidence=ev,
                            severity="warning" if first.number is None and lost else None,
                            key="numbering:" + ",".join(f"{s.id}={s.numeral}" for s in g),
                            about=tuple(f"block:{s.heading.index}" for s in g),  # (DL908's heading lost its number)
                            fix=fixes or None, fix_description=desc, fix_safe=False)

    @staticmethod
    def _cause(st: Structure, first: Section, off: int) -> str:
        idx = first.heading.index
        if off > 0:
            extra = [s for s in st.extras if s.heading.index < idx]
            if extra:
                return f"（前面多出了“{extra[-1].label}”）"
        elif off < 0:
            k = _position(first)
            missing = [_spec_label(s) for s in cat.SECTIONS[:k] if s.id not in st.by_id and s.id not in st.slots]
            if missing:
                return f"（前面缺少{_quote_labels(missing)}）"
        return ""


# part 一's numbered title ending a line after a page's own words (``2022年01月25日 来源: 上海普陀一、总体情况``: the
# portal's byline and the heading run together in a copy), where no heading was seen
_GLUED_FIRST = re.compile("一\\s*[、.．]\\s*(?:" + "|".join(re.escape(t) for t in (cat.SECTIONS[0].title, "总体概况"))
                          + ")\\s*$", re.M)


# … or its title as a list item (- 总体情况: a copy that made the numbered part titles bullets)
_BULLETED_FIRST = re.compile("^[-•·●*]\\s*(?:" + "|".join(re.escape(t) for t in (cat.SECTIONS[0].title, "总体概况"))
                             + ")\\s*$", re.M)


def _glued_first_part(report: AnnualReport) -> bool:
    return any(_GLUED_FIRST.search(b.text) for b in report.text_blocks[:OPENING_BLOCKS])


def _bulleted_first_part(report: AnnualReport) -> bool:
    return any(_BULLETED_FIRST.search(b.text) for b in report.text_blocks[:OPENING_BLOCKS])


# a sub-title of the unified format's part 一 ((一)持续深化主动公开, (二)依申请公开情况): in an excerpt cut before part 二
# whose part 一 title was lost, the sign of a unified report
_PART_ONE_ITEM = re.compile(r"^\s*[（(][一二三四五][）)][^。，；\n]{0,12}(?:主动公开|依申请公开|政府信息管理|平台建设|监督保障)", re.M)


def _part_one_items(report: AnnualReport) -> bool:
    return any(_PART_ONE_ITEM.search(b.text) for b in report.text_blocks[:OPENING_BLOCKS * 2])


class NonUnifiedFormatOptions(KindOptions):
    min_unknown_sections: int = Field(
        default=2, ge=1, description="至少有几个无法对应统一格式的一级标题（且有正文），才认定为自由行文的报告")
    min_chars: int = Field(
        default=300, ge=0, description="完全没有一级标题时，正文至少多少字才认定为自由行文的报告")


@register
class NonUnifiedFormat(Kind[NonUnifiedFormatOptions]):
    """A report for 2019 or later written as free text instead of the unified format."""

    name = "non-unified-format"
    Options = NonUnifiedFormatOptions
    params = frozenset({"format_name", "missing_sections", "missing_tables", "note"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st = analyse(report)
        if not st.applies or st.unified:
            return
        if not report.candidate.plausible:
            return  # no sign of a report the tool can read (traditional script …): DL005 says the format was not checked
        unknown = [s for s in st.mains if s.id is None and any(
            b.kind in ("paragraph", "list_item", "table", "heading") for b in st.body(s))]
        numbered = [s for s in st.mains if s.number is not None]
        portal = report.portal
        prose = sum(len(b.text) for b in report.text_blocks if not portal.is_line(b))  # (a page's lists of links: not)
        complete = (len(unknown) >= self.options.min_unknown_sections or len(st.by_id) >= 4
                    or (not numbered and prose >= self.options.min_chars))
        old = declared_old_parts(report) if report.truncation is not None or not complete else []
        # (a copy whose first part is the format's own 一、总体情况 — the old format began with 概述 — is a unified
        # report whose opening still lists the old parts: not reported from that list)
        if old and report.attachment_page is None and not declares_unified_parts(report) and not (
                (s1 := st.by_id.get("s1")) is not None and "总体" in s1.label):
            yield from self._old_parts(report, old)  # a cut copy whose opening lists the old format's parts
            return
        # (the part titles made bullets by a copy, - 总体情况: the tool cannot tell the parts apart — not free text)
        if (not complete or cut_by_reader(report) or report.attachment_page is not None or _bulleted_first_part(report)
                or (report.truncation is not None and not read_past_tables(report, st)
                    and (report.stats or report.truncation.where == "pages" or st.by_id
                         or declares_unified_parts(report) or _glued_first_part(report) or _part_one_items(report)))):
            return  # looks like a truncated copy of a unified report (or the tool read only its beginning; or it is
            # cut off and has the format's statistics tables, one of its parts, or lists the format's parts in its
            # opening), or the report is in the page's attachment (DL002)
        unchecked = report.unchecked_parts  # (cut in 五/六, or begun at 三)
        missing = [_spec_label(s) for s in st.missing if s.id not in unchecked]
        lost = {sid for sid, _ in lost_tables(report)}  # (a text copy that lost them: DL002's)
        missing_tables = [sid for sid in TABLE_SECTIONS if not st.tables.get(sid) and sid not in unchecked | lost]
        if not missing and not missing_tables:
            return  # cut before anything the format asks for could be seen (DL002 says so)
        fv = report.format_version
        parts = []
        if missing:
            parts.append(f"未找到规定的{_quote_labels(missing)}部分" if len(missing) == 1
                         else f"未找到规定的{_quote_labels(missing)}{len(missing)}个部分")
        if missing_tables:
            nums = "、".join(cat.SECTION_BY_ID[sid].numeral for sid in missing_tables)
            parts.append(f"缺少第{nums}部分的统计表")
        found = list(dict.fromkeys(s.label for s in st.sections))
        if found and missing:  # what the report has in their place (工作总结's parts: 一、…完成情况及成效 二、存在的不足…)
            shown = "".join(f"“{x if len(x) <= 24 else x[:23] + '…'}”" for x in found[:6]) + "等" * (len(found) > 6)
            parts.append(f"报告自己的部分是{shown}")
        format_name = cat.FORMAT_NAMES.get(fv or "", fv)
        missing_table_names = [f"{cat.SECTION_BY_ID[s].numeral}、{cat.TABLE_TITLES[s]}" for s in missing_tables]
        ev = {
            "expected": format_name,
            "actual": "未采用统一格式（自由行文）",
            "format_version": fv, "year": report.year, "year_source": report.year_source,
            "missing_sections": missing,
            "missing_tables": missing_table_names,
            "found_sections": found,
        }
        cut = report.truncation is not None and bool(report.truncation.unchecked)
        late = bool(unchecked) and rs.late_start(report) is not None  # (begun at 三: the parts before it are not in the file)
        note = inferred_note(report) + ("；文件在中途结束，此后的内容未检查" if cut else "") + (
            "；文件不是从头开始，前面的部分不在本文件中，没有检查" if late else "")
        params = {"format_name": format_name, "missing_sections": "；".join(parts),
                  "missing_tables": "、".join(missing_table_names), "note": note}
        b = report.title_block or (report.text_blocks[0] if report.text_blocks else None)
        severity: Literal["warning"] | None = "warning" if note else None
        yield Hit(block=b, start=0 if b else None, end=len(b.text) if b else None, match=b.text if b else None,
                  params=params, evidence=ev, key="non-unified", severity=severity, about=("report-format",))

    @staticmethod
    def _old_parts(report: AnnualReport, old: list[str]) -> Iterator[Hit]:
        """The opening lists the old format's parts (概述, 收费及减免 …) and the copy shows no more: a warning."""
        fv = report.format_version
        format_name = cat.FORMAT_NAMES.get(fv or "", fv)
        listed = "".join(f"“{x}”" for x in old)
        params = {"format_name": format_name, "missing_tables": "",
                  "missing_sections": f"开头列出的部分（{listed}）是统一格式以前的写法，不是统一格式的六个部分",
                  "note": "；文件在中途结束或只有开头，其余内容未检查，请对照完整的报告" + inferred_note(report)}
        ev = {"expected": format_name, "actual": "开头列出的是旧式的部分", "format_version": fv, "year": report.year,
              "year_source": report.year_source, "declared_old_parts": old}
        b = next((x for x in report.text_blocks[:OPENING_BLOCKS] if all(n in x.text for n in old)), None)
        yield Hit(block=b, start=0 if b else None, end=len(b.text) if b else None, match=b.text if b else None,
                  params=params, evidence=ev, key="non-unified", severity="warning", about=("report-format",))


_DEFAULT_EMPTY = ["无", "暂无", "没有", "无问题", "暂无问题", "无相关情况", "暂无相关情况", "本年度无", "本年无",
                  "不存在", "无此情况", "空", "略", "无存在问题", "暂无存在问题", "没有问题", "无需改进"]
_SUBTITLE_WORDS = ("问题", "不足", "改进", "整改", "措施", "情况", "打算", "计划", "方向", "举措", "思路",
                   "事项", "难点")


_TITLE_THEN_TEXT = re.compile(r"^(\S{2,40}?)(?:\s*[：:]\s*|\s+)(\S.*)$", re.S)


def heading_rest(sec: Section) -> str:
    """The text after the part's title on its heading's own line (``一、总体情况：2023年，本局…``, ``总体情况 本局…``:
    a short line the section recogniser took as a heading whose title ran on), or ``""``.  Taken only when the words
    before the colon or space are that part's title by themselves (a letter-spaced title ``总 体 情 况`` has no run of
    two characters before its first space)."""
    m = _TITLE_THEN_TEXT.match(sec.title)
    if m is None or cat.match_section(m.group(1))[0] is not sec.spec:
        return ""
    return m.group(2)


class EmptySectionOptions(KindOptions):
    section: Literal["s1", "s2", "s3", "s4", "s5", "s6"] = Field(
        default="s5", description="检查哪一部分（s1…s6，对应一至六）")
    min_chars: int = Field(default=10, ge=1, description="去掉标点、空白和小标题后，正文少于多少字视为过短")
    empty_phrases: list[str] = Field(default_factory=lambda: list(_DEFAULT_EMPTY),
                                     description="等同于“没有内容”的写法（去掉标点后整段等于其中之一）")


@register
class EmptySection(Kind[EmptySectionOptions]):
    """A part (by default 五、存在的主要问题及改进情况) that is empty, trivially short, or just “无”."""

    name = "empty-section"
    Options = EmptySectionOptions
    params = frozenset({"section", "problem", "basis"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._empty = {PUNCT.sub("", p) for p in options.empty_phrases}
        # a line that holds this many characters but punctuation is content (no sub-title, no empty phrase)
        self._enough = max(options.min_chars, 15, *(len(e) + 1 for e in self._empty))

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st = analyse(report)
        sec = st.by_id.get(self.options.section)
        if sec is None or sec.id in report.unchecked_parts:
            return
        content: list[str] = []
        total = 0
        real = False  # a content line other than an empty phrase
        min_chars = self.options.min_chars
        rest = heading_rest(sec)
        texts: list[str | Block] = [rest, *st.body(sec)] if rest else list(st.body(sec))
        for b in texts:
            if isinstance(b, str):
                text = b  # the part's text on its heading's own line (一、总体情况：2023年，本局…)
            elif b.kind not in ("heading", "paragraph", "list_item", "table", "html", "image"):
                continue
            elif b.kind == "html" and "<table" not in b.text.lower():
                text = re.sub(r"<[^>]+>", "", b.text)
            else:
                text = b.text
            raw = EMPHASIS.sub("", text).strip().lstrip("#").strip()
            body = LEAD_NUMBER.sub("", raw, count=1)
            if plain_at_least(body, self._enough):
                return  # (content: its whole text not stripped)
            plain = PUNCT.sub("", body)
            if not plain:
                continue
            if (len(plain) <= 14 and not re.search(r"[。；;，,]", body)
                    and any(w in plain for w in _SUBTITLE_WORDS) and plain not in self._empty):
                continue  # a sub-title such as （一）存在的主要问题
            content.append(plain)
            total += len(plain)
            if not real and plain not in self._empty:
                real = True
            if real and total >= min_chars:
                return  # long enough and not only empty phrases: more lines can only add to both (the rest unread)
        spec = sec.spec
        if not content:
            problem, actual = "内容为空", ""
        elif all(c in self._empty for c in content):
            problem, actual = f"只写了“{content[0]}”", "".join(content)
        elif total < min_chars:
            problem, actual = f"内容过短（去掉标点后仅{total}字）", "".join(content)
        else:
            return
        yield _heading_hit(
            sec, params={"section": sec.label, "problem": problem, "basis": (
                _OLD_BASIS.get(spec.id if spec else "", "2019年修订前的《条例》第三十二条") if report.format_version == "legacy"
                else spec.basis if spec else "《条例》第五十条")},
            evidence={"expected": f"如实说明{spec.title if spec else sec.title}（不少于{self.options.min_chars}字，不能仅写“无”）",
                      "actual": actual, "chars": total, "section_id": sec.id},
            key=f"empty:{sec.id}")


# the article of the 《条例》 before its 2019 revision a report of 2018 or before answers to (第三十二条)
_OLD_BASIS = {"s5": "2019年修订前的《条例》第三十二条第（五）项", "s6": "2019年修订前的《条例》第三十二条第（六）项"}
# a part's text that says its table is an attachment: 具体情况详见附件1, 见附件2, 附后 …
_ATTACHED = re.compile(r"(?:详见|参见|请见|见)(?:本报告)?附件\s*[0-9一二三四五六七八九十]*|附件\s*[0-9一二三四五六七八九十]+[.．、：:]?[^。\n]{0,20}?统计表")


class MissingTableOptions(KindOptions):
    accept_images: bool = Field(default=True, description="单独一行的图片视为以图片形式发布的统计表")
    min_flat_labels: int = Field(default=3, ge=1,
                                 description="逐格成行的纯文本中，至少出现几个本表的栏目名才视为有表")


@register
class MissingTable(Kind[MissingTableOptions]):
    """Parts 二, 三 and 四 of a unified-format report without their statistics table."""

    name = "missing-table"
    Options = MissingTableOptions
    params = frozenset({"section", "table", "basis", "note"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st = analyse(report)
        if not unified_or_cut(report, st):
            return
        cut = report.unchecked_parts
        lost: set[str] | None = None
        for sid in TABLE_SECTIONS:
            sec = st.by_id.get(sid)
            if sec is None or sid in cut:
                continue
            if report.stats.get(sid) is not None or sid in report.unread_tables:
                continue  # read as a table, or there and unreadable (table-unreadable, DL001, says so)
            if has_table(st.body(sec), sid, self.options.accept_images, self.options.min_flat_labels):
                continue
            if lost is None:
                lost = {s for s, _ in lost_tables(report)}
            if sid in lost:
                continue  # a text copy with nothing under the part's title: the copy lost the table (DL002 says so)
            spec = cat.SECTION_BY_ID[sid]
            attached = next((m for b in st.body(sec) if (m := _ATTACHED.search(b.text)) is not None), None)
            # (published as an attachment this file does not hold: said, not judged)
            note = f"（正文写“{attached.group(0)}”：表格以附件发布，本工具未读取、未检查附件中的表格，请人工核对）" if attached else ""
            yield _heading_hit(
                sec, params={"section": sec.label, "table": cat.TABLE_TITLES[sid], "basis": spec.basis, "note": note},
                evidence={"expected": f"“{cat.TABLE_TITLES[sid]}”统计表",
                          "actual": "表格以附件发布，未读取" if attached is not None else "未找到表格",
                          "section_id": sid, "format_version": report.format_version},
                severity="warning" if attached is not None else None, key=f"table:{sid}")


@register
class NonstandardSectionTitle(Kind[KindOptions]):
    """A part recognised only by its key words, not by the canonical title or a known variant."""

    name = "nonstandard-section-title"
    Options = KindOptions
    params = frozenset({"actual", "expected"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st, cut = analyse(report), report.truncation  # (an excerpt cut early: judged when a part has the format's title)
        if not (st.applies and (st.unified or (cut is not None and any(s.quality == "exact" for s in st.by_id.values())))):
            return
        for spec in cat.SECTIONS:
            sec = st.by_id.get(spec.id)
            if sec is None or sec.quality != "keywords":
                continue
            if cut is not None and cut.block is sec.heading:
                continue  # the file ends in this title (四、政府信息公开行政复议、行政诉讼…): cut, DL002 says so
            text = sec.heading.text
            p = text.find(sec.title)
            fix = [FixEdit(sec.heading, p, p + len(sec.title), spec.title)] if p >= 0 else None
            yield _heading_hit(
                sec, params={"actual": sec.title, "expected": spec.title},
                evidence={"expected": spec.title, "actual": sec.title, "section_id": spec.id,
                          "variants": list(spec.variants)},
                key=f"title:{spec.id}:{sec.title}", fix=fix, fix_description=f"改为规范标题“{spec.title}”",
                fix_safe=False)


@register
class SectionTitleTypo(Kind[KindOptions]):
    """A part whose title is one or two characters off its official title (catalogue.typo_of).

    The part is recognised as that part (quality ``typo``); ``nonstandard-section-title`` reports only
    titles recognised by their key words, so the same title is never reported by both."""

    name = "section-title-typo"
    Options = KindOptions
    params = frozenset({"actual", "expected"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st = analyse(report)
        if not (st.applies and st.unified):
            return
        for spec in cat.SECTIONS:
            sec = st.by_id.get(spec.id)
            if sec is None or sec.quality != "typo" or getattr(report.truncation, "block", None) is sec.heading:
                continue  # (…行政诉讼情 at the file's end: a title cut off, DL002's, no slip)
            typo = cat.typo_of(sec.title)
            official = typo[1] if typo is not None else spec.title
            text = sec.heading.text
            p = text.find(sec.title)
            start, end = (p, p + len(sec.title)) if p >= 0 else (0, len(text))
            yield Hit(block=sec.heading, start=start, end=end, match=text[start:end],
                      params={"actual": sec.title, "expected": official},
                      evidence={"expected": official, "actual": sec.title, "section_id": spec.id},
                      key=f"typo:{spec.id}:{sec.title}",
                      fix=[FixEdit(sec.heading, start, end, official)] if p >= 0 else None,
                      fix_description=f"改为规范标题“{official}”", fix_safe=False)


@register
class ExtraSection(Kind[KindOptions]):
    """A top-level part that is none of the six (e.g. 六、下一年度工作计划 inserted before 其他需要报告的事项)."""

    name = "extra-section"
    Options = KindOptions
    params = frozenset({"actual", "where", "advice"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st = analyse(report)
        if not (st.applies and st.unified):
            return
        for sec in st.extras:
            prev = [s for s in st.mains if s.id is not None and s.heading.index < sec.heading.index]
            where = f"（位于“{prev[-1].label}”之后）" if prev else "（位于各规定部分之前）"
            advice = _TOPIC_ADVICE if rs.overview_topic(st, sec) else _MERGE_ADVICE
            yield _heading_hit(
                sec, params={"actual": sec.label, "where": where, "advice": advice},
                evidence={"expected": [_spec_label(s) for s in cat.SECTIONS], "actual": sec.label},
                key=f"extra:{sec.title}")


_MERGE_ADVICE = "相关内容宜并入规定部分（如“五、存在的主要问题及改进情况”或“六、其他需要报告的事项”）"
_TOPIC_ADVICE = ("像是“一、总体情况”的分项（统一格式在总体情况中写主动公开、依申请公开、政府信息管理、平台建设、监督保障等），"
                 "宜改用二级序号（如“（二）”）列在“一、总体情况”之下")


@register
class SubsectionNumberedAsSection(Kind[KindOptions]):
    """Sub-items of a part numbered 一、二、三 like top-level parts instead of （一）（二）（三）."""

    name = "subsection-numbered-as-section"
    Options = KindOptions
    params = frozenset({"parent", "first", "count", "expected"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        st = analyse(report)
        if not (st.applies and st.unified):
            return
        for run in st.subruns:
            first = run.items[0]
            fixes = []
            for s in run.items:
                span = _numeral_span(s.heading)
                if span and span[2] > span[1]:
                    fixes.append(FixEdit(s.heading, span[0], span[2], f"（{s.numeral}）"))
            n = len(run.items)
            expected = "".join(f"（{_numeral(k)}）" for k in range(1, n + 1)) if n <= 2 else f"（一）至（{_numeral(n)}）"
            yield _heading_hit(
                first, params={"parent": run.parent.label, "first": first.label,
                               "count": f"等{n}项" if n > 1 else "", "expected": expected},
                evidence={"expected": [f"（{s.numeral}）{s.title}" for s in run.items],
                          "actual": [s.label for s in run.items], "parent": run.parent.label},
                key=f"subrun:{run.parent.id or run.parent.title}:{first.title}",
                fix=fixes or None, fix_description="改用二级序号", fix_safe=False)
