"""Rows whose numbers sit in the wrong columns: a row typed one column to the right (or left), or two
numbers of a row swapped.

One such slip breaks several identities at once — a row typed one column right (``|  | 2 | 0 | 0 | 0 |
0 | 0 |`` for ``| 2 | 0 | 0 | 0 | 0 | 0 | 2 |``) breaks the 办理结果合计 of the 自然人, 商业企业 and 总计
columns and the row's own 申请人合计 — and no single corrected cell explains them all.  Checking each
identity on its own then gives three or four findings, none naming the row, and blaming one cell
proposes a fix that leaves the others broken.

:func:`rearrangements` lists, for a table whose identities were evaluated, every way of putting one
row's numbers back that makes each identity touching that row hold:

* ``swap``: two cells of the row exchanged (自然人 0 and 商业企业 2 → 2 and 0);
* ``shift_right``: the row was typed one column to the right — its first value cell is empty and the
  numbers after it belong one column to the left; the last number (总计) fell off the table and is
  taken as the sum of the others (the row's own identity);
* ``shift_left``: typed one column to the left — its 总计 cell is empty, every number belongs one
  column to the right, and the first one (自然人), lost, is the 总计 less the others.

Each is returned with the identities it makes hold that did not (``fixes``, blank totals as 0).  Whether that is
certain — the only way, and one that explains every broken identity of the table — is for the
caller to decide (:mod:`.identities`, reported by rule DL210).  A row touched by an identity that cannot
be evaluated (a cell not read, a blank total of another row) is not tried: what it would break is unknown.
Tables 三 (both rearrangements) and 四 (swaps only: its one row has three groups of columns) are
searched; the search is linear in rows × column pairs (a few hundred trials per table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from typing import Literal

from .model import StatTable
from .schema import Identity

ZERO = Decimal(0)
Kind = Literal["swap", "shift_right", "shift_left"]


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Rearrangement:
    """One row's numbers put back in their columns."""

    table: str
    row: str
    kind: Kind
    cols: tuple[str, ...]  # swap: the two columns; shifts: every column of the row, in order
    written: tuple[Decimal | None, ...]  # the values as written under ``cols`` (None: blank)
    fixed: tuple[Decimal, ...]  # the values that make the identities hold
    fixes: frozenset[int]  # indices (into the identities given) of the broken ones it makes hold

    @property
    def changed(self) -> tuple[str, ...]:
        """The columns whose number changes."""
        return tuple(c for c, a, b in zip(self.cols, self.written, self.fixed) if (a or ZERO) != b)


def rearrangements(table: StatTable, idents: Sequence[Identity],
                   unknown: frozenset[tuple[str, str]] = frozenset()) -> list[Rearrangement]:
    """Every rearrangement of one row after which each identity touching that row holds, and that makes at
    least two broken ones hold.  ``idents``: the table's identities; ``unknown``: cells whose value is not
    known (a blank 总计 whose parts are not all 0) — an identity with such a cell outside the row, or in
    it and not filled by the rearrangement, cannot be checked, so the row is not tried with it."""
    if table.id not in ("s3", "s4") or table.extra_cols or table.loose or table.layout == "image":
        return []
    cols = tuple(c.id for c in table.schema.cols)
    deltas: list[Decimal | None] = [_delta(table, ident) for ident in idents]
    touching: dict[str, list[tuple[int, dict[str, int], frozenset[str]]]] = {}
    closed: set[str] = set()  # rows touched by an identity that cannot be evaluated
    for i, ident in enumerate(idents):
        per_row: dict[str, dict[str, int]] = {}
        for sign, keys in ((1, ident.lhs), (-1, ident.rhs)):
            for r, c in keys:
                per_row.setdefault(r, {})[c] = per_row.get(r, {}).get(c, 0) + sign
        blind = {k for k in (*ident.lhs, *ident.rhs) if k in unknown}
        for r, coef in per_row.items():
            if deltas[i] is None or any(k[0] != r for k in blind):
                closed.add(r)
            else:
                touching.setdefault(r, []).append((i, coef, frozenset(c for _r, c in blind)))
    out: list[Rearrangement] = []
    for row, eqs in touching.items():
        if row in closed:
            continue
        cells = [table.cells.get((row, c)) for c in cols]
        if any(c is None or c.value.kind == "text" for c in cells):
            continue
        values = tuple(c.value.arithmetic for c in cells)  # type: ignore[union-attr]
        blank = tuple(not c.value.is_number for c in cells)  # type: ignore[union-attr]
        for kind, idx, fixed, fills in _trials(table.id, values, blank):
            fixes = _fixes(eqs, deltas, dict(zip(cols, values)), dict(zip(cols, fixed)), {cols[k] for k in fills})
            if fixes is not None and len(fixes) >= 2:
                out.append(Rearrangement(table.id, row, kind, tuple(cols[k] for k in idx),
                                         tuple(None if blank[k] else values[k] for k in idx),
                                         tuple(fixed[k] for k in idx), fixes))
    return out


def _delta(table: StatTable, ident: Identity) -> Decimal | None:
    """``lhs - rhs`` (blank and placeholders as 0), or None when a cell was not read or holds text."""
    total = ZERO
    for sign, keys in ((1, ident.lhs), (-1, ident.rhs)):
        for k in keys:
            c = table.cells.get(k)
            if c is None or c.value.kind == "text":
                return None
            total += sign * c.value.arithmetic
    return total


def _trials(tid: str, values: tuple[Decimal, ...], blank: tuple[bool, ...]):
    """(kind, indices of the columns it names, the row's values after it, indices of the cells it fills
    with a value of its own) for every rearrangement worth trying."""
    n = len(values)
    for a, b in combinations(range(n), 2):
        if values[a] != values[b]:
            fixed = list(values)
            fixed[a], fixed[b] = values[b], values[a]
            yield "swap", (a, b), tuple(fixed), ()
    if tid != "s3" or not any(values):
        return
    if blank[0]:  # typed one column right: 总计 fell off, it is the sum of the others
        parts = list(values[1:])
        yield "shift_right", tuple(range(n)), (*parts, sum(parts, ZERO)), (n - 1,)
    if blank[-1]:  # typed one column left: 自然人 was lost, it is 总计 less the others
        parts = list(values[:-1])  # now 商业企业 … 总计
        first = parts[-1] - sum(parts[:-1], ZERO)
        if first >= 0:
            yield "shift_left", tuple(range(n)), (first, *parts), (0, n - 1)


def _fixes(eqs: list[tuple[int, dict[str, int], frozenset[str]]], deltas: list[Decimal | None],
           before: dict[str, Decimal], after: dict[str, Decimal], fills: set[str]) -> frozenset[int] | None:
    """The broken identities the change makes hold, or None when one it touches would not hold (or holds a
    cell of unknown value the change does not fill)."""
    fixed: set[int] = set()
    for i, coef, blind in eqs:
        if not blind <= fills:
            return None
        delta = deltas[i]
        assert delta is not None
        new = delta + sum((after[c] - before[c]) * k for c, k in coef.items())
        if new != 0:
            return None
        if delta != 0:
            fixed.add(i)
    return frozenset(fixed)
