"""Kinds of the checks across reports: they find nothing in one report alone.

A rule of one of these kinds is selected, configured and given its severity like any rule (``select``,
``ignore``, ``severity``, ``options``), but its findings come after every file of the run was checked: the
cross-report hook (:mod:`..batch`) reads each report's facts (``FileResult.facts``), compares the reports of one
body across years and the bodies of one kind with each other, and reports with the rule's message, severity and
options.  ``check`` here yields nothing; ``cross_report`` marks the kind (its rule docs' examples are run through
the hook: ``tests/test_cross_rule_docs.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from ..report.annual import AnnualReport
from . import register
from .base import Hit, Kind, KindOptions, NoOptions


class CopyOptions(KindOptions):
    threshold: float = Field(default=0.8, gt=0, le=1,
                             description="与上年报告几乎相同（只有数字不同）的段落所占比例达到此值即报告")
    min_paragraphs: int = Field(default=5, ge=1, description="参与比较的段落少于此数时不按比例判断")
    min_chars: int = Field(default=30, ge=10, description="参与比较的最短段落字数（去掉空白后）")
    min_nonzero: int = Field(default=5, ge=1, description="统计表中本年度的数字完全相同时，至少有这么多个不同的非0数字才报告")
    max_listed: int = Field(default=3, ge=1, description="消息中最多列出几处照搬的段落")


class JumpOptions(KindOptions):
    factor: float = Field(default=10, gt=1, description="与上年相比增减到此倍数以上即提示")
    min_value: int = Field(default=20, ge=1, description="两年中较大的数小于此值时不提示（小数字的倍数没有意义）")


class OutlierOptions(KindOptions):
    min_bodies: int = Field(default=8, ge=4, description="同类机关（同一年度）有此数以上的比率可比时才检查")
    fence: float = Field(default=1.5, gt=0, description="四分位距的倍数：低于 Q1 − fence×IQR 或高于 Q3 + fence×IQR 即提示")
    min_denominator: int = Field(default=5, ge=1, description="比率的分母（办结数、复议数、诉讼数）小于此值的机关不参与")


class KindFigureOptions(KindOptions):
    factor: float = Field(default=100, gt=1, description="乡镇、街道的本年新收申请数达到同批部门中位数的此倍数即提示")
    min_value: int = Field(default=100, ge=1, description="乡镇、街道的本年新收申请数小于此值时不提示")
    min_peers: int = Field(default=3, ge=1, description="同一年度至少有这么多个部门的报告时才比较")


class _NoHits:
    """Nothing in one report alone: the findings come from the cross-report hook."""

    cross_report: ClassVar[bool] = True

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        return iter(())


@register
class CarryOver(_NoHits, Kind[NoOptions]):
    name = "cross-year-carryover"
    params = frozenset({"column", "value", "other", "other_year", "other_value"})


@register
class InForce(_NoHits, Kind[NoOptions]):
    name = "cross-year-in-force"
    params = frozenset({"row", "value", "expected", "other", "other_year", "other_value", "issued", "repealed"})


@register
class CopiedReport(_NoHits, Kind[CopyOptions]):
    name = "cross-year-copy"
    Options = CopyOptions
    params = frozenset({"detail", "other", "other_year"})


@register
class YearJump(_NoHits, Kind[JumpOptions]):
    name = "cross-year-jump"
    Options = JumpOptions
    params = frozenset({"figure", "value", "other", "other_year", "other_value", "ratio"})


@register
class RateOutlier(_NoHits, Kind[OutlierOptions]):
    name = "peer-rate-outlier"
    Options = OutlierOptions
    params = frozenset({"rate", "value", "q1", "median", "q3", "low", "high", "count", "group"})


@register
class KindFigure(_NoHits, Kind[KindFigureOptions]):
    name = "peer-kind-figure"
    Options = KindFigureOptions
    params = frozenset({"value", "median", "count", "ratio"})


@register
class ExpectedMissing(_NoHits, Kind[NoOptions]):
    name = "expected-missing"
    params = frozenset({"children", "count", "other_year"})


@register
class ExpectedDuplicate(_NoHits, Kind[NoOptions]):
    name = "expected-duplicate"
    params = frozenset({"other", "other_year"})


@register
class WholeAreaSum(_NoHits, Kind[NoOptions]):
    name = "expected-whole-area"
    params = frozenset({"column", "value", "other_value", "count", "difference"})


@register
class PreviousNotice(_NoHits, Kind[NoOptions]):
    """DL006: a ``--previous`` report not compared with (wrong year), or compared with a report of another body."""

    name = "previous-notice"
    params = frozenset({"detail", "advice"})
