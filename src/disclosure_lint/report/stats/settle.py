"""Rows of a flattened table 三 whose run-together digits split more than one way, settled by the table's columns.

A crawler that drops the spaces between a row's cells leaves one run of digits per row (``270020130``).  The row's
own identity (总计 = 六类申请人之和) places most rows for certain (:func:`.runs.split_run`); some fit it two ways
(27 0 0 2 0 1 30 and 2 7 0 0 20 1 30).  Such a row is settled here by the identities down the columns that the table
prints (I1 勾稽关系: 一 + 二 = （七）总计 + 四) or that its form implies (I3: （七）总计 = 各项办理结果之和): of all the
combinations of the ambiguous rows' splits (at most :data:`MAX_COMBOS`), the one under which every such identity that
involves an ambiguous row holds, the other cells being those placed for certain.  When none holds (the report's own
numbers do not add up) or several do, the rows stay unplaced and their numbers loose, as before: DL001 says that the
tool could not read them, never that the report is wrong.  A settled row satisfies by construction the identities
that chose it; an identity that involves no ambiguous row is checked as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from typing import Any

from .grid import value_of
from .model import StatCell, cell_key
from .schema import Identity, identities

MAX_CHOICES = 4  # splits of one row tried
MAX_COMBOS = 256  # combinations of the rows' splits tried in all


@dataclass
class Ambiguous:
    """A row of table 三 whose digits split several ways: its id and, for each split, the cells' texts in column
    order (``cols``) and what the caller keeps to place them (its tokens)."""

    row: str
    cols: Sequence[str | None]
    texts: list[list[str]]
    payloads: list[Any]


def _number(text: str) -> Decimal | None:
    v = value_of(text)
    return v.number if v.kind == "int" else None


def settle(cells: dict[tuple[str, str], StatCell], rows: list[Ambiguous]) -> list[int] | None:
    """For each of ``rows``, the index of its split under which every identity of table 三 (I1, I3; both format
    versions' I3, the version the rows placed for certain point to) that involves one of the rows holds, when exactly
    one combination does; else None."""
    if not rows or any(len(r.texts) < 2 for r in rows):
        return None
    combos = 1
    for r in rows:
        combos *= len(r.texts)
    if combos > MAX_COMBOS:
        return None
    version = "2021" if any(k[0].startswith("result.other.") for k in cells) else "2019"
    mine = {r.row for r in rows}
    checks = [i for i in identities("s3", version) if i.id in ("I1", "I3")
              and any(k[0] in mine for k in (*i.lhs, *i.rhs))]
    fixed: dict[tuple[str, str], Decimal | None] = {k: (_number(c.raw) if c.raw else None) for k, c in cells.items()
                                                    if k[0] not in mine}
    found: list[int] | None = None
    tested = False
    for pick in product(*(range(len(r.texts)) for r in rows)):
        values = dict(fixed)
        for r, i in zip(rows, pick):
            for cid, text in zip(r.cols, r.texts[i]):
                if cid is not None:
                    values[cell_key(r.row, cid)] = _number(text)
        verdict = _holds(checks, values)
        if verdict is None:
            continue
        tested = True
        if verdict:
            if found is not None:
                return None  # two combinations fit: not certain
            found = list(pick)
    return found if tested else None


def _holds(checks: list[Identity], values: dict[tuple[str, str], Decimal | None]) -> bool | None:
    """Whether every identity of ``checks`` that can be computed (every cell read, a whole number) holds; None when
    none can be: the combination says nothing."""
    computed = False
    for ident in checks:
        lhs = [values.get(k) for k in ident.lhs]
        rhs = [values.get(k) for k in ident.rhs]
        if None in lhs or None in rhs:
            continue
        computed = True
        if sum(x for x in lhs if x is not None) != sum(x for x in rhs if x is not None):
            return False
    return True if computed else None


def place(cells: dict[tuple[str, str], StatCell], rows: list[Ambiguous],
          add: Callable[[Ambiguous, Any], None], loose: Callable[[Ambiguous], None]) -> None:
    """Each of ``rows`` added by ``add`` with its settled split's payload, when :func:`settle` settles them all; else
    each one given to ``loose``."""
    picks = settle(cells, rows)
    for k, r in enumerate(rows):
        if picks is None:
            loose(r)
        else:
            add(r, r.payloads[picks[k]])
