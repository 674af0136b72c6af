"""The prose analyses' fast paths of round 7 against the forms they replace."""

from __future__ import annotations

import random

from disclosure_lint import memo
from disclosure_lint.readers import markdown
from disclosure_lint.report import prose_reading
from disclosure_lint.report.annual import AnnualReport
from disclosure_lint.report.prose_reading import PART_YEAR, SENT_END, Sentence, SentenceTime

from .benchgen import generated

# the pieces PART_YEAR's alternatives are made of, near misses (半 without 年, 季 without 度, 月 alone) and fillers
_PIECES = ["上", "下", "半", "年", "半年", "季", "度", "季度", "截", "至", "止", "截至", "前", "个", "月", "份", "月份",
           "1", "2", "9", "10", "11", "12", "0", "２", "三", "十", "一", "-", "—", "~", "到", " ", "　", "，", "本",
           "申请", "公开", "2023", "件"]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        size = rng.randrange(0, 24)
        out.append("".join(rng.choice(_PIECES) for _ in range(size)))
    return out


def _generated_sentences() -> list[str]:
    out = []
    for _name, text in generated(30, seed=7):
        report = AnnualReport(markdown.parse(text))
        for block in report.text_blocks:
            out += [s for s in SENT_END.split(block.text) if s]
    return out


def test_part_year_gate() -> None:
    """Every match of PART_YEAR holds 月, 半年 or 季度: SentenceTime.part_year passes over a text holding none of them
    and gives what the search gave; Sentence.part_year(upto) is Sentence.search(PART_YEAR, upto) at every place."""
    memo.forget()  # SentenceTime objects are kept by text (prose_reading.sentence_facts)
    texts = _random_texts(30_000, seed=71) + _generated_sentences()
    found = 0
    for text in texts:
        m = PART_YEAR.search(text)
        if m is not None:
            found += 1
            assert "月" in text or "半年" in text or "季度" in text, text
        assert SentenceTime(text).part_year == (m.start() if m else None), text
        fast, plain = Sentence(text), Sentence(text)
        for upto in range(len(text) + 1):
            a, b = fast.part_year(upto), plain.search(PART_YEAR, upto)
            assert (a and (a.span(), a.group())) == (b and (b.span(), b.group())), (text, upto)
    assert found > 3_000  # the random texts reach every alternative often
    assert prose_reading.PART_YEAR is PART_YEAR


def _random_tables(n: int, seed: int) -> list[str]:
    from disclosure_lint.report.brackets import CLOSERS, OPENERS

    marks = "".join(OPENERS) + "".join(CLOSERS)
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        size = rng.randrange(0, 40)
        pick = "".join(rng.sample(marks, rng.randrange(1, 6)))
        out.append("".join(rng.choice(("\t", "\n", "一", "公开", "1", " ", "\r", pick[rng.randrange(len(pick))]))
                           for _ in range(size)))
    return out


def test_table_cells_plain() -> None:
    """brackets._cells_plain gives what the per-cell sequences of every tab and newline said."""
    from disclosure_lint.report import brackets as br

    def before(table: str) -> bool:
        return all(br._plain(q) for q in set("".join(br._CELL_MARKS.findall(table)).replace("\n", "\t").split("\t")))

    tables = _random_tables(30_000, seed=72)
    tables += ["", "\t\n\t", "（一）\t1\n（\t）\n", "《条例》\t“是”\n", "（一）予以公开（二）\t（（））\n“（”）", "（\n）"]
    for _name, text in generated(30, seed=7):
        tables += [b.text for b in AnnualReport(markdown.parse(text)).lintable_blocks if b.kind == "table"]
    results = [br._cells_plain(t) for t in tables]
    assert results == [before(t) for t in tables]
    assert 5_000 < results.count(False) < len(tables) - 5_000  # both answers, often


def test_squeeze_all() -> None:
    """repeats.squeeze_all (tabs and newlines replaced before the split) gives what the split of the joined texts gave
    and what each text squeezed on its own gives."""
    from disclosure_lint.report import repeats

    def before(texts: list[str]) -> list[str]:
        s = "".join("\0".join(texts).split())
        if "*" in s or "`" in s:
            s = s.replace("*", "").replace("`", "")
        out = s.split("\0")
        return out if len(out) == len(texts) else [repeats._squeeze(t) for t in texts]

    rng = random.Random(73)
    pieces = ["\t", "\n", " ", "\u3000", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\0", "*", "`",
              "公开", "一", "|", "1"]
    groups = [[""], [], ["\t\n"]]
    for _ in range(5_000):
        groups.append(["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30))) for _ in range(rng.randrange(0, 6))])
    for _name, text in generated(30, seed=7):
        groups.append([b.text for b in AnnualReport(markdown.parse(text)).lintable_blocks])
    for texts in groups:
        got = repeats.squeeze_all(texts)
        assert got == before(texts) == [repeats._squeeze(t) for t in texts], texts
