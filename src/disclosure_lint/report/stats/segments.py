"""Which statistics table each row of a table block belongs to: a block's rows split where their labels change
table (:func:`split_block`), and the table a block's section names (:func:`section_hints`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Block, Row
from ..catalogue import TABLE_IDS
from . import labels as lb
from .grid import TEXT, is_label
from .table2 import s2_strong

if TYPE_CHECKING:
    from .. import AnnualReport

# -- splitting table blocks into tables ---------------------------------------------------------

@dataclass
class Segment:
    id: str | None
    block: Block
    rows: list[Row]
    strong: int = 0  # distinctive labels seen
    votes: int = 0


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


def split_block(block: Block) -> list[Segment]:
    segs: list[Segment] = []
    cur: Segment | None = None
    votes = _votes
    for row in block.table.rows:  # type: ignore[union-attr]
        # the vote of the row's label cells (not empty, not a value): their texts picked by a C-level chain, no
        # Python frame per row (a comprehension is one in Python 3.11)
        v, n, strong = votes[tuple(filter(is_label, map(TEXT, row.cells)))]
        if cur is None:
            cur = Segment(v, block, [])
            segs.append(cur)
        elif v is not None and v != cur.id:
            if cur.id is None:
                cur.id = v  # unlabelled leading rows belong to the first table named
            else:
                cur = Segment(v, block, [])
                segs.append(cur)
        cur.rows.append(row)
        if v is not None and v == cur.id:
            cur.votes += n
            cur.strong += strong
    return segs


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
