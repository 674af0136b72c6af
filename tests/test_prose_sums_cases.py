"""Prose sums (DL237, DL238) on the shapes the red team found: subtotals inside a list, results after a list of
lawsuit groups, a change clause before 其中, totals without the word 申请, and one finding per wrong number when a
table check (DL230–DL232, DL241) already names the figure."""

from __future__ import annotations

import pytest

from .conftest import lint
from .test_prose_sums import brief
from .test_text_vs_table import report, table3, table4

CODES = ["DL230", "DL231", "DL232", "DL233", "DL234", "DL235", "DL236", "DL237", "DL238", "DL241"]


def run(text: str, fmt: str = "markdown"):
    return [(d.code, d.match) for d in lint(text, select=CODES, fmt=fmt) if d.code in CODES]


# -- rt-numbers #6, rt-clean #10: a subtotal of two listed parts is not one more part -----------------------------

@pytest.mark.parametrize("prose", [
    "全年办结56件，其中予以公开22件、部分公开5件、不予公开5件、无法提供15件、不予处理6件、其他处理3件；"
    "予以公开和部分公开共27件，占48.2%。",
    "全年办结56件，其中予以公开22件，部分公开5件，予以公开和部分公开共27件，不予公开5件，无法提供15件，不予处理6件，其他处理3件。",
])
def test_subtotal_inside_a_list(prose):
    assert run(report(prose)) == []
    (kind, total, parts, exhaustive), = brief(prose)
    assert (kind, total, exhaustive) == ("results", 56, True) and sum(n for _, n in parts) == 56
    assert ("open_partial", 27) not in parts


def test_subtotal_does_not_hide_a_wrong_part():
    prose = "全年办结56件，其中予以公开22件，部分公开5件，予以公开和部分公开共27件，不予公开5件，无法提供15件，不予处理7件，其他处理3件。"
    got = run(report(prose))
    assert ("DL231", "不予处理7件") in got  # the table check names the wrong part; the sum is not reported again
    assert [c for c, _ in got] == ["DL231"]


def test_sum_reported_when_the_table_check_does_not_run():
    """The deferral is data (``covered_by`` of DL237/DL238): without the table check that names the wrong figure,
    the sum is reported; with both running the wrong number is reported once, by the table check."""
    prose = "全年办结56件，其中予以公开22件，部分公开5件，予以公开和部分公开共27件，不予公开5件，无法提供15件，不予处理7件，其他处理3件。"
    text = report(prose)
    alone = lint(text, select=["DL238"])
    assert [d.code for d in alone] == ["DL238"]
    both = lint(text, select=["DL231", "DL238"])
    assert [(d.code, d.match) for d in both] == [("DL231", "不予处理7件")]
    assert [d.code for d in lint(text, select=["DL230", "DL232", "DL238"])] == ["DL238"]  # they report nothing here
    assert [d.code for d in lint(text, select=["DL2"], config={"ignore": ["DL231"]})
            if d.code in ("DL231", "DL238")] == ["DL238"]


def test_dl237_alone_reports_parts_exceeding_a_total_the_table_contradicts():
    prose = "全年办结申请56件，其中予以公开40件、部分公开20件。"
    text = report(prose)  # table 三: 予以公开22, 部分公开5 — with the table's values 27 ≤ 56
    assert [d.code for d in lint(text, select=["DL237"])] == ["DL237"]
    got = [(d.code, d.match) for d in lint(text, select=["DL237", "DL231"])]
    assert got == [("DL231", "予以公开40件"), ("DL231", "部分公开20件")]


# -- rt-numbers #3: results after a list of lawsuit groups --------------------------------------------------------

def test_results_after_lawsuit_groups_are_not_the_last_groups_parts():
    s4 = "因政府信息公开被提起行政诉讼3件。行政诉讼中，直接起诉2件、复议后起诉1件，结果维持2件、尚未审结1件。"
    t4 = table4((0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 1, 0, 0, 0, 1))
    assert run(report("全年新收申请57件。", t4=t4, s4_prose=s4)) == []
    assert all(k != "litigation" or total != 1 for k, total, _, _ in brief(s4))


def test_results_in_a_bracket_are_the_groups_parts():
    assert brief("因政府信息公开复议后起诉1件（结果维持2件）。")[0][:3] == ("litigation", 1, [("upheld", 2)])


def test_a_result_after_qizhong_is_one_of_the_parts_beside_it():
    # (real: 共收到政府信息公开申请5件,比上年减少50%,其中答复1件,不掌握相关政府信息、无法提供4件: 1 + 4 = 5, not 4 of 1)
    prose = "全年共收到政府信息公开申请5件，比上年减少50%，其中答复1件，不掌握相关政府信息、无法提供4件，全部按时办结。"
    assert [k for k, *_ in brief(prose)] == []
    assert [k for k, *_ in brief("全年共收到政府信息公开申请20件，办结18件，予以公开10件，不予公开8件。")] == ["results"]


# -- rt-numbers #8, rt-clean #15: breakdowns after a change clause, totals without 申请 ------------------------------

def test_breakdown_after_a_change_clause():
    prose = "全年共收到政府信息公开申请57件，同比增长16.3%，其中自然人48件、法人或其他组织9件。"
    assert brief(prose) == [("applicants", 57, [("natural_person", 48), ("org", 9)], True)]
    t3 = table3().replace("| 一、本年新收政府信息公开申请数量 |  |  | 57 | 0 |", "| 一、本年新收政府信息公开申请数量 |  |  | 48 | 9 |")
    assert run(report(prose, t3=t3)) == []
    got = run(report(prose.replace("48件", "49件"), t3=t3))
    assert got == [("DL241", "自然人49件")]  # one wrong number, one finding: DL238 stays silent


def test_disclosed_breakdown_after_a_change_clause():
    prose = "全年主动公开政府信息894条，同比增长6.3%，其中政策文件47条、行政许可信息916条。"
    assert run(report(prose)) == [("DL237", "主动公开政府信息894条，同比增长6.3%，其中政策文件47条、行政许可信息916条")]


def test_a_rate_of_the_whole_between_the_total_and_its_parts():
    # 其中 in the next sentence refers to the total before the rate (全文电子化率达100%), not to the rate
    prose = "全年主动公开政府信息116条，全文电子化率达100%。其中，机构职能类信息1条，政策文件类信息5条，财政资金类信息26条，其他类信息85条。"
    assert [c for c, _ in run(report(prose))] == ["DL237"]
    assert run(report(prose.replace("85条", "84条"))) == []


def test_new_applications_without_the_word():
    prose = "本年新收57件，其中自然人48件、法人或其他组织8件。"
    assert brief(prose) == [("applicants", 57, [("natural_person", 48), ("org", 8)], True)]
    t3 = table3().replace("| 一、本年新收政府信息公开申请数量 |  |  | 57 | 0 |", "| 一、本年新收政府信息公开申请数量 |  |  | 48 | 9 |")
    assert run(report(prose, t3=t3)) == [("DL241", "法人或其他组织8件")]
    # without a table the sum itself is reported
    assert [c for c, _ in run(report(prose, t3=False))] == ["DL238"]


def test_new_without_the_word_is_not_any_new_thing():
    assert brief("本年新增市场主体57件，其中企业48件、个体户9件。") == []
    assert run(report("本年新增市场主体57件，其中企业48件、个体户9件。")) == []


def test_change_clause_without_a_marker_is_no_list():
    assert brief("全年共收到政府信息公开申请57件，同比增长16.3%，自然人申请增长较快。") == []


# -- rt-numbers #12: one finding per wrong number -----------------------------------------------------------------

@pytest.mark.parametrize(("prose", "s4", "expected"), [
    ("办结的56件中，予以公开及部分公开28件，不予公开5件，无法提供15件，不予处理6件，其他处理3件。", "",
     [("DL231", "予以公开及部分公开28件")]),
    ("全年办结申请57件，其中予以公开22件、部分公开5件、不予公开5件、无法提供15件、不予处理6件、其他处理3件。", "",
     [("DL230", "办结申请57件")]),
    # without 申请 in the sentence the total is not compared with the table: the sum is the one finding
    ("全年办结57件，其中予以公开22件、部分公开5件、不予公开5件、无法提供15件、不予处理6件、其他处理3件。", "",
     [("DL238", "办结57件，其中予以公开22件、部分公开5件、不予公开5件、无法提供15件、不予处理6件、其他处理3件")]),
    ("全年新收申请57件。", "因政府信息公开被提起行政诉讼4件，其中未经复议直接起诉2件、复议后起诉1件。",
     [("DL232", "行政诉讼4件")]),
])
def test_one_finding_per_wrong_number(prose, s4, expected):
    assert run(report(prose, s4_prose=s4)) == expected


def test_sum_error_the_table_does_not_explain_is_reported():
    # every figure agrees with its cell except that the clerk added wrong: the parts name 6 results summing to 57
    prose = "全年办结56件，其中予以公开22件、部分公开5件、不予公开5件、无法提供15件、不予处理6件、其他处理4件。"
    got = run(report(prose))
    assert ("DL231", "其他处理4件") in got and not any(c == "DL238" for c, _ in got)
    # no table 三 to explain it: DL238
    assert [c for c, _ in run(report(prose, t3=False))] == ["DL238"]


# -- rt-clean #15: enumerated and semicolon lists after 其中 --------------------------------------------------------

def test_enumerated_parts_after_a_change_clause_in_the_sentence_before():
    prose = ("全年主动公开政府信息894条，同比增长6.3%。其中：①机构设置等基础信息32条；②政策文件及解读47条；"
             "③行政许可信息916条。")
    ds = [d for d in lint(report(prose), select=CODES) if d.code in CODES]
    assert [(d.code, d.evidence["expected"], d.evidence["actual"]) for d in ds] == [("DL237", 894, 995)]
    assert ds[0].match.startswith("主动公开政府信息894条") and ds[0].match.endswith("行政许可信息916条")


def test_semicolon_parts():
    assert [c for c, _ in run(report("全年主动公开政府信息894条，其中政策文件47条；行政许可信息916条。"))] == ["DL237"]
    # a clause of its own after the semicolon is not a part
    assert run(report("全年主动公开政府信息894条，其中政策文件47条；全年累计发布信息5000条。")) == []
    assert run(report("全年主动公开政府信息894条，其中政策文件47条；通过政务微博发布信息916条。")) == []


def test_sum_explained_by_two_wrong_figures_is_left_only_when_both_are_reported():
    """``about_all``: a sum whose error two wrong figures explain (the total, a DL230 figure; a part, a DL231 figure)
    is left to the table checks only when both of them are reported — with only DL230 running, the wrong part
    would go unreported, so the sum still is."""
    prose = "全年办结申请58件，其中予以公开22件、部分公开5件、不予公开5件、无法提供15件、不予处理7件、其他处理3件。"
    text = report(prose)  # table 三: 办结 56, 不予处理 6 — with the table's values the parts add up
    both = [(d.code, d.match) for d in lint(text, select=["DL230", "DL231", "DL238"])]
    assert sorted(c for c, _ in both) == ["DL230", "DL231"]
    one = [d.code for d in lint(text, select=["DL230", "DL238"])]
    assert sorted(one) == ["DL230", "DL238"]
    assert [d.code for d in lint(text, select=["DL238"])] == ["DL238"]


def test_a_kind_of_document_named_with_its_issuers_is_no_other_scope():
    # 区政府及其部门规范性文件 (a real district's list, ending in 其他信息): a kind of document, the list still adds up
    prose = ("全年共发布信息9289条，其中区政府及其部门规范性文件6条、其他文件8条；政务动态类信息2128条、"
             "规划和重点领域信息1156条、其他信息5989条。")
    assert [c for c, _ in run(report(prose))] == ["DL238"]  # 9287, not 9289
    assert run(report(prose.replace("5989", "5991"))) == []
    # the departments as another scope (各部门) still end the reading
    assert run(report(prose.replace("区政府及其部门规范性文件", "各部门规范性文件"))) == []


# -- real pages: the verb of publishing before the figure, its object left out or written 数据 -------------------

@pytest.mark.parametrize(("prose", "total"), [
    ("全年共公开发布197条，其中疫情防控99条，医疗卫生及工作动态74条，政务公开86条。", 197),
    ("全年发布数据3105条,其中新闻类838条、业务类2312 条。", 3105),
    # the kinds of information as the total, its verb far before it (a real county bureau's report)
    ("本局主动向社会公开交通运输工程项目情况、工作经验、工作总结等各类信息5条,其中决策信息公开4条,政策法规公开2条。", 5),
])
def test_disclosed_total_named_by_its_verb(prose, total):
    (kind, got, parts, _), = brief(prose)
    assert (kind, got) == ("disclosed", total) and sum(n for _, n in parts) > total
    assert [c for c, _ in run(report(prose))] == ["DL237"]


@pytest.mark.parametrize("prose", [
    "网站发布197条，微信发布20条，微博发布15条。",  # channels side by side, no 其中: no total and parts
    "全年发布197条，网站首页发布20条。",
    "全年共公开发布197条，其中疫情防控99条，工作动态74条。",  # parts within the total
])
def test_disclosed_verb_total_without_a_contradiction(prose):
    assert [c for c, _ in run(report(prose))] == []


# -- DL249: the flow of applications in the prose ----------------------------------------------------------

FLOW_OFF = "本年新收政府信息公开申请57件，上年结转3件；全年办结56件，结转下年度继续办理5件。"  # 60 in, 61 out


def test_flow_balance_without_table_three():
    ds = [d for d in lint(report(FLOW_OFF, t3=False, t4=False), select=["DL249"]) if d.code == "DL249"]
    assert len(ds) == 1 and ds[0].match == "结转下年度继续办理5件"
    assert ds[0].evidence["expected"] == 60 and ds[0].evidence["actual"] == 61
    assert "前者比后者少1件" in ds[0].message


def test_flow_balance_left_to_the_table_checks():
    # table 三 read: the figure the table contradicts is DL230's, the prose's own balance is not reported again
    codes = [d.code for d in lint(report(FLOW_OFF), select=["DL249", "DL230"])]
    assert "DL249" not in codes and "DL230" in codes


@pytest.mark.parametrize("prose", [
    "本年新收政府信息公开申请57件，上年结转3件；全年办结55件，结转下年度继续办理5件。",  # balanced
    "本年新收政府信息公开申请57件，上年结转3件；全年办结55件，结转下年度继续办理5件。全年办结56件。",  # 办结 twice, two numbers
    "2022年新收政府信息公开申请57件，上年结转3件；全年办结56件，结转下年度继续办理5件。",  # another year
])
def test_flow_balance_not_reported(prose):
    assert [d.code for d in lint(report(prose, t3=False, t4=False), select=["DL249"])] == []


# -- DL250: a count and its change on the year before ------------------------------------------------------

@pytest.mark.parametrize(("n", "rate", "places", "up", "ok"), [
    (57, "71.9", 1, True, False), (57, "72.7", 1, True, True), (60, "261", 0, True, False), (9, "28.5", 1, True, True),
    (9, "28.6", 1, True, True), (0, "100", 0, False, True), (5, "100", 0, False, False), (1200, "4", 0, False, True),
    (383, "36.3", 1, True, True), (16, "36.3", 1, True, False),
])
def test_change_rate_bases(n, rate, places, up, ok):
    from decimal import Decimal

    from disclosure_lint.kinds.prose_sums import change_rate_bases

    got, near = change_rate_bases(n, Decimal(rate), places, up)
    assert got is ok and (ok or n == 5 or len(near) == 2)


def test_change_rate_large_fall_is_bounded():
    from decimal import Decimal

    from disclosure_lint.kinds.prose_sums import change_rate_bases

    ok, near = change_rate_bases(3, Decimal("99.99"), 2, False)  # last year ≈ 30000: a few bases tried, not 30000
    assert isinstance(ok, bool) and len(near) <= 2


@pytest.mark.parametrize("last", ["其它信息数量16条", "其他15条"])
def test_a_list_closed_by_other_written_as_qita_or_bare_is_exhaustive(last):
    # (real: …行政执法类信息735条,其它信息数量16970条 of 19686; 通知公告类9条,其他15条 of 156)
    prose = f"全年主动公开政府信息200条，其中概况类信息43条、工作动态类信息100条、{last}。"
    [(kind, total, parts, exhaustive)] = brief(prose)
    assert (kind, total, exhaustive, len(parts)) == ("disclosed", 200, True, 3)
    assert [d.code for d in lint(report(prose), select=["DL237", "DL238", "DL251"])] == ["DL238"]


def test_a_total_with_its_object_after_the_count():
    # (real: 总共发布12条信息,其中政府信息公开指南1条,概况信息1条,…: 信息 after the count, before the list)
    prose = "全年总共发布12条信息，其中政策文件1条，工作动态2条，通知公告3条，财政信息1条。"
    assert brief(prose) == [("disclosed", 12, [("item", 1), ("item", 2), ("item", 3), ("item", 1)], False)]
    assert [d.code for d in lint(report(prose.replace("12条", "5条")), select=["DL237"])] == ["DL237"]
