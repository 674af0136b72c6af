"""HTML tables read into the document model: which tables are data, and their grid of cells.

A table of short cells is data (a statistics table); a table used for page layout (nested tables,
long cells, a single column) is not and the reader reads it as normal flow.  :func:`read_table` expands
``rowspan`` / ``colspan``: the merged cell's text is repeated in every grid position it covers, each
copy with the original cell's source position; ``<th>`` and ``<thead>`` cells are headers.  Cell text
comes from :class:`.html_text.TextWalker`, with exact source positions.  :func:`fragment_tables` reads
the tables of an HTML fragment on their own (a raw-HTML table in a Markdown file) the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Anchor, Cell, Row, Table
from .html_source import Source, align, clean_source, parse_tree, tag_of
from .html_text import TextWalker
from .lines import new_cell, table_text

MAX_COLS = 300
MAX_GRID = 200_000


def span(v, default: int = 1) -> int:
    """A ``rowspan`` / ``colspan`` / size attribute as browsers read it (``default`` when unreadable)."""
    if v is None:
        return default
    if v.isascii() and v.isdigit() and len(v) < 7:
        return int(v)
    try:
        n = int(str(v).strip().rstrip(";").split(".")[0] or default)
    except (TypeError, ValueError):
        return default
    return n


def table_rows(table) -> list[tuple[object, bool]]:
    """The ``<tr>`` of a table, direct or in its ``thead``/``tbody``/``tfoot``, with "in ``thead``"."""
    rows = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            rows.append((child, False))
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if tag_of(tr) == "tr":
                    rows.append((tr, tag == "thead"))
    return rows


def _nonblank(s: str) -> int:
    return len("".join(s.split()))


def row_cells(tr) -> list:
    return [td for td in tr if tag_of(td) in ("td", "th")]


def is_data_table(table, nested: bool = False) -> bool:
    """Only tables of short cells are data; nested, single-column or long-cell tables are layout."""
    if nested:
        return False
    rows = table_rows(table)
    if not rows:
        return False
    cells = [td for tr, _h in rows for td in row_cells(tr)]
    if len(cells) < 2:
        return False
    width = max(sum(min(max(span(td.get("colspan")), 1), MAX_COLS) for td in row_cells(tr)) for tr, _h in rows)
    if width < 2:
        return False
    if len(rows) * min(width, MAX_COLS) > MAX_GRID:
        return False
    lens = [_nonblank("".join(td.itertext())) for td in cells]
    total = sum(lens)
    long_ = sum(n for n in lens if n > 100)
    return not (total and long_ > 0.3 * total)


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class CellBudget:
    """Table cells a reader may still read (``limits.max_table_cells``, all tables of a file), and
    the (line, column) of the first row not read once the budget ran out."""

    max_cells: int
    used: int = 0
    cut: tuple[int, int] | None = None


def read_table(table, walker: TextWalker, budget: CellBudget) -> tuple[str, tuple[Anchor, ...], Table] | None:
    """A data table's grid (``rowspan`` / ``colspan`` expanded) with its block text and anchors; None
    when no cell was read.  Rows past the cell budget are left out (``budget.cut`` says where)."""
    src = walker.src
    rows = table_rows(table)
    n = len(rows)
    grid: dict[tuple[int, int], Cell] = {}
    row_header = [h for _tr, h in rows]
    for r, (tr, thead) in enumerate(rows):
        tds = row_cells(tr)
        if budget.used + len(tds) > budget.max_cells:
            budget.cut = budget.cut or src.tag_pos(tr)
            n = r  # the rows read so far make the table; rowspans reaching further are cut
            break
        budget.used += len(tds)
        c = 0
        for td in tds:
            while (r, c) in grid:
                c += 1
            if c >= MAX_COLS:
                break
            rs = span(td.get("rowspan"))
            rs = n - r if rs == 0 else min(max(rs, 1), n - r)
            cs = min(max(span(td.get("colspan")), 1), MAX_COLS - c)
            text, anchors = walker.cell_text(td)
            if anchors:
                ln, col = anchors[0].line, anchors[0].column
            else:
                ln, col = src.tag_pos(td)
            end_col = None
            if anchors and all(a.line == ln for a in anchors):
                last = anchors[-1]
                end_col = last.column + (len(text) - last.offset)
            header = thead or tag_of(td) == "th"
            base = new_cell(text, r, c, ln, col, end_col, None, header, anchors)
            for dr in range(rs):
                for dc in range(cs):
                    if (r + dr, c + dc) not in grid:
                        grid[(r + dr, c + dc)] = base if (dr, dc) == (0, 0) else new_cell(
                            text, r + dr, c + dc, ln, col, end_col, None, header, anchors)
            c += cs
    if not grid:
        return None
    n_cols = max(k[1] for k in grid) + 1
    out_rows: list[Row] = []
    for r in range(n):
        present = [grid.get((r, c)) for c in range(n_cols)]
        if not any(present):
            continue
        ri = len(out_rows)
        cells = tuple(new_cell(x.text, ri, x.col, x.line, x.column, x.end_column, None, x.header, x.anchors)
                      if x is not None and x.row != ri else
                      (x if x is not None else new_cell("", ri, c))
                      for c, x in enumerate(present))
        header = row_header[r] or all(x.header for x in cells)
        line = next((x.line for x in cells if x.line is not None), None)
        out_rows.append(Row(cells=cells, line=line, header=header))
    text, anchors = table_text(out_rows)
    return text, anchors, Table(rows=tuple(out_rows))


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class FragmentTable:
    """A table read from an HTML fragment: its grid, block text and anchors, and where its ``<table`` tag is."""

    table: Table
    text: str
    anchors: tuple[Anchor, ...]
    line: int
    column: int


def fragment_tables(fragment: str, budget: CellBudget,
                    place: Callable[[int, int], tuple[int, int]] | None = None) -> list[FragmentTable]:
    """The outermost tables of an HTML fragment (a raw-HTML block of a Markdown file), read as the HTML
    reader reads a page's data tables; ``place`` maps a (line, column) of the fragment to the file's."""
    src = clean_source(fragment)
    tree = parse_tree(src)
    if tree is None:
        return []
    source = Source(src, place)
    source.map_elements(tree)
    text_at, tail_at = align(tree, source)
    walker = TextWalker(source, text_at, tail_at)
    out = []
    for table in tree.iter("table"):
        if any(tag_of(up) == "table" for up in table.iterancestors()):
            continue  # a table inside a cell is part of that cell's text
        read = read_table(table, walker, budget)
        if read is not None:
            text, anchors, grid = read
            line, column = source.tag_pos(table)
            out.append(FragmentTable(grid, text, anchors, line, column))
    return out
