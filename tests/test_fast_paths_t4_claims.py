"""The claim reader's kept readings (:mod:`disclosure_lint.report.claim_kept`) give what reading every sentence gives
(bench/same_findings.py compares whole runs; these compare the claims and statements themselves)."""

from __future__ import annotations

from pathlib import Path

from disclosure_lint.readers import markdown, read_path
from disclosure_lint.report.annual import AnnualReport


def _reports():
    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "examples").glob("*.md")) + sorted((root / "tests" / "fixtures").rglob("*.md"))
    bench = sorted((root / "bench" / "out").glob("*.md"))[:60]
    for f in [*files, *bench]:
        yield AnnualReport(read_path(str(f)))
    # one sentence in several places (blocks, offsets, parts, years, with and without 申请 in its block, the reporting
    # body naming itself): what is put back must be placed where it is read
    body = ("本年新收政府信息公开申请35件，上年结转2件；全年办结36件，其中予以公开14件，部分公开4件，分别占38.9%和11.1%。"
            "被申请行政复议2件，被提起行政诉讼1件，均获维持。本年度未收到法人或其他组织的申请，无结转下年度办理的申请。"
            "市政府办公厅收到自然人、法人或其他组织提出的申请58件。")
    for year, agency in (("2023", "某某局"), ("2022", "某某局"), ("2023", "某某市人民政府办公厅")):
        for lead in ("", "前言。", "另：收到"):
            yield AnnualReport(markdown.parse(f"# {agency}{year}年政府信息公开工作年度报告\n\n{lead}{body}\n\n"
                                              f"## 三、收到和处理政府信息公开申请情况\n\n{body}\n\n"
                                              f"## 四、政府信息公开行政复议、行政诉讼情况\n\n{lead}{body}\n\n"
                                              "予以公开14件。部分公开4件。\n"))


def _read(report):
    from disclosure_lint.report import claims

    got = claims.ProseClaims(report).read()
    return ([repr(c) for c in got.claims], [c.text for c in got.claims],
            [repr(s) for s in got.statements], [s.text for s in got.statements])


def test_kept_readings_are_the_readings(monkeypatch):
    from disclosure_lint.report import claim_kept, claims

    reports = list(_reports())
    claim_kept.clear()
    cold = [_read(r) for r in reports]  # kept as they are read: a sentence read before is put back
    warm = [_read(r) for r in reports]  # every sentence put back
    orig = claims._Reader.__init__

    def unkept(self, *args):
        orig(self, *args)
        self.kept = False

    monkeypatch.setattr(claims._Reader, "__init__", unkept)
    plain = [_read(r) for r in reports]
    assert cold == plain
    assert warm == plain
    assert sum(len(c) + len(s) for c, _, s, _ in plain) > 150


def test_kept_readings_are_new_objects():
    """A claim put back is a new object: a rule that changes one (none does) cannot change another report's."""
    from disclosure_lint.report import claim_kept, claims

    claim_kept.clear()
    text = "# 某某局2023年政府信息公开工作年度报告\n\n本年新收政府信息公开申请35件。\n"
    a = claims.ProseClaims(AnnualReport(markdown.parse(text))).read().claims
    b = claims.ProseClaims(AnnualReport(markdown.parse(text))).read().claims
    assert len(a) == len(b) == 1 and a[0] is not b[0] and a[0] == b[0]
    assert b[0].block is not a[0].block


def test_a_clause_without_a_change_or_year_has_none_blanked():
    """claims._Reader._finish blanks the clause's keywords only when the clause holds a match of CHANGE or a 年: blanking
    (keywords → 　) adds no CHANGE match and no 年, and every PAST match holds 年."""
    import random
    import re

    from disclosure_lint.report.claim_keywords import KEYWORD
    from disclosure_lint.report.prose_reading import CHANGE, PAST

    assert "　" not in CHANGE.pattern and not re.search(r"[()\[\]?*+.\\]", CHANGE.pattern)  # plain words
    rng = random.Random(12)
    words = ["上年", "上一年", "上年度结转", "去年", "往年", "历年", "以前年度", "以前年度结转", "近三年", "同比", "增加",
             "减少了", "本年新收", "上年结转", "结转下年度", "年", "度", "收到", "办结", "予以公开", "行政复议", "较", "比",
             "上", "结转", "转结", "同", "期", "，", "　", "2023年", "申请", "3件"]
    seen = 0
    for _ in range(20000):
        clause = "".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        blanked = clause
        for k in KEYWORD.finditer(clause):
            blanked = blanked.replace(k.group(0), "　" * len(k.group(0)))
        if CHANGE.search(blanked) or PAST.search(blanked):
            seen += 1
            assert CHANGE.search(clause) or "年" in clause, clause
    assert seen > 1000


def test_literal_led_scope_words_match_as_the_plain_alternation():
    """claim_context's default scope pattern, each alternative led by a literal character, finds what
    ``(?=[first characters])(?:…)`` over DEFAULT_SCOPE finds: the same spans and texts, searched whole or up to a
    point."""
    import random
    import re

    from disclosure_lint.report import claim_context as cc

    led = cc._default_scope()
    plain = re.compile(f"(?=[{cc._SCOPE_FIRST}])(?:" + "|".join(f"(?:{p})" for p in cc.DEFAULT_SCOPE) + ")")
    assert {p[0] for p in cc._SCOPE_LED} <= set(cc._SCOPE_FIRST)
    pieces = ["人大", "党", "代表", "代", "表", "建议", "大会", "本级", "本", "级", "各", "部门", "单位", "乡镇", "街道",
              "区", "域", "市", "场", "民", "县", "派出", "所", "站", "队", "科室", "有", "在", "属", "于", "分局", "全",
              "省", "系统", "人民", "政府办", "公室", "政府办公室", "下属", "直属", "二级单位", "局", "委", "厅", "办",
              "院", "署", "业务", "相关", "部", "门", "镇", "镇街", "（街道）", "自然人", "企业", "网上", "网络", "在线",
              "当面", "现场", "信函", "邮寄", "传真", "电子邮件", "，", "。", "3件", "申请", "监管"]
    rng = random.Random(7)
    seen = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        a = [(m.span(), m.group(0)) for m in plain.finditer(text)]
        assert [(m.span(), m.group(0)) for m in led.finditer(text)] == a, text
        seen += len(a)
        end = rng.randint(0, len(text))
        pa, pb = plain.search(text, 0, end), led.search(text, 0, end)
        assert (pa and (pa.span(), pa.group(0))) == (pb and (pb.span(), pb.group(0))), (text, end)
    assert seen > 30000
    root = Path(__file__).resolve().parent.parent
    for f in [*sorted((root / "examples").glob("*.md")), *sorted((root / "bench" / "out").glob("*.md"))[:40]]:
        text = f.read_text(encoding="utf-8")
        assert [(m.span(), m.group(0)) for m in led.finditer(text)] == [(m.span(), m.group(0)) for m in plain.finditer(text)]


def test_a_sentence_with_a_keyword_holds_one_of_its_blocks_keyword_starts():
    """claims._Reader reads a sentence's keywords only when one of ``keyword_starts(block)`` falls in it."""
    import random
    from bisect import bisect_left

    from disclosure_lint.report import claim_keywords as ck
    from disclosure_lint.report.prose_reading import SENT_END

    root = Path(__file__).resolve().parent.parent
    blocks = []
    for f in [*sorted((root / "examples").glob("*.md")), *sorted((root / "tests" / "fixtures").rglob("*.md")),
              *sorted((root / "bench" / "out").glob("*.md"))[:60]]:
        blocks += f.read_text(encoding="utf-8").split("\n\n")
    rng = random.Random(3)
    words = ["2023年度结转", "２０２３年", "上年结转", "结转", "转结", "本年新收", "。", "！", "?", "办结", "收到", "行政复议",
             "予以公开", "3件", "，", "年", "2022", "二〇二二年结转", "转入下一年度", "不予公开", "申请", "维持", "的"]
    blocks += ["".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(5000)]
    read = 0
    for block in blocks:
        at = ck.keyword_starts(block)
        assert (at[0] if at else len(block)) == ck.keyword_from(block)
        pos = 0
        for m in [*SENT_END.finditer(block), None]:
            end = m.start() if m is not None else len(block)
            i = bisect_left(at, pos)
            if not (i < len(at) and at[i] < end):
                assert ck.keywords(block[pos:end]) == []
            else:
                read += 1
            pos = m.end() if m is not None else len(block)
    assert read > 1000
