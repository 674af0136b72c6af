"""What one PDF page would cost to interpret, measured before pdfminer interprets it.

pdfminer interprets a page in pure Python and keeps an object for every character and path
segment: a page of 10^6 drawing operators, a content stream that inflates to gigabytes (a small
flate bomb) or Form XObjects that draw each other (with no end, or 2^30 times through a chain of
forms each drawing the next twice) take gigabytes or never finish, and none of that can be
interrupted once started.  So before a page is handed to pdfplumber, :func:`check_page` reads what
the interpreter would read — the page's content streams, every Form XObject they draw (each as
many times as it is drawn, through nested forms) and the fonts' ToUnicode/embedded font streams —
inflating each with a bound, and counts:

* ``content bytes``: inflated bytes the interpreter would parse (forms counted once per drawing);
* ``objects``: path-construction, text-showing, image and shading operators (pdfminer makes one
  object, or one path segment, of each);
* ``characters``: bytes inside text strings (an upper estimate: a two-byte font counts twice).

The first bound passed raises :class:`OverBudget` with a Chinese reason; the reader then skips that
page and reports it (DL002).  The scan is linear in the bytes it inflates, which are bounded.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass

from pdfminer.ascii85 import ascii85decode, asciihexdecode, end_re, start_re
from pdfminer.lzw import lzwdecode
from pdfminer.pdftypes import resolve1
from pdfminer.runlength import rldecode

from ..limits import Limits

MAX_FORM_DEPTH = 32  # Form XObjects drawn inside forms drawn inside forms …
MAX_FONT_BYTES = 64 * 1024 * 1024  # inflated font programs and ToUnicode maps of one page (a full CJK font is ~20 MB)

# operators pdfminer turns into objects or path segments (re l c v y m: path; Tj TJ ' ": text;
# Do: a form or image; BI: an inline image; sh: a shading)
# each led by what its match starts with, so that the scan skips ahead in C: an operator after a delimiter
# (:func:`_operators` adds one at the very start), a string after its bracket (runs taken at once, possessively:
# the same matches as one character at a time)
_OP = rb"(?:re|l|c|v|y|m|Tj|TJ|'|\"|Do|BI|sh)(?=[\s\(\[</%]|\Z)"
_OPS = re.compile(rb"[\s\)\]>]" + _OP)
_FIRST_OP = re.compile(_OP)
_LITERAL = re.compile(rb"\((?:[^()\\]++|\\.)*+\)", re.S)
_HEX = re.compile(rb"<(?<!<<)([0-9A-Fa-f\s]*+)>(?!>)")
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do(?=[\s\(\[</%]|\Z)")


class OverBudget(Exception):
    """A page passes a limit; ``str(exc)`` says which, in Chinese (``第N页…``is added by the reader)."""


@dataclass(slots=True)
class Cost:
    content_bytes: int = 0
    objects: int = 0
    chars: int = 0

    def add(self, other: Cost, times: int = 1) -> None:
        self.content_bytes += other.content_bytes * times
        self.objects += other.objects * times
        self.chars += other.chars * times


def check_page(page_obj, limits: Limits, font_sizes: dict[int, int] | None = None) -> Cost:
    """The page's cost, or :class:`OverBudget` as soon as a bound is passed.  ``font_sizes``: the inflated size of each
    font stream (by object number) measured on the document's earlier pages, kept from one page to the next (a font a
    document's every page uses is inflated once, not once a page; each page's fonts are still counted against its
    bound)."""
    return _Meter(limits, font_sizes).page(page_obj)


def page_contents(page_obj, limits: Limits) -> bytes | None:
    """The page's content streams decoded as the interpreter reads them, joined by line breaks, with the same bound
    (``limits.max_pdf_page_content_mb``); None where one cannot be read or the bound is passed.  (Read by the PDF
    reader only for characters PDFium drops: :mod:`.pdf_shown`.)"""
    meter = _Meter(limits)
    parts: list[bytes] = []
    total = 0
    try:
        for ref in page_obj.contents or ():
            stream = resolve1(ref)
            if not _is_stream(stream):
                continue
            data = meter._decoded(stream, meter.max_bytes - total)
            total += len(data)
            parts.append(data)
    except Exception:  # noqa: BLE001 - OverBudget, or a stream pdfminer cannot read: the page is pdfplumber's
        return None
    return b"\n".join(parts)


class _Meter:
    def __init__(self, limits: Limits, font_sizes: dict[int, int] | None = None):
        self.max_bytes = int(limits.max_pdf_page_content_mb * 1024 * 1024)
        self.max_objects = limits.max_pdf_page_objects
        self.max_chars = limits.max_pdf_page_chars
        self.forms: dict[int, Cost] = {}  # objid → cost of drawing the form once
        self.fonts: set[int] = set()
        self.font_bytes = 0
        self.font_sizes = {} if font_sizes is None else font_sizes  # object number → inflated bytes (see check_page)

    # -- limits ------------------------------------------------------------------------------

    def _check(self, cost: Cost) -> None:
        if self.font_bytes > MAX_FONT_BYTES:
            raise OverBudget(f"使用的字体数据解压后超过 {MAX_FONT_BYTES // (1024 * 1024)} MB")
        if cost.content_bytes > self.max_bytes:
            raise OverBudget(f"内容解压后超过 {self.max_bytes // (1024 * 1024)} MB"
                             "（limits.max_pdf_page_content_mb）")
        if cost.objects > self.max_objects:
            raise OverBudget(f"图形和文字对象超过 {self.max_objects} 个（limits.max_pdf_page_objects）")
        if cost.chars > self.max_chars:
            raise OverBudget(f"字符超过 {self.max_chars} 个（limits.max_pdf_page_chars）")

    # -- walking ----------------------------------------------------------------------------

    def page(self, page_obj) -> Cost:

        total = Cost()
        resources = _dict(resolve1(getattr(page_obj, "resources", None)))
        self._fonts(resources)
        for ref in page_obj.contents or ():
            stream = resolve1(ref)
            if not _is_stream(stream):
                continue
            cost = self._stream(stream, resources, (), total)
            total.add(cost)
            self._check(total)
        return total

    def _stream(self, stream, resources: dict, stack: tuple[int, ...], outer: Cost) -> Cost:
        data = self._decoded(stream, self.max_bytes - outer.content_bytes)
        cost = Cost(len(data), _operators(data), _string_bytes(data))
        self._check(_sum(outer, cost))
        names: dict[bytes, int] = {}
        for m in _DO.finditer(data):
            names[m.group(1)] = names.get(m.group(1), 0) + 1
        if not names:
            return cost

        xobjects = _dict(resolve1(resources.get("XObject")))
        for raw_name, times in names.items():
            name = raw_name.decode("latin-1")
            xobj = resolve1(xobjects.get(name))
            if not _is_stream(xobj) or _name(xobj.get("Subtype")) != "Form":
                continue
            form = self._form(xobj, resources, stack, _sum(outer, cost))
            cost.add(form, times)
            self._check(_sum(outer, cost))
        return cost

    def _form(self, xobj, parent_resources: dict, stack: tuple[int, ...], outer: Cost) -> Cost:

        key = xobj.objid if xobj.objid is not None else id(xobj)
        if key in stack:
            raise OverBudget("表单对象（Form XObject）相互引用、无限嵌套")
        if len(stack) >= MAX_FORM_DEPTH:
            raise OverBudget(f"表单对象（Form XObject）嵌套超过 {MAX_FORM_DEPTH} 层")
        if key in self.forms:
            return self.forms[key]
        own = xobj.get("Resources")
        resources = _dict(resolve1(own)) if own is not None else parent_resources
        self._fonts(resources)
        cost = self._stream(xobj, resources, (*stack, key), outer)
        self.forms[key] = cost
        return cost

    def _fonts(self, resources: dict) -> None:
        """Fonts' ToUnicode maps and embedded font programs are inflated by pdfminer too."""

        for font in _dict(resolve1(resources.get("Font"))).values():
            font = _dict(resolve1(font))
            streams = [font.get("ToUnicode")]
            desc = _dict(resolve1(font.get("FontDescriptor")))
            streams += [desc.get(k) for k in ("FontFile", "FontFile2", "FontFile3")]
            for descendant in resolve1(font.get("DescendantFonts")) or ():
                d = _dict(resolve1(descendant))
                dd = _dict(resolve1(d.get("FontDescriptor")))
                streams += [dd.get(k) for k in ("FontFile", "FontFile2", "FontFile3")]
            for ref in streams:
                s = resolve1(ref)
                if not _is_stream(s):
                    continue
                key = s.objid if s.objid is not None else id(s)
                if key in self.fonts:
                    continue
                self.fonts.add(key)
                size = self.font_sizes.get(key) if s.objid is not None else None
                if size is None:
                    size = len(self._decoded(s, MAX_FONT_BYTES - self.font_bytes, font=True))
                    if s.objid is not None:
                        self.font_sizes[key] = size
                self.font_bytes += size
                if self.font_bytes > MAX_FONT_BYTES:  # (a size measured on an earlier page, over this page's bound)
                    self._check(Cost())

    def _decoded(self, stream, cap: int, font: bool = False) -> bytes:
        """The stream's data with its filters applied, never more than ``cap`` + 1 bytes."""
        cap = max(cap, 0)
        if stream.data is not None:
            data = stream.data
        else:
            data = stream.rawdata or b""
            if stream.decipher and stream.objid is not None:
                data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
            try:
                filters = stream.get_filters()
            except Exception:  # noqa: BLE001 - pdfminer will report a broken stream itself
                filters = []
            for f, _params in filters:
                data = _unfilter(_name(f), data, cap)
                if data is None:
                    break
        if data is None or len(data) > cap:
            if font:
                self.font_bytes = MAX_FONT_BYTES + 1
            self._check(Cost(content_bytes=0 if font else self.max_bytes + 1))
        return data or b""


def _unfilter(name: str | None, data: bytes, cap: int) -> bytes | None:
    """One filter with a bound on its output (``None``: more than ``cap`` bytes would come out)."""
    if name in ("FlateDecode", "Fl"):
        d = zlib.decompressobj()
        try:
            out = d.decompress(data, cap + 1)
        except zlib.error:
            return b""  # corrupt: pdfminer recovers what it can, which is less
        return None if len(out) > cap else out
    if name in ("ASCIIHexDecode", "AHx", "ASCII85Decode", "A85"):

        try:
            return (asciihexdecode if name in ("ASCIIHexDecode", "AHx") else fast_ascii85decode)(data)
        except Exception:  # noqa: BLE001
            return b""
    if name in ("LZWDecode", "LZW", "RunLengthDecode", "RL"):
        # at most ~1,000 (LZW) or 128 (run length) bytes out per byte in: decode only when bounded
        if len(data) * (1000 if name.startswith("L") else 128) > cap:
            return None

        try:
            return lzwdecode(data) if name.startswith("L") else rldecode(data)
        except Exception:  # noqa: BLE001
            return b""
    return data  # images' codecs (DCT, JPX, JBIG2, CCITT) are not inflated by the interpreter


_A85_DIGITS = re.compile(rb"[!-u]*")
_A85_SPACE = b" \t\n\r\v"  # what base64.a85decode ignores
_A85_VALUE = bytes((b - 33) % 256 for b in range(256))


def fast_ascii85decode(data: bytes) -> bytes:
    """pdfminer's ``ascii85decode`` (Python's ``base64.a85decode`` goes byte by byte), five digits at a
    time; input it would treat specially (``z``, a stray character, an overflow) goes to it."""
    digits = end_re.sub(b"", start_re.sub(b"", data)).translate(None, _A85_SPACE)
    if _A85_DIGITS.fullmatch(digits) is None:
        return ascii85decode(data)
    pad = -len(digits) % 5
    vals = (digits + b"u" * pad).translate(_A85_VALUE)
    try:
        out = struct.pack(f">{len(vals) // 5}I", *[
            (((a * 85 + b) * 85 + c) * 85 + d) * 85 + e
            for a, b, c, d, e in zip(vals[0::5], vals[1::5], vals[2::5], vals[3::5], vals[4::5])])
    except struct.error:  # a group over 2**32 - 1
        return ascii85decode(data)
    return out[:len(out) - pad] if pad else out


def _operators(data: bytes) -> int:
    """The operators that make objects: each after whitespace, ``)``, ``]`` or ``>``, or first in the stream."""
    return len(_OPS.findall(data)) + (_FIRST_OP.match(data) is not None)


def _string_bytes(data: bytes) -> int:
    n = sum(len(m) - 2 for m in _LITERAL.findall(data))
    return n + sum(len(m.replace(b" ", b"").replace(b"\n", b"")) // 2 for m in _HEX.findall(data))


def _sum(a: Cost, b: Cost) -> Cost:
    return Cost(a.content_bytes + b.content_bytes, a.objects + b.objects, a.chars + b.chars)


def _dict(v) -> dict:
    return v if isinstance(v, dict) else {}


def _is_stream(v) -> bool:
    return hasattr(v, "rawdata") and hasattr(v, "get_filters")


def _name(v) -> str | None:
    name = getattr(v, "name", v)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return name if isinstance(name, str) else None
