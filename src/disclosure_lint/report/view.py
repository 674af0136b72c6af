"""The report as the HTML report shows it: its blocks with their source positions, and the three statistics
tables as read, keyed by canonical row and column ids (``FileResult.view``, filled only when asked for:
``Checker(keep_view=True)``, set by ``check -f html``).

Plain JSON (dicts, lists, str, int) so that the result cache and the process pool can carry it::

    {"version": 1, "has_lines": true, "format_version": "2021",
     "blocks": [{"kind": "paragraph", "text": "…", "level": null, "line": 18, "pointer": null,
                 "anchors": [[offset, line, column, page], …],          # text offset → source position
                 "rows": [[{"text", "header", "line", "column", "pointer", "anchors"}, …], …]},  # tables only
                …],
     "omitted": {"blocks": 0, "chars": 0},                               # what the size bounds left out
     "tables": {"s3": {"name": "表三", "title": "三、收到和处理…", "version": "2021", "layout": "grid",
                       "rows": [{"id", "label", "group", "data"}], "cols": [{"id", "label", "group"}],
                       "row_cols": {row id: [col id, …]} | null,
                       "cells": {row id: {col id: {"raw", "kind", "pointer"}}},
                       "written_rows": {row id: label as written}, "unmapped": [label, …]}},
     "table_names": {"s2": "表二", "s3": "表三", "s4": "表四"}}       # every table, found or not

Bounds: at most :data:`MAX_CHARS` characters of text and :data:`MAX_ANCHORS` anchors per file (blocks after
that are left out and counted in ``omitted``); the reader's own limits (``max_blocks``, ``max_table_cells``)
already bound the rest.
"""

from __future__ import annotations

from typing import Any

from ..model import Anchor, Block, Cell
from .catalogue import TABLE_NAMES, TABLE_SHORT_NAMES
from .stats.model import StatTable
from .stats.schema import S4_BLOCKS

VERSION = 1
MAX_CHARS = 1_000_000  # text shown per report (real reports have 5 000 – 60 000 characters)
MAX_ANCHORS = 200_000


def _anchors(anchors: tuple[Anchor, ...]) -> list[list[int | None]]:
    return [[a.offset, a.line, a.column, a.page] for a in anchors]


def _cell(c: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"text": c.text, "header": c.header}
    if c.anchors:
        out["anchors"] = _anchors(c.anchors)
    elif c.line is not None:
        out["anchors"] = [[0, c.line, c.column or 1, None]]
    if c.pointer:
        out["pointer"] = c.pointer
    return out


def _block(b: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": b.kind, "text": b.text, "level": b.level, "line": b.line, "pointer": b.pointer}
    if b.anchors:
        out["anchors"] = _anchors(b.anchors)
    elif b.line is not None:
        out["anchors"] = [[0, b.line, b.column or 1, None]]
    if b.table is not None:
        out["rows"] = [[_cell(c) for c in row.cells] for row in b.table.rows]
    return out


def _size(b: dict[str, Any]) -> tuple[int, int]:
    chars = len(b["text"]) + sum(len(c["text"]) for row in b.get("rows", ()) for c in row)
    anchors = len(b.get("anchors", ())) + sum(len(c.get("anchors", ())) for row in b.get("rows", ()) for c in row)
    return chars, anchors


def _table(t: StatTable) -> dict[str, Any]:
    sch = t.schema
    rows = [{"id": r.id, "label": r.label, "group": r.group, "data": r.data} for r in sch.rows]
    if t.id == "s4":
        blocks = dict(S4_BLOCKS)
        cols = [{"id": c.id, "label": c.label, "group": blocks.get(c.id.split(".")[0], c.group)} for c in sch.cols]
    else:
        cols = [{"id": c.id, "label": c.label, "group": c.group} for c in sch.cols]
    cells: dict[str, dict[str, Any]] = {}
    for (row, col), c in t.cells.items():
        cells.setdefault(row, {})[col] = {"raw": c.raw, "kind": c.value.kind, "pointer": c.pointer}
    return {
        "name": TABLE_SHORT_NAMES.get(t.id, t.id), "title": TABLE_NAMES.get(t.id, t.id), "version": sch.version,
        "layout": t.layout, "rows": rows, "cols": cols,
        "row_cols": {k: list(v) for k, v in sch.row_cols.items()} if sch.row_cols is not None else None,
        "cells": cells, "written_rows": dict(t.row_labels),
        "unmapped": [u.label for u in t.unmapped if u.what == "row"],
    }


def build_view(rep) -> dict[str, Any]:
    """The view of an :class:`~disclosure_lint.report.annual.AnnualReport` (see the module docstring)."""
    doc = rep.document
    blocks: list[dict[str, Any]] = []
    chars = anchors = 0
    omitted = {"blocks": 0, "chars": 0}
    for b in doc.blocks:
        view = _block(b)
        n, a = _size(view)
        if omitted["blocks"] or chars + n > MAX_CHARS or anchors + a > MAX_ANCHORS:
            omitted["blocks"] += 1
            omitted["chars"] += n
            continue
        chars += n
        anchors += a
        blocks.append(view)
    tables = {tid: _table(t) for tid, t in (rep.stats or {}).items() if t is not None}
    return {"version": VERSION, "has_lines": doc.has_lines, "format_version": rep.format_version,
            "blocks": blocks, "omitted": omitted, "tables": tables, "table_names": dict(TABLE_SHORT_NAMES)}
