"""A report that names its body nowhere (no title, 落款, opening or page field: a crawled page whose title was lost)
gets the body's kind from the one word it calls itself by throughout (我镇 … 本镇: a town), source ``voice``
(:func:`disclosure_lint.report.self_refs.voice_kind`): DL207 and DL405 then apply, saying the kind was read so;
DL301/DL302, which check those very words, treat the body as unknown."""

from __future__ import annotations

import pytest

from disclosure_lint.report import Overrides, interpret

from .conftest import lint, parse

_TOWN = """\
一、总体情况
2023年，我镇认真贯彻落实《条例》，主动公开政府信息12条。本镇未收到政府信息公开申请。
二、主动公开政府信息情况
第二十条第（一）项
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---:|---:|---:|
| 规章 | 0 | 0 | 6 |
| 行政规范性文件 | 0 | 0 | 0 |
"""


def _agency(text: str):
    return interpret(parse(text, "markdown")).agency


@pytest.mark.parametrize("text, kind", [
    (_TOWN, "town_government"),
    (_TOWN.replace("我镇", "我街道").replace("本镇", "本街道"), "street_office"),
    (_TOWN.replace("我镇", "我局").replace("本镇", "本局"), "bureau"),
    (_TOWN.replace("我镇", "我委").replace("本镇", "本委员会"), "commission"),
    (_TOWN.replace("本镇", "本单位"), None),  # once only
    (_TOWN.replace("本镇", "我办"), None),  # two words: 我镇 and 我办 (a town's 党政办?) tell nothing
    (_TOWN.replace("我镇", "我厅").replace("本镇", "本厅"), None),  # a department or a government's 办公厅
    (_TOWN.replace("本镇", "本中心"), None),
    (_TOWN.replace("我镇", "《我镇办法》").replace("本镇", "本单位"), None),  # inside 《》: not a self-word
])
def test_the_kind_of_a_body_named_nowhere(text, kind):
    agency = _agency(text)
    assert agency.name is None
    assert (agency.kind, agency.source) == ((kind, "voice") if kind else (None, "none"))


def test_a_name_still_decides():
    agency = _agency("# 某某县某某街道办事处2023年政府信息公开工作年度报告\n\n" + _TOWN)
    assert (agency.kind, agency.source) == ("street_office", "title")
    assert _agency(_TOWN).source == "voice"
    # a kind given in the configuration is the user's word
    rep = interpret(parse(_TOWN, "markdown"), Overrides(agency_kind="county_government"))
    assert (rep.agency.kind, rep.agency.source) == ("county_government", "config")


def test_rules_without_power_say_where_the_kind_came_from():
    found = lint(_TOWN, select=["DL207"])
    assert len(found) == 1
    assert "自称“我镇”的本机关（镇人民政府）通常没有规章制定权" in found[0].message


def test_late_publication_of_a_body_named_nowhere_is_a_warning_that_says_so():
    text = ("发布日期：2024-03-10\n一、总体情况\n2023年，我局严格落实《条例》，主动公开政府信息52条。本局未收到政府信息公开申请。\n"
            "二、主动公开政府信息情况\n本年度我局通过门户网站发布信息52条。\n")
    found = lint(text, select=["DL405"], fmt="text")
    assert [(d.code, d.severity) for d in found] == [("DL405", "warning")]
    assert "报告没有写明机关名称，这里按正文自称“我局”把它当作县级以上人民政府部门，请核对" in found[0].message
    assert found[0].evidence["expected"] == "不晚于2024年1月31日"
    # published in time: nothing
    assert lint(text.replace("2024-03-10", "2024-01-20"), select=["DL405"], fmt="text") == []


def test_self_reference_rules_do_not_check_the_words_the_kind_came_from():
    # a town's voice throughout but once 我局: the words disagree, so no kind, and DL302 names the minority as before
    mixed = _TOWN.replace("本镇未收到", "我局未收到").replace("主动公开政府信息12条。", "主动公开政府信息12条，我镇网站发布8条。")
    assert _agency(mixed).source == "none"
    assert [d.code for d in lint(mixed, select=["DL301", "DL302"])] == ["DL302"]
    # unanimous: nothing to say
    assert lint(_TOWN, select=["DL301", "DL302"]) == []
