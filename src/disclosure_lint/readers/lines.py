"""Helpers shared by the line-based readers (Markdown, text)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..memo import Kept
from ..model import (
    Anchor,
    Block,
    BlockKind,
    Cell,
    Document,
    ReaderNotice,
    Row,
    Table,
    cell_anchors,
    new_anchor,
    slots_twin,
)
from ..textio import Undecodable

_SPACE = " \t\u3000"

# A block that is nothing but pictures: Markdown images (one or more) or one HTML <img> tag. The line-based
# readers give it the block kind ``image`` (a statistics table published as a picture is common).
PICTURE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^\s*<img\b[^>]*>\s*$", re.I)
# A picture written anywhere in a block's text (Markdown keeps a picture beside its caption in the paragraph).
PICTURE_MARK = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)|<img\b[^>\n]{0,500}>", re.I)
# The text beside a picture in its paragraph that is a caption (表1 主动公开情况), not prose around an inline figure.
CAPTION_MAX = 40


# -- model objects made without the frozen dataclasses' __init__ (model.slots_twin) -------------------------------
# The readers make a Cell and an Anchor for every table cell of a report, hundreds per report.
_CellSlots = slots_twin(Cell)
_RowSlots = slots_twin(Row)
_BlockSlots = slots_twin(Block)


def new_cell(text: str, row: int, col: int, line: int | None = None, column: int | None = None,
             end_column: int | None = None, pointer: str | None = None, header: bool = False,
             anchors: tuple[Anchor, ...] = (), confidence: float | None = None) -> Cell:
    """``Cell(...)``, made faster (see above)."""
    c: Any = _CellSlots()
    c.text = text
    c.row = row
    c.col = col
    c.line = line
    c.column = column
    c.end_column = end_column
    c.pointer = pointer
    c.header = header
    c.anchors = anchors
    c.confidence = confidence
    c.__class__ = Cell
    return c


def new_row(cells: tuple[Cell, ...], line: int | None = None, header: bool = False) -> Row:
    """``Row(...)``, made faster (see above)."""
    r: Any = _RowSlots()
    r.cells = cells
    r.line = line
    r.header = header
    r.__class__ = Row
    return r


def new_block(index: int, kind: BlockKind, text: str, line: int | None = None, column: int | None = None,
              end_line: int | None = None, end_column: int | None = None, anchors: tuple[Anchor, ...] = (),
              level: int | None = None, table: Table | None = None, pointer: str | None = None) -> Block:
    """``Block(...)``, made faster (see above)."""
    b: Any = _BlockSlots()
    b.index = index
    b.kind = kind
    b.text = text
    b.line = line
    b.column = column
    b.end_line = end_line
    b.end_column = end_column
    b.anchors = anchors
    b.level = level
    b.table = table
    b.pointer = pointer
    b.__class__ = Block
    return b


# The pipe-table lines read before: the same rows come back report after report (the national template's label rows,
# rows of zeros: three rows in four of the bench's tables were seen before), and a row whose line was read before is
# kept whole, by its line and place (:data:`_PLACED`).  Only the line is kept, no tuple or cell per cell: the memo's
# 2,048 entries then hold nothing the cyclic collector walks between two files.  At most 2,048 lines of at most
# ``_ROW_LINE`` characters and ``_ROW_CELLS`` cells; a line with an escaped pipe is not kept (its split depends on
# the pattern).
_ROWS: Kept[str, bool] = Kept("Markdown tables: the lines read before", 2048)
_ROW_LINE = 200
_ROW_CELLS = 16  # table 四 has 15 columns, table 三 ten
# A row itself (its Row and cells, every field set), kept by its line, line number and place in its table
# (:func:`pipe_rows`): a report made from the same template as one read before holds the same row on the same line
# (the 1,200 jobs reports: 68 % of their rows with this bound), and such a row costs one lookup instead of a Cell per
# cell.  The objects are immutable, so the reports share them.  A row is kept only when its line was in :data:`_ROWS`
# (read before: a row of new numbers, read once, does not push the template's rows out): at most 1,024 rows of at most
# ``_ROW_CELLS`` cells (tracemalloc: ≈ 1.0 MB when full of the bench's rows, 2.2 MB of hostile 16-cell rows).
_PLACED: Kept[tuple[str, int, int], tuple[Row, str]] = Kept("Markdown tables: a row by its line and place", 1024)


def _row_cells(line: str, pipe: re.Pattern[str]) -> tuple[tuple[tuple[str, int, int], ...], str]:
    """A pipe-table line's cells as ``(text, column, end column)`` (1-based) and its text (the cells' texts joined
    by tabs): the line split at its pipes that are not escaped (``pipe``; the border pipes dropped), each cell's
    text stripped, its column that of its first character (an empty text: the piece's first character).

    A line without a backslash-pipe whose characters are all printable (most: its only whitespace is the ASCII
    space, as every other whitespace character is not printable) is split at every pipe and its pieces stripped of
    spaces by ``str.rstrip()`` and ``str.lstrip()`` (no argument: every whitespace character, here only spaces),
    each cell's column worked out from the lengths; :func:`_spaced_row_cells` (a strip of `` \t\u3000`` and a
    search per cell) reads any other line."""
    if "\\|" in line or not line.isprintable():
        return _spaced_row_cells(line, pipe)
    parts, pos = _pieces(line)
    cells = []
    texts = []
    for seg in parts:
        right = seg.rstrip()
        text = right.lstrip()
        texts.append(text)
        end = pos + len(right)  # an empty text: end = pos, its column too (the piece's first character)
        cells.append((text, end - len(text), end))
        pos += len(seg) + 1
    return tuple(cells), "\t".join(texts)


def _pieces(line: str) -> tuple[list[str], int]:
    """A line without an escaped pipe split at its pipes, the border pipes dropped, and the 1-based column of the first
    piece's first character."""
    parts = line.split("|")
    pos = 1
    if len(parts) > 1 and not parts[0].strip():
        pos += len(parts[0]) + 1
        del parts[0]  # leading border pipe
    if len(parts) > 1 and not parts[-1].strip():
        del parts[-1]  # trailing border pipe
    return parts, pos


def _spaced_row_cells(line: str, pipe: re.Pattern[str]) -> tuple[tuple[tuple[str, int, int], ...], str]:
    """:func:`_row_cells` of any line (one with an escaped pipe, a tab or an ideographic space)."""
    # every separator is one character, so each piece starts one character after the previous one ends
    parts = pipe.split(line) if "\\|" in line else line.split("|")
    pos = 1  # 1-based column of the piece's first character
    space = _SPACE
    if len(parts) > 1 and not parts[0].strip(space):
        pos += len(parts[0]) + 1
        del parts[0]  # leading border pipe
    if len(parts) > 1 and not parts[-1].strip(space):
        del parts[-1]  # trailing border pipe
    cells = []
    texts = []
    for seg in parts:
        text = seg.strip(space)
        texts.append(text)
        c0 = pos + seg.find(text)  # "".find gives 0: an empty text sits at the piece's first character
        cells.append((text, c0, c0 + len(text)))
        pos += len(seg) + 1
    return tuple(cells), "\t".join(texts)


def pipe_rows(lines: list[tuple[str, int]], pipe: re.Pattern[str]) -> tuple[tuple[Row, ...], str]:
    """The rows of a pipe table (the first one its header) from ``(line, 1-based line number)``: each line's cells
    as :func:`_row_cells` reads them (its split done here in line, so that each cell is made as its piece is
    stripped, with no tuple per cell; a row read before on the same line number and at the same place in its table,
    its line read before that (:data:`_ROWS`): that very row, :data:`_PLACED`); returns the rows and the table's text (cells joined by tabs, rows
    by newlines).  The same objects as :func:`new_cell`, :func:`new_row` and :func:`table_text` make, built in line
    (a Markdown report has hundreds of table cells); the table's anchors are those of its cells
    (``model.CELL_ANCHORS``)."""
    rows: list[Row] = []
    row_texts: list[str] = []
    header = True
    # local names: the inner loops run once per cell
    cell_slots, cell_class, kept, placed = _CellSlots, Cell, _ROWS, _PLACED
    for ri, (line, line_no) in enumerate(lines):
        key = (line, line_no, ri)  # the row's header flag is ri == 0
        row_got = placed.get(key)
        if row_got is not None:
            rows.append(row_got[0])
            row_texts.append(row_got[1])
            header = False
            continue
        cells = []
        seen = line in kept  # read before (a kept line: short, no escaped pipe, few cells)
        if "\\|" not in line and line.isprintable():
            # _row_cells, each cell made as its piece is stripped (see there)
            parts, pos = _pieces(line)
            texts = []
            col = 0
            for seg in parts:
                right = seg.rstrip()
                text = right.lstrip()
                texts.append(text)
                end = pos + len(right)  # an empty text: end = pos, its column too (the piece's first character)
                c: Any = cell_slots()
                c.text = text
                c.row = ri
                c.col = col
                c.line = line_no
                c.column = end - len(text)
                c.end_column = end
                c.pointer = None
                c.header = header
                c.anchors = ()
                c.confidence = None
                c.__class__ = cell_class
                cells.append(c)
                pos += len(seg) + 1
                col += 1  # noqa: SIM113 (a counter: no tuple per cell, as enumerate makes)
            row_text = "\t".join(texts)
        else:
            # (a line with an escaped pipe, a tab or an ideographic space: rare, its cells made by new_cell)
            specs, row_text = _spaced_row_cells(line, pipe)
            cells = [new_cell(text, ri, col, line_no, c0, c1, header=header) for col, (text, c0, c1) in enumerate(specs)]
        r: Any = _RowSlots()
        r.cells = tuple(cells)
        r.line = line_no
        r.header = header
        r.__class__ = Row
        rows.append(r)
        row_texts.append(row_text)
        if seen:
            placed.keep(key, (r, row_text))
        elif len(line) <= _ROW_LINE and "\\|" not in line and len(cells) <= _ROW_CELLS:
            kept.keep(line, True)
        header = False
    return tuple(rows), "\n".join(row_texts)


_PANDOC_LINE = re.compile(r"\n {0,3}(?:--|\+[-=:])").search  # (led by a literal: SRE skips to each line break)


def pandoc_gate(text: str) -> bool:
    """Whether a line of ``text`` starts (after at most three spaces) with two dashes or a grid border's ``+-``:
    the source may hold pandoc's simple, multiline or grid tables (:mod:`.md_pandoc`, imported only then)."""
    return _PANDOC_LINE(text) is not None or text.lstrip(" ")[:2] in ("--", "+-", "+=", "+:")


def anchored(pieces: list[tuple[str, int, int]],
             sep: str | Callable[[str, str], str] = "\n") -> tuple[str, tuple[Anchor, ...]]:
    """Join ``(text, line, column)`` pieces into one text with an anchor at each: with newlines, or ``sep``, or what
    ``sep(before, after)`` puts between two pieces."""
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for i, (text, line, col) in enumerate(pieces):
        if i:
            between = sep if isinstance(sep, str) else sep(pieces[i - 1][0], text)
            if between:
                parts.append(between)
                offset += len(between)
        anchors.append(new_anchor(offset, line, col))
        parts.append(text)
        offset += len(text)
    return "".join(parts), tuple(anchors)


def strip_span(line: str, start: int = 0, end: int | None = None) -> tuple[str, int]:
    """Strip whitespace from ``line[start:end]``; return (text, 0-based start column)."""
    if end is None:
        end = len(line)
    while start < end and line[start] in _SPACE:
        start += 1
    while end > start and line[end - 1] in _SPACE:
        end -= 1
    return line[start:end], start


def split_cells(line: str, line_no: int, row_index: int, pattern: re.Pattern[str], header: bool = False,
                shift: int = 0) -> Row:
    """Split one table line on ``pattern`` into cells with exact columns (``shift``: columns the line was cut
    from the left of its source line, added to every column)."""
    cells: list[Cell] = []
    pos = 0
    bounds: list[tuple[int, int]] = []
    for m in pattern.finditer(line):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(line)))
    for col, (start, end) in enumerate(bounds):
        text, c0 = strip_span(line, start, end)
        c0 += shift + 1
        cells.append(new_cell(text, row_index, col, line_no, c0, c0 + len(text), None, header))
    return new_row(tuple(cells), line_no, header)


def table_text(rows: list[Row]) -> tuple[str, tuple[Anchor, ...]]:
    """Text of a table (cells joined by tabs, rows by newlines) with an anchor at every cell (:func:`.model.cell_anchors`)."""
    text = "\n".join("\t".join([c.text for c in row.cells]) for row in rows)
    return text, cell_anchors(rows)


def block_limit_notice(limit: int, line: int | None, lines: bool = False, pointer: str | None = None) -> ReaderNotice:
    """``Document.notices`` entry: more than ``limits.max_blocks`` blocks (or, ``lines``, more lines than
    that many blocks can have: a Markdown source is cut before it is parsed); reading stopped at ``line`` (or at
    ``pointer``, in formats without lines)."""
    if lines:
        read = f"前{(line or 1) - 1}行"
    elif line is not None:
        read = f"第{line}行之前的前{limit}段"
    else:
        read = f"前{limit}段" + (f"（{pointer}之前）" if pointer else "")
    return ReaderNotice("read-limit", limit="max_blocks", value=limit, line=line,
                        detail=f"文件超过{limit}段（读取上限 limits.max_blocks），只读取了{read}")


def with_undecodable(doc: Document, bad: Undecodable | None) -> Document:
    """``doc`` with a notice of the bytes its text could not decode (:func:`..textio.decode_lenient`), if any."""
    if bad is None:
        return doc
    notice = ReaderNotice("undecodable-bytes", line=bad.line, column=bad.column, value=bad.count, total=bad.runs,
                          detail="end" if bad.at_end else None)
    return replace(doc, notices=(notice, *doc.notices))


def with_script(doc: Document, notice: ReaderNotice | None) -> Document:
    """``doc`` with the notice that its text was converted from traditional script (:mod:`.script`), if it was."""
    return doc if notice is None else replace(doc, notices=(*doc.notices, notice))


def table_limit_notice(limit: int, line: int, rows: int) -> ReaderNotice:
    """``Document.notices`` entry: the tables over ``limits.max_table_cells`` cells in all, the one at ``line`` read up
    to ``rows`` lines; reading stops there, as every reader's limit stops it (:func:`..report.truncation.cut_by_reader`:
    the rows and parts not read are not reported missing)."""
    return ReaderNotice("read-limit", limit="max_table_cells", value=limit, line=line,
                        detail=f"表格单元格合计超过{limit}个（读取上限 limits.max_table_cells），第{line}行起的表格只读取了"
                               f"前{rows}行，其后的内容未读取")


def capped_rows(lines: list[str], start: int, end: int, pattern: re.Pattern[str], limit: int) -> tuple[int, int, int]:
    """How many of the table lines ``lines[start:end]`` fit in ``limit`` cells (cells separated by ``pattern``).

    Returns ``(stop, cut, cells)``: the table is read up to line ``stop`` (exclusive); ``cut`` > 0 when even its
    first line is over the limit — then only that line's first ``cut`` characters are read; ``cells`` of it are read.  Counted before any line
    is split, so a table of millions of cells never becomes millions of objects.
    """
    total = 0
    for k in range(start, end):
        line = lines[k]
        n = 1
        for m in pattern.finditer(line):
            n += 1
            if total + n > limit:
                if k == start:
                    return start + 1, m.start(), n - 1
                return k, 0, total
        total += n
    return end, 0, total
