"""The prose readers' fast paths of round 12 against the forms they replace."""

from __future__ import annotations

import random

from disclosure_lint import memo
from disclosure_lint.model import Block
from disclosure_lint.readers import markdown
from disclosure_lint.report import claims
from disclosure_lint.report import proactive_claims as pc
from disclosure_lint.report import prose_reading as pr
from disclosure_lint.report.annual import AnnualReport
from disclosure_lint.report.claim_context import DEFAULT_SCOPE
from disclosure_lint.report.prose_reading import ProseView, SentenceTime, year_key

from .benchgen import generated
from .test_fast_paths_t10_claims import _sentence as _claim_sentence
from .test_fast_paths_t10_sums import (
    _PC_PIECES,
    _facts,
    _fill,
    _pc_facts,
    _pc_reader,
    _read,
    _reader,
    _sentence_before,
    _template,
)

# -- the report's year in a kept reading's key only when the sentence may name a year ------------------------------

_YEARS = (None, 2019, 2022, 2023, 2024)


def test_a_text_without_a_digit_before_nian_names_no_year() -> None:
    """year_key gives None only for a text in which, nor in any part of it, YEAR finds a match (nor SentenceTime a
    year), as the search of a digit, spaces and 年 it makes only after a 年 after a digit or a space: random texts of
    digits (ASCII, full-width, others), spaces, 年 and words; and the year itself otherwise."""
    rng = random.Random(121)
    alphabet = ["1", "2", "0", "9", "２", "٣", " ", "\u3000", "\t", "年", "年度", "本年", "月", "件", "，", "。", "a"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        # the 年 after a digit or a space searched first: what the search of a digit, spaces and 年 gives
        assert year_key(text, 2023) == (2023 if pr._NAMES_YEAR.search(text) else None), text
        if year_key(text, 2023) is None:
            assert SentenceTime(text).years == []
            assert all(pr.YEAR.search(text[a:b]) is None for a in range(len(text)) for b in range(a, len(text) + 1))
        else:
            assert year_key(text, 2023) == 2023 and year_key(text, None) is None
    assert year_key("2023年收到申请5件", 2023) == 2023 and year_key("本年收到申请5件", 2023) is None
    # a year in numerals (二〇二二年) is a year SentenceTime reads: the key holds the report's year
    assert year_key("二〇二二年收到申请五件", 2023) == 2023 and SentenceTime("二〇二二年收到申请五件").years == [(0, 5, 2022)]


def test_claims_of_a_year_in_numerals_kept_in_one_year_are_those_read_in_another() -> None:
    """二〇二二年… read in the 2022 report is this year's, in the 2023 report another year's: kept or not."""
    memo.forget()
    text = "二〇二二年我局收到政府信息公开申请五十四件。截至二〇二三年底累计收到申请322件；二〇二三年办结56件。"
    for year in (2022, 2023, None, 2022, 2023):
        assert _claims_of(text, year, kept=True) == _claims_of(text, year, kept=False), year
    assert _claims_of(text, 2022, kept=True)[0] != _claims_of(text, 2023, kept=True)[0]


def _claims_of(text: str, year: int | None, kept: bool) -> tuple[list[str], list[str]]:
    view = ProseView(blocks=[Block(index=0, kind="paragraph", text=text)], year=year, masker=lambda t: t,
                     skip=frozenset(), s4=frozenset())
    reader = claims._Reader(view, list(DEFAULT_SCOPE))
    reader.kept = kept
    got = reader.run()
    return [repr(c) for c in got.claims], [repr(s) for s in got.statements]


def test_claims_kept_in_one_year_are_those_read_in_another() -> None:
    """A sentence's claims kept in a report of one year (or of none) and put back in a report of another are those read
    afresh there: random sentences of counts, keywords, statements, years and months, each read in turn for every
    year, kept and not."""
    rng = random.Random(122)
    memo.forget()
    found = 0
    for _ in range(3_000):
        text = "。".join(_claim_sentence(rng) for _ in range(rng.randrange(1, 4)))
        for year in rng.sample(_YEARS, len(_YEARS)):
            want = _claims_of(text, year, kept=False)
            assert _claims_of(text, year, kept=True) == want, (text, year)
            found += len(want[0]) + len(want[1])
    assert found > 5_000


def test_sums_kept_in_one_year_are_those_read_in_another() -> None:
    """A sentence's prose sums kept for one year are those read afresh for another: random sentences of totals and
    parts (a 其中 referring to the sentence before), years named in one sentence or the other, each read for every
    year in turn."""
    memo.forget()
    rng = random.Random(123)
    found = 0
    for n in range(4_000):
        first = rng.choice(["", "2022年", "2023年", "N年"]) + _template(rng)
        text = first + "。" + rng.choice(["其中，", "在办结的申请中，", ""]) + _template(rng)
        text = _fill(text, rng, [rng.choice((1, 2, 3)) for _ in range(text.count("N"))])
        block = Block(index=n, kind="paragraph", text=text)
        for year in rng.sample(_YEARS, len(_YEARS)):
            want = _read(_reader(year), block, fresh=True)
            assert _read(_reader(year), block, fresh=False) == want, (text, year)
            found += len(want)
    assert found > 600


def test_sums_of_a_sentence_referring_to_a_year_named_before() -> None:
    """其中 refers to the total of the sentence before: the year that sentence names decides, not the one with the
    parts (read for 2022 then 2023, kept, and in the other order)."""
    text = "2022年办结申请5件。其中，予以公开3件、部分公开2件"
    block = Block(index=0, kind="paragraph", text=text)
    for years in ((2022, 2023, None), (2023, None, 2022)):
        memo.forget()
        for year in years:
            want = _read(_reader(year), block, fresh=True)
            assert _read(_reader(year), block, fresh=False) == want
            assert bool(want) == (year == 2022)


def test_table2_figures_kept_in_one_year_are_those_read_in_another() -> None:
    """A sentence's table-二 figures kept for one year are those read afresh (as _sentence was written before its
    figures were kept) for another."""
    memo.forget()
    rng = random.Random(124)
    found = 0
    for n in range(4_000):
        template = "".join(rng.choice(_PC_PIECES) for _ in range(rng.randrange(1, 16)))
        text = _fill(template, rng, [rng.choice((1, 2, 4)) for _ in range(template.count("N"))])
        block = Block(index=n, kind="paragraph", text=text)
        for year in rng.sample(_YEARS, len(_YEARS)):
            want: list = []
            got: list = []
            for s0, s1 in pr.sentences(text):
                _sentence_before(_pc_reader(year, False), block, s0, text[s0:s1], want)
                _pc_reader(year, False)._sentence(block, s0, text[s0:s1], got)
            assert _pc_facts(got) == _pc_facts(want), (text, year)
            found += len(want)
    assert found > 500 and pc._SHAPES


def test_reports_of_other_years_read_with_and_without_kept_readings() -> None:
    """The generated reports (of several years) read with nothing kept, then all in turn twice: the same claims, sums
    and table-二 figures."""
    texts = [text for _name, text in generated(40, seed=125)]

    def read(text: str) -> tuple:
        r = AnnualReport(markdown.parse(text))
        got = r.claims.read()
        return ([repr(c) for c in got.claims], [repr(s) for s in got.statements], [_facts(s) for s in r.prose_sums],
                _pc_facts(r.proactive_claims.read()))

    fresh = []
    for text in texts:
        memo.forget()
        fresh.append(read(text))
    memo.forget()
    assert fresh == [read(t) for t in texts] == [read(t) for t in texts]
    assert len({AnnualReport(markdown.parse(t)).year for t in texts}) > 2
