"""The fast paths of round 15 against what they replace: a table's shape read by comprehensions (grid.shape_of) against
the shape read cell by cell; stat-value's shortcut (every cell a placeholder, a blank or a count ≥ 0) against the
``map(attrgetter)`` form it replaces and against the loop it skips."""

from __future__ import annotations

import random
from pathlib import Path

from disclosure_lint.kinds.statistics import _NEVER_A_PROBLEM, _NEVER_OR_INT, StatValue, ValueOptions
from disclosure_lint.model import Cell, Row
from disclosure_lint.readers import read_document
from disclosure_lint.readers.markdown import parse
from disclosure_lint.report import interpret
from disclosure_lint.report.stats.grid import cell_sig, shape_of

from .benchgen import generated

ROOT = Path(__file__).resolve().parent.parent
_TEXTS = ["", "", "0", "12", "-3", "1.5", "/", "—", "无", "不适用", "若干", "1,234", "５", "3件", " 7 ", "合计",
          "本年新收政府信息公开申请数量", "（一）予以公开", "自然人", "x" * 250, "\t", "a\tb", "一"]


def _plain_shape(rows):
    """The shape as it was read before: each row's number of cells, each cell's signature in order."""
    return tuple(len(r.cells) for r in rows), tuple(cell_sig(c.text) for r in rows for c in r.cells)


def _tables():
    """The table blocks of the examples, the fixtures' Markdown and 30 generated reports."""
    docs = [read_document(str(p), p.read_bytes()) for p in sorted((ROOT / "examples").glob("*.md"))]
    docs += [read_document(str(p), p.read_bytes()) for p in sorted((ROOT / "tests" / "fixtures").rglob("*.md"))]
    docs += [parse(text, path=name) for name, text in generated(30)]
    return [b for d in docs for b in d.blocks if b.table is not None]


def test_shape_of_as_read_cell_by_cell():
    rnd = random.Random(15)
    tables = [b.table.rows for b in _tables()]
    assert len(tables) > 100
    for _ in range(3000):  # random rows, some empty, of the texts above and random characters
        rows = []
        for r in range(rnd.randint(0, 8)):
            cells = tuple(Cell(text=rnd.choice(_TEXTS) if rnd.random() < 0.8 else
                               "".join(rnd.choice("0123456789一二三件年 /|") for _ in range(rnd.randint(1, 6))),
                               row=r, col=k) for k in range(rnd.randint(0, 7)))
            rows.append(Row(cells=cells))
        tables.append(tuple(rows))
    for rows in tables:
        got = shape_of(rows)
        assert got == _plain_shape(rows)
        assert type(got) is tuple and type(got[0]) is tuple and type(got[1]) is tuple


def _old_shortcut(t) -> bool:
    """stat-value's shortcut as it was written before this round."""
    from functools import partial
    from operator import attrgetter, is_not

    values = list(map(attrgetter("value"), t.cells.values()))
    return _NEVER_OR_INT.issuperset(map(attrgetter("kind"), values)) and min(
        filter(partial(is_not, None), map(attrgetter("number"), values)), default=0) >= 0


def _new_shortcut(t) -> bool:
    values = [c.value for c in t.cells.values()]
    return _NEVER_OR_INT.issuperset([v.kind for v in values]) and min(
        [n for v in values if (n := v.number) is not None], default=0) >= 0


def test_stat_value_shortcut_as_before_and_its_findings():
    """The shortcut says the same as before on the statistics of the examples, the fixtures and generated reports,
    also with cells changed at random to negative numbers, "-0", decimals and text; and stat-value's findings are
    those of the loop alone (the shortcut taken away)."""
    from disclosure_lint.report.stats import grid

    rnd = random.Random(151)
    kind = StatValue.__new__(StatValue)
    kind.options = ValueOptions()
    texts = [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.md"))]
    texts += [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures").rglob("*.md"))]
    texts += [t.encode() for _n, t in generated(30)]
    taken = skipped = 0
    for data in texts:
        for variant in range(3):
            report = interpret(read_document("r.md", data))
            stats = report.stats or {}
            if variant:  # some cells changed: the shortcut must fail where the loop has something to say
                for t in stats.values():
                    for c in list(t.cells.values()):
                        if rnd.random() < 0.05 * variant:
                            raw = rnd.choice(["-3", "-0", "1.5", "若干", "0", "/", "-1.0", "７"])
                            object.__setattr__(c, "raw", raw)
                            object.__setattr__(c, "value", grid.value_of(raw))
            for t in stats.values():
                if t.layout == "image":
                    continue
                new = _new_shortcut(t)
                assert new == _old_shortcut(t)
                if new:
                    taken += 1
                    assert all(c.value.kind in _NEVER_A_PROBLEM or (c.value.kind == "int" and c.value.number >= 0)
                               for c in t.cells.values())
                else:
                    skipped += 1
            assert [h.key for h in kind.check(report)] == [h.key for h in _loop_only(kind, report)]
    assert taken > 50 and skipped > 20


def _loop_only(kind, report):
    """stat-value's check with its shortcut never taken."""
    import disclosure_lint.kinds.statistics as st

    saved = st._NEVER_OR_INT
    st._NEVER_OR_INT = frozenset()  # type: ignore[misc]  # no kind is a superset's member: the shortcut never holds
    try:
        return list(kind.check(report))
    finally:
        st._NEVER_OR_INT = saved
