"""How the prose is read before it is compared with tables 三 and 四 (DL230–DL236): who the sentence is about
(the reporting body naming itself, another body, a kind of application), which groups of table 四 a
"均获维持" covers, which sub-item of table 三 a reason names, and which number a keyword belongs to.

The fixtures are our own, shaped on the red team's minimal reproducers (rt-numbers, rt-clean, rt-web)."""

from __future__ import annotations

import pytest

from .test_text_vs_table import report, run, table3, table4

OFFICE = "江海市人民政府办公厅2023年政府信息公开工作年度报告"
# 复议 5 维持 + 2 尚未审结 = 7; 直接起诉 8 维持 + 1 尚未审结 = 9; 复议后起诉 0
T4_PENDING = table4((5, 0, 0, 2, 7, 8, 0, 0, 1, 9, 0, 0, 0, 0, 0))
# 复议 7/1/2/1 = 11; 直接起诉 3/0/1/2 = 6; 复议后起诉 2/0/0/1 = 3
T4_MIXED = table4((7, 1, 2, 1, 11, 3, 0, 1, 2, 6, 2, 0, 0, 1, 3))


def codes(ds):
    return [(d.code, d.match) for d in ds]


# -- rt-numbers #1: a government general office naming itself is no other scope -------------------------------

def test_office_naming_itself_is_checked_all_upheld():
    """The spec's D4 example: the 市政府办公厅's own report says its cases were all upheld; two are pending."""
    ds = run(report("全年新收申请57件。", t4=T4_PENDING, title=OFFICE,
                    s4_prose="市政府办公厅信息公开类行政复议7件，诉讼9件，均获维持。"))
    assert [d.code for d in ds] == ["DL233"]
    assert ds[0].severity == "warning" and "尚未审结" in ds[0].message
    assert ds[0].evidence["sentence"].startswith("市政府办公厅信息公开类行政复议7件")


def test_office_naming_itself_counts_are_compared():
    ds = run(report("市政府办公厅全年新收政府信息公开申请58件。", title=OFFICE))
    assert [(d.code, d.evidence["expected"]) for d in ds] == [("DL230", 57)]
    ds = run(report("其中市政府办公厅本年新收政府信息公开申请58件。", title=OFFICE))
    assert [d.code for d in ds] == ["DL230"]
    assert run(report("市政府办公室全年新收政府信息公开申请57件。", title="江海市人民政府办公室2023年政府信息公开工作年度报告")) == []


@pytest.mark.parametrize(("title", "prose", "qualifier"), [
    # another level's office, or the office in the government's own report: still another scope
    (OFFICE, "区政府办代表区政府受理政府信息公开申请17件。", "区政府办"),
    (OFFICE, "全市各区政府办共收到政府信息公开申请300件。", "全市"),
    ("江海市某某区人民政府2023年政府信息公开工作年度报告", "区政府办公室受理政府信息公开申请17件。", "区政府办公室"),
])
def test_other_offices_stay_another_scope(title, prose, qualifier):
    ds = run(report(prose, title=title))
    assert [(d.code, d.severity) for d in ds] == [("DL236", "info")]
    assert ds[0].evidence["scope_qualifier"].startswith(qualifier)


def test_bureau_naming_itself_unchanged():
    ds = run(report("区市场监管局全年新收政府信息公开申请58件。", title="江海市某某区市场监督管理局2023年政府信息公开工作年度报告"))
    assert [d.code for d in ds] == ["DL230"]


# -- rt-numbers #2, rt-clean #9: which groups and outcomes 均获维持 is about --------------------------------------

@pytest.mark.parametrize(("s4", "t4"), [
    # the 均获维持 after the semicolon is about the lawsuit only (复议: 1 维持, 1 纠正)
    ("县政府因政府信息公开被申请行政复议2件，其中结果维持1件、结果纠正1件；被提起行政诉讼1件，均获维持。",
     (1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0)),
    # the sentence counts the pending case itself
    ("因政府信息公开被提起行政诉讼2件，已审结的1件均获维持，1件尚未审结。", (0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0)),
    ("复议后起诉的3件中，已审结的2件均获维持，另有1件尚未审结。", (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 3)),
    ("已审结的复议后起诉案件均维持原行政行为。", (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 3)),
    ("复议后起诉案件除1件尚未审结外，其余均获法院维持。", (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 3)),
    ("因政府信息公开被申请行政复议3件，除1件被纠正外，其余均获维持。", (2, 1, 0, 0, 3) + (0,) * 10),
    ("被申请行政复议3件，其中2件维持、1件申请人撤回后终止；被提起行政诉讼3件，已审结2件，均获维持。",
     (2, 0, 1, 0, 3, 1, 0, 0, 1, 2, 1, 0, 0, 0, 1)),
])
def test_all_upheld_about_what_the_sentence_says(s4, t4):
    assert run(report("全年新收申请57件。", t4=table4(t4), s4_prose=s4)) == []


@pytest.mark.parametrize(("s4", "t4", "detail"), [
    # 已审结的…均获维持 still denies a corrected case
    ("复议后起诉的3件中，已审结的2件均获维持，另有1件尚未审结。", (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 3),
     "“复议后起诉”“结果纠正”为1"),
    # the lawsuit after the semicolon has a pending case
    ("被申请行政复议2件，其中结果维持1件、结果纠正1件；被提起行政诉讼1件，均获维持。",
     (1, 1, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0), "“未经复议直接起诉”“尚未审结”为1"),
    # 均已审结: every case concluded, so the pending one contradicts it
    ("因政府信息公开被提起行政诉讼3件，均已审结，均获维持。", (0, 0, 0, 0, 0, 2, 0, 0, 1, 3, 0, 0, 0, 0, 0),
     "“未经复议直接起诉”“尚未审结”为1"),
    # the court wording is read too
    ("因政府信息公开被提起行政诉讼3件，均被法院判决维持。", (0, 0, 0, 0, 0, 2, 0, 0, 1, 3, 0, 0, 0, 0, 0),
     "“未经复议直接起诉”“尚未审结”为1"),
])
def test_all_upheld_still_contradicted(s4, t4, detail):
    ds = run(report("全年新收申请57件。", t4=table4(t4), s4_prose=s4))
    assert [d.code for d in ds] == ["DL233"]
    assert detail in ds[0].message


def test_except_clause_count_is_its_outcome():
    """除1件尚未审结外 states the pending count of the group named before (not its total)."""
    s4 = "复议后起诉案件除2件尚未审结外，其余均获法院维持。"
    ds = run(report("全年新收申请57件。", t4=T4_MIXED, s4_prose=s4))
    assert [(d.code, d.match, d.evidence["expected"]) for d in ds] == [("DL232", "2件尚未审结", 1)]


# -- rt-numbers #3: results stated for both lawsuit groups ------------------------------------------------------

@pytest.mark.parametrize("s4", [
    "被提起行政诉讼2件，其中未经复议直接起诉1件、复议后起诉1件，尚未审结1件。",
    "行政诉讼中，直接起诉2件、复议后起诉1件，结果维持2件、尚未审结1件。",
])
def test_results_after_both_lawsuit_groups(s4):
    t4 = (0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 1, 0, 0, 0, 1) if "直接起诉2件" in s4 else (0,) * 5 + (0, 0, 0, 1, 1, 1, 0, 0, 0, 1)
    assert list(run(report("全年新收申请57件。", t4=table4(t4), s4_prose=s4), codes=["DL232"])) == []


def test_results_after_both_groups_fitting_neither():
    s4 = "被提起行政诉讼2件，其中未经复议直接起诉1件、复议后起诉1件，尚未审结2件。"
    ds = run(report("全年新收申请57件。", t4=table4((0,) * 5 + (0, 0, 0, 1, 1, 1, 0, 0, 0, 1)), s4_prose=s4))
    assert codes(ds) == [("DL232", "尚未审结2件")]


def test_result_in_a_group_bracket_is_that_group():
    s4 = "被提起行政诉讼3件，其中未经复议直接起诉2件，复议后起诉1件（尚未审结1件）。"
    ds = run(report("全年新收申请57件。", t4=table4((0,) * 5 + (1, 0, 0, 1, 2, 1, 0, 0, 0, 1)), s4_prose=s4))
    assert codes(ds) == [("DL232", "尚未审结1件")]


# -- rt-numbers #4: a count for one stated reason is that sub-item ---------------------------------------------

@pytest.mark.parametrize("prose", [
    "因属于行政执法案卷不予公开3件。",  # sub-item 7 = 3 (the group sums to 5)
    "因本机关不掌握相关政府信息无法提供12件。",  # sub-item 1 = 12 (group 15)
    "因属于行政执法案卷，不予公开3件。",
    "其中因本机关不掌握相关政府信息无法提供12件，占21.4%。",  # 12 ÷ 56
    "因涉及第三方合法权益和属于过程性信息不予公开2件。",  # sub-items 4 + 6
    "因申请人撤回申请等其他原因不予处理3件。",  # a reason without a row: not compared
])
def test_reason_counts_are_their_sub_item(prose):
    assert run(report(prose)) == []


@pytest.mark.parametrize(("prose", "match", "expected", "target"), [
    ("因属于行政执法案卷不予公开4件。", "不予公开4件", 3, "“（三）不予公开”“7.属于行政执法案卷”总计"),
    ("因本机关不掌握相关政府信息无法提供13件。", "无法提供13件", 12, "“1.本机关不掌握相关政府信息”"),
    ("因本机关不掌握等原因无法提供12件。", "无法提供12件", 15, "“（四）无法提供”各项总计之和"),
])
def test_reason_counts_contradicted(prose, match, expected, target):
    ds = run(report(prose))
    assert codes(ds) == [("DL231", match)]
    assert ds[0].evidence["expected"] == expected and target in ds[0].message


# -- rt-numbers #5, rt-clean #7: statements of none about something else ------------------------------------------

@pytest.mark.parametrize("prose", [
    "未发生因政府信息公开申请答复引发的行政复议、行政诉讼。",
    "本年度没有发生因政府信息公开申请而被申请行政复议或提起行政诉讼的情况。",
    "局属事业单位未收到政府信息公开申请。",
    "本年度未收到涉及商业秘密的政府信息公开申请。",
    "本年度未收到法人或其他组织的政府信息公开申请。",  # BASE: every application is from 自然人
    # the applications only qualify what was not received (it was a DL234 warning: 正文称“未收到政府信息公开申请”)
    "全年未收到政府信息公开申请的投诉举报。",
    "全年未收到政府信息公开申请方面的投诉。",
    "本局未收到政府信息公开申请以外的其他申请。",
])
def test_none_statements_about_something_else(prose):
    ds = run(report(prose))
    assert [d for d in ds if d.evidence.get("statement") == "none_applications"] == []


def test_none_statement_about_one_applicant_kind_checks_its_columns():
    t3 = table3().replace("| 一、本年新收政府信息公开申请数量 |  |  | 57 | 0 |", "| 一、本年新收政府信息公开申请数量 |  |  | 55 | 2 |")
    assert "| 55 | 2 |" in t3
    ds = run(report("本年度未收到法人或其他组织的政府信息公开申请。", t3=t3))
    assert [(d.code, d.match) for d in ds if d.code == "DL234"] == [("DL234", "未收到法人或其他组织的政府信息公开申请")]
    assert "五栏之和" in next(d for d in ds if d.code == "DL234").message
    assert next(d for d in run(report("本年度未收到自然人提出的政府信息公开申请。")) if d.code == "DL234").match


def test_none_statement_of_all_still_checked():
    for prose in ("本年度未收到任何政府信息公开申请。", "全年未收到公民、法人或者其他组织提出的政府信息公开申请。",
                  "全年未收到政府信息公开申请，也未收到相关投诉举报。"):
        assert [d.code for d in run(report(prose))] == ["DL234"], prose


# -- rt-clean #8, rt-numbers #14: the number owns the keyword after it ------------------------------------------

@pytest.mark.parametrize("s4", [
    "全年共发生11件行政复议、9件行政诉讼。",
    "全年共发生11起行政复议和9起行政诉讼。",
    "截至2023年底，尚有1件行政复议、3件行政诉讼尚未审结。",
])
def test_count_before_the_noun(s4):
    assert run(report("全年新收申请57件。", t4=T4_MIXED, s4_prose=s4)) == []


@pytest.mark.parametrize(("s4", "match", "expected"), [
    ("全年共发生12件行政复议、9件行政诉讼。", "12件行政复议", 11),
    ("全年共发生11件行政复议、8件行政诉讼。", "8件行政诉讼", 9),
    ("截至2023年底，尚有2件行政复议、3件行政诉讼尚未审结。", "2件行政复议", 1),
])
def test_count_before_the_noun_contradicted(s4, match, expected):
    ds = run(report("全年新收申请57件。", t4=T4_MIXED, s4_prose=s4))
    assert [(d.code, d.match, d.evidence["expected"]) for d in ds] == [("DL232", match, expected)]


def test_garbled_keyword_of_the_number_before():
    s4 = "因政府信息公开被申请行政复议3件，其中2件维持、1件申请人撤回后终止。"
    assert run(report("全年新收申请57件。", s4_prose=s4)) == []


# -- rt-numbers #15 ---------------------------------------------------------------------------------------------

def test_carried_forward_after_a_reason_clause():
    assert run(report("另有4件因申请人补正材料，转入下一年度办理。")) == []
    ds = run(report("另有5件因申请人补正材料，转入下一年度办理。"))
    assert [(d.code, d.evidence["expected"]) for d in ds] == [("DL230", 4)]


# -- rt-numbers #10: sub-items listed after their group ----------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "不予公开5件（含行政执法案卷3件），无法提供15件（其中本机关不掌握相关政府信息12件）。",
    "不予公开5件，其中属于行政执法案卷3件、过程性信息1件、第三方合法权益1件。",
    "无法提供15件，其中因本机关不掌握相关政府信息无法提供12件。",
    "不予处理6件（信访举报投诉类3件、重复申请2件、要求确认或重新出具已获取信息1件）。",
])
def test_sub_items_after_their_group(prose):
    assert run(report(prose)) == []


@pytest.mark.parametrize(("prose", "match", "expected"), [
    ("不予公开5件（含行政执法案卷4件），无法提供15件。", "行政执法案卷4件", 3),
    ("无法提供15件（其中本机关不掌握相关政府信息13件）。", "本机关不掌握相关政府信息13件", 12),
    ("不予公开5件，其中属于行政执法案卷3件、过程性信息2件。", "过程性信息2件", 1),
])
def test_sub_items_after_their_group_contradicted(prose, match, expected):
    ds = run(report(prose))
    assert [(d.code, d.match, d.evidence["expected"]) for d in ds] == [("DL231", match, expected)]
    assert d.severity == "warning" if (d := ds[0]) else False


def test_sub_item_names_without_a_marker_are_not_read():
    # 不予公开5件，行政执法案卷…: no 其中/含/bracket — not read as a breakdown
    assert run(report("不予公开5件，行政执法案卷工作有待加强。")) == []


# -- rt-web #4, rt-numbers #14: the body's own documents are not applications ------------------------------------

@pytest.mark.parametrize("prose", [
    "全年共制发公文156件，其中主动公开98件，依申请公开31件，不予公开27件。",
    "全年我局发文86件，其中主动公开63件、依申请公开9件、不予公开14件。",
    "全年对拟公开的信息进行保密审查1320条，经审查不予公开12条。",
    "认定文件公开属性156件，其中主动公开131件、依申请公开18件、不予公开7件。",
    "本年度主动公开98件、依申请公开31件、不予公开27件。",
    # a real report's (written anew): 依申请公开 counted with 不予公开
    "通过门户网站发布信息607条，其中主动公开380份，依申请公开及不予公开227份。",
])
def test_document_attribute_counts_are_not_results(prose):
    assert run(report(prose)) == []


def test_results_after_proactive_figures_still_checked():
    ds = run(report("全年主动公开政府信息1200条，依申请公开办结申请56件，其中予以公开21件。"))
    assert codes(ds) == [("DL231", "予以公开21件")]


# -- rt-web #12, rt-numbers #14: scoped shares that make the table's number ----------------------------------------

@pytest.mark.parametrize("prose", [
    "全区共收到政府信息公开申请57件，其中区政府（区政府办公室代为办理）收到申请20件，区政府各部门收到申请30件，"
    "各街道收到申请7件。",
    "全年收到政府信息公开申请57件，其中局机关受理41件，各市场监管所受理16件。",
])
def test_shares_adding_up_to_the_table_are_quiet(prose):
    assert run(report(prose)) == []


def test_shares_not_adding_up_stay_info():
    prose = "全年收到政府信息公开申请57件，其中局机关受理41件，各市场监管所受理15件。"
    ds = run(report(prose))
    assert [(d.code, d.severity) for d in ds] == [("DL236", "info"), ("DL236", "info")]
    assert ds[1].evidence["scope_qualifier"] == "各市场监管所"  # not 各市 cut out of 各市场监管所


# -- rt-numbers #15, rt-clean #16, #17: units, percentages and statements of none that were missed --------------------

def test_count_in_jianci():
    ds = run(report("本年新收政府信息公开申请58件次。"))
    assert [(d.code, d.match, d.evidence["expected"]) for d in ds] == [("DL230", "本年新收政府信息公开申请58件次", 57)]
    assert "总计为57件" in ds[0].message
    assert run(report("本年新收政府信息公开申请57件次。")) == []


@pytest.mark.parametrize(("prose", "ok"), [
    ("全年办结申请56件，其中予以公开22件，部分公开5件，予以公开和部分公开的占办结总数的48.2%。", True),  # 27 ÷ 56
    ("全年办结申请56件，其中予以公开22件，部分公开5件，予以公开和部分公开的占办结总数的50.0%。", False),
    ("全年办结申请56件，其中予以公开22件，部分公开5件，公开率为39.3%。", True),  # 22 ÷ 56
    ("全年办结申请56件，其中予以公开22件，部分公开5件，公开率为48.2%。", True),  # 27 ÷ 56
    ("全年办结申请56件，其中予以公开22件，部分公开5件，公开率为60.0%。", False),
    ("依申请公开按期答复率100%，予以公开率（含部分公开）为48.2%。", True),
    ("依申请公开按期答复率100%，予以公开率（含部分公开）为39.3%。", False),  # 含部分公开: 27 ÷ 56
    ("全年办结申请56件，其中予以公开22件，部分公开5件，分别占39.3%和8.9%。", True),
    ("全年办结申请56件，其中予以公开22件，部分公开5件，分别占49.1%和8.9%。", False),
    ("全县92个预算单位全部公开部门预算，公开率100%。", True),  # not about applications
])
def test_percentage_wordings(prose, ok):
    ds = run(report(prose))
    assert [d.code for d in ds] == ([] if ok else ["DL235"]), prose


def test_no_carry_forward_statement():
    ds = run(report("全部按期办结，无结转下年度办理的申请。"))  # BASE: 结转下年度 4
    assert [(d.code, d.match) for d in ds] == [("DL234", "无结转下年度办理的申请")]
    assert "“四、结转下年度继续办理”总计为4" in ds[0].message
    assert run(report("全部按期办结，无结转下年度办理的申请。", t3=table3({"forward": 0, "new": 53}))) == []
    assert run(report("2022年无结转下年度办理的申请。")) == []


# -- the vocabulary module on its own ----------------------------------------------------------------------------------

def test_claim_context_helpers():
    from disclosure_lint.report import Overrides, interpret
    from disclosure_lint.report.claim_context import UPHELD, base_metric, doc_attr, self_masker, upheld_outcomes

    from .conftest import parse

    office = interpret(parse(f"# {OFFICE}\n\n正文。\n"), Overrides(year=2023))
    mask = self_masker(office)
    assert mask("市政府办公厅收到申请58件") == "　　　　　　收到申请58件"
    assert mask("区政府办收到申请17件") == "区政府办收到申请17件"  # another level's office
    assert mask("全市政府办公厅系统") == "全市政府办公厅系统"
    bureau = interpret(parse("# 江海市某某局2023年政府信息公开工作年度报告\n\n正文。\n"), Overrides(year=2023))
    assert self_masker(bureau)("市政府办公厅收到申请58件") == "市政府办公厅收到申请58件"

    assert base_metric("unavailable.not_held") == "unavailable" and base_metric("open") == "open"
    assert doc_attr("全年共制发公文156件，其中主动公开98件，依申请公开31件，不予公开27件", 30)
    assert not doc_attr("全年主动公开政府信息1200条，依申请公开办结申请56件，其中予以公开21件", 40)

    def outcomes(sent):
        return upheld_outcomes(sent, UPHELD.search(sent).start())

    assert outcomes("行政复议7件，诉讼9件，均获维持") == ("corrected", "other", "pending")
    assert outcomes("已审结的2件均获维持，另有1件尚未审结") == ("corrected", "other")
    assert outcomes("已审结的复议后起诉案件均维持原行政行为") == ("corrected", "other")
    assert outcomes("除1件外，其余均获维持") == ()


def test_only_table_four_nouns_are_owned_by_the_number_before():
    # a space-separated list of results keeps every part (only 11件行政复议 / 2件维持 give the noun to the number before)
    ds = run(report("在办结的申请中，予以公开22件 部分公开6件。"))
    assert codes(ds) == [("DL231", "部分公开6件")]
    assert run(report("全年新收申请57件。", t4=T4_MIXED, s4_prose="全年共发生11件 行政复议、9件 行政诉讼。")) == []


@pytest.mark.slow  # the default run keeps test_one_line_text_stays_linear
def test_many_numbers_in_one_sentence_are_linear():
    """Each number of a sentence without sentence ends used to copy the keyword list before it and look at every
    claim of the sentence before it (共计): quadratic in the number of claims."""

    from disclosure_lint.report import Overrides, interpret

    from .conftest import parse

    body = "新收申请1件，上年结转1件，共计2件，" * 20_000
    rep = interpret(parse("江北市某某区某某局2023年政府信息公开工作年度报告\n" + body, "text"), Overrides(year=2023))
    got = rep.claims.claims
    assert [c.metrics for c in got[:3]] == [("new",), ("carried_over",), ("in_total",)]


def test_one_line_text_stays_linear():
    """Text whose sentence ends were lost: one 'sentence' of 200 000 characters is read in well under a second per
    100 000 characters, and the evidence of each finding quotes the text around it, not the whole sentence."""

    piece = "因政府信息公开被申请行政复议2件，已审结的1件均获维持，1件尚未审结，除1件外其余均获维持，"
    body = (piece * (200_000 // len(piece) + 1))[:200_000]
    ds = run(report("全年新收申请57件。", t4=T4_MIXED, s4_prose=body))
    assert ds and all(len(d.evidence["sentence"]) < 400 for d in ds)
