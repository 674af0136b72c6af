"""Pictures in a Word 97–2003 (.doc) document, for the .doc reader: how big each one is.

A statistics table pasted as a picture is a paragraph that holds nothing but the picture.  The Word reader keeps such a
paragraph as an ``image`` block when the picture is at least 80 pixels each way (a table, not an icon): the report
layer then says the table is a picture (DL002) instead of missing (DL105).  In a .doc, a picture is a character:

* ``\\x01``, an inline picture: its character properties point (``sprmCPicLocation``) at a ``PICF`` in the Data stream,
  whose ``dxaGoal``/``dyaGoal`` (twips) scaled by ``mx``/``my`` (per thousand) are its size on the page;
* ``\\x08``, a floating shape: ``PlcfSpaMom`` (FIB ``fcPlcSpaMom``) gives, by the character's position, its ``FSPA``
  rectangle (twips).

Every offset is checked against its stream; the shapes read are bounded.
"""

from __future__ import annotations

import struct

MIN_TWIPS = 1200  # 80 pixels at 96 dpi (1 pixel = 15 twips), each way
MAX_SHAPES = 100_000


def inline_size(data: bytes, at: int) -> tuple[int, int] | None:
    """The size (twips) of the inline picture whose ``PICF`` is at ``at`` in the Data stream, or None."""
    if at < 0 or at + 36 > len(data):
        return None
    dxa, dya, mx, my = struct.unpack_from("<hhHH", data, at + 28)
    return dxa * (mx or 1000) // 1000, dya * (my or 1000) // 1000


def floating_sizes(table: bytes, fc: int, lcb: int) -> dict[int, tuple[int, int]]:
    """The size (twips) of each floating shape of the main text, by the position (cp) of its anchor character."""
    if lcb < 4 or fc + lcb > len(table) or (lcb - 4) % 30:
        return {}
    n = min((lcb - 4) // 30, MAX_SHAPES)
    cps = struct.unpack_from(f"<{n}i", table, fc)
    out: dict[int, tuple[int, int]] = {}
    first = fc + 4 * ((lcb - 4) // 30 + 1)
    for k in range(n):
        left, top, right, bottom = struct.unpack_from("<4i", table, first + 26 * k + 4)
        out[cps[k]] = (right - left, bottom - top)
    return out


def is_big(size: tuple[int, int] | None) -> bool:
    return size is not None and size[0] >= MIN_TWIPS and size[1] >= MIN_TWIPS
