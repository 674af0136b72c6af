"""PDF reader (readers/pdf.py) and the reader-notice kind (DL002).

PDFs are built here with reportlab and its built-in CJK font STSong-Light: a four-page report
with a running header, page footers "- n -", justified paragraphs with first-line indents (one
runs over a page break), and the statistics tables drawn with ruling lines, merged cells and
wrapped labels; table 三 is cut by a page break inside the merged cell （四）无法提供.
"""

from __future__ import annotations

import functools
import io
import os
import random

import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from disclosure_lint.api import check_paths
from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.errors import InputError
from disclosure_lint.model import Document, ReaderNotice
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import pdf as pdf_reader
from disclosure_lint.report import interpret
from disclosure_lint.report.stats.schema import S3_COLS, S4_COLS, schema

from .conftest import NO_SHARED, SHARED

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

W, H = 595.0, 842.0
LEFT, RIGHT = 74.0, 518.0
BODY = 16.0
PITCH = 28.0
BOTTOM = 770.0  # body text stops here; the footer sits below
AGENCY = "某某市某某局"
TITLE2 = "2023年政府信息公开工作年度报告"
RUNNING = AGENCY + TITLE2

CORPUS = (SHARED / "corpus/pdf")


# -- a small PDF builder (top-based coordinates) ----------------------------------------------------


class Builder:
    def __init__(self, header: bool = True, footer: bool = True, **canvas_kw):
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=(W, H), **canvas_kw)
        self.page = 1
        self.header = header
        self.footer = footer
        self.footer_fmt: str | None = None
        self.top = 80.0
        self._decorate()

    def _decorate(self) -> None:
        if self.header:
            self.text(LEFT + 100, 40, RUNNING, size=9)
        if self.footer_fmt:
            s = self.footer_fmt.format(n=self.page)
            self.text((W - self.width(s, 10.5)) / 2, 790, s, size=10.5)
        if self.footer:
            s = f"- {self.page} -"
            self.c.setFont("Helvetica", 12)
            self.c.drawString((W - pdfmetrics.stringWidth(s, "Helvetica", 12)) / 2, H - 800, s)

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1
        self.top = 80.0
        self._decorate()

    def text(self, x: float, top: float, s: str, size: float = BODY, char_space: float = 0.0) -> None:
        self.c.setFont(FONT, size)
        self.c.drawString(x, H - top - size * 0.85, s, charSpace=char_space)

    def width(self, s: str, size: float = BODY) -> float:
        return pdfmetrics.stringWidth(s, FONT, size)

    def wrap(self, s: str, width: float, size: float) -> list[str]:
        lines, cur = [], ""
        for ch in s:
            if cur and self.width(cur + ch, size) > width:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        if cur:
            lines.append(cur)
        return lines

    def paragraph(self, s: str, indent: bool = True) -> None:
        """A justified paragraph with a two-character first-line indent, flowing over pages."""
        first = True
        rest = s
        while rest:
            x0 = LEFT + (2 * BODY if first and indent else 0)
            line = self.wrap(rest, RIGHT - x0, BODY)[0]
            rest = rest[len(line):]
            if self.top + BODY > BOTTOM:
                self.new_page()
            cs = 0.0
            if rest and len(line) > 1:  # justify every line but the last
                cs = (RIGHT - x0 - self.width(line)) / (len(line) - 1)
            self.text(x0, self.top, line, char_space=cs)
            self.top += PITCH
            first = False

    def heading(self, s: str) -> None:
        self.paragraph(s)

    def centred(self, s: str, size: float) -> None:
        self.text((LEFT + RIGHT) / 2 - self.width(s, size) / 2, self.top, s, size=size)
        self.top += size * 1.6

    def right(self, s: str) -> None:
        self.text(RIGHT - self.width(s), self.top, s)
        self.top += PITCH

    def table(self, xs: list[float], heights: list[float], cells: list[tuple[int, int, int, int, str]],
              size: float = 9.0) -> None:
        """Draw a ruled table: ``cells`` are (row0, row1, col0, col1, text) spans, end-exclusive."""
        ys = [self.top]
        for h in heights:
            ys.append(ys[-1] + h)
        c = self.c
        c.setLineWidth(0.5)
        for r0, r1, c0, c1, s in cells:
            x0, x1, t0, t1 = xs[c0], xs[c1], ys[r0], ys[r1]
            c.rect(x0, H - t1, x1 - x0, t1 - t0, stroke=1, fill=0)
            lines = self.wrap(s, x1 - x0 - 4, size) if s else []
            lh = size * 1.2
            start = t0 + ((t1 - t0) - lh * len(lines)) / 2
            for i, ln in enumerate(lines):
                self.text(x0 + 2, start + i * lh, ln, size=size)
        self.top = ys[-1] + 12

    def image(self, top: float, width: float, height: float) -> None:
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        img = Image.new("RGB", (40, 20), (200, 200, 200))
        self.c.drawImage(ImageReader(img), LEFT, H - top - height, width, height)

    def bytes(self) -> bytes:
        self.c.save()
        return self.buf.getvalue()


# -- the synthetic report -------------------------------------------------------------------------

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
INTRO = ("本报告由某某市某某局根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。"
         "报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。如对本报告有疑问，请与某某市某某局办公室联系。")
P_ACTIVE = ("（一）主动公开情况。2023年，本局通过门户网站主动公开政府信息1136条，其中政策解读36条，"
            "围绕重点领域持续加大公开力度，及时发布各类通知公告、项目审批和行政执法信息，"
            "确保公开信息及时、准确、完整。全年共召开新闻发布会5场，回应社会关切12次，"
            "进一步提升了政务公开的针对性和实效性，为群众提供了更加便捷的信息获取渠道，"
            "让权力在阳光下运行。")
P_PLATFORM = ("（三）政府信息管理情况。严格执行信息发布审核制度，落实“三审三校”要求，"
              "从严把好政治关、法律关、政策关、保密关、文字关，未经审核的信息一律不得发布，"
              "全年未发生因信息发布不当引发的泄密事件和负面舆情。")
P_REQUEST = ("（二）依申请公开情况。全年受理政府信息公开申请若干件,均在法定期限内予以答复。")
P_PROBLEMS = ("本年度政府信息公开工作仍存在一些不足，主要是公开内容的深度和广度还有待提升。"
              "下一步，本局将进一步完善工作机制，加强业务培训，不断提升政府信息公开工作水平。")
P_OTHER = "本年度未收取信息处理费。"


def s3_rows() -> list[tuple[str, str | None, str | None, str]]:
    """(top label, group label, item label, row id) of every data row of table 三 (2021)."""
    sch = schema("s3", "2021")
    groups = {r.id: r.label for r in sch.rows if not r.data}
    out = []
    for r in sch.data_rows():
        if r.group is None:
            out.append((r.label, None, None, r.id))
        elif r.group == "result":
            out.append(("三、本年度办理结果", r.label, None, r.id))
        else:
            out.append(("三、本年度办理结果", groups[r.group], r.label, r.id))
    return out


def s3_value(ri: int, ci: int) -> str:
    return str(ri * 10 + ci + 1)


S3_XS = [LEFT, 100.0, 170.0, 300.0] + [300.0 + (RIGHT - 300.0) / 7 * k for k in range(1, 8)]
SPLIT_ROW = 12  # table 三 breaks after this data row (result.unavailable.not_held)


def s3_part(rows: list[tuple[int | None, tuple[str, str | None, str | None, str]]], header: bool,
            group_text: dict[str, str], top_text: str) -> tuple[list[float], list]:
    cells: list[tuple[int, int, int, int, str]] = []
    heights: list[float] = []
    r = 0
    if header:
        cells += [(0, 3, 0, 3, NOTE), (0, 1, 3, 10, "申请人情况"), (1, 3, 3, 4, "自然人"),
                  (1, 2, 4, 9, "法人或其他组织"), (1, 3, 9, 10, "总计")]
        cells += [(2, 3, 4 + k, 5 + k, t) for k, t in enumerate(["商业企业", "科研机构", "社会公益组织",
                                                                 "法律服务机构", "其他"])]
        heights += [22, 22, 46]
        r = 3
    first_result = None
    group_start: dict[str, int] = {}
    for ri, (top, group, item, _rid) in rows:  # ri None: the rest of a row cut by the page break (labels only)
        heights.append(28 if item and len(item) > 14 else 20)
        if group is None:
            cells.append((r, r + 1, 0, 3, top))
        else:
            if first_result is None:
                first_result = r
            if item is None:
                cells.append((r, r + 1, 1, 3, group))
            else:
                group_start.setdefault(group, r)
                cells.append((r, r + 1, 2, 3, item))
        if ri is not None:
            cells += [(r, r + 1, 3 + ci, 4 + ci, s3_value(ri, ci)) for ci in range(7)]
        r += 1
    # merged cells: the result column and each group
    last_result = max((i for i, (_ri, row) in enumerate(rows) if row[1] is not None), default=None)
    if first_result is not None and last_result is not None:
        cells.append((first_result, (3 if header else 0) + last_result + 1, 0, 1, top_text))
    for group, start in group_start.items():
        n = sum(1 for _ri, row in rows if row[1] == group and row[2] is not None)
        cells.append((start, start + n, 1, 2, group_text.get(group, group)))
    return heights, cells


class Marked(Builder):
    """Each page with a light-grey watermark across it at 45° (over the tables) and a page number written up
    the right margin (rotated 90°), as some offices print their reports."""

    def _decorate(self) -> None:
        super()._decorate()
        c = self.c
        c.saveState()
        c.setFillGray(0.8)
        c.setFont(FONT, 60)
        c.translate(W / 2, H / 2)
        c.rotate(45)
        c.drawCentredString(0, 0, "样张 样张")
        c.restoreState()
        c.saveState()
        c.setFont(FONT, 10)
        c.translate(RIGHT + 40, H / 2)
        c.rotate(90)
        c.drawString(0, 0, f"第{self.page}页")
        c.restoreState()


class FlatMarked(Builder):
    """Each page with a watermark laid flat (not rotated) across the tables, twice, in large letters: light grey
    (``fill="grey"``), or dark and mostly transparent (``fill="alpha"``); and a 30-point red banner line, which is
    the report's text."""

    def __init__(self, fill: str):
        self.fill = fill
        super().__init__()

    def _decorate(self) -> None:
        super()._decorate()
        c = self.c
        c.saveState()
        c.setFillColor(Color(0.85, 0.85, 0.85) if self.fill == "grey" else Color(0.2, 0.2, 0.2, alpha=0.3))
        c.setFont(FONT, 48)
        for y in (H * 0.3, H * 0.6):
            c.drawCentredString(W / 2, y, "审阅稿件")
        c.restoreState()


def build_report(*, split_table: bool = True, repeat_header: bool = False, cut_row: bool = False,
                 blank_next: bool = False, numbers_next: bool = False, blank_above: bool = False,
                 marked: bool = False, flat: str | None = None) -> bytes:
    """``cut_row``: the page break also cuts the row SPLIT_ROW in two, as Word lets a row break across pages:
    its numbers and the first characters of its label (``1.本``) on one page, the rest of the label on the next.
    ``blank_next``: the row after the break has its label and no numbers (cells left empty).
    ``numbers_next`` (with ``cut_row``): the cut row's numbers are on the next page, with the rest of its label
    (LibreOffice).  ``blank_above``: the row before the break has its label and no numbers.
    ``marked``: a watermark and a margin page number on each page (:class:`Marked`)."""
    b = Marked() if marked else Builder()
    if flat:
        b = FlatMarked(flat)
    b.top = 90
    b.centred(AGENCY, 22)
    b.centred(TITLE2, 22)
    b.top += 10
    b.paragraph(INTRO)
    b.heading("一、总体情况")
    b.paragraph(P_ACTIVE)
    b.paragraph(P_PLATFORM)
    b.paragraph(P_ACTIVE.replace("（一）主动公开情况。", "此外，"))
    b.paragraph(P_REQUEST)
    b.heading("二、主动公开政府信息情况")
    s2 = [
        (0, 1, 0, 4, "第二十条第（一）项"),
        (1, 2, 0, 1, "信息内容"), (1, 2, 1, 2, "本年制发件数"), (1, 2, 2, 3, "本年废止件数"), (1, 2, 3, 4, "现行有效件数"),
        (2, 3, 0, 1, "规章"), (2, 3, 1, 2, "1"), (2, 3, 2, 3, "2"), (2, 3, 3, 4, "3"),
        (3, 4, 0, 1, "行政规范性文件"), (3, 4, 1, 2, "4"), (3, 4, 2, 3, "5"), (3, 4, 3, 4, "6"),
        (4, 5, 0, 4, "第二十条第（五）项"),
        (5, 6, 0, 1, "信息内容"), (5, 6, 1, 4, "本年处理决定数量"),
        (6, 7, 0, 1, "行政许可"), (6, 7, 1, 4, "7"),
        (7, 8, 0, 4, "第二十条第（六）项"),
        (8, 9, 0, 1, "信息内容"), (8, 9, 1, 4, "本年处理决定数量"),
        (9, 10, 0, 1, "行政处罚"), (9, 10, 1, 4, "8"),
        (10, 11, 0, 1, "行政强制"), (10, 11, 1, 4, "9"),
        (11, 12, 0, 4, "第二十条第（八）项"),
        (12, 13, 0, 1, "信息内容"), (12, 13, 1, 4, "本年收费金额（单位：万元）"),
        (13, 14, 0, 1, "行政事业性收费"), (13, 14, 1, 4, "10.5"),
    ]
    if b.top + 14 * 18 > BOTTOM:
        b.new_page()
    b.table([LEFT, 200.0, 306.0, 412.0, RIGHT], [18.0] * 14, s2, size=9)
    b.heading("三、收到和处理政府信息公开申请情况")
    b.new_page()
    rows: list[tuple[int | None, tuple[str, str | None, str | None, str]]] = list(enumerate(s3_rows()))
    if split_table:
        head, rest = rows[:SPLIT_ROW + 1], rows[SPLIT_ROW + 1:]
        if cut_row:
            ri, (top, group, item, rid) = head[-1]
            assert item is not None
            head[-1] = (None if numbers_next else ri, (top, group, item[:3], rid))
            rest.insert(0, (ri if numbers_next else None, (top, group, item[3:], rid)))
        if blank_next:
            rest[0] = (None, rest[0][1])
        if blank_above:
            head[-1] = (None, head[-1][1])
        heights, cells = s3_part(head, True, {"（四）无法提供": "（四）无"}, "三、本年度办理结果")
        b.table(S3_XS, heights, cells)
        b.new_page()
        heights, cells = s3_part(rest, repeat_header, {"（四）无法提供": "法提供"}, "")
        b.table(S3_XS, heights, cells)
    else:
        heights, cells = s3_part(rows, True, {}, "三、本年度办理结果")
        b.table(S3_XS, heights, cells)
        b.new_page()
    b.heading("四、政府信息公开行政复议、行政诉讼情况")
    xs4 = [LEFT + (RIGHT - LEFT) / 15 * k for k in range(16)]
    res = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    s4 = [(0, 1, 0, 5, "行政复议"), (0, 1, 5, 15, "行政诉讼"), (1, 2, 5, 10, "未经复议直接起诉"),
          (1, 2, 10, 15, "复议后起诉")]
    s4 += [(1, 3, k, k + 1, t) for k, t in enumerate(res)]
    s4 += [(2, 3, 5 + k, 6 + k, t) for k, t in enumerate(res)]
    s4 += [(2, 3, 10 + k, 11 + k, t) for k, t in enumerate(res)]
    s4 += [(3, 4, k, k + 1, str(100 + k)) for k in range(15)]
    b.table(xs4, [20, 20, 30, 20], s4, size=8)
    b.heading("五、存在的主要问题及改进情况")
    b.paragraph(P_PROBLEMS)
    b.heading("六、其他需要报告的事项")
    b.paragraph(P_OTHER)
    b.top += PITCH
    b.right(AGENCY)
    b.right("2024年1月20日")
    return b.bytes()


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return build_report()


@pytest.fixture(scope="module")
def doc(report_pdf) -> Document:
    return pdf_reader.read("report.pdf", report_pdf)


def lint_doc(doc: Document, select: list[str] | None = None):
    config = Config() if select is None else Config(select=select)
    return run(interpret(doc), prepare(load_rules(), config))


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind != "table"]


# -- text ------------------------------------------------------------------------------------------


def test_document_shape(doc):
    assert doc.format == "pdf"
    assert doc.has_lines is False
    assert doc.text == ""
    assert doc.encoding is None
    assert doc.meta["pages"] == 4
    assert doc.notices == ()
    for b in doc.blocks:
        assert b.line is None and b.column is None
        assert b.anchors and all(a.page is not None and a.column == 1 for a in b.anchors)


def test_title_lines_joined_and_sections_found(doc):
    rep = interpret(doc)
    assert rep.title == RUNNING
    assert rep.agency.name == AGENCY
    assert rep.year == 2023
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert [s.label for s in rep.sections][:2] == ["一、总体情况", "二、主动公开政府信息情况"]


def test_paragraphs_rebuilt_without_page_furniture(doc):
    ts = texts(doc)
    assert INTRO in ts
    assert P_ACTIVE in ts  # wrapped over several lines
    assert P_REQUEST in ts
    assert P_PROBLEMS in ts
    # the second long paragraph runs over the page break between pages 1 and 2
    cont = P_ACTIVE.replace("（一）主动公开情况。", "此外，")
    assert cont in ts
    block = next(b for b in doc.blocks if b.text == cont)
    assert {a.page for a in block.anchors} == {1, 2}
    for t in ts:
        assert "- 1 -" not in t and "- 2 -" not in t
        assert t != RUNNING or t is ts[0]
    assert sum(1 for t in ts if RUNNING in t) == 1  # the title, not the running header
    assert not any(t.strip().strip("-– ").isdigit() for t in ts)


def test_headings_marked_by_numbering(doc):
    heads = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert ("一、总体情况", 1) in heads
    assert ("六、其他需要报告的事项", 1) in heads
    # a paragraph that starts with a sub-item number is not a heading
    assert not any(t.startswith("（一）主动公开情况") for t, _ in heads)


def test_signature_lines_stay_apart(doc):
    ts = texts(doc)
    assert ts[-2:] == [AGENCY, "2024年1月20日"]
    assert interpret(doc).published is not None


def test_anchors_give_page_and_line(doc):
    block = next(b for b in doc.blocks if b.text == P_REQUEST)
    a = block.anchors[0]
    loc = block.locate(block.text.index(","))
    assert loc.page == a.page
    assert loc.line in (a.line, a.line + 1)
    # lines are counted from the top of the page: running header, then body lines
    intro = next(b for b in doc.blocks if b.text == INTRO)
    assert intro.anchors[0].page == 1
    assert intro.anchors[0].line == 4  # header, two title lines, first intro line
    assert [x.line for x in intro.anchors] == list(range(4, 4 + len(intro.anchors)))


def test_engine_reports_page_pointer(doc):
    diags = [d for d in lint_doc(doc, ["DL701"]) if d.code == "DL701"]
    assert len(diags) == 1
    d = diags[0]
    assert d.line is None and d.column is None
    block = next(b for b in doc.blocks if b.text == P_REQUEST)
    loc = block.locate(block.text.index(","))
    assert d.pointer.startswith(f"第{loc.page}页第{loc.line}行")


# -- tables ----------------------------------------------------------------------------------------


def test_tables_are_blocks_and_not_paragraphs(doc):
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 3  # 二, 三 (two pages merged), 四
    for t in texts(doc):
        assert "本年新收" not in t and "结果维持" not in t and "信息内容" not in t and "申请人情况" not in t


def test_stats_table_three_every_cell(doc):
    rep = interpret(doc)
    st = rep.stats["s3"]
    assert st.unmapped == [] and st.missing_rows == [] and st.missing_cols == []
    assert st.detected_version == "2021"
    for ri, (_top, _group, _item, rid) in enumerate(s3_rows()):
        for ci, col in enumerate(S3_COLS):
            cell = st.get(rid, col.id)
            assert cell is not None, (rid, col.id)
            assert cell.raw == s3_value(ri, ci), (rid, col.id, cell.raw)


def test_stats_tables_two_and_four(doc):
    rep = interpret(doc)
    s2 = rep.stats["s2"]
    assert s2.unmapped == [] and s2.missing_rows == []
    assert s2.get("rules", "issued").raw == "1"
    assert s2.get("normative_docs", "in_force").raw == "6"
    assert s2.get("coercion", "decisions").raw == "9"
    assert s2.get("fees", "amount").raw == "10.5"
    s4 = rep.stats["s4"]
    assert s4.unmapped == [] and s4.missing_cols == []
    for k, col in enumerate(S4_COLS):
        assert s4.get("cases", col.id).raw == str(100 + k)


def test_merged_cells_expanded_and_wrapped_labels_joined(doc):
    t3 = [b for b in doc.blocks if b.kind == "table"][1].table
    head = [r.texts for r in t3.rows[:3]]
    assert head[0][:3] == [NOTE] * 3 and head[0][3:] == ["申请人情况"] * 7
    assert head[1][3:] == ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    assert head[2][3:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    by_item = {r.texts[2]: r.texts for r in t3.rows}
    assert "5.要求行政机关确认或重新出具已获取信息" in by_item  # wrapped over two lines in its cell
    # the merged group cell cut by the page break is one label again, on every row it covers
    for item in ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"):
        assert by_item[item][:2] == ["三、本年度办理结果", "（四）无法提供"]
    assert by_item["3.补正后申请内容仍不明确"][3] == s3_value(14, 0)


def test_cell_pointers_name_page_table_row_column(doc):
    t3 = [b for b in doc.blocks if b.kind == "table"][1].table
    first = t3.rows[3].cells[3]  # 一、本年新收 / 自然人, page 3
    assert first.pointer == "第3页表1第4行第4列"
    row = next(r for r in t3.rows if r.texts[2] == "2.没有现成信息需要另行制作")
    assert row.cells[9].pointer == "第4页表1第1行第10列"  # the continuation starts page 4
    assert row.cells[9].text == s3_value(13, 6)
    assert t3.rows[0].header and not t3.rows[3].header


def test_cell_finding_points_at_page(doc):
    from disclosure_lint.engine import _diagnostic
    from disclosure_lint.kinds.base import Hit

    rep = interpret(doc)
    block = [b for b in doc.blocks if b.kind == "table"][1]
    cell = next(r for r in block.table.rows if r.texts[2] == "2.没有现成信息需要另行制作").cells[9]
    active = prepare(load_rules(), Config(select=["DL205"]))[0]
    d = _diagnostic(rep, active, Hit(block=block, cell=cell))
    assert d.line is None
    assert d.pointer == "三、收到和处理政府信息公开申请情况 › 第4页表1第1行第10列"
    # a finding on the table text itself is placed by page and line
    d = _diagnostic(rep, active, Hit(block=block, start=block.text.index("申请人情况"), end=None))
    assert d.pointer.startswith("第3页第")


def test_unsplit_table_reads_the_same():
    doc = pdf_reader.read("r.pdf", build_report(split_table=False))
    st = interpret(doc).stats["s3"]
    assert st.unmapped == [] and st.missing_rows == []
    assert st.get("result.unavailable.unclear", "total").raw == s3_value(14, 6)


def test_repeated_header_rows_of_a_continuation_are_dropped():
    doc = pdf_reader.read("r.pdf", build_report(repeat_header=True))
    t3 = [b for b in doc.blocks if b.kind == "table"][1].table
    assert sum(1 for r in t3.rows if r.texts[3] == "申请人情况") == 1
    assert len(t3.rows) == 3 + len(s3_rows())
    st = interpret(doc).stats["s3"]
    assert st.unmapped == [] and st.missing_rows == []
    assert st.get("result.unavailable.need_creation", "natural_person").raw == s3_value(13, 0)
    groups = {r.texts[2]: r.texts[1] for r in t3.rows}
    assert groups["2.没有现成信息需要另行制作"] == "（四）无法提供"


@pytest.mark.parametrize("repeat_header", [False, True])
def test_a_row_cut_by_the_page_break_is_one_row(repeat_header):
    """Word lets a row break across pages: 1.本 with the row's numbers ends page 3, 机关不掌握相关政府信息 (no
    numbers) opens page 4. The two are one row, read as the uncut table reads it; no label left unread."""
    doc = pdf_reader.read("r.pdf", build_report(cut_row=True, repeat_header=repeat_header))
    t3 = [b for b in doc.blocks if b.kind == "table"][1].table
    assert len(t3.rows) == 3 + len(s3_rows())
    row = next(r for r in t3.rows if r.texts[2] == "1.本机关不掌握相关政府信息")
    assert row.texts[1] == "（四）无法提供" and row.texts[3:] == [s3_value(SPLIT_ROW, ci) for ci in range(7)]
    assert not any(r.texts[2] == "机关不掌握相关政府信息" for r in t3.rows)
    st = interpret(doc).stats["s3"]
    assert st.unmapped == [] and st.missing_rows == []
    assert st.get("result.unavailable.not_held", "total").raw == s3_value(SPLIT_ROW, 6)
    uncut = lint_doc(pdf_reader.read("r.pdf", build_report(repeat_header=repeat_header)))
    assert [d.code for d in lint_doc(doc)] == [d.code for d in uncut]


@pytest.mark.parametrize("repeat_header", [False, True])
def test_a_row_cut_by_the_page_break_with_its_numbers_on_the_next_page_is_one_row(repeat_header):
    """LibreOffice breaks a row the other way: 1.申 (1.本 here) with empty number cells ends page 3, the rest of
    the label with the row's numbers opens page 4 (DL110 for a missing row, DL231 on its numbers before)."""
    doc = pdf_reader.read("r.pdf", build_report(cut_row=True, numbers_next=True, repeat_header=repeat_header))
    t3 = [b for b in doc.blocks if b.kind == "table"][1].table
    assert len(t3.rows) == 3 + len(s3_rows())
    row = next(r for r in t3.rows if r.texts[2] == "1.本机关不掌握相关政府信息")
    assert row.texts[1] == "（四）无法提供" and row.texts[3:] == [s3_value(SPLIT_ROW, ci) for ci in range(7)]
    assert not any(r.texts[2] in ("1.本", "机关不掌握相关政府信息") for r in t3.rows)
    st = interpret(doc).stats["s3"]
    assert st.unmapped == [] and st.missing_rows == []
    uncut = lint_doc(pdf_reader.read("r.pdf", build_report(repeat_header=repeat_header)))
    assert [d.code for d in lint_doc(doc)] == [d.code for d in uncut]


def test_a_row_without_numbers_before_the_break_stays_when_the_next_row_is_numbered():
    """The row above the break left empty and the next page's first row a numbered item with its numbers: two
    rows, not one."""
    doc = pdf_reader.read("r.pdf", build_report(blank_above=True))
    t3 = [b for b in doc.blocks if b.kind == "table"][1].table
    assert len(t3.rows) == 3 + len(s3_rows())
    assert next(r for r in t3.rows if r.texts[2] == "1.本机关不掌握相关政府信息").texts[3:] == [""] * 7
    assert next(r for r in t3.rows if r.texts[2] == "2.没有现成信息需要另行制作").texts[3] == s3_value(SPLIT_ROW + 1, 0)


@pytest.mark.parametrize("pdfium", [True, False])
def test_a_watermark_and_a_margin_page_number_are_not_the_reports_text(pdfium, monkeypatch):
    """A watermark at 45° over the tables (政务公开 read into cells: "开0" is not a number, DL205; 样张 here) and a page
    number up the right margin (第3页 joined to the body's lines) are not the report's text, whichever library
    reads the page."""
    if not pdfium:
        monkeypatch.setattr(pdf_reader, "page_objects", lambda *a, **k: None)
    doc = pdf_reader.read("r.pdf", build_report(marked=True))
    text = "".join(b.text for b in doc.blocks)
    assert "样" not in text and "第3页" not in text
    plain = pdf_reader.read("r.pdf", build_report())
    assert [b.text for b in doc.blocks] == [b.text for b in plain.blocks]
    assert [d.code for d in lint_doc(doc)] == [d.code for d in lint_doc(plain)]


@pytest.mark.parametrize("pdfium", [True, False])
def test_a_watermark_laid_flat_is_not_the_reports_text(pdfium, monkeypatch):
    """A large light-grey watermark laid flat over the tables (政务公开 read into the cells: DL205 *errors*
    "政2.重复申请务"; red team, round 17) is not the report's text, whichever library reads the page."""
    if not pdfium:
        monkeypatch.setattr(pdf_reader, "page_objects", lambda *a, **k: None)
    doc = pdf_reader.read("r.pdf", build_report(flat="grey"))
    assert "稿" not in "".join(b.text for b in doc.blocks)
    plain = pdf_reader.read("r.pdf", build_report())
    assert [b.text for b in doc.blocks] == [b.text for b in plain.blocks]
    assert [d.code for d in lint_doc(doc)] == [d.code for d in lint_doc(plain)]


def test_a_transparent_watermark_is_left_out_where_pdfium_reads_the_page(monkeypatch):
    """Dark but mostly transparent large text is a watermark too.  Only PDFium gives the transparency (pdfplumber,
    which reads this report's table pages, does not): on the pages PDFium reads, the characters are those of the
    report without the watermark."""
    got: dict[bool, list] = {True: [], False: []}
    real = pdf_reader.page_objects

    def spy(key):
        def page_objects(*a, **k):
            objs = real(*a, **k)
            got[key].append(objs.chars if objs is not None else None)
            return objs
        return page_objects

    for key, flat in ((True, "alpha"), (False, None)):
        monkeypatch.setattr(pdf_reader, "page_objects", spy(key))
        pdf_reader.read("r.pdf", build_report(flat=flat))
    read = [(a, b) for a, b in zip(got[True], got[False], strict=True) if a is not None]
    assert read and all(a == b for a, b in read)


@pytest.mark.parametrize("pdfium", [True, False])
def test_large_dark_or_red_text_stays(pdfium, monkeypatch):
    """A large title in black or red (a 红头 banner at 36 pt) is the report's text, not a watermark."""
    if not pdfium:
        monkeypatch.setattr(pdf_reader, "page_objects", lambda *a, **k: None)
    b = Builder()
    c = b.c
    c.setFillColor(Color(0.9, 0.1, 0.1))
    c.setFont(FONT, 36)
    c.drawString(LEFT, H - 100, "某某区人民政府文件")
    c.setFillColor(Color(0, 0, 0))
    c.setFont(FONT, 30)
    c.drawString(LEFT, H - 160, "年度报告正文标题")
    for k in range(6):
        b.text(LEFT, 220 + k * PITCH, "本机关全年主动公开政府信息一千余条，依申请公开办理及时。")
    text = "".join(x.text for x in pdf_reader.read("r.pdf", b.bytes()).blocks)
    assert "某某区人民政府文件" in text and "年度报告正文标题" in text


def test_vertical_text_within_the_body_stays(monkeypatch):
    """Text rotated 90° among the body's text (a table's vertical label) is read; only text beside the body's
    text on the margin is left out."""
    monkeypatch.setattr(pdf_reader, "page_objects", lambda *a, **k: None)
    b = Builder()
    for k in range(12):
        b.text(LEFT, 100 + k * PITCH, "本机关全年主动公开政府信息一千余条，依申请公开办理及时。")
    c = b.c
    c.saveState()
    c.setFont(FONT, 12)
    c.translate(LEFT + 200, H - 600)
    c.rotate(90)
    c.drawString(0, 0, "统计表")
    c.restoreState()
    doc = pdf_reader.read("r.pdf", b.bytes())
    text = "".join(b.text for b in doc.blocks)
    assert all(ch in text for ch in "统计表")  # (one character a line: up the page)


def test_a_numbered_row_opening_the_next_page_is_its_own_row():
    """A row whose numbers were left empty, at the top of the next page, is not the rest of the row above when
    its label opens with an item's number: only label fragments are joined."""
    doc = pdf_reader.read("r.pdf", build_report(blank_next=True))
    t3 = [b for b in doc.blocks if b.kind == "table"][1].table
    assert len(t3.rows) == 3 + len(s3_rows())
    assert next(r for r in t3.rows if r.texts[2] == "1.本机关不掌握相关政府信息").texts[3] == s3_value(SPLIT_ROW, 0)
    assert next(r for r in t3.rows if r.texts[2] == "2.没有现成信息需要另行制作").texts[3:] == [""] * 7


def test_through_the_api(tmp_path, report_pdf):
    p = tmp_path / "report.pdf"
    p.write_bytes(report_pdf)
    res = check_paths([str(p)])
    fr = res.files[0]
    assert fr.error is None
    assert fr.format == "pdf"
    assert "DL101" not in [d.code for d in fr.diagnostics]
    assert "DL002" not in [d.code for d in fr.diagnostics]


def test_open_bottom_row_is_kept_and_backgrounds_are_not_rules():
    """WPS draws white (or shaded) filled rectangles behind every line and cell, and a table cut by a
    page break may have no rule under its last row: the vertical rules still end together."""
    b = Builder(header=False, footer=False)
    c = b.c
    c.setFillColorRGB(1, 1, 1)
    for k in range(3):  # white line backgrounds behind the paragraph
        c.rect(LEFT, H - (80 + 28 * k) - 27, RIGHT - LEFT, 27, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    b.paragraph("本年度本机关认真贯彻落实《条例》，主动公开政府信息若干条，依申请公开工作有序开展，群众满意度较高。")
    top = b.top + 20
    c.setFillColorRGB(0.78, 0.85, 0.95)  # a shaded header cell
    c.rect(LEFT, H - top - 20, 200, 20, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setLineWidth(0.5)
    for y in (top, top + 20, top + 40):  # no rule under the third row
        c.line(LEFT, H - y, RIGHT, H - y)
    for x in (LEFT, 274.0, RIGHT):
        c.line(x, H - top, x, H - top - 60)
    for r, (label, val) in enumerate([("信息内容", "本年处理决定数量"), ("行政处罚", "12"), ("行政强制", "34")]):
        b.text(LEFT + 4, top + 20 * r + 4, label, size=10)
        b.text(278, top + 20 * r + 4, val, size=10)
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert [bl.kind for bl in doc.blocks] == ["paragraph", "table"]
    assert [r.texts for r in doc.blocks[1].table.rows] == [["信息内容", "本年处理决定数量"], ["行政处罚", "12"],
                                                         ["行政强制", "34"]]


def test_characters_folded_deduplicated_and_undecodable_counted():
    def ch(t, x, top=100.0):
        return {"text": t, "x0": x, "x1": x + 10, "top": top, "bottom": top + 10, "size": 10}

    raw = [ch("\u2f8f", 0), ch("政", 10), ch("政", 10.3, 100.2), ch("(cid:12)", 20), ch("\ue000", 30), ch(" ", 40)]
    chars, undecodable = pdf_reader._chars(raw)
    assert [c.text for c in chars] == ["行", "政"]  # Kangxi radical folded, fake-bold copy dropped
    assert undecodable == 2


def test_latin_words_keep_their_spaces_cjk_never_gets_one():
    b = Builder(header=False, footer=False)
    b.text(LEFT, 100, "电话：", size=12)
    b.c.setFont("Helvetica", 12)
    b.c.drawString(LEFT + 40, H - 100 - 10, "0517-1234 ext 8")
    b.text(LEFT + 140, 100, "年", size=12)
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == ["电话：0517-1234 ext 8年"]


# -- page furniture variants -----------------------------------------------------------------------


LONG = "".join(f"第{k}项工作按计划推进，完成情况良好，群众满意度达到{90 + k % 10}%以上；" for k in range(1, 70)) + "全部完成。"


@pytest.mark.parametrize("footer", ["第{n}页 共3页", "{n}/3", "— {n} —", "{n}", "- {n} -"])
def test_page_number_forms_removed(footer):
    b = Builder(header=False, footer=False)
    b.footer_fmt = footer
    b._decorate()
    b.paragraph(LONG)
    assert b.page >= 3
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == [LONG]  # one paragraph over three pages, page numbers gone
    block = doc.blocks[0]
    assert {a.page for a in block.anchors} == set(range(1, b.page + 1))


def test_running_header_and_footer_removed():
    b = Builder(header=True, footer=False)
    b.footer_fmt = "某某市某某局 第{n}页"
    b._decorate()
    b.paragraph(LONG)
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == [LONG]


def test_repeated_body_lines_are_not_furniture():
    b = Builder(header=False, footer=False)
    for n in range(3):
        if n:
            b.new_page()
        b.paragraph("本页正文。")
        b.paragraph("本页正文。")
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == ["本页正文。"] * 6


def test_heading_number_starts_new_paragraph_even_without_indent():
    b = Builder(header=False)
    b.paragraph("一、总体情况", indent=False)
    b.paragraph("本年度本机关认真贯彻落实《条例》，主动公开政府信息若干条，依申请公开工作有序开展。", indent=False)
    b.paragraph("二、主动公开政府信息情况", indent=False)
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == ["一、总体情况", "本年度本机关认真贯彻落实《条例》，主动公开政府信息若干条，依申请公开工作有序开展。",
                          "二、主动公开政府信息情况"]


# -- paragraph layouts: titles, margins, ragged-right text ------------------------------------------


LONG_AGENCY = "某某省某某市某某区人力资源和社会保障局"  # 19 characters: 418 pt at 22 pt, 13 pt spare each side


def title_then_body(b: Builder, title_lines: list[str]) -> None:
    for s in title_lines:
        b.centred(s, 22)
    b.top += 12
    b.paragraph(INTRO)
    b.paragraph(P_ACTIVE)


def test_two_line_title_with_a_long_first_line_is_joined():
    assert 0 < (RIGHT - LEFT - Builder().width(LONG_AGENCY, 22)) / 2 < 1.5 * 22  # not 'centred' by itself
    b = Builder(header=False)
    title_then_body(b, [LONG_AGENCY, TITLE2])
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc)[:3] == [LONG_AGENCY + TITLE2, INTRO, P_ACTIVE]
    rep = interpret(doc)
    assert rep.agency.name == LONG_AGENCY and rep.year == 2023


def test_title_wrapped_by_the_layout_is_joined():
    """A long title left to wrap: the first line runs (nearly) full width, the rest is centred."""
    title = "某某市某某区农业农村局" + TITLE2
    b = Builder(header=False)
    lines = b.wrap(title, RIGHT - LEFT, 22)
    assert len(lines) == 2 and b.width(lines[0], 22) > RIGHT - LEFT - 22
    title_then_body(b, lines)
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc)[:2] == [title, INTRO]
    assert interpret(doc).agency.name == "某某市某某区农业农村局"


def test_large_line_set_flush_left_is_not_joined_to_a_centred_title():
    b = Builder(header=False)
    b.text(LEFT, b.top, "附件1", size=22)
    b.top += 22 * 1.6
    title_then_body(b, [AGENCY, TITLE2])
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc)[:3] == ["附件1", RUNNING, INTRO]


def test_last_page_of_short_lines_keeps_the_document_margins():
    """A page whose lines reach neither margin (short indented headings and one-line paragraphs)
    does not get margins of its own: its lines stay indented, short, and apart."""
    b = Builder(header=False)
    b.paragraph(INTRO)
    b.paragraph(P_ACTIVE)
    b.new_page()
    short = ["五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", P_OTHER]
    for s in short:
        b.paragraph(s)
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == [INTRO, P_ACTIVE] + short
    assert [b_.anchors[0].page for b_ in doc.blocks[2:]] == [2, 2, 2, 2]


class MirroredBuilder(Builder):
    """Mirrored margins: even pages are set 24 pt further right (the binding edge alternates)."""

    def text(self, x: float, top: float, s: str, size: float = BODY, char_space: float = 0.0) -> None:
        super().text(x + (24 if self.page % 2 == 0 else 0), top, s, size=size, char_space=char_space)


def test_page_with_few_lines_takes_the_margins_of_its_side_of_the_spread():
    b = MirroredBuilder(header=False)
    while b.page < 3:
        b.paragraph(P_ACTIVE)
    b.top = BOTTOM - BODY - PITCH  # room for two lines: P_PROBLEMS runs onto page 4 with one line
    b.paragraph(P_PROBLEMS)
    b.paragraph(P_OTHER)
    assert b.page == 4
    doc = pdf_reader.read("x.pdf", b.bytes())
    ts = texts(doc)
    assert ts[-2:] == [P_PROBLEMS, P_OTHER]  # not split where page 4's lines start 24 pt further right
    assert {a.page for a in doc.blocks[-2].anchors} == {3, 4}
    assert all(t == P_ACTIVE for t in ts[:-2])


def ragged(b: Builder, s: str, indent: bool = True) -> list[str]:
    """A paragraph set flush left like a browser's print to PDF: lines broken where the next unit
    (a character, a number, a Latin word) does not fit, closing punctuation hanging, no justifying."""
    from . import render

    lines = render.break_lines(s, RIGHT - LEFT, BODY, indent=2 * BODY if indent else 0.0)
    for i, line in enumerate(lines):
        b.text(LEFT + (2 * BODY if indent and i == 0 else 0), b.top, line)
        b.top += PITCH
    return lines


# each first line ends with a comma hanging past the margin; each second line ends short because
# what follows does not fit: a phone number (60 pt left, 88 pt needed), a Latin word (28 pt, 56 pt)
RAGGED_PHONE = ("本机关政府信息公开工作的联系人为办公室的李某和王某，请拨打办公室的固定电话或者联系工作人员的个人手机"
                "13912345678，也可以到办公地址为某某市某某区人民路88号行政中心东楼1205室当面咨询，"
                "工作时间为每周一至周五上午9:00至下午17:30，法定节假日除外；自2024.1.5起受理地点调整为政务服务中心二楼综合窗口。")
RAGGED_MAIL = ("依申请公开工作的咨询电话由局办公室的李某和王某值守，也可以发送电子邮件到本机关政府信息公开专用的电子邮箱"
               "gongkai@example.gov.cn，我们将在收到邮件后的五个工作日内答复。")


def test_ragged_right_lines_ending_short_of_the_margin_do_not_end_the_paragraph():
    b = Builder(header=False)
    paras = [INTRO, "一、总体情况", RAGGED_PHONE, RAGGED_MAIL, P_PROBLEMS]
    for s in paras:
        lines = ragged(b, s)
        if s.startswith(("依申请", "本机关")):
            ends = [LEFT + (2 * BODY if i == 0 else 0) + b.width(ln) for i, ln in enumerate(lines)]
            assert ends[0] > RIGHT + 1 and lines[0].endswith("，")  # the comma hangs
            assert RIGHT - ends[1] > 1.5 * BODY  # the line ends well short of the margin
            assert lines[2][0].isascii()  # before the number or word that did not fit
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == paras


def test_ragged_right_line_with_room_for_what_follows_ends_the_paragraph():
    """The room left on a short line is compared with the next line's first unit: a character
    that would have fitted, or a unit wider than half the line (a long web address), starts a
    new paragraph as before."""
    url = "https://www.example.gov.cn/zwgk/zfxxgkndbg/2023/annual-report-of-the-agency.html"
    b = Builder(header=False)
    b.paragraph(INTRO)
    b.paragraph("注：本年度数据截至2023年12月31日。", indent=False)
    b.paragraph(P_OTHER)  # one short line …
    b.paragraph(url, indent=False)  # … and a unit longer than half the line, not indented
    assert b.width(url) > (RIGHT - LEFT) / 2
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == [INTRO, "注：本年度数据截至2023年12月31日。", P_OTHER, url]


def test_lead_width_is_the_first_unbreakable_unit():
    def line(s: str, w: dict[str, float] | None = None) -> list:
        out, x = [], 0.0
        for t in s:
            width = (w or {}).get(t, 16.0 if not t.isascii() else 8.0)
            out.append(pdf_reader._Char(t, x, x + width, 0.0, 16.0, 16.0))
            x += width + 1.0  # justified: spacing between glyphs is not part of the width
        return out

    lead = pdf_reader._lead_width
    assert lead(line("13912345678。下")) == 11 * 8 + 16
    assert lead(line("2024.1.5（星期五）")) == 8 * 8
    assert lead(line("gongkai@example")) == 7 * 8  # "@" is not part of a word
    assert lead(line("（一）主动公开")) == 3 * 16
    assert lead(line("于，2023年")) == 32
    assert lead(line("，于")) == 16
    assert lead(line("本")) == 16
    apart = line("ab") + [pdf_reader._Char("cd", 30.0, 46.0, 0.0, 16.0, 16.0)]  # a space between words
    assert lead(apart) == 16


# -- scans and notices -----------------------------------------------------------------------------


def scan_pdf(pages: int = 2) -> bytes:
    b = Builder(header=False, footer=False)
    for n in range(pages):
        if n:
            b.new_page()
        b.image(60, RIGHT - LEFT, 700)
    return b.bytes()


def test_scan_gives_notice_and_no_blocks():
    doc = pdf_reader.read("scan.pdf", scan_pdf())
    assert doc.blocks == ()
    assert doc.notices == (ReaderNotice("no-text-layer", total=2),)


def test_scan_gives_dl002_only():
    diags = lint_doc(pdf_reader.read("scan.pdf", scan_pdf()))
    assert [d.code for d in diags] == ["DL002"]
    d = diags[0]
    assert d.severity == "warning"
    assert "OCR" in d.message and "全部2页" in d.message
    assert d.pointer is None


def test_scan_with_page_numbers_is_still_a_scan():
    b = Builder(header=False, footer=True)  # a PDF tool stamped "- n -" on the scanned pages
    for n in range(3):
        if n:
            b.new_page()
        b.image(60, RIGHT - LEFT, 700)
    doc = pdf_reader.read("scan.pdf", b.bytes())
    assert doc.blocks == ()
    assert doc.notices == (ReaderNotice("no-text-layer", total=3),)
    assert [d.code for d in lint_doc(doc)] == ["DL002"]


def test_vector_only_pdf_without_text_is_a_scan_too():
    b = Builder(header=False, footer=False)
    b.c.rect(100, 100, 300, 300)
    diags = lint_doc(pdf_reader.read("x.pdf", b.bytes()))
    assert [d.code for d in diags] == ["DL002"]


def test_partial_scan_names_the_pages():
    b = Builder(header=False)
    b.paragraph("一、总体情况", indent=False)
    b.paragraph("本年度本机关认真贯彻落实《条例》。")
    b.new_page()
    b.image(80, RIGHT - LEFT, 600)
    b.new_page()
    b.image(80, RIGHT - LEFT, 600)
    b.new_page()  # a blank page (only the footer is text)
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert ReaderNotice("pages-without-text", pages=(2, 3), total=4) in doc.notices
    diags = [d for d in lint_doc(doc, ["DL002"]) if d.code == "DL002"]
    assert len(diags) == 1
    assert "第2–3页" in diags[0].message and "OCR" in diags[0].message
    # the pictures stand in the text as images (a table published as a picture counts as a table)
    assert [b.kind for b in doc.blocks].count("image") == 2


def test_blank_page_is_not_a_scan():
    b = Builder(header=False, footer=False)
    b.paragraph("本年度本机关认真贯彻落实《条例》。")
    b.new_page()
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert doc.notices == ()


def test_picture_table_counts_as_table():
    b = Builder(header=False)
    b.heading("三、收到和处理政府信息公开申请情况")
    b.image(b.top, RIGHT - LEFT, 300)
    b.top += 310
    b.heading("四、政府信息公开行政复议、行政诉讼情况")
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert [bl.kind for bl in doc.blocks] == ["heading", "image", "heading"]
    rep = interpret(doc)
    sec = rep.sections_by_id["s3"]
    from disclosure_lint.report.structure import has_table

    assert has_table(sec.blocks, "s3")


def test_page_limit(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    b = Builder(header=False)
    for n in range(3):
        if n:
            b.new_page()
        b.paragraph(f"第{n + 1}页正文。")
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert doc.meta["pages"] == 3 and doc.meta["pages_read"] == 2
    assert ReaderNotice("page-limit", total=3, read=2) in doc.notices
    assert [bl.text for bl in doc.blocks] == ["第1页正文。", "第2页正文。"]
    diags = [d for d in lint_doc(doc, ["DL002"]) if d.code == "DL002"]
    assert len(diags) == 1 and "共3页" in diags[0].message and "前2页" in diags[0].message


def test_reader_notice_image_only_markdown_and_quiet_on_text(lint_fn):
    fired = lint_fn("# 某某局2023年政府信息公开工作年度报告\n\n![](a.jpg)\n", select=["DL002"])
    assert [d.code for d in fired] == ["DL002"]
    assert "1张" in fired[0].message
    quiet = lint_fn("# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n全年公开信息120条。\n\n![](a.jpg)\n",
                    select=["DL002"])
    assert quiet == []
    text_fmt = lint_fn("某某局2023年政府信息公开工作年度报告\n全年公开信息120条。\n", select=["DL002"], fmt="text")
    assert text_fmt == []


# -- unreadable files ------------------------------------------------------------------------------


def small_pdf(text: str = "一、总体情况", **kw) -> bytes:
    b = Builder(header=False, footer=False, **kw)
    b.paragraph(text, indent=False)
    return b.bytes()


def test_not_a_pdf():
    with pytest.raises(InputError, match="不是有效的 PDF"):
        pdf_reader.read("x.pdf", b"<html>hello</html>")


def test_corrupt_pdf():
    with pytest.raises(InputError, match=r"损坏|不完整"):
        pdf_reader.read("x.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 100 + b"\n%%EOF\n")


def test_truncated_pdf():
    data = small_pdf()
    for cut in (40, len(data) // 3, len(data) // 2):
        try:
            doc = pdf_reader.read("x.pdf", data[:cut])
        except InputError as exc:
            assert "不完整" in str(exc) or "损坏" in str(exc)
        else:  # pdfminer may recover what is there: then it is a Document
            assert isinstance(doc, Document)


def test_password_protected_pdf():
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = small_pdf(encrypt=StandardEncryption("user-secret", "owner-secret"))
    with pytest.raises(InputError, match="密码"):
        pdf_reader.read("x.pdf", data)


def test_owner_password_only_is_readable():
    from reportlab.lib.pdfencrypt import StandardEncryption

    b = Builder(header=False, footer=False, encrypt=StandardEncryption("", "owner-secret", canPrint=0))
    b.c.setFont("Helvetica", 12)
    b.c.drawString(LEFT, 700, "Annual report 2023")
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc) == ["Annual report 2023"]


def test_errors_through_the_api(tmp_path):
    p = tmp_path / "bad.pdf"
    p.write_bytes(b"%PDF-1.7\nnot really\n")
    fr = check_paths([str(p)]).files[0]
    assert fr.error and "PDF" in fr.error


# -- fuzzing ---------------------------------------------------------------------------------------

_SMALL = None


def _small() -> bytes:
    global _SMALL
    if _SMALL is None:
        b = Builder(header=False)
        b.paragraph("一、总体情况", indent=False)
        b.table([LEFT, 200.0, 300.0], [20.0, 20.0], [(0, 1, 0, 1, "规章"), (0, 1, 1, 2, "1"),
                                                      (1, 2, 0, 2, "合计")])
        _SMALL = b.bytes()
    return _SMALL


def _read_or_input_error(data: bytes) -> None:
    try:
        doc = pdf_reader.read("f.pdf", data)
    except InputError as exc:
        assert str(exc)
    else:
        assert isinstance(doc, Document)
        interpret(doc).sections  # noqa: B018 - the report layer copes too


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_bytes(data):
    _read_or_input_error(b"%PDF-1.4\n" + data)
    _read_or_input_error(data)


@st.composite
def mutated(draw):
    data = bytearray(_small())
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "dup", "zero"]))
        pos = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            n = draw(st.integers(1, 200))
            del data[pos:pos + n]
        elif op == "dup":
            n = draw(st.integers(1, 200))
            data[pos:pos] = data[pos:pos + n]
        else:
            n = draw(st.integers(1, 50))
            data[pos:pos + n] = b"\x00" * len(data[pos:pos + n])
        if not data:
            data = bytearray(b"%PDF-1.4")
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fuzz_mutated_pdf(data):
    _read_or_input_error(data)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fuzz_mutated_pdf_long(data):
    _read_or_input_error(data)


@pytest.mark.slow
def test_fuzz_mutated_report_long():
    rnd = random.Random(7)
    base = build_report()
    for _ in range(300):
        data = bytearray(base)
        for _ in range(rnd.randint(1, 20)):
            pos = rnd.randrange(len(data))
            data[pos] = rnd.randrange(256)
        _read_or_input_error(bytes(data))


# -- the real reports ------------------------------------------------------------------------------

REAL = ["hongze-district-2023", "hongze-district-2024", "huaian-city-2024"]


def real(name: str) -> Document:
    path = CORPUS / f"{name}.pdf"
    if not path.is_file():
        pytest.skip(NO_SHARED)
    return pdf_reader.read(str(path), path.read_bytes())


@functools.cache
def real_doc(name: str) -> Document:
    """:func:`real`, read once for the tests that only look at the document (Documents are immutable)."""
    return real(name)


@pytest.mark.parametrize("name", REAL)
def test_real_reports_sections_and_tables(name):
    doc = real_doc(name)
    rep = interpret(doc)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert rep.year in (2023, 2024) and rep.agency.name and "人民政府" in rep.agency.name
    assert set(rep.stats) == {"s2", "s3", "s4"}
    for st_ in rep.stats.values():
        assert st_.unmapped == [] and st_.missing_rows == [] and st_.missing_cols == []
    assert doc.notices == ()
    for t in texts(doc):
        assert not t.startswith("- ") and "本年新收" not in t


def test_real_report_table_three_numbers():
    doc = real_doc("huaian-city-2024")
    st_ = interpret(doc).stats["s3"]
    cols = [c.id for c in S3_COLS]

    def row(rid):
        return [st_.get(rid, c).raw for c in cols]

    assert row("new") == ["3001", "53", "0", "0", "61", "4", "3119"]
    assert row("result.unavailable.need_creation") == ["11", "0", "0", "0", "0", "0", "11"]
    assert row("result.other.no_correction") == ["67", "3", "0", "0", "1", "0", "71"]
    assert row("result.total") == ["2932", "53", "0", "0", "61", "4", "3050"]
    assert row("carried_forward") == ["103", "0", "0", "0", "0", "0", "103"]


def test_real_report_seam_mended():
    doc = real_doc("huaian-city-2024")
    t3 = next(b.table for b in doc.blocks if b.kind == "table" and "申请人情况" in b.text)
    groups = {r.texts[2]: r.texts[1] for r in t3.rows}
    assert groups["1.本机关不掌握相关政府信息"] == "（四）无法提供"
    assert groups["2.没有现成信息需要另行制作"] == "（四）无法提供"


def test_real_report_paragraph_over_page_break():
    doc = real_doc("hongze-district-2023")
    block = next(b for b in doc.blocks if b.text.startswith("加强区政府门户网站"))
    assert "严格执行“分级审核、先审后发”程序" in block.text
    assert {a.page for a in block.anchors} == {1, 2}


@pytest.mark.skipif(not os.environ.get("DISCLOSURE_LINT_BENCH"), reason="timing only on request")
def test_real_reports_speed():  # pragma: no cover - informative
    import time

    for name in REAL:  # figures only: speed targets are the benchmark's (bench/run.py), never an assertion
        t = time.perf_counter()
        real(name)
        print(f"{name}: {time.perf_counter() - t:.2f} s")


def _header_cells(texts: list[str], spans: list[int] | None = None) -> list:
    """A grid row of header cells (``spans``: how many columns each covers; 1 each by default)."""
    from disclosure_lint.readers.pdf import _PCell

    row = []
    for k, t in enumerate(texts):
        cell = _PCell(0, 1, 10.0 * k, 10.0 * k + 10, t)
        row.extend([cell] * ((spans or [1] * len(texts))[k]))
    return row


@pytest.mark.parametrize(("above", "below", "joined"), [
    # LibreOffice cuts a header row anywhere: （八）'s unit in brackets, table 二's 数量, every column of table 四
    (["信息内容", "本年收费金额（单位：万"], ["信息内容", "元）"], ["信息内容", "本年收费金额（单位：万元）"]),
    (["信息内容", "上一年项目数", "本年增/减"], ["信息内容", "量", ""], ["信息内容", "上一年项目数量", "本年增/减"]),
    (["结果", "结果", "其他", "尚未", "总计"], ["维持", "纠正", "结果", "审结", "总计"],
     ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]),
])
def test_a_header_row_cut_by_the_page_break_is_one_row(above, below, joined):
    from disclosure_lint.readers.pdf import _split_header_row

    a, b = _header_cells(above), _header_cells(below)
    assert _split_header_row(a, b)
    assert [c.text for c in a] == joined


def test_a_second_header_row_or_a_row_of_numbers_is_not_taken_for_a_cut_header():
    from disclosure_lint.readers.pdf import _split_header_row

    # 法人或其他组织 over its five columns: the row under it is a header row of its own
    above = _header_cells(["自然人", "法人或其他组织", "总计"], [1, 5, 1])
    below = _header_cells(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    assert not _split_header_row(above, below)
    assert [c.text for c in below][1] == "商业企业" and above[1].text == "法人或其他组织"
    # numbers: a row of data (the cut data rows are _split_row's and _split_row_down's)
    assert not _split_header_row(_header_cells(["行政许可", "本年处理决定数量"]), _header_cells(["行政许可", "12"]))
