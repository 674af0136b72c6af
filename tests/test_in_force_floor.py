"""DL213 in-force-below-new: table 二's 现行有效件数 against 本年制发 − 本年废止 in one report (2021 format), on the
shapes reports take: a portal page's text with the table flattened to one line per cell, the 2019 format (whose
columns mean other things), the 规章 row, a cell written with its unit."""

from __future__ import annotations

import pytest

from .conftest import lint

_MD = """\
# 某某县某某镇人民政府2024年政府信息公开工作年度报告

## 二、主动公开政府信息情况

第二十条第（一）项

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---:|---:|---:|
| 规章 | {rules} |
| 行政规范性文件 | {docs} |
"""


@pytest.mark.parametrize("rules, docs, expected", [
    ("0 | 0 | 0", "7 | 0 | 0", ["行政规范性文件:0:7"]),
    ("0 | 0 | 0", "5 | 1 | 3", ["行政规范性文件:3:4"]),
    ("2 | 0 | 1", "0 | 0 | 0", ["规章:1:2"]),
    ("0 | 0 | 0", "5 | 1 | 4", []),  # exactly the floor: all of last year's stock repealed
    ("0 | 0 | 0", "3 | 1 | 12", []),
    ("0 | 0 | 0", "1 | 6 | 0", []),  # more repealed than made
    ("0 | 0 | 0", "4件 | 0件 | 0件", ["行政规范性文件:0:4"]),  # counts written with their unit are numbers
    ("0 | 0 | 0", "4 | 0 | /", []),  # not a number: DL205 says so
    ("0 | 0 | 0", "4 | — | 0", []),
])
def test_the_floor_of_the_stock(rules, docs, expected):
    found = lint(_MD.format(rules=rules, docs=docs), select=["DL213"])
    got = [f"{d.evidence['row_label']}:{d.evidence['actual']}:{d.evidence['expected'].lstrip('≥')}" for d in found]
    assert got == expected
    for d in found:
        assert d.pointer is not None and d.pointer.endswith("现行有效件数")
        assert d.severity == "warning"
        assert "到期失效" in d.message  # the one case the rule cannot see is named


def test_the_2019_format_is_not_checked():
    """2019's 本年新制作数量 / 本年新公开数量 / 对外公开总数量 are other quantities (DL206 checks them)."""
    text = """\
# 某某县某某镇人民政府2019年政府信息公开工作年度报告

## 二、主动公开政府信息情况

第二十条第（一）项

| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
|---|---:|---:|---:|
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 7 | 7 | 9 |
"""
    assert lint(text, select=["DL213"]) == []


def test_a_flattened_portal_page():
    """A crawl whose table lost its lines: one cell a line, the numbers after their label."""
    text = """\
某某县某某镇人民政府2024年政府信息公开工作年度报告
发布时间：2025-01-20
一、总体情况
2024年，我镇本年制发行政规范性文件6件。
二、主动公开政府信息情况
第二十条第（一）项
信息内容
本年制发件数
本年废止件数
现行有效件数
规章
0
0
0
行政规范性文件
6
0
0
"""
    found = lint(text, fmt="text", select=["DL213"])
    assert [(d.code, d.evidence["actual"], d.evidence["expected"]) for d in found] == [("DL213", 0, "≥6")]
