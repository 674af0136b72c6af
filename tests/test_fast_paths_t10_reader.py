"""The fast paths of round 10 in the Markdown reader and the cross-report facts, against what they replace: a
paragraph's hashes, size and preview kept by its text (facts._TEXT_FACTS) against the paragraphs collected afresh;
the stat hash's text as a kept format of the values (facts._HASH_TEXTS) against the repr of the sorted pairs; a
figure of the commonest kind made in _cells' loop against _cell_fact, table 二's fact keys kept by its layout."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from typing import Any

from disclosure_lint import memo
from disclosure_lint.batch import facts
from disclosure_lint.model import Anchor, Block, Document, Row, Table
from disclosure_lint.readers import markdown
from disclosure_lint.report import interpret
from disclosure_lint.report.repeats import normalize_all

from .benchgen import generated
from .test_fast_paths_t7_facts import _reference_paragraphs, _reports


def _dumped(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False)


def _made_report(rnd: random.Random, n: int) -> Any:
    """A document of ``n`` paragraphs and list items of random texts: short, long (over ``facts._KEPT_TEXT``),
    with digits of several scripts, tabs, pipes, spaces, the whole-area words, the year before the report's."""
    words = ["我局", "2023年", "2024年度", "，", "。", "全市", "收到", "申请", "１２", "٣٤", "#", "|", "\t", " ", "\u3000",
             "政府信息", "公开", "件", "本单位", "a", "🙂"]
    blocks = [Block(index=0, kind="heading", text="某局2024年政府信息公开工作年度报告", line=1, column=1)]
    for i in range(1, n + 1):
        size = rnd.choice([1, 3, 8, 20, 60, 260])
        text = "".join(rnd.choice(words) for _ in range(size))
        blocks.append(Block(index=i, kind=rnd.choice(["paragraph", "list_item"]), text=text, line=i + 2,
                            column=1 + rnd.randrange(3)))
    return interpret(Document(path="x.md", format="markdown", encoding="utf-8", text="", blocks=tuple(blocks)))


def test_text_facts_as_the_paragraphs_collected_afresh():
    """Each report's paragraphs with nothing kept, with every text kept (read again), and with some kept (the memo
    emptied at random between reports, and kept texts dropped), as collected before; what is kept is what the
    texts give alone, and only texts of at most _KEPT_TEXT characters."""
    rnd = random.Random(10)
    reps = list(_reports()) + [_made_report(rnd, rnd.randint(0, 40)) for _ in range(60)]
    memo.forget()
    n = kept_seen = 0
    for rep in reps:
        want = _reference_paragraphs(rep)
        if rnd.random() < 0.2:
            facts._TEXT_FACTS.clear()
        for key in rnd.sample(sorted(facts._TEXT_FACTS), len(facts._TEXT_FACTS) // 3):
            del facts._TEXT_FACTS[key]
        kept_before = sum(b.text in facts._TEXT_FACTS for b in rep.blocks)
        got = facts._paragraphs(rep)
        again = facts._paragraphs(rep)  # (every text kept now, but for the long ones)
        assert got == want and again == want
        assert _dumped(got) == _dumped(want) and _dumped(again) == _dumped(want)
        n += len(got[0])
        kept_seen += kept_before
    assert n > 700 and kept_seen > 100
    long = 0
    for text, value in facts._TEXT_FACTS.items():
        assert len(text) <= facts._KEPT_TEXT
        key = normalize_all([text])[0]
        if len(key) < facts.MIN_PARAGRAPH or "|" in key or "\t" in text:
            assert value == ()
        else:
            assert value == (facts._h(facts._DIGITS.sub("#", key)), facts._h(key), len(key), facts._preview(text))
    for rep in reps:
        long += sum(len(b.text) > facts._KEPT_TEXT and b.text not in facts._TEXT_FACTS for b in rep.blocks)
    assert long > 10


def test_collect_as_with_nothing_kept():
    for rep in _reports():
        memo.forget()
        fresh = _dumped(facts.collect(rep, "markdown"))
        assert _dumped(facts.collect(rep, "markdown")) == fresh


def _reference_stat_hash(cells: dict[str, list[Any]]) -> tuple[str | None, int]:
    """``facts._stat_hash`` as it was."""
    if not cells:
        return None, 0
    return facts._h(repr(sorted((k, v[0]) for k, v in cells.items()))), sum(1 for v in cells.values() if v[0] != 0)


def test_stat_hash_as_the_repr_of_the_sorted_pairs():
    """The hash's text made by a kept format per layout of keys, on random layouts (keys with quotes, %, backslashes,
    non-ASCII and astral characters, empty; one key; more than the bound) and values (ints, floats, -0.0, inf,
    nan, bools), each layout met again with other values and in another order, and on the generated reports."""
    rnd = random.Random(11)
    pieces = ["s3", ":", "new", "total", "'", '"', "%", "%r", "\\", "表", "🙂", "", " ", "\n", "a"]
    values: list[Any] = [0, 1, -3, 10 ** 20, 0.5, -0.0, 1e16, float("inf"), float("nan"), True, False, 2.0]
    memo.forget()
    n = 0
    for _ in range(400):
        size = rnd.choice([1, 2, 3, 20, 54, 300])
        keys = list({"".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5))) for _ in range(size)})
        for _ in range(3):
            rnd.shuffle(keys)
            nums = [v for v in values if type(v) is not bool] if rnd.random() < 0.7 else values
            cells = {k: [rnd.choice(nums), None] for k in keys}
            assert facts._stat_hash(cells) == _reference_stat_hash(cells)
            n += 1
    assert n == 1200 and len(facts._HASH_TEXTS) > 10
    for rep in _reports():
        cells = facts._cells(rep)
        assert facts._stat_hash(cells) == _reference_stat_hash(cells)
    assert facts._stat_hash({}) == (None, 0)


def _reference_cells(rep: Any) -> dict[str, list[Any]]:
    """``facts._cells`` as it was: each cell's fact by ``_cell_fact``."""
    out: dict[str, list[Any]] = {}
    for tid, t in rep.stats.items():
        if t.layout == "image":
            continue
        for row, col in facts._wanted(tid, t):
            c = t.cells.get((row, col))
            if c is not None and (got := facts._cell_fact(rep, c, rep.document.has_lines, t.has_numbers)) is not None:
                out[f"{tid}:{row}:{col}"] = got
    return out


def _varied(doc: Document, rnd: random.Random) -> Document:
    """``doc`` with its tables' cells given pointers, anchors, no line or no column at random, and lines or not."""
    blocks = []
    for b in doc.blocks:
        if b.table is not None:
            rows = tuple(Row(tuple(replace(
                c, pointer=rnd.choice([None, "", f"第{c.row}行"]),
                anchors=rnd.choice([(), (Anchor(0, 7, 3),), (Anchor(0, 7, 3, 2), Anchor(1, 8, 1, 2))]),
                line=rnd.choice([c.line, c.line, None]), column=rnd.choice([c.column, c.column, None]))
                for c in r.cells), r.line, r.header) for r in b.table.rows)
            b = replace(b, table=Table(rows))
        blocks.append(b)
    return replace(doc, blocks=tuple(blocks), has_lines=rnd.random() < 0.5)


def test_cells_as_each_cell_fact():
    """A report's figures with the commonest case (a whole number in a grid cell with a line and no anchors) made in
    _cells' loop, as _cell_fact makes every one, and table 二's fact keys kept by its layout, as made from _wanted:
    on the generated reports, as read and with their cells varied (pointers with and without lines, anchors, no
    line, no column)."""
    rnd = random.Random(12)
    memo.forget()
    n = 0
    for name, text in generated(30):
        doc = markdown.parse(text, path=name)
        for d in (doc, _varied(doc, rnd), _varied(doc, rnd)):
            rep = interpret(d)
            got, want = facts._cells(rep), _reference_cells(rep)
            assert _dumped(got) == _dumped(want)
            n += len(got)
    assert n > 3000 and facts._OTHER_KEYS
