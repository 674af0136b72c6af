"""Table 二 cells under a header merged over several value cells (rt-clean #6) and "/" or "—" in cells that
have no column (rt-clean #11).

The 2021 template prints 本年处理决定数量 and 本年收费金额 as one header cell merged over the three value
columns of the 第二十条第（一）项 block, with three separate value cells below: a clerk types the number into
any of them.  Read as the reader of the page reads it: the one number under the merged header is the
value, wherever it sits; "/" or "—" in the cells beside it (or in a cell with no column at all, 2019's
行政事业性收费 and 政府集中采购 rows in a four-column grid) only fill the grid.  Two different numbers under
one header cannot be told apart: DL001, never a guess and never "missing row" (DL110)."""

from __future__ import annotations

import io

import docx
import pytest

from disclosure_lint.readers import docx as docx_reader
from disclosure_lint.report import interpret

from .conftest import NO_SHARED, SHARED, lint, parse

EXAMPLE = (__import__("pathlib").Path(__file__).parent.parent / "examples" / "clean-2023.md").read_text("utf-8")
# the example's table 二 as one four-column grid, as the 2021 template prints it
GRID = """| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 3 | 1 | 12 |
| 第二十条第（五）项 | | | |
| 信息内容 | {h} | {h2} | {h2} |
| 行政许可 | {lic} |
| 第二十条第（六）项 | | | |
| 信息内容 | 本年处理决定数量 | {h2b} | {h2b} |
| 行政处罚 | {pen} |
| 行政强制 | {coe} |
| 第二十条第（八）项 | | | |
| 信息内容 | 本年收费金额（单位：万元） | {h2c} | {h2c} |
| 行政事业性收费 | {fee} |
"""
S2_START = EXAMPLE.index("第二十条第（一）项\n\n| 信息内容")
S2_END = EXAMPLE.index("## 三、收到和处理政府信息公开申请情况")


def example_with(repeat: bool, lic="4862 | / | /", pen="1257 | / | /", coe="86 | / | /", fee="0 | / | /") -> str:
    """The example with its table 二 as one grid; ``repeat``: the merged headers repeated over their cells
    (an export), else written once with the cells right of them empty (how a clerk types the merge)."""
    grid = GRID.format(h="本年处理决定数量", h2="本年处理决定数量" if repeat else "",
                       h2b="本年处理决定数量" if repeat else "", h2c="本年收费金额（单位：万元）" if repeat else "",
                       lic=lic, pen=pen, coe=coe, fee=fee)
    return EXAMPLE[:S2_START] + grid + "\n" + EXAMPLE[S2_END:]


def s2(text: str, fmt: str = "markdown"):
    return interpret(parse(text, fmt)).stats["s2"]


@pytest.mark.parametrize("repeat", [True, False])
@pytest.mark.parametrize("cells", [("4862", "", ""), ("", "4862", ""), ("", "", "4862"), ("4862", "/", "/"),
                                   ("/", "4862", "/"), ("—", "—", "4862")])
def test_the_one_number_under_a_merged_header_is_its_value(repeat, cells):
    text = example_with(repeat, lic=" | ".join(cells))
    t = s2(text)
    c = t.get("licensing", "decisions")
    assert c is not None and c.raw == "4862" and c.cell.col == 1 + cells.index("4862")
    assert not t.loose and not [u for u in t.unmapped if u.what == "col" and u.label]
    assert [d.code for d in lint(text, year=2023) if d.code != "DL701"] == []


def test_the_value_is_checked_against_the_prose():
    """The cell is read, so the prose check works on it: the example's prose says 行政处罚决定1257件."""
    text = example_with(False, pen=" | 1258 | ")
    ds = [d for d in lint(text, year=2023) if d.code != "DL701"]
    assert [d.code for d in ds] == ["DL239"]
    assert "1258" in ds[0].message and "1257" in ds[0].message


def test_two_different_numbers_under_one_header_are_not_guessed():
    text = example_with(True, lic="4862 | 12 |")
    t = s2(text)
    assert t.get("licensing", "decisions") is None
    assert [(c.row, c.raw) for c in t.loose] == [("licensing", "4862"), ("licensing", "12")]
    ds = [d for d in lint(text, year=2023) if d.code != "DL701"]
    assert [d.code for d in ds] == ["DL001"]  # the tool's reading problem, no DL110 "缺少行政许可"
    line = next(i for i, x in enumerate(text.split("\n"), 1) if x.startswith("| 行政许可"))
    assert (ds[0].line, ds[0].column) == (line, len("| 行政许可 | ") + 1)
    assert "“行政许可”行中2个数值" in ds[0].message


def test_placeholders_in_cells_without_a_column_2019():
    """2019's 行政事业性收费 (two columns) and 政府集中采购 (two columns) rows in a four-column grid."""
    text = """# 江州市某某局2019年政府信息公开工作年度报告

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 2 | 2 | 15 |
| 第二十条第（五）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政许可 | 9 | -1 | 634 |
| 其他对外管理服务事项 | 5 | 0 | 218 |
| 第二十条第（六）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政处罚 | 12 | 2 | 86 |
| 行政强制 | 3 | 0 | 9 |
| 第二十条第（八）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | |
| 行政事业性收费 | 1 | -1 | — |
| 第二十条第（九）项 | | | |
| 信息内容 | 采购项目数量 | 采购总金额 | |
| 政府集中采购 | 23 | 1582.6 | —— |

全年作出行政处罚决定86件。
"""
    t = s2(text)
    assert not t.unmapped and not t.loose
    assert t.get("fees", "change").raw == "-1" and t.get("procurement", "procurement_amount").raw == "1582.6"
    assert [d.code for d in lint(text, select=["DL0", "DL1", "DL2"], year=2019)] == []
    wrong = text.replace("| 行政处罚 | 12 | 2 | 86 |", "| 行政处罚 | 12 | 2 | 87 |")
    assert [d.code for d in lint(wrong, select=["DL0", "DL1", "DL2"], year=2019)] == ["DL239"]


# -- Word: a header cell merged with gridSpan over three value cells --------------------------------------------

def _docx(values: dict[str, tuple[str, str, str]]) -> bytes:
    """The example as a Word file whose table 二 is one grid, its headers merged the template's way."""
    d = docx.Document()
    d.add_paragraph("江北市青溪区市场监督管理局2023年政府信息公开工作年度报告")
    d.add_paragraph("二、主动公开政府信息情况")
    t = d.add_table(rows=0, cols=4)

    def row(*texts, merge_from: int | None = None):
        cells = t.add_row().cells
        for c, x in zip(cells, texts):
            c.text = x
        if merge_from is not None:
            cells[merge_from].merge(cells[3])
            cells[merge_from].text = texts[merge_from]

    row("第二十条第（一）项", merge_from=0)
    row("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
    row("规章", "0", "0", "0")
    row("行政规范性文件", "3", "1", "12")
    for title, head, names in (("第二十条第（五）项", "本年处理决定数量", ("行政许可",)),
                               ("第二十条第（六）项", "本年处理决定数量", ("行政处罚", "行政强制")),
                               ("第二十条第（八）项", "本年收费金额（单位：万元）", ("行政事业性收费",))):
        row(title, merge_from=0)
        row("信息内容", head, merge_from=1)
        for n in names:
            row(n, *values[n])
    d.add_paragraph("全年作出行政处罚决定1257件。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("k", [0, 1, 2])
def test_docx_grid_span_value_in_any_cell(k):
    def at(v: str) -> tuple[str, str, str]:
        cells = ["", "", ""]
        cells[k] = v
        return tuple(cells)  # type: ignore[return-value]

    data = _docx({"行政许可": at("4862"), "行政处罚": at("1257"), "行政强制": at("86"), "行政事业性收费": at("0")})
    rep = interpret(docx_reader.read("t.docx", data))
    t = rep.stats["s2"]
    got = {r: t.get(r, c).raw for r, c in (("licensing", "decisions"), ("penalty", "decisions"),
                                            ("coercion", "decisions"), ("fees", "amount"))}
    assert got == {"licensing": "4862", "penalty": "1257", "coercion": "86", "fees": "0"}
    assert not t.loose and not t.unmapped
    assert t.get("penalty", "decisions").cell.col == 1 + k


TEMPLATE = SHARED / "corpus" / "docx" / "blank-template-2021.docx"


@pytest.mark.skipif(not TEMPLATE.exists(), reason=NO_SHARED)
def test_corpus_template_filled_like_a_clerk():
    """The real blank 2021 template (its value cells under 本年处理决定数量 merged too, some holding 　),
    its table 二 filled by typing into the cells."""
    d = docx.Document(str(TEMPLATE))
    t2 = d.tables[0]
    values = {2: ["0", "0", "0"], 3: ["3", "1", "12"], 6: ["4862"], 9: ["1257"], 10: ["86"], 13: ["0"]}
    for r, xs in values.items():
        seen, cells = [], []
        for c in t2.rows[r].cells[1:]:
            if c._tc not in seen:
                seen.append(c._tc)
                cells.append(c)
        for c, x in zip(cells, xs):
            p = c.paragraphs[0]
            (p.runs[-1] if p.runs else p.add_run("")).text += x
    buf = io.BytesIO()
    d.save(buf)
    t = interpret(docx_reader.read("template.docx", buf.getvalue())).stats["s2"]
    assert {r: t.get(r, c).value.number for r, c in (("licensing", "decisions"), ("penalty", "decisions"),
                                                      ("coercion", "decisions"), ("fees", "amount"))} == {
        "licensing": 4862, "penalty": 1257, "coercion": 86, "fees": 0}
    assert not t.loose and not [u for u in t.unmapped if u.what == "col"]


# -- DL109 names the same clue labels in the same order in every format (rt-numbers #15) ----------------------

TABLE_2019 = """| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 3 | 3 | 12 |
| 第二十条第（五）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政许可 | 9 | -1 | 4862 |
| 其他对外管理服务事项 | 5 | 0 | 218 |
| 第二十条第（六）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政处罚 | 12 | 2 | 1257 |
| 行政强制 | 3 | 0 | 86 |
| 第二十条第（八）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | |
| 行政事业性收费 | 1 | -1 | |
| 第二十条第（九）项 | | | |
| 信息内容 | 采购项目数量 | 采购总金额 | |
| 政府集中采购 | 23 | 1582.6 | |
"""


@pytest.mark.parametrize("ext", [".txt", ".html", ".docx", ".pdf"])
def test_format_version_clues_in_the_same_order_in_every_format(tmp_path, ext):
    from disclosure_lint.api import Checker

    from . import render

    md = EXAMPLE[:S2_START] + TABLE_2019 + "\n" + EXAMPLE[S2_END:]
    checker = Checker()

    def dl109(suffix: str) -> list[str]:
        path = tmp_path / f"r{suffix}"
        path.write_bytes(render.render(md, suffix))
        return [d.message for d in checker.check_file(str(path)).diagnostics if d.code == "DL109"]

    base = dl109(".md")
    assert len(base) == 1 and "（“本年新制作数量”“本年新公开数量”“对外公开总数量”“上一年项目数量”“本年增/减”" in base[0]
    assert dl109(ext) == base


@pytest.mark.parametrize("raw", ["4862", "4 862", "4\u2009862", "4\u202f862", "4,862", "\u30004862\u3000"])
def test_thousands_separated_by_spaces_in_a_cell(raw):
    """``4 862`` (a space, a thin space or a narrow no-break space between the thousands) is 4862."""
    text = example_with(True, lic=f"{raw} | / | /")
    assert s2(text).get("licensing", "decisions").value.number == 4862
    assert [d.code for d in lint(text, year=2023) if d.code != "DL701"] == []
