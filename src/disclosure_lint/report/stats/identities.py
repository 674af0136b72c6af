"""Which identities of the statistics tables hold, which fail, and which single cell or row explains the failures.

The report fact :attr:`AnnualReport.identity_checks <disclosure_lint.report.AnnualReport.identity_checks>`
(spec §4; the identities are declared as data in :mod:`.schema`):
I1 表三每列 一 + 二 = （七）总计 + 四 (the 勾稽关系 printed in the table);
I2 表三每行 总计 = 六类申请人之和; I3 表三每列 （七）总计 = 各项办理结果之和;
I4 表四三组各自 总计 = 维持 + 纠正 + 其他 + 尚未审结.
Blank cells and placeholders (/ — 无) count as 0.

* **Never blame the report for a parse failure.** An identity is *skipped* when the table is an image; when
  the table has an unrecognised column (the others may be shifted) or values of a flattened table that could
  not be placed; when one of its cells was not read (missing row, column or cell); when one of its cells
  holds text; for I3, when the table has unrecognised or local extra rows (their numbers may belong to the
  sum), except a clerk's added item of a group (9.其他原因) whose numbers were read: I3 is then tried with and
  without them (:func:`_with_added`); and when it uses a blank total of another identity (its value is unknown,
  not 0).
* **Blank totals.** An identity whose total cell is blank (or a placeholder) while its parts are not all zero
  is not an arithmetic error: its status is ``blank_total``, never ``violated``.
* **Explanation** (:meth:`IdentityChecks.explain`, per ``min_identities``, an option of the cell-blame rule).
  *Cell blame*: when one cell takes part in at least ``min_identities`` violated identities, every checked
  identity it takes part in is violated, and one corrected value of that cell satisfies all of them, the
  cell is blamed (:class:`Blame`).  *Moves*: when no cell explains every broken identity of a table, the
  only rearrangement of one row (:mod:`.misplaced`) that makes all of them hold (:class:`Move`); otherwise a
  broken identity that only one rearrangement could make hold is given it as a hint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, getcontext
from functools import cache, partial
from itertools import compress, count
from operator import attrgetter, is_not, itemgetter
from typing import Any, Literal, cast

from .grid import value_of
from .misplaced import Rearrangement, rearrangements
from .model import StatCell, StatTable, Value, cell_key
from .schema import Identity, identities

ZERO = Decimal(0)
DEFAULT_MIN_IDENTITIES = 2

Status = Literal["ok", "violated", "blank_total", "skipped"]
CellKey = tuple[str, str]  # (row id, column id)


def table_version(table: StatTable, format_version: str | None) -> str:
    """The template version a table is checked against: what its labels say, else its schema's, else the
    report's, else 2021."""
    for v in (table.detected_version, table.schema.version, format_version):
        if v in ("2019", "2021"):
            return v
    return "2021"


@dataclass(eq=False)  # identity equality: a check is a key of Explanation.blamed and .hints
class Check:
    """One identity evaluated on one table."""

    ident: Identity
    table: StatTable
    status: Status
    lhs: Decimal = ZERO
    rhs: Decimal = ZERO
    reason: str | None = None  # why it was skipped
    # I3 of a table 三 with a clerk's added item (9.其他原因): the added rows' figure in this column, tried in the sum
    # both ways (:func:`_with_added`); None: no added row was tried
    added: Decimal | None = None
    added_in: Decimal = ZERO  # what of ``added`` its ``rhs`` counts (see _with_added)

    @property
    def delta(self) -> Decimal:
        return self.lhs - self.rhs

    @property
    def total_key(self) -> CellKey:
        """The cell most likely wrong when nothing else is known: the total."""
        return self.ident.rhs[0] if self.ident.id == "I1" else self.ident.lhs[0]

    def keys(self) -> list[tuple[CellKey, int]]:
        return [(k, 1) for k in self.ident.lhs] + [(k, -1) for k in self.ident.rhs]

    def expected_total(self) -> Decimal:
        """The value the total cell would need for the identity to hold."""
        total = self.table.cells.get(self.total_key)
        value = total.value.arithmetic if total is not None else ZERO
        return value + self.delta if self.total_key in self.ident.rhs else value - self.delta

    @property
    def subject(self) -> tuple[str, str]:
        """("col"|"row"|"block", id) — what the identity is about."""
        i = self.ident
        if i.id in ("I1", "I3"):
            return "col", i.lhs[0][1]
        if i.id == "I2":
            return "row", i.lhs[0][0]
        return "block", i.lhs[0][1].split(".")[0]


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Blame:
    """One cell whose corrected value (``expected``) satisfies every violated identity it takes part in."""

    table: StatTable
    key: CellKey
    cell: StatCell
    checks: list[Check]
    expected: Decimal

    @property
    def actual(self) -> Decimal:
        return self.cell.value.arithmetic


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Move:
    """A row whose numbers sit in the wrong columns (:mod:`.misplaced`): the only rearrangement of one row that
    makes every broken identity of its table hold."""

    table: StatTable
    how: Rearrangement
    checks: list[Check]


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Explanation:
    """What explains the violated identities, for one value of ``min_identities``."""

    blames: list[Blame] = field(default_factory=list)
    blamed: set[Check] = field(default_factory=set)  # checks explained by a blame or a move
    moves: list[Move] = field(default_factory=list)
    # a broken check → the one row whose rearrangement would make it hold, when that is not certain enough for
    # a move (other identities of the table stay broken): named in its message
    hints: dict[Check, Rearrangement] = field(default_factory=dict)


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class IdentityChecks:
    """Every identity of tables 三 and 四 evaluated once per report; their explanation computed on demand."""

    checks: list[Check] = field(default_factory=list)
    _explained: dict[int, Explanation] = field(default_factory=dict, repr=False)

    def explain(self, min_identities: int = DEFAULT_MIN_IDENTITIES) -> Explanation:
        """Blamed cells, moved rows and hints (see the module docstring), cached per ``min_identities``."""
        got = self._explained.get(min_identities)
        if got is None:
            got = self._explained[min_identities] = _explain(self.checks, min_identities)
        return got


def check_identities(stats: dict[str, StatTable] | None, format_version: str | None) -> IdentityChecks:
    """Evaluate every identity of tables 三 and 四 (in that order)."""
    out = IdentityChecks()
    stats = stats or {}
    for tid in ("s3", "s4"):
        table = stats.get(tid)
        if table is None or not table.cells:
            continue
        first = _with_added(_evaluate_all(_plan(tid, table_version(table, format_version)), table), table)
        unknown = frozenset(c.total_key for c in first if c.status == "blank_total")
        if unknown:
            # the first result, except that an identity which would otherwise be ok or violated is skipped when a
            # blank total of another identity takes part (every other status comes before that test)
            first = [_with_unknown(c, unknown) for c in first]
        out.checks.extend(first)
    return out


def _table_skip(table: StatTable) -> tuple[str | None, str | None]:
    """Why every identity of ``table`` is skipped (None: it is not), and why I3 is (the table-wide reasons
    in the order they are tested)."""
    if table.layout == "image":
        return "表格为图片", "表格为图片"
    if table.loose:
        # values of a flattened table that could not be placed: some cells are unknown
        return "有未能定位的数值", "有未能定位的数值"
    if table.columns_unknown:
        # an unrecognised column may have shifted the others: no arithmetic on this table
        return "表中有未识别的列", "表中有未识别的列"
    if table.extra_rows or (table.unmapped_data and table.added_figures is None):
        # the numbers of an unrecognised or local row may belong to the sum
        return None, "表中有未识别或额外的行"
    return None, None


def _with_added(checks: list[Check], table: StatTable) -> list[Check]:
    """I3 of a table 三 with rows a clerk added in its groups (:attr:`.model.StatTable.added_figures`: 9.其他原因) tried
    with and without them, each row counted or not: a column for which one way holds is ok; one for which none holds
    stays violated and keeps the added rows' figure (``Check.added``) for its message.  Its items' side is the sum
    without them, unless with some of them the sum is the total that the column's I1 (一 + 二 − 四) gives
    (``Check.added_in``, what was counted): the clerk counted them, and the total cell is the one wrong, as I1 and I2
    say (one cell to blame, DL210, not three errors)."""
    figures = table.added_figures
    if figures is None:
        return checks
    i1 = {ch.ident.lhs[0][1]: ch for ch in checks if ch.ident.id == "I1" and ch.status in ("ok", "violated")}
    for ch in checks:
        if ch.ident.id != "I3" or ch.status != "violated":
            continue
        col = ch.ident.lhs[0][1]
        each = [f.get(col, ZERO) for f in figures]
        ch.added = sum(each, ZERO)
        ways = _subset_sums(each)  # what the added rows may add, each counted or not
        if ch.lhs - ch.rhs in ways:
            ch.status = "ok"
            continue
        other = i1.get(col)
        if other is not None:
            implied = other.lhs - other.rhs + ch.lhs  # 一 + 二 − 四 (I1 with this total)
            if implied != ch.rhs and implied - ch.rhs in ways:
                ch.added_in = implied - ch.rhs
                ch.rhs = implied
    return checks


def _subset_sums(each: list[Decimal]) -> set[Decimal]:
    """The sums of the sub-lists of ``each`` (0 for none of them); of none or all of them past 8 (2 ** 8 sums)."""
    if len(each) > 8:
        return {ZERO, sum(each, ZERO)}
    sums = {ZERO}
    for x in each:
        sums |= {s + x for s in sums}
    return sums


_Getter = Callable[[list[Decimal | None]], tuple[Decimal | None, ...]]
#: one side of an identity in a plan: the positions of its cells, and when there are two or more, a C-level getter
#: of their numbers as a tuple (``itemgetter`` of one position returns the item, not a tuple: None then)
_Side = tuple[tuple[int, ...], "_Getter | None"]


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class _Plan:
    """The identities of one (table, version), compiled once: every cell key they read, each once (``keys``), and
    each identity's two sides as positions in ``keys`` (with every position it reads)."""

    idents: tuple[Identity, ...]
    keys: tuple[CellKey, ...]
    sides: tuple[tuple[Identity, _Side, _Side, frozenset[int]], ...]


def _side(at: tuple[int, ...]) -> _Side:
    return at, (cast("_Getter", itemgetter(*at)) if len(at) > 1 else None)


@cache
def _plan(tid: str, version: str) -> _Plan:
    idents = tuple(identities(tid, version))
    at: dict[CellKey, int] = {}
    for ident in idents:
        for k in (*ident.lhs, *ident.rhs):
            at.setdefault(k, len(at))
    sides = tuple((i, _side(tuple(at[k] for k in i.lhs)), _side(tuple(at[k] for k in i.rhs)),
                   frozenset(at[k] for k in (*i.lhs, *i.rhs))) for i in idents)
    return _Plan(idents, tuple(cell_key(*k) for k in at), sides)  # the tables' own key objects (cell_key)


def _evaluate_all(plan: _Plan, table: StatTable) -> list[Check]:
    """Each identity on ``table``, the table-wide reasons to skip computed once (the equivalence with one
    evaluation per identity is pinned by tests/test_fast_paths.py).

    The cells the identities read are fetched once per table (a cell of table 三 is in two or three identities)
    with their numbers; an identity none of whose cells is missing or text is summed from those (its Decimals
    added in the same order, from 0, as :func:`_sums` adds them); the others go through :func:`_sums`, which
    says which cell made it skip (tests/test_fast_paths_t3_stats.py pins the two equal)."""
    skip, skip_i3 = _table_skip(table)
    if skip is not None:
        return [Check(i, table, "skipped", reason=skip) for i in plan.idents]
    cells = table.cells
    got = list(map(cells.get, plan.keys))
    try:
        ints = list(map(_INT_OF, [c.raw for c in got]))  # type: ignore[union-attr]
    except (AttributeError, KeyError):  # a cell not read, or one holding text, a decimal or a long number
        ints = None
    if ints is not None and getcontext().prec >= _EXACT_PREC:
        return _evaluate_ints(plan, table, skip_i3, ints)
    return _evaluate_values(plan, table, skip_i3, got)


def _evaluate_ints(plan: _Plan, table: StatTable, skip_i3: str | None, ints: list[int]) -> list[Check]:
    """:func:`_evaluate_values` of a table whose cells the identities read are all whole numbers (of at most
    ``_INT_DIGITS`` digits) or blanks and placeholders: ``ints`` their numbers as ints, a blank or placeholder
    ``False`` (0 in a sum).  Each side is summed as ints and made a Decimal once (:data:`_DEC_OF`): the same value
    as the Decimals added from 0 (exact: no sum reaches the context's precision, ``_EXACT_PREC``), where each
    addition of two Decimals cost ≈ 600 instructions (≈ 370 a report).  Pinned in
    tests/test_fast_paths_t12_tables.py against :func:`_evaluate_values`."""
    out: list[Check] = []
    dec = _DEC_OF
    for ident, (lhs_at, lget), (rhs_at, rget), _every in plan.sides:
        if skip_i3 is not None and ident.id == "I3":
            out.append(Check(ident, table, "skipped", reason=skip_i3))
            continue
        lhs = ints[lhs_at[0]] if lget is None else sum(lget(ints))  # type: ignore[arg-type]
        rhs = ints[rhs_at[0]] if rget is None else sum(rget(ints))  # type: ignore[arg-type]
        ch: Any = _new(Check)  # as in _evaluate_values
        ch.ident = ident
        ch.table = table
        if rhs != 0 and ints[lhs_at[0]] is False and ident.id != "I1":
            ch.status = "blank_total"  # a blank 总计 (spec I13), as _sums
        else:
            ch.status = "ok" if lhs == rhs else "violated"
        ch.lhs = dec[lhs]
        ch.rhs = dec[rhs]
        ch.reason = None
        ch.added = None
        ch.added_in = ZERO
        out.append(ch)
    return out


def _evaluate_values(plan: _Plan, table: StatTable, skip_i3: str | None, got: list[StatCell | None]) -> list[Check]:
    """:func:`_evaluate_all` from the cells' values (``got``: the cells of ``plan.keys``, None for one not read)."""
    cells = table.cells
    # comprehensions, not map(attrgetter): Python 3.11's specialised attribute reads are cheaper here
    try:
        values = [c.value for c in got]  # type: ignore[union-attr]
    except AttributeError:  # a cell not read
        values = [_MISSING if c is None else c.value for c in got]
    kinds = [v.kind for v in values]
    # positions of the cells that make an identity skip: not read, or text
    bad = frozenset(compress(count(), map(_BAD_KINDS.__contains__, kinds))) if (
        "text" in kinds or "missing" in kinds) else None
    numbers = [v.number for v in values]
    # a blank or placeholder among them (number None; only int and decimal have one).  Not ``None in numbers``:
    # a Decimal compared with None asks numbers.Rational, an ABC, each time
    blanks = not _NUMBER_KINDS.issuperset(kinds)
    out: list[Check] = []
    for ident, lhs_side, rhs_side, every in plan.sides:
        if skip_i3 is not None and ident.id == "I3":
            out.append(Check(ident, table, "skipped", reason=skip_i3))
            continue
        if bad is not None and not bad.isdisjoint(every):
            out.append(_sums(ident, table, cells))
            continue
        # each side: ``sum`` of its numbers from 0 in order, blanks (None) left out, as _sums adds them (inline: two
        # calls of a helper per identity cost more than the sums)
        lhs_at, get = lhs_side
        if get is None:
            n = numbers[lhs_at[0]]
            lhs = ZERO if n is None else ZERO + n  # sum((n,), ZERO)
        else:
            lhs = sum(filter(_NOT_NONE, get(numbers)) if blanks else get(numbers), ZERO)  # type: ignore[type-var, assignment]
        rhs_at, get = rhs_side
        if get is None:
            n = numbers[rhs_at[0]]
            rhs = ZERO if n is None else ZERO + n
        else:
            rhs = sum(filter(_NOT_NONE, get(numbers)) if blanks else get(numbers), ZERO)  # type: ignore[type-var, assignment]
        # Check(ident, table, status, lhs, rhs) without the dataclass's __init__ (most checks of a report are made
        # here): the same fields, set in the same order, the reason its default
        ch: Any = _new(Check)
        ch.ident = ident
        ch.table = table
        if ident.id != "I1" and rhs != 0 and kinds[lhs_at[0]] not in _NUMBER_KINDS:
            ch.status = "blank_total"  # a blank 总计 (spec I13), as _sums
        else:
            ch.status = "ok" if lhs == rhs else "violated"
        ch.lhs = lhs
        ch.rhs = rhs
        ch.reason = None
        ch.added = None
        ch.added_in = ZERO
        out.append(ch)
    return out


_new = object.__new__
_VALUE = attrgetter("value")
_KIND = attrgetter("kind")
_NUMBER = attrgetter("number")
_NOT_NONE = partial(is_not, None)
_MISSING = Value("missing")  # type: ignore[arg-type]  # stands for a cell not read, in _evaluate_all only
_BAD_KINDS = frozenset({"text", "missing"})
_NUMBER_KINDS = frozenset({"int", "decimal"})  # Value.is_number
_INT_DIGITS = 15  # a whole number of more digits goes through the Decimals (_evaluate_values)
_INT_LIMIT = 10 ** _INT_DIGITS
# the identities' sides add a few dozen numbers of at most _INT_DIGITS digits: under a context of this precision or
# more their Decimal sums are exact, the ints' sums
_EXACT_PREC = _INT_DIGITS + 5
_KEPT_MAX = 20000


class _IntMemo(dict[str, "int | bool"]):
    """A cell's text → its whole number as an int (:func:`.grid.value_of`'s kind ``int``, fewer than ``_INT_DIGITS``
    digits), ``False`` for a blank or a placeholder (number None); KeyError for any other text (a decimal, text, a long
    number).  A hit is one C-level lookup; at most ``_KEPT_MAX`` texts of at most 40 characters are kept."""

    def __missing__(self, raw: str) -> int | bool:
        v = value_of(raw)
        if v.kind == "int":
            n = int(v.number)  # type: ignore[arg-type]
            if not -_INT_LIMIT < n < _INT_LIMIT:
                raise KeyError(raw)
            got: int | bool = n
        elif v.kind in _BLANK_KINDS:
            got = False
        else:
            raise KeyError(raw)
        if len(raw) <= 40 and len(self) < _KEPT_MAX:
            self[raw] = got
        return got


class _DecMemo(dict[int, Decimal]):
    """An int → ``Decimal(n)`` (the Decimal 0 for ``False``); at most ``_KEPT_MAX`` kept."""

    def __missing__(self, n: int) -> Decimal:
        d = Decimal(int(n))
        if len(self) < _KEPT_MAX:
            self[n] = d
        return d


_BLANK_KINDS = frozenset({"blank", "slash", "dash", "none", "na"})  # grid._VALUE_KINDS without int and decimal
_INT_OF: Callable[[str], int | bool] = _IntMemo().__getitem__
_DEC_OF = _DecMemo()


def _sums(ident: Identity, table: StatTable, cells: dict[CellKey, StatCell]) -> Check:
    """The arithmetic of one identity (the table-wide reasons to skip already passed; unknown totals later)."""
    # both sides' cells fetched in one C-level pass (no loop in Python): when every cell was read and none holds
    # text, each side's Decimals are added in the same order, from 0, as the loop below adds them (else that
    # loop says which cell, left side first)
    lhs: Decimal | None = None
    rhs: Decimal | None = None
    values: list[Value] | None
    try:
        values = list(map(_VALUE, map(cells.get, ident.lhs + ident.rhs)))
    except AttributeError:  # a cell not read (None has no value)
        values = None
    if values is not None and "text" not in map(_KIND, values):
        numbers = list(map(_NUMBER, values))
        n = len(ident.lhs)
        lhs = sum(filter(_NOT_NONE, numbers[:n]), ZERO)
        rhs = sum(filter(_NOT_NONE, numbers[n:]), ZERO)
    if lhs is not None and rhs is not None:
        if ident.id != "I1" and rhs != 0 and not cells[ident.lhs[0]].value.is_number:
            return Check(ident, table, "blank_total", lhs, rhs)  # a blank 总计 (spec I13), as below
        return Check(ident, table, "ok" if lhs == rhs else "violated", lhs, rhs)
    # a cell not read or holding text: which one, first (left side first), says why the identity is skipped
    sums = [ZERO, ZERO]
    for side, keys in enumerate((ident.lhs, ident.rhs)):
        total = ZERO
        for k in keys:
            c = cells.get(k)
            if c is None:
                return Check(ident, table, "skipped", reason=f"未读到单元格 {k[0]} › {k[1]}")
            v = c.value
            if v.kind == "text":
                return Check(ident, table, "skipped", reason=f"单元格 {k[0]} › {k[1]} 不是数字")
            if v.number is not None:
                total += v.number
        sums[side] = total
    lhs, rhs = sums
    if ident.id != "I1" and rhs != 0 and not cells[ident.lhs[0]].value.is_number:
        # a blank 总计 whose parts are not all zero: not an arithmetic error (spec I13)
        return Check(ident, table, "blank_total", lhs, rhs)
    return Check(ident, table, "ok" if lhs == rhs else "violated", lhs, rhs)


def _with_unknown(ch: Check, unknown: frozenset[CellKey]) -> Check:
    if ch.status not in ("ok", "violated"):
        return ch
    ident = ch.ident
    if any(k in unknown for k in (*ident.lhs, *ident.rhs)):
        # a blank total of another identity takes part: its value is unknown, not 0
        return Check(ident, ch.table, "skipped", reason="涉及未填写的合计栏")
    return ch


def _explain(checks: list[Check], min_identities: int) -> Explanation:
    out = Explanation()
    out.blames, out.blamed = _blame(checks, min_identities)
    for tid in ("s3", "s4"):
        _rearrange(out, [ch for ch in checks if ch.table.id == tid])
    return out


def _blame(checks: list[Check], min_identities: int) -> tuple[list[Blame], set[Check]]:
    violated = [ch for ch in checks if ch.status == "violated"]
    if len(violated) < min_identities:
        return [], set()
    # cells that take part in at least ``min_identities`` violated identities
    counts: dict[tuple[str, CellKey], int] = {}
    for ch in violated:
        for k, _ in ch.keys():  # noqa: SIM118 - Check.keys() is a method, not a dict
            ck = (ch.table.id, k)
            counts[ck] = counts.get(ck, 0) + 1
    wanted = {ck for ck, n in counts.items() if n >= min_identities}
    if not wanted:
        return [], set()
    by_cell: dict[tuple[str, CellKey], list[tuple[Check, int]]] = {}
    for ch in checks:
        if ch.status not in ("ok", "violated"):
            continue
        for k, sign in ch.keys():  # noqa: SIM118 - Check.keys() is a method, not a dict
            ck = (ch.table.id, k)
            if ck in wanted:
                by_cell.setdefault(ck, []).append((ch, sign))
    candidates: list[tuple[int, tuple[str, CellKey], list[Check], Decimal]] = []
    for ck, uses in by_cell.items():
        if len(uses) < min_identities or any(ch.status != "violated" for ch, _ in uses):
            continue
        deltas = {-ch.delta * sign for ch, sign in uses}
        if len(deltas) != 1:
            continue
        (step,) = deltas
        cell = uses[0][0].table.cells[ck[1]]
        expected = cell.value.arithmetic + step
        if expected < 0:
            continue
        candidates.append((len(uses), ck, [ch for ch, _ in uses], expected))
    # two cells explaining exactly the same identities: ambiguous, blame neither
    sets: dict[frozenset[Check], int] = {}
    for _, _, chs, _ in candidates:
        s = frozenset(chs)
        sets[s] = sets.get(s, 0) + 1
    candidates.sort(key=lambda t: -t[0])
    used: set[Check] = set()
    blames: list[Blame] = []
    for _, (_tid, key), chs, expected in candidates:
        these = set(chs)
        if sets[frozenset(these)] > 1 or these & used:
            continue
        used |= these
        table = chs[0].table
        blames.append(Blame(table, key, table.cells[key], chs, expected))
    return blames, used


def _rearrange(out: Explanation, checks: list[Check]) -> None:
    """Broken identities of one table (``checks``: all of that table's) that one row put back in its columns
    explains (see :class:`Move`).

    A single cell that explains every broken identity is the simpler reading and stays (a blame).  Otherwise
    the only rearrangement explaining all of them becomes a move (and cell blames of that table, which explain
    a part, are dropped: their fix would leave the rest broken).  Without such a move, a broken identity that
    only one rearrangement could make hold is given it as a hint (its row is named)."""
    violated = [i for i, ch in enumerate(checks) if ch.status == "violated"]
    if len(violated) < 2:
        return
    table = checks[0].table
    blames = [b for b in out.blames if b.table is table]
    if any(len(b.checks) == len(violated) for b in blames):
        return
    unknown = frozenset(ch.total_key for ch in checks if ch.status == "blank_total")
    found = rearrangements(table, [ch.ident for ch in checks], unknown)
    # every broken identity (and those with the row's blank 总计, which the rearrangement fills)
    complete = [r for r in found if set(violated) <= r.fixes]
    if len(complete) == 1:
        for b in blames:
            out.blames.remove(b)
            out.blamed.difference_update(b.checks)
        move = Move(table, complete[0], [checks[i] for i in violated])
        out.moves.append(move)
        out.blamed.update(move.checks)
        return
    for i in violated:
        if checks[i] in out.blamed:
            continue
        ways = [r for r in found if i in r.fixes]
        if len(ways) == 1:
            out.hints[checks[i]] = ways[0]
