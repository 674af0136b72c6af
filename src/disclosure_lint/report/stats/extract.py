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
are read as its rows (:func:`.tail.tail_rows`) — a lone line with tabs by the cells of its source line, whose
tabs (leading ones too) keep every position (a browser copy of a table whose zeros were left blank:
``4.保护第三方合法权益\t1\t\t\t\t\t\t1``) — and rows still missing are taken from lone lines read one
cell per line (:func:`_complete`).  A part of a table that continues an earlier part without a
header keeps the earlier part's columns, shifted when its values start at another grid column.

**Where each part lives.** This module finds the table blocks, hands each table's rows to its reader and
merges the parts; :mod:`.segments` splits a block's rows into tables; :mod:`.table2`, :mod:`.table3`,
:mod:`.table4` read the rows of one table; :mod:`.grid` holds what they share (cell values, the table being
assembled, the grid of a block); :mod:`.tail` finds the rows written after a text table; :mod:`.flat` (with
:mod:`.runs`) reads flattened text; :mod:`.labels` and :mod:`.schema` match labels to ids.

Nothing with a number is dropped silently: a row or column label that matches nothing is listed
in :attr:`StatTable.unmapped`; accepted local additions (a 小计 column, a 其他主动公开文件 row) in
``extra_cols`` / ``extra_rows`` (their cells are kept under the ids ``org_subtotal`` / ``other_docs``).
"""


from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from ...model import Block, Cell, Row
from ..catalogue import TABLE_IDS
from . import labels as lb
from .flat import read_flat
from .grid import Build, clean, drop_index_column, to_loose
from .layout_rows import is_s3_data_label, pair_number_rows
from .model import StatTable
from .relabel import place_relabelled
from .schema import S3_COLS, schema
from .segments import section_hints, split_block
from .table2 import read_s2, s2_row_of
from .table3 import Ctx, read_s3, resolve_s3
from .table4 import numbers_after, read_s4
from .tail import TailLine, tail_lines, tail_rows

if TYPE_CHECKING:
    from .. import AnnualReport

_INDEX = attrgetter("index")

# -- the extractor ---------------------------------------------------------------------------------

def extract(report: AnnualReport) -> dict[str, StatTable]:
    hints = section_hints(report)
    builds: dict[str, Build] = {}
    gaps = frozenset(getattr(getattr(report, "document", None), "space_separated_tables", ()))

    def build(tid: str) -> Build:
        if tid not in builds:
            builds[tid] = Build(tid)
        return builds[tid]

    blocks = report.blocks
    text_format = getattr(getattr(report, "document", None), "format", None) == "text"
    # the index of the last block with text (not only whitespace); found from the end when the indices ascend (the
    # readers number blocks in order), else by the max over every block
    indices = list(map(_INDEX, blocks))
    if indices == sorted(indices):
        last_text = next((b.index for b in reversed(blocks) if b.text.strip()), -1)
    else:
        last_text = max((b.index for b in blocks if b.text.strip()), default=-1)
    lines = (report.document.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
             if text_format and report.document.text else None)
    for k, blk in enumerate(blocks):
        if blk.kind != "table" or blk.table is None or not blk.table.rows:
            continue
        hint = hints.get(blk.index)
        gap = blk.index in gaps
        tail = tail_lines(blocks, k + 1, hint, hints, lines, gap) if text_format else []
        # the file ends in this table: its last row may be cut off, not short of empty cells
        _read_table(blk, hint, build, gap, tail, last_text, _group_above(blocks, k) if hint == "s4" else None)

    s4 = builds.get("s4")
    if text_format and s4 is not None and s4.blocks and not (s4.cells or s4.loose):
        _numbers_after(s4, blocks, hints)  # a text table of table 四's header alone, its numbers a line after it
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
        if tid == "s3" and bd.unmapped:
            place_relabelled(bd, schema(tid, version))
        out[tid] = StatTable(
            id=tid, schema=schema(tid, version), detected_version=detected, blocks=bd.blocks, cells=bd.cells,
            unmapped=bd.unmapped, extra_rows=bd.extra_rows, extra_cols=bd.extra_cols, layout=bd.layout,
            subtotals=bd.subtotals, relabelled=bd.relabelled,
            row_labels=bd.row_labels, col_labels=bd.col_labels, loose=bd.loose, cut_row=bd.cut_row,
        )
    return out


def _numbers_after(bd: Build, blocks, hints: dict[int, str]) -> None:
    """The first paragraph after the last block of table 四 (in its part, before anything else but a line of its
    header), when it is a line of numbers alone: its row (:func:`.table4.numbers_after`)."""
    last = bd.blocks[-1].index
    for k, b in enumerate(blocks):
        if b.index != last:
            continue
        for nxt in blocks[k + 1:k + 4]:
            if nxt.kind != "paragraph" or hints.get(nxt.index) != "s4":
                return
            if numbers_after(bd, nxt):
                return
            if lb.match_s4(nxt.text.strip()) is None:
                return  # not a header word left over (总计): the table has ended
        return


def _rows_missing(bd: Build, report: AnnualReport) -> bool:
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



def _group_above(blocks: Sequence[Block], k: int) -> str | None:
    """The group of table 四 that the short heading right above ``blocks[k]`` names (``### 行政诉讼（未经复议直接起诉）``:
    a converter's table 四 as three small tables, each under its group's name), as its label in the format; None."""
    prev = blocks[k - 1] if k else None
    t = prev.text if prev is not None and prev.kind != "table" and len(prev.text) <= 30 else ""
    if "直接起诉" in t or "未经复议" in t:
        return "未经复议直接起诉"
    if "复议后" in t:
        return "复议后起诉"
    return "行政复议" if "复议" in t and "诉讼" not in t else None


def _under_group(rows: list[Row], group: str) -> list[Row] | None:
    """``rows`` of a table 四 that holds one group's results and no group's name, under a header row naming
    ``group`` (:func:`_group_above`); None when the table names its groups itself."""
    for row in rows[:3]:
        for c in row.cells:
            m = lb.match_s4(c.text) if c.text else None
            if m is not None and m[0] in ("block", "super"):
                return None
    return [Row(cells=(Cell(text=group, row=-1, col=0),), header=True), *rows]


def _read_table(b: Block, hint: str | None, build: Callable[[str], Build], gap: bool = False, tail: list[TailLine] | None = None,
                last_text: int | None = None, group: str | None = None) -> None:
    """``gap``: the cells are separated by runs of spaces, so an empty cell leaves no trace: a row with
    fewer numbers than the table has columns cannot be placed (its numbers go to ``loose``), and the
    columns come from the order of the header texts, not from their positions.  ``tail``: bare label
    lines after the block that may be rows of its last table (:func:`.tail.tail_rows`).  ``last_text``: index of the
    last block with text; when the table's last row (in this block or a tail line taken) is there, the
    document ends with it, so it may be cut off (it is not padded with empty cells)."""
    segs = split_block(b)
    unplaced: list[tuple[str, list[Cell]]] = []
    tail_blocks: list[Block] = []
    if tail and segs and segs[-1].id in ("s2", "s3"):
        rows, unplaced, tail_blocks = tail_rows(segs[-1], tail, gap)
        if rows:
            segs[-1].rows.extend(rows)
            segs[-1].shape = None  # (its rows' shape no longer)
    if gap:
        for seg in segs:
            if seg.id == "s3":  # a row's numbers on a line of their own (a PDF's text kept with its layout)
                paired = pair_number_rows(seg.rows, len(S3_COLS), is_s3_data_label)
                if paired is not seg.rows:
                    seg.rows, seg.shape = paired, None
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
        # a 序号 column: its numbers are not the table's (not looked for in rows whose shape has none: seg.index)
        indexed = drop_index_column(seg.rows) if seg.index or seg.shape is None else None
        if indexed is not None:
            seg.rows, seg.shape = indexed, None
        bd = build(seg.id)
        bd.add_block(b)
        end = tail_blocks[-1] if tail_blocks else b
        open_end = last_text is not None and end.index >= last_text
        cut = seg.rows[-1] if open_end and seg is segs[-1] and seg.rows else None
        if seg.id == "s2":
            read_s2(bd, seg.rows, b, gap, cut, seg.shape)
        elif seg.id == "s3":
            read_s3(bd, seg.rows, b, gap, cut, seg.shape)
        else:
            grouped = _under_group(seg.rows, group) if group is not None else None
            if grouped is not None:
                seg.rows, seg.shape = grouped, None
            read_s4(bd, seg.rows, b, gap, cut, seg.shape)
        if seg is segs[-1]:
            for tb in tail_blocks:
                bd.add_block(tb)
            for label, cells in unplaced:
                if seg.id == "s2":
                    rid = s2_row_of(label)
                else:
                    parts = [(p, cells[0]) for p in lb.split_label(label)]
                    rid = resolve_s3(parts, Ctx())[0] if parts else None
                if rid:
                    bd.row_labels.setdefault(rid, clean(label))
                order = bd.order or []
                if seg.id == "s3" and rid and not gap and len(cells) == len(order) and all(order):
                    # as many numbers as the table has columns: none was left empty, so their order is
                    # their place, whatever label cells the line lost (an HTML table copied as text)
                    for cid, c in zip([o for o in order if o], cells):  # all(order): every one
                        bd.add(rid, cid, c.text, clean(label), bd.col_labels.get(cid, ""), b, c)
                    continue
                to_loose(bd, rid or "", clean(label), b, cells)
