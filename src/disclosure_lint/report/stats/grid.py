"""The cell layer of the statistics extractor: cell values, the table being assembled, the grid of a table block.

Shared by the readers of tables 二, 三 and 四 (:mod:`.table2`, :mod:`.table3`, :mod:`.table4`), the text-table
tail rows (:mod:`.tail`) and the flat-text reader (:mod:`.flat`):

* **values** — :func:`value_of` (a cell's text parsed, memoised), :func:`is_value` (a number or a
  placeholder, not a label), :func:`clean` (a label with its whitespace collapsed), :data:`PIECE` (a run of
  text between tabs or runs of spaces);
* **the table being assembled** — :class:`Build` collects the cells of one table over its parts, with what
  could not be mapped, the local additions and the votes that tell its template version; :func:`to_loose`
  keeps the numbers of a row that cannot be placed;
* **the grid of a block** — where the labels of a data row end (:func:`last_label`), whether the value
  columns line up (:func:`layout_of`), a row's value cells (:func:`value_cells`), the trailing empty cells a
  row lacks (:func:`padded`, :func:`blank_cells`), the header texts above a column (:func:`header_stack`,
  :func:`carried`, :func:`reading_order`) and the column order carried to a continuation part
  (:func:`continued`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, count, pairwise
from operator import attrgetter, itemgetter
from typing import Any

from ...model import Anchor, Block, Cell, Row
from . import labels as lb
from .model import (
    Relabelled,
    StatCell,
    StatCellSlots,
    Subtotal,
    Unmapped,
    Value,
    cell_key,
    new_stat_cell,
    parse_value,
    row_keys,
)

_VALUE_KINDS = frozenset({"int", "decimal", "slash", "dash", "none", "na"})

# -- small helpers -------------------------------------------------------------------------------

_CACHE_MAX = 20000


class _ValueMemo(dict[str, Value]):
    """:func:`value_of`'s memo: a hit costs one C-level ``dict.__getitem__`` (no Python frame: the readers ask
    for every cell of every table block, several times); at most ``_CACHE_MAX`` entries are kept."""

    def __missing__(self, raw: str) -> Value:
        v = parse_value(raw)
        if len(self) < _CACHE_MAX:
            self[raw] = v
        return v


class _IsValueMemo(dict[str, bool]):
    """:func:`is_value`'s memo, as :class:`_ValueMemo`."""

    def __missing__(self, text: str) -> bool:
        r = bool(text) and value_of(text).kind in _VALUE_KINDS
        if len(self) < _CACHE_MAX:
            self[text] = r
        return r


class _IsLabelMemo(dict[str, bool]):
    """:func:`is_label`'s memo, as :class:`_ValueMemo`."""

    def __missing__(self, text: str) -> bool:
        r = bool(text) and not is_value(text)
        if len(self) < _CACHE_MAX:
            self[text] = r
        return r


#: A cell's text parsed (:func:`.model.parse_value`), memoised.
value_of: Callable[[str], Value] = _ValueMemo().__getitem__
#: A cell that holds a number or a placeholder (/ — 无), not a label (memoised).
is_value: Callable[[str], bool] = _IsValueMemo().__getitem__
#: A cell with text that is not a value: ``bool(text) and not is_value(text)`` (memoised; C-callable, so that
#: ``filter(is_label, map(TEXT, row.cells))`` picks a row's labels without a loop in Python).
is_label: Callable[[str], bool] = _IsLabelMemo().__getitem__
class _SigMemo(dict[str, "str | None"]):
    """A cell's part in its row's signature (:data:`.table3._KINDS`; the table shapes of :mod:`.table2` and
    :mod:`.table3`): its text when it is a label, "" when empty, None when a value (memoised as :class:`_ValueMemo`;
    texts over 200 characters are not kept)."""

    def __missing__(self, text: str) -> str | None:
        r = text if is_label(text) else (None if text else "")
        if len(text) <= 200 and len(self) < 20000:
            self[text] = r
        return r


#: A cell's part in its row's signature, memoised.
cell_sig: Callable[[str], str | None] = _SigMemo().__getitem__


TEXT = attrgetter("text")

#: The shape of a table's rows: the number of cells of each row and every cell's signature in order (its text when a
#: label, "" when empty, None when a value: :data:`cell_sig`); tables 二, 三 and 四 are replayed by it.
Shape = tuple[tuple[int, ...], tuple["str | None", ...]]


def shape_of(rows: Sequence[Row]) -> Shape:
    """The :data:`Shape` of ``rows``.  The cells and their texts are read by comprehensions: Python 3.11 reads a slot
    in a comprehension (a specialised attribute read) for about half the instructions of ``map(attrgetter(…))``'s
    generic lookup (a table 三 block: 260 cells); the signatures by ``map`` over the memo's C-level lookup."""
    cells = [r.cells for r in rows]
    return tuple(map(len, cells)), tuple(map(cell_sig, [c.text for cs in cells for c in cs]))


def small_shape(shape: Shape, cells: int, text: int) -> bool:
    """Whether a table of ``shape`` is small enough to keep what was read of it: at most ``cells`` cells and ``text``
    characters of labels."""
    return len(shape[1]) <= cells and sum(len(t) for t in shape[1] if t) <= text


FIRST = itemgetter(0)  # the position of a (position, cell) pair
SECOND = itemgetter(1)  # the cell of a (position, cell) pair


def _clean(text: str) -> str:
    return " ".join(text.split())


class _CleanMemo(dict[str, str]):
    """:func:`clean`'s memo (row and column labels, the same few hundred in report after report), as
    :class:`_ValueMemo`; texts over 200 characters are not kept."""

    def __missing__(self, text: str) -> str:
        r = _clean(text)
        if len(text) <= 200 and len(self) < _CACHE_MAX:
            self[text] = r
        return r


#: A label with its whitespace collapsed (runs of whitespace → one space, none at the ends), memoised.
clean: Callable[[str], str] = _CleanMemo().__getitem__


@dataclass
class Build:
    """A table being assembled from one or more parts."""

    id: str
    cells: dict[tuple[str, str], StatCell] = field(default_factory=dict)
    unmapped: list[Unmapped] = field(default_factory=list)
    extra_rows: list[tuple[str, Block | None, Cell | None]] = field(default_factory=list)
    extra_cols: list[tuple[str, Block | None, Cell | None]] = field(default_factory=list)
    # table 三: each group's sub-total row (小计, or 合计 / 总计 before （六）) as (label, group id, block, cell)
    subtotals: list[Subtotal] = field(default_factory=list)
    relabelled: list[Relabelled] = field(default_factory=list)  # table 三: an item under a label of its own (.relabel)
    row_labels: dict[str, str] = field(default_factory=dict)
    col_labels: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    layout: str = "grid"
    votes_2019: int = 0
    votes_2021: int = 0
    weak_2019: int = 0
    weak_2021: int = 0
    s3_other_values: bool = False  # （六）其他处理 carries numbers itself
    s3_other_seen: bool = False
    s3_total_after_other: bool = False
    s3_other_subrows: bool = False
    order: list[str | None] | None = None  # column order carried to a continuation part
    order_start: int | None = None  # grid column of order[0] when it came from header positions
    s3_ctx: tuple[str | None, str | None] = (None, None)  # table 三's group context where its last part ended
    pending_other: list[tuple[str, Cell, str, Block]] = field(default_factory=list)  # blank （六）其他处理
    loose: list[StatCell] = field(default_factory=list)
    cut_row: str | None = None  # the row the file ends in, read short (see StatTable.cut_row)

    def add(self, row: str, col: str, cell_text: str, row_label: str, col_label: str, block: Block | None,
            cell: Cell | None) -> None:
        cells = self.cells
        key = cell_key(row, col)
        if key in cells:
            return
        # new_stat_cell inlined (a report's tables make hundreds of cells): the same object, see its docstring
        sc: Any = StatCellSlots()  # (called: see StatCellSlots)
        sc.table = self.id
        sc.row = row
        sc.col = col
        sc.raw = cell_text
        sc.value = value_of(cell_text)
        sc.row_label = row_label
        sc.col_label = col_label
        sc.block = block
        sc.cell = cell
        sc.__class__ = StatCell
        cells[key] = sc
        if row not in self.row_labels:
            self.row_labels[row] = row_label
        if col_label and col not in self.col_labels:
            self.col_labels[col] = col_label

    def add_row(self, row: str, row_label: str, cells: Iterable[tuple[str, Cell]], block: Block | None) -> None:
        """``add(row, cid, cell.text, row_label, col_labels.get(cid, ""), block, cell)`` for each ``(cid, cell)``
        in order, in one loop (:meth:`add_known`).  Same result: a column label taken from ``col_labels`` is already
        there (``add`` would not change it)."""
        pairs = list(cells)
        keys = row_keys(row)
        col_labels = self.col_labels
        self.add_known(row, row_label, [cid for cid, _ in pairs], [keys.get(cid) or cell_key(row, cid) for cid, _ in pairs],
                       [col_labels.get(cid, "") for cid, _ in pairs], [cell for _, cell in pairs], block)

    def add_known(self, row: str, row_label: str, cols: Iterable[str], keys: Iterable[tuple[str, str]],
                  labels: Iterable[str], cells: Iterable[Cell], block: Block | None, give_labels: bool = False) -> None:
        """Each column's cell (``cols``, ``cells``) added in order with its cell key (``keys``: ``cell_key(row, cid)``)
        and label (``labels``: ``col_labels.get(cid, "")``) given, in one loop (a row of table 三: its cells are most
        of a report's; replayed by :func:`.table3._replay`, its keys made once for its table's shape and its column
        labels read once for the table).  A key already there is left as it is.  ``give_labels``: a column label
        (``labels``: ``col_labels.get(cid, default)``) is also given to a column that has none, as :meth:`add` gives
        it."""
        out = self.cells
        tid = self.id
        col_labels = self.col_labels
        added = False
        for cid, key, col_label, cell in zip(cols, keys, labels, cells):
            if key in out:
                continue
            text = cell.text
            sc: Any = StatCellSlots()  # new_stat_cell inlined, as in ``add``
            sc.table = tid
            sc.row = row
            sc.col = cid
            sc.raw = text
            sc.value = value_of(text)
            sc.row_label = row_label
            sc.col_label = col_label
            sc.block = block
            sc.cell = cell
            sc.__class__ = StatCell
            out[key] = sc
            added = True
            if give_labels and col_label and cid not in col_labels:
                col_labels[cid] = col_label
        if added and row not in self.row_labels:
            self.row_labels[row] = row_label

    def add_block(self, block: Block) -> None:
        if not any(b is block for b in self.blocks):
            self.blocks.append(block)

    def unmap(self, label: str, what: str, block: Block | None, cell: Cell | None, group: str | None = None,
              values: tuple[tuple[str, str, Cell | None], ...] = ()) -> None:
        for u in self.unmapped:
            if u.what == what and u.label == label and u.block is block and (
                    what == "row" or (u.cell is not None and cell is not None and u.cell.col == cell.col)):
                return
        self.unmapped.append(Unmapped(label, what, block, cell, group, values))  # type: ignore[arg-type]

    def extra(self, kind: str, label: str, block: Block | None, cell: Cell | None) -> None:
        lst = self.extra_rows if kind == "row" else self.extra_cols
        if not any(x[0] == label for x in lst):
            lst.append((label, block, cell))

    def detected(self) -> str | None:
        if self.id == "s2":
            if self.votes_2019 > self.votes_2021:
                return "2019"
            if self.votes_2021 > self.votes_2019:
                return "2021"
            if not self.votes_2019 and not self.votes_2021:
                if self.weak_2019 and not self.weak_2021:
                    return "2019"
                if self.weak_2021 and not self.weak_2019:
                    return "2021"
            return None
        if self.id == "s3":
            if self.s3_other_subrows:
                return "2021"
            if self.s3_other_seen and (self.s3_other_values or self.s3_total_after_other):
                return "2019"
        return None


PIECE = re.compile(r"[^\t \u3000](?:[^\t \u3000]|[ \u3000](?=[^\t \u3000]))*")

def text_cell(text: str, block: Block, start: int, row: int = 0, col: int = 0) -> Cell:
    """A cell read from a text block (a line of one cell per line, a row written as a paragraph): ``text`` at
    ``start`` in the block, placed by the block (line, column, pointer)."""
    loc = block.locate(start)
    column = loc.column
    if loc.page is not None and loc.line is not None:  # a PDF's text: the cell's own page and line (第4页第12行)
        return Cell(text=text, row=row, col=col, line=loc.line, column=column,
                    end_column=(column + len(text)) if column is not None else None,
                    anchors=(Anchor(0, loc.line, column or 1, loc.page),))
    return Cell(text=text, row=row, col=col, line=loc.line, column=column,
                end_column=(column + len(text)) if column is not None else None, pointer=block.pointer)


def to_loose(bd: Build, row: str, row_label: str, block: Block, cells: list[Cell]) -> None:
    """Numbers of a row that cannot be placed in their columns: kept in ``loose`` (column ""), so that
    table-unreadable reports them and the arithmetic of the table is skipped."""
    for c in cells:
        bd.loose.append(new_stat_cell(bd.id, row, "", c.text, value_of(c.text), row_label, "", block, c))


def short_row(gap: bool, nonblank: list, width: int) -> bool:
    """A row of a table split on runs of spaces with fewer numbers than the table has columns: which
    cells were left empty cannot be seen, so its numbers cannot be placed."""
    return gap and 0 < len(nonblank) < width


def blank_cells(row: Row, n: int) -> list[tuple[int, Cell]]:
    """``n`` empty cells after the last cell of a row that ends with its labels (a text line whose empty
    cells were not written: a row left blank), positioned where they would be."""
    last = row.cells[-1]
    end = last.end_column
    return [(i, Cell(text="", row=last.row, col=last.col + 1 + i, line=last.line, column=end, end_column=end,
                     pointer=last.pointer)) for i in range(n)]


def padded(row: Row, vals: list[tuple[int, Cell]], n: int, cut: Row | None) -> list[tuple[int, Cell]]:
    """The values of a grid row, with the trailing cells it lacks as empty cells.

    Copying an HTML table into a text file (and some exports) drops the empty cells at the end of a row:
    a data row with fewer cells than the header is read from the left, by the header, and the cells it
    lacks are blank — not missing, not 0.  Not for the last row of a file that ends in the table (``cut``:
    it may be cut off) and not for tables split on runs of spaces (there an empty cell leaves no trace
    anywhere in the row, see :func:`short_row`).  ``vals``: in ascending order of position, as every reader
    makes them (from ``enumerate``), so the last is the furthest."""
    have = vals[-1][0] + 1 if vals else 0
    if row is cut or have >= n or not row.cells or not any(c.text for _, c in vals):
        return vals
    return vals + [(have + k, c) for k, (_, c) in enumerate(blank_cells(row, n - have))]


#: the header words of an index column (序号 1, 2, 3 … before the row labels)
_INDEX_HEADS = frozenset({"序号", "编号", "行号", "行次"})
_INDEX_NUM = re.compile(r"[0-9０-９]{1,3}")


def drop_index_column(rows: list[Row]) -> list[Row] | None:
    """``rows`` with their index column (序号: a first column numbering the rows 1, 2, 3 … before their labels)
    emptied, or None when they have none.  It is one when a row's first cell says so (序号, 编号, 行号, 行次: every
    number below it in the first column is then an index) or when at least three rows start with a number followed
    by a label and those numbers count up by one (a table continued from an earlier page starts at its first row's
    number).  The column is emptied, not removed, so that every other cell keeps its grid position (a header over
    it, the column of a finding); a number equal to the row's index is then read as the value it is."""
    head = False
    at: list[int] = []  # the rows whose first cell is a number before a label
    nums: list[int] = []
    for k, row in enumerate(rows):
        cells = row.cells
        if len(cells) < 2:
            continue
        t0 = "".join(cells[0].text.split())
        if t0 in _INDEX_HEADS:
            head = True
            at.append(k)
        elif _INDEX_NUM.fullmatch(t0) is not None and (head or is_label(cells[1].text)):
            at.append(k)
            nums.append(int(t0.translate(_FULL_DIGITS)))
    if not at:
        return None
    if not head and (len(nums) < 3 or any(b != a + 1 for a, b in pairwise(nums))):
        return None
    out = list(rows)
    for k in at:
        row = out[k]
        first = row.cells[0]
        out[k] = Row(cells=(replace(first, text=""), *row.cells[1:]), line=row.line, header=row.header)
    return out


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def index_possible(shape: Shape) -> bool:
    """Whether rows of this :data:`Shape` may have an index column (:func:`drop_index_column` not None): a row of two or
    more cells whose first cell is a value (its signature None: 1, 12, ０３ read as numbers) or says 序号 (编号, 行号,
    行次).  Read from the signatures alone: a first cell :func:`drop_index_column` takes as an index number (one to
    three digits, its spaces aside) is a value to :func:`is_value`, and an index head is a label; rows of none of them
    have no index column.  :func:`.segments.split_block` keeps the answer with a block's split, so that the tables of
    the template (labels in their first column) are not walked row by row for it in report after report."""
    lens, sigs = shape
    at = 0
    for n in lens:
        if n >= 2:
            s0 = sigs[at]
            if s0 is None or (s0 and "".join(s0.split()) in _INDEX_HEADS):
                return True
        at += n
    return False


def header_start(header_rows: list[Row], match) -> int | None:
    """Grid column of the first value column named by the header (自然人 in table 三), or None."""
    best = None
    for r in header_rows:
        for c in r.cells:
            if c.text and match(c.text) is not None:
                best = c.col if best is None else min(best, c.col)
                break
    return best



def last_label(row: Row, known: Callable[[str], bool]) -> int:
    """Index of the last label cell of a data row.  The first text cell is a label; a later text cell
    only when it reads as one (numbered, or a known label), so that text written in a value cell
    ("若干", "详见附件") stays a value."""
    return label_end([c.text for c in row.cells], known)


def label_end(texts: list[str], known: Callable[[str], bool]) -> int:
    """:func:`last_label` of a row given the texts of its cells."""
    first_value = next(compress(count(), map(is_value, texts)), len(texts))
    last = -1
    for i in compress(count(), map(is_label, texts)):  # the label cells, in order (C-level: no loop over values)
        if (last == -1 and i < first_value) or known(texts[i]):  # i < first_value: no value on its left
            last = i
    return last


def layout_of(data: list[tuple[Row, int]]) -> tuple[bool, int]:
    """(aligned, L): are the value columns the same for every data row, and where do they start?"""
    if not data:
        return True, 0
    L = max(ll for _, ll in data) + 1
    for row, ll in data:
        for i in range(ll + 1, min(L, len(row.cells))):
            t = row.cells[i].text
            if t and is_value(t):
                return False, L
    return True, L


def with_values(data: list[tuple[Row, int]]) -> list[tuple[Row, int]]:
    """Rows that decide where the value columns start: labelled rows with a value (title rows that
    repeat a merged cell across the whole width say nothing about it)."""
    rows = [(r, ll) for r, ll in data if ll >= 0 and any(map(is_value, map(TEXT, r.cells)))]
    return rows or [(r, ll) for r, ll in data if ll >= 0]


def value_cells(row: Row, last_label: int, aligned: bool, L: int) -> list[tuple[int, Cell]]:
    start = L if aligned else last_label + 1
    if start >= 0:  # always (L ≥ 0, last_label ≥ -1): the cells from ``start`` on, numbered from 0
        return list(enumerate(row.cells[start:]))
    return [(i - start, c) for i, c in enumerate(row.cells) if i >= start]


def continued(bd: Build, order: list[str | None], own_header: bool, aligned: bool, L: int) -> list[str | None]:
    """The column order of this part, remembered for a continuation part (a table split by a page break or
    by a row the reader did not see as a table line).  An order read from header positions starts at grid
    column ``bd.order_start``; a continuation whose values start at another column is shifted to match."""
    if own_header or bd.order is None:
        bd.order = list(order)
        bd.order_start = L if aligned and own_header else None
        return order
    start = bd.order_start
    if start is None:
        return order
    if not aligned:  # values right after each row's labels: the label columns of the header do not apply
        k = 0
        while k < len(order) and order[k] is None:
            k += 1
        return order[k:]
    if start < L:
        return order[L - start:]
    if start > L:
        return [None] * (start - L) + order
    return order


def header_stack(header_rows: list[Row], col: int) -> list[str]:
    out = []
    for r in header_rows:
        if col < len(r.cells):
            out.append(r.cells[col].text)
        else:
            out.append("")
    return out


def carried(header_rows: list[Row], col: int) -> list[str]:
    """Header texts above ``col``, an empty cell taking the text on its left (a merged cell left empty)."""
    out = []
    for r in header_rows:
        t = ""
        for i in range(min(col, len(r.cells) - 1), -1, -1):
            if r.cells[i].text:
                t = r.cells[i].text
                break
        out.append(t)
    return out


def reading_order(header_rows: list[Row]) -> list[tuple[str, Cell]]:
    toks: list[tuple[str, Cell]] = []
    for r in header_rows:
        prev = None
        for c in r.cells:
            t = c.text
            if not t or t == prev or lb.NOTE_S3 in t:
                prev = t or prev
                continue
            prev = t
            toks.append((t, c))
    return toks



def col_text(header_rows: list[Row], col: int) -> str:
    for t in reversed(header_stack(header_rows, col)):
        if t:
            return clean(t)
    return f"第{col + 1}列"
