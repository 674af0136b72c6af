"""Text against table: numbers the prose states, compared with the statistics tables 三 and 四.

The prose side is the report's claims (``report.claims``, read by :mod:`disclosure_lint.report.claims`,
whose docstring says which numbers are read, skipped and scoped); the table side is ``report.metrics``
(the values derived from ``report.stats``, :mod:`disclosure_lint.report.metrics`); how a claim is read against
the table is :mod:`disclosure_lint.report.claim_checks`.  This module decides what to report and says it.  A
claim is compared only when every cell it needs exists and was read (a number, or a blank/placeholder in a
table that has numbers, counted as 0).  The report is never blamed for a table the tool could not read.

**Percentages.**  "占X%" after a result count (or "…的比例为X%") is recomputed from table 三 with
the denominators （七）总计, 新收 + 上年结转 and 新收, at the precision written.  Accepted: rounding
half up (四舍五入) and half even (GB/T 8170 四舍六入五成双).  Truncation is *not* accepted
(4.34% for 35/805 = 4.3478% is flagged), unless the option ``allow_truncation`` is set.  A
percentage that agrees with the prose count (when the count itself disagrees with the table, the
count rule reports it) is not reported twice.  ``公开率`` is accepted as 予以公开 or 予以公开 + 部分公开.

**Scoped shares.**  Counts of one sentence that each name another scope but together make the table's number
(``其中区政府52件，各部门118件，各街道17件`` = 187) are not noted (DL236).

**One finding per wrong number.**  Each finding about one figure says which (``about``:
:func:`~disclosure_lint.report.claim_checks.figure_key`): the prose-sum rules (DL237/DL238) defer to these rules
(``covered_by``) for a sum whose difference the figures they report explain.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Literal

from pydantic import Field

from ..model import Block
from ..report.annual import AnnualReport
from ..report.catalogue import TABLE_SHORT_NAMES
from ..report.claim_checks import disagreements, figure_key, shares_of_the_table
from ..report.claim_context import DEFAULT_SCOPE, SUB_ITEM_LABELS, base_metric, scope_regex
from ..report.claim_keywords import FAMILY_OF, LABELS
from ..report.metrics import PART_COLS, READINGS, TableValue, agrees
from ..report.prose_shares import percent_key
from ..report.stats.model import StatCell
from . import register
from .base import Hit, Kind, KindOptions, PatternList, quoted

# -- kinds ---------------------------------------------------------------------------------------------------

def number_text(d: Decimal) -> int | str:
    """A table value as evidence shows it: an integer when it is one."""
    return int(d) if d == d.to_integral_value() else str(d)


_SENTENCE_LIMIT = 300


def sentence_evidence(sentence: str, block: Block, start: int, end: int) -> str:
    """The sentence of a finding for its evidence; around the finding only when the sentence is very long (text
    whose sentence ends were lost must not repeat a megabyte in every finding)."""
    if len(sentence) <= _SENTENCE_LIMIT:
        return sentence
    text = block.text
    a, b = max(0, start - _SENTENCE_LIMIT // 3), min(len(text), end + _SENTENCE_LIMIT // 3)
    return ("…" if a > 0 else "") + text[a:b] + ("…" if b < len(text) else "")


def cell_evidence(cells: list[StatCell]) -> tuple[list[str], list[dict[str, object]]]:
    """The cells a finding is about: their pointers, and each one's pointer, raw text and line."""
    ptrs, pos = [], []
    for c in {id(c): c for c in cells}.values():
        ptrs.append(c.pointer)
        cell = getattr(c, "cell", None)
        blk = getattr(c, "block", None)
        line = cell.line if cell is not None and cell.line is not None else (blk.line if blk is not None else None)
        pos.append({"pointer": c.pointer, "raw": c.raw, "line": line})
    return ptrs, pos


_TABLE_OF = {"s3flow": TABLE_SHORT_NAMES["s3"], "s3res": TABLE_SHORT_NAMES["s3"], "s4block": TABLE_SHORT_NAMES["s4"], "s4res": TABLE_SHORT_NAMES["s4"]}
_TARGETS = {
    "new": "“一、本年新收政府信息公开申请数量”总计",
    "carried_over": "“二、上年结转政府信息公开申请数量”总计",
    "in_total": "“一、本年新收”与“二、上年结转”总计之和",
    "handled": "“（七）总计”",
    "carried_forward": "“四、结转下年度继续办理”总计",
    "open": "“（一）予以公开”总计",
    "partial": "“（二）部分公开”总计",
    "not_open": "“（三）不予公开”各项总计之和",
    "unavailable": "“（四）无法提供”各项总计之和",
    "not_processed": "“（五）不予处理”各项总计之和",
    "other": "“（六）其他处理”总计",
    "review": "“行政复议”总计",
    "litigation": "“未经复议直接起诉”与“复议后起诉”总计之和",
    "direct": "“未经复议直接起诉”总计",
    "after_review": "“复议后起诉”总计",
}
_BLOCK_NAMES = {"review": "行政复议", "litigation": "行政诉讼", "direct": "未经复议直接起诉",
                "after_review": "复议后起诉"}


_GROUP_NAMES = {"not_open": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理",
                "other": "（六）其他处理"}
_TARGETS.update({m: f"“{_GROUP_NAMES[base_metric(m)]}”“{label}”总计" for m, label in SUB_ITEM_LABELS.items()})


@lru_cache(maxsize=256)  # bounded: chains of keywords make new tuples
def _bases(metrics: tuple[str, ...]) -> frozenset[str]:
    """The groups a claim's metrics belong to (not_open.enforcement_file → not_open): asked by each count rule, per claim."""
    return frozenset(base_metric(m) for m in metrics)


def _target(metrics: tuple[str, ...], s4_block: str | None) -> str:
    if FAMILY_OF[metrics[0]] == "s4res":
        return f"“{_BLOCK_NAMES[s4_block or 'review']}”“{LABELS[metrics[0]]}”"
    if len(metrics) == 1:
        return _TARGETS[metrics[0]]
    return "与".join(_TARGETS[m] for m in metrics) + ("之和" if len(metrics) > 1 else "")


class _Options(KindOptions):
    scope_patterns: PatternList = Field(default_factory=lambda: list(DEFAULT_SCOPE),
                                      description="表示统计口径不同的词（正则表达式）；句中出现时不按矛盾报告")


class CountOptions(_Options):
    metrics: list[str] = Field(default_factory=lambda: list(LABELS), description="本规则核对的正文数字类别")
    scope: Literal["exact", "qualified"] = Field(
        "exact", description="exact：只核对口径相同的数字；qualified：只报告句中有口径限定词、与表格不同的数字")


@register
class TextTableCount(Kind[CountOptions]):
    """A count stated in the prose differs from table 三 or 四."""

    name = "text-table-count"
    Options = CountOptions
    params = frozenset({"claim", "stated", "table", "target", "expected", "note", "qualifier"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        stats = report.stats
        if not stats or ("s3" not in stats and "s4" not in stats):
            return
        wanted = set(self.options.metrics)
        qualified = self.options.scope == "qualified"
        # a part of an applicant breakdown (收到自然人申请50件、法人申请8件，共计58件) is compared with its own
        # column by text-table-applicant-count, not with the 总计 column (their set made at the first claim of this
        # rule's metrics: the rules of this kind share the claims out)
        sums = report.prose_sums
        applicant_parts: set[tuple[int, int]] | None = None
        all_claims = report.claims.read(self.options.scope_patterns).claims
        shares = shares_of_the_table(report.metrics, all_claims) if qualified else set()
        for c in all_claims:
            if c.number is None or (c.scope is not None) != qualified:
                continue
            if wanted.isdisjoint(_bases(c.metrics)) and not (c.ambiguous and "received" in wanted):
                continue
            if applicant_parts is None:
                applicant_parts = {(p.block.index, p.end) for s in sums if s.kind == "applicants" for p in s.parts}
            if (c.block.index, c.end) in applicant_parts or id(c) in shares:
                continue
            bad = disagreements(report.metrics, c)
            if not bad:
                continue
            table = _TABLE_OF[FAMILY_OF[c.metrics[0]]]
            unit = "件" if c.unit == "件次" else c.unit  # the table counts applications, not 件次
            if c.ambiguous and len(bad) == 2:
                (_, a, _), (_, b, _) = bad
                target = f"{_TARGETS['new']}为{number_text(a.value)}{unit}、与“二、上年结转”总计之和"
                expected = f"{number_text(b.value)}{unit}"
                note = "；按“本年新收”和“新收加上年结转”两种理解都不相符"
                cells = b.cells
                notes = a.notes + b.notes
                exp_value: object = f"{number_text(a.value)}（本年新收）或{number_text(b.value)}（新收加上年结转）"
            else:
                parts = []
                for ms, tv, _ in bad:
                    parts.append((_target(ms, c.s4_block), tv))
                target = "、".join(p[0] for p in parts)
                expected = "、".join(f"{number_text(p[1].value)}{unit}" for p in parts)
                cells = [x for p in parts for x in p[1].cells]
                notes = [x for p in parts for x in p[1].notes]
                note = ""
                exp_value = number_text(parts[0][1].value) if len(parts) == 1 else [number_text(p[1].value) for p in parts]
            if notes:
                note += "；" + "；".join(dict.fromkeys(notes))
            ptrs, pos = cell_evidence(cells)
            yield Hit(
                block=c.block, start=c.start, end=c.end,
                params={"claim": quoted(c.text), "stated": f"{c.number}{unit}", "table": table, "target": target,
                        "expected": expected, "note": note, "qualifier": c.scope or ""},
                evidence={"expected": exp_value, "actual": c.number, "claim": c.text,
                          "metric": "+".join(c.metrics) if not c.ambiguous else "new|new+carried_over",
                          **({"readings": ["本年新收", "新收+上年结转"]} if c.ambiguous else {}),
                          "table": table, "cells": ptrs, "cell_positions": pos,
                          "sentence": sentence_evidence(c.sentence, c.block, c.start, c.end),
                          **({"scope_qualifier": c.scope} if c.scope else {}),
                          **({"notes": list(dict.fromkeys(notes))} if notes else {})},
                key=f"{'+'.join(c.metrics)}:{c.number}:{c.text}",
                about=(figure_key(c.block.index, c.end),),
            )


StatementWhat = Literal["upheld", "none_applications", "none_s4", "none_carried"]
_STATEMENTS: tuple[StatementWhat, ...] = ("upheld", "none_applications", "none_s4", "none_carried")


class StatementOptions(_Options):
    statements: list[StatementWhat] = Field(default_factory=lambda: list(_STATEMENTS), description="核对的表述类型")


@register
class TextTableStatement(Kind[StatementOptions]):
    """“均获维持” / “未收到申请” / “未发生行政复议、行政诉讼” contradicted by the tables."""

    name = "text-table-statement"
    Options = StatementOptions
    params = frozenset({"claim", "table", "target", "detail"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        stats = report.stats
        if not stats or not ({"s3", "s4"} & set(stats)):
            return
        wanted = set(self.options.statements)
        metrics = report.metrics
        for st in report.claims.read(self.options.scope_patterns).statements:
            if st.what not in wanted:
                continue
            bad: list[tuple[str, TableValue]]
            if st.what == "none_applications":
                if st.applicants is None:
                    tv = metrics.value("new")
                    target = "“一、本年新收政府信息公开申请数量”总计"
                else:  # 未收到法人或其他组织的申请: that kind's columns
                    tv = metrics.applicant_columns(("new",), PART_COLS[st.applicants])
                    target = f"“一、本年新收政府信息公开申请数量”的{_PART_COL_NAMES[st.applicants]}"
                if tv is None or tv.value <= 0:
                    continue
                bad = [(target, tv)]
                table = TABLE_SHORT_NAMES["s3"]
            elif st.what == "none_carried":
                tv = metrics.value("carried_forward")
                if tv is None or tv.value <= 0:
                    continue
                bad = [("“四、结转下年度继续办理”总计", tv)]
                table = TABLE_SHORT_NAMES["s3"]
            elif st.what == "none_s4":
                totals = [(b, v) for b in st.blocks if (v := metrics.s4_cell(b, "total")) is not None]
                if len(totals) != len(st.blocks):
                    continue
                bad = [(f"“{_BLOCK_NAMES[b]}”总计", v) for b, v in totals if v.value > 0]
                table = TABLE_SHORT_NAMES["s4"]
            else:
                outcomes = [(b, r, v) for b in st.blocks for r in st.outcomes if (v := metrics.s4_cell(b, r)) is not None]
                if len(outcomes) != len(st.blocks) * len(st.outcomes):
                    continue
                names = {"corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}
                bad = [(f"“{_BLOCK_NAMES[b]}”“{names[r]}”", v) for b, r, v in outcomes if v.value > 0]
                table = TABLE_SHORT_NAMES["s4"]
            if not bad:
                continue
            detail = "，".join(f"{t}为{number_text(v.value)}" for t, v in bad)
            cells = [c for _, v in bad for c in v.cells]
            ptrs, pos = cell_evidence(cells)
            expected = {"upheld": "结果纠正、其他结果、尚未审结均为0", "none_applications": "本年新收为0",
                        "none_s4": "复议、诉讼总计为0", "none_carried": "结转下年度继续办理为0"}[st.what]
            yield Hit(
                block=st.block, start=st.start, end=st.end,
                params={"claim": quoted(st.text), "table": table, "target": "、".join(t for t, _ in bad), "detail": detail},
                evidence={"expected": expected, "actual": detail, "claim": st.text, "statement": st.what,
                          "table": table, "cells": ptrs, "cell_positions": pos,
                          "sentence": sentence_evidence(st.sentence, st.block, st.start, st.end)},
                key=f"{st.what}:{st.text}",
            )


class PercentOptions(_Options):
    allow_half_even: bool = Field(True, description="也接受“四舍六入五成双”（GB/T 8170）的修约结果")
    allow_truncation: bool = Field(False, description="也接受直接截去多余位数（如 4.3478% 写作 4.34%）")


def _decimals(d: Decimal) -> int:
    """Digits after the point as written (4.34 → 2; 35 → 0)."""
    exponent = d.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _rounded(exact: Decimal, places: int, mode: str) -> Decimal:
    return exact.quantize(Decimal(1).scaleb(-places), rounding=mode)


def percent_ok(stated: Decimal, num: Decimal, den: Decimal, half_even: bool = True, truncation: bool = False) -> bool:
    if den <= 0:
        return True
    places = _decimals(stated)
    exact = num * 100 / den
    modes = [ROUND_HALF_UP] + ([ROUND_HALF_EVEN] if half_even else []) + ([ROUND_DOWN] if truncation else [])
    return any(_rounded(exact, places, m) == stated for m in modes)


def _quotient_text(exact: Decimal, places: int) -> str:
    """``=50`` when the quotient is exact at two places more than the percentage was written with, else ``≈33.33``
    (no trailing zeros: 50.0000 is 50)."""
    q = exact.quantize(Decimal(1).scaleb(-(places + 2)), rounding=ROUND_HALF_UP)
    text = format(q.normalize(), "f")
    return f"={text}" if q == exact else f"≈{text}"


@register
class TextTablePercentage(Kind[PercentOptions]):
    """A percentage in the prose that is not the table's count over its total, rounded as written."""

    name = "text-table-percentage"
    Options = PercentOptions
    params = frozenset({"claim", "stated", "formula", "expected"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        stats = report.stats
        if not stats or "s3" not in stats:
            return
        o = self.options
        metrics = report.metrics
        candidates = [("（七）总计", metrics.value("handled")), ("新收与上年结转之和", metrics.value("in_total")),
                      ("本年新收", metrics.value("new"))]
        dens = [(name, tv) for name, tv in candidates if tv is not None and tv.value > 0]
        if not dens:
            return
        for c in report.claims.read(o.scope_patterns).claims:
            if c.percent is None or c.scope is not None or FAMILY_OF[c.metrics[0]] != "s3res":
                continue
            if c.combine == "each":
                continue
            tv = metrics.total(c.metrics)
            if tv is None:
                continue
            stated = c.percent[0]
            nums = [tv.value] + ([Decimal(c.number)] if c.number is not None else [])
            for alt in c.percent_readings:  # 公开率: 予以公开, or 予以公开 and 部分公开
                av = metrics.total(alt)
                nums += [av.value] if av is not None else []
            if any(percent_ok(stated, n, d.value, o.allow_half_even, o.allow_truncation)
                   for n in nums for _, d in dens):
                continue
            den_name, den = dens[0]
            places = _decimals(stated)
            exact = tv.value * 100 / den.value
            exp = _rounded(exact, places, ROUND_HALF_UP)
            formula = (f"{number_text(tv.value)}÷{number_text(den.value)}（分母为“{den_name}”）"
                       f"{_quotient_text(exact, places)}%")
            pct_text = c.block.text[c.percent[1]:c.percent[2]]
            ptrs, pos = cell_evidence(tv.cells + den.cells)
            yield Hit(
                block=c.block, start=c.start, end=c.percent[2],
                params={"claim": quoted(c.block.text[c.start:c.percent[2]]), "stated": f"{stated}%", "formula": formula,
                        "expected": f"{exp}%"},
                evidence={"expected": f"{exp}%", "actual": f"{stated}%", "numerator": number_text(tv.value),
                          "denominator": number_text(den.value), "denominator_row": den_name, "claim": c.text,
                          "percent_text": pct_text, "cells": ptrs, "cell_positions": pos,
                          "sentence": sentence_evidence(c.sentence, c.block, c.start, c.percent[2]),
                          "rounding": "四舍五入" + ("或四舍六入五成双" if o.allow_half_even else "")},
                key=f"pct:{'+'.join(c.metrics)}:{stated}:{pct_text}",
                about=(percent_key(c.block.index, c.percent[2]),),  # DL248 leaves this percentage to it
            )


# -- applicant breakdowns ---------------------------------------------------------------------------------

_PART_COL_NAMES = {"natural_person": "“自然人”栏", "org": "“法人或其他组织”五栏之和", "commercial": "“商业企业”栏",
                   "research": "“科研机构”栏", "social_welfare": "“社会公益组织”栏",
                   "legal_service": "“法律服务机构”栏", "other_org": "“其他”栏", "total": "“总计”栏"}
_ROW_NAMES = {("new",): "“一、本年新收政府信息公开申请数量”", ("result.total",): "“（七）总计”",
              ("new", "carried_over"): "“一、本年新收”与“二、上年结转”之和"}
_APPLICANT_WORD = re.compile(r"^(?:自然人|企业|公民|法人)")


@register
class TextTableApplicant(Kind[_Options]):
    """A total broken down by applicant, and each of its parts, compared with the columns of table 三."""

    name = "text-table-applicant-count"
    Options = _Options
    params = frozenset({"claim", "target", "note"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        metrics = report.metrics
        if metrics.readable("s3") is None:
            return
        pats = self.options.scope_patterns
        scope = scope_regex(pats)
        covered = {(c.block.index, c.end) for c in report.claims.read(pats).claims if c.number is not None}
        scoped: dict[int, list[tuple[int, int]]] = {}  # per block: spans of scope words other than an applicant's
        for s in report.prose_sums:
            readings = READINGS.get(s.total.category)
            if s.kind != "applicants" or readings is None:
                continue
            if scope is not None:
                spans = scoped.get(s.block.index)
                if spans is None:
                    spans = scoped[s.block.index] = [
                        m.span() for m in scope.finditer(report.own_name_masker(s.block.text))
                        if not _APPLICANT_WORD.match(m.group(0))]
                i = bisect_left(spans, (s.sentence_start, -1))
                if i < len(spans) and spans[i][1] <= s.end:
                    continue  # 全区…其中自然人: another scope (the claim reader's DL236 territory)
            figures = [(p, p.category) for p in s.parts]
            if (s.block.index, s.total.end) not in covered:  # DL230 compares a total it has read
                figures.insert(0, (s.total, "total"))
            for fig, col in figures:
                vals = [(rows, metrics.applicant_columns(rows, PART_COLS.get(col, ("total",)))) for rows in readings]
                if any(v is None for _, v in vals):
                    continue
                n = Decimal(fig.number)
                if any(agrees(v, n) for _, v in vals if v is not None):
                    continue
                yield self._hit(s, fig, col, vals)

    def _hit(self, s, fig, col, vals) -> Hit:
        unit = fig.unit
        if len(vals) == 2 and vals[0][1].value == vals[1][1].value:
            vals = vals[:1]  # nothing carried over in that column: one reading
        if len(vals) == 1:
            rows, v = vals[0]
            target = f"{_ROW_NAMES[rows]}的{_PART_COL_NAMES[col]}为{number_text(v.value)}{unit}"
        else:
            (_, a), (_, b) = vals
            target = (f"{_PART_COL_NAMES[col]}本年新收为{number_text(a.value)}{unit}、新收加上年结转为{number_text(b.value)}{unit}，"
                      "两种理解都不相符")
        notes = list(dict.fromkeys(x for _, v in vals for x in v.notes))
        note = "；" + "；".join(notes) if notes else ""
        ptrs, pos = cell_evidence([c for _, v in vals for c in v.cells])
        exp = number_text(vals[0][1].value) if len(vals) == 1 else [number_text(v.value) for _, v in vals]
        return Hit(
            block=fig.block, start=fig.start, end=fig.end,
            params={"claim": quoted(fig.text), "target": target, "note": note},
            evidence={"expected": exp, "actual": fig.number, "claim": fig.text, "applicant": col,
                      "rows": ["+".join(rows) for rows, _ in vals], "table": TABLE_SHORT_NAMES["s3"], "cells": ptrs,
                      "cell_positions": pos, "sentence": sentence_evidence(s.sentence, fig.block, fig.start, fig.end),
                      **({"notes": notes} if notes else {})},
            key=f"applicant:{col}:{fig.number}:{fig.text}",
            about=(figure_key(fig.block.index, fig.end),),
        )
