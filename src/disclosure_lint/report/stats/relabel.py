"""Table 三's items a clerk relabelled: ``3.其他原因`` written in place of ``3.危及“三安全一稳定”`` under （三）不予公开.

The label matches no row of the format, so the reader set the row aside (:class:`.model.Unmapped`), and the table's
checks were skipped as if the tool had misread it (DL001). When its place is sure, it is the format's item with
another label: numbered within its group, it sits between the group's items before and after it, that item is read
nowhere else, every one of its cells lies in a known column and holds a number or is blank, and the table is read by its grid (in a one-line text a
row's place is not sure, and a label that is a piece of the item's may be one a reader cut: DL001 stays). Such a row
is read as that item (:func:`place_relabelled`) and kept as :class:`.model.Relabelled`, so that table-extra-rows
(DL111) says which item it was read as.
"""

from __future__ import annotations

from . import labels as lb
from .grid import Build
from .model import Relabelled, parse_value
from .schema import TableSchema, norm, strip_number


def _pos(bd: Build, rid: str) -> tuple[int, int] | None:
    """(block index, grid row) of row ``rid``'s first cell read, None when it was not read in a grid."""
    for (r, _c), sc in bd.cells.items():
        if r == rid and sc.cell is not None and sc.block is not None:
            return sc.block.index, sc.cell.row
    return None


def place_relabelled(bd: Build, sch: TableSchema) -> None:
    """Read each of ``bd``'s unrecognised rows of table 三 whose place is sure as the item it stands for (see the
    module docstring): its cells added under that item's row id, the row moved from ``bd.unmapped`` to
    ``bd.relabelled``."""
    if bd.id != "s3" or bd.layout != "grid" or bd.loose or any(u.what == "col" for u in bd.unmapped):
        return
    rows = [u for u in bd.unmapped if u.what == "row"]
    found = {r for r, _c in bd.cells}
    for u in rows:
        parts = lb.split_label(u.label)
        if u.group is None or len(parts) != 1 or parts[0].marker != "arabic" or parts[0].num is None:
            continue
        items = [r for r in sch.rows if r.group == u.group and r.data]
        k = parts[0].num
        if not 1 <= k <= len(items) or items[k - 1].id in found or u.block is None or u.cell is None:
            continue
        if len(u.values) != len(sch.cols) or any(parse_value(text).kind == "text" for _c, text, _cell in u.values):
            continue  # a cell in no known column, or words among its numbers: not sure to be the item's row
        written = norm(strip_number(u.label))
        if len(written) < 2 or written in norm(items[k - 1].label):
            continue  # a label cut by a reader (3.危及“三安): the tool's misreading, DL001 says so
        here = (u.block.index, u.cell.row)
        before = _pos(bd, items[k - 2].id) if k > 1 else None
        after = _pos(bd, items[k].id) if k < len(items) else None
        if (k > 1 and (before is None or not before < here)) or (k < len(items) and (after is None or not here < after)):
            continue
        rid = items[k - 1].id
        bd.add_row(rid, u.label, [(cid, cell) for cid, _t, cell in u.values if cell is not None], u.block)
        bd.unmapped.remove(u)
        bd.relabelled.append(Relabelled(u.label, rid, u.group, u.block, u.cell))
        found.add(rid)
