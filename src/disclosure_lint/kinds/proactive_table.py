"""Table 二's cells against one another (主动公开政府信息情况), within one report.

* ``stat-proactive``: 2019, 本年新公开数量 ≤ 对外公开总数量 (规章, 规范性文件).
* ``stat-change-stock``: 2019, 上一年项目数量 + 本年增/减 ≥ 0.
* ``stat-in-force-floor``: 2021, 现行有效件数 ≥ 本年制发件数 − 本年废止件数 (规章, 行政规范性文件): a document made
  this year and not repealed is still in force at the year's end.  The stock carried from last year's report is
  :mod:`.cross` (``cross-year-in-force``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..report.catalogue import TABLE_NAMES, TABLE_SHORT_NAMES
from ..report.stats.identities import table_version
from ..report.stats.model import worded_change
from ..report.stats.wording import cell_evidence, fmt, jnum, row_label
from . import register
from .base import Hit, Kind, KindOptions
from .statistics import position

if TYPE_CHECKING:
    from ..report import AnnualReport


@register
class StatProactive(Kind[KindOptions]):
    """2019 table 二: 本年新公开数量 ≤ 对外公开总数量 (规章, 规范性文件)."""

    name = "stat-proactive"
    Options = KindOptions
    params = frozenset({"row", "new", "total"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        t = (report.stats or {}).get("s2")
        if t is None or t.layout == "image" or table_version(t, report.format_version) != "2019":
            return
        for row in ("rules", "normative_docs"):
            new, total = t.get(row, "new_published"), t.get(row, "total_published")
            if new is None or total is None or not (new.value.is_number and total.value.is_number):
                continue
            a, b = new.value.arithmetic, total.value.arithmetic
            if a <= b:
                continue
            params = {"row": row_label(t, row), "new": fmt(a), "total": fmt(b)}
            ev = {"table": TABLE_SHORT_NAMES["s2"], "table_title": TABLE_NAMES["s2"], "row": row, "row_label": row_label(t, row),
                  "expected": f"≥{fmt(a)}", "actual": jnum(b), "delta": jnum(a - b),
                  "cells": [cell_evidence(t, (row, "new_published")), cell_evidence(t, (row, "total_published"))]}
            yield position(report, t, (row, "total_published"), params=params, evidence=ev,
                           key=f"proactive:{row}")


_STOCK_ROWS = ("licensing", "other_services", "penalty", "coercion", "fees")


@register
class StatChangeStock(Kind[KindOptions]):
    """2019 table 二: 上一年项目数量 + 本年增/减 ≥ 0 (this year's number of items cannot be negative).  A 本年增/减
    written in words (减少2) counts as its number (DL205 says how to write it)."""

    name = "stat-change-stock"
    Options = KindOptions
    params = frozenset({"row", "prev", "change", "result"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        t = (report.stats or {}).get("s2")
        if t is None or t.layout == "image" or table_version(t, report.format_version) != "2019":
            return
        for row in _STOCK_ROWS:
            prev, change = t.get(row, "prev_count"), t.get(row, "change")
            if prev is None or change is None or not prev.value.is_number:
                continue
            delta = change.value.number if change.value.is_number else (
                worded_change(change.raw) if change.value.kind == "text" else None)
            if delta is None:
                continue
            a = prev.value.arithmetic
            result = a + delta
            if result >= 0 or a < 0:  # a negative 上一年项目数量 is DL205's
                continue
            params = {"row": row_label(t, row), "prev": fmt(a), "change": fmt(delta) if change.value.is_number else f"“{change.raw.strip()}”（即{fmt(delta)}）",
                      "result": fmt(result)}
            ev = {"table": TABLE_SHORT_NAMES["s2"], "table_title": TABLE_NAMES["s2"], "row": row,
                  "row_label": row_label(t, row), "expected": "≥0", "actual": jnum(result),
                  "prev_count": jnum(a), "change": jnum(delta),
                  "cells": [cell_evidence(t, (row, "prev_count")), cell_evidence(t, (row, "change"))]}
            yield position(report, t, (row, "change"), params=params, evidence=ev, key=f"stock:{row}")


@register
class StatInForceFloor(Kind[KindOptions]):
    """2021 table 二: 现行有效件数 ≥ 本年制发件数 − 本年废止件数 (规章, 行政规范性文件).  Whatever the stock was at the
    year's start, a document made this year and not repealed is in force at its end; an amendment counted as 制发
    is a document in force too.  Only a document made this year that lapsed by its own term (a 有效期 that ended
    within the year, not counted as 废止) breaks it: a warning, and the message says so.  Checked when all three
    cells hold numbers."""

    name = "stat-in-force-floor"
    Options = KindOptions
    params = frozenset({"row", "in_force", "issued", "repealed", "floor"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        t = (report.stats or {}).get("s2")
        if t is None or t.layout == "image" or table_version(t, report.format_version) != "2021":
            return
        for row in ("rules", "normative_docs"):
            cells = [t.get(row, col) for col in ("issued", "repealed", "in_force")]
            if any(c is None or not c.value.is_number for c in cells):
                continue
            issued, repealed, in_force = (c.value.arithmetic for c in cells if c is not None)
            floor = issued - repealed
            if in_force >= floor or in_force < 0 or repealed < 0:  # a negative count is DL205's
                continue
            params = {"row": row_label(t, row), "in_force": fmt(in_force), "issued": fmt(issued),
                      "repealed": fmt(repealed), "floor": fmt(floor)}
            ev = {"table": TABLE_SHORT_NAMES["s2"], "table_title": TABLE_NAMES["s2"], "row": row,
                  "row_label": row_label(t, row), "expected": f"≥{fmt(floor)}", "actual": jnum(in_force),
                  "delta": jnum(floor - in_force),
                  "cells": [cell_evidence(t, (row, col)) for col in ("issued", "repealed", "in_force")]}
            yield position(report, t, (row, "in_force"), params=params, evidence=ev, key=f"in-force:{row}")
