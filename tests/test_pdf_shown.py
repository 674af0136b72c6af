"""readers/pdf_shown.py: the strings a content stream shows, operator by operator (what the PDF reader reads the
characters PDFium drops from), and what it refuses to follow."""

from __future__ import annotations

import pytest

from disclosure_lint.readers.pdf_shown import MAX_PENDING, MAX_SHOWN, shown


def test_each_text_showing_operator_with_its_font_and_bytes():
    data = (b"BT /F1 12 Tf 100 700 Td (abc) Tj 0 -14 Td [(a) -120 (b) 3.5 (c)] TJ\n"
            b"/F2 9 Tf (x) ' 1 2 (y) \" <4E2D 6587> Tj ET")
    assert shown(data) == [(b"F1", b"abc"), (b"F1", b"abc"), (b"F2", b"x"), (b"F2", b"y"), (b"F2", b"\x4e\x2d\x65\x87")]


def test_literal_strings_are_read_as_pdf_reads_them():
    assert shown(rb"(a\)b\\c\n\101\0) Tj") == [(None, b"a)b\\c\nA\x00")]
    assert shown(b"(ab\\\ncd) Tj (e\r\nf) Tj") == [(None, b"abcd"), (None, b"e\nf")]  # a continued line; an end of line
    assert shown(b"<4E2 > Tj") == [(None, b"\x4e\x20")]  # (an odd last digit: as if followed by 0)


def test_what_shows_nothing_is_no_operator_of_the_list():
    # an empty string, an array of numbers only: PDFium makes no text object of them
    assert shown(b"/F1 9 Tf () Tj [ -100 ] TJ (q) Tj") == [(b"F1", b"q")]


def test_tokens_that_look_like_operators_are_not():
    data = (b"/Span <</ActualText (zz) /Sub <</K (k)>> >> BDC (q Tj r) Tj EMC\n"
            b"% (commented) Tj\n/Tj 8 Tf (s) Tj")
    assert shown(data) == [(None, b"q Tj r"), (b"Tj", b"s")]


@pytest.mark.parametrize("data", [
    b"(a (nested) b) Tj",  # a nested parenthesis: not followed
    b"(a) Tj BI /W 1 /H 1 ID \x00(\xff EI (b) Tj",  # an inline image: its data may hold anything
    b"<< /A (x) (y) Tj",  # a dictionary left open
    b"(x) Tj >> (y) Tj",  # a dictionary closed that was never opened
])
def test_what_it_does_not_follow_is_none(data):
    assert shown(data) is None


def test_hostile_streams_end():
    # each token found by one search that moves on (no backtracking over the stream): these return at once
    assert shown(b"(" * 200_000) is None
    assert shown(b"<" + b"0" * 500_000) == []  # (a string never closed: not one the stream shows)
    assert shown(b"<0" * 200_000) == []
    assert shown(b"/a" * 200_000 + b" (x) Tj") == [(None, b"x")]
    # strings that no operator shows are not held without end
    assert shown(b"()" * (MAX_PENDING + 1) + b" Tj") is None
    assert shown(b"(x)Tj " * (MAX_SHOWN + 1)) is None
    assert shown(b"[" + b"(a)" * 5_000 + b"] TJ") == [(None, b"a" * 5_000)]


def test_page_contents_are_decoded_within_the_page_budget():
    import io

    import pdfplumber

    from disclosure_lint.limits import DEFAULT_LIMITS, Limits
    from disclosure_lint.readers.pdf_budget import page_contents

    from .test_reader_pdf import Builder

    b = Builder(header=False, footer=False)
    b.text(100, 100, "年度报告", size=12)
    with pdfplumber.open(io.BytesIO(b.bytes())) as pdf:
        page_obj = pdf.pages[0].page_obj
        data = page_contents(page_obj, DEFAULT_LIMITS)
        assert data is not None and b"Tj" in data and (shown(data) or [])[0][1]  # (the string, read)
        # the same bound as the page's budget: a stream that inflates past it is not read
        assert page_contents(page_obj, Limits(max_pdf_page_content_mb=len(data) / 2 / 1024 / 1024)) is None
