"""Hostile cases for OpenDocument texts (readers/odt.py), zipped by hand: each is read or refused in one line, within
the limits (entities in content.xml never expanded nor fetched, a zip bomb, a billion repeated cells and rows, spans,
sections and tables nested 10,000 deep, a paragraph of 20 MB)."""

from __future__ import annotations

import io
import random
import zipfile

from .build import write
from .catalogue import case, check

MIMETYPE = b"application/vnd.oasis.opendocument.text"
NS = (b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
TEXT = "本机关全年主动公开政府信息。".encode()


def odt(body: bytes, prolog: bytes = b"", content: bytes | None = None) -> bytes:
    """An OpenDocument package (``mimetype`` first and stored) whose content.xml has ``body`` as its text."""
    xml = content if content is not None else (
        b'<?xml version="1.0" encoding="UTF-8"?>' + prolog + b"<office:document-content " + NS
        + b"><office:body><office:text>" + body + b"</office:text></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", xml)
    return buf.getvalue()


def para(text: bytes = TEXT) -> bytes:
    return b"<text:p>" + text + b"</text:p>"


@case("files", exit=(1, 2))
def odt_entities(d):
    """.odt files whose content.xml declares a billion laughs, an external entity (a local file) and an external DTD
    on the network: never expanded, never fetched."""
    laughs = b'<!DOCTYPE d [<!ENTITY a "lol">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(9)) + b"]>"
    files = [write(d, "laughs.odt", odt(para(b"&j;") + para(), laughs)),
             write(d, "external.odt", odt(para(b"&x;") + para(), b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')),
             write(d, "dtd.odt", odt(para(), b'<!DOCTYPE d SYSTEM "http://192.0.2.1/x.dtd">'))]
    return check(d, *files)


@case("files", exit=(1, 2), extra=True)
def odt_zip_bomb(d):
    """An .odt whose content.xml inflates to 1 GB of spaces (a zip bomb: refused from the zip's directory)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        with zf.open("content.xml", "w", force_zip64=True) as fh:
            block = b" " * (1 << 20)
            for _ in range(1024):
                fh.write(block)
    return check(d, write(d, "bomb.odt", buf.getvalue()))


@case("files", exit=(1, 2), extra=True)
def odt_repeated_cells_and_rows(d):
    """.odt tables with a cell repeated 1,000,000 times across, a row repeated 1,000,000 times and a cell spanning a
    billion rows and columns (bounded by the grid's width and the cells' limit)."""
    cell = b"<table:table-cell%s><text:p>1</text:p></table:table-cell>"
    files = [write(d, "cols.odt", odt(b'<table:table><table:table-row>' + cell % b' table:number-columns-repeated="1000000"'
                                      + b"</table:table-row></table:table>" + para())),
             write(d, "rows.odt", odt(b'<table:table><table:table-row table:number-rows-repeated="1000000">'
                                      + cell % b' table:number-columns-repeated="4"' + b"</table:table-row></table:table>"
                                      + para())),
             write(d, "span.odt", odt(b"<table:table><table:table-row>" + cell % (
                 b' table:number-rows-spanned="1000000000" table:number-columns-spanned="1000000000"')
                 + b"</table:table-row>" + b"<table:table-row><table:covered-table-cell "
                 b'table:number-columns-repeated="1000000"/></table:table-row>' * 1000 + b"</table:table>" + para()))]
    return check(d, *files)


@case("files", exit=(1, 2), extra=True)
def odt_deep_nesting(d):
    """.odt files of spans, sections and tables nested 10,000 deep (libxml2's depth bound: one line each), and tables
    80 deep and sections 240 deep (read, the nesting followed bounded)."""
    n = 10_000
    files = [write(d, "spans.odt", odt(b"<text:p>" + b"<text:span>" * n + TEXT + b"</text:span>" * n + b"</text:p>")),
             write(d, "sections.odt", odt(b"<text:section>" * n + para() + b"</text:section>" * n)),
             write(d, "tables.odt", odt(b"<table:table><table:table-row><table:table-cell>" * n + para()
                                        + b"</table:table-cell></table:table-row></table:table>" * n)),
             # within libxml2's bound: 80 tables and 240 sections deep, the reader's own bound on what it follows
             write(d, "tables80.odt", odt(b"<table:table><table:table-row><table:table-cell>" * 80 + para()
                                          + b"</table:table-cell></table:table-row></table:table>" * 80 + para())),
             write(d, "sections240.odt", odt(b"<text:section>" * 240 + para() + b"</text:section>" * 240 + para()))]
    return check(d, *files)


@case("files", exit=(1, 2), extra=True)
def odt_one_long_paragraph(d):
    """.odt files whose text is one paragraph of 20 MB: in one text node (past libxml2's bound of a text node), and in
    1.5 million spans."""
    rng = random.Random(8)
    chars = [chr(c) for c in range(0x4E00, 0x9FA6)]  # random Chinese characters: no zip ratio to refuse them by
    files = [write(d, "long.odt", odt(para("".join(rng.choices(chars, k=7_000_000)).encode()))),
             write(d, "spans.odt", odt(b"<text:p>" + "".join(f"<text:span>{c}</text:span>" for c in rng.choices(
                 chars, k=1_500_000)).encode() + b"</text:p>"))]
    return check(d, *files)
