"""Table 二 (主动公开政府信息情况) read from the rows of a table block: its 第二十条 blocks, their titles and
header rows, the row labels of both template versions (2019, 2021) and the votes that tell them apart.

Also the label tests of table 二 that the other readers share: :func:`s2_title` (a 第二十条 block title),
:func:`s2_head` (a header cell), :func:`s2_strong` (a label only table 二 has), :func:`s2_row_of` (the row
id of a label).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import compress, count

from ...memo import Kept
from ...model import Block, Cell, Row
from . import labels as lb
from .grid import (
    TEXT,
    Build,
    Shape,
    blank_cells,
    cell_sig,
    clean,
    is_value,
    padded,
    shape_of,
    short_row,
    small_shape,
    to_loose,
    value_of,
)
from .model import cell_key
from .schema import norm, schema, strip_number

_MEMO_LEN = 200  # labels longer than this are not memoised

# -- table 二 ---------------------------------------------------------------------------------------------

def _s2_title(text: str) -> bool:
    return norm(text).startswith(lb.TITLE_S2)


class _TitleMemo(dict[str, bool]):
    """:func:`s2_title` memoised: every cell of every row of a block that might be table 二 is asked, twice; a
    hit is one C-level ``dict.__getitem__`` (texts over ``_MEMO_LEN`` characters are not kept, nor more than
    20000 entries)."""

    def __missing__(self, text: str) -> bool:
        r = _s2_title(text)
        if len(text) <= _MEMO_LEN and len(self) < 20000:
            self[text] = r
        return r


class _LabelMemo(dict[str, bool]):
    """A cell that starts the labels of a row of table 二: text that is not a 第二十条 title (memoised, as
    :class:`_TitleMemo`)."""

    def __missing__(self, text: str) -> bool:
        r = bool(text) and not s2_title(text)
        if len(text) <= _MEMO_LEN and len(self) < 20000:
            self[text] = r
        return r


class _WeakKeyMemo(dict[str, str]):
    """``norm(strip_number(text))`` of a row label, memoised as :class:`_TitleMemo` (the labels of every row of
    table 二 are asked in every report; ``strip_number`` is a regular expression's ``sub``)."""

    def __missing__(self, text: str) -> str:
        r = norm(strip_number(text))
        if len(text) <= _MEMO_LEN and len(self) < 20000:
            self[text] = r
        return r


_weak_key: Callable[[str], str] = _WeakKeyMemo().__getitem__

#: A 第二十条 block title (memoised).
s2_title: Callable[[str], bool] = _TitleMemo().__getitem__
_first_label: Callable[[str], bool] = _LabelMemo().__getitem__


def s2_version_votes(bd: Build, row_ids: list[str], col_ids: list[str], texts: list[str]) -> None:
    for i in (*row_ids, *col_ids):
        if i in lb.S2_ONLY_2019:
            bd.votes_2019 += 1
        elif i in lb.S2_ONLY_2021:
            bd.votes_2021 += 1
    for k in map(_weak_key, texts):
        if k == lb.S2_WEAK_2019:
            bd.weak_2019 += 1
        elif k == lb.S2_WEAK_2021:
            bd.weak_2021 += 1


def s2_row_of(text: str) -> str | None:
    # asked for the first label of every row of every block that might be table 二: memoised (a long text
    # is not kept, as is_s3_label)
    return _s2_row_of_memo(text) if len(text) <= _MEMO_LEN else _s2_row_of(text)


@lru_cache(maxsize=8192)
def _s2_row_of_memo(text: str) -> str | None:
    return _s2_row_of(text)


def _s2_row_of(text: str) -> str | None:
    parts = lb.split_label(text)
    if not parts:
        return None
    p = parts[-1]
    return lb.match_s2_row(p.key, p.key2) or (lb.match_s2_row(*lb.keys_of(text)) if len(parts) > 1 else None)


# What read_s2 did with a table of one shape, kept per shape (as table 三's, :data:`.table3._SHAPES`): (the lengths of
# its rows, the signature of each of its cells in order (its label texts in place, values and empty cells as such:
# :data:`.grid.cell_sig`), gap, the Build's four version votes before it) → (the votes it added, its steps in order):
# ``(_COL, cid, label)`` (a header cell's column label: ``col_labels.setdefault``), ``(_EXTRA, label, (row, cell))`` (an
# extra row's label cell), ``(_CELLS, rid, label, cids, cell places, cell keys)`` (a data row's cells placed, each under
# its column).  Which version's columns a row takes is read from the votes (in the key); a value's own text is read only
# as a value where a table is kept: a table whose reading reads more is not kept (a value in a header row, a cell with
# text under no column, two cells under one merged column, cells made (a row of its label alone, a row padded), an
# unmapped row, a short row of a gap table, a cut row: not in the key, so never kept).  The four 第二十条 blocks of the
# template come back report after report, their numbers aside: such a table is read once per shape.
_Op = tuple
_S2_SHAPES: Kept[tuple, tuple[tuple[int, int, int, int], tuple[_Op, ...]]] = Kept("table 二: a table read by its shape",
                                                                                     256)
_S2_SHAPE_CELLS = 256
_S2_SHAPE_TEXT = 2000
_COL, _EXTRA, _CELLS = 0, 1, 2


def _votes_of(bd: Build) -> tuple[int, int, int, int]:
    return bd.votes_2019, bd.votes_2021, bd.weak_2019, bd.weak_2021


def _replay_s2(bd: Build, kept: tuple[tuple[int, int, int, int], tuple[_Op, ...]], rows: list[Row],
               block: Block) -> None:
    """What read_s2 did with a table of this shape (:data:`_S2_SHAPES`), done with this table's rows."""
    votes, ops = kept
    bd.votes_2019 += votes[0]
    bd.votes_2021 += votes[1]
    bd.weak_2019 += votes[2]
    bd.weak_2021 += votes[3]
    col_labels = bd.col_labels
    for op in ops:
        what = op[0]
        if what == _CELLS:
            _, rid, label, cids, places, keys = op
            cells = rows[places[0][0]].cells
            bd.add_known(rid, label, cids, keys, [col_labels.get(cid, "") for cid in cids],
                         [cells[j] for _i, j in places], block)
        elif what == _COL:
            col_labels.setdefault(op[1], op[2])
        else:
            i, j = op[2]
            bd.extra("row", op[1], block, rows[i].cells[j])


def read_s2(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None,
            shape: Shape | None = None) -> None:
    """Table 二's cells from ``rows`` into ``bd``; ``shape``: the rows' :func:`.grid.shape_of` when the caller has
    it."""
    key = None
    if cut is None:
        # the table's shape (:data:`_S2_SHAPES`), its cells read by a C-level chain
        if shape is None:
            shape = shape_of(rows)
        key = (*shape, gap, _votes_of(bd))
        kept = _S2_SHAPES.get(key)
        if kept is not None:
            _replay_s2(bd, kept, rows, block)
            return
    keep = key is not None and shape is not None and small_shape(shape, _S2_SHAPE_CELLS, _S2_SHAPE_TEXT)
    ops: list[_Op] | None = [] if keep else None
    before = _votes_of(bd)
    if _read_s2(bd, rows, block, gap, cut, ops) and ops is not None and key is not None:
        after = _votes_of(bd)
        _S2_SHAPES.keep(key, (tuple(a - b for a, b in zip(after, before)), tuple(ops)))  # type: ignore[arg-type]


def _read_s2(bd: Build, rows: list[Row], block: Block, gap: bool, cut: Row | None, ops: list[_Op] | None) -> bool:
    """The reader; ``ops``: its steps appended to it (:data:`_S2_SHAPES`).  False: a step that is not kept was taken."""
    ok = True  # every step taken is kept
    # first pass: which version do the labels speak?
    items: list[tuple[Row, str, int, str | None, int]] = []  # (row, kind, label index, row id, its place in rows)
    row_ids: list[str] = []
    col_ids: list[str] = []
    label_texts: list[str] = []
    for at, row in enumerate(rows):
        cells = row.cells
        texts = [c.text for c in cells]
        first = next(compress(count(), map(_first_label, texts)), None)
        if any(map(s2_title, texts)):  # s2_title(""): False
            items.append((row, "title", -1, None, at))
        if first is None:
            continue
        t0 = cells[first].text
        if is_value(t0):
            items.append((row, "data", first - 1, None, at))
            continue
        rid = s2_row_of(t0)
        cols = [lb.match_s2_col(c.text) for c in cells[first:] if c.text and not is_value(c.text)]
        if rid is None and (norm(t0) == lb.S2_HEAD or any(cols)):
            items.append((row, "header", first, None, at))
            col_ids.extend(c for c in cols if c)
            continue
        items.append((row, "data", first, rid, at))
        if rid:
            row_ids.append(rid)
            label_texts.append(t0)
    s2_version_votes(bd, row_ids, col_ids, label_texts)
    version = bd.detected() or "2021"
    sch = schema("s2", version)
    other = schema("s2", "2019" if version == "2021" else "2021")

    header: list[str | None] | None = None
    header_cells: list[Cell] = []
    last_title = None
    for row, kind, li, rid, at in items:
        cells = row.cells
        if kind == "title":
            title = norm(next(c.text for c in cells if c.text and s2_title(c.text)))
            if title != last_title:
                header = None
                last_title = title
            continue
        if kind == "header":
            header, header_cells = [], []
            start = li + 1 if norm(cells[li].text) == lb.S2_HEAD else li
            if ops is not None and None in map(cell_sig, map(TEXT, cells)):
                ok = False  # a value in a header row: its text is read as a header text (the signature lacks it)
            for c, cid in zip(cells[start:], header_cols([c.text for c in cells[start:]]), strict=True):
                header.append(cid)
                header_cells.append(c)
                if cid:
                    # (a cut text that stands for its column, 本年新: the column's label in full)
                    text = clean(c.text) if lb.match_s2_col(c.text) == cid else (sch.col_by_id.get(cid) or other.col_by_id[cid]).label
                    bd.col_labels.setdefault(cid, text)
                    if ops is not None:
                        ops.append((_COL, cid, text))
            continue
        vals = list(enumerate(cells[li + 1:])) if li >= -1 else []
        nonblank = [v for v in vals if v[1].text]  # those with text
        label = clean(cells[li].text) if li >= 0 else ""
        if rid is None:
            if nonblank and li < 0:
                # numbers on a line with no label (a label's numbers printed on the line below it): not placed, and
                # said so (DL001) — never dropped, never read as the table's cells left empty
                ok = False
                to_loose(bd, "", "", block, [c for _, c in nonblank])
            elif nonblank and not (li >= 0 and _caption_row(cells[li].text, nonblank)):
                ok = False
                bd.unmap(label, "row", block, cells[li] if li >= 0 else nonblank[0][1])
            continue
        if rid in lb.S2_EXTRA_ROW_IDS:
            bd.extra("row", label, block, cells[li])
            if ops is not None:
                ops.append((_EXTRA, label, (at, li)))
        if header is not None:
            cols = header
        else:
            cols = list(sch.cols_of(rid) or other.cols_of(rid)) if rid not in lb.S2_EXTRA_ROW_IDS else []
            if rid in lb.S2_EXTRA_ROW_IDS:
                cols = list(sch.cols_of("rules"))
        if not vals and li >= 0 and li == len(cells) - 1:
            # a row written as its label only: every cell left empty (at the end of a cut file: not known)
            vals = [] if row is cut else blank_cells(row, len(cols))
            ok = False
        elif header is not None and not gap:
            n_vals = len(vals)
            vals = padded(row, vals, len(cols), cut)
            if len(vals) != n_vals:
                ok = False  # cells made
        if row is cut and len(vals) < len(cols):
            bd.cut_row = rid
            bd.row_labels.setdefault(rid, label)
        if short_row(gap, nonblank, len(cols)):
            ok = False
            bd.row_labels.setdefault(rid, label)
            to_loose(bd, rid, label, block, [c for _, c in nonblank])
            continue
        groups: dict[str, list[Cell]] = {}
        prev: str | None = None
        for i, c in vals:
            cid = cols[i] if i < len(cols) else None
            if cid is None and header is not None and i < len(header_cells) and not header_cells[i].text:
                cid = prev  # a header cell merged over several value cells and left empty right of its text
            prev = cid
            if cid is None:
                if c.text:
                    ok = False  # whether it is a placeholder is read from its text (the signature lacks it)
                if c.text and not _placeholder(c.text):  # "/" or "—" in a cell without a column says nothing
                    htext = clean(header_cells[i].text) if header is not None and i < len(header_cells) else ""
                    bd.unmap(htext or f"第{c.col + 1}列", "col", block, c)
                continue
            groups.setdefault(cid, []).append(c)
        for cid, members in groups.items():
            if len(members) > 1:
                ok = False  # which cell holds the value is read from their texts
            kept = _merged_value(members)
            if kept is None:  # two different values under one column: which one is meant cannot be told (DL001)
                bd.row_labels.setdefault(rid, label)
                to_loose(bd, rid, label, block, [m for m in members if m.text and not _placeholder(m.text)])
                continue
            bd.add(rid, cid, kept.text, label, bd.col_labels.get(cid, ""), block, kept)
        if ops is not None and ok and groups:
            # (each group one cell: its place in the row, found by identity)
            cids = tuple(groups)
            places = tuple((at, next(j for j, c in enumerate(cells) if c is groups[cid][0])) for cid in cids)
            ops.append((_CELLS, rid, label, cids, places, tuple(cell_key(rid, cid) for cid in cids)))
    return ok


_CAPTION_WORDS = ("主动公开", "情况", "统计表", "单位")


def header_cols(texts: list[str]) -> list[str | None]:
    """The column of each header text; cut header texts that begin several columns' labels (本年新 | 本年新 |
    对外公开总数量: a crawler kept each cell's first line, 本年新 of 本年新制作数量 and 本年新公开数量) are those columns
    in the order the format prints them, when there are as many such texts as columns they begin and none of those
    columns is named in full (a grid's header row, or a flattened table's header texts: flat._flat_s2)."""
    cols = [lb.match_s2_col(t) if t else None for t in texts]
    for head, ids in lb.S2_SHARED_HEADS.items():
        at = [i for i, t in enumerate(texts) if cols[i] is None and t and norm(t) == head]
        if len(at) == len(ids) and not any(c in ids for c in cols):
            for i, cid in zip(at, ids, strict=True):
                cols[i] = cid
    return cols


def _caption_row(text: str, nonblank: list[tuple[int, Cell]]) -> bool:
    """A caption merged over the whole row (``表一：主动公开政府信息情况`` in every cell of the row): no row of the
    table, and no number in it.  Not a piece of a header a PDF's text wrapped (``数`` or ``量`` in every column)."""
    return (len(text) >= 6 and any(w in text for w in _CAPTION_WORDS)
            and all(c.text == text for _, c in nonblank))


def _placeholder(text: str) -> bool:
    return value_of(text).kind in ("slash", "dash", "none", "na")


def _merged_value(cells: list[Cell]) -> Cell | None:
    """The cell that holds the value of a column whose header is merged over several cells of the row (the
    2021 template's 本年处理决定数量 over three cells, a header repeated by an export): the one number (or
    text) among them, wherever the clerk typed it — the same value repeated (a merged value cell expanded)
    counts once; "/" and "—" in the other cells only fill them.  Without a number, the first cell that is
    not empty, else the first cell.  None when two different values share the column."""
    if len(cells) == 1:
        return cells[0]
    filled = [c for c in cells if c.text and not _placeholder(c.text)]
    if filled:
        return filled[0] if len({c.text for c in filled}) == 1 else None
    return next((c for c in cells if c.text), cells[0])



def s2_strong(text: str) -> bool:
    return _s2_strong(text) if len(text) <= _MEMO_LEN else _strong(text)


@lru_cache(maxsize=4096)
def _s2_strong(text: str) -> bool:
    return _strong(text)


def _strong(text: str) -> bool:
    k = norm(text)
    return k.startswith(lb.TITLE_S2) or k == lb.S2_HEAD or lb.match_s2_col(text) is not None


def s2_head(text: str) -> bool:
    """A header cell of table 二: 信息内容 or a column label."""
    return not is_value(text) and (norm(text) == lb.S2_HEAD or lb.match_s2_col(text) is not None)
