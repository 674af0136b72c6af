"""Text written top to bottom in a PDF (a vertical CID font: ``/Identity-V``, what Word writes for a table cell's text
turned upright), boxed as pdfminer boxes it, for the PDFium path of the reader (:mod:`.pdf_pdfium`).

pdfminer (``PDFCIDFont``, ``LTChar``) gives a vertical font's character a box one em wide, centred on the pen position,
from ``1000 - vy`` thousandths of an em above it down by the glyph's advance (``/DW2`` ``[vy w1]``, ``[880 -1000]`` by
default, unless ``/W2`` gives the glyph its own).  PDFium gives the advance (a negative width) and each character's
origin, ``vy`` below the pen position and half the glyph's ``/W`` width to the left; its text object's position is the
pen position of the object's first character.
"""

from __future__ import annotations

from typing import Any

ORIGIN_TOLERANCE = 0.01  # points between PDFium's origin of a vertical character and the one pdfminer's box implies


def font_specs(resources: Any) -> list[dict]:
    """The font dictionaries of a page's resources as pdfminer resolves them (those that are dictionaries)."""
    from pdfminer.pdftypes import resolve1

    res = resolve1(resources)
    fonts = resolve1(res.get("Font")) if isinstance(res, dict) else None
    if not isinstance(fonts, dict):
        return []
    return [spec for spec in map(resolve1, fonts.values()) if isinstance(spec, dict)]


def vertical_fonts(resources: Any) -> dict[str, float | None]:
    """The page's fonts written top to bottom, by ``/BaseFont``: for a composite font of the ``/Identity-V`` encoding
    whose descendant gives no ``/W2``, the vertical origin of its glyphs (``/DW2``'s first number, 880 by default: per
    1,000 units of the font size, below the top of the glyph's box); None for a name another vertical font shares with
    other metrics, or that gives its own (pdfplumber reads such a font's page)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral, literal_name

    out: dict[str, float | None] = {}
    for spec in font_specs(resources):
        if "BaseFont" not in spec:
            continue
        enc = resolve1(spec.get("Encoding"))
        if isinstance(enc, PSLiteral):
            if not literal_name(enc).endswith("-V"):
                continue  # written left to right
            identity = literal_name(enc) == "Identity-V"
        elif hasattr(enc, "get_data"):
            identity = False  # an embedded CMap, which may write either way: its name is marked as not known
        else:
            continue
        name = literal_name(resolve1(spec["BaseFont"]))
        kids = resolve1(spec.get("DescendantFonts"))
        sub = resolve1(kids[0]) if isinstance(kids, list) and kids else None
        vy: float | None = None
        if identity and isinstance(sub, dict) and "W2" not in sub:
            dw2 = resolve1(sub.get("DW2", [880, -1000]))
            got = [resolve1(v) for v in dw2] if isinstance(dw2, list) else []
            if len(got) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in got) \
                    and got[1] < 0:
                vy = float(got[0])
        out[name] = vy if out.get(name, vy) == vy else None
    return out


def vertical_box(vy: float | None, em: float, advance: float, e: float, f: float, ox: float,
                 oy: float) -> tuple[float, float] | None:
    """The left edge and top (upward page coordinates) of a vertical font's character boxed as pdfminer boxes it
    (``LTChar``: one em wide (``em``: the font size, scaled), centred on its pen position ``e, f``, its top ``1000 - vy``
    thousandths of an em above it; ``advance``: its downward advance, scaled), when it is the first of its text object
    (the object's position, ``e, f``, is then its pen position: PDFium's origin ``ox, oy`` is ``vy`` below it and half an
    em to the left, as the check here requires); None otherwise (the page is pdfplumber's)."""
    if vy is None or advance >= 0:
        return None
    x0 = e - 0.5 * em
    if abs(ox - x0) > ORIGIN_TOLERANCE or abs(oy - (f - vy * 0.001 * em)) > ORIGIN_TOLERANCE:
        return None
    return x0, f + (1000 - vy) * 0.001 * em

