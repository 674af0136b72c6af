"""``annotate`` on a Markdown, text or web-page report: the report as a Word document, and where its findings are.

:func:`render` writes the reader's blocks as Word content, one block each, the text exactly as the checker
read it (so a finding's characters are the same characters in the rendering): the report's title as
the title, its six parts' headings as 标题 1 (however the source wrote them: ``##``, a bold line, a plain line),
other headings by their level (Markdown ``###`` as 标题 2 …), paragraphs and list items as paragraphs, pictures as their
text, tables as Word tables whose header rows merge a rectangle of equal texts into one cell (the cells an
HTML ``colspan``/``rowspan`` covers, which the reader repeats; :func:`disclosure_lint.blank_docx.spans`).
HTML comments, code and raw HTML blocks are not shown by a published report and are not rendered.

:class:`SourcePlaces` turns a finding's source line and column back into a block and an offset in its text
(the inverse of the blocks' anchors), and a table cell's line and column into the table and grid position.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import docx
from docx.document import Document as DocumentObject

from .fixspan import source_index
from .grid_spans import header_rows, spans
from .model import Block, Cell, Document

RENDERED_KINDS = frozenset({"heading", "paragraph", "list_item", "image"})
# characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with each character XML cannot hold replaced by U+FFFD (the same length: offsets still hold)."""
    return _NOT_XML.sub("\ufffd", text)


def _grid(block: Block) -> tuple[list[list[str]], int]:
    """The table's texts (rows padded to one width) and how many leading rows are its header
    (:func:`~disclosure_lint.grid_spans.header_rows`)."""
    assert block.table is not None
    rows = block.table.rows
    width = max((len(r.cells) for r in rows), default=0)
    grid = [[c.text for c in r.cells] + [""] * (width - len(r.cells)) for r in rows]
    marked = 0
    while marked < len(rows) and rows[marked].header:
        marked += 1
    return grid, header_rows(grid, marked)


def _table(document: DocumentObject, block: Block) -> None:
    grid, header = _grid(block)
    if not grid or not grid[0]:
        return
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    table.style = "Table Grid"
    merged: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in spans(grid, header, 0):
        table.cell(r0, c0).merge(table.cell(r1, c1))
        merged.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text and (r, c) not in merged:
                table.cell(r, c).text = xml_safe(text)


def render(blocks: Sequence[Block], title: Block | None = None, sections: Collection[Block] = ()) -> DocumentObject:
    """A Word document showing ``blocks`` (see the module docstring); ``title`` in the style Title, the
    ``sections``' headings (the report's six parts, however the source wrote them) as 标题 1."""
    document = docx.Document()
    heads = {id(b) for b in sections}
    for b in blocks:
        if b.kind == "table" and b.table is not None:
            if any(c.text.strip() for c in b.table.cells()):
                _table(document, b)
        elif b.kind in RENDERED_KINDS and b.text.strip():
            text = xml_safe(b.text)
            if b is title:
                document.add_heading(text, level=0)
            elif id(b) in heads:
                document.add_heading(text, level=1)
            elif b.kind == "heading":
                document.add_heading(text, level=max(1, min((b.level or 2) - 1, 9)))
            else:
                document.add_paragraph(text)
    return document


CellKey = tuple[int, int, int]  # table number from 1, grid row, grid column


class SourcePlaces:
    """Source (line, column) → (block index, offset in its text), or (cell, offset in its text) for a table cell
    whose text is the source's character for character; and → the cell at that place, for a whole-cell comment."""

    def __init__(self, doc: Document) -> None:
        # line → [(first column, end column, block index or cell, offset of the first column)]
        self.lines: dict[int, list[tuple[int, int, int | CellKey, int]]] = {}
        self.cells: dict[int, list[tuple[int, int, CellKey]]] = {}  # line → [(first column, end column, cell)]
        self.cell_texts: dict[CellKey, str] = {}
        norm, starts = source_index(doc.text) if doc.has_lines else ("", (0,))
        tno = 0
        for b in doc.blocks:
            if b.kind == "table":
                if b.table is not None and any(c.text.strip() for c in b.table.cells()):
                    tno += 1
                    for c in b.table.cells():
                        self._cell(c, (tno, c.row, c.col), norm, starts)
                continue
            if b.kind not in RENDERED_KINDS:
                continue
            anchors = b.anchors
            if not anchors and b.line is not None and b.column is not None:
                self.lines.setdefault(b.line, []).append((b.column, b.column + len(b.text), b.index, 0))
            for j, a in enumerate(anchors):
                if a.page is not None:
                    continue
                nxt = anchors[j + 1].offset if j + 1 < len(anchors) else len(b.text)
                self.lines.setdefault(a.line, []).append((a.column, a.column + nxt - a.offset, b.index, a.offset))

    def _cell(self, c: Cell, key: CellKey, norm: str, starts: tuple[int, ...]) -> None:
        a, z = c.locate(0), c.locate(len(c.text))
        if a.line is None or a.column is None or a.page is not None:
            return
        end = z.column if z.line == a.line and z.column is not None else a.column + len(c.text)
        self.cells.setdefault(a.line, []).append((a.column, end, key))
        self.cell_texts[key] = c.text
        if 1 <= a.line <= len(starts) and c.text and "\n" not in c.text:
            at = starts[a.line - 1] + a.column - 1
            if norm[at:at + len(c.text)] == c.text:  # the cell's text is the source there: offsets hold
                self.lines.setdefault(a.line, []).append((a.column, a.column + len(c.text), key, 0))

    def offset(self, line: int | None, column: int | None, end: bool = False,
               block: int | CellKey | None = None) -> tuple[int | CellKey, int] | None:
        """The block (or cell) and offset of the character at (line, column); with ``end`` also the place just
        after its last character on that line (an exclusive end), preferring ``block``."""
        if line is None or column is None:
            return None
        found = None
        for c0, c1, i, off in self.lines.get(line, ()):
            if c0 <= column < c1 or (end and column == c1):
                if block is None or i == block:
                    return i, off + column - c0
                found = found or (i, off + column - c0)
        return found

    def cell(self, line: int | None, column: int | None) -> CellKey | None:
        """(table number from 1, grid row, grid column) of the cell at (line, column)."""
        if line is None or column is None:
            return None
        for c0, c1, key in self.cells.get(line, ()):
            if c0 <= column <= max(c1, c0):
                return key
        return None
