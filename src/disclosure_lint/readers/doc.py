"""Legacy Word (.doc: Word 97–2003's binary format) reader; WPS 文字 files saved in that format too.

Many portals still publish a report as a ``.doc`` attachment.  The file is an OLE2 compound file
(opened by ``olefile``); the text and its structure are read from the ``WordDocument`` and table
streams as [MS-DOC] lays them out — no library reads a ``.doc``'s tables, so this module does,
for the parts a report uses:

* **Text**: the piece table (``Clx``) maps the main document's characters to the bytes that hold them (UTF-16, or
  one byte a character in Windows-1252 for "compressed" pieces). Headers, footers, footnotes and comments (other
  "stories" after the main text) are not read, as the Word reader does not read them; a text box's paragraphs
  (:mod:`.doc_boxes`) follow the paragraph that anchors it, "第12段处文本框第1段", as in the Word reader (its tables are
  tables of the report), and a text box is not a picture. Fields keep their displayed result, not their code
  (``\\x13`` code ``\\x14`` result ``\\x15``); a manual line break (``\\x0b``) is a line break; object anchors,
  footnote marks and other control characters are dropped, and so are a symbol font's characters (private-use codes)
  but for the check boxes (□ ☑ ☒ √), as in the Word reader.
* **Tracked changes and hidden text**: character properties (``PlcBteChpx``) mark deleted
  (``sprmCFRMarkDel``) and hidden (``sprmCFVanish``) runs; they are left out, as the Word reader
  shows the accepted text.
* **Tables**: paragraph properties (``PlcBtePapx``) say which paragraphs are in a table
  (``sprmPFInTable``), which mark ends a row (``sprmPFTtp``) and how deep a table is nested
  (``sprmPItap``).  A cell ends at its cell mark (``\\x07``); its paragraphs are joined by line
  breaks.  The row-end mark's ``sprmTDefTable`` gives the cells' edges (``rgdxaCenter``) and merges:
  the table's grid is the union of its rows' edges, a cell spanning several grid columns repeats its
  text in each (as the Word reader expands ``gridSpan``), a vertically merged cell (``vertMerge``,
  also ``sprmTVertMerge``) repeats the first cell's text, the legacy horizontal merge likewise.
  A nested table's rows are tab-separated lines of its cell.  A layout *frame* (:mod:`.doc_tables`, as the Word
  reader's: a report pasted into a one-cell table, a portal page's one-column frame, a section title in a banner box)
  is not a table: its paragraphs and tables are read as the body's (``Document.meta["layout_tables"]`` counts them).
* **Pictures**: a paragraph that is only a picture at least 80 pixels each way (:mod:`.doc_pictures`: an inline
  picture's ``PICF``, a floating shape's ``FSPA``) is an ``image`` block "第12段后的图片", as in the Word reader.
* **Automatic numbering** (``sprmPIlfo``, the paragraph's or its style's) is drawn as Word draws it
  (:mod:`.doc_lists`): a title Word numbers "一、" reads "一、总体情况", as printed; a numbered paragraph in a
  table cell is counted, not drawn (``Document.meta["auto_numbered"]`` counts them all).

**Headings**: a paragraph with an outline level of its own, or in a heading style (:mod:`.doc_lists` reads the style
sheet: "heading 1"…"标题 9", "Title", a style's outline level, through its base styles), is a ``heading`` block of that
level, as in the Word reader.

**Positions** are as in the Word reader: "第12段" (paragraphs with text, counted from 1), "表2",
"表2第3行第4列"; ``has_lines`` is ``False``.

**Hostile input** (the container and the header: :mod:`.doc_file`): every offset and length read from the file is
checked against its stream before use; the numbers of pieces, property pages and cells are bounded (``limits``), as is
the time;
anything malformed is one :class:`InputError` (a file that is an OLE2 file but not a Word document
is :class:`UnsupportedType`, as an ``.xls`` is).
"""

from __future__ import annotations

import struct
import time
from bisect import bisect_right
from collections.abc import Iterator

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document, ReaderNotice
from .doc_boxes import box_ranges, shape_ids
from .doc_build import Builder
from .doc_file import DAMAGED, damaged, fib, streams, u16, u32
from .doc_lists import Lists
from .doc_pictures import floating_sizes, inline_size, is_big
from .doc_text import MARKS, field_codes, inside, kept, merged

PAGE = 512  # a formatted disk page (FKP)
MAX_PIECES = 200_000
MAX_PAGES = 20_000  # FKP pages read (paragraph and character properties each; a 300-page report has a few thousand)
MAX_NESTING = 64

# sprms (single property modifiers) read
P_IN_TABLE, P_TTP, P_ITAP, P_DTAP = 0x2416, 0x2417, 0x6649, 0x664A
P_INNER_CELL, P_INNER_TTP, P_HUGE, P_ILFO, P_ILVL, P_OUTLINE = 0x244B, 0x244C, 0x6646, 0x460B, 0x260A, 0x2640
T_DEF_TABLE, T_VERT_MERGE, T_HEADER = 0xD608, 0xD62B, 0x3404
C_DELETED, C_HIDDEN, C_PICTURE, C_DATA = 0x0800, 0x083C, 0x6A03, 0x0806
_ON = (1, 0x81)  # a toggle operand: on, or the opposite of the style's (whose default is off)



# -- properties ---------------------------------------------------------------------------------

def sprms(buf: bytes, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """``(sprm, operand start, operand end)`` of each property modifier in ``buf[start:end]``; stops at one whose
    operand would run past ``end``.  A variable operand's length byte (two bytes for ``sprmTDefTable``) is not
    part of the operand given."""
    i = start
    while i + 2 <= end:
        sprm = buf[i] | buf[i + 1] << 8
        i += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == T_DEF_TABLE or sprm == 0xD606:  # (sprmTDefTable10 too) a two-byte length, counting itself - 1
                if i + 2 > end:
                    return
                size = u16(buf, i) - 1
                i += 2
            else:
                if i >= end:
                    return
                size = buf[i]
                i += 1
                if sprm == 0xC615 and size == 255:  # sprmPChgTabs' long form: not needed, and not simply sized
                    return
        else:
            size = (1, 1, 2, 4, 2, 2, 0, 3)[spra]
        if size < 0 or i + size > end:
            return
        yield sprm, i, i + size
        i += size


class _Para:
    """What a paragraph's properties say that the reader uses."""

    __slots__ = ("edges", "header", "ilfo", "ilvl", "in_table", "inner_cell", "inner_ttp", "istd", "itap", "merges",
                 "outline", "ttp")

    def __init__(self) -> None:
        self.in_table = self.ttp = self.inner_cell = self.inner_ttp = self.header = False
        self.itap = 0
        self.ilfo: int | None = None  # the list instance Word numbers the paragraph in (from 1; 0: none)
        self.ilvl: int | None = None
        self.istd: int | None = None  # the paragraph style
        self.outline: int | None = None
        self.edges: tuple[int, ...] = ()
        self.merges: dict[int, tuple[int, int]] = {}  # cell → (horizontal, vertical) merge flags

    def depth(self) -> int:
        return max(self.itap, 1) if self.in_table else 0


_PLAIN = _Para()


def _para_props(buf: bytes, start: int, end: int, data: bytes, depth: int = 0) -> _Para:
    p = _Para()
    for sprm, a, b in sprms(buf, start, end):
        if sprm == P_IN_TABLE:
            p.in_table = buf[a] != 0
        elif sprm == P_TTP:
            p.ttp = buf[a] != 0
        elif sprm == P_ITAP and b - a == 4:
            p.itap = min(u32(buf, a), MAX_NESTING)
        elif sprm == P_DTAP and b - a == 4:
            p.itap = max(0, min(p.itap + int.from_bytes(buf[a:b], "little", signed=True), MAX_NESTING))
        elif sprm == P_INNER_CELL:
            p.inner_cell = buf[a] != 0
        elif sprm == P_INNER_TTP:
            p.inner_ttp = buf[a] != 0
        elif sprm == P_ILFO and b - a == 2:
            p.ilfo = u16(buf, a)
        elif sprm == P_ILVL:
            p.ilvl = buf[a]
        elif sprm == P_OUTLINE:
            p.outline = buf[a] if buf[a] < 9 else None
        elif sprm == T_DEF_TABLE:
            _def_table(buf, a, b, p)
        elif sprm == T_HEADER:
            p.header = buf[a] != 0
        elif sprm == T_VERT_MERGE and b - a >= 2:
            h, _v = p.merges.get(buf[a], (0, 0))
            p.merges[buf[a]] = (h, buf[a + 1])
        elif sprm == P_HUGE and b - a == 4 and depth == 0:  # the properties are in the Data stream
            off = u32(buf, a)
            n = u16(data, off) if off + 2 <= len(data) else 0
            if n and off + 2 + n <= len(data):
                huge = _para_props(data, off + 2, off + 2 + n, data, 1)
                huge.in_table = huge.in_table or p.in_table
                huge.ttp = huge.ttp or p.ttp
                huge.itap = huge.itap or p.itap
                p = huge
    return p


def _def_table(buf: bytes, a: int, b: int, p: _Para) -> None:
    """``sprmTDefTable``: the cells' edges (``rgdxaCenter``, twips) and their ``TC80`` merge flags."""
    if a >= b:
        return
    n = buf[a]
    edges_end = a + 1 + 2 * (n + 1)
    if n == 0 or edges_end > b:
        return
    p.edges = struct.unpack_from(f"<{n + 1}h", buf, a + 1)
    for k in range(n):
        at = edges_end + 20 * k
        if at + 2 > b:
            break
        flags = u16(buf, at)
        h, v = flags & 3, flags >> 5 & 3
        if h or v:
            p.merges[k] = (h, v)


class _Runs:
    """Property runs of a stream: ``(start fc, end fc) → value``, looked up by a character's fc."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.values: list = []

    def add(self, start: int, end: int, value) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.values.append(value)

    def sort(self) -> None:
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[i] for i in order]
        self.ends = [self.ends[i] for i in order]
        self.values = [self.values[i] for i in order]

    def where(self, keep) -> _Runs:
        """The runs whose value ``keep`` accepts."""
        out = _Runs()
        for s, e, v in zip(self.starts, self.ends, self.values, strict=True):
            if keep(v):
                out.add(s, e, v)
        return out

    def at(self, fc: int, default):
        k = bisect_right(self.starts, fc) - 1
        if k >= 0 and fc < self.ends[k]:
            return self.values[k]
        return default


def _plc_pages(table: bytes, fc: int, lcb: int) -> list[int]:
    """The FKP page numbers of a ``PlcBtePapx``/``PlcBteChpx``."""
    if lcb < 12 or fc + lcb > len(table) or (lcb - 4) % 8:
        return []
    n = (lcb - 4) // 8
    first = fc + 4 * (n + 1)
    return [u32(table, first + 4 * k) & 0x3FFFFF for k in range(min(n, MAX_PAGES))]


def _fkp_runs(word: bytes, pages: list[int], paragraph: bool, data: bytes, deadline: float) -> _Runs:
    runs = _Runs()
    seen: set[int] = set()
    for pn in pages:
        if pn in seen:
            continue
        seen.add(pn)
        if time.monotonic() > deadline:
            raise InputError(f"{DAMAGED[:-4]}读取超时（属性页过多），已停止")
        page = word[pn * PAGE:(pn + 1) * PAGE]
        if len(page) != PAGE:
            continue
        crun = page[PAGE - 1]
        entry = 13 if paragraph else 1
        if crun == 0 or 4 * (crun + 1) + entry * crun > PAGE - 1:
            continue
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        made: dict[int, object] = {}  # runs of one page sharing their properties share one value
        for i in range(crun):
            off = 2 * page[4 * (crun + 1) + entry * i]
            if off not in made:
                made[off] = _fkp_entry(page, off, paragraph, data) if off else None
            value = made[off]
            if value is not None and fcs[i] < fcs[i + 1]:
                runs.add(fcs[i], fcs[i + 1], value)
    runs.sort()
    return runs


def _fkp_entry(page: bytes, off: int, paragraph: bool, data: bytes):
    if off >= PAGE - 1:
        return None
    if not paragraph:  # a Chpx: cb, then its sprms; only runs deleted or hidden, or a picture's, are kept
        end = min(off + 1 + page[off], PAGE - 1)
        dropped, picture, other_data = False, None, False
        for sprm, a, b in sprms(page, off + 1, end):
            if sprm in (C_DELETED, C_HIDDEN) and page[a] in _ON:
                dropped = True
            elif sprm == C_PICTURE and b - a == 4:
                picture = u32(page, a)
            elif sprm == C_DATA and page[a] in _ON:  # (the location is a form field's data, not a picture's)
                other_data = True
        if other_data:
            picture = None
        return (dropped, picture) if dropped or picture is not None else None
    cb = page[off]
    if cb:
        start, size = off + 1, 2 * cb - 1
    else:
        start, size = off + 2, 2 * page[off + 1] if off + 1 < PAGE else 0
    end = min(start + size, PAGE - 1)
    if end < start + 2:
        return _PLAIN
    p = _para_props(page, start + 2, end, data)  # (after the style's istd)
    p.istd = u16(page, start)
    return p


# -- text ---------------------------------------------------------------------------------------

class _Text:
    """The main document's characters, with the fc of each character for property lookups."""

    def __init__(self, word: bytes, table: bytes, fc_clx: int, lcb_clx: int, ccp: int):
        if fc_clx + lcb_clx > len(table) or lcb_clx < 5:
            raise damaged("找不到正文的位置表")
        i, end = fc_clx, fc_clx + lcb_clx
        plc = b""
        while i < end:
            if table[i] == 1:  # a Prc (properties of a fast save): skipped
                i += 3 + u16(table, i + 1)
            elif table[i] == 2:
                n = u32(table, i + 1)
                plc = table[i + 5:i + 5 + n]
                break
            else:
                raise damaged("正文位置表无法识别")
        n = (len(plc) - 4) // 12
        if n < 1 or n > MAX_PIECES or len(plc) != 4 + 12 * n:
            raise damaged("正文位置表无法识别")
        cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
        self.pieces: list[tuple[int, int, int, bool]] = []  # (cp start, cp end, fc start, compressed)
        parts: list[str] = []
        last = 0
        for k in range(n):  # (pieces out of order or overlapping are taken from where the last one ended)
            cp0, cp1 = max(cps[k], last), min(cps[k + 1], ccp)
            if cp1 <= cp0:
                continue
            raw = u32(plc, 4 * (n + 1) + 8 * k + 2)
            compressed = bool(raw & 0x40000000)
            fc = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
            size = (cp1 - cp0) * (1 if compressed else 2)
            chunk = word[fc:fc + size]
            if len(chunk) != size:
                raise damaged("正文超出了文件的范围")
            # (a gap between pieces would shift every later character: the pieces are taken as written)
            parts.append(chunk.decode("cp1252", "replace") if compressed else chunk.decode("utf-16-le", "replace"))
            self.pieces.append((cp0, cp1, fc, compressed))
            last = cp1
        self.text = "".join(parts)
        self.starts = [p[0] for p in self.pieces]
        # the pieces as written may start after cp 0 or leave gaps: position in self.text of each piece's start
        self.offsets: list[int] = []
        at = 0
        for cp0, cp1, _fc, _c in self.pieces:
            self.offsets.append(at)
            at += cp1 - cp0

    def pos_of(self, cp: int) -> int:
        """Where in :attr:`text` the character at ``cp`` is (the end of the piece that holds it, past its end)."""
        k = bisect_right(self.starts, cp) - 1
        return 0 if k < 0 else self.offsets[k] + min(cp, self.pieces[k][1]) - self.pieces[k][0]

    def cp(self, pos: int) -> int:
        """The character position (cp) of character ``pos`` of :attr:`text`."""
        k = bisect_right(self.offsets, pos) - 1
        return self.pieces[k][0] + pos - self.offsets[k]

    def fc(self, pos: int) -> int:
        """The fc (byte offset in WordDocument) of character ``pos`` of :attr:`text`."""
        k = bisect_right(self.offsets, pos) - 1
        _cp0, _cp1, fc, compressed = self.pieces[k]
        return fc + (pos - self.offsets[k]) * (1 if compressed else 2)

    def dropped(self, runs: _Runs, deadline: float) -> list[tuple[int, int]]:
        """Spans ``(start, end)`` of :attr:`text` in deleted or hidden runs."""
        out: list[tuple[int, int]] = []
        if not runs.starts:
            return out
        for (cp0, cp1, fc, compressed), at in zip(self.pieces, self.offsets, strict=True):
            if time.monotonic() > deadline:
                raise InputError(f"{DAMAGED[:-4]}读取超时（修订标记过多），已停止")
            width = 1 if compressed else 2
            fc_end = fc + (cp1 - cp0) * width
            k = max(bisect_right(runs.starts, fc) - 1, 0)
            while k < len(runs.starts) and runs.starts[k] < fc_end:
                lo, hi = max(runs.starts[k], fc), min(runs.ends[k], fc_end)
                if lo < hi:
                    out.append((at + (lo - fc + width - 1) // width, at + (hi - fc + width - 1) // width))
                k += 1
        return out


# -- fields, deleted text, paragraphs ---------------------------------------------------------------

# control characters: \x0b a line break, others dropped (object anchors, footnote marks, leftover field marks)
_CLEAN = dict.fromkeys(range(32)) | {0x09: "\t", 0x0B: "\n", 0x1E: "-", 0x1F: None}
# a symbol font's character (Wingdings' F0FE) is a private-use code: dropped, but for the check boxes, as the Word reader
_CLEAN |= dict.fromkeys(range(0xF020, 0xF100)) | {0xF0A8: "□", 0xF06F: "□", 0xF0FE: "☑", 0xF0FD: "☒", 0xF0FC: "√"}


def _paragraphs(tx: _Text | _Slice, papx: _Runs, drop: list[tuple[int, int]], deadline: float
                ) -> Iterator[tuple[str, str, _Para, list[int]]]:
    """``(text, mark, properties, pictures)`` of each paragraph of the main text, in order (pictures: where in
    :attr:`_Text.text` its picture and shape anchors are).  ``drop``: the spans left out (sorted, not overlapping),
    cut out of each paragraph's slice of the text (no copy of the whole text); a paragraph mark in one joins its
    paragraph to the next, a cell's or row's end stays (the table's shape is not a revision)."""
    text = tx.text
    start = 0
    d = 0  # the first span of ``drop`` that ends after ``start``
    for k, m in enumerate(MARKS.finditer(text)):
        i = m.start()
        while d < len(drop) and drop[d][1] <= start:
            d += 1
        if k % 64 == 0 and time.monotonic() > deadline:
            return
        if drop and text[i] != "\x07" and inside(drop, d, i):
            continue
        raw = kept(text, start, i, drop, d) if d < len(drop) and drop[d][0] < i else text[start:i]
        pictures = [j for j in range(start, i) if text[j] in "\x01\x08"] if "\x01" in raw or "\x08" in raw else []
        start = i + 1
        yield raw.translate(_CLEAN), text[i], papx.at(tx.fc(i), _PLAIN), pictures


# -- the file ------------------------------------------------------------------------------------

class _Slice:
    """A stretch of the text of all stories (a text box's), read by :func:`_paragraphs` as the main text is."""

    def __init__(self, tx: _Text, a: int, b: int):
        self.text, self.tx, self.a = tx.text[a:b], tx, a

    def fc(self, pos: int) -> int:
        return self.tx.fc(self.a + pos)


def _boxes(word: bytes, table: bytes, pairs: dict[int, tuple[int, int]], story: tuple[int, int], papx: _Runs,
           chpx: _Runs, deadline: float) -> dict[int, list[tuple[str, str, _Para, list[int]]]]:
    """The paragraphs of each text box, by its shape's id (:mod:`.doc_boxes`), as :func:`_paragraphs` gives the main
    text's (with their tables; deleted and hidden text and field codes left out).  A text box story that cannot be
    read is left out, not the document."""
    ranges = box_ranges(table, *pairs[56], story[1])
    if not ranges:
        return {}
    try:
        full = _Text(word, table, *pairs[33], min(story[0] + story[1], len(word)))
    except InputError:
        return {}
    deleted = full.dropped(chpx.where(lambda v: v[0]), deadline)
    out: dict[int, list] = {}
    for lid, (x, y) in ranges.items():
        a, b = full.pos_of(story[0] + x), full.pos_of(story[0] + y)
        box = _Slice(full, a, b)
        drop = merged([(max(s - a, 0), min(e, b) - a) for s, e in deleted if e > a and s < b] + field_codes(box.text))
        out[lid] = [(raw, mark, p, []) for raw, mark, p, _pictures in _paragraphs(box, papx, drop, deadline)]
    return out


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    deadline = time.monotonic() + limits.max_read_seconds
    word, table, extra = streams(data)
    ccp, pairs, story = fib(word)
    tx = _Text(word, table, *pairs[33], min(ccp, len(word)))
    papx = _fkp_runs(word, _plc_pages(table, *pairs[13]), True, extra, deadline)
    chpx = _fkp_runs(word, _plc_pages(table, *pairs[12]), False, extra, deadline)
    deleted = tx.dropped(chpx.where(lambda v: v[0]), deadline)
    shapes = floating_sizes(table, *pairs[40])
    ids = shape_ids(table, *pairs[40])
    boxes = _boxes(word, table, pairs, story, papx, chpx, deadline) if ids else {}

    def is_picture(pos: int) -> bool:
        if tx.text[pos] == "\x08":
            return ids.get(tx.cp(pos)) not in boxes and is_big(shapes.get(tx.cp(pos)))
        run = chpx.at(tx.fc(pos), None)
        return run is not None and run[1] is not None and is_big(inline_size(extra, run[1]))

    drop = merged(deleted + field_codes(tx.text))
    lists = Lists(table, pairs[73], pairs[74], sprms)
    lists.read_styles(table, *pairs[1], sprms)
    b = Builder(limits, lists, _PLAIN, is_picture, deadline)
    b.boxes = lambda pos: boxes.pop(ids.get(tx.cp(pos), -1), []) if tx.text[pos] == "\x08" else []  # (each box once)
    for raw, mark, p, pictures in _paragraphs(tx, papx, drop, deadline):
        b.paragraph(raw, mark, p, pictures)
        if b.cut:
            break
    else:
        if time.monotonic() > deadline:
            b.cut = f"读取时间超过 {limits.max_read_seconds:g} 秒的上限（limits.max_read_seconds），第{b.n_paras + 1}段起未读取"
    b.flush()
    if all(blk.kind == "image" for blk in b.blocks):
        raise InputError("Word 文档中没有可读取的文字（可能只有图片，例如扫描件），无法检查")
    meta = {"paragraphs": b.n_paras, "tables": b.n_tables, "auto_numbered": b.auto_numbered,
            "deleted_runs": len(deleted), "layout_tables": b.frames, "text_boxes": b.n_boxes}
    notices = (ReaderNotice("read-limit", format="Word 文档", detail=b.cut),) if b.cut else ()
    return Document(path=path, format="doc", encoding=None, text="", blocks=tuple(b.blocks),
                    has_lines=False, notices=notices, meta=meta)
