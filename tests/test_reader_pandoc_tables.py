"""Pandoc's table syntaxes (readers/md_pandoc.py): a Word report turned into Markdown or plain text by pandoc keeps
its statistics tables.

The fixtures are the two examples rendered to .docx and written by pandoc 2.17 with each table syntax
(tests/fixtures/pandoc/make_pandoc_fixtures.py): each gives the example's own findings.  Pandoc's Markdown writer
turns curly quotes into straight ones (its ``smart`` extension puts them back when pandoc reads the file), so
DL701's findings on ``"`` are the conversion's and are left out of the comparison; so are the line numbers that
messages quote (the files' lines differ).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from disclosure_lint.api import Checker
from disclosure_lint.readers import markdown, text
from disclosure_lint.readers.md_pandoc import find_tables

from .conftest import lint

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "pandoc"


def _findings(path: Path) -> Counter:
    result = Checker().check_file(str(path))
    assert result.error is None, result.error
    return Counter((d.code, re.sub(r"第\d+行", "第N行", d.message)) for d in result.diagnostics
                   if not (d.code == "DL701" and "双引号" in d.message))


@pytest.mark.parametrize("example", ["clean-2023", "defective-2023"])
@pytest.mark.parametrize("suffix", ["multiline.md", "grid.md", "simple.md", "plain.txt"])
def test_pandoc_conversions_give_the_examples_findings(example, suffix):
    want = _findings(ROOT / "examples" / f"{example}.md")
    got = _findings(FIX / f"{example}-{suffix}")
    assert got == want
    if example == "defective-2023":
        assert any(code.startswith("DL2") for code, _ in got)  # the arithmetic checks ran on the tables


def _rows(src: str) -> list[list[list[str]]]:
    return [[[c.text for c in r.cells] for r in t.rows] for t in find_tables(src.split("\n"), 50_000)]


def test_multiline_table_cjk_columns_and_joined_rows():
    src = ("\n"
           "  ---------------------------------------\n"
           "  信息内容              本年新\n"
           "                        制发件数\n"
           "  --------------------- -----------------\n"
           "  规章                  0\n"
           "\n"
           "  行政规范性             3\n"
           "  文件\n"
           "  ---------------------------------------\n"
           "\n")
    assert _rows(src) == [[["信息内容", "本年新制发件数"], ["规章", "0"], ["行政规范性文件", "3"]]]
    table = find_tables(src.split("\n"), 50_000)[0]
    assert table.rows[0].header and not table.rows[1].header
    cell = table.rows[2].cells[0]
    assert (cell.line, cell.column) == (8, 3)  # where its first line starts
    assert [(a.offset, a.line, a.column) for a in cell.anchors] == [(0, 8, 3), (5, 9, 3)]


def test_simple_table_right_aligned_figure_stays_in_its_column():
    src = "前文\n\n  项目     数量\n  ------ ------\n  新收     1234\n  结转    56789\n\n后文"
    assert _rows(src) == [[["项目", "数量"], ["新收", "1234"], ["结转", "56789"]]]


def test_grid_table_spans_repeat_the_cell():
    src = ("\n"
           "+------+------+------+\n"
           "| 行政复议    | 诉讼 |\n"
           "+======+======+======+\n"
           "| 维持 | 纠正 | 维持 |\n"
           "+------+------+      +\n"
           "| 1    | 0    | 2    |\n"
           "+------+------+------+\n")
    assert _rows(src) == [[["行政复议", "行政复议", "诉讼"], ["维持", "纠正", "维持2"], ["1", "0", "维持2"]]]
    assert [r.header for r in find_tables(src.split("\n"), 50_000)[0].rows] == [True, False, False]


def test_headerless_tables():
    simple = "\n  ------ ------\n  新收    12\n  结转    3\n  ------ ------\n"
    assert _rows(simple) == [[["新收", "12"], ["结转", "3"]]]
    multi = "\n  ------ ------\n  新收    12\n\n  结转    3\n  ------------\n\n"
    assert _rows(multi) == [[["新收", "12"], ["结转", "3"]]]


@pytest.mark.parametrize("src", [
    "---\ntitle: 某某局年度报告\n---\n\n正文。\n",  # front matter
    "一、总体情况\n------\n\n正文。\n",  # a setext heading
    "正文。\n\n---\n\n正文。\n\n---\n\n结尾。\n",  # thematic breaks
    "正文。\n\n--- ---\n正文第二段。\n\n--- ---\n\n结尾。\n",  # breaks written with a space, a paragraph between
    "+--+\n| 单独一格 |\n+--+\n",  # one column
    "\n  ------ ------\n  **规章**    3\n  ------ ------\n",  # text wider than its column: not pandoc's
])
def test_not_tables(src):
    assert find_tables(src.split("\n"), 50_000) == []


def test_markdown_reader_puts_tables_in_place_and_keeps_lines():
    src = "# 标题\n\n段落一。\n\n  ------ ------\n  项目    数量\n  ------ ------\n\n## 二、主动公开\n\n段落二。\n"
    doc = markdown.parse(src)
    assert [(b.kind, b.line) for b in doc.blocks] == [("heading", 1), ("paragraph", 3), ("table", 6),
                                                      ("heading", 9), ("paragraph", 11)]
    assert [b.index for b in doc.blocks] == list(range(5))
    assert doc.text == src


def test_text_reader_reads_them_too():
    src = "标题\n\n  项目     数量\n  ------ ------\n  新收     1234\n\n正文。\n"
    doc = text.parse(src)
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and [[c.text for c in r.cells] for r in tables[0].table.rows] == \
        [["项目", "数量"], ["新收", "1234"]]


def test_cells_limit_cuts_and_stops_reading():
    border = "+" + "+".join(["--"] * 20) + "+"
    row = "|" + "|".join(["1 "] * 20) + "|"
    src = "\n".join(["", border, *([row, border] * 100), "", "后文。"])
    tables = find_tables(src.split("\n"), 200)
    assert len(tables) == 1 and tables[0].cut and len(tables[0].rows) * 20 <= 200
    doc = markdown.parse(src, limits=markdown.DEFAULT_LIMITS.model_copy(update={"max_table_cells": 200}))
    assert any(n.limit == "max_table_cells" for n in doc.notices)
    assert not any("后文" in b.text for b in doc.blocks)  # nothing after the cut table is read


# -- part titles numbered 1. 2. …: Word's automatic numbering after pandoc, or a clerk's own ------------------------


@pytest.mark.parametrize(("suffix", "problem"), [
    ("multiline.md", "“总体情况”等6个部分标题写成了编号列表的项目"),  # an ordered list: the numbers are the list's
    ("plain.txt", "“1.总体情况”等6个部分标题用了阿拉伯数字序号"),
])
def test_word_numbered_titles_converted_are_the_parts(suffix, problem):
    """The clean example with its part titles numbered by Word (tests/test_docx_numbering.autonumbered) and written
    by pandoc: the parts are found (before: DL103 "未按统一格式编写" and DL110 errors), and DL102 says once that
    their numbering is not the format's 一、 to 六、."""
    want = _findings(ROOT / "examples" / "clean-2023.md")
    got = _findings(FIX / f"numbered-2023-{suffix}")
    extra = got - want
    assert not (want - got)
    assert [code for code, _ in extra] == ["DL102"] and problem in next(iter(extra))[1]


def test_arabic_numbered_part_titles_fix_and_not_sub_items():
    text = ("某某县某某局2023年政府信息公开工作年度报告\n1.总体情况\n本局全年主动公开政府信息120条。\n"
            "1.主动公开\n全年主动公开信息120条。\n2、主动公开政府信息情况\n本年制发规范性文件0件。\n"
            "3. 收到和处理政府信息公开申请情况\n本年新收申请3件。\n4.政府信息公开行政复议、行政诉讼情况\n无。\n"
            "5.存在的主要问题及改进情况\n一是公开内容不够全面，二是解读形式较为单一。\n6.其他需要报告的事项\n无。\n")
    diags = lint(text, select=["DL101", "DL102", "DL103", "DL704"], fmt="text")
    assert [d.code for d in diags] == ["DL102"]  # the parts are there (no DL101, DL103), and DL704 says nothing
    assert "“1.总体情况”等6个部分标题用了阿拉伯数字序号，应依次编为“一、”至“六、”" in diags[0].message
    fix = diags[0].fix
    assert fix is not None and [e.replacement for e in fix.edits] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert [(e.line, e.column, e.end_column) for e in fix.edits][:3] == [(2, 1, 3), (6, 1, 3), (8, 1, 4)]


def test_pandoc_div_fences_are_markup(tmp_path):
    """A portal page written as Markdown by pandoc keeps its <div>s as fenced divs; a closing fence right under the
    落款's date made one paragraph of the two, and the date was no 落款's (DL402, DL405 lost)."""
    src = (ROOT / "examples" / "defective-2023.md").read_text(encoding="utf-8").rstrip("\n")
    page = ("::: article\n" + src + "\n:::\n\n::: footer\n主办单位：某某市人民政府办公室\n\n网站标识码：0000000000\n:::\n")
    path = tmp_path / "page.md"
    path.write_text(page, encoding="utf-8")
    got = _findings(path)
    assert got == _findings(ROOT / "examples" / "defective-2023.md")
    assert any(code == "DL405" for code, _ in got)
    assert markdown.parse(page).text == page  # the document's text is the file's


@pytest.mark.parametrize("marker", ["1. ", "- "])
def test_contents_list_before_the_parts_changes_nothing(tmp_path, marker):
    """A list of the six parts' titles in the introduction (the report's contents) is not taken for the parts."""
    src = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    titles = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
              "存在的主要问题及改进情况", "其他需要报告的事项"]
    toc = "全文包括以下六个部分：\n\n" + "".join(f"{marker}{t}\n" for t in titles) + "\n"
    at = src.index("## 一、")
    path = tmp_path / "toc.md"
    path.write_text(src[:at] + toc + src[at:], encoding="utf-8")
    assert _findings(path) == _findings(ROOT / "examples" / "clean-2023.md")
