"""OpenDocument text (.odt) reader: reports saved by LibreOffice or a domestic office suite (WPS, Yozo …) in their
native format, read from ``content.xml`` with lxml (:mod:`.odt_package` opens the package safely).  The blocks are
made as the .docx reader makes them (:mod:`.docx`), so an .odt report is checked as its .docx:

* **Body in order**: ``text:h`` (a heading at its ``text:outline-level``), ``text:p`` (a heading when its style, or
  the style it inherits from, is named 标题 N/Heading N/Title, as in Word), ``text:list`` items (their paragraphs;
  the number its list style draws, or the label LibreOffice stored in ``text:number``, is drawn before a body
  paragraph, as the .docx reader draws Word's automatic numbers; a heading outside a list has its chapter
  numbering's, :mod:`.odt_lists`), ``text:section`` and index bodies
  (their paragraphs), ``table:table``.
* **Inline**: ``text:span``, ``text:a``, fields (their shown text), ``text:s`` (``text:c`` spaces, bounded),
  ``text:tab`` a tab, ``text:line-break`` a line break in the paragraph; ``text:soft-page-break`` nothing.
* **Left out**: footnotes and endnotes (``text:note``), comments (``office:annotation``), the tracked changes'
  deleted text (``text:tracked-changes``: the accepted view, as in the Word readers; inserted text is kept), change
  and bookmark marks, hidden text (a span or paragraph whose style has ``text:display="none"``), hidden paragraphs'
  fields.
* **Text boxes**: a ``draw:frame``'s ``draw:text-box`` (or a shape's own paragraphs, as LibreOffice writes a Word
  text box) is read after the paragraph anchoring it ("第12段处文本框第1段"); a paragraph that is only a picture of
  at least 80 pixels each way (``draw:frame`` with ``draw:image``) is an ``image`` block, as in the .docx reader.
* **Tables**: rows (``table:table-header-rows``' rows are header rows), cells and ``table:covered-table-cell``: one
  grid, a merged cell's text (``table:number-columns-spanned``/``-rows-spanned``) repeated over the grid positions
  it covers; ``table:number-columns-repeated`` bounded by the grid's width, ``table:number-rows-repeated`` by the
  cells' limit; a nested table is tab-separated lines of its cell; a layout frame (:func:`frame_cells`, as in the
  .docx reader) is read as the body.

**Positions** as in the Word readers: "第12段", "表2第3行第4列"; ``has_lines`` is ``False``.

**Hostile input**: the zip's directory is checked before anything is decompressed, the XML parsed without entities,
DTDs or network and within libxml2's default bounds (:mod:`.odt_package`); paragraphs (``limits.max_blocks``), table
cells (``limits.max_table_cells``), the nesting followed (:data:`.word_blocks.MAX_DEPTH`: deeper content is left out and said, DL002) and the time (``limits.max_read_seconds``)
are bounded; whatever cannot be read is one :class:`InputError` sentence.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from .odt_lists import Numbers
from .odt_package import OFFICE, SAVE_AS, TEXT_NS, Styles, open_odt
from .word_blocks import MAX_DEPTH, BlockBuilder, ReadBudget, cell_text, frame_column

MAX_SPAN = 64  # columns a cell may span
MAX_ROW_SPAN = 10_000  # rows a cell may span
MAX_GRID_COLS = 256  # grid positions kept per table row
MAX_SPACES = 100  # spaces one text:s gives
MAX_FRAME_ROWS = 1000  # rows looked at to tell a layout frame

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"

H, P, LIST, LIST_ITEM, LIST_HEADER = (TEXT_NS + t for t in ("h", "p", "list", "list-item", "list-header"))
SECTION, NUMBER, SPAN, S, TAB, LINE_BREAK = (TEXT_NS + t for t in ("section", "number", "span", "s", "tab",
                                                                   "line-break"))
RUBY, RUBY_BASE, INDEX_BODY = TEXT_NS + "ruby", TEXT_NS + "ruby-base", TEXT_NS + "index-body"
TBL, ROW, CELL, COVERED = (_TABLE + t for t in ("table", "table-row", "table-cell", "covered-table-cell"))
HEADER_ROWS = _TABLE + "table-header-rows"
_ROW_GROUPS = frozenset(_TABLE + t for t in ("table-rows", "table-row-group"))
FRAME, TEXT_BOX, IMAGE, GROUP = (_DRAW + t for t in ("frame", "text-box", "image", "g"))
STYLE_NAME = TEXT_NS + "style-name"

# inline elements whose content is not the printed text of the paragraph
_SKIPPED = frozenset({
    *(TEXT_NS + t for t in ("note", "soft-page-break", "change", "change-start", "change-end", "bookmark",
                            "bookmark-start", "bookmark-end", "reference-mark", "reference-mark-start",
                            "reference-mark-end", "toc-mark", "toc-mark-start", "toc-mark-end", "alphabetical-index-mark",
                            "alphabetical-index-mark-start", "alphabetical-index-mark-end", "user-index-mark",
                            "hidden-text", "hidden-paragraph", "number", "tracked-changes")),
    OFFICE + "annotation", OFFICE + "annotation-end",
})
_PARAGRAPHS = frozenset({P, H})
_NESTING = frozenset({LIST, SECTION, INDEX_BODY, TEXT_NS + "index-title"})  # containers the body is read through
_INDEXES = ("table-of-content", "index", "bibliography")  # a table of contents or an index: its body's paragraphs
_STRIP = " \t\u3000\xa0"
_MIN_PICTURE_IN = 80 / 96  # 80 pixels at 96 dpi (the other readers' bound): a smaller picture is an icon
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(in|cm|mm|pt|pc|px)?\s*$")
_PER_INCH = {"in": 1.0, "cm": 2.54, "mm": 25.4, "pt": 72.0, "pc": 6.0, "px": 96.0, None: 96.0}


def _int_attr(el, name: str, default: int, top: int) -> int:
    try:
        n = int(el.get(name) or default)
    except ValueError:
        return default
    return min(max(n, 1), top)


def _inches(value: str | None) -> float | None:
    m = _LENGTH.match(value or "")
    if not m:
        return None
    try:
        return float(m.group(1)) / _PER_INCH[m.group(2)]
    except (ValueError, KeyError):
        return None


def _big_picture(frame) -> bool:
    """Is a frame's picture at least 80 pixels each way (an unknown size counts as big, as Word's readers do)?"""
    sizes = [_inches(frame.get(_SVG + "width")), _inches(frame.get(_SVG + "height"))]
    return all(s is None or s >= _MIN_PICTURE_IN for s in sizes)


class _Extractor:
    def __init__(self, styles: Styles, numbers: Numbers, budget: ReadBudget):
        self.styles = styles
        self.numbers = numbers
        self.list_styles: list[str | None] = []  # the lists the walk is in: their styles and levels
        self.list_levels: list[int] = []
        self.budget = budget
        self.stats = {"auto_numbered": 0, "text_boxes": 0, "hidden_runs": 0, "layout_tables": 0, "footnotes": 0}
        self.pictures = 0  # pictures in the paragraph read last

    # paragraphs
    def paragraph(self, p) -> tuple[str, list]:
        """(text, text boxes anchored in it); a hidden paragraph has no text."""
        parts: list[str] = []
        boxes: list = []
        self.pictures = 0
        if self.styles.hidden("paragraph", p.get(STYLE_NAME)):
            self.stats["hidden_runs"] += 1
            return "", boxes
        self._inline(p, parts, boxes, 0)
        return "".join(parts), boxes

    def _inline(self, el, parts: list[str], boxes: list, depth: int) -> None:
        if el.text:
            parts.append(el.text)
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                if tag == TEXT_NS + "note":
                    self.stats["footnotes"] += 1
            elif tag == S:
                parts.append(" " * _int_attr(ch, TEXT_NS + "c", 1, MAX_SPACES))
            elif tag == TAB:
                parts.append("\t")
            elif tag == LINE_BREAK:
                parts.append("\n")
            elif tag == SPAN and self.styles.hidden("text", ch.get(STYLE_NAME)):
                self.stats["hidden_runs"] += 1
            elif tag == RUBY:
                base = ch.find(RUBY_BASE)
                if base is not None:
                    self._inline_deeper(base, parts, boxes, depth)
            elif tag.startswith(_DRAW):
                self._shape(ch, boxes, depth)
            else:  # spans, links, fields, meta: their text
                self._inline_deeper(ch, parts, boxes, depth)
            if ch.tail:
                parts.append(ch.tail)

    def _inline_deeper(self, el, parts: list[str], boxes: list, depth: int) -> None:
        if depth < MAX_DEPTH:
            self._inline(el, parts, boxes, depth + 1)
        else:
            self.budget.deep = True

    def _shape(self, el, boxes: list, depth: int) -> None:
        """A drawing anchored in a paragraph: its text box, or its picture counted, or a group's shapes."""
        if el.tag == FRAME:
            box = el.find(TEXT_BOX)
            if box is not None:
                boxes.append(box)
            elif el.find(IMAGE) is not None:
                self.pictures += _big_picture(el)
            return
        if any(ch.tag in _PARAGRAPHS or ch.tag == LIST for ch in el):
            boxes.append(el)  # a shape's own paragraphs (LibreOffice's copy of a Word text box)
        elif el.tag == GROUP and depth >= MAX_DEPTH:
            self.budget.deep = True
        elif el.tag == GROUP:
            for ch in el:
                if isinstance(ch.tag, str) and ch.tag.startswith(_DRAW):
                    self._shape(ch, boxes, depth + 1)

    def label(self, lst, number) -> str | None:
        """The label of a list item's first paragraph, or of a paragraph with a ``text:number`` (counted): the one
        LibreOffice stored in ``text:number``, else the one its list style draws (:mod:`.odt_lists`); or None."""
        self.stats["auto_numbered"] += 1
        drawn = self.numbers.label(*lst) if lst is not None else None
        stored = "".join(number.itertext()).strip(_STRIP) if number is not None else ""
        return stored or drawn

    def chapter(self, h) -> str | None:
        """The chapter number drawn before a heading outside a list (text:outline-style; counted when drawn)."""
        start = None
        if h.get(TEXT_NS + "restart-numbering") == "true":
            try:
                start = int(h.get(TEXT_NS + "start-value") or 1)
            except ValueError:
                start = 1
        label = self.numbers.outline(self.level(h) or 1, start)
        self.stats["auto_numbered"] += label is not None
        return label

    # containers (body, section, list item, cell, text box): paragraphs and tables in order
    @staticmethod
    def item_label(item) -> str | None:
        """The number printed before a paragraph item of :meth:`items` (:class:`.word_blocks.BlockBuilder`)."""
        return item[5]

    @staticmethod
    def item_level(item) -> int | None:
        """The heading level of a paragraph item of :meth:`items`, None for a body paragraph."""
        return item[3]

    def items(self, container, depth: int, lst: tuple[str | None, int, int | None] | None = None):
        """Yield ("p", text, boxes, level, pictures, label) and ("tbl", el) in document order; ``lst``: the list
        style, level and start value of a list item's first paragraph."""
        for ch in container:
            tag = ch.tag
            if tag in _PARAGRAPHS:
                text, boxes = self.paragraph(ch)
                number = ch.find(NUMBER)
                if lst is not None or number is not None:
                    label = self.label(lst, number)
                elif tag == H and ch.get(TEXT_NS + "is-list-header") != "true":
                    label = self.chapter(ch)
                else:
                    label = None
                lst = None
                yield "p", text, boxes, self.level(ch), self.pictures, label
            elif tag == TBL:
                lst = None
                yield "tbl", ch
            elif not isinstance(tag, str):
                continue
            elif depth >= MAX_DEPTH:
                if tag in _NESTING or tag.startswith(_DRAW) or tag.endswith(_INDEXES):  # what is left out below
                    self.budget.deep = True
                continue
            elif tag == LIST:
                yield from self.list_items(ch, depth)
                lst = None
            elif tag in (SECTION, INDEX_BODY, TEXT_NS + "index-title"):
                yield from self.items(ch, depth + 1)
            elif tag.startswith(TEXT_NS) and tag.endswith(_INDEXES):
                body = ch.find(INDEX_BODY)
                if body is not None:
                    yield from self.items(body, depth + 1)
            elif tag.startswith(_DRAW):  # a shape anchored to the page: its text boxes, after what comes before
                anchored: list = []
                self.pictures = 0
                self._shape(ch, anchored, depth)
                if anchored:
                    yield "p", "", anchored, None, 0, None

    def list_items(self, el, depth: int):
        """The items of a ``text:list`` (a nested list without a style of its own has its outer list's)."""
        style = el.get(STYLE_NAME) or (self.list_styles[-1] if self.list_styles else None)
        level = self.list_levels[-1] + 1 if self.list_levels else 1
        if level == 1:
            continues = el.get(TEXT_NS + "continue-numbering") == "true" or el.get(TEXT_NS + "continue-list") is not None
            self.numbers.start_list(style, continues)
        self.list_styles.append(style)
        self.list_levels.append(level)
        try:
            for item in el:
                if item.tag == LIST_ITEM:
                    try:
                        start = int(item.get(TEXT_NS + "start-value") or "")
                    except ValueError:
                        start = None
                    yield from self.items(item, depth + 1, (style, level, start))
                elif item.tag == LIST_HEADER:
                    yield from self.items(item, depth + 1)
        finally:
            self.list_styles.pop()
            self.list_levels.pop()

    def level(self, p) -> int | None:
        if p.tag == H:
            try:
                return min(max(int(p.get(TEXT_NS + "outline-level") or 1), 1), 9)
            except ValueError:
                return 1
        return self.styles.level(p.get(STYLE_NAME))

    # tables
    def grid(self, tbl, depth: int, tno: int = 0) -> tuple[list[list[str]], list[bool]]:
        rows: list[list[str]] = []
        header: list[bool] = []
        merged: dict[int, tuple[int, str]] = {}  # grid column → (last row a merged cell covers, its text)
        for tr, is_header in _rows(tbl, 0, False):
            ri = len(rows)
            cells: list[str] = []
            for tc in tr:
                if tc.tag not in (CELL, COVERED):
                    continue
                repeat = _int_attr(tc, _TABLE + "number-columns-repeated", 1, MAX_GRID_COLS - len(cells))
                if tc.tag == COVERED:
                    for _ in range(repeat):
                        last, text = merged.get(len(cells), (-1, ""))
                        cells.append(text if last >= ri else "")
                    continue
                text = self.cell_text(tc, depth)
                across = _int_attr(tc, _TABLE + "number-columns-spanned", 1, MAX_SPAN)
                down = _int_attr(tc, _TABLE + "number-rows-spanned", 1, MAX_ROW_SPAN)
                for _ in range(repeat):
                    for c in range(len(cells), min(len(cells) + across, MAX_GRID_COLS)):
                        merged[c] = (ri + down - 1, text)
                    cells.append(text)
                if len(cells) >= MAX_GRID_COLS:
                    break
            times = _int_attr(tr, _TABLE + "number-rows-repeated", 1, self.budget.limits.max_table_cells + 1)
            for _ in range(times):
                if not self.budget.take_cells(max(len(cells), 1), f"表{tno}第{len(rows) + 1}行" if tno else "表格中"):
                    return rows, header
                rows.append(cells if len(rows) == ri else list(cells))
                header.append(is_header)
        return rows, header

    def cell_text(self, tc, depth: int) -> str:
        return cell_text(self, self.items(tc, depth + 1), depth)  # (a cell's numbers are counted, not drawn)


def _rows(tbl, depth: int, header: bool):
    """(row, is header row) of a table, through header-rows, rows and row groups."""
    for ch in tbl:
        if ch.tag == ROW:
            yield ch, header
        elif depth < MAX_DEPTH and ch.tag == HEADER_ROWS:
            yield from _rows(ch, depth + 1, True)
        elif depth < MAX_DEPTH and ch.tag in _ROW_GROUPS:
            yield from _rows(ch, depth + 1, header)


def _has_text(el) -> bool:
    return any(t.strip(_STRIP) for t in el.itertext())


def frame_cells(tbl) -> list | None:
    """The cells of a layout frame, as :func:`.docx.frame_cells` tells one: each row has one cell with text, all in
    one grid column, none merged, the others blank; and a cell holds a table, or the one cell holds two or more
    paragraphs with text, or it is one column's one cell of one paragraph of words (two Chinese characters or more
    besides units, no tab or line break).  Else None."""
    found = frame_column(_frame_rows(tbl), _has_text, lambda tc: tc.find(TBL) is not None)
    if found is None:
        return None
    cells, nested, wide = found
    if nested:
        return cells
    if len(cells) == 1:
        paragraphs = [p for p in cells[0] if p.tag in _PARAGRAPHS and _has_text(p)]
        if len(paragraphs) >= 2:
            return cells
        if len(paragraphs) == 1 and not wide and _words(paragraphs[0]):
            return cells
    return None


def _frame_rows(tbl):
    """The rows' cells as :func:`.word_blocks.frame_column` takes them; None for a row past :data:`MAX_FRAME_ROWS`,
    with a cell merged down or covered, or with too many cells."""
    for n, (tr, _) in enumerate(_rows(tbl, 0, False)):
        if n >= MAX_FRAME_ROWS:
            yield None
            return
        row = []
        pos = 0
        for tc in tr:
            if tc.tag not in (CELL, COVERED):
                continue
            if tc.get(_TABLE + "number-rows-spanned", "1") != "1" or tc.tag == COVERED:
                yield None
                return
            span = _int_attr(tc, _TABLE + "number-columns-spanned", 1, MAX_SPAN)
            row.append((tc, pos, span))
            pos += span * _int_attr(tc, _TABLE + "number-columns-repeated", 1, MAX_GRID_COLS)
            if len(row) > MAX_GRID_COLS:
                yield None
                return
        yield row


_UNIT_CHARS = frozenset("件个项次条人家万亿元年月日")


def _words(p) -> bool:
    if next(p.iter(TAB, LINE_BREAK), None) is not None:
        return False
    text = "".join(p.itertext())
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff" and c not in _UNIT_CHARS) >= 2


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    content, styles_root = open_odt(data, limits)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise InputError(f"文件中没有 OpenDocument 文本的正文（office:text），不是有效的 .odt 文件；{SAVE_AS}")
    ex = _Extractor(Styles(styles_root, content), Numbers(styles_root, content), ReadBudget(limits))
    builder = BlockBuilder(ex, frame_cells, MAX_DEPTH)
    try:
        builder.body(body)
    except RecursionError:
        raise InputError("文件结构嵌套过深，可能是恶意构造的文件，已拒绝读取") from None
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"文件内容结构异常，无法读取（{type(exc).__name__}）；{SAVE_AS}") from None
    return builder.document(path, "odt", "OpenDocument 文本")
