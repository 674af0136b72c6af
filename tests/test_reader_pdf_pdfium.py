"""The PDF reader's PDFium path (readers/pdf_pdfium.py, readers/pdf_tables.py) gives what pdfplumber gives.

Characters, ruling edges and images taken through PDFium must be pdfminer's (same boxes, same
classification of paths), the indexed table finder must find pdfplumber's cells, and a whole
document read with PDFium must equal the one read with pdfplumber alone.  Pages PDFium cannot give
exactly (rotated text, Form XObjects) are read by pdfplumber.
"""

from __future__ import annotations

import io
from functools import partial

import pdfplumber
import pytest
from reportlab.pdfgen import canvas

from disclosure_lint.limits import DEFAULT_LIMITS
from disclosure_lint.readers import pdf as pdf_reader
from disclosure_lint.readers import pdf_pdfium
from disclosure_lint.readers.pdf_budget import page_contents
from disclosure_lint.readers.pdf_tables import find_tables

from .test_reader_pdf import Builder, build_report, small_pdf


@pytest.fixture(scope="module")
def report() -> bytes:
    return build_report(repeat_header=True)


def _same(a, b, tol: float = 1e-3) -> bool:
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k], tol) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y, tol) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return abs(a - b) <= tol
    return a == b


def _pages(data: bytes, contents: bool = True):
    """Each page with its objects as the reader takes them from PDFium (``contents``: with the page's content stream
    for the characters PDFium drops, as the reader gives it)."""
    doc = pdf_pdfium.open_document(data)
    assert doc is not None
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i, page in enumerate(pdf.pages):
            shown = partial(page_contents, page.page_obj, DEFAULT_LIMITS) if contents else None
            yield page, pdf_pdfium.page_objects(doc, i, page.mediabox, page.page_obj.resources, pdf_reader.MAX_CHARS,
                                                shown)


def _pdfium_text(data: bytes, index: int) -> str:
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(data)[index]
    return "".join(page.get_textpage().get_text_bounded().split())


def test_characters_rulings_and_images_are_pdfplumbers(report):
    seen = 0
    for page, fast in _pages(report):
        if fast is None:
            # only where PDFium's text page lacks characters pdfminer reads: a one-character string of
            # the non-embedded STSong-Light on a machine with no CJK font (see the next test)
            assert len(_pdfium_text(report, page.page_number - 1)) < len("".join(c["text"] for c in page.chars
                                                                                   if not c["text"].isspace()))
            continue
        a, _ = pdf_reader._chars(page.chars)
        b, _ = pdf_reader._chars(fast.chars)
        key = lambda c: (round(c.top, 2), round(c.x0, 2), c.text)  # noqa: E731
        assert [c.text for c in sorted(a, key=key)] == [c.text for c in sorted(b, key=key)]
        for x, y in zip(sorted(a, key=key), sorted(b, key=key)):
            assert _same((x.x0, x.x1, x.top, x.bottom, x.size), (y.x0, y.x1, y.top, y.bottom, y.size)), (x, y)
        ek = lambda e: (e["orientation"], round(e["x0"], 2), round(e["top"], 2))  # noqa: E731
        assert _same(sorted(pdf_reader._ruling_edges(page), key=ek), sorted(pdf_reader._ruling_edges(fast), key=ek))
        assert len(page.curves) + len(page.rects) == len(fast.curves) + len(fast.rects)
        assert _same([(i["x0"], i["x1"], i["top"], i["bottom"]) for i in page.images],
                     [(i["x0"], i["x1"], i["top"], i["bottom"]) for i in fast.images])
        seen += len(b)
    assert seen > 500


def _dropping(monkeypatch, chars: str) -> None:
    """PDFium's text page made to lack the characters ``chars`` (and, with them, their text objects), as PDFium's own
    lacks a one-character string of a font the PDF does not embed on a machine with no CJK font to substitute: their
    codes read as spaces (which the reader passes over), their text object as none."""
    import pypdfium2.raw as R

    page_text = pdf_pdfium._page_text
    hidden: set[int] = set()

    def text(R_, tp, n):
        codes = page_text(R_, tp, n)
        assert codes is not None
        hidden.clear()
        hidden.update(k for k, c in enumerate(codes) if chr(c) in chars)
        return [0x20 if k in hidden else c for k, c in enumerate(codes)]

    fast = pdf_pdfium._fast(R)
    get_object = fast["object"]
    monkeypatch.setattr(pdf_pdfium, "_page_text", text)
    monkeypatch.setitem(fast, "object", lambda tp, k: None if k in hidden else get_object(tp, k))


def test_a_character_pdfium_drops_is_read_from_the_content_stream(monkeypatch):
    # PDFium gives no character for a one-character string of a non-embedded CID font with a predefined
    # CMap (what iText and reportlab write) when the machine has no CJK font to substitute; pdfminer reads
    # it from the CMap.  The reader takes such a character from the page's content stream (read by the font's
    # CMap, as pdfminer reads it), at the object's origin: the page stays PDFium's, its characters all there,
    # each as pdfplumber boxes it.  (Simulated here, whatever this machine's fonts.)
    b = Builder(header=False, footer=False)
    b.text(100, 100, "年", size=12)
    b.text(100, 140, "企业", size=12)
    b.text(124, 140, "度", size=12)  # (right after 企业: one line, one word)
    data = b.bytes()
    plain = pdf_reader.read("x.pdf", data)
    _dropping(monkeypatch, "年度")
    ((page, fast),) = list(_pages(data))
    assert fast is not None
    assert sorted(c[0] for c in fast.chars) == sorted("年企业度")
    a, _ = pdf_reader._chars(page.chars)
    b_, _ = pdf_reader._chars(fast.chars)
    key = lambda c: (round(c.top, 2), round(c.x0, 2), c.text)  # noqa: E731
    for x, y in zip(sorted(a, key=key), sorted(b_, key=key), strict=True):
        assert x.text == y.text and _same((x.x0, x.x1, x.top, x.bottom, x.size), (y.x0, y.x1, y.top, y.bottom, y.size))
    assert pdf_reader.read("x.pdf", data) == plain
    monkeypatch.setattr(pdf_reader, "open_document", lambda data: None)
    assert pdf_reader.read("x.pdf", data) == plain  # (pdfplumber's reading)
    assert [blk.text for blk in plain.blocks] == ["年", "企业度"]


def test_a_dropped_character_the_stream_cannot_give_sends_the_page_to_pdfplumber(monkeypatch):
    b = Builder(header=False, footer=False)
    b.text(100, 100, "年", size=12)
    b.text(100, 140, "企业", size=12)
    data = b.bytes()
    plain = pdf_reader.read("x.pdf", data)
    _dropping(monkeypatch, "年")
    ((_page, fast),) = list(_pages(data, contents=False))  # no content stream to read
    assert fast is None
    monkeypatch.setattr(pdf_pdfium, "shown", lambda data: None)  # one this does not follow (an inline image …)
    ((_page, fast),) = list(_pages(data))
    assert fast is None
    assert pdf_reader.read("x.pdf", data) == plain


def test_a_dropped_code_the_cmap_does_not_map_is_no_character(monkeypatch):
    # a code the font's CMap maps to no character (U+A000, a Yi syllable, through UniGB-UCS2-H): pdfminer draws
    # nothing for it, and neither does the reader where PDFium dropped it
    b = Builder(header=False, footer=False)
    b.text(100, 100, "ꀀ", size=12)
    b.text(100, 140, "企业", size=12)
    data = b.bytes()
    _dropping(monkeypatch, "ꀀ")
    ((_page, fast),) = list(_pages(data))
    assert fast is not None and sorted(c[0] for c in fast.chars) == sorted("企业")
    monkeypatch.setattr(pdf_reader, "open_document", lambda data: None)
    assert [blk.text for blk in pdf_reader.read("x.pdf", data).blocks] == ["企业"]


def test_indexed_table_finder_finds_pdfplumbers_cells(report):
    found = 0
    with pdfplumber.open(io.BytesIO(report)) as pdf:
        for page in pdf.pages:
            edges = pdf_reader._close_open_ends(pdf_reader._ruling_edges(page))
            v = [e for e in edges if e["orientation"] == "v"]
            h = [e for e in edges if e["orientation"] == "h"]
            if len(v) < 2 or len(h) < 2:
                continue
            settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                        "explicit_vertical_lines": v, "explicit_horizontal_lines": h,
                        "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3, "edge_min_length": 3}
            want = [(t.bbox, t.cells) for t in page.find_tables(settings)]
            assert [(t.bbox, t.cells) for t in find_tables(page, settings)] == want
            found += len(want)
    assert found >= 3


def test_document_read_through_pdfium_equals_pdfplumbers(report, monkeypatch):
    fast = pdf_reader.read("r.pdf", report)
    monkeypatch.setattr(pdf_reader, "open_document", lambda data: None)
    slow = pdf_reader.read("r.pdf", report)
    assert fast == slow
    assert len(fast.blocks) > 10


def _rotated_pdf() -> bytes:
    buf = io.BytesIO()
    b = Builder(header=False, footer=False)
    b.paragraph("一、总体情况", indent=False)
    c = b.c
    c.saveState()
    c.translate(300, 300)
    c.rotate(90)
    c.setFont(c._fontname, 12)
    c.drawString(0, 0, "竖排的说明文字")
    c.restoreState()
    buf.write(b.bytes())
    return buf.getvalue()


def _form_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.beginForm("f")
    c.rect(50, 50, 200, 100)
    c.endForm()
    c.doForm("f")
    c.drawString(60, 700, "Form XObject page")
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("make", [_rotated_pdf, _form_pdf])
def test_pages_pdfium_cannot_give_exactly_are_read_by_pdfplumber(make, monkeypatch):
    data = make()
    assert [fast for _page, fast in _pages(data)] == [None]
    got = pdf_reader.read("x.pdf", data)
    monkeypatch.setattr(pdf_reader, "open_document", lambda data: None)
    assert got == pdf_reader.read("x.pdf", data)


def test_a_file_pdfium_cannot_open_is_read_by_pdfplumber(monkeypatch):
    data = small_pdf()
    monkeypatch.setattr(pdf_pdfium, "_normal", lambda box: (-1.0, -1.0, -1.0, -1.0))  # media boxes differ
    assert [fast for _page, fast in _pages(data)] == [None]
    assert pdf_pdfium.open_document(b"%PDF-1.4 not really") is None
    assert "一、总体情况" in [b.text for b in pdf_reader.read("x.pdf", data).blocks]


def test_fast_ascii85_decoder_is_pdfminers():
    import base64
    import random

    from pdfminer.ascii85 import ascii85decode

    from disclosure_lint.readers.pdf_budget import fast_ascii85decode

    def outcome(fn, data):
        try:
            return fn(data)
        except Exception as exc:  # noqa: BLE001 - the same failure is part of the contract
            return type(exc)

    rnd = random.Random(7)
    for _ in range(150):
        raw = bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 40))) + b"\0" * rnd.choice([0, 4, 8])
        enc = base64.a85encode(raw, wrapcol=rnd.choice([0, 7, 75]), adobe=rnd.random() < 0.5)
        junk = bytes(rnd.choice(b"!u~z \n<>{}abc") for _ in range(rnd.randint(0, 12)))
        for data in (enc, enc + b"~>", b"<~" + enc, enc[:-1], b"s8W-!", b's8W-"', junk):
            assert outcome(fast_ascii85decode, data) == outcome(ascii85decode, data), data


def test_cells_grouped_into_tables_as_pdfplumber_groups_them():
    import random

    from pdfplumber.table import cells_to_tables

    from disclosure_lint.readers.pdf_tables import _tables

    rng = random.Random(1204)
    for _ in range(400):
        xs = sorted(rng.sample(range(0, 60, 3), rng.randint(2, 8)))
        ys = sorted(rng.sample(range(0, 60, 3), rng.randint(2, 8)))
        cells = [(float(xs[i]), float(ys[j]), float(xs[i + rng.randint(1, len(xs) - 1 - i)]),
                  float(ys[j + rng.randint(1, len(ys) - 1 - j)]))
                 for _ in range(rng.randint(0, 30)) for i in [rng.randrange(len(xs) - 1)] for j in [rng.randrange(len(ys) - 1)]]
        cells += rng.sample(cells, min(len(cells), 2))  # duplicates too
        rng.shuffle(cells)
        assert _tables(cells) == cells_to_tables(cells)
