"""Fast paths of round 18 that search the prose joined by NULs (``AnnualReport.prose_text``) in place of a search a
block, against the forms they replace."""

from __future__ import annotations

import random
from itertools import accumulate

from disclosure_lint.kinds import dates as date_kinds
from disclosure_lint.kinds import typography
from disclosure_lint.model import Block
from disclosure_lint.report import dates

_PARTS = ["2024", "24", "1", "0", "12345", "年", "月", "日", "号", "-", "/", ".", " ", "\n", "\0", "二〇二四", "十", "一",
          "本年新收", "2023年度", "。", "\t", "2024年", "1月", "20日", "2024-1-", "2024/1/", "2024.1.", "二〇二四年十月",
          "202011日", "20241月", "《", "》", "“", "”", "条例", "\u3000"]


def _texts(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(_PARTS) for _ in range(rng.randint(0, 9))) for _ in range(count)]


def _joined(texts: list[str]) -> tuple[str, list[int]]:
    return "\0".join(texts), list(accumulate([len(t) + 1 for t in texts], initial=0))


def test_text_dates_as_find_dates_of_each_block():
    """dates.text_dates (the gate searched for in the joined text, only the blocks it is found in read) finds what
    find_dates finds block by block, a NUL inside a block's text or not."""
    rng = random.Random(18)
    found = 0
    for _ in range(3000):
        texts = _texts(rng, rng.randint(0, 6))
        blocks = [Block(index=k, kind="paragraph", text=t) for k, t in enumerate(texts)]
        text, starts = _joined(texts)
        old = [d for b in blocks for d in dates.find_dates(b)]
        assert dates.text_dates(blocks, text, starts) == old, texts
        found += len(old)
    assert found > 300


def test_long_year_gate_holds_every_long_year():
    """Every text _LONG_YEAR finds something in, its literal-led gate finds something in too."""
    rng = random.Random(181)
    hits = 0
    parts = ["2020", "19", "20", "1", "12", "0", " ", "\u3000", "\n", "\0", ".", "年", "月", "日", "年12月31日", "年1月1日"]
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 8))) for _ in range(40000)]
    for text in texts + ["至202020年12月31日止", "20201 年1月1日", "2020\u3000年1月1日", "2020年1月1日"]:
        if date_kinds._LONG_YEAR.search(text) is not None:
            hits += 1
            assert date_kinds._LONG_YEAR_GATE.search(text) is not None, text
    assert hits > 20


def test_nesting_gate_over_the_joined_prose():
    """Whatever _MAY_NEST finds in a block's text, one of its two branches finds in the texts joined by NULs."""
    rng = random.Random(182)
    hits = 0
    for _ in range(20000):
        texts = _texts(rng, rng.randint(1, 5))
        text, _starts = _joined(texts)
        if any(typography._MAY_NEST.search(t) for t in texts):
            hits += 1
            assert typography._MAY_NEST_TITLE.search(text) or typography._MAY_NEST_QUOTE.search(text), texts
    assert hits > 100
