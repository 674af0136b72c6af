"""The 2019 trial format's table 二: 上一年项目数量 + 本年增/减 cannot be negative (DL211, a warning), and a 本年增/减
written in words (减少2) is a clerk's −2 — a warning saying how to write it (DL205), read as −2 — not an unreadable
number (it was a DL205 error).

The report is tests/fixtures/reports/clean-2019.md: a correct 2019-format report written for these tests (tables
and prose agree)."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.report import interpret
from disclosure_lint.report.stats.model import worded_change

from .conftest import lint, parse

CLEAN = (Path(__file__).resolve().parent / "fixtures" / "reports" / "clean-2019.md").read_text(encoding="utf-8")
FEES = "| 行政事业性收费 | 2 | -1 |"


def with_fees(cells: str) -> str:
    assert FEES in CLEAN
    return CLEAN.replace(FEES, f"| 行政事业性收费 | {cells} |")


def found(text: str) -> list[tuple[str, str, str]]:
    return [(d.code, d.severity, d.message) for d in lint(text)]


def test_the_correct_2019_report_passes():
    assert found(CLEAN) == []


def test_more_items_removed_than_there_were():
    """Before: nothing (2 − 3 = −1 items this year passed)."""
    (d,) = lint(with_fees("2 | -3"))
    assert (d.code, d.severity) == ("DL211", "warning")
    assert "表二“行政事业性收费”上一年项目数量2加本年增/减-3得-1" in d.message and "应不小于0" in d.message
    assert d.evidence["expected"] == "≥0" and d.evidence["actual"] == -1
    assert [c["column_label"] for c in d.evidence["cells"]] == ["上一年项目数量", "本年增/减"]


@pytest.mark.parametrize("cells", ["2 | -2", "0 | 0", "2 | 5", " | -2", "/ | -2"])
def test_a_possible_stock_is_not_reported(cells):
    assert found(with_fees(cells)) == []


def test_a_negative_previous_count_is_only_the_cell_values():
    assert [c for c, _, _ in found(with_fees("-2 | 1"))] == ["DL205"]


def test_a_change_written_in_words_is_a_warning_read_as_its_number():
    """Before: DL205 error “减少2”不是数字."""
    [(code, severity, message)] = found(with_fees("4 | 减少2"))
    assert (code, severity) == ("DL205", "warning")
    assert "“减少2”是用文字写的增减数：减少用负值表示，应写为“-2”（已按-2核对）" in message


def test_a_change_in_words_counts_in_the_stock():
    got = found(with_fees("2 | 减少 3 项"))
    assert [(c, s) for c, s, _ in got] == [("DL205", "warning"), ("DL211", "warning")]
    assert "本年增/减“减少 3 项”（即-3）得-1" in got[1][2]


def test_an_increase_in_words():
    [(code, severity, message)] = found(with_fees("2 | 增加1"))
    assert (code, severity) == ("DL205", "warning") and "应写为“1”" in message


def test_no_change_in_words():
    """未增未减 (a real page's every 本年增/减 cell): no change, 0 — said how to write it, not an unreadable cell."""
    [(code, severity, message)] = found(with_fees("2 | 未增未减"))
    assert (code, severity) == ("DL205", "warning") and "“未增未减”是用文字写的增减数，应写为“0”（已按0核对）" in message


def test_no_change_in_words_in_a_crawled_table():
    """The real page: table 二 one cell per line, 未增未减 in the 本年增/减 column of every row; it was taken for a
    column's label and the whole table left unplaced (DL001)."""
    s2 = ("二、主动公开政府信息情况\n第二十条第(五)项 |\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n"
          "行政许可 |\n3 |\n未增未减 |\n12 |\n其他对外管理服务事项 |\n0 |\n未增未减 |\n0 |\n")
    text = "某某县某某局2019年政府信息公开工作年度报告\n" + s2
    assert not [d for d in lint(text, fmt="text", year=2019) if d.code == "DL001"]
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.get("licensing", "decisions").value.arithmetic == 12


@pytest.mark.parametrize("cells", ["2 | 若干", "2 | 减少若干"])
def test_other_text_is_still_no_number(cells):
    [(code, severity, message)] = found(with_fees(cells))
    assert (code, severity) == ("DL205", "error") and "不是数字" in message


def test_words_in_a_count_column_are_still_no_number():
    text = CLEAN.replace("| 行政处罚 | 154 | 3 | 1257 |", "| 行政处罚 | 154 | 3 | 减少2 |")
    [(code, severity, message)] = found(text)
    assert (code, severity) == ("DL205", "error") and "不是数字" in message


@pytest.mark.parametrize(("raw", "number"), [("减少2", -2), ("减2", -2), ("减 2 项", -2), ("净减4个", -4), ("增加3", 3),
                                             ("新增1", 1), ("增１", 1), ("减少", None), ("减少2.5", None), ("-2", None),
                                             ("减少2减少2", None), ("2", None), ("未增未减", 0), ("无 增减", 0),
                                             ("持平", 0), ("未增", None)])
def test_worded_change(raw, number):
    assert worded_change(raw) == number


def test_column_labels_without_their_last_word_are_read():
    """A real district bureau's table 二 heads its columns 本年新制作 / 本年新公开 / 对外公开总数 (and 上一年项目数):
    before, DL001 said the tool could not read two of its columns."""
    short = (CLEAN.replace("本年新制作数量", "本年新制作").replace("本年新公开数量", "本年新公开")
             .replace("对外公开总数量", "对外公开总数").replace("上一年项目数量", "上一年项目数"))
    assert short != CLEAN
    assert found(short) == []
    assert [c for c, _, _ in found(short.replace(FEES, "| 行政事业性收费 | 2 | -3 |"))] == ["DL211"]
