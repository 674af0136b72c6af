"""Table 三's rows in a PDF's text: a row's numbers on a line of their own, next to its label.

``pdftotext`` (with ``-layout`` or without) prints a row whose label takes two lines on the page with its numbers
between or beside the label's lines: ``（二）部分公开（区分处理的，只计这一情   形，不`` / ``4 0 0 0 0 0 4`` /
``计其他情形）``, or a one-line label a line below its numbers (``1 0 0 0 0 0 1`` / ``1.属于国家秘密``).  Read line by
line, the numbers have no label (an unknown row) and the label no numbers.

:func:`pair_number_rows` puts each such line of numbers back on its row — only where that is sure: the row of
numbers holds nothing else and as many numbers as the table has columns, and exactly one of the nearest rows above
and below it is a data row's label without numbers of its own (a group row such as （四）无法提供 holds none by the
format, a label's end such as 计其他情形） or a character of the vertical 三、本年度办理结果 is none) — or both are,
and a label's end follows the numbers right below them: the label above took two lines, its numbers between them
(``7.属于行政执法案`` / ``2 0 0 0 0 0 2`` / ``卷``).  A label's end printed with the row's numbers
(``2、申请人逾期未按收费通知要`` / ``他处理`` / ``求缴纳费用、行政机关不再处理 6 0 0 0 0 0 6``) takes the nearest label
above it first (unless those words, left of the label, are the end of the vertical 三、本年度办理结果:
``三、本年度办理  8.属于行政查询事`` / ``结果  2 0 0 0 0 0 2``).  A label's words split into two cells by the layout
(``形，不``) are joined into one.  Anything else stays as it was, and DL001 says what the tool could not place.
:func:`pairs` is the decision, used on a grid's rows here and on the one-cell-per-line reader's lines
(``flat._by_lines``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Cell, Row
from ...readers.layout_header import NUMBER
from ...readers.lines import new_cell, new_row
from . import labels as lb

# table 三's group label, printed down its first column (one character a line) or in the margin beside its rows
VERTICAL = "三、本年度办理结果"
VERTICAL_CHARS = frozenset(VERTICAL)
# an item's number opening a label, maybe after a character of the vertical 三、本年度办理结果 (本 3.危及…)
_OPENER = re.compile(rf"(?:[{VERTICAL}]\s+)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{{1,2}}[.．、])")


def _numbers_only(row: Row, width: int) -> bool:
    texts = [c.text for c in row.cells if c.text]
    return len(texts) == width and all(NUMBER.fullmatch(t) for t in texts)


def _label_at(row: Row) -> int | None:
    """The index of the cell where the row's label starts (its last cell opening with an item's number), when no
    cell of the row is a number; else None."""
    at = None
    for i, c in enumerate(row.cells):
        if NUMBER.fullmatch(c.text):
            return None
        if _OPENER.match(c.text):
            at = i
    return at


def pair_number_rows(rows: list[Row], width: int, is_data_label: Callable[[str], bool]) -> list[Row]:
    """``rows`` with each line of ``width`` numbers alone joined to its row's label (see the module's text);
    ``is_data_label(text)``: whether a label is a data row's (not a group's)."""
    joined, labels = pairs(rows, width, is_data_label)
    if not joined:
        return rows
    taken = set(joined.values())
    return [row if (k := joined.get(i)) is None else _joined(row, labels[i], rows[k])
            for i, row in enumerate(rows) if i not in taken]


def pairs(rows: list[Row], width: int, is_data_label: Callable[[str], bool]) -> tuple[dict[int, int], dict[int, int]]:
    """Which row of numbers goes with which label: ``{label row: numbers row}``, and for each label row the index of
    the cell where its label starts; two empty maps when none (see the module's text)."""
    if not any(_numbers_only(r, width) or _tail_with_numbers(r, width) for r in rows):
        return {}, {}
    labels: dict[int, int] = {}  # row index → where its label starts, for rows with a data label and no numbers
    for i, row in enumerate(rows):
        at = _label_at(row)
        if at is not None and is_data_label(" ".join(c.text for c in row.cells[at:])):
            labels[i] = at
    joined: dict[int, int] = {}  # label row → numbers row
    # first the end of a label with the row's numbers, whose start can only be above (2、申请人逾期未按收费通知要 /
    # 他处理 / 求缴纳费用、行政机关不再处理 6 0 0 0 0 0 6); then the lines of numbers alone, whose label may be on
    # either side: a label taken by the first is no longer one of their two
    for i in [i for i, row in enumerate(rows) if _tail_with_numbers(row, width)]:
        k = _near(rows, i, -1)
        if k is not None and k in labels and k not in joined:
            joined[k] = i
    for i in [i for i, row in enumerate(rows) if _numbers_only(row, width)]:
        near = [k for k in (_near(rows, i, -1), _near(rows, i, 1)) if k is not None and k in labels and k not in
                joined]
        if len(near) == 2 and _fragment(rows, i + 1):
            near = near[:1]  # a label's end right below the numbers: the label above took two lines
        if len(near) == 1:
            joined[near[0]] = i
    return (joined, labels) if joined else ({}, {})


def _tail_with_numbers(row: Row, width: int) -> bool:
    """Whether the row is one cell of words that do not open an item (a label's end), then ``width`` numbers."""
    cells = [c for c in row.cells if c.text]
    return (len(cells) == width + 1 and not _OPENER.match(cells[0].text) and not NUMBER.fullmatch(cells[0].text)
            and all(NUMBER.fullmatch(c.text) for c in cells[1:]))


def _anchored(row: Row) -> bool:
    """Whether a cell of the row is a number or opens with an item's number (else it is a label's fragment)."""
    return any(NUMBER.fullmatch(c.text) or _OPENER.match(c.text) for c in row.cells)


def _fragment(rows: list[Row], i: int) -> bool:
    """Whether row ``i`` is a label's end alone (words, no number, no item's number: 卷, 计其他情形）)."""
    return 0 <= i < len(rows) and any(c.text for c in rows[i].cells) and not _anchored(rows[i])


def _near(rows: list[Row], i: int, step: int) -> int | None:
    """The nearest row from ``i`` in direction ``step`` that is not a fragment of a label (no cell opening with an
    item's number, no number): that row's index, or None at the table's edge."""
    k = i + step
    while 0 <= k < len(rows):
        if _anchored(rows[k]):
            return k
        k += step
    return None


def _joined(label_row: Row, at: int, numbers: Row) -> Row:
    """The cells of ``label_row`` up to its label, its label's cells joined into one, then the numbers — each cell
    keeping its own row and column in the block (where findings point)."""
    head = list(label_row.cells[:at])
    parts = list(label_row.cells[at:])
    values = [c for c in numbers.cells if c.text]
    if values and not NUMBER.fullmatch(values[0].text):
        tail = values.pop(0)
        if not _margin(tail, parts[0]):
            parts.append(tail)  # the label's end, on the line of the numbers
    first = parts[0]
    label = first if len(parts) == 1 else new_cell("".join(c.text for c in parts), first.row, first.col, first.line,
                                                    first.column, parts[-1].end_column, first.pointer, first.header)
    cells: list[Cell] = [*head, label, *values]
    return new_row(tuple(cells), label_row.line, label_row.header)


def _margin(tail: Cell, label: Cell) -> bool:
    """Whether the words before a row's numbers are the end of the vertical 三、本年度办理结果 in the margin (``三、本年度
    办理  8.属于行政查询事`` / ``结果  2 0 0 …``), not the end of the row's own label: left of the label, and made of
    that label's characters."""
    return (tail.column is not None and label.column is not None and tail.column < label.column - 2
            and set(tail.text) <= VERTICAL_CHARS)


def is_s3_data_label(text: str) -> bool:
    """Whether ``text`` (a label as the layout left it, its words maybe split by a space) is the label of a data row
    of table 三 (not of a group such as （三）不予公开)."""
    parts = lb.split_label(text.replace(" ", ""))
    if not parts:
        return False
    rid = lb.match_s3_row(parts[-1].key, parts[-1].key2)
    spec = lb.S3_ROW_SPECS.get(rid) if rid else None
    return spec is not None and (spec.data or rid == "result.other")
