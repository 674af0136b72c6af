"""Rows of a text table written after it as one-line paragraphs.

A row left blank written as its label alone (its separators trimmed), or a row of numbers alone between two
such lines, is a paragraph to the text reader (one separated line is not a table).  :func:`tail_lines` lists
the one-line paragraphs after a text table that may be its rows, :func:`tail_rows` takes those whose labels are
row labels of the table (tables 二 and 三) as rows of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as dc_replace

from ...model import Block, Cell, Row
from ...readers.text import tab_row
from . import labels as lb
from .grid import PIECE, is_value, text_cell
from .segments import Segment
from .table2 import s2_head, s2_row_of, s2_title
from .table3 import s3_is_header


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class TailLine:
    """A one-line paragraph after a text table that may be a row of it (see :func:`tail_lines`)."""

    block: Block
    pieces: list[tuple[int, str]]  # (offset in the block text, text): a label, then numbers or placeholders
    cells: tuple[Cell, ...] | None = None  # the source line split on its tabs: exact positions, empty cells kept


def _tab_cells(block: Block, lines: list[str] | None) -> tuple[Cell, ...] | None:
    """The cells of the source line of a one-line block that holds tabs, split as a tab table's row
    (:func:`readers.text.tab_row`): every tab is one boundary, leading tabs are empty cells.  A lone tab line is a
    paragraph to the reader (one separated line is not a table), but its tabs still say where each
    value sits — ``4.保护第三方合法权益\t1\t\t\t\t\t\t1`` has its 总计 in the seventh value column."""
    if lines is None or block.line is None or block.end_line != block.line or not 0 < block.line <= len(lines):
        return None
    raw = lines[block.line - 1]
    if "\t" not in raw or raw.strip(" \t\u3000") != block.text:
        return None  # no tab, or the block is a part of its line (a flattened line split by report/inline.py)
    return tab_row(raw, block.line).cells


def _row_shape_ok(cells: tuple[Cell, ...]) -> bool:
    """Labels first, then only numbers, placeholders or empty cells."""
    texts = [c.text for c in cells if c.text]
    if not texts or is_value(texts[0]):
        return False
    k = next((i for i, t in enumerate(texts) if is_value(t)), len(texts))
    return all(is_value(t) for t in texts[k:])


def tail_lines(blocks, start: int, hint: str | None, hints: dict[int, str],
                lines: list[str] | None = None, gap: bool = False) -> list[TailLine]:
    """One-line paragraphs right after a text table that may be rows of it the reader did not see as table
    lines: a row left blank written as its label alone (its separators trimmed), or a row of numbers
    alone between two such lines (one separated line is not a table).  Each with its pieces (offset,
    text): a label, then only numbers or placeholders; a line with tabs (after a table that is not split
    on runs of spaces) also with its cells as the source line's tabs place them, labels first.  Which of
    them are rows is decided by the labels."""
    out: list[TailLine] = []
    for b in blocks[start:start + 60]:
        if b.kind not in ("paragraph", "heading") or hints.get(b.index) != hint:
            break
        t = b.text
        if "\n" in t or len(t) > 200 or t.endswith(("。", "；", ";", "：", ":", "，", ",")):
            break
        pieces = [(m.start(), m.group(0)) for m in PIECE.finditer(t)]
        if not pieces or is_value(pieces[0][1]):
            break
        cells = None if gap else _tab_cells(b, lines)
        if cells is not None:
            if not _row_shape_ok(cells):
                break
            out.append(TailLine(b, pieces, cells))
            continue
        if not all(is_value(x) for _, x in pieces[1:]) and not all(s2_head(x) for _, x in pieces):
            break
        if len(pieces) == 1 and len(t) > 60:
            break
        out.append(TailLine(b, pieces))
    return out


def _tail_label_ok(tid: str | None, text: str) -> bool:
    if tid == "s2":  # table 二 goes on over the titles (第二十条第（五）项) and header lines of its blocks
        return s2_row_of(text) is not None or s2_title(text) or s2_head(text)
    if tid == "s3":  # a label of table 三 itself (no guess from its number: prose headings are numbered too)
        parts = lb.split_label(text)
        return (bool(parts) and lb.cell_vote(text) in ("s3", None) and lb.match_s3_row(parts[-1].key, parts[-1].key2)
                is not None and not s3_is_header(Row(cells=(Cell(text=text, row=0, col=0),))))
    return False


def tail_rows(seg: Segment, tail: list[TailLine],
               gap: bool) -> tuple[list[Row], list[tuple[str, list[Cell]]], list[Block]]:
    """Rows of table 二 or 三 written after a table block as one-line paragraphs (see :func:`tail_lines`),
    up to the first line that is not a row label of the table: a label alone is a row whose cells are all
    empty; a label with numbers, after a table split on runs of spaces, a row like the others; a line with
    tabs, a row with the cells its tabs delimit (the source line keeps its leading tabs).  A label with
    numbers and no tab after a tab-separated table lost its empty cells (the separators were spaces or the
    paragraph was stripped), so its numbers cannot be placed: returned apart, as (label, cells), for
    ``loose``.  Last, the blocks taken: they are a part of the table (its rows), not prose."""
    rows: list[Row] = []
    unplaced: list[tuple[str, list[Cell]]] = []
    n = len(seg.block.table.rows) if seg.block.table is not None else 0
    taken = 0
    for k, tl in enumerate(tail):
        labels = [c.text for c in tl.cells if c.text and not is_value(c.text)] if tl.cells else [tl.pieces[0][1]]
        if not all(_tail_label_ok(seg.id, x) for x in labels):
            break
        if seg.id != "s2" or any(s2_row_of(x) is not None for x in labels):
            taken = k + 1  # titles and header lines of table 二 count only before one of its rows
    for tl in tail[:taken]:
        b, pieces = tl.block, tl.pieces
        if tl.cells is not None:
            rows.append(Row(cells=tuple(dc_replace(c, row=n + len(rows)) for c in tl.cells), line=b.line))
            continue
        label = pieces[0][1]
        cells = [text_cell(text, b, off, n + len(rows), j) for j, (off, text) in enumerate(pieces)]
        if len(cells) > 1 and is_value(cells[1].text) and not (gap and "\t" not in b.text):
            unplaced.append((label, cells[1:]))
            continue
        rows.append(Row(cells=tuple(cells), line=cells[0].line))
    return rows, unplaced, [tl.block for tl in tail[:taken]]
