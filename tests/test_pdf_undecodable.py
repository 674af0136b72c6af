"""PDF pages whose Chinese glyphs have no text: a font with no Unicode mapping for them, or a PDF printed where no
font had the characters (every one drawn as the font's empty box: a report printed to PDF by a browser on a server
without Chinese fonts).  Only the digits and Latin letters of such a page can be extracted; the page is named as one
without usable text (DL002, read by OCR where OCR runs), never read as a report of bare numbers (which gave "not a
report" and "the file ends mid-sentence" on a real report printed so)."""

from __future__ import annotations

import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.limits import Limits
from disclosure_lint.model import ReaderNotice
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import pdf as pdf_reader
from disclosure_lint.report import interpret

W, H = 595.0, 842.0
NO_OCR = Limits(ocr="never")
# a Latin font with no Chinese glyph: reportlab draws each Chinese character as its empty box (glyph 0), whose text
# PDFium drops and pdfminer gives as U+0000
pdfmetrics.registerFont(TTFont("LatinOnly", "Vera.ttf"))
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

ROWS = [("规章", "0", "0", "0"), ("行政规范性文件", "3", "1", "12"), ("行政许可", "56", "", ""),
        ("行政处罚", "120", "", ""), ("行政强制", "8", "", ""), ("行政事业性收费", "0", "", "")]
PROSE = ["某某县某某局2023年政府信息公开工作年度报告", "一、总体情况",
         "2023年，本局主动公开政府信息215条，其中政策文件12条。", "二、主动公开政府信息情况"]


def _boxes_page(c: canvas.Canvas) -> None:
    """A page of a report whose Chinese is drawn in a font without those glyphs; the figures in Helvetica."""
    top = 60.0
    for s in PROSE:
        c.setFont("LatinOnly", 12)
        c.drawString(60, H - top, s)
        top += 24
    for label, *values in ROWS:
        c.setFont("LatinOnly", 11)
        c.drawString(60, H - top, label)
        c.setFont("Helvetica", 11)
        for i, v in enumerate(values):
            if v:
                c.drawString(300 + 80 * i, H - top, v)
        top += 22
    c.setFont("LatinOnly", 12)
    for n in range(8):
        c.drawString(60, H - top, "本局认真贯彻落实《中华人民共和国政府信息公开条例》，推进决策、执行、管理、服务、结果公开。")
        c.setFont("Helvetica", 12)
        c.drawString(520, H - top, str(n + 1))
        c.setFont("LatinOnly", 12)
        top += 22


def _text_page(c: canvas.Canvas) -> None:
    top = 60.0
    c.setFont("STSong-Light", 12)
    for s in PROSE:
        c.drawString(60, H - top, s)
        top += 24


def _pdf(*pages) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H))
    for i, page in enumerate(pages):
        if i:
            c.showPage()
        page(c)
    c.save()
    return buf.getvalue()


def test_page_of_boxes_has_no_text_layer():
    doc = pdf_reader.read("boxes.pdf", _pdf(_boxes_page), NO_OCR)
    assert doc.blocks == ()
    assert doc.notices == (ReaderNotice("no-text-layer", total=1),)


def test_page_of_boxes_is_one_dl002_and_no_report_finding():
    doc = pdf_reader.read("boxes.pdf", _pdf(_boxes_page), NO_OCR)
    report = interpret(doc)
    diags = run(report, prepare(load_rules(), Config()))
    assert [d.code for d in diags] == ["DL002"]
    assert "文字无法解码" in diags[0].message


def test_page_of_boxes_among_text_pages_is_named():
    doc = pdf_reader.read("mixed.pdf", _pdf(_text_page, _boxes_page), NO_OCR)
    assert ReaderNotice("pages-without-text", pages=(2,), total=2) in doc.notices
    report = interpret(doc)
    diags = [d for d in run(report, prepare(load_rules(), Config())) if d.code == "DL002"]
    assert any("第2页" in d.message and "文字无法解码" in d.message for d in diags)
    # the boxes page's figures are not read as text of the report
    assert not any("120" in b.text for b in doc.blocks if b.text)


def test_some_glyphs_without_text_leave_the_page_read():
    chars = [pdf_reader._Char(ch, 10.0 * i, 10.0 * i + 10, 0.0, 10.0, 10.0)
             for i, ch in enumerate("本局认真贯彻落实条例推进决策执行管理服务结果公开" * 2)]
    assert not pdf_reader._undecodable(chars, 25)  # bullets of a symbol font: fewer than the Chinese read
    digits = [pdf_reader._Char(ch, 10.0 * i, 10.0 * i + 10, 0.0, 10.0, 10.0) for i, ch in enumerate("1203" * 20)]
    assert pdf_reader._undecodable(digits, 25)  # the Chinese gone, only the figures left
    assert not pdf_reader._undecodable(digits, 19)  # a few unreadable glyphs on a page of figures


def test_control_character_glyphs_counted_as_undecodable():
    def ch(t, x):
        return {"text": t, "x0": x, "x1": x + 10, "top": 100.0, "bottom": 110.0, "size": 10}

    chars, undecodable = pdf_reader._chars([ch("\x00", 0), ch("\x01", 10), ch("政", 20), ch("\t", 30)])
    assert [c.text for c in chars] == ["政"]
    assert undecodable == 2
