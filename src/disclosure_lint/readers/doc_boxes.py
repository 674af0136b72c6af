"""Text boxes in a Word 97–2003 (.doc) document, for the .doc reader: which floating shape holds which text.

A text box's paragraphs are not in the main text: they are a story of their own after it (``ccpTxbx`` characters after
the main text, the footnotes, headers, comments and endnotes).  ``PlcftxbxTxt`` (FIB ``fcPlcftxbxTxt``) cuts that
story into the boxes' texts, each with the id (``lid``) of the shape that shows it; ``PlcfSpaMom`` gives each floating
shape's id (``spid``) by the position (cp) of its anchor character (``\\x08``) in the main text.  The Word reader reads a
text box's paragraphs after the paragraph that anchors it ("第12段处文本框第1段"); the .doc reader does the same, and a
text box is not a picture (:mod:`.doc_pictures`).

Every offset is checked against its stream; the boxes and shapes read are bounded.
"""

from __future__ import annotations

import struct

MAX_SHAPES = 100_000
FTXBXS = 22  # bytes of a text box's record: iNextReuse, cReusable, fReusable, reserved, lid, txidUndo
FSPA = 26


def box_ranges(table: bytes, fc: int, lcb: int, story: int) -> dict[int, tuple[int, int]]:
    """``lid → (start, end)``: where each text box's text is in the text box story (cp from its start, at most
    ``story``, its length).  Reusable (deleted) boxes and empty ranges are left out."""
    if lcb < 4 + 4 + FTXBXS or fc + lcb > len(table) or (lcb - 4) % (4 + FTXBXS):
        return {}
    n = (lcb - 4) // (4 + FTXBXS)
    if n > MAX_SHAPES:
        return {}
    cps = struct.unpack_from(f"<{n + 1}i", table, fc)
    first = fc + 4 * (n + 1)
    out: dict[int, tuple[int, int]] = {}
    for k in range(n):
        _reuse, _count, reusable, _r, lid, _undo = struct.unpack_from("<iiHiii", table, first + FTXBXS * k)
        start, end = max(cps[k], 0), min(cps[k + 1], story)
        if not reusable and start < end and lid not in out:
            out[lid] = (start, end)
    return out


def shape_ids(table: bytes, fc: int, lcb: int) -> dict[int, int]:
    """The id (``spid``) of each floating shape of the main text, by the position (cp) of its anchor character."""
    if lcb < 4 or fc + lcb > len(table) or (lcb - 4) % (4 + FSPA):
        return {}
    n = min((lcb - 4) // (4 + FSPA), MAX_SHAPES)
    cps = struct.unpack_from(f"<{n}i", table, fc)
    first = fc + 4 * ((lcb - 4) // (4 + FSPA) + 1)
    return {cps[k]: struct.unpack_from("<i", table, first + FSPA * k)[0] for k in range(n)}
