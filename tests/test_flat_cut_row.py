"""A 2019-format table 二 copied one cell per line whose file ends inside its last row's number
(``政府集中采购`` / ``3`` / ``13000000(预算``): the row is cut by the end of the file (DL002 says so), its first cell is
read — not a DL001 about a number whose column could not be told."""

from __future__ import annotations

from disclosure_lint.report import interpret

from .conftest import lint, parse

_TABLE = """\
某某省某某厅2019年政府信息公开工作年度报告
一、总体情况
2019年，本厅认真贯彻《中华人民共和国政府信息公开条例》，主动公开政府信息。
二、主动公开政府信息情况
第二十条第(一)项
信息内容
本年新制作数量
本年新公开数量
对外公开总数量
规章
0
0
0
规范性文件
5
5
40
第二十条第(五)项
信息内容
上一年项目数量
本年增/减
处理决定数量
行政许可
12
0
300
其他对外管理服务事项
3
0
20
第二十条第(九)项
信息内容
采购项目数量
采购总金额
政府集中采购
"""


def test_a_file_cut_inside_the_last_rows_number_is_a_cut_not_an_unread_table():
    text = _TABLE + "3\n13000000(预算"
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.cut_row == "procurement" and t.get("procurement", "procurement_count").raw == "3"
    assert t.loose == []
    found = lint(text, fmt="text", select=["DL001", "DL002", "DL110"])
    assert [d.code for d in found] == ["DL002"]


def test_a_short_row_before_the_end_is_still_reported():
    # the same row short of a number in the middle of the file: which cell was left out cannot be told
    text = _TABLE + "3\n三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n"
    found = lint(text, fmt="text", select=["DL001"])
    assert [d.code for d in found] == ["DL001"]


def test_the_2019_format_is_pointed_at_its_column_label_not_at_a_number():
    # a 2021 report copying the 2019 table 二 one cell a line, its column labels printed on two lines each
    text = (_TABLE.replace("2019年", "2021年").replace("本年新制作数量", "本年新\n制作数量")
            .replace("本年新公开数量", "本年新\n公开数量") + "3\n50\n")
    found = lint(text, fmt="text", select=["DL109"])
    assert [d.code for d in found] == ["DL109"]
    lines = text.split("\n")
    assert lines[found[0].line - 1] == "本年新"  # the first 2019 label (本年新制作数量), where it starts
    assert "“本年新制作数量”" in found[0].message


def test_a_row_label_with_a_local_fill_in_note_is_a_cell_not_prose():
    # a province's template notes each row's meaning in brackets: a line longer than a cell usually is
    note = "（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”“规范”等字样的公文，一般情况下属于规范性文件）"
    text = (_TABLE.split("规范性文件\n")[0] + "规范性文件" + note + "\n34\n4\n47\n"
            + "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n12\n0\n300\n")
    t = interpret(parse(text, "text")).stats["s2"]
    assert [t.get("normative_docs", c).raw for c in ("new_made", "new_published", "total_published")] == ["34", "4", "47"]


def test_a_row_label_followed_by_its_definition_in_the_same_cell():
    # 规章:地方行政规章指…。 — the label's cell holds the term's definition, one cell a line
    text = (_TABLE.replace("规章\n", "规章:地方行政规章指省、自治区、直辖市的人民政府根据法律和行政法规制定的规章。\n")
            .replace("规范性文件\n", "规范性文件:是指各级人民政府及其工作部门在法定职权范围内依照法定程序制定的行政规范。\n")
            + "3\n50\n")
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.get("rules", "new_made").raw == "0" and t.get("normative_docs", "total_published").raw == "40"
    # a sentence of the report's prose that starts with the word is not a cell
    prose = "规章:本年度未制定规章。\n"
    assert interpret(parse(_TABLE.split("二、")[0] + prose, "text")).stats.get("s2") is None


_BLANK_LINES = """\
某某镇2021年政府信息公开工作年度报告

一、总体情况

2021年，本镇主动公开政府信息。

二、主动公开政府信息情况

第二十条第(一)项

信息内容

本年制发件数

本年废止件数

现行有效件数

规章




行政规范性文件



3

"""


def test_a_short_row_followed_by_the_next_label_is_not_the_cut():
    # one cell a paragraph, blank cells lost: the row's 3 has no column. The file goes on past the row (the next
    # caption begun), so the row was whole, not cut: the tool says it could not place the number
    found = lint(_BLANK_LINES + "第二十", fmt="text", select=["DL001", "DL002"])
    assert [d.code for d in found] == ["DL001", "DL002"]
    assert "“行政规范性文件”行中1个数值所在的列" in found[0].message
    # the file ends on the row's number (or right inside the next row's label's cell): the cut's, said by DL002 only
    found = lint(_BLANK_LINES, fmt="text", select=["DL001", "DL002"])
    assert [d.code for d in found] == ["DL002"]


def test_the_2019_total_column_written_without_its_total():
    # 对外公开数量 for 对外公开总数量 (a real city bureau's table): the column is read, nothing left unplaced
    text = _TABLE.replace("对外公开总数量", "对外公开数量") + "3\n50\n"
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.get("normative_docs", "total_published").raw == "40" and t.loose == []
    assert not lint(text, fmt="text", select=["DL001"])


def test_a_row_of_another_kind_of_action_is_said_to_be_the_reports_own():
    """A row the report added to table 二 (行政检查, 行政确认 under 其他对外管理服务事项, as a real 2020 report did) is
    named as not the format's, not only as a label the tool could not read."""
    extra = "其他对外管理服务事项\n3\n0\n20\n行政检查\n0\n0\n0\n行政确认\n1\n0\n1\n"
    text = _TABLE.replace("其他对外管理服务事项\n3\n0\n20\n", extra) + "3\n130\n"
    found = [d for d in lint(text, fmt="text", select=["DL001"]) if d.code == "DL001"]
    assert len(found) == 1, found
    assert "“行政检查”“行政确认”不是统一格式表二的行，疑为报告自行增加" in found[0].message
    assert found[0].evidence["added_rows"] == ["行政检查", "行政确认"]
