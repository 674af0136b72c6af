"""Writing kinds: DL901 doubled text, DL902 enumeration out of sequence, DL903 count without its number,
DL904 a statistics-table label written with a slip, DL905 an opening that lists another number of parts than it says,
DL910 a comma among the 顿号 of a list of parallel words.

The analyses are report facts (:attr:`AnnualReport.doubles`, ``.enumerations``,
``.count_lists``, ``.label_typos``, ``.list_commas`` — see :mod:`disclosure_lint.report.writing`,
:mod:`disclosure_lint.report.enumeration`, :mod:`disclosure_lint.report.stats.label_typos` and
:mod:`disclosure_lint.report.list_commas`);
these kinds only decide what to report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ..page_lines import chrome_or_navigation
from ..report import catalogue as cat
from ..report.annual import AnnualReport
from ..report.catalogue import TABLE_SHORT_NAMES
from ..report.structure import miscounted_parts
from . import register
from .base import CappedOptions, FixEdit, Hit, Kind

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

# The findings of one rule in one file are capped by the engine (``max_findings``, else
# limits.max_findings_per_rule): a text with hundreds of them is not a report with slips.
WritingOptions = CappedOptions


_WHAT = {"mark": "标点", "bracket": "标点", "char": "字", "word": "词语", "clause": "语句", "wrap": "标点"}
_BREAK = {"repeated": "序号重复", "skipped": "序号跳号", "backwards": "序号倒退"}
_BODY_END = re.compile(r"(?:小组|委员会|领导小组|办公室|专班|工作组|中心|指挥部)$")
_CLAUSE_VERB = re.compile(r"下设|负责|由|设在|设立|统筹|牵头|组长|成员|定期|每|及时|先后|共")


def _hit(span, **kw) -> Hit:
    """A hit on a span of a piece (a prose block, or a table cell)."""
    piece = span.piece
    if piece.cell is not None:
        return Hit(block=piece.block, cell=piece.cell, start=span.start, end=span.end, **kw)
    return Hit(block=piece.block, start=piece.base + span.start, end=piece.base + span.end, **kw)


def _short(item: str) -> str:
    """An item as quoted in a message: without a heading run into it (flattened text) or 其中."""
    item = item.split()[-1] if item.split() else item
    return item[2:] if item.startswith("其中") and len(item) > 4 else item


def _context(span, width: int = 6) -> str:
    t = span.piece.text
    return t[max(0, span.start - width):span.end + width]


class DoubledTextOptions(WritingOptions):
    allow: list[str] = Field(default_factory=list,
                             description="不报告的连写（写连写后的全文，如“研究研究”）")
    once_from: int | None = Field(default=None, ge=2,
                                  description="同一个标点的连写在一份报告中出现这么多处以上时只报告第一处，"
                                              "消息给出处数，修复一并删去各处")


@register
class DoubledText(Kind[DoubledTextOptions]):
    name = "doubled-text"
    Options = DoubledTextOptions
    params = frozenset({"unit", "what", "or_comma", "repeated"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        once_from = self.options.once_from
        if once_from is None:
            return self._hits(report)
        return self._once(list(self._hits(report)), once_from)

    @staticmethod
    def _once(hits: list[Hit], once_from: int) -> Iterator[Hit]:
        """``hits`` with a doubled mark found ``once_from`` times or more (a copy's conversion that wrote ,, for every
        comma) given once, at its first place, with the count, and a fix that deletes every one of them."""
        marks = Counter(h.evidence["actual"] for h in hits if h.evidence["doubled"] == "mark")
        first: dict[str, Hit] = {}
        out = []
        for h in hits:
            written = h.evidence["actual"]
            n = marks[written] if h.evidence["doubled"] == "mark" else 0
            if n < once_from:
                h.params["repeated"] = ""
                out.append(h)
                continue
            head = first.get(written)
            if head is None:
                first[written] = h
                h.params["repeated"] = f"（全文共{n}处“{written}”，只报告第一处，修复一并删去各处）"
                h.evidence["count"] = n
                h.fix_independent = True
                out.append(h)
            elif h.fix and head.fix is not None:
                head.fix.extend(h.fix)
        return iter(out)

    def _hits(self, report) -> Iterator[Hit]:
        allow = set(self.options.allow)
        title = report.title_block
        head_end = title.index if title is not None else -1
        sections = report.sections
        body_start = sections[0].heading.index if sections else -1
        for d in report.doubles:
            span = d.span
            if span.text in allow:
                continue
            if span.block.index < head_end or report.portal.is_line(span.block):
                continue  # the page's own words: its header above the title (无障碍浏览无障碍浏览), a catalogue field
            if span.block.index < body_start and span.piece.cell is None and chrome_or_navigation(span.block.text):
                continue  # … or above the first part where no title was found: a navigation item, no sentence
            copy = d.copy_start
            start = span.piece.block_offset(copy)
            if start is not None and span.piece.cell is None and report.portal.covering(span.block, start) is not None:
                continue  # … or a field of the page on the title's line (当前位置： 首页政务公开政府信息公开政府信息公开年报)
            # a body's name twice, the second the subject of the next clause (协调领导小组领导小组下设办公室): maybe a comma
            # left out between them, not a copy to delete
            subject = d.kind == "word" and _BODY_END.search(d.unit) is not None \
                and _CLAUSE_VERB.match(span.piece.text, span.end) is not None
            fix = None
            if start is not None and d.kind == "wrap":  # the inner pair's two marks
                fix = [FixEdit(span.block, start, start + 1, ""), FixEdit(span.block, start + len(span.text) - 3,
                                                                          start + len(span.text) - 2, "")]
            elif start is not None and not subject:
                fix = [FixEdit(span.block, start, start + len(d.unit), "")]
            or_comma = f"；若后一个“{d.unit}”是下一分句的主语，则是前面漏了逗号" if subject else ""
            yield _hit(span, params={"unit": d.unit, "what": _WHAT[d.kind], "or_comma": or_comma},
                       evidence={"expected": d.unit, "actual": span.text, "doubled": d.kind, "certain": d.certain},
                       key=f"{span.text}@{_context(span)}", fix=fix, fix_safe=d.certain,
                       fix_description=f"删去重复的“{d.unit}”")


@register
class EnumerationSequence(Kind[WritingOptions]):
    name = "enumeration-sequence"
    Options = WritingOptions
    params = frozenset({"marker", "previous", "expected", "problem", "should"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        return self._hits(report)

    def _hits(self, report) -> Iterator[Hit]:
        for run in report.enumerations:
            for br in run.breaks:
                if br.kind == "skipped" and _glued_between(report, br):
                    continue
                if _label_piece(br.item.span.block) or _label_piece(br.previous.span.block):
                    continue  # table 三's labels split by a PDF copy: （四）无 / 法提供, （六）其 / 他处理 — no list's items
                untitled = _untitled_between(report, br) if br.kind == "skipped" else None
                if untitled is not None:
                    yield untitled
                    continue
                span = br.item.span
                edits = [_marker_edit(br.item, br.expected)] + [_marker_edit(it, m) for it, m in br.follow]
                fix = None if any(e is None for e in edits) else edits
                problem = _BREAK[br.kind]
                lost = _sentence_without_marker(br) if br.kind == "skipped" else None
                if lost is not None:  # 一是…。线上通过门户网站…。三是…: 三是 may be right, 二是 lost before 线上
                    problem += f"（也可能是上一项之后另起的一句“{lost}……”前漏写了“{br.expected}”，请核对）"
                    fix = None
                describe = f"将“{br.item.marker}”改为“{br.expected}”"
                if br.follow:
                    describe += f"，其后{len(br.follow)}项依次改为" + "、".join(f"“{m}”" for _, m in br.follow)
                evidence = {"expected": br.expected, "actual": br.item.marker, "previous": br.previous_marker,
                            "problem": br.kind}
                if br.follow:
                    evidence["renumbered"] = [{"actual": it.marker, "expected": m} for it, m in br.follow]
                should = f"，应为“{br.expected}”"
                if br.stray is not None:  # 一是…五是…二是: no number of this run belongs here
                    problem, fix = "序号不连贯", None
                    should = (f"，而下一项就是“{br.stray.marker}”：此处的序号不属于这一列（可能是另一列的序号，如前面"
                              "列出的“1.”“2.”之后写成了“五是”），请核对")
                    evidence.update(problem="stray", expected=None, next=br.stray.marker)
                yield _hit(span, params={"marker": br.item.marker, "previous": br.previous_marker,
                                         "expected": br.expected, "problem": problem, "should": should},
                           evidence=evidence,
                           key=f"{br.previous.marker}>{br.item.marker}@{_context(span, 10)}",
                           fix=fix, fix_safe=False, fix_description=describe)


_HALF = str.maketrans("（）．", "().")

# a sentence that opens without a marker (…1000余条。线上通过门户网站…), after a full stop in the item before
_NEW_SENTENCE = re.compile(r"。\s*(?P<s>[\u4e00-\u9fff]{2,8})")


def _sentence_without_marker(br) -> str | None:
    """The opening words of a sentence that starts, with no marker, between a 一是-style item and the item after it that
    skips one number (一是…。线上通过…。三是…), in one block: the skipped item may be that sentence, its marker lost;
    None otherwise."""
    a, b = br.previous, br.item
    if not a.marker.endswith("是") or a.span.piece is not b.span.piece or b.value != (br.previous_value or a.value) + 2:
        return None
    text = a.span.piece.text[a.span.end:b.span.start]
    m = _NEW_SENTENCE.search(text)
    return m.group("s") if m is not None else None

# a line that opens as the items of a sub-title list do, its number left out: 政府信息管理情况。镇政府…
_UNNUMBERED_TITLE = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:情况|建设|管理|保障|公开|工作|监督)[。：:]")


def _untitled_between(report, br) -> Hit | None:
    """The finding for an item numbered one past the next (（二）… / 政府信息管理情况。… / （四）…) when the one line
    between the two items opens as they do, with a sub-title, but without a number: that line lost its （三）, and
    （四） is right — the hit points at the line and its fix writes the number there."""
    a, b = br.previous, br.item
    if b.value != (br.previous_value or a.value) + 2 or b.block.index - a.block.index < 2:
        return None
    between = [x for x in report.blocks[a.block.index + 1:b.block.index] if x.text.strip()]
    if len(between) != 1 or between[0].kind not in ("paragraph", "list_item", "heading"):
        return None
    line = between[0]
    at = len(line.text) - len(line.text.lstrip())
    m = _UNNUMBERED_TITLE.match(line.text, at)
    if m is None or _UNNUMBERED_TITLE.match(a.span.piece.text, a.span.start + len(a.marker)) is None:
        return None  # (the item before opens with a sub-title too: （二）依申请公开情况。…)
    title = m.group()[:-1]
    return Hit(block=line, start=at, end=m.end() - 1,
               params={"marker": "（无序号）", "previous": br.previous_marker, "expected": br.expected,
                       "problem": "序号漏写", "should": f"，应为“{br.expected}”"},
               evidence={"expected": br.expected, "actual": "", "previous": br.previous_marker, "next": b.marker,
                         "problem": "unnumbered", "title": title},
               key=f"{br.previous.marker}>{title}", fix=[FixEdit(line, at, at, br.expected)], fix_safe=False,
               fix_description=f"在“{title}”前加上序号“{br.expected}”")

# table 三's result labels by their numeral: a line that holds the numeral and the first characters of its label only
# (（四）无, （六）其: a PDF copy split the label cell over lines) is a piece of the table, not an item of a list
_RESULT_LABELS = {"一": "予以公开", "二": "部分公开", "三": "不予公开", "四": "无法提供", "五": "不予处理", "六": "其他处理",
                  "七": "总计"}
_LABEL_PIECE = re.compile(r"\s*[（(]([一二三四五六七])[）)]\s*(\S{1,3})\s*")


def _label_piece(block) -> bool:
    m = _LABEL_PIECE.fullmatch(block.text) if len(block.text) <= 12 else None
    if m is None:
        return False
    label = _RESULT_LABELS[m.group(1)]
    return label.startswith(m.group(2)) and m.group(2) != label


_GLUED_REACH = 6  # blocks between two items searched for the one said to be skipped


def _glued_between(report, br) -> bool:
    """Is the marker said to be skipped there, glued to the word before it (…信息公开质量3.努力完善…, …数据统计(二)依申请…:
    a page whose text nodes were joined with nothing), between the two items (in their blocks and the few between)?
    Then the items are in order and the tool did not see the glued one as an item.  So is a 二是 whose numeral a copy
    lost (…信息46649条。是丰富政策解读。三是…: a sentence begins with a bare 是)."""
    a, b = br.previous.span, br.item.span
    start, end = a.piece.block_offset(a.start), b.piece.block_offset(b.start)
    lo, hi = a.block.index, b.block.index
    if start is None or end is None or hi < lo or hi - lo > _GLUED_REACH or (lo == hi and end <= start):
        return False
    parts = []
    for blk in report.blocks:
        if lo <= blk.index <= hi:
            text = blk.text[:end] if blk is b.block else blk.text
            parts.append(text[start + len(br.previous.marker):] if blk is a.block else text)
    between = "\n".join(parts).translate(_HALF)
    expected = br.expected.translate(_HALF)  # (or without its opening bracket, lost in a copy: 二)依申请公开)
    if expected.endswith("是") and _BARE_SHI.search(between):
        return True  # 一是…46649条。是丰富政策解读。…三是: the item's numeral lost in the copy (a sentence begins with 是)
    return expected in between or (expected.startswith("(") and expected[1:] in between)


# a sentence that begins with a bare 是 (not 是否): the numeral of a 二是 lost in a copy
_BARE_SHI = re.compile(r"[。；;！!？?]\s*是(?!否)[\u4e00-\u9fff]")


def _marker_edit(item, marker: str) -> FixEdit | None:
    start = item.span.piece.block_offset(item.span.start)
    return None if start is None else FixEdit(item.span.block, start, start + len(item.marker), marker)


@register
class MissingCount(Kind[WritingOptions]):
    name = "missing-count"
    Options = WritingOptions
    params = frozenset({"item", "unit", "sibling"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        return self._hits(report)

    def _hits(self, report) -> Iterator[Hit]:
        for cl in report.count_lists:
            numbered = [it for it in cl.items if it.has_number]
            for it in cl.missing:
                k = cl.items.index(it)
                near = [cl.items[j] for j in (k - 1, k + 1) if 0 <= j < len(cl.items) and cl.items[j].has_number]
                sibling = _short((near or numbered)[0].span.text)
                span = it.span
                unit_at = span.end - len(cl.unit)
                yield _hit(span, params={"item": span.text, "unit": cl.unit, "sibling": sibling},
                           evidence={"expected": f"{span.text[:unit_at - span.start]}N{cl.unit}",
                                     "actual": span.text, "siblings": [n.span.text for n in numbered]},
                           key=f"{span.text}@{_context(span)}")


def _cell_offset(block, cell) -> int | None:
    """Offset of ``cell``'s text in a table block's text (cells joined by tabs, rows by newlines), or None
    when the block's text is not laid out so (then the finding has no fix rather than a wrong one)."""
    if block is None or block.table is None:
        return None
    off = 0
    for row in block.table.rows:
        for j, c in enumerate(row.cells):
            if c is cell:
                return off if block.text[off:off + len(c.text)] == c.text else None
            off += len(c.text) + (1 if j < len(row.cells) - 1 else 0)
        off += 1
    return None


@register
class TableLabelTypo(Kind[WritingOptions]):
    name = "table-label-typo"
    Options = WritingOptions
    params = frozenset({"table", "written", "official", "edits"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        return self._hits(report)

    def _hits(self, report) -> Iterator[Hit]:
        for t in report.label_typos:
            written = t.written.strip()
            if t.cell is not None:
                k = max(t.cell.text.find(written), 0)
                at = dict(block=t.block, cell=t.cell, start=k, end=k + len(written))
                base = _cell_offset(t.block, t.cell)
                fix = [FixEdit(t.block, base + k, base + k + len(written), t.official)] if base is not None else None
            elif t.start is not None:
                at = dict(block=t.block, start=t.start, end=t.end)
                fix = [FixEdit(t.block, t.start, t.end, t.official)]
            else:
                at = dict(block=t.block)
                fix = None
            yield Hit(**at, params={"table": TABLE_SHORT_NAMES.get(t.table, t.table), "written": written,
                                    "official": t.official, "edits": t.edits},
                      evidence={"expected": t.official, "actual": written, "table": t.table, "row": t.row},
                      match=written, key=f"{t.table}:{t.row}:{written}",
                      fix=fix, fix_safe=False, fix_description=f"将栏目名改为“{t.official}”")


_CN_NUMBER = "零一二三四五六七八九十"


@register
class MiscountedParts(Kind[WritingOptions]):
    """DL905: the opening says the report has N parts and lists another number (:func:`miscounted_parts`)."""

    name = "miscounted-parts"
    Options = WritingOptions
    params = frozenset({"count", "listed", "left_out", "why"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        found = miscounted_parts(report)
        if found is None:
            return
        listed = len(found.listed)
        agrees = listed == found.stated  # (five said and five listed, one of the six left out)
        if agrees and not report.structure.applies:
            return  # (before the unified format, or the year unknown: a report's parts were its own)
        left = [s for s in cat.SECTIONS if s.id not in found.listed] if listed < found.stated or agrees else []
        left_out = "，没有列出" + "、".join(f"“{s.title}”" for s in left) if left else ""
        unit = "个方面" if "方面" in found.count else "个部分"
        shown = ("列出的也是" if agrees else "列出的却是") + _CN_NUMBER[listed] + unit
        # (…、行政复议、行政诉讼、…6个部分: six items, two of them part 四 — not the part's own title with its 、 inside,
        # 政府信息公开行政复议、行政诉讼情况, one item)
        if (found.shared and found.items == found.stated <= 10 and not found.shared[0].startswith(("政府信息公开", "因"))
                and not found.shared[-1].endswith("情况")):
            shown = (f"列出的却是{_CN_NUMBER[found.items]}项（其中" + "".join(f"“{x}”" for x in found.shared)
                     + f"同属统一格式的一个部分，实为{shown[5:]}）")
        why = f"统一格式的年度报告有{_CN_NUMBER[len(cat.SECTIONS)]}个部分" if agrees else "部分数与列举不符"
        yield Hit(block=found.block, start=found.start, end=found.end,
                  params={"count": found.count, "left_out": left_out, "listed": shown, "why": why},
                  evidence={"expected": found.stated, "actual": listed,
                            "listed": [cat.SECTION_BY_ID[s].title for s in found.listed],
                            "left_out": [s.title for s in left]},
                  key=f"parts:{found.count}")


@register
class ListComma(Kind[WritingOptions]):
    """DL910: a comma among the 顿号 of a list of parallel words (:attr:`AnnualReport.list_commas`)."""

    name = "list-comma"
    Options = WritingOptions
    params = frozenset({"list", "mark", "before", "after"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        return self._hits(report)

    def _hits(self, report) -> Iterator[Hit]:
        for lc in report.list_commas:
            piece = lc.piece
            if report.portal.is_line(piece.block):
                continue  # a field of the page, not the report's text
            before, after = lc.pair
            at = piece.block_offset(lc.start)
            fix = [FixEdit(piece.block, at, at + 1, "、")] if at is not None else None
            yield Hit(block=piece.block, start=at, end=at + 1 if at is not None else None,
                      params={"list": lc.quoted, "mark": lc.mark, "before": before, "after": after},
                      evidence={"expected": "、", "actual": lc.mark, "list": lc.quoted, "items": list(lc.items),
                                "ending": lc.ending},
                      match=lc.mark, key=f"{lc.mark}@{lc.quoted}",
                      fix=fix, fix_safe=False, fix_description=f"将“{before}”与“{after}”之间的“{lc.mark}”改为顿号“、”")
