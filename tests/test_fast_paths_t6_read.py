"""Fast paths of round 6 in the Markdown reader and the statistics tables (t6-read): each pinned equal to the form it
replaced."""

from __future__ import annotations

import random

from disclosure_lint.readers import lines as rl
from disclosure_lint.readers import markdown

from .benchgen import generated
from .test_fast_paths_md import _pipe_rows, _pipe_rows_reference

_PIECES = ("|", "|", " | ", "\\|", "\\\\|", "a", "中文", " ", "  ", "\t", "\u3000", "1", " 2 ", "", "x y", "\\", "0")


def _pool(rnd: random.Random, n: int) -> list[str]:
    """``n`` random table lines (pipes escaped or not, blanks of every kind around the cells), some of them twice."""
    out = ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 9))) for _ in range(n)]
    return out + rnd.sample(out, n // 4)


def test_kept_rows_are_built_as_cell_by_cell():
    """pipe_rows with the lines' cells kept (lines.\\_ROWS) gives the rows, text and anchors made cell by cell, whether
    a line is read for the first time or again (in the same table, at another row and line number, as a header or a
    body row), and when the memo is emptied because it is full."""
    rnd = random.Random(6)
    pool = _pool(rnd, 300)
    limit = rl._ROWS.limit
    rl._ROWS.clear()
    n = hits = 0
    try:
        for small in (False, True):
            if small:
                rl._ROWS.limit = 7  # emptied again and again
            for _ in range(3000):
                table = [(rnd.choice(pool), rnd.randint(1, 50)) for _ in range(rnd.randint(1, 6))]
                hits += sum(line in rl._ROWS for line, _ in table)
                assert _pipe_rows(table) == _pipe_rows_reference(table), table
                n += 1
    finally:
        rl._ROWS.limit = limit
        rl._ROWS.clear()
    assert n == 6000 and hits > 5000
    # a line with an escaped pipe, or longer than _ROW_LINE, is read each time, not kept
    long = "| " + " | ".join(["单元格"] * 200) + " |"
    table = [("| a \\| b | c |", 1), (long, 3), ("| a | b |", 4)]
    assert _pipe_rows(table) == _pipe_rows_reference(table)
    assert "| a \\| b | c |" not in rl._ROWS and long not in rl._ROWS and "| a | b |" in rl._ROWS
    rl._ROWS.clear()


def test_reports_read_alike_with_rows_kept_or_not():
    """Generated reports read with their table lines not kept, then with every line kept (a second reading: all hits):
    the same documents, block by block (repr: every field, the cells' places too)."""
    texts = [text for _name, text in generated(30, seed=6)]
    line_max = rl._ROW_LINE
    rl._ROWS.clear()
    try:
        rl._ROW_LINE = -1  # nothing kept
        plain = [repr(markdown.parse(t)) for t in texts]
        assert not rl._ROWS
        rl._ROW_LINE = line_max
        cold = [repr(markdown.parse(t)) for t in texts]
        warm = [repr(markdown.parse(t)) for t in texts]
    finally:
        rl._ROW_LINE = line_max
        rl._ROWS.clear()
    assert plain == cold == warm
    assert sum(d.count("Cell(") for d in plain) > 5000
