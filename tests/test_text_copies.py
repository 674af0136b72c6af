"""Reports copied as text from a PDF (``pdftotext -layout``, as an evaluator copying from a viewer gets them): the
table cells' words wrap around their numbers and header cells print in pieces. Where the tool cannot place a label
or a number it says so (DL001), and compares nothing that depends on it — never a report defect made of its own
reading: no DL110 "missing column", no DL231 text-vs-table, no DL204 arithmetic on a guess.

The fixtures (tests/fixtures/copies/) are pdftotext -layout copies of LibreOffice exports of this project's clean
example (examples/clean-2023.md rendered to .docx by tests/render.py): a correct report."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from disclosure_lint.cli import app

COPIES = Path(__file__).parent / "fixtures" / "copies"
runner = CliRunner()


def _findings(name: str) -> list[dict]:
    res = runner.invoke(app, ["check", "-f", "json", "--no-cache", "--isolated", str(COPIES / name)])
    return json.loads(res.stdout)["files"][0]["diagnostics"]


def test_a_label_wrapped_around_its_numbers_is_not_compared_with_the_prose():
    """Table 三's 1.本机关不掌握相 / 9 2 0 0 1 0 12 / 关政府信息: the label halves are read as labels of their own,
    the numbers land in the wrong rows; the prose's 无法提供15件 is not compared with that (DL231 before)."""
    found = _findings("lo-export-layout.txt")
    codes = [d["code"] for d in found]
    assert not {"DL230", "DL231", "DL232", "DL204", "DL210"} & set(codes), codes
    s3 = [d for d in found if d["code"] == "DL001" and d["evidence"]["table"] == "s3"]
    assert s3 and "供" in s3[0]["evidence"]["rows"]


def test_a_header_label_present_but_not_placed_is_not_a_missing_column():
    """Table 四's header in pieces (结果维 / 持 on two lines): 其他结果 and 尚未审结 were read, not placed. Not DL110
    "表四缺少…列" (an error, before), but DL001 naming them."""
    found = _findings("lo-export-split-header-layout.txt")
    codes = [d["code"] for d in found]
    assert "DL110" not in codes and "DL204" not in codes, codes
    s4 = [d for d in found if d["code"] == "DL001" and d["evidence"]["table"] == "s4"]
    assert s4 and {"其他结果", "尚未审结"} <= set(s4[0]["evidence"]["cols"])


def test_a_table_shredded_one_piece_per_line_is_there_unread_not_missing():
    """pdftotext without -layout prints a narrow-columned table one piece per line: 一、本年新收政 / 府信息公开申请 /
    数量, each number on a line of its own. Table 三 is there, unreadable: DL001 says so — not DL105 "三中没有统计表"
    (an error blaming the report, before) nor DL107 for a row label 三、（一）予 taken for an extra part."""
    found = _findings("lo-export-plain.txt")
    codes = [d["code"] for d in found]
    assert not [d for d in found if d["severity"] == "error"], [(d["code"], d["message"]) for d in found]
    assert "DL105" not in codes and "DL107" not in codes
    s3 = [d for d in found if d["code"] == "DL001" and d["evidence"]["table"] == "s3"]
    assert s3 and s3[0]["evidence"]["layout"] == "shredded" and "拆成了逐行的碎片" in s3[0]["message"]


def test_a_row_label_cut_with_the_next_rows_label_is_not_a_part():
    from disclosure_lint.report.sections import heading_of

    for line in ("三、本年度 （一）予以公开", "三、（一）予", "三、（二）部分公开"):
        assert heading_of(line, False) is None, line
    assert heading_of("三、收到和处理政府信息公开申请情况", False) is not None
    assert heading_of("七、下一步工作打算 2024年", False) is not None  # an extra part: DL107's to judge


def test_a_rows_numbers_read_into_its_label_are_not_a_slip_of_the_label():
    """已获取信 1 1 0: a wrapped label and its row's numbers in one cell of a PDF's text, not DL904's 错漏字."""
    from disclosure_lint.report.stats.label_typos import _slip

    forms = ("5.要求行政机关确认或重新出具已获取信息",)
    assert _slip("5.要求行政机关确认或重新出具已获取信 1 1 0", forms) is None
    assert _slip("5.要求行政机关确认或重新出具以获取信息", forms) is not None  # a real slip still is one


def test_a_header_note_over_two_lines_before_its_table_pairs_its_brackets():
    """（本列数据的勾稽关系为：…等于第三项加 (a paragraph) / 第四项之和） (the table's first cell): one pair, not DL703."""
    from .conftest import lint

    text = ("三、收到和处理政府信息公开申请情况\n\n"
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加  自然 商业 科研\n"
            "第四项之和）\t人\t企业\t机构\n一、本年新收政府信息公开申请数量\t3\t0\t0\n二、上年结转政府信息公开申请数量\t0\t0\t0\n")
    assert "DL703" not in [d.code for d in lint(text, fmt="text", select=["DL703"])]
    # an opening mark in prose still does not close in a later cell of a table
    other = text.replace("第四项之和）\t人", "第四项之和\t人").replace("0\t0\n二", "0）\t0\n二")
    found = lint(other, fmt="text", select=["DL703"])
    assert [(d.code, d.line) for d in found] == [("DL703", 3)] and "“（”在本段中没有对应的“）”" in found[0].message


def test_a_table_rows_cut_label_and_numbers_are_not_an_enumeration():
    """pdftotext -layout: 3.补   2   0   0 … after 8.属于行政查询事项's row — a row of table 三, not a list item going
    back from 8. to 3. (DL902); a list in prose that does go back still is one."""
    from .conftest import lint

    found = _findings("lo-export-cjk-layout.txt")  # (LibreOffice with a CJK font: its columns narrower)
    assert "DL902" not in [d["code"] for d in found], [d["message"] for d in found if d["code"] == "DL902"]
    prose = "一是完善制度。二是加强管理。二是强化培训。\n"
    assert [d.code for d in lint(prose, fmt="text", select=["DL902"])] == ["DL902"]


def test_marks_spread_over_the_pieces_of_an_unread_tables_cells_are_the_tables_reading():
    """The note （本列数据的勾 / 稽关系为：第一 / … / 加第四项之和） wrapped in its narrow cell, 本年收费金额（单位：万 / 元）:
    the tool could not read these tables (DL001) and the brackets in their pieces are not DL703's to judge."""
    found = _findings("lo-export-cjk-layout.txt")
    assert [d["code"] for d in found if d["code"] in ("DL703", "DL902")] == []
    assert not [d for d in found if d["severity"] == "error"]
    assert {d["evidence"]["table"] for d in found if d["code"] == "DL001"} == {"s2", "s3"}


def test_a_blank_cell_of_a_table_with_numbers_it_could_not_place_is_not_taken_for_0():
    """pdftotext -layout of Chrome's print of a portal page (the generator's clean 2020 report): 5.要求行政机关确认或重新出
    / 具已获取信息 wrapped around its numbers, which the tool could not place (DL001). Its 总计 read blank is not 0:
    the prose's 不予处理4件 is not compared with a sum that leaves that row's 3 out (DL231 before)."""
    found = _findings("chrome-print-layout.txt")
    assert "DL231" not in [d["code"] for d in found]
    assert any(d["code"] == "DL001" and d["evidence"]["table"] == "s3" and d["evidence"]["loose_values"] for d in found)


def test_a_shredded_tables_cut_labels_are_not_an_enumeration():
    """pdftotext without -layout: table 三's group labels cut to 三、 （一）予 / （二）部 / （七）总 47 7, one per line.
    The tool could not read the table (DL001) and these are its pieces, not a list of the prose skipping from （二）
    to （七） (DL902 "序号跳号", a warning blaming the report, before); a list in the prose after it still is one."""
    from .conftest import lint

    found = _findings("lo-export-plain.txt")
    assert "DL902" not in [d["code"] for d in found], [d["message"] for d in found if d["code"] == "DL902"]
    text = (COPIES / "lo-export-plain.txt").read_text(encoding="utf-8")
    part4 = "四、政府信息公开行政复议、行政诉讼情况"
    assert text.count(part4) == 1
    prose = ("（一）本年度申请主要涉及企业登记档案和抽检结果，共计31件。\n\n"
             "（三）申请人通过网上平台提交的申请占全部申请的八成以上。\n\n")
    found = lint(text.replace(part4, prose + part4), fmt="text", select=["DL902"])
    assert [(d.code, d.evidence["actual"], d.evidence["expected"]) for d in found] == [("DL902", "（三）", "（二）")]
