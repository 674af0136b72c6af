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
    # a line with an escaped pipe, longer than _ROW_LINE or of more than _ROW_CELLS cells is read each time, not kept
    long = "| " + " | ".join(["单元格"] * 200) + " |"
    wide = "|" + "|".join("1" * (rl._ROW_CELLS + 1)) + "|"
    table = [("| a \\| b | c |", 1), (long, 3), (wide, 4), ("| a | b |", 5)]
    assert _pipe_rows(table) == _pipe_rows_reference(table)
    assert len(wide) <= rl._ROW_LINE and len(rl._row_cells(wide, markdown._PIPE)[0]) == rl._ROW_CELLS + 1
    assert not {"| a \\| b | c |", long, wide} & rl._ROWS.keys() and "| a | b |" in rl._ROWS
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


def test_add_known_and_add_row_are_add_cell_by_cell():
    """Build.add_known (a replayed row of table 三: its cells' keys and its columns' labels given) and Build.add_row
    (which hands its row to add_known) fill the Build as Build.add does called for each cell in turn: the same cells
    (every field), row labels and column labels, a cell already there kept, a row that adds nothing giving no label."""
    from disclosure_lint.model import Cell
    from disclosure_lint.report.stats.grid import Build
    from disclosure_lint.report.stats.model import cell_key

    rnd = random.Random(61)
    cols = ["natural_person", "org_commercial", "org_research", "org_social", "org_legal", "org_other", "total"]
    rids = ["new", "carried_over", "result.open", "result.total", "carried_forward"]
    for _ in range(2000):
        a, b, c = Build("s3"), Build("s3"), Build("s3")
        given = {col: f"列{col}" for col in cols if rnd.random() < 0.5}
        for build in (a, b, c):
            build.col_labels.update(given)
        for _ in range(rnd.randint(1, 6)):
            rid = rnd.choice(rids)
            order = rnd.sample(cols, rnd.randint(1, len(cols)))
            cells = tuple(Cell(rnd.choice(["0", "1", "", "/", "12", "x"]), 1, k, line=3, column=k + 1)
                          for k in range(rnd.randint(0, len(order) + 2)))
            label = rnd.choice(["一、本年新收", "（七）总计", ""])
            for cid, cell in zip(order, cells):
                a.add(rid, cid, cell.text, label, a.col_labels.get(cid, ""), None, cell)
            keys = [cell_key(rid, cid) for cid in order[:len(cells)]]
            b.add_known(rid, label, order, keys, [b.col_labels.get(cid, "") for cid in order], cells, None)
            c.add_row(rid, label, zip(order, cells), None)
        for build in (b, c):
            assert a == build
            assert [(k, repr(v)) for k, v in a.cells.items()] == [(k, repr(v)) for k, v in build.cells.items()]
            assert list(a.row_labels.items()) == list(build.row_labels.items())
            assert list(a.col_labels.items()) == list(build.col_labels.items())


def test_checks_are_made_as_by_their_constructor():
    """The checks _evaluate_all makes without Check's __init__ are the objects Check(...) makes: the same class, the
    same fields in the same order (vars), over the identities of generated reports (ok, violated, blank totals)."""
    from disclosure_lint.report import interpret
    from disclosure_lint.report.stats.identities import Check

    n = 0
    statuses = set()
    for _name, text in generated(30, seed=6):
        for ch in interpret(markdown.parse(text)).identity_checks.checks:
            made = Check(ch.ident, ch.table, ch.status, ch.lhs, ch.rhs, ch.reason)
            assert type(ch) is Check
            assert list(vars(ch).items()) == list(vars(made).items())
            statuses.add(ch.status)
            n += 1
    assert n > 500 and {"ok", "violated"} <= statuses
