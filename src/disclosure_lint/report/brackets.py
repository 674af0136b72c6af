"""Bracket and quotation-mark pairs (GB/T 15834-2011 4.6 引号, 4.7 括号, 4.15 书名号).

:func:`analyse` walks every paragraph once with a stack and returns the pairs it found
and the members left unmatched:

* ``unclosed`` — an opening mark never closed in its paragraph;
* ``unopened`` — a closing mark with no opening one before it;
* ``reversed`` — an opening quotation mark where the closing one belongs (``“…“``), or
  a closing one where the opening one belongs (``”…”``);

and, among the pairs, the ones whose two members do not belong together: ``mixed``
(full-width and half-width, ``（…)``) and ``mismatched`` (``（…】``).

What is correct and therefore not reported:

* nested pairs (``（以下简称《条例》（国务院令第711号））``);
* list markers that close without opening by design: ``1）`` ``a)`` ``一）`` at the
  start of a paragraph or after a clause mark;
* a quotation that spans paragraphs: it opens “ at each paragraph and closes ” only at
  the last (GB/T 15834-2011 4.6.3.3), so a paragraph ending inside a quotation is fine
  when the next one opens with “;
* brackets split across table cells (each cell is a paragraph, merged cells are read
  once, and a mark left open in a cell may close in the cell below or to its right) or
  across paragraphs (a mark left open at the end of a paragraph may close in the next
  one — a paragraph cut by the reader or a page — or, while lines end without a sentence
  end (a line broken after a comma, colon or semicolon goes on), in one of the next few lines of a
  hard-wrapped paragraph), and from a table's last rows to a short paragraph right after it (a row label
  cut in a PDF's text, its end printed after the row's numbers);
* the last paragraph of a document that ends mid-sentence (an excerpt cut off);
* flattened text (a whole report in one block): paragraphs are told apart where a
  sentence end or a heading number follows a space (:func:`.writing.segments`);
* ASCII straight quotes ``"`` ``'`` (no direction) and ``< >`` (markup, comparison):
  not taken at all.  Balanced pairs of ASCII brackets are pairs like any other
  (DL701 reports the half-width marks themselves).

A mixed or mismatched pair around the year of a document number (``〔2021]30号``) is
marked ``doc_number``: DL702 reports those.  An unmatched member next to an identical
mark (``《《``, ``““``, ``））``) is marked ``doubled``: DL901 reports those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..memo import LONGEST, Kept
from ..model import PAGED_FORMATS, Block
from .writing import Piece, Span, segments, table_pieces

# opening mark → (family, closing mark)
OPENERS = {"（": ("round", "）"), "(": ("round", ")"), "［": ("square", "］"), "[": ("square", "]"),
           "【": ("lenticular", "】"), "〔": ("tortoise", "〕"), "《": ("title", "》"), "〈": ("angle", "〉"),
           "「": ("corner", "」"), "『": ("white-corner", "』"), "｛": ("curly", "｝"), "{": ("curly", "}"),
           "“": ("double-quote", "”"), "‘": ("single-quote", "’")}
CLOSERS = {close: (fam, open_) for open_, (fam, close) in OPENERS.items()}
HALF_WIDTH = set("()[]{}")
# families whose marks may be confused with one another (a mismatched pair, not two errors)
BRACKETS = frozenset({"round", "square", "lenticular", "tortoise", "curly"})
QUOTES = {"“": "”", "‘": "’"}
_MARKS = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS)) + "]")
_CELL_MARKS = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS)) + "\t\n]")
_M = re.escape("".join(OPENERS) + "".join(CLOSERS))
# a table cell's text from its first mark to its last (cells end at a tab or a newline): one match per cell that holds
# a mark, found by a scan for the marks (most of a table's cells hold none)
_CELL_RUN = re.compile(f"[{_M}](?:[^{_M}\t\n]*[{_M}])*")
_AHEAD = 40  # characters looked at after a closing mark for the open bracket's own closing mark
_OPEN_OR_STOP = re.compile("[" + re.escape("".join(OPENERS)) + r"，。；！？,;!?\n]")
_LIST_MARKER = re.compile(r"(?:^|[\s。；：，、;:,])(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3})$")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_DOC_SERIAL = re.compile(r"\s*第?\d{1,4}号")
_SENTENCE_IN = re.compile(r"[，。；！？,;!?]")
_ENDS_SENTENCE = re.compile(r"[。！？!?…”’）)】》」』.；;：:]\s*$")
# a line that ends its paragraph for the carrying of open marks (:meth:`_Carry.keep`): a sentence end, maybe closed by
# a quotation mark or bracket; a hard-wrapped line broken after a comma, colon or semicolon (号，邮编：) goes on
_ENDS_PARAGRAPH = re.compile(r"[。！？!?…][”’）)】》」』]*\s*$")
_LATIN = re.compile(r"[A-Za-z]")


_FAMILY = {ch: fam for ch, (fam, _) in (*OPENERS.items(), *CLOSERS.items())}


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Mark:
    """A bracket or quotation mark in a piece of text."""

    piece: Piece
    start: int
    char: str

    @property
    def family(self) -> str:
        return _FAMILY[self.char]

    @property
    def span(self) -> Span:
        return Span(self.piece, self.start, self.start + 1)


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class BracketPair:
    """An opening mark and the closing mark that pairs with it, and what is odd about the pair."""

    open: Mark
    close: Mark
    mixed: bool = False  # full-width with half-width: （…)
    mismatched: bool = False  # different kinds: （…】
    doc_number: bool = False  # around the year of a document number: DL702's business

    @property
    def expected(self) -> str:
        """The closing mark that belongs to the opening one."""
        return OPENERS[self.open.char][1]


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Unbalanced:
    """A mark without its partner, or in the wrong order, and the mark that is missing or belongs there."""

    mark: Mark
    problem: str  # unclosed | unopened | reversed
    expected: str  # the mark that is missing (unclosed, unopened) or belongs here (reversed)
    doubled: bool = False  # next to an identical mark: 《《, ““, ））


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Brackets:
    """The report's bracket and quotation marks: the unbalanced ones and the pairs."""

    unbalanced: list[Unbalanced] = field(default_factory=list)
    # pairs found while walking paragraphs with a problem or an open mark; paragraphs whose marks
    # pair up plainly (see :func:`_plain`) are walked again only when :attr:`pairs` is read
    found: list[BracketPair] = field(default_factory=list)
    plain: list[_Para] = field(default_factory=list)
    plain_tables: list[Block] = field(default_factory=list)

    @cached_property
    def pairs(self) -> list[BracketPair]:
        """Every pair, in the order of their opening marks (computed when first read: DL706 and DL901 both read it)."""
        out = Brackets()
        for para in self.plain:
            _Run(out).walk([(para.piece, para.lo, para.hi)])
        for b in self.plain_tables:
            for cell in table_pieces(b):
                _Run(out).walk([(cell, 0, len(cell.text))])
        return sorted([*self.found, *out.found],
                      key=lambda p: (p.open.piece.block.index, p.open.piece.base or 0, p.open.start))

    @property
    def odd_pairs(self) -> list[BracketPair]:
        """Mixed or mismatched pairs that are not a document number's year (never in a plain paragraph)."""
        return [p for p in self.found if (p.mixed or p.mismatched) and not p.doc_number]


# -- one paragraph ----------------------------------------------------------------------------------


def _doubled(m: Mark) -> bool:
    t = m.piece.text
    return (m.start > 0 and t[m.start - 1] == m.char) or (m.start + 1 < len(t) and t[m.start + 1] == m.char)


def _is_list_marker(piece: Piece, i: int, lo: int) -> bool:
    """``1）`` ``a)`` ``一）``: a number closed without an opening bracket, as a list marker."""
    return bool(_LIST_MARKER.search(piece.text[max(lo, i - 4):i])) or (
        i - lo <= 3 and bool(re.fullmatch(r"\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3}", piece.text[lo:i])))


def _pair(out: Brackets, o: Mark, c: Mark) -> None:
    fam_o, fam_c = o.family, c.family
    mismatched = fam_o != fam_c
    mixed = not mismatched and ((o.char in HALF_WIDTH) != (c.char in HALF_WIDTH))
    doc = False
    if (mixed or mismatched) and o.piece is c.piece:
        inner = o.piece.text[o.start + 1:c.start]
        doc = bool(_YEAR.fullmatch(inner.strip())) and bool(_DOC_SERIAL.match(o.piece.text, c.start + 1))
    out.found.append(BracketPair(o, c, mixed, mismatched, doc))


_DEPTH = 8  # how far down the stack a closing mark looks for its opening one


def _plain(marks: str) -> bool:
    """Do these marks (a paragraph's, in order) nest and pair up exactly — each closing mark the
    partner of the last open one, no quotation mark inside one of its own kind, none left open?
    Short sequences (almost every paragraph's: （）, 《》“”) are remembered across reports; a long one is
    walked, not kept (the cache would hold whole flattened reports)."""
    return _plain_short(marks) if len(marks) <= 32 else _plain_walk(marks)


def _cells_plain(table: str) -> bool:
    """Do the marks of each cell of a table's text (cells split by tabs and newlines) pair up in the cell?  As
    ``all(_plain(q) for q in set("".join(_CELL_MARKS.findall(table)).replace("\\n", "\\t").split("\\t")))``, whose findall
    made a string per tab and newline (≈155 in a table 三 with its label brackets): the cells without a mark give the
    empty sequence, which pairs up; each other cell's run from its first mark to its last holds all of its marks
    (tests/test_fast_paths_t7_prose.py)."""
    return all(_plain("".join(_MARKS.findall(run))) for run in set(_CELL_RUN.findall(table)))


def _plain_walk(marks: str) -> bool:
    stack: list[str] = []
    quoting: set[str] = set()  # the quotation marks open on the stack (not a search of the stack per mark)
    for ch in marks:
        if ch in OPENERS:
            if ch in QUOTES:
                if ch in quoting:
                    return False
                quoting.add(ch)
            stack.append(ch)
        elif not stack:
            return False
        else:
            top = stack.pop()
            if OPENERS[top][1] != ch:
                return False
            quoting.discard(top)
    return not stack


_plain_short = lru_cache(maxsize=4096)(_plain_walk)


class _Run:
    """The stack walk over one paragraph (a list of ``(piece, start, end)`` ranges)."""

    def __init__(self, out: Brackets):
        self.out = out
        self.stack: list[Mark] = []
        self.loose: list[Unbalanced] = []  # unopened and reversed marks of this run
        self.reversed_at: set[tuple[int, int]] = set()  # (id(piece), start) of reversed marks

    def walk(self, ranges: list[tuple[Piece, int, int]]) -> None:
        for piece, lo, hi in ranges:
            marks = [(m.start(), m.group()) for m in _MARKS.finditer(piece.text, lo, hi)]
            # the next quotation mark of the same family after each mark (one pass from the end)
            ahead: list[tuple[str, int] | None] = [None] * len(marks)
            last: dict[str, tuple[str, int] | None] = {"double-quote": None, "single-quote": None}
            for k in range(len(marks) - 1, -1, -1):
                ch = marks[k][1]
                fam = _FAMILY[ch]
                if fam in last:
                    ahead[k] = last[fam]
                    last[fam] = (ch, marks[k][0])
            for k, (i, ch) in enumerate(marks):
                mark = Mark(piece, i, ch)
                if ch in QUOTES or ch in ("”", "’"):
                    self._quote(mark, ahead[k])
                elif ch in OPENERS:
                    self.stack.append(mark)
                else:
                    self._close(mark, lo)

    def _find(self, family: str | None = None, char: str | None = None) -> int | None:
        """The nearest open mark of ``family`` (or exactly ``char``), at most :data:`_DEPTH` down."""
        stack = self.stack
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _DEPTH), -1):
            c = stack[k].char
            if c == char or (family is not None and _FAMILY[c] == family):
                return k
        return None

    def _close_at(self, k: int, mark: Mark) -> None:
        for x in self.stack[k + 1:]:
            self._unclosed(x)
        _pair(self.out, self.stack[k], mark)
        del self.stack[k:]

    def _close(self, mark: Mark, lo: int) -> None:
        fam = mark.family
        k = self._find(family=fam)
        if k is not None:
            self._close_at(k, mark)
            return
        if _is_list_marker(mark.piece, mark.start, lo):
            return
        top = self.stack[-1] if self.stack else None
        if top is not None and top.family in BRACKETS and fam in BRACKETS:
            ahead = mark.piece.text[mark.start + 1:mark.start + 1 + _AHEAD]
            at = ahead.find(OPENERS[top.char][1])
            if at >= 0 and not _OPEN_OR_STOP.search(ahead, 0, at):
                # (闽政办2018〕43号): the （'s own ） follows, so this 〕 is a stray whose 〔 was left out, not the （'s
                self.loose.append(Unbalanced(mark, "unopened", CLOSERS[mark.char][1], _doubled(mark)))
                return
            _pair(self.out, self.stack.pop(), mark)  # （…】: one pair of the wrong kinds
            return
        self.loose.append(Unbalanced(mark, "unopened", CLOSERS[mark.char][1], _doubled(mark)))

    def _quote(self, mark: Mark, ahead: tuple[str, int] | None) -> None:
        ch = mark.char
        text = mark.piece.text
        if ch in ("‘", "’"):
            before = text[mark.start - 1:mark.start] if mark.start else ""
            after = text[mark.start + 1:mark.start + 2]
            if _LATIN.match(before) and (_LATIN.match(after) or ch == "’"):
                return  # an apostrophe: People’s, students’
            if ch == "’" and before == " " and _LATIN.match(after) and _LATIN.match(text[mark.start - 2:mark.start - 1]):
                return  # an apostrophe after a space a translation put there: State Council ’s
        if ch in QUOTES:  # an opening mark
            top = self.stack[-1] if self.stack else None
            if top is not None and top.char == ch:
                if top.piece is mark.piece and top.start == mark.start - 1:
                    self.loose.append(Unbalanced(mark, "unopened", QUOTES[ch], True))  # ““: one too many
                    return
                end = text.find("\n", mark.start)
                end = end if end >= 0 else len(text)
                close = text.find(QUOTES[ch], mark.start + 1, end)
                inner = text[mark.start + 1:close] if close >= 0 else ""
                if (len(inner) >= 2 and inner[-1] not in "、，,。；;" and ch not in inner
                        and text.count(QUOTES[ch], close + 1, end) >= 1):
                    self.stack.append(mark)  # “…“…”…”: a quotation inside a quotation, both closed (its marks are
                    return  # GB/T 15834's ‘’ inside “”, a question of style, not a mark left unpaired)
                if 2 <= len(inner) <= _NAME_MAX and ch not in inner and not _CLAUSE_MARK.search(inner.replace("、", "")):
                    # “…“name”: a quotation of its own, closed right after; the first one's ” was left out
                    # (可在“政府信息公开网站“市卫生健康委”版块下载): one mark missing, not a reversed one and a stray ”
                    self.stack.pop()
                    self._unclosed(top)
                    self.stack.append(mark)
                    return
                # “…“: the second one should close the first
                self.loose.append(Unbalanced(mark, "reversed", QUOTES[ch]))
                self.stack.pop()
                return
            self.stack.append(mark)
            return
        opener = CLOSERS[ch][1]
        k = self._find(char=opener)
        if k is not None:
            self._close_at(k, mark)
            return
        if (ahead is not None and ahead[0] == ch and not _doubled(mark)
                and not _SENTENCE_IN.search(text, mark.start + 1, ahead[1])):
            # ”…”: this one should open the quotation the next one closes (a name or a phrase between them, not a
            # sentence's part: 某某微讯”公众号，…某某微讯” are two quotations whose “ was left out)
            self.loose.append(Unbalanced(mark, "reversed", opener))
            self.reversed_at.add((id(mark.piece), mark.start))
            self.stack.append(Mark(mark.piece, mark.start, opener))
            return
        self.loose.append(Unbalanced(mark, "unopened", opener, _doubled(mark)))

    def _unclosed(self, m: Mark) -> None:
        if (id(m.piece), m.start) in self.reversed_at:
            return  # a reversed ” that was treated as an opener: already reported
        self.out.unbalanced.append(Unbalanced(m, "unclosed", OPENERS[m.char][1], _doubled(m)))


_NAME_MAX = 30  # characters of a quoted name (a column, a body, a slogan: 公开政务、服务民生、沟通交流、凝聚民生)
_CLAUSE_MARK = re.compile(r"[、，,。；;：:！!？?]")


@dataclass(frozen=True)
class _Para:
    """One paragraph for the walk: a segment of a prose block, or one table cell."""

    piece: Piece
    lo: int
    hi: int
    plain_table: bool = False  # a whole table whose every cell pairs up its own marks

    @property
    def text(self) -> str:
        return self.piece.text[self.lo:self.hi]

    @property
    def cell_key(self) -> tuple[int, int] | None:
        c = self.piece.cell
        return None if c is None else (self.piece.block.index, c.col)


def _para(piece: Piece, lo: int, hi: int, plain_table: bool = False) -> _Para:
    """``_Para(piece, lo, hi, plain_table)`` without the frozen dataclass's __init__ (one object.__setattr__ per
    field; a report has dozens): the same fields in the instance's dict."""
    p = _new(_Para)
    d = p.__dict__
    d["piece"] = piece
    d["lo"] = lo
    d["hi"] = hi
    d["plain_table"] = plain_table
    return p


_new = object.__new__


# A paragraph for the walk: (piece, lo, hi, marks) — a segment of a prose block or one table cell, ``marks`` its
# brackets and quotation marks in order when known ("" for none; None: not read yet); a table whose every cell pairs
# up its own marks is (block, 0, len(text), _PLAIN_TABLE).  Tuples, not _Para objects: a report has dozens of
# paragraphs and nearly all hold nothing to pair (made into a _Para where one is kept or carried).
_PLAIN_TABLE = "\0table"


def _grid_blocks(report) -> frozenset[int]:
    """The table blocks of the statistics tables read from a PDF or an OFD (a grid of cells: a merged cell split by a
    page break keeps part of its label on each page, （五）不予处理 / ）不予处理)."""
    if getattr(getattr(report, "document", None), "format", None) not in PAGED_FORMATS:
        return frozenset()
    return frozenset(b.index for t in report.stats.values() for b in t.blocks if b.kind == "table")


_PIECE_LEN = 16  # the longest line taken for a piece of a table's cell (a label wrapped in a narrow column)
_SENTENCE_END = ("。", "！", "？", "；")


def _unread_table_pieces(report) -> frozenset[int]:
    """The table blocks, and the short lines between them, in the body of part 二, 三 or 四 whose statistics table the
    tool could not read whole (labels it could not map, numbers it could not place, or no table read from its text:
    DL001): a PDF's text of a narrow-columned table prints its cells' words in pieces over lines (（本列数据的勾 /
    …加第四项之和）) that the marks of one cell are spread over."""
    stats = getattr(report, "stats", None)
    if not stats and not getattr(report, "unread_tables", None):
        return frozenset()
    out: set[int] = set()
    for sid in ("s2", "s3", "s4"):
        table = stats.get(sid) if stats else None
        if sid not in report.unread_tables and not (table is not None and (
                table.unmapped or any(c.value.kind != "blank" for c in table.loose))):
            continue
        sec = report.sections_by_id.get(sid)
        for b in sec.blocks if sec is not None else ():
            text = b.text.strip()
            if b.kind == "table" or (b.kind in ("paragraph", "heading") and len(text) <= _PIECE_LEN
                                     and not text.endswith(_SENTENCE_END)):
                out.add(b.index)
    return frozenset(out)


def _paragraphs(report) -> list[tuple]:
    """Paragraphs in document order: segments of prose blocks, and table cells."""
    prose = {p.block.index: p for p in report.prose_pieces}
    out: list[tuple] = []
    for b in report.lintable_blocks:
        if b.kind == "table":
            # each distinct sequence once (most cells hold no mark: hundreds of "" per table); a table without
            # any mark (most tables) has only "" and is not split at all
            if _MARKS.search(b.text) is None or _cells_plain(b.text):
                # every cell's marks pair up in the cell (the usual case): the table as one paragraph
                out.append((b, 0, len(b.text), _PLAIN_TABLE))
                continue
            # cells without a mark cannot change the balance; the first cell still ends the prose
            cells = report.table_pieces.of(b)
            out.extend((p, 0, len(p.text), None) for k, p in enumerate(cells) if k == 0 or _MARKS.search(p.text))
        elif b.index in prose:
            p = prose[b.index]
            text = p.text
            got = _PROSE_PARAS.get(text)
            if got is None:
                got = _prose_paras(text)
                if len(text) <= LONGEST:
                    _PROSE_PARAS.keep(text, got)
            if isinstance(got, str):
                out.append((p, 0, len(text), got))
            else:
                out.extend((p, lo, hi, None) for lo, hi in got)
    return out


_PROSE_PARAS: Kept[str, str | tuple[tuple[int, int], ...]] = Kept("brackets: the paragraphs of a prose block", 4096)


def _prose_paras(text: str) -> str | tuple[tuple[int, int], ...]:
    """How :func:`_paragraphs` cuts a prose block's text: its marks (a string) when it is one paragraph, else its
    segments.  A pure function of the text, kept for the next report in :data:`_PROSE_PARAS` (the prose blocks recur
    from report to report: two thirds of the benchmark's prose blocks were seen before; the search for the marks was
    made in every prose block of every report)."""
    found = _MARKS.findall(text)
    if not found:
        return ""  # nothing to pair: one paragraph will do
    segs = segments(text)
    if len(segs) == 1 and segs[0] == (0, len(text)):
        return "".join(found)  # one paragraph: its marks are the block's
    return tuple(segs)


_LEAD = re.compile(r"[ \t\u3000*#>]*")


def _first_char(para: tuple) -> str:
    """The paragraph's first character after its indent (read in place: no copy of the paragraph)."""
    text, lo, hi = para[0].text, para[1], para[2]
    lead = _LEAD.match(text, lo, hi)
    i = lead.end() if lead is not None else lo  # the pattern matches the empty string: never None
    return text[i] if i < hi else ""


_CARRY = 5  # a bracket left open may close up to this many wrapped lines further on


_TABLE_TAIL = 20  # characters of a paragraph right after a table that may end its last row's label


def _in_last_rows(m: Mark) -> bool:
    table = m.piece.block.table
    cell = m.piece.cell
    return table is not None and cell is not None and cell.row >= len(table.rows) - 2


class _Carry:
    """Opening marks left open at the end of a paragraph that a later one may still close.

    Prose: a mark left open may close in the next paragraph (a paragraph cut by a page or the
    reader) and, while the paragraphs are lines without a sentence end (a hard-wrapped
    paragraph), in one of the next :data:`_CARRY` lines.  Table cells: a mark left open may
    close in the cell below or to the right, until the table ends."""

    def __init__(self, out: Brackets):
        self.out = out
        self.prose: list[list] = []  # [mark, paragraphs left]
        self.prose_block = -1  # the block of the last prose paragraph
        self.cells: dict[tuple[int, int], list[Mark]] = {}
        self.table: int | None = None

    def report(self, marks) -> None:
        for m in marks:
            m = m[0] if isinstance(m, list) else m
            self.out.unbalanced.append(Unbalanced(m, "unclosed", OPENERS[m.char][1], _doubled(m)))
        marks.clear()

    def flush_cells(self) -> None:
        for marks in self.cells.values():
            self.report(marks)
        self.cells.clear()
        self.table = None

    def match(self, para: _Para, loose: list[Unbalanced]) -> list[Unbalanced]:
        """Pair this paragraph's unopened closing marks with carried opening ones; return the rest."""
        key = para.cell_key
        if key is None:
            if self.cells and loose:
                loose = self._after_table(para, loose)
            self.flush_cells()
            stacks = []
        else:
            cell = para.piece.cell
            if self.prose and not (cell is not None and cell.row == 0 and cell.col == 0 and self.prose_block == key[0] - 1):
                # a bracket opened in prose does not close in a table — but in its first cell when the paragraph right
                # before it is the table's own header note, printed over two lines of a PDF's text (（本列数据的勾稽关系
                # 为：…等于第三项加 / 第四项之和）: pdftotext -layout, the second line read as the table's first row)
                self.report(self.prose)
            if self.table != key[0]:
                self.flush_cells()
                self.table = key[0]
            stacks = [self.cells.get(key, []), self.cells.get((key[0], key[1] - 1), [])]
        rest = []
        for u in loose:
            if u.problem != "unopened":
                rest.append(u)
            elif self.prose and _FAMILY[self.prose[-1][0].char] == u.mark.family:
                _pair(self.out, self.prose.pop()[0], u.mark)  # (in a table: its first cell, see above)
            else:
                stack = next((st for st in stacks if st and _FAMILY[st[-1].char] == u.mark.family), None)
                if stack is not None:
                    _pair(self.out, stack.pop(), u.mark)
                else:
                    rest.append(u)
        return rest

    def _after_table(self, para: _Para, loose: list[Unbalanced]) -> list[Unbalanced]:
        """A row label of a PDF's table cut in its text, its end printed right after the table (``（二）部分公开（区分
        处理的，只计这一情`` / the row's numbers / ``形，不计其他情形）``): a short paragraph right after the table
        closes a mark left open in one of the table's last two rows."""
        if self.table is None or para.piece.block.index != self.table + 1 or para.hi - para.lo > _TABLE_TAIL:
            return loose
        rest = []
        for u in loose:
            if u.problem == "unopened":
                stack = next((st for st in self.cells.values() if st and _FAMILY[st[-1].char] == u.mark.family
                              and _in_last_rows(st[-1])), None)
                if stack is not None:
                    _pair(self.out, stack.pop(), u.mark)
                    continue
            rest.append(u)
        return rest

    def keep(self, para: _Para, still_open: list[Mark]) -> None:
        """Carry what ``para`` leaves open; report what can no longer be closed."""
        key = para.cell_key
        if key is not None:
            self.report(self.prose)  # (what the table's first cell did not close)
            self.cells.setdefault(key, []).extend(still_open)
            return
        self.prose_block = para.piece.block.index
        wrapped = not _ENDS_PARAGRAPH.search(para.text)
        alive = []
        for entry in self.prose:
            entry[1] -= 1
            if entry[1] > 0 and wrapped:
                alive.append(entry)
            else:
                self.report([entry])
        # a paragraph that ends a sentence gives the next one a chance to close what it left open;
        # a line without a sentence end gives the lines after it, up to _CARRY of them
        self.prose = alive + [[m, _CARRY if wrapped else 1] for m in still_open]

    def close(self) -> None:
        self.report(self.prose)
        self.flush_cells()


def analyse(report) -> Brackets:
    out = Brackets()
    paras = _paragraphs(report)
    carry = _Carry(out)
    for n, (piece, lo, hi, marks) in enumerate(paras):
        if marks is _PLAIN_TABLE:
            carry.report(carry.prose)  # a bracket opened in prose does not close in a table
            carry.flush_cells()
            out.plain_tables.append(piece)  # (the table's block)
            continue
        if not carry.prose and not carry.cells:
            if marks is None:
                marks = "".join(_MARKS.findall(piece.text, lo, hi))  # read in place: no copy
            if not marks:
                continue  # nothing open, nothing to open or close
            if _plain(marks):
                out.plain.append(_para(piece, lo, hi))  # balanced: its pairs are listed only when asked for
                continue
        para = _para(piece, lo, hi)
        run = _Run(out)
        run.walk([(piece, lo, hi)])
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        out.unbalanced.extend(carry.match(para, run.loose))
        if nxt is None and not _ENDS_SENTENCE.search(piece.text, lo, hi):
            run.stack.clear()  # the document ends mid-sentence: an excerpt cut off (a cut block: below, at the end)
        # a quotation that goes on in the next paragraph (GB/T 15834 4.6.3.3) is not left open
        goes_on = _first_char(nxt) if nxt is not None and run.stack else ""
        still_open = [m for m in run.stack if not (m.char in QUOTES and m.char == goes_on)]
        carry.keep(para, still_open)
    if paras and not _ENDS_SENTENCE.search(_text_of(paras[-1])):
        carry.prose.clear()  # cut off while a bracket was open
        carry.cells.clear()
    carry.close()
    # a mark left unpaired in the rows and label pieces of a PDF table the reader could not lay out, or in a cell of a
    # statistics table read from a PDF (the format's words, their slips DL904's: a merged cell cut by a page break,
    # （五）不予处理 / ）不予处理), is the table's reading, not the clerk's; the marks still pair with the text around
    # them (（二）部分公开（区分处理的…情 / 4 1 0 0 0 0 5 / 形）)
    quiet = (frozenset(getattr(getattr(report, "document", None), "table_text", ())) | _grid_blocks(report)
             | _unread_table_pieces(report))
    if quiet:
        out.unbalanced = [u for u in out.unbalanced if u.mark.piece.block.index not in quiet]
    cut = getattr(report, "truncation", None)
    if cut is not None:  # left open where the file is cut off (（本列数据的勾稽关系为： at the end: DL002 says so)
        out.unbalanced = [u for u in out.unbalanced if not (u.problem == "unclosed" and u.mark.piece.block is cut.block)]
    out.unbalanced.sort(key=lambda u: (u.mark.piece.block.index, u.mark.piece.base or 0, u.mark.start))
    return out


def _text_of(para: tuple) -> str:
    return para[0].text[para[1]:para[2]]
