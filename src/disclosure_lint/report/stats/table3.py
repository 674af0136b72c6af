"""Table 三 (收到和处理政府信息公开申请情况) read from the rows of a table block: its header (the applicant
columns, in position or in reading order), its row labels resolved with the group they sit in (:class:`Ctx`,
:func:`resolve_s3`), and the signs of the template version (（六）其他处理 with numbers or with sub-rows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter

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
    col_text,
    continued,
    header_start,
    is_label,
    is_value,
    label_end,
    layout_of,
    padded,
    reading_order,
    shape_of,
    to_loose,
)
from .model import Subtotal, cell_key


class _LabelMemo(dict[str, bool]):
    """:func:`is_s3_label`'s memo (asked for every label cell of every row): a hit is one C-level
    ``dict.__getitem__``, no Python frame; texts over 200 characters are not kept, nor more than 8192 entries."""

    def __missing__(self, text: str) -> bool:
        r = _s3_label(text)
        if len(text) <= 200 and len(self) < 8192:
            self[text] = r
        return r


#: A label of table 三 (numbered, or a known row label), memoised.
is_s3_label: Callable[[str], bool] = _LabelMemo().__getitem__


def _s3_label(text: str) -> bool:
    if "区分处理" in text:
        return True  # the note of （二）部分公开 in a cell of its own
    # (小计: a group's sub-total row some templates add, :data:`SUBTOTAL`; 合计 and 总计 are row labels already)
    return any(p.marker or (p.key and (lb.match_s3_row(p.key, p.key2) or p.key == "小计")) for p in lb.split_label(text))



# -- table 三 -----------------------------------------------------------------------------------------------

@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Ctx:
    """Where table 三's reading is: the top group and sub-group of the rows being read."""

    top: str | None = None  # "result" inside 三、本年度办理结果
    group: str | None = None  # a sub-group id (result.not_open …)


def _ctx_update(ctx: Ctx, rid: str) -> None:
    if rid in ("new", "carried_over", "carried_forward"):
        ctx.top, ctx.group = None, None
    elif rid == "result":
        if ctx.top != "result":  # inside the block, 三、本年度办理结果 is its merged label printed again (text copied
            ctx.top, ctx.group = "result", None  # from a PDF prints it beside a middle row): the group stays
    elif rid in lb.S3_SUBGROUPS:
        ctx.top, ctx.group = "result", rid
    else:
        spec = lb.S3_ROW_SPECS.get(rid)
        if spec is None:
            return
        if spec.group == "result":
            ctx.top, ctx.group = "result", None
        elif spec.group in lb.S3_SUBGROUPS:
            ctx.top, ctx.group = "result", spec.group


def _s3_fallback(p: lb.Part, ctx: Ctx) -> str | None:
    """A label whose text matched nothing: its number within the group it sits in, if the text is close."""
    cand = None
    if p.marker == "arabic" and ctx.group and p.num:
        kids = lb.S3_CHILDREN.get(ctx.group, ())
        cand = kids[p.num - 1] if p.num <= len(kids) else None
    elif p.marker == "paren" and p.paren_cn and p.num and ctx.top == "result":
        kids = lb.S3_CHILDREN["result"]
        cand = kids[p.num - 1] if p.num <= len(kids) else None
    elif p.marker == "cn" and p.num and p.num <= 4:
        cand = lb.S3_TOP[p.num - 1]
    if cand is not None:
        spec = lb.S3_ROW_SPECS[cand]
        if lb.similarity(p.key2, spec.key) >= 0.34:
            return cand
        return None
    if ctx.group and not p.marker and len(p.key2) >= 4:  # unnumbered: the closest label of the group
        best, score = None, 0.0
        for kid in lb.S3_CHILDREN.get(ctx.group, ()):
            s = lb.similarity(p.key2, lb.S3_ROW_SPECS[kid].key)
            if s > score:
                best, score = kid, s
        if score >= 0.6:
            return best
    return None


#: The row id :func:`resolve_s3` gives a group's sub-total row (小计, or 合计 / 总计 under （三）（四）（五)), a row some
#: templates add after a group's items: the format has none (spec §3.4), and it is not （七）总计.
SUBTOTAL = "subtotal"
SUBTOTAL_KEYS = frozenset({"小计", "合计", "总计"})
# the groups before （六）其他处理: a 合计 or 总计 in them cannot be （七）总计, which comes after （六）
_BEFORE_OTHER = frozenset({"result.not_open", "result.unavailable", "result.not_processed"})


def resolve_s3(parts: list[tuple[lb.Part, Cell]], ctx: Ctx) -> tuple[str | None, Cell | None]:
    """Row id of a data row from its label parts (in order), updating the carried group context; :data:`SUBTOTAL`
    for a group's sub-total row."""
    rid: str | None = None
    where: Cell | None = None
    n = len(parts)
    for i, (p, cell) in enumerate(parts):
        if i == n - 1 and not p.marker and p.key in SUBTOTAL_KEYS and ctx.group is not None and (
                p.key == "小计" or ctx.group in _BEFORE_OTHER):
            return SUBTOTAL, cell
        r = lb.match_s3_row(p.key, p.key2) if p.key else None
        if r is not None:
            spec = lb.S3_ROW_SPECS.get(r)
            # a short generic label (3.其他) under another group is not that group's row, nor is one without its
            # number outside its group (a bare 其他: the applicant column of a transposed table, not （六）3.其他)
            if (spec is not None and spec.group in lb.S3_SUBGROUPS and ctx.group != spec.group and len(p.key) <= 2
                    and (ctx.group or not p.marker)):
                r = None
        if r is None and i == n - 1 and p.key:
            r = _s3_fallback(p, ctx)
        if r is not None:
            _ctx_update(ctx, r)
            rid, where = r, cell
        elif i == n - 1 and p.key:
            return None, cell
    return rid, where


def _label_parts(row: Row, upto: int) -> list[tuple[lb.Part, Cell]]:
    parts: list[tuple[lb.Part, Cell]] = []
    prev = None
    for c in row.cells[: upto + 1]:
        t = c.text
        if not t or t == prev or is_value(t):
            continue
        prev = t
        for p in lb.split_label(t):
            parts.append((p, c))
    return parts


def _header_kind(t: str) -> int:
    """What one cell says of its row being a header of table 三 (:func:`s3_is_header`): ``_NOTE`` (it is),
    ``_VALUE`` (it is not), ``_COLUMN`` (a column label) or ``_OTHER`` (nothing; also an empty cell)."""
    if not t:
        return _OTHER
    if lb.NOTE_S3 in t:
        return _NOTE
    if is_value(t):
        return _VALUE
    m = lb.match_s3_col(t)
    if m is not None and (m[0] == "group" or m[1] not in ("total", "other_org")):
        return _COLUMN
    return _OTHER


_OTHER, _COLUMN, _NOTE, _VALUE = 0, 1, 2, 3


class _HeaderKindMemo(dict[str, int]):
    """:func:`_header_kind` memoised (every cell of every row of a table-三 block is asked): a hit is one
    C-level ``dict.__getitem__``; texts over 200 characters are not kept, nor more than 20000 entries."""

    def __missing__(self, t: str) -> int:
        k = _header_kind(t)
        if len(t) <= 200 and len(self) < 20000:
            self[t] = k
        return k


_HEADER_KIND = _HeaderKindMemo().__getitem__
_CELLS = attrgetter("cells")


# (label texts of a row, ctx.top, ctx.group) → (row id, index of ``where``, index of the last part's cell, the
# context after the row): what :func:`_row_id` read before.  The labels of table 三 are the same few dozen in
# report after report; at most ``_ROWS_MAX`` entries, none of labels over ``_ROWS_TEXT`` characters in all.
_ROWS: dict[tuple[tuple[str, ...], str | None, str | None],
            tuple[str | None, int | None, int | None, str | None, str | None]] = {}
_ROWS_MAX = 4096
_ROWS_TEXT = 400


def _index(cells: tuple[Cell, ...], cell: Cell | None) -> int | None:
    if cell is None:
        return None
    return next(i for i, c in enumerate(cells) if c is cell)


def _row_id(row: Row, ll: int, ctx: Ctx, texts: tuple[str, ...] | None = None) -> tuple[str | None, Cell | None, Cell | None]:
    """``resolve_s3(_label_parts(row, ll), ctx)`` with the cell of the last label part (None: no parts),
    memoised on what they read: the texts of the label cells (``row.cells[:ll + 1]``: ``texts`` when given) and the
    context."""
    if ll < 0:
        return None, None, None
    cells = row.cells
    if texts is None:
        texts = tuple(map(TEXT, cells[: ll + 1]))
    key = (texts, ctx.top, ctx.group)
    hit = _ROWS.get(key)
    if hit is None:
        parts = _label_parts(row, ll)
        after = Ctx(ctx.top, ctx.group)
        rid, where = resolve_s3(parts, after) if parts else (None, None)
        hit = (rid, _index(cells, where), _index(cells, parts[-1][1]) if parts else None, after.top, after.group)
        if len(_ROWS) < _ROWS_MAX and sum(map(len, texts)) <= _ROWS_TEXT:
            _ROWS[key] = hit
    rid, wi, pi, ctx.top, ctx.group = hit
    return rid, None if wi is None else cells[wi], None if pi is None else cells[pi]


def s3_is_header(row: Row) -> bool:
    """A header row: the 勾稽关系 note, or column labels (自然人, 法人或其他组织, 商业企业 …) and no numbers.
    总计 and 其他 alone do not make a header: they are also row labels (（七）总计, 3.其他)."""
    return _is_header(list(map(TEXT, row.cells)))


def _is_header(texts: list[str]) -> bool:
    """:func:`s3_is_header` of a row given the texts of its cells."""
    column = False
    for k in map(_HEADER_KIND, texts):  # the first note or value decides, else a column label
        if k == _NOTE:
            return True
        if k == _VALUE:
            return False
        if k:
            column = True
    return column


#: a cell's part in its row's signature (:data:`_KINDS`): :data:`.grid.cell_sig`
_sig = cell_sig

# A row's signature (its label texts in place, its values and empty cells as None and "") → (is it a header
# (:func:`_is_header`), where do its labels end (:func:`.grid.label_end` with :func:`is_s3_label`)): both read a value
# cell only as a value (``_HEADER_KIND``: ``_VALUE``, no value holding the 勾稽关系 note; ``label_end``: is_value) and
# an empty cell only as empty, so rows of the same signature get the same answer (pinned by
# tests/test_fast_paths_t4_stats.py).  The rows of table 三 are the same few dozen in report after report, their
# numbers aside; at most 4,096 rows (memo.Kept) of at most ``_KINDS_CELLS`` cells are kept.
_KINDS: Kept[tuple[str | None, ...], tuple[bool, int]] = Kept("table 三: a row's part by its signature", 4096)
_KINDS_CELLS = 32


def _s3_order(bd: Build, header_rows: list[Row], aligned: bool, L: int, width: int,
              used: set[int], block: Block, ops: list[tuple[str, str, Cell | None]] | None = None) -> list[str | None]:
    """Column id for each value position (relative to the first value column).  ``ops``: each column label given to
    the Build, ``(cid, label, header cell)``, appended to it in order."""
    if not header_rows:
        return list(bd.order) if bd.order else list(lb.S3_CANONICAL_COLS)
    if aligned and used:
        order: list[str | None] = []
        labels: list[tuple[str, Cell | None]] = []
        ok = True
        for c in range(L, width):
            leaf, leaf_text, leaf_cell = None, "", None
            for r in header_rows:
                if c < len(r.cells) and r.cells[c].text:
                    m = lb.match_s3_col(r.cells[c].text)
                    if m and m[0] == "leaf":
                        leaf, leaf_text, leaf_cell = m[1], r.cells[c].text, r.cells[c]
                    elif not m:
                        leaf_text, leaf_cell = r.cells[c].text, r.cells[c]
            order.append(leaf)
            labels.append((leaf_text, leaf_cell))
            if leaf is None and (c - L) in used:
                ok = False
        ids = [o for o in order if o]
        if ok and ids and len(ids) == len(set(ids)) and len(ids) >= 3:
            for cid, (text, cell) in zip(order, labels):
                if cid:
                    bd.col_labels.setdefault(cid, clean(text))
                    if cid == "org_subtotal":
                        bd.extra("col", clean(text), block, cell)
                    if ops is not None:
                        ops.append((cid, clean(text), cell))
            return order
    # the order of the header texts (merged cells dropped or not lined up)
    top: list[str] = []
    kids: list[str] = []
    texts: dict[str, tuple[str, Cell]] = {}
    for t, cell in _rejoined(reading_order(header_rows)):
        m = lb.match_s3_col(t)
        if m is None:
            continue
        kind, cid = m
        if kind == "group":
            if cid == "org" and "ORG" not in top:
                top.append("ORG")
            continue
        texts.setdefault(cid, (t, cell))
        if cid in lb.S3_ORG_CHILDREN:
            if cid not in kids:
                kids.append(cid)
        elif cid not in top:
            top.append(cid)
    if not top and not kids:
        return list(bd.order) if bd.order else list(lb.S3_CANONICAL_COLS)
    if kids and "ORG" not in top:
        at = top.index("natural_person") + 1 if "natural_person" in top else 0
        top.insert(at, "ORG")
    flat: list[str | None] = []
    for t in top:
        if t == "ORG":
            flat.extend(kids)
        else:
            flat.append(t)
    for cid in flat:
        if cid and cid in texts:
            bd.col_labels.setdefault(cid, clean(texts[cid][0]))
            if cid == "org_subtotal":
                bd.extra("col", clean(texts[cid][0]), block, texts[cid][1])
            if ops is not None:
                ops.append((cid, clean(texts[cid][0]), texts[cid][1]))
    return flat


def _wrapped_tail(above: Row, texts: list[str]) -> bool:
    """Whether a row of ``texts`` (no number among them) only completes labels of the header row ``above`` that are
    no label alone: each text, put after one of them, makes a column's label (商业 + 企业, 科研 + 机构)."""
    loose = [c.text for c in above.cells if c.text and lb.match_s3_col(c.text) is None]
    tails = [t for t in texts if t]
    if not loose or not tails or len(tails) > len(loose) or any(map(is_value, tails)):
        return False
    return all(any((m := lb.match_s3_col(a + t)) is not None and m[0] == "leaf" for a in loose) for t in tails)


def _rejoined(toks: list[tuple[str, Cell]]) -> list[tuple[str, Cell]]:
    """The header's texts with a label wrapped onto the next header row joined again: ``商业 | 科研 | 社会公益组织 …``
    over ``企业 | 机构`` — a text that is no label, and the first such text after it that makes a column's label with
    it (商业 + 企业, 科研 + 机构), are one label, at the first one's place."""
    loose = [k for k, (t, _) in enumerate(toks) if lb.match_s3_col(t) is None]
    if len(loose) < 2:
        return toks
    joined: dict[int, str] = {}
    gone: set[int] = set()
    for i, a in enumerate(loose):
        if a in gone:
            continue
        for b in loose[i + 1:]:
            if b in gone or b in joined:
                continue
            m = lb.match_s3_col(toks[a][0] + toks[b][0])
            if m is not None and m[0] == "leaf":
                joined[a] = toks[a][0] + toks[b][0]
                gone.add(b)
                break
    if not joined:
        return toks
    return [(joined.get(k, t), c) for k, (t, c) in enumerate(toks) if k not in gone]


def _turned(header_rows: list[Row]) -> bool:
    """Header rows that name no applicant column (自然人, 商业企业 …) but at least two numbered rows of table 三
    (一、本年新收…, （一）予以公开): the header of a table turned on its side."""
    rows = 0
    for r in header_rows:
        for t in map(TEXT, r.cells):
            if not t:
                continue
            m = lb.match_s3_col(t)
            if m is not None and m[0] == "leaf" and m[1] not in ("total", "other_org"):  # (also row labels: （七）总计)
                return False
            if rows < 2 and any(p.marker and lb.match_s3_row(p.key, p.key2) for p in lb.split_label(t)):
                rows += 1
    return rows >= 2


def version_flags(bd: Build, rid: str, has_text: bool) -> None:
    """The signs of the template version a data row gives (（六）其他处理 with numbers or with sub-rows); ``has_text``:
    the row has a value (also read by the flat reader, :mod:`.flat`)."""
    if rid == "result.other":
        bd.s3_other_seen = True
        if has_text:
            bd.s3_other_values = True
    elif rid in lb.S3_2021_ONLY_ROWS:
        bd.s3_other_subrows = True
    elif rid == "result.total" and bd.s3_other_seen:
        bd.s3_total_after_other = True


#: the rows that :func:`version_flags` reads
_FLAG_ROWS = frozenset({"result.other", "result.total", *lb.S3_2021_ONLY_ROWS})

# What read_s3 did with a table of one shape, kept per shape: (the lengths of its rows, the signature of each of its
# cells in order (its label texts in place, values and empty cells as such: :data:`_sig`), gap, the column order carried
# in the Build and where it starts, the group context carried in) → (the column labels it gave the Build: ``(cid, label, (row, cell) of the header
# cell of a 小计 column or None)``, the order and start it left in the Build (None: unchanged), the column order of its
# values, its steps over the data rows in order): ``(_ROW, i, rid, row label, start)`` (row ``i``'s cells from ``start``
# on placed in the order), ``(_LABEL, i, rid, row label, 0)`` (a group row's label), ``(_FLAGS, i, rid, row label, has
# text)`` (:func:`version_flags`, which also reads the Build: run again), and for each step the keys of the cells it
# places (:func:`.model.cell_key` of its row id and each column it fills; () for the other steps), and the group context
# it left in the Build.  What the reader reads is in the key: which rows are
# empty, headers or data (the row's signature, :data:`_KINDS`), where the values start and whether they line up, which
# positions hold text, the header texts (a table with a value in a header row is not kept), the label texts; a value's
# own text is read only as a value (a row with a value among its label cells is not kept).  What it writes to the Build
# is replayed in the same order.  Only a table all of whose data rows take these steps is kept (no cut row; no cell
# made, no unmapped label or column, no loose number, no blank （六）其他处理 waiting for the version).  The tables of the
# national template come back report after report, their numbers aside: such a table is read once per shape.  At most
# 256 shapes of at most ``_SHAPE_CELLS`` cells and ``_SHAPE_TEXT`` characters of labels are kept (pinned against the
# reader before this round by tests/test_fast_paths_t5_stats.py).
_Step = tuple[int, int, str, str, int]
_Shape = tuple[tuple[tuple[str, str, "tuple[int, int] | None"], ...], "tuple[list[str | None], int | None] | None",
               tuple["str | None", ...], tuple[_Step, ...], tuple[tuple[tuple[str, str], ...], ...],
               tuple["str | None", "str | None"]]
_SHAPES: Kept[tuple, _Shape] = Kept("table 三: a table read by its shape", 256)
_SHAPE_CELLS = 1024
_SHAPE_TEXT = 4000
_ROW, _LABEL, _FLAGS = 0, 1, 2


def _replay(bd: Build, shape: _Shape, rows: list[Row], block: Block) -> None:
    """What read_s3 did with a table of this shape (:data:`_SHAPES`), done with this table's rows."""
    ops, state, order, steps, keys, bd.s3_ctx = shape
    for cid, label, at in ops:
        bd.col_labels.setdefault(cid, label)
        if at is not None:  # (a 小计 column: the one kind of column kept as an extra)
            bd.extra("col", label, block, rows[at[0]].cells[at[1]])
    if state is not None:
        bd.order = list(state[0])
        bd.order_start = state[1]
    # the columns' labels read once: nothing below gives a column a label (Build.add_row only reads them)
    col_labels = bd.col_labels
    labels = [col_labels.get(cid, "") for cid in order]  # type: ignore[arg-type]
    add_known = bd.add_known
    for (what, i, rid, label, x), ks in zip(steps, keys):
        if what == _ROW:
            add_known(rid, label, order, ks, labels, rows[i].cells[x:], block)  # type: ignore[arg-type]
        elif what == _LABEL:
            bd.row_labels.setdefault(rid, label)
        else:
            version_flags(bd, rid, bool(x))


def _at(rows: list[Row], cell: Cell | None) -> tuple[int, int] | None:
    """Where ``cell`` is in ``rows`` (row, cell), found by identity."""
    for i, r in enumerate(rows):
        for j, c in enumerate(r.cells):
            if c is cell:
                return i, j
    return None


def read_s3(bd: Build, rows: list[Row], block: Block, gap: bool = False, cut: Row | None = None,
            shape: Shape | None = None) -> None:
    """Table 三's cells from ``rows`` into ``bd``; ``shape``: the rows' :func:`.grid.shape_of` when the caller has
    it."""
    key = None
    if cut is None:
        # the table's shape (:data:`_SHAPES`), its cells read by a C-level chain (no Python frame per row)
        if shape is None:
            shape = shape_of(rows)
        key = (*shape, gap, None if bd.order is None else tuple(bd.order), bd.order_start, bd.s3_ctx)
        kept = _SHAPES.get(key)
        if kept is not None:
            _replay(bd, kept, rows, block)
            return
    header_rows: list[Row] = []
    data: list[tuple[Row, int]] = []
    data_texts: list[list[str]] = []  # the texts of each data row's cells, read once
    data_sigs: list[tuple[str | None, ...]] = []  # and their signatures
    data_at: list[int] = []  # and their places in ``rows``
    plan: list[_Step] | None = [] if key is not None and len(key[1]) <= _SHAPE_CELLS else None
    for at, row in enumerate(rows):
        texts = [c.text for c in row.cells]  # (Python 3.11 reads an attribute faster so than by map(attrgetter))
        if not any(texts):
            continue
        sig = tuple(map(_sig, texts))
        kind = _KINDS.get(sig)
        if kind is None:
            kind = (_is_header(texts), label_end(texts, is_s3_label))
            if len(sig) <= _KINDS_CELLS and sum(map(len, filter(None, sig))) <= 400:
                _KINDS.keep(sig, kind)
        if kind[0]:
            if not data:
                header_rows.append(row)
                if None in sig:
                    plan = None  # a value in a header row: its text is read as a header text
            continue
        if not data and header_rows and _wrapped_tail(header_rows[-1], texts):
            header_rows.append(row)  # 企业 | 机构 under 商业 | 科研 …: the rest of labels wrapped onto a line of their own
            plan = None
            continue
        data.append((row, kind[1]))
        data_texts.append(texts)
        data_sigs.append(sig)
        data_at.append(at)
    # with_values(data), each row's values looked for in the texts read above
    wv = [(r, ll) for (r, ll), texts in zip(data, data_texts) if ll >= 0 and any(map(is_value, texts))]
    aligned, L = layout_of(wv or [(r, ll) for r, ll in data if ll >= 0])
    if gap:
        aligned = False  # positions mean nothing when empty cells vanish: labels, then numbers, per row
    H = header_start(header_rows, lambda t: ((m := lb.match_s3_col(t)) and m[0] == "leaf") or None)
    if aligned and H is not None and H > L and not any(
            c.text and is_value(c.text) for row, _ll in data for c in row.cells[L:H]):
        # the item rows (1.属于国家秘密 …) whose third label column tells where the values start were
        # all left empty (their empty cells dropped): the header says where 自然人 is
        L = H
    width = max(map(len, map(_CELLS, rows)), default=0)
    used: set[int] = set()
    # where each row's values start (value_cells: ``L`` when aligned, else after the row's labels; never < 0): its
    # value cells are ``row.cells[start:]``, numbered from 0, and their texts ``texts[start:]``
    starts = [L if aligned else ll + 1 for _row, ll in data]
    for start, texts in zip(starts, data_texts):
        used.update(compress(count(), texts[start:]))  # positions with text
    ops: list[tuple[str, str, Cell | None]] | None = [] if plan is not None else None
    order = _s3_order(bd, header_rows, aligned, L, width, used, block, ops)
    if header_rows and _turned(header_rows):
        # turned on its side (a row per applicant, a column per row of the template): its header names no applicant
        # column, so a column cannot be told; no number is placed (each is unmapped, DL001 says so)
        order = [None] * max(width - L, 1)
    carried = bd.order
    order = continued(bd, order, bool(header_rows), aligned, L)

    # a part without header rows continues the table: its first rows sit in the group the last part ended in (a
    # table cut by a page break, or by its merged 三、本年度办理结果 printed as a line of its own in text copied from
    # a PDF); a part with header rows starts it afresh
    ctx = Ctx() if header_rows else Ctx(*bd.s3_ctx)
    every_column = None not in order
    n = len(order)
    if not every_column:
        plan = None
    for k, ((row, ll), start, texts) in enumerate(zip(data, starts, data_texts)):
        if aligned and 0 <= ll < start - 1:
            # a text of no label of the format after the row's known labels, in the label columns (a clerk's
            # ``其他原因`` beside （三）不予公开 repeated from its merged cell in HTML or Word): the row's own label, not
            # dropped (its numbers were read as the group row's)
            ll = max((j for j in range(ll + 1, min(start, len(texts))) if is_label(texts[j])), default=ll)
        labels = tuple(texts[: max(ll, 0) + 1])
        if plan is not None and None in data_sigs[k][: max(ll, 0) + 1]:
            plan = None  # a value among the label cells: its text is read as a label (the signature lacks it)
        rid, where, last_part = _row_id(row, ll, ctx, labels)
        # the row's label texts (a number among its label cells is not one: a value equal to it is a value)
        label_texts = set(filter(is_label, labels))
        vtexts = texts[start:]
        vals: list[tuple[int, Cell]] | None
        if vtexts and label_texts.isdisjoint(vtexts) and (gap or len(vtexts) >= n or row is cut or not any(vtexts)):
            # the row's value cells as they are: no merged label repeated among them, none of the cells padded
            # would add (see below); made into (position, cell) pairs only where a rarer branch needs them
            vals = None
            count_vals = len(vtexts)
            has_text = any(vtexts)
        else:
            vals = list(enumerate(row.cells[start:]))  # value_cells
            if not label_texts.isdisjoint(vtexts):
                vals = [(i, c) for i, c in vals if c.text not in label_texts]  # a merged label repeated across
            if not vals and ll >= 0 and ll == len(row.cells) - 1:
                # a row written as its labels only: every cell left empty (at the end of a cut file: not known)
                vals = [] if row is cut else blank_cells(row, n)
            elif not gap:
                vals = padded(row, vals, n, cut)
            count_vals = len(vals)
            has_text = any(c.text for _, c in vals)
        if rid is None:
            if has_text:
                plan = None
                if vals is None:
                    vals = list(enumerate(row.cells[start:]))
                first = next(c for _, c in vals if c.text)
                label = clean(last_part.text) if last_part is not None else ""
                if not label and ll < 0:
                    # numbers on a line with no label (a label's numbers printed on the line below it): not placed,
                    # and said so (DL001) — never dropped, never read as the table's cells left empty
                    to_loose(bd, "", "", block, [c for _, c in vals if c.text])
                    continue
                bd.unmap(label, "row", block, where or first, ctx.group,
                         tuple((order[i], c.text, c) for i, c in vals  # type: ignore[misc]  # (None left out)
                               if 0 <= i < n and order[i] is not None))
            continue
        if rid == SUBTOTAL:  # a group's sub-total (a local addition, DL111): its numbers belong to no row of the format
            plan = None
            if has_text:
                label = clean(where.text) if where is not None else "小计"
                bd.extra("row", label, block, where)
                pairs = zip(order, row.cells[start:]) if vals is None else (
                    (order[i], c) for i, c in vals if 0 <= i < n)
                bd.subtotals.append(Subtotal(label, ctx.group or "", block, where,
                                             tuple((cid, c.text, c) for cid, c in pairs if cid is not None)))
            continue
        row_label = clean(where.text) if where is not None else rid
        if row is cut and count_vals < n:
            bd.cut_row = rid
            bd.row_labels.setdefault(rid, row_label)
        if rid in _FLAG_ROWS:
            version_flags(bd, rid, has_text)
            if plan is not None:
                plan.append((_FLAGS, data_at[k], rid, row_label, has_text))
        spec = lb.S3_ROW_SPECS.get(rid)
        if spec is not None and not spec.data and rid != "result.other" and not has_text:
            bd.row_labels.setdefault(rid, row_label)
            if plan is not None:
                plan.append((_LABEL, data_at[k], rid, row_label, 0))
            continue  # a group row with no numbers of its own
        if vals is None:
            if every_column and count_vals <= n and not (rid == "result.other" and not has_text) and not (
                    gap and has_text and sum(map(bool, vtexts)) < n):
                # positions 0 … count_vals - 1, all within ``order``, none without a column: each cell with its
                # column, paired in C (the loop below would place them so)
                bd.add_row(rid, row_label, zip(order, row.cells[start:]), block)  # type: ignore[arg-type]
                if plan is not None:
                    plan.append((_ROW, data_at[k], rid, row_label, start))
                continue
            vals = list(enumerate(row.cells[start:]))
        plan = None  # a rarer outcome: cells made or read one by one (not kept)
        nonblank = [v for v in vals if v[1].text]  # those with text
        if rid == "result.other" and not nonblank:
            # 2021: a group row; 2019: a data row left blank — its cells are kept once the version is known
            bd.row_labels.setdefault(rid, row_label)
            for i, c in vals:
                cid = order[i] if 0 <= i < n else None
                if cid is not None:
                    bd.pending_other.append((cid, c, row_label, block))
            continue
        if gap and 0 < len(nonblank) < n:  # short_row, inline
            bd.row_labels.setdefault(rid, row_label)
            to_loose(bd, rid, row_label, block, [c for _, c in nonblank])
            continue
        placed: list[tuple[str, Cell]] = []
        if every_column and vals and vals[0][0] >= 0 and vals[-1][0] < n:
            # positions ascending, all within ``order``, none without a column: the loop below, C-level
            bd.add_row(rid, row_label, [(order[i], c) for i, c in vals], block)  # type: ignore[misc]
            continue
        for i, c in vals:
            cid = order[i] if 0 <= i < n else None
            if cid is None:
                if c.text:
                    bd.unmap(col_text(header_rows, c.col), "col", block, c)
                continue
            placed.append((cid, c))
        bd.add_row(rid, row_label, placed, block)
    bd.s3_ctx = (ctx.top, ctx.group)
    if plan is not None and key is not None and ops is not None and sum(len(t) for t in key[1] if t) <= _SHAPE_TEXT:
        state = None if bd.order is carried else (list(bd.order or ()), bd.order_start)  # continued set them
        given = tuple((cid, label, _at(rows, cell) if cid == "org_subtotal" else None) for cid, label, cell in ops)
        if all(at is not None for cid, _label, at in given if cid == "org_subtotal"):
            # (every_column: no None in the order)
            keys = tuple(tuple(cell_key(rid, cid) for cid in order[:max(0, len(rows[i].cells) - x)])  # type: ignore[arg-type]
                         if what == _ROW else () for what, i, rid, _label, x in plan)
            _SHAPES.keep(key, (given, state, tuple(order), tuple(plan), keys, bd.s3_ctx))
