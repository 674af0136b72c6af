"""A row whose numbers sit in the wrong columns (rt-numbers #11): two numbers swapped, or the row typed one
column to the right or left.  When that is the only way to make every broken identity of the table hold,
DL210 reports the row once, saying how to put it back; otherwise the identity findings stay, and one that
only one rearrangement explains names it (report/stats/misplaced.py, kinds/statistics.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from disclosure_lint.report import interpret
from disclosure_lint.report.stats.misplaced import rearrangements
from disclosure_lint.report.stats.schema import identities

from .conftest import lint, parse

EXAMPLE = (Path(__file__).parent.parent / "examples" / "clean-2023.md").read_text("utf-8")
RULES = ["DL201", "DL202", "DL203", "DL204", "DL210"]
ROW6 = "| | | 6.属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
ROW7 = "| | | 7.属于行政执法案卷 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |"


def example(*pairs: tuple[str, str]) -> str:
    text = EXAMPLE
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


def line_of(text: str, start: str) -> int:
    return next(i for i, x in enumerate(text.split("\n"), 1) if x.startswith(start))


def diags(text: str):
    return lint(text, select=RULES, year=2023)


def test_row_typed_one_column_right_is_one_finding():
    """``|  | 1 | 0 | 0 | 0 | 0 | 0 |``: 自然人 empty, the 总计 pushed out of the table.  One DL210 on the row
    (not a cell fix that leaves two column totals broken), at its empty first cell."""
    text = example((ROW6, "| | | 6.属于四类过程性信息 |  | 1 | 0 | 0 | 0 | 0 | 0 |"))
    ds = diags(text)
    assert [d.code for d in ds] == ["DL210"]
    d = ds[0]
    assert d.line == line_of(text, "| | | 6.属于四类过程性信息") and d.column == len("| | | 6.属于四类过程性信息 | ")  # the empty cell
    assert "“（三）不予公开 6.属于四类过程性信息”行的数字可能整行右移了一列" in d.message
    assert "它使4项合计关系同时不成立" in d.message and "整行左移一列（自然人1、总计1，其余为0）即全部成立" in d.message
    ev = d.evidence
    assert ev["kind"] == "shift_right" and ev["expected"]["natural_person"] == 1 and ev["expected"]["total"] == 1
    assert sorted(i["identity"] for i in ev["identities"]) == ["I2", "I3", "I3", "I3"]


def test_two_numbers_swapped_is_one_finding_that_names_the_row():
    text = example((ROW7, "| | | 7.属于行政执法案卷 | 1 | 2 | 0 | 0 | 0 | 0 | 3 |"))
    ds = diags(text)
    assert [d.code for d in ds] == ["DL210"]
    d = ds[0]
    assert (d.line, d.column) == (line_of(text, "| | | 7.属于行政执法案卷"), len("| | | 7.属于行政执法案卷 | ") + 1)
    assert "“（三）不予公开 7.属于行政执法案卷”行“自然人”“商业企业”两栏的数字（1、2）可能填反了" in d.message
    assert "两者互换（自然人2、商业企业1）即全部成立" in d.message
    assert d.evidence["row"] == "result.not_open.enforcement_file" and d.evidence["kind"] == "swap"


def test_a_single_wrong_cell_is_still_a_cell():
    text = example((ROW7, "| | | 7.属于行政执法案卷 | 2 | 2 | 0 | 0 | 0 | 0 | 3 |"))
    ds = diags(text)
    assert [d.code for d in ds] == ["DL210"]
    assert "“商业企业”列的数字2可能有误" in ds[0].message and "改为1即全部成立" in ds[0].message


def test_two_rows_that_could_be_swapped_blame_neither():
    """Two rows with 自然人 one less than 商业企业: either swap fits, so none is named."""
    text = example(
        ("| | | 3.补正后申请内容仍不明确 | 1 | 0 |", "| | | 3.补正后申请内容仍不明确 | 0 | 1 |"),
        ("| | （七）总计 | | 47 | 7 |", "| | （七）总计 | | 46 | 8 |"),
        ("| 一、本年新收政府信息公开申请数量 | | | 48 | 7 |", "| 一、本年新收政府信息公开申请数量 | | | 47 | 8 |"),
    )
    assert diags(text) == []  # still consistent
    ds = diags(text.replace(ROW7, "| | | 7.属于行政执法案卷 | 1 | 2 | 0 | 0 | 0 | 0 | 3 |"))
    assert sorted(d.code for d in ds) == ["DL203", "DL203"]
    assert not any("疑似" in d.message for d in ds)


def test_a_swap_beside_another_error_is_named_in_the_column_findings():
    """Not every broken identity is explained by the swap (the 结转 row's 总计 is wrong too): no move, but the
    two column findings the swap alone explains name the row."""
    text = example((ROW7, "| | | 7.属于行政执法案卷 | 1 | 2 | 0 | 0 | 0 | 0 | 3 |"),
                   ("| 四、结转下年度继续办理 | | | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
                    "| 四、结转下年度继续办理 | | | 3 | 1 | 0 | 0 | 0 | 0 | 5 |"))
    ds = diags(text)
    assert sorted(d.code for d in ds) == ["DL203", "DL203", "DL210"]
    for d in (d for d in ds if d.code == "DL203"):
        assert "疑似“（三）不予公开 7.属于行政执法案卷”行“自然人”“商业企业”两栏的数字（1、2）可能填反了" in d.message
        assert "两者互换（自然人2、商业企业1）后本项成立" in d.message
        assert d.evidence["suspected_row"]["row"] == "result.not_open.enforcement_file"
    blame = next(d for d in ds if d.code == "DL210")
    assert "“四、结转下年度继续办理”行“总计”列的数字5可能有误" in blame.message


def test_table_four_swap_across_blocks():
    """表四: 行政复议·其他结果 1 and 复议后起诉·结果维持 … typed into each other's cell."""
    row = "| 2 | 0 | 1 | 0 | 3 | 1 | 0 | 0 | 1 | 2 | 1 | 0 | 0 | 0 | 1 |"
    assert row in EXAMPLE
    swapped = "| 2 | 0 | 0 | 0 | 3 | 1 | 0 | 0 | 1 | 2 | 1 | 0 | 1 | 0 | 1 |"  # 其他结果 1 moved to 复议后起诉
    ds = diags(example((row, swapped)))
    # review's parts 2 ≠ 3 and after_review's 2 ≠ 1: several cells of the one row could be swapped back
    assert sorted(d.code for d in ds) == ["DL204", "DL204"]


def test_left_shift_and_the_search_itself():
    text = example((ROW6, "| | | 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 1 |  |"))
    t = interpret(parse(text)).stats["s3"]
    idents = identities("s3", "2021")
    found = rearrangements(t, idents, frozenset({("result.not_open.process_info", "total")}))
    assert [(r.row, r.kind, r.fixed) for r in found if r.kind != "swap"] == [
        ("result.not_open.process_info", "shift_left", tuple(Decimal(x) for x in (1, 0, 0, 0, 0, 0, 1)))]
    # the blank total (unknown) of another row closes the rows it shares an identity with
    assert not rearrangements(t, idents, frozenset({("result.not_open.process_info", "total"),
                                                    ("result.open", "total")}))
    ds = diags(text)
    assert [d.code for d in ds] == ["DL210"] and "整行左移了一列（“总计”栏空着" in ds[0].message
    assert "整行右移一列（自然人1、总计1，其余为0）" in ds[0].message
