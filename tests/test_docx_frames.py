"""Layout tables of a Word report that are no tables: a section title in a shaded one-cell banner box, and a page
laid out in two columns whose left one is a blank margin.  The reader reads what they hold as the body
(:func:`disclosure_lint.readers.docx.frame_cells`), annotate's walkers follow them alike; real tables stay tables.

Every document is built here with python-docx; nothing is copied from a real report.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from disclosure_lint.annotate_runs import body_paragraphs
from disclosure_lint.api import check_paths
from disclosure_lint.readers import docx as docx_reader

from . import render
from .annotate_xml import annotated, commented

ROOT = Path(__file__).resolve().parents[1]
W = nsdecls("w")
MAIN = re.compile(r"^[一二三四五六]、")


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _read(data: bytes):
    return docx_reader.read("report.docx", data)


def _diagnostics(tmp_path: Path, data: bytes, name: str) -> list[tuple[str, str | None, str]]:
    p = tmp_path / name
    p.write_bytes(data)
    (fr,) = check_paths([str(p)]).files
    assert fr.error is None, fr.error
    return sorted((d.code, d.pointer, d.message) for d in fr.diagnostics)


def banners(data: bytes) -> bytes:
    """``data`` with each section title moved into a shaded one-cell table, as a banner across the page."""
    document = docx.Document(io.BytesIO(data))
    for p in list(document.paragraphs):
        if MAIN.match(p.text):
            tbl = parse_xml(
                f'<w:tbl {W}><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/>'
                f'</w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/>'
                f'<w:shd w:val="clear" w:fill="DDEBF7"/></w:tcPr></w:tc></w:tr></w:tbl>')
            p._p.addprevious(tbl)
            tbl.find(".//" + qn("w:tc")).append(p._p)
    return _save(document)


@pytest.fixture(scope="module")
def plain() -> bytes:
    return render.to_docx((ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def defective() -> bytes:
    return render.to_docx((ROOT / "examples" / "defective-2023.md").read_text(encoding="utf-8"))


def _kinds(data: bytes) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in _read(data).blocks]


# -- banners ---------------------------------------------------------------------------------------------------

def test_section_titles_in_banner_boxes_are_the_titles(plain: bytes, tmp_path: Path) -> None:
    """Before: DL103 [error] "未按统一格式编写…未找到规定的“一、总体情况”…" and DL110 [error] on 表二 (the banner
    boxes were tables, so 表二 was the wrong table); now the findings of the same report without boxes."""
    boxed = banners(plain)
    assert _kinds(boxed) == _kinds(plain)
    doc = _read(boxed)
    assert doc.meta["layout_tables"] == 6 and doc.meta["tables"] == _read(plain).meta["tables"]
    assert _diagnostics(tmp_path, boxed, "boxed.docx") == _diagnostics(tmp_path, plain, "plain.docx")


def test_one_cell_boxes_that_stay_tables() -> None:
    """A one-cell box of a number, of a row typed with tabs or of two cells' worth of text stays a table."""
    document = docx.Document()
    document.add_paragraph("正文")
    for text in ("0", "1,234", "12件", "2023年"):
        document.add_table(rows=1, cols=1).cell(0, 0).text = text
    tabbed = document.add_table(rows=1, cols=1).cell(0, 0)
    tabbed.paragraphs[0].add_run("行政许可")
    tabbed.paragraphs[0].add_run().add_tab()
    tabbed.paragraphs[0].add_run("12")
    banner = document.add_table(rows=1, cols=1)
    banner.cell(0, 0).text = "一、总体情况"
    doc = _read(_save(document))
    assert [b.kind for b in doc.blocks] == ["paragraph"] + ["table"] * 5 + ["paragraph"]
    assert doc.blocks[-1].text == "一、总体情况" and doc.blocks[-1].pointer == "第2段"


# -- two-column page layouts --------------------------------------------------------------------------------------

def test_report_in_the_right_column_of_a_page_layout_is_the_body(plain: bytes, defective: bytes, tmp_path: Path):
    """Before: one table of one cell, DL005 "未能识别为政府信息公开工作年度报告" and no check at all; now the report
    is read as unframed, with the same findings."""
    laid = render.framed(plain, margin=True)
    assert _kinds(laid) == _kinds(plain) and _read(laid).meta["layout_tables"] == 1
    assert _kinds(render.framed(plain, rows=3, margin=True))[2:] == _kinds(plain)
    got = _diagnostics(tmp_path, render.framed(defective, margin=True), "laid.docx")
    assert got == _diagnostics(tmp_path, defective, "defective.docx") and any(c == "DL101" for c, _, _ in got)


def test_two_column_tables_that_stay_tables() -> None:
    document = docx.Document()
    data = document.add_table(rows=3, cols=2)  # a data table: two cells with text in a row
    for i, (a, b) in enumerate([("项目", "数量"), ("行政许可", "12"), ("行政处罚", "3")]):
        data.cell(i, 0).text, data.cell(i, 1).text = a, b
    sparse = document.add_table(rows=2, cols=2)  # one cell with text per row, but in different columns
    sparse.cell(0, 0).text = "左栏第一段"
    sparse.cell(0, 0).add_paragraph("左栏第二段")
    sparse.cell(1, 1).text = "右栏"
    one = document.add_table(rows=1, cols=2)  # a blank margin and one paragraph: a table of one entry
    one.cell(0, 1).text = "一、总体情况"
    merged = document.add_table(rows=2, cols=2)  # text merged down a column
    merged.cell(0, 1).merge(merged.cell(1, 1)).text = "第一段"
    merged.cell(0, 1).add_paragraph("第二段")
    doc = _read(_save(document))
    assert [b.kind for b in doc.blocks] == ["table"] * 4 and doc.meta["layout_tables"] == 0


def test_a_blank_margin_with_a_picture_is_still_blank() -> None:
    document = docx.Document()
    laid = document.add_table(rows=1, cols=2)
    laid.cell(0, 0).paragraphs[0]._p.append(parse_xml(f'<w:r {W}><w:drawing/></w:r>'))
    laid.cell(0, 0).add_paragraph("  ")
    laid.cell(0, 1).text = "第一段"
    laid.cell(0, 1).add_paragraph("第二段")
    doc = _read(_save(document))
    assert [(b.kind, b.pointer, b.text) for b in doc.blocks] == [
        ("paragraph", "第1段", "第一段"), ("paragraph", "第2段", "第二段")]


# -- annotate follows the reader --------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["banners", "margin"])
def test_annotate_places_comments_as_without_the_layout(kind: str, defective: bytes, tmp_path: Path) -> None:
    laid = banners(defective) if kind == "banners" else render.framed(defective, margin=True)
    paragraphs = [p for p in body_paragraphs(docx.Document(io.BytesIO(laid)).element.body)
                  if "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()]
    assert len(paragraphs) == _read(laid).meta["paragraphs"]
    anchors = []
    for name, data in (("plain", defective), (kind, laid)):
        document = annotated(data, tmp_path / f"{name}.docx")
        ranges = commented(document.element.body)
        anchors.append(sorted((c.text.splitlines()[0], ranges[str(c.comment_id)]) for c in document.comments))
        assert not any("位置：" in c.text for c in document.comments)
    assert anchors[0] == anchors[1] and len(anchors[0]) > 20
