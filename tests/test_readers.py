"""Readers keep exact positions for blocks, table rows and cells."""

from __future__ import annotations

from disclosure_lint.limits import Limits
from disclosure_lint.readers import markdown as md
from disclosure_lint.readers import text as txt
from disclosure_lint.textio import decode

MD = """# 标题

## 一、总体情况

第一段第一行，
  第一段第二行。

- 列表项目，内容
- 第二项

| 项目 | 自然人 | 总计 |
|---|---|---|
| 一、本年新收 | 3 | 3 |
|二、上年结转|0| 0 |

<!-- 注释 -->

> 引用的段落
"""


def test_markdown_blocks_and_positions():
    doc = md.parse(MD)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "heading", "paragraph", "list_item", "list_item", "table", "comment", "paragraph"]
    h = doc.blocks[1]
    assert h.text == "一、总体情况" and h.level == 2 and (h.line, h.column) == (3, 4)
    p = doc.blocks[2]
    assert p.text == "第一段第一行，\n第一段第二行。"
    loc = p.locate(p.text.index("第二行"))
    assert (loc.line, loc.column) == (6, 6)
    li = doc.blocks[3]
    assert li.text == "列表项目，内容" and (li.line, li.column) == (8, 3)
    q = doc.blocks[-1]
    assert q.text == "引用的段落" and (q.line, q.column) == (18, 3)


def test_markdown_table_cells():
    doc = md.parse(MD)
    t = doc.blocks[5]
    rows = t.table.rows
    assert [r.texts for r in rows] == [["项目", "自然人", "总计"], ["一、本年新收", "3", "3"], ["二、上年结转", "0", "0"]]
    assert rows[0].header and not rows[1].header
    c = rows[2].cells[2]
    assert (c.line, c.column, c.end_column) == (14, 12, 13) and (c.row, c.col) == (2, 2)
    # the table block's text locates inside any cell
    off = t.text.index("上年结转")
    loc = t.locate(off)
    assert (loc.line, loc.column) == (14, 4)


def test_markdown_crlf_positions():
    doc = md.parse("# 标题\r\n\r\n正文,内容\r\n")
    p = doc.blocks[1]
    assert p.text == "正文,内容" and (p.line, p.column) == (3, 1)


TXT = """青石街道2023年政府信息公开工作年度报告
发布日期：2024-01-20

　　一、总体情况
　　（一）主动公开
本机关全年主动公开政府信息。
项目\t数量\t备注
规章\t0\t无
规范性文件\t2\t无
1.加强培训。
"""


def test_text_blocks_headings_tables():
    doc = txt.parse(TXT)
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [("paragraph", None), ("paragraph", None), ("heading", 1), ("heading", 2), ("paragraph", None),
                     ("table", None), ("paragraph", None)]
    h = doc.blocks[2]
    assert h.text == "一、总体情况" and (h.line, h.column) == (4, 3)
    t = doc.blocks[5]
    assert [r.texts for r in t.table.rows] == [["项目", "数量", "备注"], ["规章", "0", "无"], ["规范性文件", "2", "无"]]
    cell = t.table.rows[2].cells[1]
    assert (cell.line, cell.column) == (9, 7)


def test_text_space_and_pipe_tables():
    doc = txt.parse("项目   数量\n规章   0\n\n| 项目 | 数量 |\n| 规章 | 0 |\n")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 2
    assert [r.texts for r in tables[0].table.rows] == [["项目", "数量"], ["规章", "0"]]
    assert [r.texts for r in tables[1].table.rows] == [["项目", "数量"], ["规章", "0"]]
    assert tables[1].table.rows[1].cells[1].column == 8


def test_a_rows_closing_pipe_on_a_line_of_its_own_stays_in_the_table():
    # a page's copy pushed each row's last pipe onto the next line: the table goes on past it
    doc = txt.parse("二、主动公开政府信息情况\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0\n|\n"
                    "行政规范性文件 | 2 | 0 | 15\n|\n第二十条第(五)项 | |||\n本年处理决定数量 | ||\n行政许可 | 7 | ||\n")
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert [r.texts[0] for r in table.table.rows] == ["信息内容", "规章", "行政规范性文件", "第二十条第(五)项",
                                                     "本年处理决定数量", "行政许可"]
    assert table.table.rows[2].texts == ["行政规范性文件", "2", "0", "15"] and table.table.rows[2].line == 5
    assert [b.kind for b in doc.blocks] == ["heading", "table"]


def test_pipe_rows_whose_empty_cells_are_lone_pipes_are_a_flattened_table():
    # a row written one cell a line after its label (一、本年新收… | 25 | / | / | / | 25 |): the lone pipes are its empty
    # cells, not closing pipes — the lines are left to the flattened-table reader, not read as a grid of one row
    doc = txt.parse("自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
                    "一、本年新收政府信息公开申请数量 | 25 |\n|\n|\n|\n|\n| 25 |\n")
    assert "table" not in [b.kind for b in doc.blocks] and len(doc.blocks) == 8


def test_long_numbered_sentence_is_not_a_heading():
    doc = txt.parse("一、本机关认真贯彻落实条例要求，全年主动公开政府信息一百二十条，没有发生泄密事件。\n")
    assert doc.blocks[0].kind == "paragraph"


def test_decode_encodings():
    s = "政府信息公开工作年度报告"
    assert decode(s.encode("utf-8")) == (s, "utf-8")
    assert decode(s.encode("gb18030")) == (s, "gb18030")
    assert decode(s.encode("gbk")) == (s, "gb18030")
    assert decode(b"\xef\xbb\xbf" + s.encode()) == (s, "utf-8-sig")
    assert decode("\ufeff".encode("utf-16-le") + s.encode("utf-16-le"))[0] == s


def _cells(block):
    return [[(c.text, c.line, c.column, c.end_column) for c in r.cells] for r in block.table.rows]


def test_text_tab_table_each_tab_is_one_cell_boundary():
    # an empty cell between two tabs keeps the numbers right of it in their columns
    doc = txt.parse("项目\t维持\t纠正\t其他\n数量\t1\t\t2\n")
    (t,) = doc.blocks
    assert [r.texts for r in t.table.rows] == [["项目", "维持", "纠正", "其他"], ["数量", "1", "", "2"]]
    assert _cells(t)[1] == [("数量", 2, 1, 3), ("1", 2, 4, 5), ("", 2, 6, 6), ("2", 2, 7, 8)]
    # the block text joins the cells with one tab each and locates into every cell
    assert t.text.split("\n")[1] == "数量\t1\t\t2"
    assert t.locate(t.text.index("2", t.text.index("数量"))).column == 7


def test_text_tab_table_leading_and_trailing_tabs_are_empty_cells():
    # merged cells left empty at the start of a row (a copy from a spreadsheet), an empty last cell;
    # spaces around a row are indentation, not cells
    doc = txt.parse("　　项目\t\t自然人\t总计\n\t（三）不予公开\t1\t\n  \t\t合计\t1\t1  \n")
    (t,) = doc.blocks
    assert _cells(t) == [
        [("项目", 1, 3, 5), ("", 1, 6, 6), ("自然人", 1, 7, 10), ("总计", 1, 11, 13)],
        [("", 2, 1, 1), ("（三）不予公开", 2, 2, 9), ("1", 2, 10, 11), ("", 2, 12, 12)],
        [("", 3, 3, 3), ("", 3, 4, 4), ("合计", 3, 5, 7), ("1", 3, 8, 9), ("1", 3, 10, 11)],
    ]
    assert doc.space_separated_tables == ()


def test_text_tab_indented_paragraphs_are_not_a_table():
    doc = txt.parse("\t本机关认真贯彻落实条例。\n\t全年主动公开政府信息一百二十条。\n项目\t数量\n规章\t0\n")
    assert [(b.kind, b.text) for b in doc.blocks][:2] == [("paragraph", "本机关认真贯彻落实条例。"),
                                                          ("paragraph", "全年主动公开政府信息一百二十条。")]
    assert doc.blocks[0].column == 2
    assert doc.blocks[2].kind == "table" and [r.texts for r in doc.blocks[2].table.rows] == [["项目", "数量"],
                                                                                             ["规章", "0"]]


def test_text_space_separated_tables_are_listed():
    # a run of spaces is one boundary however wide: such a table cannot show an empty cell
    doc = txt.parse("标题\n项目    维持    纠正\n数量    1        2\n\n| 项目 | 数量 |\n| 规章 | 0 |\n")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "table", "table"]
    assert doc.space_separated_tables == (1,)
    assert [r.texts for r in doc.blocks[1].table.rows] == [["项目", "维持", "纠正"], ["数量", "1", "2"]]
    assert _cells(doc.blocks[1])[1][2] == ("2", 3, 16, 17)
    assert txt.parse("项目\t数量\n规章\t0\n").space_separated_tables == ()


# -- raw-HTML tables in Markdown: table blocks through the HTML reader's table helper ---------------------------

def test_markdown_raw_html_table_is_a_table_block():
    text = ("# 标题\n\n段落\n\n  <table>\n  <tr><td rowspan=2>甲</td><td>乙&nbsp;丙</td></tr>\n"
            "<tr><td>商业<br>企业</td></tr>\n</table>\n\n后面\n")
    doc = md.parse(text)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "table", "paragraph"]
    t = doc.blocks[2]
    assert (t.line, t.column) == (5, 3)  # the <table> tag
    assert [[c.text for c in r.cells] for r in t.table.rows] == [["甲", "乙 丙"], ["甲", "商业企业"]]
    lines = text.split("\n")
    for cell in t.table.cells():  # every cell at its text in the source
        assert lines[cell.line - 1][cell.column - 1:].startswith(cell.text[:1])
    assert t.text == "甲\t乙 丙\n甲\t商业企业"


def test_markdown_raw_html_block_with_text_besides_its_table_keeps_the_text():
    doc = md.parse("<div>说明文字<table><tr><td>甲</td><td>1</td></tr></table></div>\n")
    assert [b.kind for b in doc.blocks] == ["html", "table"]
    assert doc.blocks[1].table.rows[0].texts == ["甲", "1"]


def test_markdown_raw_html_tables_share_the_cell_limit():
    rows = "".join(f"<tr><td>{i}</td><td>{i}</td></tr>" for i in range(60))
    doc = md.parse(f"<table>{rows}</table>\n", limits=Limits(max_table_cells=100))
    assert len(doc.blocks[0].table.rows) == 50
    assert [n.limit for n in doc.notices] == ["max_table_cells"]


# -- pictures standing alone: image blocks -------------------------------------------------------------------

def test_markdown_picture_alone_is_an_image_block():
    doc = md.parse("# 标题\n\n![表二](t2.png)\n\n![a](1.png) ![b](2.png)\n\n<img src=\"t3.png\" alt=\"表三\">\n\n"
                   "正文![图](x.png)\n")
    assert [b.kind for b in doc.blocks] == ["heading", "image", "image", "image", "paragraph"]
    assert doc.blocks[1].text == "![表二](t2.png)" and (doc.blocks[1].line, doc.blocks[1].column) == (3, 1)


def test_text_picture_line_is_an_image_block():
    doc = txt.parse("标题\n![表二](t2.png)\n正文。\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "image", "paragraph"]
