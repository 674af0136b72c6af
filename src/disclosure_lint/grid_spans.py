"""Merged cells of a table given as a grid of texts, each merged cell's text in every position it covers (as a
reader expands an HTML ``colspan``/``rowspan`` or a Word merge, and as ``new`` lays out the official tables).

:func:`spans`: the rectangles to merge — in the header rows a rectangle of equal texts is one cell (表三's note
over three columns and three rows, 申请人情况 over seven columns, 表四's 行政复议 over five columns and two rows);
in label columns an empty cell joins the label to its left on its row, else the one above it.
:func:`header_rows`: how many leading rows of a table read are its header — the rows its reader marks (a Markdown
table's first row, ``<th>`` rows) and the rows after them that go on with it (a Markdown table can mark only one
row, so the rest of a multi-row header is written in body rows).

Used by ``new``'s Word tables (:mod:`.blank_docx`), ``annotate``'s rendering of a Markdown, text or web-page report
(:mod:`.annotate_render`) and the HTML report's view of the text (:mod:`.reporters.html_text`).
"""

from __future__ import annotations

import re

Grid = list[list[str]]
Span = tuple[int, int, int, int]  # first row, first column, last row, last column (inclusive)


def spans(grid: Grid, header_rows: int, label_cols: int) -> list[Span]:
    """The merged cells of a table grid: in its first ``header_rows`` rows each rectangle of one text, in its first
    ``label_cols`` columns below them each empty cell with the label to its left on its row, else above it."""
    n_rows, n_cols = len(grid), len(grid[0])
    owner = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]
    taken: set[tuple[int, int]] = set()
    for r in range(header_rows):
        for c in range(n_cols):
            text = grid[r][c]
            if (r, c) in taken or not text:
                continue
            w = 1
            while c + w < n_cols and grid[r][c + w] == text and (r, c + w) not in taken:
                w += 1
            h = 1
            while r + h < header_rows and all(grid[r + h][c + k] == text for k in range(w)):
                h += 1
            for i in range(r, r + h):
                for j in range(c, c + w):
                    taken.add((i, j))
                    owner[i][j] = (r, c)
    for r in range(header_rows, n_rows):
        for c in range(label_cols):
            if grid[r][c]:
                continue
            left = owner[r][c - 1] if c > 0 else None
            if left is not None and left[0] == r:
                owner[r][c] = left
            elif r > header_rows:
                owner[r][c] = owner[r - 1][c]
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            members.setdefault(owner[r][c], []).append((r, c))
    out = []
    for (r0, c0), cells in members.items():
        if len(cells) > 1:
            out.append((r0, c0, max(r for r, _ in cells), max(c for _, c in cells)))
    return sorted(out)


# a cell holding a number (a count, an amount, a rate): a row with one is data, never a header row
_NUMBER = re.compile(r"\s*[-+−]?[0-9０-９][0-9０-９,，.．]*[%％]?\s*")
MAX_HEADER_ROWS = 6  # the official tables have three; merging stays bounded whatever a table holds


def _continues(above: list[str], row: list[str]) -> bool:
    """Whether ``row`` goes on with the header above it: it repeats, in the same column, a text of the row above
    (a cell spanning both rows, written out in each: 表三's note, 表四's 行政复议) and holds no number."""
    return (any(a.strip() and a == b for a, b in zip(above, row))
            and not any(_NUMBER.fullmatch(c) for c in row))


def header_rows(grid: Grid, marked: int) -> int:
    """How many leading rows of ``grid`` are its header: the ``marked`` ones (its reader says so) and the rows
    that continue them (:func:`_continues`), at most :data:`MAX_HEADER_ROWS` in all unless more are marked; the
    first row is taken for a header only when the second continues it."""
    header = max(marked, 1)
    while header < min(len(grid), MAX_HEADER_ROWS) and _continues(grid[header - 1], grid[header]):
        header += 1
    return header if header > max(marked, 1) else marked
