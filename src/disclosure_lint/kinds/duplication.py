"""Duplication kinds: the same text printed twice in one report.

``repeated-paragraph`` (DL601): a paragraph or list item of some length that
appears again later in the same report.  The later copy is reported and points
at the first one.

``repeated-section`` (DL602): a run of consecutive blocks (a heading with its
body, several paragraphs, a whole body) that repeats an earlier run in the same
order — typically a scraped page where the portal printed the article twice.
One finding per run, from the start of the repeated run to its end.

Both kinds read one analysis of the report, :attr:`AnnualReport.repeats` (:mod:`..report.repeats`: how
blocks are compared, how runs are found); this module decides what to report and says it.

A paragraph inside a run that ``repeated-section`` reports is not also reported by ``repeated-paragraph``
when both run: each finding says which blocks it is about (``block:N``, :attr:`.base.Hit.about`) and the
rule file of DL601 names DL602 in ``covered_by`` (the engine resolves it; this module knows no rule code).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from ..model import Block
from ..report.annual import AnnualReport
from ..report.repeats import TEXT, RunParams
from ..userregex import compile_pattern
from . import register
from .base import Hit, Kind, KindOptions, UserPattern

_WS = re.compile(r"\s+")

# -- helpers -----------------------------------------------------------------------------------

def _where(block: Block, end: bool = False) -> str:
    line = block.end_line if end and block.end_line is not None else block.line
    if line is not None:
        return str(line)
    return block.pointer or f"第{block.index + 1}段"


def _range(first: Block, last: Block, one_line: bool = False) -> str:
    """第a–b行; on text whose line breaks were lost (``one_line``) also the columns: 第1行第12–340列."""
    if first.line is not None and last.line is not None:
        a, b = first.line, last.end_line or last.line
        if one_line and a == b and first.column is not None and last.end_column is not None:
            return f"第{a}行第{first.column}–{last.end_column - 1}列"
        return f"第{a}行" if a == b else f"第{a}–{b}行"
    wa, wb = _where(first), _where(last)
    return wa if wa == wb else f"{wa}至{wb}"


def _at(block: Block, other: Block | None = None) -> str:
    """第n行, with the column when ``other`` (the repeat) sits on the same line (a flattened page)."""
    if block.line is None:
        return _where(block)
    if other is not None and other.line == block.line and block.column is not None:
        return f"第{block.line}行第{block.column}列"
    return f"第{block.line}行"


def _preview(text: str, n: int = 16) -> str:
    t = _WS.sub("", text)
    return t if len(t) <= n else t[:n] + "…"


# -- DL602 -------------------------------------------------------------------------------------

class RepeatedSectionOptions(KindOptions):
    min_chars: int = Field(default=30, ge=1, description="段落或表格达到此字数（规范化后）才算实质内容")
    max_gap: int = Field(default=3, ge=0, le=10, description="重复段内可跳过的不匹配短行数（每侧）")
    gap_chars: int = Field(default=40, ge=0, description="可跳过的不匹配行的最大字数")
    compare_tables: bool = Field(default=True, description="相同的表格也算重复内容")

    def params(self) -> RunParams:
        return RunParams(self.min_chars, self.max_gap, self.gap_chars, self.compare_tables)


HEADER_BLOCKS = 4  # a copy's page header (title, 发布日期 …) is within its first blocks
_HEADER_FIELDS = frozenset({"published", "date", "source", "counter"})
_PAGE_NOTE = ("；两份开头各有门户网站的“发布日期”等栏目，像是网页模板把文章连同页头输出了两遍（例如另有打印版或无障碍版），"
              "读者在网页上未必看到两份，请在发布的网页上核实；第二份中与第一份相同的问题只在第一份处报告一次")


def _page_header(report: AnnualReport, earlier: Block, later: Block) -> bool:
    """Whether each copy begins with the portal's article header (发布日期, 来源, 浏览次数 within its first
    :data:`HEADER_BLOCKS` blocks, or between the copies for the later one): the page printed twice by its template,
    which a reader of the page may or may not see, rather than a clerk who pasted the text twice."""
    portal = report.portal
    if not portal.spans:
        return False
    blocks = report.blocks

    def has(lo: int, hi: int) -> bool:
        return any(x.kind in _HEADER_FIELDS for b in blocks[max(0, lo):hi] for x in portal.in_block(b))

    return has(earlier.index - 1, earlier.index + HEADER_BLOCKS) and has(earlier.index + 1, later.index + HEADER_BLOCKS)


@register
class RepeatedSection(Kind[RepeatedSectionOptions]):
    name = "repeated-section"
    Options = RepeatedSectionOptions
    params = frozenset({"lines", "first_lines", "titles", "blocks", "note"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        an = report.repeats
        heads = {s.heading.index: s.label for s in report.structure.sections}
        for run in an.runs(self.options.params()):
            first, last = run.later
            efirst, elast = run.earlier
            blocks = run.later_blocks()
            titles = [heads[b.index] for b in blocks if b.index in heads]
            if not titles:
                titles = [b.text.strip() for b in blocks if b.kind == "heading"]
            shown = "".join(f"“{t}”" for t in titles[:3])  # no 顿号 between quoted items (GB/T 15834)
            titles_param = ""
            if titles:
                titles_param = f"，包括{shown}" + (f"等{len(titles)}个标题" if len(titles) > 3 else "")
            one_line = first.block.line is not None and first.block.line == (elast.block.end_line or elast.block.line)
            lines = _range(first.block, last.block, one_line)
            first_lines = _range(efirst.block, elast.block, one_line)
            page = _page_header(report, efirst.block, first.block)
            yield Hit(
                block=first.block, start=0, end_block=last.block, match=first.block.text,
                params={"lines": lines, "first_lines": first_lines, "titles": titles_param,
                        "blocks": len(run.pairs), "note": _PAGE_NOTE if page else ""},
                evidence={
                    "expected": "每部分内容只出现一次",
                    "actual": f"{lines}与{first_lines}相同",
                    "line": first.block.line, "end_line": last.block.end_line,
                    "end_column": last.block.end_column,
                    "first_line": efirst.block.line, "first_end_line": elast.block.end_line,
                    "blocks": len(run.pairs), "sections": titles,
                    **({"page_header": True} if page else {}),
                    # the engine leaves out the later copy's findings that repeat the earlier copy's (the page's
                    # template printed the text written once): see engine._fold_echoes
                    **({"echo": {"lines": [first.block.line, last.block.end_line or last.block.line],
                                 "of": [efirst.block.line, elast.block.end_line or elast.block.line]}}
                       if page and first.block.line is not None and efirst.block.line is not None else {}),
                },
                # the page's template, not the report's text, may have printed it twice: not certain enough to
                # be an error (a per-rule severity in the configuration still wins)
                severity="warning" if page else None,
                key=f"run:{first.key[2:42]}",
                about=tuple(f"block:{i}" for i in range(first.block.index, last.block.index + 1)),
            )


# -- DL601 -------------------------------------------------------------------------------------

class RepeatedParagraphOptions(KindOptions):
    min_chars: int = Field(default=30, ge=1, description="段落达到此字数（去掉空白、统一全半角后）才检查")
    ignore: list[UserPattern] = Field(default_factory=list, description="允许重复的段落（正则表达式，匹配段落任意部分）")


_TITLE_WORDS = ("信息公开", "政务公开")


def _title_like(text: str) -> bool:
    t = text.strip()
    return "报告" in t and len(t) <= 80 and not t.endswith("。") and any(w in t for w in _TITLE_WORDS)


@register
class RepeatedParagraph(Kind[RepeatedParagraphOptions]):
    name = "repeated-paragraph"
    Options = RepeatedParagraphOptions
    params = frozenset({"first", "preview", "count"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._ignore = [compile_pattern(p) for p in options.ignore]  # user patterns are time-bounded

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        an = report.repeats
        count: dict[str, int] = {}
        min_chars = self.options.min_chars
        for it in an.items:
            if it.cat != TEXT:
                continue
            count[it.key] = count.get(it.key, 0) + 1
            if count[it.key] < 2 or it.size < min_chars or it.block.kind not in ("paragraph", "list_item"):
                continue
            b = it.block
            if _title_like(b.text) or any(p.search(b.text) for p in self._ignore):
                continue
            first = an.first_of(it)
            if first is None:  # pragma: no cover - count >= 2 means an earlier copy exists
                continue
            sec = report.section_of(first.block)
            yield Hit(
                block=b, start=0, end=len(b.text),
                params={"first": _at(first.block, b), "preview": _preview(b.text), "count": count[it.key]},
                evidence={"first_line": first.block.line, "first_section": sec.label if sec else None,
                          "occurrence": count[it.key], "chars": it.size,
                          "expected": "同一段落只出现一次", "actual": f"第{count[it.key]}次出现"},
                key=f"para:{it.key[2:42]}",
                about=(f"block:{b.index}",),
            )
