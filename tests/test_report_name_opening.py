"""DL115 on the report's name where the opening announces it (现公布…报告, 编制了…报告), besides the title."""

from __future__ import annotations

import pytest

from .conftest import lint

BODY = "\n一、总体情况\n2025年，本镇主动公开政府信息52条。\n"


@pytest.mark.parametrize(("opening", "name", "difference"), [
    ("现向社会公布某某镇2025年政府信息公开年度报告。", "政府信息公开年度报告", "少了“工作”"),
    ("特向社会公布某某乡人民政府2025年度信息公开工作报告。", "信息公开工作报告", "少了“政府”"),
    ("编制了某某镇政府(机关)2025年度政府信息公开工作年报。", "政府信息公开工作年报", "“年报”应写作“年度报告”"),
    ("现将某某镇2025年政府信息公开工作情况报告向社会公开。", "政府信息公开工作情况报告", "“情况”应为“年度”"),
    # the body's 政府 before a note on its name is the name's 政府 (某某镇政府(机关)信息公开…)
    ("现公布2025年度某某镇政府(机关)信息公开年度报告。", "政府信息公开年度报告", "少了“工作”"),
    # 公开 left out before 年度报告 (政府信息年度报告, 政府信息工作年度报告)
    ("特编制2025年度政府信息年度报告。", "政府信息年度报告", "少了“公开工作”"),
    ("现将某某街道办事处2025年度政府信息工作年度报告予以公开。", "政府信息工作年度报告", "少了“公开”"),
    # 报告 a noun before 公开如下 (not the verb of 报告如下)
    ("现将我乡2025年政府信息公开工作报告公开如下。", "政府信息公开工作报告", "少了“年度”"),
])
def test_a_wrong_name_in_the_openings_announcement(opening, name, difference):
    found = lint(opening + BODY, ["DL115"], "text")
    assert len(found) == 1, found
    d = found[0]
    assert d.message.startswith(f"正文中的报告名称“{name}”") and difference in d.message
    assert d.evidence["actual"] == name and d.evidence["expected"] == "政府信息公开工作年度报告"


@pytest.mark.parametrize("opening", [
    "现公布某某镇2025年政府信息公开工作年度报告。",  # the 条例's name
    "现公布某某镇2025年度政府信息公开工作报告。",  # 年度 after the year
    "现将本镇2025年度政府信息公开工作情况报告如下。",  # 报告 a verb
    "编制2025年政府信息报送工作情况报告。",  # no 年度报告 after 政府信息: another document
    "根据《某某县关于做好2025年政府信息公开年度报告编制工作的通知》要求编制本报告。",  # a cited notice
    "本年度发布2024年政府信息公开年度报告1条。",  # another year's report
])
def test_no_finding_for_the_right_name_or_other_documents(opening):
    assert lint(opening + BODY, ["DL115"], "text") == []


def test_a_name_the_title_already_has_is_said_once():
    text = "某某镇2025年政府信息公开年度报告\n现向社会公布某某镇2025年政府信息公开年度报告。" + BODY
    found = lint(text, ["DL115"], "text")
    assert [d.message[:8] for d in found] == ["标题中的报告名称"]


def test_the_bodys_account_of_its_work_on_the_report_names_it():
    text = "现将我乡2025年政府信息公开年度报告编制和公布工作有关情况报告如下。" + BODY
    assert [d.evidence["actual"] for d in lint(text, ["DL115"], "text")] == ["政府信息公开年度报告"]
    # a notice named without title marks is another document
    text = "按照市政务公开办关于做好2025年政府信息公开年度报告编制发布工作的通知要求，编制本报告。" + BODY
    assert lint(text, ["DL115"], "text") == []


def test_the_announcement_is_looked_for_in_the_openings_first_characters():
    # a page flattened into one block: the announcement opens it; a megabyte of text after it is not searched
    head = "现向社会公布某某镇2025年政府信息公开年度报告。"
    assert len(lint(head + "现向社会公开2025年度政府信息公开" * 60000 + BODY, ["DL115"], "text")) == 1
    assert lint("本镇认真贯彻《条例》。" * 400 + head + BODY, ["DL115"], "text") == []
