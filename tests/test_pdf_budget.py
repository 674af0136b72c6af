"""The PDF content scan's counts (readers/pdf_budget.py) against their definitions, one character at a time.

The scan's patterns are led by what a match starts with and take runs possessively (so that the scan skips ahead
in C); these tests hold them to the plain patterns that define what is counted: an operator preceded by whitespace,
``)``, ``]``, ``>`` or the start of the stream and followed by a delimiter or the end; a literal string's bytes
between its brackets; a hex string's digits (two to a byte), not a ``<<`` dictionary's brackets."""

from __future__ import annotations

import random
import re

from disclosure_lint.readers.pdf_budget import _operators, _string_bytes

from .pdfobjects import pdf_of, stream

_DEF_OPS = re.compile(rb"(?<![^\s\)\]>])(?:re|l|c|v|y|m|Tj|TJ|'|\"|Do|BI|sh)(?=[\s\(\[</%]|\Z)")
_DEF_LITERAL = re.compile(rb"\((?:[^()\\]|\\.)*\)", re.S)
_DEF_HEX = re.compile(rb"(?<!<)<([0-9A-Fa-f\s]*)>(?!>)")


def _def_strings(data: bytes) -> int:
    n = sum(len(m) - 2 for m in _DEF_LITERAL.findall(data))
    return n + sum(len(m.replace(b" ", b"").replace(b"\n", b"")) // 2 for m in _DEF_HEX.findall(data))


def test_counts_of_a_page_stream():
    data = (b"BT /F1 12 Tf 72 712 Td (Hello \\(world\\)) Tj [(A) -20 (B)] TJ ET\n"
            b"0 0 m 10 10 l 20 20 30 30 40 40 c h S 5 5 10 10 re f\n<</Length 3>> <4E2D 6587> Tj /Im1 Do")
    assert _operators(data) == len(_DEF_OPS.findall(data)) == 8
    assert _string_bytes(data) == _def_strings(data) == len("Hello \\(world\\)") + 2 + 4


def test_an_operator_first_in_the_stream_is_counted():
    assert _operators(b"m 1 2 l") == len(_DEF_OPS.findall(b"m 1 2 l")) == 2
    assert _operators(b"Tj") == 1 and _operators(b"Tjx") == 0 and _operators(b"") == 0


def test_counts_equal_the_definitions_on_random_streams():
    rnd = random.Random(12)
    alphabet = b"()\\<>[] \n\rlcvymreTjJDoBIsh'\"%/0a1fF"
    for _ in range(20_000):
        data = bytes(rnd.choice(alphabet) for _ in range(rnd.randint(0, 48)))
        assert _operators(data) == len(_DEF_OPS.findall(data)), data
        assert _string_bytes(data) == _def_strings(data), data


def test_unclosed_strings_and_brackets_stay_linear():
    # each unmatched opening bracket is tried once; a megabyte of them is counted at once
    assert _string_bytes(b"(" * 200_000 + b"<" * 200_000) == 0
    assert _operators(b" l" * 100_000) == 100_000


def _pages_sharing_fonts(sizes: tuple[int, ...] = (100_000, 100_000)):
    """pdfminer's pages of a two-page PDF whose pages both use fonts with embedded programs of ``sizes`` bytes
    (inflated), and that PDF's document."""
    import io
    import zlib

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    n = len(sizes)
    fonts = " ".join(f"/F{i} {6 + 3 * i} 0 R" for i in range(n))
    content = b"BT /F0 12 Tf 72 712 Td (x) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"]
    page = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << {fonts} >> >> >>"
    objects += [page.encode(), page.encode(), stream(content)]
    for i, size in enumerate(sizes):
        objects += [f"<< /Type /Font /Subtype /TrueType /BaseFont /Font{i} /FontDescriptor {7 + 3 * i} 0 R >>".encode(),
                    f"<< /Type /FontDescriptor /FontName /Font{i} /Flags 32 /FontFile2 {8 + 3 * i} 0 R >>".encode(),
                    stream(zlib.compress(bytes(size)), b"/Filter /FlateDecode")]
    doc = PDFDocument(PDFParser(io.BytesIO(pdf_of(objects))))
    return list(PDFPage.create_pages(doc)), doc


def test_a_font_the_pages_share_is_inflated_once_and_counted_on_each_page(monkeypatch):
    import pytest

    from disclosure_lint.limits import DEFAULT_LIMITS
    from disclosure_lint.readers import pdf_budget

    pages, _doc = _pages_sharing_fonts()
    inflated = []
    decoded = pdf_budget._Meter._decoded

    def counting(self, stream, cap, font=False):
        if font:
            inflated.append(stream.objid)
        return decoded(self, stream, cap, font)

    monkeypatch.setattr(pdf_budget._Meter, "_decoded", counting)
    sizes: dict[int, int] = {}
    for page in pages:
        pdf_budget.check_page(page, DEFAULT_LIMITS, sizes)
    assert sorted(inflated) == [8, 11]  # once each, on the first page
    assert sorted(sizes.values()) == [100_000, 100_000]
    inflated.clear()
    for page in pages:  # (without the sizes: once a page, as before)
        pdf_budget.check_page(page, DEFAULT_LIMITS)
    assert sorted(inflated) == [8, 8, 11, 11]
    # each page's fonts are still held to the bound, the sizes measured on an earlier page too
    monkeypatch.setattr(pdf_budget, "MAX_FONT_BYTES", 150_000)
    inflated.clear()
    for page in pages:
        with pytest.raises(pdf_budget.OverBudget, match="字体数据"):
            pdf_budget.check_page(page, DEFAULT_LIMITS, sizes)
    assert inflated == []  # (told by the sizes kept)
    for page in pages:
        with pytest.raises(pdf_budget.OverBudget, match="字体数据"):
            pdf_budget.check_page(page, DEFAULT_LIMITS, {})
    one, _doc = _pages_sharing_fonts((100_000,))
    sizes = {}
    for page in one:
        pdf_budget.check_page(page, DEFAULT_LIMITS, sizes)
    assert list(sizes.values()) == [100_000]
