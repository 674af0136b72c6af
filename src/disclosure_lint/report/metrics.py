"""Metrics: the values of tables 三 and 四 that the prose states, derived from their cells (``report.metrics``).

A metric is a figure of the report's own vocabulary (本年新收, 予以公开, 不予公开 as the sum of its sub-rows,
行政诉讼 as 直接起诉 + 复议后起诉, a result of one table-四 block …; the names are :data:`.claim_keywords.FAMILY_OF`'s):
:meth:`Metrics.value` computes it from ``report.stats`` with the cells it comes from and notes on how (a blank
总计 taken as the sum of its parts, a blank cell as 0 in a table that has numbers).  A value is None when a cell
it needs is missing or unreadable: the report is never blamed for a table the tool could not read.  When the
table's own 总计 disagrees with its parts (DL202/DL204 report that), the value from the parts is kept as
``alt``: a prose number equal to either is the table's problem, not the prose's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..memo import Kept
from .claim_context import SUB_ITEM_LABELS
from .claim_keywords import FAMILY_OF, S4_BLOCKS_OF
from .stats.model import cell_key

if TYPE_CHECKING:  # pragma: no cover
    from .stats.model import StatCell, StatTable
    from .stats.schema import TableSchema

class _AltOnRead:
    """``TableValue.alt`` of a value made by :func:`_deferred`: worked out on its first read from what the value keeps
    for it, then held in the instance's dict like any other field (a non-data descriptor, as ``cached_property``)."""

    def __get__(self, tv: TableValue | None, owner: type | None = None) -> Any:
        if tv is None:
            return self
        d = tv.__dict__
        how, arg = d["_alt_of"]
        alt = d["alt"] = how(tv.value, arg)  # (one that raises leaves the value as it was: the next read raises again)
        del d["_alt_of"]
        return alt


class TableValue:
    """A metric's value: the number, the cells it comes from and notes on how (a blank 总计 taken as the sum of its
    parts …); ``alt``: the same quantity computed from the parts (six applicant columns, four results) when the table's
    own total disagrees with them: a prose number equal to it is not the prose's fault (DL202/DL204), else None.

    Written as the dataclass it was (same fields, ``__init__``, ``repr`` and ``==``) but for one thing: the metrics
    leave ``alt`` to its first read (:func:`_deferred`).  Most prose numbers equal ``value`` and :func:`agrees` never
    asks for it, so the parts' cells are not read (six per row of table 三; their lookups, the cold cells and their
    sum were half the cost of the metrics).  Once read, the instance holds what the dataclass held."""

    __match_args__ = ("value", "cells", "notes", "alt")
    __hash__ = None  # type: ignore[assignment]  # (a dataclass with eq and not frozen: unhashable)

    value: Decimal
    cells: list[StatCell]
    notes: list[str]
    alt: Decimal | None = _AltOnRead()  # type: ignore[assignment]

    def __init__(self, value: Decimal, cells: list[StatCell], notes: list[str] | None = None,
                 alt: Decimal | None = None) -> None:
        self.value = value
        self.cells = cells
        self.notes = [] if notes is None else notes
        self.alt = alt

    def __repr__(self) -> str:
        return f"TableValue(value={self.value!r}, cells={self.cells!r}, notes={self.notes!r}, alt={self.alt!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, TableValue)
        return (self.value, self.cells, self.notes, self.alt) == (other.value, other.cells, other.notes, other.alt)


_new = object.__new__


def _deferred(value: Decimal, cells: list[StatCell], notes: list[str],
              how: Callable[[Decimal, Any], Decimal | None], arg: object) -> TableValue:
    """``TableValue(value, cells, notes, how(value, arg))`` with ``how`` called on the first read of ``alt`` (the
    tables it reads are not changed once read)."""
    tv = _new(TableValue)
    tv.value = value
    tv.cells = cells
    tv.notes = notes
    tv._alt_of = (how, arg)  # type: ignore[attr-defined]
    return tv


_ZERO = Decimal(0)


def cell_value(table: StatTable, row: str, col: str, notes: list[str]) -> tuple[Decimal, StatCell] | None:
    """A cell's number; a blank or placeholder in a table that has numbers counts as 0 (said in ``notes``)."""
    c = table.get(row, col)
    if c is None:
        return None
    v = c.value
    if v.is_number:
        return v.arithmetic, c  # a number's own value
    if v.kind == "text":
        return None
    if not table.has_numbers or _misplaced(table):
        return None  # (numbers the reader could not place may be this cell's: not taken for 0)
    notes.append(f"{c.pointer}为空或“{c.raw.strip() or '空白'}”，按0计")
    return Decimal(0), c


def _misplaced(table: StatTable) -> bool:
    """Whether the table has numbers the reader could not place in a row and column (``loose``, DL001): a cell left
    blank may be where one of them belongs (a label wrapped away from its numbers in a PDF's text)."""
    return any(c.value.is_number for c in table.loose)


APPLICANT_COLS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")


def _row_keys(row: str) -> tuple[tuple[str, str], ...]:
    """The (row, column) keys of a row's 总计 and six applicant columns: the tables' own key objects, made once."""
    keys = _ROW_KEYS.get(row)
    if keys is None:
        keys = _ROW_KEYS.keep(row, tuple(cell_key(row, col) for col in ("total", *APPLICANT_COLS)))
    return keys


def _s3_row(table: StatTable, row: str) -> TableValue | None:
    keys = _ROW_KEYS.get(row) or _row_keys(row)
    cells = table.cells
    c = cells.get(keys[0])
    if c is not None:
        v = c.value
        if v.kind in _NUMBER_KINDS:  # v.is_number: its number is v.arithmetic
            # the six applicant columns' sum (alt) on first read only (:class:`TableValue`)
            return _deferred(v.number, [c], [], _row_alt, (cells, keys))  # type: ignore[arg-type]
        if v.kind == "text":
            return None
    # 总计 blank or missing: the six applicant columns
    parts = _parts(cells, keys)
    if parts is None or not table.has_numbers or _misplaced(table):
        return None
    total = _parts_sum(parts)
    label = c.pointer if c is not None else f"表三 › {table.row_labels.get(row, row)} › 总计"
    return TableValue(total, [p for p in parts if p.value.is_number] or parts[:1], [f"{label}为空，按六类申请人之和计算"])


def _parts(cells: Mapping[tuple[str, str], StatCell], keys: tuple[tuple[str, str], ...]) -> list[StatCell] | None:
    """The six applicant columns of a row of table 三 (``keys``: its 总计's, then theirs), or None when one is missing
    or text."""
    got = list(map(cells.get, keys))  # one C-level pass (the 总计 too: no slice made)
    del got[0]
    parts = [p for p in got if p is not None and p.value.kind != "text"]
    return parts if len(parts) == len(APPLICANT_COLS) else None


def _row_alt(n: Decimal, arg: tuple[Mapping[tuple[str, str], StatCell], tuple[tuple[str, str], ...]]) -> Decimal | None:
    """The ``alt`` of a row of table 三 whose 总计 is the number ``n``: its six applicant columns' sum when they are all
    there and it differs."""
    parts = _parts(*arg)
    if parts is None:
        return None
    alt = _parts_sum(parts)
    return None if alt == n else alt


# row id → its (row, column) keys of 总计 and the six applicant columns, made once (the rows metrics read are few)
_ROW_KEYS: Kept[str, tuple[tuple[str, str], ...]] = Kept("metrics: a table-三 row's cell keys", 1024)
_NUMBER_KINDS = frozenset({"int", "decimal"})  # Value.is_number


def _parts_sum(parts: list[StatCell]) -> Decimal:
    """``sum((p.value.arithmetic for p in parts), Decimal(0))``: the same additions in the same order, written as a
    loop (no generator, no property call per cell: a blank or placeholder, whose number is None, adds 0)."""
    total = Decimal(0)
    for p in parts:
        n = p.value.number
        total = total + (n if n is not None else _ZERO)
    return total


_Rows = dict[str, "TableValue | None"]


def _row(table: StatTable, row: str, memo: _Rows | None) -> TableValue | None:
    """``_s3_row``, each row computed once per report when ``memo`` is given (a sub-row is read for its group and for
    itself; the value is shared, not to be changed, like :meth:`Metrics.value`'s)."""
    if memo is None:
        return _s3_row(table, row)
    if row not in memo:
        memo[row] = _s3_row(table, row)
    return memo[row]


def _has_items(table: StatTable, group: str) -> bool:
    """Whether any numbered item of ``group`` (2021's （六）其他处理 1.–3.) was read with a cell."""
    items = {r.id for r in table.schema.rows if r.group == group and r.data}
    return bool(items) and any(k[0] in items for k in table.cells)


def _s3_group(table: StatTable, group: str, memo: _Rows | None = None) -> TableValue | None:
    if table.unmapped and any(u.group == group for u in table.added_rows):
        return None  # a clerk's row added to the group (9.其他原因): the prose's count may include it, or not
    sch = table.schema
    key = (id(sch), group)
    hit = _GROUP_ROWS.get(key)
    if hit is None or hit[0] is not sch:  # (the schema itself kept: an id is only unique while its object lives)
        hit = (sch, [r.id for r in sch.rows if r.group == group and r.data])
        _GROUP_ROWS.keep(key, hit)
    rows = hit[1]
    if not rows:
        return None
    # every row's 总计 a number (most tables): the sum of the rows' values made at once, without a value per row
    cells = table.cells
    totals = []
    for r in rows:
        keys = _ROW_KEYS.get(r) or _row_keys(r)
        c = cells.get(keys[0])
        if c is None or c.value.kind not in _NUMBER_KINDS:
            return sum_values([_row(table, r, memo) for r in rows])
        totals.append((c, keys))
    value = Decimal(0)
    for c, _ in totals:
        value += c.value.number  # type: ignore[operator]  # (a number's)
    return _deferred(value, [c for c, _ in totals], [], _group_alt, (cells, totals))


def _group_alt(value: Decimal, arg: tuple[Mapping[tuple[str, str], StatCell],
                                          list[tuple[StatCell, tuple[tuple[str, str], ...]]]]) -> Decimal | None:
    """The ``alt`` of :func:`_s3_group`'s sum of rows whose 总计 are numbers: what :func:`sum_values` works out from the
    rows' values (each row's alt, or its 总计)."""
    cells, totals = arg
    alt = Decimal(0)
    for c, keys in totals:
        n = c.value.number
        row_alt = _row_alt(n, (cells, keys))  # type: ignore[arg-type]
        alt += row_alt if row_alt is not None else n  # type: ignore[operator]  # (a number's)
    return alt if alt != value else None


# (id of a schema, group) → (that schema, the ids of the group's data rows): the schemas are the few of
# schema.SCHEMAS, asked again in every report
_GROUP_ROWS: Kept[tuple[int, str], tuple[TableSchema, list[str]]] = Kept("metrics: a group's rows", 256)

_S3_ROWS = {"new": "new", "carried_over": "carried_over", "handled": "result.total",
            "carried_forward": "carried_forward", "open": "result.open", "partial": "result.partial"}
_S3_GROUPS = {"not_open": "result.not_open", "unavailable": "result.unavailable",
              "not_processed": "result.not_processed"}
_S4_RES = {"upheld": "upheld", "corrected": "corrected", "other_result": "other", "pending": "pending"}


def _readable(stats: Mapping[str, StatTable], tid: str) -> StatTable | None:
    """Table ``tid`` when its numbers can be compared with the prose (:attr:`.StatTable.comparable`: not a picture,
    no column that may have shifted the others), else None."""
    t = stats.get(tid)
    return t if t is not None and t.comparable else None


def table_value(stats: Mapping[str, StatTable], metric: str, s4_block: str | None = None,
                memo: _Rows | None = None,
                readable: Callable[[str], StatTable | None] | None = None) -> TableValue | None:
    """The table's value for one metric, or None when a needed cell is missing or unreadable (``memo``: the rows of
    table 三 computed so far for this report; ``readable``: :meth:`Metrics.readable`, which works out whether a table
    is comparable once per report, where :attr:`.StatTable.comparable` works it out at each read)."""
    fam = FAMILY_OF.get(metric)
    if fam in ("s3flow", "s3res"):
        t = _readable(stats, "s3") if readable is None else readable("s3")
        if t is None:
            return None
        if metric in _S3_ROWS:
            return _row(t, _S3_ROWS[metric], memo)
        if metric in _S3_GROUPS:
            return _s3_group(t, _S3_GROUPS[metric], memo)
        if metric in SUB_ITEM_LABELS:  # one numbered sub-item: 7.属于行政执法案卷
            return _row(t, f"result.{metric}", memo)
        if metric == "other":
            if (t.get("result.other", "total") is not None or t.get("result.other", "natural_person") is not None) \
                    and not _has_items(t, "result.other"):
                return _row(t, "result.other", memo)  # 2019: （六）其他处理 is a row of its own
            # 2021: its items' sum, not the sub-total a clerk wrote on the group's row (DL212 checks that one)
            return _s3_group(t, "result.other", memo)
        if metric == "in_total":
            return sum_values([table_value(stats, "new", memo=memo, readable=readable),
                               table_value(stats, "carried_over", memo=memo, readable=readable)])
        return None
    t = _readable(stats, "s4") if readable is None else readable("s4")
    if t is None:
        return None
    if fam == "s4block":
        return sum_values([s4_cell(t, b, "total") for b in S4_BLOCKS_OF[metric]])
    if fam == "s4res" and s4_block:
        return sum_values([s4_cell(t, b, _S4_RES[metric]) for b in S4_BLOCKS_OF[s4_block]])
    return None


_RESULTS = ("upheld", "corrected", "other", "pending")


def s4_cell(t: StatTable, block: str, res: str) -> TableValue | None:
    """One result (``total``: its cell, or the four results when it is blank) of one block of table 四."""
    notes: list[str] = []
    got = cell_value(t, "cases", f"{block}.{res}", notes)
    if got is None:
        return None
    v, c = got
    if res == "total" and c.value.is_number:
        return _deferred(v, [c], notes, _s4_alt, (t, block))  # the four results' sum on first read only
    if res == "total" and not c.value.is_number:
        # 总计 blank: the four results
        parts = [p for r in _RESULTS if (p := cell_value(t, "cases", f"{block}.{r}", [])) is not None]
        if len(parts) != len(_RESULTS):
            return None
        return TableValue(sum((p[0] for p in parts), Decimal(0)), [p[1] for p in parts],
                          [f"{c.pointer}为空，按四种结果之和计算"])
    return TableValue(v, [c], notes)


def _s4_alt(v: Decimal, arg: tuple[StatTable, str]) -> Decimal | None:
    """The ``alt`` of a table-四 block's 总计, the number ``v``: its four results' sum when they are all there and it
    differs."""
    t, block = arg
    parts = [p for r in _RESULTS if (p := cell_value(t, "cases", f"{block}.{r}", [])) is not None]
    alt = sum((p[0] for p in parts), Decimal(0)) if len(parts) == len(_RESULTS) else None
    return alt if alt != v else None


def sum_values(parts: list[TableValue | None]) -> TableValue | None:
    """The sum of several values (None when one is missing), their cells and notes together (its ``alt`` worked out
    on first read, from theirs)."""
    present = [p for p in parts if p is not None]
    if len(present) != len(parts):
        return None
    value = Decimal(0)
    cells: list[StatCell] = []
    notes: list[str] = []
    for p in present:
        value += p.value
        cells += p.cells
        notes += p.notes
    return _deferred(value, cells, notes, _sum_alt, present)


def _sum_alt(value: Decimal, present: list[TableValue]) -> Decimal | None:
    alt = Decimal(0)
    for p in present:
        alt += p.alt if p.alt is not None else p.value
    return alt if alt != value else None


def agrees(tv: TableValue, n: Decimal) -> bool:
    """Does a stated number agree with a table value (its total, or the sum of its parts when they differ)?"""
    return n == tv.value or (tv.alt is not None and n == tv.alt)


# -- applicant columns of table 三 ------------------------------------------------------------------------

PART_COLS: dict[str, tuple[str, ...]] = {"natural_person": ("natural_person",), "org": APPLICANT_COLS[1:], "commercial": ("commercial",),
             "research": ("research",), "social_welfare": ("social_welfare",), "legal_service": ("legal_service",),
             "other_org": ("other_org",)}
# the rows of table 三 a total's keyword names; 收到/共计: 本年新收, or 新收 + 上年结转 (both readings)
READINGS: dict[str, list[tuple[str, ...]]] = {"new": [("new",)], "handled": [("result.total",)], "received": [("new",), ("new", "carried_over")],
            "in_total": [("new",), ("new", "carried_over")]}


def columns_value(t: StatTable, rows: tuple[str, ...], cols: tuple[str, ...]) -> TableValue | None:
    """The sum of some applicant columns (``("total",)``: the 总计 column) over some rows of table 三."""
    if cols == ("total",):
        return sum_values([_s3_row(t, r) for r in rows])
    out = TableValue(Decimal(0), [])
    for r in rows:
        for col in cols:
            got = cell_value(t, r, col, out.notes)
            if got is None:
                return None
            out.value += got[0]
            out.cells.append(got[1])
    return out


_UNSET = object()  # Metrics.total, Metrics.readable: nothing kept for the key yet (None is a value: it cannot be computed)


# -- the report's member ------------------------------------------------------------------------------------

class Metrics:
    """The derived values of one report's tables 三 and 四 (``report.metrics``)."""

    def __init__(self, stats: Mapping[str, StatTable]) -> None:
        self.stats = stats
        self._values: dict[tuple[str, str | None], TableValue | None] = {}
        self._totals: dict[tuple[tuple[str, ...], str | None], TableValue | None] = {}
        self._rows: _Rows = {}
        self._readable: dict[str, StatTable | None] = {}

    def readable(self, tid: str) -> StatTable | None:
        """Table ``tid`` when its numbers can be compared with the prose (:attr:`.StatTable.comparable`), else None.
        Worked out once per report (every value read asks: fifteen times a report), the tables being read once."""
        got = self._readable.get(tid, _UNSET)
        if got is _UNSET:
            got = self._readable[tid] = _readable(self.stats, tid)
        return got  # type: ignore[return-value]

    def value(self, metric: str, s4_block: str | None = None) -> TableValue | None:
        """The value of one metric (a table-四 result: of ``s4_block``), or None when it cannot be computed.  Computed
        once per report: the value is shared, not to be changed."""
        key = (metric, s4_block)
        if key not in self._values:
            self._values[key] = table_value(self.stats, metric, s4_block, self._rows, self.readable)
        return self._values[key]

    def total(self, metrics: tuple[str, ...], s4_block: str | None = None) -> TableValue | None:
        """The sum of several metrics (一、本年新收 + 二、上年结转 …), or None when one cannot be computed.  Computed once
        per report (every claim of a metric asks for it): shared, not to be changed, like :meth:`value`'s."""
        key = (metrics, s4_block)
        got = self._totals.get(key, _UNSET)  # (not try/except KeyError: half the calls miss, and a raise costs more)
        if got is _UNSET:
            if len(metrics) == 1:  # (most claims): sum_values of one value, without its lists and loop
                v = self.value(metrics[0], s4_block)
                got = None if v is None else _deferred(_ZERO + v.value, v.cells[:], v.notes[:], _sum_alt, [v])
            else:
                got = sum_values([self.value(m, s4_block) for m in metrics])
            self._totals[key] = got
        return got  # type: ignore[return-value]

    def s4_cell(self, block: str, result: str) -> TableValue | None:
        """One result (``total``, ``upheld``, ``corrected``, ``other``, ``pending``) of one table-四 block."""
        t = self.readable("s4")
        return s4_cell(t, block, result) if t is not None else None

    def applicant_columns(self, rows: tuple[str, ...], cols: tuple[str, ...]) -> TableValue | None:
        """Applicant columns of table 三 summed over ``rows`` (:func:`columns_value`), None without a readable table."""
        t = self.readable("s3")
        return columns_value(t, rows, cols) if t is not None else None
