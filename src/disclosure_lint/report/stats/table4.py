"""Table 四 (政府信息公开行政复议、行政诉讼情况) read from the rows of a table block: its fifteen columns (three
groups × 结果维持/结果纠正/其他结果/尚未审结/总计) from the header positions or the order of the header texts,
one row of numbers, the transposed layout with one row per group, or the table turned on its side with one row per
result and a column per group (:func:`_result_rows`); and (:func:`numbers_after`) the row of numbers
printed as a paragraph of its own after a text table of the header alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ...memo import Kept
from ...model import Block, Row
from . import labels as lb
from .grid import (
    TEXT,
    Build,
    Shape,
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
    shape_of,
    short_row,
    small_shape,
    text_cell,
    to_loose,
    value_cells,
    with_values,
)
from .model import cell_key
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
              labels: dict[str, str], ops: list | None = None) -> list[str | None]:
    """The column order of table 四 (:func:`_s4_order_of`), memoised: it depends only on the header texts and
    the positions with text, the same in report after report.  Its only effect on ``labels`` is a series of
    ``setdefault``; the first value per column is recorded and replayed, in the same order (and appended to ``ops``
    as ``(_COL, cid, label)``)."""
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
    if ops is not None:
        ops.extend((_COL, cid, text) for cid, text in got[1])
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


# What read_s4 did with a table of one shape, kept per shape (as table 三's, :data:`.table3._SHAPES`): (the lengths of
# its rows, the signature of each of its cells in order (:data:`.grid.cell_sig`), gap, the column order carried in the
# Build and where it starts) → (its steps in order: ``(_COL, cid, label)`` (a column label, ``col_labels.setdefault``)
# and ``(_CELLS, row label, row, cids, cell indexes, cell keys, default column labels)`` (a data row's cells added),
# the order and start it left in the Build).  A value's own text is read only as a value where a table is kept: a table whose reading reads more is
# not kept (a value among a data row's label cells, the transposed layout, a row label that is not one of table 四's
# (which reads the Build's cells), text under no column, cells made by padding, a short row of a gap table, a cut
# row).  The table 四 of the template comes back report after report, its numbers aside: read once per shape.
_S4_SHAPES: Kept[tuple, tuple[tuple[tuple, ...], list[str | None] | None, int | None]] = Kept(
    "table 四: a table read by its shape", 256)
_S4_SHAPE_CELLS = 512
_S4_SHAPE_TEXT = 2000
_COL, _CELLS = 0, 1


def _replay_s4(bd: Build, kept: tuple[tuple[tuple, ...], list[str | None] | None, int | None], rows: list[Row],
               block: Block) -> None:
    """What read_s4 did with a table of this shape (:data:`_S4_SHAPES`), done with this table's rows."""
    steps, order, start = kept
    col_labels = bd.col_labels
    for step in steps:
        if step[0] == _CELLS:
            # Build.add of each cell in order, its column label col_labels.get(cid, sc_label(cid)) (given to a column
            # that has none, as add gives it)
            _, lab, i, cids, places, keys, defaults = step
            cells = rows[i].cells
            bd.add_known("cases", lab, cids, keys, list(map(col_labels.get, cids, defaults)), [cells[j] for j in places],
                         block, True)
        else:
            col_labels.setdefault(step[1], step[2])
    bd.order = None if order is None else list(order)
    bd.order_start = start


def read_s4(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None,
            shape: Shape | None = None) -> None:
    """Table 四's cells from ``rows`` into ``bd``; ``shape``: the rows' :func:`.grid.shape_of` when the caller has
    it."""
    key = None
    if cut is None:
        if shape is None:
            shape = shape_of(rows)
        key = (*shape, gap, None if bd.order is None else tuple(bd.order), bd.order_start)
        kept = _S4_SHAPES.get(key)
        if kept is not None:
            _replay_s4(bd, kept, rows, block)
            return
    keep = key is not None and shape is not None and small_shape(shape, _S4_SHAPE_CELLS, _S4_SHAPE_TEXT)
    steps: list[tuple] | None = [] if keep else None
    if _read_s4(bd, rows, block, gap, cut, steps) and steps is not None and key is not None:
        _S4_SHAPES.keep(key, (tuple(steps), None if bd.order is None else list(bd.order), bd.order_start))


def _read_s4(bd: Build, rows: list[Row], block: Block, gap: bool, cut: Row | None, steps: list[tuple] | None) -> bool:
    """The reader; ``steps``: its steps appended to it (:data:`_S4_SHAPES`).  False: a step that is not kept was
    taken."""
    ok = True  # every step taken is kept
    header_rows: list[Row] = []
    data: list[tuple[Row, int]] = []
    data_at: list[int] = []  # the data rows' places in ``rows``
    for at, row in enumerate(rows):
        if not any(map(TEXT, row.cells)):
            continue
        if _s4_is_header(row) and not data:
            header_rows.append(row)
            continue
        if not any(map(is_value, map(TEXT, row.cells))) and not any(  # is_value(""): False
                c.text and (m := lb.match_s4(c.text)) and m[0] == "block" for c in row.cells):
            continue  # a note row
        ll = last_label(row, _is_s4_label)
        data.append((row, ll))
        data_at.append(at)
        if steps is not None and any(map(is_value, map(TEXT, row.cells[: ll + 1]))):
            ok = False  # a value among the label cells: its text is read as a label (the signature lacks it)
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
    if transposed:
        ok = False
    blocks = _result_rows(header_rows, data, aligned and not gap, L, width)
    if blocks is not None:  # turned on its side: a row per result, a column per block
        _read_result_rows(bd, data, row_vals, blocks, header_rows, block, gap, cut)
        return False
    if header_rows:
        order = _s4_order(header_rows, aligned, L, width, used, bd.col_labels, steps)
    else:
        order = list(bd.order) if bd.order else list(lb.S4_CANONICAL_COLS)
    order = continued(bd, order, bool(header_rows), aligned, L)
    for (row, ll), vals, at in zip(data, row_vals, data_at):
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
            written = clean(label_cells[-1].text)
            _put_row(bd, row, vals, [f"{row_block}.{r}" if r else None for r in results], len(results),
                     _row_written, header_rows, block, gap, cut, written)
            continue
        lab = clean(label_cells[-1].text) if label_cells else "数量"
        if label_cells:
            m = lb.match_s4(label_cells[-1].text)
            if m is None or m[0] != "row":
                ok = False  # what follows reads the Build's cells
                if any(c.text for _, c in vals) and ("cases", order[0] or "") in bd.cells:
                    bd.unmap(lab, "row", block, label_cells[-1])
                    continue
        if not gap:
            n_vals = len(vals)
            vals = padded(row, vals, len(order), cut)
            if len(vals) != n_vals:
                ok = False  # cells made
        nonblank = [c for _, c in vals if c.text]
        if short_row(gap, nonblank, len(order)):
            ok = False
            to_loose(bd, "cases", lab, block, nonblank)
            continue
        places: list[tuple[str, int]] = []
        for i, c in vals:
            col_id = order[i] if 0 <= i < len(order) else None
            if col_id is None:
                if c.text:
                    ok = False
                    bd.unmap(col_text(header_rows, c.col), "col", block, c)
                continue
            bd.add("cases", col_id, c.text, lab, bd.col_labels.get(col_id, sc_label(col_id)), block, c)
            if steps is not None and ok:
                j = next((j for j, x in enumerate(row.cells) if x is c), None)  # its place in the row
                if j is None:
                    ok = False
                else:
                    places.append((col_id, j))
        if steps is not None and ok and places:
            cids = tuple(cid for cid, _j in places)
            steps.append((_CELLS, lab, at, cids, tuple(j for _cid, j in places), tuple(cell_key("cases", cid) for cid in cids),
                          tuple(map(sc_label, cids))))
    return ok


def _result_rows(header_rows: list[Row], data: list[tuple[Row, int]], aligned: bool, L: int,
                 width: int) -> list[str | None] | None:
    """The block of each value position of a table 四 turned on its side — a row per result (结果维持 … 总计), a
    column per block (行政复议 | 行政诉讼（未经复议直接起诉） | 行政诉讼（复议后起诉）: the fifteen columns are too wide
    for a portrait page) — or None when the table is not so laid out.  Only when it is certain: the header names
    blocks and no result, every data row's label is a result, each once, and the blocks named differ (by the header
    text above each column when the columns line up, else in the order the header names them)."""
    if not header_rows or not data:
        return None
    for r in header_rows:
        for c in r.cells:
            if c.text and (m := lb.match_s4(c.text)) is not None and m[0] == "result":
                return None
    seen: set[str] = set()
    for row, ll in data:
        labels = [t for t in map(TEXT, row.cells[: ll + 1]) if t and not is_value(t)]
        m = lb.match_s4(labels[-1]) if labels else None
        if m is None or m[0] != "result" or m[1] in seen:
            return None
        seen.add(m[1])
    blocks: list[str | None] = []
    if aligned:
        for col in range(L, width):
            b = None
            for t in header_stack(header_rows, col):  # the last (the most specific) block named above the column
                b = _block_of(t) or b
            blocks.append(b)
    else:
        for t, _cell in reading_order(header_rows):
            b = _block_of(t)
            if b is not None and b not in blocks:
                blocks.append(b)
    named = [b for b in blocks if b]
    if not named or len(named) != len(set(named)):
        return None
    return blocks


_BRACKETED = re.compile(r"[（(]([^（）()]{1,20})[）)]")


def _block_of(text: str) -> str | None:
    """The block a header text names: 行政复议, 未经复议直接起诉 …, also 行政诉讼（未经复议直接起诉） (行政诉讼 with its
    block in brackets); None for 行政诉讼 alone (two blocks) and anything else."""
    if not text:
        return None
    m = lb.match_s4(text)
    if m is None:
        return None
    if m[0] == "block":
        return m[1]
    if m[0] == "super" and (inner := _BRACKETED.search(text)) is not None:
        m = lb.match_s4(inner.group(1))
        if m is not None and m[0] == "block":
            return m[1]
    return None


def _read_result_rows(bd: Build, data: list[tuple[Row, int]], row_vals: list, blocks: list[str | None],
                      header_rows: list[Row], block: Block, gap: bool, cut: Row | None) -> None:
    """Table 四's cells from its rows of results (:func:`_result_rows`): each number under its block's column."""
    n = sum(1 for b in blocks if b)
    for (row, ll), vals in zip(data, row_vals):
        label = next(c for c in reversed(row.cells[: ll + 1]) if c.text and not is_value(c.text))
        result = lb.match_s4(label.text)[1]  # type: ignore[index]  # (a result: _result_rows saw to it)
        written = clean(label.text)
        _put_row(bd, row, vals, [f"{b}.{result}" if b else None for b in blocks], n,
                 _col_written, header_rows, block, gap, cut, written)


def _row_written(cid: str, written: str) -> tuple[str, str]:
    """A row of a block's results (the usual layout): its label written, the column's the schema's."""
    return written, sc_label(cid)


def _col_written(cid: str, written: str) -> tuple[str, str]:
    """A row of one result (turned on its side): the result's label written where a column's would be."""
    return "数量", written


def _put_row(bd: Build, row: Row, vals: list, cids: list[str | None], n: int,
             labels: Callable[[str, str], tuple[str, str]], header_rows: list[Row], block: Block, gap: bool,
             cut: Row | None, written: str) -> None:
    """One row of table 四's numbers, the ``i``-th under ``cids[i]`` (``labels(cid)``: the cell's row and column
    words, from its ``cid`` and the row's label as ``written``): a row too short for its ``n`` places is loose, a number under no place unmapped."""
    if not gap:
        vals = padded(row, vals, len(cids), cut)
    nonblank = [c for _, c in vals if c.text]
    if short_row(gap, nonblank, n):
        to_loose(bd, "cases", written, block, nonblank)
        return
    for i, c in vals:
        cid = cids[i] if 0 <= i < len(cids) else None
        if cid is None:
            if c.text:
                bd.unmap(col_text(header_rows, c.col), "col", block, c)
            continue
        bd.add("cases", cid, c.text, *labels(cid, written), block, c)


@lru_cache(maxsize=256)
def sc_label(cid: str) -> str:
    b, r = cid.split(".", 1)
    bl = dict(S4_BLOCKS).get(b, b)
    rl = dict(S4_RESULTS).get(r, r)
    return f"{bl}·{rl}"


_NUMBERS_LINE = re.compile(r"\d+(?:[ \t\u3000]+\d+)+")
_NUMBER = re.compile(r"\d+")


def numbers_after(bd: Build, block: Block) -> bool:
    """The row of numbers of a table 四 whose text table held its header alone (a PDF's text copied with its layout:
    the header's words broken over lines, the numbers a line of their own after it): a paragraph of numbers only.
    Fifteen numbers are the fifteen columns in the format's order (行政复议, 未经复议直接起诉, 复议后起诉 ×
    结果维持 … 总计), as one cell per line (:mod:`.flat`) places them; any other count cannot be placed and goes to
    ``loose`` (DL001 reports it; the table is not "unfilled").  Whether the paragraph was taken."""
    text = block.text.strip()
    if _NUMBERS_LINE.fullmatch(text) is None:
        return False
    lead = len(block.text) - len(block.text.lstrip())
    cells = [text_cell(m.group(0), block, lead + m.start(), 0, k) for k, m in enumerate(_NUMBER.finditer(text))]
    bd.add_block(block)
    if len(cells) != 15:
        to_loose(bd, "cases", "数量", block, cells)
        return True
    order = [f"{b}.{r}" for b in lb.S4_BLOCK_ORDER for r in lb.S4_RESULT_ORDER]
    for cid, c in zip(order, cells):
        bd.add("cases", cid, c.text, "数量", bd.col_labels.get(cid, ""), block, c)
    return True
