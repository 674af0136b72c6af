"""DL303 other-body-report: an opening that publishes another body's report (a template's or another body's
opening kept).  Shapes of real pages, written anew: a town's page with its portal fields above the title."""

from __future__ import annotations

import pytest

from .conftest import lint

_PAGE = """\
  • 索引号
    000000000/2026-00000
  • 发布机构
    某某县某某镇人民政府
  • 发布日期
    2026-01-21

某某县某某镇2025年政府信息公开工作年度报告

根据《中华人民共和国政府信息公开条例》要求,现公布{named}2025年度政府信息公开工作年度报告。本报告包括总体情况等六个部分。

一、总体情况

2025年,某某镇人民政府坚持以公开为常态、不公开为例外。
"""


@pytest.mark.parametrize("named, reported", [
    ("某某县民族宗教事务局", True),  # a county bureau's opening in a town's report
    ("某某县人民政府", True),  # the county's template
    ("某某县某某镇人民政府", False),  # its own name, written in full
    ("某某镇", False),
    ("某某县某某镇人民政府党政办公室", False),  # its office compiles it
    ("某某县另一镇", False),  # a body of the same kind: names of one body vary, never judged
    ("某某县某某乡", True),  # a township's opening in a town's report
])
def test_the_body_whose_report_the_opening_publishes(named, reported):
    found = lint(_PAGE.format(named=named), fmt="text", select=["DL303"])
    assert [d.code for d in found] == (["DL303"] if reported else [])
    if reported:
        assert f"“{named}”的年度报告" in found[0].message and "某某县某某镇的报告" in found[0].message
        assert found[0].line == 10


def test_another_years_report_and_an_unknown_body_are_left_alone():
    text = _PAGE.format(named="某某县民族宗教事务局").replace("2025年度政府信息公开工作年度报告", "2024年度政府信息公开工作年度报告")
    assert lint(text, fmt="text", select=["DL303"]) == []  # another year: the year checks' business
    no_title = _PAGE.format(named="某某县民族宗教事务局").replace("某某县某某镇2025年政府信息公开工作年度报告\n", "")
    assert lint(no_title, fmt="text", select=["DL303"]) == []  # the opening is all that names a body: its own


def test_the_configured_body_is_the_reports_own():
    text = "2025年政府信息公开工作年度报告\n现公布某某县民族宗教事务局2025年度政府信息公开工作年度报告。\n一、总体情况\n2025年，本镇主动公开信息。\n"
    found = lint(text, fmt="text", select=["DL303"], agency="某某县某某镇")
    assert [d.code for d in found] == ["DL303"]


def test_a_body_with_two_names_publishes_under_either():
    # 某某市人民政府（市人民政府办公室）: one report of the government and its office (a real city's page)
    text = ("某某市人民政府（市人民政府办公室）2020年政府信息公开工作年度报告\n"
            "根据《条例》规定，现公布某某市人民政府办公室2020年度政府信息公开工作年度报告。\n一、总体情况\n2020年，本市主动公开信息。\n")
    assert lint(text, fmt="text", select=["DL303"]) == []


def test_a_government_office_publishing_its_places_report_under_the_bare_name():
    # 某某市政府办公室 (no 人民) publishing 某某市2014年度…年度报告: the city's report, which its office publishes (a real page)
    text = ("宿城市政府办公室2014年政府信息公开工作年度报告\n根据《条例》要求，现向社会公布宿城市2014年度政府信息公开年度报告。\n"
            "一、概述\n2014年，我市各级政府和部门认真贯彻落实《条例》。\n")
    assert lint(text, fmt="text", select=["DL303"]) == []
    # a town's report publishing the county's is still reported
    town = text.replace("宿城市政府办公室2014年", "宿城市某某镇2014年")
    assert [d.code for d in lint(town, fmt="text", select=["DL303"])] == ["DL303"]


def test_the_report_it_publishes_quoted():
    # 现发布《某某旗2022年政府信息公开工作年度报告》 in a 苏木's report (a real page): the banner's report, quoted
    text = ("某某旗某某苏木2022年度政府信息公开工作年度报告\n根据《条例》要求，现发布《某某旗2022年政府信息公开工作年度报告》。\n"
            "一、总体情况\n2022年，某某苏木认真贯彻落实《条例》。\n")
    [d] = lint(text, fmt="text", select=["DL303"])
    assert "“某某旗”的年度报告" in d.message
    # its own report quoted, or another quoted document: nothing
    assert lint(text.replace("《某某旗2022年", "《某某旗某某苏木2022年"), fmt="text", select=["DL303"]) == []
    assert lint(text.replace("现发布《某某旗", "参照《某某旗"), fmt="text", select=["DL303"]) == []


# -- DL306 signature-other-body -----------------------------------------------------------------------------------------

def _signed(own: str, signed: str, flat: bool = False) -> str:
    lines = [f"{own}2024年度政府信息公开工作年度报告", "一、总体情况", "2024年，本机关主动公开政府信息86条。",
             "六、其他需要报告的事项", "本年度未收取信息处理费。", f"{signed} 2025年1月26日"]
    return (" ".join(lines) if flat else "\n".join(lines)) + "\n"


@pytest.mark.parametrize("flat", [False, True])  # (a crawl's page as one line too: a real one, written anew)
def test_a_signature_of_another_body_of_the_same_kind(flat):
    found = lint(_signed("某某综合实验区投资促进局", "某某综合实验区国有资产管理局", flat), fmt="text", select=["DL306"])
    assert [(d.code, d.match) for d in found] == [("DL306", "某某综合实验区国有资产管理局")]
    assert found[0].evidence == {"expected": "某某综合实验区投资促进局", "actual": "某某综合实验区国有资产管理局"}


@pytest.mark.parametrize("signed", [
    "某某县住建局",  # shortened
    "住房和城乡建设局",  # without the place
    "某某县住房城乡建设局",  # a word left out
    "某某县住房和城乡建设局办公室",  # its office
])
def test_a_signature_that_is_the_bodys_own_name_written_otherwise(signed):
    assert lint(_signed("某某县住房和城乡建设局", signed), fmt="text", select=["DL306"]) == []


@pytest.mark.parametrize(("own", "signed", "other"), [
    ("某某区投资促进局", "某某区国有资产管理局", True),
    ("某某县某某镇人民政府", "某某县人民政府", True),  # the county's template in a town's report
    ("某某县教育局", "某某县教育体育局", False),  # renamed
    ("某某县发展和改革局", "某某县发改局", False),
    ("某某县人民政府", "某某县人民政府办公室", False),  # the government's office signs its report
    ("某某县文化和旅游局", "某某县文化广电和旅游局", False),
])
def test_which_signers_are_another_body(own, signed, other):
    from disclosure_lint.kinds.other_body import _other_signer

    assert _other_signer(own, signed) is other
