"""Fast paths of the statistics tables (t4-stats): each pinned equal to the form it replaced, on random rows."""

from __future__ import annotations

import random

from disclosure_lint.model import Block, Cell, Row, Table
from disclosure_lint.report.stats import StatTable, schema, table3
from disclosure_lint.report.stats import labels as lb
from disclosure_lint.report.stats.grid import (
    Build,
    blank_cells,
    clean,
    col_text,
    continued,
    header_start,
    is_label,
    is_value,
    label_end,
    layout_of,
    padded,
    to_loose,
    value_cells,
    with_values,
)
from disclosure_lint.report.stats.model import Subtotal
from disclosure_lint.report.stats.table3 import Ctx, _is_header, _row_id, _s3_order, is_s3_label

_CELLS = table3._CELLS

# -- table 三's rows: the reader as it was before the fast paths of this round (its row loop) --------------------


def _reference_read_s3(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None) -> None:
    header_rows: list[Row] = []
    data: list[tuple[Row, int]] = []
    data_texts: list[list[str]] = []  # the texts of each data row's cells, read once
    for row in rows:
        texts = [c.text for c in row.cells]  # (Python 3.11 reads an attribute faster so than by map(attrgetter))
        if not any(texts):
            continue
        if _is_header(texts):
            if not data:
                header_rows.append(row)
            continue
        data.append((row, label_end(texts, is_s3_label)))
        data_texts.append(texts)
    aligned, L = layout_of(with_values(data))
    if gap:
        aligned = False  # positions mean nothing when empty cells vanish: labels, then numbers, per row
    H = header_start(header_rows, lambda t: ((m := lb.match_s3_col(t)) and m[0] == "leaf") or None)
    if aligned and H is not None and H > L and not any(
            c.text and is_value(c.text) for row, _ll in data for c in row.cells[L:H]):
        # the item rows (1.属于国家秘密 …) whose third label column tells where the values start were
        # all left empty (their empty cells dropped): the header says where 自然人 is
        L = H
    width = max(map(len, map(_CELLS, rows)), default=0)
    used: set[int] = set()
    row_vals = [value_cells(row, ll, aligned, L) for row, ll in data]  # once per row: read again below
    for vals in row_vals:
        used.update([i for i, c in vals if c.text])  # positions with text
    order = _s3_order(bd, header_rows, aligned, L, width, used, block)
    if header_rows and table3._turned(header_rows):  # (round 18: a table turned on its side places no number)
        order = [None] * max(width - L, 1)
    order = continued(bd, order, bool(header_rows), aligned, L)

    ctx = Ctx() if header_rows else Ctx(*bd.s3_ctx)  # a part without header rows continues the last one's group
    every_column = None not in order
    for (row, ll), vals, texts in zip(data, row_vals, data_texts):
        if aligned and 0 <= ll < L - 1:  # (a text of no label after the known ones, in the label columns: a label)
            ll = max((j for j in range(ll + 1, min(L, len(texts))) if is_label(texts[j])), default=ll)
        labels = tuple(texts[: max(ll, 0) + 1])
        rid, where, last_part = _row_id(row, ll, ctx, labels)
        # (round 18: a number among the label cells is not a label text, so a value equal to it stays a value)
        label_texts = {t for t in labels if t and not is_value(t)}
        if not label_texts.isdisjoint([c.text for _, c in vals]):
            vals = [(i, c) for i, c in vals if c.text not in label_texts]  # a merged label repeated across
        if not vals and ll >= 0 and ll == len(row.cells) - 1:
            # a row written as its labels only: every cell left empty (at the end of a cut file: not known)
            vals = [] if row is cut else blank_cells(row, len(order))
        elif not gap:
            vals = padded(row, vals, len(order), cut)
        nonblank = [v for v in vals if v[1].text]  # those with text
        if rid is None:
            if nonblank:
                label = clean(last_part.text) if last_part is not None else ""
                if not label and ll < 0:  # (numbers on a line with no label: kept as unplaced, not dropped)
                    to_loose(bd, "", "", block, [c for _, c in nonblank])
                    continue
                bd.unmap(label, "row", block, where or nonblank[0][1], ctx.group,  # (the group it sits in, its cells)
                         tuple((order[i], c.text, c) for i, c in vals if 0 <= i < len(order) and order[i] is not None))
            continue
        if rid == table3.SUBTOTAL:  # a group's sub-total row (小计; 合计 or 总计 before （六）): a local addition
            if nonblank:
                bd.extra("row", clean(where.text) if where is not None else "小计", block, where)
                bd.subtotals.append(Subtotal(clean(where.text) if where is not None else "小计", ctx.group or "", block,
                                             where, tuple((order[i], c.text, c) for i, c in vals
                                                          if 0 <= i < len(order) and order[i] is not None)))
            continue
        row_label = clean(where.text) if where is not None else rid
        if row is cut and len(vals) < len(order):
            bd.cut_row = rid
            bd.row_labels.setdefault(rid, row_label)
        if rid == "result.other":
            bd.s3_other_seen = True
            if nonblank:
                bd.s3_other_values = True
        elif rid in lb.S3_2021_ONLY_ROWS:
            bd.s3_other_subrows = True
        elif rid == "result.total" and bd.s3_other_seen:
            bd.s3_total_after_other = True
        spec = lb.S3_ROW_SPECS.get(rid)
        if spec is not None and not spec.data and rid != "result.other" and not nonblank:
            bd.row_labels.setdefault(rid, row_label)
            continue  # a group row with no numbers of its own
        if rid == "result.other" and not nonblank:
            # 2021: a group row; 2019: a data row left blank — its cells are kept once the version is known
            bd.row_labels.setdefault(rid, row_label)
            for i, c in vals:
                cid = order[i] if 0 <= i < len(order) else None
                if cid is not None:
                    bd.pending_other.append((cid, c, row_label, block))
            continue
        if gap and 0 < len(nonblank) < len(order):  # short_row, inline
            bd.row_labels.setdefault(rid, row_label)
            to_loose(bd, rid, row_label, block, [c for _, c in nonblank])
            continue
        n = len(order)
        placed: list[tuple[str, Cell]] = []
        if every_column and vals and vals[0][0] >= 0 and vals[-1][0] < n:
            # positions ascending, all within ``order``, none without a column: the loop below, C-level
            bd.add_row(rid, row_label, [(order[i], c) for i, c in vals], block)  # type: ignore[misc]
            continue
        for i, c in vals:
            cid = order[i] if 0 <= i < n else None
            if cid is None:
                if c.text:
                    bd.unmap(col_text(header_rows, c.col), "col", block, c)
                continue
            placed.append((cid, c))
        bd.add_row(rid, row_label, placed, block)
    bd.s3_ctx = (ctx.top, ctx.group)


_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
           "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
           "（四）无法提供", "1.本机关不掌握相关政府信息", "（五）不予处理", "1.信访举报投诉类申请", "（六）其他处理", "3.其他",
           "（七）总计", "四、结转下年度继续办理", "其他", "总计", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
           "法律服务机构", "申请人情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "若干", "详见附件",
           "区分处理的", "4.保护第三方合法权益", "7.属于行政执法案卷"]
_CONTEXTS = [(None, None), ("result", None), ("result", "result.not_open"), ("result", "result.unavailable"),
             ("result", "result.not_processed"), ("result", "result.other")]
_VALUES = ["0", "1", "2", "12", "3", "", "", "", "/", "—", "无", "1.5", "-1", "0"]


def _row(rnd: random.Random, r: int, width: int) -> Row:
    texts: list[str] = []
    k = rnd.choice([0, 1, 2, 3])
    for i in range(width):
        pool = _LABELS if i < k or rnd.random() < 0.08 else _VALUES
        t = rnd.choice(pool) if rnd.random() < 0.9 else ""
        if texts and rnd.random() < 0.05:
            t = texts[-1]  # a merged cell repeated
        texts.append(t)
    if rnd.random() < 0.1:
        texts = texts[: rnd.randrange(1, width + 1)]  # a row short of its trailing cells
    return Row(tuple(Cell(t, r, i, line=r + 1, column=i * 4 + 1, end_column=i * 4 + 3) for i, t in enumerate(texts)),
               line=r + 1)


def _rows(rnd: random.Random) -> list[Row]:
    width = rnd.choice([5, 8, 10, 11])
    rows = []
    if rnd.random() < 0.7:
        rows.append(Row(tuple(Cell(t, 0, i) for i, t in enumerate(
            (["申请人情况", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
             if rnd.random() < 0.5 else ["", "自然人", "法人或其他组织", "其他", "总计"])[:width]))))
    rows.extend(_row(rnd, r + 1, width) for r in range(rnd.randrange(1, 30)))
    return rows


def test_read_s3_as_before_on_random_rows():
    """read_s3 (the value cells read from the row's texts, pairs made only where needed, a row's header test and
    label end memoised by its signature) fills the Build as the reader did before, field for field."""
    rnd = random.Random(12)
    for _ in range(3000):
        rows = _rows(rnd)
        block = Block(index=0, kind="table", text="", table=Table(tuple(rows)))
        gap = rnd.random() < 0.15
        cut = rows[-1] if rnd.random() < 0.2 else None
        fast, slow = Build("s3"), Build("s3")
        if rnd.random() < 0.2:  # a continuation part: the order carried from an earlier part
            fast.order = ["natural_person", None, "commercial", "total"]
            slow.order = list(fast.order)
            fast.order_start = slow.order_start = rnd.choice([None, 2, 3])
        if rnd.random() < 0.3:  # the group context an earlier part ended in
            fast.s3_ctx = slow.s3_ctx = rnd.choice(_CONTEXTS)
        table3.read_s3(fast, rows, block, gap, cut)
        _reference_read_s3(slow, rows, block, gap, cut)
        assert fast == slow


def test_row_signature_decides_header_and_label_end():
    """Rows of the same signature (labels in place, values and empty cells as such) get the same header test and
    label end, whatever their numbers: what table3._KINDS keeps per signature."""
    rnd = random.Random(7)
    seen: dict[tuple, tuple[bool, int]] = {}
    values = ["0", "1", "7", "12", "/", "—", "无", "不适用", "-", "1.5", "３", "4,863"]
    for _ in range(20000):
        texts = [rnd.choice(_LABELS) if rnd.random() < 0.4 else (rnd.choice(values) if rnd.random() < 0.8 else "")
                 for _ in range(rnd.randrange(1, 11))]
        sig = tuple(None if is_value(t) else t for t in texts)
        got = (_is_header(texts), label_end(texts, is_s3_label))
        assert seen.setdefault(sig, got) == got
        assert tuple(map(table3._sig, texts)) == sig


def test_cell_keys_are_one_tuple_per_cell():
    """cell_key gives the same tuple object for the same ids (equal to the plain tuple); a table's cells are keyed by
    them, and the identities' plan and the metrics look cells up by the same objects (a lookup settled by identity)."""
    from disclosure_lint.report import metrics
    from disclosure_lint.report.stats.identities import _plan
    from disclosure_lint.report.stats.model import cell_key, row_keys

    k = cell_key("new", "natural_person")
    assert k == ("new", "natural_person") and cell_key("new", "natural_person") is k
    assert row_keys("new")["natural_person"] is k
    bd = Build("s3")
    c = Cell("3", 1, 3)
    bd.add_row("new", "一、本年新收", [("natural_person", c), ("total", c)], None)
    assert all(key is cell_key(*key) for key in bd.cells)
    assert all(key is cell_key(*key) for key in _plan("s3", "2021").keys)
    metrics._s3_row(StatTable(id="s3", schema=schema("s3", "2021"), detected_version=None, cells=dict(bd.cells)), "new")
    assert all(key is cell_key(*key) for key in metrics._ROW_KEYS["new"])
