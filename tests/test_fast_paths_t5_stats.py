"""Fast paths of the statistics tables (t5-stats): each pinned equal to the form it replaced, on random tables."""

from __future__ import annotations

import random

from disclosure_lint.model import Block, Cell, Row, Table
from disclosure_lint.report.stats import table3
from disclosure_lint.report.stats.grid import Build, is_value
from tests.test_fast_paths_t4_stats import _CONTEXTS, _reference_read_s3, _rows

_VALUES = ["0", "1", "2", "12", "3", "/", "—", "无", "1.5", "-1", "４", "4,863"]


def _same_shape(rnd: random.Random, rows: list[Row]) -> list[Row]:
    """The rows with other numbers: each value cell given another value (labels and empty cells kept), so that
    the table has the same shape (table3._sig of every cell the same)."""
    out = []
    for row in rows:
        cells = tuple(Cell(rnd.choice(_VALUES) if is_value(c.text) else c.text, c.row, c.col, line=c.line,
                           column=c.column, end_column=c.end_column) for c in row.cells)
        out.append(Row(cells, line=row.line))
    return out


_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
           "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
           "（四）无法提供", "1.本机关不掌握相关政府信息", "（五）不予处理", "1.信访举报投诉类申请", "（六）其他处理",
           "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理"]
_HEADERS = [["申请人情况", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
            ["", "自然人", "法人或其他组织", "其他", "总计"], ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"],
            ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]


def _template_rows(rnd: random.Random) -> list[Row]:
    """A table 三 close to the template: its labels in one to three leading cells (a merged group label repeated or
    left empty), numbers, blanks and placeholders, now and then a row out of place, unknown or cut short."""
    rows: list[Row] = []
    lead = rnd.choice([1, 1, 2, 3])
    width = rnd.choice([7, 7, 7, 7, 6, 8])
    cols = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    if rnd.random() < 0.2:
        cols.insert(6, "小计")  # a local 小计 column (kept as an extra column)
        width = 8
    headers = rnd.sample(_HEADERS, rnd.choice([0, 1, 2])) if rnd.random() < 0.2 else [
        ["申请人情况", *[""] * (lead - 1), *cols]]
    if rnd.random() < 0.2:  # two header rows: 法人或其他组织 over its five columns
        headers = [["申请人情况", *[""] * (lead - 1), "自然人", "法人或其他组织", "", "", "", "", "其他", "总计"][: lead + width],
                   ["", *[""] * (lead - 1), "", *cols[1:]]]
    for h in headers:
        rows.append(Row(tuple(Cell(t, len(rows), i) for i, t in enumerate(h)), line=len(rows) + 1))
    labels = [lb for lb in _LABELS if rnd.random() < 0.95]
    if rnd.random() < 0.1:
        labels.insert(rnd.randrange(len(labels) + 1), rnd.choice(_LABELS + ["其他情况", "合计", "若干"]))
    for label in labels:
        r = len(rows)
        head = [label] + [rnd.choice(["", label, "3.其他"] if rnd.random() < 0.03 else ["", label]) for _ in range(lead - 1)]
        vals = [rnd.choice(["0", "1", "12", "", "/", "—"]) if rnd.random() < 0.5 else str(rnd.randrange(20))
                for _ in range(width)]
        if rnd.random() < 0.1:
            vals = ["" for _ in vals]
        if rnd.random() < 0.05:
            vals = vals[: rnd.randrange(width)]
        if rnd.random() < 0.03:
            vals[rnd.randrange(len(vals) or 1) if vals else 0:] = ["若干"]
        rows.append(Row(tuple(Cell(t, r, i) for i, t in enumerate(head + vals)), line=r + 1))
    return rows


def _builds(rnd: random.Random) -> tuple[Build, Build]:
    """Two equal Builds, as an earlier part of the table may have left them (carried order, version signs, cells)."""
    a, b = Build("s3"), Build("s3")
    if rnd.random() < 0.2:  # a continuation part: the order carried from an earlier part
        a.order = ["natural_person", None, "commercial", "total"] if rnd.random() < 0.5 else [
            "natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
        b.order = list(a.order)
        a.order_start = b.order_start = rnd.choice([None, 2, 3])
        if rnd.random() < 0.5:  # and the group context it ended in
            a.s3_ctx = b.s3_ctx = rnd.choice(_CONTEXTS)
    if rnd.random() < 0.3:
        a.s3_other_seen = b.s3_other_seen = True
    if rnd.random() < 0.3:
        for bd in (a, b):
            bd.add("new", "total", "5", "一、本年新收", "总计", None, Cell("5", 0, 9))
    if rnd.random() < 0.2:
        for bd in (a, b):
            bd.col_labels["natural_person"] = "自然人（前一部分）"
            bd.extra("col", "小计", None, None)
    return a, b


def _assert_same(fast: Build, slow: Build) -> None:
    assert fast == slow
    # and in the same order (the findings list cells and labels in it)
    assert list(fast.cells) == list(slow.cells)
    assert list(fast.row_labels.items()) == list(slow.row_labels.items())
    assert list(fast.col_labels.items()) == list(slow.col_labels.items())


def test_read_s3_by_table_shape_as_before():
    """read_s3, a table's rows replayed from what was kept for its shape (table3._SHAPES), fills the Build as the reader
    before this round did, field for field and in the same order: tables of one shape read again with other numbers,
    into Builds that earlier parts left in various states."""
    rnd = random.Random(5)
    table3._SHAPES.clear()
    replayed = 0
    replay = table3._replay

    def counting(*args):  # type: ignore[no-untyped-def]
        nonlocal replayed
        replayed += 1
        return replay(*args)

    table3._replay = counting  # type: ignore[assignment]
    try:
        for n in range(2000):
            shape = _rows(rnd) if n % 4 == 0 else _template_rows(rnd)
            gap = rnd.random() < 0.1
            seed = rnd.random()
            for k in range(5):
                rows = _same_shape(rnd, shape)
                block = Block(index=0, kind="table", text="", table=Table(tuple(rows)))
                cut = rows[-1] if rnd.random() < 0.1 else None
                # the first three read into Builds left alike by an earlier part (a carried order is in the key), the
                # others into Builds in any state
                fast, slow = _builds(random.Random(seed) if k < 3 else rnd)
                table3.read_s3(fast, rows, block, gap, cut)
                _reference_read_s3(slow, rows, block, gap, cut)
                _assert_same(fast, slow)
    finally:
        table3._replay = replay  # type: ignore[assignment]
    assert replayed > 600  # the steps kept were replayed, not only recorded
