"""Text written top to bottom in a PDF (readers/pdf_vertical.py): Word writes a table cell's text turned upright
(表三's 三、本年度办理结果) in a composite font of the ``/Identity-V`` encoding, one character per text object.  The
reader's PDFium path boxes such characters as pdfminer does, so the page is not sent to pdfminer (which took most of
a real report's reading time); any other vertical text still is.

The PDFs are written here by hand: a Type0 font over reportlab's own Vera.ttf (embedded, so that PDFium has its
glyphs whatever the machine's fonts), its codes the glyph numbers, a ToUnicode map giving their letters.
"""

from __future__ import annotations

import os

import pytest

pytest.importorskip("pdfplumber")
reportlab = pytest.importorskip("reportlab")

from reportlab.pdfbase.ttfonts import TTFontFile  # noqa: E402

from disclosure_lint.readers import pdf as pdf_reader  # noqa: E402
from disclosure_lint.readers import pdf_vertical  # noqa: E402

from .pdfobjects import pdf_of, stream  # noqa: E402
from .test_reader_pdf_pdfium import _pages, _same  # noqa: E402

VERA = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")


def _vertical_pdf(columns: list[tuple[float, float, str]], *, scale: float = 1.0, size: float = 12.0,
                  together: bool = False, font_extra: str = "", encoding: str = "/Identity-V") -> bytes:
    """A page with a few lines of Helvetica and, for each ``(x, y, text)`` of ``columns``, ``text`` written downward
    from ``(x, y)`` in the vertical font: one text object a character (as Word writes it) or, ``together``, the
    column in one.  ``scale``: the text matrix's scale (Word writes ``199 Tf`` scaled by 0.05); ``font_extra``: more
    of the descendant font's dictionary (``/W2 …``, ``/DW2 …``)."""
    glyphs = TTFontFile(VERA).charToGlyph
    used = sorted({ch for _x, _y, text in columns for ch in text})
    ops = ["BT /F2 12 Tf 1 0 0 1 72 780 Tm (Report 2023) Tj ET",
           "BT /F2 12 Tf 1 0 0 1 72 760 Tm (Second line) Tj ET"]
    step = size * scale  # one em down the page per character
    for x, y, text in columns:
        codes = [f"{glyphs[ord(ch)]:04X}" for ch in text]
        if together:
            ops.append(f"BT /F1 {size:g} Tf {scale:g} 0 0 {scale:g} {x:g} {y:g} Tm <{''.join(codes)}> Tj ET")
        else:
            ops += [f"BT /F1 {size:g} Tf {scale:g} 0 0 {scale:g} {x:g} {y - i * step:g} Tm <{code}> Tj ET"
                    for i, code in enumerate(codes)]
    content = "\n".join(ops).encode("ascii")
    cmap = "\n".join([
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
        f"{len(used)} beginbfchar",
        *(f"<{glyphs[ord(ch)]:04X}> <{ord(ch):04X}>" for ch in used),
        "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"]).encode("ascii")
    with open(VERA, "rb") as f:
        program = f.read()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 10 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Vera /Encoding " + encoding.encode("ascii")
        + b" /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Vera /CIDToGIDMap /Identity /DW 1000"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R "
        + font_extra.encode("ascii") + b" >>",
        b"<< /Type /FontDescriptor /FontName /AAAAAA+Vera /Flags 4 /FontBBox [-183 -236 1287 928] /ItalicAngle 0"
        b" /Ascent 760 /Descent -240 /CapHeight 760 /StemV 87 /FontFile2 9 0 R >>",
        stream(cmap),
        stream(program, b"/Length1 %d" % len(program)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_of(objects)


def _page(data: bytes):
    ((page, fast),) = list(_pages(data))
    return page, fast


def _read_both(data: bytes, monkeypatch):
    """The document as the reader reads it, and as pdfplumber alone reads it."""
    fast = pdf_reader.read("v.pdf", data)
    with monkeypatch.context() as m:
        m.setattr(pdf_reader, "open_document", lambda data: None)
        slow = pdf_reader.read("v.pdf", data)
    return fast, slow


@pytest.mark.parametrize(("scale", "size"), [(1.0, 12.0), (0.05, 199.0)])  # (the second as Word writes it)
def test_vertical_characters_one_an_object_are_boxed_as_pdfminer_boxes_them(monkeypatch, scale, size):
    data = _vertical_pdf([(90.5, 600, "ABCDEF"), (300, 500, "xyz")], scale=scale, size=size)
    page, fast = _page(data)
    assert fast is not None  # the page stays PDFium's
    a, _ = pdf_reader._chars(page.chars)
    b, _ = pdf_reader._chars(fast.chars)
    key = lambda c: (round(c.top, 2), round(c.x0, 2), c.text)  # noqa: E731
    a, b = sorted(a, key=key), sorted(b, key=key)
    assert [c.text for c in a] == [c.text for c in b]
    assert sum(c.text in "ABCDEFxyz" for c in b) == 9
    for x, y in zip(a, b, strict=True):
        assert _same((x.x0, x.x1, x.top, x.bottom, x.size), (y.x0, y.x1, y.top, y.bottom, y.size)), (x, y)
    # one em wide, centred on the object's position; from 0.12 em above it to 1 em below (DW2's default [880 -1000])
    first = next(c for c in b if c.text == "A")
    em = size * scale
    assert _same((first.x0, first.x1, first.top, first.bottom),
                 (90.5 - em / 2, 90.5 + em / 2, 842 - 600 - 0.12 * em, 842 - 600 + 0.88 * em))
    fast_doc, slow_doc = _read_both(data, monkeypatch)
    assert fast_doc == slow_doc


def test_a_dw2_of_the_font_is_followed(monkeypatch):
    data = _vertical_pdf([(100, 600, "ABC")], font_extra="/DW2 [800 -900]")
    page, fast = _page(data)
    assert fast is not None
    a, _ = pdf_reader._chars(page.chars)
    b, _ = pdf_reader._chars(fast.chars)
    got = {c.text: (c.x0, c.x1, c.top, c.bottom) for c in b if c.text in "ABC"}
    assert _same(got, {c.text: (c.x0, c.x1, c.top, c.bottom) for c in a if c.text in "ABC"})
    assert _same(got["A"], (94.0, 106.0, 842 - 600 - 0.2 * 12, 842 - 600 + 0.7 * 12))
    fast_doc, slow_doc = _read_both(data, monkeypatch)
    assert fast_doc == slow_doc


@pytest.mark.parametrize("kw", [
    {"together": True},  # several characters in one object: their pen positions are not the object's
    {"font_extra": "/W2 [36 [-1000 500 880]]"},  # the font gives glyphs vertical metrics of their own
])
def test_other_vertical_text_sends_the_page_to_pdfplumber(monkeypatch, kw):
    data = _vertical_pdf([(100, 600, "ABC")], **kw)
    _, fast = _page(data)
    assert fast is None
    fast_doc, slow_doc = _read_both(data, monkeypatch)
    assert fast_doc == slow_doc
    assert "ABC" in "".join(b.text for b in slow_doc.blocks).replace("\n", "")


def test_the_vertical_fonts_of_a_page():
    from pdfminer.pdftypes import resolve1

    def fonts(**kw):
        ((page, _fast),) = list(_pages(_vertical_pdf([(100, 600, "AB")], **kw)))
        return pdf_vertical.vertical_fonts(resolve1(page.page_obj.resources))

    assert fonts() == {"AAAAAA+Vera": 880.0}
    assert fonts(font_extra="/DW2 [800 -900]") == {"AAAAAA+Vera": 800.0}
    assert fonts(font_extra="/W2 [36 [-1000 500 880]]") == {"AAAAAA+Vera": None}
    assert fonts(font_extra="/DW2 [800 900]") == {"AAAAAA+Vera": None}  # (an advance up the page: not followed)
    assert fonts(font_extra="/DW2 [800]") == {"AAAAAA+Vera": None}
    assert fonts(encoding="/Identity-H") == {}  # written left to right


def test_vertical_box_requires_pdfiums_origin_where_pdfminer_puts_the_pen():
    # the pen at (100, 600), 12 pt: PDFium's origin half an em left, 0.88 em below
    assert pdf_vertical.vertical_box(880.0, 12.0, -12.0, 100.0, 600.0, 94.0, 600 - 0.88 * 12) == (94.0, 600 + 0.12 * 12)
    assert pdf_vertical.vertical_box(880.0, 12.0, -12.0, 100.0, 600.0, 94.0, 600 - 0.88 * 12 - 12) is None  # 2nd char
    assert pdf_vertical.vertical_box(880.0, 12.0, -12.0, 100.0, 600.0, 97.0, 600 - 0.88 * 12) is None  # /W of 500
    assert pdf_vertical.vertical_box(None, 12.0, -12.0, 100.0, 600.0, 94.0, 600 - 0.88 * 12) is None
    assert pdf_vertical.vertical_box(880.0, 12.0, 12.0, 100.0, 600.0, 94.0, 600 - 0.88 * 12) is None
