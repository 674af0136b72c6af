"""Inline text of an HTML page with source positions: words gathered into the lines of one block.

The reader walks the parsed page and hands every text node here with its stream offset
(:mod:`.html_source`).  :class:`Lines` gathers the words of one block as (text, line, column) pieces:
runs of spaces collapse to one, a source line break between Chinese characters joins them, ``<br>``
starts a new line; :func:`assemble` turns the lines into block text and anchors.  :class:`TextWalker`
reads the text of one element (a table cell, a hidden element, the page title) as a single line, and
is the base of the reader's block walk.  Control characters never reach block text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Anchor, BlockKind, Table
from .html_source import Source, tag_of, walk
from .lines import new_anchor

# Content never shown as text (or page machinery): skipped with everything inside.
SKIP = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
    "select", "option", "optgroup", "button", "textarea", "input", "datalist", "iframe", "frame",
    "frameset", "noframes", "object", "embed", "applet", "param", "svg", "math", "canvas", "map",
    "area", "audio", "video", "source", "track", "nav", "xmp", "noembed", "plaintext", "colgroup", "col",
})
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend",
})
_SIMPLE = frozenset({"p", "span", "font", "div", "b", "strong", "em", "i", "u", "center"})

_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’…—]")
_WORD = re.compile(r"[^ \t\n\r\f]+")
_STRIP = " \t\n\r\f\u3000"
# C0 controls (except tab/newline), DEL, C1 controls and NBSP → space: same length, plain text only.
_SANITIZE = dict.fromkeys([*range(9), 11, 12, *range(14, 32), *range(0x7F, 0xA1)], " ")
_NEEDS_SANITIZE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0]")


class Lines:
    """Inline text being collected for one block: lines of (text, line, column) pieces."""

    __slots__ = ("alone", "captioned", "chars", "images", "lines", "link", "pending", "zoom")

    def __init__(self) -> None:
        self.lines: list[list[list]] = [[]]
        self.pending = 0  # 0: none, 1: space, 2: whitespace with a line break
        self.link = 0
        self.chars = 0
        self.images = 0
        self.zoom = 0  # pictures that link to their enlargement (a thumbnail): link text beside them is theirs
        self.captioned = 0  # pictures in a link that are a table's picture only beside a table's caption
        # a picture on a line of its own: 1 at the start of the open line, 2 its line ended with nothing after it
        # (a <br>), -1 inside a line of text, 0 none
        self.alone = 0

    def space(self, newline: bool) -> None:
        if self.lines[-1]:
            self.pending = max(self.pending, 2 if newline else 1)

    def br(self) -> None:
        if self.lines[-1]:
            self.lines.append([])
        elif self.alone == 1:
            self.alone = 2
        self.pending = 0

    def picture(self, how: str = "picture") -> None:
        """A picture at this point of the text (:attr:`alone` says whether it has a line of its own); ``how``:
        ``picture``, ``zoom`` (:attr:`zoom`) or ``caption`` (:attr:`captioned`)."""
        self.images += 1
        if how == "zoom":
            self.zoom += 1
        elif how == "caption":
            self.captioned += 1
        if self.alone != 2:
            self.alone = -1 if self.lines[-1] else 1

    def add(self, text: str, ln: int | None, col: int | None, link: bool) -> None:
        line = self.lines[-1]
        if self.pending and line:
            prev = line[-1]
            if self.pending == 1 or not (_WIDE.match(prev[0][-1]) or _WIDE.match(text[0])):
                pl, pc = (prev[1], prev[2] + len(prev[0])) if prev[1] is not None else (None, None)
                line.append([" ", pl, pc])
        self.pending = 0
        if ln is None and line and line[-1][1] is not None:
            p = line[-1]
            ln, col = p[1], p[2] + len(p[0])
        line.append([text, ln, col])
        if self.alone == 1:
            self.alone = -1  # text after the picture on its line
        n = len(text)
        self.chars += n
        if link:
            self.link += n


def strip_pieces(pieces: list[list]) -> list[list]:
    while pieces:
        t, ln, col = pieces[0]
        s = t.lstrip(_STRIP)
        if not s:
            pieces.pop(0)
            continue
        if len(s) != len(t):
            pieces[0] = [s, ln, None if col is None else col + len(t) - len(s)]
        break
    while pieces:
        t = pieces[-1][0]
        s = t.rstrip(_STRIP)
        if not s:
            pieces.pop()
            continue
        pieces[-1] = [s, pieces[-1][1], pieces[-1][2]]
        break
    return pieces


def assemble(lines: list[list[list]], sep: str = "\n") -> tuple[str, tuple[Anchor, ...]]:
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    last: Anchor | None = None
    for i, pieces in enumerate(lines):
        if i:
            parts.append(sep)
            offset += len(sep)
        for t, ln, col in pieces:
            if ln is not None and not (last is not None and ln == last.line
                                       and col == last.column + (offset - last.offset)):
                last = new_anchor(offset, ln, col)
                anchors.append(last)
            parts.append(t)
            offset += len(t)
    return "".join(parts), tuple(anchors)


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Item:
    """A block of a web page's text being read: its kind, text, anchors and table."""

    kind: BlockKind
    text: str
    anchors: tuple[Anchor, ...]
    level: int | None = None
    link: int = 0
    table: Table | None = None
    fallback: tuple[int, int] | None = None  # (line, column) when the text has no anchor

    @property
    def start(self) -> tuple[int | None, int | None]:
        if self.anchors:
            return self.anchors[0].line, self.anchors[0].column
        return self.fallback or (None, None)


def slice_item(it: Item, start: int, end: int) -> Item:
    text = it.text[start:end]
    base = None
    rest = []
    for a in it.anchors:
        if a.offset <= start:
            base = a
        elif a.offset < end:
            rest.append(Anchor(a.offset - start, a.line, a.column))
    anchors = ([Anchor(0, base.line, base.column + (start - base.offset))] if base else []) + rest
    return Item(it.kind, text, tuple(anchors), it.level, min(it.link, len(text)), None, it.fallback)



class TextWalker:
    """Text of the page's elements as :class:`Lines` of positioned pieces.

    ``text_at`` / ``tail_at`` are the stream offsets of the text nodes (:func:`.html_source.align`);
    elements in ``skip`` are left out with everything inside, as the :data:`SKIP` tags are.
    """

    def __init__(self, source: Source, text_at: dict, tail_at: dict, skip: set | frozenset = frozenset()):
        self.src = source
        self.text_at = text_at
        self.tail_at = tail_at
        self.skip_extra = skip
        self.cur = Lines()
        self.link = 0
        self.pre = 0
        self.cell_mode = False

    def text(self, s: str, so: int | None, owner) -> None:
        """Add the text node ``s`` (at stream offset ``so``; -1 or None: not aligned) of element ``owner``."""
        if _NEEDS_SANITIZE.search(s):
            s = s.translate(_SANITIZE)  # same length: positions unchanged
        cur = self.cur
        link = self.link > 0
        src = self.src
        if self.pre and not self.cell_mode:
            pos = 0
            for k, seg in enumerate(s.split("\n")):
                if k:
                    cur.br()
                if seg.strip():
                    self._word(seg, None if so is None or so < 0 else so + pos, owner, link, src)
                pos += len(seg) + 1
            return
        pos = 0
        first = True
        for m in _WORD.finditer(s):
            if m.start() > pos:
                cur.space("\n" in s[pos:m.start()])
            if so is not None and so >= 0:
                self._word(m.group(), so + m.start(), owner, link, src)
            else:
                self._fallback(m.group(), owner, link, first)
            first = False
            pos = m.end()
        if pos < len(s):
            cur.space("\n" in s[pos:])

    def _word(self, word: str, so: int | None, owner, link: bool, src: Source) -> None:
        if so is None:
            self._fallback(word, owner, link, True)
            return
        for t, ln, col in src.pieces(so, word):
            self.cur.add(t, ln, col, link)

    def _fallback(self, word: str, owner, link: bool, first: bool) -> None:
        if first:
            ln, col = self.src.tag_pos(owner)
            self.cur.add(word, ln, col, link)
        else:
            self.cur.add(word, None, None, link)

    # one element as one line
    def cell_text(self, td) -> tuple[str, tuple[Anchor, ...]]:
        """The text of element ``td``'s content as one line (block elements and ``<br>`` are spaces)."""
        saved = (self.cur, self.cell_mode, self.link, self.pre)
        self.cur = Lines()
        self.cell_mode = True
        self.link = 0
        self.pre = 0
        try:
            if td.text:
                self.text(td.text, self.text_at.get(td), td)
            for child in td:
                tag = tag_of(child)
                if tag in _SIMPLE and len(child) == 0:  # fast path: <p>text</p>, <span>text</span>
                    if child.text:
                        block = tag in BLOCK
                        if block:
                            self.cur.space(True)
                        self.text(child.text, self.text_at.get(child), child)
                        if block:
                            self.cur.space(True)
                    if child.tail:
                        self.text(child.tail, self.tail_at.get(child), child)
                    continue
                walk(child, self._cell_enter, self._cell_leave)
            pieces = [p for line in self.cur.lines for p in line]
            return assemble([strip_pieces(pieces)])
        finally:
            self.cur, self.cell_mode, self.link, self.pre = saved

    def _cell_enter(self, el) -> bool:
        tag = tag_of(el)
        if tag is None or tag in SKIP or el in self.skip_extra:
            return False
        if tag in ("br", "img"):
            if tag == "br":
                self.cur.space(True)
            return False
        if tag in BLOCK:
            self.cur.space(True)
        t = el.text
        if t:
            self.text(t, self.text_at.get(el), el)
        return True

    def _cell_leave(self, el, entered: bool) -> None:
        if entered and tag_of(el) in BLOCK:
            self.cur.space(True)
        t = el.tail
        if t:
            self.text(t, self.tail_at.get(el), el)
