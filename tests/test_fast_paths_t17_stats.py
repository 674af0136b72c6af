"""Fast paths of round 17 in the statistics tables (t17-stats): each pinned equal to the form it replaced."""

from __future__ import annotations

import random

from disclosure_lint.model import Block, Cell, Row, Table
from disclosure_lint.report.stats import segments
from disclosure_lint.report.stats.grid import drop_index_column, index_possible, shape_of

_FIRST = ["序号", "序 号", "编号", "行次", "1", "2", "3", " 4 ", "０５", "12", "1 2", "123", "1234", "一", "（一）", "规章",
          "1.属于国家秘密", "", "/", "—", "无", "项目", "1\u200b", "**3**", "3件", "-1", "+2", "2.5"]
_OTHER = ["", "规章", "1.属于国家秘密", "0", "5", "/", "（三）不予公开", "总计", "自然人", "12"]


def _rows(rnd: random.Random) -> list[Row]:
    rows = []
    counting = rnd.random() < 0.4
    start = rnd.randrange(1, 5)
    for r in range(rnd.randrange(1, 9)):
        n = rnd.choice([0, 1, 1, 2, 3, 5])
        if counting and n >= 2:
            first = rnd.choice([str(start + r), f"{start + r} ", "０" + str(start + r)[-1]])
        else:
            first = rnd.choice(_FIRST)
        texts = [first, *(rnd.choice(_OTHER) for _ in range(n - 1))] if n else []
        rows.append(Row(tuple(Cell(t, r, i) for i, t in enumerate(texts)), line=r + 1))
    return rows


def test_index_possible_before_drop_index_column():
    """A block whose shape says it has no index column (:func:`.grid.index_possible`) gives drop_index_column None, and
    split_block gives each segment index_possible of its shape (kept with the split or not)."""
    rnd = random.Random(17)
    segments._SPLITS.clear()
    found = 0
    for _n in range(6000):
        rows = _rows(rnd)
        got = drop_index_column(rows)
        found += got is not None
        assert index_possible(shape_of(rows)) or got is None
        block = Block(index=0, kind="table", text="", table=Table(tuple(rows)))
        for _k in range(2):
            for seg in segments.split_block(block):
                assert seg.shape is not None and seg.index == index_possible(seg.shape)
                assert seg.index or drop_index_column(seg.rows) is None
    assert found > 200
