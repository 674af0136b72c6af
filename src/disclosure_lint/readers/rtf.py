"""RTF (Rich Text Format) reader: reports saved by Word or WPS "as RTF", or exported so by a portal (also under a
``.doc``, ``.wps`` or ``.docx`` name, which Word opens without complaint).

No library reads an RTF file's tables, so this module does, for the parts a report uses (RTF 1.9.1); the blocks are
made as the Word 97–2003 reader makes them (:class:`.doc_build.Builder`), so an RTF report is checked as its ``.docx``:

* **Text**: groups, control words and symbols, ``\\'hh`` bytes decoded by the current font's code page
  (:mod:`.rtf_text`: ``\\fcharset134`` GBK, a GBK character's two bytes in two ``\\'hh``, 0 the document's
  ``\\ansicpg``), raw bytes of that code page too, ``\\uN`` (after ``\\ucN``: the N fallback characters skipped;
  surrogate pairs joined), ``\\binN`` skipped.  ``\\par``, ``\\sect`` and ``\\page`` end a paragraph, ``\\line`` is a
  line break in it, ``\\tab`` a tab; ``\\~`` a no-break space, ``\\-`` dropped.  Undecodable bytes are U+FFFD.
* **Left out**: the font, colour, style, list and revision tables, document information, headers and footers,
  footnotes, comments, pictures' data, bookmarks, field codes (``\\fldinst``: a field shows its ``\\fldrslt``), every
  ``{\\*\\…}`` destination the reader does not know; hidden (``\\v``) and deleted (``\\deleted``) text, as the Word
  readers show the accepted text (a deleted or hidden paragraph mark joins its paragraph to the next); a shape's
  properties and its drawn copy (``\\shprslt``).
* **Kept**: ``{\\listtext …}`` and ``{\\pntext …}``, the number as printed before a body paragraph ("一、"), as the Word
  readers draw automatic numbers (``Document.meta["auto_numbered"]`` counts them); an ``\\object``'s ``\\result``; a
  text box's paragraphs (``{\\shptxt …}`` in a shape), after the paragraph its shape is anchored in
  ("第12段处文本框第1段"), as in the Word readers.
* **Tables**: ``\\intbl`` paragraphs, ``\\cell`` ends a cell and ``\\row`` a row; the row's definition (``\\trowd``,
  ``\\trleft``, ``\\cellxN`` right edges, ``\\clmgf``/``\\clmrg``, ``\\clvmgf``/``\\clvmrg`` merges, ``\\trhdr``) is the
  one in force at its ``\\row`` (Word writes it again after the cells; :mod:`.rtf_tables`).  Rows in a row are one
  table on one grid of columns, a merged cell's text repeated over its columns and rows, a layout frame read as the
  body, as in the .doc reader (:mod:`.doc_tables`); a nested table (``\\itapN``, ``\\nestcell``, ``\\nestrow``) is
  tab-separated lines of its cell.
* **Headings**: a paragraph whose style (``\\sN``) is named "heading N"/"标题 N"/"Title" or has an outline level, or
  with an ``\\outlinelevelN`` of its own.
* **Pictures**: a paragraph that is only a picture (``\\pict``, inline or a floating shape's) at least 80 pixels each
  way is an ``image`` block.

**Positions** are as in the Word readers: "第12段", "表2第3行第4列"; ``has_lines`` is ``False``.

**Hostile input**: the tokens are read in one pass, without recursion; groups deeper than :data:`MAX_DEPTH` are left
out (said once); a row's edges are bounded (:data:`.doc_tables.MAX_GRID_COLS`), as are the text boxes' paragraphs, the
paragraphs, the tables' cells and the time (``limits``).  A truncated file or unbalanced braces give what was read.
"""

from __future__ import annotations

import re
import time

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document, ReaderNotice
from .doc_build import Builder
from .doc_lists import Lists
from .doc_pictures import is_big
from .rtf_tables import PLAIN, Props, RowDef
from .rtf_text import (
    BRACE,
    CHARS,
    CLEAN,
    DEFAULT_CODEC,
    HEX,
    PARAM,
    SYMBOL,
    SYMBOLS,
    TEXT,
    TOKEN,
    UNICODE,
    UNICODE_ITEM,
    WORD,
    codec_of,
    codepage,
    decode,
    double_byte,
    style_level,
    unicode_char,
)

MAX_DEPTH = 1_000  # groups nested deeper are left out (Word writes a few dozen at most)
MAX_NESTING = 64  # table nesting (\itapN)
MAX_FONTS = 10_000
MAX_STYLES = 10_000
MAX_BASES = 16  # base styles followed from a style (a loop, or a chain of thousands, is cut)
_END_PUNCT = frozenset("、.．。，,：:)）")
_NEEDS_CLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f\uf020-\uf0ff]")

# the group state: [font, double-byte font, \uc, destination, hidden, deleted, \intbl, \itap, style, outline level,
# in a text box, the characters' kind (\loch \hich \dbch; \rtlch \ltrch) that \afN names the font of]
F, DBF, UC, DEST, HIDDEN, DELETED, INTBL, ITAP, STYLE, OUTLINE, BOXED, KIND = range(12)
# destinations (QUIET: a shape's properties, no text, but its text box)
BODY, SKIP, FONTS, STYLES, STYLE_ENTRY, LABEL, PICT, NEST_PROPS, QUIET = range(9)
MAX_BOX_PARAGRAPHS = 10_000  # paragraphs of text boxes held, in all

_SKIPPED = frozenset({
    "colortbl", "info", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
    "fldinst", "listtable", "listoverridetable", "xmlnstbl", "themedata", "colorschememapping", "latentstyles",
    "datastore", "rsidtbl", "generator", "mmathPr", "bkmkstart", "bkmkend", "annotation", "atnid", "atnauthor",
    "atnref", "atnicn", "atrfstart", "atrfend", "atndate", "footnote", "revtbl", "nonesttables", "nonshppict",
    "shprslt", "pn", "pntxta", "pntxtb", "objdata", "objclass", "objname", "filetbl", "xe", "tc", "tcn",
    "txe", "template", "docvar", "userprops", "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn",
    "pgdsctbl", "protusertbl", "fchars", "lchars", "wgrffmtfilter", "pgptbl", "listpicture", "ud",
    "background", "do", "dptxbxtext", "formfield", "datafield", "mhtmltag", "htmltag", "passwordhash", "oldcprops",
    "oldpprops", "oldtprops", "oldsprops", "ebcstart", "ebcend", "bkmkcolf", "bkmkcoll", "panose", "falt", "fname",
})
# known destinations kept though written as {\*\…}
_STARRED_KEPT = frozenset({"nesttableprops", "shppict", "listtext", "pntext"})
_PICTURE_SIZE = {"picwgoal": 0, "pichgoal": 1, "picscalex": 2, "picscaley": 3}
_KINDS = frozenset({"loch", "hich", "dbch", "rtlch", "ltrch"})
_DESTINATIONS = frozenset({"fonttbl", "stylesheet", "listtext", "pntext", "pict", "nesttableprops", "shpinst", "shptxt"})
_HEADER_WORDS = frozenset({"ansicpg", "deff", "mac", "pc", "pca"})
_ROW_WORDS = frozenset({"trowd", "cellx", "trleft", "clmgf", "clmrg", "clvmgf", "clvmrg", "trhdr"})
# every control word the reader acts on (any other is passed over)
_KNOWN = _SKIPPED | _STARRED_KEPT | _DESTINATIONS | _HEADER_WORDS | _ROW_WORDS | frozenset(CHARS) | {
    "f", "fcharset", "cpg", "nestrow", "picwgoal", "pichgoal", "picscalex", "picscaley", "par", "sect", "page", "cell",
    "nestcell", "row", "u", "v", "deleted", "af", *_KINDS, "plain", "pard", "intbl", "itap", "s", "outlinelevel", "sbasedon",
    "uc"}

_WORDS = {w.encode("ascii"): w for w in _KNOWN}  # (a dict look-up: faster than decoding each word)


class _Reader:
    def __init__(self, data: bytes, limits: Limits, deadline: float) -> None:
        self.data = data
        self.limits = limits
        self.deadline = deadline
        self.ansi = DEFAULT_CODEC
        self.deff = 0
        self.fonts: dict[int, str] = {}  # font number → codec
        self.font_at: int | None = None  # the font being defined in the font table
        self.font_charset: dict[int, tuple[int | None, int | None]] = {}  # font → (\fcharset, \cpg)
        self.styles: dict[int, tuple[str, int | None, int | None]] = {}  # style → (name, outline, based on)
        self.style_at = 0
        self.style_name: list[str] = []
        self.style_outline: int | None = None
        self.style_base: int | None = None
        self.lists = Lists(b"", (0, 0), (0, 0), None)
        self.pictures: list[tuple[int, int]] = []  # size (twips) of each picture met in the body
        self.builder = Builder(limits, self.lists, PLAIN, self._is_picture, deadline)
        self.boxes: dict[int, list] = {}  # the paragraphs of each text box, by its place among the pictures
        self.builder.boxes = lambda pos: self.boxes.pop(pos, [])
        self.sink: list | None = None  # the paragraphs of the text box being read
        self.saved: tuple | None = None  # the paragraph its shape is anchored in: (parts, label, pictures)
        self.box_paragraphs = 0
        self.n_boxes = 0
        self.parts: list[str] = []  # the paragraph's text
        self.label_parts: list[str] = []
        self.label: str | None = None
        self.para_pictures: list[int] = []
        self.pending = bytearray()  # bytes of the code page not yet decoded
        self.pending_to: list[str] = self.parts
        self.pic = [0, 0, 100, 100]  # \picwgoal, \pichgoal, \picscalex, \picscaley of the picture being read
        # the row being defined: \trleft, right edges, merges, header
        self.row = RowDef()
        self.nested_row = RowDef()  # a nested table's row ({\\*\\nesttableprops \\trowd … \\nestrow})
        self.too_deep = False
        self.ended = False  # the document's group closed
        self.auto_numbered = 0
        self.deleted_runs = 0

    # -- text --------------------------------------------------------------------------------------

    def _codec(self, st: list) -> str:
        codec = self.fonts.get(st[F])
        if codec is None:
            codec = self.ansi
        if not double_byte(codec) and st[DBF] is not None:  # bytes of a double-byte font's characters?
            other = self.fonts.get(st[DBF])
            if other is not None and double_byte(other) and any(b >= 0x80 for b in self.pending):
                try:  # (a single-byte font's accented letters are no double-byte text)
                    self.pending.decode(other)
                except UnicodeDecodeError:
                    return codec
                return other
        return codec

    def _flush(self, st: list) -> None:
        if self.pending:
            self.pending_to.append(decode(bytes(self.pending), self._codec(st)))
            self.pending.clear()

    def _target(self, dest: int) -> list[str] | None:
        if dest == BODY:
            return self.parts
        if dest == LABEL:
            return self.label_parts
        if dest == STYLE_ENTRY:
            return self.style_name
        return None

    def _add_bytes(self, st: list, raw: bytes) -> None:
        target = self._target(st[DEST])
        if target is None or st[HIDDEN] or st[DELETED]:
            return
        if target is not self.pending_to:
            self._flush(st)
            self.pending_to = target
        self.pending += raw

    def _add_text(self, st: list, text: str) -> None:
        target = self._target(st[DEST])
        if target is None or st[HIDDEN] or st[DELETED]:
            return
        self._flush(st)
        target.append(text)

    # -- paragraphs --------------------------------------------------------------------------------

    def _is_picture(self, pos: int) -> bool:
        return 0 <= pos < len(self.pictures) and is_big(self.pictures[pos])

    def _end(self, st: list, mark: str, itap: int | None = None, row: bool = False, nest_row: bool = False) -> None:
        """The paragraph read so far ends with ``mark``: give it to the builder."""
        self._flush(st)
        text = "".join(self.parts)
        self.parts.clear()
        if _NEEDS_CLEAN.search(text):
            text = text.translate(CLEAN)
        if itap is None:
            itap = min(st[ITAP], MAX_NESTING) if st[ITAP] >= 0 else (1 if st[INTBL] else 0)
        p = Props(itap, st[STYLE], st[OUTLINE])
        label, self.label = self.label, None
        if label is not None:
            self.auto_numbered += 1
            if not itap and text.strip(" \t\u3000\xa0\n"):  # (in a table cell: counted, not drawn, as in the Word readers)
                text = label + text
        if row:
            p.ttp = True
            self.row.give(p)
        elif nest_row:
            p.inner_ttp = True
            self.nested_row.give(p)
        pictures, self.para_pictures = self.para_pictures, []
        if self.sink is not None:
            if self.box_paragraphs < MAX_BOX_PARAGRAPHS:
                self.box_paragraphs += 1
                self.sink.append((text, mark, p, pictures))
            return
        self.builder.paragraph(text, mark, p, pictures)

    def _label_done(self, st: list) -> None:
        self._flush(st)
        raw = "".join(self.label_parts)
        self.label_parts.clear()
        text = raw.translate(CLEAN).strip(" \t\u3000\xa0")
        if not any(c.isalnum() for c in text):  # a bullet: not drawn, as in the Word readers
            return
        if text[-1] not in _END_PUNCT and raw[-1:] in ("\t", " ", "\u3000", "\xa0"):  # a tab or a space after it
            text += " "
        self.label = text

    def _style_done(self, st: list) -> None:
        self._flush(st)
        name = "".join(self.style_name)
        self.style_name.clear()
        if len(self.styles) < MAX_STYLES:
            self.styles[self.style_at] = (name, self.style_outline, self.style_base)

    def _styles_done(self) -> None:
        """Each paragraph style's heading level, its own or its base styles'."""
        for s in self.styles:
            level, at = None, s
            for _ in range(MAX_BASES):
                if at not in self.styles:
                    break
                name, outline, base = self.styles[at]
                level = style_level(name, outline)
                if level is not None or base is None:
                    break
                at = base
            if level is not None:
                self.lists.levels[s] = level

    # -- control words -----------------------------------------------------------------------------

    def _word(self, st: list, word: str, param: int | None, first: bool, star: bool) -> None:
        dest = st[DEST]
        if word in _SKIPPED or (first and star and word not in _STARRED_KEPT):
            self._flush(st)
            st[DEST] = SKIP
            return
        if dest == BODY and word in _ROW_WORDS:
            self.row.word(word, param)
            return
        if dest == FONTS:
            if word == "f" and param is not None:
                self.font_at = param
            elif word == "fcharset" and self.font_at is not None and len(self.font_charset) < MAX_FONTS:
                self.font_charset[self.font_at] = (param, self.font_charset.get(self.font_at, (None, None))[1])
            elif word == "cpg" and self.font_at is not None and len(self.font_charset) < MAX_FONTS:
                self.font_charset[self.font_at] = (self.font_charset.get(self.font_at, (None, None))[0], param)
            return
        if dest == QUIET:
            return
        if dest == NEST_PROPS:
            if word == "nestrow":
                self._end(st, "\x07", itap=max(min(st[ITAP], MAX_NESTING), 2), nest_row=True)
            elif word in _ROW_WORDS:
                self.nested_row.word(word, param)
            return
        if dest == PICT:
            if param is not None and word in _PICTURE_SIZE:
                self.pic[_PICTURE_SIZE[word]] = param
            return
        self._flush(st)
        if word in CHARS:
            self._add_text(st, CHARS[word])
        elif word == "par" or word == "sect" or word == "page":
            if dest == BODY and not (st[HIDDEN] or st[DELETED]):
                self._end(st, "\r")
        elif word == "cell":
            if dest == BODY:
                self._end(st, "\x07", itap=1)
        elif word == "nestcell":
            if dest == BODY:
                self._end(st, "\x07", itap=max(min(st[ITAP], MAX_NESTING), 2))
        elif word == "row":
            if dest == BODY:
                if self.pending or "".join(self.parts).strip():
                    self._end(st, "\x07", itap=1)
                self.parts.clear()
                self._end(st, "\x07", itap=1, row=True)
        elif word == "nestrow":
            if dest == BODY:
                self._end(st, "\x07", itap=max(min(st[ITAP], MAX_NESTING), 2), nest_row=True)
        elif word == "v":
            st[HIDDEN] = param != 0
        elif word == "deleted":
            st[DELETED] = param != 0
            self.deleted_runs += param != 0
        elif word == "f" and param is not None:
            st[F] = param
        elif word == "af" and param is not None:
            if st[KIND] == "dbch":  # the font of double-byte characters (Word: \hich\af13\dbch\af13\loch\f13)
                st[DBF] = param
        elif word in _KINDS:
            st[KIND] = word
        elif word == "plain":
            st[F], st[HIDDEN], st[DELETED] = self.deff, False, False
        elif word == "pard":
            st[INTBL], st[ITAP], st[STYLE], st[OUTLINE] = False, -1, None, None
        elif word == "intbl":
            st[INTBL] = param != 0
        elif word == "itap" and param is not None:
            st[ITAP] = max(param, 0)
        elif word == "s" and param is not None:
            if dest == STYLE_ENTRY:
                self.style_at = param
            else:
                st[STYLE] = param
        elif word == "outlinelevel" and param is not None:
            if dest == STYLE_ENTRY:
                self.style_outline = param
            else:
                st[OUTLINE] = param if 0 <= param < 9 else None
        elif word == "sbasedon" and param is not None and dest == STYLE_ENTRY:
            self.style_base = param
        elif word == "uc" and param is not None:
            st[UC] = max(0, min(param, 1 << 20))


    def _destination(self, st: list, word: str) -> None:
        """A destination that is read (:data:`_DESTINATIONS`): its group's state set."""
        self._flush(st)
        if word == "fonttbl":
            st[DEST] = FONTS
        elif word == "stylesheet":
            st[DEST] = STYLES
        elif word in ("listtext", "pntext"):
            st[DEST] = LABEL
        elif word == "pict":
            st[DEST] = PICT
            self.pic = [0, 0, 100, 100]
        elif word == "nesttableprops":
            st[DEST] = NEST_PROPS
        elif word == "shpinst":
            st[DEST] = QUIET if st[DEST] == BODY and not st[BOXED] else SKIP
        elif st[DEST] == QUIET and self.saved is None:  # shptxt: a text box's paragraphs, read after its anchor's
            self.saved = (self.parts, self.label, self.para_pictures)
            self.parts, self.label, self.para_pictures, self.sink = [], None, [], []
            self.pending_to = self.parts
            st[DEST], st[BOXED], st[INTBL], st[ITAP] = BODY, True, False, -1
        else:
            st[DEST] = SKIP

    # -- the file ----------------------------------------------------------------------------------

    def run(self) -> None:
        data = self.data
        st: list = [0, None, 1, BODY, False, False, False, -1, None, None, False, None]
        stack: list[list] = []
        excess = 0  # groups open past MAX_DEPTH
        skip = 0  # fallback characters of a \uN still to skip
        high: int | None = None  # a high surrogate waiting for its pair
        first = star = False  # at the start of a group (after its "{" and perhaps "\*")
        started = False
        pos, n = 0, len(data)
        count = 0
        while pos < n:
            jump = -1
            for m in TOKEN.finditer(data, pos):
                count += 1
                if count & 0xFFF == 0 and (time.monotonic() > self.deadline or self.builder.cut):
                    if not self.builder.cut:
                        self.builder.cut = (f"读取时间超过 {self.limits.max_read_seconds:g} 秒的上限"
                                            f"（limits.max_read_seconds），第{self.builder.n_paras + 1}段起未读取")
                    return
                kind = m.lastindex
                if kind == BRACE:
                    skip, high = 0, None
                    if m.group(BRACE) == b"{":
                        if excess or len(stack) >= MAX_DEPTH:
                            excess += 1
                            self.too_deep = True
                            continue
                        self._flush(st)
                        stack.append(st)
                        st = st.copy()
                        if st[DEST] == STYLES:
                            st[DEST] = STYLE_ENTRY
                            self.style_at, self.style_outline, self.style_base = 0, None, None
                        first, star, started = True, False, True
                    else:
                        if excess:
                            excess -= 1
                            continue
                        self._flush(st)
                        if not stack:
                            continue
                        closing, st = st, stack.pop()
                        self._closed(closing, st)
                        first = star = False
                        if not stack:
                            self.ended = True
                            return  # the end of the document: what follows it is not read
                    continue
                if kind == PARAM:
                    raw_word, raw_param = m.group(WORD, PARAM)
                    if raw_word == b"bin":  # (binary data: its braces are no groups)
                        jump = m.end() + max(0, min(int(raw_param), n - m.end()))
                        first = star = False
                        break
                elif kind == WORD:
                    raw_word, raw_param = m.group(WORD), None
                if excess or not started:
                    continue
                dest = st[DEST]
                if kind in (WORD, PARAM):
                    if dest == SKIP:
                        continue
                    word = _WORDS.get(raw_word) or raw_word.decode("ascii")
                    if skip:
                        skip -= 1
                        continue
                    if word not in _KNOWN:
                        if first and star:
                            self._flush(st)
                            st[DEST] = SKIP
                        first = star = False
                        continue
                    param = int(raw_param) if raw_param is not None else None
                    if word in _ROW_WORDS and dest == BODY:  # (the most frequent words of a table: no text)
                        self.row.word(word, param)
                        first = star = False
                        continue
                    if word == "u" and param is not None:
                        text, high = unicode_char(param, high)
                        if text:
                            self._add_text(st, text)
                        skip = st[UC]
                        first = star = False
                        continue
                    high = None
                    if word in _DESTINATIONS:
                        self._destination(st, word)
                    elif word in _HEADER_WORDS:
                        if word == "ansicpg" and param is not None:
                            self.ansi = codepage(param)
                        elif word == "deff" and param is not None:
                            self.deff = st[F] = param
                        elif word == "mac":
                            self.ansi = "mac_roman"
                        elif word == "pc":
                            self.ansi = "cp437"
                        elif word == "pca":
                            self.ansi = "cp850"
                    else:
                        self._word(st, word, param, first, star)
                    first = star = False
                    continue
                if dest == SKIP:
                    continue
                if kind == UNICODE:
                    skip, high = self._unicode_run(st, m.group(UNICODE), skip, high)
                    first = star = False
                elif kind in (HEX, TEXT):
                    raw = bytes.fromhex(m.group(HEX).replace(b"\\'", b"").decode("ascii")) if kind == HEX \
                        else m.group(TEXT)
                    if skip:  # a \uN's fallback characters (a \'hh is one)
                        cut = min(skip, len(raw))
                        skip -= cut
                        raw = raw[cut:]
                        if not raw:
                            continue
                    high = None
                    self._add_bytes(st, raw)
                    first = star = False
                elif kind == SYMBOL:
                    sym = m.group(SYMBOL)
                    if sym == b"*":
                        star = first
                        continue
                    if skip:
                        skip -= 1
                        continue
                    if sym in (b"\n", b"\r"):
                        self._word(st, "par", None, False, False)
                    elif sym in SYMBOLS:
                        self._add_text(st, SYMBOLS[sym])
                    first = star = False
            if jump < 0:
                break
            pos = jump

    def _unicode_run(self, st: list, run: bytes, skip: int, high: int | None) -> tuple[int, int | None]:
        """A run of ``\\uN`` each followed by one character or ``\\'hh`` (:data:`.rtf_text.UNICODE`), read as its
        tokens one by one would be: each ``\\uN`` a character, then its ``\\ucN`` fallback characters skipped (the
        control word ``\\uN`` itself counts as one when it is skipped); ``(skip, high)`` left after it."""
        uc = st[UC]
        out: list[str] = []
        for num, fallback in UNICODE_ITEM.findall(run):
            if skip:
                skip -= 1
            else:
                text, high = unicode_char(int(num), high)
                out.append(text)
                skip = uc
            if skip:
                skip -= 1
                continue
            high = None
            if out:
                self._add_text(st, "".join(out))
                out = []
            self._add_bytes(st, bytes.fromhex(fallback[2:].decode("ascii")) if fallback[:2] == b"\\'" else fallback)
        if out:
            self._add_text(st, "".join(out))
        return skip, high

    def _closed(self, closing: list, st: list) -> None:
        """The group whose state was ``closing`` ended; ``st`` is its parent's state again."""
        if closing[BOXED] and not st[BOXED] and self.saved is not None:
            self._box_done(closing)
            return
        dest = closing[DEST]
        if dest == st[DEST]:
            return
        if dest == LABEL:
            self._label_done(closing)
        elif dest == STYLE_ENTRY and st[DEST] == STYLES:
            self._style_done(closing)
        elif dest == STYLES:
            self._styles_done()
        elif dest == FONTS:
            self.fonts = {k: codepage(cpg) if cpg is not None else codec_of(cs, self.ansi)
                          for k, (cs, cpg) in self.font_charset.items()}
            self.font_at = None
        elif dest == PICT and st[DEST] in (BODY, QUIET) and not (closing[HIDDEN] or closing[DELETED]):
            # (in a body paragraph, or a floating shape's picture: {\shp{\*\shpinst … {\sv {\pict …}}}})
            w, h, sx, sy = self.pic
            self.pictures.append((w * sx // 100, h * sy // 100))
            self.para_pictures.append(len(self.pictures) - 1)
        self.pending_to = self.parts

    def _box_done(self, st: list) -> None:
        """The text box ends: its paragraphs are held for the paragraph its shape is anchored in."""
        if self.parts or self.pending:
            self._end(st, "\r")
        items, self.sink = self.sink, None
        if self.saved is not None:
            self.parts, self.label, self.para_pictures = self.saved
            self.saved = None
        self.pending_to = self.parts
        if items:
            self.n_boxes += 1
            self.boxes[len(self.pictures)] = items
            self.para_pictures.append(len(self.pictures))
            self.pictures.append((0, 0))

    def finish(self) -> None:
        st = [self.deff, None, 1, BODY, False, False, False, -1, None, None, False, None]
        if self.saved is not None:  # a text box never closed
            self._box_done([*st[:BOXED], True, None])
        if not self.builder.cut and (self.parts or self.pending):
            self._end(st, "\r")  # a last paragraph without its mark (a truncated file)
        self.builder.flush()


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    deadline = time.monotonic() + limits.max_read_seconds
    r = _Reader(data, limits, deadline)
    r.run()
    r.finish()
    b = r.builder
    if not b.blocks and r.too_deep:
        raise InputError(f"RTF 文件的分组（花括号）嵌套超过 {MAX_DEPTH} 层，更深处的内容未读取，没有读到可检查的文字；文件可能已损坏")
    if not b.blocks and not r.ended and not b.cut:
        raise InputError("RTF 文件已损坏或不完整（文件在正文之前就结束了，可能在下载或复制时被截断），没有可检查的文字；请重新获取原文件")
    if b.blocks and all(blk.kind == "image" for blk in b.blocks):
        raise InputError("RTF 文件中没有可读取的文字（可能只有图片，例如扫描件），无法检查")
    notices = []
    if b.cut:
        notices.append(ReaderNotice("read-limit", format="RTF 文档", detail=b.cut))
    if r.too_deep:
        notices.append(ReaderNotice("read-limit", format="RTF 文档",
                                    detail=f"分组（花括号）嵌套超过 {MAX_DEPTH} 层，更深处的内容未读取"))
    meta = {"paragraphs": b.n_paras, "tables": b.n_tables, "auto_numbered": r.auto_numbered,
            "deleted_runs": r.deleted_runs, "layout_tables": b.frames, "text_boxes": r.n_boxes}
    return Document(path=path, format="rtf", encoding=None, text="", blocks=tuple(b.blocks), has_lines=False,
                    notices=tuple(notices), meta=meta)
