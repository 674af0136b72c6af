"""A page's characters, ruling paths and images through PDFium, in pdfplumber's shape.

pdfminer interprets a content stream in pure Python (about 85% of a PDF report's reading time);
PDFium (``pypdfium2``, already installed with pdfplumber) does the same in C.  This module gives
the PDF reader what it used to take from a pdfplumber page — ``chars``, ``lines``, ``rects``,
``curves`` and ``images`` as dictionaries with pdfplumber's keys and values — computed the way
pdfminer computes them, so that lines, table cells and positions come out the same:

* a character's box is pdfminer's: from its origin, the advance width of the font's ``/W`` or
  ``/Widths`` entry (not PDFium's loose box, which adds the character spacing) and the font's
  descent and size (``top``/``bottom`` in pdfplumber's top-down coordinates of the media box);
* a path is split into subpaths at each ``m`` and classified as pdfminer does: a line (``ml``,
  ``mlh``), an axis-aligned rectangle (``mlllh``) or a curve with its end points.

Where the two libraries could differ, :func:`page_objects` answers ``None`` and the reader keeps
pdfplumber for that page: text not written left to right upright (rotated by a multiple of 90°
or scaled on one axis only, vertical writing other than one character at a time in a font with no vertical metrics
of its own; text slanted across the page, a watermark, is left out:
:func:`slanted`), Form XObjects (their contents are in the form's own coordinates), a page with a
``/Rotate`` or a media box PDFium reads differently, characters without a font or width.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from .pdf_shown import shown
from .pdf_vertical import font_specs, vertical_box, vertical_fonts

# pypdfium2 is imported where a PDF is read (heavy import; only the PDF reader needs it)


@dataclass(slots=True)
class PageObjects:
    chars: list[tuple[str, float, float, float, float, float]]  # (text, x0, x1, top, bottom, size)
    lines: list[dict[str, Any]]
    rects: list[dict[str, Any]]
    curves: list[dict[str, Any]]
    images: list[dict[str, Any]]


def open_document(data: bytes) -> Any | None:
    """The PDFium document of the file, or ``None`` where PDFium cannot open it."""
    try:
        import pypdfium2 as pdfium  # heavy import, only for PDF files
        return pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 - pdfplumber reads the file then
        return None


def page_objects(doc: Any, index: int, mediabox: tuple[float, float, float, float], resources: Any,
                 max_chars: int, contents: Callable[[], bytes | None] | None = None) -> PageObjects | None:
    """The objects of page ``index`` (0-based), or ``None`` where pdfplumber must read it.

    ``resources``: the page's resource dictionary as pdfminer read it (the fonts' metrics); ``contents``: the page's
    content stream decoded (``None``: not to be had), read only for the characters PDFium drops (:func:`_lost`)."""
    import pypdfium2.raw as R  # heavy import (see open_document)

    fonts = font_metrics(resources)
    if fonts is None:
        return None

    try:
        if index >= len(doc):
            return None
        page = doc[index]
    except Exception:  # noqa: BLE001
        return None
    try:
        if page.get_rotation() % 360:
            return None
        mb = page.get_mediabox()
        if any(abs(a - b) > 1e-3 for a, b in zip(mb, _normal(mediabox))):
            return None
        x_off, y_off, height = float(mb[0]), float(mb[1]), float(mb[3])
        graphics = _graphics(R, page.raw, x_off, height)
        if graphics is None:
            return None
        lines, rects, curves, images, bare, texts = graphics
        lost = partial(_lost, contents, resources) if contents is not None else None
        chars = _chars(R, page.raw, x_off, y_off, height, max_chars, fonts, bare, texts, lost,
                       partial(vertical_fonts, resources))
        if chars is None:
            return None
        return PageObjects(chars, lines, rects, curves, images)
    except Exception:  # noqa: BLE001 - anything unexpected: pdfplumber reads the page
        return None
    finally:
        page.close()


def _normal(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


_FAST: dict[str, Any] = {}


def _fast(R: Any) -> dict[str, Any]:
    """PDFium's per-character functions with plain ``void*`` arguments and results (pypdfium2's
    typed pointers cost a conversion on every call; a page has thousands of characters)."""
    if not _FAST:
        vp, i = ctypes.c_void_p, ctypes.c_int

        def fn(name: str, res: Any, *args: Any) -> Any:
            return ctypes.CFUNCTYPE(res, *args)(ctypes.cast(getattr(R, name), vp).value or 0)

        # called once per character: no declared arguments (ctypes converts nothing it is not given to convert:
        # the text page as a c_void_p, an int index, byref() pointers) — ≈ 0.2 µs a call against 0.3–0.6 µs
        _FAST["object"] = fn("FPDFText_GetTextObject", vp)
        _FAST["origin"] = fn("FPDFText_GetCharOrigin", i)
        _FAST["unicode"] = fn("FPDFText_GetUnicode", ctypes.c_uint)
        _FAST["box"] = fn("FPDFText_GetCharBox", i)
        fp = ctypes.POINTER(ctypes.c_float)
        _FAST["font"] = fn("FPDFTextObj_GetFont", vp, vp)
        _FAST["font_size"] = fn("FPDFTextObj_GetFontSize", i, vp, fp)
        _FAST["matrix"] = fn("FPDFPageObj_GetMatrix", i, vp, ctypes.c_void_p)
        _FAST["width"] = fn("FPDFFont_GetGlyphWidth", i, vp, ctypes.c_uint, ctypes.c_float, fp)
        u = ctypes.POINTER(ctypes.c_uint)
        _FAST["fill"] = fn("FPDFPageObj_GetFillColor", i, vp, u, u, u, u)
        _FAST["stroke"] = fn("FPDFPageObj_GetStrokeColor", i, vp, u, u, u, u)
        # once per page object or path segment (a page has hundreds)
        _FAST["page_object"] = fn("FPDFPage_GetObject", vp, vp, i)
        _FAST["type"] = fn("FPDFPageObj_GetType", i, vp)
        _FAST["embedded"] = fn("FPDFFont_GetIsEmbedded", i, vp)
        _FAST["bounds"] = fn("FPDFPageObj_GetBounds", i, vp, fp, fp, fp, fp)
        ip = ctypes.POINTER(ctypes.c_int)
        _FAST["draw_mode"] = fn("FPDFPath_GetDrawMode", i, vp, ip, ip)
        _FAST["segments"] = fn("FPDFPath_CountSegments", i, vp)
        _FAST["segment"] = fn("FPDFPath_GetPathSegment", vp, vp, i)
        _FAST["point"] = fn("FPDFPathSegment_GetPoint", i, vp, fp, fp)
        _FAST["segment_type"] = fn("FPDFPathSegment_GetType", i, vp)
        _FAST["closes"] = fn("FPDFPathSegment_GetClose", i, vp)
    return _FAST


def _chars(R: Any, raw: Any, x_off: float, y_off: float, height: float,
           max_chars: int, fonts: dict[str, tuple[float, dict[str, int] | None]],
           bare: set[int] | None = None, texts: list[int] | None = None,
           lost: Callable[[list[int], list[int]], dict[int, str | None] | None] | None = None,
           verticals: Callable[[], dict[str, float | None]] | None = None,
           ) -> list[tuple[str, float, float, float, float, float]] | None:
    """The page's characters, or ``None`` where pdfplumber must read the page: among other cases,
    where a text object of a font the file does not embed (``bare``, the objects' addresses) gives
    no character to PDFium's text page.  PDFium drops a one-character string of a non-embedded CID
    font with a predefined CMap (``STSong-Light``, ``UniGB-UCS2-H``: what iText and reportlab write)
    when the machine has no CJK font to substitute; pdfminer reads it from the CMap alone, whatever
    fonts are installed (and, whatever the fonts, for a character the substituted font has no glyph for).
    Where ``lost`` can give the text of each such object (:func:`_lost`: its one character code, from the
    page's content stream, read by the font's CMap as pdfminer reads it), the character is placed at the
    object's origin as PDFium places those it keeps, and the page stays PDFium's.  A text object of an
    embedded font that gives no character holds only spaces (LibreOffice writes a full-width space U+3000
    as an object of its own): PDFium's characters are the page's all the same.

    A character of a font written top to bottom (``/Identity-V``: what Word writes for a table cell's text turned
    upright, 三、本年度办理结果 in table 三) is boxed as pdfminer boxes it, from its text object's position: when it is
    the object's only character and the font gives no vertical metrics of its own (``/W2``), its box is one em wide
    centred on that position, from 0.12 em (``/DW2``'s default) above it to 1 em below (``verticals``: the page's such
    fonts, :func:`.pdf_vertical.vertical_fonts`, asked only when such a character is met); any other vertical text sends the page
    to pdfplumber.

    A character is PDFium's: where the file gives a glyph's text as ``/ActualText`` (LibreOffice
    does for each glyph its font lacks, all drawn as one and the same glyph), the character is that
    text, as a reader copying from the page gets it; pdfminer gives the glyph's own mapping (one
    character repeated for the whole page).  The font has no width for such a character (PDFium
    looks widths up by character): its box is the glyph's, from its origin to the right of its
    outline.

    A page where most of the text objects (``texts``: all of them) give PDFium no character at all is
    pdfplumber's too: glyphs with no text (a PDF printed where no font had the characters, every one
    drawn as the font's empty box, or a font with no Unicode mapping) are dropped by PDFium without a
    trace, and the page would read as its digits alone; pdfminer gives them as ``(cid:…)``, which the
    reader counts as undecodable."""
    tp = R.FPDFText_LoadPage(raw)
    if not tp:
        return None
    try:
        n = R.FPDFText_CountChars(tp)
        if n > max_chars:
            return [("", 0.0, 0.0, 0.0, 0.0, 0.0)] * (max_chars + 1)  # the reader refuses the page
        f = _fast(R)
        get_object, get_origin, get_unicode = f["object"], f["origin"], f["unicode"]
        get_font, get_font_size, get_matrix = f["font"], f["font_size"], f["matrix"]
        get_width, get_box, get_fill = f["width"], f["box"], f["fill"]
        rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
        prgba = tuple(ctypes.byref(c) for c in rgba)
        bl, br, bb, bt = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        pl, pr, pb, pt = ctypes.byref(bl), ctypes.byref(br), ctypes.byref(bb), ctypes.byref(bt)
        tpv = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)  # a ctypes value: passed as is
        codes = _page_text(R, tp, n)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        pox, poy = ctypes.byref(ox), ctypes.byref(oy)
        fbuf = ctypes.c_float()
        pf = ctypes.byref(fbuf)
        m = R.FS_MATRIX()
        pm = ctypes.byref(m)
        objs: dict[int | None, Any] = {}
        known: dict[int, Any] = {}  # font → (descent, AFM widths or None) or None
        widths: dict[tuple[Any, float, float], dict[int, float]] = {}  # (font, size, scale) → width by code
        out: list[tuple[str, float, float, float, float, float]] = []
        top_base = height - y_off

        def object_info(key: Any) -> Any:
            """What the characters of text object ``key`` share: ``(font size, horizontal scale, size, descent, widths'
            key, AFM widths or None, widths by code)``; :data:`_SKIP` for a watermark's; None where pdfplumber must
            read the page."""
            font = get_font(key) if key else None
            if not (font and get_font_size(key, pf)):
                return None
            fs = fbuf.value
            if not get_matrix(key, pm):
                return None
            if slanted(m.a, m.b) or (fs * m.d >= FAINT_SIZE and get_fill(key, *prgba)
                                     and faint(*(c.value / 255 for c in rgba))):
                return _SKIP
            if not (m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0 and abs(m.a - m.d) <= 1e-6 * m.d):
                return None
            metrics = known.get(font, False)
            if metrics is False:
                metrics = known[font] = _metrics_of(fonts, _font_name(R, font) or "")
            if metrics is None:
                return None
            descent, afm = metrics
            fkey = (font, fs, m.a)
            return (fs, m.a, fs * m.d, descent, fkey, afm, widths.setdefault(fkey, {}))

        last: Any = _SKIP  # the text object of the character before (a page's characters come object by object)
        info: Any = None
        first = False
        vertical_vy: dict[int, float | None] = {}  # a vertical font → its glyphs' vertical origin (vertical_fonts)
        found: dict[str, float | None] | None = None  # the page's vertical fonts by name (asked once, when met)
        for k in range(n):
            u = codes[k] if codes is not None else get_unicode(tpv, k)
            if u == 0:  # a glyph with no text: counted by the reader as pdfminer's U+0000 is
                out.append(_NO_TEXT)
                continue
            t = chr(u) if u < 0x110000 else ""
            if not t or t.isspace():  # PDFium's generated characters are spaces and line breaks
                continue
            key = get_object(tpv, k)
            if key != last:  # what the characters of this text object share, once for the object
                last = key
                first = True  # (its first character: a vertical one is boxed from the object's position)
                info = objs.get(key, False)
                if info is False:
                    info = objs[key] = object_info(key)
                if info is None:
                    return None
                if info is not _SKIP:
                    fs, a, size, descent, fkey, afm, known_w = info
                    drop = descent * size
            if info is _SKIP:
                continue
            w = known_w.get(u)
            if w is None:
                if afm is not None:  # pdfminer's own metrics of a standard font, by character
                    w = known_w[u] = afm.get(t, 0) * 0.001 * fs * a
                elif not get_width(fkey[0], u, fs, pf):
                    return None
                else:
                    w = known_w[u] = fbuf.value * a
            get_origin(tpv, k, pox, poy)
            if w < 0:  # vertical writing (the advance runs down the page)
                if not first:
                    return None
                font = fkey[0]
                vy = vertical_vy.get(font, False)
                if vy is False:
                    if found is None:
                        found = verticals() if verticals is not None else {}
                    vy = vertical_vy[font] = found.get(_font_name(R, font) or "")
                box = vertical_box(vy, fs * a, w, m.e, m.f, ox.value, oy.value) if get_matrix(key, pm) else None
                if box is None:
                    return None
                x0, hi = box
                x0 -= x_off
                hi -= y_off
                out.append((t, x0, x0 + fs * a, top_base - hi, top_base - (hi + w), fs * a))
                first = False
                continue
            first = False
            if w == 0 and get_box(tpv, k, pl, pr, pb, pt) and br.value > ox.value:
                w = br.value - ox.value  # a character the font cannot give (see _chars' docstring)
            low = oy.value - y_off + drop
            x0 = ox.value - x_off
            out.append((t, x0, x0 + w, top_base - (low + size), top_base - low, size))
        owners: set[Any] | None = None
        if bare and not bare <= objs.keys():  # a text object with no character, or only spaces
            owners = {get_object(tpv, k) for k in range(n)}
            if not bare <= owners:
                # the characters PDFium dropped (a machine without a CJK font): from the content stream, or the page
                # is pdfplumber's
                dropped = [t for t in texts or () if t in bare and t not in owners]  # (in the page's order)
                got = lost(texts or [], dropped) if lost is not None and len(dropped) == len(bare - owners) else None
                if got is None:
                    return None
                for key in dropped:
                    text = got[key]
                    owners.add(key)
                    if text is None:  # a code the font gives no text for (pdfminer's "(cid:N)")
                        out.append(_NO_TEXT)
                        continue
                    if not text or text.isspace():
                        continue
                    info = objs.get(key, False)
                    if info is False:
                        info = objs[key] = object_info(key)
                    if info is None:
                        return None
                    if info is _SKIP:
                        continue
                    fs, a, size, descent, fkey, afm, known_w = info
                    u = ord(text)
                    w = known_w.get(u)
                    if w is None:
                        if afm is not None:
                            w = known_w[u] = afm.get(text, 0) * 0.001 * fs * a
                        elif not get_width(fkey[0], u, fs, pf) or fbuf.value <= 0:
                            return None
                        else:
                            w = known_w[u] = fbuf.value * a
                    if not get_matrix(key, pm):
                        return None
                    low = m.f - y_off + descent * size  # (a one-character object: its character at its origin)
                    x0 = m.e - x_off
                    out.append((text, x0, x0 + w, top_base - (low + size), top_base - low, size))
        if texts and len(texts) - len(objs) >= _SILENT_MIN:
            if owners is None:
                owners = {get_object(tpv, k) for k in range(n)}  # (objects of spaces only included)
            silent = sum(1 for t in texts if t not in owners)
            if silent >= _SILENT_MIN and silent * 2 > len(texts):  # (LibreOffice's objects of spaces: a few)
                return None
        return out
    finally:
        R.FPDFText_ClosePage(tp)


def _lost(contents: Callable[[], bytes | None], resources: Any, texts: list[int],
          dropped: list[int]) -> dict[int, str | None] | None:
    """The text of each text object of ``dropped`` (among ``texts``, the page's text objects in order), read from the
    page's content stream (``contents``, :func:`.pdf_shown.shown`: the operators that show something pair with the
    text objects one to one) as pdfminer reads it: at most one character code of the object's font each, its text by
    the font's CMap (None for a code the font gives no text for, which pdfminer writes ``(cid:N)``; ``""`` where the
    CMap maps no code, and pdfminer draws nothing).  None where any cannot be told so (the operators and the objects
    do not pair up, a font not found, a string of more than one character, a stream that cannot be read or followed):
    pdfplumber reads the page then."""
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdftypes import resolve1

    data = contents()
    ops = shown(data) if data is not None else None
    if ops is None or len(ops) != len(texts):
        return None
    res = resolve1(resources)
    specs = resolve1(res.get("Font")) if isinstance(res, dict) else None
    if not isinstance(specs, dict):
        return None
    manager = PDFResourceManager()
    fonts: dict[bytes | None, Any] = {}
    at = {t: i for i, t in enumerate(texts)}
    out: dict[int, str | None] = {}
    for key in dropped:
        i = at.get(key)
        if i is None:
            return None
        name, got = ops[i]
        font = fonts.get(name, False)
        if font is False:
            font = fonts[name] = _font(manager, specs, name)
        if font is None:
            return None
        try:
            cids = list(font.decode(got))
            if len(cids) > 1:
                return None
            text: str | None = font.to_unichr(cids[0]) if cids else ""  # (no code the CMap maps: nothing drawn)
        except PDFUnicodeNotDefined:
            text = None
        except Exception:  # noqa: BLE001 - a font pdfminer cannot decode with: pdfplumber reads the page (and says so)
            return None
        if text is not None and len(text) > 1:
            return None
        out[key] = text
    return out


def _font(manager: Any, specs: dict[str, Any], name: bytes | None) -> Any:
    """pdfminer's font of the page's font resource ``name`` (as a content stream writes it), or None."""
    from pdfminer.pdftypes import resolve1

    if name is None:
        return None
    ref = specs.get(name.decode("latin-1"))
    spec = resolve1(ref)
    if not isinstance(spec, dict):
        return None
    try:
        return manager.get_font(getattr(ref, "objid", None), spec)
    except Exception:  # noqa: BLE001 - a font pdfminer cannot make: pdfplumber reads the page (and says so)
        return None


_NO_TEXT = ("\x00", 0.0, 0.0, 0.0, 0.0, 0.0)  # a character PDFium has no text for (see _chars)
_SILENT_MIN = 20  # text objects without a character that make a page pdfplumber's (see _chars)
_SKIP = ("skip",)  # a text object whose characters are not the page's text (see slanted, faint)
FAINT_SIZE = 28.0  # points: larger than any report's title (二号 22 pt, 一号 26 pt)


def faint(r: float, g: float, b: float, alpha: float = 1.0) -> bool:
    """Whether large text (:data:`FAINT_SIZE` or more) of this fill colour (0–1) is a watermark laid flat over the page:
    light (every channel at least 0.63, a light grey or tint) or mostly transparent.  A red or black title of a
    document is neither."""
    return alpha <= 0.6 or min(r, g, b) >= 0.63


def slanted(a: float, b: float) -> bool:
    """Whether text whose matrix begins ``[a b …]`` (its baseline's direction) runs at least 10° away from
    every multiple of 90° (a watermark across the page, a seal's lettering): never a report's text, which runs
    left to right or, on a margin, up or down.  A slight tilt (a deskewed scan's text layer) is not slanted."""
    r = (a * a + b * b) ** 0.5
    return r > 0 and min(abs(a), abs(b)) >= 0.17 * r  # sin 10°


def _metrics_of(fonts: dict[str, tuple[float, dict[str, int] | None]],
                name: str) -> tuple[float, dict[str, int] | None] | None:
    """The metrics of the font PDFium names ``name``.  PDFium names a *simple* subset font without
    its subset tag (``DejaVuSans`` for pdfminer's ``BAAAAA+DejaVuSans``: LibreOffice and Word write
    such fonts for Latin text); a name without a tag takes the tagged fonts' metrics where they agree."""
    got = fonts.get(name)
    if got is not None or not name or "+" in name:
        return got
    tagged = [v for k, v in fonts.items() if len(k) == len(name) + 7 and k[6] == "+" and k.endswith(name)]
    return tagged[0] if tagged and all(v == tagged[0] for v in tagged) else None


def _font_name(R: Any, font: int) -> str | None:
    """The font's ``/BaseFont`` as pdfminer's ``literal_name`` spells it."""
    buf = ctypes.create_string_buffer(256)
    n = R.FPDFFont_GetBaseFontName(ctypes.cast(font, R.FPDF_FONT), buf, 256)
    if n <= 0 or n > 256:
        return None
    raw = buf.raw[:n - 1]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return str(raw)


def font_metrics(resources: Any) -> dict[str, tuple[float, dict[str, int] | None]] | None:
    """The page's fonts by ``/BaseFont``: the descent (per unit of font size) and, for the standard
    fonts pdfminer knows by name, their AFM widths — as pdfminer takes them (``PDFResourceManager.
    get_font``): a simple font named like a standard font takes the standard metrics whatever its
    descriptor says; a composite font its descendant's descriptor.  ``None`` where a page's fonts
    cannot be told apart by name with different metrics, or a Type 3 font (boxed by its matrix)."""
    from pdfminer.fontmetrics import FONT_METRICS  # heavy import, only for PDF files
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import literal_name

    def num(v: Any) -> float:
        v = resolve1(v)
        return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0.0

    out: dict[str, tuple[float, dict[str, int] | None]] = {}
    for spec in font_specs(resources):
        subtype = literal_name(resolve1(spec["Subtype"])) if "Subtype" in spec else "Type1"
        name = literal_name(resolve1(spec["BaseFont"])) if "BaseFont" in spec else "unknown"
        afm: dict[str, int] | None = None
        if subtype == "Type3":
            return None
        if subtype == "Type0":
            kids = resolve1(spec.get("DescendantFonts"))
            sub = resolve1(kids[0]) if isinstance(kids, list) and kids else None
            if not isinstance(sub, dict):
                return None
            sub_type = literal_name(resolve1(sub["Subtype"])) if "Subtype" in sub else "Type1"
            if sub_type not in ("CIDFontType0", "CIDFontType2"):
                return None
            descriptor = resolve1(sub.get("FontDescriptor"))
        elif subtype in ("CIDFontType0", "CIDFontType2"):
            descriptor = resolve1(spec.get("FontDescriptor"))
        elif name in FONT_METRICS:
            descriptor, afm = FONT_METRICS[name]
        else:
            descriptor = resolve1(spec.get("FontDescriptor"))
        descent = num(descriptor.get("Descent", 0)) if isinstance(descriptor, dict) else 0.0
        value = (-abs(descent) * 0.001, afm)
        if out.get(name, value) != value:
            return None
        out[name] = value
    return out


def _page_text(R: Any, tp: Any, n: int) -> list[int] | None:
    """The code points of all ``n`` characters in one call, or ``None`` (then one call each) where
    the text is not one UTF-16 unit per character."""
    if n == 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    got = R.FPDFText_GetText(tp, 0, n, buf)
    codes = list(buf)[:n]
    if got != n + 1 or any(0xD800 <= c <= 0xDFFF for c in codes):
        return None
    return codes


def _graphics(R: Any, raw: Any, x_off: float,
              height: float) -> tuple[list, list, list, list, set[int], list[int]] | None:
    """The page's ruling lines, rectangles, curves and images as pdfplumber gives them, and its text
    objects whose font the file does not embed and all its text objects (see :func:`_chars`); ``None`` where pdfplumber must
    read the page (a Form XObject, a path PDFium cannot describe)."""
    bare: set[int] = set()
    texts: list[int] = []
    lines: list[dict[str, Any]] = []
    rects: list[dict[str, Any]] = []
    curves: list[dict[str, Any]] = []
    images: list[dict[str, Any]] = []
    f = _fast(R)
    get_object, get_type, get_font, embedded = f["page_object"], f["type"], f["font"], f["embedded"]
    get_matrix, get_stroke, get_fill, draw_mode = f["matrix"], f["stroke"], f["fill"], f["draw_mode"]
    segments, segment, point, segment_type, closes = (f["segments"], f["segment"], f["point"], f["segment_type"],
                                                      f["closes"])
    m = R.FS_MATRIX()
    pm = ctypes.byref(m)
    fx, fy = ctypes.c_float(), ctypes.c_float()
    pfx, pfy = ctypes.byref(fx), ctypes.byref(fy)
    box = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    left, bottom, right, top = box
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    pmode = (ctypes.byref(fillmode), ctypes.byref(stroke))
    rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
    r, g, b, _a = rgba
    prgba = tuple(ctypes.byref(c) for c in rgba)
    text_kind, path_kind = R.FPDF_PAGEOBJ_TEXT, R.FPDF_PAGEOBJ_PATH
    moveto, lineto, bezierto = R.FPDF_SEGMENT_MOVETO, R.FPDF_SEGMENT_LINETO, R.FPDF_SEGMENT_BEZIERTO
    pv = ctypes.cast(raw, ctypes.c_void_p).value
    for i in range(R.FPDFPage_CountObjects(raw)):
        obj = get_object(pv, i)
        kind = get_type(obj)
        if kind == text_kind:
            texts.append(obj or 0)
            font = get_font(obj)
            if not font or not embedded(font):
                bare.add(obj or 0)
            continue
        if kind == R.FPDF_PAGEOBJ_FORM:
            return None
        if kind == R.FPDF_PAGEOBJ_IMAGE:
            if not f["bounds"](obj, *(ctypes.byref(c) for c in box)):
                return None
            images.append({"x0": left.value - x_off, "x1": right.value - x_off,
                           "top": height - top.value, "bottom": height - bottom.value})
            continue
        if kind != path_kind:
            continue
        if not draw_mode(obj, *pmode):
            return None
        is_fill, is_stroke = fillmode.value != 0, bool(stroke.value)
        if not (is_fill or is_stroke):
            continue
        if not get_matrix(obj, pm):
            return None
        scolor = ncolor = None
        if get_stroke(obj, *prgba):
            scolor = (r.value / 255, g.value / 255, b.value / 255)
        if get_fill(obj, *prgba):
            ncolor = (r.value / 255, g.value / 255, b.value / 255)
        # segments → pdfminer's path operators ("m", "l", "c", "h") with their end points
        ops: list[tuple[str, tuple[float, float]]] = []
        bez = 0
        for s in range(segments(obj)):
            seg = segment(obj, s)
            if not point(seg, pfx, pfy):
                return None
            x, y = fx.value, fy.value
            pt = (m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f)
            st = segment_type(seg)
            if st == moveto:
                ops.append(("m", pt))
                bez = 0
            elif st == lineto:
                ops.append(("l", pt))
                bez = 0
            elif st == bezierto:
                bez += 1
                if bez % 3:
                    continue  # a control point
                ops.append(("c", pt))
            else:
                return None
            if closes(seg):
                ops.append(("h", pt))
        paint_subpaths(ops, is_stroke, is_fill, scolor, ncolor, x_off, height, lines, rects, curves)
    return lines, rects, curves, images, bare, texts


def paint_subpaths(ops: list[tuple[str, tuple[float, float]]], stroke: bool, fill: bool, scolor: Any, ncolor: Any,
                   x_off: float, height: float, lines: list, rects: list, curves: list) -> None:
    """A path's operators split at each ``m`` into subpaths, each painted by :func:`paint_path` (one that does not
    begin with a move is not drawn, as in pdfminer)."""
    start = 0
    for j in range(1, len(ops) + 1):
        if j == len(ops) or ops[j][0] == "m":
            sub = ops[start:j]
            start = j
            if sub and sub[0][0] == "m":
                paint_path(sub, stroke, fill, scolor, ncolor, x_off, height, lines, rects, curves)


def paint_path(path: list[tuple[str, tuple[float, float]]], stroke: bool, fill: bool, scolor: Any, ncolor: Any,
           x_off: float, height: float, lines: list, rects: list, curves: list) -> None:
    """One subpath as pdfminer classifies it (``PDFLayoutAnalyzer.paint_path``)."""
    shape = "".join(op for op, _ in path)
    pts = [pt if op != "h" else path[0][1] for op, pt in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in {"mlh", "ml"}:
        pts = pts[:2]
        target = lines
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        target = rects if pts[0] == pts[4] and square else curves
        if target is rects:
            pts = [pts[0], pts[2]]
    else:
        target = curves
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    obj: dict[str, Any] = {"x0": min(xs) - x_off, "x1": max(xs) - x_off, "top": height - max(ys),
                           "bottom": height - min(ys), "stroke": stroke, "fill": fill,
                           "stroking_color": scolor, "non_stroking_color": ncolor}
    if target is curves:
        obj["pts"] = [(x - x_off, height - y) for x, y in pts]
    target.append(obj)
