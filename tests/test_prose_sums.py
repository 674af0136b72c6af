"""Prose arithmetic: the report fact ``report.prose_sums`` and rules DL237 (parts exceed the total) and DL238
(an exhaustive breakdown does not add up)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare
from disclosure_lint.engine import run as run_rules
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import read_path
from disclosure_lint.report import Overrides, interpret

from .conftest import NO_SHARED, SHARED, lint, parse

ROOT = Path(__file__).resolve().parent.parent
CODES = ["DL237", "DL238"]
TITLE = "# 江北市某某区某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"


def sums(prose: str, fmt: str = "markdown", year: int | None = 2023):
    text = prose if fmt == "text" else TITLE + prose + "\n"
    return interpret(parse(text, fmt), Overrides(year=year)).prose_sums


def brief(prose: str, **kw):
    return [(s.kind, s.total.number, [(p.category, p.number) for p in s.parts], s.exhaustive)
            for s in sums(prose, **kw)]


def run(text: str, fmt: str = "markdown", codes=None):
    return [d for d in lint(text, select=codes or CODES, fmt=fmt) if d.code in (codes or CODES)]


def lint_document(doc, codes):
    active = prepare(load_rules(), Config().model_copy(update={"select": codes}))
    return [d for d in run_rules(interpret(doc), active) if d.code in codes]


def flatten(md: str) -> str:
    """A Markdown report as a crawler keeps it: every block on one line, joined by a space."""
    out = []
    for line in md.split("\n"):
        s = line.strip()
        if not s or re.fullmatch(r"\|?\s*:?-+.*", s):
            continue
        s = re.sub(r"^#+\s*", "", s)
        if s.startswith("|"):
            s = " ".join(c.strip() for c in s.strip("|").split("|") if c.strip())
        out.append(s)
    return " ".join(out)


# -- the report fact ------------------------------------------------------------------------------------------

def test_results_exhaustive_with_offsets():
    prose = "全年办结政府信息公开申请56件，其中予以公开22件，部分公开5件，不予公开5件，无法提供15件，不予处理6件，其他处理3件。"
    [s] = sums(prose)
    assert s.kind == "results" and s.exhaustive and s.form == "全部六类办理结果"
    assert s.total.text == "办结政府信息公开申请56件" and s.total.category == "handled"
    assert [p.text for p in s.parts] == ["予以公开22件", "部分公开5件", "不予公开5件", "无法提供15件", "不予处理6件",
                                         "其他处理3件"]
    assert s.parts_sum == 56 and s.difference == 0
    assert s.block.text[s.start:s.end].startswith("办结") and s.block.text[s.start:s.end].endswith("其他处理3件")


@pytest.mark.parametrize(("prose", "expected"), [
    # 予以公开及部分公开 as one part counts as exhaustive
    ("全年办结56件，其中予以公开及部分公开27件，不予公开5件，无法提供15件，不予处理6件，其他处理3件。",
     [("results", 56, [("open_partial", 27), ("not_open", 5), ("unavailable", 15), ("not_processed", 6),
                       ("other", 3)], True)]),
    # 分别 and 均为
    ("全年办结56件，其中予以公开、部分公开、不予公开分别为22件、5件、5件，无法提供15件，不予处理、其他处理均为3件。",
     [("results", 56, [("open", 22), ("partial", 5), ("not_open", 5), ("unavailable", 15), ("not_processed", 3),
                       ("other", 3)], True)]),
    # brackets are opaque, percentages are tails, ； separates typed parts
    ("办结805件，予以公开及部分公开258件（其中自然人200件），占32.0%；不予公开35件，占4.3%；无法提供265件。",
     [("results", 805, [("open_partial", 258), ("not_open", 35), ("unavailable", 265)], False)]),
    # the total inside the phrase
    ("在办结的56件申请中，予以公开22件，部分公开5件。", [("results", 56, [("open", 22), ("partial", 5)], False)]),
    # applicants, both forms; 公民 is a natural person
    ("本年共收到政府信息公开申请60件，其中自然人52件、法人或其他组织8件。",
     [("applicants", 60, [("natural_person", 52), ("org", 8)], True)]),
    ("本年共收到政府信息公开申请9件，其中公民提出7件，商业企业1件，科研机构0件，社会公益组织0件，法律服务机构1件，其他0件。",
     [("applicants", 9, [("natural_person", 7), ("commercial", 1), ("research", 0), ("social_welfare", 0),
                         ("legal_service", 1), ("other_org", 0)], True)]),
    ("本年度共收到自然人申请50件、法人或其他组织申请8件，共计58件。",
     [("applicants", 58, [("natural_person", 50), ("org", 8)], True)]),
    # new + carried over, before or after the total (a marker is needed before)
    ("全区累计处理政府信息依申请公开92件，其中，本年度新接收91件，2022年结转办理1件。",
     [("flow", 92, [("new", 91), ("carried_over", 1)], True)]),
    ("本年新收政府信息公开申请57件，上年结转3件，共需办理60件。", [("flow", 60, [("new", 57), ("carried_over", 3)], True)]),
    ("共收到政府信息公开申请132件，上年结转2件，共计134件。", [("flow", 134, [("new", 132), ("carried_over", 2)], True)]),
    # table 四: results of reviews and lawsuits, and the two kinds of lawsuit
    ("因政府信息公开被申请行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件。",
     [("review", 351, [("upheld", 72), ("corrected", 64), ("other_result", 178), ("pending", 37)], True)]),
    ("被提起行政诉讼3件，其中未经复议直接起诉2件（结果维持1件、尚未审结1件），复议后起诉1件。",
     [("litigation_routes", 3, [("direct", 2), ("after_review", 1)], True),
      ("litigation", 2, [("upheld", 1), ("pending", 1)], False)]),
    # information disclosed: with a marker, or two noun parts after a total of 信息
    ("新增主动公开政府信息130条，具体包括：机构职能1条，政务活动25条，招标投标98条，财政预决算6条。",
     [("disclosed", 130, [("item", 1), ("item", 25), ("item", 98), ("item", 6)], False)]),
    ("主动公开政府信息120条，政策文件15条，工作动态98条。",
     [("disclosed", 120, [("item", 15), ("item", 98)], False)]),
    ("主动公开市政府规章13件（含新制定5件，修改4件，废止4件）。",
     [("disclosed", 13, [("item", 5), ("item", 4), ("item", 4)], False)]),
    # a part that is last year's annual report, named with its year (a real bureau's list: 155 against 154)
    ("主动公开政府信息154条。其中，规范性文件1条、重大事项公开政府信息14条、工作信息126条、人事任免8条、"
     "某某局2022年度政府信息公开工作年度报告6条。",
     [("disclosed", 154, [("item", 1), ("item", 14), ("item", 126), ("item", 8), ("item", 6)], False)]),
    # the area a government's report covers before the object (a real city's 3,914 listed under 3,437)
    ("市政府门户网站公开全市各类政府信息共计3437条,包括:人事信息12条,政务动态1740条,公告公示225 条,其他类信息1827条。",
     [("disclosed", 3437, [("item", 12), ("item", 1740), ("item", 225), ("item", 1827)], False)]),
    # … but a figure of another year ends the list
    ("主动公开政府信息154条。其中，规范性文件1条、工作信息126条、2022年度工作动态6条。",
     [("disclosed", 154, [("item", 1), ("item", 126)], False)]),
])
def test_forms(prose, expected):
    assert brief(prose) == expected


def test_total_in_the_sentence_before():
    prose = ("本年新收政府信息公开申请57件，上年结转3件；全年办结56件，结转下年度继续办理4件。"
             "在办结的申请中，予以公开22件，部分公开5件，不予公开5件，无法提供15件，不予处理6件，其他处理3件。")
    got = sums(prose)
    results = [s for s in got if s.kind == "results"]
    assert len(results) == 1 and results[0].total.text == "办结56件" and results[0].exhaustive
    assert brief("行政复议案件共7件。其中，结果维持5件，尚未审结2件。") == [
        ("review", 7, [("upheld", 5), ("pending", 2)], False)]
    # 其中 after a sentence that does not end with its total: not tied to it
    assert brief("全年办结56件，均按期答复。其中，予以公开22件。") == []


@pytest.mark.parametrize("prose", [
    # units differ: 条 and 件, 期, 篇
    "全年主动公开政府信息1268条，其中基础信息214件，行政处罚决定1257件逐案公开。",
    # channels are another dimension
    "主动公开政府信息1248条，其中：通过局网站发布信息837条，通过微博发布信息202条，通过微信发布信息209条。",
    "主动公开政府信息411条，政府信息公开专栏发布信息97条，公众号发布信息300条。",
    # ways of disclosing are the total's siblings, not its parts
    "制作、获取政府信息64条，通过政府网站主动公开政府信息16条，依申请公开文件12条、不予公开文件36条。",
    # siblings: the total is not 信息 in general, no marker; verbs lead the clauses
    "主动公开市政府和市政府办公厅行政规范性文件42件，人事任免文件106件，其他文件113件。",
    "2023年主动公开政府信息10311条，发布主动公开文件12件，发布同步解读12件。",
    # one noun part without a marker
    "主动公开政府信息58条，街道动态120条。",
    # approximations, ranges, other years, changes, part of the year, nested 其中
    "全年主动公开政府信息约120条，其中政策文件150条。",
    "全年主动公开政府信息120条，其中政策文件50-60条，工作动态98条。",
    "主动公开政府信息120余条，其中政策文件150条。",
    "2022年主动公开政府信息100条，其中工作动态120条。",
    "历年累计主动公开信息210条，其中2023年度55条。",
    "主动公开政府信息120条，同比增加20条，其中工作动态98条。",
    "上半年主动公开政府信息60条，其中工作动态98条。",
    "全年主动公开政府信息120条，其中政策文件80条，其中行政规范性文件60条。",
    # a breakdown of the first part after 包括 (13+2+…=29 is the 29, not parts besides it)
    "主动公开信息共51条。其中公开政府信息29条，包括机构职能13条，其他文件2条，规划计划1条，财政预决算2条，法治政府3条，"
    "重大行政决策3条，人事信息1条，公开目录1条，公开年报2条，调查征集1条。",
    # proposals and messages are not information categories
    "办结人大代表建议5件，其中面商3件，书面答复2件。",
    # 收到 is not a total of results; 共需办理 includes carried-over applications
    "本年共需办理政府信息公开申请60件，其中予以公开22件，部分公开5件，不予公开5件，无法提供15件，不予处理6件，其他处理3件。",
    "收到政府信息公开申请58件，其中网上申请40件、自然人申请50件。",
    # the sum cut off by a truncated page
    "全年办结政府信息公开申请56件，其中予以公开22件，部分公开",
    # one of the parts of the sentence before, named as a kind of disclosed information (a real town's report): not
    # a total of the parts after it (14+25+4 "more than" 23)
    "2023年，某乡主动公开政府信息共95条。其中，规范性文件5件，人事、财政预算等法定主动公开信息12条，"
    "惠民补贴等领域信息20条，工作动态30条，其他信息7条。",
])
def test_not_read_as_sums_or_not_exceeding(prose):
    for s in sums(prose):
        assert s.difference <= 0 and not (s.exhaustive and s.difference), (prose, s)


def test_unknown_year_skips_dated_totals():
    def no_year(prose):
        return brief("某某局政府信息公开工作年度报告\n" + prose, fmt="text", year=None)

    assert no_year("2023年主动公开政府信息120条，其中政策文件150条。") == []
    assert no_year("主动公开政府信息120条，其中政策文件150条。") == [("disclosed", 120, [("item", 150)], False)]


@pytest.mark.slow  # a 1 MB input; the hostile suite and test_hostile_text cover the shapes by default
def test_one_megabyte_line_is_linear():
    unit = "主动公开政府信息120条，政策文件15条，工作动态98条；办结5件，予以公开2件、部分公开1件。其中，不予公开1件。"
    text = "江北市某某区某某局2023年政府信息公开工作年度报告 " + unit * (1_000_000 // len(unit))
    got = sums(text, fmt="text")
    assert len(got) > 10_000


def test_long_list_of_lawsuit_groups_is_linear():
    # each 直接起诉 total used to rescan the sentence from its start for a lawsuit group named before it
    text = "江北市某某区某某局2023年政府信息公开工作年度报告 " + "直接起诉1件、" * 30_000
    sums(text, fmt="text")


# -- DL237 ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("prose", [
    # a result's own count after the total's keyword (seen on a real report): no total, no parts of it
    "所有办结的信息公开申请中同意公开答复9件，部分公开答复0件，不予公开答复2件，无法提供的10件，其他处理14件。",
    "全年同意公开答复9件，不予公开答复2件，无法提供10件。",
])
def test_dl237_a_results_count_is_no_total(prose):
    assert run(TITLE + prose + "\n") == []


def test_dl237_position_message_evidence():
    ds = run(TITLE + "全年主动公开政府信息120条，其中政策文件15条，工作动态98条，通知公告30条。\n")
    assert [d.code for d in ds] == ["DL237"]
    d = ds[0]
    assert (d.line, d.column, d.severity) == (5, 3, "warning")
    assert d.match.startswith("主动公开政府信息120条") and d.match.endswith("通知公告30条")
    assert "疑似" in d.message and "合计143条" in d.message and "多23条" in d.message
    assert d.evidence["expected"] == 120 and d.evidence["actual"] == 143 and d.evidence["difference"] == 23
    assert [p["number"] for p in d.evidence["parts"]] == [15, 98, 30]


def test_dl237_a_proposals_answers_are_a_kind_of_information():
    # 建议提案答复函: the answers to proposals, published — a kind among the others, not a count of proposals that
    # ends the list (a real bureau's report, written anew: its parts add up to more than its total)
    ds = run(TITLE + "全年主动公开信息350条，其中规范性文件2条，工作动态类信息146条，建议提案答复函11条，其他各类信息199条。\n")
    assert [(d.code, d.evidence["actual"]) for d in ds] == [("DL237", 358)]
    assert run(TITLE + "办结人大代表建议5件，其中面商3件，书面答复4件。\n") == []  # proposals handled: no kind of it


def test_dl237_a_bracket_inside_a_parts_name_is_part_of_the_name():
    # 乡村振兴(试点)信息: a kind of information whose name holds a bracket; it ended the list, and the parts after it
    # were never added up
    ds = run(TITLE + "全年主动公开政府信息50条，其中机构职能信息12条、乡村振兴(试点)信息41条、财政预决算信息30条。\n")
    assert [(d.code, d.evidence["actual"]) for d in ds] == [("DL237", 83)]
    # the same names adding up to less than the total: nothing to report
    assert run(TITLE + "全年主动公开政府信息90条，其中机构职能信息12条、乡村振兴（试点）信息41条、财政预决算信息30条。\n") == []


def test_dl237_after_one_part_that_makes_the_total_a_semicolon_starts_its_siblings():
    # 发文6条，其中业务工作6条；…: the one part already makes the total; what follows each ； is another kind of
    # information published, not another part of the six documents
    assert run(TITLE + "全年共计主动公开政府发文6条，其中业务工作6条；政务(工作)动态类信息数40条；通知公告数3条。\n") == []
    # two parts that make the total, then one more after ；: still an excess
    ds = run(TITLE + "全年主动公开政府信息60条，其中政策文件20条；工作动态信息40条；通知公告数3条。\n")
    assert [(d.code, d.evidence["actual"]) for d in ds] == [("DL237", 63)]


@pytest.mark.parametrize("sentence", [
    "全年公开政府信息200条，其中发布工作动态192条、通知（公告）8条，公开财政信息81条。",
    "发布法定主动公开内容1条，包括机构概况1条，以及“三公”经费及预算信息2条。",
])
def test_dl237_after_parts_that_make_the_total_a_verb_or_yiji_starts_another_clause(sentence):
    # the parts already make the total: 公开财政信息81条 (led by a verb) and 以及… are further information, not parts
    assert run(TITLE + sentence + "\n") == []


def test_dl237_parts_that_do_not_make_the_total_go_on_after_a_verb():
    ds = run(TITLE + "全年公开政府信息200条，其中发布工作动态150条、通知（公告）8条，公开财政信息81条。\n")
    assert [(d.code, d.evidence["actual"]) for d in ds] == [("DL237", 239)]


def test_dl237_results_not_exhaustive_exceeding():
    ds = run(TITLE + "全年办结申请20件，其中予以公开15件，无法提供8件。\n")
    assert [(d.code, d.line) for d in ds] == [("DL237", 5)]
    assert "予以公开15件、无法提供8件合计23件" in ds[0].message


def test_dl237_a_zero_total_before_an_unmarked_list_is_not_its_total():
    # the results belong to the 10 review cases, not to the 0 lawsuits named between them (a real report's sentence)
    text = TITLE + "本级涉信息公开申请的行政复议案件10件，行政诉讼案件0件，结果维持2件，结果纠错2件，尚未审结6件。\n"
    assert [d.code for d in run(text) if d.code == "DL237"] == []
    # with 其中 the parts are the zero total's: still reported
    text = TITLE + "被申请行政复议0件，其中结果维持2件，结果纠正1件。\n"
    assert [d.code for d in run(text) if d.code in ("DL237", "DL238")]


def test_dl237_not_for_exhaustive_sums():
    text = TITLE + "全年办结申请56件，其中予以公开30件，部分公开5件，不予公开5件，无法提供15件，不予处理6件，其他处理3件。\n"
    assert [d.code for d in run(text)] == ["DL238"]


# -- DL238 ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("prose", "fragment"), [
    ("全年办结申请56件，其中予以公开22件，部分公开5件，不予公开5件，无法提供13件，不予处理6件，其他处理3件。",
     "全部六类办理结果"),
    ("本年度共收到政府信息公开申请60件，其中自然人提出52件，法人或其他组织提出10件。", "两类申请人"),
    ("因政府信息公开被申请行政复议12件，其中结果维持6件，结果纠正2件，其他结果1件，尚未审结2件。", "全部四种审理结果"),
    ("本年新收申请57件，上年结转4件，共需办理60件。", "本年新收和上年结转"),
    ("被提起行政诉讼4件，其中未经复议直接起诉2件，复议后起诉1件。", "未经复议直接起诉和复议后起诉"),
])
def test_dl238_fires(prose, fragment):
    ds = run(TITLE + prose + "\n")
    assert [d.code for d in ds] == ["DL238"], prose
    assert fragment in ds[0].message and "疑似" in ds[0].message
    assert ds[0].evidence["exhaustive"] is True and ds[0].line == 5


def test_dl238_total_in_sentence_before_position():
    text = TITLE + ("全年办结56件，结转下年度继续办理4件。在办结的申请中，予以公开及部分公开25件，不予公开5件，"
                    "无法提供15件，不予处理6件，其他处理3件。\n")
    ds = run(text)
    assert [d.code for d in ds] == ["DL238"]
    assert ds[0].column == 3 and ds[0].match.startswith("办结56件")
    assert "少2件" in ds[0].message and ds[0].evidence["exhaustive_form"].startswith("予以公开及部分公开")


def test_dl238_text_format_total_last():
    text = ("江北市某某区某某局2023年政府信息公开工作年度报告\n发布日期：2024-01-12 浏览次数：\n一、总体情况\n"
            "本年度共收到自然人申请50件、法人或其他组织申请9件，共计58件。\n")
    ds = run(text, fmt="text")
    assert [(d.code, d.line, d.column) for d in ds] == [("DL238", 4, 7)]  # from 自然人 to 共计58件
    assert "“共计58件”之前列出了" in ds[0].message and "多1件" in ds[0].message


def test_dl238_quiet_when_a_category_is_missing():
    text = TITLE + "全年办结申请56件，其中予以公开22件，部分公开5件，不予公开5件，无法提供15件，不予处理6件。\n"
    assert run(text) == []


def test_breakdowns_option():
    text = TITLE + "全年主动公开政府信息120条，其中政策文件15条，工作动态98条，通知公告30条。\n"
    cfg = {"options": {"DL237": {"breakdowns": ["results"]}}}
    assert list(lint(text, select=["DL237"], config=cfg)) == []


@pytest.mark.slow  # the default run keeps test_long_list_of_lawsuit_groups_is_linear
def test_many_sums_against_the_table_are_linear():
    # every sum used to index all of the report's claims again to see whether the table explains it
    text = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    i = text.index("## 二")
    piece = "办结申请5件，其中予以公开2件、部分公开1件、不予公开1件、无法提供1件、不予处理0件、其他处理1件。"
    ds = lint(text[:i] + piece * 5000 + "\n\n" + text[i:], select=[*CODES, "DL231"])
    # 2+1+1+1+0+1 = 6, not 5, but every part is contradicted by table 三: DL231 names them
    assert {d.code for d in ds} == {"DL231"}


# -- realistic documents stay quiet ---------------------------------------------------------------------------

def test_clean_example_is_quiet_and_understood():
    text = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    assert run(text) == []
    got = interpret(parse(text)).prose_sums
    kinds = {(s.kind, s.exhaustive) for s in got}
    assert {("flow", True), ("results", True), ("review", False), ("litigation_routes", True),
            ("disclosed", False)} <= kinds
    assert all(s.difference == 0 for s in got if s.exhaustive)


def test_flattened_examples_quiet():
    for name in ("clean-2023.md", "defective-2023.md"):
        text = flatten((ROOT / "examples" / name).read_text(encoding="utf-8"))
        assert run(text, fmt="text") == [], name
    flat = interpret(parse(flatten((ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")), "text"))
    assert {(s.kind, s.total.number, s.parts_sum) for s in flat.prose_sums if s.exhaustive} >= {
        ("flow", 60, 60), ("results", 56, 56)}


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=NO_SHARED)
def test_corpus_quiet_and_read():
    files = sorted((SHARED / "corpus/excerpts").glob("*.txt")) + [SHARED / "seed/shangtang-2019.txt"]
    for f in files:
        assert run(f.read_text(encoding="utf-8"), fmt="text") == [], f.name
    # the excerpts' breakdowns are read and add up (011, 013, 017, 021, 031, 045); 011's two sums after
    # 截至2022年12月20日 are a part of the year since round 18 (as 截至11月), left unread like any part-year figure
    read = {f.name: interpret(parse(f.read_text(encoding="utf-8"), "text")).prose_sums for f in files}
    assert sum(len(v) for v in read.values()) >= 9
    assert all(s.difference == 0 for v in read.values() for s in v if s.kind != "disclosed" or len(s.parts) > 1)


@pytest.mark.skipif(not (SHARED / "corpus/pdf").is_dir(), reason=NO_SHARED)
def test_pdf_reports_quiet_and_read():
    found = []
    for f in sorted((SHARED / "corpus/pdf").glob("*.pdf")):
        doc = read_path(str(f))  # read once: a PDF is the slow part
        assert lint_document(doc, CODES) == [], f.name
        found += [(f.name, s.kind, s.total.number, s.parts_sum) for s in interpret(doc).prose_sums]
    # 淮安市2024: 行政复议351件 = 72+64+178+37, 行政诉讼46件 = 25+5+9+7
    assert ("huaian-city-2024.pdf", "review", 351, 351) in found
    assert ("huaian-city-2024.pdf", "litigation", 46, 46) in found


def test_flattened_report_still_fires_at_the_right_column():
    md = (TITLE + "全年办结申请56件，其中予以公开22件，部分公开5件，不予公开5件，无法提供13件，不予处理6件，其他处理3件。\n\n"
          "## 五、存在的主要问题及改进情况\n\n一是解读形式单一。\n")
    flat = flatten(md)
    ds = run(flat, fmt="text")
    assert [(d.code, d.line) for d in ds] == [("DL238", 1)]
    assert ds[0].column == flat.index("办结申请56件") + 1


def test_chinese_numerals():
    prose = "全年办结五十六件，其中予以公开二十二件，部分公开五件，不予公开五件，无法提供十五件，不予处理六件，其他处理一件。"
    [s] = sums(prose)
    assert s.exhaustive and s.total.number == 56 and s.parts_sum == 54
    assert [d.code for d in run(TITLE + prose + "\n")] == ["DL238"]


def test_pdf_style_spaces_between_number_and_unit():
    prose = ("政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 36 件；"
             "政府信息公开行政诉讼 46 件，其中结果维持 25件。")
    assert brief(prose) == [("review", 351, [("upheld", 72), ("corrected", 64), ("other_result", 178),
                                             ("pending", 36)], True),
                            ("litigation", 46, [("upheld", 25)], False)]
    ds = run(TITLE + prose + "\n")
    assert [(d.code, d.match.split("，")[0]) for d in ds] == [("DL238", "行政复议 351件")]
    assert "少1件" in ds[0].message


def test_gbk_portal_page(tmp_path):
    page = ("首页>政务公开>政府信息公开年报\n江北市某某区某某局2023年政府信息公开工作年度报告\n"
            "发布时间:2024-01-09 15:20  来源:区某某局  浏览次数:\n一、总体情况\n"
            "本年度共收到政府信息公开申请60件，其中自然人提出52件，法人或其他组织提出10件。\n")
    f = tmp_path / "page.txt"
    f.write_bytes(page.encode("gbk"))
    ds = lint_document(read_path(str(f)), CODES)
    assert [(d.code, d.line, d.column) for d in ds] == [("DL238", 5, 5)]
    assert "两类申请人" in ds[0].message and "多2件" in ds[0].message


def test_a_part_with_a_long_breakdown_in_brackets_is_one_part():
    """法定主动公开35条（其中政策文件6条、…9 items…）: the bracket is the part's own breakdown, the list goes on after it
    (a real town's page: 184+35+1+1 = 221 against a total of 213)."""
    prose = ("2023年度，通过政府门户主动公开信息213条，其中，工作动态184条；法定主动公开35条（其中政策文件6条、乡村振兴4条、"
             "教育6条、社会保障3条、社会救助5条、预决算公开2条、涉农补贴5条、集体土地征收2条、宅基地使用情况审核2条）；"
             "政府信息公开年度报告1条；政府信息公开指南1条。")
    outer = next(s for s in sums(prose) if s.total.number == 213)
    assert [p.number for p in outer.parts] == [184, 35, 1, 1]
    [d] = run(TITLE + prose + "\n")
    assert d.code == "DL237" and "合计221条" in d.message


def test_an_item_that_counts_the_whole_again_is_no_part():
    """其中概况类67条，政务动态127条，信息公开目录信息194条 against a total of 194 (a real town's page): the catalogue item
    counts every item again, so the list is no partition and exceeds nothing."""
    prose = "2023年，主动公开政务信息194条。其中概况类信息67条，政务动态信息127条，信息公开目录信息194条。"
    assert run(TITLE + prose + "\n") == []
    # without the item that counts the whole, parts that exceed the total are still reported
    assert [d.code for d in run(TITLE + prose.replace("，信息公开目录信息194条", "，通知公告信息12条") + "\n")] == ["DL237"]
    # and so are others that exceed the total beside an item equal to it (1 of 1, then 2 more)
    one = "2023年，主动公开内容1条，其中机构概况1条、预决算信息2条。"
    assert [d.code for d in run(TITLE + one + "\n")] == ["DL237"]


def test_dl237_a_list_ended_by_its_numbers_is_not_kept_by_its_shape():
    # the same sentence with other numbers (the same shape): each read by its own numbers, in either order
    made = TITLE + "全年公开政府信息200条，其中发布工作动态192条、通知（公告）8条，公开财政信息81条。\n"
    short = TITLE + "全年公开政府信息200条，其中发布工作动态150条、通知（公告）8条，公开财政信息81条。\n"
    for _ in range(2):
        assert run(made) == []
        assert [d.evidence["actual"] for d in run(short)] == [239]
    one = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n全年共计主动公开政府发文6条，其中业务工作6条；动态信息数40条；通知公告数3条。\n"
    assert run(one.replace("6条，其中业务工作6条", "6条，其中业务工作5条"), fmt="text") != []
    assert run(one, fmt="text") == []


def test_dl237_the_informations_total_with_a_sum_word_after_it():
    # 发布及公开的信息全年共计538条。其中…: 的 before the object, 共计 the total's sum word (not an applications' total)
    ds = run(TITLE + "全年发布及公开的信息共计538条。其中行政许可262条，行政处罚31条，重点领域1022条。\n")
    assert [(d.code, d.evidence["expected"], d.evidence["actual"]) for d in ds] == [("DL237", 538, 1315)]
    # what is withheld is no information published
    assert [x.kind for x in sums("本年度不予公开的信息3件，其中属于国家秘密1件，其他2件。")] == []


def test_dl237_a_departments_documents_are_a_kind_not_a_scope():
    # 部门文件5篇 (a real bureau's website breakdown): the documents of the department, not a count of another scope
    ds = run(TITLE + "局网站2023年累计发布信息53篇，其中组织机构2篇、部门文件5篇、工作动态43篇、财政预算4篇；"
                     "微信公众号发布信息158条。\n")
    assert [(d.code, d.evidence["expected"], d.evidence["actual"]) for d in ds] == [("DL237", 53, 54)]
    # 各部门 and 部门 before what they did are still another scope
    assert run(TITLE + "全年发布信息53条，其中本级12条，各部门41条。\n") == []



# -- a list of information closed by 其他 (real pages: a town's 2019 report, an archive of a zone's reports) -------------

_CLOSED = ("全年共公布政府信息260条，(其中机构职能类信息25条，政策、规范性文件类信息68条，规划计划类信息28条，"
           "其他应主动公开政府信息133条)对于主动公开的政府信息，主要通过门户网站发布。")


def test_a_list_closed_by_other_information_must_add_up():
    """公布 counts as disclosing; the list may open with “，(其中”; and a list whose last category takes in the rest
    (其他应主动公开政府信息, 其他信息) is the whole: 254 of 260 is a contradiction (DL238), not a partial list."""
    [s] = sums(_CLOSED)
    assert (s.kind, s.total.number, s.parts_sum, s.exhaustive) == ("disclosed", 260, 254, True)
    [d] = run(TITLE + _CLOSED + "\n")
    assert d.code == "DL238" and "列出了以“其他”类收尾的各类信息" in d.message and "比总数260条少6条" in d.message
    assert run(TITLE + _CLOSED.replace("133条", "139条") + "\n") == []  # adds up
    # without a category that takes in the rest the list may be partial: fewer is no contradiction
    partial = _CLOSED.replace("其他应主动公开政府信息133条", "重大项目信息133条")
    assert [s.exhaustive for s in sums(partial)] == [False] and run(TITLE + partial + "\n") == []
    # (其他政务信息, 其他公开信息: a real 2025 page's list closed so, 636 of 638)
    for rest in ("其他政务信息", "其他公开信息"):
        closed = _CLOSED.replace("其他应主动公开政府信息", rest)
        assert [s.exhaustive for s in sums(closed)] == [True], rest
