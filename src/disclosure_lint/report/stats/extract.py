"""Statistics-table extraction: the report's table blocks → one :class:`StatTable` per table.

``extract(report)`` returns ``{"s2"|"s3"|"s4": StatTable}`` for the tables it found.

**Finding the tables.** Every table block of the report is read, not only those in the bodies
of sections 二/三/四: a table's identity comes from its labels (信息内容/第二十条 → 表二;
申请人情况/自然人/本年新收 → 表三; 行政复议/行政诉讼/结果维持 → 表四), so a table placed after its
section, under a misnumbered heading or in a report whose headings were not recognised is found
too.  One table block may hold several tables (its rows are split where the labels change table)
and one table may be spread over several blocks (表二 is often one small table per 第二十条 block;
a table split by a page break); the parts of one table are merged.  The section a block sits in
only decides for blocks whose labels say nothing.

**Grids.** Labels are matched on normalised text (brackets, quotes, spaces, line breaks and the
区分处理 note do not matter), split into their numbered parts (``（三）不予公开 1.属于国家秘密``),
whether they fill one to three leading cells, are repeated on every row of a merged cell or left
empty below its first row (the group context is carried down).  Two row layouts are recognised:
*aligned* (every data row has the same label columns, as in Markdown and in exports that repeat
or blank merged cells) and *collapsed* (HTML pages copied as text drop the cells covered by a
rowspan, so each row is its labels followed by its numbers).  Columns come from the header texts
above each grid column when they line up, else from the order of the header texts (自然人,
法人或其他组织 › 商业企业…其他, 总计; 行政复议 / 行政诉讼 › 未经复议直接起诉 / 复议后起诉 › 结果维持…总计).

**Flattened tables** (scraped text that prints one cell per line) are read by :mod:`.flat`.

**Text tables.** A tab is one cell boundary (readers/text.py), so tab-separated rows keep their
columns.  A run of spaces cannot show an empty cell: in a table split on runs of spaces (listed by the
text reader in ``Document.space_separated_tables``) the columns come from the order of the
header texts, each row's numbers start after its labels, and a row with fewer numbers than the
table has columns is not placed — its numbers go to ``loose`` (table-unreadable reports them; the
arithmetic of the table is skipped).  A row written as its labels alone (every cell empty, the
separators trimmed) is a row of empty cells; such lines, and a row of numbers alone between them,
are paragraphs to the reader, so the one-line paragraphs after a text table that are row labels of it
are read as its rows (:func:`_tail_rows`) — a lone line with tabs by the cells of its source line, whose
tabs (leading ones too) keep every position (a browser copy of a table whose zeros were left blank:
``4.保护第三方合法权益\t1\t\t\t\t\t\t1``) — and rows still missing are taken from lone lines read one
cell per line (:func:`_complete`).  A part of a table that continues an earlier part without a
header keeps the earlier part's columns, shifted when its values start at another grid column.

Nothing with a number is dropped silently: a row or column label that matches nothing is listed
in :attr:`StatTable.unmapped`; accepted local additions (a 小计 column, a 其他主动公开文件 row) in
``extra_cols`` / ``extra_rows`` (their cells are kept under the ids ``org_subtotal`` / ``other_docs``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace

from ...model import Block, Cell, Row
from ...readers.text import tab_row
from . import labels as lb
from .model import StatCell, StatTable, Unmapped, Value, parse_value
from .schema import norm, schema

TABLE_IDS = ("s2", "s3", "s4")
_VALUE_KINDS = frozenset({"int", "decimal", "slash", "dash", "none", "na"})


# -- small helpers -------------------------------------------------------------------------------

_value_cache: dict[str, Value] = {}


def value_of(raw: str) -> Value:
    v = _value_cache.get(raw)
    if v is None:
        v = parse_value(raw)
        if len(_value_cache) < 20000:
            _value_cache[raw] = v
    return v


_is_value_cache: dict[str, bool] = {}


def is_value(text: str) -> bool:
    """A cell that holds a number or a placeholder (/ — 无), not a label."""
    r = _is_value_cache.get(text)
    if r is None:
        r = bool(text) and value_of(text).kind in _VALUE_KINDS
        if len(_is_value_cache) < 20000:
            _is_value_cache[text] = r
    return r


def _clean(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Build:
    """A table being assembled from one or more parts."""

    id: str
    cells: dict[tuple[str, str], StatCell] = field(default_factory=dict)
    unmapped: list[Unmapped] = field(default_factory=list)
    extra_rows: list[tuple[str, Block | None, Cell | None]] = field(default_factory=list)
    extra_cols: list[tuple[str, Block | None, Cell | None]] = field(default_factory=list)
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
    pending_other: list[tuple[str, Cell, str, Block]] = field(default_factory=list)  # blank （六）其他处理
    loose: list[StatCell] = field(default_factory=list)
    cut_row: str | None = None  # the row the file ends in, read short (see StatTable.cut_row)

    def add(self, row: str, col: str, cell_text: str, row_label: str, col_label: str, block: Block | None,
            cell: Cell | None) -> None:
        if (row, col) in self.cells:
            return
        self.cells[(row, col)] = StatCell(self.id, row, col, cell_text, value_of(cell_text), row_label, col_label,
                                          block, cell)
        self.row_labels.setdefault(row, row_label)
        if col_label:
            self.col_labels.setdefault(col, col_label)

    def add_block(self, block: Block) -> None:
        if not any(b is block for b in self.blocks):
            self.blocks.append(block)

    def unmap(self, label: str, what: str, block: Block | None, cell: Cell | None) -> None:
        for u in self.unmapped:
            if u.what == what and u.label == label and u.block is block and (
                    what == "row" or (u.cell is not None and cell is not None and u.cell.col == cell.col)):
                return
        self.unmapped.append(Unmapped(label, what, block, cell))  # type: ignore[arg-type]

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


# -- splitting table blocks into tables ---------------------------------------------------------

@dataclass
class Segment:
    id: str | None
    block: Block
    rows: list[Row]
    strong: int = 0  # distinctive labels seen
    votes: int = 0


def _row_vote(row: Row) -> tuple[str | None, int, int]:
    counts: dict[str, int] = {}
    strong = 0
    for c in row.cells:
        t = c.text
        if not t or is_value(t):
            continue
        v = lb.cell_vote(t)
        if v:
            counts[v] = counts.get(v, 0) + 1
            if v != "s2" or _s2_strong(t):
                strong += 1
    if not counts:
        return None, 0, 0
    best = max(counts, key=lambda k: counts[k])
    return best, counts[best], strong


def _s2_strong(text: str) -> bool:
    k = norm(text)
    return k.startswith(lb.TITLE_S2) or k == lb.S2_HEAD or lb.match_s2_col(text) is not None


def split_block(block: Block) -> list[Segment]:
    segs: list[Segment] = []
    cur: Segment | None = None
    for row in block.table.rows:  # type: ignore[union-attr]
        v, n, strong = _row_vote(row)
        if cur is None:
            cur = Segment(v, block, [])
            segs.append(cur)
        elif v is not None and v != cur.id:
            if cur.id is None:
                cur.id = v  # unlabelled leading rows belong to the first table named
            else:
                cur = Segment(v, block, [])
                segs.append(cur)
        cur.rows.append(row)
        if v is not None and v == cur.id:
            cur.votes += n
            cur.strong += strong
    return segs


def _section_hints(report) -> dict[int, str]:
    """Block index → s2/s3/s4 for blocks in the body of those sections."""
    hints: dict[int, str] = {}
    try:
        by_id = report.sections_by_id
    except Exception:  # noqa: BLE001  # pragma: no cover - a broken section analysis must not stop extraction
        return hints
    for sid in TABLE_IDS:
        sec = by_id.get(sid)
        if sec is None:
            continue
        for b in sec.blocks:
            hints[b.index] = sid
    return hints


# -- the extractor ---------------------------------------------------------------------------------

def extract(report) -> dict[str, StatTable]:
    hints = _section_hints(report)
    builds: dict[str, Build] = {}
    gaps = frozenset(getattr(getattr(report, "document", None), "space_separated_tables", ()))

    def build(tid: str) -> Build:
        if tid not in builds:
            builds[tid] = Build(tid)
        return builds[tid]

    blocks = report.blocks
    text_format = getattr(getattr(report, "document", None), "format", None) == "text"
    last_text = max((b.index for b in blocks if b.text.strip()), default=-1)
    lines = (report.document.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
             if text_format and report.document.text else None)
    for k, blk in enumerate(blocks):
        if blk.kind == "table" and blk.table is not None and blk.table.rows:
            tables = [blk]
        else:
            continue
        for b in tables:
            hint = hints.get(b.index)
            gap = b is blk and b.index in gaps
            tail = _tail_lines(blocks, k + 1, hint, hints, lines, gap) if text_format and b is blk else []
            # the file ends in this table: its last row may be cut off, not short of empty cells
            _read_table(b, hint, build, gap, tail, last_text if b is blk else None)

    from .flat import read_flat

    have = {t for t, bd in builds.items() if bd.cells}
    complete = frozenset(t for t in have if t != "s4" and _rows_missing(builds[t], report)) if text_format \
        else frozenset()
    for tid, fb in read_flat(report, hints, have, complete).items():
        bd = builds.get(tid)
        if bd is not None and bd.cells:
            _complete(bd, fb)  # a text grid: only the rows it did not read
            continue
        if bd is not None and bd.loose:
            if not fb.cells:
                continue  # the grid's numbers could not be placed: keep them, so that they are reported
            fb.loose[:0] = bd.loose  # numbers never vanish silently
        builds[tid] = fb

    report_version = report.format_version if report.format_version in ("2019", "2021") else "2021"
    out: dict[str, StatTable] = {}
    for tid in TABLE_IDS:
        bd = builds.get(tid)
        if bd is None or not (bd.cells or bd.unmapped or bd.row_labels or bd.col_labels or bd.loose):
            continue
        detected = bd.detected()
        version = detected or report_version
        if tid == "s3" and version == "2019":
            for cid, c, label, blk in bd.pending_other:
                bd.add("result.other", cid, c.text, label, bd.col_labels.get(cid, ""), blk, c)
        out[tid] = StatTable(
            id=tid, schema=schema(tid, version), detected_version=detected, blocks=bd.blocks, cells=bd.cells,
            unmapped=bd.unmapped, extra_rows=bd.extra_rows, extra_cols=bd.extra_cols, layout=bd.layout,
            row_labels=bd.row_labels, col_labels=bd.col_labels, loose=bd.loose, cut_row=bd.cut_row,
        )
    return out


_PIECE = re.compile(r"[^\t \u3000](?:[^\t \u3000]|[ \u3000](?=[^\t \u3000]))*")


def _rows_missing(bd: Build, report) -> bool:
    """Does the table lack data rows (a text table whose other rows may be lone lines)?"""
    version = bd.detected() or (report.format_version if report.format_version in ("2019", "2021") else "2021")
    seen = {r for r, _ in bd.cells} | set(bd.row_labels) | {c.row for c in bd.loose}
    return any(r.id not in seen for r in schema(bd.id, version).data_rows())


def _complete(bd: Build, fb: Build) -> None:
    """Rows of a text table that the grid did not read, read from lone lines one cell per line: a table
    shredded by rows the reader could not see as table lines (blank rows written as their label alone)."""
    seen = {r for r, _ in bd.cells} | set(bd.row_labels) | {c.row for c in bd.loose}
    new = ({r for r, _ in fb.cells} | {c.row for c in fb.loose if c.row} | set(fb.row_labels)) - seen
    new = {r for r in new if bd.id != "s3" or r == "result.other" or (spec := lb.S3_ROW_SPECS.get(r)) is None
           or spec.data}  # （六）其他处理 is a data row in 2019
    if not new:
        return  # nothing but group rows (（三）不予公开 …), which hold no numbers: the grid has what it needs
    for key, sc in fb.cells.items():
        if key[0] in new:
            bd.cells.setdefault(key, sc)
    bd.loose.extend(c for c in fb.loose if c.row in new)
    for r in new:
        if r in fb.row_labels:
            bd.row_labels.setdefault(r, fb.row_labels[r])
    for b in fb.blocks:
        bd.add_block(b)


@dataclass
class TailLine:
    """A one-line paragraph after a text table that may be a row of it (see :func:`_tail_lines`)."""

    block: Block
    pieces: list[tuple[int, str]]  # (offset in the block text, text): a label, then numbers or placeholders
    cells: tuple[Cell, ...] | None = None  # the source line split on its tabs: exact positions, empty cells kept


def _tab_cells(block: Block, lines: list[str] | None) -> tuple[Cell, ...] | None:
    """The cells of the source line of a one-line block that holds tabs, split as a tab table's row
    (:func:`readers.text.tab_row`): every tab is one boundary, leading tabs are empty cells.  A lone tab line is a
    paragraph to the reader (one separated line is not a table), but its tabs still say where each
    value sits — ``4.保护第三方合法权益\t1\t\t\t\t\t\t1`` has its 总计 in the seventh value column."""
    if lines is None or block.line is None or block.end_line != block.line or not 0 < block.line <= len(lines):
        return None
    raw = lines[block.line - 1]
    if "\t" not in raw or raw.strip(" \t\u3000") != block.text:
        return None  # no tab, or the block is a part of its line (a flattened line split by report/inline.py)
    return tab_row(raw, block.line).cells


def _row_shape_ok(cells: tuple[Cell, ...]) -> bool:
    """Labels first, then only numbers, placeholders or empty cells."""
    texts = [c.text for c in cells if c.text]
    if not texts or is_value(texts[0]):
        return False
    k = next((i for i, t in enumerate(texts) if is_value(t)), len(texts))
    return all(is_value(t) for t in texts[k:])


def _tail_lines(blocks, start: int, hint: str | None, hints: dict[int, str],
                lines: list[str] | None = None, gap: bool = False) -> list[TailLine]:
    """One-line paragraphs right after a text table that may be rows of it the reader did not see as table
    lines: a row left blank written as its label alone (its separators trimmed), or a row of numbers
    alone between two such lines (one separated line is not a table).  Each with its pieces (offset,
    text): a label, then only numbers or placeholders; a line with tabs (after a table that is not split
    on runs of spaces) also with its cells as the source line's tabs place them, labels first.  Which of
    them are rows is decided by the labels."""
    out: list[TailLine] = []
    for b in blocks[start:start + 60]:
        if b.kind not in ("paragraph", "heading") or hints.get(b.index) != hint:
            break
        t = b.text
        if "\n" in t or len(t) > 200 or t.endswith(("。", "；", ";", "：", ":", "，", ",")):
            break
        pieces = [(m.start(), m.group(0)) for m in _PIECE.finditer(t)]
        if not pieces or is_value(pieces[0][1]):
            break
        cells = None if gap else _tab_cells(b, lines)
        if cells is not None:
            if not _row_shape_ok(cells):
                break
            out.append(TailLine(b, pieces, cells))
            continue
        if not all(is_value(x) for _, x in pieces[1:]) and not all(_s2_head(x) for _, x in pieces):
            break
        if len(pieces) == 1 and len(t) > 60:
            break
        out.append(TailLine(b, pieces))
    return out


def _s2_head(text: str) -> bool:
    """A header cell of table 二: 信息内容 or a column label."""
    return not is_value(text) and (norm(text) == lb.S2_HEAD or lb.match_s2_col(text) is not None)


def _tail_label_ok(tid: str | None, text: str) -> bool:
    if tid == "s2":  # table 二 goes on over the titles (第二十条第（五）项) and header lines of its blocks
        return _s2_row_of(text) is not None or _s2_title(text) or _s2_head(text)
    if tid == "s3":  # a label of table 三 itself (no guess from its number: prose headings are numbered too)
        parts = lb.split_label(text)
        return (bool(parts) and lb.cell_vote(text) in ("s3", None) and lb.match_s3_row(parts[-1].key, parts[-1].key2)
                is not None and not _s3_is_header(Row(cells=(Cell(text=text, row=0, col=0),))))
    return False


def _tail_rows(seg: Segment, tail: list[TailLine],
               gap: bool) -> tuple[list[Row], list[tuple[str, list[Cell]]], list[Block]]:
    """Rows of table 二 or 三 written after a table block as one-line paragraphs (see :func:`_tail_lines`),
    up to the first line that is not a row label of the table: a label alone is a row whose cells are all
    empty; a label with numbers, after a table split on runs of spaces, a row like the others; a line with
    tabs, a row with the cells its tabs delimit (the source line keeps its leading tabs).  A label with
    numbers and no tab after a tab-separated table lost its empty cells (the separators were spaces or the
    paragraph was stripped), so its numbers cannot be placed: returned apart, as (label, cells), for
    ``loose``.  Last, the blocks taken: they are a part of the table (its rows), not prose."""
    rows: list[Row] = []
    unplaced: list[tuple[str, list[Cell]]] = []
    n = len(seg.block.table.rows) if seg.block.table is not None else 0
    taken = 0
    for k, tl in enumerate(tail):
        labels = [c.text for c in tl.cells if c.text and not is_value(c.text)] if tl.cells else [tl.pieces[0][1]]
        if not all(_tail_label_ok(seg.id, x) for x in labels):
            break
        if seg.id != "s2" or any(_s2_row_of(x) is not None for x in labels):
            taken = k + 1  # titles and header lines of table 二 count only before one of its rows
    for tl in tail[:taken]:
        b, pieces = tl.block, tl.pieces
        if tl.cells is not None:
            rows.append(Row(cells=tuple(dc_replace(c, row=n + len(rows)) for c in tl.cells), line=b.line))
            continue
        label = pieces[0][1]
        cells = []
        for j, (off, text) in enumerate(pieces):
            loc = b.locate(off)
            cells.append(Cell(text=text, row=n + len(rows), col=j, line=loc.line, column=loc.column,
                              end_column=(loc.column + len(text)) if loc.column is not None else None,
                              pointer=b.pointer))
        if len(cells) > 1 and is_value(cells[1].text) and not (gap and "\t" not in b.text):
            unplaced.append((label, cells[1:]))
            continue
        rows.append(Row(cells=tuple(cells), line=cells[0].line))
    return rows, unplaced, [tl.block for tl in tail[:taken]]


def _read_table(b: Block, hint: str | None, build, gap: bool = False, tail: list[TailLine] | None = None,
                last_text: int | None = None) -> None:
    """``gap``: the cells are separated by runs of spaces, so an empty cell leaves no trace: a row with
    fewer numbers than the table has columns cannot be placed (its numbers go to ``loose``), and the
    columns come from the order of the header texts, not from their positions.  ``tail``: bare label
    lines after the block that may be rows of its last table (:func:`_tail_rows`).  ``last_text``: index of the
    last block with text; when the table's last row (in this block or a tail line taken) is there, the
    document ends with it, so it may be cut off (it is not padded with empty cells)."""
    segs = split_block(b)
    unplaced: list[tuple[str, list[Cell]]] = []
    tail_blocks: list[Block] = []
    if tail and segs and segs[-1].id in ("s2", "s3"):
        rows, unplaced, tail_blocks = _tail_rows(segs[-1], tail, gap)
        segs[-1].rows.extend(rows)
    if len(segs) == 1 and segs[0].id is None:
        if hint is None:
            return
        segs[0].id = hint
    for seg in segs:
        if seg.id is None:
            continue
        if seg.id != hint and seg.strong < (1 if hint else 3):
            continue
        if seg.id == "s2" and hint != "s2" and seg.strong < 1:
            continue
        bd = build(seg.id)
        bd.add_block(b)
        end = tail_blocks[-1] if tail_blocks else b
        open_end = last_text is not None and end.index >= last_text
        cut = seg.rows[-1] if open_end and seg is segs[-1] and seg.rows else None
        if seg.id == "s2":
            read_s2(bd, seg.rows, b, gap, cut)
        elif seg.id == "s3":
            read_s3(bd, seg.rows, b, gap, cut)
        else:
            read_s4(bd, seg.rows, b, gap, cut)
        if seg is segs[-1]:
            for tb in tail_blocks:
                bd.add_block(tb)
            for label, cells in unplaced:
                if seg.id == "s2":
                    rid = _s2_row_of(label)
                else:
                    parts = [(p, cells[0]) for p in lb.split_label(label)]
                    rid = resolve_s3(parts, Ctx())[0] if parts else None
                if rid:
                    bd.row_labels.setdefault(rid, _clean(label))
                order = bd.order or []
                if seg.id == "s3" and rid and not gap and len(cells) == len(order) and all(order):
                    # as many numbers as the table has columns: none was left empty, so their order is
                    # their place, whatever label cells the line lost (an HTML table copied as text)
                    for cid, c in zip(order, cells):
                        bd.add(rid, cid, c.text, _clean(label), bd.col_labels.get(cid, ""), b, c)
                    continue
                _unplaced(bd, rid or "", _clean(label), b, cells)


def _unplaced(bd: Build, row: str, row_label: str, block: Block, cells: list[Cell]) -> None:
    """Numbers of a row that cannot be placed in their columns: kept in ``loose`` (column ""), so that
    table-unreadable reports them and the arithmetic of the table is skipped."""
    for c in cells:
        bd.loose.append(StatCell(bd.id, row, "", c.text, value_of(c.text), row_label, "", block, c))


def _short_row(gap: bool, nonblank: list, width: int) -> bool:
    """A row of a table split on runs of spaces with fewer numbers than the table has columns: which
    cells were left empty cannot be seen, so its numbers cannot be placed."""
    return gap and 0 < len(nonblank) < width


def _blank_cells(row: Row, n: int) -> list[tuple[int, Cell]]:
    """``n`` empty cells after the last cell of a row that ends with its labels (a text line whose empty
    cells were not written: a row left blank), positioned where they would be."""
    last = row.cells[-1]
    end = last.end_column
    return [(i, Cell(text="", row=last.row, col=last.col + 1 + i, line=last.line, column=end, end_column=end,
                     pointer=last.pointer)) for i in range(n)]


def _padded(row: Row, vals: list[tuple[int, Cell]], n: int, cut: Row | None) -> list[tuple[int, Cell]]:
    """The values of a grid row, with the trailing cells it lacks as empty cells.

    Copying an HTML table into a text file (and some exports) drops the empty cells at the end of a row:
    a data row with fewer cells than the header is read from the left, by the header, and the cells it
    lacks are blank — not missing, not 0.  Not for the last row of a file that ends in the table (``cut``:
    it may be cut off) and not for tables split on runs of spaces (there an empty cell leaves no trace
    anywhere in the row, see :func:`_short_row`)."""
    have = max((i for i, _ in vals), default=-1) + 1
    if row is cut or have >= n or not row.cells or not any(c.text for _, c in vals):
        return vals
    return vals + [(have + k, c) for k, (_, c) in enumerate(_blank_cells(row, n - have))]


def _header_start(header_rows: list[Row], match) -> int | None:
    """Grid column of the first value column named by the header (自然人 in table 三), or None."""
    best = None
    for r in header_rows:
        for c in r.cells:
            if c.text and match(c.text) is not None:
                best = c.col if best is None else min(best, c.col)
                break
    return best


# -- layout of the data rows --------------------------------------------------------------------------

def _is_s3_label(text: str) -> bool:
    if "区分处理" in text:
        return True  # the note of （二）部分公开 in a cell of its own
    return any(p.marker or (p.key and lb.match_s3_row(p.key, p.key2)) for p in lb.split_label(text))


def _is_s4_label(text: str) -> bool:
    return lb.match_s4(text) is not None


def _last_label(row: Row, known=_is_s3_label) -> int:
    """Index of the last label cell of a data row.  The first text cell is a label; a later text cell
    only when it reads as one (numbered, or a known label), so that text written in a value cell
    ("若干", "详见附件") stays a value."""
    last = -1
    seen_value = False
    for i, c in enumerate(row.cells):
        t = c.text
        if not t:
            continue
        if is_value(t):
            seen_value = True
        elif (last == -1 and not seen_value) or known(t):
            last = i
    return last


def _layout(data: list[tuple[Row, int]]) -> tuple[bool, int]:
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


def _with_values(data: list[tuple[Row, int]]) -> list[tuple[Row, int]]:
    """Rows that decide where the value columns start: labelled rows with a value (title rows that
    repeat a merged cell across the whole width say nothing about it)."""
    rows = [(r, ll) for r, ll in data if ll >= 0 and any(c.text and is_value(c.text) for c in r.cells)]
    return rows or [(r, ll) for r, ll in data if ll >= 0]


def _values(row: Row, last_label: int, aligned: bool, L: int) -> list[tuple[int, Cell]]:
    start = L if aligned else last_label + 1
    return [(i - start, c) for i, c in enumerate(row.cells) if i >= start]


def _continued(bd: Build, order: list[str | None], own_header: bool, aligned: bool, L: int) -> list[str | None]:
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


def _header_stack(header_rows: list[Row], col: int) -> list[str]:
    out = []
    for r in header_rows:
        if col < len(r.cells):
            out.append(r.cells[col].text)
        else:
            out.append("")
    return out


def _carried(header_rows: list[Row], col: int) -> list[str]:
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


def _reading_order(header_rows: list[Row]) -> list[tuple[str, Cell]]:
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


# -- table 三 -----------------------------------------------------------------------------------------------

@dataclass
class Ctx:
    top: str | None = None  # "result" inside 三、本年度办理结果
    group: str | None = None  # a sub-group id (result.not_open …)


def _ctx_update(ctx: Ctx, rid: str) -> None:
    if rid in ("new", "carried_over", "carried_forward"):
        ctx.top, ctx.group = None, None
    elif rid == "result":
        ctx.top, ctx.group = "result", None
    elif rid in lb.S3_SUBGROUPS:
        ctx.top, ctx.group = "result", rid
    else:
        spec = lb.S3_ROW_SPECS.get(rid)
        if spec is None:
            return
        if spec.group == "result":
            ctx.top, ctx.group = "result", None
        elif spec.group in lb.S3_SUBGROUPS:
            ctx.top, ctx.group = "result", spec.group


def _s3_fallback(p: lb.Part, ctx: Ctx) -> str | None:
    """A label whose text matched nothing: its number within the group it sits in, if the text is close."""
    cand = None
    if p.marker == "arabic" and ctx.group and p.num:
        kids = lb.S3_CHILDREN.get(ctx.group, ())
        cand = kids[p.num - 1] if p.num <= len(kids) else None
    elif p.marker == "paren" and p.paren_cn and p.num and ctx.top == "result":
        kids = lb.S3_CHILDREN["result"]
        cand = kids[p.num - 1] if p.num <= len(kids) else None
    elif p.marker == "cn" and p.num and p.num <= 4:
        cand = lb.S3_TOP[p.num - 1]
    if cand is not None:
        spec = lb.S3_ROW_SPECS[cand]
        if lb.similarity(p.key2, spec.key) >= 0.34:
            return cand
        return None
    if ctx.group and not p.marker and len(p.key2) >= 4:  # unnumbered: the closest label of the group
        best, score = None, 0.0
        for kid in lb.S3_CHILDREN.get(ctx.group, ()):
            s = lb.similarity(p.key2, lb.S3_ROW_SPECS[kid].key)
            if s > score:
                best, score = kid, s
        if score >= 0.6:
            return best
    return None


def resolve_s3(parts: list[tuple[lb.Part, Cell]], ctx: Ctx) -> tuple[str | None, Cell | None]:
    """Row id of a data row from its label parts (in order), updating the carried group context."""
    rid: str | None = None
    where: Cell | None = None
    n = len(parts)
    for i, (p, cell) in enumerate(parts):
        r = lb.match_s3_row(p.key, p.key2) if p.key else None
        if r is not None:
            spec = lb.S3_ROW_SPECS.get(r)
            # a short generic label (3.其他) under another group is not that group's row
            if (spec is not None and spec.group in lb.S3_SUBGROUPS and ctx.group and ctx.group != spec.group
                    and len(p.key) <= 2):
                r = None
        if r is None and i == n - 1 and p.key:
            r = _s3_fallback(p, ctx)
        if r is not None:
            _ctx_update(ctx, r)
            rid, where = r, cell
        elif i == n - 1 and p.key:
            return None, cell
    return rid, where


def _label_parts(row: Row, upto: int) -> list[tuple[lb.Part, Cell]]:
    parts: list[tuple[lb.Part, Cell]] = []
    prev = None
    for c in row.cells[: upto + 1]:
        t = c.text
        if not t or t == prev or is_value(t):
            continue
        prev = t
        for p in lb.split_label(t):
            parts.append((p, c))
    return parts


def _s3_is_header(row: Row) -> bool:
    """A header row: the 勾稽关系 note, or column labels (自然人, 法人或其他组织, 商业企业 …) and no numbers.
    总计 and 其他 alone do not make a header: they are also row labels (（七）总计, 3.其他)."""
    n_cols = 0
    for c in row.cells:
        t = c.text
        if not t:
            continue
        if lb.NOTE_S3 in t:
            return True
        if is_value(t):
            return False
        m = lb.match_s3_col(t)
        if m is not None and (m[0] == "group" or m[1] not in ("total", "other_org")):
            n_cols += 1
    return n_cols >= 1


def _s3_order(bd: Build, header_rows: list[Row], aligned: bool, L: int, width: int,
              used: set[int], block: Block) -> list[str | None]:
    """Column id for each value position (relative to the first value column)."""
    if not header_rows:
        return list(bd.order) if bd.order else list(lb.S3_CANONICAL_COLS)
    if aligned and used:
        order: list[str | None] = []
        labels: list[tuple[str, Cell | None]] = []
        ok = True
        for c in range(L, width):
            leaf, leaf_text, leaf_cell = None, "", None
            for r in header_rows:
                if c < len(r.cells) and r.cells[c].text:
                    m = lb.match_s3_col(r.cells[c].text)
                    if m and m[0] == "leaf":
                        leaf, leaf_text, leaf_cell = m[1], r.cells[c].text, r.cells[c]
                    elif not m:
                        leaf_text, leaf_cell = r.cells[c].text, r.cells[c]
            order.append(leaf)
            labels.append((leaf_text, leaf_cell))
            if leaf is None and (c - L) in used:
                ok = False
        ids = [o for o in order if o]
        if ok and ids and len(ids) == len(set(ids)) and len(ids) >= 3:
            for cid, (text, cell) in zip(order, labels):
                if cid:
                    bd.col_labels.setdefault(cid, _clean(text))
                    if cid == "org_subtotal":
                        bd.extra("col", _clean(text), block, cell)
            return order
    # the order of the header texts (merged cells dropped or not lined up)
    top: list[str] = []
    kids: list[str] = []
    texts: dict[str, tuple[str, Cell]] = {}
    for t, cell in _reading_order(header_rows):
        m = lb.match_s3_col(t)
        if m is None:
            continue
        kind, cid = m
        if kind == "group":
            if cid == "org" and "ORG" not in top:
                top.append("ORG")
            continue
        texts.setdefault(cid, (t, cell))
        if cid in lb.S3_ORG_CHILDREN:
            if cid not in kids:
                kids.append(cid)
        elif cid not in top:
            top.append(cid)
    if not top and not kids:
        return list(bd.order) if bd.order else list(lb.S3_CANONICAL_COLS)
    if kids and "ORG" not in top:
        at = top.index("natural_person") + 1 if "natural_person" in top else 0
        top.insert(at, "ORG")
    flat: list[str | None] = []
    for t in top:
        if t == "ORG":
            flat.extend(kids)
        else:
            flat.append(t)
    for cid in flat:
        if cid and cid in texts:
            bd.col_labels.setdefault(cid, _clean(texts[cid][0]))
            if cid == "org_subtotal":
                bd.extra("col", _clean(texts[cid][0]), block, texts[cid][1])
    return flat


def read_s3(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None) -> None:
    header_rows: list[Row] = []
    data: list[tuple[Row, int]] = []
    for row in rows:
        if not any(c.text for c in row.cells):
            continue
        if _s3_is_header(row):
            if not data:
                header_rows.append(row)
            continue
        data.append((row, _last_label(row)))
    aligned, L = _layout(_with_values(data))
    if gap:
        aligned = False  # positions mean nothing when empty cells vanish: labels, then numbers, per row
    H = _header_start(header_rows, lambda t: ((m := lb.match_s3_col(t)) and m[0] == "leaf") or None)
    if aligned and H is not None and H > L and not any(
            c.text and is_value(c.text) for row, _ll in data for c in row.cells[L:H]):
        # the item rows (1.属于国家秘密 …) whose third label column tells where the values start were
        # all left empty (their empty cells dropped): the header says where 自然人 is
        L = H
    width = max((len(r.cells) for r in rows), default=0)
    used: set[int] = set()
    for row, ll in data:
        for i, c in _values(row, ll, aligned, L):
            if c.text:
                used.add(i)
    order = _s3_order(bd, header_rows, aligned, L, width, used, block)
    order = _continued(bd, order, bool(header_rows), aligned, L)

    ctx = Ctx()
    for row, ll in data:
        parts = _label_parts(row, ll) if ll >= 0 else []
        rid, where = resolve_s3(parts, ctx) if parts else (None, None)
        vals = _values(row, ll, aligned, L)
        label_texts = {c.text for c in row.cells[: max(ll, 0) + 1] if c.text}
        vals = [(i, c) for i, c in vals if c.text not in label_texts]  # a merged label repeated across
        if not vals and ll >= 0 and ll == len(row.cells) - 1:
            # a row written as its labels only: every cell left empty (at the end of a cut file: not known)
            vals = [] if row is cut else _blank_cells(row, len(order))
        elif not gap:
            vals = _padded(row, vals, len(order), cut)
        nonblank = [(i, c) for i, c in vals if c.text]
        if rid is None:
            if nonblank:
                label = _clean(parts[-1][1].text) if parts else ""
                bd.unmap(label, "row", block, where or nonblank[0][1])
            continue
        row_label = _clean(where.text) if where is not None else rid
        if row is cut and len(vals) < len(order):
            bd.cut_row = rid
            bd.row_labels.setdefault(rid, row_label)
        if rid == "result.other":
            bd.s3_other_seen = True
            if nonblank:
                bd.s3_other_values = True
        elif rid in lb.S3_2021_ONLY_ROWS:
            bd.s3_other_subrows = True
        elif rid == "result.total" and bd.s3_other_seen:
            bd.s3_total_after_other = True
        spec = lb.S3_ROW_SPECS.get(rid)
        if spec is not None and not spec.data and rid != "result.other" and not nonblank:
            bd.row_labels.setdefault(rid, row_label)
            continue  # a group row with no numbers of its own
        if rid == "result.other" and not nonblank:
            # 2021: a group row; 2019: a data row left blank — its cells are kept once the version is known
            bd.row_labels.setdefault(rid, row_label)
            for i, c in vals:
                cid = order[i] if 0 <= i < len(order) else None
                if cid is not None:
                    bd.pending_other.append((cid, c, row_label, block))
            continue
        if _short_row(gap, nonblank, len(order)):
            bd.row_labels.setdefault(rid, row_label)
            _unplaced(bd, rid, row_label, block, [c for _, c in nonblank])
            continue
        for i, c in vals:
            cid = order[i] if 0 <= i < len(order) else None
            if cid is None:
                if c.text:
                    bd.unmap(_col_text(header_rows, c.col), "col", block, c)
                continue
            bd.add(rid, cid, c.text, row_label, bd.col_labels.get(cid, ""), block, c)


def _col_text(header_rows: list[Row], col: int) -> str:
    for t in reversed(_header_stack(header_rows, col)):
        if t:
            return _clean(t)
    return f"第{col + 1}列"


# -- table 四 ---------------------------------------------------------------------------------------------

def _s4_is_header(row: Row) -> bool:
    hits = 0
    for c in row.cells:
        t = c.text
        if not t:
            continue
        if is_value(t):
            return False
        m = lb.match_s4(t)
        if m is not None and m[0] != "row":
            hits += 1
    return hits >= 1


def _s4_order(header_rows: list[Row], aligned: bool, L: int, width: int, used: set[int],
              labels: dict[str, str]) -> list[str | None]:
    if not header_rows:
        return list(lb.S4_CANONICAL_COLS)
    if aligned and used:
        order: list[str | None] = []
        seen: dict[str, int] = {}
        ok = True
        texts: dict[str, str] = {}
        for c in range(L, width):
            result, rtext = None, ""
            for t in _header_stack(header_rows, c):
                m = lb.match_s4(t) if t else None
                if m and m[0] == "result":
                    result, rtext = m[1], t
            block = None
            for t in _carried(header_rows, c):
                m = lb.match_s4(t) if t else None
                if m and m[0] == "block":
                    block = m[1]
            if result is None:
                order.append(None)
                if (c - L) in used:
                    ok = False
                continue
            k = seen.get(result, 0)
            seen[result] = k + 1
            if block is None:
                block = lb.S4_BLOCK_ORDER[k] if k < 3 else None
            cid = f"{block}.{result}" if block else None
            order.append(cid)
            if cid:
                texts[cid] = rtext
        ids = [o for o in order if o]
        if ok and ids and len(ids) == len(set(ids)):
            for cid, t in texts.items():
                labels.setdefault(cid, _clean(t))
            return order
    results: list[tuple[str, str]] = []
    blocks: list[str] = []
    for t, _ in _reading_order(header_rows):
        m = lb.match_s4(t)
        if m is None:
            continue
        if m[0] == "result":
            results.append((m[1], t))
        elif m[0] == "block" and m[1] != "review" and m[1] not in blocks:
            blocks.append(m[1])
    block_order = ["review"] + blocks + [b for b in lb.S4_BLOCK_ORDER[1:] if b not in blocks]
    if not results:
        return list(lb.S4_CANONICAL_COLS)
    # runs of results, a new run at each repeat of a result already in the run
    runs: list[list[tuple[str, str]]] = [[]]
    for r in results:
        if any(r[0] == x[0] for x in runs[-1]):
            runs.append([])
        runs[-1].append(r)
    if len(runs) == 1:
        runs = runs * 3
    order = []
    for k, run in enumerate(runs[:3]):
        for r, t in run:
            cid = f"{block_order[k]}.{r}"
            order.append(cid)
            labels.setdefault(cid, _clean(t))
    return order


def read_s4(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None) -> None:
    header_rows: list[Row] = []
    data: list[tuple[Row, int]] = []
    for row in rows:
        if not any(c.text for c in row.cells):
            continue
        if _s4_is_header(row) and not data:
            header_rows.append(row)
            continue
        if not any(c.text and is_value(c.text) for c in row.cells) and not any(
                c.text and (m := lb.match_s4(c.text)) and m[0] == "block" for c in row.cells):
            continue  # a note row
        data.append((row, _last_label(row, _is_s4_label)))
    aligned, L = _layout(_with_values(data))
    if gap:
        aligned = False  # positions mean nothing when empty cells vanish: labels, then numbers, per row
    width = max((len(r.cells) for r in rows), default=0)
    used: set[int] = set()
    for row, ll in data:
        for i, c in _values(row, ll, aligned, L):
            if c.text:
                used.add(i)
    transposed = any(any((m := lb.match_s4(c.text)) and m[0] == "block" for c in row.cells[: ll + 1] if c.text)
                     for row, ll in data)
    if header_rows:
        order = _s4_order(header_rows, aligned, L, width, used, bd.col_labels)
    else:
        order = list(bd.order) if bd.order else list(lb.S4_CANONICAL_COLS)
    order = _continued(bd, order, bool(header_rows), aligned, L)
    for row, ll in data:
        label_cells = [c for c in row.cells[: ll + 1] if c.text and not is_value(c.text)]
        row_block = None
        for c in label_cells:
            m = lb.match_s4(c.text)
            if m and m[0] == "block":
                row_block = m[1]
        vals = _values(row, ll, aligned, L)
        if transposed:
            if row_block is None:
                if any(c.text for _, c in vals):
                    bd.unmap(_clean(label_cells[-1].text) if label_cells else "", "row", block,
                             label_cells[-1] if label_cells else None)
                continue
            results = []
            for o in order:
                r = o.split(".", 1)[1] if o else None
                if r in results:
                    break
                results.append(r)
            if not gap:
                vals = _padded(row, vals, len(results), cut)
            nonblank = [c for _, c in vals if c.text]
            if _short_row(gap, nonblank, len(results)):
                _unplaced(bd, "cases", _clean(label_cells[-1].text), block, nonblank)
                continue
            for i, c in vals:
                r = results[i] if 0 <= i < len(results) else None
                if r is None:
                    if c.text:
                        bd.unmap(_col_text(header_rows, c.col), "col", block, c)
                    continue
                cid = f"{row_block}.{r}"
                bd.add("cases", cid, c.text, _clean(label_cells[-1].text), sc_label(cid), block, c)
            continue
        lab = _clean(label_cells[-1].text) if label_cells else "数量"
        if label_cells:
            m = lb.match_s4(label_cells[-1].text)
            if m is None or m[0] != "row":
                if any(c.text for _, c in vals) and ("cases", order[0] or "") in bd.cells:
                    bd.unmap(lab, "row", block, label_cells[-1])
                    continue
        if not gap:
            vals = _padded(row, vals, len(order), cut)
        nonblank = [c for _, c in vals if c.text]
        if _short_row(gap, nonblank, len(order)):
            _unplaced(bd, "cases", lab, block, nonblank)
            continue
        for i, c in vals:
            cid = order[i] if 0 <= i < len(order) else None
            if cid is None:
                if c.text:
                    bd.unmap(_col_text(header_rows, c.col), "col", block, c)
                continue
            bd.add("cases", cid, c.text, lab, bd.col_labels.get(cid, sc_label(cid)), block, c)


def sc_label(cid: str) -> str:
    b, r = cid.split(".", 1)
    bl = dict(lb.sc.S4_BLOCKS).get(b, b)
    rl = dict(lb.sc.S4_RESULTS).get(r, r)
    return f"{bl}·{rl}"


# -- table 二 ---------------------------------------------------------------------------------------------

def _s2_title(text: str) -> bool:
    return norm(text).startswith(lb.TITLE_S2)


def s2_version_votes(bd: Build, row_ids: list[str], col_ids: list[str], texts: list[str]) -> None:
    for i in (*row_ids, *col_ids):
        if i in lb.S2_ONLY_2019:
            bd.votes_2019 += 1
        elif i in lb.S2_ONLY_2021:
            bd.votes_2021 += 1
    for t in texts:
        k = norm(lb.sc.strip_number(t))
        if k == lb.S2_WEAK_2019:
            bd.weak_2019 += 1
        elif k == lb.S2_WEAK_2021:
            bd.weak_2021 += 1


def _s2_row_of(text: str) -> str | None:
    parts = lb.split_label(text)
    if not parts:
        return None
    p = parts[-1]
    return lb.match_s2_row(p.key, p.key2) or (lb.match_s2_row(*lb.keys_of(text)) if len(parts) > 1 else None)


def read_s2(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None) -> None:
    # first pass: which version do the labels speak?
    items: list[tuple[Row, str, int, str | None]] = []  # (row, kind, label index, row id)
    row_ids: list[str] = []
    col_ids: list[str] = []
    label_texts: list[str] = []
    for row in rows:
        cells = row.cells
        first = next((i for i, c in enumerate(cells) if c.text and not _s2_title(c.text)), None)
        if any(c.text and _s2_title(c.text) for c in cells):
            items.append((row, "title", -1, None))
        if first is None:
            continue
        t0 = cells[first].text
        if is_value(t0):
            items.append((row, "data", first - 1, None))
            continue
        rid = _s2_row_of(t0)
        cols = [lb.match_s2_col(c.text) for c in cells[first:] if c.text and not is_value(c.text)]
        if rid is None and (norm(t0) == lb.S2_HEAD or any(cols)):
            items.append((row, "header", first, None))
            col_ids.extend(c for c in cols if c)
            continue
        items.append((row, "data", first, rid))
        if rid:
            row_ids.append(rid)
            label_texts.append(t0)
    s2_version_votes(bd, row_ids, col_ids, label_texts)
    version = bd.detected() or "2021"
    sch = schema("s2", version)
    other = schema("s2", "2019" if version == "2021" else "2021")

    header: list[str | None] | None = None
    header_cells: list[Cell] = []
    last_title = None
    for row, kind, li, rid in items:
        cells = row.cells
        if kind == "title":
            title = norm(next(c.text for c in cells if c.text and _s2_title(c.text)))
            if title != last_title:
                header = None
                last_title = title
            continue
        if kind == "header":
            header, header_cells = [], []
            start = li + 1 if norm(cells[li].text) == lb.S2_HEAD else li
            for c in cells[start:]:
                cid = lb.match_s2_col(c.text) if c.text else None
                header.append(cid)
                header_cells.append(c)
                if cid:
                    bd.col_labels.setdefault(cid, _clean(c.text))
            continue
        vals = [(i, c) for i, c in enumerate(cells[li + 1:])] if li >= -1 else []
        nonblank = [(i, c) for i, c in vals if c.text]
        label = _clean(cells[li].text) if li >= 0 else ""
        if rid is None:
            if nonblank:
                bd.unmap(label, "row", block, cells[li] if li >= 0 else nonblank[0][1])
            continue
        if rid in lb.S2_EXTRA_ROW_IDS:
            bd.extra("row", label, block, cells[li])
        if header is not None:
            cols = header
        else:
            cols = list(sch.cols_of(rid) or other.cols_of(rid)) if rid not in lb.S2_EXTRA_ROW_IDS else []
            if rid in lb.S2_EXTRA_ROW_IDS:
                cols = list(sch.cols_of("rules"))
        if not vals and li >= 0 and li == len(cells) - 1:
            # a row written as its label only: every cell left empty (at the end of a cut file: not known)
            vals = [] if row is cut else _blank_cells(row, len(cols))
        elif header is not None and not gap:
            vals = _padded(row, vals, len(cols), cut)
        if row is cut and len(vals) < len(cols):
            bd.cut_row = rid
            bd.row_labels.setdefault(rid, label)
        if _short_row(gap, nonblank, len(cols)):
            bd.row_labels.setdefault(rid, label)
            _unplaced(bd, rid, label, block, [c for _, c in nonblank])
            continue
        groups: dict[str, list[Cell]] = {}
        prev: str | None = None
        for i, c in vals:
            cid = cols[i] if i < len(cols) else None
            if cid is None and header is not None and i < len(header_cells) and not header_cells[i].text:
                cid = prev  # a header cell merged over several value cells and left empty right of its text
            prev = cid
            if cid is None:
                if c.text and not _placeholder(c.text):  # "/" or "—" in a cell without a column says nothing
                    htext = _clean(header_cells[i].text) if header is not None and i < len(header_cells) else ""
                    bd.unmap(htext or f"第{c.col + 1}列", "col", block, c)
                continue
            groups.setdefault(cid, []).append(c)
        for cid, members in groups.items():
            c = _merged_value(members)
            if c is None:  # two different values under one column: which one is meant cannot be told (DL001)
                bd.row_labels.setdefault(rid, label)
                _unplaced(bd, rid, label, block, [m for m in members if m.text and not _placeholder(m.text)])
                continue
            bd.add(rid, cid, c.text, label, bd.col_labels.get(cid, ""), block, c)


def _placeholder(text: str) -> bool:
    return value_of(text).kind in ("slash", "dash", "none", "na")


def _merged_value(cells: list[Cell]) -> Cell | None:
    """The cell that holds the value of a column whose header is merged over several cells of the row (the
    2021 template's 本年处理决定数量 over three cells, a header repeated by an export): the one number (or
    text) among them, wherever the clerk typed it — the same value repeated (a merged value cell expanded)
    counts once; "/" and "—" in the other cells only fill them.  Without a number, the first cell that is
    not empty, else the first cell.  None when two different values share the column."""
    if len(cells) == 1:
        return cells[0]
    filled = [c for c in cells if c.text and not _placeholder(c.text)]
    if filled:
        return filled[0] if len({c.text for c in filled}) == 1 else None
    return next((c for c in cells if c.text), cells[0])


