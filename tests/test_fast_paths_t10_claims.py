"""The claim reader's fast paths of round 10 against the forms they replace."""

from __future__ import annotations

import random
import re

from disclosure_lint import memo
from disclosure_lint.readers import markdown
from disclosure_lint.report import claim_kept, claims
from disclosure_lint.report.annual import AnnualReport
from disclosure_lint.report.claim_context import DEFAULT_SCOPE
from disclosure_lint.report.prose_reading import COUNT_TOKEN, ProseView

from .benchgen import generated

# counts (one to four digits, 0, a leading zero, a comma, Chinese numerals, other digits), keywords, scope words (some
# holding a count: 其中12件), none words, years, percentages, 12345 and fillers
_WORDS = ["本年新收政府信息公开申请", "上年结转", "全年办结", "结转下年度继续办理", "共收到政府信息公开申请", "予以公开",
          "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "因属于行政执法案卷", "其中本机关不掌握相关政府信息",
          "被申请行政复议", "被提起行政诉讼", "直接起诉", "复议后起诉", "结果维持", "结果纠正", "尚未审结", "均获维持",
          "未收到", "申请", "无", "为", "为0", "分别为", "、", "，", "；", "：", "（", "）", "其中", "含上年结转", "各部门",
          "全区", "其中区政府", "受理", "行政复议", "的", "2023年", "2022年", "上半年", "约", "同比增加", "占", "比例为",
          "公开率为", "12345热线", "12345", "本机关受理3件行政复议", "其中12件涉及政府信息公开", "审理12件复议", "件", "起",
          "条", "个", "件次", "代表建议", "法人或其他组织", "自然人"]
_UNITS = ["件", "件", "件", "起", "条", "个", "件次", "宗", "例", "份"]


def _count(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.55:
        return str(rng.randrange(1, 10 ** rng.randrange(1, 5)))
    if kind < 0.65:
        return "0"
    if kind < 0.7:
        return "0" + str(rng.randrange(1, 10))
    if kind < 0.75:
        return f"{rng.randrange(1, 10)},{rng.randrange(0, 1000):03d}"
    if kind < 0.85:
        return rng.choice(["一", "两", "三", "十二", "二十"])
    if kind < 0.9:
        return rng.choice(["１２", "٣", "7.5", "45%"])
    return str(rng.randrange(10, 100))


def _sentence(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 16)):
        out.append(rng.choice(_WORDS))
        if rng.random() < 0.5:
            out.append(_count(rng) + rng.choice(_UNITS))
    return "".join(out)


def _renumber(rng: random.Random, text: str) -> str:
    """The same text with other numbers (the template's sentences in another report)."""
    return re.sub(r"(?<![\d,])[1-9]\d*(?=件|起|条|个|宗|例|份)", lambda m: str(rng.randrange(1, 10 ** len(m.group(0)))), text)


def _reports(seed: int) -> list[AnnualReport]:
    rng = random.Random(seed)
    texts = [text for _name, text in generated(30, seed=seed)]
    bodies = ["。".join(_sentence(rng) for _ in range(rng.randrange(1, 6))) + "。" for _ in range(120)]
    for i in range(0, len(bodies), 4):
        year = rng.choice(["2023", "2022"])
        body = "\n\n".join(bodies[i:i + 4])
        texts.append(f"# 某某市人民政府办公室{year}年政府信息公开工作年度报告\n\n## 一、总体情况\n\n{body}\n\n"
                     f"## 四、政府信息公开行政复议、行政诉讼情况\n\n{body}\n")
    texts += [_renumber(rng, t) for t in texts]  # read by the shapes kept from the first
    return [AnnualReport(markdown.parse(t)) for t in texts]


def _read(report: AnnualReport, kept: bool) -> tuple[list[str], list[str]]:
    reader = claims._Reader(ProseView.of(report), list(DEFAULT_SCOPE))
    reader.kept = kept
    got = reader.run()
    return [repr(c) for c in got.claims], [repr(s) for s in got.statements]


def test_a_reading_by_shape_is_the_sentence_read_afresh():
    """claims._Reader._sentence_kept puts a sentence's reading back from its shape's (claim_kept.shape): the same claims
    and statements as the sentence read without kept readings, fresh (the shape read) and kept (put back with other
    numbers), in part 四 and not, in reports of the year and of another."""
    for seed in (3, 4):
        reports = _reports(seed)
        memo.forget()
        cold = [_read(r, True) for r in reports]
        warm = [_read(r, True) for r in reports]
        plain = [_read(r, False) for r in reports]
        assert cold == warm == plain
        assert sum(len(c) + len(s) for c, s in plain) > 1500
        assert len(claim_kept._by_shape) > 50  # many read by shape, some not (其中12件: a scope holding a count)
        assert any(v is claim_kept._NOT_BY_SHAPE for v in claim_kept._by_shape.values())


def test_a_shape_keeps_everything_but_the_counts_digits():
    """claim_kept.shape: the same length, the same text outside the counts' digits, each count's digits as many digits
    naming its place (none starting with 0; a lone 0 and Chinese numerals kept), the numbers in order; None for a
    sentence with a count of other digits, a comma or a leading zero, one of one digit after nine counts, or 12345;
    claim_kept._NUM finds COUNT_TOKEN's numbers of digits."""
    rng = random.Random(10)
    shaped = unshaped = 0
    for _ in range(20_000):
        sent = _sentence(rng)
        got = claim_kept.shape(sent)
        tokens = list(COUNT_TOKEN.finditer(sent))
        assert [m.span(1) for m in claim_kept._NUM.finditer(sent)] == [m.span("num") for m in tokens if m.group("num")]
        nums = [m.group("num") for m in tokens]
        counted = [n for n in nums if n is not None and n != "0"]
        ok = ("12345" not in sent
              and all(n.isascii() and n.isdigit() and n[0] != "0" for n in counted)
              and all(len(n) > 1 or i < 9 for i, n in enumerate(counted)))
        if got is None:
            assert not ok
            unshaped += 1
            continue
        assert ok
        shaped += 1
        canon, numbers = got
        assert len(canon) == len(sent) and "12345" not in canon
        places = list(COUNT_TOKEN.finditer(canon))
        assert [(m.start(), m.end(), m.group("unit")) for m in places] == [(m.start(), m.end(), m.group("unit"))
                                                                           for m in tokens]
        spans = [m.span("num") for m in tokens if m.group("num") not in ("0", None)]
        assert numbers == [int(sent[a:b]) for a, b in spans]
        assert [int(canon[a:b]) for a, b in spans] == [(i + 1 if b - a == 1 else 10 ** (b - a - 1) + i)
                                                       for i, (a, b) in enumerate(spans)]
        assert all(canon[a] != "0" for a, _ in spans)
        outside = [(a, b) for a, b in zip([0] + [b for _, b in spans], [a for a, _ in spans] + [len(sent)])]
        assert [canon[a:b] for a, b in outside] == [sent[a:b] for a, b in outside]
    assert shaped > 3000 and unshaped > 3000


def test_total_of_one_metric_is_the_sum_of_its_value():
    """metrics.Metrics.total of one metric: what sum_values gives of its value (the same number and repr, cells, notes
    and alt, read before or after the value's own alt), on random tables 三 and 四 (blanks, placeholders, text, missing
    cells, numbers beyond the decimal context's precision, -0)."""
    from disclosure_lint.report import metrics
    from disclosure_lint.report.claim_keywords import FAMILY_OF, S4_BLOCKS_OF

    from .test_fast_paths_t3_stats import _RAWS, _table

    def seen(v):
        return None if v is None else (repr(v.value), [id(c) for c in v.cells], v.notes, repr(v.alt))

    rnd = random.Random(21)
    names = sorted(FAMILY_OF)
    made = 0
    for n in range(500):
        version = rnd.choice(["2019", "2021"])
        raws = ["0", "1", "2", "5", "-0", "12", "1E+1", "1" * 40] if n % 3 == 0 else _RAWS
        stats = {tid: _table(rnd, tid, version, raws, 0.0 if n % 2 else 0.05) for tid in ("s3", "s4")}
        fast, ref = metrics.Metrics(stats), metrics.Metrics(stats)
        for metric in rnd.sample(names, len(names)):
            for s4 in (None, *S4_BLOCKS_OF):
                if rnd.random() < 0.3:
                    v = fast.value(metric, s4)
                    if v is not None:
                        v.alt  # noqa: B018  # (the value's alt read first)
                got = fast.total((metric,), s4)
                assert fast.total((metric,), s4) is got
                want = metrics.sum_values([ref.value(metric, s4)])
                assert seen(got) == seen(want)
                made += got is not None
    assert made > 5000
