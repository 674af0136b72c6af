"""Fast paths of round 9 in the Markdown tables and the statistics tables (t9-tables): each pinned equal to the form it
replaced."""

from __future__ import annotations

import random
from itertools import compress, count

from disclosure_lint.model import Block, Cell, Row, Table
from disclosure_lint.report.stats import labels as lb
from disclosure_lint.report.stats import segments, table2, table3, table4
from disclosure_lint.report.stats.grid import (
    TEXT,
    Build,
    blank_cells,
    clean,
    col_text,
    continued,
    is_label,
    is_value,
    last_label,
    layout_of,
    padded,
    short_row,
    to_loose,
    value_cells,
    with_values,
)
from disclosure_lint.report.stats.schema import norm, schema
from disclosure_lint.report.stats.table2 import (
    _first_label,
    _merged_value,
    _placeholder,
    s2_row_of,
    s2_title,
    s2_version_votes,
)
from disclosure_lint.report.stats.table4 import _is_s4_label, _s4_is_header, _s4_order, sc_label

from .test_fast_paths_t4_stats import _reference_read_s3
from .test_fast_paths_t5_stats import _assert_same, _builds, _same_shape, _template_rows

# -- table 二 by its shape ---------------------------------------------------------------------------------------

# read_s2 before this round (each table read row by row)

def _reference_read_s2(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None) -> None:
    # first pass: which version do the labels speak?
    items: list[tuple[Row, str, int, str | None]] = []  # (row, kind, label index, row id)
    row_ids: list[str] = []
    col_ids: list[str] = []
    label_texts: list[str] = []
    for row in rows:
        cells = row.cells
        texts = [c.text for c in cells]
        first = next(compress(count(), map(_first_label, texts)), None)
        if any(map(s2_title, texts)):  # s2_title(""): False
            items.append((row, "title", -1, None))
        if first is None:
            continue
        t0 = cells[first].text
        if is_value(t0):
            items.append((row, "data", first - 1, None))
            continue
        rid = s2_row_of(t0)
        cols = [lb.match_s2_col(c.text) for c in cells[first:] if c.text and not is_value(c.text)]
        if rid is None and (norm(t0) == lb.S2_HEAD or any(cols)):
            items.append((row, "header", first, None))
            col_ids.extend(c for c in cols if c)
            continue
        items.append((row, "data", first, rid))
        if rid:
            row_ids.append(rid)
            label_texts.append(t0)
    s2_version_votes(bd, row_ids, col_ids, label_texts)
    version = bd.detected() or "2021"
    sch = schema("s2", version)
    other = schema("s2", "2019" if version == "2021" else "2021")

    header: list[str | None] | None = None
    header_cells: list[Cell] = []
    last_title = None
    for row, kind, li, rid in items:
        cells = row.cells
        if kind == "title":
            title = norm(next(c.text for c in cells if c.text and s2_title(c.text)))
            if title != last_title:
                header = None
                last_title = title
            continue
        if kind == "header":
            header, header_cells = [], []
            start = li + 1 if norm(cells[li].text) == lb.S2_HEAD else li
            for c in cells[start:]:
                cid = lb.match_s2_col(c.text) if c.text else None
                header.append(cid)
                header_cells.append(c)
                if cid:
                    bd.col_labels.setdefault(cid, clean(c.text))
            continue
        vals = list(enumerate(cells[li + 1:])) if li >= -1 else []
        nonblank = [v for v in vals if v[1].text]  # those with text
        label = clean(cells[li].text) if li >= 0 else ""
        if rid is None:
            if nonblank and li < 0:  # (numbers on a line with no label: kept as unplaced, not dropped)
                to_loose(bd, "", "", block, [c for _, c in nonblank])
            elif nonblank:
                bd.unmap(label, "row", block, cells[li] if li >= 0 else nonblank[0][1])
            continue
        if rid in lb.S2_EXTRA_ROW_IDS:
            bd.extra("row", label, block, cells[li])
        if header is not None:
            cols = header
        else:
            cols = list(sch.cols_of(rid) or other.cols_of(rid)) if rid not in lb.S2_EXTRA_ROW_IDS else []
            if rid in lb.S2_EXTRA_ROW_IDS:
                cols = list(sch.cols_of("rules"))
        if not vals and li >= 0 and li == len(cells) - 1:
            # a row written as its label only: every cell left empty (at the end of a cut file: not known)
            vals = [] if row is cut else blank_cells(row, len(cols))
        elif header is not None and not gap:
            vals = padded(row, vals, len(cols), cut)
        if row is cut and len(vals) < len(cols):
            bd.cut_row = rid
            bd.row_labels.setdefault(rid, label)
        if short_row(gap, nonblank, len(cols)):
            bd.row_labels.setdefault(rid, label)
            to_loose(bd, rid, label, block, [c for _, c in nonblank])
            continue
        groups: dict[str, list[Cell]] = {}
        prev: str | None = None
        for i, c in vals:
            cid = cols[i] if i < len(cols) else None
            if cid is None and header is not None and i < len(header_cells) and not header_cells[i].text:
                cid = prev  # a header cell merged over several value cells and left empty right of its text
            prev = cid
            if cid is None:
                if c.text and not _placeholder(c.text):  # "/" or "—" in a cell without a column says nothing
                    htext = clean(header_cells[i].text) if header is not None and i < len(header_cells) else ""
                    bd.unmap(htext or f"第{c.col + 1}列", "col", block, c)
                continue
            groups.setdefault(cid, []).append(c)
        for cid, members in groups.items():
            kept = _merged_value(members)
            if kept is None:  # two different values under one column: which one is meant cannot be told (DL001)
                bd.row_labels.setdefault(rid, label)
                to_loose(bd, rid, label, block, [m for m in members if m.text and not _placeholder(m.text)])
                continue
            bd.add(rid, cid, kept.text, label, bd.col_labels.get(cid, ""), block, kept)


_TITLES = ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条 第（九）项"]
_S2_LABELS = ["规章", "行政规范性文件", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "其他对外管理服务事项",
              "政府集中采购", "其他主动公开文件", "其他事项", "若干", "1.规章"]
_S2_COLS = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）", "本年新制作数量",
            "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额", "", "备注"]
_S2_VALUES = ["0", "1", "3", "26", "", "", "/", "—", "无", "1.5", "若干"]


def _s2_rows(rnd: random.Random) -> list[Row]:
    """A table 二 block close to the template: a 第二十条 title, a header (信息内容 and column labels, now and then a
    merged cell left empty or a number), rows of a label and numbers (blank, placeholders, short, a label alone, a
    number first, leading empty cells), now and then a second title and header."""
    texts: list[list[str]] = []
    for _part in range(rnd.choice([1, 1, 1, 2])):
        if rnd.random() < 0.8:
            texts.append([rnd.choice(_TITLES)] + [""] * rnd.choice([0, 0, 2]))
        width = rnd.choice([1, 1, 3, 3, 2, 4])
        if rnd.random() < 0.85:
            head = ["信息内容" if rnd.random() < 0.9 else "内容"] + [rnd.choice(_S2_COLS) for _ in range(width)]
            if rnd.random() < 0.05:
                head[rnd.randrange(len(head))] = "5"
            texts.append(head)
        for _ in range(rnd.choice([1, 1, 2, 3])):
            lead = [""] * (1 if rnd.random() < 0.05 else 0)
            vals = [rnd.choice(_S2_VALUES) for _ in range(width + rnd.choice([0, 0, 0, 0, -1, 1]))]
            if rnd.random() < 0.05:
                vals = []
            label = [] if rnd.random() < 0.04 else [rnd.choice(_S2_LABELS)]
            texts.append(lead + label + vals)
    rows = []
    for r, ts in enumerate(texts):
        rows.append(Row(tuple(Cell(t, r, i, line=r + 1, column=1 + 4 * i, end_column=3 + 4 * i)
                              for i, t in enumerate(ts or [""])), line=r + 1))
    return rows


def _s2_builds(rnd: random.Random) -> tuple[Build, Build]:
    """Two equal Builds of table 二, as earlier blocks may have left them (votes, column labels, cells)."""
    a, b = Build("s2"), Build("s2")
    votes = [rnd.choice([0, 0, 1, 2]) for _ in range(4)]
    for bd in (a, b):
        bd.votes_2019, bd.votes_2021, bd.weak_2019, bd.weak_2021 = votes
    if rnd.random() < 0.3:
        for bd in (a, b):
            bd.col_labels["issued"] = "本年制发件数（前一块）"
            bd.add("rules", "issued", "2", "规章", "", None, Cell("2", 0, 1))
    if rnd.random() < 0.2:
        for bd in (a, b):
            bd.extra("row", "其他主动公开文件", None, None)
    return a, b


def test_read_s2_by_table_shape_as_before():
    """read_s2, a table's rows replayed from what was kept for its shape (table2._S2_SHAPES), fills the Build as the
    reader before this round did, field for field and in the same order: tables of one shape read again with other
    numbers, into Builds that earlier blocks left in various states, gap or not, the last row cut or not."""
    rnd = random.Random(9)
    table2._S2_SHAPES.clear()
    replayed = 0
    replay = table2._replay_s2

    def counting(*args):  # type: ignore[no-untyped-def]
        nonlocal replayed
        replayed += 1
        return replay(*args)

    table2._replay_s2 = counting  # type: ignore[assignment]
    try:
        for _n in range(3000):
            shape = _s2_rows(rnd)
            gap = rnd.random() < 0.1
            seed = rnd.random()
            for k in range(5):
                rows = _same_shape(rnd, shape)
                block = Block(index=0, kind="table", text="", table=Table(tuple(rows)))
                cut = rows[-1] if rnd.random() < 0.1 else None
                fast, slow = _s2_builds(random.Random(seed) if k < 3 else rnd)
                table2.read_s2(fast, rows, block, gap, cut, segments.shape_of(rows) if k % 2 else None)
                _reference_read_s2(slow, rows, block, gap, cut)
                _assert_same(fast, slow)
                assert fast.unmapped == slow.unmapped and fast.loose == slow.loose
                assert (fast.votes_2019, fast.votes_2021, fast.weak_2019, fast.weak_2021) == (
                    slow.votes_2019, slow.votes_2021, slow.weak_2019, slow.weak_2021)
                assert fast.extra_rows == slow.extra_rows and fast.cut_row == slow.cut_row
    finally:
        table2._replay_s2 = replay  # type: ignore[assignment]
    assert replayed > 800  # the steps kept were replayed, not only recorded


# -- a block split by its shape --------------------------------------------------------------------------------

def _reference_split_block(block: Block) -> list[segments.Segment]:
    """split_block before this round (row by row)."""
    segs: list[segments.Segment] = []
    cur: segments.Segment | None = None
    votes = segments._votes
    for row in block.table.rows:  # type: ignore[union-attr]
        v, n, strong = votes[tuple(filter(is_label, map(TEXT, row.cells)))]
        if cur is None:
            cur = segments.Segment(v, block, [])
            segs.append(cur)
        elif v is not None and v != cur.id:
            if cur.id is None:
                cur.id = v
            else:
                cur = segments.Segment(v, block, [])
                segs.append(cur)
        cur.rows.append(row)
        if v is not None and v == cur.id:
            cur.votes += n
            cur.strong += strong
    return segs


_S4_ROWS = [["行政复议", "", "", "", "", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
            ["未经复议直接起诉", "复议后起诉"], ["0", "1", "0", "0", "1", "2", "0"], ["合计", "数量", "3"], ["说明：无"],
            ["", ""], ["总计", "其他", "小计"]]


def _mixed_block(rnd: random.Random) -> list[Row]:
    """The rows of one block: parts of tables 二, 三 and 四, rows that say nothing, in any order."""
    texts: list[list[str]] = []
    for _part in range(rnd.choice([1, 1, 2, 3])):
        kind = rnd.randrange(4)
        if kind == 0:
            texts += [[c.text for c in r.cells] for r in _s2_rows(rnd)]
        elif kind == 1:
            texts += [[c.text for c in r.cells] for r in _template_rows(rnd)][: rnd.choice([3, 8, 40])]
        elif kind == 2:
            texts += [list(rnd.choice(_S4_ROWS)) for _ in range(rnd.randrange(1, 5))]
        else:
            texts += [[rnd.choice(["", "1", "/", "备注", "合计", "其他"]) for _ in range(rnd.randrange(1, 4))]]
    return [Row(tuple(Cell(t, r, i) for i, t in enumerate(ts or [""])), line=r + 1) for r, ts in enumerate(texts)]


def test_split_block_by_shape_as_before():
    """split_block, a block's split kept by its shape (segments._SPLITS), gives the segments it gave row by row (ids,
    rows, votes, strong labels), whether the shape was seen or not, and each segment's shape is that of its rows."""
    rnd = random.Random(19)
    segments._SPLITS.clear()
    hits = 0
    for _n in range(3000):
        shape = _mixed_block(rnd)
        for _k in range(3):
            rows = _same_shape(rnd, shape)
            block = Block(index=0, kind="table", text="", table=Table(tuple(rows)))
            hits += segments.shape_of(rows) in segments._SPLITS
            fast, slow = segments.split_block(block), _reference_split_block(block)
            assert [(s.id, s.strong, s.votes, s.block) for s in fast] == [(s.id, s.strong, s.votes, s.block) for s in slow]
            for f, s in zip(fast, slow):
                assert len(f.rows) == len(s.rows) and all(a is b for a, b in zip(f.rows, s.rows))
                assert f.shape == segments.shape_of(f.rows)
    assert hits > 5000


def test_read_s3_given_its_shape_as_before():
    """read_s3 handed its rows' shape by split_block (the key of table3._SHAPES not made again) fills the Build as the
    reader before round 5 did."""
    rnd = random.Random(23)
    table3._SHAPES.clear()
    for _n in range(500):
        shape = _template_rows(rnd)
        for _k in range(3):
            rows = _same_shape(rnd, shape)
            block = Block(index=0, kind="table", text="", table=Table(tuple(rows)))
            cut = rows[-1] if rnd.random() < 0.1 else None
            fast, slow = _builds(rnd)
            table3.read_s3(fast, rows, block, False, cut, segments.shape_of(rows))
            _reference_read_s3(slow, rows, block, False, cut)
            _assert_same(fast, slow)


# -- table 四 by its shape -------------------------------------------------------------------------------------

# read_s4 before this round (each table read row by row)
def _reference_read_s4(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None) -> None:
    header_rows: list[Row] = []
    data: list[tuple[Row, int]] = []
    for row in rows:
        if not any(map(TEXT, row.cells)):
            continue
        if _s4_is_header(row) and not data:
            header_rows.append(row)
            continue
        if not any(map(is_value, map(TEXT, row.cells))) and not any(  # is_value(""): False
                c.text and (m := lb.match_s4(c.text)) and m[0] == "block" for c in row.cells):
            continue  # a note row
        data.append((row, last_label(row, _is_s4_label)))
    aligned, L = layout_of(with_values(data))
    if gap:
        aligned = False  # positions mean nothing when empty cells vanish: labels, then numbers, per row
    width = max((len(r.cells) for r in rows), default=0)
    used: set[int] = set()
    row_vals = [value_cells(row, ll, aligned, L) for row, ll in data]  # once per row: read again below
    for vals in row_vals:
        for i, c in vals:
            if c.text:
                used.add(i)
    transposed = any(any((m := lb.match_s4(c.text)) and m[0] == "block" for c in row.cells[: ll + 1] if c.text)
                     for row, ll in data)
    if header_rows:
        order = _s4_order(header_rows, aligned, L, width, used, bd.col_labels)
    else:
        order = list(bd.order) if bd.order else list(lb.S4_CANONICAL_COLS)
    order = continued(bd, order, bool(header_rows), aligned, L)
    for (row, ll), vals in zip(data, row_vals):
        label_cells = [c for c in row.cells[: ll + 1] if c.text and not is_value(c.text)]
        row_block = None
        for c in label_cells:
            m = lb.match_s4(c.text)
            if m and m[0] == "block":
                row_block = m[1]
        if transposed:
            if row_block is None:
                if any(c.text for _, c in vals):
                    bd.unmap(clean(label_cells[-1].text) if label_cells else "", "row", block,
                             label_cells[-1] if label_cells else None)
                continue
            results = []
            for o in order:
                r = o.split(".", 1)[1] if o else None
                if r in results:
                    break
                results.append(r)
            if not gap:
                vals = padded(row, vals, len(results), cut)
            nonblank = [c for _, c in vals if c.text]
            if short_row(gap, nonblank, len(results)):
                to_loose(bd, "cases", clean(label_cells[-1].text), block, nonblank)
                continue
            for i, c in vals:
                r = results[i] if 0 <= i < len(results) else None
                if r is None:
                    if c.text:
                        bd.unmap(col_text(header_rows, c.col), "col", block, c)
                    continue
                cid = f"{row_block}.{r}"
                bd.add("cases", cid, c.text, clean(label_cells[-1].text), sc_label(cid), block, c)
            continue
        lab = clean(label_cells[-1].text) if label_cells else "数量"
        if label_cells:
            m = lb.match_s4(label_cells[-1].text)
            if m is None or m[0] != "row":
                if any(c.text for _, c in vals) and ("cases", order[0] or "") in bd.cells:
                    bd.unmap(lab, "row", block, label_cells[-1])
                    continue
        if not gap:
            vals = padded(row, vals, len(order), cut)
        nonblank = [c for _, c in vals if c.text]
        if short_row(gap, nonblank, len(order)):
            to_loose(bd, "cases", lab, block, nonblank)
            continue
        for i, c in vals:
            col_id = order[i] if 0 <= i < len(order) else None
            if col_id is None:
                if c.text:
                    bd.unmap(col_text(header_rows, c.col), "col", block, c)
                continue
            bd.add("cases", col_id, c.text, lab, bd.col_labels.get(col_id, sc_label(col_id)), block, c)


_S4_RESULT_TEXTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _s4_rows(rnd: random.Random) -> list[Row]:
    """A table 四 close to the template: a header of one to three rows (行政复议 / 行政诉讼 › 未经复议直接起诉 / 复议后起诉 ›
    结果维持…总计, merged cells repeated or left empty), a row of numbers (blanks, placeholders, now and then a label, a
    short row, a stray cell), now and then the transposed layout or a note."""
    texts: list[list[str]] = []
    lead = [rnd.choice(["数量", "合计", "案件", "行政复议"])] if rnd.random() < 0.2 else []
    width = 15
    if rnd.random() < 0.1:  # transposed: one row per group
        texts.append(["", *_S4_RESULT_TEXTS])
        for g in ["行政复议", "未经复议直接起诉", "复议后起诉"]:
            texts.append([g, *[rnd.choice(["0", "1", "", "/"]) for _ in range(5)]])
    else:
        heads = [["行政复议"] * 5 + ["行政诉讼"] * 10,
                 (["行政复议"] * 5 if rnd.random() < 0.5 else [""] * 5) + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
                 _S4_RESULT_TEXTS * 3]
        if rnd.random() < 0.2:
            heads = [[t if k % 5 == 0 else "" for k, t in enumerate(h)] for h in heads[:2]] + heads[2:]
        for h in rnd.choice([heads, heads, heads[1:], heads[2:], []]):
            texts.append(([""] * len(lead)) + h)
        for _ in range(rnd.choice([1, 1, 1, 2])):
            vals = [rnd.choice(["0", "1", "2", "", "/"]) for _ in range(width + rnd.choice([0, 0, 0, -3, 1]))]
            texts.append(lead + vals)
    if rnd.random() < 0.1:
        texts.append(["注：无"])
    return [Row(tuple(Cell(t, r, i) for i, t in enumerate(ts or [""])), line=r + 1) for r, ts in enumerate(texts)]


def _s4_builds(rnd: random.Random) -> tuple[Build, Build]:
    """Two equal Builds of table 四, as an earlier part may have left them (carried order, column labels, cells)."""
    a, b = Build("s4"), Build("s4")
    if rnd.random() < 0.2:
        order = [*[f"review.{r}" for r in ("upheld", "corrected", "other", "pending", "total")], None]
        for bd in (a, b):
            bd.order = list(order)
            bd.order_start = rnd.choice([None, 0, 1]) if bd is a else a.order_start
    if rnd.random() < 0.2:
        for bd in (a, b):
            bd.col_labels["review.upheld"] = "维持（前一部分）"
    if rnd.random() < 0.1:
        for bd in (a, b):
            bd.col_labels["direct.total"] = ""  # a label there, but empty: add gives none
    if rnd.random() < 0.2:
        for bd in (a, b):
            bd.add("cases", "review.upheld", "3", "数量", "", None, Cell("3", 0, 0))
    return a, b


def test_read_s4_by_table_shape_as_before():
    """read_s4, a table's rows replayed from what was kept for its shape (table4._S4_SHAPES), fills the Build as the
    reader before this round did, field for field and in the same order: tables of one shape read again with other
    numbers, into Builds that earlier parts left in various states, gap or not, the last row cut or not."""
    rnd = random.Random(4)
    table4._S4_SHAPES.clear()
    replayed = 0
    replay = table4._replay_s4

    def counting(*args):  # type: ignore[no-untyped-def]
        nonlocal replayed
        replayed += 1
        return replay(*args)

    table4._replay_s4 = counting  # type: ignore[assignment]
    try:
        for _n in range(1500):
            shape = _s4_rows(rnd)
            gap = rnd.random() < 0.1
            seed = rnd.random()
            for k in range(5):
                rows = _same_shape(rnd, shape)
                block = Block(index=0, kind="table", text="", table=Table(tuple(rows)))
                cut = rows[-1] if rnd.random() < 0.1 else None
                fast, slow = _s4_builds(random.Random(seed) if k < 3 else rnd)
                table4.read_s4(fast, rows, block, gap, cut, segments.shape_of(rows) if k % 2 else None)
                _reference_read_s4(slow, rows, block, gap, cut)
                _assert_same(fast, slow)
                assert fast.unmapped == slow.unmapped and fast.loose == slow.loose
                assert (fast.order, fast.order_start) == (slow.order, slow.order_start)
    finally:
        table4._replay_s4 = replay  # type: ignore[assignment]
    assert replayed > 1000  # the steps kept were replayed, not only recorded
