"""Fast paths of round 7 in the Markdown tables and the statistics tables (t7-stats): each pinned equal to the form it
replaced."""

from __future__ import annotations

import random

from disclosure_lint.readers import lines as rl
from disclosure_lint.readers import markdown

from .benchgen import generated
from .test_fast_paths_md import _pipe_rows, _pipe_rows_reference
from .test_fast_paths_t6_read import _pool


def _clear_rows() -> None:
    rl._ROWS.clear()
    rl._PLACED.clear()


def test_placed_rows_are_built_as_cell_by_cell():
    """pipe_rows with rows kept by their line, line number and place (lines.\\_PLACED) gives the rows, text and anchors
    made cell by cell, whether a row is read for the first time, again at the same place, or its line again at another
    line number or place (as a header or a body row), and when either memo is emptied because it is full; a row is
    kept only once its line was read before."""
    rnd = random.Random(7)
    pool = _pool(rnd, 60)
    limits = rl._ROWS.limit, rl._PLACED.limit
    _clear_rows()
    n = hits = 0
    try:
        for small in (None, "rows", "placed"):
            if small == "rows":
                rl._ROWS.limit = 7  # lines emptied again and again, rows kept
            elif small == "placed":
                rl._ROWS.limit, rl._PLACED.limit = limits[0], 5
            for _ in range(3000):
                table = [(rnd.choice(pool), rnd.randint(1, 4)) for _ in range(rnd.randint(1, 4))]
                hits += sum((line, no, ri) in rl._PLACED for ri, (line, no) in enumerate(table))
                assert _pipe_rows(table) == _pipe_rows_reference(table), table
                n += 1
    finally:
        rl._ROWS.limit, rl._PLACED.limit = limits
        _clear_rows()
    assert n == 9000 and hits > 3000
    # a row is kept the second time its line is read (the first reading keeps the line only), at its place
    table = [("| 甲 | 乙 |", 3), ("| 1 | 2 |", 5)]
    first = _pipe_rows(table)
    assert not rl._PLACED and "| 1 | 2 |" in rl._ROWS
    again = _pipe_rows(table)
    assert set(rl._PLACED) == {("| 甲 | 乙 |", 3, 0), ("| 1 | 2 |", 5, 1)}
    assert first == again == _pipe_rows(table) == _pipe_rows_reference(table)
    assert _pipe_rows(table)[0][1] is again[0][1]  # the very row
    # the same line at another line number or place: another row, made afresh
    moved = [("| 1 | 2 |", 5), ("| 1 | 2 |", 6)]
    assert _pipe_rows(moved) == _pipe_rows_reference(moved)
    assert _pipe_rows(moved)[0][0] is not again[0][1]
    # a line with an escaped pipe, too long or of too many cells is never kept, so neither is its row
    long = "| " + " | ".join(["单元格"] * 200) + " |"
    wide = "|" + "|".join("1" * (rl._ROW_CELLS + 1)) + "|"
    odd = [("| a \\| b | c |", 1), (long, 3), (wide, 4)]
    for _ in range(3):
        assert _pipe_rows(odd) == _pipe_rows_reference(odd)
    assert not {key[0] for key in rl._PLACED} & {line for line, _ in odd}
    _clear_rows()


def test_reports_read_alike_with_rows_placed_or_not():
    """Generated reports read with nothing kept, then three times with rows kept (the second and third readings: their
    rows found by line and place): the same documents, block by block (repr: every field, the cells' places too)."""
    texts = [text for _name, text in generated(30, seed=7)]
    line_max = rl._ROW_LINE
    _clear_rows()
    try:
        rl._ROW_LINE = -1  # nothing kept
        plain = [repr(markdown.parse(t)) for t in texts]
        assert not rl._ROWS and not rl._PLACED
        rl._ROW_LINE = line_max
        cold = [repr(markdown.parse(t)) for t in texts]
        assert not rl._PLACED or all(line in rl._ROWS for line, _, _ in rl._PLACED)
        warm = [repr(markdown.parse(t)) for t in texts]
        placed = len(rl._PLACED)
        again = [repr(markdown.parse(t)) for t in texts]
    finally:
        rl._ROW_LINE = line_max
        _clear_rows()
    assert plain == cold == warm == again
    assert placed > 500 and sum(d.count("Cell(") for d in plain) > 5000


def _pointer_reference(c) -> str:  # type: ignore[no-untyped-def]
    """StatCell.pointer as it was computed on every read."""
    from disclosure_lint.report.catalogue import TABLE_SHORT_NAMES
    from disclosure_lint.report.stats.schema import S4_BLOCKS

    short = TABLE_SHORT_NAMES.get(c.table, c.table)
    if c.table == "s4":
        block = dict(S4_BLOCKS).get(c.col.split(".")[0], "")
        col = c.col_label if block and block in c.col_label else f"{block} › {c.col_label}"
        return f"{short} › {col}"
    return f"{short} › {c.row_label} › {c.col_label}"


def test_kept_pointers_are_made_as_before():
    """StatCell.pointer kept by its parts (stats.model.\\_POINTERS) is the pointer made afresh: cold, warm, with the
    memo emptied again and again, for every table (table 四's blocks named in the column label or not) and for labels
    too long to be kept."""
    from disclosure_lint.report.stats import model
    from disclosure_lint.report.stats.schema import S4_BLOCKS

    rnd = random.Random(7)
    blocks = [b for b, _ in S4_BLOCKS] + ["other", ""]
    names = [n for _, n in S4_BLOCKS] + ["结果维持", "总计", ""]
    labels = ["本年新收", "（一）予以公开", "合计", "", "自然人", "商业企业", "其他", "a" * 60, "长" * 120]
    pool = []
    for _ in range(300):
        col = f"{rnd.choice(blocks)}.{rnd.choice(('maintain', 'total', 'x'))}" if rnd.random() < 0.8 \
            else rnd.choice(blocks)
        col_label = rnd.choice(names) + rnd.choice(("", "·", " › ")) + rnd.choice(names + labels)
        pool.append((rnd.choice(("s2", "s3", "s4", "s4", "sx")), col, rnd.choice(labels), col_label))
    limit = model._POINTERS.limit
    model._POINTERS.clear()
    n = kept = 0
    try:
        for small in (False, True):
            if small:
                model._POINTERS.limit = 3
            for _ in range(4000):
                table, col, row_label, col_label = rnd.choice(pool)
                c = model.new_stat_cell(table, "r", col, "1", model.parse_value("1"), row_label, col_label)
                kept += (c.table, c.col, c.row_label, c.col_label) in model._POINTERS
                assert c.pointer == _pointer_reference(c) == c.pointer, c
                n += 1
        assert all(len(k[2]) + len(k[3]) <= model._POINTER_LABELS for k in model._POINTERS)
    finally:
        model._POINTERS.limit = limit
        model._POINTERS.clear()
    assert n == 8000 and kept > 2000
