"""Pandoc's table syntaxes in a Markdown file: simple, multiline and grid tables.

``pandoc report.docx -t markdown`` (the usual way to turn a Word report into Markdown) writes a report's tables as
*multiline* tables (a line of dashes, the header, a line of dash runs marking the columns, rows separated by blank
lines, a closing line of dashes), *simple* tables (one line a row) or *grid* tables (``+---+---+`` borders, ``|``
between cells; a cell may span columns or rows).  CommonMark knows none of them: read as paragraphs and thematic
breaks, the statistics tables were lost, and the checks blamed the report (表三 "未填写", DL209).

:func:`find_tables` finds such tables among a source's lines and reads their rows and cells; the Markdown reader
(:mod:`.markdown`) reads the rest of the file with those lines left blank and puts the tables in their places.

Columns are display columns, as pandoc aligns them: a CJK character takes two.  As pandoc reads them, a simple or
multiline table's column ends where its run of dashes ends (the gap before a run belongs to that run's column, so a
right-aligned figure that sticks out to the left stays in its column).  A multiline row's lines are joined (CJK text
without a space), and so are a grid cell's; a grid cell that spans columns or rows is repeated in each grid cell it
covers, as the Word readers repeat merged cells.  The work is linear in the lines looked at, and at most
``max_cells`` cells are read (the reader's limit for all tables).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from ..model import Anchor, Block, Row, Table
from .lines import anchored, new_block, new_cell, new_row, table_text

_FULL_DASHES = re.compile(r" {0,3}-{3,}[ \t]*")  # a multiline table's top or bottom border
_DASH_RUNS = re.compile(r" {0,3}-{2,}(?: +-{2,})+[ \t]*")  # the column marks: two runs of dashes or more
_GRID_BORDER = re.compile(r" {0,3}\+[-=:]+(?:\+[-=:]+)*\+[ \t]*")
_RUN = re.compile(r"-+")
_MAX_HEADER_LINES = 12
_MAX_GRID_COLS = 256  # columns a grid table may have (the .doc reader's bound)  # lines of header between a multiline table's top border and its column marks


@dataclass(frozen=True)
class PandocTable:
    """One table: its first and last source lines (0-based, the last exclusive) and its rows."""

    start: int
    end: int
    rows: tuple[Row, ...]
    cut: bool = False  # cut at the cells' limit


def _wide(ch: str) -> bool:
    return ch > "\u10ff" and unicodedata.east_asian_width(ch) in "WF"


def _columns(line: str) -> list[int]:
    """Each character's display column (0-based), and the line's display width at the end."""
    out: list[int] = []
    col = 0
    for ch in line:
        out.append(col)
        col += 2 if _wide(ch) else 1
    out.append(col)
    return out


def _slice(line: str, cols: list[int], a: int, b: int | None) -> tuple[str, int]:
    """The characters of ``line`` whose display column is in [a, b) (b None: to the end), stripped; with the
    0-based character index of the first one kept (-1 when none).  ``cols``: :func:`_columns` of the line."""
    n = len(line)
    i = bisect_left(cols, a, 0, n)
    j = n if b is None else bisect_left(cols, b, i, n)
    while i < j and line[i] in " \t\u3000":
        i += 1
    while j > i and line[j - 1] in " \t\u3000":
        j -= 1
    return (line[i:j], i) if i < j else ("", -1)


def _join(pieces: list[tuple[str, int, int]]) -> tuple[str, tuple[Anchor, ...]]:
    """A cell's pieces ``(text, line, column)`` (1-based) joined as one text: CJK text without a space (a wrapped
    label), other text with one; an anchor at each piece."""
    return anchored(pieces, _between)


def _between(before: str, after: str) -> str:
    return "" if _wide(before[-1]) or _wide(after[0]) else " "


class _Budget:
    """The cells left to read, and the line pieces (a line's part in one column): a cell may take a few lines, and
    the pieces looked at are bounded too (``WORK`` per cell), whatever the rows' shape."""

    WORK = 4

    def __init__(self, cells: int) -> None:
        self.left = cells
        self.work = cells * self.WORK
        self.cut = False

    def spend(self, pieces: int) -> bool:
        """Whether ``pieces`` more may be looked at (when not, the table is cut there)."""
        self.work -= pieces
        if self.work < 0:
            self.cut = True
        return not self.cut


def _make_row(texts: list[list[tuple[str, int, int]]], row: int, header: bool, budget: _Budget) -> Row | None:
    if budget.left < len(texts):
        budget.cut = True
        return None
    budget.left -= len(texts)
    cells = []
    first_line = None
    for col, pieces in enumerate(texts):
        text, anchors = _join(pieces)
        if pieces:
            line, column = pieces[0][1], pieces[0][2]
            first_line = line if first_line is None else min(first_line, line)
            cells.append(new_cell(text, row, col, line, column, None, None, header,
                                  anchors if len(anchors) > 1 else ()))
        else:
            cells.append(new_cell("", row, col, None, None, None, None, header))
    return new_row(tuple(cells), first_line, header)


def _ends(marks: str) -> list[int]:
    """The display column where each run of dashes ends (exclusive), in a line of ASCII marks."""
    return [m.end() for m in _RUN.finditer(marks)]


def _straddles(line: str, cols: list[int], bounds: list[int]) -> bool:
    """Whether text of ``line`` runs across a column's start: no space on either side of it, or a wide character
    over it.  Pandoc pads its cells and puts a space between columns, so this is no table of pandoc's (e.g. a
    paragraph between two thematic breaks written ``--- ---``, or ``**规章**`` wider than its column)."""
    n = len(line)
    for b in bounds:
        k = bisect_left(cols, b, 0, n)  # the first character at or after column b
        if k == 0 or k > n:
            continue
        before = line[k - 1]
        if cols[k - 1] == b - 1 and _wide(before):
            return True  # a wide character over the start
        if k < n and cols[k] == b and before not in " \t\u3000" and line[k] not in " \t\u3000":
            return True
    return False


def _dashed_rows(lines: list[str], groups: list[list[int]], ends: list[int], n_header: int,
                 budget: _Budget) -> list[Row] | None:
    """The rows of a simple or multiline table: each group of source lines (0-based) one row, split at ``ends``;
    None when a line's text runs across a column's start (no table)."""
    rows: list[Row] = []
    bounds = [0, *ends[:-1]]
    for r, group in enumerate(groups):
        texts: list[list[tuple[str, int, int]]] = [[] for _ in ends]
        if not budget.spend(len(group) * len(ends)):
            break
        for k in group:
            line = lines[k]
            cols = _columns(line)
            if _straddles(line, cols, bounds[1:]):
                return None
            for c, a in enumerate(bounds):
                piece, at = _slice(line, cols, a, ends[c] if c + 1 < len(ends) else None)
                if piece:
                    texts[c].append((piece, k + 1, at + 1))
        made = _make_row(texts, r, r < n_header, budget)
        if made is None:
            break
        rows.append(made)
    return rows


def _blank(line: str) -> bool:
    return not line.strip()


def _groups(lines: list[str], a: int, b: int) -> list[list[int]]:
    """The runs of non-blank lines among lines ``a`` to ``b`` (exclusive): a multiline table's rows."""
    groups: list[list[int]] = []
    current: list[int] = []
    for m in range(a, b):
        if _blank(lines[m]):
            if current:
                groups.append(current)
                current = []
        else:
            current.append(m)
    if current:
        groups.append(current)
    return groups


def _multiline(lines: list[str], i: int, budget: _Budget) -> PandocTable | None:
    """A multiline table whose top border is line ``i``, or None."""
    n = len(lines)
    j = i + 1
    while j < n and j - i <= _MAX_HEADER_LINES and not _blank(lines[j]) and not _DASH_RUNS.fullmatch(lines[j]):
        j += 1
    if j >= n or j == i + 1 or not _DASH_RUNS.fullmatch(lines[j]):
        return None
    k = j + 1
    while k < n and not _FULL_DASHES.fullmatch(lines[k]):
        k += 1
    if k >= n or (k + 1 < n and not _blank(lines[k + 1])):
        return None
    groups = [list(range(i + 1, j)), *_groups(lines, j + 1, k)]
    ends = _ends(lines[j])
    rows = _dashed_rows(lines, groups, ends, 1, budget)
    return None if rows is None else PandocTable(i, k + 1, tuple(rows), budget.cut)


def _simple(lines: list[str], i: int, budget: _Budget) -> PandocTable | None:
    """A simple table whose column marks are line ``i`` (its header the line before, when not blank), or a
    headerless multiline or simple table that opens with them; None when it is neither."""
    n = len(lines)
    header = i > 0 and not _blank(lines[i - 1]) and not _FULL_DASHES.fullmatch(lines[i - 1])
    if header and i > 1 and not _blank(lines[i - 2]):
        return None  # a header of one line, after a blank line
    k = i + 1
    while k < n and not _blank(lines[k]) and not _DASH_RUNS.fullmatch(lines[k]):
        k += 1
    if k == i + 1:
        return None  # no row
    ends = _ends(lines[i])
    if not header and k < n and _DASH_RUNS.fullmatch(lines[k]):
        groups = [[m] for m in range(i + 1, k)]  # headerless simple table: closed by its marks again
        rows = _dashed_rows(lines, groups, ends, 0, budget)
        return None if rows is None else PandocTable(i, k + 1, tuple(rows), budget.cut)
    if not header:
        # headerless multiline table: rows separated by blank lines, closed by the marks or a border
        end = k
        while end < n and not (_DASH_RUNS.fullmatch(lines[end]) or _FULL_DASHES.fullmatch(lines[end])):
            end += 1
        if end >= n:
            return None
        rows = _dashed_rows(lines, _groups(lines, i + 1, end), ends, 0, budget)
        return None if rows is None else PandocTable(i, end + 1, tuple(rows), budget.cut)
    groups = [[i - 1], *([m] for m in range(i + 1, k))]
    rows = _dashed_rows(lines, groups, ends, 1, budget)
    return None if rows is None else PandocTable(i - 1, k, tuple(rows), budget.cut)


def _grid(lines: list[str], i: int, budget: _Budget) -> PandocTable | int:
    """A grid table whose top border is line ``i``, or the line to look on from when there is none."""
    n = len(lines)
    k = i + 1
    while k < n and lines[k].lstrip(" ")[:1] in ("|", "+"):
        k += 1
    last = k - 1
    if last <= i or not _GRID_BORDER.fullmatch(lines[last]):
        return k  # no grid table starts before line k (each would end on the same line, no border)
    # the columns: between the + of the borders, all of them (a border under a cell spanning columns has fewer)
    marks: set[int] = set()
    for m in range(i, last + 1):
        if _GRID_BORDER.fullmatch(lines[m]) and len(marks) <= _MAX_GRID_COLS:
            cols = _columns(lines[m])
            marks.update(cols[p] for p, ch in enumerate(lines[m]) if ch == "+")
    plus = sorted(marks)[:_MAX_GRID_COLS + 1]
    if len(plus) < 2:
        return k
    ncol = len(plus) - 1
    # each grid cell's owner (the cell that covers it): merged over a missing "|" (columns) or a border part that
    # is text (rows); owners are found by a union-find over (row, col)
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def union(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    pieces: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    header_rows = 0
    row = 0
    for k in range(i + 1, last):
        if (row + 2) * ncol > budget.left or not budget.spend(ncol):  # (the limits: the rows after are not read)
            budget.cut = True
            last = k
            break
        line = lines[k]
        lc = _columns(line)
        at = {lc[p]: ch for p, ch in enumerate(line) if ch in "|+"}
        segs = [_slice(line, lc, plus[c] + 1, plus[c + 1]) for c in range(ncol)]
        # a part of a border: only -, = or : between two + (the cell above ends there)
        closed = [bool(t) and not t.strip("-=:") and at.get(plus[c]) == "+" and at.get(plus[c + 1]) == "+"
                  for c, (t, _) in enumerate(segs)]
        for c, (text, pos) in enumerate(segs):
            if closed[c]:
                continue
            if c + 1 < ncol and at.get(plus[c + 1]) not in ("|", "+"):
                union((row, c), (row, c + 1))  # no "|" between the two: one cell spans both columns
            if text:
                pieces.setdefault((row, c), []).append((text, k + 1, pos + 1))
        if any(closed):
            if "=" in line and all(closed):
                header_rows = row + 1
            for c in range(ncol):
                if not closed[c]:
                    union((row, c), (row + 1, c))  # the border stops short of it: the cell goes on a row more
            row += 1
    row += 1  # the last row, closed by the bottom border
    nrows = row
    texts: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    for r in range(nrows):
        for c in range(ncol):
            texts.setdefault(find((r, c)), []).extend(pieces.get((r, c), []))
    rows: list[Row] = []
    for r in range(nrows):
        made = _make_row([sorted(texts.get(find((r, c)), []), key=lambda p: (p[1], p[2])) for c in range(ncol)],
                         r, r < header_rows, budget)
        if made is None:
            break
        rows.append(made)
    return PandocTable(i, last + 1, tuple(rows), budget.cut)


def find_tables(lines: list[str], max_cells: int) -> list[PandocTable]:
    """The pandoc tables among ``lines`` (a source's lines, without their line breaks), in order; at most
    ``max_cells`` cells in all (the table reaching it is cut, and no table after it is read)."""
    budget = _Budget(max_cells)
    out: list[PandocTable] = []
    i = 0
    n = len(lines)
    while i < n and not budget.cut:
        line = lines[i]
        found = None
        if line[:4].lstrip(" ")[:1] == "-" or line.lstrip(" ")[:1] == "-":
            if _DASH_RUNS.fullmatch(line):
                found = _simple(lines, i, budget)
            elif _FULL_DASHES.fullmatch(line) and (i == 0 or _blank(lines[i - 1])):
                found = _multiline(lines, i, budget)
        elif line.lstrip(" ")[:1] == "+" and _GRID_BORDER.fullmatch(line) and (i == 0 or _blank(lines[i - 1])):
            grid = _grid(lines, i, budget)
            if isinstance(grid, int):
                i = max(i + 1, grid)
                continue
            found = grid
        # (a table: two columns, and a row with two cells filled, not a rule between paragraphs that looks like one)
        if found is not None and found.rows and any(sum(1 for c in r.cells if c.text) >= 2 for r in found.rows):
            out.append(found)
            i = found.end
            continue
        i += 1
    return out


def table_block(t: PandocTable, index: int) -> Block:
    """The table block of ``t``, placed at its first cell that holds text."""
    text, anchors = table_text(list(t.rows))
    first = next((c for r in t.rows for c in r.cells if c.line is not None), None)
    line = first.line if first is not None else t.start + 1
    column = first.column if first is not None else 1
    return new_block(index, "table", text, line, column, t.end, None, anchors, table=Table(t.rows))


def cells_of(t: PandocTable) -> int:
    return sum(len(r.cells) for r in t.rows)
