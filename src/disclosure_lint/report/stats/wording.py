"""How messages name the cells, rows, columns and identities of the statistics tables, in Chinese.

Labels as the report wrote them (:func:`row_label`, :func:`col_label`, :func:`row_name` with its group), short
names for the arithmetic of a message (``本年新收3 + 上年结转1 = 4``: :func:`check_detail`), where a cell is
(:func:`cell_pointer`), the evidence of a cell or of an identity check (:func:`cell_evidence`,
:func:`check_evidence`), and the wording of a row put back in its columns (:func:`rearrangement_text`).
Numbers are written as a report writes them (:func:`fmt`) and given to JSON as int or float (:func:`jnum`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from ..catalogue import TABLE_NAMES, TABLE_SHORT_NAMES
from .identities import ZERO, CellKey, Check
from .misplaced import Rearrangement
from .model import StatTable
from .schema import S4_BLOCKS, SCHEMAS, strip_number

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


def jnum(d: Decimal | None) -> int | float | None:
    """A number for JSON evidence: int when integral, else float."""
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


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
    written = table.col_labels.get(col)
    if written:
        return written
    spec = table.schema.col_by_id.get(col)
    return spec.label if spec else col


def column_word(table_name: str, col: str) -> str:
    """A column's name from the schema alone (no table read), for a finding's evidence shown to a person:
    ``("表三", "natural_person")`` → ``自然人``, ``("表四", "review.upheld")`` → ``行政复议·结果维持``; the id
    itself when the table or column is not known."""
    tid = next((k for k, v in TABLE_SHORT_NAMES.items() if v == table_name), None)
    if tid == "s4":
        b, _, r = col.partition(".")
        return f"{S4_BLOCK_NAMES.get(b, b)}·{S4_RESULT_SHORT.get(r, r)}"
    for (t, _version), sch in SCHEMAS.items():
        spec = sch.col_by_id.get(col) if t == tid else None
        if spec is not None:
            return spec.label
    return col


def short_row(table: StatTable, row: str) -> str:
    if table.id == "s3" and row in S3_SHORT:
        return S3_SHORT[row]
    return strip_number(row_label(table, row)).split("（")[0]


def _short_term(table: StatTable, key: CellKey, subject: str) -> str:
    row, col = key
    if table.id == "s4":
        return S4_RESULT_SHORT.get(col.split(".")[-1], col)
    if subject == "row":  # I2: terms are columns
        return col_name(table, col)
    return short_row(table, row)


def col_name(table: StatTable, col: str) -> str:
    if table.id == "s3":
        spec = table.schema.col_by_id.get(col)
        return spec.label if spec else col
    return col_label(table, col)


def _sum_text(table: StatTable, keys: Sequence[CellKey], subject: str) -> str:
    """``本年新收3 + 上年结转1 = 4``."""
    total = sum((table.number(*k) for k in keys), ZERO)
    terms = " + ".join(f"{_short_term(table, k, subject)}{fmt(table.number(*k))}" for k in keys)
    return f"{terms} = {fmt(total)}" if len(keys) > 1 else terms


def is_blank(table: StatTable, key: CellKey) -> bool:
    """Is the cell ``key`` left blank (or absent)?  Counted as 0 in the arithmetic, but not written 0."""
    c = table.cells.get(key)
    return c is None or c.value.kind == "blank"


def parts_blank(table: StatTable, keys: Sequence[CellKey]) -> bool:
    """Are all the parts ``keys`` of a sum left blank?"""
    return all(is_blank(table, k) for k in keys)


def _zero_words(table: StatTable, keys: Sequence[CellKey]) -> str:
    """How cells counted as 0 are written: 为0, 未填写（空白）, 为0或空白."""
    blank = sum(1 for k in keys if is_blank(table, k))
    if blank == 0:
        return "为0"
    return "未填写（空白）" if blank == len(keys) else "为0或空白"


def _parts_text(table: StatTable, keys: Sequence[CellKey], subject: str) -> str:
    """The non-zero parts of a sum: ``自然人3 + 商业企业1，其余为0``; blank cells are said to be blank
    (``其余未填写（空白）``), not 0."""
    shown = [k for k in keys if table.number(*k) != 0]
    rest = [k for k in keys if table.number(*k) == 0]
    if not shown:
        return "各项均" + _zero_words(table, rest)
    terms = " + ".join(f"{_short_term(table, k, subject)}{fmt(table.number(*k))}" for k in shown)
    return terms + (f"，其余{_zero_words(table, rest)}" if rest else "")


def cell_pointer(table: StatTable, key: CellKey) -> str:
    """``表三 › 一、本年新收… › 自然人``; table 四 names the block (``表四 › 行政复议 › 总计``)."""
    c = table.cells.get(key)
    if table.id == "s4":
        return f"{TABLE_SHORT_NAMES['s4']} › {col_label(table, key[1]).replace('·', ' › ')}"
    if c is not None and c.col_label:
        return c.pointer
    # (a cell of a table read as text, one cell per line, has no column label as written: the column's own)
    written = c.row_label if c is not None and c.row_label else row_label(table, key[0])
    return f"{TABLE_SHORT_NAMES.get(table.id, table.id)} › {written} › {col_label(table, key[1])}"


def cell_evidence(table: StatTable, key: CellKey, side: str | None = None) -> dict[str, Any]:
    c = table.cells.get(key)
    d: dict[str, Any] = {"row": key[0], "column": key[1], "row_label": row_label(table, key[0]),
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
        return f"“{col_name(t, sid)}”列"
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
    if parts_blank(t, i.rhs):
        return f"{total_name}为{fmt(ch.lhs)}，但{parts}各项均未填写（空白，按0计之和为0）"
    # a clerk's added item (9.其他原因) tried both ways, neither holding: the items' sum without it, then with it
    without = ch.rhs - ch.added_in if ch.added is not None else ch.rhs
    text = f"{total_name}为{fmt(ch.lhs)}，但{parts}之和为{fmt(without)}（{_parts_text(t, i.rhs, what)}）"
    if ch.added is not None:
        rows = t.added_rows
        # (a 其中： row is a breakdown of the item above, already in it: never added, StatTable.added_figures)
        added = [u for u in rows if not u.label.startswith("其中")]
        names = "、".join(f"“{u.label}”" for u in added)
        parts_of = "、".join(f"“{u.label}”" for u in rows if u.label.startswith("其中"))
        if names and not ch.added:
            text += f"；表中另有统一格式之外的{names}行，本列为0，不影响本项"
        elif len(added) == 1:
            text += (f"；表中另有统一格式之外的{names}行，本列填{fmt(ch.added)}，计入该行为{fmt(without + ch.added)}，"
                     f"计入与不计入都与{total_name}不符")
        elif names:
            text += (f"；表中另有统一格式之外的{names}行，本列共填{fmt(ch.added)}，全部计入为{fmt(without + ch.added)}，"
                     f"逐行计入与否都与{total_name}不符")
        if parts_of:
            text += f"；{parts_of}行是上一项的细分，已含在该项中，不另计入"
    return text


def blank_parts_detail(checks: Sequence[Check]) -> tuple[str, str]:
    """(subject, detail) of one finding for the checks of one identity whose parts are all blank while their totals
    are filled (``表三11行``: only the 总计 column of table 三 filled)."""
    first = checks[0]
    i = first.ident
    what = first.subject[0]
    n = len(checks)
    unit = {"row": "行", "col": "列"}.get(what, "项")
    total_name = "（七）总计" if i.id == "I3" else "总计"
    parts = PARTS_NAME[i.id]
    example = f"{subject_label(first)}{total_name}为{fmt(first.lhs)}"
    detail = (f"{parts}各项均未填写（空白），只填写了{total_name}（如{example}）；空白按0计，这{n}{unit}的{total_name}"
              f"都与之不符，应分项填写{parts}的数字（没有的填0）")
    return f"{n}{unit}", detail


def check_evidence(ch: Check) -> dict[str, Any]:
    t, i = ch.table, ch.ident
    total = t.cells.get(ch.total_key)
    total_val = total.value.arithmetic if total is not None else ZERO
    what, sid = ch.subject
    ev = {
        "table": TABLE_SHORT_NAMES.get(t.id, t.id),
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


def names_and_details(checks: list[Check]) -> tuple[str, list[dict[str, Any]]]:
    names = []
    details = []
    for ch in checks:
        names.append(f"{subject_label(ch)}{IDENTITY_SHORT[ch.ident.id]}")
        ev = check_evidence(ch)
        ev["detail"] = check_detail(ch)
        details.append(ev)
    return "、".join(names), details


def cell_name_of(t: StatTable, col: str) -> str:
    return col_name(t, col) if t.id == "s3" else col_label(t, col)


def rearrangement_text(t: StatTable, r: Rearrangement) -> tuple[str, str]:
    """(what is wrong, how to put it back) for a row whose numbers sit in the wrong columns."""
    row = row_name(t, r.row)
    if r.kind == "swap":
        (a, b), (wa, wb), (fa, fb) = r.cols, r.written, r.fixed
        na, nb = cell_name_of(t, a), cell_name_of(t, b)
        return (f"“{row}”行“{na}”“{nb}”两栏的数字（{fmt(wa)}、{fmt(wb)}）可能填反了",
                f"两者互换（{na}{fmt(fa)}、{nb}{fmt(fb)}）")
    shown = [f"{cell_name_of(t, c)}{fmt(v)}" for c, v in zip(r.cols, r.fixed) if v != 0]
    values = "、".join(shown) + ("，其余为0" if len(shown) < len(r.cols) else "")
    first, last = cell_name_of(t, r.cols[0]), cell_name_of(t, r.cols[-1])
    if r.kind == "shift_right":
        return (f"“{row}”行的数字可能整行右移了一列（“{first}”栏空着，其后各栏的数字依次错后一格，"
                f"“{last}”被挤出表格）", f"整行左移一列（{values}）")
    return (f"“{row}”行的数字可能整行左移了一列（“{last}”栏空着，各栏的数字依次错前一格，“{first}”缺失）",
            f"整行右移一列（{values}）")


def cell_order(t: StatTable) -> Callable[[CellKey], tuple[int, int]]:
    rows = {r.id: i for i, r in enumerate(t.schema.rows)}
    cols = {c.id: i for i, c in enumerate(t.schema.cols)}
    return lambda k: (rows.get(k[0], 999), cols.get(k[1], 999))


def cell_name(t: StatTable, row: str, col: str) -> str:
    if t.id == "s4":
        return f"“{col_label(t, col)}”"
    if col == "total":
        return f"“{'（七）总计' if row == 'result.total' else short_row(t, row)}”行总计"
    if row == "result.total":
        return f"“{col_name(t, col)}”列（七）总计"
    return f"“{short_row(t, row)}”行“{col_name(t, col)}”列"
