"""What a file's bytes are, whatever its name says.

Reports reach users under the wrong name: a crawler saves a portal page as ``content.jsp`` or a failed download
as ``report.pdf``; a ``download.do`` link gives the PDF itself; Word saves a report "as a web page" and the portal
names it ``.doc``; a clerk renames a ``.docx`` to ``.doc``.  Read by their names, these give a page of HTML tags
checked as prose (false *errors*: the format "not followed", paragraphs "repeated") or a PDF's object stream
checked as text.  :func:`sniff` looks at the first bytes only (a few KiB, never the whole file) and says what
they are; :func:`..readers.read_document` reads the file as that.

Only the marks that cannot be text are trusted: a PDF header, a zip or OLE2 signature, an RTF or MIME header,
the start of an HTML page.  A Markdown file may hold HTML, so HTML is not looked for in Markdown files
(:func:`..readers.read_document` decides that, not this module).
"""

from __future__ import annotations

import re
from typing import Literal

Content = Literal["pdf", "zip", "odt", "odf", "ofd", "ole", "rtf", "mhtml", "word-xml", "html"]

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File Binary: .doc, .wps, .xls, .et, encrypted .docx
HEAD_BYTES = 4096  # bytes looked at
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# the first tag of a page: what a page starts with (after a declaration, comments and white space)
_PAGE_TAGS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<title", b"<body", b"<base")

FIX_AS_DOCX = "请在 Word 或 WPS 中打开后“另存为” .docx 再检查"

# the contents read whatever their name: what they are, and what they are read as (a space before a Latin word)
READ_AS: dict[str, tuple[str, str]] = {
    "pdf": (" PDF 文件", " PDF "),
    "zip": (" Word 文档（.docx）", " Word 文档"),
    "odt": (" OpenDocument 文本（.odt）", " OpenDocument 文本"),
    "ofd": (" OFD 版式文件（.ofd）", " OFD 文档"),
    "html": ("网页（HTML）", "网页"),
    "mhtml": ("单个文件网页（.mht）", "网页"),
    "ole": ("旧版 Word 等 Office 的二进制文件（.doc）", " Word 97–2003 文档"),
    "rtf": (" RTF 格式文件", " RTF 文档"),
}

# how the contents the tool does not read are named in its messages ("这是{name}"; a space before a Latin word)
NAMES: dict[str, str] = {
    "ole": "旧版 Word（.doc）、WPS 或 Excel 的二进制文件",
    "word-xml": " Word 2003 XML 文档",
}

# an OpenDocument file that is not a text (a spreadsheet, a presentation, a drawing …): not a report's format
ODF_OTHER = "这是 OpenDocument 表格、演示文稿或图形文件（.ods/.odp/.odg 等），不是年度报告的文本格式；请将报告另存为 .odt、.docx 或 .pdf 后再检查"
ODF_MIMETYPE = b"application/vnd.oasis.opendocument."
ODT_MIMETYPES = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")


def _ascii_head(data: bytes) -> bytes:
    """The first bytes, lower-cased, without a byte order mark and leading white space; UTF-16 turned to bytes."""
    head = data[:HEAD_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16", "ignore").lstrip("\ufeff").encode("ascii", "replace")
        except (UnicodeError, ValueError):
            return b""
    elif head.startswith(_BOMS[0]):
        head = head[3:]
    return head.lstrip(b" \t\r\n\f\x00").lower()


def sniff(data: bytes) -> Content | None:
    """What ``data`` is, from its first bytes; ``None``: nothing but text as far as these show."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        odf = odf_mimetype(data)
        if odf is None or not odf.startswith(ODF_MIMETYPE):
            return "ofd" if ofd_package(data) else "zip"
        return "odt" if odf in ODT_MIMETYPES else "odf"
    if data.startswith(OLE2):
        return "ole"
    if b"%PDF-" in data[:1024]:  # a PDF reader finds the header anywhere in the first KiB
        return "pdf"
    head = _ascii_head(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _mime_related(head):
        return "mhtml"
    if not head.startswith(b"<"):
        return None
    if _page(head):  # (Word's own web pages hold a <w:WordDocument> in a comment: a page all the same)
        return "html"
    if b"<w:worddocument" in head or b'progid="word.document"' in head:
        return "word-xml"
    return None


def odf_mimetype(data: bytes) -> bytes | None:
    """The ``mimetype`` an OpenDocument package stores first, uncompressed (ODF 1.2 part 3, 3.3), else None."""
    if data[:4] != b"PK\x03\x04" or data[26:28] != b"\x08\x00" or data[30:38] != b"mimetype" or data[8:10] != b"\x00\x00":
        return None
    size = int.from_bytes(data[18:22], "little")
    start = 38 + int.from_bytes(data[28:30], "little")
    if not 0 < size <= 100:
        return None
    return data[start:start + size].strip()


# a zip entry named OFD.xml (an OFD's entry point, GB/T 33190 7.4): a local header's or the central directory's
_OFD_LOCAL = re.compile(rb"PK\x03\x04.{22}\x07\x00.{2}OFD\.xml", re.DOTALL)
_OFD_CENTRAL = re.compile(rb"PK\x01\x02.{24}\x07\x00.{16}OFD\.xml", re.DOTALL)


def ofd_package(data: bytes) -> bool:
    """Is the zip ``data`` an OFD file: an entry named ``OFD.xml``, first in the zip or in its directory (the last
    64 KiB; a head of the file alone shows the first entries only)?"""
    return bool(_OFD_LOCAL.match(data) or _OFD_LOCAL.search(data, 0, HEAD_BYTES)
                or _OFD_CENTRAL.search(data, max(0, len(data) - 65536)))


_HEADER_NAME = re.compile(rb"[!-9;-~]+:")


def _mime_related(head: bytes) -> bool:
    """Does ``head`` (lower case) start with a MIME message's headers (``Name: value`` lines and their
    continuations, up to the first blank line) that declare ``MIME-Version`` and a ``multipart/related`` body: a
    single-file web page, whether Word's (``MIME-Version`` first) or a browser's (``From: <Saved by …>`` first)?"""
    if not _HEADER_NAME.match(head) or b"mime-version:" not in head:
        return False  # (every other file: its first line is no header)
    lines = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].split(b"\n")
    seen_version = related = False
    for line in lines:
        if not line:
            continue  # the end of the bytes looked at
        if line[:1] in (b" ", b"\t"):
            related = related or b"multipart/related" in line
            continue
        if not _HEADER_NAME.match(line):
            return False
        seen_version = seen_version or line.startswith(b"mime-version:")
        related = related or (line.startswith(b"content-type:") and b"multipart/related" in line)
    return seen_version and related


def _page(head: bytes) -> bool:
    """Does ``head`` (lower case, at ``<``) start an HTML page: its first element, past an XML declaration,
    comments and a doctype, is one only a page has?"""
    i = 0
    for _ in range(64):  # declarations and comments before the first element: bounded
        if head.startswith(_PAGE_TAGS, i):
            return True
        if head.startswith(b"<!--", i):
            end = head.find(b"-->", i + 4)
            if end < 0:
                return False
            i = end + 3
        elif head.startswith((b"<?", b"<!"), i):
            end = head.find(b">", i + 2)
            if end < 0:
                return False
            i = end + 1
        else:
            return False
        while i < len(head) and head[i] in b" \t\r\n\f":
            i += 1
        if i >= len(head) or head[i] != 0x3C:  # "<"
            return False
    return False
