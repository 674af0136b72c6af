"""Source positions of an HTML page: its text mapped back to line and column.

lxml gives element text without positions (only an element's start line, capped at 65535).  This
module tokenizes the decoded page itself: :class:`Source` holds the *text stream* — the text of every
run outside tags, comments and raw-text elements, entities decoded — with breakpoints mapping stream
offsets back to source offsets, and the source offset of every start tag.  :func:`align` finds each
text node of the parsed tree (``el.text``, ``el.tail``) in that stream, in document order, so that
every word the reader emits can be split into pieces with exact (line, column) positions, also after
entities (``&nbsp;`` ``&ldquo;``) and inside lines of any length.  A text node that cannot be aligned
(very broken markup) gets -1 and the reader anchors it at its element's start tag.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from html import unescape as _unescape

from ..textio import line_starts

# Elements whose content the tokenizer treats as raw text (not part of the text stream).
RAW = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
RCDATA = frozenset({"title", "textarea"})

WINDOW = 4096  # how far ahead a text node may be found in the stream (skipped whitespace, dropped text)
_PARSE_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # libxml2 rejects these: same-length spaces


def clean_source(text: str) -> str:
    """The page as the parser and :class:`Source` see it: line breaks normalised to ``\\n``, control
    characters libxml2 rejects replaced by spaces (same length: columns unchanged)."""
    src = text.replace("\r\n", "\n").replace("\r", "\n")
    if _PARSE_CONTROLS.search(src):
        src = _PARSE_CONTROLS.sub(" ", src)
    return src


def parse_tree(src: str):
    """The lxml tree of :func:`clean_source` text (libxml2's HTML parser: tolerant of broken markup;
    scripts are never run, nothing is fetched), or None when libxml2 gives nothing."""
    # lxml is loaded on demand: only HTML pages and Markdown files with raw-HTML tables need it
    from lxml import etree

    parser = etree.HTMLParser(encoding="utf-8", remove_comments=False, remove_pis=False, no_network=True,
                              huge_tree=True, default_doctype=False, remove_blank_text=False)
    try:
        return etree.fromstring(src.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.LxmlError, ValueError, TypeError, UnicodeError):
        return None

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment
    r"|<[!?][^>]*>?"  # doctype, CDATA, processing instruction
    r"|</(?![A-Za-z])[^>]*>?"  # bogus end tag
    r"|<(/?)([A-Za-z][^\s/>\"'=]*)[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>?",  # tag
    re.S)
_ENT = re.compile(r"&(?:#[xX][0-9A-Fa-f]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)")


def _charref(ent: str) -> str:
    if ent[1] != "#":
        return _unescape(ent)
    digits = ent[3:] if ent[2] in "xX" else ent[2:]
    digits = digits.rstrip(";")
    if len(digits) > 8:
        return "\ufffd"
    num = int(digits, 16 if ent[2] in "xX" else 10)
    if num == 0 or 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
        return "\ufffd"
    if num < 0x20 or num == 0x7F:
        return chr(num)  # libxml2 keeps these; they are sanitised on output
    return _unescape(ent)


class Source:
    """The decoded page as libxml2 sees it, plus the *text stream*: the concatenated text of
    every text run (outside tags, comments and raw-text elements) with entities decoded, and
    breakpoints mapping stream offsets back to source offsets."""

    def __init__(self, src: str, place: Callable[[int, int], tuple[int, int]] | None = None):
        self.src = src
        self.place = place  # (line, column) in ``src`` → in the file ``src`` was cut from (an HTML fragment)
        self.line_starts = line_starts(src)
        self.parts: list[str] = []
        self.bp_s: list[int] = []
        self.bp_r: list[int] = []
        self.bp_e: list[bool] = []
        self._len = 0
        self.tags: dict[str, list[tuple[int, int]]] = {}  # start tags by name: (start, end) offsets
        self.el_pos: dict | None = None
        self._scan()
        self.stream = "".join(self.parts)
        self.parts = []

    # stream construction
    def _piece(self, text: str, raw: int, entity: bool) -> None:
        self.bp_s.append(self._len)
        self.bp_r.append(raw)
        self.bp_e.append(entity)
        self.parts.append(text)
        self._len += len(text)

    def _text(self, a: int, b: int) -> None:
        if a >= b:
            return
        src = self.src
        seg = src[a:b]
        if seg.isspace():
            return  # whitespace-only runs are never aligned (lxml's blank text nodes are skipped)
        if "&" not in seg:
            self._piece(seg, a, False)
            return
        pos = a
        for m in _ENT.finditer(src, a, b):
            ent = m.group()
            dec = _charref(ent)
            if dec == ent:
                continue
            if m.start() > pos:
                self._piece(src[pos:m.start()], pos, False)
            if dec:
                self._piece(dec, m.start(), True)
            pos = m.end()
        if pos < b:
            self._piece(src[pos:b], pos, False)

    def _scan(self) -> None:
        src = self.src
        n = len(src)
        pos = 0
        search = _TOKEN.search
        text = self._text
        while pos < n:
            m = search(src, pos)
            if m is None:
                text(pos, n)
                break
            text(pos, m.start())
            pos = m.end()
            name = m.group(2)
            if name and not m.group(1):
                name = name.lower()
                lst = self.tags.get(name)
                if lst is None:
                    self.tags[name] = [(m.start(), pos)]
                else:
                    lst.append((m.start(), pos))
                if name in RAW or name in RCDATA:
                    close = re.compile(rf"</{re.escape(name)}(?=[\s/>])[^>]*>?|</{re.escape(name)}$", re.I)
                    c = close.search(src, pos)
                    body_end = n if c is None else c.start()
                    if name in RCDATA:
                        text(pos, body_end)
                    pos = n if c is None else c.end()

    # lookups
    def pos(self, raw: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        i = bisect_right(self.line_starts, raw) - 1
        if self.place is not None:
            return self.place(i + 1, raw - self.line_starts[i] + 1)
        return i + 1, raw - self.line_starts[i] + 1

    def pieces(self, so: int, word: str) -> list[tuple[str, int, int]]:
        """Split ``word`` (found at stream offset ``so``) at breakpoints: (text, line, column) pieces."""
        out = []
        end = so + len(word)
        bp_s, bp_r, bp_e = self.bp_s, self.bp_r, self.bp_e
        i = bisect_right(bp_s, so) - 1
        start = so
        nbp = len(bp_s)
        while start < end:
            stop = min(end, bp_s[i + 1]) if i + 1 < nbp else end
            raw = bp_r[i] if bp_e[i] else bp_r[i] + (start - bp_s[i])
            ln, col = self.pos(raw)
            out.append((word[start - so:stop - so], ln, col))
            start = stop
            i += 1
        return out

    def map_elements(self, doc) -> None:
        """Pair every element with its start tag in the source (document order, checked against
        lxml's ``sourceline``); elements the parser implied have no start tag."""
        el_pos: dict = {}
        cursors: dict[str, int] = {}
        line_starts = self.line_starts
        for el in doc.iter():
            tag = tag_of(el)
            if tag is None:
                continue
            lst = self.tags.get(tag)
            if not lst:
                continue
            i = cursors.get(tag, 0)
            n = len(lst)
            line = el.sourceline or 0
            if 0 < line < 65535:  # libxml2 caps element lines at 65535
                # skip start tags the parser dropped: they end on an earlier line
                while i < n and bisect_right(line_starts, lst[i][1] - 1) < line:
                    i += 1
                if i < n and bisect_right(line_starts, lst[i][0]) <= line:
                    el_pos[el] = lst[i][0]
                    i += 1
            elif i < n:
                el_pos[el] = lst[i][0]
                i += 1
            cursors[tag] = i
        self.el_pos = el_pos

    def tag_pos(self, el) -> tuple[int, int]:
        """Position of an element's start tag (``<td``); its ``sourceline`` when it has none."""
        if self.el_pos is not None:
            off = self.el_pos.get(el)
            if off is not None:
                return self.pos(off)
        line = getattr(el, "sourceline", None) or 1
        line = min(max(line, 1), len(self.line_starts))
        return self.place(line, 1) if self.place is not None else (line, 1)


# -- walking the tree and aligning its text ---------------------------------------------------------

def walk(top, enter: Callable[[object], bool], leave: Callable[[object, bool], None]) -> None:
    """Iterative depth-first walk: ``enter(el) -> descend?``, ``leave(el, entered)`` after the
    subtree, for ``top`` too (tails are the caller's business in ``leave``: the tail of a ``<br>``
    that is the walk's top is text of the cell around it)."""
    if not enter(top):
        leave(top, False)
        return
    stack = [(top, iter(top))]
    while stack:
        el, it = stack[-1]
        child = next(it, None)
        if child is None:
            stack.pop()
            leave(el, True)
            continue
        if enter(child):
            stack.append((child, iter(child)))
        else:
            leave(child, False)


def tag_of(el) -> str | None:
    t = el.tag
    return t if t.__class__ is str else None  # libxml2's HTML parser lowercases tag names


def align(doc, source: Source) -> tuple[dict, dict]:
    """Stream offset of every non-blank text node (``el.text`` and ``el.tail``); -1 when lost."""
    stream = source.stream
    text_at: dict = {}
    tail_at: dict = {}
    state = {"cursor": 0, "misses": 0}

    def match(t: str) -> int:
        cur = state["cursor"]
        if stream.startswith(t, cur):
            p = cur
        else:
            p = stream.find(t, cur, cur + len(t) + WINDOW)
            if p < 0 and state["misses"] < 50:
                state["misses"] += 1
                p = stream.find(t, cur, cur + len(t) + 1_000_000)
            if p < 0:
                return -1
        state["cursor"] = p + len(t)
        return p

    def enter(el) -> bool:
        tag = tag_of(el)
        if tag is not None and tag not in RAW:
            t = el.text
            if t and not t.isspace():
                text_at[el] = match(t)
        return tag is not None

    def leave(el, _entered) -> None:
        t = el.tail
        if t and not t.isspace():
            tail_at[el] = match(t)

    walk(doc, enter, leave)
    return text_at, tail_at

