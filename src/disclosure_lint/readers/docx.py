"""Word (.docx) reader.

The body is read in document order — paragraphs interleaved with tables — straight from the
WordprocessingML of the main document part (python-docx opens the package and parses the XML;
its ``paragraph.text`` is not used because it drops runs inside ``w:ins``).

**Text: the accepted view of tracked changes.**  What a reader sees once every revision is
accepted: runs inside ``w:ins`` and ``w:moveTo`` count, runs inside ``w:del`` and ``w:moveFrom``
(and their ``w:delText``) do not; a paragraph whose paragraph mark was deleted joins the next
paragraph; deleted table rows are dropped.  Field codes (``w:instrText`` and anything between a
field's *begin* and *separate*) are not text; a field's displayed result is.  Hidden text
(``w:vanish``) is left out because it is not printed or shown.  ``w:tab``/``w:ptab`` give a tab,
``w:br``/``w:cr`` a line break, ``w:noBreakHyphen`` "-", ``w:sym`` its character when it is a
Unicode character (symbol-font private-use codes are dropped, apart from the common check boxes).
Runs are joined without spaces (Word and WPS split words into several runs at will).

**Blocks.**  One block per non-empty body paragraph (``kind="heading"`` with ``level`` when the
paragraph style is a heading — 标题 1/Heading 1…, Title/标题 — or has an outline level; else
``"paragraph"``), one ``"table"`` block per body table.  Paragraphs in text boxes follow the
paragraph that anchors them.  Section titles in these reports are usually plain numbered
paragraphs; the report layer recognises them from their text.  Automatic list numbering
(``w:numPr``, the paragraph's or its style's) is drawn as Word draws it (:mod:`.docx_numbering`): a body
paragraph numbered "一、" by Word reads "一、总体情况", as printed; a number it cannot draw exactly (a bullet, an
unknown format) is left out; a numbered paragraph in a table cell is counted, not drawn.  Headers, footers,
footnotes and comments are not read.

**Tables.**  Merged cells are expanded into the grid: a cell spanning ``gridSpan`` columns repeats
its text in each, a vertical merge (``vMerge`` restart … continue) repeats the first cell's text
in every row it covers (the text Word keeps in a continuation cell is ignored, as Word does; a continuation
cell under a cell of other columns — a header row pasted above the first row of a split table — is a cell of its
own, as Word draws it), the
legacy ``hMerge`` likewise, ``gridBefore`` leaves empty positions.  The paragraphs of a cell are
joined with line breaks (the extractor ignores them: 商业/企业 on two lines still reads 商业企业), a
table nested in a cell adds its rows as tab-separated lines; rows marked as repeated header rows
(``tblHeader``) are header rows; tables with no text at all (layout tables) are skipped.  A layout
*frame* (:func:`frame_cells`) — a table in which each row has one cell with text, in one column, the others blank
(a page laid out in columns with a blank margin), and that holds a table in a cell, or a single cell of two or more
paragraphs (a report pasted into a one-cell table, a portal page's one-column frame of title, date and text), or a
single one-paragraph cell of words (a section title in a shaded banner box) — is not a table: its cells'
paragraphs and tables are read as the body's, in order, and counted as body paragraphs and tables
(``Document.meta["layout_tables"]`` counts the frames).

**Positions.**  Word has no lines: ``Block.pointer`` is "第12段" (body paragraphs counted from 1
as a reader counts them: empty paragraphs, paragraphs in table cells and text boxes are skipped),
a text box's paragraphs "第12段处文本框第1段",
"表2" for the second table, ``Cell.pointer`` "表2第3行第4列" (grid row and column, from 1);
a paragraph that is nothing but a picture (at least 80 pixels each way: a table pasted as a picture) is an
``image`` block "第12段后的图片", not counted among the paragraphs;
``line``/``column`` stay ``None`` and ``Document.has_lines`` is ``False``.

``Document.meta`` counts what was read: ``paragraphs``, ``tables``, ``insertions`` and
``deletions`` (tracked changes accepted), ``auto_numbered`` (paragraphs whose number Word draws),
``text_boxes``, ``hidden_runs``, ``layout_tables``.  A document without any text (a scan pasted as pictures) is an
:class:`InputError`, like an empty text file.

**Hostile input.**  The zip's directory is checked before anything is decompressed (:mod:`.docx_package`) (total and
per-part size, the XML parts' total: ``limits.max_docx_xml_mb``, compression ratio, number of entries, encrypted
entries); python-docx's XML parser
does not resolve entities or load DTDs, so entity expansion cannot blow up; every failure
becomes one :class:`InputError` sentence saying what is wrong and how to fix it.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from .docx_numbering import Numbering, int_val, switched_on
from .docx_package import check_package, open_document
from .sniff import FIX_AS_DOCX
from .word_blocks import MAX_DEPTH, BlockBuilder, ReadBudget, cell_text, frame_column

# -- limits -------------------------------------------------------------------------------------

MAX_SPAN = 64  # a gridSpan larger than this is treated as corrupt and clamped
MAX_GRID_COLS = 256  # grid positions kept per table row
MAX_FIELD_NESTING = 64


# -- namespaces -----------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

P, TBL, TR, TC, R = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "r"
PPR, RPR, TRPR, TCPR = _W + "pPr", _W + "rPr", _W + "trPr", _W + "tcPr"
T, TAB, PTAB, BR, CR = _W + "t", _W + "tab", _W + "ptab", _W + "br", _W + "cr"
NBH, SYM, FLDCHAR, VANISH = _W + "noBreakHyphen", _W + "sym", _W + "fldChar", _W + "vanish"
INS, DEL, MOVE_TO, MOVE_FROM = _W + "ins", _W + "del", _W + "moveTo", _W + "moveFrom"
SDT, SDT_CONTENT, CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
TXBX = _W + "txbxContent"
ALT, CHOICE, FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
RUBY, RUBY_BASE = _W + "ruby", _W + "rubyBase"
VAL = _W + "val"

# containers inside a paragraph whose runs are part of the accepted text
_INLINE_CONTAINERS = frozenset({
    INS, MOVE_TO, _W + "hyperlink", _W + "smartTag", _W + "fldSimple", CUSTOM_XML, _W + "bdo",
    _W + "dir", SDT_CONTENT,
})
_MATH = frozenset({_M + "oMath", _M + "oMathPara"})
_BLOCK_CONTAINERS = frozenset({SDT_CONTENT, CUSTOM_XML})

# Wingdings check boxes, the only symbol-font characters that matter in these reports
_SYMBOLS = {"F0A8": "□", "F06F": "□", "F0FE": "☑", "F0FD": "☒", "F0FC": "√"}

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})
_STRIP = " \t\u3000\xa0"


# -- styles ---------------------------------------------------------------------------------------

def _style_levels(document) -> tuple[dict[str, int | None], str | None]:
    """styleId → heading level (from the style name or its outline level, inherited via basedOn)."""
    try:
        root = document.part.styles.element
    except Exception:  # noqa: BLE001 - a package without a styles part
        return {}, None
    own: dict[str, tuple[int | None, bool, str | None]] = {}  # id → (level, decided, basedOn)
    default = None
    for st in root.iterchildren(_W + "style"):
        if st.get(_W + "type") not in (None, "paragraph"):
            continue
        sid = st.get(_W + "styleId")
        if sid is None:
            continue
        if st.get(_W + "default") in ("1", "true", "on"):
            default = sid
        name_el = st.find(_W + "name")
        name = (name_el.get(VAL) or "").strip() if name_el is not None else ""
        level: int | None = None
        decided = False
        m = _HEADING_NAME.match(name)
        if m:
            level, decided = int(m.group(1)), True
        elif name.lower() in _TITLE_NAMES:
            level, decided = 1, True
        else:
            ol = st.find(f"{PPR}/{_W}outlineLvl")
            if ol is not None:
                level, decided = _outline(ol.get(VAL)), True
        based = st.find(_W + "basedOn")
        own[sid] = (level, decided, based.get(VAL) if based is not None else None)
    levels: dict[str, int | None] = {}
    for sid in own:
        cur: str | None = sid
        seen = 0
        level = None
        while cur in own and seen < 20:
            lv, decided, base = own[cur]
            if decided:
                level = lv
                break
            cur, seen = base, seen + 1
        levels[sid] = level
    return levels, default


def _outline(val: str | None) -> int | None:
    try:
        n = int(val or "")
    except ValueError:
        return None
    return n + 1 if 0 <= n <= 8 else None


# -- text extraction -------------------------------------------------------------------------------

def _choice(alt):
    """The branch of an mc:AlternateContent to read: its first Choice, else its Fallback."""
    ch = alt.find(CHOICE)
    return ch if ch is not None else alt.find(FALLBACK)


class _Extractor:
    def __init__(self, levels: dict[str, int | None], default_style: str | None, budget: ReadBudget | None = None,
                 numbering: Numbering | None = None):
        self.budget = budget or ReadBudget(DEFAULT_LIMITS)
        self.numbering = numbering
        self.levels = levels
        self.default_style = default_style
        self.fields: list[bool] = []  # open complex fields: True while in their instruction part
        self.in_instr = 0  # how many of them are in their instruction part
        self.stats = {"insertions": 0, "deletions": 0, "auto_numbered": 0, "text_boxes": 0, "hidden_runs": 0,
                      "layout_tables": 0}
        self.pictures = 0  # pictures (:func:`_is_picture`) in the paragraph read last

    # paragraphs
    def paragraph(self, p) -> tuple[str, list, bool]:
        """(text, text boxes found in it, paragraph mark deleted)."""
        parts: list[str] = []
        boxes: list = []
        self.pictures = 0
        self._inline(p, parts, boxes, 0)
        # a field instruction never runs on past its paragraph; a malformed one must not hide the rest
        if self.in_instr:
            self.fields = [False] * len(self.fields)
            self.in_instr = 0
        ppr = p.find(PPR)
        mark_deleted = False
        if ppr is not None:
            rpr = ppr.find(RPR)
            if rpr is not None and (rpr.find(DEL) is not None or rpr.find(MOVE_FROM) is not None):
                mark_deleted = True
        return "".join(parts), boxes, mark_deleted

    def _inline(self, el, parts: list[str], boxes: list, depth: int) -> None:
        for ch in el.iterchildren():
            tag = ch.tag
            if tag == R:
                self._run(ch, parts, boxes, depth)
            elif tag in _INLINE_CONTAINERS:
                if tag == INS:
                    self.stats["insertions"] += 1
                self._inline(ch, parts, boxes, depth)
            elif tag in (DEL, MOVE_FROM):
                self.stats["deletions"] += 1
            elif tag == SDT:
                content = ch.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, parts, boxes, depth)
            elif tag == ALT:
                branch = _choice(ch)
                if branch is not None:
                    self._inline(branch, parts, boxes, depth)
            elif tag in _MATH:
                parts.extend(t.text or "" for t in ch.iter(_M + "t"))
            elif tag == RUBY:
                base = ch.find(RUBY_BASE)
                if base is not None:
                    self._inline(base, parts, boxes, depth)

    def _run(self, r, parts: list[str], boxes: list, depth: int) -> None:
        rpr = r.find(RPR)
        if rpr is not None and switched_on(rpr.find(VANISH)):
            self.stats["hidden_runs"] += 1
            return
        for ch in r.iterchildren():
            tag = ch.tag
            if tag == T:
                if not self.in_instr:
                    parts.append(ch.text or "")
            elif tag == FLDCHAR:
                kind = ch.get(_W + "fldCharType")
                if kind == "begin":
                    if len(self.fields) < MAX_FIELD_NESTING:
                        self.fields.append(True)
                        self.in_instr += 1
                elif kind == "separate" and self.fields and self.fields[-1]:
                    self.fields[-1] = False
                    self.in_instr -= 1
                elif kind == "end" and self.fields:
                    if self.fields.pop():
                        self.in_instr -= 1
            elif self.in_instr:
                continue
            elif tag in (TAB, PTAB):
                parts.append("\t")
            elif tag in (BR, CR):
                parts.append("\n")
            elif tag == NBH:
                parts.append("-")
            elif tag == SYM:
                parts.append(symbol_char(ch.get(_W + "char") or ""))
            elif tag == ALT or tag == _W + "drawing" or tag == _W + "pict":
                if depth < MAX_DEPTH:
                    branch = _choice(ch) if tag == ALT else ch
                    if branch is not None:
                        _find_boxes(branch, boxes, 0)
                        self.pictures += _is_picture(branch)
                else:
                    self.budget.deep = True

    # containers (body, cell, text box): paragraphs and tables in order
    def item_label(self, item) -> str | None:
        """The number Word draws before a paragraph item of :meth:`items` (:class:`.word_blocks.BlockBuilder`)."""
        return self.number(item[3])

    def item_level(self, item) -> int | None:
        """The heading level of a paragraph item of :meth:`items`, None for a body paragraph."""
        return self.level(item[3])

    def items(self, container, depth: int):
        """Yield ("p", text, boxes, p, pictures) and ("tbl", tbl) in order, joining paragraphs whose mark was
        deleted."""
        pending: list[str] = []
        for kind, el in _children(container, 0):
            if kind == "tbl":
                if pending:
                    yield "p", "".join(pending), [], None, 0
                    pending = []
                yield "tbl", el
                continue
            text, boxes, mark_deleted = self.paragraph(el)
            if mark_deleted:
                pending.append(text)
                if boxes:
                    yield "p", "", boxes, None, 0
                continue
            if pending:
                text = "".join(pending) + text
                pending = []
            yield "p", text, boxes, el, self.pictures
        if pending:
            yield "p", "".join(pending), [], None, 0

    def level(self, p) -> int | None:
        if p is None:
            return None
        ppr = p.find(PPR)
        sid = self.default_style
        if ppr is not None:
            ol = ppr.find(_W + "outlineLvl")
            if ol is not None:
                return _outline(ol.get(VAL))
            ps = ppr.find(_W + "pStyle")
            if ps is not None:
                sid = ps.get(VAL)
        return self.levels.get(sid) if sid is not None else None

    def number(self, p) -> str | None:
        """The number Word draws before paragraph ``p`` (:mod:`.docx_numbering`), or None; counts ``p`` in its list."""
        label, numbered = self.numbering.label(p) if p is not None and self.numbering is not None else (None, False)
        self.stats["auto_numbered"] += numbered
        return label or None  # ("": a level that draws nothing, as LibreOffice's outline numbering "none")

    # tables
    def grid(self, tbl, depth: int, tno: int = 0) -> tuple[list[list[str]], list[bool]]:
        rows: list[list[str]] = []
        header: list[bool] = []
        spans: list[tuple[int, int]] = []  # the previous row's (first grid column, span) at each grid column
        for tr in _rows(tbl, 0):
            if not self.budget.take_cells(len(tr), f"表{tno}第{len(rows) + 1}行" if tno else "表格中"):
                break
            trpr = tr.find(TRPR)
            is_header = False
            before = 0
            if trpr is not None:
                if trpr.find(DEL) is not None:
                    self.stats["deletions"] += 1
                    continue
                is_header = switched_on(trpr.find(_W + "tblHeader"))
                before = min(max(int_val(trpr.find(_W + "gridBefore"), 0), 0), MAX_SPAN)
            above = rows[-1] if rows else []
            above_spans = spans
            spans = [(-1, 0)] * before
            cells: list[str] = [""] * before
            for tc in _cells(tr, 0):
                tcpr = tc.find(TCPR)
                span = 1
                vmerge = hmerge = None
                if tcpr is not None:
                    span = min(max(int_val(tcpr.find(_W + "gridSpan"), 1), 1), MAX_SPAN)
                    vm = tcpr.find(_W + "vMerge")
                    if vm is not None:
                        vmerge = vm.get(VAL) or "continue"
                    hm = tcpr.find(_W + "hMerge")
                    if hm is not None:
                        hmerge = hm.get(VAL) or "continue"
                col = len(cells)
                if vmerge == "continue" and col < len(above_spans) and above_spans[col] == (col, span):
                    text = above[col]  # the cell above covers the same columns: Word merges the two
                elif vmerge == "continue" and col >= len(above):
                    text = ""
                elif hmerge == "continue" and cells:
                    text = cells[-1]
                else:
                    text = self.cell_text(tc, depth)
                cells.extend([text] * span)
                spans.extend([(col, span)] * span)
                if len(cells) >= MAX_GRID_COLS:
                    del cells[MAX_GRID_COLS:]
                    break
            rows.append(cells)
            header.append(is_header)
        return rows, header

    def cell_text(self, tc, depth: int) -> str:
        def counted():
            for item in self.items(tc, depth):
                if item[0] != "tbl":
                    self.number(item[3])  # counted (a cell's numbers are not drawn into the table's text)
                yield item

        return cell_text(self, counted(), depth)


def symbol_char(code: str) -> str:
    """The character of a ``<w:sym w:char=…/>`` (Wingdings check boxes as □/☑/☒/√; private-use and control codes: none)."""
    code = code.upper()
    if code in _SYMBOLS:
        return _SYMBOLS[code]
    try:
        n = int(code, 16)
    except ValueError:
        return ""
    if 0xE000 <= n <= 0xF8FF or n < 0x20 or n > 0x10FFFF or 0xD800 <= n <= 0xDFFF:
        return ""
    return chr(n)


_A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_WP_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_MIN_PICTURE_EMU = 762_000  # 80 pixels at 96 dpi (the HTML reader's bound): a smaller picture is an icon


def _is_picture(el) -> bool:
    """Does a drawing (or an old VML picture) show an image at least 80 pixels each way: not a text box, a
    shape or an icon?"""
    image = False
    for node in el.iter(_A_BLIP, _V_IMAGEDATA, _WP_EXTENT):
        if node.tag != _WP_EXTENT:
            image = True
            continue
        try:
            if 0 < min(int(node.get("cx", "0")), int(node.get("cy", "0"))) < _MIN_PICTURE_EMU:
                return False
        except ValueError:
            pass
    return image


def _find_boxes(el, boxes: list, depth: int) -> None:
    """Outermost w:txbxContent elements under a drawing, one branch of each AlternateContent."""
    if depth > MAX_DEPTH:
        return
    for ch in el.iterchildren():
        tag = ch.tag
        if tag == TXBX:
            boxes.append(ch)
        elif tag == ALT:
            branch = _choice(ch)
            if branch is not None:
                _find_boxes(branch, boxes, depth + 1)
        elif isinstance(tag, str):
            _find_boxes(ch, boxes, depth + 1)


def _children(container, depth: int):
    """Block-level children: ("p", el) and ("tbl", el), looking through content controls."""
    for ch in container.iterchildren():
        tag = ch.tag
        if tag == P:
            yield "p", ch
        elif tag == TBL:
            yield "tbl", ch
        elif depth < MAX_DEPTH:
            if tag == SDT:
                content = ch.find(SDT_CONTENT)
                if content is not None:
                    yield from _children(content, depth + 1)
            elif tag in _BLOCK_CONTAINERS or tag in (INS, MOVE_TO):
                yield from _children(ch, depth + 1)
            elif tag == ALT:
                branch = _choice(ch)
                if branch is not None:
                    yield from _children(branch, depth + 1)


def _rows(tbl, depth: int):
    for ch in tbl.iterchildren():
        if ch.tag == TR:
            yield ch
        elif depth < MAX_DEPTH and ch.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            yield from _rows(ch, depth + 1)


def _cells(tr, depth: int):
    for ch in tr.iterchildren():
        if ch.tag == TC:
            yield ch
        elif depth < MAX_DEPTH and ch.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            yield from _cells(ch, depth + 1)


def frame_cells(tbl) -> list | None:
    """The cells of a layout frame (the module docstring), else None: each row has one cell with text, all in
    one grid column, none merged down, the others blank (a picture at most); and a cell holds a table, or the one
    cell holds two or more paragraphs, or it is one column's one cell of one paragraph of words (:func:`_words`).
    A one-cell box of a number or of a line with tabs, a one-column list of entries and any row of two cells with
    text stay tables.  One pass over the rows; the look into a cell stops at its first text."""
    found = frame_column(_frame_rows(tbl), _holds_text,
                         lambda tc: any(kind == "tbl" for kind, _ in _children(tc, 0)))
    if found is None:
        return None
    cells, nested, wide = found
    if nested or (len(cells) == 1 and _paragraphs_with_text(cells[0], 2)):
        return cells
    if len(cells) == 1 and not wide and _words(cells[0]):
        return cells
    return None


def _frame_rows(tbl):
    """The rows' cells as :func:`.word_blocks.frame_column` takes them (a deleted row left out, as the grid drops
    it); None for a row with a cell merged down or too many cells."""
    for tr in _rows(tbl, 0):
        trpr = tr.find(TRPR)
        if trpr is not None and trpr.find(DEL) is not None:
            continue
        row = []  # (cell, its grid column, its span)
        pos = int_val(trpr.find(_W + "gridBefore"), 0) if trpr is not None else 0
        for tc in _cells(tr, 0):
            tcpr = tc.find(TCPR)
            if tcpr is not None and tcpr.find(_W + "vMerge") is not None:
                yield None
                return
            span = max(int_val(tcpr.find(_W + "gridSpan"), 1), 1) if tcpr is not None else 1
            row.append((tc, pos, span))
            pos += span
            if len(row) > MAX_GRID_COLS:
                yield None
                return
        yield row


def _holds_text(tc) -> bool:
    """Whether a cell holds any text (a picture, spaces or nothing: none)."""
    return any(t.text and t.text.strip(_STRIP) for t in tc.iter(T))


_UNIT_CHARS = frozenset("件个项次条人家万亿元年月日")


def _words(tc) -> bool:
    """Is the cell's one paragraph with text words (2+ Chinese characters besides units; no tab or break)?"""
    found = None
    for kind, el in _children(tc, 0):
        if kind == "p" and any(t.text for t in el.iter(T)):
            if found is not None:
                return False
            found = el
    if found is None or next(found.iter(TAB, PTAB, BR, CR), None) is not None:
        return False
    hanzi = 0
    for t in found.iter(T):
        hanzi += sum(1 for c in t.text or "" if "\u4e00" <= c <= "\u9fff" and c not in _UNIT_CHARS)
        if hanzi >= 2:
            return True
    return False


def _paragraphs_with_text(container, n: int) -> bool:
    """Whether ``container`` holds at least ``n`` paragraphs with some text (the first ``n`` found end the look)."""
    for kind, el in _children(container, 0):
        if kind == "p" and any(t.text for t in el.iter(T)):
            n -= 1
            if n == 0:
                return True
    return False


# -- document ---------------------------------------------------------------------------------------

def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    check_package(data, limits)
    document = open_document(data)
    try:
        levels, default_style = _style_levels(document)
        ex = _Extractor(levels, default_style, ReadBudget(limits), Numbering(document))
        builder = BlockBuilder(ex, frame_cells, MAX_DEPTH)
        builder.body(document.element.body)
    except InputError:
        raise
    except RecursionError:
        raise InputError("文件结构嵌套过深，可能是恶意构造的文件，已拒绝读取") from None
    except Exception as exc:  # noqa: BLE001 - malformed XML that python-docx accepted
        raise InputError(f"文件内容结构异常，无法读取（{type(exc).__name__}）；{FIX_AS_DOCX}") from None
    return builder.document(path, "docx", "Word 文档")
