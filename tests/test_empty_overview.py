"""DL114 empty-overview-section: 一、总体情况 with nothing under it (the empty-section kind on s1).

A real-shaped, correct report whose 一 heading has no text before 二 passed with "未发现问题"; 总体情况 is required
content (《条例》第五十条; the 2021 format: the parts 不能遗漏).  Kept quiet: text on the heading's own line (a
flattened crawl), text under sub-headings （一）主动公开 …, a file cut off at 一 (DL002), and an empty 六."""

from __future__ import annotations

from .conftest import codes, lint

T2 = "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |"
T3 = "| 申请人情况 | 自然人 |\n|---|---|\n| 一、本年新收政府信息公开申请数量 | 3 |"
T4 = "| 行政复议 | 结果维持 |\n|---|---|\n| 总计 | 0 |"
OVERVIEW = "2023年，本局认真贯彻落实《条例》，全年主动公开政府信息132条，办理政府信息公开申请24件。"


def report(s1: str, *, head: str = "## 一、总体情况", s6: str = "本年度未收取信息处理费。") -> str:
    parts = [
        "# 青禾市某某局2023年政府信息公开工作年度报告", "",
        "本报告根据《条例》和2021年格式的要求编制。本报告中所列数据统计期限为2023年1月1日至12月31日。", "",
        head, "", s1, "",
        "## 二、主动公开政府信息情况", "", T2, "",
        "## 三、收到和处理政府信息公开申请情况", "", T3, "",
        "## 四、政府信息公开行政复议、行政诉讼情况", "", T4, "",
        "## 五、存在的主要问题及改进情况", "", "一是政策解读形式较为单一。下一步将丰富解读形式，按季度检查目录。", "",
        "## 六、其他需要报告的事项", "", s6, "",
        "青禾市某某局", "", "2024年1月20日", "",
    ]
    return "\n".join(parts)


def dl114(text: str, fmt: str = "markdown"):
    return [d for d in lint(text, fmt=fmt) if d.code == "DL114"]


def test_empty_overview_is_an_error_at_its_heading():
    d = dl114(report(""))
    assert len(d) == 1 and d[0].severity == "error" and d[0].line == 5
    assert "“一、总体情况”内容为空" in d[0].message and "第五十条" in d[0].message


def test_overview_saying_none_or_too_short():
    assert "只写了“无”" in dl114(report("无。"))[0].message
    assert "内容过短" in dl114(report("工作正常。"))[0].message


def test_overview_with_text_or_sub_headings_passes():
    assert dl114(report(OVERVIEW)) == []
    subs = "（一）主动公开\n\n全年主动公开政府信息132条。\n\n（二）依申请公开\n\n全年办理申请24件。"
    assert dl114(report(subs)) == []


def test_overview_text_on_the_heading_line_passes():
    # a crawl that lost the line break after the title: the text is on the heading's own line
    assert dl114(report("", head=f"一、总体情况 {OVERVIEW}")) == []
    assert dl114(report("", head="一、总体情况 本局高度重视政务公开工作")) == []
    # and "无" there is still "无"
    assert "只写了“无”" in dl114(report("", head="一、总体情况 无"))[0].message


def test_cut_at_the_overview_is_not_an_empty_overview():
    text = "某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n"
    assert codes(lint(text, fmt="text", year=2023)) == ["DL002"]


def test_an_empty_part_six_is_still_not_checked():
    assert [d for d in lint(report(OVERVIEW, s6="")) if d.code in ("DL104", "DL114")] == []


def test_part_five_text_on_its_heading_line_counts_for_dl104_too():
    text = report(OVERVIEW).replace("## 五、存在的主要问题及改进情况\n\n", "五、存在的主要问题及改进情况 ")
    assert [d for d in lint(text) if d.code == "DL104"] == []


def test_an_empty_problems_part_of_a_report_before_2019_cites_the_regulation_then_in_force():
    # a report of 2017 answers to the 《条例》 of 2007 (第三十二条第（五）项), not to 第五十条 of the revision
    text = ("某某县某某局2017年政府信息公开工作年度报告\n一、概述\n2017年，本局认真贯彻《条例》，全年主动公开政府信息120条。\n"
            "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本局无其他需要报告的事项。\n某某县某某局\n2018年3月1日\n")
    [d] = lint(text, fmt="text", select=["DL104"])
    assert "2019年修订前的《条例》第三十二条第（五）项" in d.message and "第五十条" not in d.message
    later = text.replace("2017", "2023").replace("2018年3月1日", "2024年1月20日")
    [d] = lint(later, fmt="text", select=["DL104"])
    assert "《条例》第五十条第（四）项" in d.message
