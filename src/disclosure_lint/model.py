"""The document model every reader produces.

A reader turns bytes into a :class:`Document`: an ordered list of :class:`Block`
objects (headings, paragraphs, list items, tables, comments), each of which knows
where every character of its text came from in the source.  Rules never search
the raw file again; they work on block text and ask the block for positions.

Formats with lines (Markdown, text, HTML source) give line/column anchors.
Formats without lines (Word, PDF) give a ``pointer`` instead (e.g. "第12段").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any, Literal

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
    """A place in a source: line and column (1-based) where the format has lines, page where it has pages."""

    line: int | None
    column: int | None
    page: int | None = None


def slots_twin(cls: type) -> type:
    """A plain class with the slots of the frozen, slotted dataclass ``cls``, in the same order.  The hot paths make
    a model object as one of these (by calling it: it has no ``__init__``, and the call costs less than
    ``object.__new__`` with its checks of the type given), store each field straight into its slot, then give it its class
    (``obj.__class__ = cls``: allowed between classes of the same slot layout, which Python checks) — the same
    object as ``cls(...)`` makes, without the frozen dataclass's ``__init__`` and its ``object.__setattr__`` per
    field.  Each such maker is pinned equal to the constructor by tests (tests/test_fast_paths*.py)."""
    return type(f"_{cls.__name__}Slots", (), {"__slots__": tuple(f.name for f in fields(cls))})


_LocationSlots = slots_twin(Location)


def new_location(line: int | None, column: int | None, page: int | None = None) -> Location:
    """``Location(line, column, page)``, made faster (see :func:`slots_twin`)."""
    loc: Any = _LocationSlots()
    loc.line = line
    loc.column = column
    loc.page = page
    loc.__class__ = Location
    return loc


_AnchorSlots = slots_twin(Anchor)


def new_anchor(offset: int, line: int, column: int, page: int | None = None) -> Anchor:
    """``Anchor(offset, line, column, page)``, made faster (see :func:`slots_twin`)."""
    a: Any = _AnchorSlots()
    a.offset = offset
    a.line = line
    a.column = column
    a.page = page
    a.__class__ = Anchor
    return a


def _offset_of(a: Anchor) -> int:
    return a.offset


def _locate(anchors: tuple[Anchor, ...], offset: int) -> Location:
    if not anchors:
        return new_location(None, None)
    idx = bisect_right(anchors, offset, key=_offset_of) - 1  # no list of offsets per call: blocks may have 10^5 anchors
    if idx < 0:
        idx = 0
    a = anchors[idx]
    return new_location(a.line, a.column + (offset - a.offset), a.page)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table as read: its text, its place in the grid and in the source."""

    text: str
    row: int  # 0-based grid row
    col: int  # 0-based grid column
    line: int | None = None
    column: int | None = None
    end_column: int | None = None
    pointer: str | None = None
    header: bool = False
    anchors: tuple[Anchor, ...] = ()
    confidence: float | None = None  # recognition confidence (0–1) of a cell read by OCR; None: read as text

    def locate(self, offset: int) -> Location:
        if self.anchors:
            return _locate(self.anchors, offset)
        if self.line is None:
            return new_location(None, None)
        return new_location(self.line, (self.column or 1) + offset)


_TABLE_NUMBER = re.compile(r"表(\d+)(?=第\d+行)")


def beside_table_name(pointer: str) -> str:
    """A Word or PDF cell's pointer (``表5第4行第4列``, ``第3页表1第23行第4列``: the file's fifth table) as written after a
    statistics table's name, ``表三 › … › 自然人（第5个表格第4行第4列）``, where 表5 would read as one of the format's
    表二, 表三, 表四.  The reader's pointer itself is unchanged (annotate finds the cell by it)."""
    return _TABLE_NUMBER.sub(r"第\1个表格", pointer)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a table: its cells in order, its line, whether it is a header row."""

    cells: tuple[Cell, ...]
    line: int | None = None
    header: bool = False

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(frozen=True, slots=True)
class Table:
    """A table as read: its rows in order."""

    rows: tuple[Row, ...]

    @property
    def n_cols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)

    def cells(self):
        for r in self.rows:
            yield from r.cells


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a document (heading, paragraph, list item, table …): its text and where it is in the source."""

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
        return new_location(self.line, self.column)

    def span(self, start: int, end: int) -> tuple[Location, Location]:
        """Start position and (inclusive-exclusive) end position of ``text[start:end]``."""
        return self.locate(start), self.locate(end)


class _CellAnchors(tuple):
    """The type of :data:`CELL_ANCHORS`: an empty tuple told apart from ``()`` by its identity."""

    __slots__ = ()


# ``Block.anchors`` of a table block whose anchors are those of its cells (an anchor at every cell, as
# ``readers.lines.table_text`` makes them), made when first read: the Markdown reader gives every table block this
# value instead of an Anchor per cell — hundreds per report, of which the rules read none unless a finding falls in
# the table's text outside the cells' own places (the statistics rules locate a cell by the cell).
CELL_ANCHORS: tuple[Anchor, ...] = _CellAnchors()


def cell_anchors(rows: Iterable[Row]) -> tuple[Anchor, ...]:
    """The anchors of a table's text (cells joined by tabs, rows by newlines): each cell's own anchors shifted to
    its offset, or one at its line and column (1 when it has none) when it has no anchors but a line."""
    anchors: list[Anchor] = []
    offset = 0
    for ri, row in enumerate(rows):
        if ri:
            offset += 1  # the newline
        for ci, cell in enumerate(row.cells):
            if ci:
                offset += 1  # the tab
            if cell.anchors:  # a cell whose text spans source lines (HTML) keeps its own anchors
                anchors.extend(new_anchor(offset + a.offset, a.line, a.column, a.page) for a in cell.anchors)
            elif cell.line is not None:
                anchors.append(new_anchor(offset, cell.line, cell.column or 1))
            offset += len(cell.text)
    return tuple(anchors)


_ANCHORS_SLOT: Any = Block.__dict__["anchors"]  # the slot's own descriptor


class _AnchorsField:
    """``Block.anchors``: the slot, except that :data:`CELL_ANCHORS` found there is replaced, on its first read, by
    :func:`cell_anchors` of the block's table.  Every read (the dataclass's ``__eq__``, ``__hash__``, ``__repr__``
    too) sees the anchors themselves, so a block made with ``CELL_ANCHORS`` equals the one made with its anchors.
    (Blocks' anchors are read a few times per report: a descriptor in Python costs nothing that shows.)"""

    __slots__ = ()

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return _ANCHORS_SLOT
        value = _ANCHORS_SLOT.__get__(obj, owner)
        if value is CELL_ANCHORS:
            value = cell_anchors(obj.table.rows if obj.table is not None else ())
            _ANCHORS_SLOT.__set__(obj, value)
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        _ANCHORS_SLOT.__set__(obj, value)

    def __delete__(self, obj: Any) -> None:
        _ANCHORS_SLOT.__delete__(obj)


setattr(Block, "anchors", _AnchorsField())  # noqa: B010 (mypy: a field of the dataclass, replaced on the class)


NoticeKind = Literal["no-text-layer", "pages-without-text", "page-limit", "read-limit", "content-type",
                     "undecodable-bytes", "traditional-script", "radical-characters"]


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class SkippedPage:
    """A page a reader did not read, and why."""

    page: int
    reason: str


@dataclass(frozen=True, slots=True)
class ReaderNotice:
    """Content a reader could not read (the ``reader-notice`` kind reports it).

    * ``no-text-layer``: no page of a PDF has a usable text layer (``total``: pages read);
    * ``pages-without-text``: the ``pages`` that are pictures (``total``: pages read);
    * ``page-limit``: only the first ``read`` of ``total`` pages were read;
    * ``read-limit``: a tool limit (``limits.py``) cut the reading: ``detail`` says what, in ``format``
      (网页, Word 文档, PDF); the line-based readers and the report layer name the ``limit`` (``max_blocks``,
      ``max_table_cells``), its ``value`` and the ``line`` where reading stopped; the PDF reader lists the
      ``skipped`` pages, the page it ``stopped`` at after ``seconds``, and ``page_limit`` (pages read of ``total``);
    * ``content-type``: the file's name says one type and its bytes another (:mod:`.readers.sniff`): ``format`` is
      what the bytes are ("html", "pdf", "zip"), ``detail`` the extension; the file was read as its bytes say;
    * ``undecodable-bytes``: a text plainly in UTF-8 but for ``value`` bytes UTF-8 cannot decode (in ``total``
      runs, each read as one U+FFFD), the first at ``line``/``column``; ``detail`` "end" when the only run is a
      character cut at the end of the file (:class:`..textio.Undecodable`);
    * ``traditional-script``: a text in traditional script read as converted to simplified script
      (:mod:`.readers.script`): ``detail`` the words that showed it (joined by ”“), ``value`` the characters
      converted (None for a text over 400,000 characters), ``total`` the lines kept as they were (their conversion
      would change their length), if any; ``example`` a character glossed with its pinyin (數(shù)), when the page
      glosses them so (a content farm's copy, not a portal's 繁體 view), the first at ``line``/``column``;
    * ``radical-characters``: a text's radical code points of ordinary characters (⼯ U+2F2F for 工, a PDF copy's), read
      as those characters (:mod:`.readers.cjk_fold`): ``value`` how many, the first (``example``) at ``line``/``column``,
      ``detail`` the different ones.
    """

    kind: NoticeKind
    detail: str | None = None
    format: str | None = None
    limit: str | None = None
    value: int | None = None
    line: int | None = None
    column: int | None = None
    pages: tuple[int, ...] = ()
    total: int | None = None
    read: int | None = None
    skipped: tuple[SkippedPage, ...] = ()
    stopped: int | None = None
    seconds: float | None = None
    page_limit: int | None = None
    example: str | None = None


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class PageLink:
    """A link inside a hidden item: its target and where its text is in the item's block."""

    href: str
    start: int  # the link text in the hidden item's ``block.text``
    end: int


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class HiddenItem:
    """Text of a web page that its visitors do not see (:mod:`disclosure_lint.report.hidden` judges it).

    ``block``: the text with source anchors (kind ``html``, index -1, *not* one of the document's blocks);
    ``how`` it is hidden (``display:none`` …, or for ``via`` "head" / "script" the search-engine text:
    ``page-title``, ``meta-keywords`` …); ``element`` tag#id.class as in the page; ``in_body``: inside the
    report body the reader chose; ``links`` with the offsets of their text in ``block.text``.
    """

    how: str
    element: str
    tag: str
    in_body: bool
    block: Block
    links: tuple[PageLink, ...] = ()
    via: str = ""  # "": hidden by CSS or an attribute; "head": the title or a meta value; "script": document.write


# fixed-layout formats: pages of positioned glyphs read by the PDF reader's layout (readers/pdf.py, readers/ofd.py)
PAGED_FORMATS = frozenset({"pdf", "ofd"})


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader made of a file: its blocks and the typed facts a reader found besides them.

    ``notices``: what could not be read; the HTML reader also fills ``hidden`` (elements hidden from view),
    ``seo`` (the title, keywords / description metas and script-written markup, in the same form),
    ``site_urls`` (canonical link, og:url, ``<base>``), ``link_hosts`` (hosts of the visible absolute links
    with their counts), ``pubdate`` (a ``PubDate`` meta), ``page_title`` (the report title found in
    ``<title>``) and ``declared_charset``; the text reader lists in ``space_separated_tables`` the indices
    of the table blocks whose cells are separated by runs of spaces (an empty cell leaves no trace); the PDF and
    image readers list in ``ocr_pages`` the pages read by OCR (their cells carry a ``confidence``); the HTML reader
    gives in ``pager`` the page of an article a script paginates (TRS ``createPageHTML(3, 0, …)``: page 1 of 3) and
    in ``embedded`` the documents the page shows in ``<embed>``, ``<object>`` or an ``<iframe>`` viewer.
    ``meta`` holds what a reader counted, for information only (pages, paragraphs, the HTML body element): no
    rule reads it.
    """

    path: str
    format: str  # "markdown", "text", …
    encoding: str | None
    text: str  # the decoded source (empty for formats that have none)
    blocks: tuple[Block, ...]
    has_lines: bool = True
    notices: tuple[ReaderNotice, ...] = ()
    hidden: tuple[HiddenItem, ...] = ()
    seo: tuple[HiddenItem, ...] = ()
    site_urls: tuple[str, ...] = ()
    link_hosts: dict[str, int] = field(default_factory=dict)
    pubdate: str | None = None
    page_title: str | None = None
    declared_charset: str | None = None
    space_separated_tables: tuple[int, ...] = ()
    ocr_pages: tuple[int, ...] = ()  # pages whose text was recognised from their image (OCR)
    # indices of the blocks holding rows of a table the reader saw and could not read as a grid (a PDF table drawn
    # without rules whose grid was unsure): the table's text, not prose; the report says the table was not read
    table_text: tuple[int, ...] = ()
    pager: tuple[int, int] | None = None  # (this page, pages): an article a portal's script splits into pages
    embedded: tuple[str, ...] = ()  # documents the page shows in a frame or a viewer (``<embed src="….pdf">``)
    meta: dict = field(default_factory=dict)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()
