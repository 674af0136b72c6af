"""Table 三 whose column labels wrapped onto a line of their own (a page's cell 商业企业 printed 商业 / 企业): the
labels are joined again, the numbers placed, the checks run — not a DL001 about labels 企业 and 机构."""

from __future__ import annotations

import pytest

from disclosure_lint.report import interpret

from .conftest import lint, parse

_HEAD = """\
某某镇人民政府2023年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 |
企业 | 机构 |
"""

# the rows as a page copied as text writes them: empty cells kept between bars
_ROWS = """\
一、本年新收政府信息公开申请数量 | 3 | 1 | | | | | {total} |
二、上年结转政府信息公开申请数量 | | | | | | | 0 |
三、本年度办理结果 | (一)予以公开 | 3 | 1 | | | | | 4 |
"""


def _s3(text: str):
    return interpret(parse(text, "text")).stats["s3"]


def test_the_wrapped_labels_are_joined_and_the_numbers_placed():
    t = _s3(_HEAD + _ROWS.format(total=4))
    assert t.get("new", "natural_person").raw == "3"
    assert t.get("new", "commercial").raw == "1"  # 商业企业, from 商业 over 企业
    assert t.get("new", "total").raw == "4"
    found = lint(_HEAD + _ROWS.format(total=4), fmt="text", year=2023, select=["DL001", "DL202"])
    assert found == []


def test_the_checks_run_on_the_table():
    found = lint(_HEAD + _ROWS.format(total=5), fmt="text", year=2023, select=["DL001", "DL202"])
    assert [d.code for d in found] == ["DL202"]  # 3 + 1 is not 5: the table's own total is checked


@pytest.mark.parametrize("tail", [
    "企业 | 5 |",  # a number on the line: a data row, not the rest of labels
    "商业银行 |",  # a text that makes no label with the one above it
])
def test_a_line_that_is_not_the_rest_of_labels_is_not_taken_as_a_header(tail):
    # the labels 商业, 科研 stay unread: the tool says it could not read the table (DL001), and checks nothing
    text = _HEAD.replace("企业 | 机构 |", tail) + _ROWS.format(total=5)
    found = lint(text, fmt="text", year=2023, select=["DL001", "DL202"])
    assert [d.code for d in found] == ["DL001"]
