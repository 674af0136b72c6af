"""Statistics kinds: the arithmetic of the three statistics tables (sections 二, 三, 四).

All identity kinds read one shared analysis per report (:func:`analyse`, cached in
``report.cache``), built from ``report.stats`` (typed cells keyed by canonical row and
column ids, see :mod:`disclosure_lint.report.stats`):

* **Identities** (spec §4, declared as data in ``report/stats/schema.py``):
  I1 表三每列 一 + 二 = （七）总计 + 四 (the 勾稽关系 printed in the table);
  I2 表三每行 总计 = 六类申请人之和; I3 表三每列 （七）总计 = 各项办理结果之和;
  I4 表四三组各自 总计 = 维持 + 纠正 + 其他 + 尚未审结.
  Blank cells and placeholders (/ — 无) count as 0.
* **Never blame the report for a parse failure.** An identity is *skipped* when the
  table is an image; when the table has an unrecognised column (the others may be
  shifted) or values of a flattened table that could not be placed; when one of its
  cells was not read (missing row, column or cell — a trailing empty cell of a text
  line cannot be told from a missing one); when one of its cells holds text (reported
  by ``stat-value``); for I3, when the table has unrecognised or local extra rows
  (their numbers may belong to the sum); and when it uses a blank total of another
  identity (its value is unknown, not 0).
* **Blank totals.** An identity whose total cell is blank (or a placeholder) while its
  parts are not all zero is not an arithmetic error: it is reported once per table by
  ``stat-blank-total`` (warning), never as a violated identity.
* **Cell blame.** When one cell takes part in two or more violated identities, every
  checked identity it takes part in is violated, and one corrected value of that cell
  satisfies all of them, the cell is *blamed*: ``stat-cell-blame`` reports it once,
  with the identities it breaks and the value that would satisfy them, and the
  identity rules stay silent about those identities (unless the blame rule is not
  selected, in which case they report them as usual).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..report.agency import classify
from ..report.stats.misplaced import Rearrangement, rearrangements
from ..report.stats.model import StatCell, StatTable
from ..report.stats.schema import (
    S4_BLOCKS,
    SHORT_NAMES,
    TABLE_NAMES,
    Identity,
    identities,
    strip_number,
)
from ..report.structure import TABLE_NAMES as TABLE_TITLES
from . import register
from .base import Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

ANALYSIS_KEY = "statistics.analysis"
ZERO = Decimal(0)

IdentityId = Literal["I1", "I2", "I3", "I4"]

# Short names used in message arithmetic ("本年新收3 + 上年结转1 = 4").
S3_SHORT = {
    "new": "本年新收",
    "carried_over": "上年结转",
    "result.total": "办理结果总计",
    "carried_forward": "结转下年度",
    "result.open": "予以公开",
    "result.partial": "部分公开",
    "result.not_open.state_secret": "不予公开·国家秘密",
    "result.not_open.law_prohibited": "不予公开·法律法规禁止",
    "result.not_open.security_stability": "不予公开·三安全一稳定",
    "result.not_open.third_party": "不予公开·保护第三方",
    "result.not_open.internal_affairs": "不予公开·内部事务",
    "result.not_open.process_info": "不予公开·过程性信息",
    "result.not_open.enforcement_file": "不予公开·行政执法案卷",
    "result.not_open.admin_query": "不予公开·行政查询",
    "result.unavailable.not_held": "无法提供·本机关不掌握",
    "result.unavailable.need_creation": "无法提供·需另行制作",
    "result.unavailable.unclear": "无法提供·补正后仍不明确",
    "result.not_processed.petition": "不予处理·信访举报投诉",
    "result.not_processed.repeated": "不予处理·重复申请",
    "result.not_processed.publication": "不予处理·公开出版物",
    "result.not_processed.excessive": "不予处理·大量反复申请",
    "result.not_processed.confirm": "不予处理·要求确认或重新出具",
    "result.other": "其他处理",
    "result.other.no_correction": "其他处理·逾期不补正",
    "result.other.no_fee": "其他处理·逾期未缴费",
    "result.other.other": "其他处理·其他",
}
S4_BLOCK_NAMES = dict(S4_BLOCKS)
S4_RESULT_SHORT = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结",
                   "total": "总计"}
IDENTITY_TEXT = {
    "I1": "第一项加第二项之和，等于第三项加第四项之和",
    "I2": "总计等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六栏之和",
    "I3": "（七）总计等于各项办理结果之和",
    "I4": "总计等于结果维持、结果纠正、其他结果、尚未审结之和",
}
PARTS_NAME = {"I2": "六类申请人", "I3": "各项办理结果", "I4": "四种结果"}
IDENTITY_SHORT = {"I1": "勾稽关系", "I2": "申请人合计", "I3": "办理结果合计", "I4": "复议诉讼合计"}


# -- numbers ----------------------------------------------------------------------------------

def fmt(d: Decimal | None) -> str:
    """A number as a report writes it: 3, 12.5 (no exponent, no trailing zeros)."""
    if d is None:
        return "空白"
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def jnum(d: Decimal | None):
    """A number for JSON evidence: int when integral, else float."""
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


# -- the shared analysis --------------------------------------------------------------------------

Status = Literal["ok", "violated", "blank_total", "skipped"]


@dataclass
class Check:
    """One identity evaluated on one table."""

    ident: Identity
    table: StatTable
    status: Status
    lhs: Decimal = ZERO
    rhs: Decimal = ZERO
    reason: str | None = None  # why it was skipped

    @property
    def delta(self) -> Decimal:
        return self.lhs - self.rhs

    @property
    def total_key(self) -> tuple[str, str]:
        """The cell most likely wrong when nothing else is known: the total."""
        return self.ident.rhs[0] if self.ident.id == "I1" else self.ident.lhs[0]

    def keys(self) -> list[tuple[tuple[str, str], int]]:
        return [(k, 1) for k in self.ident.lhs] + [(k, -1) for k in self.ident.rhs]

    def expected_total(self) -> Decimal:
        """The value the total cell would need for the identity to hold."""
        total = self.table.cells.get(self.total_key)
        value = total.value.arithmetic if total is not None else ZERO
        return value + self.delta if self.total_key in self.ident.rhs else value - self.delta

    @property
    def subject(self) -> tuple[str, str]:
        """("col"|"row"|"block", id) — what the identity is about."""
        i = self.ident
        if i.id in ("I1", "I3"):
            return "col", i.lhs[0][1]
        if i.id == "I2":
            return "row", i.lhs[0][0]
        return "block", i.lhs[0][1].split(".")[0]


@dataclass
class Blame:
    table: StatTable
    key: tuple[str, str]
    cell: StatCell
    checks: list[Check]
    expected: Decimal

    @property
    def actual(self) -> Decimal:
        return self.cell.value.arithmetic


@dataclass
class Move:
    """A row whose numbers sit in the wrong columns (:mod:`disclosure_lint.report.stats.misplaced`): the only
    rearrangement of one row that makes every broken identity of its table hold."""

    table: StatTable
    how: Rearrangement
    checks: list[Check]


@dataclass
class Analysis:
    checks: list[Check] = field(default_factory=list)
    blames: list[Blame] = field(default_factory=list)
    blamed: set[int] = field(default_factory=set)  # id() of checks explained by a blame or a move
    moves: list[Move] = field(default_factory=list)
    # id() of a broken check → the one row whose rearrangement would make it hold, when that is not
    # certain enough for a move (other identities of the table stay broken): named in its message
    hints: dict[int, Rearrangement] = field(default_factory=dict)


def _version(table: StatTable, report) -> str:
    for v in (table.detected_version, table.schema.version, report.format_version):
        if v in ("2019", "2021"):
            return v
    return "2021"


def _evaluate(ident: Identity, table: StatTable, unknown: frozenset[tuple[str, str]] = frozenset()) -> Check:
    if table.layout == "image":
        return Check(ident, table, "skipped", reason="表格为图片")
    if table.loose:
        # values of a flattened table that could not be placed: some cells are unknown
        return Check(ident, table, "skipped", reason="有未能定位的数值")
    if any(u.what == "col" for u in table.unmapped):
        # an unrecognised column may have shifted the others: no arithmetic on this table
        return Check(ident, table, "skipped", reason="表中有未识别的列")
    if ident.id == "I3" and (table.unmapped_data or table.extra_rows):
        # the numbers of an unrecognised or local row may belong to the sum
        return Check(ident, table, "skipped", reason="表中有未识别或额外的行")
    cells = table.cells
    sums = [ZERO, ZERO]
    for side, keys in enumerate((ident.lhs, ident.rhs)):
        for k in keys:
            c = cells.get(k)
            if c is None:
                return Check(ident, table, "skipped", reason=f"未读到单元格 {k[0]} › {k[1]}")
            v = c.value
            if v.kind == "text":
                return Check(ident, table, "skipped", reason=f"单元格 {k[0]} › {k[1]} 不是数字")
            if v.number is not None:
                sums[side] += v.number
    lhs, rhs = sums
    if ident.id != "I1":
        total = table.cells[ident.lhs[0]]
        if not total.value.is_number and rhs != 0:
            # a blank 总计 whose parts are not all zero: not an arithmetic error (spec I13)
            return Check(ident, table, "blank_total", lhs, rhs)
    if any(k in unknown for k in (*ident.lhs, *ident.rhs)):
        # a blank total of another identity takes part: its value is unknown, not 0
        return Check(ident, table, "skipped", reason="涉及未填写的合计栏")
    if lhs == rhs:
        return Check(ident, table, "ok", lhs, rhs)
    return Check(ident, table, "violated", lhs, rhs)


def _blame(checks: list[Check], min_identities: int) -> tuple[list[Blame], set[int]]:
    violated = [ch for ch in checks if ch.status == "violated"]
    if len(violated) < min_identities:
        return [], set()
    # cells that take part in at least ``min_identities`` violated identities
    counts: dict[tuple[str, tuple[str, str]], int] = {}
    for ch in violated:
        for k, _ in ch.keys():  # noqa: SIM118 - Check.keys() is a method, not a dict
            ck = (ch.table.id, k)
            counts[ck] = counts.get(ck, 0) + 1
    wanted = {ck for ck, n in counts.items() if n >= min_identities}
    if not wanted:
        return [], set()
    by_cell: dict[tuple[str, tuple[str, str]], list[tuple[Check, int]]] = {}
    for ch in checks:
        if ch.status not in ("ok", "violated"):
            continue
        for k, sign in ch.keys():  # noqa: SIM118 - Check.keys() is a method, not a dict
            ck = (ch.table.id, k)
            if ck in wanted:
                by_cell.setdefault(ck, []).append((ch, sign))
    candidates: list[tuple[int, tuple[str, tuple[str, str]], list[Check], Decimal]] = []
    for ck, uses in by_cell.items():
        if len(uses) < min_identities or any(ch.status != "violated" for ch, _ in uses):
            continue
        deltas = {-ch.delta * sign for ch, sign in uses}
        if len(deltas) != 1:
            continue
        (step,) = deltas
        cell = uses[0][0].table.cells[ck[1]]
        expected = cell.value.arithmetic + step
        if expected < 0:
            continue
        candidates.append((len(uses), ck, [ch for ch, _ in uses], expected))
    # two cells explaining exactly the same identities: ambiguous, blame neither
    sets: dict[frozenset[int], int] = {}
    for _, _, chs, _ in candidates:
        s = frozenset(id(c) for c in chs)
        sets[s] = sets.get(s, 0) + 1
    candidates.sort(key=lambda t: -t[0])
    used: set[int] = set()
    blames: list[Blame] = []
    for _, (_tid, key), chs, expected in candidates:
        ids = {id(c) for c in chs}
        if sets[frozenset(ids)] > 1 or ids & used:
            continue
        used |= ids
        table = chs[0].table
        blames.append(Blame(table, key, table.cells[key], chs, expected))
    return blames, used


@cache
def _identities(tid: str, version: str) -> tuple[Identity, ...]:
    return tuple(identities(tid, version))


def analyse(report, min_identities: int = 2) -> Analysis:
    """Evaluate every identity of every statistics table once per report."""
    cache_key = (ANALYSIS_KEY, min_identities)
    cached = report.cache.get(cache_key)
    if cached is not None:
        return cached
    out = Analysis()
    stats = report.stats or {}
    for tid in ("s3", "s4"):
        table = stats.get(tid)
        if table is None or not table.cells:
            continue
        idents = _identities(tid, _version(table, report))
        first = [_evaluate(i, table) for i in idents]
        unknown = frozenset(c.total_key for c in first if c.status == "blank_total")
        out.checks.extend(_evaluate(i, table, unknown) if unknown else c for i, c in zip(idents, first))
    out.blames, out.blamed = _blame(out.checks, min_identities)
    for tid in ("s3", "s4"):
        _rearrange(out, tid)
    report.cache[cache_key] = out
    return out


def _rearrange(out: Analysis, tid: str) -> None:
    """Broken identities of one table that one row put back in its columns explains (see :class:`Move`).

    A single cell that explains every broken identity is the simpler reading and stays (DL210 as a cell).
    Otherwise the only rearrangement explaining all of them becomes a move (and cell blames of that table,
    which explain a part, are dropped: their fix would leave the rest broken).  Without such a move, a
    broken identity that only one rearrangement could make hold is given it as a hint (its row is named)."""
    checks = [ch for ch in out.checks if ch.table.id == tid]
    violated = [i for i, ch in enumerate(checks) if ch.status == "violated"]
    if len(violated) < 2:
        return
    table = checks[0].table
    blames = [b for b in out.blames if b.table is table]
    if any(len(b.checks) == len(violated) for b in blames):
        return
    unknown = frozenset(ch.total_key for ch in checks if ch.status == "blank_total")
    found = rearrangements(table, [ch.ident for ch in checks], unknown)
    # every broken identity (and those with the row's blank 总计, which the rearrangement fills)
    complete = [r for r in found if set(violated) <= r.fixes]
    if len(complete) == 1:
        for b in blames:
            out.blames.remove(b)
            out.blamed.difference_update(id(ch) for ch in b.checks)
        move = Move(table, complete[0], [checks[i] for i in violated])
        out.moves.append(move)
        out.blamed.update(id(ch) for ch in move.checks)
        return
    for i in violated:
        if id(checks[i]) in out.blamed:
            continue
        ways = [r for r in found if i in r.fixes]
        if len(ways) == 1:
            out.hints[id(checks[i])] = ways[0]


# -- labels, evidence, positions ----------------------------------------------------------------

def row_label(table: StatTable, row: str) -> str:
    lbl = table.row_labels.get(row)
    if lbl:
        return lbl
    spec = table.schema.row_by_id.get(row)
    return spec.label if spec else row


def row_name(table: StatTable, row: str) -> str:
    """The row label for messages: a numbered sub-row carries its group (``（六）其他处理 3.其他``)."""
    lbl = row_label(table, row)
    spec = table.schema.row_by_id.get(row)
    if spec is not None and spec.group and spec.group != "result":
        group = table.row_labels.get(spec.group) or table.schema.row_by_id[spec.group].label
        if strip_number(group) not in lbl:
            return f"{group} {lbl}"
    return lbl


def col_label(table: StatTable, col: str) -> str:
    if table.id == "s4":  # 总计 alone is ambiguous: name the block
        b, _, r = col.partition(".")
        lbl = table.col_labels.get(col) or S4_RESULT_SHORT.get(r, r)
        return f"{S4_BLOCK_NAMES.get(b, b)}·{lbl}"
    lbl = table.col_labels.get(col)
    if lbl:
        return lbl
    spec = table.schema.col_by_id.get(col)
    return spec.label if spec else col


def _short_row(table: StatTable, row: str) -> str:
    if table.id == "s3" and row in S3_SHORT:
        return S3_SHORT[row]
    return strip_number(row_label(table, row)).split("（")[0]


def _short_term(table: StatTable, key: tuple[str, str], subject: str) -> str:
    row, col = key
    if table.id == "s4":
        return S4_RESULT_SHORT.get(col.split(".")[-1], col)
    if subject == "row":  # I2: terms are columns
        return _col_name(table, col)
    return _short_row(table, row)


def _col_name(table: StatTable, col: str) -> str:
    if table.id == "s3":
        spec = table.schema.col_by_id.get(col)
        return spec.label if spec else col
    return col_label(table, col)


def _sum_text(table: StatTable, keys, subject: str) -> str:
    """``本年新收3 + 上年结转1 = 4``."""
    total = sum((table.number(*k) for k in keys), ZERO)
    terms = " + ".join(f"{_short_term(table, k, subject)}{fmt(table.number(*k))}" for k in keys)
    return f"{terms} = {fmt(total)}" if len(keys) > 1 else terms


def _parts_text(table: StatTable, keys, subject: str) -> str:
    """The non-zero parts of a sum: ``自然人3 + 商业企业1，其余为0``."""
    shown = [k for k in keys if table.number(*k) != 0]
    if not shown:
        return "各项均为0"
    terms = " + ".join(f"{_short_term(table, k, subject)}{fmt(table.number(*k))}" for k in shown)
    return terms + ("，其余为0" if len(shown) < len(keys) else "")


def cell_pointer(table: StatTable, key: tuple[str, str]) -> str:
    """``表三 › 一、本年新收… › 自然人``; table 四 names the block (``表四 › 行政复议 › 总计``)."""
    c = table.cells.get(key)
    if table.id == "s4":
        return f"{SHORT_NAMES['s4']} › {col_label(table, key[1]).replace('·', ' › ')}"
    if c is not None:
        return c.pointer
    return f"{SHORT_NAMES.get(table.id, table.id)} › {row_label(table, key[0])} › {col_label(table, key[1])}"


def cell_evidence(table: StatTable, key: tuple[str, str], side: str | None = None) -> dict:
    c = table.cells.get(key)
    d = {"row": key[0], "column": key[1], "row_label": row_label(table, key[0]),
         "column_label": col_label(table, key[1])}
    if c is not None:
        d.update(pointer=cell_pointer(table, key), raw=c.raw, value=jnum(c.value.number), value_kind=c.value.kind)
    if side:
        d["side"] = side
    return d


def subject_label(ch: Check) -> str:
    what, sid = ch.subject
    t = ch.table
    if what == "col":
        return f"“{_col_name(t, sid)}”列"
    if what == "row":
        return f"“{row_name(t, sid)}”行"
    return f"“{S4_BLOCK_NAMES.get(sid, sid)}”"


def check_detail(ch: Check) -> str:
    """The arithmetic of a violated identity, in Chinese."""
    t, i = ch.table, ch.ident
    if i.id == "I1":
        return (f"{_sum_text(t, i.lhs, 'col')}，但{_sum_text(t, i.rhs, 'col')}")
    what = ch.subject[0]
    total_name = "（七）总计" if i.id == "I3" else "总计"
    parts = PARTS_NAME[i.id]
    return f"{total_name}为{fmt(ch.lhs)}，但{parts}之和为{fmt(ch.rhs)}（{_parts_text(t, i.rhs, what)}）"


def check_evidence(ch: Check) -> dict:
    t, i = ch.table, ch.ident
    total = t.cells.get(ch.total_key)
    total_val = total.value.arithmetic if total is not None else ZERO
    what, sid = ch.subject
    ev = {
        "table": SHORT_NAMES.get(t.id, t.id),
        "table_title": TABLE_NAMES.get(t.id, t.id),
        "identity": i.id,
        "identity_text": IDENTITY_TEXT[i.id],
        "lhs": jnum(ch.lhs), "rhs": jnum(ch.rhs), "delta": jnum(ch.delta),
        # I1: the two sides of the printed balance; I2–I4: the sum of the parts vs the total written
        "expected": jnum(ch.lhs if i.id == "I1" else ch.rhs), "actual": jnum(ch.rhs if i.id == "I1" else ch.lhs),
        "total_cell_expected": jnum(ch.expected_total()), "total_cell_actual": jnum(total_val),
        "position": cell_evidence(t, ch.total_key),
        "cells": [cell_evidence(t, k, "lhs") for k in i.lhs] + [cell_evidence(t, k, "rhs") for k in i.rhs],
    }
    if what == "col":
        ev.update(column=sid, column_label=col_label(t, sid))
    elif what == "row":
        ev.update(row=sid, row_label=row_label(t, sid))
    else:
        ev.update(block=sid, block_label=S4_BLOCK_NAMES.get(sid, sid))
    return ev


def position(report, table: StatTable, at: tuple[str, str] | None, **kw) -> Hit:
    """A Hit on the cell ``at`` (grid cell when known, else its block, else the table)."""
    c = table.cells.get(at) if at else None
    block = (c.block if c is not None and c.block is not None else None) or (table.blocks[0] if table.blocks
                                                                               else None)
    pointer = None
    if c is not None:
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
        analysis = analyse(report)
        for ch in analysis.checks:
            if ch.ident.id != opts.identity or ch.status != "violated":
                continue
            t = ch.table
            what, sid = ch.subject
            ev = check_evidence(ch)
            detail = check_detail(ch)
            hint = analysis.hints.get(id(ch))
            if hint is not None:  # the one row whose numbers, put back in their columns, would make it hold
                moved, fix = rearrangement_text(t, hint)
                detail += f"；疑似{moved}（{fix}后本项成立）"
                ev["suspected_row"] = {"row": hint.row, "kind": hint.kind, "columns": list(hint.cols)}
            params = {
                "table": SHORT_NAMES.get(t.id, t.id), "subject": subject_label(ch),
                "column": _col_name(t, sid) if what == "col" else "",
                "row": row_name(t, sid) if what == "row" else "",
                "detail": detail,
                "expected": fmt(ch.lhs if ch.ident.id == "I1" else ch.rhs),
                "actual": fmt(ch.rhs if ch.ident.id == "I1" else ch.lhs), "delta": fmt(ch.delta),
                "identity": IDENTITY_TEXT[ch.ident.id],
            }
            yield position(report, t, ch.total_key, params=params, evidence=ev,
                           key=f"{ch.ident.id}:{t.id}:{what}:{sid}", about=(identity_ref(ch),))


# -- kind: cell blame ------------------------------------------------------------------------------

class BlameOptions(KindOptions):
    min_identities: int = Field(default=2, ge=2, description="一个单元格至少使几项合计关系同时不成立才归因于它")


def _names_and_details(checks: list[Check]) -> tuple[str, list[dict]]:
    names = []
    details = []
    for ch in checks:
        names.append(f"{subject_label(ch)}{IDENTITY_SHORT[ch.ident.id]}")
        ev = check_evidence(ch)
        ev["detail"] = check_detail(ch)
        details.append(ev)
    return "、".join(names), details


def _cell_name_of(t: StatTable, col: str) -> str:
    return _col_name(t, col) if t.id == "s3" else col_label(t, col)


def rearrangement_text(t: StatTable, r: Rearrangement) -> tuple[str, str]:
    """(what is wrong, how to put it back) for a row whose numbers sit in the wrong columns."""
    row = row_name(t, r.row)
    if r.kind == "swap":
        (a, b), (wa, wb), (fa, fb) = r.cols, r.written, r.fixed
        na, nb = _cell_name_of(t, a), _cell_name_of(t, b)
        return (f"“{row}”行“{na}”“{nb}”两栏的数字（{fmt(wa)}、{fmt(wb)}）可能填反了",
                f"两者互换（{na}{fmt(fa)}、{nb}{fmt(fb)}）")
    shown = [f"{_cell_name_of(t, c)}{fmt(v)}" for c, v in zip(r.cols, r.fixed) if v != 0]
    values = "、".join(shown) + ("，其余为0" if len(shown) < len(r.cols) else "")
    first, last = _cell_name_of(t, r.cols[0]), _cell_name_of(t, r.cols[-1])
    if r.kind == "shift_right":
        return (f"“{row}”行的数字可能整行右移了一列（“{first}”栏空着，其后各栏的数字依次错后一格，"
                f"“{last}”被挤出表格）", f"整行左移一列（{values}）")
    return (f"“{row}”行的数字可能整行左移了一列（“{last}”栏空着，各栏的数字依次错前一格，“{first}”缺失）",
            f"整行右移一列（{values}）")


@register
class StatCellBlame(Kind[BlameOptions]):
    """One wrong cell that breaks several identities, reported once on that cell; or one row whose numbers
    sit in the wrong columns (two swapped, the row typed one column off), reported once on that row."""

    name = "stat-cell-blame"
    Options = BlameOptions
    params = frozenset({"table", "row", "column", "expected", "actual", "count", "identities", "what", "fix"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        analysis = analyse(report, self.options.min_identities)
        for b in analysis.blames:
            t = b.table
            row, col = b.key
            names, details = _names_and_details(b.checks)
            column = _cell_name_of(t, col)
            params = {"table": SHORT_NAMES.get(t.id, t.id), "row": row_name(t, row), "column": column,
                      "expected": fmt(b.expected), "actual": fmt(b.actual), "count": str(len(b.checks)),
                      "identities": names, "what": f"“{row_name(t, row)}”行“{column}”列的数字{fmt(b.actual)}可能有误",
                      "fix": f"改为{fmt(b.expected)}"}
            ev = {"table": SHORT_NAMES.get(t.id, t.id), "table_title": TABLE_NAMES.get(t.id, t.id),
                  "row": row, "column": col, "row_label": row_label(t, row), "column_label": col_label(t, col),
                  "pointer": cell_pointer(t, b.key), "expected": jnum(b.expected), "actual": jnum(b.actual),
                  "delta": jnum(b.expected - b.actual), "identities": details}
            yield position(report, t, b.key, params=params, evidence=ev, key=f"blame:{t.id}:{row}:{col}",
                           about=tuple(identity_ref(ch) for ch in b.checks))
        for m in analysis.moves:
            t, r = m.table, m.how
            names, details = _names_and_details(m.checks)
            what, fix = rearrangement_text(t, r)
            at = r.changed[0] if r.changed else r.cols[0]
            k = r.cols.index(at)
            params = {"table": SHORT_NAMES.get(t.id, t.id), "row": row_name(t, r.row), "column": _cell_name_of(t, at),
                      "expected": fmt(r.fixed[k]), "actual": fmt(r.written[k]), "count": str(len(m.checks)),
                      "identities": names, "what": what, "fix": fix}
            ev = {"table": SHORT_NAMES.get(t.id, t.id), "table_title": TABLE_NAMES.get(t.id, t.id),
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
        for ch in analyse(report).checks:
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
            order = _cell_order(t)
            items = []
            listed = []
            for key in sorted(best, key=order):
                ch = best[key]
                exact = not any(k in unknown for k in ch.ident.rhs)
                items.append({**cell_evidence(t, key), "expected": jnum(ch.rhs) if exact else None,
                              "actual": None, "identity": ch.ident.id})
                if len(listed) < opts.max_listed:
                    listed.append(_cell_name(t, *key) + (f"（各项之和为{fmt(ch.rhs)}）" if exact else "（其分项也有空白）"))
            text = "、".join(listed) + ("等" if len(items) > len(listed) else "")
            first = min(best, key=order)
            yield position(report, t, first, params={"table": SHORT_NAMES.get(tid, tid), "count": str(len(items)),
                                                     "cells": text},
                           evidence={"table": SHORT_NAMES.get(tid, tid), "table_title": TABLE_NAMES.get(tid, tid),
                                     "expected": items[0]["expected"], "actual": None, "cells": items},
                           key=f"blank-total:{tid}")


def _cell_order(t: StatTable):
    rows = {r.id: i for i, r in enumerate(t.schema.rows)}
    cols = {c.id: i for i, c in enumerate(t.schema.cols)}
    return lambda k: (rows.get(k[0], 999), cols.get(k[1], 999))


def _cell_name(t: StatTable, row: str, col: str) -> str:
    if t.id == "s4":
        return f"“{col_label(t, col)}”"
    if col == "total":
        return f"“{'（七）总计' if row == 'result.total' else _short_row(t, row)}”行总计"
    if row == "result.total":
        return f"“{_col_name(t, col)}”列（七）总计"
    return f"“{_short_row(t, row)}”行“{_col_name(t, col)}”列"


# -- kind: value types --------------------------------------------------------------------------------

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
            if t is None or t.layout == "image":
                continue
            for key, c in t.cells.items():
                problem = self._problem(t, key, c)
                if problem is None:
                    continue
                row, col = key
                place = (f"“{col_label(t, col)}”栏" if tid == "s4" else
                         f"“{row_name(t, row)}”行“{col_label(t, col)}”列")
                params = {"table": SHORT_NAMES.get(tid, tid), "row": row_name(t, row), "column": col_label(t, col),
                          "place": place, "value": c.raw.strip(), "problem": problem}
                ev = {"table": SHORT_NAMES.get(tid, tid), "table_title": TABLE_NAMES.get(tid, tid),
                      **cell_evidence(t, key), "actual": c.raw.strip(),
                      "expected": "非负整数" if self._kind(t, col) == "count" else
                      ("整数（可为负数）" if self._kind(t, col) == "change" else "非负数")}
                yield position(report, t, key, params=params, evidence=ev, key=f"value:{tid}:{row}:{col}")

    @staticmethod
    def _kind(t: StatTable, col: str) -> str:
        spec = t.schema.col_by_id.get(col)
        return spec.kind if spec is not None else "count"

    def _problem(self, t: StatTable, key, c: StatCell) -> str | None:
        v = c.value
        if v.kind == "text":
            if not self.options.flag_text or t.layout != "grid":
                return None
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


# -- kind: table 二 sanity ------------------------------------------------------------------------------

@register
class StatProactive(Kind[KindOptions]):
    """2019 table 二: 本年新公开数量 ≤ 对外公开总数量 (规章, 规范性文件)."""

    name = "stat-proactive"
    Options = KindOptions
    params = frozenset({"row", "new", "total"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        t = (report.stats or {}).get("s2")
        if t is None or t.layout == "image" or _version(t, report) != "2019":
            return
        for row in ("rules", "normative_docs"):
            new, total = t.get(row, "new_published"), t.get(row, "total_published")
            if new is None or total is None or not (new.value.is_number and total.value.is_number):
                continue
            a, b = new.value.arithmetic, total.value.arithmetic
            if a <= b:
                continue
            params = {"row": row_label(t, row), "new": fmt(a), "total": fmt(b)}
            ev = {"table": "表二", "table_title": TABLE_NAMES["s2"], "row": row, "row_label": row_label(t, row),
                  "expected": f"≥{fmt(a)}", "actual": jnum(b), "delta": jnum(a - b),
                  "cells": [cell_evidence(t, (row, "new_published")), cell_evidence(t, (row, "total_published"))]}
            yield position(report, t, (row, "total_published"), params=params, evidence=ev,
                           key=f"proactive:{row}")


# -- kind: 规章 without rule-making power ---------------------------------------------------------------

class RulesPowerOptions(KindOptions):
    rule_making_kinds: list[str] = Field(
        default_factory=lambda: ["province_government", "city_government"],
        description="有规章制定权的机关类型（agency_kind）；人民政府办公室（厅）按其所属政府判断")
    national_prefixes: list[str] = Field(
        default_factory=lambda: ["国务院", "国家", "中华人民共和国", "中国"],
        description="名称以这些词开头的机关视为国务院部门（可制定部门规章），不检查")


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
        ev = {"table": "表二", "table_title": TABLE_NAMES["s2"], "row": "rules", "row_label": row_label(t, "rules"),
              "agency": report.agency.name, "agency_kind": kind, "expected": 0,
              "actual": jnum(cells[0][1].value.arithmetic), "cells": [cell_evidence(t, k) for k, _ in cells]}
        yield position(report, t, cells[0][0], params={"values": values}, evidence=ev, key="rules-power")

    def _kind(self, report) -> str | None:
        agency = report.agency
        name = agency.name or ""
        if name.startswith(tuple(self.options.national_prefixes)):
            return None
        kind = agency.kind
        if kind == "government_office":
            if not name:
                return None
            parent = name
            for suffix in ("人民政府办公厅", "人民政府办公室", "政府办公厅", "政府办公室"):
                if parent.endswith(suffix):
                    parent = parent[: -len(suffix)] + "人民政府"
                    break
            return classify(parent)[0]
        return kind


# -- kind: unfilled tables ------------------------------------------------------------------------------

@register
class StatUnfilled(Kind[KindOptions]):
    """Statistics tables published without a single number (an unfilled template)."""

    name = "stat-unfilled"
    Options = KindOptions
    params = frozenset({"tables"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        stats = report.stats or {}
        trunc = report.truncation
        empty: list[StatTable] = []
        for tid in ("s2", "s3", "s4"):
            t = stats.get(tid)
            if t is None or t.layout == "image" or t.has_numbers:
                continue
            if trunc is not None and trunc.table == tid:
                continue  # the file ends inside it: its numbers may be in the part cut off (DL002 says so)
            if any(c.value.kind != "blank" for c in (*t.cells.values(), *t.loose)):
                continue  # filled with placeholders (/ — 无): a deliberate answer, not a template
            if not t.cells and (t.unmapped or t.extra_rows or t.extra_cols):
                continue  # we could not read it: the input rules report that
            empty.append(t)
        if not empty:
            return
        names = "、".join(f"{SHORT_NAMES[t.id]}（{TABLE_TITLES[t.id]}）" for t in empty)
        first = empty[0]
        ev = {"tables": [{"table": SHORT_NAMES[t.id], "table_title": TABLE_NAMES[t.id], "layout": t.layout,
                          "cells_read": len(t.cells)} for t in empty],
              "expected": "填写数字（没有发生的填0）", "actual": "没有任何数字"}
        block = first.blocks[0] if first.blocks else None
        yield Hit(block=block, params={"tables": names}, evidence=ev,
                  key="unfilled:" + ",".join(t.id for t in empty))


__all__ = ["Analysis", "Blame", "Check", "analyse"]
