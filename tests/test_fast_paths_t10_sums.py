"""The prose-sum reader's fast paths of round 10 against the forms they replace."""

from __future__ import annotations

import random
from bisect import bisect_left
from decimal import Decimal

from disclosure_lint import memo
from disclosure_lint.model import Block
from disclosure_lint.readers import markdown
from disclosure_lint.report import proactive_claims as pc
from disclosure_lint.report import prose_reading as pr
from disclosure_lint.report import prose_sum_shapes as shapes
from disclosure_lint.report import prose_sums as ps
from disclosure_lint.report.annual import AnnualReport
from disclosure_lint.report.claim_context import DEFAULT_SCOPE, scope_regex
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


# -- table-二 figures ---------------------------------------------------------------------------------------------

def _sentence_before(self: pc._Reader, block: Block, s0: int, sent: str, out: list) -> None:
    """proactive_claims._Reader._sentence as it was written before its figures were kept by shape."""
    if not pc._HAS_ROW.search(sent):
        return
    bounds, time = pr.sentence_facts(sent)
    stripped = sent.strip()
    scoped = self.masker(sent)  # 市政府办公厅 in that office's own report is no other scope
    scope_first = self.scope.search(scoped) if self.scope is not None else None
    amend = bool(pc._AMEND.search(sent))
    qizhong = [m.start() for m in pc._QIZHONG.finditer(sent)]
    last_doc_row: str | None = None
    found: list = []
    for f in pc._FIG.finditer(sent):
        i = bisect_left(bounds, f.start()) - 1
        cs = bounds[i] + 1 if i >= 0 else 0
        clause = sent[max(cs, f.start() - 40):f.start()]
        c0 = f.start() - len(clause)
        key = (clause, f.group("unit"))
        kept = pc._CLAUSES.get(key)
        if kept is None:
            kept = pc._CLAUSES.keep(key, pc._clause(*key))
        got, names_row, other_words = kept
        if got is None and last_doc_row is not None:
            cm = pc._CONTINUE.match(clause)  # ，废止1件，现行有效12件: the documents of the clause before
            if cm is not None and f.group("unit") in pc._DOC_UNITS:
                wm = pc._DOC_WHAT.match(cm.group("what"))
                got = (last_doc_row, pr.group_name(wm) if wm else None, cm.start("what"), ())
        what = got[1] if got is not None else None
        if got is None or what is None:
            if names_row:
                last_doc_row = None
            continue
        row, _, wstart, also = got
        last_doc_row = row if row in pc.DOC_ROWS else None
        before = sent[max(0, f.start() - 6):f.start()]
        if (other_words or pr.approximate_before(before, bool(f.group("num"))) or pr.RANGE_BEFORE.search(before)
                or pc._APPROX_AFTER.match(sent, f.end(), f.end() + 3)
                or not time.ok(f.start(), self.year, whole_year=True)):
            continue
        if what == "issued" and amend:
            continue  # 制发 may count amendments: 新制定5件，修改4件
        scope = None
        if scope_first is not None and self.scope is not None and scope_first.start() < f.start():
            # the first scope word of the sentence (searched again only when it runs past the number)
            sm = scope_first if scope_first.end() <= f.end() else self.scope.search(scoped, 0, f.end())
            scope = sm.group(0) if sm is not None else None
        else:
            q = bisect_left(qizhong, cs)  # a 其中 in the clause, before the number
            if q < len(qizhong) and qizhong[q] + 2 <= f.start():
                scope = "其中"
        number = Decimal(f.group("num").replace(",", ""))
        found.append(pc.ProactiveClaim(row=row, what=what, number=number, unit=f.group("unit"), block=block,
                                       start=s0 + c0 + wstart, end=s0 + f.end(), num_start=s0 + f.start(),
                                       sentence=stripped, scope=scope, also=also))
    out.extend(pc._merge_repealed(found))


_PC_PIECES = ["本年制发行政规范性文件", "制发规章和行政规范性文件", "规章", "规章制度", "废止", "宣布失效", "现行有效", "新制定", "修订",
              "作出行政处罚决定", "行政许可决定", "实施行政强制措施", "办理行政处罚案件", "公示行政许可决定", "受理行政许可",
              "行政事业性收费金额为", "收取行政事业性收费", "信息处理费", "本级", "全区", "各部门", "市政府办公厅", "其中", "约", "近",
              "同比增长", "上年", "建议", "热线", "截至N月", "N年", "2023年", "本年", "，", "。", "；", "、", "和", "的", "共",
              "N件", "N件", "N个", "N部", "N份", "N起", "N次", "N条", "N项", "N.NN万元", "N元", "N亿元", "N,NNN件", "N-N件",
              "N件以上", "１２件", "三件", "N%"]


def _pc_reader(year: int | None, masked: bool) -> pc._Reader:
    r = pc._Reader.__new__(pc._Reader)
    r.year = year
    r.masker = (lambda t: t.replace("市政府办公厅", "　" * 6)) if masked else (lambda t: t)
    r.scope = scope_regex(list(DEFAULT_SCOPE))
    return r


def _pc_facts(claims: list) -> list:
    return [(c.row, c.what, c.number, c.unit, c.block.index, c.start, c.end, c.num_start, c.sentence, c.scope, c.also,
             c.text) for c in claims]


def test_table2_figures_kept_by_shape_are_those_read() -> None:
    """A sentence's table-二 figures from the shapes kept are those _sentence as written before read: random sentences
    of rows, verbs, numbers and units, years, months, scope words and approximations, each filled with other numbers
    (one shape, or at times not) and read for one year or another, the body's name masked or not."""
    memo.forget()
    rng = random.Random(105)
    found = 0
    for n in range(8_000):
        template = "".join(rng.choice(_PC_PIECES) for _ in range(rng.randrange(1, 16)))
        lengths = [rng.choice((1, 1, 2, 3, 4, 5)) for _ in range(template.count("N"))]
        units = [piece.lstrip(" ,.N")[:1] in "件个部份起宗次条项万元亿" for piece in template.split("N")[1:]]
        once: list[str | int] = [k if unit and rng.random() < 0.9 else _fill("N", rng, [k])
                                 for k, unit in zip(lengths, units, strict=True)]
        for _ in range(4):
            text = _fill(template, rng, once if rng.random() < 0.8 else lengths)
            year, masked = rng.choice((None, 2023, 2022)), rng.random() < 0.5
            block = Block(index=n, kind="paragraph", text=text)
            want: list = []
            got: list = []
            for s0, s1 in sentences(text):
                _sentence_before(_pc_reader(year, masked), block, s0, text[s0:s1], want)
                _pc_reader(year, masked)._sentence(block, s0, text[s0:s1], got)
            assert _pc_facts(got) == _pc_facts(want), (text, year, masked)
            found += len(want)
    assert found > 1_500 and pc._SHAPES


def test_table2_shape() -> None:
    """The shape has the sentence's length and figures; only the ASCII digits of its figures' numbers are 0."""
    for sent, want in [("2023年制发规章12件，收费7,730.28万元，占12%，１２件", "2023年制发规章00件，收费0,000.00万元，占12%，１２件"),
                       ("热线12345件，废止9件", "热线12345件，废止9件"), ("截至9月废止3件", "截至9月废止0件"), ("", "")]:
        figs = list(pc._FIG.finditer(sent))
        got = pc._shape(sent, figs)
        assert got == want
        assert [m.span() for m in pc._FIG.finditer(got)] == [m.span() for m in figs]
