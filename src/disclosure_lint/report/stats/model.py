"""Typed statistics tables: every cell keyed by canonical row and column ids, with its raw
text, its parsed value and its source position.

``AnnualReport.stats`` maps ``"s2"``, ``"s3"``, ``"s4"`` to a :class:`StatTable` for each
table that was found (see :mod:`.extract`).  Rules read values through
:meth:`StatTable.number` (blank and placeholders count as 0 in arithmetic) and point at
cells through :attr:`StatCell.cell` / :attr:`StatCell.block`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any, Literal

from ...memo import Kept
from ...model import Block, Cell, slots_twin
from ..catalogue import TABLE_SHORT_NAMES
from .added import added_row
from .schema import S4_BLOCKS, TableSchema

ValueKind = Literal["int", "decimal", "blank", "slash", "dash", "none", "na", "text"]

_NUM = re.compile(r"^(?P<sign>[+\-－−])?\s*(?P<num>\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(?P<frac>\d+))?\s*"
                  r"(?:(?P<unit>万元|元|件|条|个|项|批次|批|次|人|家|份|起)"
                  r"|[(（]\s*(?P<bunit>万元|元|件|条|个|项|批次|批|次|人|家|份|起)\s*[)）])?"
                  # a clerk's note after the number, in brackets: 12（含修订2件）, 13（其中网上答复5件）
                  r"(?:[(（](?:含|其中|包括)[^()（）]{1,40}[)）])?"
                  # a footnote's mark after it (19①, 19[1]: the note under the table says what it counts)
                  r"(?:[①②③④⑤⑥⑦⑧⑨⑩]|[\[［]\d{1,2}[\]］])?$")


@dataclass(frozen=True)
class Value:
    """A cell's value as read: its kind, its number and unit."""

    kind: ValueKind
    number: Decimal | None = None  # for int/decimal
    unit: str | None = None

    @property
    def is_number(self) -> bool:
        return self.kind in ("int", "decimal")

    @property
    def arithmetic(self) -> Decimal:
        """The value used in identities: numbers as themselves, blank and placeholders as 0."""
        n = self.number
        return n if n is not None else _ZERO  # a Decimal is immutable: one 0 serves every blank


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．＋﹢", "0123456789.++")
_ZERO = Decimal(0)
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)

_PLACEHOLDER = {
    "": "blank", "/": "slash", "／": "slash", "\\": "slash",
    "—": "dash", "-": "dash", "－": "dash", "–": "dash", "——": "dash", "--": "dash", "一": "dash",
    "无": "none", "不适用": "na", "暂无": "none", "/ ": "slash",
}


def parse_value(raw: str) -> Value:
    """Parse a cell: integers, decimals (fees in 万元), blanks, / — - 无 不适用, numbers with units, thousands
    separated by commas or spaces (4,863, 4 863, 4\u2009863), a number followed by a note in brackets that
    says what it includes (12（含修订2件）, 13（其中网上答复5件）: 12, 13)."""
    # spaces of every width go: 4 863 and 4\u2009863 (a thin space as thousands separator) are 4863
    s = "".join(raw.split()).replace("\u200b", "")
    s = s.strip("*_")  # Markdown emphasis around a number
    if s in _PLACEHOLDER:
        return Value(_PLACEHOLDER[s])  # type: ignore[arg-type]
    s = s.translate(_FULL_WIDTH)  # full-width digits, point and signs: ＋2 is +2, as １０ is 10
    m = _NUM.match(s)
    if not m:
        return Value("text")
    digits = m.group("num").replace(",", "").replace("，", "")
    frac = m.group("frac")
    try:
        number = Decimal(digits + ("." + frac if frac else ""))
    except InvalidOperation:  # pragma: no cover - the regex guarantees digits
        return Value("text")
    if m.group("sign") and m.group("sign") != "+":
        number = -number
    kind: ValueKind = "decimal" if frac else "int"
    return Value(kind, number, m.group("unit") or m.group("bunit"))  # 156件 or 156(件): a number with its unit


# A change written in words (2019 table 二 本年增/减: 减少2, 减2项, 增加3, 新增1): the clerk's way of writing −2, +3.
_WORDED_CHANGE = re.compile(r"(?P<w>增加|新增|净增|增|减少|净减|减)(?P<n>\d{1,9})(?:项|个|件|类)?")
_WORDED_SIGN = {"增加": 1, "新增": 1, "净增": 1, "增": 1, "减少": -1, "净减": -1, "减": -1}


# … and no change written in words (a real page's 本年增/减 column: 未增未减 in every row): 0
NO_CHANGE = frozenset({"未增未减", "未增减", "无增减", "无增无减", "不增不减", "没有增减", "无变化", "没有变化", "不变", "持平"})
WORDED_FIRST = "增减新净未无不没持"  # the first characters of those words (a cheap test before the others)


def worded_change(raw: str) -> Decimal | None:
    """The signed number of a change written in words (减少2 → −2, 增加3 → 3, 未增未减 → 0), or None when ``raw`` is no
    such text.  Only for a 本年增/减 cell: elsewhere such a text is no number."""
    s = "".join(raw.split()).strip("*_").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s in NO_CHANGE:
        return _ZERO
    m = _WORDED_CHANGE.fullmatch(s) if len(s) <= 16 else None
    return None if m is None else _WORDED_SIGN[m.group("w")] * Decimal(m.group("n"))


@dataclass(frozen=True, slots=True)
class StatCell:
    """A statistics table's cell mapped to its canonical row and column, with its value and where it is written."""

    table: str  # s2 | s3 | s4
    row: str  # canonical row id
    col: str  # canonical column id
    raw: str
    value: Value
    row_label: str  # the label as written in the report
    col_label: str
    block: Block | None = None  # the table block (or the paragraph of a flattened table)
    cell: Cell | None = None  # the grid cell, when the table is a grid

    @property
    def pointer(self) -> str:
        """表三 › row label › column label (table 四: 表四 › block › column label), kept by its parts
        (:data:`_POINTERS`: the cross-report facts ask it of most cells of every report, whose labels are the
        template's)."""
        key = (self.table, self.col, self.row_label, self.col_label)
        got = _POINTERS.get(key)
        if got is None:
            got = _pointer(*key)
            if len(self.row_label) + len(self.col_label) <= _POINTER_LABELS:
                _POINTERS.keep(key, got)
        return got


def _pointer(table: str, col: str, row_label: str, col_label: str) -> str:
    """:attr:`StatCell.pointer` of a cell of ``table`` in column ``col``, under the labels as written."""
    short = TABLE_SHORT_NAMES.get(table, table)
    if table == "s4":  # one data row: name the block (行政复议 / 未经复议直接起诉 / 复议后起诉)
        block = _S4_BLOCK_NAMES.get(col.split(".")[0], "")
        col = col_label if block and block in col_label else f"{block} › {col_label}"
        return f"{short} › {col}"
    return f"{short} › {row_label} › {col_label}"


_S4_BLOCK_NAMES = dict(S4_BLOCKS)
#: :attr:`StatCell.pointer` by (table, column id, row label, column label): at most 1,024, of labels of at most
#: ``_POINTER_LABELS`` characters together (the 400 first jobs reports: 229 pointers, labels of at most 43 characters)
_POINTERS: Kept[tuple[str, str, str, str], str] = Kept("statistics cells: a cell's pointer by its labels", 1024)
_POINTER_LABELS = 100
_STAT_CELL_FIELDS = ("table", "row", "col", "raw", "value", "row_label", "col_label", "block", "cell")
if tuple(f.name for f in fields(StatCell)) != _STAT_CELL_FIELDS:
    raise RuntimeError("StatCell changed its fields: update new_stat_cell in report/stats/model.py")


# (row id, column id) → the one tuple that keys that cell in every table (:func:`cell_key`)
_KEYS: dict[str, dict[str, tuple[str, str]]] = {}
_KEYS_MAX = 4096


def cell_key(row: str, col: str) -> tuple[str, str]:
    """``(row, col)``, always the same tuple for the same ids (at most ``_KEYS_MAX`` rows of ``_KEYS_MAX`` columns are
    kept; the ids are the schemas' few hundred).  The readers key :attr:`StatTable.cells` by it and the identities and
    metrics look cells up by it: a lookup whose key is the very key stored is settled by identity, without comparing
    two tuples (which reads the stored one, long out of the processor's cache when the rules run)."""
    cols = _KEYS.get(row)
    if cols is None:
        if len(_KEYS) >= _KEYS_MAX:
            return (row, col)
        cols = _KEYS[row] = {}
    key = cols.get(col)
    if key is None:
        key = (row, col)
        if len(cols) < _KEYS_MAX:
            cols[col] = key
    return key


def row_keys(row: str) -> dict[str, tuple[str, str]]:
    """The keys :func:`cell_key` keeps for ``row``, by column id (empty, and a new dict each time, when no more rows are
    kept): a reader placing a row asks this once, then ``.get(col) or cell_key(row, col)`` per cell."""
    cols = _KEYS.get(row)
    if cols is None:
        if len(_KEYS) >= _KEYS_MAX:
            return {}
        cols = _KEYS[row] = {}
    return cols


#: a StatCell made without the frozen dataclass's ``__init__`` (see :func:`...model.slots_twin`): the tables of a
#: report make hundreds; :class:`.grid.Build` makes most of them the same way, inline.  The twin is made by calling it
#: (``StatCellSlots()``: it has no ``__init__`` of its own), not by ``object.__new__(StatCellSlots)``, whose checks of the
#: type given cost about 300 more machine instructions an object (callgrind, Python 3.11: 835 against 1,130)
StatCellSlots = slots_twin(StatCell)


def new_stat_cell(table: str, row: str, col: str, raw: str, value: Value, row_label: str, col_label: str,
                  block: Block | None = None, cell: Cell | None = None) -> StatCell:
    """``StatCell(...)`` without the frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field): a
    same-slots object given each field, then its class; the object is the same (equal, hashed alike, immutable
    afterwards)."""
    c: Any = StatCellSlots()
    c.table = table
    c.row = row
    c.col = col
    c.raw = raw
    c.value = value
    c.row_label = row_label
    c.col_label = col_label
    c.block = block
    c.cell = cell
    c.__class__ = StatCell
    return c


@dataclass(frozen=True)
class Unmapped:
    """A row or column label that was not recognised."""

    label: str
    what: Literal["row", "col"]
    block: Block | None = None
    cell: Cell | None = None
    # table 三: the sub-group the row sat in when it was read (result.not_open …; None: none or not known), so a
    # numbered item past the group's last one (9.其他 under （三）不予公开, which has 1–8) can be told apart
    group: str | None = None
    # table 三: the row's cells as ``(column id, text, cell)`` when its columns are known (a clerk's added item: its
    # numbers are tried in the sum of （七）总计, :mod:`.identities`); () when not read or not placed
    values: tuple[tuple[str, str, Cell | None], ...] = ()


@dataclass(frozen=True)
class Subtotal:
    """A group's sub-total row of table 三 (小计, or 合计 / 总计 before （六）), a row some templates add after the group's
    items: its label, the group's row id, where it is, and its cells as ``(column id, text, cell)``."""

    label: str
    group: str
    block: Block | None
    cell: Cell | None
    values: tuple[tuple[str, str, Cell | None], ...] = ()


@dataclass(frozen=True)
class Relabelled:
    """A row of table 三 read as the format's item by its number and place, though its label is none of the format's
    (``3.其他原因`` in place of ``3.危及“三安全一稳定”``: :mod:`.relabel`): the label as written, the item's row id, its
    group's row id and where it is."""

    label: str
    row: str
    group: str
    block: Block | None
    cell: Cell | None


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class StatTable:
    """A statistics table as read: the schema it was read with, its mapped cells and what could not be mapped."""

    id: str  # s2 | s3 | s4
    schema: TableSchema  # the schema it was read with (the report's format version)
    detected_version: str | None  # "2019" / "2021" from the labels, None if undecidable (e.g. table 四)
    blocks: list[Block] = field(default_factory=list)
    cells: dict[tuple[str, str], StatCell] = field(default_factory=dict)
    unmapped: list[Unmapped] = field(default_factory=list)
    extra_rows: list[tuple[str, Block | None, Cell | None]] = field(default_factory=list)  # accepted local rows
    extra_cols: list[tuple[str, Block | None, Cell | None]] = field(default_factory=list)  # e.g. 小计
    # table 三: each group's sub-total row (also in ``extra_rows``, once a label) as (label, the group's row id, block,
    # cell), so that DL111 names its group (（三）不予公开的小计行“合计”)
    subtotals: list[Subtotal] = field(default_factory=list)
    # table 三: rows read as the format's item by number and place under a label of their own (3.其他原因), DL111
    relabelled: list[Relabelled] = field(default_factory=list)
    layout: str = "grid"  # grid | flat (one cell per line, scraped) | image
    row_labels: dict[str, str] = field(default_factory=dict)  # row id → label as written
    col_labels: dict[str, str] = field(default_factory=dict)
    # values of a flattened table that could not be placed in a row and column (row/col "" or a guess)
    loose: list[StatCell] = field(default_factory=list)
    # the row of a table 二 or 三 that the file ends in, read with fewer cells than the table has columns
    # (or as its label alone): the cells it lacks were cut off with the rest of the file — not known, not
    # blank, not missing from the report
    cut_row: str | None = None

    def get(self, row: str, col: str) -> StatCell | None:
        return self.cells.get((row, col))

    def number(self, row: str, col: str) -> Decimal:
        c = self.cells.get((row, col))
        return c.value.arithmetic if c is not None else _ZERO

    @property
    def rows_found(self) -> set[str]:
        return set(map(_FIRST, self.cells))  # the row of each (row, col) key, C-level

    @property
    def cols_found(self) -> set[str]:
        return set(map(_SECOND, self.cells))

    @property
    def missing_rows(self) -> list[str]:
        found = self.rows_found
        return [r.id for r in self.schema.data_rows() if r.id not in found]

    @property
    def missing_cols(self) -> list[str]:
        found = self.cols_found
        return [c.id for c in self.schema.cols if c.id not in found]

    @property
    def has_numbers(self) -> bool:
        return (any(c.value.is_number for c in self.cells.values())
                or any(c.value.is_number for c in self.loose))

    @property
    def columns_unknown(self) -> bool:
        """A column label matched nothing: it may have shifted the columns after it, so that no cell of the table is
        known to be in its column (DL001 reports the label)."""
        return any(u.what == "col" for u in self.unmapped)

    @property
    def comparable(self) -> bool:
        """Its numbers can be summed or compared with the prose: read as a table (not a picture) whose columns are all
        known (:attr:`columns_unknown`) and whose numbers all lie in known rows (:attr:`unmapped_data`: a row label the
        tool could not read — a label wrapped around its numbers in a PDF copied as text — may hold the numbers of the
        rows around it, as the identities also assume).  A row a clerk added inside a group (:attr:`added_rows`) holds
        its own numbers: the table stays comparable, but not that group's sum (:func:`..metrics.table_value`)."""
        return self.layout != "image" and not self.columns_unknown and all(
            added_row(self, u) is not None for u in self.unmapped_data)

    @property
    def added_rows(self) -> list[Unmapped]:
        """Table 三's rows a clerk added inside a group (``9.其他原因`` after （三）不予公开's items: :func:`.added.added_row`),
        each with the group it sits in (``Unmapped.group``)."""
        return [u for u in self.unmapped if added_row(self, u) is not None]

    @property
    def added_figures(self) -> list[dict[str, Decimal]] | None:
        """The numbers of each row a clerk added inside a group of table 三 (:attr:`added_rows`) by column, tried in the
        sum of （七）总计 counted or not (:mod:`.identities`): when every unrecognised row is one and its cells were read
        in known columns as numbers or blanks; None otherwise (no such row, or rows that may hold anything: I3 is
        skipped).  A ``其中：`` row, a breakdown of the item above and already counted in it, is never added: not listed."""
        rows = self.unmapped_data
        if not rows:
            return None
        out: list[dict[str, Decimal]] = []
        for u in rows:
            if added_row(self, u) is None or not u.values:
                return None
            figures: dict[str, Decimal] = {}
            for cid, text, _cell in u.values:
                v = parse_value(text)
                if v.kind == "text":
                    return None
                figures[cid] = figures.get(cid, _ZERO) + v.arithmetic
            if not u.label.startswith("其中"):
                out.append(figures)
        return out

    @property
    def readable(self) -> bool:
        """Enough of the table was mapped for arithmetic to mean something."""
        return bool(self.cells) and not self.unmapped_data

    @property
    def unmapped_data(self) -> list[Unmapped]:
        """Unrecognised row labels (their numbers could not be placed)."""
        return [u for u in self.unmapped if u.what == "row"]
