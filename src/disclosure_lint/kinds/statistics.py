"""Statistics kinds: the arithmetic and the values of the three statistics tables (sections 二, 三, 四).

The identity kinds read the report fact :attr:`AnnualReport.identity_checks` (which identities hold, fail or
are skipped, and which single cell or row explains the failures: :mod:`disclosure_lint.report.stats.identities`),
the others ``report.stats`` (typed cells keyed by canonical row and column ids, see
:mod:`disclosure_lint.report.stats`); the wording of cells and identities in messages is
:mod:`disclosure_lint.report.stats.wording`.

* ``stat-identity``: one of I1–I4 violated, per column / row / block (with the row whose numbers, put back in
  their columns, would make it hold, when only one could).
* ``stat-cell-blame``: one cell that breaks two or more identities (``min_identities``), reported once on that
  cell with the value that would satisfy them; or one row whose numbers sit in the wrong columns.  The identity
  rules name it in ``covered_by``: they stay silent about the identities it explains when it runs.
* ``stat-blank-total``: 总计 cells left blank while their parts are not all zero (never a violated identity).
* ``stat-value``, ``stat-rules-power``, ``stat-unfilled``: the cells themselves (table 二's relations between its
  cells: :mod:`.proactive_table`).
* ``stat-group-row``: a group row of table 三 (（三）不予公开 …) filled with numbers the format does not have, checked
  against the sum of its items (a warning: the format neither has nor forbids them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..report.agency import classify, government_of
from ..report.catalogue import TABLE_NAMES, TABLE_SHORT_NAMES, TABLE_TITLES
from ..report.stats.grid import value_of
from ..report.stats.identities import CellKey, Check
from ..report.stats.model import StatCell, StatTable, worded_change
from ..report.stats.schema import SCHEMAS
from ..report.stats.wording import (
    IDENTITY_TEXT,
    blank_parts_detail,
    cell_evidence,
    cell_name,
    cell_name_of,
    cell_order,
    cell_pointer,
    check_detail,
    check_evidence,
    col_label,
    col_name,
    fmt,
    jnum,
    names_and_details,
    parts_blank,
    rearrangement_text,
    row_label,
    row_name,
    subject_label,
)
from . import register
from .base import Hit, Kind, KindOptions
from .tables import truly_unmapped, unplaced_columns

if TYPE_CHECKING:
    from ..report import AnnualReport

IdentityId = Literal["I1", "I2", "I3", "I4"]


# -- positions ----------------------------------------------------------------------------------

def position(report: AnnualReport, table: StatTable, at: CellKey | None, **kw: Any) -> Hit:
    """A Hit on the cell ``at`` (grid cell when known, else its block, else the table)."""
    c = table.cells.get(at) if at else None
    block = (c.block if c is not None and c.block is not None else None) or (table.blocks[0] if table.blocks
                                                                               else None)
    pointer = None
    if c is not None and at is not None:
        sec = report.section_of(block) if block is not None else None
        pointer = " › ".join(p for p in ((sec.label if sec else None), cell_pointer(table, at)) if p)
    return Hit(block=block, cell=c.cell if c is not None else None, pointer=pointer, **kw)


def identity_ref(ch: Check) -> str:
    """What a finding about the identity check ``ch`` is about (:attr:`.base.Hit.about`): the stat-identity rules
    name the cell-blame rule in ``covered_by``, which reports the checks its cell or row explains."""
    what, sid = ch.subject
    return f"identity:{ch.ident.id}:{ch.table.id}:{what}:{sid}"


# -- kinds: identities --------------------------------------------------------------------------

class IdentityOptions(KindOptions):
    identity: IdentityId = Field(description="要检查的合计关系：I1 勾稽关系，I2 申请人合计，I3 办理结果合计，I4 复议诉讼合计")


@register
class StatIdentity(Kind[IdentityOptions]):
    """One of the table identities I1–I4, reported per violated column / row / block."""

    name = "stat-identity"
    Options = IdentityOptions
    params = frozenset({"table", "subject", "column", "row", "detail", "expected", "actual", "delta", "identity"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        opts = self.options
        identity_checks = report.identity_checks
        explanation = identity_checks.explain()
        violated = [ch for ch in identity_checks.checks if ch.ident.id == opts.identity and ch.status == "violated"]
        # totals filled over parts all left blank, in several rows (columns, blocks) of a table: one finding for the
        # table (only the 总计 column filled), not one per row saying its parts "sum to 0"
        blank: dict[str, list[Check]] = {}
        if opts.identity != "I1":
            for ch in violated:
                if ch.lhs != 0 and parts_blank(ch.table, ch.ident.rhs):
                    blank.setdefault(ch.table.id, []).append(ch)
        blank = {tid: chs for tid, chs in blank.items() if len(chs) >= 2}
        for chs in blank.values():
            yield self._blank_parts(report, chs)
        skip = {id(ch) for chs in blank.values() for ch in chs}
        for ch in violated:
            if id(ch) in skip:
                continue
            t = ch.table
            what, sid = ch.subject
            ev = check_evidence(ch)
            detail = check_detail(ch)
            hint = explanation.hints.get(ch)
            if hint is not None:  # the one row whose numbers, put back in their columns, would make it hold
                moved, fix = rearrangement_text(t, hint)
                detail += f"；疑似{moved}（{fix}后本项成立）"
                ev["suspected_row"] = {"row": hint.row, "kind": hint.kind, "columns": list(hint.cols)}
            params = {
                "table": TABLE_SHORT_NAMES.get(t.id, t.id), "subject": subject_label(ch),
                "column": col_name(t, sid) if what == "col" else "",
                "row": row_name(t, sid) if what == "row" else "",
                "detail": detail,
                "expected": fmt(ch.lhs if ch.ident.id == "I1" else ch.rhs),
                "actual": fmt(ch.rhs if ch.ident.id == "I1" else ch.lhs), "delta": fmt(ch.delta),
                "identity": IDENTITY_TEXT[ch.ident.id],
            }
            yield position(report, t, ch.total_key, params=params, evidence=ev,
                           key=f"{ch.ident.id}:{t.id}:{what}:{sid}", about=(identity_ref(ch),))


    @staticmethod
    def _blank_parts(report: AnnualReport, checks: list[Check]) -> Hit:
        first = checks[0]
        t = first.table
        subject, detail = blank_parts_detail(checks)
        ev = check_evidence(first)
        ev.update(blank_parts=True, count=len(checks), checks=[check_evidence(ch) for ch in checks],
                  expected="分项填写", actual=f"{subject}只填写了合计，分项均为空白")
        params = {
            "table": TABLE_SHORT_NAMES.get(t.id, t.id), "subject": subject, "column": "", "row": "",
            "detail": detail, "expected": fmt(first.rhs), "actual": fmt(first.lhs), "delta": fmt(first.delta),
            "identity": IDENTITY_TEXT[first.ident.id],
        }
        return position(report, t, first.total_key, params=params, evidence=ev,
                        key=f"{first.ident.id}:{t.id}:blank-parts", about=tuple(identity_ref(ch) for ch in checks))


# -- kind: cell blame ------------------------------------------------------------------------------

def _counted_note(checks: list[Check]) -> str:
    """``（办理结果合计计入“9.其他原因”行的数字）`` when a blamed cell's I3 holds only with rows a clerk added to table 三
    counted (:func:`..report.stats.identities._with_added`), so that the fix is not read as the format's items' sum."""
    counted = next((ch for ch in checks if ch.ident.id == "I3" and ch.added_in), None)
    if counted is None:
        return ""
    names = "、".join(f"“{u.label}”" for u in counted.table.added_rows if not u.label.startswith("其中"))
    return f"（办理结果合计计入表中另加的{names}行的{fmt(counted.added_in)}）"



class BlameOptions(KindOptions):
    min_identities: int = Field(default=2, ge=2, description="一个单元格至少使几项合计关系同时不成立才归因于它")


@register
class StatCellBlame(Kind[BlameOptions]):
    """One wrong cell that breaks several identities, reported once on that cell; or one row whose numbers
    sit in the wrong columns (two swapped, the row typed one column off), reported once on that row."""

    name = "stat-cell-blame"
    Options = BlameOptions
    params = frozenset({"table", "row", "column", "expected", "actual", "count", "identities", "what", "fix"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        explanation = report.identity_checks.explain(self.options.min_identities)
        for b in explanation.blames:
            t = b.table
            row, col = b.key
            names, details = names_and_details(b.checks)
            column = cell_name_of(t, col)
            params = {"table": TABLE_SHORT_NAMES.get(t.id, t.id), "row": row_name(t, row), "column": column,
                      "expected": fmt(b.expected), "actual": fmt(b.actual), "count": str(len(b.checks)),
                      "identities": names, "what": f"“{row_name(t, row)}”行“{column}”列的数字{fmt(b.actual)}可能有误",
                      "fix": f"改为{fmt(b.expected)}{_counted_note(b.checks)}"}
            ev: dict[str, Any] = {"table": TABLE_SHORT_NAMES.get(t.id, t.id), "table_title": TABLE_NAMES.get(t.id, t.id),
                  "row": row, "column": col, "row_label": row_label(t, row), "column_label": col_label(t, col),
                  "pointer": cell_pointer(t, b.key), "expected": jnum(b.expected), "actual": jnum(b.actual),
                  "delta": jnum(b.expected - b.actual), "identities": details}
            yield position(report, t, b.key, params=params, evidence=ev, key=f"blame:{t.id}:{row}:{col}",
                           about=tuple(identity_ref(ch) for ch in b.checks))
        for m in explanation.moves:
            t, r = m.table, m.how
            names, details = names_and_details(m.checks)
            what, fix = rearrangement_text(t, r)
            at = r.changed[0] if r.changed else r.cols[0]
            k = r.cols.index(at)
            params = {"table": TABLE_SHORT_NAMES.get(t.id, t.id), "row": row_name(t, r.row), "column": cell_name_of(t, at),
                      "expected": fmt(r.fixed[k]), "actual": fmt(r.written[k]), "count": str(len(m.checks)),
                      "identities": names, "what": what, "fix": fix}
            ev = {"table": TABLE_SHORT_NAMES.get(t.id, t.id), "table_title": TABLE_NAMES.get(t.id, t.id),
                  "row": r.row, "column": at, "row_label": row_label(t, r.row), "column_label": col_label(t, at),
                  "pointer": cell_pointer(t, (r.row, at)), "kind": r.kind,
                  "expected": {c: jnum(v) for c, v in zip(r.cols, r.fixed)},
                  "actual": {c: jnum(v) for c, v in zip(r.cols, r.written)}, "identities": details}
            yield position(report, t, (r.row, at), params=params, evidence=ev,
                           key=f"moved:{t.id}:{r.row}:{r.kind}:{','.join(r.changed)}",
                           about=tuple(identity_ref(ch) for ch in m.checks))


# -- kind: blank totals ------------------------------------------------------------------------------

class BlankTotalOptions(KindOptions):
    include_placeholders: bool = Field(
        default=True, description="合计栏填“/”“—”“无”等占位符（而非数字）时也报告；false 时只报告真正空白的合计栏")
    max_listed: int = Field(default=5, ge=1, description="消息中最多列出几个空白合计栏")


@register
class StatBlankTotal(Kind[BlankTotalOptions]):
    """总计 cells left blank while their parts are not all zero (one finding per table)."""

    name = "stat-blank-total"
    Options = BlankTotalOptions
    params = frozenset({"table", "count", "cells"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        opts = self.options
        by_table: dict[str, list[Check]] = {}
        for ch in report.identity_checks.checks:
            if ch.status != "blank_total":
                continue
            total = ch.table.cells[ch.total_key]
            if not opts.include_placeholders and total.value.kind != "blank":
                continue
            by_table.setdefault(ch.table.id, []).append(ch)
        for tid, chs in by_table.items():
            t = chs[0].table
            unknown = {ch.total_key for ch in chs}
            best: dict[tuple[str, str], Check] = {}
            for ch in chs:  # one entry per cell; prefer the identity whose parts are all filled in
                prev = best.get(ch.total_key)
                if prev is None or (any(k in unknown for k in prev.ident.rhs)
                                    and not any(k in unknown for k in ch.ident.rhs)):
                    best[ch.total_key] = ch
            order = cell_order(t)
            items: list[dict[str, Any]] = []
            listed: list[str] = []
            for key in sorted(best, key=order):
                ch = best[key]
                exact = not any(k in unknown for k in ch.ident.rhs)
                items.append({**cell_evidence(t, key), "expected": jnum(ch.rhs) if exact else None,
                              "actual": None, "identity": ch.ident.id})
                if len(listed) < opts.max_listed:
                    listed.append(cell_name(t, *key) + (f"（各项之和为{fmt(ch.rhs)}）" if exact else "（其分项也有空白）"))
            text = "、".join(listed) + ("等" if len(items) > len(listed) else "")
            first = min(best, key=order)
            yield position(report, t, first, params={"table": TABLE_SHORT_NAMES.get(tid, tid), "count": str(len(items)),
                                                     "cells": text},
                           evidence={"table": TABLE_SHORT_NAMES.get(tid, tid), "table_title": TABLE_NAMES.get(tid, tid),
                                     "expected": items[0]["expected"], "actual": None, "cells": items},
                           key=f"blank-total:{tid}")


# -- kind: value types --------------------------------------------------------------------------------

_NEVER_A_PROBLEM = frozenset({"blank", "slash", "dash", "none", "na"})  # neither text nor a number
_NEVER_OR_INT = _NEVER_A_PROBLEM | {"int"}


class ValueOptions(KindOptions):
    flag_text: bool = Field(default=True, description="数字单元格中填写文字（如“若干”）时报告（仅对按表格读取的表）")


@register
class StatValue(Kind[ValueOptions]):
    """Cell contents: counts are non-negative integers, amounts non-negative numbers, no text."""

    name = "stat-value"
    Options = ValueOptions
    params = frozenset({"table", "row", "column", "place", "value", "problem"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        stats = report.stats or {}
        for tid in ("s2", "s3", "s4"):
            t = stats.get(tid)
            if t is None or t.layout == "image" or _misread(t):
                continue
            # (comprehensions, not map(attrgetter): Python 3.11's specialised attribute reads cost about half as much
            # over a table's cells)
            values = [c.value for c in t.cells.values()]
            if _NEVER_OR_INT.issuperset([v.kind for v in values]) and min(
                    [n for v in values if (n := v.number) is not None], default=0) >= 0:
                continue  # every cell a placeholder, a blank or a count ≥ 0: the loop below skips each
            for key, c in t.cells.items():
                v = c.value
                if v.kind in _NEVER_A_PROBLEM or (v.kind == "int" and v.number >= 0):  # type: ignore[operator]
                    continue  # what _problem says of them (most cells: a count, a blank, a placeholder)
                problem = self._problem(t, key, c)
                if problem is None or _at_cut(report, c):
                    continue  # (the piece the file is cut in, 三、本年度办理结果 | (一 : DL002's)
                worded = self._worded(t, key, c)
                row, col = key
                place = (f"“{col_label(t, col)}”栏" if tid == "s4" else
                         f"“{row_name(t, row)}”行“{col_label(t, col)}”列")
                params = {"table": TABLE_SHORT_NAMES.get(tid, tid), "row": row_name(t, row), "column": col_label(t, col),
                          "place": place, "value": c.raw.strip(), "problem": problem}
                ev = {"table": TABLE_SHORT_NAMES.get(tid, tid), "table_title": TABLE_NAMES.get(tid, tid),
                      **cell_evidence(t, key), "actual": c.raw.strip(),
                      "expected": "非负整数" if self._kind(t, col) == "count" else
                      ("整数（可为负数）" if self._kind(t, col) == "change" else "非负数")}
                if worded is not None:  # 减少2: a clerk's −2, read as −2 (DL211); the form is a warning, not an error
                    ev["expected"], ev["read_as"] = fmt(worded), jnum(worded)
                yield position(report, t, key, params=params, evidence=ev, key=f"value:{tid}:{row}:{col}",
                               severity="warning" if worded is not None else None)
        t = stats.get("s2")
        if t is not None and t.layout != "image" and not _misread(t):
            yield from self._units(report, t)

    def _units(self, report: AnnualReport, t: StatTable) -> Iterator[Hit]:
        """An amount written with a unit other than its column's (123500元 under 本年收费金额（单位：万元）): a warning,
        with the number in the column's unit (the number is right, only its unit differs from the column's)."""
        for key, c in t.cells.items():
            v = c.value
            if not v.is_number or v.unit not in _YUAN or self._kind(t, key[1]) != "amount":
                continue
            row, col = key
            unit = _column_unit(t, col)
            if unit is None or unit == v.unit:
                continue
            assert v.number is not None  # (a number)
            converted = fmt(v.number * _YUAN[v.unit] / _YUAN[unit])
            params = {"table": TABLE_SHORT_NAMES["s2"], "row": row_name(t, row), "column": col_label(t, col),
                      "place": f"“{row_name(t, row)}”行“{col_label(t, col)}”列", "value": c.raw.strip(),
                      "problem": f"，单位是{v.unit}，与本栏的单位{unit}不同（换算为{unit}应填{converted}）"}
            ev = {"table": TABLE_SHORT_NAMES["s2"], "table_title": TABLE_NAMES["s2"], **cell_evidence(t, key),
                  "actual": c.raw.strip(), "expected": converted, "actual_unit": v.unit, "expected_unit": unit}
            yield position(report, t, key, params=params, evidence=ev, key=f"unit:s2:{row}:{col}", severity="warning")

    @staticmethod
    def _kind(t: StatTable, col: str) -> str:
        """The column's kind (count, amount, change) in the table's version, else in the other's (a table of mixed
        versions: 本年收费金额（万元） under a 2019 table's blocks is an amount, DL109 says the mix)."""
        spec = t.schema.col_by_id.get(col)
        if spec is None:
            other = SCHEMAS.get((t.id, "2021" if t.schema.version == "2019" else "2019"))
            spec = other.col_by_id.get(col) if other is not None else None
        return spec.kind if spec is not None else "count"

    def _worded(self, t: StatTable, key, c: StatCell):
        """The number of a 本年增/减 written in words (减少2 → −2), else None."""
        return worded_change(c.raw) if c.value.kind == "text" and self._kind(t, key[1]) == "change" else None

    def _problem(self, t: StatTable, key, c: StatCell) -> str | None:
        v = c.value
        if v.kind == "text":
            if not self.options.flag_text or t.layout != "grid":
                return None
            worded = self._worded(t, key, c)
            if worded is not None:
                return (f"是用文字写的增减数：减少用负值表示，应写为“{fmt(worded)}”（已按{fmt(worded)}核对）" if worded < 0
                        else f"是用文字写的增减数，应写为“{fmt(worded)}”（已按{fmt(worded)}核对）")
            return "不是数字，统计表应填写具体数字"
        if not v.is_number:
            return None
        kind = self._kind(t, key[1])
        n = v.number
        assert n is not None
        if kind == "amount":
            return "金额不能为负数" if n < 0 else None
        if kind == "change":
            return "增减数应为整数" if v.kind != "int" else None
        if n < 0:
            return "数量不能为负数"
        if v.kind != "int":
            return "数量应为整数"
        return None


def _at_cut(report: AnnualReport, c: StatCell) -> bool:
    """Whether the cell holds the last piece of a file cut off (:attr:`AnnualReport.truncation`) and no number: a
    label's beginning ((一), not a value of its own (减少2 at the end of a table cut after it is still one)."""
    cut = report.truncation
    raw = c.raw.strip()
    return (cut is not None and c.block is cut.block and raw == cut.tail.strip()
            and not any(ch.isdigit() for ch in raw))


_YUAN = {"元": Decimal(1), "万元": Decimal(10000)}
_COLUMN_UNIT = re.compile(r"万元|元")


def _column_unit(t: StatTable, col: str) -> str | None:
    """The unit a column of amounts names (本年收费金额（单位：万元）: 万元), as written, else as the format has it;
    None when neither names one (2019's 采购总金额)."""
    spec = t.schema.col_by_id.get(col)
    for text in (t.col_labels.get(col) or "", spec.label if spec is not None else ""):
        m = _COLUMN_UNIT.search(text)
        if m is not None:
            return m.group(0)
    return None


def _misread(t: StatTable) -> bool:
    """A table read by OCR with labels the tool could not map (table-unreadable, DL001, says its checks are
    skipped): its grid may be wrong — a label's strokes taken for a rule split it into more columns than it has —
    and pieces of labels land in number columns; they are the tool's misreading, not text in the report's cells."""
    if not any(c.cell is not None and c.cell.confidence is not None for c in t.cells.values()):
        return False
    return bool(truly_unmapped(t) or unplaced_columns(t))


# -- kind: 规章 without rule-making power ---------------------------------------------------------------

class RulesPowerOptions(KindOptions):
    rule_making_kinds: list[str] = Field(
        default_factory=lambda: ["province_government", "city_government"],
        description="有规章制定权的机关类型（agency_kind）；人民政府办公室（厅）按其所属政府判断")
    national_prefixes: list[str] = Field(
        default_factory=lambda: ["国务院", "国家", "中华人民共和国", "中国"],
        description="名称以这些词开头的机关视为国务院部门（可制定部门规章），不检查")


_REGION_WORD = re.compile(r"[省市县区州盟旗乡镇]|自治")


@register
class StatRulesPower(Kind[RulesPowerOptions]):
    """Non-zero 规章 figures in table 二 for a body that cannot make rules (info)."""

    name = "stat-rules-power"
    Options = RulesPowerOptions
    params = frozenset({"values"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        t = (report.stats or {}).get("s2")
        if t is None or t.layout == "image":
            return
        kind = self._kind(report)
        if kind is None or kind in self.options.rule_making_kinds:
            return
        cells = [(k, c) for k, c in t.cells.items() if k[0] == "rules" and c.value.is_number
                 and c.value.arithmetic != 0]
        if not cells:
            return
        values = "、".join(f"{col_label(t, k[1])}{fmt(c.value.arithmetic)}" for k, c in cells)
        ev = {"table": TABLE_SHORT_NAMES["s2"], "table_title": TABLE_NAMES["s2"], "row": "rules", "row_label": row_label(t, "rules"),
              "agency": report.agency.name, "agency_kind": kind, "expected": 0,
              "actual": jnum(cells[0][1].value.arithmetic), "cells": [cell_evidence(t, k) for k, _ in cells]}
        yield position(report, t, cells[0][0], params={"values": values}, evidence=ev, key="rules-power")

    def _kind(self, report) -> str | None:
        agency = report.agency
        name = agency.name or ""
        kind = agency.kind
        # a national prefix names a 国务院部门 (部门规章), but not on a branch of one (中国人民银行某某市中心支行)
        if kind != "vertical_branch" and name.startswith(tuple(self.options.national_prefixes)):
            return None
        if kind == "department" and name.endswith(("部", "署")) and not _REGION_WORD.search(name):
            return None  # a ministry or an administration of the State Council named alone (财政部, 海关总署)
        if kind == "government_office":
            parent = government_of(name) if name else None
            return classify(parent)[0] if parent else None
        return kind


# -- kind: unfilled tables ------------------------------------------------------------------------------

@register
class StatUnfilled(Kind[KindOptions]):
    """Statistics tables published without a single number (an unfilled template).

    Whether a blank cell means 0 is not defined anywhere (spec I13, open item 9): a body that had no
    复议 or 诉讼 may leave table 四 blank while filling the others.  So a blank table next to filled ones is
    the rule's severity (a warning); only when every statistics table read is blank — nothing of the
    statistics part filled in, an unfilled template — is it an error."""

    name = "stat-unfilled"
    Options = KindOptions
    params = frozenset({"tables", "advice"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        stats = report.stats or {}
        trunc = report.truncation
        empty: list[StatTable] = []
        filled = 0
        for tid in ("s2", "s3", "s4"):
            t = stats.get(tid)
            if t is None or t.layout == "image":
                continue
            if t.has_numbers:
                filled += 1
                continue
            if trunc is not None and trunc.table == tid:
                continue  # the file ends inside it: its numbers may be in the part cut off (DL002 says so)
            if any(c.value.kind != "blank" for c in (*t.cells.values(), *t.loose)):
                continue  # filled with placeholders (/ — 无): a deliberate answer, not a template
            if not t.cells and (t.unmapped or t.extra_rows or t.extra_cols):
                continue  # we could not read it: the input rules report that
            if tid in report.unread_tables:
                continue  # its numbers run into its labels (规章000行政规范性文件8855698): not read (DL001), not blank
            empty.append(t)
        if not empty:
            return
        names = "、".join(f"{TABLE_SHORT_NAMES[t.id]}（{TABLE_TITLES[t.id]}）" for t in empty)
        first = empty[0]
        ev = {"tables": [{"table": TABLE_SHORT_NAMES[t.id], "table_title": TABLE_NAMES[t.id], "layout": t.layout,
                          "cells_read": len(t.cells)} for t in empty],
              "expected": "填写数字（没有发生的填0）", "actual": "没有任何数字",
              "other_tables_filled": filled}
        block = first.blocks[0] if first.blocks else None
        if filled:
            advice = "（其他统计表已填写）。若本年没有发生，请逐格填0：空白与0的含义不同"
        else:
            advice = "，疑似发布了未填写的空白模板（没有发生的事项应填0）"
        yield Hit(block=block, params={"tables": names, "advice": advice}, evidence=ev,
                  key="unfilled:" + ",".join(t.id for t in empty), severity=None if filled else "error")




# -- kind: a group row of table 三 filled with its own sub-total -------------------------------------------------------

_GROUP_ITEMS: dict[int, tuple[object, dict[str, list[str]]]] = {}


def _group_items(sch) -> dict[str, list[str]]:
    """Table 三's result group rows of a schema (（三）不予公开 …) with their numbered items' row ids, read once per
    schema (the schema object kept beside its answer, so that its id is not reused)."""
    got = _GROUP_ITEMS.get(id(sch))
    if got is not None and got[0] is sch:
        return got[1]
    kids_of = {spec.id: [r.id for r in sch.rows if r.group == spec.id and r.data]
               for spec in sch.rows if not spec.data and spec.group == "result"}
    if len(_GROUP_ITEMS) < 64:
        _GROUP_ITEMS[id(sch)] = (sch, kids_of)
    return kids_of

@register
class StatGroupRow(Kind[KindOptions]):
    """Table 三's group rows （三）不予公开, （四）无法提供, （五）不予处理 (and 2021's （六）其他处理) hold no numbers in the
    format (spec §3.4: only their numbered items do); a clerk who fills one writes its sub-total there, and some templates
    add a sub-total row (小计, 合计) after the items.  Each column where such a sub-total differs from the sum of the
    group's items is named, one finding per row."""

    name = "stat-group-row"
    Options = KindOptions
    params = frozenset({"what", "items", "cells", "count", "note"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        t = (report.stats or {}).get("s3")
        if t is None or t.layout == "image" or truly_unmapped(t) or unplaced_columns(t) or t.loose:
            return  # (a table not read whole: DL001 says so)
        sch = t.schema
        kids_of = _group_items(sch)
        added = {u.group for u in t.added_rows}  # (a clerk's added item in the group, DL111: it may be in the sub-total)
        # the group rows' cells that hold a number (most tables: none, the group rows left blank as the format has them)
        filled: dict[str, list[tuple[str, str]]] = {}
        for k, sc in t.cells.items():
            if k[0] in kids_of and sc.value.is_number:
                filled.setdefault(k[0], []).append(k)
        if not filled and not t.subtotals:
            return
        order = cell_order(t) if filled else None
        for group, kids in kids_of.items():
            if not kids or group in added:
                continue
            items = f"第1至{len(kids)}项"
            own = [(k, t.cells[k].value, t.cells[k].cell) for k in sorted(filled[group], key=order)] \
                if group in filled else []
            bad = self._differing(t, kids, [(k[1], v, c) for k, v, c in own])
            if bad:
                label = row_label(t, group).strip()
                yield position(report, t, (group, bad[0][0]), **self._hit(
                    t, group, bad, f"“{label}”一行所填的数字", items,
                    f"统一格式中该行只是分组名称，数字填在其下各项；填了小计的，应等于{items}之和", f"group-row:{group}"))
            spec = sch.row_by_id[group]
            for sub in t.subtotals:
                if sub.group != group:
                    continue
                bad = self._differing(t, kids, [(cid, value_of(text), c) for cid, text, c in sub.values])
                if not bad:
                    continue
                block = sub.block if sub.block is not None else (t.blocks[0] if t.blocks else None)
                cell = bad[0][3] if bad[0][3] is not None else sub.cell  # (a flattened table's value: its label's place)
                sec = report.section_of(block) if block is not None else None
                pointer = " › ".join(p for p in ((sec.label if sec else None), TABLE_SHORT_NAMES["s3"], spec.label,
                                                 sub.label.strip(), col_name(t, bad[0][0])) if p)
                yield Hit(block=block, cell=cell,
                          pointer=pointer, **self._hit(
                              t, group, bad, f"“{spec.label}”的小计行“{sub.label.strip()}”", items,
                              f"小计行是地方增设的栏目，应等于该组{items}之和", f"subtotal:{group}:{sub.label.strip()}"))

    @staticmethod
    def _differing(t: StatTable, kids: list[str], own) -> list[tuple[str, Decimal, Decimal, Any]]:
        """(column, the items' sum, the sub-total, its cell) of each column where a sub-total ``own`` (``(column,
        value, cell)``) that is a number differs from the sum of the items ``kids`` (all read, numbers or blank)."""
        bad = []
        for col, value, cell in own:
            if not value.is_number:
                continue
            parts = [t.cells.get((kid, col)) for kid in kids]
            if any(p is None or not (p.value.is_number or p.value.kind == "blank") for p in parts):
                continue  # an item not read or not a number: its sum is not known
            total = sum((p.value.arithmetic for p in parts if p is not None and p.value.is_number), Decimal(0))
            if value.arithmetic != total:
                bad.append((col, total, value.arithmetic, cell))
        return bad

    @staticmethod
    def _hit(t: StatTable, group: str, bad, what: str, items: str, note: str, key: str) -> dict[str, Any]:
        cells = "；".join(f"“{col_name(t, col)}”列为{fmt(actual)}，其{items}之和为{fmt(total)}"
                         for col, total, actual, _c in bad)
        _col, total, actual, _c = bad[0]
        return {"params": {"what": what, "items": items, "cells": cells, "count": str(len(bad)), "note": note},
                "evidence": {"table": TABLE_SHORT_NAMES["s3"], "table_title": TABLE_NAMES["s3"], "row": group,
                             "row_label": row_label(t, group), "expected": jnum(total), "actual": jnum(actual),
                             "delta": jnum(actual - total),
                             "cells": [{"column": c, "column_label": col_name(t, c), "expected": jnum(tot),
                                        "actual": jnum(act)} for c, tot, act, _cell in bad]},
                "key": key}
