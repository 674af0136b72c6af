"""The body of a page whose title and text name no body in full: the page header's 发布机构 or 来源, when the
report's own text names it too (in full, or from its level on: 省生态环境厅).  Real pages: a province's 厅 whose
title is only ``2023年政府信息公开工作年度报告``; a city's 发改委 whose page title is ``政府信息公开工作年报``."""

from __future__ import annotations

import pytest

from disclosure_lint.report import interpret

from .conftest import lint, parse

_HEAD = """\
2023年政府信息公开工作年度报告
• 索引号:000S00/2024-000001
• 发布机构: {source}
• 发文日期: 2024-01-30 12:37

本年度报告根据《中华人民共和国政府信息公开条例》编制,由总体情况、主动公开政府信息情况等六个部分组成。

一、总体情况

2023年,{subject}认真贯彻落实《条例》,{self}主动公开政府信息120条。本报告电子版可在{site}下载。
"""


def _agency(source: str, subject: str, site: str = "本机关网站", self_word: str = "我厅"):
    text = _HEAD.format(source=source, subject=subject, site=site, self=self_word)
    return interpret(parse(text, "text")).agency


@pytest.mark.parametrize("source, subject, site, expected", [
    # named from its level on in the text (省生态环境厅), in full by the page header
    ("某某省生态环境厅", "省生态环境厅", "本机关网站", "某某省生态环境厅"),
    # named in full only as the site's owner (…门户网站)
    ("某某市发展和改革委员会", "本委", "某某市发展和改革委员会门户网站", "某某市发展和改革委员会"),
    # the header's name never in the text: unknown
    ("某某市财政局", "本局", "本机关网站", None),
    # a government or its office posting the page: its report or another body's, unknown (the text names its site)
    ("某某县人民政府办公室", "本局", "某某县人民政府办公室网站", None),
    ("某某县人民政府", "本局", "某某县人民政府门户网站", None),
])
def test_the_page_header_names_the_body_when_the_text_does_too(source, subject, site, expected):
    agency = _agency(source, subject, site)
    assert agency.name == expected
    assert agency.source == ("page" if expected else "none")


def test_the_self_words_are_checked_against_the_body_the_header_names():
    text = _HEAD.format(source="某某省生态环境厅", subject="省生态环境厅", site="本机关网站", self="我局")
    found = lint(text, fmt="text", select=["DL301"])
    assert [d.code for d in found] == ["DL301"] and "某某省生态环境厅" in found[0].message
    assert not lint(text.replace("我局", "我厅"), fmt="text", select=["DL301"])


def test_self_words_against_a_body_guessed_from_the_opening_are_warnings():
    # no title, no 落款: the body is read from 由某某区行政审批局编制 — a company's report speaking as 我公司 throughout
    # (a real page): the guess may be what is wrong, so DL301 warns instead of failing a CI gate
    text = ("根据《条例》要求，由某某区行政审批局编制。报告全文包括总体情况等部分。\n一、总体情况\n"
            "2023年，我公司认真贯彻落实政务公开工作部署，主动公开信息77条。\n")
    found = lint(text, fmt="text", select=["DL301"])
    assert [(d.code, d.severity) for d in found] == [("DL301", "warning")]
    assert found[0].evidence["agency_source"] == "opening"
    # said once, with how many and where the body came from (a real page: four warnings, one for each 我公司/我集团)
    many = text.replace("主动公开信息77条。", "主动公开信息77条。我公司通过门户网站公开信息，我集团编制了公开指南。")
    found = lint(many, fmt="text", select=["DL301"])
    assert len(found) == 1 and found[0].evidence["count"] == 3
    assert "本机关是从报告开头或网页栏目推断的" in found[0].message and "全文共3处" in found[0].message
    # the same body named by the title: an error
    titled = "某某区行政审批局2023年政府信息公开工作年度报告\n" + text
    assert [d.severity for d in lint(titled, fmt="text", select=["DL301"])] == ["error"]
