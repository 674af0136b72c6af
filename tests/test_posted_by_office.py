"""DL405 on a page that a government's general office posted for a body (发布机构：某某县人民政府办公室): the page's
date is the office's posting, the report may have been published on the body's own site before it — a warning
that says so, not an error.  The body's own page (its name, 本单位, or its internal 办公室 as the source) stays an
error."""

from __future__ import annotations

import pytest

from .conftest import lint

_TABLE_PAGE = """\
| 标 题 | 某某自治区某某委员会2020年政府信息公开工作年度报告 | | |
|---|---|---|---|
| 索引号 | 000012345/2021-00008 | 文 号 | |
| 发布机构 | {publisher} | 发布日期 | 2021-04-09 17:05:00 |

某某自治区某某委员会2020年政府信息公开工作年度报告

一、总体情况

2020年，我委认真贯彻落实《中华人民共和国政府信息公开条例》，推进政府信息公开工作。
"""

_BYLINE_PAGE = """\
某某县民政局2021年政府信息公开工作年度报告
发布时间：2022-02-15 14:52 来源：{publisher} 作者：
一、总体情况
2021年，某某县民政局认真贯彻《中华人民共和国政府信息公开条例》，做好政府信息公开工作。
"""


@pytest.mark.parametrize("publisher", ["某某自治区政府办公厅", "自治区人民政府办公厅"])
def test_an_info_tables_publisher_that_is_a_government_office_makes_a_warning(publisher):
    found = lint(_TABLE_PAGE.format(publisher=publisher), select=["DL405"])
    assert [(d.code, d.severity) for d in found] == [("DL405", "warning")]
    assert f"网页的发布机构是“{publisher}”，不是本机关" in found[0].message
    assert "迟了68天" in found[0].message  # (the lateness is still told)


def test_the_bodys_own_info_table_stays_an_error():
    found = lint(_TABLE_PAGE.format(publisher="某某自治区某某委员会"), select=["DL405"])
    assert [(d.code, d.severity) for d in found] == [("DL405", "error")]
    assert "不是本机关" not in found[0].message


@pytest.mark.parametrize("publisher", ["某某县人民政府办公室", "县府办"])
def test_a_byline_naming_the_county_governments_office_makes_a_warning(publisher):
    found = lint(_BYLINE_PAGE.format(publisher=publisher), fmt="text", select=["DL405"])
    assert [(d.code, d.severity) for d in found] == [("DL405", "warning")]
    assert f"网页的来源是“{publisher}”" in found[0].message


@pytest.mark.parametrize("publisher", ["某某县民政局", "办公室", "本单位"])
def test_a_byline_naming_the_body_or_its_own_office_stays_an_error(publisher):
    found = lint(_BYLINE_PAGE.format(publisher=publisher), fmt="text", select=["DL405"])
    assert [(d.code, d.severity) for d in found] == [("DL405", "error")]


def test_a_governments_own_report_posted_by_its_office_stays_an_error():
    # the office publishes its government's report: that is the government's own publication (late after 3月31日)
    text = (_BYLINE_PAGE.format(publisher="某某县人民政府办公室").replace("某某县民政局", "某某县人民政府")
            .replace("2022-02-15", "2022-04-15"))
    found = lint(text, fmt="text", select=["DL405"])
    assert [(d.code, d.severity) for d in found] == [("DL405", "error")]


def test_a_bare_government_office_on_a_towns_page_is_the_towns_own():
    # 发布机构：政府办 on a town's page: the town government's own office (党政办), the town's own publication
    text = (_BYLINE_PAGE.format(publisher="政府办").replace("某某县民政局", "某某镇人民政府")
            .replace("2022-02-15", "2022-04-15"))
    found = lint(text, fmt="text", select=["DL405", "DL408"])
    assert [d.code for d in found] == ["DL408"]  # (a township's deadline: a warning by default, deadlines.township_severity)
    assert "不是本机关" not in found[0].message


def test_a_towns_report_posted_by_the_countys_office_says_so_too():
    # DL408 (townships) carries the same note as DL405
    text = (_BYLINE_PAGE.format(publisher="某某县人民政府办公室").replace("某某县民政局", "某某镇人民政府")
            .replace("2022-02-15", "2022-04-15"))
    found = lint(text, fmt="text", select=["DL405", "DL408"])
    assert [d.code for d in found] == ["DL408"] and "网页的来源是“某某县人民政府办公室”，不是本机关" in found[0].message


def test_a_districts_disclosure_office_is_a_government_office_too():
    found = lint(_BYLINE_PAGE.format(publisher="某某区政务公开办"), fmt="text", select=["DL405"])
    assert [(d.code, d.severity) for d in found] == [("DL405", "warning")]


def test_a_line_of_fields_over_its_page_tools_gives_the_date():
    # a line of fields and the line of page tools under it, their runs of spaces read as a table by the text reader
    text = ("某某县民政局2022年政府信息公开工作年度报告\n日期:2023-04-30    来源:某某县民政局    \n"
            "    打印页面    关闭页面\n一、总体情况\n2022年，某某县民政局认真贯彻《中华人民共和国政府信息公开条例》。\n")
    found = lint(text, fmt="text", select=["DL405", "DL403"])
    assert [(d.code, d.severity) for d in found] == [("DL405", "error")] and "2023年4月30日" in found[0].message
