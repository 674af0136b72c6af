"""The fast paths of the readers and the engine give what the slow ones gave (bench/same_findings.py
compares whole runs; these pin the edge cases each shortcut relies on)."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

import pytest

from disclosure_lint import textio
from disclosure_lint.model import Anchor, Cell
from disclosure_lint.readers import markdown
from disclosure_lint.readers.lines import new_anchor, new_cell
from disclosure_lint.report.stats.identities import Check, check_identities, table_version
from disclosure_lint.report.stats.model import StatCell, StatTable, Unmapped, new_stat_cell, parse_value
from disclosure_lint.report.stats.schema import identities, schema

TABLE = "| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n"


@pytest.mark.parametrize("line, kind", [
    ("> 引用", "paragraph"), ("# 标题", "heading"), ("- 一项", "list_item"), ("+ 一项", "list_item"),
    ("* 一项", "list_item"), ("1. 一项", "list_item"), ("***", None), ("---", None), ("___", None),
    ("```\n代码\n```", "code"), ("~~~\n代码\n~~~", "code"), ("<div>网页</div>", "html"),
])
def test_a_block_start_ends_a_table(line, kind):
    doc = markdown.parse(TABLE + line + "\n")
    table = doc.blocks[0]
    assert table.kind == "table" and table.table is not None and len(table.table.rows) == 2
    if kind is not None:
        assert doc.blocks[1].kind == kind


@pytest.mark.parametrize("line", ["乙 | 2", "| 乙 | 2 |", "2 | 乙", "（一）| 3", "A | 4", "=== | 5"])
def test_other_lines_continue_a_table(line):
    doc = markdown.parse(TABLE + line + "\n")
    assert len(doc.blocks) == 1 and doc.blocks[0].table is not None and len(doc.blocks[0].table.rows) == 3


@pytest.mark.parametrize("line, cells", [
    ("| 甲 | 1 |", [("甲", 3, 4), ("1", 7, 8)]),
    ("甲|1", [("甲", 1, 2), ("1", 3, 4)]),
    ("|  | 　2　 |", [("", 2, 2), ("2", 7, 8)]),
    ("| a\\|b | c |", [("a\\|b", 3, 7), ("c", 10, 11)]),
])
def test_cell_columns(line, cells):
    doc = markdown.parse("| x | y |\n|---|---|\n" + line + "\n")
    row = doc.blocks[0].table.rows[1]
    assert [(c.text, c.column, c.end_column) for c in row.cells] == cells


def test_visible_text_and_binary_counts_as_before():
    hide = {ord(c): None for c in textio._INVISIBLE}
    for cp in [*range(0x3100), 0xFEFF, 0xFFA0, 0x3164, 0x180E]:
        ch = chr(cp)
        for text in (ch, " " + ch + "\u3000", ch * 3 + "\u200b"):
            assert textio.has_visible_text(text) == bool(text.translate(hide).strip()), repr(text)
    for data in (bytes(range(256)) * 40, b"\x01\x02" * 50 + b"abc" * 1000, b"\x1b\t\n\r\x0c" * 3000, b""):
        head = data[:8192]
        ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
        assert textio.looks_binary(data) == (b"\x00" in head or ctrl > max(8, len(head) // 100))


def test_cells_and_anchors_made_fast_are_the_same_objects():
    args = ("甲", 1, 2, 3, 4, 5, "第1页", True, (Anchor(0, 1, 1),))
    fast, slow = new_cell(*args), Cell(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert new_cell("乙", 0, 0) == Cell("乙", 0, 0)
    assert new_anchor(3, 4, 5) == Anchor(3, 4, 5) and new_anchor(3, 4, 5, 2) == Anchor(3, 4, 5, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "丙"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_anchor(0, 1, 1).line = 2  # type: ignore[misc]


def test_stat_cells_made_fast_are_the_same_objects():
    args = ("s3", "new", "natural_person", "12", parse_value("12"), "一、本年新收", "自然人", None, Cell("12", 1, 1))
    fast, slow = new_stat_cell(*args), StatCell(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow) and vars(fast) == vars(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.raw = "13"  # type: ignore[misc]


# -- the identities: evaluated per table, once, as they were per identity and twice -----------------------------

ZERO = Decimal(0)


def _evaluate(ident, table, unknown=frozenset()):
    """One identity on one table, as check_identities evaluated each before it was compiled (twice when a
    table has a blank total: once without, once with the unknown totals)."""
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


def _reference_checks(stats, format_version):
    out = []
    for tid in ("s3", "s4"):
        table = stats.get(tid)
        if table is None or not table.cells:
            continue
        idents = identities(tid, table_version(table, format_version))
        first = [_evaluate(i, table) for i in idents]
        unknown = frozenset(c.total_key for c in first if c.status == "blank_total")
        out.extend(_evaluate(i, table, unknown) if unknown else c for i, c in zip(idents, first))
    return out


def _random_table(rnd: random.Random, tid: str, version: str) -> StatTable:
    sch = schema(tid, version)
    cells = {}
    for r in sch.data_rows():
        for c in sch.cols:
            if rnd.random() < 0.03:
                continue  # a cell not read
            raw = rnd.choice(["0", "0", "1", "2", "3", "", "/", "—", "若干", "1.5", "-1"])
            cells[(r.id, c.id)] = new_stat_cell(tid, r.id, c.id, raw, parse_value(raw), r.label, c.label)
    t = StatTable(id=tid, schema=sch, detected_version=rnd.choice([None, version]), cells=cells)
    roll = rnd.random()
    if roll < 0.04:
        t.layout = "image"
    elif roll < 0.08:
        t.loose.append(new_stat_cell(tid, "", "", "5", parse_value("5"), "", ""))
    elif roll < 0.12:
        t.unmapped.append(Unmapped("某列", "col"))
    elif roll < 0.16:
        t.unmapped.append(Unmapped("某行", "row"))
    elif roll < 0.2:
        t.extra_rows.append(("其他主动公开文件", None, None))
    return t


def _same(a, b) -> bool:
    return (a.ident, a.table, a.status, a.lhs, a.rhs, a.reason) == (b.ident, b.table, b.status, b.lhs, b.rhs, b.reason)


def test_identities_evaluated_once_per_table_as_one_by_one():
    rnd = random.Random(12)
    statuses: set[str] = set()
    for _ in range(1500):
        version = rnd.choice(["2019", "2021"])
        stats = {tid: _random_table(rnd, tid, version) for tid in ("s3", "s4") if rnd.random() < 0.9}
        fast = check_identities(stats, version).checks
        slow = _reference_checks(stats, version)
        assert len(fast) == len(slow) and all(_same(a, b) for a, b in zip(fast, slow))
        statuses.update(c.status for c in fast)
    assert statuses == {"ok", "violated", "blank_total", "skipped"}


def test_stat_value_skips_only_cells_it_would_not_report():
    from disclosure_lint.kinds.statistics import _NEVER_A_PROBLEM, StatValue, ValueOptions

    kind = StatValue.__new__(StatValue)
    kind.options = ValueOptions()
    raws = ["0", "12", "-3", "1.5", "-0", "0.0", "", "/", "—", "无", "不适用", "若干", "1,234", "５", "3件"]
    for sch in (schema("s2", "2019"), schema("s2", "2021"), schema("s3", "2021"), schema("s4", "2021")):
        t = StatTable(id=sch.id, schema=sch, detected_version=None)
        for col in sch.cols:
            for raw in raws:
                v = parse_value(raw)
                c = new_stat_cell(sch.id, "r", col.id, raw, v, "r", col.label)
                if v.kind in _NEVER_A_PROBLEM or (v.kind == "int" and v.number >= 0):
                    assert kind._problem(t, ("r", col.id), c) is None, (sch.id, col.id, raw)


def _tables_seen(path):
    from disclosure_lint.readers import read_path
    from disclosure_lint.report import interpret
    from disclosure_lint.report.stats.extract import extract

    out = {}
    for tid, t in extract(interpret(read_path(path))).items():
        out[tid] = ([(k, c.raw, c.row_label, c.col_label, c.cell) for k, c in t.cells.items()],
                    list(t.col_labels.items()), list(t.row_labels.items()), t.unmapped, t.detected_version)
    return out


@pytest.mark.parametrize("name", ["clean-2023.md", "defective-2023.md"])
def test_memoised_row_votes_and_column_orders_read_the_same(name):
    """The memos of the statistics reader (row votes by their labels, table 四's column order by its header)
    give what a first reading gave: read with the memos empty, then again with them filled."""
    from disclosure_lint.report.stats import segments, table4

    path = f"examples/{name}"
    segments._votes.clear()
    table4._ORDERS.clear()
    cold = _tables_seen(path)
    assert segments._votes
    assert _tables_seen(path) == cold
