"""Writing kinds: DL901 doubled text, DL902 enumeration out of sequence, DL903 count without its number.

The analyses are report facts (:attr:`AnnualReport.doubles`, ``.enumerations``,
``.count_lists`` — see :mod:`disclosure_lint.report.writing` and
:mod:`disclosure_lint.report.enumeration`); these kinds only decide what to report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from pydantic import Field

from . import register
from .base import FixEdit, Hit, Kind, KindOptions

# At most this many findings of one rule in one file: a text with hundreds of them is not a report
# with slips but something the tool misread (or not a report), and listing them all helps no one.
MAX_FINDINGS = 100


class WritingOptions(KindOptions):
    max_findings: int = Field(default=MAX_FINDINGS, ge=1, description="每个文件最多报告的处数")


def capped(hits: Iterable[Hit], n: int) -> Iterator[Hit]:
    return islice(hits, n)


_WHAT = {"mark": "标点", "bracket": "标点", "char": "字", "word": "词语"}
_BREAK = {"repeated": "序号重复", "skipped": "序号跳号", "backwards": "序号倒退"}


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


@register
class DoubledText(Kind):
    name = "doubled-text"
    Options = DoubledTextOptions
    params = frozenset({"unit", "what"})

    def check(self, report) -> Iterator[Hit]:
        return capped(self._hits(report), self.options.max_findings)

    def _hits(self, report) -> Iterator[Hit]:
        allow = set(self.options.allow)
        for d in report.doubles:
            span = d.span
            if span.text in allow:
                continue
            copy = d.copy_start
            start = span.piece.block_offset(copy)
            fix = None
            if start is not None:
                fix = [FixEdit(span.block, start, start + len(d.unit), "")]
            yield _hit(span, params={"unit": d.unit, "what": _WHAT[d.kind]},
                       evidence={"expected": d.unit, "actual": span.text, "doubled": d.kind, "certain": d.certain},
                       key=f"{span.text}@{_context(span)}", fix=fix, fix_safe=d.certain,
                       fix_description=f"删去重复的“{d.unit}”")


@register
class EnumerationSequence(Kind):
    name = "enumeration-sequence"
    Options = WritingOptions
    params = frozenset({"marker", "previous", "expected", "problem"})

    def check(self, report) -> Iterator[Hit]:
        return capped(self._hits(report), self.options.max_findings)

    def _hits(self, report) -> Iterator[Hit]:
        for run in report.enumerations:
            for br in run.breaks:
                span = br.item.span
                start = span.piece.block_offset(span.start)
                fix = None
                if start is not None:
                    fix = [FixEdit(span.block, start, start + len(br.item.marker), br.expected)]
                yield _hit(span, params={"marker": br.item.marker, "previous": br.previous.marker,
                                         "expected": br.expected, "problem": _BREAK[br.kind]},
                           evidence={"expected": br.expected, "actual": br.item.marker,
                                     "previous": br.previous.marker, "problem": br.kind},
                           key=f"{br.previous.marker}>{br.item.marker}@{_context(span, 10)}",
                           fix=fix, fix_safe=False, fix_description=f"将“{br.item.marker}”改为“{br.expected}”")


@register
class MissingCount(Kind):
    name = "missing-count"
    Options = WritingOptions
    params = frozenset({"item", "unit", "sibling"})

    def check(self, report) -> Iterator[Hit]:
        return capped(self._hits(report), self.options.max_findings)

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
