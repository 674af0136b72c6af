"""The document model every reader produces.

A reader turns bytes into a :class:`Document`: an ordered list of :class:`Block`
objects (headings, paragraphs, list items, tables, comments), each of which knows
where every character of its text came from in the source.  Rules never search
the raw file again; they work on block text and ask the block for positions.

Formats with lines (Markdown, text, HTML source) give line/column anchors.
Formats without lines (Word, PDF) give a ``pointer`` instead (e.g. "第12段").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

# ``image``: a picture standing alone (a table published as a picture); its text is the picture's markup as
# written (``![表二](t2.png)``, ``<img src=…>``) or ``<img>`` when the format has none (HTML page, PDF).
BlockKind = Literal["heading", "paragraph", "list_item", "table", "comment", "code", "html", "image"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Character ``offset`` of a block's text starts at source ``line``/``column`` (1-based).

    For paged formats (PDF) ``page`` is set and ``line`` counts lines on that page; the
    engine then reports the place as a pointer (第2页第14行) instead of file line/column.
    """

    offset: int
    line: int
    column: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    line: int | None
    column: int | None
    page: int | None = None


def _offset_of(a: Anchor) -> int:
    return a.offset


def _locate(anchors: tuple[Anchor, ...], offset: int) -> Location:
    if not anchors:
        return Location(None, None)
    idx = bisect_right(anchors, offset, key=_offset_of) - 1  # no list of offsets per call: blocks may have 10^5 anchors
    if idx < 0:
        idx = 0
    a = anchors[idx]
    return Location(a.line, a.column + (offset - a.offset), a.page)


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    row: int  # 0-based grid row
    col: int  # 0-based grid column
    line: int | None = None
    column: int | None = None
    end_column: int | None = None
    pointer: str | None = None
    header: bool = False
    anchors: tuple[Anchor, ...] = ()

    def locate(self, offset: int) -> Location:
        if self.anchors:
            return _locate(self.anchors, offset)
        if self.line is None:
            return Location(None, None)
        return Location(self.line, (self.column or 1) + offset)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    line: int | None = None
    header: bool = False

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[Row, ...]

    @property
    def n_cols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)

    def cells(self):
        for r in self.rows:
            yield from r.cells


@dataclass(frozen=True, slots=True)
class Block:
    index: int
    kind: BlockKind
    text: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    anchors: tuple[Anchor, ...] = ()
    level: int | None = None  # heading level given by markup (Markdown #), if any
    table: Table | None = None
    pointer: str | None = None  # for formats without lines (e.g. "第12段")

    def locate(self, offset: int) -> Location:
        """Source position of the character at ``offset`` in :attr:`text`."""
        if self.anchors:
            return _locate(self.anchors, offset)
        return Location(self.line, self.column)

    def span(self, start: int, end: int) -> tuple[Location, Location]:
        """Start position and (inclusive-exclusive) end position of ``text[start:end]``."""
        return self.locate(start), self.locate(end)


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    format: str  # "markdown", "text", …
    encoding: str | None
    text: str  # the decoded source (empty for formats that have none)
    blocks: tuple[Block, ...]
    has_lines: bool = True
    meta: dict = field(default_factory=dict)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()
