"""Readers: bytes → :class:`~disclosure_lint.model.Document`.

Each reader module is imported only when a file of its type is read, so start-up
stays fast.  ``read_path`` is the single entry point; it raises
:class:`~disclosure_lint.errors.InputError` with a Chinese message for anything
that cannot be read.
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import replace

from ..errors import InputError, UnsupportedType
from ..fsread import Refused, TooBig, os_reason, read_regular
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document, ReaderNotice
from ..textio import has_visible_text
from .sniff import FIX_AS_DOCX, HEAD_BYTES, NAMES, ODF_OTHER, READ_AS, sniff

# extension → (module, format name)
READERS: dict[str, tuple[str, str]] = {
    ".md": ("markdown", "markdown"),
    ".markdown": ("markdown", "markdown"),
    ".txt": ("text", "text"),
    ".text": ("text", "text"),
    ".html": ("html", "html"),
    ".htm": ("html", "html"),
    ".xhtml": ("html", "html"),
    ".shtml": ("html", "html"),
    ".mht": ("mhtml", "mhtml"),
    ".mhtml": ("mhtml", "mhtml"),
    ".docx": ("docx", "docx"),
    ".doc": ("doc", "doc"),
    ".rtf": ("rtf", "rtf"),
    ".odt": ("odt", "odt"),
    ".pdf": ("pdf", "pdf"),
    ".ofd": ("ofd", "ofd"),
}
# Scanned pages as images, read by OCR (the ``ocr`` extra): only when named, never picked up by the walk.
IMAGES: dict[str, tuple[str, str]] = dict.fromkeys((".png", ".jpg", ".jpeg", ".tif", ".tiff"), ("image", "image"))

# Extensions the directory walk picks up.
WALK_EXTENSIONS = frozenset(READERS)

# Types we know but cannot read: a clear message saying how to convert them.
UNSUPPORTED: dict[str, str] = {
    ".wps": "这个 WPS 文字（.wps）文件不是 Word 97–2003 的格式（WPS 的早期格式），无法直接读取，请在 WPS 中“另存为” .docx 后再检查",
    ".et": "WPS 表格文件不是年度报告格式，请另存为 .docx 或 .pdf 后再检查",
    ".xls": "Excel 文件不是年度报告格式，请将报告另存为 .docx 或 .pdf 后再检查",
    ".xlsx": "Excel 文件不是年度报告格式，请将报告另存为 .docx 或 .pdf 后再检查",
    ".ods": ODF_OTHER,
    ".odp": ODF_OTHER,
}

DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_bytes

# Zip packages that are not Word documents: their own message, not the Word reader's.
_OTHER_PACKAGES = frozenset({".xls", ".xlsx", ".et", ".ods", ".odp"})


def reader_for(path: str) -> tuple[str, str]:
    """The reader a file's name asks for; :class:`UnsupportedType` for a type the tool does not read.  Unknown
    extensions are read as plain text (scraped pages are often saved oddly).  What the bytes are can overrule
    the name (:func:`reader_of`)."""
    ext = os.path.splitext(path)[1].lower()
    if ext in UNSUPPORTED:
        raise UnsupportedType(UNSUPPORTED[ext])
    return READERS.get(ext) or IMAGES.get(ext) or ("text", "text")


def reader_of(path: str, data: bytes) -> tuple[str, str | None]:
    """The reader module for ``path`` holding ``data``, and what the bytes are (:data:`.sniff.NAMES`) when that is
    not what the name says.  A PDF, a Word package or a web page is read as what it is whatever its name
    (a failed download saved as ``.pdf``, a portal page as ``.jsp`` or ``.doc``, a PDF as ``download.do``); a
    Markdown file is never read as a web page (it may hold HTML), and a file not named .pdf is a PDF only when it
    starts as one (a text quoting "%PDF-" stays text); an RTF file is read as RTF whatever its name, and so is an OpenDocument text (a zip whose ``mimetype`` comes first)
    as ODT and an OFD file (a zip holding ``OFD.xml``) as OFD.  A type the tool does not read, found by its name or its
    bytes, is :class:`UnsupportedType`."""
    ext = os.path.splitext(path)[1].lower()
    named = READERS.get(ext) or IMAGES.get(ext)
    module = named[0] if named else None if ext in UNSUPPORTED else "text"
    content = sniff(data)
    if content == "pdf" and module != "pdf" and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-"):
        content = None  # a text or page quoting "%PDF-" in its first KiB: under another name, a PDF starts as one
    if content == "pdf":
        found = "pdf"
    elif content == "odt":
        found = "odt"  # an OpenDocument text (its mimetype first in the zip), whatever its name
    elif content == "ofd":
        found = "ofd"  # a zip holding OFD.xml, whatever its name
    elif content == "odf":
        raise UnsupportedType(ODF_OTHER)
    elif content == "zip":
        if ext in _OTHER_PACKAGES:
            raise UnsupportedType(UNSUPPORTED[ext])
        # its reader names a package that is not a Word document (Excel, an OpenDocument text stored oddly …); under
        # an .odt name, a zip that opens with Word's content types is a .docx, else the ODT reader says what it is
        # (and under an .ofd name, a zip without Word's content types is for the OFD reader to name)
        found = module if module in ("odt", "ofd") and data[30:49] != b"[Content_Types].xml" else "docx"
    elif content == "html":
        found = "markdown" if module == "markdown" else "html"
    elif content == "mhtml":
        found = "mhtml"  # a single-file web page: a page saved by a browser, a report Word saved so (named .doc)
    elif content == "ole" and ext not in _OTHER_PACKAGES:
        found = "doc"  # a Word 97–2003 file (also one renamed .docx); its reader says what another binary file is
    elif content == "rtf":
        found = "rtf"  # Word's or a portal's "save as RTF", often named .doc (Word opens it whatever its name)
    elif content is not None:  # a binary Office file, Word 2003 XML
        if module == "docx":
            found = "docx"  # its reader says what the file is and how to save it as .docx
        elif ext in UNSUPPORTED and content == "ole":
            raise UnsupportedType(UNSUPPORTED[ext])
        else:
            named_as = f"扩展名为 {ext}" if ext else "没有扩展名"
            raise UnsupportedType(f"这是{NAMES[content]}，只是{named_as}；无法直接读取，{FIX_AS_DOCX}")
    elif module is None:
        raise UnsupportedType(UNSUPPORTED[ext])
    elif module == "doc":  # neither a Word 97–2003 file nor a page, PDF or package under the name
        raise UnsupportedType(f"文件扩展名为 {ext}，内容却不是 Word 文档（不是 Word 97–2003 的二进制文件，也不是网页或 PDF），"
                              f"无法读取；{FIX_AS_DOCX}")
    elif module == "rtf":  # neither RTF nor a page, PDF or Word file under the name
        raise UnsupportedType(f"文件扩展名为 {ext}，内容却不是 RTF 格式（开头不是 {{\\rtf），也不是网页、PDF 或 Word 文档，"
                              f"无法读取；{FIX_AS_DOCX}")
    else:
        found = module
    # (a .wps in Word 97–2003's format is what WPS writes: no note that its name lies)
    misnamed = found != module and (named is not None or ext in UNSUPPORTED) and not (found == "doc" and ext == ".wps")
    return found, (content if misnamed else None)


def readable(path: str) -> bool:
    """Is ``path`` a file the tool may read: of a type it reads by its name, or by its first bytes (a .doc that is
    a page or a .docx, :func:`reader_of`)?  Reads a few KiB at most; a file that cannot be opened is left for its
    own error (True)."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in UNSUPPORTED:
        return True
    try:
        reader_of(path, read_regular(path, HEAD_BYTES, head=True))
    except UnsupportedType:
        return False
    except (Refused, OSError, ValueError):
        return True
    return True


def preload(paths: list[str]) -> None:
    """Import the readers that ``paths`` need (not OCR's), as reading one of them would.  For a process about to fork
    ``--jobs`` workers: a worker forked after the import shares the pages of the reader and its libraries
    (pdfplumber, pdfminer, PDFium, python-docx, lxml: tens of MB) with this process and the other workers, where
    each worker importing them for itself holds its own copy.  A reader that cannot be imported is left for its
    files' own error."""
    for module_name in sorted({READERS[ext][0] for p in paths if (ext := os.path.splitext(p)[1].lower()) in READERS}):
        try:
            importlib.import_module(f"{__name__}.{module_name}")
        except Exception:  # noqa: BLE001 - a missing or broken library: each of its files says so when read
            pass


def os_error(path: str, exc: OSError) -> InputError:
    """The one-line :class:`InputError` for an ``OSError`` met opening or reading ``path``."""
    return InputError(os_reason(path, exc))


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them (:func:`..fsread.read_regular`), or
    :class:`InputError`; a file with nothing but whitespace is empty."""
    try:
        data = read_regular(path, max_bytes)
    except TooBig as exc:
        raise InputError(f"文件过大（{exc.size / 1024 / 1024:.1f} MB，上限 {max_bytes / 1024 / 1024:.0f} MB；"
                         "可在配置的 limits.max_file_size_mb 中调整）") from None
    except Refused as exc:
        raise InputError(str(exc)) from None
    if not data.strip():
        raise InputError("文件为空")
    return data


# Markdown's own marks: what is left when they are removed is the text a reader should have found.
_MARKDOWN_MARKS = re.compile(r"[>#*+|`_~=\-\s]+")


def read_document(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """``data`` (the bytes of ``path``) read by the reader of what they are (:func:`reader_of`); a file whose name
    says otherwise carries a ``content-type`` notice (DL004)."""
    module_name, misnamed = reader_of(path, data)
    module = importlib.import_module(f"{__name__}.{module_name}")
    try:
        doc = module.read(path, data, limits=limits)
        # (a text converted from traditional script was read in full: its notice says only that)
        if all(n.kind == "traditional-script" for n in doc.notices) and not any(has_visible_text(b.text) for b in doc.blocks):
            if doc.format == "markdown" and has_visible_text(_MARKDOWN_MARKS.sub("", doc.text)):
                raise InputError("文件中的文字没有读出任何段落（Markdown 的引用或列表嵌套过深），没有可检查的内容")
            raise InputError("文件中没有可检查的文字（只有空白、空段落或空表格）")
    except InputError as exc:
        if misnamed is None:
            raise
        # what the file is first: "the web page has no text" of a file named .pdf needs it
        ext = os.path.splitext(path)[1].lower()
        if misnamed == "ole":  # the Word 97–2003 reader's sentence says what the binary file is
            raise type(exc)(f"文件扩展名为 {ext}，{exc}") from None
        raise type(exc)(f"文件扩展名为 {ext}，内容却是{READ_AS[misnamed][0]}：{exc}") from None
    if misnamed is not None:
        ext = os.path.splitext(path)[1].lower()
        doc = replace(doc, notices=(*doc.notices, ReaderNotice("content-type", format=misnamed, detail=ext)))
    return doc


def read_path(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read and interpret nothing: the :class:`Document` of the file at ``path``.  A file of a type the tool does
    not read (.wps, .xls …) is read all the same, its bytes may be a page or a PDF under a wrong name
    (:func:`reader_of`); one too big to read says what its name says it is."""
    try:
        data = read_bytes(path, limits.max_bytes)
    except InputError:
        reader_for(path)  # a .xls over the size limit: say that the type is not read, not that it is big
        raise
    return read_document(path, data, limits)
