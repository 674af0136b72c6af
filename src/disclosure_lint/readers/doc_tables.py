"""Tables in a Word 97–2003 (.doc) document, for the .doc reader: their grid, and which are a page's frame, not data.

:func:`grid_of` lays a table's rows on one grid of columns from the cells' edges (the union of its rows' edges).

**Layout frames** (:func:`frame_cells`).  As in the Word reader (:func:`.docx.frame_cells`), a table in which each row has one cell with text, all in one grid
column, none merged down, the others blank, is a *frame* when a cell holds a table, or its one cell holds two or more
paragraphs with text (a report pasted into a one-cell table, a portal page's one-column frame of title, date and
text), or it is one column's one cell of one paragraph of words (a section title in a shaded banner box).  Its cells'
paragraphs and tables are the body's: the reader reads them again one level less deep (:func:`shallower`).

A table is given as the paragraphs read inside it, in order: ``(text, mark, properties, pictures)`` as the reader's
``_paragraphs`` yields them; the properties say how deep each paragraph is (``depth()``), whether it ends a row
(``ttp``; ``inner_ttp`` in a nested table), ends a nested table's cell (``inner_cell``), and, on a row's end, its
cells' edges (``edges``, twips) and merges (``merges``: cell → (horizontal, vertical)).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

SNAP = 20  # edges a few twips apart are one (a table drawn by hand)
MAX_GRID_COLS = 256  # grid columns kept per table (as the Word reader)
UNIT_CHARS = frozenset("件个项次条人家万亿元年月日")


def _columns(rows: Sequence[tuple[list, Any]]) -> tuple[list[int], dict[int, int]]:
    """The grid's column edges (the union of the rows' edges, twips) and the column each edge falls on."""
    edges = sorted({e for cells, p in rows if len(p.edges) == len(cells) + 1 for e in p.edges})
    snapped: dict[int, int] = {}
    columns: list[int] = []
    for e in edges:  # edges a few twips apart are one (a table drawn by hand)
        if not columns or e - columns[-1] > SNAP:
            columns.append(e)
        snapped[e] = len(columns) - 1
    return columns, snapped


def grid_of(rows: Sequence[tuple[list[str], Any]], room: int = 1 << 62) -> list[list[str]] | None:
    """Rows of cells (each cell's text, its row end's properties) on one grid of columns; None when the grid would
    hold more than ``room`` cells."""
    columns, snapped = _columns(rows)
    width = min(max(len(columns) - 1, max((len(c) for c, _p in rows), default=0)), MAX_GRID_COLS)
    if width * len(rows) > room:
        return None
    grid: list[list[str]] = []
    for cells, p in rows:
        line = [""] * width
        placed = len(p.edges) == len(cells) + 1 and len(columns) > 1
        above = grid[-1] if grid else None
        prev = ""
        for k, cell in enumerate(cells):
            h, v = p.merges.get(k, (0, 0))
            if placed:
                lo, hi = snapped[p.edges[k]], snapped[p.edges[k + 1]]
                if hi <= lo:
                    hi = lo + 1
            else:
                lo, hi = k, k + 1
            if h >= 2:  # merged into the cell before it (Word 97's horizontal merge)
                cell = prev
            if v == 1 and above is not None and lo < len(above):  # under the first cell of a vertical merge
                cell = above[lo]
            for c in range(lo, min(hi, width)):
                line[c] = cell
            prev = cell
        grid.append(line)
    return grid


def _rows(items: list) -> list[tuple[list[list], Any]]:
    """The table's rows: ``(cells, row end's properties)``, each cell the list of its items (nested ones too)."""
    rows: list[tuple[list[list], Any]] = []
    row: list[list] = []
    cell: list = []
    for item in items:
        _raw, mark, p, _pics = item
        if p.depth() == 1 and p.ttp:
            if cell:
                row.append(cell)
            rows.append((row, p))
            row, cell = [], []
        else:
            cell.append(item)
            if p.depth() == 1 and mark == "\x07":
                row.append(cell)
                cell = []
    if cell or row:  # a last row without its end (a damaged file): no edges
        if cell:
            row.append(cell)
        rows.append((row, None))
    return rows


def _holds_text(cell: list) -> bool:
    return any(raw.strip(" \t\n\u3000\xa0") for raw, _m, _p, _x in cell)


def _own_paragraphs(cell: list) -> list[str]:
    """The texts of the cell's own paragraphs with text (not those of a table nested in it)."""
    return [raw for raw, _m, p, _x in cell if p.depth() == 1 and raw]


def _words(cell: list) -> bool:
    """Is the cell's one paragraph with text words (2+ Chinese characters besides units; no tab or break)?"""
    own = _own_paragraphs(cell)
    if len(own) != 1 or "\t" in own[0] or "\n" in own[0]:
        return False
    return sum(1 for c in own[0] if "\u4e00" <= c <= "\u9fff" and c not in UNIT_CHARS) >= 2


def frame_cells(items: list) -> list[list] | None:
    """The cells (each a list of items) of a layout frame, in order, else None (the module docstring)."""
    rows = _rows(items)
    _cols, snapped = _columns([(cells, p) for cells, p in rows if p is not None])
    out: list[list] = []
    nested = wide = False
    column: int | None = None
    for cells, p in rows:
        if not cells:
            continue
        placed = p is not None and len(p.edges) == len(cells) + 1
        if p is not None and any(v for _h, v in p.merges.values()):
            return None  # merged down: a data table's header
        spots = [(snapped[p.edges[k]], snapped[p.edges[k + 1]]) if placed else (k, k + 1) for k in range(len(cells))]
        if len(cells) == 1:
            cell, (lo, hi) = cells[0], spots[0]
            if hi - lo > 1:
                return None
        else:
            wide = True
            held = [k for k, c in enumerate(cells) if _holds_text(c)]
            if len(held) > 1:
                return None  # two cells with text in a row: a data table
            if not held:
                continue
            cell, (lo, _hi) = cells[held[0]], spots[held[0]]
        if column is not None and lo != column:
            return None
        column = lo
        nested = nested or any(q.depth() >= 2 for _r, _m, q, _x in cell)
        out.append(cell)
    if nested or (len(out) == 1 and len(_own_paragraphs(out[0])) >= 2):
        return out
    if len(out) == 1 and not wide and _words(out[0]):
        return out
    return None


def shallower(p, mark: str):
    """``(properties, mark)`` of a frame's paragraph read one level less deep: a paragraph of the frame's cell is a
    body paragraph; one of a table nested in it is of a table of the body (its inner cell's end a cell's end, its
    inner row's end a row's end)."""
    q = copy.copy(p)
    depth = p.depth()
    if depth <= 1:
        q.in_table = q.ttp = q.inner_cell = q.inner_ttp = False
        q.itap = 0
        return q, "\r"
    q.itap = depth - 1
    if depth == 2:
        q.ttp = p.inner_ttp
        if p.inner_cell or p.inner_ttp:
            mark = "\x07"
        q.inner_cell = q.inner_ttp = False
    return q, mark
