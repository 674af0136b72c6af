"""Table 四 (政府信息公开行政复议、行政诉讼情况) read from the rows of a table block: its fifteen columns (three
groups × 结果维持/结果纠正/其他结果/尚未审结/总计) from the header positions or the order of the header texts,
one row of numbers, or the transposed layout with one row per group.
"""

from __future__ import annotations

from functools import lru_cache

from ...memo import Kept
from ...model import Block, Row
from . import labels as lb
from .grid import (
    TEXT,
    Build,
    carried,
    clean,
    col_text,
    continued,
    header_stack,
    is_value,
    last_label,
    layout_of,
    padded,
    reading_order,
    short_row,
    to_loose,
    value_cells,
    with_values,
)
from .schema import S4_BLOCKS, S4_RESULTS


def _is_s4_label(text: str) -> bool:
    return lb.match_s4(text) is not None



# -- table 四 ---------------------------------------------------------------------------------------------

def _s4_is_header(row: Row) -> bool:
    hits = 0
    for c in row.cells:
        t = c.text
        if not t:
            continue
        if is_value(t):
            return False
        m = lb.match_s4(t)
        if m is not None and m[0] != "row":
            hits += 1
    return hits >= 1


_ORDERS: Kept[tuple, tuple[tuple[str | None, ...], tuple[tuple[str, str], ...]]] = Kept("table 四: column order", 1024)


def _s4_order(header_rows: list[Row], aligned: bool, L: int, width: int, used: set[int],
              labels: dict[str, str]) -> list[str | None]:
    """The column order of table 四 (:func:`_s4_order_of`), memoised: it depends only on the header texts and
    the positions with text, the same in report after report.  Its only effect on ``labels`` is a series of
    ``setdefault``; the first value per column is recorded and replayed, in the same order."""
    key = (tuple(tuple(map(TEXT, r.cells)) for r in header_rows), aligned, L, width, frozenset(used))
    got = _ORDERS.get(key)
    if got is None:
        seen: dict[str, str] = {}
        order = _s4_order_of(header_rows, aligned, L, width, used, seen)
        got = (tuple(order), tuple(seen.items()))
        if sum(map(len, key[0])) <= 200:  # a header, not a hostile grid
            _ORDERS.keep(key, got)
    for cid, text in got[1]:
        labels.setdefault(cid, text)
    return list(got[0])


def _s4_order_of(header_rows: list[Row], aligned: bool, L: int, width: int, used: set[int],
                 labels: dict[str, str]) -> list[str | None]:
    if not header_rows:
        return list(lb.S4_CANONICAL_COLS)
    if aligned and used:
        order: list[str | None] = []
        seen: dict[str, int] = {}
        ok = True
        texts: dict[str, str] = {}
        for c in range(L, width):
            result, rtext = None, ""
            for t in header_stack(header_rows, c):
                m = lb.match_s4(t) if t else None
                if m and m[0] == "result":
                    result, rtext = m[1], t
            block = None
            for t in carried(header_rows, c):
                m = lb.match_s4(t) if t else None
                if m and m[0] == "block":
                    block = m[1]
            if result is None:
                order.append(None)
                if (c - L) in used:
                    ok = False
                continue
            k = seen.get(result, 0)
            seen[result] = k + 1
            if block is None:
                block = lb.S4_BLOCK_ORDER[k] if k < 3 else None
            cid = f"{block}.{result}" if block else None
            order.append(cid)
            if cid:
                texts[cid] = rtext
        ids = [o for o in order if o]
        if ok and ids and len(ids) == len(set(ids)):
            for cid, t in texts.items():
                labels.setdefault(cid, clean(t))
            return order
    results: list[tuple[str, str]] = []
    blocks: list[str] = []
    for t, _ in reading_order(header_rows):
        m = lb.match_s4(t)
        if m is None:
            continue
        if m[0] == "result":
            results.append((m[1], t))
        elif m[0] == "block" and m[1] != "review" and m[1] not in blocks:
            blocks.append(m[1])
    block_order = ["review"] + blocks + [b for b in lb.S4_BLOCK_ORDER[1:] if b not in blocks]
    if not results:
        return list(lb.S4_CANONICAL_COLS)
    # runs of results, a new run at each repeat of a result already in the run
    runs: list[list[tuple[str, str]]] = [[]]
    for r in results:
        if any(r[0] == x[0] for x in runs[-1]):
            runs.append([])
        runs[-1].append(r)
    if len(runs) == 1:
        runs = runs * 3
    order = []
    for k, run in enumerate(runs[:3]):
        for res, t in run:
            cid = f"{block_order[k]}.{res}"
            order.append(cid)
            labels.setdefault(cid, clean(t))
    return order


def read_s4(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None) -> None:
    header_rows: list[Row] = []
    data: list[tuple[Row, int]] = []
    for row in rows:
        if not any(map(TEXT, row.cells)):
            continue
        if _s4_is_header(row) and not data:
            header_rows.append(row)
            continue
        if not any(map(is_value, map(TEXT, row.cells))) and not any(  # is_value(""): False
                c.text and (m := lb.match_s4(c.text)) and m[0] == "block" for c in row.cells):
            continue  # a note row
        data.append((row, last_label(row, _is_s4_label)))
    aligned, L = layout_of(with_values(data))
    if gap:
        aligned = False  # positions mean nothing when empty cells vanish: labels, then numbers, per row
    width = max((len(r.cells) for r in rows), default=0)
    used: set[int] = set()
    row_vals = [value_cells(row, ll, aligned, L) for row, ll in data]  # once per row: read again below
    for vals in row_vals:
        for i, c in vals:
            if c.text:
                used.add(i)
    transposed = any(any((m := lb.match_s4(c.text)) and m[0] == "block" for c in row.cells[: ll + 1] if c.text)
                     for row, ll in data)
    if header_rows:
        order = _s4_order(header_rows, aligned, L, width, used, bd.col_labels)
    else:
        order = list(bd.order) if bd.order else list(lb.S4_CANONICAL_COLS)
    order = continued(bd, order, bool(header_rows), aligned, L)
    for (row, ll), vals in zip(data, row_vals):
        label_cells = [c for c in row.cells[: ll + 1] if c.text and not is_value(c.text)]
        row_block = None
        for c in label_cells:
            m = lb.match_s4(c.text)
            if m and m[0] == "block":
                row_block = m[1]
        if transposed:
            if row_block is None:
                if any(c.text for _, c in vals):
                    bd.unmap(clean(label_cells[-1].text) if label_cells else "", "row", block,
                             label_cells[-1] if label_cells else None)
                continue
            results = []
            for o in order:
                r = o.split(".", 1)[1] if o else None
                if r in results:
                    break
                results.append(r)
            if not gap:
                vals = padded(row, vals, len(results), cut)
            nonblank = [c for _, c in vals if c.text]
            if short_row(gap, nonblank, len(results)):
                to_loose(bd, "cases", clean(label_cells[-1].text), block, nonblank)
                continue
            for i, c in vals:
                r = results[i] if 0 <= i < len(results) else None
                if r is None:
                    if c.text:
                        bd.unmap(col_text(header_rows, c.col), "col", block, c)
                    continue
                cid = f"{row_block}.{r}"
                bd.add("cases", cid, c.text, clean(label_cells[-1].text), sc_label(cid), block, c)
            continue
        lab = clean(label_cells[-1].text) if label_cells else "数量"
        if label_cells:
            m = lb.match_s4(label_cells[-1].text)
            if m is None or m[0] != "row":
                if any(c.text for _, c in vals) and ("cases", order[0] or "") in bd.cells:
                    bd.unmap(lab, "row", block, label_cells[-1])
                    continue
        if not gap:
            vals = padded(row, vals, len(order), cut)
        nonblank = [c for _, c in vals if c.text]
        if short_row(gap, nonblank, len(order)):
            to_loose(bd, "cases", lab, block, nonblank)
            continue
        for i, c in vals:
            col_id = order[i] if 0 <= i < len(order) else None
            if col_id is None:
                if c.text:
                    bd.unmap(col_text(header_rows, c.col), "col", block, c)
                continue
            bd.add("cases", col_id, c.text, lab, bd.col_labels.get(col_id, sc_label(col_id)), block, c)


@lru_cache(maxsize=256)
def sc_label(cid: str) -> str:
    b, r = cid.split(".", 1)
    bl = dict(S4_BLOCKS).get(b, b)
    rl = dict(S4_RESULTS).get(r, r)
    return f"{bl}·{rl}"
