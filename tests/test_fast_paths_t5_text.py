"""The prose readers' fast paths of round 5 (claims, prose sums, structure) against the forms they replace."""

from __future__ import annotations

import random
import re
from pathlib import Path

from disclosure_lint.readers import markdown, read_path
from disclosure_lint.report.annual import AnnualReport

from .benchgen import generated

ROOT = Path(__file__).resolve().parent.parent


def _generated() -> tuple[str, ...]:
    """60 reports of the benchmark's generator, a fixed seed."""
    return tuple(text for _name, text in generated(60, seed=5))


def _reports() -> list[AnnualReport]:
    files = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
    out = [AnnualReport(read_path(str(f))) for f in files]
    out += [AnnualReport(markdown.parse(t)) for t in _generated()]
    # sentences with and without a keyword, a percentage or a none word, in and out of part 四
    body = ("本年度政府信息公开工作稳步推进。全年无重大舆情。公开率为100%。本年度未收到法人或其他组织的申请。"
            "本年度无依申请公开事项。依申请公开数量为零。申请数量为零。"
            "本年新收政府信息公开申请35件，上年结转2件；全年办结36件，其中予以公开14件。没有发生行政复议。"
            "被申请行政复议2件，均获维持。加强培训，组织学习3次！网站发布信息120条？")
    for year in ("2023", "2022"):
        out.append(AnnualReport(markdown.parse(f"# 某某局{year}年政府信息公开工作年度报告\n\n{body}\n\n"
                                               f"## 四、政府信息公开行政复议、行政诉讼情况\n\n{body}\n")))
    return out


def _claims(report):
    from disclosure_lint.report import claims

    got = claims.ProseClaims(report).read()
    return [repr(c) for c in got.claims], [repr(s) for s in got.statements]


def test_kept_reader_passes_over_sentences_with_nothing_as_reading_them(monkeypatch):
    """claims._Reader._sentence_kept returns at once for a sentence with no keyword, no percentage and no none word
    (neither masked, keyed nor kept): what reading it gives, without the kept readings and without the shortcuts."""
    from disclosure_lint import memo
    from disclosure_lint.report import claim_kept, claims

    reports = _reports()
    memo.forget()
    cold = [_claims(r) for r in reports]
    kept = len(claim_kept._kept)
    warm = [_claims(r) for r in reports]
    orig = claims._Reader.__init__

    def unkept(self, *args):
        orig(self, *args)
        self.kept = False

    monkeypatch.setattr(claims._Reader, "__init__", unkept)
    plain = [_claims(r) for r in reports]
    monkeypatch.setattr(claims._Reader, "shortcuts", False)
    slow = [_claims(r) for r in reports]
    assert cold == warm == plain == slow
    assert sum(len(c) + len(s) for c, s in plain) > 300
    # the sentences passed over are not kept: fewer entries than sentences read
    assert 0 < kept < sum(1 for r in reports for b in r.text_blocks for _ in b.text.split("。"))


def _assert_reads_nothing(sent: str) -> None:
    """Read as first written (no shortcut), in table 四's part or not, ``sent`` gives no claim and no statement."""
    from disclosure_lint.model import Block
    from disclosure_lint.report import claims
    from disclosure_lint.report.claim_context import DEFAULT_SCOPE
    from disclosure_lint.report.claim_types import Analysis
    from disclosure_lint.report.prose_reading import ProseView

    view = ProseView(blocks=[], year=2023, masker=lambda s: s, skip=frozenset(), s4=frozenset())
    for in_s4 in (False, True):
        r = claims._Reader(view, list(DEFAULT_SCOPE))
        r.shortcuts = False
        r._has_app, r._kw_at, r._in_s4 = "申请" in sent, [], in_s4
        out = Analysis()
        r._sentence(Block(index=0, kind="paragraph", text=sent), 0, len(sent), out)
        assert out.claims == [] and out.statements == [], sent


def test_a_sentence_with_no_keyword_percentage_or_none_word_gives_nothing():
    """The test _sentence_kept makes before reading: such a sentence, read as first written (no shortcut), gives no
    claim and no statement."""
    from disclosure_lint.report.claim_context import has_none_words
    from disclosure_lint.report.claim_keywords import keyword_starts

    words = ["本年", "收到", "申请", "3件", "五起", "予以公开", "公开", "行政复议", "诉讼", "维持", "均", "，", "；",
             "2023年", "上年", "结转", "办理", "工作", "信息", "12条", "网站", "部门", "其中", "占", "比例", "50", "为",
             "零", "合计", "共", "全区", "答复", "不予", "处理", "、", "（", "）", "培训", "政府信息公开", "依申请"]
    rng = random.Random(51)
    passed = 0
    for _ in range(20000):
        sent = "".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        if keyword_starts(sent) or "%" in sent or "％" in sent or has_none_words(sent):
            continue
        passed += 1
        _assert_reads_nothing(sent)
    assert passed > 3000


def test_a_sentence_with_a_none_word_alone_gives_nothing():
    """claims._live passes over a sentence with no keyword and no percentage whose none word has none of _NONE_OF
    with it (申请, 结转 …): read as first written (no shortcut), it gives no claim and no statement."""
    from disclosure_lint.report import claims
    from disclosure_lint.report.claim_context import has_none_words
    from disclosure_lint.report.claim_keywords import keyword_starts

    words = ["未", "无", "没有", "不存在", "为零", "为0", "发生", "收到", "出现", "涉及", "被", "提起", "泄密事件", "，", "；",
             "2023年", "全年", "信息公开", "政府信息", "工作", "3件", "五起", "维持", "均", "情况", "下一年度", "事项", "全区",
             "因公开不当引发的", "投诉", "举报", "数量", "本机关", "其中", "、", "和", "行政", "案件", "申请", "依申请公开",
             "复议", "诉讼", "结转", "转入", "顺延"]
    rng = random.Random(52)
    passed = 0
    for _ in range(20000):
        sent = "".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        if keyword_starts(sent) or claims._live(sent, []) or not has_none_words(sent):
            continue
        passed += 1
        _assert_reads_nothing(sent)
    assert passed > 2000
    # and one with 申请 after its none word is read
    assert claims._live("本年度未收到政府信息公开申请", [])


def test_count_rules_filter_by_metric_before_the_applicant_parts():
    """text-table-count tests a claim's metrics before its place among the applicant parts (whose set it makes at the
    first claim of its metrics): every rule of the kind reports what the filters in their first order let through."""
    from disclosure_lint.api import Checker
    from disclosure_lint.kinds.text_vs_table import TextTableCount, _bases
    from disclosure_lint.report.claim_checks import disagreements, shares_of_the_table

    from .test_applicant_breakdown import report as breakdown_report

    rules = [a.kind for a in Checker().active_for(str(ROOT / "examples" / "x.md")) if isinstance(a.kind, TextTableCount)]
    assert len(rules) >= 3
    # the generated reports with every count of their prose one more: claims the tables contradict
    shifted = [AnnualReport(markdown.parse("\n".join(
        line if line.startswith("|") else re.sub(r"(\d+)件", lambda m: f"{int(m.group(1)) + 1}件", line)
        for line in t.split("\n")))) for t in _generated()]
    # parts of applicant breakdowns (the claims of the parts of a total-last list are left to the applicant rule)
    shifted += [AnnualReport(markdown.parse(breakdown_report(prose))) for prose in (
        "本年度共收到自然人申请51件、法人或其他组织申请9件，共计60件。", "本年度共收到自然人申请50件、法人或其他组织申请9件，共计59件。",
        "全区办结申请90件。本年度共收到自然人申请52件、法人或其他组织申请7件，共计59件。",
        "本年新收政府信息公开申请58件，其中自然人51件、法人或其他组织7件。")]
    seen = 0
    for report in _reports() + shifted:
        for kind in rules:
            got = [h.key for h in kind.check(report)]
            o = kind.options
            want = []
            stats = report.stats
            if stats and {"s3", "s4"} & set(stats):
                wanted, qualified = set(o.metrics), o.scope == "qualified"
                parts = {(p.block.index, p.end) for s in report.prose_sums if s.kind == "applicants" for p in s.parts}
                claims = report.claims.read(o.scope_patterns).claims
                shares = shares_of_the_table(report.metrics, claims) if qualified else set()
                for c in claims:
                    if c.number is None or (c.scope is not None) != qualified or (c.block.index, c.end) in parts:
                        continue
                    if id(c) in shares:
                        continue
                    if wanted.isdisjoint(_bases(c.metrics)) and not (c.ambiguous and "received" in wanted):
                        continue
                    if disagreements(report.metrics, c):
                        want.append(f"{'+'.join(c.metrics)}:{c.number}:{c.text}")
            assert got == want
            seen += len(got)
    assert seen > 100, seen


def test_part_name_gate_finds_whatever_the_union_finds():
    """prose_sums._Reader._list tests a part's name with _DIGIT and _NAME_WORDS (led by literal characters) where it
    searched the union _NAME_FLAGS: the two find something wherever the union does; where only they do, the tests they
    gate (the union's members, one by one) find nothing."""
    from disclosure_lint.report import prose_sums as ps

    members = (ps._DIGIT, ps._CHANGE, ps._PART_YEAR, ps._APPROX_CLAUSE, ps._PAST, ps._OFF_TOPIC)
    pieces = ["同比", "环比", "较上年", "比去年", "上年同期", "增加", "减少了", "下降", "持平", "多出", "约", "将近", "接近",
              "超过", "不足", "不到", "上年", "上一年", "上年度结转", "上年转入", "去年", "往年", "历年", "以前年度",
              "以前年度结转", "近三年", "建议", "提案", "议案", "留言", "来信", "信件", "咨询", "热线", "诉求", "工单",
              "12345", "问政", "网民", "上半年", "下半年", "季度", "截至", "截止2023年", "9月", "11月", "前三个月",
              "前10月", "1-6月", "3月份", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他", "处理",
              "以", "不", "上", "下", "前", "截", "近", "年", "度", "月", "，", "、", "２", "其中", "政策文件", "信息"]
    rng = random.Random(15)
    names = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(30000)]
    for text in _generated():
        names += [p for line in text.split("\n") for p in re.split(r"\d+件", line) if len(p) <= 40]
    flagged = 0
    for name in names:
        union = ps._NAME_FLAGS.search(name) is not None
        gate = ps._DIGIT.search(name) is not None or ps._NAME_WORDS.search(name) is not None
        assert gate or not union, name
        assert union == any(p.search(name) for p in members), name
        flagged += union
    assert flagged > 10000
