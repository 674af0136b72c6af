"""Prose arithmetic: a total the text states and the parts it lists must agree.

The sums are report facts (``report.prose_sums``, read by :mod:`disclosure_lint.report.prose_sums`,
whose docstring says which forms are read, which breakdowns are exhaustive and what is skipped).
This kind only decides:

* ``mode: exceeds`` — the parts of a breakdown that is *not* exhaustive add up to more than the total
  (``主动公开政府信息120条，其中政策文件15条，工作动态98条，通知公告30条``: 143 > 120);
* ``mode: exhaustive`` — every category of the breakdown is listed (all six results, both kinds of
  applicant, all four review results …) and the parts do not add up to the total, in either direction.

A sum whose difference is explained by figures the table checks contradict (the total or a part differs from
table 三/四, and with the table's values the sum is right) names those figures in its ``about``
(:func:`~disclosure_lint.report.claim_checks.sum_explanation`); the rule files defer to the table checks
(``covered_by``) with ``about_all``, so when the table checks that run report every such figure the sum is not
reported again (one wrong number, one finding); when only some of them are reported (a rule not selected), the
sum still is.

Each sum is reported by one mode only, so a rule per mode never repeats the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..report.claim_checks import sum_explanation
from ..report.prose_sums import KIND_LABELS, KINDS, ProseSum
from . import register
from .base import Hit, Kind, KindOptions, quoted
from .text_vs_table import sentence_evidence

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport


class ProseSumOptions(KindOptions):
    mode: Literal["exceeds", "exhaustive"] = Field(
        "exceeds", description="exceeds：非穷尽列举时分项之和超过总数；exhaustive：列全了所有类别时分项之和不等于总数")
    breakdowns: list[Literal[KINDS]] = Field(  # type: ignore[valid-type]
        default_factory=lambda: list(KINDS),
        description="核对的分项类别（results 办理结果、applicants 申请人、flow 新收与结转、review 复议结果、"
                    "litigation 诉讼结果、litigation_routes 直接起诉与复议后起诉、disclosed 主动公开信息）")


def _parts_text(s: ProseSum) -> str:
    return "、".join(p.text if p.category == "item" else f"{p.label}{p.number}{p.unit}" for p in s.parts)


def _whole_again(s) -> bool:
    """Does one item of the list equal the (non-zero) total while the others together do not exceed it: the item counts the
    whole again (信息公开目录信息194条 of 194), or the others are its own parts (法定主动公开28条、财政信息3条… of 28)?"""
    total = s.total.number
    numbers = [p.number for p in s.parts]
    if total <= 0 or len(numbers) < 2 or total not in numbers:
        return False
    others = list(numbers)
    others.remove(total)
    return sum(others) <= total


def _unmarked_zero(s: ProseSum) -> bool:
    """A total of 0 with parts after it and no 其中/包括 between them (复议案件10件，诉讼案件0件，结果维持2件…): the
    parts belong to a total before it, not to the 0 — not a contradiction to report."""
    if s.total.number != 0 or s.total_after:
        return False
    between = s.block.text[s.total.end:s.parts[0].start]
    return not any(w in between for w in ("其中", "包括", "包含", "含", "分别"))


@register
class ProseSumKind(Kind[ProseSumOptions]):
    """A total stated in the prose and the parts listed with it do not agree."""

    name = "prose-sum"
    Options = ProseSumOptions
    params = frozenset({"total", "total_number", "parts", "parts_sum", "difference", "relation", "form", "breakdown",
                        "where"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        o = self.options
        wanted = set(o.breakdowns)
        for s in report.prose_sums:
            if s.kind not in wanted or s.difference == 0:
                continue
            if o.mode == "exceeds" and (s.exhaustive or s.difference < 0 or _unmarked_zero(s)):
                continue
            if o.mode == "exceeds" and _whole_again(s):
                continue  # 其中概况类67条，动态127条，目录信息194条 (the total 194): one item counts the whole another way
            if o.mode == "exhaustive" and not s.exhaustive:
                continue
            unit = s.total.unit
            diff = abs(s.difference)
            yield Hit(
                block=s.block, start=s.start, end=s.end,
                params={"total": quoted(s.total.text), "total_number": f"{s.total.number}{unit}", "parts": quoted(_parts_text(s)),
                        "parts_sum": f"{s.parts_sum}{unit}", "difference": f"{diff}{unit}",
                        "relation": "多" if s.difference > 0 else "少", "form": s.form or "",
                        "breakdown": KIND_LABELS[s.kind], "where": "之前" if s.total_after else "之后"},
                evidence={"expected": s.total.number, "actual": s.parts_sum, "difference": s.difference,
                          "total": s.total.text, "breakdown": s.kind, "exhaustive": s.exhaustive,
                          **({"exhaustive_form": s.form} if s.form else {}),
                          "parts": [{"text": p.text, "category": p.category, "number": p.number} for p in s.parts],
                          "sentence": sentence_evidence(s.sentence, s.block, s.start, s.end)},
                key=f"{s.kind}:{s.total.text}:{'+'.join(str(p.number) for p in s.parts)}",
                about=sum_explanation(report, s, o.mode),  # the figures the table checks report, if they explain it
                about_all=True,  # left to the table checks only when they reported every one of those figures
            )
