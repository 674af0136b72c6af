"""Row labels of the statistics tables written with characters missing, added or wrong.

The extractor maps a row label to its canonical row even when the label is garbled (by the
label's place in the table and its numbered parts), and keeps the label as written
(``StatTable.row_labels``).  A label that is neither the official label nor an accepted alias
(:mod:`.schema`), and differs from the nearest of them by one to three characters inside the label,
is a slip of the report (a real example: ``2.其他法律行政止公开`` for ``2.其他法律行政法规禁止公开``).

Not reported: a label that is the official one cut short at its end (``6.属于四类过程性信``: an
excerpt cut off, or a cell whose last line the tool could not read — never blame the report for
that), a label that holds the whole official label with text before or after it (local notes), labels of fewer than four characters, and
labels farther than three characters from every official form (local wording, not a slip; the
table rules say whether such a row could be read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ...memo import LONGEST, Kept
from ...model import Block, Cell
from .model import StatTable
from .schema import TableSchema, norm, strip_number

MAX_EDIT = 3  # characters inserted, deleted or replaced inside the label
MIN_LEN = 4
# a row's numbers read into its label's cell (a wrapped table in a PDF's text): 已获取信 1 1 0, not a slip of the label
_ROW_NUMBERS = re.compile(r"(?:\s+[\d.]+){2,}\s*$")


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class LabelTypo:
    """A row label written with a typo, and the official label it stands for."""

    table: str  # s2 | s3 | s4
    row: str  # canonical row id
    written: str  # the label as written
    official: str  # the official label it stands for
    edits: int  # characters that differ
    block: Block | None  # where the label is written
    cell: Cell | None = None  # the label's grid cell (None in flattened text)
    start: int | None = None  # offsets of the label in ``block.text`` (flattened text)
    end: int | None = None


def _edits(a: str, b: str) -> int:
    """Characters inserted, deleted or replaced between ``a`` and ``b``."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


@lru_cache(maxsize=4096)
def _slip_of(written: str, forms: tuple[str, ...]) -> tuple[str, int] | None:
    return _slip(written, forms)


def slip_of(written: str, forms: tuple[str, ...]) -> tuple[str, int] | None:
    """The official form (of ``forms``) that ``written``, a label of at most 200 characters, is a slip of, with the
    number of characters that differ; None when it is one of them, is one cut short or is none of them."""
    return _slip_of(written, forms) if len(written) <= 200 else None


def _slip(written: str, forms: Sequence[str]) -> tuple[str, int] | None:
    """The official form ``written`` is a slip of, with the number of characters that differ."""
    w = norm(strip_number(_ROW_NUMBERS.sub("", written)))
    if len(w) < MIN_LEN:
        return None
    best: tuple[str, int] | None = None
    for form in forms:
        f = norm(strip_number(form))
        if w == f or norm(written) == norm(form):
            return None  # an accepted form
        if f.startswith(w) or f in w:
            continue  # cut short at the end (an excerpt, a lost line), or whole with a note before or after
        if abs(len(f) - len(w)) > MAX_EDIT:
            continue
        n = _edits(f, w)
        if n > MAX_EDIT or n * 4 > len(f):
            continue
        if best is None or n < best[1]:
            best = (form, n)
    return best


def _place(table: StatTable, row: str, written: str) -> tuple[Block | None, Cell | None, int | None, int | None]:
    """Where the label is written: its grid cell (in the row of one of its values), or its offsets."""
    cells = [c for c in table.cells.values() if c.row == row] + [c for c in table.loose if c.row == row]
    for sc in cells:
        b = sc.block
        if b is None:
            continue
        if sc.cell is not None and b.table is not None and sc.cell.row < len(b.table.rows):
            for c in b.table.rows[sc.cell.row].cells:
                if written.strip() and written.strip() in c.text:
                    return b, c, None, None
        k = b.text.find(written.strip())
        if k >= 0:
            return b, None, k, k + len(written.strip())
    for b in table.blocks:
        k = b.text.find(written.strip())
        if k >= 0:
            return b, None, k, k + len(written.strip())
    return (table.blocks[0] if table.blocks else None), None, None, None


_GROUP_SCAN_ROWS = 200  # grid rows of a table searched for its group labels
_LABEL_COLS = 3  # the label columns of a grid row (table 三: group, item and sub-item)
_GROUP_TEXT = 40  # the longest cell text taken for a group label


def _group_slips(sch: TableSchema, text: str) -> tuple[tuple[str, str, int], ...]:
    """The group rows of ``sch`` (its rows that are not data rows), in order, that a cell's ``text`` is a slip of:
    ``(row id, official label, characters that differ)`` for each (mostly none).  Kept across reports
    (:data:`_GROUP_SLIPS`): a table 三's label cells are the same few dozen texts in report after report, and each was
    asked of every group (a tuple of its forms made and looked up in :func:`_slip_of`'s cache, ≈ 5 a text)."""
    key = (id(sch), text)
    hit = _GROUP_SLIPS.get(key)
    if hit is not None and hit[0] is sch:  # (the schema itself kept: an id is only unique while its object lives)
        return hit[1]
    slips: list[tuple[str, str, int]] = []
    for g in sch.rows:
        if not g.data:
            slip = _slip_of(text, (g.label, *g.aliases))
            if slip is not None:
                slips.append((g.id, g.label, slip[1]))
    return _GROUP_SLIPS.keep(key, (sch, tuple(slips)))[1]


#: (id of a schema, a cell's text of at most ``_GROUP_TEXT`` characters) → (that schema, :func:`_group_slips`)
_GROUP_SLIPS: Kept[tuple[int, str], tuple[TableSchema, tuple[tuple[str, str, int], ...]]] = Kept(
    "label typos: the groups a cell's text is a slip of", 4096)


def _group_typos(table: StatTable) -> Iterator[LabelTypo]:
    """Group labels of the table's grid (``（三）不予以公开`` for ``（三）不予公开``: a row with no numbers of its own, so
    not among ``row_labels``) written with a slip, each group once.

    The texts of a block's label cells are gathered by a comprehension and each text is asked once, where it is
    first written (``dict.fromkeys``): a table 三 has some 75 label cells of some 30 texts, and a loop over its cells
    cost more than the answers, which are kept (:func:`_group_slips`).  A text that is a slip of no group is passed
    over at once; only one that is a slip of some group is remembered (``seen``: the first place it is written,
    over the blocks, is the one reported)."""
    row_labels = table.row_labels
    sch = table.schema
    sid = id(sch)
    groups = _GROUPS.get(sid)
    if groups is None or groups[0] is not sch:  # (the schema itself kept: an id is only unique while it lives)
        groups = _GROUPS.keep(sid, (sch, frozenset(r.id for r in sch.rows if not r.data)))
    if row_labels.keys() >= groups[1]:
        return  # no group row, or every one among row_labels (tables 二 and 四 have none)
    get = _GROUP_SLIPS.get
    done: set[str] = set()
    seen: set[str] = set()
    for b in table.blocks:
        if b.table is None:
            continue  # flattened text: its labels are read with its rows
        texts = [c.text.strip() for row in b.table.rows[:_GROUP_SCAN_ROWS] for c in row.cells[:_LABEL_COLS]]
        for text in dict.fromkeys(texts):  # each text once, in the order it is first written
            hit = get((sid, text))
            if hit is not None and hit[0] is sch:  # (the schema itself kept: an id is only unique while it lives)
                slips = hit[1]
            elif not text or len(text) > _GROUP_TEXT:
                continue
            else:
                slips = _group_slips(sch, text)
            if not slips or text in seen:
                continue
            seen.add(text)
            best: tuple[str, str, int] | None = None
            # the groups not among row_labels nor reported yet, in order: the first with the fewest differences
            for slip in slips:
                if slip[0] in done or slip[0] in row_labels:
                    continue
                if best is None or slip[2] < best[2]:
                    best = slip
            if best is not None:
                done.add(best[0])
                cell = next(c for row in b.table.rows[:_GROUP_SCAN_ROWS] for c in row.cells[:_LABEL_COLS]
                            if c.text.strip() == text)  # where it is first written (seldom asked: not kept above)
                yield LabelTypo(table.id, best[0], text, best[1], best[2], b, cell)


def _row_slips(table: StatTable) -> tuple[tuple[str, str, str, int], ...]:
    """The row labels of ``table`` (``row_labels``, in order) written with a slip: ``(row id, label as written,
    official label, characters that differ)`` for each (mostly none).  Kept across reports by the table's schema and
    labels (:data:`_ROW_SLIPS`): the same labels come back in report after report, and asking each of them of
    :func:`_slip_of`'s cache (a tuple of its row's forms made and hashed with it, some 32 a report) cost more than one
    lookup of them all."""
    sch = table.schema
    row_labels = table.row_labels
    # the row ids and the labels as two tuples: no pair made per row
    key = (id(sch), tuple(row_labels), tuple(row_labels.values()))
    hit = _ROW_SLIPS.get(key)
    if hit is not None and hit[0] is sch:  # (the schema itself kept, as in _GROUP_SLIPS)
        return hit[1]
    specs = sch.row_by_id
    out: list[tuple[str, str, str, int]] = []
    size = 0
    for row, written in row_labels.items():
        size += len(written)
        spec = specs.get(row)
        if spec is None or not written:
            continue
        forms = (spec.label, *spec.aliases)
        # labels, not long texts: their answer memoised
        slip = _slip_of(written, forms) if len(written) <= 200 else _slip(written, forms)
        if slip is not None:
            out.append((row, written, spec.label, slip[1]))
    got = tuple(out)
    if size <= LONGEST:
        _ROW_SLIPS.keep(key, (sch, got))
    return got


#: (id of a schema, a table's row ids, its row labels as written) → (that schema, :func:`_row_slips`); kept only when
#: the labels together are at most :data:`.memo.LONGEST` characters
_ROW_SLIPS: Kept[tuple[int, tuple[str, ...], tuple[str, ...]],
                 tuple[TableSchema, tuple[tuple[str, str, str, int], ...]]] = \
    Kept("label typos: a table's row labels written with a slip", 1024)
#: id of a schema → (that schema, the ids of its group rows: the rows that are not data rows)
_GROUPS: Kept[int, tuple[TableSchema, frozenset[str]]] = Kept("label typos: a schema's group rows", 64)


def find_label_typos(stats: dict[str, StatTable]) -> list[LabelTypo]:
    out: list[LabelTypo] = []
    for tid, table in stats.items():
        out.extend(_group_typos(table))
        for row, written, official, edits in _row_slips(table):
            block, cell, start, end = _place(table, row, written)
            out.append(LabelTypo(tid, row, written, official, edits, block, cell, start, end))
    return out
