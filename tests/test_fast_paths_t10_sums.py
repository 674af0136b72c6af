"""The prose-sum reader's fast paths of round 10 against the forms they replace."""

from __future__ import annotations

import random

from disclosure_lint import memo
from disclosure_lint.model import Block
from disclosure_lint.readers import markdown
from disclosure_lint.report import prose_sum_shapes as shapes
from disclosure_lint.report import prose_sums as ps
from disclosure_lint.report.annual import AnnualReport
from disclosure_lint.report.prose_reading import sentences

from .benchgen import generated

# N: a number (its digits drawn for each filling); the rest: words of totals, parts, markers, years, months, changes,
# approximations, the hotline 12345, full-width digits, Chinese numerals
_PIECES = ["本年新收政府信息公开申请", "收到申请", "办结", "全年办结", "共计", "合计", "共", "其中", "其中：", "，", "、", "；",
           "。", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "予以公开和部分公开", "自然人",
           "法人或其他组织", "企业", "上年结转", "N年度结转", "结转下年度", "被申请行政复议", "被提起行政诉讼", "结果维持",
           "结果纠正", "其他结果", "尚未审结", "直接起诉", "复议后起诉", "主动公开政府信息", "政策文件", "工作动态",
           "在办结的申请中，", "在办结的N件申请中，", "约", "同比增长", "N%", "N.N%", "占", "（", "）", "12345", "热线",
           "截至", "月", "前", "个", "N月", "N-N月", "N年", "2023年", "2022年", "本年", "申请", "N", "N件", "N件", "N件",
           "N条", "N起", "N,NNN件", "１２件", "５件", "三件", "十二件", "两件", "N 件", "分别为", "均为", "建议", "网站"]


_TOTALS = ["本年新收政府信息公开申请", "收到申请", "全年办结申请", "办结", "共需办理", "被申请行政复议", "被提起行政诉讼", "主动公开政府信息",
           "在办结的申请中", "2022年收到申请", "N年收到申请", "N年度办结", "上半年办结", "截至N月办结", "约办结", "较上年增加", "受理建议"]
_PARTS = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "予以公开和部分公开", "自然人", "法人或其他组织", "企业",
          "上年结转", "N年度结转", "本年新收", "结果维持", "结果纠正", "其他结果", "尚未审结", "直接起诉", "复议后起诉", "政策文件",
          "工作动态", "通过网站", "约", "热线12345", "2022年度结转", "2023年", "截至N月", "前N个月", "N年", "其中"]
_NUMBERS = ["N件", "N件", "N件", "N条", "N起", "N,NNN件", "N 件", "１２件", "５件", "三件", "十二件", "两件", "N", "N%"]
_SEPS = ["，", "、", "；", "，其中", "，其中：", "（", "）", "，同比增长N%，其中", "，占N.N%，", "和", ""]


def _template(rng: random.Random) -> str:
    """A sentence stating a total and its parts (first, last, or in the sentence before), with random words put in."""
    def parts() -> list[str]:
        return [rng.choice(_PARTS) + rng.choice(_NUMBERS) + rng.choice(_SEPS[:3]) for _ in range(rng.randrange(1, 7))]

    form = rng.randrange(3)
    if form == 0:
        pieces = [rng.choice(_TOTALS), rng.choice(_NUMBERS), rng.choice(_SEPS), *parts()]
    elif form == 1:
        pieces = [*parts(), rng.choice(["共计", "，共计", "合计", "，总计"]), rng.choice(_NUMBERS)]
    else:
        pieces = [rng.choice(_TOTALS), rng.choice(_NUMBERS), "。", rng.choice(["其中，", "在办结的申请中，", "其中"]), *parts()]
    for _ in range(rng.randrange(3)):  # a random word put anywhere
        pieces.insert(rng.randrange(len(pieces) + 1), rng.choice(_PIECES))
    return "".join(pieces)


def _fill(template: str, rng: random.Random, numbers: list[str | int]) -> str:
    """``template`` with its i-th N made ``numbers[i]``, or when that is a length, a number of that many random digits
    (a shape of its own only where a number that is no figure's, or one holding 12345, is drawn anew)."""
    pieces = template.split("N")
    out = [pieces[0]]
    for i, piece in enumerate(pieces[1:]):
        n = numbers[i]
        if isinstance(n, str):
            out.append(n)
        elif piece.startswith("年"):  # a year, at times the report's
            out.append(rng.choice(("2021", "2022", "2023", "2024", str(rng.randrange(10 ** n)))))
        elif piece.startswith(("月", "个月", "-")):  # a month
            out.append(str(rng.randrange(14)))
        else:  # now and then the hotline 12345, which OFF_TOPIC names
            digits = "0123456789" if rng.random() < 0.9 else "0123456789０５９"  # at times full-width ones
            out.append("12345" if n == 5 and rng.random() < 0.2 else "".join(rng.choice(digits) for _ in range(n)))
        out.append(piece)
    return "".join(out)


def _reader(year: int | None) -> ps._Reader:
    r = ps._Reader.__new__(ps._Reader)
    r.year = year
    return r


def _read(reader: ps._Reader, block: Block, fresh: bool) -> list:
    """The sums of one block as run() reads them, each sentence read afresh (``fresh``: _sentence as it was written
    before its sums were kept by shape) or through the kept shapes."""
    out: list[ps.ProseSum] = []
    text = block.text
    prev = None
    for s0, s1 in sentences(text):
        sent = text[s0:s1]
        figs = list(ps._FIG.finditer(sent)) if ps._FIG_GATE.search(sent) else []
        if figs:
            if fresh:
                back = ps._BACKREF.match(sent)
                if len(figs) >= 2 or back:
                    refers = back and prev is not None and prev[2] and figs[0].start() > back.end() - 1
                    reader._read(block, s0, sent, figs, prev if refers else None, back, out)
            else:
                reader._sentence(block, s0, sent, figs, prev, out)
        prev = (s0, sent, figs)
    return [_facts(s) for s in out]


def _facts(s: ps.ProseSum) -> tuple:
    return (s.kind, [(f.block.index, f.start, f.end, f.num_start, f.number, f.unit, f.category, f.text)
                     for f in [s.total, *s.parts]],
            s.exhaustive, s.form, s.sentence, s.sentence_start, s.total_after, s.difference)


def test_sums_kept_by_shape_are_the_sums_read(monkeypatch) -> None:
    """A sentence's sums from the shapes kept (fresh, kept, kept from a sentence of other numbers) are those read
    afresh: random sentences of totals, parts, years, months, changes and numbers in other digits, each filled with
    several sets of numbers of the same lengths (one shape, or at times not), read for one year or another."""
    memo.forget()
    rng = random.Random(101)
    found = rebuilt = 0
    rebuild = shapes.rebuild

    def counted(*args):
        nonlocal rebuilt
        got = rebuild(*args)
        rebuilt += len(got)
        return got

    monkeypatch.setattr(shapes, "rebuild", counted)
    for n in range(10_000):
        template = _template(rng) + rng.choice(["。", "；", ""]) + _template(rng)
        # a number before a unit drawn anew for each filling, most others once (a year, a month, a percentage)
        lengths = [rng.choice((1, 1, 2, 3, 4, 5)) for _ in range(template.count("N"))]
        units = [piece.lstrip(" ,N")[:1] in "件条起" for piece in template.split("N")[1:]]
        once: list[str | int] = [k if unit and rng.random() < 0.9 else _fill("N", rng, [k])
                                 for k, unit in zip(lengths, units, strict=True)]
        for _ in range(4):
            text = _fill(template, rng, once if rng.random() < 0.8 else lengths)  # at times every number drawn anew
            year = rng.choice((None, 2023, 2022))  # the shape read for another year
            block = Block(index=n, kind="paragraph", text=text)
            want = _read(_reader(year), block, fresh=True)
            got = _read(_reader(year), block, fresh=False)
            assert got == want, (text, year)
            found += len(want)
    assert found > 1_500 and rebuilt > 300 and shapes.SHAPES


def test_shape_keeps_offsets_and_what_is_no_figure() -> None:
    """The shape has the sentence's length and figures; it makes only the digits of the figures' Arabic numbers 0
    (years, months, percentages, Chinese numerals kept as written; a sentence with a comma or 12345 as written)."""
    for sent, want in [("2023年收到申请12件，其中自然人56件、法人７８件，占12%，三件", "2023年收到申请00件，其中自然人00件、法人00件，占12%，三件"),
                       ("截至9月办结23456件", "截至9月办结00000件"), ("截至9月办结123456件", "截至9月办结123456件"), ("共1,234件，其中9件", "共1,234件，其中9件"),
                       ("热线12345件，其中9件", "热线12345件，其中9件"), ("三件", "三件"), ("", "")]:
        figs = list(ps._FIG.finditer(sent))
        got = shapes.shape(sent, figs)
        assert got == want
        assert [m.span() for m in ps._FIG.finditer(got)] == [m.span() for m in figs]
    long = "本年新收申请5件，其中自然人3件、法人2件。" * 100  # longer than memo.LONGEST: read, never kept
    assert shapes.key(long, list(ps._FIG.finditer(long)), None, 2023) is None


def test_reports_read_with_and_without_kept_shapes() -> None:
    """The generated reports' sums, each report read with no shape kept, then all read in turn twice."""
    texts = [text for _name, text in generated(30, seed=103)]
    fresh = []
    for text in texts:
        memo.forget()
        fresh.append([_facts(s) for s in AnnualReport(markdown.parse(text)).prose_sums])
    memo.forget()
    kept = [[_facts(s) for s in AnnualReport(markdown.parse(text)).prose_sums] for text in texts]
    again = [[_facts(s) for s in AnnualReport(markdown.parse(text)).prose_sums] for text in texts]
    assert fresh == kept == again
    assert sum(map(len, fresh)) > 30 and shapes.SHAPES
