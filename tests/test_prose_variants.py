"""Sentences clerks write in 一、总体情况 and 四 of a report whose tables agree with its text: no finding.  Among them
two the readers got wrong: “截至12月20日，本年新收…55件” (a count up to a day before the year's end, read as the
year's: DL230) and “未发生因政府信息公开被纠错的行政复议和行政诉讼案件” (none *corrected*, read as none at all: DL234).
Guards: the same sentences with the whole year, or with a wrong number, are still compared with the right cell.

The report is the correct example report (examples/clean-2023.md: 本年新收57, 上年结转3, 办结56, 予以公开22, 部分公开5,
结转4; 复议3, 直接起诉2, 复议后起诉1) with a sentence added to (or put in place of one of) its 一、(二) or 四."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import lint

CLEAN = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")
APPS = "全部申请均在《条例》规定的期限内答复，未发生逾期答复。"
APPS_FIRST = "本年新收政府信息公开申请57件，上年结转3件，共需办理60件；全年办结56件，结转下年度继续办理4件。"
S4 = "复议后起诉1件（结果维持）。"


def added(anchor: str, sentence: str, replace: bool = False) -> str:
    assert anchor in CLEAN
    return CLEAN.replace(anchor, sentence if replace else anchor + sentence)


def found(text: str) -> list[str]:
    return [f"{d.code} {d.message}" for d in lint(text)]


@pytest.mark.parametrize("sentence", [
    "本年共收到57件，其中予以公开22件。",
    "本年共收到申请57件，其中予以公开22件，部分公开5件，其余29件依法作出其他处理。",
    "全年共收到政府信息公开申请57件，同比增长14%，其中自然人申请48件，法人或其他组织申请9件。",
    "本年度办结56件，其中予以公开22件，占39.3%；部分公开5件，占8.9%。",
    "全年共办结56件，其中依法予以公开或部分公开27件，不予公开5件（均为第三方权益、过程性信息和行政执法案卷），无法提供15件。",
    "其中，予以公开和部分公开共27件，占48.2%。",
    "申请数量较上年增加7件，同比增长14%。",
    "全年新收申请57件，较上年的50件增长14%。",
    "共办结申请56件，办结率93.3%。",
    "答复56件（含上年结转3件），另有4件顺延至下年度办理。",
    "收到的57件申请中，网上申请45件，信函申请12件。",
    "办结的56件申请中，在法定期限内答复56件，按期答复率100%。",
    "截至12月20日，我局门户网站专栏累计发布信息1268条。",
])
def test_a_sentence_of_part_one_that_agrees_with_the_tables(sentence):
    assert found(added(APPS, sentence)) == []


@pytest.mark.parametrize("sentence", [
    "全年共发生行政复议3件，其中维持2件、其他结果1件；行政诉讼3件，其中2件直接起诉、1件复议后起诉，尚有1件尚未审结。",
    "本年度未发生因政府信息公开被纠错的行政复议和行政诉讼案件。",
    "本年度未发生因答复错误引起的行政复议。",
    "未发生行政复议被纠错、行政诉讼败诉的情况。",
    "复议和诉讼案件均未被纠错。",
    "目前尚未审结的行政诉讼1件。",
    "已审结行政诉讼2件，均获维持。",
    "年内结案的行政诉讼2件。",
    "全年共办结行政复议3件、行政诉讼2件，另有1件诉讼尚未审结。",
])
def test_a_sentence_of_part_four_that_agrees_with_the_tables(sentence):
    """Before: “未发生因政府信息公开被纠错的…” gave DL234 “正文称‘未发生…行政复议和行政诉讼’，但表四…总计为3”; the
    counts of concluded or pending lawsuits (已审结行政诉讼2件, 尚未审结的行政诉讼1件) DL232 “…总计之和为3件”, and
    “已审结行政诉讼2件，均获维持” DL233 (the pending one is not of the concluded)."""
    assert found(added(S4, sentence)) == []


@pytest.mark.parametrize("opening", ["截至12月20日", "截至2023年12月20日", "截至12月中旬", "截至11月20日"])
def test_a_count_up_to_a_day_before_the_years_end_is_not_the_years(opening):
    """Before: DL230 “正文写‘本年新收政府信息公开申请55件’，表三…总计为57件” for 截至12月20日."""
    text = added(APPS_FIRST, f"{opening}，本年新收政府信息公开申请55件，上年结转3件。全年办结56件，结转下年度继续办理4件。",
                 replace=True)
    assert found(text) == []


@pytest.mark.parametrize("opening", ["截至12月31日，", "截至2023年12月31日，", ""])
def test_a_count_up_to_the_years_end_is_compared(opening):
    text = added(APPS_FIRST, f"{opening}本年新收政府信息公开申请55件，上年结转3件。全年办结56件，结转下年度继续办理4件。",
                 replace=True)
    (d,) = lint(text)
    assert d.code == "DL230" and "本年新收政府信息公开申请55件" in d.message and "为57件" in d.message


def test_a_part_after_qizhong_is_compared_with_its_own_row():
    (d,) = lint(added(APPS, "本年共收到57件，其中予以公开21件。"))
    assert d.code == "DL231" and "正文写“予以公开21件”，表三“（一）予以公开”总计为22件" in d.message


def test_the_whole_before_qizhong_is_compared_with_the_new_applications():
    (d,) = lint(added(APPS, "本年共收到申请58件，其中予以公开22件。"))
    assert d.code == "DL230" and "收到申请58件" in d.message and "为57件" in d.message


@pytest.mark.parametrize(("sentence", "code"), [("全年被提起行政诉讼4件。", "DL232"), ("行政诉讼3件，均获维持。", "DL233")])
def test_all_the_lawsuits_are_still_compared(sentence, code):
    (d,) = lint(added(S4, sentence))
    assert d.code == code


def test_none_at_all_is_still_compared():
    (d,) = lint(added(S4, "本年度未发生行政复议案件。"))
    assert d.code == "DL234" and "表四“行政复议”总计为3" in d.message
