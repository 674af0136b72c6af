"""Table kinds: the shape of the three statistics tables (sections 二, 三, 四).

They read the typed tables of ``report.stats`` (see :mod:`disclosure_lint.report.stats`)
and never the cell arithmetic, which the statistics kinds (DL2xx) check:

* ``table-format-version``: a table filled in the wrong unified format for the report
  year — 2019 rows or columns (本年新制作数量, 政府集中采购, （六）其他处理 without
  sub-rows) in a 2021+ report, or 2021 labels (本年制发件数, （六）1.申请人无正当理由逾期
  不补正…) in a 2019/2020 report.  The labels that give the version away are named.
* ``table-missing-rows``: a readable grid table lacks rows or columns of its schema
  (one finding per table).  Silent for tables printed one cell per line, images,
  tables in the other format version (``table-format-version`` says so) and tables
  with labels the tool could not read (``table-unreadable`` says so): a row we could
  not recognise must not be reported as missing.  When the file ends inside the table
  (``report.truncation``: a truncated copy or scraped excerpt), only gaps before the last row
  read count, and the row the file ends in (``StatTable.cut_row``, read short) asks for no column.
* ``table-extra-rows``: local additions (其他主动公开文件, a 小计 column) — accepted,
  reported as information.
* ``table-unreadable`` (:mod:`.table_unreadable`): what the tool could not read of a table present in the report.

Labels of the *other* format version are recognised labels, not unreadable ones, and
not local additions: they are left to ``table-format-version``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..memo import LONGEST, Kept
from ..model import Block, Cell
from ..report import catalogue as cat
from ..report.catalogue import TABLE_SHORT_NAMES
from ..report.stats.added import added_row
from ..report.stats.beside import rows_beside
from ..report.stats.model import Unmapped
from ..report.stats.schema import SCHEMAS, norm, schema, strip_number
from ..report.stats.table3 import SUBTOTAL_KEYS
from ..report.year import inferred_note
from . import register
from .base import Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

VERSIONS = (cat.V2019, cat.V2021)

# Header and title cells of the official tables: structure, not data labels.
STRUCTURAL = frozenset(norm(x) for x in (
    "信息内容", "申请人情况", "法人或其他组织", "行政诉讼", "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
    "勾稽关系", "序号", "项目", "栏目", "单位件", "单位万元", "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况", "政府信息公开行政复议行政诉讼情况",
))
_ARTICLE = ("第二十条", "第二十一条")


# a label as written → its key, kept across reports (the same labels in every report)
_KEYS: Kept[str, str] = Kept("tables: a label's matching key", 4096)


def _key(label: str) -> str:
    """Matching key of a row or column label as written (number, brackets and spaces dropped)."""
    k = _KEYS.get(label)
    if k is None:  # (a search for the number and a normalisation: ≈0.5 µs a label, a dozen of them a table)
        k = norm(strip_number(label))
        if len(label) <= LONGEST:
            _KEYS.keep(label, k)
    return k


@cache
def _keys(tid: str, version: str) -> tuple[frozenset[str], frozenset[str]]:
    """(row keys, column keys) of a table in one format version."""
    sch = schema(tid, version)
    rows = frozenset(k for r in sch.rows for k in r.keys)
    cols = frozenset(norm(strip_number(k)) for c in sch.cols for k in c.keys) | frozenset(
        k for c in sch.cols for k in c.keys)
    return rows, cols


@cache
def _known(tid: str) -> tuple[frozenset[str], frozenset[str]]:
    """Keys recognised in any version (the other version's labels are not "unreadable")."""
    rows: set[str] = set()
    cols: set[str] = set()
    for t, version in SCHEMAS:
        if t == tid:
            r, c = _keys(tid, version)
            rows |= r
            cols |= c
    return frozenset(rows), frozenset(cols)


def _label_ok(label: str) -> bool:
    """Not a header/title cell or article line (第二十条第（一）项)."""
    k = norm(label)
    return bool(k) and k not in STRUCTURAL and not k.startswith(_ARTICLE) and not k.isdigit()


def quote_labels(labels: list[str], limit: int = 10) -> str:
    shown = "".join(f"“{x}”" for x in labels[:limit])
    return shown + (f"等{len(labels)}项" if len(labels) > limit else "")


def _written_labels(table, what: str, blocks: Sequence[Block] = (), keep: Callable[[str], bool] | None = None,
                    ordered: bool = True) -> list[tuple[str, Block | None, Cell | None]]:
    """Every row (or column) label as written, with where it is: mapped, unmapped and extra.  ``blocks``: the
    document's blocks, where a label of a table one cell a line printed on two lines is found whole.  ``keep``: only
    the labels it keeps, the others never placed (finding a label's cell scans its block's grid: for every label of
    every table, most of them dropped after).  ``ordered``: in reading order (:func:`label_order`), else in the order
    they are found (a caller that sorts them itself, by that key: a stable sort gives the same order)."""
    out: list[tuple[str, Block | None, Cell | None]] = []
    seen: set[str] = set()

    def add(label, block, cell):
        if label and label not in seen:
            seen.add(label)
            out.append((label, block, cell))

    for sc in table.cells.values():
        label = sc.row_label if what == "row" else sc.col_label
        if label and label not in seen:
            if keep is not None and not keep(label):
                seen.add(label)  # (never added: the places below add none of its kind)
                continue
            at = _label_cell(sc.block, label, sc.cell.row if sc.cell is not None and what == "row" else None)
            if at is None and sc.block is not None and sc.block.table is None:
                # a table one cell a line: the label's own line, not the value's
                written = _written_block(table, label, blocks)
                if written is not None:
                    add(label, written, None)
                    continue
            add(label, sc.block, at or sc.cell)
    if keep is not None:
        _add = add

        def add(label, block, cell):
            if label and label not in seen and not keep(label):
                seen.add(label)
                return
            _add(label, block, cell)

    for u in table.unmapped:
        if u.what == what:
            add(u.label, u.block, u.cell)
    for label, block, cell in (table.extra_rows if what == "row" else table.extra_cols):
        add(label, block, cell)
    labels = table.row_labels if what == "row" else table.col_labels
    for label in labels.values():
        add(label, table.blocks[0] if table.blocks else None, None)
    if ordered:
        out.sort(key=lambda t: label_order(t[1], t[2]))
    return out


def _written_block(table, label: str, blocks: Sequence[Block] = ()) -> Block | None:
    """The block of ``table`` (one cell a line) whose text is ``label`` (spaces and line breaks aside), or that starts it
    when it was printed on two or three lines (本年新 / 制作数量: the document's next ``blocks``), or None."""
    key = "".join(label.split())
    for b in table.blocks:
        text = "".join(b.text.split())
        if b.table is not None or not text or not key.startswith(text):
            continue
        for nxt in blocks[b.index + 1:b.index + 3] if text != key else ():
            text += "".join(nxt.text.split())
            if not key.startswith(text) or text == key:
                break
        if text == key:
            return b
    return None


def _label_cell(block, label: str, row: int | None = None):
    """The grid cell of ``block`` that holds ``label`` (in grid row ``row`` when given), or None."""
    grid = getattr(block, "table", None) if block is not None else None
    if grid is None:
        return None
    want = label.strip()
    rows = grid.rows
    if row is not None:
        rows = [r for r in grid.rows if r.cells and r.cells[0].row == row] or grid.rows
    for r in rows:
        for c in r.cells:
            if c.text.strip() == want:
                return c
    for r in rows:
        for c in r.cells:
            if want and want in c.text:
                return c
    return None


def label_line(block, cell) -> int:
    if cell is not None and getattr(cell, "line", None) is not None:
        return cell.line
    if block is not None and block.line is not None:
        return block.line
    return 10**9


def _col(cell) -> int:
    return (cell.column or 0) if cell is not None and cell.column is not None else 0


def label_order(block, cell) -> tuple[int, int, int, int, int]:
    """Reading order of a label in every format: its block, then its grid row and column (Word and PDF
    have no source lines, so ordering by line alone put their labels in a different order than Markdown's)."""
    return (block.index if block is not None else 10**9,
            cell.row if cell is not None else 10**9, cell.col if cell is not None else 0,
            label_line(block, cell), _col(cell))


def expected_version(report) -> str | None:
    v = report.format_version
    return v if v in VERSIONS else None


def cut_off(report, tid: str) -> bool:
    """Does the document end inside this table (``report.truncation``: an excerpt, a page cut off)?"""
    t = report.truncation
    return t is not None and t.table == tid


def first_block(table):
    return table.blocks[0] if table.blocks else None


def hit_at(block, cell) -> dict:
    """Hit position for a label: the cell when the table is a grid, else the block."""
    if cell is not None:
        return {"block": block, "cell": cell}
    return {"block": block}


def stat_tables(report):
    stats = report.stats
    for tid in ("s2", "s3", "s4"):
        t = stats.get(tid)
        if t is not None:
            yield tid, t


def truly_unmapped(table, ignore: frozenset[str] = frozenset()) -> list:
    """Unmapped labels that are not labels of any format version, header cells or extras.  A clerk's own row inside a
    group of table 三 (:func:`.added.added_row`: ``9.其他原因`` after （三）不予公开's 8 items) is not one when it is the only
    label the tool could not place: it is the report's addition (:func:`stray_items`, DL111), not the tool's failure;
    beside another unread label it is listed with it (the table was not read whole, so its group is not sure)."""
    known_rows, known_cols = _known(table.id)
    extra = {norm(strip_number(lbl)) for lbl, _b, _c in (*table.extra_rows, *table.extra_cols)}
    out: list[Unmapped] = []
    added: list[Unmapped] = []
    for u in table.unmapped:
        if not _label_ok(u.label):
            continue
        k = _key(u.label)
        if not k or k in ignore or norm(u.label) in ignore or k in extra:
            continue
        if (u.what == "row" and k in known_rows) or (u.what == "col" and k in known_cols):
            continue
        (added if added_row(table, u) is not None else out).append(u)
    if added and (out or unplaced_columns(table) or any(c.value.kind != "blank" for c in table.loose)):
        listed = {id(u) for u in (*out, *added)}
        return [u for u in table.unmapped if id(u) in listed]  # (in the table's order)
    return out


def stray_items(table) -> list[tuple[Unmapped, str, int]]:
    """Table 三's numbered rows past the last item of the group they sit in, written with a label of the format
    (``9.其他`` under （三）不予公开, which has items 1–8; ``4.其他`` under （四）无法提供; or unnumbered, ``其他``): a
    clerk's added item.
    :func:`truly_unmapped` leaves them out (其他 is a label of the format, （六）其他处理's 3.其他), so without this
    their numbers were dropped without a word.  Each with the group it sits in and how many items that group has in
    the format the table was read with.  None in a table the tool could not read whole (:func:`unreadable`: a
    label cut across lines puts the rows after it in the wrong group), nor in a table of the other format."""
    if table.id != "s3" or unreadable(table):
        return []
    if table.detected_version in VERSIONS and table.detected_version != table.schema.version:
        return []
    out = []
    for u in table.unmapped:
        if not _label_ok(u.label):
            continue
        items = added_row(table, u)
        if items is not None:
            out.append((u, u.group, items))
    return out


def unplaced_columns(table) -> list:
    """Unmapped header labels that are an official column's (``其他结果``) while that column has no cell: the label is
    there and the tool could not place it (a header read in pieces, the second of two equal labels), so the column is
    not missing (DL110) and the tool says it could not read it (DL001).  The columns found are gathered only for such
    a label (most tables have none; asked five times a report, by DL001, DL109, DL110 and DL205)."""
    cols = table.schema.cols
    found: set[str] | None = None
    out = []
    for u in table.unmapped:
        if u.what != "col" or not _label_ok(u.label):
            continue
        if found is None:
            found = table.cols_found
        k = _key(u.label)
        if any(c.id not in found and (k in c.keys or k in {_key(x) for x in c.keys}) for c in cols):
            out.append(u)
    return out


def unreadable(table) -> bool:
    """Whether table-unreadable (DL001) reports the table, its options aside: labels it could not map (of no format
    version) or columns it could not place, or numbers it could not place in a row and column."""
    return bool(truly_unmapped(table) or unplaced_columns(table) or loose_values(table))


def loose_values(table) -> list:
    """The numbers the tool could not place in a row and column — but those of a row of the other format's (its
    labels unknown to this one: table-format-version says so)."""
    return [c for c in table.loose if c.value.kind != "blank"
            and not (c.row and other_version_row(table.id, c.row_label, table.detected_version))]


# -- table-format-version ----------------------------------------------------------------------------

_UNREAD_NOTE = "；但工具未能读全该表（见DL001），这一判断依据的是已读出的栏目，请人工核对"


@register
class TableFormatVersion(Kind[KindOptions]):
    """A table filled in the other unified format than the report year calls for."""

    name = "table-format-version"
    Options = KindOptions
    params = frozenset({"table", "detected", "expected", "clues", "basis", "unread", "note"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        for tid, table in stat_tables(report):
            expected = expected_version(report)
            detected = table.detected_version
            if expected is None or (detected not in VERSIONS and not (detected is None and tid == "s2")):
                continue
            part = False
            # (table 二 of neither format, its first block's columns the other's and the rest this one's: 本年新 |
            # 本年新 | 对外公开总数量 above 本年处理决定数量, a real bureau's — its part said, as for a block left in below)
            if detected == expected or detected is None:
                # table 二 in the right format with a block of the other one left in it (第二十条第（九）项 政府集中采购 in a
                # 2021 table: a real town's): its labels, said of the table's part (table 三's lone 其他 is no clue)
                other = next(v for v in VERSIONS if v != expected)
                clues = self._clues(table, other, expected, report.document.blocks) if tid == "s2" else []
                if not clues:
                    continue
                detected, part = other, True
            else:
                clues = self._clues(table, detected, expected, report.document.blocks)
                # table 二 mostly of the other format with blocks of this one too (its 第二十条第（一）项 the 2019 columns,
                # the rest 本年处理决定数量…: real pages): said of the table's part, not of the whole table
                part = bool(tid == "s2" and clues and self._clues(table, expected, detected, report.document.blocks))
            texts = [c[0] for c in clues]
            if tid == "s3" and detected == cat.V2019 and not texts:
                other = table.get("result.other", "total") or table.get("result.other", "natural_person")
                texts = ["（六）其他处理（本身填数、没有分项）"]
                if other is not None:
                    at = _label_cell(other.block, other.row_label, other.cell.row if other.cell else None)
                    clues = [(texts[0], other.block, at or other.cell)]
                else:
                    clues = [(texts[0], first_block(table), None)]
            if not texts:
                texts = [f"栏目与{cat.FORMAT_SHORT_NAMES[detected]}一致"]
            where = clues[0] if clues else (None, first_block(table), None)
            short = TABLE_SHORT_NAMES[tid] + ("的部分栏目" if part else "")
            # a table with parts the tool could not read (DL001 says so): the version is told from what was read, so
            # it may be the tool's misreading, not the report's format — a warning that says so, not an error
            unread = unreadable(table)
            note = inferred_note(report)  # a year the opening implied: a warning that says so
            yield Hit(
                **hit_at(where[1], where[2]),
                params={"table": short, "detected": cat.FORMAT_SHORT_NAMES[detected],
                        "expected": cat.FORMAT_SHORT_NAMES[expected], "clues": quote_labels(texts, 6),
                        "basis": cat.FORMAT_DOCUMENTS[expected], "unread": _UNREAD_NOTE if unread else "",
                        "note": note},
                evidence={"expected": expected, "actual": detected, "table": tid, "labels": texts,
                          "expected_format": cat.FORMAT_NAMES[expected],
                          "year": report.year, **({"table_unread": True} if unread else {})},
                match=where[2].text if where[2] is not None else None,
                key=f"{tid}:{detected}->{expected}",
                severity="warning" if unread or note else None,
                about=_columns_told(tid, table, detected, expected, clues),
            )

    @staticmethod
    def _clues(table, detected: str, expected: str,
               blocks: Sequence[Block] = ()) -> list[tuple[str, Block | None, Cell | None]]:
        """Written labels that belong to the detected version and not to the expected one."""
        d_rows, d_cols = _keys(table.id, detected)
        e_rows, e_cols = _keys(table.id, expected)
        # only the labels that are clues are placed; the two lists in the order found, sorted together below (the
        # same order as each sorted first: the sort is stable)
        rows = _written_labels(table, "row", blocks, lambda label: (k := _key(label)) in d_rows and k not in e_rows,
                               ordered=False)
        cols = _written_labels(table, "col", blocks, lambda label: (k := _key(label)) in d_cols and k not in e_cols,
                               ordered=False)
        out = [(label.strip(), block, cell) for label, block, cell in (*rows, *cols)]
        out.sort(key=lambda t: label_order(t[1], t[2]))
        return out


def _columns_told(tid: str, table, detected: str, expected: str, clues: list) -> tuple[str, ...]:
    """The expected format's columns that a table with columns of the other format lacks because of them
    (``missing:s2:col:issued`` …, as table-missing-rows says what it lacks): when a clue is a column label, the
    expected format's columns with no label of the other one — DL110 listing them again is the same defect."""
    d_cols = _keys(tid, detected)[1]
    if not any(_key(c[0]) in d_cols and _key(c[0]) not in _keys(tid, expected)[1] for c in clues):
        return ()
    return tuple(f"missing:{tid}:col:{c.id}" for c in schema(tid, expected).cols
                 if not any(_key(k) in d_cols for k in c.keys))


def other_version_row(tid: str, label: str, version: str | None) -> bool:
    """Whether ``label`` is a row of the other unified format than ``version`` only (政府集中采购 in a 2021 table 二):
    table-format-version reports it, not the reading (DL001)."""
    if version not in VERSIONS:
        return False
    other = next(v for v in VERSIONS if v != version)
    k = _key(label)
    return k in _keys(tid, other)[0] and k not in _keys(tid, version)[0]


# -- table-missing-rows ------------------------------------------------------------------------------


def missing_parts(report, tid: str, table) -> tuple[str, bool, list, list] | None:
    """(format version, whether the file ends in the table, rows missing, columns missing) of a grid table that
    table-missing-rows judges, or None.  Asked for each table by DL110 and again by DL001 (≈7 µs a table: the rows and
    columns found gathered from its cells): the first answer is kept in the report's own instance dictionary (as its
    cached properties are: it lives and dies with the report) and given to the second; its lists are not changed."""
    memo = report.__dict__.setdefault("_missing_parts", {})
    got = memo.get(tid)
    if got is not None and got[0] is table:
        return got[1]
    out = _missing_parts(report, tid, table)
    memo[tid] = (table, out)
    return out


def _missing_parts(report, tid: str, table) -> tuple[str, bool, list, list] | None:
    """:func:`missing_parts`, worked out."""
    if table.layout != "grid" or not table.cells:
        return None
    if any(not c.row and c.value.kind != "blank" for c in table.loose):
        return None  # numbers in no row (a label's numbers on the line below it): not read, DL001 says so
    expected = expected_version(report)
    if expected is None:
        return None
    if table.detected_version in VERSIONS and table.detected_version != expected:
        return None  # the other format: table-format-version reports it
    sch = schema(tid, expected)
    bad = truly_unmapped(table)
    rows_found = table.rows_found
    cols_found = table.cols_found
    data_rows = sch.data_rows()
    truncated = cut_off(report, tid)
    if truncated:
        # the file ends inside this table (an incomplete copy): rows after the last one read
        # (table 四: columns) are not "missing"; unread-content (DL002) says once that the file ends early
        last = max((i for i, r in enumerate(data_rows) if r.id in rows_found), default=-1)
        data_rows = data_rows[:last + 1]
        if tid == "s4":
            last_col = max((i for i, c in enumerate(sch.cols) if c.id in cols_found), default=-1)
            cols_found = cols_found | {c.id for c in sch.cols[last_col + 1:]}
    # a row whose label was read but whose values could not be placed is not missing:
    # DL001 reports it as the tool's reading problem
    seen_rows = rows_found | set(table.row_labels) | {c.row for c in table.loose if c.row}
    missing_rows = [] if any(u.what == "row" for u in bad) else [
        r for r in data_rows if r.id not in seen_rows]
    # a column is expected when a row that has it was read (table 二: blocks with their own columns);
    # not for the row the file ends in, read short: its last cells were cut off with the rest
    cut_row = table.cut_row if truncated else None
    missing_cols = [] if any(u.what == "col" for u in bad) or unplaced_columns(table) else [
        c for c in sch.cols if c.id not in cols_found]
    if missing_cols:  # (every column read, the usual: which ones are expected need not be known)
        wanted = {c for r in data_rows if r.id in rows_found and r.id != cut_row for c in sch.cols_of(r.id)}
        # (a column whose label the header has is there: its rows are short — cells a conversion dropped, or a
        # header table and row tables apart — not a column the report left out)
        missing_cols = [c for c in missing_cols if c.id in wanted and c.id not in table.col_labels]
    return expected, truncated, missing_rows, missing_cols


@register
class TableMissingRows(Kind[KindOptions]):
    """A readable grid table lacks rows or columns of its schema."""

    name = "table-missing-rows"
    Options = KindOptions
    params = frozenset({"table", "missing", "count", "format", "basis"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        for tid, table in stat_tables(report):
            got = missing_parts(report, tid, table)
            if got is None:
                continue
            expected, truncated, missing_rows, missing_cols = got
            if missing_rows:  # a row whose label the table holds was not read (its column's label unknown: DL001 says so)
                text = "".join(b.text for b in table.blocks)
                missing_rows = [r for r in missing_rows if r.label not in text]
            if not missing_rows and not missing_cols:
                continue
            if rows_beside(report.blocks, table.blocks, missing_rows):
                continue  # the table broken apart in a copy: table-unreadable (DL001) says so
            parts = []
            if missing_rows:
                parts.append("行" + quote_labels([r.label for r in missing_rows]))
            if missing_cols:
                parts.append("列" + quote_labels([c.label for c in missing_cols]))
            block = first_block(table)
            end = None
            if block is not None:
                end = block.text.find("\n")
                end = len(block.text) if end < 0 else end
            yield Hit(
                block=block,
                start=0 if block is not None else None,
                end=end,
                params={"table": TABLE_SHORT_NAMES[tid], "missing": "；".join(parts),
                        "count": len(missing_rows) + len(missing_cols), "format": cat.FORMAT_SHORT_NAMES[expected],
                        "basis": cat.FORMAT_DOCUMENTS[expected]},
                evidence={"expected": "、".join([r.label for r in missing_rows] + [c.label for c in missing_cols]),
                          "actual": "未找到", "table": tid, "format_version": expected,
                          "missing_rows": [r.id for r in missing_rows], "missing_cols": [c.id for c in missing_cols],
                          "missing_labels": [r.label for r in missing_rows] + [c.label for c in missing_cols],
                          "file_ends_in_table": truncated},
                key=f"{tid}:missing:{','.join(r.id for r in missing_rows)}|{','.join(c.id for c in missing_cols)}",
                # (left to table-format-version when it says every one of them: the columns of the other format)
                about=(*(f"missing:{tid}:row:{r.id}" for r in missing_rows),
                       *(f"missing:{tid}:col:{c.id}" for c in missing_cols)),
                about_all=True,
            )


# -- table-extra-rows --------------------------------------------------------------------------------


@register
class TableExtraRows(Kind[KindOptions]):
    """Local rows or columns beyond the schema (accepted; information only)."""

    name = "table-extra-rows"
    Options = KindOptions
    params = frozenset({"table", "extras", "note"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        for _tid, table in stat_tables(report):
            yield from self._stray(report, table)
            yield from self._relabelled(report, table)
        for tid, table in stat_tables(report):
            known_rows, known_cols = _known(tid)
            items = []
            subtotals = table.subtotals if tid == "s3" else []
            named: dict[int, str] = {}  # a sub-total's cell → its group's label
            for label, group, block, cell, _values in ((s.label, s.group, s.block, s.cell, s.values)
                                                       for s in subtotals):
                # a group's sub-total row, named with its group: （三）不予公开的小计行“合计”
                # (the format's label: the one written may be cut, （三）不予公 wrapped in a PDF's narrow cell)
                spec = table.schema.row_by_id.get(group)
                name = spec.label if spec is not None else ""
                items.append((f"{name}的小计行" if name else "小计行", label, block, cell))
                named.setdefault(id(cell), name)
            for label, block, cell in table.extra_rows:
                if subtotals and _key(label) in SUBTOTAL_KEYS:
                    continue  # (each named above with its group)
                # (a group's 合计 or 总计 in table 三 is a sub-total the reader set aside, not （七）总计)
                if (_key(label) not in known_rows or (tid == "s3" and _key(label) in SUBTOTAL_KEYS)) \
                        and _label_ok(label):
                    items.append(("行", label, block, cell))
            for label, block, cell in table.extra_cols:
                if _key(label) not in known_cols and _label_ok(label):
                    items.append(("列", label, block, cell))
            if not items:
                continue
            items.sort(key=lambda t: label_order(t[2], t[3]))
            labels = [lbl.strip() for _w, lbl, _b, _c in items]
            text = "、".join(f"{w}“{lbl.strip()}”" for w, lbl, _b, _c in items)
            _w, first, block, cell = items[0]
            pointer = None
            if cell is not None and named.get(id(cell)):  # a sub-total: 表三 › （三）不予公开 › 合计, as an added item
                sec = report.section_of(block) if block is not None else None
                pointer = " › ".join(p for p in ((sec.label if sec else None), TABLE_SHORT_NAMES[tid],
                                                 named[id(cell)], first.strip()) if p)
            yield Hit(
                **hit_at(block if block is not None else first_block(table), cell),
                pointer=pointer,
                params={"table": TABLE_SHORT_NAMES[tid], "extras": text, "note": _LOCAL_NOTE},
                evidence={"expected": "统一格式规定的栏目", "actual": "、".join(labels), "table": tid,
                          "rows": [lbl for w, lbl, _b, _c in items if w != "列"],
                          "cols": [lbl for w, lbl, _b, _c in items if w == "列"]},
                match=first if cell is not None else None,
                key=f"{tid}:extra:{'|'.join(labels)}",
            )


    @staticmethod
    def _relabelled(report: AnnualReport, table) -> Iterator[Hit]:
        """One finding per row of table 三 read as the format's item by its number and place under a label of its own
        (``3.其他原因`` in place of ``3.危及“三安全一稳定”``: :mod:`..report.stats.relabel`)."""
        version = table.schema.version
        short = TABLE_SHORT_NAMES[table.id]
        for r in table.relabelled:
            spec = table.schema.row_by_id[r.row]
            group = table.schema.row_by_id[r.group]
            group_label = (table.row_labels.get(r.group) or group.label).strip()
            label = r.label.strip()
            block = r.block if r.block is not None else first_block(table)
            sec = report.section_of(block) if block is not None else None
            fmt = cat.FORMAT_SHORT_NAMES[version]
            note = (f"（{fmt}（{cat.FORMAT_DOCUMENTS[version]}）“{group.label}”的这一项是“{spec.label}”；"
                    f"本表按序号和位置把该行读作这一项并照常核对；如该行的申请确属这一项，请改用统一格式的栏目名，"
                    f"否则请归入相应的项目）")
            yield Hit(
                **hit_at(block, r.cell),
                params={"table": short, "extras": f"行“{label}”（位于“{group_label}”之下，占第{spec.label.split('.')[0]}项的位置）",
                        "note": note},
                evidence={"expected": spec.label, "actual": label, "table": table.id, "rows": [label], "cols": [],
                          "group": r.group, "read_as": r.row, "format_version": version},
                pointer=" › ".join(p for p in ((sec.label if sec else None), short, group_label, label) if p),
                match=r.cell.text if r.cell is not None and label in r.cell.text else None,
                key=f"{table.id}:relabelled:{r.row}:{norm(label)}",
            )

    @staticmethod
    def _stray(report: AnnualReport, table) -> Iterator[Hit]:
        """One finding per item added past the last of its group in table 三 (:func:`stray_items`)."""
        version = table.schema.version
        short = TABLE_SHORT_NAMES[table.id]
        for u, group, items in stray_items(table):
            spec = table.schema.row_by_id[group]
            group_label = (table.row_labels.get(group) or spec.label).strip()
            label = u.label.strip()
            block = u.block if u.block is not None else first_block(table)
            sec = report.section_of(block) if block is not None else None
            fmt = cat.FORMAT_SHORT_NAMES[version]
            # its numbers read (StatTable.added_figures): （七）总计 was checked with and without them (identities)
            tried = table.added_figures is not None
            counted = ("本表“（七）总计”已分别按计入和不计入该行的数字与各项之和核对" if tried else
                       "该行的数字不计入任何勾稽关系，本表“（七）总计”是否等于各项之和也因此未核对")
            note = (f"（{fmt}（{cat.FORMAT_DOCUMENTS[version]}）的“{spec.label}”只有1至{items}项，"
                    f"没有“{strip_number(label).strip()}”项；{counted}；"
                    f"请把这些申请归入1至{items}项中相应的一项，或改列其他相应的办理结果）")
            if label.startswith(_OF_WHICH):  # 其中：… a breakdown of the item above, already counted in it
                counted = ("本表“（七）总计”按不计入该行的数字与各项之和核对" if tried else
                           "该行的数字不计入任何勾稽关系，本表“（七）总计”是否等于各项之和也因此未核对")
                note = (f"（“其中”行是上一项的细分，{fmt}（{cat.FORMAT_DOCUMENTS[version]}）的“{spec.label}”没有这一行；"
                        f"{counted}；可改在正文中说明）")
            yield Hit(
                **hit_at(block, u.cell),
                params={"table": short, "extras": f"行“{label}”（位于“{group_label}”之下）", "note": note},
                evidence={"expected": f"“{spec.label}”的第1至{items}项", "actual": label, "table": table.id,
                          "rows": [label], "cols": [], "group": group, "group_items": items,
                          "format_version": version, "not_counted": not tried},
                pointer=" › ".join(p for p in ((sec.label if sec else None), short, group_label, label) if p),
                match=u.cell.text if u.cell is not None and label in u.cell.text else None,
                key=f"{table.id}:stray:{group}:{norm(label)}",
            )


_LOCAL_NOTE = "（地方增设的栏目可以保留；统计核对只使用统一格式规定的栏目）"
_OF_WHICH = ("其中", "（其中", "(其中")
