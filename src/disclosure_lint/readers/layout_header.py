"""A table header laid out by position over several lines, as ``pdftotext -layout`` prints a PDF table.

Text kept with a PDF's layout prints each header cell's words where they sit on the page: a cell of three lines
(社会 / 公益 / 组织) is three words on three lines, each under the other, and the header of table 四 comes out in
five lines whose words belong to fifteen columns.  Split on runs of spaces, each of those lines is a row of a
few cells, none of which is a column's label (DL001: 栏目名“商业”“企业”“第4列”…).

:func:`stack_header` rebuilds such a header: the lines right above the first row of numbers that hold only short
words, no digit, are read word by word with the column where each word starts; words that start in the same
column (±1) are one column's label, read top to bottom.  It is only done when the result is sure — as many
columns as the first row below has numbers, no two words of one line in one column, no word running into the next
column — else the rows stay as they are (and the statistics extractor says what it could not read).  Single characters one space apart are one
word (``总 计``: a label printed letter-spaced), two longer words one space apart are two (``社会 法律``).
:func:`split_numbers` splits a cell of numbers one space apart (``3001 53``).  The text reader keeps the
header's lines in one table with the rows below (``readers.text._past_layout_lines``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..model import Anchor, Cell, Row, new_anchor
from .lines import new_cell, new_row

_WORD = re.compile(r"[^\s\u3000]+")
_DIGIT = re.compile(r"\d")
NUMBER = re.compile(r"[+-]?\d[\d,，.]*")  # a figure as a PDF's text prints it in a table cell
_NUMBERS = re.compile(r"\d+(?: \d+)+")
_LABEL_NUMBER = re.compile(r"(\D*[^\d\s]) (\d+)")  # words without a digit, one space, a number
MAX_WORD = 8  # a header line's words are short (the longest label word is 社会公益组织 / 未经复议直接起诉)
MIN_LINES = 2
MAX_LINES = 8
MIN_COLUMNS = 3


_CAPTION = re.compile(r"[（(]?本列数据|勾稽关系|等于第三项")  # table 三's note, printed beside its header words


def _words(raw: str) -> list[tuple[int, str]]:
    """``(0-based column, word)`` of a line; single characters one space apart are one word (``总 计``).  The words of
    table 三's note (（本列数据的勾稽关系为…）), which a narrow page prints in the label column beside the header's
    words, are none."""
    out: list[tuple[int, int, str, bool]] = []  # start, end, word, whether it is single characters only
    for m in _WORD.finditer(raw):
        word, at = m.group(), m.start()
        if _CAPTION.search(word):
            continue
        if out and len(word) == 1 and out[-1][3] and out[-1][1] + 1 == at:
            out[-1] = (out[-1][0], m.end(), out[-1][2] + word, True)
        else:
            out.append((at, m.end(), word, len(word) == 1))
    return [(at, word) for at, _, word, _ in out]


def _numbers(raw: str) -> int:
    """How many of a line's words are numbers (``3001 53``: two, a PDF's narrow cells one space apart)."""
    return sum(1 for m in _WORD.finditer(raw) if NUMBER.fullmatch(m.group()))


def figure_row(raw: str) -> bool:
    """Whether the line is a row of figures: three numbers or more, and at most one word that is not (its label)."""
    words = _WORD.findall(raw)
    figures = sum(1 for w in words if NUMBER.fullmatch(w))
    return figures >= MIN_COLUMNS and len(words) - figures <= 1


def stack_header(lines: list[str], rows: list[Row]) -> tuple[list[Row], int]:
    """``rows`` (of a table split on runs of spaces, each row one line of ``lines``) with a header laid out over
    several lines put back as one row of one cell a column (see the module's text); ``rows`` itself when there is
    none or it is not sure.  A top line whose words span several columns (行政复议 / 行政诉讼, 未经复议直接起诉 /
    复议后起诉) is left out of the header when the columns come out right without it.  With the rows, how many of
    them come before the header and hold no digit: the lines of a caption (（本列数据的勾稽关系为…）), which the
    caller makes paragraphs (the rows after them are numbered from 0)."""
    raws = [lines[row.line - 1] if row.line else "" for row in rows]
    first = next((i for i, raw in enumerate(raws) if _numbers(raw) >= MIN_COLUMNS), None)
    if first is None or first < MIN_LINES:
        return rows, 0
    top = first
    while top > 0 and first - top < MAX_LINES:
        raw = raws[top - 1]
        words = _words(raw)
        if not words or _DIGIT.search(raw) or any(len(w) > MAX_WORD for _, w in words):
            break
        top -= 1
    want = _numbers(raws[first])
    for skip in range(top, first - MIN_LINES + 1):
        header = _header(raws, rows, skip, first, want)
        if header is None:
            continue
        lead = skip if not any(_DIGIT.search(raw) for raw in raws[:skip]) else 0
        above = [_renumber(row, i - lead) for i, row in enumerate(rows[lead:skip], lead)]
        rest = [_renumber(row, skip - lead + 1 + i) for i, row in enumerate(rows[first:])]
        return [*rows[:lead], *above, _renumber(header, skip - lead), *rest], lead
    return rows, 0


def _header(raws: list[str], rows: list[Row], top: int, first: int, want: int) -> Row | None:
    """The header row of the lines ``raws[top:first]``, when their words fall in ``want`` columns, no two words of
    one line in one column."""
    placed: list[tuple[int, int, str]] = []  # (column, row index, word)
    for k in range(top, first):
        placed.extend((at, k, w) for at, w in _words(raws[k]))
    placed.sort()
    columns: list[list[tuple[int, int, str]]] = []
    for item in placed:
        if columns and item[0] - columns[-1][-1][0] <= 1:
            columns[-1].append(item)
        else:
            columns.append([item])
    if len(columns) != want or any(len({k for _, k, _ in col}) != len(col) for col in columns):
        return None
    for col, after in pairwise(columns):
        if any(at + len(word) > after[0][0] for at, _, word in col):
            return None  # a word that runs into the next column spans several: a group's label (复议后起诉)
    cells = []
    for ci, col in enumerate(columns):
        col.sort(key=lambda item: item[1])
        text, offset = "", 0
        anchors: list[Anchor] = []
        for at, k, word in col:
            anchors.append(new_anchor(offset, rows[k].line or 0, at + 1))
            text += word
            offset += len(word)
        at0, k0 = col[0][0], col[0][1]
        cells.append(new_cell(text, top, ci, rows[k0].line, at0 + 1, None, None, False, tuple(anchors)))
    return new_row(tuple(cells), rows[top].line)


def split_numbers(row: Row) -> Row:
    """``row`` with each cell of numbers one space apart (``3001 53``: two narrow cells of a PDF's table, printed
    one space apart) as one cell a number; and a label's words with the row's first number one space after them
    (``认或重新出具已获 3``, a narrow label column) as two cells, when the rest of the row is numbers."""
    if not any(" " in c.text and (_NUMBERS.fullmatch(c.text) or _LABEL_NUMBER.fullmatch(c.text)) for c in row.cells):
        return row
    cells: list[Cell] = []
    rest_numbers = sum(1 for c in row.cells if NUMBER.fullmatch(c.text)) >= MIN_COLUMNS
    for c in row.cells:
        if " " in c.text and rest_numbers and not cells and (m := _LABEL_NUMBER.fullmatch(c.text)) is not None:
            at = (c.column or 1) + m.start(2)
            cells.append(new_cell(m.group(1), c.row, 0, c.line, c.column, (c.column or 1) + m.end(1), c.pointer,
                                  c.header, c.anchors, c.confidence))
            cells.append(new_cell(m.group(2), c.row, 0, c.line, at, at + len(m.group(2)), c.pointer, c.header))
            continue
        if " " not in c.text or not _NUMBERS.fullmatch(c.text):
            cells.append(c)
            continue
        for m in _WORD.finditer(c.text):
            at = (c.column or 1) + m.start()
            cells.append(new_cell(m.group(), c.row, 0, c.line, at, at + len(m.group()), c.pointer, c.header))
    return new_row(tuple(new_cell(c.text, c.row, i, c.line, c.column, c.end_column, c.pointer, c.header, c.anchors,
                                  c.confidence) for i, c in enumerate(cells)), row.line, row.header)


def _renumber(row: Row, index: int) -> Row:
    """``row`` as the ``index``-th row of its table."""
    if not row.cells or row.cells[0].row == index:
        return row
    return new_row(tuple(new_cell(c.text, index, c.col, c.line, c.column, c.end_column, c.pointer, c.header, c.anchors,
                                  c.confidence) for c in row.cells), row.line, row.header)
