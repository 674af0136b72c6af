"""Table 三's rows a clerk added inside a group: ``9.其他原因`` after （三）不予公开's eight items, ``4.其他`` under
（四）无法提供, an unnumbered ``其他原因`` in a grid table.  The reader cannot place them (no row of the format), but they are
the report's addition, not the tool's misreading: table-extra-rows (DL111) names them, table-unreadable (DL001) does not,
and the prose is still compared with the table (:attr:`.model.StatTable.comparable`), except for the group they sit in,
whose sum they may belong to.

Reads a table duck-typed (``id``, ``schema``, ``layout``): imported by :mod:`.model`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from . import labels as lb
from .schema import SCHEMAS, norm, schema, strip_number


@cache
def _row_keys(tid: str) -> frozenset[str]:
    """The row keys of table ``tid`` in every format version."""
    return frozenset(k for t, version in SCHEMAS if t == tid for r in schema(tid, version).rows for k in r.keys)


def added_row(table: Any, u: Any) -> int | None:
    """How many items the group of table 三 that ``u`` sits in has, when ``u`` is plainly a clerk's added item of that
    group (None: it is not): numbered past the group's last item (``9.其他``, ``9.其他原因`` under （三）不予公开, which
    has 1–8), or — in a table read by its grid, where a label is a cell's whole text — unnumbered with a label that is
    none of the format's and no piece of one (``其他原因``; not ``属于国家秘``, a label cut by a reader).  A row
    numbered within the group (``3.其他原因``) may be a misread item: not one."""
    if table.id != "s3" or u.what != "row" or u.group is None:
        return None
    items = sum(1 for r in table.schema.rows if r.group == u.group and r.data)
    parts = lb.split_label(u.label)
    if not items or not parts:
        return None
    last = parts[-1]
    if last.marker == "arabic" and last.num is not None and last.num > items:
        return items
    if last.marker or len(parts) != 1:
        return None
    k = norm(strip_number(u.label))
    known = _row_keys(table.id)
    if k in known:  # 其他: the reader takes a short label for its own group's row only (resolve_s3)
        return items
    if table.layout != "grid" or len(k) < 2:
        return None
    # (a short label of the format, 其他, inside it is no sign of a cut: 其他原因 is the clerk's catch-all)
    if any(k in key or (len(key) >= 4 and (key in k or lb.similarity(k, key) >= 0.5)) for key in known):
        return None
    return items
