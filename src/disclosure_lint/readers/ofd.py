"""OFD reader (版式文档, GB/T 33190-2016): the PDF reader's lines, paragraphs, tables and page furniture on OFD pages.

An OFD file is a zip of XML parts: ``OFD.xml`` names the document (``DocBody/DocRoot``), whose ``Document.xml``
gives the page size (``CommonData/PageArea``), the template pages (``TemplatePage``) and the pages
(``Pages/Page/@BaseLoc``); each page's ``Content.xml`` places glyphs and paths, as a PDF page does.  This module
opens the package (the zip's directory checked first by :func:`.docx_package.check_zip`; an encrypted package, one
without ``OFD.xml`` or without a page is one sentence), finds the parts (a location is relative to the folder of the
part that names it, or absolute from the package's root; ``..`` never leaves the package: a location is only a name
looked up in the zip) and gives each page's objects (:mod:`.ofd_page`: the page's own content, its templates' beneath
or above it, the composite drawings of ``PublicRes``/``DocumentRes``/``PageRes`` its CompositeObjects draw) to the
PDF reader (:func:`.pdf.laid_out_document`), which builds the lines, the ruled tables, the paragraphs and the pointers
(第N页第M行) as for a PDF page.  A signed OFD (``Signatures``) is read all the same.
lxml is all it needs: the format is XML in a zip, and the PDF reader does the layout.

Limits: pages ``limits.max_pdf_pages`` (the rest counted, notice ``page-limit``), objects and characters of a page
``limits.max_pdf_page_objects``/``max_pdf_page_chars`` (the page skipped, DL002), the XML parts' size
(``limits.max_docx_xml_mb``, before decompressing), ``limits.max_read_seconds``.
"""

from __future__ import annotations

import io
import posixpath
import time
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from lxml import etree

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from .docx_package import check_zip
from .ofd_page import MM, Reading, TooMany, drop, numbers, page_objects, xml_error
from .pdf import Sheet, laid_out_document
from .pdf_pdfium import PageObjects

SAVE_AS = "请重新获取原文件，或在数科、福昕等 OFD 阅读器中另存为 PDF 后再检查"
MAX_TEMPLATES = 8  # templates drawn on one page
MAX_PAGE_REFS = 1_000_000  # page entries counted in Document.xml
MAX_UNITS = 1000  # composite drawings taken from the resources
A4 = (0.0, 0.0, 210.0, 297.0)


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


class _Package:
    """The zip's parts by name (exact, else ignoring case), read once each."""

    def __init__(self, zf: zipfile.ZipFile, names: set[str]) -> None:
        self.zf = zf
        self.names = names
        self.folded = {n.lower(): n for n in names}
        self.cache: dict[str, bytes] = {}

    def find(self, base: str, loc: str | None) -> str | None:
        """The part ``loc`` names from the folder ``base`` (absolute from the root with a leading ``/``)."""
        loc = (loc or "").strip().replace("\\", "/")
        if not loc:
            return None
        joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc)
        parts: list[str] = []
        for p in joined.split("/"):
            if p in ("", "."):
                continue
            if p == "..":
                if not parts:
                    return None  # above the package's root: no part of it
                parts.pop()
            else:
                parts.append(p)
        name = "/".join(parts)
        found = name if name in self.names else self.folded.get(name.lower())
        if found is None and base and not loc.startswith("/"):
            return self.find("", "/" + loc)  # a location written from the root without its slash
        return found

    def read(self, name: str) -> bytes:
        got = self.cache.get(name)
        if got is None:
            try:
                got = self.zf.read(name)
            except (zipfile.BadZipFile, zlib.error, EOFError, zipfile.LargeZipFile, NotImplementedError, OSError,
                    RuntimeError):
                raise InputError(f"OFD 文件已损坏或不完整（压缩数据无法解压，可能在下载或复制时被截断）；{SAVE_AS}") from None
            self.cache[name] = got
        return got


def _elements(xml: bytes, until: str | None = None) -> Iterator[Any]:
    """The elements of an XML part as they end, the long lists' entries dropped once read; up to the start of an
    element named ``until`` (a page's ``Content``: its objects are streamed by :mod:`.ofd_page`)."""
    try:
        for event, el in etree.iterparse(io.BytesIO(xml), events=("start", "end"), resolve_entities=False,
                                         no_network=True, huge_tree=False, load_dtd=False, remove_comments=True,
                                         remove_pis=True):
            if event == "start":
                if until is not None and _local(el.tag) == until:
                    return
                continue
            yield el
            if _local(el.tag) in ("Page", "TemplatePage", "DocBody", "CompositeGraphicUnit"):
                drop(el)
    except etree.XMLSyntaxError as exc:
        raise xml_error(exc) from None


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    v = numbers(text, 4)
    if not v or len(v) != 4 or not (1 <= v[2] <= 5000 and 1 <= v[3] <= 5000):
        return None
    return (v[0], v[1], v[2], v[3])


def _units(pkg: _Package, name: str | None) -> dict[str, bytes]:
    """The composite drawings (``CompositeGraphicUnit`` ID → its ``Content``) of a resource part."""
    units: dict[str, bytes] = {}
    if name is None:
        return units
    for el in _elements(pkg.read(name)):
        if _local(el.tag) == "CompositeGraphicUnit" and len(units) < MAX_UNITS:
            content = next((c for c in el if _local(c.tag) == "Content"), None)
            if content is not None and el.get("ID"):
                units[el.get("ID", "")] = etree.tostring(content)
    return units


class _Doc:
    """What Document.xml says: the page box, the template pages, the first pages' parts and the page count."""

    def __init__(self, pkg: _Package, name: str, max_pages: int) -> None:
        base = posixpath.dirname(name)
        self.box = A4
        self.templates: dict[str, tuple[str | None, str]] = {}  # ID → (part, ZOrder)
        self.pages: list[str | None] = []
        self.total = 0
        self.units: dict[str, bytes] = {}
        for el in _elements(pkg.read(name)):
            tag = _local(el.tag)
            if tag == "PhysicalBox" and _local(el.getparent().tag if el.getparent() is not None else "") == "PageArea":
                self.box = _box(el.text) or self.box
            elif tag in ("PublicRes", "DocumentRes") and len(self.units) < MAX_UNITS:
                self.units.update(_units(pkg, pkg.find(base, el.text)))
            elif tag == "TemplatePage" and len(self.templates) < 1000:
                self.templates[el.get("ID", "")] = (pkg.find(base, el.get("BaseLoc")),
                                                    el.get("ZOrder") or "Background")
            elif tag == "Page" and _local(el.getparent().tag if el.getparent() is not None else "") == "Pages":
                self.total += 1
                if len(self.pages) < max_pages:
                    self.pages.append(pkg.find(base, el.get("BaseLoc")))
                if self.total >= MAX_PAGE_REFS:
                    break


def _open(data: bytes, limits: Limits) -> tuple[_Package, str]:
    """The package and its document's Document.xml, or one sentence."""
    if not data.startswith(b"PK"):
        raise InputError(f"这不是有效的 .ofd 文件（不是 OFD 使用的 zip 压缩包格式），可能已损坏；{SAVE_AS}")
    zf, names = check_zip(data, limits, "ofd")
    pkg = _Package(zf, names)
    if any(n.lower().endswith("encryptions.xml") for n in names):
        raise InputError("OFD 文件已加密，无法读取；请提供未加密的文件，或在 OFD 阅读器中解密后另存为 PDF 再检查")
    entry = pkg.find("", "OFD.xml")
    if entry is None:
        raise InputError(f"压缩包中没有 OFD.xml（OFD 文档的入口），不是有效的 OFD 文件；{SAVE_AS}")
    root_loc = None
    for el in _elements(pkg.read(entry)):
        if _local(el.tag) == "DocRoot" and root_loc is None:
            root_loc = (el.text or "").strip()
    doc = pkg.find("", root_loc) if root_loc else None
    if doc is None:
        raise InputError(f"OFD 文件的入口（OFD.xml）没有指向文档（DocRoot），或所指的文档不在压缩包中；{SAVE_AS}")
    return pkg, doc


def _page_parts(pkg: _Package, name: str,
                doc: _Doc) -> tuple[tuple[float, float, float, float], list[str], list[str], dict[str, bytes]]:
    """A page's box (its own ``Area`` over the document's), the template parts drawn beneath and above it and the
    composite drawings it may use (its own ``PageRes``'s with the document's)."""
    box = doc.box
    below: list[str] = []
    above: list[str] = []
    units = doc.units
    for el in _elements(pkg.read(name), until="Content"):
        tag = _local(el.tag)
        parent = el.getparent()
        ptag = _local(parent.tag) if parent is not None else ""
        if tag == "PhysicalBox" and ptag == "Area":
            grand = parent.getparent()
            if grand is not None and _local(grand.tag) == "Page":
                box = _box(el.text) or box
        elif tag == "Template" and ptag == "Page" and len(below) + len(above) < MAX_TEMPLATES:
            part, zorder = doc.templates.get(el.get("TemplateID", ""), (None, "Background"))
            if part is not None and part != name:
                (above if (el.get("ZOrder") or zorder) == "Foreground" else below).append(part)
        elif tag == "PageRes" and ptag == "Page" and len(units) < MAX_UNITS:
            units = {**units, **_units(pkg, pkg.find(posixpath.dirname(name), el.text))}
    return box, below, above, units


def _pages(pkg: _Package, doc: _Doc, limits: Limits, started: float,
           stop: list[int]) -> Iterator[tuple[Sheet, PageObjects | str]]:
    deadline = started + limits.max_read_seconds
    for number, name in enumerate(doc.pages, start=1):
        if number > 1 and time.monotonic() > deadline:
            stop.append(number)
            return
        if name is None:
            raise InputError(f"OFD 文件第{number}页的内容（Document.xml 中该页的 BaseLoc）不在压缩包中，文件已损坏或不完整；{SAVE_AS}")
        box, below, above, units = _page_parts(pkg, name, doc)
        sheet = Sheet(number, box[2] * MM, box[3] * MM)
        page = Reading(sheet.height, limits.max_pdf_page_objects, limits.max_pdf_page_chars,
                       deadline + limits.max_read_seconds, units)
        try:
            for part in (*below, name, *above):
                page_objects(pkg.read(part), (box[0], box[1]), page)
        except TooMany as exc:
            yield sheet, str(exc)
            continue
        out = page.out
        yield sheet, PageObjects(out.chars, out.lines, out.rects, out.curves, out.images)


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    started = time.monotonic()
    pkg, name = _open(data, limits)
    doc = _Doc(pkg, name, limits.max_pdf_pages)
    if doc.total == 0:
        raise InputError(f"OFD 文件中没有页面（Document.xml 没有列出任何页面），文件可能已损坏或不完整；{SAVE_AS}")
    stop: list[int] = []
    pages = list(_pages(pkg, doc, limits, started, stop))
    return laid_out_document(path, iter(pages), doc.total, limits, "ofd", "OFD 文件", stop[0] if stop else None)
