"""A table copied with each row's label on one line and its numbers on the next (``规章 |`` over ``0 | 0 | 0 |``):
the tool cannot tell the numbers' rows, so it says it could not read the table (DL001) — it neither drops the
numbers nor blames the report for a table with missing columns (DL110) or no numbers at all (DL209)."""

from __future__ import annotations

from .conftest import lint

_TEXT = """\
某某县交通运输局
2021年政府信息公开工作年度报告
一、总体情况
2021年，本局认真贯彻《中华人民共和国政府信息公开条例》，主动公开政府信息。
二、主动公开政府信息情况
第二十条第(一)项 | |||
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
规章 |
0 | 0 | 0 |
行政规范性文件 |
0 | 0 | 0 |
第二十条第(五)项 | |||
信息内容 |
本年处理决定数量 | ||
行政许可 |
114 | ||
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |
申请人情况 | ||||||||
自然人 |
法人或其他组织 |
总计 | |||||||
商业 企业 |
科研 机构 |
社会公益组织 |
法律服务机构 |
其他 | |||||
一、本年新收政府信息公开申请数量 |
1 | 0 | 0 | 0 | 0 | 0 | 1 | ||
二、上年结转政府信息公开申请数量 |
0 | 0 | 0 | 0 | 0 | 0 | 0 | ||
三、本年度办理结果 |
(一)予以公开 |
1 | 0 | 0 | 0 | 0 | 0
"""


def test_numbers_on_the_line_below_their_labels_are_said_unread_not_missing():
    found = lint(_TEXT, fmt="text", select=["DL001", "DL110", "DL209", "DL202"])
    assert [d.code for d in found] == ["DL001", "DL001"]
    assert "表二中的" in found[0].message and "数值所在的行和列" in found[0].message
    assert "表三中的" in found[1].message
