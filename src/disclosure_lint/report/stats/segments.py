"""Which statistics table each row of a table block belongs to: a block's rows split where their labels change
table (:func:`split_block`), and the table a block's section names (:func:`section_hints`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...memo import Kept
from ...model import Block, Row
from ..catalogue import TABLE_IDS
from . import labels as lb
from .grid import TEXT, Shape, index_possible, is_label, shape_of
from .table2 import s2_strong

if TYPE_CHECKING:
    from .. import AnnualReport

# -- splitting table blocks into tables ---------------------------------------------------------

@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Segment:
    """A part of a table block taken for one statistics table: its rows and the votes for which table it is."""

    id: str | None
    block: Block
    rows: list[Row]
    strong: int = 0  # distinctive labels seen
    votes: int = 0
    shape: Shape | None = None  # the rows' :func:`shape_of` (None: not known, rows were added)
    # whether the rows may have an index column (:func:`.grid.index_possible` of ``shape``; True when not known)
    index: bool = True


class _Votes(dict[tuple[str, ...], tuple[str | None, int, int]]):
    """The vote of a row's labels, memoised by the labels (a row of the template: the same in report after
    report, whatever its numbers); at most ``_VOTES_MAX`` rows kept."""

    def __missing__(self, labels: tuple[str, ...]) -> tuple[str | None, int, int]:
        got = _labels_vote(labels)
        if len(self) < _VOTES_MAX and len(labels) <= _VOTES_LABELS:  # not the rows of a hostile 1,000-column grid
            self[labels] = got
        return got


_VOTES_MAX = 4096
_VOTES_LABELS = 32
_votes = _Votes()


def _labels_vote(labels: tuple[str, ...]) -> tuple[str | None, int, int]:
    counts: dict[str, int] = {}
    strong = 0
    for t in labels:
        v = lb.cell_vote(t)
        if v:
            counts[v] = counts.get(v, 0) + 1
            if v != "s2" or s2_strong(t):
                strong += 1
    if not counts:
        return None, 0, 0
    best = max(counts, key=counts.__getitem__)  # the first of the most voted, as with a lambda
    return best, counts[best], strong


# A block's split by its shape (:data:`Shape`): each segment as (table id, first row, end row, strong, votes, whether its
# rows may have an index column (:func:`.grid.index_possible`), its rows' shape).  A row's vote reads only its label
# texts, which its cells' signatures hold, so blocks of one shape split alike: the tables of the template come back
# report after report, their numbers aside, and such a block is split by one lookup of the shape that its table's
# reader then uses again (its key, :data:`.table3._SHAPES`), not by a pass over its rows.  The segments' shapes are the
# ones kept here (the key itself for a block of one table): a reader's own memo, keyed by that shape, then finds its
# key's shape to be the very object it keeps (its equality settled by identity, not by comparing the few hundred
# signatures one by one again, as the lookup here did).  At most 256 blocks of at most ``_SPLIT_CELLS`` cells (table
# 三's block: 260) and ``_SPLIT_TEXT`` characters of labels.
_SPLITS: Kept[Shape, tuple[tuple[str | None, int, int, int, int, bool, Shape], ...]] = Kept(
    "statistics tables: a block's split by its shape", 256)
_SPLIT_CELLS = 512
_SPLIT_TEXT = 2000


def split_block(block: Block) -> list[Segment]:
    """The block's rows split where their labels change table, each segment with its rows' :data:`Shape` and whether
    they may have an index column (:func:`.grid.index_possible`)."""
    rows = block.table.rows  # type: ignore[union-attr]
    shape = shape_of(rows)
    got = _SPLITS.get(shape)
    if got is None:
        lens, sigs = shape
        split = _split(rows)
        shapes = [shape] if len(split) == 1 else [(lens[s[1]:s[2]], sigs[s[5]:s[6]]) for s in split]
        got = tuple((v, a, b, strong, n, index_possible(sh), sh)
                    for (v, a, b, strong, n, _c0, _c1), sh in zip(split, shapes))
        if len(sigs) <= _SPLIT_CELLS and sum(len(t) for t in sigs if t) <= _SPLIT_TEXT:
            _SPLITS.keep(shape, got)
    if len(got) == 1:
        v, _a, _b, strong, n, index, sh = got[0]
        return [Segment(v, block, list(rows), strong, n, sh, index)]
    return [Segment(v, block, list(rows[a:b]), strong, n, sh, index) for v, a, b, strong, n, index, sh in got]


def _split(rows: Sequence[Row]) -> tuple[tuple[str | None, int, int, int, int, int, int], ...]:
    """:func:`split_block`'s segments, row by row: ``(table id, first row, end row, strong, votes, first cell, end
    cell)``."""
    segs: list[list] = []  # [id, first row, end row, strong, votes, first cell, end cell]
    cur: list | None = None
    votes = _votes
    at = 0  # the first cell of the row
    for k, row in enumerate(rows):
        # the vote of the row's label cells (not empty, not a value): their texts picked by a C-level chain
        v, n, strong = votes[tuple(filter(is_label, map(TEXT, row.cells)))]
        if cur is None:
            cur = [v, k, k, 0, 0, at, at]
            segs.append(cur)
        elif v is not None and v != cur[0]:
            if cur[0] is None:
                cur[0] = v  # unlabelled leading rows belong to the first table named
            else:
                cur = [v, k, k, 0, 0, at, at]
                segs.append(cur)
        at += len(row.cells)
        cur[2] = k + 1
        cur[6] = at
        if v is not None and v == cur[0]:
            cur[4] += n
            cur[3] += strong
    return tuple((s[0], s[1], s[2], s[3], s[4], s[5], s[6]) for s in segs)


def section_hints(report: AnnualReport) -> dict[int, str]:
    """Block index → s2/s3/s4 for blocks in the body of those sections."""
    hints: dict[int, str] = {}
    try:
        by_id = report.sections_by_id
    except Exception:  # noqa: BLE001  # pragma: no cover - a broken section analysis must not stop extraction
        return hints
    for sid in TABLE_IDS:
        sec = by_id.get(sid)
        if sec is None:
            continue
        for b in sec.blocks:
            hints[b.index] = sid
    return hints
