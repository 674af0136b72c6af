"""Word XML for ``annotate``: a paragraph's characters as the Word reader reads them, runs split at exact
offsets, and tracked changes (修订) that Word, WPS and LibreOffice accept or reject.

:func:`read_chars` walks a ``w:p`` as :mod:`disclosure_lint.readers.docx` does (tracked insertions count,
deletions, hidden runs and field instructions do not; a tab is ``\\t``, a break ``\\n``) and says, for every
character, which run and which node of the run it comes from (``None`` for characters no run holds: an
equation).  :func:`clean_offsets` maps the reader's block text (every line stripped, blank lines dropped) to
those characters.  :func:`boundary` splits the run holding a character so that a new run starts there: the
new run gets a copy of the run's formatting (``w:rPr``) and the rest of its content, so the text looks
exactly as before.  :class:`Revisions` wraps runs in ``w:del`` (their ``w:t`` become ``w:delText``) and
inserts a ``w:ins`` run with the replacement, authored ``disclosure-lint``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .readers.docx import frame_cells, switched_on, symbol_char
from .readers.docx_numbering import MAX_LABEL

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, R, T, TBL, TC = _W + "p", _W + "r", _W + "t", _W + "tbl", _W + "tc"
RPR, PPR, VANISH = _W + "rPr", _W + "pPr", _W + "vanish"
INS, DEL, MOVE_TO, MOVE_FROM = _W + "ins", _W + "del", _W + "moveTo", _W + "moveFrom"
SDT, SDT_CONTENT, CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
HYPERLINK, SMART_TAG, FLD_SIMPLE = _W + "hyperlink", _W + "smartTag", _W + "fldSimple"
FLD_CHAR, INSTR, TXBX = _W + "fldChar", _W + "instrText", _W + "txbxContent"
TAB, PTAB, BR, CR, NBH, SYM = _W + "tab", _W + "ptab", _W + "br", _W + "cr", _W + "noBreakHyphen", _W + "sym"
ALT, CHOICE = _MC + "AlternateContent", _MC + "Choice"

_INLINE = frozenset({INS, MOVE_TO, HYPERLINK, SMART_TAG, FLD_SIMPLE, CUSTOM_XML, _W + "bdo", _W + "dir",
                     SDT_CONTENT})
# where a run may be wrapped in w:del or preceded by w:ins: not inside another revision
_EDITABLE_PARENTS = frozenset({P, HYPERLINK, SMART_TAG, CUSTOM_XML, SDT_CONTENT, FLD_SIMPLE})
_STRIP = " \t\u3000\xa0"
MAX_DEPTH = 40


@dataclass(frozen=True)
class Piece:
    """Where one character comes from: ``node`` of ``run`` (a ``w:t`` and the ``index`` in its text, or a
    one-character node such as ``w:tab``)."""

    run: Any
    node: Any
    index: int = 0


Chars = tuple[str, list[Piece | None]]


class _Walk:
    def __init__(self) -> None:
        self.text: list[str] = []
        self.where: list[Piece | None] = []
        self.fields: list[bool] = []  # open complex fields: True while in their instruction part

    def add(self, s: str, piece: Piece | None) -> None:
        for i, ch in enumerate(s):
            self.text.append(ch)
            self.where.append(Piece(piece.run, piece.node, i) if piece is not None and piece.node.tag == T
                              else piece)

    def inline(self, el, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        for ch in el.iterchildren():
            tag = ch.tag
            if tag == R:
                self.run(ch)
            elif tag in _INLINE:
                self.inline(ch, depth + 1)
            elif tag == SDT:
                content = ch.find(SDT_CONTENT)
                if content is not None:
                    self.inline(content, depth + 1)
            elif tag == ALT:
                branch = ch.find(CHOICE)
                if branch is not None:
                    self.inline(branch, depth + 1)
            elif isinstance(tag, str) and tag.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/math}"):
                self.add("".join(t.text or "" for t in ch.iter(tag.split("}")[0] + "}t")), None)

    def run(self, r) -> None:
        rpr = r.find(RPR)
        if rpr is not None and switched_on(rpr.find(VANISH)):
            return
        for ch in r.iterchildren():
            tag = ch.tag
            if tag == FLD_CHAR:
                kind = ch.get(_W + "fldCharType")
                if kind == "begin":
                    self.fields.append(True)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = False
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif any(self.fields):
                continue
            elif tag == T:
                self.add(ch.text or "", Piece(r, ch))
            elif tag in (TAB, PTAB):
                self.add("\t", Piece(r, ch))
            elif tag in (BR, CR):
                self.add("\n", Piece(r, ch))
            elif tag == NBH:
                self.add("-", Piece(r, ch))
            elif tag == SYM:
                self.add(symbol_char(ch.get(_W + "char") or ""), Piece(r, ch))


def read_chars(p) -> Chars:
    """The paragraph's text as the Word reader reads it (before stripping) and where each character is."""
    walk = _Walk()
    walk.inline(p, 0)
    return "".join(walk.text), walk.where


def clean(raw: str) -> str:
    """The reader's block text of a paragraph: every line stripped, blank lines dropped."""
    if "\n" not in raw:
        return raw.strip(_STRIP)
    return "\n".join(s for s in (line.strip(_STRIP) for line in raw.split("\n")) if s)


def clean_offsets(raw: str, text: str) -> list[int] | None:
    """For each character of ``text`` (a :func:`clean` of ``raw``) its offset in ``raw``; None when ``text``
    is not one."""
    out: list[int] = []
    j = 0
    for ch in text:
        while j < len(raw) and raw[j] != ch:
            j += 1
        if j == len(raw):
            return None
        out.append(j)
        j += 1
    return out


def numbered_offsets(p, raw: str, text: str) -> list[int] | None:
    """:func:`clean_offsets` of a paragraph whose block text starts with the number Word draws before it (the
    reader's :mod:`.readers.docx_numbering`): -1 for each character of that number (no run holds it: nothing there
    can be marked or edited), else None."""
    ppr = p.find(PPR)
    if ppr is None or (ppr.find(_W + "numPr") is None and ppr.find(_W + "pStyle") is None):
        return None
    own = clean(raw)
    k = len(text) - len(own)
    if not own or not 0 < k <= MAX_LABEL + 1 or not text.endswith(own):
        return None
    offsets = clean_offsets(raw, own)
    return None if offsets is None else [-1] * k + offsets


def body_paragraphs(body) -> Iterator[Any]:
    """Body paragraphs in reading order (through content controls and tracked insertions), each followed by the
    paragraphs of its text boxes; paragraphs inside tables are left out (the reader's cells are not paragraphs),
    apart from those of a layout frame (:func:`.readers.docx.frame_cells`: the reader's body paragraphs)."""
    def walk(container, depth: int) -> Iterator[Any]:
        for ch in container.iterchildren():
            if ch.tag == P:
                yield ch
                for box in ch.iter(TXBX):
                    yield from box.iter(P)
            elif ch.tag == TBL:
                cells = frame_cells(ch) if depth < MAX_DEPTH else None
                for tc in cells or ():
                    yield from walk(tc, depth + 1)
            elif depth < MAX_DEPTH and ch.tag in (SDT, SDT_CONTENT, CUSTOM_XML, INS, MOVE_TO):
                inner = ch.find(SDT_CONTENT) if ch.tag == SDT else ch
                if inner is not None:
                    yield from walk(inner, depth + 1)
    yield from walk(body, 0)


# -- splitting runs -----------------------------------------------------------------------------------------

def _new_run_like(r):
    new = OxmlElement("w:r")
    rpr = r.find(RPR)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    return new


def _t(text: str, tag: str = "w:t"):
    t = OxmlElement(tag)
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def _split_run(piece: Piece) -> None:
    """Split ``piece.run`` so that a new run starts at ``piece`` (same formatting)."""
    r, node = piece.run, piece.node
    new = _new_run_like(r)
    children = [c for c in r.iterchildren() if c.tag != RPR]
    k = children.index(node)
    if node.tag == T and piece.index > 0:
        text = node.text or ""
        node.text = text[:piece.index]
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        moved = [_t(text[piece.index:]), *children[k + 1:]]
    else:
        moved = children[k:]
    for c in moved:
        new.append(c)
    r.addnext(new)


def boundary(p, offset: int) -> bool:
    """Make a run start at character ``offset`` of the paragraph (raw offsets); False when no run holds the
    characters on either side (an equation)."""
    text, where = read_chars(p)
    if offset <= 0 or offset >= len(text):
        return True
    before, at = where[offset - 1], where[offset]
    if before is None or at is None:
        return False
    if before.run is not at.run:
        return True
    _split_run(at)
    return True


def runs_between(p, start: int, end: int) -> list[Any] | None:
    """The runs holding raw characters ``start``…``end`` (exclusive), once split there; None when a character
    is in no run or a run reaches outside the span."""
    if not (boundary(p, start) and boundary(p, end)):
        return None
    where = read_chars(p)[1]
    runs: list[Any] = []
    for piece in where[start:end]:
        if piece is None:
            return None
        if not runs or runs[-1] is not piece.run:
            runs.append(piece.run)
    return runs


# -- tracked changes ----------------------------------------------------------------------------------------

def editable(run) -> bool:
    parent = run.getparent()
    return parent is not None and parent.tag in _EDITABLE_PARENTS


class Revisions:
    """Tracked changes authored ``author`` at ``date`` (ids after the document's own)."""

    def __init__(self, document_element, author: str, date: str) -> None:
        self.author, self.date = author, date
        # after every annotation id of the document (comments, bookmarks, revisions): Word wants them distinct
        ids = [int(v) for el in document_element.iter()
               if (v := el.get(_W + "id")) is not None and v.lstrip("-").isdigit()]
        self.next_id = max(ids, default=0) + 1
        self.count = 0

    def _mark(self, tag: str):
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el

    def replace(self, runs: list[Any], replacement: str) -> None:
        """Delete ``runs`` and insert ``replacement`` after them, formatted as the first of them."""
        last = None
        for r in runs:
            for t in r.iter(T):
                t.tag = qn("w:delText")
            for t in r.iter(INSTR):
                t.tag = qn("w:delInstrText")
            d = self._mark("w:del")
            r.addprevious(d)
            d.append(r)
            last = d
        if replacement and last is not None:
            last.addnext(self._insertion(runs[0], replacement))
        self.count += 1

    def insert(self, run, replacement: str, before: bool) -> None:
        """Insert ``replacement`` before (or after) ``run``, formatted as it."""
        ins = self._insertion(run, replacement)
        if before:
            run.addprevious(ins)
        else:
            run.addnext(ins)
        self.count += 1

    def _insertion(self, like, text: str):
        ins = self._mark("w:ins")
        r = _new_run_like(like)
        r.append(_t(text))
        ins.append(r)
        return ins
