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
