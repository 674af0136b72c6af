"""Text against table 二: the 制发/废止/现行有效, 处理决定 and 收费金额 figures the prose names.

The prose side is ``report.proactive_claims`` (read by :mod:`disclosure_lint.report.proactive_claims`,
whose docstring says which phrasings are read and skipped); the table side is table 二 of
``report.stats`` in the report's own format:

* 2021: 本年制发件数 / 本年废止件数 / 现行有效件数 (规章, 行政规范性文件), 本年处理决定数量
  (行政许可, 行政处罚, 行政强制), 本年收费金额（万元） (行政事业性收费);
* 2019: 本年新制作数量 (制发) / 本年新公开数量 / 对外公开总数量 (规章, 规范性文件), 处理决定数量
  (行政许可, 行政处罚, 行政强制).  The 2019 table has no 废止, 现行有效 or fee amount column: such a
  figure is not compared.

A figure is compared only when its cell was read (a blank or placeholder in a table that has numbers
counts as 0).  Amounts are compared in 元 after converting 万元 and 亿元 (a cell without a unit is in
万元, as its column says), and agree when they are equal at the coarser precision of the two
(``7730万元`` agrees with ``7730.28``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..report.annual import AnnualReport
from ..report.catalogue import TABLE_SHORT_NAMES
from ..report.claim_context import DEFAULT_SCOPE
from ..report.metrics import cell_value
from ..report.proactive_claims import ROW_LABELS, WHAT_LABELS, ProactiveClaim
from . import register
from .base import Hit, Kind, KindOptions, PatternList, quoted
from .text_vs_table import cell_evidence, number_text, sentence_evidence

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

_COLUMN = {
    "2021": {"issued": "issued", "repealed": "repealed", "in_force": "in_force", "decisions": "decisions",
             "amount": "amount"},
    "2019": {"issued": "new_made", "new_published": "new_published", "total_published": "total_published",
             "decisions": "decisions"},
}
_YUAN = {"万元": Decimal(10000), "亿元": Decimal(100_000_000), "元": Decimal(1)}


def _in_yuan(number: Decimal, unit: str) -> tuple[Decimal, Decimal]:
    """(value, precision) in 元."""
    f = _YUAN[unit]
    exponent = number.as_tuple().exponent
    return number * f, Decimal(1).scaleb(min(0, exponent) if isinstance(exponent, int) else 0) * f


ProactiveWhat = Literal["issued", "repealed", "in_force", "new_published", "total_published", "decisions", "amount"]
_WHATS: tuple[ProactiveWhat, ...] = ("issued", "repealed", "in_force", "new_published", "total_published",
                                     "decisions", "amount")  # the keys of WHAT_LABELS, in its order


class ProactiveOptions(KindOptions):
    scope_patterns: PatternList = Field(default_factory=lambda: list(DEFAULT_SCOPE),
                                      description="表示统计口径不同的词（正则表达式）；句中出现时不按矛盾报告")
    scope: Literal["exact", "qualified"] = Field(
        "exact", description="exact：只核对口径相同的数字；qualified：只报告句中有口径限定词、与表格不同的数字")
    what: list[ProactiveWhat] = Field(default_factory=lambda: list(_WHATS), description="核对的数字类别")


@register
class TextTableProactive(Kind[ProactiveOptions]):
    """A figure of table 二 named in the prose differs from the table."""

    name = "text-table-proactive"
    Options = ProactiveOptions
    params = frozenset({"claim", "target", "expected", "note", "qualifier"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        t = (report.stats or {}).get("s2")
        if t is None or not t.comparable:  # a picture, or a column that may have shifted the others
            return
        cols = _COLUMN["2019" if t.schema.version == "2019" else "2021"]
        qualified = self.options.scope == "qualified"
        wanted = set(self.options.what)
        for c in report.proactive_claims.read(self.options.scope_patterns):
            if c.what not in wanted or (c.scope is not None) != qualified or c.what not in cols:
                continue
            col = cols[c.what]
            rows = (*c.also, c.row)
            if any(col not in t.schema.cols_of(r) for r in rows):
                continue
            notes: list[str] = []
            got = [g for r in rows if (g := cell_value(t, r, col, notes)) is not None]
            if len(got) != len(rows):
                continue
            value = sum((g[0] for g in got), Decimal(0))
            hit = self._compare(c, value, [g[1] for g in got], notes)
            if hit is not None:
                yield hit

    def _compare(self, c: ProactiveClaim, value: Decimal, cells: list, notes: list[str]) -> Hit | None:
        cell = cells[-1]
        if c.what == "amount":
            table_unit = cell.value.unit if cell.value.unit in _YUAN else "万元"
            a, pa = _in_yuan(c.number, c.unit)
            b, pb = _in_yuan(value, table_unit)
            if abs(a - b) <= max(pa, pb) / 2:
                return None
            expected = f"{number_text(value)}{table_unit}"
            if c.unit != table_unit:
                notes.append(f"正文{number_text(c.number)}{c.unit}合{number_text(a / _YUAN[table_unit])}{table_unit}")
        else:
            if c.number == value:
                return None
            expected = f"{number_text(value)}{c.unit}"
        row_label = "”与“".join((x.row_label or ROW_LABELS[r]).strip() for x, r in zip(cells, (*c.also, c.row)))
        target = f"“{row_label}”“{(cell.col_label or WHAT_LABELS[c.what]).strip()}”" + ("之和" if c.also else "")
        ptrs, pos = cell_evidence(cells)
        note = ("；" + "；".join(notes)) if notes else ""
        return Hit(
            block=c.block, start=c.start, end=c.end,
            params={"claim": quoted(c.text), "target": target, "expected": expected, "note": note,
                    "qualifier": c.scope or ""},
            evidence={"expected": number_text(value), "actual": number_text(c.number), "unit": c.unit, "claim": c.text,
                      "row": c.row, "what": c.what, "table": TABLE_SHORT_NAMES["s2"], "cells": ptrs, "cell_positions": pos,
                      "sentence": sentence_evidence(c.sentence, c.block, c.start, c.end), **({"scope_qualifier": c.scope} if c.scope else {}),
                      **({"notes": notes} if notes else {})},
            key=f"s2:{c.row}.{c.what}:{number_text(c.number)}:{c.text}",
        )
