"""One OFD page's content (``Content.xml`` of a page or a template page) as the PDF reader takes a page's objects.

An OFD page (GB/T 33190-2016) is a PDF page written in XML: glyphs placed at positions, ruling lines drawn as paths,
in millimetres with the y axis pointing down.  :func:`page_objects` streams a content part (``lxml.etree.iterparse``
with entities, DTDs and the network off and libxml2's bounds kept: an element is dropped once read, so a page of a
million objects holds one at a time) and gives what :mod:`.pdf_pdfium` gives for a PDF page:

* ``TextObject``: each glyph's origin is the object's ``Boundary`` origin plus its ``CTM`` applied to the
  ``TextCode``'s ``X``/``Y`` advanced by ``DeltaX``/``DeltaY`` (``g n v``: ``n`` times ``v``, expanded only as far
  as the text has glyphs); the size in points is ``Size`` times the CTM's vertical scale; a glyph runs to the next
  glyph's origin, else for its size (half of it for an ASCII character); top 0.88 size above the baseline, bottom
  0.12 below.  Text not written left to right upright (``ReadDirection``/``CharDirection``, a rotated or mirrored
  CTM) is left out, as the PDF reader leaves out slanted text; so is a large light or transparent one (a watermark,
  :func:`.pdf_pdfium.faint`) and a ``Visible="false"`` object or block.
* ``PathObject``: its ``AbbreviatedData`` (``S``/``M``/``L``/``Q``/``B``/``A``/``C``) through its CTM, split into
  subpaths and classified as pdfminer classifies a PDF path (:func:`.pdf_pdfium.paint_path`): lines, rectangles and
  curves, so that the PDF reader's table finder reads the ruled tables.
* ``ImageObject``: its box.

``PageBlock`` nesting is followed to :data:`MAX_DEPTH` levels (deeper objects are left out); a ``CompositeObject``
draws its ``CompositeGraphicUnit`` (a drawing kept in the resources, :class:`Reading`'s ``units``) through its
boundary and CTM, :data:`MAX_COMPOSITE` deep at most (each of its objects counted against the page's limits).  The objects and characters of a page are counted as they come
(``limits.max_pdf_page_objects``, ``limits.max_pdf_page_chars``): a page over either is given as the reason it was
skipped, as the PDF reader skips such a page.
"""

from __future__ import annotations

import io
import math
import time
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..errors import InputError
from .pdf_pdfium import FAINT_SIZE, faint, paint_subpaths, slanted

MM = 72 / 25.4  # points in a millimetre
MAX_DEPTH = 64  # nested PageBlocks followed
MAX_COMPOSITE = 4  # CompositeObjects drawn within one another
MAX_COORD = 1e6  # millimetres: a coordinate beyond is no page's
MAX_PATH_POINTS = 10_000  # points of one path read (a ruling line has two)
_TEXT, _PATH, _IMAGE, _BLOCK, _COMPOSITE = "TextObject", "PathObject", "ImageObject", "PageBlock", "CompositeObject"
_OBJECTS = frozenset({_TEXT, _PATH, _IMAGE, _COMPOSITE})


class TooMany(Exception):
    """A page over a limit: the reason, in the words of the PDF reader's skipped pages."""


@dataclass(slots=True)
class Drawn:
    """What a content part draws, in points from the page's top left corner."""

    chars: list[tuple[str, float, float, float, float, float]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    rects: list[dict[str, Any]] = field(default_factory=list)
    curves: list[dict[str, Any]] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    objects: int = 0


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def numbers(text: str | None, at_most: int = 64) -> list[float] | None:
    """The numbers of an attribute (``"0 0 210 297"``), at most ``at_most``; None for a value that is not numbers or
    not finite."""
    if not text:
        return []
    out: list[float] = []
    for tok in text.split()[:at_most]:
        try:
            v = float(tok)
        except ValueError:
            return None
        if not math.isfinite(v) or abs(v) > MAX_COORD:
            return None
        out.append(v)
    return out


def deltas(text: str | None, needed: int) -> list[float] | None:
    """``DeltaX``/``DeltaY``: the advances between glyphs, ``g n v`` standing for ``n`` times ``v``; only the first
    ``needed`` are expanded (a file's ``g 1000000000 1`` allocates no more than the text has glyphs)."""
    out: list[float] = []
    if not text:
        return out
    toks = text.split()
    i = 0
    while i < len(toks) and len(out) < needed:
        tok = toks[i]
        try:
            if tok == "g":
                n, v = float(toks[i + 1]), float(toks[i + 2])
                if not (math.isfinite(n) and math.isfinite(v)) or abs(v) > MAX_COORD:
                    return None
                out.extend([v] * max(0, min(int(n), needed - len(out))))
                i += 3
                continue
            v = float(tok)
        except (ValueError, IndexError):
            return None
        if not math.isfinite(v) or abs(v) > MAX_COORD:
            return None
        out.append(v)
        i += 1
    return out


Matrix = tuple[float, float, float, float, float, float]  # (a b c d e f): x' = a x + c y + e, y' = b x + d y + f
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _ctm(el: Any) -> Matrix | None:
    m = numbers(el.get("CTM"), 6)
    if m is None or (m and len(m) != 6):
        return None
    return (m[0], m[1], m[2], m[3], m[4], m[5]) if m else IDENTITY


def then(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` applied first, then ``outer``."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F)


def placed(el: Any, outer: Matrix) -> tuple[list[float], Matrix] | None:
    """An object's ``Boundary`` and the matrix from its own space to the page (its CTM, its boundary's origin, then
    ``outer``); None where either is not numbers or not finite."""
    box, m = _boundary(el), _ctm(el)
    if box is None or m is None:
        return None
    full = then(then(m, (1.0, 0.0, 0.0, 1.0, box[0], box[1])), outer)
    if not all(math.isfinite(v) and abs(v) <= MAX_COORD for v in full):
        return None
    return box, full


def _boundary(el: Any) -> list[float] | None:
    b = numbers(el.get("Boundary"), 4)
    return b if b is not None and len(b) == 4 else None


def _color(el: Any, name: str) -> tuple[tuple[float, float, float] | None, float]:
    """The colour (0–1) and alpha (0–1) of a ``FillColor``/``StrokeColor`` child; None: none given."""
    for child in el:
        if _local(child.tag) == name:
            v = numbers(child.get("Value"), 4) or []
            alpha = numbers(child.get("Alpha"), 1) or [255.0]
            a = min(max(alpha[0] / 255, 0.0), 1.0)
            if len(v) >= 3:
                return (v[0] / 255, v[1] / 255, v[2] / 255), a
            if len(v) == 1:
                return (v[0] / 255, v[0] / 255, v[0] / 255), a
            return (0.0, 0.0, 0.0), a
    return None, 1.0


def _text(el: Any, outer: Matrix, out: Drawn, max_chars: int) -> None:
    """A ``TextObject``'s glyphs (module docstring)."""
    if el.get("ReadDirection", "0") not in ("0", "") or el.get("CharDirection", "0") not in ("0", ""):
        return
    got = placed(el, outer)
    size_v = numbers(el.get("Size"), 1)
    if got is None or not size_v:
        return
    a, b, c, d, e, f = got[1]
    if slanted(a, b) or abs(b) > 1e-6 * abs(a) or abs(c) > 1e-6 * abs(d) or a <= 0 or d <= 0:
        return  # slanted (a watermark), turned or mirrored: not the page's text
    size = size_v[0] * d * MM
    if size <= 0:
        return
    fill, alpha = _color(el, "FillColor")
    if size >= FAINT_SIZE and faint(*(fill or (0.0, 0.0, 0.0)), alpha):
        return
    x = y = 0.0
    for code in el:
        if _local(code.tag) != "TextCode":
            continue
        text = code.text or ""
        n = len(text)
        if len(out.chars) + n - text.count(" ") > max_chars:  # before a position is computed
            raise TooMany(f"字符超过 {max_chars} 个（limits.max_pdf_page_chars）")
        xy = numbers(code.get("X"), 1), numbers(code.get("Y"), 1)
        if xy[0] is None or xy[1] is None:
            continue
        x = xy[0][0] if xy[0] else x
        y = xy[1][0] if xy[1] else y
        dx, dy = deltas(code.get("DeltaX"), n - 1), deltas(code.get("DeltaY"), n - 1)
        if dx is None or dy is None:
            continue
        origins: list[tuple[float, float]] = []
        for i in range(n):
            origins.append(((a * x + c * y + e) * MM, (b * x + d * y + f) * MM))
            if i < n - 1:
                x += dx[i] if i < len(dx) else (dx[-1] if dx else size_v[0])
                y += dy[i] if i < len(dy) else 0.0
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            x0, base = origins[i]
            nxt = origins[i + 1][0] if i + 1 < n else None
            w = nxt - x0 if nxt is not None and nxt > x0 and abs(origins[i + 1][1] - base) < 0.01 * size else (
                size / 2 if ch < "\u0080" else size)
            out.chars.append((ch, x0, x0 + w, base - 0.88 * size, base + 0.12 * size, size))


def _path_ops(data: str, m: Matrix, height: float) -> list[tuple[str, tuple[float, float]]] | None:
    """``AbbreviatedData`` as pdfminer's path operators with their end points, in PDF coordinates (y up, points)."""
    a, b, c, d, e, f = m

    def pt(x: float, y: float) -> tuple[float, float]:
        return (a * x + c * y + e) * MM, height - (b * x + d * y + f) * MM

    toks = data.split()
    ops: list[tuple[str, tuple[float, float]]] = []
    arity = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
    i = 0
    start = cur = None
    while i < len(toks):
        cmd = toks[i]
        k = arity.get(cmd)
        if k is None:
            return None
        vals = numbers(" ".join(toks[i + 1:i + 1 + k]), k)
        if vals is None or len(vals) != k:
            return None
        i += 1 + k
        if cmd in ("S", "M"):
            start = cur = pt(vals[0], vals[1])
            ops.append(("m", cur))
        elif cmd == "C":
            if start is not None and cur is not None:
                ops.append(("h", start))
                cur = start
        elif cur is None:
            return None
        elif cmd == "L":
            cur = pt(vals[0], vals[1])
            ops.append(("l", cur))
        else:  # a curve or an arc: its end point
            cur = pt(vals[-2], vals[-1])
            ops.append(("c", cur))
        if len(ops) > MAX_PATH_POINTS:
            return None
    return ops


def _path(el: Any, outer: Matrix, height: float, out: Drawn) -> None:
    got = placed(el, outer)
    if got is None:
        return
    stroke = el.get("Stroke", "true") != "false"
    fill = el.get("Fill", "false") == "true"
    if not (stroke or fill):
        return
    data = next((ch.text or "" for ch in el if _local(ch.tag) == "AbbreviatedData"), "")
    ops = _path_ops(data, got[1], height)
    if not ops:
        return
    scolor, _ = _color(el, "StrokeColor")
    ncolor, _ = _color(el, "FillColor")
    scolor = scolor or (0.0, 0.0, 0.0)
    ncolor = ncolor or (0.0, 0.0, 0.0)
    paint_subpaths(ops, stroke, fill, scolor, ncolor, 0.0, height, out.lines, out.rects, out.curves)


def _image(el: Any, outer: Matrix, out: Drawn) -> None:
    box = _boundary(el)
    if box is None:
        return
    a, b, c, d, e, f = outer
    xs = [(a * x + c * y + e) * MM for x, y in ((box[0], box[1]), (box[0] + box[2], box[1] + box[3]))]
    ys = [(b * x + d * y + f) * MM for x, y in ((box[0], box[1]), (box[0] + box[2], box[1] + box[3]))]
    if all(math.isfinite(v) for v in xs + ys):
        out.images.append({"x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys)})


@dataclass(slots=True)
class Reading:
    """One page being read: its height in points, its limits, the drawings its CompositeObjects may name
    (``CompositeGraphicUnit`` ID → its ``Content`` as XML) and what has been drawn so far."""

    height: float
    max_objects: int
    max_chars: int
    deadline: float
    units: dict[str, bytes] = field(default_factory=dict)
    out: Drawn = field(default_factory=Drawn)


def page_objects(xml: bytes, origin: tuple[float, float], page: Reading) -> None:
    """The objects of one content part added to ``page.out`` (``origin``: the page box's top left corner in mm,
    taken off every position).  :class:`TooMany` for a page over a limit or out of time; :class:`InputError` for
    XML that cannot be read."""
    _walk(xml, (1.0, 0.0, 0.0, 1.0, -origin[0], -origin[1]), page, 0)


def _walk(xml: bytes, outer: Matrix, page: Reading, level: int) -> None:
    """The objects of a content part or a composite drawing (``level`` deep in CompositeObjects), through ``outer``."""
    out = page.out
    hidden = 0  # depth of the innermost invisible block, 0 for none
    depth = 0
    try:
        events = etree.iterparse(io.BytesIO(xml), events=("start", "end"), resolve_entities=False,
                                 no_network=True, huge_tree=False, load_dtd=False, remove_comments=True,
                                 remove_pis=True)
        for event, el in events:
            name = _local(el.tag)
            if event == "start":
                depth += 1
                if not hidden and el.get("Visible") == "false":
                    hidden = depth
                continue
            depth -= 1
            if name in _OBJECTS:
                out.objects += 1
                if out.objects > page.max_objects:
                    raise TooMany(f"图形和文字对象超过 {page.max_objects} 个（limits.max_pdf_page_objects）")
                if out.objects % 1000 == 0 and time.monotonic() > page.deadline:
                    raise TooMany("读取超时")
                if not hidden and depth <= MAX_DEPTH:
                    if name == _TEXT:
                        _text(el, outer, out, page.max_chars)
                    elif name == _PATH:
                        _path(el, outer, page.height, out)
                    elif name == _IMAGE:
                        _image(el, outer, out)
                    elif level < MAX_COMPOSITE and el.get("ResourceID") in page.units:
                        got = placed(el, outer)
                        if got is not None:
                            _walk(page.units[el.get("ResourceID")], got[1], page, level + 1)
            if hidden and depth < hidden:
                hidden = 0
            if name in _OBJECTS or name == _BLOCK:
                drop(el)
    except etree.XMLSyntaxError as exc:
        raise xml_error(exc) from None


def drop(el: Any) -> None:
    """Free an element read in a stream (``iterparse``): its content and the siblings read before it."""
    el.clear()
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def xml_error(exc: Exception) -> InputError:
    """One sentence for an XML part lxml refuses."""
    msg = str(exc).lower()
    if "entity" in msg or "amplification" in msg:
        return InputError("OFD 文件中的 XML 含有异常的实体定义（可能是恶意构造的文件），已拒绝读取")
    if "depth" in msg or "huge" in msg:
        return InputError("OFD 文件中的 XML 嵌套过深或文字节点过大（可能是恶意构造的文件），已拒绝读取")
    line = getattr(exc, "lineno", None)
    where = f"（第{line}行附近）" if line else ""
    return InputError(f"OFD 文件中的 XML 已损坏{where}，无法读取；请重新获取原文件，或在数科、福昕等 OFD 阅读器中另存为 PDF 后再检查")
