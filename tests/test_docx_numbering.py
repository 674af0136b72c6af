"""Word's automatic numbering (w:numPr) drawn by the Word reader, as Word prints it: section titles numbered by
Word ("一、" from numbering.xml, not typed) are numbered titles, not "没有序号" (DL102); annotate never edits the
drawn number, which no run holds.

Every document is built here with python-docx and raw WordprocessingML; nothing is copied from a real report.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from disclosure_lint.api import check_paths
from disclosure_lint.readers import docx as docx_reader
from disclosure_lint.readers.docx_numbering import format_number

from . import render
from .annotate_xml import annotated, commented, revisions

ROOT = Path(__file__).resolve().parents[1]
W = nsdecls("w")
MAIN = re.compile(r"^([一二三四五六])、")
SUB = re.compile(r"^（([一二三四五六七八九十]+)）")


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, suff: str = "nothing") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suff}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


# numId 1: 一、 / （一） (Word's and WPS's Chinese outline list); numId 2: a bullet; numId 3: the list of numId 1
# restarted at 1 by a startOverride; numId 4: 1. / 1.1 in decimal; numId 5: a hidden 一、 / 1.1 (isLgl)
NUMBERING = (
    f'<w:numbering {W}>'
    f'<w:abstractNum w:abstractNumId="10">{_lvl(0, "chineseCounting", "%1、")}{_lvl(1, "chineseCounting", "（%2）")}'
    f'</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="11">{_lvl(0, "bullet", "●")}</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="12">{_lvl(0, "decimal", "%1.", suff="tab")}{_lvl(1, "decimal", "%1.%2")}'
    f'</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="13"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    f'<w:lvlText w:val="%1、"/><w:rPr><w:vanish/></w:rPr></w:lvl>'
    f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    f'<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
    f'<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    f'<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>'
    f'<w:num w:numId="3"><w:abstractNumId w:val="10"/>'
    f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    f'<w:num w:numId="4"><w:abstractNumId w:val="12"/></w:num>'
    f'<w:num w:numId="5"><w:abstractNumId w:val="13"/></w:num>'
    f'</w:numbering>')


def _use_numbering(document, xml: str = NUMBERING) -> None:
    part = document.part.numbering_part
    root = part.element
    for ch in list(root):
        root.remove(ch)
    for ch in parse_xml(xml):
        root.append(ch)


def _numbered(document, text: str, num_id: int, ilvl: int = 0) -> None:
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _texts(data: bytes) -> list[str]:
    return [b.text for b in docx_reader.read("report.docx", data).blocks]


def autonumbered(data: bytes, subs: bool = False, num_id: int = 1, start: dict[str, str] | None = None) -> bytes:
    """``data`` with the typed numbers of its six section titles (and, with ``subs``, of its （一） items) taken out
    and drawn by Word instead (w:numPr, list ``num_id``): a report numbered with Word's 多级列表."""
    document = docx.Document(io.BytesIO(data))
    _use_numbering(document)
    for p in document.paragraphs:
        for ilvl, pat in ((0, MAIN), (1, SUB)):
            m = pat.match(p.text)
            if m and (ilvl == 0 or subs):
                p.text = p.text[m.end():]
                p._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return _save(document)


def _restarted(data: bytes):
    """``data`` (numbered by Word) with its third section title in a list restarted at 一 (printed 一、 again)."""
    document = docx.Document(io.BytesIO(data))
    for p in document.paragraphs:
        num = p._p.find(".//" + qn("w:numId"))
        if num is not None and p.text.startswith("收到和处理"):
            num.set(qn("w:val"), "3")
    return document


def _codes(tmp_path: Path, data: bytes, name: str = "report.docx") -> list[str]:
    p = tmp_path / name
    p.write_bytes(data)
    (fr,) = check_paths([str(p)]).files
    assert fr.error is None, fr.error
    return [d.code for d in fr.diagnostics]


@pytest.fixture(scope="module")
def clean_docx() -> bytes:
    return render.to_docx((ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8"))


# -- number formats --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("n", "fmt", "out"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCountingThousand", "十一"),
    (20, "taiwaneseCountingThousand", "二十"), (99, "chineseCounting", "九十九"), (100, "chineseCounting", None),
    (3, "ideographTraditional", "丙"), (11, "ideographTraditional", None), (10, "ideographDigital", "一〇"),
    (2, "decimal", "2"), (3, "decimalEnclosedParen", "(3)"), (4, "decimalEnclosedCircle", "④"),
    (12, "decimalFullWidth", "１２"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"),
    (6, "chineseLegalSimplified", "陆"), (1, "bullet", None), (1, "koreanDigital", None),
])
def test_number_formats(n: int, fmt: str, out: str | None) -> None:
    assert format_number(n, fmt) == out


# -- the reader ----------------------------------------------------------------------------------------------------

def test_numbers_drawn_as_word_draws_them() -> None:
    document = docx.Document()
    _use_numbering(document)
    _numbered(document, "总体情况", 1)
    _numbered(document, "主动公开", 1, 1)
    _numbered(document, "", 1, 1)  # an empty numbered paragraph still takes its number
    _numbered(document, "依申请公开", 1, 1)
    _numbered(document, "主动公开政府信息情况", 1)
    _numbered(document, "新的小项", 1, 1)  # a deeper level restarts under a new section
    _numbered(document, "重新编号", 3)  # a list restarted by a startOverride
    _numbered(document, "项目符号", 2)  # a bullet is not drawn
    _numbered(document, "第一条", 4)
    _numbered(document, "第一款", 4, 1)  # (a tab after "1." is not kept: the number ends in a stop)
    _numbered(document, "未定义的编号", 99)
    _numbered(document, "隐藏的编号", 5)  # a level whose number is hidden (w:vanish): not drawn
    _numbered(document, "法律编号", 5, 1)  # isLgl: every number in decimal
    assert _texts(_save(document)) == [
        "一、总体情况", "（一）主动公开", "（三）依申请公开", "二、主动公开政府信息情况", "（一）新的小项", "一、重新编号",
        "项目符号", "1.第一条", "1.1第一款", "未定义的编号",
        "隐藏的编号", "1.1法律编号"]


def test_numbering_of_a_heading_style_and_numbers_in_cells() -> None:
    """A style that carries the numbering (Word's 多级列表 linked to 标题 1) numbers its paragraphs; a numbered
    paragraph in a table cell is counted, as Word counts it, but not drawn into the cell's text."""
    document = docx.Document()
    _use_numbering(document)
    style = document.styles["Heading 1"].element
    style.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="1"/></w:numPr>'))
    document.add_heading("总体情况", level=1)
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)
    cell.text = "表中的编号段落"
    table.cell(0, 1).text = "12"
    cell.paragraphs[0]._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    document.add_heading("收到和处理政府信息公开申请情况", level=1)
    blocks = docx_reader.read("report.docx", _save(document)).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "一、总体情况"), ("table", "表中的编号段落\t12"), ("heading", "三、收到和处理政府信息公开申请情况")]


def test_no_numbering_part_and_numbering_switched_off() -> None:
    document = docx.Document()
    _use_numbering(document)
    _numbered(document, "编号为零", 0)
    p = document.add_paragraph("只有层级")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/></w:numPr>'))
    assert _texts(_save(document)) == ["编号为零", "只有层级"]


# -- the checks ----------------------------------------------------------------------------------------------------

def test_sections_numbered_by_word_are_numbered(clean_docx: bytes, tmp_path: Path) -> None:
    """Before: DL102 [error] "6个部分标题没有序号，应依次编为“一、”至“六、”" on a correctly printed report."""
    plain = _codes(tmp_path, clean_docx, "plain.docx")
    assert "DL102" not in plain
    assert _codes(tmp_path, autonumbered(clean_docx), "auto.docx") == plain
    assert _codes(tmp_path, autonumbered(clean_docx, subs=True), "subs.docx") == plain


def test_typed_numbers_out_of_order_still_found(clean_docx: bytes, tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(clean_docx))
    heads = [p for p in document.paragraphs if MAIN.match(p.text)]
    heads[1].text = "三、" + heads[1].text[2:]
    heads[2].text = "二、" + heads[2].text[2:]
    assert "DL102" in _codes(tmp_path, _save(document))


def test_bullets_before_section_titles_are_not_numbers(clean_docx: bytes, tmp_path: Path) -> None:
    """A bullet is drawn, not a number: the titles are unnumbered, as printed."""
    assert "DL102" in _codes(tmp_path, autonumbered(clean_docx, num_id=2))


def test_word_numbering_that_restarts_is_out_of_order(clean_docx: bytes, tmp_path: Path) -> None:
    """Word's own numbers are checked like typed ones: a list restarted at 一 in the middle prints 一、 twice."""
    document = _restarted(autonumbered(clean_docx))
    assert "DL102" in _codes(tmp_path, _save(document))


# -- annotate --------------------------------------------------------------------------------------------------

def test_annotate_never_edits_the_drawn_number(clean_docx: bytes, tmp_path: Path) -> None:
    """DL102 on Word's numbers (a list restarted: 一、 twice) is a comment on the title; its fix, which would replace
    the numeral, is no tracked change: no run holds the number.  The comments are those of the check."""
    document = _restarted(autonumbered(clean_docx))
    src = tmp_path / "auto.docx"
    copy = annotated(_save(document), src)
    comments = list(copy.comments)
    assert any("DL102" in c.text or "序号" in c.text for c in comments)
    assert not any("位置：" in c.text for c in comments)
    ins, dels = revisions(copy.element.body)
    assert not ins and not dels
    assert _texts(src.with_name("auto.out.docx").read_bytes())[:12] == _texts(src.read_bytes())[:12]


def test_annotate_on_a_report_numbered_by_word_as_on_the_typed_one(tmp_path: Path) -> None:
    """Comments and tracked changes land on the same words whether the titles' numbers are typed or drawn by Word.
    The defective example skips 四、 (part 四 is missing); Word's list numbers on, so printed it reads 一 … 五 and
    DL102 says so: its comment covers the title's words, and its fix (the numeral) is no tracked change."""
    typed = render.to_docx((ROOT / "examples" / "defective-2023.md").read_text(encoding="utf-8"))
    ranges, changes = [], []
    for name, data in (("typed", typed), ("auto", autonumbered(typed, subs=True))):
        document = annotated(data, tmp_path / f"{name}.docx")
        covered = commented(document.element.body)
        assert not any("位置：" in c.text for c in document.comments)
        ranges.append(Counter(MAIN.sub("", SUB.sub("", covered[str(c.comment_id)])) for c in document.comments
                              if not c.text.startswith("[DL102]")))
        ins, dels = revisions(document.element.body)
        changes.append(sorted("".join(t.text or "" for t in e.iter()) for e in ins + dels))
        dl102 = [covered[str(c.comment_id)] for c in document.comments if c.text.startswith("[DL102]")]
        assert dl102 == ([] if name == "typed" else ["存在的主要问题及改进情况"])
    assert ranges[0] == ranges[1] and sum(ranges[0].values()) > 20
    assert changes[0] == changes[1] and changes[0]
