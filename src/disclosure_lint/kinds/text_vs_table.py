"""Text against table: numbers the prose states, compared with the statistics tables 三 and 四.

The prose side is the report's claims (``report.claims``, read by :mod:`disclosure_lint.report.claims`,
whose docstring says which numbers are read, skipped and scoped); the table side is ``report.stats``
(see :mod:`disclosure_lint.report.stats`).  A claim is compared only when every
cell it needs exists and was read (a number, or a blank/placeholder in a table that has numbers,
counted as 0).  The report is never blamed for a table the tool could not read.

**Percentages.**  "占X%" after a result count (or "…的比例为X%") is recomputed from table 三 with
the denominators （七）总计, 新收 + 上年结转 and 新收, at the precision written.  Accepted: rounding
half up (四舍五入) and half even (GB/T 8170 四舍六入五成双).  Truncation is *not* accepted
(4.34% for 35/805 = 4.3478% is flagged), unless the option ``allow_truncation`` is set.  A
percentage that agrees with the prose count (when the count itself disagrees with the table, the
count rule reports it) is not reported twice.  ``公开率`` is accepted as 予以公开 or 予以公开 + 部分公开.

**Scoped shares.**  Counts of one sentence that each name another scope but together make the table's number
(``其中区政府52件，各部门118件，各街道17件`` = 187) are not noted (DL236).

**One finding per wrong number.**  :func:`table_explains` tells the prose-sum kind (DL237/DL238) when the figures
these checks contradict explain the sum's whole difference.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from itertools import product
from typing import Literal

from pydantic import Field

from ..report.claims import (
    _S4_BLOCKS_OF,
    DEFAULT_SCOPE,
    FAMILY_OF,
    LABELS,
    SUB_ITEM_LABELS,
    Claim,
    base_metric,
    scope_regex,
)
from . import register
from .base import Hit, Kind, KindOptions, PatternList

# -- the table side --------------------------------------------------------------------------------------

@dataclass
class TableValue:
    value: Decimal
    cells: list  # StatCell
    notes: list[str] = field(default_factory=list)
    # the same quantity computed from the parts (six applicant columns, four results) when the table's
    # own total disagrees with them: a prose number equal to it is not the prose's fault (DL202/DL204)
    alt: Decimal | None = None


def _cell_value(table, row: str, col: str, notes: list[str]):
    c = table.get(row, col)
    if c is None:
        return None
    v = c.value
    if v.is_number:
        return v.number, c
    if v.kind == "text":
        return None
    if not table.has_numbers:
        return None
    notes.append(f"{c.pointer}为空或“{c.raw.strip() or '空白'}”，按0计")
    return Decimal(0), c


_APPLICANT_COLS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")


def _s3_row(table, row: str) -> TableValue | None:
    notes: list[str] = []
    c = table.get(row, "total")
    parts = [table.get(row, col) for col in _APPLICANT_COLS]
    parts_ok = not any(p is None or p.value.kind == "text" for p in parts)
    if c is not None and c.value.is_number:
        alt = sum((p.value.arithmetic for p in parts), Decimal(0)) if parts_ok else None
        return TableValue(c.value.number, [c], alt=alt if alt != c.value.number else None)
    if c is not None and c.value.kind == "text":
        return None
    # 总计 blank or missing: the six applicant columns
    if not parts_ok or not table.has_numbers:
        return None
    total = sum((p.value.arithmetic for p in parts), Decimal(0))
    label = c.pointer if c is not None else f"表三 › {table.row_labels.get(row, row)} › 总计"
    notes.append(f"{label}为空，按六类申请人之和计算")
    return TableValue(total, [p for p in parts if p.value.is_number] or parts[:1], notes)


def _s3_group(table, group: str) -> TableValue | None:
    rows = [r.id for r in table.schema.rows if r.group == group and r.data]
    if not rows:
        return None
    return _sum([_s3_row(table, r) for r in rows])


_S3_ROWS = {"new": "new", "carried_over": "carried_over", "handled": "result.total",
            "carried_forward": "carried_forward", "open": "result.open", "partial": "result.partial"}
_S3_GROUPS = {"not_open": "result.not_open", "unavailable": "result.unavailable",
              "not_processed": "result.not_processed"}
_S4_RES = {"upheld": "upheld", "corrected": "corrected", "other_result": "other", "pending": "pending"}


def table_value(stats: dict, metric: str, s4_block: str | None = None) -> TableValue | None:
    """The table's value for one metric, or None when a needed cell is missing or unreadable."""
    fam = FAMILY_OF.get(metric)
    if fam in ("s3flow", "s3res"):
        t = stats.get("s3")
        if t is None or getattr(t, "layout", "grid") == "image":
            return None
        if metric in _S3_ROWS:
            return _s3_row(t, _S3_ROWS[metric])
        if metric in _S3_GROUPS:
            return _s3_group(t, _S3_GROUPS[metric])
        if metric in SUB_ITEM_LABELS:  # one numbered sub-item: 7.属于行政执法案卷
            return _s3_row(t, f"result.{metric}")
        if metric == "other":
            if t.get("result.other", "total") is not None or t.get("result.other", "natural_person") is not None:
                return _s3_row(t, "result.other")
            return _s3_group(t, "result.other")
        if metric == "in_total":
            return _sum([table_value(stats, "new"), table_value(stats, "carried_over")])
        return None
    t = stats.get("s4")
    if t is None or getattr(t, "layout", "grid") == "image":
        return None
    if fam == "s4block":
        return _sum([_s4_cell(t, b, "total") for b in _S4_BLOCKS_OF[metric]])
    if fam == "s4res" and s4_block:
        return _sum([_s4_cell(t, b, _S4_RES[metric]) for b in _S4_BLOCKS_OF[s4_block]])
    return None


def _s4_cell(t, block: str, res: str) -> TableValue | None:
    notes: list[str] = []
    got = _cell_value(t, "cases", f"{block}.{res}", notes)
    if got is None:
        return None
    v, c = got
    if res == "total" and c.value.is_number:
        parts = [_cell_value(t, "cases", f"{block}.{r}", []) for r in ("upheld", "corrected", "other", "pending")]
        alt = sum((p[0] for p in parts), Decimal(0)) if all(p is not None for p in parts) else None
        return TableValue(v, [c], notes, alt=alt if alt != v else None)
    if res == "total" and not c.value.is_number:
        # 总计 blank: the four results
        parts = [_cell_value(t, "cases", f"{block}.{r}", []) for r in ("upheld", "corrected", "other", "pending")]
        if any(p is None for p in parts):
            return None
        return TableValue(sum((p[0] for p in parts), Decimal(0)), [p[1] for p in parts],
                          [f"{c.pointer}为空，按四种结果之和计算"])
    return TableValue(v, [c], notes)


def _sum(parts: list[TableValue | None]) -> TableValue | None:
    if any(p is None for p in parts):
        return None
    out = TableValue(Decimal(0), [])
    alt = Decimal(0)
    for p in parts:
        out.value += p.value
        out.cells += p.cells
        out.notes += p.notes
        alt += p.alt if p.alt is not None else p.value
    out.alt = alt if alt != out.value else None
    return out


# -- kinds ---------------------------------------------------------------------------------------------------

def _n(d: Decimal) -> int | str:
    return int(d) if d == d.to_integral_value() else str(d)


_SENTENCE_LIMIT = 300


def sentence_evidence(sentence: str, block, start: int, end: int) -> str:
    """The sentence of a finding for its evidence; around the finding only when the sentence is very long (text
    whose sentence ends were lost must not repeat a megabyte in every finding)."""
    if len(sentence) <= _SENTENCE_LIMIT:
        return sentence
    text = block.text
    a, b = max(0, start - _SENTENCE_LIMIT // 3), min(len(text), end + _SENTENCE_LIMIT // 3)
    return ("…" if a > 0 else "") + text[a:b] + ("…" if b < len(text) else "")


def _cell_evidence(cells) -> tuple[list[str], list[dict]]:
    ptrs, pos = [], []
    for c in {id(c): c for c in cells}.values():
        ptrs.append(c.pointer)
        cell = getattr(c, "cell", None)
        blk = getattr(c, "block", None)
        line = cell.line if cell is not None and cell.line is not None else (blk.line if blk is not None else None)
        pos.append({"pointer": c.pointer, "raw": c.raw, "line": line})
    return ptrs, pos


_TABLE_OF = {"s3flow": "表三", "s3res": "表三", "s4block": "表四", "s4res": "表四"}
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


def _evaluate(stats, claim: Claim) -> list[tuple[tuple[str, ...], TableValue, Decimal]]:
    """[(metrics, table value, stated)] that disagree; [] when consistent or not comparable."""
    n = Decimal(claim.number)
    if claim.ambiguous:
        a = table_value(stats, "new")
        b = table_value(stats, "in_total")
        if a is None or b is None:
            return []
        if _agrees(a, n) or _agrees(b, n):
            return []
        if a.value == b.value:  # nothing carried over: one reading
            return [(("new",), a, n)]
        return [(("new",), a, n), (("in_total",), b, n)]
    if claim.combine == "each":
        bad = []
        for m in claim.metrics:
            tv = table_value(stats, m, claim.s4_block)
            if tv is None:
                return []
            if not _agrees(tv, n):
                bad.append(((m,), tv, n))
        return bad
    tv = _sum([table_value(stats, m, claim.s4_block) for m in claim.metrics])
    if tv is None or _agrees(tv, n):
        return []
    if claim.alt_s4_block is not None:  # results after both lawsuit groups: the lawsuits as a whole also fit
        alt = _sum([table_value(stats, m, claim.alt_s4_block) for m in claim.metrics])
        if alt is not None and _agrees(alt, n):
            return []
    return [(claim.metrics, tv, n)]


def _shares_of_the_table(stats, claims: list[Claim]) -> set[int]:
    """Scoped counts of one sentence that together make the table's number (其中区政府52件，各部门118件，各街道17件
    = 表三新收187): each is a share of the whole, not a different count of it (ids of those claims)."""
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.number is not None and c.scope is not None and c.combine == "sum":
            groups.setdefault((c.block.index, c.sentence, c.metrics, c.s4_block, c.ambiguous), []).append(c)
    out: set[int] = set()
    for cs in groups.values():
        total = sum(c.number for c in cs)
        # 全区共收到57件，其中区政府20件，各部门30件，各街道7件: the first is the total of the others
        stated = [c for c in cs if 2 * c.number == total and len(cs) > 2]
        shares = [c for c in cs if c is not stated[0]] if stated else cs
        if len(shares) < 2:
            continue
        whole = replace(shares[0], number=sum(c.number for c in shares))
        if not _evaluate(stats, whole):
            out.update(id(c) for c in shares)
    return out


def _agrees(tv: TableValue, n: Decimal) -> bool:
    return n == tv.value or (tv.alt is not None and n == tv.alt)


@register
class TextTableCount(Kind):
    """A count stated in the prose differs from table 三 or 四."""

    name = "text-table-count"
    Options = CountOptions
    params = frozenset({"claim", "stated", "table", "target", "expected", "note", "qualifier"})

    def check(self, report) -> Iterator[Hit]:
        stats = report.stats
        if not stats or not ({"s3", "s4"} & set(stats)):
            return
        wanted = set(self.options.metrics)
        qualified = self.options.scope == "qualified"
        # a part of an applicant breakdown (收到自然人申请50件、法人申请8件，共计58件) is compared with its own
        # column by text-table-applicant-count, not with the 总计 column
        applicant_parts = {(p.block.index, p.end) for s in report.prose_sums if s.kind == "applicants" for p in s.parts}
        all_claims = report.claims.read(self.options.scope_patterns).claims
        shares = _shares_of_the_table(stats, all_claims) if qualified else set()
        for c in all_claims:
            if c.number is None or (c.scope is not None) != qualified or (c.block.index, c.end) in applicant_parts:
                continue
            if id(c) in shares:
                continue
            if not {base_metric(m) for m in c.metrics} & wanted and not (c.ambiguous and "received" in wanted):
                continue
            bad = _evaluate(stats, c)
            if not bad:
                continue
            table = _TABLE_OF[FAMILY_OF[c.metrics[0]]]
            unit = "件" if c.unit == "件次" else c.unit  # the table counts applications, not 件次
            if c.ambiguous and len(bad) == 2:
                (_, a, _), (_, b, _) = bad
                target = f"{_TARGETS['new']}为{_n(a.value)}{unit}、与“二、上年结转”总计之和"
                expected = f"{_n(b.value)}{unit}"
                note = "；按“本年新收”和“新收加上年结转”两种理解都不相符"
                cells = b.cells
                notes = a.notes + b.notes
                exp_value: object = f"{_n(a.value)}（本年新收）或{_n(b.value)}（新收加上年结转）"
            else:
                parts = []
                for ms, tv, _ in bad:
                    parts.append((_target(ms, c.s4_block), tv))
                target = "、".join(p[0] for p in parts)
                expected = "、".join(f"{_n(p[1].value)}{unit}" for p in parts)
                cells = [x for p in parts for x in p[1].cells]
                notes = [x for p in parts for x in p[1].notes]
                note = ""
                exp_value = _n(parts[0][1].value) if len(parts) == 1 else [_n(p[1].value) for p in parts]
            if notes:
                note += "；" + "；".join(dict.fromkeys(notes))
            ptrs, pos = _cell_evidence(cells)
            yield Hit(
                block=c.block, start=c.start, end=c.end,
                params={"claim": c.text, "stated": f"{c.number}{unit}", "table": table, "target": target,
                        "expected": expected, "note": note, "qualifier": c.scope or ""},
                evidence={"expected": exp_value, "actual": c.number, "claim": c.text,
                          "metric": "+".join(c.metrics) if not c.ambiguous else "new|new+carried_over",
                          **({"readings": ["本年新收", "新收+上年结转"]} if c.ambiguous else {}),
                          "table": table, "cells": ptrs, "cell_positions": pos,
                          "sentence": sentence_evidence(c.sentence, c.block, c.start, c.end),
                          **({"scope_qualifier": c.scope} if c.scope else {}),
                          **({"notes": list(dict.fromkeys(notes))} if notes else {})},
                key=f"{'+'.join(c.metrics)}:{c.number}:{c.text}",
            )


class StatementOptions(_Options):
    statements: list[Literal["upheld", "none_applications", "none_s4", "none_carried"]] = Field(
        default_factory=lambda: ["upheld", "none_applications", "none_s4", "none_carried"], description="核对的表述类型")


@register
class TextTableStatement(Kind):
    """“均获维持” / “未收到申请” / “未发生行政复议、行政诉讼” contradicted by the tables."""

    name = "text-table-statement"
    Options = StatementOptions
    params = frozenset({"claim", "table", "target", "detail"})

    def check(self, report) -> Iterator[Hit]:
        stats = report.stats
        if not stats or not ({"s3", "s4"} & set(stats)):
            return
        wanted = set(self.options.statements)
        for st in report.claims.read(self.options.scope_patterns).statements:
            if st.what not in wanted:
                continue
            if st.what == "none_applications":
                if st.applicants is None:
                    tv = table_value(stats, "new")
                    target = "“一、本年新收政府信息公开申请数量”总计"
                else:  # 未收到法人或其他组织的申请: that kind's columns
                    t3 = stats.get("s3")
                    tv = (_columns_value(t3, ("new",), _PART_COLS[st.applicants])
                          if t3 is not None and getattr(t3, "layout", "grid") != "image" else None)
                    target = f"“一、本年新收政府信息公开申请数量”的{_PART_COL_NAMES[st.applicants]}"
                if tv is None or tv.value <= 0:
                    continue
                bad = [(target, tv)]
                table = "表三"
            elif st.what == "none_carried":
                tv = table_value(stats, "carried_forward")
                if tv is None or tv.value <= 0:
                    continue
                bad = [("“四、结转下年度继续办理”总计", tv)]
                table = "表三"
            elif st.what == "none_s4":
                t4 = stats.get("s4")
                if t4 is None:
                    continue
                vals = [(b, _s4_cell(t4, b, "total")) for b in st.blocks]
                if any(v is None for _, v in vals):
                    continue
                bad = [(f"“{_BLOCK_NAMES[b]}”总计", v) for b, v in vals if v.value > 0]
                table = "表四"
            else:
                t4 = stats.get("s4")
                if t4 is None:
                    continue
                vals = [(b, r, _s4_cell(t4, b, r)) for b in st.blocks for r in st.outcomes]
                if any(v is None for *_, v in vals):
                    continue
                names = {"corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}
                bad = [(f"“{_BLOCK_NAMES[b]}”“{names[r]}”", v) for b, r, v in vals if v.value > 0]
                table = "表四"
            if not bad:
                continue
            detail = "，".join(f"{t}为{_n(v.value)}" for t, v in bad)
            cells = [c for _, v in bad for c in v.cells]
            ptrs, pos = _cell_evidence(cells)
            expected = {"upheld": "结果纠正、其他结果、尚未审结均为0", "none_applications": "本年新收为0",
                        "none_s4": "复议、诉讼总计为0", "none_carried": "结转下年度继续办理为0"}[st.what]
            yield Hit(
                block=st.block, start=st.start, end=st.end,
                params={"claim": st.text, "table": table, "target": "、".join(t for t, _ in bad), "detail": detail},
                evidence={"expected": expected, "actual": detail, "claim": st.text, "statement": st.what,
                          "table": table, "cells": ptrs, "cell_positions": pos,
                          "sentence": sentence_evidence(st.sentence, st.block, st.start, st.end)},
                key=f"{st.what}:{st.text}",
            )


class PercentOptions(_Options):
    allow_half_even: bool = Field(True, description="也接受“四舍六入五成双”（GB/T 8170）的修约结果")
    allow_truncation: bool = Field(False, description="也接受直接截去多余位数（如 4.3478% 写作 4.34%）")


def _rounded(exact: Decimal, places: int, mode) -> Decimal:
    return exact.quantize(Decimal(1).scaleb(-places), rounding=mode)


def percent_ok(stated: Decimal, num: Decimal, den: Decimal, half_even: bool = True, truncation: bool = False) -> bool:
    if den <= 0:
        return True
    places = max(0, -stated.as_tuple().exponent)
    exact = num * 100 / den
    modes = [ROUND_HALF_UP] + ([ROUND_HALF_EVEN] if half_even else []) + ([ROUND_DOWN] if truncation else [])
    return any(_rounded(exact, places, m) == stated for m in modes)


@register
class TextTablePercentage(Kind):
    """A percentage in the prose that is not the table's count over its total, rounded as written."""

    name = "text-table-percentage"
    Options = PercentOptions
    params = frozenset({"claim", "stated", "formula", "expected"})

    def check(self, report) -> Iterator[Hit]:
        stats = report.stats
        if not stats or "s3" not in stats:
            return
        o = self.options
        dens = [("（七）总计", table_value(stats, "handled")), ("新收与上年结转之和", table_value(stats, "in_total")),
                ("本年新收", table_value(stats, "new"))]
        dens = [(name, tv) for name, tv in dens if tv is not None and tv.value > 0]
        if not dens:
            return
        for c in report.claims.read(o.scope_patterns).claims:
            if c.percent is None or c.scope is not None or FAMILY_OF[c.metrics[0]] != "s3res":
                continue
            if c.combine == "each":
                continue
            tv = _sum([table_value(stats, m) for m in c.metrics])
            if tv is None:
                continue
            stated = c.percent[0]
            nums = [tv.value] + ([Decimal(c.number)] if c.number is not None else [])
            for alt in c.percent_readings:  # 公开率: 予以公开, or 予以公开 and 部分公开
                av = _sum([table_value(stats, m) for m in alt])
                nums += [av.value] if av is not None else []
            if any(percent_ok(stated, n, d.value, o.allow_half_even, o.allow_truncation)
                   for n in nums for _, d in dens):
                continue
            den_name, den = dens[0]
            places = max(0, -stated.as_tuple().exponent)
            exact = tv.value * 100 / den.value
            exp = _rounded(exact, places, ROUND_HALF_UP)
            formula = f"{_n(tv.value)}÷{_n(den.value)}（{den_name}）={exact.quantize(Decimal('0.0001'))}%"
            pct_text = c.block.text[c.percent[1]:c.percent[2]]
            ptrs, pos = _cell_evidence(tv.cells + den.cells)
            yield Hit(
                block=c.block, start=c.start, end=c.percent[2],
                params={"claim": c.block.text[c.start:c.percent[2]], "stated": f"{stated}%", "formula": formula,
                        "expected": f"{exp}%"},
                evidence={"expected": f"{exp}%", "actual": f"{stated}%", "numerator": _n(tv.value),
                          "denominator": _n(den.value), "denominator_row": den_name, "claim": c.text,
                          "percent_text": pct_text, "cells": ptrs, "cell_positions": pos,
                          "sentence": sentence_evidence(c.sentence, c.block, c.start, c.percent[2]),
                          "rounding": "四舍五入" + ("或四舍六入五成双" if o.allow_half_even else "")},
                key=f"pct:{'+'.join(c.metrics)}:{stated}:{pct_text}",
            )


# -- applicant breakdowns ---------------------------------------------------------------------------------

_PART_COLS = {"natural_person": ("natural_person",), "org": _APPLICANT_COLS[1:], "commercial": ("commercial",),
              "research": ("research",), "social_welfare": ("social_welfare",), "legal_service": ("legal_service",),
              "other_org": ("other_org",)}
_PART_COL_NAMES = {"natural_person": "“自然人”栏", "org": "“法人或其他组织”五栏之和", "commercial": "“商业企业”栏",
                   "research": "“科研机构”栏", "social_welfare": "“社会公益组织”栏",
                   "legal_service": "“法律服务机构”栏", "other_org": "“其他”栏", "total": "“总计”栏"}
# the rows of table 三 a total's keyword names; 收到/共计: 本年新收, or 新收 + 上年结转 (both readings)
_READINGS = {"new": [("new",)], "handled": [("result.total",)], "received": [("new",), ("new", "carried_over")],
             "in_total": [("new",), ("new", "carried_over")]}
_ROW_NAMES = {("new",): "“一、本年新收政府信息公开申请数量”", ("result.total",): "“（七）总计”",
              ("new", "carried_over"): "“一、本年新收”与“二、上年结转”之和"}
_APPLICANT_WORD = re.compile(r"^(?:自然人|企业|公民|法人)")


def _columns_value(t, rows: tuple[str, ...], cols: tuple[str, ...]) -> TableValue | None:
    if cols == ("total",):
        return _sum([_s3_row(t, r) for r in rows])
    out = TableValue(Decimal(0), [])
    for r in rows:
        for col in cols:
            got = _cell_value(t, r, col, out.notes)
            if got is None:
                return None
            out.value += got[0]
            out.cells.append(got[1])
    return out


@register
class TextTableApplicant(Kind):
    """A total broken down by applicant, and each of its parts, compared with the columns of table 三."""

    name = "text-table-applicant-count"
    Options = _Options
    params = frozenset({"claim", "target", "note"})

    def check(self, report) -> Iterator[Hit]:
        t = (report.stats or {}).get("s3")
        if t is None or getattr(t, "layout", "grid") == "image":
            return
        pats = self.options.scope_patterns
        scope = scope_regex(pats)
        covered = {(c.block.index, c.end) for c in report.claims.read(pats).claims if c.number is not None}
        scoped: dict[int, list[tuple[int, int]]] = {}  # per block: spans of scope words other than an applicant's
        for s in report.prose_sums:
            readings = _READINGS.get(s.total.category)
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
                vals = [(rows, _columns_value(t, rows, _PART_COLS.get(col, ("total",)))) for rows in readings]
                if any(v is None for _, v in vals):
                    continue
                n = Decimal(fig.number)
                if any(_agrees(v, n) for _, v in vals):
                    continue
                yield self._hit(s, fig, col, vals)

    def _hit(self, s, fig, col, vals) -> Hit:
        unit = fig.unit
        if len(vals) == 2 and vals[0][1].value == vals[1][1].value:
            vals = vals[:1]  # nothing carried over in that column: one reading
        if len(vals) == 1:
            rows, v = vals[0]
            target = f"{_ROW_NAMES[rows]}的{_PART_COL_NAMES[col]}为{_n(v.value)}{unit}"
        else:
            (_, a), (_, b) = vals
            target = (f"{_PART_COL_NAMES[col]}本年新收为{_n(a.value)}{unit}、新收加上年结转为{_n(b.value)}{unit}，"
                      "两种理解都不相符")
        notes = list(dict.fromkeys(x for _, v in vals for x in v.notes))
        note = "；" + "；".join(notes) if notes else ""
        ptrs, pos = _cell_evidence([c for _, v in vals for c in v.cells])
        exp = _n(vals[0][1].value) if len(vals) == 1 else [_n(v.value) for _, v in vals]
        return Hit(
            block=fig.block, start=fig.start, end=fig.end,
            params={"claim": fig.text, "target": target, "note": note},
            evidence={"expected": exp, "actual": fig.number, "claim": fig.text, "applicant": col,
                      "rows": ["+".join(rows) for rows, _ in vals], "table": "表三", "cells": ptrs,
                      "cell_positions": pos, "sentence": sentence_evidence(s.sentence, fig.block, fig.start, fig.end),
                      **({"notes": notes} if notes else {})},
            key=f"applicant:{col}:{fig.number}:{fig.text}",
        )


# -- one finding per wrong number: a prose sum whose difference the table checks already explain ----------------

_MAX_COMBINATIONS = 64


def table_explains(report, s, mode: str) -> bool:
    """Do the text-against-table checks (DL230–DL232, DL241) already report the figures that make the prose sum
    ``s`` (:class:`~disclosure_lint.report.prose_sums.ProseSum`) wrong?  True when replacing every figure the
    table contradicts by the table's value makes the sum right (``exhaustive``: equal; ``exceeds``: not more):
    the wrong number is reported once, by the table check that names its cell."""
    stats = report.stats or {}
    if not ({"s3", "s4"} & set(stats)):
        return False
    claims = report.claims.single_counts
    t3 = stats.get("s3")
    readings = _READINGS.get(s.total.category) if s.kind == "applicants" else None

    def candidates(fig, col: str | None) -> list[Decimal]:
        n = Decimal(fig.number)
        c = claims.get((fig.block.index, fig.end))
        if c is not None:
            bad = _evaluate(stats, c)
            return [tv.value for _, tv, _ in bad] or [n]
        if readings is not None and t3 is not None and getattr(t3, "layout", "grid") != "image":
            vals = [_columns_value(t3, rows, _PART_COLS.get(col or "total", ("total",))) for rows in readings]
            if all(v is not None for v in vals) and not any(_agrees(v, n) for v in vals):
                return [v.value for v in vals]
        return [n]

    total = candidates(s.total, None)
    parts = [candidates(p, p.category) for p in s.parts]
    if len(total) == 1 and all(len(p) == 1 for p in parts) and total[0] == s.total.number and \
            all(p[0] == f.number for p, f in zip(parts, s.parts)):
        return False  # no figure is contradicted by the table: the sum's own error is the only finding
    size = len(total)
    for p in parts:
        size *= len(p)
    if size > _MAX_COMBINATIONS:
        return False
    for t in total:
        for combo in product(*parts):
            got = sum(combo, Decimal(0))
            if got == t if mode == "exhaustive" else got <= t:
                return True
    return False
