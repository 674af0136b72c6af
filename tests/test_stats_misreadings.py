"""Tables read wrong by the tool, not wrong in the report (a red team's correct reports, round 18): a 序号 column, a
bare 其他, a transposed table, a cell's unit and sign.  Each fixture is the project's clean example with one table
laid out another way; the report stays correct, so a finding on it is the tool's."""

from __future__ import annotations

from pathlib import Path

from disclosure_lint.model import Cell, Row
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.stats.grid import drop_index_column
from disclosure_lint.report.stats.schema import schema

from .conftest import lint, parse
from .test_stats_export import md_report, md_t2, md_t3

CLEAN = (Path(__file__).parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")


def _report(text: str, fmt: str = "markdown"):
    return interpret(parse(text, fmt), Overrides())


def _s3_lines(text: str) -> tuple[list[str], int, int]:
    """The lines of ``text`` and where its table 三 starts and ends (Markdown)."""
    lines = text.split("\n")
    start = next(i for i, x in enumerate(lines) if x.startswith("|") and "（本列数据的勾稽关系" in x)
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    return lines, start, end


# -- a 序号 column before the row labels ------------------------------------------------------------------

def with_index_column(text: str, head: str = "序号", first: int = 1) -> str:
    """Table 三 of ``text`` with a first column numbering its data rows from ``first`` (``head`` over it)."""
    lines, start, end = _s3_lines(text)
    out = lines[:start] + [f"| {head} " + lines[start], "|---" + lines[start + 1]]
    out += [f"| {first + k} " + x for k, x in enumerate(lines[start + 2:end])]
    return "\n".join(out + lines[end:])


def test_index_column_numbers_equal_to_the_index_are_values():
    # 二、上年结转 (row 2) has 2 from 自然人 and （二）部分公开 (row 4) has 4: the numbers equal to their row's 序号
    # were read as a merged label repeated across the row and dropped: a DL201 error on a correct table
    text = with_index_column(CLEAN)
    assert "| 2 | 二、上年结转政府信息公开申请数量 | | | 2 |" in text
    diags = lint(text)
    assert [d.code for d in diags] == []
    st = _report(text).stats["s3"]
    assert st.get("carried_over", "natural_person").raw == "2"
    assert st.get("result.partial", "natural_person").raw == "4"
    assert st.unmapped == []


def test_index_column_in_text_tab_separated():
    lines, start, end = _s3_lines(with_index_column(CLEAN))
    tab = ["\t".join(c.strip() for c in x.strip().strip("|").split("|")) for x in lines[start:end] if "---" not in x]
    text = "\n".join(x.lstrip("# ") for x in lines[:start] + tab + lines[end:] if not x.startswith("|---"))
    assert [d.code for d in lint(text, fmt="text") if d.code.startswith("DL2")] == []
    assert _report(text, "text").stats["s3"].get("carried_over", "natural_person").raw == "2"


def test_index_column_without_its_header_word():
    # no 序号 above it (a table continued from a page before, whose header was there): the numbers count up by one
    text = with_index_column(CLEAN, head="").replace("| 序号 |", "| |")
    assert [d.code for d in lint(text)] == []
    st = _report(text).stats["s3"]
    assert (st.get("carried_over", "natural_person").raw, st.get("result.partial", "natural_person").raw) == ("2", "4")


def test_index_column_of_table_two():
    text = CLEAN.replace(
        "| 信息内容 | 本年处理决定数量 |\n|---|---:|\n| 行政处罚 | 1257 |\n| 行政强制 | 86 |",
        "| 序号 | 信息内容 | 本年处理决定数量 |\n|---|---|---:|\n| 1 | 行政处罚 | 1257 |\n| 2 | 行政强制 | 86 |")
    assert "| 1 | 行政处罚 | 1257 |" in text
    assert [d.code for d in lint(text)] == []  # was DL110: 表二 lacked its rows (the header read one column off)
    st = _report(text).stats["s2"]
    assert (st.get("penalty", "decisions").raw, st.get("coercion", "decisions").raw) == ("1257", "86")


def _row(*texts: str) -> Row:
    return Row(cells=tuple(Cell(text=t, row=0, col=i) for i, t in enumerate(texts)))


def test_numbers_that_are_not_an_index_are_kept():
    # guard: numbers before labels that do not count up by one, or fewer than three, without 序号 above them
    assert drop_index_column([_row("1", "规章", "0"), _row("2", "行政规范性文件", "3")]) is None
    assert drop_index_column([_row("1", "甲", "0"), _row("2", "乙", "3"), _row("5", "丙", "3")]) is None
    # a row of numbers alone (table 四) is not an index column, however they count
    assert drop_index_column([_row("1", "2", "3"), _row("2", "3", "4"), _row("3", "4", "5")]) is None
    # the template's tables as written have none
    for b in _report(CLEAN).blocks:
        if b.kind == "table" and b.table is not None:
            assert drop_index_column(list(b.table.rows)) is None
    got = drop_index_column([_row("序号", "信息内容", "本年制发件数"), _row("1", "规章", "1")])
    assert got is not None and [r.cells[0].text for r in got] == ["", ""]
    assert [c.text for c in got[1].cells[1:]] == ["规章", "1"]


def test_a_merged_label_repeated_across_the_row_is_still_dropped():
    # guard: a group row whose merged label an export repeated into every cell is not read as values
    lines, start, end = _s3_lines(CLEAN)
    k = next(i for i in range(start, end) if "（三）不予公开 | 1.属于国家秘密" in lines[i])
    lines.insert(k, "| 三、本年度办理结果 | （三）不予公开 | （三）不予公开 | （三）不予公开 | （三）不予公开 | （三）不予公开 "
                    "| （三）不予公开 | （三）不予公开 | （三）不予公开 | （三）不予公开 |")
    text = "\n".join(lines)
    assert [d.code for d in lint(text)] == []
    assert _report(text).stats["s3"].unmapped == []


# -- a bare 其他 is not the 2021 row （六）3.其他 ------------------------------------------------------------

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def transposed_s3(version: str) -> str:
    """Table 三 turned on its side: a row per applicant column, a column per row of the template."""
    sch = schema("s3", version)
    rows = sch.data_rows()
    out = ["| 申请人情况 | " + " | ".join(r.label for r in rows) + " |", "|---" * (len(rows) + 1) + "|"]
    for k, who in enumerate(APPLICANTS):
        out.append(f"| {who} | " + " | ".join(str((k + i) % 3) for i in range(len(rows))) + " |")
    return "\n".join(out)


def test_a_bare_other_in_a_transposed_table_is_not_the_2021_row():
    # the applicant 其他 (a row of a transposed table) was read as （六）3.其他: a 2019-format table called 2021 —
    # an error on a table DL001 said it could not read
    diags = lint(md_report(2020, s3=transposed_s3("2019")), select=["DL109", "DL001"])
    assert [d.code for d in diags] == ["DL001"]
    assert "表三" in diags[0].message


def test_numbered_other_under_other_processing_still_tells_2021():
    # guard: the 2021 rows of （六）其他处理 in a 2020 report are still a DL109 error
    (d,) = lint(md_report(2020, s2=md_t2("2019"), s3=md_t3("2021")), select=["DL109"])
    assert d.severity == "error" and "1.申请人无正当理由逾期不补正" in d.message and "人工核对" not in d.message
    # and 其他 without its number, under （六）其他处理, is still its third row
    text = md_report(2023).replace("| 3.其他 |", "| 其他 |")
    assert "| 其他 |" in text
    st = _report(text).stats["s3"]
    assert st.detected_version == "2021" and st.get("result.other.other", "total") is not None
    assert [d.code for d in lint(text, select=["DL001", "DL109", "DL110"])] == []


def test_format_version_of_a_table_not_read_in_full_is_a_warning():
    # a 2019 表二 in a 2023 report with a row the tool cannot read: the version is told from what was read
    diags = lint(md_report(2023, s2=md_t2("2019", extra_rows=["某某专项事项"])), select=["DL109", "DL001"])
    assert sorted(d.code for d in diags) == ["DL001", "DL109"]
    d = next(d for d in diags if d.code == "DL109")
    assert d.severity == "warning"
    assert d.message.endswith("（国办公开办函〔2021〕30号）；但工具未能读全该表（见DL001），这一判断依据的是已读出的栏目，请人工核对")
    assert d.evidence["table_unread"] is True
    # guard: read in full, the same table is an error, its message unchanged
    (d,) = lint(md_report(2023, s2=md_t2("2019")), select=["DL109"])
    assert d.severity == "error" and d.message.endswith("（国办公开办函〔2021〕30号）")


# -- tables turned on their side -------------------------------------------------------------------------

RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
S4_VALUES = {"review": [2, 0, 1, 0, 3], "direct": [1, 0, 0, 1, 2], "after_review": [1, 0, 0, 0, 1]}  # CLEAN's


def _s4_lines(text: str) -> tuple[list[str], int, int]:
    lines = text.split("\n")
    start = next(i for i, x in enumerate(lines) if x.startswith("| 行政复议 | 行政复议"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    return lines, start, end


def with_s4(text: str, table: list[str]) -> str:
    lines, start, end = _s4_lines(text)
    return "\n".join(lines[:start] + table + lines[end:])


def s4_by_result(header: list[list[str]], values: dict[str, list[int]] = S4_VALUES, sep: str = "md") -> list[str]:
    """Table 四 with a row per result and a column per block, under ``header`` (its rows of block names)."""
    rows = header + [[r, *(str(values[b][k]) for b in ("review", "direct", "after_review"))]
                     for k, r in enumerate(RESULTS)]
    if sep == "md":
        return ["| " + " | ".join(rows[0]) + " |", "|---" * len(rows[0]) + "|"] + [
            "| " + " | ".join(r) + " |" for r in rows[1:]]
    return [sep.join(r) for r in rows]


ONE_ROW_HEADER = [["结果", "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]]
TWO_ROW_HEADER = [["", "行政复议", "行政诉讼", "行政诉讼"], ["", "", "未经复议直接起诉", "复议后起诉"]]


def _check_s4(text: str, fmt: str = "markdown", values: dict[str, list[int]] = S4_VALUES) -> None:
    st = _report(text, fmt).stats["s4"]
    for b, vals in values.items():
        for r, v in zip(("upheld", "corrected", "other", "pending", "total"), vals):
            assert st.get("cases", f"{b}.{r}").raw == str(v), (b, r)
    assert st.unmapped == [] and st.loose == []


def test_table_four_with_a_row_per_result_is_read():
    # rows 结果维持 … 总计, columns 行政复议 | 行政诉讼（未经复议直接起诉）| 行政诉讼（复议后起诉）: a portrait page's table 四.
    # It was read as one row of fifteen: DL208 on “行政复议·行政复议·总计” (a label not in the file), DL001, and
    # 未经复议直接起诉·结果维持 exported as 行政复议·结果纠正
    text = with_s4(CLEAN, s4_by_result(ONE_ROW_HEADER))
    assert lint(text) == []
    _check_s4(text)


def test_table_four_with_a_row_per_result_under_a_two_row_header():
    text = with_s4(CLEAN, s4_by_result(TWO_ROW_HEADER))
    assert lint(text) == []
    _check_s4(text)


def test_table_four_with_a_row_per_result_in_text():
    for sep in ("\t", "  "):
        lines, start, end = _s4_lines(CLEAN)
        body = [x.lstrip("# ") for x in lines[:start]] + s4_by_result(ONE_ROW_HEADER, sep=sep) + lines[end:]
        text = "\n".join(x for x in body if not x.startswith("|"))  # (tables 二 and 三 left out: not about them)
        _check_s4(text, "text")
        assert [d.code for d in lint(text, fmt="text", select=["DL001", "DL204", "DL208", "DL110"])] == []


def test_table_four_with_a_row_per_result_has_its_sums_checked():
    wrong = {**S4_VALUES, "direct": [1, 0, 0, 1, 3]}
    text = with_s4(CLEAN, s4_by_result(ONE_ROW_HEADER, wrong))
    d = next(d for d in lint(text) if d.code == "DL204")
    assert d.severity == "error" and "未经复议直接起诉" in d.message and "总计为3" in d.message


def test_table_four_not_certainly_by_result_is_not_read_so():
    # guard: the template's layout and the layout with a row per block read as before; a row that is not a result, or
    # a header naming no block, leaves the table to the usual reading
    assert lint(CLEAN) == []
    by_block = ["| 类别 | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", "|---|---|---|---|---|---|---|",
                "| 行政复议 | | 2 | 0 | 1 | 0 | 3 |", "| 行政诉讼 | 未经复议直接起诉 | 1 | 0 | 0 | 1 | 2 |",
                "| 行政诉讼 | 复议后起诉 | 1 | 0 | 0 | 0 | 1 |"]
    text = with_s4(CLEAN, by_block)
    assert lint(text) == []
    _check_s4(text)
    odd = s4_by_result(ONE_ROW_HEADER)
    odd[3] = odd[3].replace("结果纠正", "备注")
    st = _report(with_s4(CLEAN, odd)).stats["s4"]
    assert st.get("cases", "direct.upheld") is None or st.get("cases", "direct.upheld").raw != "1"


def test_table_three_turned_on_its_side_places_no_number():
    # a row per applicant, a column per row of the template: the header names no applicant column, so no number can
    # be put in its place — none is (the 总计 row's numbers went to 自然人, 商业企业 …: result.total,total = 57)
    sch = schema("s3", "2021")
    rows = sch.data_rows()
    table = ["| 申请人情况 | " + " | ".join(r.label for r in rows) + " |", "|---" * (len(rows) + 1) + "|"]
    table += [f"| {who} | " + " | ".join("1" for _ in rows) + " |" for who in APPLICANTS]
    lines, start, end = _s3_lines(CLEAN)
    text = "\n".join(lines[:start] + table + lines[end:])
    st = _report(text).stats["s3"]
    assert st.cells == {}
    assert [d.code for d in lint(text) if d.code.startswith(("DL0", "DL1", "DL2"))] == ["DL001"]


# -- units and signs in table 二 ------------------------------------------------------------------------

FEE_ROW = "| 行政事业性收费 | 0 |"


def test_an_amount_in_yuan_under_a_column_in_wan_yuan_is_a_warning():
    assert FEE_ROW in CLEAN
    text = CLEAN.replace(FEE_ROW, "| 行政事业性收费 | 123500元 |")
    (d,) = lint(text)
    assert (d.code, d.severity) == ("DL205", "warning")
    assert d.message == ("表二“行政事业性收费”行“本年收费金额（单位：万元）”列填写的“123500元”，单位是元，与本栏的单位万元不同"
                         "（换算为万元应填12.35）")
    assert d.evidence["expected"] == "12.35" and d.evidence["actual_unit"] == "元"


def test_amounts_in_the_column_unit_or_without_one_are_quiet():
    # guard: the unit of the column, a number alone, and 2019's 采购总金额 (whose column names no unit)
    for cell in ("12.35", "12.35万元", "0"):
        assert lint(CLEAN.replace(FEE_ROW, f"| 行政事业性收费 | {cell} |")) == []
    values = {("procurement", "procurement_amount"): "251000元", ("procurement", "procurement_count"): "3"}
    assert [d for d in lint(md_report(2020, s2=md_t2("2019", values=values))) if d.code == "DL205"] == []


def test_full_width_plus_is_a_sign():
    # ＋2 (full-width plus) in 2019's 本年增/减 was "不是数字", an error, while ＋'s neighbours １０ and +2 were read
    from disclosure_lint.report.stats.model import parse_value

    for raw, number in (("＋2", 2), ("+2", 2), ("－3", -3), ("-3", -3), ("１０", 10), ("﹢5", 5)):
        v = parse_value(raw)
        assert (v.kind, v.number) == ("int", number), raw
    assert parse_value("＋").kind == "text" and parse_value("－").kind == "dash"  # a sign alone is no number
    values = {("penalty", "change"): "＋2", ("coercion", "change"): "－1"}
    diags = lint(md_report(2020, s2=md_t2("2019", values=values)))
    assert [d for d in diags if d.code == "DL205"] == []
    st = _report(md_report(2020, s2=md_t2("2019", values=values))).stats["s2"]
    assert st.get("penalty", "change").value.number == 2 and st.get("coercion", "change").value.number == -1
