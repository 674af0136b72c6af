"""A part's title written as a merged row of its own statistics table, taken out of the table as the part's heading.

Some Word templates put a part's title (``三、收到和处理政府信息公开申请情况``) in the first row of the part's
statistics table, one cell spanning every column, with no paragraph of that title outside the table.  Every reader
gives such a row as the title repeated in each cell the merge covers (or in its one cell).  The section analysis
looks for headings among paragraphs, so the part was reported missing (DL101) though it is there with its table.

:func:`split` makes that row a heading block of its own, before the table made of the rows after it (the table as
the unified format draws it, the title row neither a header nor a data row).  A row is a part's title only when
all its cells that are not empty hold one same text, that text is a part's official title (or a typo of it, or the
title followed by the table's unit: ``三、收到和处理政府信息公开申请情况（单位：件）``) with its own numeral (三、 for
part 三), and a row that is no part's title follows it.  Kept as they are:

* a table listing the parts' titles one a row (a table of contents without page numbers);
* a merged row that is no part's title: 表三's note ``（本列数据的勾稽关系为：…）``, a caption without its numeral
  (``收到和处理政府信息公开申请情况``), a unit line (``单位：件``);
* a title row under a heading of the same part already (the title written both as a paragraph and in the table)
  makes no second heading: the part has its heading, and the row is left out of the table (表二's first column
  would read it as a row label it does not know, DL001).

A title row inside a table (two tables Word joined when the paragraph between them was deleted, or a .doc that
LibreOffice saved so) splits the table there too: the rows before it stay the previous part's table.

The blocks after a split are renumbered, and the document's lists of block indices follow them.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Anchor, Block, Cell, Document, Row, Table
from ..readers.lines import table_text
from . import catalogue as cat
from .sections import heading_of

_OFFICIAL = frozenset({"exact", "typo"})
_SPEC_INDEX = {s.id: i for i, s in enumerate(cat.SECTIONS)}
_TITLE_MAX = 50  # characters a part's title may take (heading_of reads no longer text)


def title_of_row(row: Row) -> str | None:
    """The part id a table row names as a part's title merged over the row, or None."""
    cells = row.cells
    if cells and cells[-1].text[:1].isdigit():  # (most rows: a number in the last column; no part's title is led by
        return None                             # a digit, and a title row holds one text in all its cells)
    first, last = cells[0].text.strip(), cells[-1].text.strip()
    if first and last and first != last:  # (a header row: two texts at its ends, no set of all its cells' made)
        return None
    texts = {c.text.strip() for c in cells} - {""}
    if len(texts) != 1:
        return None
    text = texts.pop()
    if "\n" in text:  # a title the cell breaks over two lines (two paragraphs, or a line break, in the merged cell)
        text = "".join(line.strip() for line in text.splitlines())
    if len(text) > _TITLE_MAX:
        return None
    found = heading_of(text, True)
    if found is None:
        return None
    sid, numeral, number, title, quality = found
    if sid is None or numeral is None or number != _SPEC_INDEX[sid] + 1:
        return None
    if quality not in _OFFICIAL and not _official_then_more(sid, title):
        return None
    return sid


def _official_then_more(sid: str, title: str) -> bool:
    """Whether ``title`` is the part's official title (or an accepted variant) followed by more: the table's unit
    or year in brackets (``收到和处理政府信息公开申请情况（单位：件）``), read by key words as a heading too."""
    norm = cat.normalise_title(title)
    return any(norm.startswith(t) for t in cat.CANONICAL_NORMALISED[sid])


def _last_part(b: Block, last: str | None) -> str | None:
    """The part whose heading ``b`` is (a short heading or paragraph numbered in the part's place, or the part's
    title unnumbered), else ``last``.  Not a sub-item numbered like a part: ``一、主动公开`` under 总体情况 names
    part 二's key words, not part 二."""
    if b.kind not in ("heading", "paragraph") or len(b.text) > 120:
        return last
    found = heading_of(b.text, b.kind == "heading")
    if found is None or found[0] is None:
        return last
    sid, numeral, number = found[0], found[1], found[2]
    if numeral is None or number == _SPEC_INDEX[sid] + 1:
        return sid
    return last


def _table_block(b: Block, rows: tuple[Row, ...]) -> Block:
    """A table block of ``rows`` (cells' grid rows renumbered from 0), placed at its first cell's line; its pointer
    the table's (``表5``: the cells keep theirs, ``表5第2行第1列``)."""
    shift = rows[0].cells[0].row if rows[0].cells else 0
    new_rows = tuple(replace(r, cells=tuple(replace(c, row=c.row - shift) for c in r.cells)) for r in rows)
    text, anchors = table_text(list(new_rows))
    c0 = new_rows[0].cells[0] if new_rows[0].cells else None
    line = c0.line if c0 is not None and c0.line is not None else b.line
    return replace(b, text=text, anchors=anchors, table=Table(new_rows), line=line,
                   column=(c0.column if c0 is not None and c0.line is not None else b.column))


def _heading_block(b: Block, row: Row) -> Block:
    """The title row as a paragraph of its own, at the row's first cell that holds it."""
    cell: Cell = next(c for c in row.cells if c.text.strip())
    text = cell.text.strip()
    if "\n" in text:  # the title as title_of_row read it, on one line (the position of its first line)
        text = "".join(line.strip() for line in text.splitlines())
    lead = len(cell.text) - len(cell.text.lstrip())
    anchors: tuple[Anchor, ...] = ()
    if cell.anchors:
        anchors = tuple(Anchor(max(0, a.offset - lead), a.line, a.column, a.page) for a in cell.anchors)
    elif cell.line is not None:
        anchors = (Anchor(0, cell.line, (cell.column or 1) + lead, None),)
    line = cell.line if cell.line is not None else (anchors[0].line if anchors else b.line)
    column = cell.column if cell.line is not None else (anchors[0].column if anchors else b.column)
    return Block(index=0, kind="paragraph", text=text, line=line, column=column, end_line=line,
                 end_column=(column + len(text)) if column is not None else None, anchors=anchors,
                 pointer=cell.pointer or b.pointer)


def split(document: Document) -> Document:
    """``document`` with every part's title merged over a row of a table made a heading block (see the module)."""
    blocks = document.blocks
    # each table's title rows with a row of the table under them (a table listing the parts' titles one a row is no
    # part's table); read before the parts' headings are followed, which only a table with such a row needs (most
    # documents have none: returned as they are)
    all_cuts: dict[int, list[tuple[int, str]]] = {}
    for i, b in enumerate(blocks):
        if b.kind == "table" and b.table is not None and b.table.rows:
            # (a number in a row's last cell: no title, told here without a call — most rows of every table)
            titles = [None if (cs := r.cells) and cs[-1].text[:1].isdigit() else title_of_row(r) for r in b.table.rows]
            if titles.count(None) == len(titles):
                continue  # (no title row: most tables)
            cuts = [(k, sid) for k, sid in enumerate(titles[:-1]) if sid is not None and titles[k + 1] is None]
            if cuts:
                all_cuts[i] = cuts
    if not all_cuts:
        return document
    out: list[Block] = []
    index_map: dict[int, int] = {}
    last: str | None = None
    changed = False
    for i, b in enumerate(blocks):
        cuts = all_cuts.get(i, [])
        rows = b.table.rows if cuts and b.table is not None else ()
        pieces: list[Block] = []
        pos = 0
        dropped = False
        for k, sid in cuts:
            if sid == last:
                if k == pos:  # the part has its heading already: the title row is left out of its table
                    pos, dropped = k + 1, True
                continue
            if k > pos:
                pieces.append(_table_block(b, rows[pos:k]))
            pieces.append(_heading_block(b, rows[k]))
            pos = k + 1
            last = sid
        if not pieces and not dropped:
            index_map[b.index] = len(out)
            out.append(b)
            last = _last_part(b, last)
            continue
        changed = True
        pieces.append(_table_block(b, rows[pos:]))
        index_map[b.index] = len(out) + len(pieces) - 1  # the table's index: its last piece
        out.extend(pieces)
    if not changed:
        return document
    out = [replace(b, index=i) if b.index != i else b for i, b in enumerate(out)]
    return replace(document, blocks=tuple(out),
                   space_separated_tables=tuple(index_map[i] for i in document.space_separated_tables
                                                if i in index_map),
                   table_text=tuple(index_map[i] for i in document.table_text if i in index_map))
