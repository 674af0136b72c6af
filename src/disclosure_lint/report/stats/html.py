"""HTML ``<table>`` blocks (Markdown files converted from web pages keep them) → a grid.

A cell spanning several rows or columns is repeated in every grid position it covers (the
"merged cells repeated" layout the extractor reads), each copy pointing at the source position of
the original cell.  Text inside a cell is joined without tags; ``<br>`` and line breaks become
nothing, since labels broken over lines ("商业<br>企业") are one label.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

from ...model import Block, Cell, Row, Table

_SPACE = re.compile(r"[\s\u00a0\u3000]+")


class _Grid(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, int, int, int, int]]]] = []  # rows of (text, rs, cs, line, col)
        self._rows: list[list[tuple[str, int, int, int, int]]] | None = None
        self._cell: list[str] | None = None
        self._cell_meta: tuple[int, int, int, int] | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._rows = []
        elif self._depth != 1:
            return
        elif tag == "tr" and self._rows is not None:
            self._close_cell()
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._close_cell()
            if not self._rows:
                self._rows.append([])
            a = dict(attrs)
            rs = _int(a.get("rowspan"))
            cs = _int(a.get("colspan"))
            line, col = self.getpos()
            self._cell = []
            self._cell_meta = (rs, cs, line, col)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "table":
            if self._depth == 1:
                self._close_cell()
                if self._rows:
                    self.tables.append(self._rows)
                self._rows = None
            self._depth = max(0, self._depth - 1)
        elif self._depth == 1 and tag in ("td", "th", "tr"):
            self._close_cell()

    def handle_data(self, data):
        if self._cell is not None and self._depth == 1:
            self._cell.append(data)

    def _close_cell(self):
        if self._cell is not None and self._rows is not None and self._cell_meta is not None:
            text = _SPACE.sub(" ", unescape("".join(self._cell))).strip()
            rs, cs, line, col = self._cell_meta
            self._rows[-1].append((text, rs, cs, line, col))
        self._cell = None
        self._cell_meta = None


def _int(v) -> int:
    try:
        n = int(str(v).strip())
    except (TypeError, ValueError):
        return 1
    return n if 1 <= n <= 50 else 1


def html_tables(block: Block) -> list[Block]:
    """The tables of an HTML block as table blocks (same index and anchors as ``block``)."""
    text = block.text
    p = _Grid()
    try:
        p.feed(text)
        p.close()
    except Exception:  # noqa: BLE001  # pragma: no cover - malformed markup: read what was parsed
        pass
    if not p.tables:
        return []
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    out: list[Block] = []
    for rows in p.tables:
        grid: dict[tuple[int, int], Cell] = {}
        for r, cells in enumerate(rows):
            c = 0
            for text_, rs, cs, line, col in cells:
                while (r, c) in grid:
                    c += 1
                off = starts[min(line - 1, len(starts) - 1)] + col
                loc = block.locate(off)
                origin = Cell(text=text_, row=r, col=c, line=loc.line, column=loc.column,
                              end_column=None, pointer=block.pointer)
                for dr in range(rs):
                    for dc in range(cs):
                        grid[(r + dr, c + dc)] = origin if (dr, dc) == (0, 0) else replace(
                            origin, row=r + dr, col=c + dc)
                c += cs
        n_rows = max((k[0] for k in grid), default=-1) + 1
        n_cols = max((k[1] for k in grid), default=-1) + 1
        table_rows = []
        for r in range(n_rows):
            cells = tuple(grid.get((r, c)) or Cell(text="", row=r, col=c) for c in range(n_cols))
            table_rows.append(Row(cells=cells, line=cells[0].line if cells else None))
        out.append(replace(block, kind="table", table=Table(rows=tuple(table_rows))))
    return out
