"""The Word (.docx) reader: body order, accepted view of tracked changes, merged cells, pointers,
hostile input.

Every document here is built in the test with python-docx (plus raw WordprocessingML where
python-docx has no API: tracked changes, fields, text boxes); nothing is copied from a real report.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint.api import check_paths
from disclosure_lint.errors import InputError
from disclosure_lint.readers import docx as docx_reader
from disclosure_lint.readers import docx_package, read_path
from disclosure_lint.readers import markdown as md_reader
from disclosure_lint.readers.sniff import OLE2
from disclosure_lint.report import interpret

from . import render
from .conftest import NO_SHARED, SHARED

ROOT = Path(__file__).resolve().parents[1]
CLEAN_MD = ROOT / "examples" / "clean-2023.md"
TEMPLATE = SHARED / "corpus" / "docx" / "blank-template-2021.docx"  # CI only

W = nsdecls("w")
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
REV = 'w:author="审核人" w:date="2024-01-10T09:00:00Z"'


# -- builders -----------------------------------------------------------------------------------

def save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def read(data: bytes, path: str = "report.docx"):
    return docx_reader.read(path, data)


def raw_paragraph(document, inner: str, ppr: str = ""):
    """Append a paragraph written as raw WordprocessingML (runs, w:ins, w:del, fields …)."""
    p = parse_xml(f"<w:p {W} {MC}>{ppr}{inner}</w:p>")
    document.element.body.insert(len(document.element.body) - 1, p)  # before w:sectPr
    return p


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(text: str, i: int = 1) -> str:
    return f'<w:ins w:id="{i}" {REV}>{r(text)}</w:ins>'


def dele(text: str, i: int = 2) -> str:
    return f'<w:del w:id="{i}" {REV}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def table_with_merges(document, grid: list[list[str]], merges: list[tuple[int, int, int, int]]):
    """A Word table whose expanded grid is ``grid``; ``merges`` are (r0, c0, r1, c1) rectangles."""
    n_rows, n_cols = len(grid), max(len(row) for row in grid)
    table = document.add_table(rows=n_rows, cols=n_cols)
    covered = set()
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
        covered |= {(i, j) for i in range(r0, r1 + 1) for j in range(c0, c1 + 1)} - {(r0, c0)}
    for i, row in enumerate(grid):
        for j, text in enumerate(row):
            if (i, j) not in covered and text:
                table.cell(i, j).text = text
    return table


# -- a Markdown → Word converter for the examples ---------------------------------------------------

_SEP = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def md_tables_and_paragraphs(md: str):
    """Markdown → [("h", level, text) | ("p", text) | ("t", rows)] for the subset the examples use."""
    out = []
    lines = md.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not _SEP.match(lines[i].strip()):
                    rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            out.append(("t", rows))
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            out.append(("h", len(m.group(1)), m.group(2)))
        elif line and not line.startswith("<!--"):
            out.append(("p", line))
        i += 1
    return out


def md_to_docx(md: str, heading_styles: bool = True) -> bytes:
    """Headings → Word heading styles (or plain paragraphs), paragraphs → paragraphs, GFM tables → tables."""
    document = docx.Document()
    for item in md_tables_and_paragraphs(md):
        if item[0] == "h":
            _, level, text = item
            if heading_styles:
                document.add_heading(text, level=level - 1)  # "#" → Title, "##" → Heading 1 …
            else:
                document.add_paragraph(text)
        elif item[0] == "p":
            document.add_paragraph(item[1])
        else:
            rows = item[1]
            table = document.add_table(rows=len(rows), cols=max(len(r_) for r_ in rows))
            for i, row in enumerate(rows):
                for j, text in enumerate(row):
                    if text:
                        table.cell(i, j).text = text
    return save(document)


# -- table 三 laid out like the official template -------------------------------------------------

S3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
S3_ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def s3_official(md_rows: list[list[str]]):
    """The clean example's table 三 as the official template lays it out: three header rows, the
    勾稽 note merged over 3×3 cells, 申请人情况 over seven columns, 自然人/总计 merged down two rows,
    三、本年度办理结果 merged down 22 rows, （三）…（六） merged down their items, one-part labels
    merged across.  Returns (expanded grid, merge rectangles)."""
    grid = [
        [S3_NOTE] * 3 + ["申请人情况"] * 7,
        [S3_NOTE] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"],
        [S3_NOTE] * 3 + ["自然人"] + S3_ORGS + ["总计"],
    ]
    merges = [(0, 0, 2, 2), (0, 3, 0, 9), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)]
    g0 = g1 = None  # open vertical groups: [text, first row, last row]
    groups = []
    for k, row in enumerate(md_rows[1:]):
        ri = 3 + k
        a, b, c, vals = row[0], row[1], row[2], row[3:]
        if a and not b:  # 一、 二、 四、: one label over three columns
            g0 = g1 = None
            grid.append([a] * 3 + vals)
            merges.append((ri, 0, ri, 2))
            continue
        if a:
            g0 = [a, ri, ri]
            groups.append(g0)
        g0[2] = ri
        if b and not c:  # （一）（二）（七）: one label over two columns
            g1 = None
            grid.append([g0[0], b, b] + vals)
            merges.append((ri, 1, ri, 2))
            continue
        if b:
            g1 = [b, ri, ri]
            groups.append(g1)
        g1[2] = ri
        grid.append([g0[0], g1[0], c] + vals)
    col_of = {}
    for g in groups:
        col_of[id(g)] = 0 if g[0].startswith("三、") else 1
        merges.append((g[1], col_of[id(g)], g[2], col_of[id(g)]))
    return grid, merges


def clean_md() -> str:
    return CLEAN_MD.read_text(encoding="utf-8")


def clean_with_official_s3(heading_styles: bool = False) -> tuple[bytes, list[list[str]]]:
    """The clean example as Word, with table 三 rebuilt with the template's merged cells."""
    items = md_tables_and_paragraphs(clean_md())
    document = docx.Document()
    s3_grid = None
    for item in items:
        if item[0] == "h":
            if heading_styles:
                document.add_heading(item[2], level=item[1] - 1)
            else:
                document.add_paragraph(item[2])
        elif item[0] == "p":
            document.add_paragraph(item[1])
        else:
            rows = item[1]
            if rows[0][0] == S3_NOTE:
                s3_grid, merges = s3_official(rows)
                table_with_merges(document, s3_grid, merges)
            else:
                table = document.add_table(rows=len(rows), cols=max(len(r_) for r_ in rows))
                for i, row in enumerate(rows):
                    for j, text in enumerate(row):
                        if text:
                            table.cell(i, j).text = text
    assert s3_grid is not None
    return save(document), s3_grid


def check_bytes(tmp_path: Path, data: bytes, name: str = "report.docx"):
    p = tmp_path / name
    p.write_bytes(data)
    run = check_paths([str(p)])
    (fr,) = run.files
    assert fr.error is None, fr.error
    return fr


# -- body order, headings, pointers ------------------------------------------------------------------

def test_body_order_paragraphs_and_tables_with_pointers():
    document = docx.Document()
    document.add_paragraph("某某局2023年政府信息公开工作年度报告")
    document.add_paragraph("")  # empty paragraphs are not counted
    document.add_paragraph("一、总体情况")
    t = document.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "项目"
    t.cell(0, 1).text = "数量"
    t.cell(1, 0).text = "规章"
    t.cell(1, 1).text = "0"
    document.add_paragraph("　　正文第一段，首行缩进用全角空格。")
    t2 = document.add_table(rows=1, cols=3)
    t2.cell(0, 2).text = "右"
    doc = read(save(document))
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "table", "paragraph", "table"]
    assert [b.pointer for b in doc.blocks] == ["第1段", "第2段", "表1", "第3段", "表2"]
    assert doc.blocks[3].text == "正文第一段，首行缩进用全角空格。"
    assert all(b.line is None and b.column is None and b.anchors == () for b in doc.blocks)
    assert doc.format == "docx" and doc.has_lines is False and doc.text == "" and doc.encoding is None
    tab = doc.blocks[2].table
    assert [r_.texts for r_ in tab.rows] == [["项目", "数量"], ["规章", "0"]]
    assert tab.rows[1].cells[1].pointer == "表1第2行第2列"
    assert (tab.rows[1].cells[1].row, tab.rows[1].cells[1].col) == (1, 1)
    assert doc.blocks[2].text == "项目\t数量\n规章\t0"
    assert doc.blocks[4].table.rows[0].texts == ["", "", "右"]
    assert doc.meta["paragraphs"] == 3 and doc.meta["tables"] == 2


def test_heading_styles_and_outline_levels():
    document = docx.Document()
    document.add_heading("某某局2023年政府信息公开工作年度报告", level=0)  # Title
    document.add_heading("一、总体情况", level=1)
    document.add_heading("（一）主动公开", level=2)
    document.add_paragraph("正文。")
    raw_paragraph(document, r("大纲级别的标题"), '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>')
    raw_paragraph(document, r("大纲级别为正文"), '<w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr>')
    doc = read(save(document))
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1), ("heading", 1), ("heading", 2), ("paragraph", None), ("heading", 3), ("paragraph", None),
    ]


def test_chinese_style_names_and_based_on(tmp_path):
    """WPS names heading styles 标题 1 with numeric ids; a custom style based on one inherits its level."""
    document = docx.Document()
    styles = document.styles.element
    styles.append(parse_xml(
        f'<w:style {W} w:type="paragraph" w:styleId="5"><w:name w:val="标题 2"/></w:style>'))
    styles.append(parse_xml(
        f'<w:style {W} w:type="paragraph" w:styleId="my"><w:name w:val="我的小标题"/><w:basedOn w:val="5"/></w:style>'))
    styles.append(parse_xml(
        f'<w:style {W} w:type="paragraph" w:styleId="loop"><w:name w:val="循环"/><w:basedOn w:val="loop"/></w:style>'))
    raw_paragraph(document, r("（一）主动公开"), '<w:pPr><w:pStyle w:val="5"/></w:pPr>')
    raw_paragraph(document, r("（二）依申请公开"), '<w:pPr><w:pStyle w:val="my"/></w:pPr>')
    raw_paragraph(document, r("循环样式不会卡住"), '<w:pPr><w:pStyle w:val="loop"/></w:pPr>')
    raw_paragraph(document, r("未定义的样式"), '<w:pPr><w:pStyle w:val="nosuch"/></w:pPr>')
    doc = read(save(document))
    assert [(b.text, b.level) for b in doc.blocks] == [
        ("（一）主动公开", 2), ("（二）依申请公开", 2), ("循环样式不会卡住", None), ("未定义的样式", None)]


def test_automatic_numbering_is_left_as_written():
    """w:numPr numbers are drawn by Word and not in the text: the paragraph keeps its words only."""
    document = docx.Document()
    raw_paragraph(document, r("总体情况"), '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    raw_paragraph(document, r("一、主动公开政府信息情况"),
                  '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    doc = read(save(document))
    assert [b.text for b in doc.blocks] == ["总体情况", "一、主动公开政府信息情况"]
    assert doc.meta["auto_numbered"] == 2


# -- accepted view of tracked changes, fields, special characters ------------------------------------

def test_accepted_view_of_tracked_changes():
    document = docx.Document()
    raw_paragraph(document, r("本年新收申请") + ins("57") + dele("75") + r("件。"))
    raw_paragraph(document, r("移动：") + f'<w:moveFrom w:id="3" {REV}>{r("旧位置")}</w:moveFrom>'
                  + f'<w:moveTo w:id="4" {REV}>{r("新位置")}</w:moveTo>')
    raw_paragraph(document, ins("整段都是插入的。"))
    raw_paragraph(document, dele("整段都被删除。"), f'<w:pPr><w:rPr><w:del w:id="5" {REV}/></w:rPr></w:pPr>')
    # a deleted paragraph mark joins this paragraph with the next one
    raw_paragraph(document, r("上半句"), f'<w:pPr><w:rPr><w:del w:id="6" {REV}/></w:rPr></w:pPr>')
    raw_paragraph(document, r("下半句。"))
    doc = read(save(document))
    assert [b.text for b in doc.blocks] == ["本年新收申请57件。", "移动：新位置", "整段都是插入的。", "上半句下半句。"]
    assert [b.pointer for b in doc.blocks] == ["第1段", "第2段", "第3段", "第4段"]
    assert doc.meta["insertions"] == 2 and doc.meta["deletions"] == 3
    # python-docx's own paragraph.text would have dropped the insertion: the reason we read the XML
    assert "57" not in docx.Document(io.BytesIO(save(document))).paragraphs[0].text


def test_fields_runs_and_special_characters():
    document = docx.Document()
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    raw_paragraph(document, r("第") + field + r("页"))
    raw_paragraph(document, '<w:fldSimple w:instr=" DATE "><w:r><w:t>2024年1月18日</w:t></w:r></w:fldSimple>')
    raw_paragraph(document, '<w:r><w:t>商业</w:t></w:r><w:r><w:t>企业</w:t></w:r>')  # runs join without spaces
    raw_paragraph(document, '<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>丁</w:t></w:r>')
    raw_paragraph(document, '<w:r><w:t>COVID</w:t><w:noBreakHyphen/><w:t>19</w:t><w:softHyphen/></w:r>')
    raw_paragraph(document, '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>已公开</w:t>'
                            '<w:sym w:font="Symbol" w:char="F061"/><w:sym w:font="宋体" w:char="2014"/></w:r>')
    raw_paragraph(document, r("可见") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'
                  + '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r>')
    raw_paragraph(document, '<w:hyperlink r:id="rIdX" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                            'relationships"><w:r><w:t>门户网站</w:t></w:r></w:hyperlink>'
                            '<w:sdt><w:sdtContent><w:r><w:t>内容控件</w:t></w:r></w:sdtContent></w:sdt>'
                            '<w:smartTag><w:r><w:t>智能标记</w:t></w:r></w:smartTag>')
    doc = read(save(document))
    assert [b.text for b in doc.blocks] == [
        "第3页", "2024年1月18日", "商业企业", "甲\t乙\n丙\n丁", "COVID-19", "☑已公开—", "可见也可见",
        "门户网站内容控件智能标记"]
    assert doc.meta["hidden_runs"] == 1


def fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def test_nested_fields_show_only_their_result():
    inner = fld("begin") + '<w:r><w:instrText>MERGEFIELD x</w:instrText></w:r>' + fld("separate") + r("内") + fld("end")
    outer = (fld("begin") + '<w:r><w:instrText>IF </w:instrText></w:r>' + inner + fld("separate")
             + r("结果") + fld("end"))
    document = docx.Document()
    raw_paragraph(document, r("前") + outer + r("后"))
    assert [b.text for b in read(save(document)).blocks] == ["前结果后"]


def test_unterminated_field_does_not_hide_the_rest():
    document = docx.Document()
    raw_paragraph(document, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>坏字段</w:t></w:r>')
    raw_paragraph(document, r("后面的段落照常读取。"))
    doc = read(save(document))
    assert [b.text for b in doc.blocks] == ["后面的段落照常读取。"]


def test_hostile_fields_and_wide_rows_stay_fast():
    document = docx.Document()
    raw_paragraph(document, fld("begin") * 20000)
    for _ in range(2000):
        raw_paragraph(document, fld("begin") + r("字"))
    row = '<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p><w:r><w:t>宽</w:t></w:r></w:p></w:tc>' * 2000
    document.element.body.insert(0, parse_xml(f"<w:tbl {W}>" + f"<w:tr>{row}</w:tr>" * 50 + "</w:tbl>"))
    doc = read(save(document))
    assert all(len(r_.cells) == docx_reader.MAX_GRID_COLS for r_ in doc.blocks[0].table.rows)


def test_text_boxes_follow_their_paragraph_once():
    """A WordprocessingShape text box with its VML fallback is read once, after its anchor paragraph."""
    box = ('<w:txbxContent><w:p><w:r><w:t>文本框里的说明。</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>第二段。</w:t></w:r></w:p></w:txbxContent>')
    drawing = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor '
               f'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic '
               f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp '
               f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>{box}'
               f'</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
               f'<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>{box}'
               f'</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    document = docx.Document()
    raw_paragraph(document, r("锚定段落"))
    raw_paragraph(document, r("带文本框的段落") + drawing)
    raw_paragraph(document, r("下一段"))
    doc = read(save(document))
    assert [(b.text, b.pointer) for b in doc.blocks] == [
        ("锚定段落", "第1段"), ("带文本框的段落", "第2段"), ("文本框里的说明。", "第2段处文本框第1段"),
        ("第二段。", "第2段处文本框第2段"), ("下一段", "第3段")]
    assert doc.meta["text_boxes"] == 1


def test_body_level_content_controls_are_read():
    document = docx.Document()
    sdt = parse_xml(f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p>'
                    f'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>控件中的表格</w:t></w:r></w:p></w:tc>'
                    f'<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
                    f'</w:sdtContent></w:sdt>')
    document.element.body.insert(0, sdt)
    doc = read(save(document))
    assert [(b.kind, b.text) for b in doc.blocks] == [("paragraph", "控件中的段落"), ("table", "控件中的表格\t12")]


# -- tables ----------------------------------------------------------------------------------------

def test_merged_cells_are_expanded():
    document = docx.Document()
    grid = [
        ["行政复议"] * 3 + ["行政诉讼"] * 2,
        ["结果维持", "结果纠正", "总计", "未经复议直接起诉", "复议后起诉"],
        ["1", "0", "1", "2", "2"],
        ["备注", "说明", "说明", "2", "2"],
    ]
    merges = [(0, 0, 0, 2), (0, 3, 0, 4), (2, 3, 3, 3), (2, 4, 3, 4), (3, 1, 3, 2)]
    table_with_merges(document, grid, merges)
    doc = read(save(document))
    (b,) = doc.blocks
    assert [r_.texts for r_ in b.table.rows] == grid
    xml = document.element.xml
    assert 'w:gridSpan w:val="3"' in xml and 'w:vMerge w:val="restart"' in xml


def test_continuation_cell_text_ignored_and_grid_before_and_deleted_rows():
    tbl = parse_xml(
        f'<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>'
        '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr>'
        f'<w:tr><w:trPr><w:del w:id="9" {REV}/></w:trPr><w:tc><w:p><w:r><w:t>删除的行</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>残留文字</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>横向</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>'
        '<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr><w:tc><w:p><w:r><w:t>尾</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/></w:tcPr><w:p><w:r><w:t>坏跨度</w:t></w:r></w:p></w:tc></w:tr>'
        '</w:tbl>')
    document = docx.Document()
    document.element.body.insert(0, tbl)
    doc = read(save(document))
    rows = doc.blocks[0].table.rows
    assert [r_.texts for r_ in rows[:3]] == [["合并", "甲", "乙"], ["合并", "横向", "横向"], ["", "", "尾"]]
    assert len(rows[3].cells) == docx_reader.MAX_SPAN
    assert rows[0].header and rows[0].cells[0].header and not rows[1].header
    assert rows[2].cells[2].pointer == "表1第3行第3列"


def test_cell_paragraphs_nested_tables_and_tracked_changes_in_cells():
    document = docx.Document()
    t = document.add_table(rows=1, cols=2)
    c = t.cell(0, 0)
    c.text = "商业"
    c.add_paragraph("企业")
    c1 = t.cell(0, 1)
    c1._tc.remove(c1._tc.p_lst[0])
    c1._tc.append(parse_xml(f"<w:p {W}>{r('1')}{ins('2')}{dele('9')}</w:p>"))
    inner = c1.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内"
    inner.cell(0, 1).text = "表"
    c1.add_paragraph("")
    doc = read(save(document))
    assert doc.blocks[0].table.rows[0].texts == ["商业\n企业", "12\n内\t表"]


def test_empty_layout_table_is_skipped():
    document = docx.Document()
    document.add_table(rows=2, cols=2)
    document.add_paragraph("正文")
    doc = read(save(document))
    assert [b.kind for b in doc.blocks] == ["paragraph"] and doc.meta["tables"] == 0


def _blocks(doc):
    return [(b.kind, b.pointer, b.text, [r.texts for r in b.table.rows] if b.table is not None else None) for b in doc.blocks]


def test_report_inside_a_one_cell_frame_is_read_as_the_body(tmp_path):
    # a Word report pasted into a one-cell table (a page laid out in a frame) was one table of one cell: no
    # sections, no statistics tables, and no finding at all ("未发现问题") for a report nothing was checked of
    plain = md_to_docx(clean_md(), heading_styles=False)
    framed = render.framed(plain)
    doc, ref = read(framed), read(plain)
    assert _blocks(doc) == _blocks(ref) and len(ref.blocks) > 30
    assert doc.meta["layout_tables"] == 1 and doc.meta["tables"] == ref.meta["tables"] >= 4
    assert doc.meta["paragraphs"] == ref.meta["paragraphs"]
    defective = md_to_docx((Path(__file__).parent.parent / "examples" / "defective-2023.md").read_text("utf-8"))
    want = sorted((d.code, d.message) for d in check_bytes(tmp_path, defective, "plain.docx").diagnostics)
    got = sorted((d.code, d.message) for d in check_bytes(tmp_path, render.framed(defective), "framed.docx").diagnostics)
    assert got == want and any(code == "DL101" for code, _ in want)


def test_one_column_frame_with_title_rows_and_nested_tables():
    plain = md_to_docx(clean_md(), heading_styles=False)
    doc, ref = read(render.framed(plain, rows=3)), read(plain)
    assert [b.text for b in doc.blocks[:2]] == ["政务公开专栏", "发布时间：2024-01-18"]
    assert _blocks(doc)[2:] == [(k, f"第{int(p[1:-1]) + 2}段" if p.startswith("第") else p, t, c)
                                for k, p, t, c in _blocks(ref)]
    # frames inside frames are followed too
    assert _blocks(read(render.framed(render.framed(plain)))) == _blocks(ref)


def test_tables_that_are_not_frames_stay_tables():
    document = docx.Document()
    listing = document.add_table(rows=3, cols=1)  # a one-column list of entries, no table inside: data
    for i, text in enumerate(["序号", "1", "2"]):
        listing.cell(i, 0).text = text
    two = document.add_table(rows=1, cols=2)  # two columns, a table nested in one: a table
    two.cell(0, 0).text = "说明"
    two.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "内"
    merged = document.add_table(rows=2, cols=2)  # one column only after merging: still a grid of two columns
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "标题"
    merged.cell(1, 0).merge(merged.cell(1, 1)).add_table(rows=1, cols=2).cell(0, 0).text = "内"
    doc = read(save(document))
    assert [b.kind for b in doc.blocks] == ["table"] * 3 and doc.meta["layout_tables"] == 0
    assert [r.texts for r in doc.blocks[0].table.rows] == [["序号"], ["1"], ["2"]]


def test_a_one_cell_box_of_paragraphs_is_its_paragraphs():
    document = docx.Document()
    document.add_paragraph("正文第一段")
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "框中第一段"
    box.cell(0, 0).add_paragraph("")
    box.cell(0, 0).add_paragraph("框中第二段")
    number = document.add_table(rows=1, cols=1)  # one number in one cell: a table, as before
    number.cell(0, 0).text = "1,234件"
    note = document.add_table(rows=1, cols=1)  # one paragraph of words in one cell: that paragraph
    note.cell(0, 0).text = "注：本表数据截至12月31日"
    document.add_paragraph("正文第二段")
    doc = read(save(document))
    assert [(b.kind, b.pointer, b.text) for b in doc.blocks] == [
        ("paragraph", "第1段", "正文第一段"), ("paragraph", "第2段", "框中第一段"), ("paragraph", "第3段", "框中第二段"),
        ("table", "表1", "1,234件"), ("paragraph", "第4段", "注：本表数据截至12月31日"), ("paragraph", "第5段", "正文第二段")]
    assert doc.meta["tables"] == 1 and doc.meta["layout_tables"] == 2


# -- whole reports ---------------------------------------------------------------------------------

def test_official_table3_maps_every_cell(tmp_path):
    data, s3_grid = clean_with_official_s3()
    doc = read(data)
    tables = [b for b in doc.blocks if b.kind == "table"]
    s3_block = next(b for b in tables if b.text.startswith(S3_NOTE))
    assert [r_.texts for r_ in s3_block.table.rows] == s3_grid  # merges expanded exactly
    rep = interpret(doc)
    assert [s.id for s in rep.sections] == [s.id for s in interpret(md_reader.parse(clean_md())).sections]
    assert len(rep.sections) == 6
    stats = rep.stats
    md_stats = interpret(md_reader.parse(clean_md())).stats
    assert set(stats) == {"s2", "s3", "s4"}
    s3 = stats["s3"]
    assert len(s3.cells) == 25 * 7 and not s3.unmapped and not s3.missing_rows
    for key, cell in md_stats["s3"].cells.items():
        assert s3.cells[key].value == cell.value, key
    for tid in ("s2", "s4"):
        assert {k: v.value for k, v in stats[tid].cells.items()} == {k: v.value for k, v in md_stats[tid].cells.items()}
        assert not stats[tid].unmapped
    # a cell of table 三 knows where it is in Word terms
    cell = s3.cells[("new", "natural")] if ("new", "natural") in s3.cells else next(iter(s3.cells.values()))
    assert re.fullmatch(r"表\d+第\d+行第\d+列", cell.cell.pointer)
    fr = check_bytes(tmp_path, data)
    assert fr.diagnostics == [], [(d.code, d.message) for d in fr.diagnostics]


@pytest.mark.parametrize("heading_styles", [True, False])
def test_clean_example_as_word_has_no_finding(tmp_path, heading_styles):
    data = md_to_docx(clean_md(), heading_styles=heading_styles)
    fr = check_bytes(tmp_path, data)
    assert fr.format == "docx"
    assert fr.diagnostics == [], [(d.code, d.pointer, d.message) for d in fr.diagnostics]
    assert fr.report["sections"] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert fr.report["title"] == "江北市青溪区市场监督管理局2023年政府信息公开工作年度报告"
    assert fr.report["year"] == 2023 and fr.report["agency"] == "江北市青溪区市场监督管理局"


def test_findings_carry_word_pointers(tmp_path):
    md = clean_md()
    md = md.replace("本年度未发生政府信息公开工作责任追究情况。", "本年度未发生政府信息公开工作责任追究情况。（文字描述）")
    md = md.replace("| 规章 | 0 | 0 | 0 |", "| 规章（联系电话13812345678） | 0 | 0 | 0 |")
    fr = check_bytes(tmp_path, md_to_docx(md, heading_styles=False))
    by_code = {d.code: d for d in fr.diagnostics}
    placeholder = by_code["DL502"]
    assert placeholder.line is None and placeholder.column is None
    assert re.search(r"一、总体情况 › 第\d+段$", placeholder.pointer), placeholder.pointer
    phone = [d for d in fr.diagnostics if d.code.startswith("DL5") and d.code != "DL502"]
    assert phone, [(d.code, d.pointer) for d in fr.diagnostics]
    assert re.search(r"表1第2行第1列", phone[0].pointer), phone[0].pointer


def test_defective_example_as_word_gives_the_same_findings(tmp_path):
    """Every rule works unchanged on Word: the same codes as the Markdown original, pointers instead of lines."""
    from collections import Counter

    md_path = ROOT / "examples" / "defective-2023.md"
    md = re.sub(r"<!--.*?-->", "", md_path.read_text(encoding="utf-8"), flags=re.S)
    (md_run,) = check_paths([str(md_path)]).files
    fr = check_bytes(tmp_path, md_to_docx(md, heading_styles=False))
    assert Counter(d.code for d in fr.diagnostics) == Counter(d.code for d in md_run.diagnostics)
    assert all(d.line is None for d in fr.diagnostics)
    assert all(re.search(r"第\d+段$|表[二三四] › ", d.pointer or "") for d in fr.diagnostics), \
        [(d.code, d.pointer) for d in fr.diagnostics]


def test_tracked_changes_decide_findings(tmp_path):
    """A placeholder only in a deletion is gone once changes are accepted; one in an insertion is there."""
    def report(extra: str) -> bytes:
        document = docx.Document(io.BytesIO(md_to_docx(clean_md(), heading_styles=False)))
        body = document.element.body
        target = next(p for p in body.iterchildren(f"{{{body.nsmap['w']}}}p") if "监督保障" in "".join(p.itertext()))
        target.addnext(parse_xml(f"<w:p {W}>{extra}</w:p>"))
        return save(document)

    deleted = check_bytes(tmp_path, report(r("本项工作") + dele("（文字描述）") + r("按期完成。")), "a.docx")
    assert "DL502" not in [d.code for d in deleted.diagnostics]
    inserted = check_bytes(tmp_path, report(r("本项工作") + ins("（文字描述）") + r("按期完成。")), "b.docx")
    assert "DL502" in [d.code for d in inserted.diagnostics]


@pytest.mark.skipif(not TEMPLATE.exists(), reason=NO_SHARED)
def test_blank_template_reads_and_is_flagged(tmp_path):
    doc = read_path(str(TEMPLATE))
    rep = interpret(doc)
    assert len(rep.sections) == 6
    assert [b.kind for b in doc.blocks].count("table") == 3
    texts = [t for b in doc.blocks if b.table for t in b.table.rows[2].texts] if doc.blocks else []
    assert "商业\n企业" in texts or "商业企业" in texts
    assert set(rep.stats) == {"s2", "s3", "s4"}
    assert not any(b.kind == "heading" for b in doc.blocks)  # its titles are plain paragraphs
    run = check_paths([str(TEMPLATE)])
    codes = [d.code for d in run.files[0].diagnostics]
    assert "DL209" in codes and "DL502" in codes
    placeholder = next(d for d in run.files[0].diagnostics if d.code == "DL502")
    assert placeholder.match and "文字描述" in placeholder.match and "段" in placeholder.pointer


def test_registry_reads_docx(tmp_path):
    p = tmp_path / "报告.DOCX"
    document = docx.Document()
    document.add_paragraph("某某局2023年政府信息公开工作年度报告")
    p.write_bytes(save(document))
    doc = read_path(str(p))
    assert doc.format == "docx" and doc.blocks[0].text.startswith("某某局")


# -- refused input ---------------------------------------------------------------------------------

def zip_bytes(files: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


def minimal_docx(document_xml: bytes) -> bytes:
    """A valid package around an arbitrary word/document.xml."""
    base = zipfile.ZipFile(io.BytesIO(save(docx.Document())))
    files = {n: base.read(n) for n in base.namelist()}
    files["word/document.xml"] = document_xml
    return zip_bytes(files)


def refused(data: bytes) -> str:
    with pytest.raises(InputError) as exc:
        read(data)
    msg = str(exc.value)
    assert msg and "\n" not in msg and "Traceback" not in msg
    return msg


def test_word_97_file_renamed():
    ole = OLE2 + b"\0" * 600
    msg = refused(ole)
    assert ".doc" in msg and "另存为" in msg


def test_encrypted_docx():
    enc = OLE2 + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100
    msg = refused(enc)
    assert "加密" in msg and "密码" in msg


@pytest.mark.parametrize("data,word", [
    (b"%PDF-1.7\n%...", "PDF"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
    ("<!DOCTYPE html><html><body>报告</body></html>".encode(), ".html"),
    (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>', "2003"),
    ("纯文本报告".encode(), "不是有效的 .docx"),
])
def test_other_formats_with_docx_extension(data, word):
    assert word in refused(data)


def test_corrupt_and_truncated_zips():
    good = save(docx.Document())
    assert "损坏" in refused(good[: len(good) // 2])
    assert "损坏" in refused(b"PK\x03\x04" + b"\x00" * 200)
    # flip bytes in the middle of a compressed part: CRC or inflate errors become InputError
    bad = bytearray(good)
    i = good.index(b"word/document.xml") + 60
    bad[i:i + 40] = b"\xff" * 40
    assert "损坏" in refused(bytes(bad))


def test_zip_without_word_document():
    assert "word/document.xml" in refused(zip_bytes({"hello.txt": b"hi"}))
    assert "Excel" in refused(zip_bytes({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}))
    # an OpenDocument text whose mimetype is not stored first (else it is read as one: tests/test_reader_odt.py)
    odt = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert "请把扩展名改为 .odt" in refused(odt)
    strict = zip_bytes({"_rels/.rels": b'<Relationships xmlns="http://purl.oclc.org/ooxml/officeDocument/'
                                       b'relationships"/>', "word/x.bin": b"x"})
    assert "严格 Open XML" in refused(strict)


def test_zip_bomb_ratio_refused_before_decompression():
    bomb = zip_bytes({"[Content_Types].xml": b"<x/>", "word/document.xml": b"\0" * (11 * 1024 * 1024)})
    assert len(bomb) < 200_000
    msg = refused(bomb)
    assert "压缩" in msg and "拒绝" in msg


def test_total_size_limit(monkeypatch):
    monkeypatch.setattr(docx_package, "MAX_TOTAL_UNCOMPRESSED", 1000)
    msg = refused(save(docx.Document()))
    assert "过大" in msg


def test_too_many_entries(monkeypatch):
    monkeypatch.setattr(docx_package, "MAX_ENTRIES", 5)
    assert "文件数" in refused(save(docx.Document()))


def test_billion_laughs_is_not_expanded():
    lol = ['<!ENTITY lol0 "lololololololololololololololololololol">']
    lol += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(lol)}]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
           f'<w:p><w:r><w:t>正常段落</w:t></w:r></w:p></w:body></w:document>').encode()
    try:
        doc = read(minimal_docx(xml))
    except InputError as exc:  # libxml2 refuses the amplification outright
        assert "实体" in str(exc) and "拒绝" in str(exc)
        doc = None
    if doc is not None:
        assert sum(len(b.text) for b in doc.blocks) < 1000
        assert "lol" not in "".join(b.text for b in doc.blocks)


def test_external_entities_are_not_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>前&xxe;后</w:t></w:r></w:p></w:body></w:document>').encode()
    try:
        doc = read(minimal_docx(xml))
    except InputError:
        return
    assert "机密" not in "".join(b.text for b in doc.blocks)


def test_python_docx_parser_does_not_resolve_entities():
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    doc = etree.fromstring(b'<!DOCTYPE a [<!ENTITY e "expanded">]><a>&e;</a>', oxml_parser)
    assert "expanded" not in (doc.text or "")


def test_broken_xml_and_deep_nesting():
    assert "XML 已损坏" in refused(minimal_docx(b"<w:document><w:body><w:p>"))
    deep = (f'<w:document {W}><w:body>' + "<w:tbl><w:tr><w:tc>" * 300 + "<w:p/>"
            + "</w:tc></w:tr></w:tbl>" * 300 + "</w:body></w:document>").encode()
    assert "嵌套过深" in refused(minimal_docx(deep))
    # nesting the parser accepts is followed only to MAX_DEPTH levels, never into a RecursionError
    nested = (f'<w:document {W}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p>' + "<w:tbl><w:tr><w:tc>" * 80
              + "<w:p><w:r><w:t>深处</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * 80 + "</w:body></w:document>")
    doc = read(minimal_docx(nested.encode()))
    assert doc.blocks[0].text == "正文"
    # what lies deeper is not read, and the document says so (DL002), never silently
    assert "深处" not in "".join(b.text for b in doc.blocks)
    assert [n.detail for n in doc.notices if n.kind == "read-limit"] == ["表格、文本框、列表等嵌套超过 40 层，更深处的内容未读取"]
    shallow = nested.replace("<w:tbl><w:tr><w:tc>" * 80, "<w:tbl><w:tr><w:tc>" * 3).replace(
        "</w:tc></w:tr></w:tbl>" * 80, "</w:tc></w:tr></w:tbl>" * 3)
    assert not read(minimal_docx(shallow.encode())).notices


def test_document_without_text():
    document = docx.Document()
    document.add_paragraph("")
    document.add_table(rows=1, cols=1)
    assert "没有可读取的文字" in refused(save(document))


def test_package_without_content_types():
    zf = zipfile.ZipFile(io.BytesIO(save(docx.Document())))
    files = {n: zf.read(n) for n in zf.namelist() if n != "[Content_Types].xml"}
    assert "包结构不完整" in refused(zip_bytes(files))


def test_macro_enabled_or_template_main_part():
    data = save(docx.Document())
    zf = zipfile.ZipFile(io.BytesIO(data))
    files = {n: zf.read(n) for n in zf.namelist()}
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml")
    assert ".docm" in refused(zip_bytes(files))


# -- fuzzing ---------------------------------------------------------------------------------------

_VALID = save(docx.Document())


def _never_crashes(data: bytes) -> None:
    try:
        doc = read(data)
    except InputError as exc:
        assert str(exc)
    else:
        assert doc.format == "docx"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_arbitrary_bytes(data):
    _never_crashes(data)
    _never_crashes(b"PK\x03\x04" + data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_fuzz_mutated_docx(edits):
    data = bytearray(_VALID)
    for pos, byte in edits:
        data[pos] = byte
    _never_crashes(bytes(data))


_XML_PIECES = st.sampled_from([
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>文字</w:t>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>",
    "<w:tc>", "</w:tc>", '<w:tcPr><w:vMerge/></w:tcPr>', '<w:tcPr><w:gridSpan w:val="-3"/></w:tcPr>',
    '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>', "<w:ins>", "</w:ins>", "<w:del>", "</w:del>",
    '<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="end"/>', '<w:fldChar w:fldCharType="separate"/>',
    "<w:br/>", "<w:tab/>", '<w:sym w:char="zz"/>', '<w:sym w:char="D800"/>', "<w:sdt><w:sdtContent>",
    "</w:sdtContent></w:sdt>", "<w:txbxContent>", "</w:txbxContent>", "<w:pPr><w:rPr><w:del/></w:rPr></w:pPr>",
    '<w:pPr><w:outlineLvl w:val="x"/></w:pPr>', '<w:trPr><w:gridBefore w:val="7"/></w:trPr>',
])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # 2000: test_fuzz_long
@given(st.lists(_XML_PIECES, max_size=40))
def test_fuzz_document_xml_structure(pieces):
    xml = f'<w:document {W}><w:body>{"".join(pieces)}</w:body></w:document>'.encode()
    _never_crashes(minimal_docx(xml))


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_XML_PIECES, max_size=120), st.binary(max_size=64))
def test_fuzz_long(pieces, noise):
    xml = f'<w:document {W}><w:body>{"".join(pieces)}</w:body></w:document>'.encode()
    _never_crashes(minimal_docx(xml))
    _never_crashes(b"PK\x03\x04" + noise + _VALID[len(noise) + 4:])


# -- table 三 split across pages, the continuation with the header rows copied above it -----------------

def test_vertical_merge_only_under_a_cell_of_the_same_columns():
    """A continuation cell (vMerge) joins the cell above only when that cell covers the same grid columns, as Word
    draws it; under a wider cell (a header pasted above the first row of a split table) it is a cell of its own."""
    tbl = parse_xml(
        f'<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>'
        '<w:p><w:r><w:t>表头说明</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:p><w:r><w:t>2.重复申请</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>'
        '<w:p><w:r><w:t>四、结转</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>'
        '</w:tbl>')
    document = docx.Document()
    document.element.body.insert(0, tbl)
    rows = read(save(document)).blocks[0].table.rows
    assert rows[1].texts == ["", "2.重复申请", "1"]  # was ["表头说明", "2.重复申请", "1"]
    assert rows[3].texts == ["四、结转", "四、结转", "3"]  # the same columns: merged


def _split_s3_with_header_copied(data: bytes, at: int, drop: str | None = None) -> bytes:
    """Table 三 cut before its row ``at``; the second part gets a copy of the three header rows, its first row keeps
    the continuation marks of the merged labels (三、本年度办理结果, （四）…) it had before the cut."""
    import copy

    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    s3 = next(t for t in document.tables if t.cell(0, 0).text == S3_NOTE)
    tbl = s3._tbl
    part2 = copy.deepcopy(tbl)
    rows, rows2 = tbl.findall(qn("w:tr")), part2.findall(qn("w:tr"))
    for tr in rows2[3:at]:
        part2.remove(tr)
    for tr in rows[at:]:
        tbl.remove(tr)
    if drop is not None:
        for tr in part2.findall(qn("w:tr")):
            if drop in "".join(tr.itertext()):
                part2.remove(tr)
    gap = parse_xml(f"<w:p {W}/>")
    tbl.addnext(gap)
    gap.addnext(part2)
    return save(document)


def test_table_three_split_with_its_header_repeated_is_read_whole(tmp_path):
    """Was DL110: 表三缺少…11个栏目 (every row of the second part), its labels read as the 勾稽 note above them."""
    data, _grid = clean_with_official_s3()
    before = [d.code for d in check_bytes(tmp_path, data, "whole.docx").diagnostics]
    split = _split_s3_with_header_copied(data, 16)
    assert [d.code for d in check_bytes(tmp_path, split, "split.docx").diagnostics] == before
    # a row really left out of the second part is still missing
    fr = check_bytes(tmp_path, _split_s3_with_header_copied(data, 16, drop="3.要求提供公开出版物"), "short.docx")
    d110 = [d for d in fr.diagnostics if d.code == "DL110"]
    assert len(d110) == 1 and "3.要求提供公开出版物" in d110[0].message and "2.重复申请" not in d110[0].message
