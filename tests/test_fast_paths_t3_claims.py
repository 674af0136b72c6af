"""The claim readers' fast paths (issue 12, third round): each finds what the plain form finds.

* :func:`claim_keywords.keywords` asks KEYWORD only where ``_KW_AT`` matches: proven from KEYWORD's parse tree (every
  possible start of a keyword, up to six characters, is matched by ``_KW_AT``) and compared on texts;
* the block gate of the claim reader, its count gate per sentence and the table-二 reader's row gate are the plain
  alternations rewritten with every alternative led by a literal character: compared on random texts.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _prefixes(pattern: str, k: int) -> set[tuple[frozenset[str], ...]]:
    """The possible first ``k`` characters of a match of ``pattern`` (fewer when a match is shorter), each as the set
    of characters that may stand there (``\\d`` for the digit category), read from the parse tree.  Assertions consume
    nothing and are left out (a superset); anything it cannot enumerate fails."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as p  # type: ignore[attr-defined]

    def chars(op, av) -> frozenset[str]:
        if op is c.LITERAL:
            return frozenset({chr(av)})
        assert op is c.IN, op
        got: set[str] = set()
        for iop, iav in av:
            if iop is c.LITERAL:
                got.add(chr(iav))
            elif iop is c.RANGE:
                got |= {chr(x) for x in range(iav[0], iav[1] + 1)}
            elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                got.add("\\d")
            else:
                raise AssertionError(f"cannot enumerate {iop}")
        return frozenset(got)

    def seq(items, k) -> set[tuple[frozenset[str], ...]]:
        res: set[tuple[frozenset[str], ...]] = {()}
        for op, av in items:
            res = {pre + ext if len(pre) < k else pre for pre in res
                   for ext in (one(op, av, k - len(pre)) if len(pre) < k else [()])}
        return res

    def one(op, av, k) -> set[tuple[frozenset[str], ...]]:
        if op in (c.LITERAL, c.IN):
            return {(chars(op, av),)}
        if op is c.BRANCH:
            return set().union(*(seq(alt, k) for alt in av[1]))
        if op is c.SUBPATTERN:
            return seq(av[3], k)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            lo, hi, sub = av
            out: set[tuple[frozenset[str], ...]] = set()
            cur: set[tuple[frozenset[str], ...]] = {()}
            for i in range(min(hi, k) + 1):
                if i >= lo:
                    out |= cur
                cur = {pre + ext if len(pre) < k else pre for pre in cur
                       for ext in (seq(sub, k - len(pre)) if len(pre) < k else [()])}
            return out | {x for x in cur if len(x) >= k}
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            return {()}
        raise AssertionError(f"cannot enumerate {op}")

    return seq(p.parse(pattern), k)


_DIGIT_SAMPLES = ("0", "9", "٣", "３")  # what ``\d`` stands for in the enumeration (ASCII, Arabic-Indic, full width)


def test_prefixes_helper():
    got = _prefixes(r"(?<!x)ab?c|\d{2}(?=y)", 2)
    assert got == {(frozenset("a"), frozenset("b")), (frozenset("a"), frozenset("c")),
                   (frozenset({"\\d"}), frozenset({"\\d"}))}
    assert _prefixes("ab", 3) == {(frozenset("a"), frozenset("b"))}
    with pytest.raises(AssertionError):
        _prefixes("a.", 2)


def test_keyword_locator_matches_every_start_of_a_keyword():
    from disclosure_lint.report import claim_keywords as ck

    gate = set(re.findall(".", ck._KW_FIRST.replace("0-9", "0123456789")))
    years = set("0123456789") | set(ck._YEAR_LEAD)
    assert "-" not in ck._KW_FIRST.replace("0-9", "")
    tried = 0
    for t in _prefixes(ck.KEYWORD_ALTERNATION, 6):
        assert len(t) >= 2  # no keyword is shorter than two characters: keywords() always moves on
        sets = [sorted(x for s in chars for x in (_DIGIT_SAMPLES if s == "\\d" else (s,))) for chars in t]
        # KEYWORD's look-ahead lets only these first characters through (``\d``: the ASCII digits it names)
        sets[0] = [x for x in sorted({y for s in t[0] for y in ("0123456789" if s == "\\d" else s)}) if x in gate]
        for combo in itertools.product(*sets):
            text = "".join(combo)
            assert ck._KW_AT.match(text), text
            if text[0] not in years:
                assert ck._KW_AT_NO_YEAR.match(text), text
            tried += 1
    assert tried > 50_000
    # a keyword that starts with a year holds 结转 or 转结 (read far enough to see it: 2023年度结转)
    for t in _prefixes(ck.KEYWORD_ALTERNATION, 8):
        lead = {y for s in t[0] for y in ("0123456789" if s == "\\d" else s)} & years
        if not lead:
            continue
        sets = [sorted(lead)] + [sorted(x for s in chars for x in (_DIGIT_SAMPLES if s == "\\d" else (s,))) for chars in t[1:]]
        for combo in itertools.product(*sets):
            text = "".join(combo)
            assert "结转" in text or "转结" in text, text
            tried += 1
    assert tried > 100_000


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "bench" / "out").glob("*.md"))[:30]]
    return texts


def test_keywords_are_the_finditer_matches():
    from disclosure_lint.report import claim_keywords as ck

    def plain(text):
        return [(m.span(), m.lastgroup) for m in ck.KEYWORD.finditer(text)]

    seen = 0
    for text in _texts():
        for line in text.splitlines():
            got = [(m.span(), m.lastgroup) for m in ck.keywords(line)]
            assert got == plain(line), line
            seen += len(got)
    assert seen > 200
    words = [w for _, p in ck.KEYWORDS for w in re.findall(r"[\u4e00-\u9fff]{2,}", p)]
    rnd = random.Random(7)
    for _ in range(20000):
        text = "".join(rnd.choice([*words, *"年度上下一二〇2023的了未被行政复议诉讼结转至到入，。 ３"]) for _ in range(rnd.randint(0, 6)))
        assert [(m.span(), m.lastgroup) for m in ck.keywords(text)] == plain(text), text


def _random_texts(alphabet: list[str], count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8))) for _ in range(count)]


def test_block_and_count_gates_are_the_plain_alternations():
    from disclosure_lint.report import claim_keywords, claims
    from disclosure_lint.report.prose_reading import COUNT_TOKEN

    plain = re.compile(claims._PREFILTER_ALTERNATION)
    plain_count = re.compile(r"[\d零〇一二两三四五六七八九十百千]\s?[件起个宗例份条]")
    alphabet = [*"0９٣一十百第件起个宗例份条次 \t\u3000维持未没有无为零0%％a,.", "维持", "没有", "为零", "为0", "件次"]
    for text in _random_texts(alphabet, 40000, 11) + _texts():
        assert bool(claim_keywords.BLOCK_GATE.search(text)) == bool(plain.search(text)), text
        has = bool(claim_keywords.HAS_COUNT.search(text))
        assert has == bool(plain_count.search(text)), text
        if not has:
            assert COUNT_TOKEN.search(text) is None, text


def test_row_gate_is_the_row_search():
    from disclosure_lint.report import proactive_claims as pc

    alphabet = [*"规章制度范性文件行政许可处罚强制事业收费", "规章", "制度", "规范性文件", "行政", "事业性收费"]
    for text in _random_texts(alphabet, 40000, 12) + _texts():
        assert bool(pc._HAS_ROW.search(text)) == bool(pc._ROW.search(text)), text


# -- metrics: the totals of a report (its rows of table 三: tests/test_fast_paths_t3_stats.py) ------------------

def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return (repr(a.value) == repr(b.value) and [id(c) for c in a.cells] == [id(c) for c in b.cells]
            and a.notes == b.notes and repr(a.alt) == repr(b.alt))


def test_totals_kept_per_report_are_the_sums():
    from disclosure_lint.readers import read_path
    from disclosure_lint.report import AnnualReport
    from disclosure_lint.report.metrics import Metrics, sum_values

    files = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "bench" / "out").glob("*.md"))[:20]
    asked = 0
    for f in files:
        report = AnnualReport(read_path(str(f)))
        kept = Metrics(report.stats)
        for c in report.claims.claims:
            for s4 in (c.s4_block, c.alt_s4_block):
                fresh = Metrics(report.stats)
                assert _same_value(kept.total(c.metrics, s4), sum_values([fresh.value(m, s4) for m in c.metrics]))
                assert kept.total(c.metrics, s4) is kept.total(c.metrics, s4)
                asked += 1
    assert asked > 20


def test_no_keyword_before_keyword_from():
    """``keyword_from`` is where ``_KW_AT`` first matches; ``_KW_AT`` looks neither behind nor ahead, so it matches in
    a block wherever it matches in one of its sentences: a sentence that ends before it holds no keyword."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as p  # type: ignore[attr-defined]

    from disclosure_lint.report import claim_keywords as ck
    from disclosure_lint.report.prose_reading import SENT_END

    def ops(items):
        for op, av in items:
            yield op
            if op is c.BRANCH:
                for alt in av[1]:
                    yield from ops(alt)
            elif op is c.SUBPATTERN:
                yield from ops(av[3])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                yield from ops(av[2])

    assert not {c.ASSERT, c.ASSERT_NOT, c.AT} & set(ops(p.parse(ck._KW_AT.pattern)))
    skipped = 0
    for text in _texts():
        for block in text.split("\n\n"):
            start = ck.keyword_from(block)
            assert all(m.start() >= start for m in ck.KEYWORD.finditer(block))
            pos = 0
            for m in [*SENT_END.finditer(block), None]:
                end = m.start() if m is not None else len(block)
                if end <= start:
                    assert ck.keywords(block[pos:end]) == []
                    skipped += 1
                pos = m.end() if m is not None else len(block)
    assert skipped > 100
