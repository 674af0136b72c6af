"""Correct reports written the way clerks write (red team, round 16): figures of the prose that are not the year's
table-三 totals — another kind of application, a part of a named subset, a cumulative or multi-year figure, a named
sub-unit after 其中，, items of information counted in 条 — are not reported as contradictions; the same sentence with
a wrong figure of the year still is (the guard of each case).

The fixtures are our own, in the shape of the red team's variants (the table: 新收 57, 上年结转 3, 办结 56, 予以公开 22,
部分公开 5, 无法提供 15, 结转下年度 4)."""

from __future__ import annotations

import pytest

from .test_text_vs_table import report, run


def codes(prose: str, **kw) -> list[tuple[str, str]]:
    return [(d.code, d.severity) for d in run(report(prose, **kw))]


# -- 1. another kind of application than 政府信息公开 -------------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "全年受理食品经营许可申请1352件。",
    "全年受理行政许可申请4930件，作出准予许可决定4850件。",
    "全年受理消费者投诉举报申请2356件。",
    "全年办结行政许可申请4862件。",
    "建立信用修复机制，全年受理信用修复申请89件，办结信用修复申请89件。",
    "本年新收行政许可申请4930件。",
])
def test_another_kind_of_application_is_not_table_3(prose):
    assert codes(prose) == []


@pytest.mark.parametrize(("prose", "code"), [
    ("全年受理政府信息公开申请61件。", "DL230"),
    ("全年受理依申请公开申请61件。", "DL230"),
    ("全年受理涉及行政许可的政府信息公开申请61件。", "DL230"),
    ("全年受理公开申请61件。", "DL230"),
    ("全年办结政府信息公开申请58件。", "DL230"),
    ("全年收到关于投诉举报处理结果的申请61件。", "DL230"),
])
def test_disclosure_applications_are_still_compared(prose, code):
    assert codes(prose) == [(code, "warning")]


# -- 2. a part of a named subset: 本年新收的57件申请中，已办结53件 ------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "本年新收的57件申请中，已办结53件，其余4件结转下年度办理。",
    "上年结转的3件申请中，予以公开1件，无法提供2件。",
    "截至目前，结转的4件申请中已办结3件。",
    "本年新收申请中，予以公开21件。",
    "本年新收申请中，予以公开的比例为36.8%。",
])
def test_a_part_of_a_named_subset_is_not_the_years_total(prose):
    assert codes(prose) == []


@pytest.mark.parametrize(("prose", "code"), [
    ("在办结的56件申请中，予以公开23件。", "DL231"),  # the handled ones are all of them
    ("本年新收的58件申请中，已办结53件。", "DL230"),  # the subset's own size is still compared
    ("上年结转的3件申请中，予以公开1件；全年办结57件。", "DL230"),  # after the ；, the year again
    ("全年收到的60件申请中，办结57件。", "DL230"),
])
def test_the_years_figures_around_a_subset_are_still_compared(prose, code):
    assert code in [c for c, _ in codes(prose)]


# -- 3. cumulative and multi-year figures ---------------------------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "自新修订的《条例》施行以来，我局累计办结政府信息公开申请268件，其中予以公开97件。",
    "我局累计收到政府信息公开申请241件。",
    "截至2023年12月31日，我局累计收到政府信息公开申请322件。",
    "截至2023年底，我局专栏累计公开政府信息8652条，累计办理政府信息公开申请312件，其中予以公开118件。",
    "2019年至2023年，我局共收到政府信息公开申请241件，办结238件。",
    "2019—2023年，我局共收到政府信息公开申请241件。",
    "全年收到政府信息公开申请57件，自《条例》施行以来累计收到322件。",
])
def test_a_cumulative_or_multi_year_figure_is_not_the_years(prose):
    assert codes(prose) == []


@pytest.mark.parametrize("prose", [
    "全年累计收到政府信息公开申请61件。",
    "本年度累计收到政府信息公开申请61件。",
    "今年以来，我局累计收到政府信息公开申请61件。",
    "2023年，我局累计收到政府信息公开申请61件。",
    "2023年至2023年，我局共收到政府信息公开申请61件。",
    "我局累计收到政府信息公开申请322件；全年收到政府信息公开申请61件。",
    "累计收到政府信息公开申请61件，其中本年度新收57件，上年结转3件。",  # a 累计 of this year's, told after it
])
def test_the_years_own_cumulative_figure_is_still_compared(prose):
    assert codes(prose) == [("DL230", "warning")]


# -- 4. 其中，<another body>…: the comma after 其中 keeps the other subject ----------------------------------------------

@pytest.mark.parametrize("prose", [
    "全年共收到政府信息公开申请57件。其中，青溪市场监管所收到申请3件，均已办结。",
    "全年共收到政府信息公开申请57件。其中：青溪市场监管所收到申请3件。",
])
def test_qizhong_comma_another_subject_is_another_scope(prose):
    ds = run(report(prose))
    assert [(d.code, d.severity) for d in ds] == [("DL236", "info")]
    assert ds[0].evidence["scope_qualifier"].startswith("其中青溪")


@pytest.mark.parametrize(("prose", "code"), [
    ("全年办结56件。其中，予以公开23件，部分公开5件。", "DL231"),
    ("全年办结56件，其中，无法提供16件。", "DL231"),
    ("全年办结56件，其中：不予处理7件。", "DL231"),
])
def test_qizhong_comma_before_a_result_is_still_compared(prose, code):
    assert codes(prose) == [(code, "warning")]


# -- 5. 条: items of information, not applications ---------------------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "办结的56件申请共涉及信息事项83条，其中予以公开的信息事项41条，部分公开9条。",
    "涉及的信息中予以公开41条。",
])
def test_items_of_information_in_tiao_are_not_table_3s_applications(prose):
    assert codes(prose) == []


@pytest.mark.parametrize(("prose", "code"), [
    ("办结的56件申请共涉及信息事项83条，其中予以公开23件。", "DL231"),
    ("全年新收政府信息公开申请58件，涉及信息事项83条。", "DL230"),
])
def test_the_same_sentences_counts_in_jian_are_still_compared(prose, code):
    assert codes(prose) == [(code, "warning")]


# -- 6. a year in numerals and 依申请公开率 ---------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "二〇二二年我局收到政府信息公开申请五十四件。",
    "在办结的申请中，予以公开22件，部分公开5件，依申请公开率为39.3%。",
    "依申请公开率（含部分公开）为48.2%。",
    "政府信息公开申请的公开率为48.2%。",  # 予以公开 and 部分公开: the other reading
    "主动公开率为100%。",
])
def test_other_years_and_right_rates_are_quiet(prose):
    assert codes(prose) == []


@pytest.mark.parametrize(("prose", "code"), [
    ("二〇二三年我局收到政府信息公开申请六十一件。", "DL230"),
    ("在办结的申请中，予以公开22件，部分公开5件，依申请公开率为45.2%。", "DL235"),
    ("依申请公开率为40.5%。", "DL235"),
    ("政府信息公开申请的公开率为40.5%。", "DL235"),
    ("本年度依申请公开的公开率（含部分公开）为40.5%。", "DL235"),
])
def test_the_years_own_figures_and_wrong_rates_are_found(prose, code):
    assert codes(prose) == [(code, "warning")]


# -- 7. cases of review or litigation counted after an application keyword (round 17) -----------------------------

@pytest.mark.parametrize("prose", [
    "2022年结转的1件行政诉讼案件已于本年审结，结果维持。",
    "上年结转的2件行政复议已全部办结。",
    "上年结转的1件案件已审结。",
])
def test_carried_cases_of_review_or_litigation_are_not_applications(prose):
    assert codes(prose) == []


@pytest.mark.parametrize(("prose", "code"), [
    ("2022年结转的2件申请已于本年办结。", "DL230"),
    ("上年结转政府信息公开申请2件。", "DL230"),
])
def test_carried_applications_are_still_compared(prose, code):
    assert codes(prose) == [(code, "warning")]
