"""PDF reader: text in reading order, page furniture removed, paragraphs rebuilt, ruled tables as grids.

A PDF has no paragraphs, only positioned characters.  This reader (pdfplumber on pdfminer.six for
the file's structure and the page limits; PDFium through :mod:`.pdf_pdfium` for each page's
characters, ruling paths and images, boxed exactly as pdfminer boxes them, with pdfplumber reading
the pages PDFium cannot give exactly) rebuilds what the report's author wrote:

* **Characters → lines.** Characters are grouped into lines by their vertical centre and sorted
  left to right.  No space is put between CJK characters however wide the gap (justified and
  distributed lines spread them; Word's Latin/CJK auto-spacing leaves a gap around digits), only
  between two ASCII characters separated by a visible gap.  Duplicated glyphs (fake bold) are
  dropped; Kangxi radicals and CJK compatibility ideographs are folded to the ordinary characters.
* **Ruled tables.** Tables are read from the page's visible ruling lines only (stroked lines,
  stroked rectangles, hair-line filled rectangles — never the white or shaded cell backgrounds
  Word and WPS draw) with pdfplumber's table finder.  Where a table runs off the bottom of the
  page its vertical rules end without a closing horizontal rule; that rule is added, so the last
  row is not lost.  Each cell's text is its own lines joined without line breaks; a merged cell is
  expanded into every grid position it covers (text repeated), as :class:`~..model.Table` requires.
  A table that ends a page and a table that starts the next one with the same outer edges are one
  table: a merged label cell cut by the page break is put together again (``（四）无`` +
  ``法提供``), label cells left empty at the top of the continuation take the text above, and a row
  the page break cut in two (``1.本`` with its numbers, ``机关不掌握相关政府信息`` on the next page) is one row.
  Characters inside a table never appear in a paragraph.
* **Tables without rules** (a Word table with its borders removed, a WPS export) are read from the positions of
  their words by :mod:`.pdf_layout` into the same grid, when it is sure (else they stay text); such a table read on
  one page and not on the next (or the page before) is not read on either (:func:`_unlay`).
* **Page furniture.** Page numbers (``- 1 -``, ``第1页 共8页``, ``1/8``, ``—1—``, a bare number) in the
  top or bottom margin and lines repeated in the same margin on most pages (running headers and
  footers) are removed.
* **Paragraphs.** Lines are joined into paragraphs (CJK without a space), also across page
  breaks, unless the line ends a paragraph: it is a short numbered heading, it stops short of the
  right margin, the next line is indented, starts with a heading number, or follows a wider gap,
  or — in documents without first-line indents — it ends with 。！？：；.  A line stopping short
  of the margin only because the next line's first unbreakable unit (a character, a number, a
  Latin word, with the punctuation that may not be parted from it) would not have fitted does
  not end the paragraph (ragged-right text: a browser's print to PDF).  The margins are each
  page's own (closing punctuation hanging past the right margin aside), unless the page's lines
  do not reach them (a last page of short lines): then a neighbouring page's.  A title in a
  larger font is joined over its lines: a centred line follows a centred, long or full-width one.
* **Positions.** Paragraph anchors carry the page and the line number on the page (every text
  line of the page counts, table lines included), so findings read "第2页第14行"; table cells
  carry a pointer "第3页表1第2行第4列" (table 1 of that page, grid row and column of that page's part).
* **Scans.** Pages without a usable text layer are reported in ``Document.notices``
  (``no-text-layer`` when no page has text, else ``pages-without-text``); the ``reader-notice``
  kind turns them into DL002 — unless the OCR extra is installed (:mod:`.ocr`): then such pages (every page
  with ``limits.ocr: always``, none with ``never``; at most ``limits.max_ocr_pages``) are rendered and
  recognised, and their glyphs and ruled tables go through the same steps as a text page's characters
  (:func:`from_scan`); a table cell read so carries its recognition confidence.  Large images (a table pasted as a picture) become ``image`` blocks (text ``<img>``),
  which the structure analysis counts as a table published as an image.
* **Limits** (``limits.py``).  Pages are taken from the page tree one by one (a file of 100,000
  pages is not enumerated), at most ``limits.max_pdf_pages`` of them (notice ``page-limit``).  Before
  pdfminer interprets a page, :mod:`.pdf_budget` measures its inflated content, operators and
  characters (Form XObjects expanded as drawn, cycles refused): a page over a bound is skipped, and
  reading stops when ``limits.max_read_seconds`` have passed (notice ``read-limit``, one DL002).
  Corrupt, truncated and password-protected files raise one clear :class:`~..errors.InputError`.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import time
import warnings
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from typing import Any

import pdfplumber
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfplumber.page import Page

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Anchor, Block, Cell, Document, ReaderNotice, Row, SkippedPage, Table
from . import cjk_fold, ocr, pdf_layout
from .pdf_budget import OverBudget, check_page, page_contents
from .pdf_pdfium import FAINT_SIZE, PageObjects, faint, open_document, page_objects, slanted
from .pdf_tables import find_tables
from .print_furniture import is_footer, is_header, printed_by_browser
from .text import HEADING, heading_level

MAX_PAGES = 300  # pages read from one file; the rest is reported (notice "page-limit")
MAX_EDGES = 2000  # ruling segments on one page beyond which the drawing is not taken for a table grid
MAX_GRID = 40_000  # grid positions of one table beyond which it is read as text
MAX_CHARS = 200_000  # characters on one page beyond which the page is not read (hostile input)

_TERMINAL = re.compile(r"[。！？：；!?:;][”’」』）)]*$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-－—–_~·•\s]*\d{1,4}[-－—–_~·•\s]*"  # - 1 -  —1—  1
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"  # 第1页 共8页
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"  # 1/8
    r"|(?:page|p\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"  # Page 1 of 8
    r"|[-－—–]?\s*[ivxlc]{1,6}\s*[-－—–]?)$",  # roman numerals
    re.I)
_DIGITS = re.compile(r"\d+")
_LEAD_NUM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、])")
# kinsoku: closing punctuation never starts a line (it may hang past the margin), opening never ends one
_CLOSING = frozenset("，。、；：？！）》〕】」』”’…％,.;:?!)]}%")
_OPENING = frozenset("（《〔【「『“‘([{")
_NUMERIC = re.compile(r"^[\s+\-－−]*[\d,，.．%％]+\s*[%％]?\s*$")

# -- small records --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    conf: float | None = None  # recognition confidence of a character read by OCR


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    no: int = 0  # line number on the page (1-based)
    lead: float = 0.0  # natural width of the line's first unbreakable unit (see _lead_width)
    end: float = 0.0  # right edge of the line without trailing closing punctuation (it may hang)
    unread: bool = False  # a row of figures of a table drawn without rules that was not read (see _mark_unread)

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _PCell:
    """A physical cell of one table part: its grid span in the part and its text."""

    r0: int
    r1: int
    x0: float
    x1: float
    text: str = ""
    no: int = 0  # line number on the page of its first text line
    chars: list[_Char] = field(default_factory=list)
    conf: float | None = None  # the lowest recognition confidence of its characters (OCR)
    first: tuple[float, float] | None = None  # top and bottom of its first visual line (set with its text)


@dataclass(slots=True)
class _Part:
    """A ruled table found on one page."""

    page: int
    ordinal: int  # 1-based, on its page
    x0: float
    x1: float
    top: float
    bottom: float
    n_rows: int
    cells: list[_PCell]
    row_no: list[int] = field(default_factory=list)  # line number on the page of each grid row
    chars: list[_Char] = field(default_factory=list)  # of a table drawn without rules: all its characters
    xs: list[float] = field(default_factory=list)  # column boundaries of a table drawn without rules (pdf_layout)
    label_cols: int = 0  # of such a table: its label columns (before its number columns)


@dataclass(slots=True)
class _Image:
    page: int
    top: float
    no: int = 0
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # x0, top, x1, bottom


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line]
    parts: list[_Part]
    images: list[_Image]
    has_text: bool
    has_graphics: bool
    ocr: bool = False  # read by OCR (:mod:`.ocr`)
    # tables without rules not read (pdf_layout): top, bottom, left edge of their numbers, top of their first row of
    # figures
    unsure: list[tuple[float, float, float, float]] = field(default_factory=list)


# -- entry point ----------------------------------------------------------------------------------


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    head = data[:1024]
    if b"%PDF-" not in head:
        raise InputError("文件不是有效的 PDF（缺少 %PDF 文件头）")

    started = time.monotonic()
    with _quiet():
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except Exception as exc:  # noqa: BLE001 - every library failure becomes one sentence
            raise _open_error(exc, data) from None
        cut = _Cut()
        pages: list[_Page] = []
        fast_doc = open_document(data)
        try:
            page_objs = _page_objects(pdf, data)
            max_pages = min(limits.max_pdf_pages, MAX_PAGES)
            total = 0
            font_sizes: dict[int, int] = {}  # the fonts' inflated sizes, measured once for the document's pages
            for number, page_obj in page_objs:
                total = number
                if number > max_pages:
                    total = _page_count(pdf) or _count_rest(page_objs, number, started, limits)
                    break
                if number > 1 and time.monotonic() - started > limits.max_read_seconds:
                    cut.stopped = number
                    total = _page_count(pdf) or _count_rest(page_objs, number, started, limits)
                    break
                cut.last = number
                try:
                    check_page(page_obj, limits, font_sizes)
                except OverBudget as exc:
                    cut.skipped.append((number, str(exc)))
                    continue
                except Exception:  # noqa: BLE001 - a broken stream: pdfminer says so below
                    pass
                try:
                    page = _Page_of(pdf, page_obj, number)
                except Exception as exc:  # noqa: BLE001 - a malformed page dictionary (MediaBox …)
                    raise _page_error(exc, data, number) from None
                try:
                    fast = (page_objects(fast_doc, number - 1, page.mediabox, page_obj.resources, MAX_CHARS,
                                         partial(page_contents, page_obj, limits)) if fast_doc else None)
                    pages.append(_read_page(page, fast))
                except _PageTooBig as exc:
                    cut.skipped.append((number, str(exc)))
                except InputError:
                    raise
                except Exception as exc:  # noqa: BLE001
                    raise _page_error(exc, data, number) from None
                finally:
                    try:
                        page.close()
                    except Exception:  # noqa: BLE001 - only frees caches  # pragma: no cover
                        pass
            if total == 0:
                raise InputError("PDF 文件中没有页面（文件可能已损坏或不完整）")
        finally:
            pdf._pages = []  # close() would otherwise enumerate every page of the file
            if fast_doc is not None:
                fast_doc.close()
            try:
                pdf.close()
            except Exception:  # noqa: BLE001  # pragma: no cover
                pass
    advice = _recognise(data, pages, limits)
    return _assemble(path, pages, total, cut, limits, advice)


def _recognise(data: bytes, pages: list[_Page], limits: Limits) -> str | None:
    """Scanned pages read by OCR in place (``limits.ocr``: ``auto`` the pages without a text layer, ``always``
    every page, ``never`` none), at most ``limits.max_ocr_pages``; what to tell about the pages left unread."""
    want = [p.number for p in pages if limits.ocr == "always" or (not p.has_text and (p.has_graphics or p.images))]
    mixed = [p for p in pages if p.has_text and p.images] if limits.ocr == "auto" else []
    if not (want or mixed) or limits.ocr == "never":
        return None
    if not ocr.available():
        if not want:
            return None
        return f"可安装文字识别组件（{ocr.INSTALL_HINT}）后重新检查，工具将识别扫描页；或改用带文字的原件"
    by_number = {p.number: i for i, p in enumerate(pages)}
    for scan in ocr.recognise_pages(ocr.render_pdf(data, want[:limits.max_ocr_pages]), limits.ocr_workers):
        i = by_number[scan.number]
        pages[i] = from_scan(scan, pages[i].width, pages[i].height)
    # a picture on a page with text (a table pasted as a scan): its text joins the page's
    for p in mixed[:max(limits.max_ocr_pages - len(want), 0)]:
        boxes = [im.box for im in p.images]
        for scan in ocr.recognise_pages(ocr.render_pdf(data, [p.number], regions=boxes), 1):
            _add_scan(p, from_scan(scan, p.width, p.height))
    if len(want) > limits.max_ocr_pages:
        return (f"扫描页共{len(want)}页，只识别了前{limits.max_ocr_pages}页（文字识别页数上限 limits.max_ocr_pages），"
                "其余页面未检查")
    return None


def scanned_document(path: str, scans: list[tuple[ocr.ScanPage, float, float]], total: int, limits: Limits,
                     fmt: str, advice: str | None = None) -> Document:
    """The document of pages given as images (:mod:`.image`): ``(scan, width, height)`` in points."""
    doc = _assemble(path, [from_scan(s, w, h) for s, w, h in scans], total, None, limits, advice)
    return dataclasses.replace(doc, format=fmt)


@dataclass(frozen=True, slots=True)
class Sheet:
    """A page that is not a PDF page, for the table finder: its number and size in points (top-down coordinates)."""

    page_number: int
    width: float
    height: float

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)


def laid_out_document(path: str, pages: Iterator[tuple[Sheet, PageObjects | str]], total: int, limits: Limits,
                      fmt: str, kind: str, stopped: int | None = None) -> Document:
    """The document of pages of another fixed-layout format (:mod:`.ofd`) given as a PDF page's objects: each
    ``(sheet, objects)`` read as a PDFium page is (lines, ruled tables, images), or ``(sheet, reason)`` for a page
    skipped by a limit; ``kind`` names the format in the read-limit notice, ``stopped`` the first page not read
    because the time ran out."""
    cut = _Cut(stopped=stopped)
    read_pages: list[_Page] = []
    for sheet, objs in pages:
        cut.last = sheet.page_number
        if isinstance(objs, str):
            cut.skipped.append((sheet.page_number, objs))
            continue
        try:
            read_pages.append(_read_page(sheet, objs))
        except _PageTooBig as exc:
            cut.skipped.append((sheet.page_number, str(exc)))
    doc = _assemble(path, read_pages, total, cut, limits, None, kind)
    return dataclasses.replace(doc, format=fmt)


def _add_scan(page: _Page, region: _Page) -> None:
    """The text recognised in a page's pictures added to the page (the pictures are then text, not images)."""
    if not (region.lines or region.parts):
        return
    page.images = []
    page.lines = sorted(page.lines + region.lines, key=lambda ln: (ln.top, ln.x0))
    for part in region.parts:
        part.ordinal = len(page.parts) + 1
        page.parts.append(part)
    page.parts.sort(key=lambda pt: pt.top)
    for k, part in enumerate(page.parts, start=1):
        part.ordinal = k
    _number_lines(page.lines, page.parts, page.images)
    page.ocr = True


def from_scan(scan: ocr.ScanPage, width: float, height: float) -> _Page:
    """A page read by OCR, built like a text page from its recognised glyphs and ruled tables."""
    chars = [_Char(g.text, g.x0, g.x1, g.top, g.bottom, g.size, g.conf) for g in scan.glyphs]
    page = _build_page(scan.number, width, height, chars, list(scan.tables), [], bool(chars), True, False)
    page.ocr = True
    return page


@dataclass
class _Cut:
    """Pages not read because of a limit: skipped ones (with the reason) and where reading stopped."""

    skipped: list[tuple[int, str]] = field(default_factory=list)
    stopped: int | None = None  # the first page not read because the time budget ran out
    last: int = 0  # the last page read or skipped


class _PageTooBig(Exception):
    pass


def _page_objects(pdf, data: bytes):
    """``(number, PDFPage)`` lazily: a file of 100,000 pages is not enumerated to read its first 300."""

    gen = PDFPage.create_pages(pdf.doc)
    number = 0
    while True:
        try:
            page_obj = next(gen)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001
            raise _open_error(exc, data) from None
        number += 1
        yield number, page_obj


def _Page_of(pdf, page_obj, number: int):

    return Page(pdf, page_obj, page_number=number, initial_doctop=0)


def _page_count(pdf) -> int | None:
    """The page count the document's page tree states (``/Pages /Count``), when plausible."""

    try:
        n = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:  # noqa: BLE001
        return None
    return n if isinstance(n, int) and 0 < n < 10_000_000 else None


def _count_rest(page_objs, number: int, started: float, limits: Limits) -> int:
    """Count the remaining pages (no /Count in the page tree); stops counting when out of time."""
    for number, _obj in page_objs:
        if number % 256 == 0 and time.monotonic() - started > 2 * limits.max_read_seconds:
            break
    return number


class _quiet:
    """Silence pdfminer's log messages and warnings while reading (they would only confuse users)."""

    def __enter__(self):
        self._logger = logging.getLogger("pdfminer")
        self._level = self._logger.level
        self._logger.setLevel(logging.CRITICAL)
        self._warn = warnings.catch_warnings()
        self._warn.__enter__()
        warnings.simplefilter("ignore")
        return self

    def __exit__(self, *exc):
        self._warn.__exit__(*exc)
        self._logger.setLevel(self._level)
        return False


def _root_cause(exc: BaseException) -> BaseException:
    seen = 0
    while exc.args and isinstance(exc.args[0], BaseException) and seen < 5:
        exc = exc.args[0]
        seen += 1
    return exc


def _open_error(exc: BaseException, data: bytes) -> InputError:
    cause = _root_cause(exc)
    name = type(cause).__name__
    if name == "PDFPasswordIncorrect" or "password" in str(cause).lower():
        return InputError("PDF 文件受密码保护（已加密），无法读取；请提供未加密的文件后再检查")
    if name in ("PDFEncryptionError", "PDFTextExtractionNotAllowed") or "encrypt" in str(cause).lower():
        return InputError("PDF 文件已加密，且加密方式不受支持，无法读取；请提供未加密的文件后再检查")
    if _truncated(data):
        return InputError("PDF 文件不完整（可能下载或复制时被截断），无法读取")
    return InputError("PDF 文件已损坏，无法解析（不是有效的 PDF 结构）")


def _page_error(exc: BaseException, data: bytes, number: int) -> InputError:
    cause = _root_cause(exc)
    if type(cause).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
        return InputError("PDF 文件受密码保护（已加密），无法读取；请提供未加密的文件后再检查")
    if _truncated(data):
        return InputError(f"PDF 文件不完整（可能下载或复制时被截断），第{number}页无法读取")
    return InputError(f"PDF 文件已损坏，第{number}页无法解析")


def _truncated(data: bytes) -> bool:
    return b"%%EOF" not in data[-2048:]


# -- one page -------------------------------------------------------------------------------------


def _read_page(page, fast: PageObjects | None = None) -> _Page:
    """One page; its characters, paths and images from PDFium (``fast``) where :mod:`.pdf_pdfium`
    could take them exactly, else from pdfplumber."""
    number = page.page_number
    width, height = float(page.width), float(page.height)
    src = page if fast is None else fast
    raw_chars = src.chars
    if len(raw_chars) > MAX_CHARS:  # the content scan (pdf_budget) stops such pages before this
        raise _PageTooBig(f"字符超过 {MAX_CHARS} 个")
    if fast is None:
        raw_chars = _without_margin_text(page.chars)
    chars, undecodable = _chars(raw_chars)
    has_text = bool(chars) and not _undecodable(chars, undecodable)
    garbled = has_text and _one_glyph(chars)
    if not has_text or garbled:
        has_text, chars = False, []
    parts_raw = _find_tables(page, src) if chars else []
    images = _images(src.images, number, chars, width, height)
    # a page of one glyph repeated, or of glyphs with no text, is named (DL002) as a picture page is (and read by
    # OCR where it can be), not left out silently
    has_graphics = (garbled or undecodable >= _UNDECODABLE_MIN or bool(src.images)
                    or len(src.curves) + len(src.rects) > 20)
    return _build_page(number, width, height, chars, parts_raw, images, has_text, has_graphics)


def _without_margin_text(raw: list[dict]) -> list[dict]:
    """pdfplumber's characters without a few characters written up or down the page (rotated 90°) beside
    the body's text, wholly left or right of every upright character: a page number or a file number printed
    on the margin, not a word of the lines it would join.  Only on a page of body text (200 upright
    characters or more) with at most 40 such characters; text rotated within the body (a table's vertical
    label) stays."""
    upright: list[dict] = []
    vertical: list[dict] = []
    for c in raw:
        m = c.get("matrix")
        if not m or len(m) < 2:
            return raw
        a, b = abs(float(m[0])), abs(float(m[1]))
        if b <= 1e-3 * a:
            upright.append(c)
        elif a <= 1e-3 * b:
            vertical.append(c)
            if len(vertical) > 40:
                return raw
    if not vertical or len(upright) < 200:
        return raw
    try:
        left = min(float(c["x0"]) for c in upright)
        right = max(float(c["x1"]) for c in upright)
        off = {id(c) for c in vertical if float(c["x0"]) >= right + 2 or float(c["x1"]) <= left - 2}
    except (KeyError, TypeError, ValueError):  # pragma: no cover - pdfplumber always sets them
        return raw
    return [c for c in raw if id(c) not in off] if off else raw


_UNDECODABLE_MIN = 20  # glyphs with no text that make a page unreadable (see _undecodable)


def _undecodable(chars: list[_Char], undecodable: int) -> bool:
    """Whether the page's text is mostly glyphs with no text (``(cid:…)``, private-use characters): more of them
    than characters read, or (at least 20 of them) more than the Chinese characters read — a font with no Unicode
    mapping for its Chinese glyphs, or a PDF printed where no font had them (each drawn as an empty box), leaves
    only the digits and Latin letters: a table page would read as numbers without labels."""
    if undecodable > len(chars):
        return True
    if undecodable < _UNDECODABLE_MIN:
        return False
    cjk = 0
    for ch in chars:
        if "\u4e00" <= ch.text[0] <= "\u9fff":
            cjk += 1
            if cjk >= undecodable:
                return False
    return True


def _one_glyph(chars: list[_Char]) -> bool:
    """Whether the page's Chinese text is one character repeated (at least 50 Chinese characters, 60% of
    them one and the same): a font whose glyphs all map to one character (pdfminer reading LibreOffice's
    stand-in glyph, whose text is only in ``/ActualText``; a broken ``/ToUnicode``) — no usable text."""
    counts: dict[str, int] = {}
    for ch in chars:
        if "\u4e00" <= ch.text <= "\u9fff":
            counts[ch.text] = counts.get(ch.text, 0) + 1
    n = sum(counts.values())
    return n >= 50 and max(counts.values()) * 5 >= n * 3


def _build_page(number: int, width: float, height: float, chars: list[_Char], parts_raw: list,
                images: list[_Image], has_text: bool, has_graphics: bool, borderless: bool = True) -> _Page:
    # assign characters to table parts / cells, the rest to running text
    outside: list[_Char] = []
    grids = [_Grid(t) for t in parts_raw]
    boxes = [(g, *g.bbox) for g in grids]  # a character goes to the first grid whose box holds its centre
    for ch in chars:
        cx = (ch.x0 + ch.x1) / 2
        cy = (ch.top + ch.bottom) / 2
        for g, x0, top, x1, bottom in boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                g.add(ch, cx, cy)
                break
        else:
            outside.append(ch)
    groups = _group_lines(outside)
    unsure: list[tuple[float, float, float, float]] = []
    laid = pdf_layout.find(groups, unsure) if borderless and groups else []
    if laid:  # tables drawn without rules (pdf_layout): their characters leave the running text
        claimed = set().union(*(t.chars for t in laid))
        groups = _group_lines([ch for ch in outside if id(ch) not in claimed])
        grids = sorted([*grids, *(_Laid(t) for t in laid)], key=lambda g: g.bbox[1])
        for g in grids:
            if isinstance(g, _Laid):
                for ch in outside:
                    k = g.of.get(id(ch))
                    if k is not None:
                        g.cells[k].chars.append(ch)
                    elif id(ch) in g.mine:
                        g.dropped.append(ch)
    lines = [_make_line(group, number) for group in groups]
    _mark_unread(groups, lines, unsure)
    parts: list[_Part] = []
    for g in grids:
        part = g.part(number, len(parts) + 1)
        if part is None:  # not a real grid (one cell): its text is running text
            for group in _group_lines([c for pc in g.cells for c in pc.chars]):
                lines.append(_make_line(group, number))
            continue
        parts.append(part)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    _number_lines(lines, parts, images)
    page = _Page(number, width, height, lines, parts, images, has_text, has_graphics)
    page.unsure = unsure
    return page


MAX_FRAGMENT = 8  # characters of a line of pieces of row labels wrapped in narrow columns (三、本 / 理结 开（区分处理)


def _mark_unread(groups: list[list[_Char]], lines: list[_Line],
                 unsure: list[tuple[float, float, float, float]]) -> None:
    """Flag the lines (made of ``groups``, one each) of a table drawn without rules that was not read (``unsure``: its
    tops, bottoms, the left edge of its numbers and the top of its first row of figures): its rows of figures
    (``三、（一）予以公20 3 0 0 1 0 24本年开``, ``2.其0 0 0 0 0 0 0``) and the pieces of its labels wrapped in narrow
    columns, short lines left of its numbers (``三、本``, ``他法``, ``开（区分``; above its first row of figures not one
    that reads as a heading of six characters or more, ``一、总体情况``).  Such a line is the table's text, never a heading or an item of a numbered list,
    and the document lists its block (``Document.table_text``) so that the report says the table was not read
    (DL001), not that it is missing, and does not read it as prose."""
    if not unsure:
        return
    for group, ln in zip(groups, lines):
        for t, b, area, rows in unsure:
            if not t - 1 <= ln.mid <= b + 1:
                continue
            text = ln.text.replace(" ", "")
            if pdf_layout.figure_row(group) or (
                    area and ln.x1 <= area + 1 and len(text) <= MAX_FRAGMENT and not _TERMINAL.search(text)
                    and (ln.top >= rows - 1 or not (heading_level(text) and len(text) >= 6))):
                ln.unread = True
            break


def _char_tuples(raw: list[dict]) -> Iterator[tuple[str, float, float, float, float, float]]:
    """pdfplumber's character dictionaries as ``(text, x0, x1, top, bottom, size)``."""
    for c in raw:
        t = c.get("text") or ""
        if not t or t.isspace():
            continue
        m = c.get("matrix")
        if m and len(m) >= 2 and slanted(float(m[0]), float(m[1])):  # a watermark across the page
            continue
        if _faint_char(c):  # a watermark laid flat
            continue
        try:
            x0, x1, top, bottom = float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"])
            size = float(c.get("size") or (bottom - top) or 1.0)
        except (KeyError, TypeError, ValueError):  # pragma: no cover - pdfplumber always sets them
            continue
        yield t, x0, x1, top, bottom, size


def _faint_char(c: dict) -> bool:
    """pdfplumber's character of a watermark laid flat (:func:`.pdf_pdfium.faint`): large, in a light grey, RGB or
    CMYK fill (pdfplumber gives no transparency)."""
    col = c.get("non_stroking_color")
    try:
        if float(c.get("size") or 0) < FAINT_SIZE or not isinstance(col, (tuple, list)):
            return False
        v = [float(x) for x in col]
    except (TypeError, ValueError):
        return False
    if len(v) == 1:
        return faint(v[0], v[0], v[0])
    if len(v) == 3:
        return faint(*v)
    return len(v) == 4 and faint(*(1 - min(1.0, x + v[3]) for x in v[:3]))


def _chars(raw: list[dict] | list[tuple[str, float, float, float, float, float]]) -> tuple[list[_Char], int]:
    """Usable characters (duplicates of fake bold dropped) and the count of undecodable glyphs.

    ``raw``: pdfplumber's character dictionaries, or :mod:`.pdf_pdfium`'s tuples
    ``(text, x0, x1, top, bottom, size)`` (text not blank, numbers finite floats)."""
    fold = cjk_fold.table()
    out: list[_Char] = []
    undecodable = 0
    buckets: dict[tuple[str, int], list[float]] = {}
    items = raw if not raw or isinstance(raw[0], tuple) else _char_tuples(raw)
    for t, x0, x1, top, bottom, size in items:
        if len(t) == 1:  # the usual case, without the loops below
            if "\ue000" <= t <= "\uf8ff":
                undecodable += 1
                continue
            if t < " " or t == "\x7f":
                if t not in "\t\n\r":  # a glyph whose text is a control character (U+0000): no text
                    undecodable += 1
                continue
        else:
            if t.startswith("(cid:") or any(0xE000 <= ord(ch) <= 0xF8FF for ch in t):
                undecodable += 1
                continue
            t = "".join(ch for ch in t if ch >= " " and ch != "\x7f")
            if not t:
                continue
        t = t.translate(fold)
        # finite (NaN fails every comparison) and not absurdly large
        if not (-1e7 < x0 < 1e7 and -1e7 < x1 < 1e7 and -1e7 < top < 1e7 and -1e7 < bottom < 1e7
                and -1e7 < size < 1e7):
            continue
        # fake bold: the same glyph drawn again within a point
        key_top = round(top)
        dup = False
        for kt in (key_top, key_top - 1, key_top + 1):
            xs = buckets.get((t, kt))
            if xs:
                for kx in xs:
                    if -1.0 <= kx - x0 <= 1.0:
                        dup = True
                        break
                if dup:
                    break
        if dup:
            continue
        xs = buckets.get((t, key_top))
        if xs is None:
            buckets[(t, key_top)] = [x0]
        else:
            xs.append(x0)
        out.append(_Char(t, x0, x1, top, bottom, max(abs(size), 1.0)))
    return out, undecodable


def _finite(v: float) -> bool:
    return v == v and abs(v) < 1e7


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters → lines: a character whose vertical centre lies in the current line's box joins it."""
    if not chars:
        return []
    chars = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
    groups: list[list[_Char]] = []
    cur: list[_Char] = []
    top = bottom = 0.0
    for c in chars:
        mid = (c.top + c.bottom) / 2
        if cur and top <= mid <= bottom:
            cur.append(c)
            if c.top < top:
                top = c.top
            if c.bottom > bottom:
                bottom = c.bottom
        else:
            if cur:
                groups.append(cur)
            cur = [c]
            top, bottom = c.top, c.bottom
    if cur:
        groups.append(cur)
    for g in groups:
        g.sort(key=lambda c: c.x0)
    return groups


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isprintable() and not ch.isspace()


def _join_chars(chars: list[_Char], wide_gap_space: bool = True) -> str:
    parts: list[str] = []
    prev: _Char | None = None
    for c in chars:
        if prev is not None:
            gap = c.x0 - prev.x1
            size = max(prev.size, c.size)
            if gap > 0.2 * size and _is_ascii_word(prev.text[-1]) and _is_ascii_word(c.text[0]):
                parts.append(" ")
            elif wide_gap_space and gap > 2.5 * size:
                parts.append(" ")  # separate items on one line (e.g. a name and a date)
        parts.append(c.text)
        prev = c
    return "".join(parts)


def _make_line(chars: list[_Char], page: int) -> _Line:
    sizes = Counter(round(c.size * 2) / 2 for c in chars)
    x1 = max(c.x1 for c in chars)
    k = len(chars)
    while k > 1 and chars[k - 1].text[-1] in _CLOSING:
        k -= 1
    end = x1 if k == len(chars) else max(c.x1 for c in chars[:k])
    return _Line(_join_chars(chars), chars[0].x0, x1, min(c.top for c in chars),
                 max(c.bottom for c in chars), sizes.most_common(1)[0][0], page,
                 lead=_lead_width(chars), end=end)


def _lead_width(chars: list[_Char]) -> float:
    """The natural width (glyph advances, without the spacing of a justified line) of the line's
    first unit that a line breaker would not split: opening punctuation with what follows it, a
    number or Latin word (``13912345678``, ``2024.1.5``, ``http://…``) or else one character, and
    the closing punctuation after it (kinsoku: it may not start a line)."""
    n = len(chars)
    i = 0
    while i < n and chars[i].text[0] in _OPENING:
        i += 1
    if i < n and _is_unit_char(chars[i].text[0]):
        i += 1
        while i < n and chars[i].x0 - chars[i - 1].x1 <= 0.2 * chars[i].size:
            t = chars[i].text[0]
            if _is_unit_char(t) or (t in ".:/-_" and i + 1 < n and _is_unit_char(chars[i + 1].text[0])):
                i += 1
            else:
                break
    elif i < n:
        i += 1
    while i < n and chars[i].text[0] in _CLOSING:
        i += 1
    return sum(c.x1 - c.x0 for c in chars[:max(i, 1)])


def _is_unit_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _needs_space(before: str, after: str) -> bool:
    """Lines are joined without a space, except between two Latin words."""
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()


def _join_lines(texts: list[str]) -> str:
    out: list[str] = []
    last = ""
    for t in texts:
        if not t:
            continue
        if last and _needs_space(last, t[0]):
            out.append(" ")
        out.append(t)
        last = t[-1]
    return "".join(out)


# -- ruling lines and tables ----------------------------------------------------------------------


def _white(color) -> bool:
    """Is a PDF colour (gray / RGB / CMYK) white or nearly so (an invisible rule)?"""
    if color is None:
        return False
    if isinstance(color, (int, float)):
        return color >= 0.9
    try:
        vals = [float(v) for v in color]
    except (TypeError, ValueError):
        return False
    if len(vals) == 1:
        return vals[0] >= 0.9
    if len(vals) == 3:
        return min(vals) >= 0.9
    if len(vals) == 4:
        return max(vals) <= 0.1
    return False


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict | None:
    if not all(map(_finite, (x0, top, x1, bottom))):
        return None
    if x1 < x0:
        x0, x1 = x1, x0
    if bottom < top:
        top, bottom = bottom, top
    if bottom - top <= 2.5 and x1 - x0 >= 3:
        y = (top + bottom) / 2
        return {"object_type": "line_edge", "orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y,
                "width": x1 - x0, "height": 0.0}
    if x1 - x0 <= 2.5 and bottom - top >= 3:
        x = (x0 + x1) / 2
        return {"object_type": "line_edge", "orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom,
                "width": 0.0, "height": bottom - top}
    return None


def _ruling_edges(page) -> list[dict]:
    """Visible ruling segments: stroked lines/curves/rectangles and hair-line filled rectangles."""
    edges: list[dict] = []
    for o in page.lines:
        if o.get("stroke", True) and not _white(o.get("stroking_color")):
            e = _edge(o["x0"], o["top"], o["x1"], o["bottom"])
            if e:
                edges.append(e)
    for o in page.rects:
        x0, x1, top, bottom = o["x0"], o["x1"], o["top"], o["bottom"]
        if o.get("stroke") and not _white(o.get("stroking_color")):
            for seg in ((x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)):
                e = _edge(*seg)
                if e:
                    edges.append(e)
        elif o.get("fill") and min(x1 - x0, bottom - top) <= 2.5 and not _white(o.get("non_stroking_color")):
            e = _edge(x0, top, x1, bottom)
            if e:
                edges.append(e)
    for o in page.curves:
        if not o.get("stroke") or _white(o.get("stroking_color")):
            continue
        pts = o.get("pts") or []
        for (ax, ay), (bx, by) in pairwise(pts):
            if abs(ax - bx) < 0.5 or abs(ay - by) < 0.5:
                e = _edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
                if e:
                    edges.append(e)
        if len(edges) > MAX_EDGES:
            break
    return edges


def _close_open_ends(edges: list[dict]) -> list[dict]:
    """Add the horizontal rule where two or more vertical rules end together without one.

    A table cut by a page break often has no rule under its last row on the page (or over its
    first row on the next); the vertical rules still end at the same height.
    """
    verts = [e for e in edges if e["orientation"] == "v"]
    if len(verts) < 2:
        return edges
    extra: list[dict] = []
    for attr in ("bottom", "top"):
        for group in _cluster_by(verts, lambda e: e[attr], 2.0):  # noqa: B023 - called in this iteration
            if len(group) < 2:
                continue
            y = sum(e[attr] for e in group) / len(group)
            x0 = min(e["x0"] for e in group)
            x1 = max(e["x0"] for e in group)
            if x1 - x0 < 10:
                continue
            e = _edge(x0, y, x1, y)
            if e:
                extra.append(e)
    return edges + extra


def _cluster_by(items: list, key, tol: float) -> list[list]:
    items = sorted(items, key=key)
    groups: list[list] = []
    last = None
    for it in items:
        k = key(it)
        if groups and last is not None and k - last <= tol:
            groups[-1].append(it)
        else:
            groups.append([it])
        last = k
    return groups


def _find_tables(page, src) -> list:
    edges = _ruling_edges(src)
    if len(edges) > MAX_EDGES:
        return []
    edges = _close_open_ends(edges)
    v = [e for e in edges if e["orientation"] == "v"]
    h = [e for e in edges if e["orientation"] == "h"]
    if len(v) < 2 or len(h) < 2:
        return []
    settings = {
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": v, "explicit_horizontal_lines": h,
        "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3, "edge_min_length": 3,
    }
    return [t for t in find_tables(page, settings) if t.cells]


def _centers(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for group in _cluster_by(values, lambda v: v, tol):
        out.append(sum(group) / len(group))
    return out


def _nearest(bounds: list[float], v: float) -> int:
    i = bisect_right(bounds, v)
    if i == 0:
        return 0
    if i == len(bounds):
        return len(bounds) - 1
    return i if bounds[i] - v < v - bounds[i - 1] else i - 1


class _Grid:
    """One pdfplumber table on a page: its cells on a grid of column and row boundaries."""

    def __init__(self, table: Any) -> None:
        x0, top, x1, bottom = table.bbox
        self.bbox = (x0 - 1, top - 1, x1 + 1, bottom + 1)
        cells = [c for c in table.cells if c[2] - c[0] > 0.5 and c[3] - c[1] > 0.5]
        self.xs = _centers([v for c in cells for v in (c[0], c[2])])
        self.ys = _centers([v for c in cells for v in (c[1], c[3])])
        self.cells: list[_PCell] = []
        self.owner: dict[tuple[int, int], _PCell] = {}
        self.unread: tuple[tuple[float, float, float, float], ...] = getattr(table, "unread", ())  # OCR's
        if len(self.xs) * len(self.ys) > MAX_GRID:
            self.xs, self.ys = [x0, x1], [top, bottom]  # not a table anyone reads: one cell, read as text
            cells = []
        for cx0, ctop, cx1, cbottom in cells:
            c0, c1 = _nearest(self.xs, cx0), _nearest(self.xs, cx1)
            r0, r1 = _nearest(self.ys, ctop), _nearest(self.ys, cbottom)
            if c1 <= c0 or r1 <= r0:
                continue
            pc = _PCell(r0, r1, self.xs[c0], self.xs[c1])
            claimed = False
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if (r, c) not in self.owner:
                        self.owner[(r, c)] = pc
                        claimed = True
            if claimed:
                self.cells.append(pc)

    def add(self, ch: _Char, x: float, y: float) -> None:
        c = bisect_right(self.xs, x) - 1  # clamped to the grid's columns and rows (0 where there are none)
        if c > len(self.xs) - 2:
            c = len(self.xs) - 2
        if c < 0:
            c = 0
        r = bisect_right(self.ys, y) - 1
        if r > len(self.ys) - 2:
            r = len(self.ys) - 2
        if r < 0:
            r = 0
        pc = self.owner.get((r, c))
        if pc is None:  # a hole in the grid (a rule missing): a cell of its own
            pc = _PCell(r, r + 1, self.xs[c], self.xs[min(c + 1, len(self.xs) - 1)])
            self.owner[(r, c)] = pc
            self.cells.append(pc)
        pc.chars.append(ch)

    def part(self, page: int, ordinal: int) -> _Part | None:
        n_rows = len(self.ys) - 1
        n_cols = len(self.xs) - 1
        if n_rows < 1 or n_cols < 1 or (n_rows < 2 and n_cols < 2):
            return None
        for pc in self.cells:
            groups = _group_lines(pc.chars)
            pc.text = _join_lines([_join_chars(g, wide_gap_space=False) for g in groups])
            pc.first = (min(c.top for c in groups[0]), max(c.bottom for c in groups[0])) if groups else None
            pc.conf = min((c.conf for c in pc.chars if c.conf is not None), default=None)
            if any(pc.x0 <= (b[0] + b[2]) / 2 <= pc.x1 and self.ys[pc.r0] <= (b[1] + b[3]) / 2 <= self.ys[pc.r1]
                   for b in getattr(self, "unread", ())[:MAX_GRID]):  # (a borderless _Laid has none)
                pc.conf = 0.0  # ink OCR could not read: not a blank cell (ocr.RuledTable.unread)
        cells = sorted(self.cells, key=lambda pc: (pc.r0, pc.x0))
        return _Part(page, ordinal, self.xs[0], self.xs[-1], self.ys[0], self.ys[-1], n_rows, cells,
                     row_no=[0] * n_rows)


class _Laid(_Grid):
    """A table drawn without rules (:mod:`.pdf_layout`): its grid and the cell of each of its characters."""

    def __init__(self, laid: pdf_layout.Laid) -> None:
        self.bbox = laid.bbox
        self.xs, self.ys = laid.xs, laid.ys
        self.cells = [_PCell(r0, r1, laid.xs[c0], laid.xs[c1]) for r0, r1, c0, c1 in laid.cells]
        self.owner = {}
        self.of = laid.owner
        self.mine = laid.chars
        self.label_cols = laid.label_cols
        self.dropped: list[_Char] = []  # its characters in no cell (a group's title over the number columns)

    def part(self, page: int, ordinal: int) -> _Part | None:
        part = super().part(page, ordinal)
        if part is not None:
            part.xs, part.label_cols = list(self.xs), self.label_cols
            part.chars = [ch for pc in self.cells for ch in pc.chars] + self.dropped
        return part


def _unlay(pages: list[_Page]) -> None:
    """A table drawn without rules read on one page and continued on the next where it could not be read (or the
    other way round) is not read on either: half a table would make its sums look wrong.  Its characters go back
    to the page's lines."""
    def edge(p: _Page, top: bool) -> bool:  # an unread table at the page's top (bottom), nothing beyond it
        for t, b, _, _ in p.unsure:
            if top and not any(ln.bottom < t for ln in p.lines) and not any(pt.bottom < t for pt in p.parts):
                return True
            if not top and not any(ln.top > b for ln in p.lines) and not any(pt.top > b for pt in p.parts):
                return True
        return False

    # a part given back is a table not read in its turn: the part it continues, or that continues it, goes too
    # (a table over three pages, read on the first two only); each round gives back one part at least
    changed = True
    while changed:
        changed = False
        for i, p in enumerate(pages):
            back = []
            for part in p.parts:
                if not part.xs:
                    continue
                last = not any(ln.top > part.bottom for ln in p.lines) and part is p.parts[-1]
                first = not any(ln.bottom < part.top for ln in p.lines) and part is p.parts[0]
                if ((last and i + 1 < len(pages) and pages[i + 1].number == p.number + 1
                     and edge(pages[i + 1], True))
                        or (first and i and pages[i - 1].number == p.number - 1 and edge(pages[i - 1], False))):
                    back.append(part)
            if back:
                changed = True
                p.parts = [pt for pt in p.parts if all(pt is not b for b in back)]
                for k, pt in enumerate(p.parts, start=1):
                    pt.ordinal = k
                p.unsure.extend((b.top, b.bottom, b.xs[b.label_cols] if b.xs else 0.0, b.top) for b in back)
                groups = [g for b in back for g in _group_lines(b.chars)]
                new = [_make_line(g, p.number) for g in groups]
                _mark_unread(groups, new, p.unsure)
                p.lines = sorted(p.lines + new, key=lambda ln: (ln.top, ln.x0))
                _number_lines(p.lines, p.parts, p.images)


def _images(page_images: list[dict], number: int, chars: list[_Char], width: float,
            height: float) -> list[_Image]:
    """Large pictures not lying under text (a table or a page pasted as an image)."""
    out: list[_Image] = []
    for im in page_images:
        try:
            x0, x1, top, bottom = float(im["x0"]), float(im["x1"]), float(im["top"]), float(im["bottom"])
        except (KeyError, TypeError, ValueError):  # pragma: no cover
            continue
        if x1 - x0 < 0.3 * width or bottom - top < 0.08 * height:
            continue
        under = 0
        for c in chars:
            if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom:
                under += 1
                if under >= 10:
                    break
        if under >= 10:
            continue  # a background under text (a page number on a scanned page does not count)
        out.append(_Image(number, top, box=(x0, top, x1, bottom)))
        if len(out) >= 50:
            break
    return out


def _number_lines(lines: list[_Line], parts: list[_Part], images: list[_Image]) -> None:
    """Number the visual lines of the page top to bottom (running text and table lines alike)."""
    entries: list[tuple[float, float, object]] = [(ln.top, ln.bottom, ln) for ln in lines]
    for part in parts:
        for pc in part.cells:
            if pc.first is not None:  # (its text set by _Grid.part, as every part's is before lines are numbered)
                entries.append((*pc.first, pc))
    entries.sort(key=lambda e: (e[0] + e[1]) / 2)
    no = 0
    top = bottom = None
    row_tops: list[tuple[float, int]] = []
    for t, b, ref in entries:
        mid = (t + b) / 2
        if top is None or bottom is None or not (top <= mid <= bottom):
            no += 1
            top, bottom = t, b
            row_tops.append((t, no))
        else:
            top, bottom = min(top, t), max(bottom, b)
        ref.no = no  # type: ignore[attr-defined]
    row_tops.sort()
    tops = [t for t, _ in row_tops]

    def at(y: float) -> int:
        i = bisect_right(tops, y + 1) - 1
        return row_tops[i][1] if i >= 0 else 1

    for part in parts:
        # a grid row's line: the line of the first text at or below the row's top
        part.row_no = [at(y) for y in _part_row_tops(part)]
    for im in images:
        im.no = at(im.top)


def _part_row_tops(part: _Part) -> list[float]:
    tops = [part.top] * part.n_rows
    known: dict[int, float] = {}
    for pc in part.cells:
        if pc.chars:
            known.setdefault(pc.r0, min(c.top for c in pc.chars))
    last = part.top
    for r in range(part.n_rows):
        if r in known:
            last = known[r]
        tops[r] = last
    return tops


# -- the whole document ---------------------------------------------------------------------------


def _assemble(path: str, pages: list[_Page], total: int, cut: _Cut | None = None,
              limits: Limits = DEFAULT_LIMITS, advice: str | None = None, kind: str = "PDF") -> Document:
    cut = cut or _Cut()
    notices: list[ReaderNotice] = []
    read_n = len(pages)
    blocks: tuple[Block, ...] = ()
    table_text: tuple[int, ...] = ()
    if any(p.has_text for p in pages):
        _strip_furniture(pages)
    # a page whose only text was a page number or a running header has no content either
    content = [p for p in pages if p.lines or p.parts]
    if not content:
        if pages or not (cut.skipped or cut.stopped):
            notices.append(ReaderNotice("no-text-layer", total=read_n, detail=advice))
    else:
        empty = [p.number for p in pages if not (p.lines or p.parts) and (p.has_graphics or p.images)]
        if empty:
            notices.append(ReaderNotice("pages-without-text", pages=tuple(empty), total=read_n, detail=advice))
        _unlay(content)
        blocks, table_text = _blocks(pages)
    last = cut.last or read_n
    if cut.skipped or cut.stopped:
        notices.append(ReaderNotice("read-limit", format=kind, total=total,
                                    skipped=tuple(SkippedPage(n, r) for n, r in cut.skipped),
                                    stopped=cut.stopped, seconds=limits.max_read_seconds,
                                    page_limit=last if not cut.stopped and total > last else None))
    elif total > last:
        notices.append(ReaderNotice("page-limit", total=total, read=last))
    meta = {"pages": total, "pages_read": read_n}
    return Document(path=path, format="pdf", encoding=None, text="", blocks=blocks, has_lines=False,
                    notices=tuple(notices), meta=meta, ocr_pages=tuple(p.number for p in pages if p.ocr),
                    table_text=table_text)


def _furniture_key(line: _Line) -> tuple[str, float]:
    return _DIGITS.sub("#", line.text.replace(" ", "")), round(line.size)


def _strip_furniture(pages: list[_Page]) -> None:
    """Remove page numbers and running headers/footers from the page margins.

    A candidate is one of the first or last two lines of a page, in the outer 15% of the page
    and outside any table.  It goes when it reads as a page number, or when the same text (digits
    aside, same size) stands in the same margin on at least half of the pages (two at least) and
    is set apart from the body by a wider gap than the line spacing.
    """
    gaps = sorted(b.top - a.bottom for p in pages for a, b in zip(p.lines, p.lines[1:]) if b.top >= a.bottom - 1)
    typical = gaps[len(gaps) // 2] if gaps else 0.0

    def candidates(p: _Page) -> list[tuple[_Line, str, bool]]:
        out: list[tuple[_Line, str, bool]] = []
        body_top = min([pt.top for pt in p.parts] + [p.height])
        body_bottom = max([pt.bottom for pt in p.parts] + [0.0])
        lines = p.lines
        for i, ln in enumerate(lines[:2]):
            if ln.bottom <= 0.15 * p.height and ln.bottom <= body_top + 1:
                nxt = lines[i + 1].top if i + 1 < len(lines) else body_top
                apart = nxt < p.height and nxt - ln.bottom > max(1.5 * typical, 0.8 * ln.size)
                out.append((ln, "top", apart))
        for i in range(max(len(lines) - 2, 0), len(lines)):
            ln = lines[i]
            if ln.top >= 0.85 * p.height and ln.top >= body_bottom - 1 and all(ln is not c[0] for c in out):
                prev = lines[i - 1].bottom if i > 0 else body_bottom
                apart = prev > 0 and ln.top - prev > max(1.5 * typical, 0.8 * ln.size)
                out.append((ln, "bottom", apart))
        return out

    cands = {p.number: candidates(p) for p in pages}
    counts: Counter[tuple[str, str, float]] = Counter()
    for p in pages:
        for k in {(zone, *_furniture_key(ln)) for ln, zone, apart in cands[p.number] if apart}:
            counts[k] += 1
    n = len(pages)
    need = max(2, (n + 1) // 2)
    # a browser's print header and footer (date and time + title, address + N/M): dropped wherever they stand in
    # the margins, set apart or not (Chrome prints them close to the text, and a ligature may vary between pages)
    browser = printed_by_browser(sum(any(zone == "bottom" and is_footer(ln.text) for ln, zone, _ in cands[p.number])
                                     for p in pages), n)
    for p in pages:
        drop = set()
        for ln, zone, apart in cands[p.number]:
            t = ln.text.strip()
            if (_PAGE_NUMBER.match(t) or (apart and n >= 2 and len(t) <= 80
                                          and counts[(zone, *_furniture_key(ln))] >= need)
                    or (browser and (is_header(t) if zone == "top" else is_footer(t)))):
                drop.add(id(ln))
        if drop:
            p.lines = [ln for ln in p.lines if id(ln) not in drop]


@dataclass
class _Layout:
    """Margins and spacing used to decide where paragraphs end."""

    left: dict[int, float]
    right: dict[int, float]
    body_size: float
    gap: float
    indents: bool

    def full(self, ln: _Line) -> bool:
        return ln.x1 >= self.right[ln.page] - 0.8 * ln.size

    def indented(self, ln: _Line) -> bool:
        return ln.x0 >= self.left[ln.page] + 0.8 * ln.size

    def centred(self, ln: _Line) -> bool:
        lg = ln.x0 - self.left[ln.page]
        rg = self.right[ln.page] - ln.x1
        return lg >= 1.5 * ln.size and abs(lg - rg) <= 1.5 * ln.size

    def balanced(self, ln: _Line) -> bool:
        """Equal gaps left and right (within 1.5 em): a centred line, however long, or a full one."""
        lg = ln.x0 - self.left[ln.page]
        rg = self.right[ln.page] - ln.x1
        return abs(lg - rg) <= 1.5 * ln.size

    def wrapped(self, a: _Line, b: _Line) -> bool:
        """Did line ``a`` end short only because ``b``'s first unbreakable unit (a character, a
        number, a Latin word, with the punctuation that may not be parted from it) did not fit in
        the room left on ``a``?  Ragged-right setting (a browser's print to PDF, unjustified
        text) ends such lines well before the margin.  A unit wider than half the text width (a
        long web address) says nothing: the line before it may as well end a paragraph."""
        room = self.right[a.page] - a.x1
        return room < b.lead <= 0.5 * (self.right[b.page] - self.left[b.page])


def _margin(values: list[float], low: bool) -> float | None:
    """The outermost value shared by at least two lines (a stray line does not move the margin)."""
    if not values:
        return None
    groups = _cluster_by(values, lambda v: v, 1.5)
    shared = [g for g in groups if len(g) >= 2]
    pick = shared or groups
    g = pick[0] if low else pick[-1]
    return min(g) if low else max(g)


def _layout(pages: list[_Page]) -> _Layout:
    """Margins per page, body size, line spacing, and whether paragraphs have first-line indents.

    A page with four lines or more has its own margins (the left edge and the right end of its
    lines; the right end leaves out closing punctuation, which may hang past the margin) — unless
    its text width comes out narrower than the document's usual one by more than an em: then its
    lines do not reach the margins (a last page of short headings and one-line paragraphs, a page
    of indented lines) and it takes the margins of the nearest page of the same size that has
    its own (the same side of a spread first: mirrored margins), as pages with fewer lines do;
    failing that, the document's margins.
    """
    all_lines = [ln for p in pages for ln in p.lines]
    sizes: Counter[float] = Counter()
    for ln in all_lines:
        sizes[ln.size] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    doc_left = _margin([ln.x0 for ln in all_lines], True) or 0.0
    doc_right = _margin([ln.end for ln in all_lines], False) or 0.0
    own: dict[int, tuple[float, float]] = {}
    for p in pages:
        if len(p.lines) >= 4:
            lo = _margin([ln.x0 for ln in p.lines], True)
            hi = _margin([ln.end for ln in p.lines], False)
            if lo is not None and hi is not None:
                own[p.number] = (lo, hi)
    by_number = {p.number: p for p in pages}

    def shape(number: int) -> tuple[int, int]:
        p = by_number[number]
        return round(p.width), round(p.height)

    # the usual text width of each page size: the widest of the most common widths
    usual: dict[tuple[int, int], float] = {}
    for key in {shape(n) for n in own}:
        widths = [hi - lo for n, (lo, hi) in own.items() if shape(n) == key]
        groups = _cluster_by(widths, lambda v: v, 0.5 * body)
        best = max(groups, key=lambda g: (len(g), max(g)))
        usual[key] = max(best)
    trusted = {n: m for n, m in own.items() if m[1] - m[0] >= usual[shape(n)] - body}
    left: dict[int, float] = {}
    right: dict[int, float] = {}
    for p in pages:
        m = trusted.get(p.number)
        if m is None:
            near = [n for n in trusted if shape(n) == shape(p.number)]
            if near:
                m = trusted[min(near, key=lambda n: ((n - p.number) % 2, abs(n - p.number), n))]
            else:
                m = (doc_left, doc_right)
        left[p.number], right[p.number] = m
    gaps = sorted(b.top - a.bottom for p in pages for a, b in zip(p.lines, p.lines[1:])
                  if abs(a.size - body) < 0.6 and abs(b.size - body) < 0.6 and b.top >= a.bottom - 1)
    gap = gaps[len(gaps) // 2] if gaps else body * 0.5
    lay = _Layout(left, right, body, gap, False)
    n_ind = sum(1 for ln in all_lines
                if lay.indented(ln) and ln.x0 <= lay.left[ln.page] + 4.5 * ln.size and not lay.centred(ln))
    lay.indents = n_ind >= 1
    return lay


def _breaks(a: _Line, b: _Line, lay: _Layout) -> bool:
    """Does a paragraph end between line ``a`` and the next line ``b``?"""
    size = max(a.size, b.size)
    if a.page == b.page and b.top - a.bottom > lay.gap + 0.8 * size:
        return True
    if abs(a.size - b.size) >= 1.5:
        return True
    if (a.size >= lay.body_size + 0.9 and lay.balanced(a) and lay.centred(b)
            and not _TERMINAL.search(a.text)):
        # a title on two lines in a large font: set so (a long agency name on the first line
        # leaves little room either side) or wrapped by the layout (the first line full width)
        return False
    short = not lay.full(a) and not lay.wrapped(a, b)
    if heading_level(a.text) and short:
        return True
    if HEADING.match(b.text):
        return True
    if lay.indented(b):
        return True
    if short:
        return True
    return bool(_TERMINAL.search(a.text) and not lay.indents)


def _title_wraps(a: _Line, b: _Line, lay: _Layout) -> bool:
    """Does the document's opening line ``a`` (its title, in the body's size) go on in ``b``?  A title too long for
    one line, set centred in the body's font, fills the first line from margin to margin and leaves its last words
    centred on the next (…2023年政府信息公开工作年度 / 报告: a LibreOffice export with Chinese fonts).  Not a
    centred line of figures (a date, 发布时间) or a bracketed subtitle, which stay lines of their own."""
    return (a.page == b.page and abs(a.size - b.size) < 0.6 and lay.full(a) and lay.balanced(a) and lay.centred(b)
            and b.x1 - b.x0 < a.x1 - a.x0 and not _TERMINAL.search(a.text)
            and not any(ch.isdigit() for ch in b.text) and not b.text.lstrip().startswith(("（", "(", "〔", "[")))


def _blocks(pages: list[_Page]) -> tuple[tuple[Block, ...], tuple[int, ...]]:
    """The blocks, and the indices of those holding rows of a table drawn without rules not read (_mark_unread)."""
    lay = _layout(pages)
    # the item stream: lines, table parts and images in reading order, page by page
    stream: list[tuple[str, object]] = []
    for p in pages:
        items: list[tuple[float, int, str, object]] = []
        for ln in p.lines:
            items.append((ln.top, 1, "line", ln))
        for part in p.parts:
            items.append((part.top, 0, "table", part))
        for im in p.images:
            items.append((im.top, 2, "image", im))
        items.sort(key=lambda it: (it[0], it[1]))
        stream.extend((kind, obj) for _, _, kind, obj in items)

    blocks: list[Block] = []
    para: list[_Line] = []
    table: list[_Part] = []

    unread: list[int] = []

    def flush_para() -> None:
        if para:
            if any(ln.unread for ln in para):
                unread.append(len(blocks))
            blocks.append(_para_block(para, len(blocks)))
            para.clear()

    def flush_table() -> None:
        if table:
            blocks.append(_table_block(table, len(blocks)))
            table.clear()

    for kind, obj in stream:
        if kind == "line":
            ln = obj  # type: ignore[assignment]
            flush_table()
            if para and _breaks(para[-1], ln, lay) and not (not blocks and _title_wraps(para[-1], ln, lay)):
                flush_para()
            para.append(ln)
        elif kind == "table":
            part = obj  # type: ignore[assignment]
            flush_para()
            if table and not _continues(table[-1], part, pages):
                flush_table()
            elif table:
                pdf_layout.snap(table[-1], part)
            table.append(part)
        else:
            flush_para()
            flush_table()
            im = obj  # type: ignore[assignment]
            blocks.append(Block(index=len(blocks), kind="image", text="<img>",
                                anchors=(Anchor(0, im.no, 1, im.page),),
                                pointer=f"第{im.page}页图片"))
    flush_para()
    flush_table()
    return tuple(blocks), tuple(unread)


def _continues(a: _Part, b: _Part, pages: list[_Page]) -> bool:
    """Is ``b`` (first on its page) the continuation of ``a`` (last on the page before)?"""
    if b.page != a.page + 1:
        return False
    pa, pb = pages[a.page - pages[0].number], pages[b.page - pages[0].number]
    if pa.parts[-1] is not a or pb.parts[0] is not b:
        return False
    if any(ln.top > a.bottom for ln in pa.lines) or any(ln.bottom < b.top for ln in pb.lines):
        return False
    if any(im.top > a.bottom for im in pa.images) or any(im.top < b.top for im in pb.images):
        return False
    if a.xs or b.xs:
        return pdf_layout.same_columns(a, b)
    return abs(a.x0 - b.x0) <= 8 and abs(a.x1 - b.x1) <= 8


def _para_block(lines: list[_Line], index: int) -> Block:
    pieces: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    last = ""
    for ln in lines:
        t = ln.text.strip()
        if not t:
            continue
        if last and _needs_space(last, t[0]):
            pieces.append(" ")
            offset += 1
        anchors.append(Anchor(offset, ln.no, 1, ln.page))
        pieces.append(t)
        offset += len(t)
        last = t[-1]
    text = "".join(pieces)
    level = None if any(ln.unread for ln in lines) else heading_level(text)  # a table's row is no heading
    first = lines[0]
    return Block(index=index, kind="heading" if level else "paragraph", text=text, anchors=tuple(anchors),
                 level=level, pointer=f"第{first.page}页第{first.no}行")


def _table_block(parts: list[_Part], index: int) -> Block:
    # columns: the union of the parts' column boundaries
    xs = _centers([v for part in parts for pc in part.cells for v in (pc.x0, pc.x1)], 3.0)
    n_cols = max(len(xs) - 1, 1)
    grid: list[list[_PCell | None]] = []
    origin: list[tuple[_Part, int]] = []  # grid row → (part, row in part)
    seams: list[int] = []  # grid row where a continuation part starts
    for pi, part in enumerate(parts):
        rows_ = [[None] * n_cols for _ in range(part.n_rows)]  # type: list[list[_PCell | None]]
        for pc in part.cells:
            c0, c1 = _nearest(xs, pc.x0), _nearest(xs, pc.x1)
            for r in range(pc.r0, pc.r1):
                for c in range(c0, max(c1, c0 + 1)):
                    if c < n_cols and rows_[r][c] is None:
                        rows_[r][c] = pc
        skip = _repeated_header(grid, rows_) if pi else 0  # Word's "repeat header rows"
        if pi:
            seams.append(len(grid))
        for r in range(skip, part.n_rows):
            grid.append(rows_[r])
            origin.append((part, r))
    for s in seams:
        _mend_seam(grid, s - 1, s)
    for s in reversed(seams):
        if s < len(grid) and _split_row(grid[s - 1], grid[s]):
            del grid[s], origin[s]
        elif s < len(grid) and _split_row_down(grid[s - 1], grid[s]):
            del grid[s - 1], origin[s - 1]
        elif s < len(grid) and _split_header_row(grid[s - 1], grid[s]):
            del grid[s], origin[s]
    header_rows = 0
    for row in grid:
        if any(pc is not None and _NUMERIC.match(pc.text) for pc in row):
            break
        header_rows += 1
    if header_rows == len(grid):
        header_rows = 1
    rows: list[Row] = []
    text_parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for gr, row in enumerate(grid):
        part, pr = origin[gr]
        cells: list[Cell] = []
        if gr:
            text_parts.append("\n")
            offset += 1
        for gc, gcell in enumerate(row):
            t = gcell.text if gcell is not None else ""
            if gc:
                text_parts.append("\t")
                offset += 1
            line_no = gcell.no if gcell is not None and gcell.no and gcell.r0 == pr else part.row_no[pr] if part.row_no else 1
            anchors.append(Anchor(offset, max(line_no, 1), 1, part.page))
            text_parts.append(t)
            offset += len(t)
            cells.append(Cell(text=t, row=gr, col=gc, header=gr < header_rows, confidence=gcell.conf if gcell else None,
                              pointer=f"第{part.page}页表{part.ordinal}第{pr + 1}行第{gc + 1}列"))
        rows.append(Row(cells=tuple(cells), header=gr < header_rows))
    return Block(index=index, kind="table", text="".join(text_parts), anchors=tuple(anchors),
                 table=Table(rows=tuple(rows)))


def _row_texts(row: list[_PCell | None]) -> tuple[str, ...]:
    return tuple(pc.text if pc is not None else "" for pc in row)


def _repeated_header(grid: list[list[_PCell | None]], rows: list[list[_PCell | None]]) -> int:
    """How many leading rows of a continuation repeat the table's first rows (headers, no numbers)."""
    k = 0
    while k < len(rows) and k < len(grid):
        a, b = _row_texts(grid[k]), _row_texts(rows[k])
        if a != b or not any(a) or any(_NUMERIC.match(t) for t in a if t):
            break
        k += 1
    return k if k < len(rows) else 0


def _is_label(text: str) -> bool:
    return bool(text) and not _NUMERIC.match(text)


def _split_row(above: list[_PCell | None], below: list[_PCell | None]) -> bool:
    """A row cut by the page break (Word lets a row break across pages): the continuation's first row holds
    only the rest of the row's labels (``1.本`` + ``机关不掌握相关政府信息``), with its number cells empty. Its
    label texts are appended to the row above; ``True`` when the row is to be dropped.  A row of its own —
    a label opening with an item's number (``2.``, ``（五）``), or a number anywhere — is never joined."""
    if not any(pc is not None and _NUMERIC.match(pc.text) for pc in above):
        return False
    joins: list[tuple[_PCell, _PCell]] = []
    emptied = False
    for a, b in zip(above, below):
        if b is None or not b.text:
            emptied = emptied or (a is not None and bool(_NUMERIC.match(a.text)))
            continue
        if a is b or (a is not None and a.text == b.text) or any(b is pc for _, pc in joins):
            continue
        if a is None or not _is_label(a.text) or _NUMERIC.match(b.text) or _LEAD_NUM.match(b.text):
            return False
        joins.append((a, b))
    if not joins or not emptied:
        return False
    return _append_continuations(joins)


def _append_continuations(joins: list[tuple[_PCell, _PCell]]) -> bool:
    """Append each continuation's text to its cell above (a merged cell above once); ``True`` (the continuation row
    is to be dropped)."""
    done: set[int] = set()
    for a, b in joins:
        if id(a) not in done:
            done.add(id(a))
            a.text += b.text
    return True


def _split_row_down(above: list[_PCell | None], below: list[_PCell | None]) -> bool:
    """A row cut by the page break the other way (LibreOffice): the row's first label characters (``1.申``)
    and its empty number cells end the page, the rest of its labels and its numbers open the next.  The label
    texts of the row above are put before the continuation's; ``True`` when the row above is to be dropped.
    Never where the row above holds a number or a text over one of the continuation's numbers (a header row),
    nor where the continuation's label opens with an item's number (``2.``, ``（五）``: a row of its own)."""
    if any(pc is not None and _NUMERIC.match(pc.text) for pc in above):
        return False
    joins: list[tuple[_PCell, _PCell]] = []
    numbers = False
    for a, b in zip(above, below):
        if b is not None and b.text and _NUMERIC.match(b.text):
            if a is not None and a is not b and a.text:
                return False
            numbers = True
            continue
        if a is None or not a.text or a is b or (b is not None and a.text == b.text):
            continue
        if b is None or not b.text or not _is_label(a.text) or _LEAD_NUM.match(b.text):
            return False
        if not any(a is pa for pa, _ in joins) and not any(b is pb for _, pb in joins):
            joins.append((a, b))
    if not joins or not numbers:
        return False
    for a, b in joins:
        b.text = a.text + b.text
    return True


def _open_brackets(text: str) -> int:
    """Opening brackets of ``text`` not closed in it (negative: closing ones not opened)."""
    return sum(text.count(c) for c in "（(〔[【") - sum(text.count(c) for c in "）)〕]】")


def _one_column(cell: _PCell, row: list[_PCell | None]) -> bool:
    """Whether ``cell`` covers one grid column of ``row`` (not a label spanning several)."""
    return sum(1 for pc in row if pc is cell) == 1


def _split_header_row(above: list[_PCell | None], below: list[_PCell | None]) -> bool:
    """A header row cut by the page break (LibreOffice lets any row break): no number in either row, and each cell of
    the continuation repeats the one above (a label filled down at the seam, a merged 总计), is empty, closes the
    bracket the text above left open (``本年收费金额（单位：万`` + ``元）``), or is the rest of a label in the same one
    column (``上一年项目数`` + ``量``, ``结果`` + ``维持`` in every column of table 四).  Those texts are appended to the
    row above; ``True`` when the continuation is to be dropped.  A second header row under a label spanning several
    columns (``法人或其他组织`` over ``商业企业``…, ``未经复议直接起诉`` over ``结果维持``…) stays a row of its own."""
    if any(pc is not None and _NUMERIC.match(pc.text) for row in (above, below) for pc in row):
        return False
    joins: list[tuple[_PCell, _PCell]] = []
    for a, b in zip(above, below):
        if b is None or not b.text or a is b or (a is not None and a.text == b.text):
            continue
        if a is None or not _is_label(a.text) or not (
                (_open_brackets(a.text) > 0 and _open_brackets(b.text) < 0)
                or (_one_column(a, above) and _one_column(b, below))):
            return False
        if not any(b is pb for _, pb in joins):
            joins.append((a, b))
    if not joins:
        return False
    return _append_continuations(joins)


def _mend_seam(grid: list[list[_PCell | None]], ra: int, rb: int) -> None:
    """Put merged label cells cut by a page break back together (see the module docstring)."""
    above, below = grid[ra], grid[rb]
    n = len(below)
    for c in range(n):
        a, b = above[c], below[c]
        if a is None or b is None or a is b or not _is_label(a.text) or _NUMERIC.match(b.text):
            continue
        # only outer (group) columns: a more specific label follows to the right in the new row
        if not any(below[k] is not None and below[k] is not b and _is_label(below[k].text)  # type: ignore[union-attr]
                   for k in range(c + 1, n)):
            continue
        if not b.text:
            b.text = a.text
        elif _LEAD_NUM.match(a.text) and not _LEAD_NUM.match(b.text):
            joined = a.text + b.text
            a.text = b.text = joined
