"""DL105 on a part whose statistics table is published as an attachment (具体情况详见附件1, a linked .xls): the tool
did not read it and says so in a warning, not an error that the part has no table (the format does not say whether
an attachment may stand for the table)."""

from __future__ import annotations

from .conftest import lint

REPORT = """\
# 青禾县交通运输局2023年政府信息公开工作年度报告

## 一、总体情况

2023年，我局全年主动公开政府信息986条，收到政府信息公开申请48件。

## 二、主动公开政府信息情况

{s2}

## 三、收到和处理政府信息公开申请情况

具体情况详见附件2。

## 四、政府信息公开行政复议、行政诉讼情况

本年度未发生政府信息公开行政复议、行政诉讼。

## 五、存在的主要问题及改进情况

一是部分栏目更新不及时。下一步将按月检查栏目。

## 六、其他需要报告的事项

本年度未收取信息处理费。

青禾县交通运输局

2024年1月18日
"""


def test_a_table_said_to_be_an_attachment_is_a_warning_that_says_it_was_not_checked():
    found = lint(REPORT.format(s2="具体情况详见附件1。"), select=["DL105"])
    by_part = {d.evidence["section_id"]: d for d in found}
    assert by_part["s2"].severity == "warning" and by_part["s3"].severity == "warning"
    assert "正文写“详见附件1”" in by_part["s2"].message and "未检查附件中的表格" in by_part["s2"].message
    assert by_part["s2"].evidence["actual"] == "表格以附件发布，未读取"
    # a part with only prose and no word of an attachment: the table is missing (an error, as before)
    assert by_part["s4"].severity == "error" and "附件" not in by_part["s4"].message


def test_a_part_without_its_table_or_an_attachment_is_still_an_error():
    found = lint(REPORT.format(s2="本年度制发规范性文件3件。"), select=["DL105"])
    s2 = next(d for d in found if d.evidence["section_id"] == "s2")
    assert s2.severity == "error" and s2.message.startswith("“二、主动公开政府信息情况”中没有统计表：")


def test_a_text_copys_parts_with_nothing_under_their_titles_are_said_once_as_unread():
    """A page kept as text only (its tables were HTML or pictures): 二、三、四 follow each other with nothing between
    them — most likely lost in the copy: one DL002 says the tables are not in the file and were not checked, no DL105;
    in a Markdown or Word report the same is a missing table, an error."""
    text = ("青禾县某某乡2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我乡全年主动公开政府信息120条。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "五、存在的主要问题及改进情况\n一是栏目更新不及时。\n六、其他需要报告的事项\n本乡未收取信息处理费。\n")
    assert lint(text, fmt="text", select=["DL105"]) == []
    [d] = lint(text, fmt="text", select=["DL002"])
    assert d.severity == "warning" and d.line == 4 and d.evidence["tables"] == ["s2", "s3", "s4"]
    assert d.message.startswith("第二、三、四部分的标题下没有任何内容，表二、表三、表四不在本文件中")
    md = "\n\n".join(("## " + line) if line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") else line
                     for line in text.strip().split("\n"))
    assert [d.severity for d in lint(md, select=["DL105"])] == ["error"] * 3
