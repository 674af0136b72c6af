"""Text a web page gives search engines but not its readers (used by the HTML reader).

The commonest hijack of a government page does not touch the report at all: the attacker rewrites the
page's ``<title>`` (``开云体育官网_乐鱼体育app下载_某某局2023年…年度报告``), its
``<meta name="keywords">`` and ``<meta name="description">``, which search engines index and show and
which no reader of the page body ever sees; or adds a script that writes a hidden block of links
(``document.write('<div style="display:none"><a href=…>…</a></div>')``) that is in no text node of
the source.  The reader lists these texts in ``Document.seo`` as :class:`~disclosure_lint.model.HiddenItem`
(see :mod:`disclosure_lint.report.hidden`): a Block of kind ``html`` (index -1, not
one of the document's blocks) anchored at the exact source line/column of the text, ``how``
(``page-title``, ``meta-keywords``, ``meta-description``, ``meta-title``; for script-written markup the
way it is hidden, or ``script-written`` when it is not), ``element``, ``tag``, ``in_body``, ``links``
and ``via`` (``head`` or ``script``).

Script-written markup is read only from ``document.write`` / ``document.writeln`` calls whose argument
is string literals joined by ``+`` (no variables, no ``unescape``): a statistics snippet built from
variables is never guessed at.  The literals of one script are joined in order (an injected block is
often written in pieces) and parsed as an HTML fragment; its hidden elements are found as in the page
itself (:func:`.html_hidden.find_hidden`, inline styles), and when nothing in it is hidden the whole
fragment is listed as ``script-written``.  Positions of script-written text are those of the first
literal (the text inside markup inside a JavaScript string has no exact column).
"""

from __future__ import annotations

import re
from html import unescape

from lxml import html as lxml_html

from ..model import Anchor, Block, HiddenItem, PageLink
from .html_hidden import find_hidden

_META = {"keywords": "meta-keywords", "description": "meta-description", "og:title": "meta-title",
         "og:description": "meta-description", "title": "meta-title"}
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_ENT = re.compile(r"&(?:#[xX][0-9A-Fa-f]{1,6};?|#[0-9]{1,7};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
_TITLE_END = re.compile(r"</title\s*>", re.I)
_WRITE = re.compile(r"document\s*\.\s*write(?:ln)?\s*\(\s*")
_LITERAL = re.compile(r"""'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)\"""", re.S)
_PLUS = re.compile(r"\s*\+\s*")
_CLOSE = re.compile(r"\s*\)")
_JS_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|(.))", re.S)
_JS_SIMPLE = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "v": "", "0": ""}
_CJK = re.compile("[\u3400-\u9fff]")
MAX_SCRIPT = 200_000  # a larger inline script is a library, not an injected snippet
MAX_ITEMS = 50
MAX_TEXT = 5000  # of a title or a meta value
# Inside written markup, content that is not text.
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "select",
                   "option", "button", "textarea", "input", "iframe", "object", "embed", "svg", "img"})
_BLOCKS = frozenset({"div", "p", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "br", "h1", "h2",
                     "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "marquee"})


def _raw_text(source, a: int, b: int) -> tuple[str, tuple[Anchor, ...]]:
    """The text of ``source.src[a:b]`` (entities decoded, whitespace as single spaces, trimmed) with anchors."""
    src = source.src
    b = min(b, a + MAX_TEXT)
    pieces: list[tuple[str, int]] = []  # (text, raw offset of its first character)
    pos = a
    for m in _ENT.finditer(src, a, b):
        if m.start() > pos:
            pieces.append((src[pos:m.start()], pos))
        pieces.append((unescape(m.group(0)), m.start()))
        pos = m.end()
    if pos < b:
        pieces.append((src[pos:b], pos))
    text: list[str] = []
    anchors: list[Anchor] = []
    space = False
    last = -2  # source offset of the previous character kept
    for piece, raw in pieces:
        entity = src.startswith("&", raw) and piece != src[raw:raw + len(piece)]
        for k, ch in enumerate(piece):
            if ch.isspace():
                space = bool(text)
                continue
            if space:
                text.append(" ")
                space = False
            at = raw if entity else raw + k
            if at != last + 1 or (at and src[at - 1] == "\n"):
                line, column = source.pos(at)
                anchors.append(Anchor(len(text), line, column))
            last = at
            text.append(ch)
    return "".join(text), tuple(anchors)


def _block(text: str, anchors: tuple[Anchor, ...], fallback: tuple[int, int]) -> Block:
    line, column = (anchors[0].line, anchors[0].column) if anchors else fallback
    return Block(index=-1, kind="html", text=text, line=line, column=column, anchors=anchors)


def head_texts(source) -> list[HiddenItem]:
    """The page title and its keywords / description metas as ``Document.seo`` entries."""
    out = []
    src = source.src
    titles = source.tags.get("title") or []
    if titles:
        start, end = titles[0]
        m = _TITLE_END.search(src, end)
        text, anchors = _raw_text(source, end, m.start() if m else min(len(src), end + 2000))
        if text:
            out.append(_entry("page-title", "title", "title", _block(text, anchors, source.pos(start))))
    seen = set()
    for start, end in source.tags.get("meta") or ():
        attrs: dict[str, tuple[int, int] | None] = {}
        for m in _ATTR.finditer(src, start + 5, end):
            k = m.group(1).lower()
            g = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4 if m.group(4) is not None else 0
            attrs.setdefault(k, (m.start(g), m.end(g)) if g else None)
        key = None
        for attr in ("name", "property"):
            span = attrs.get(attr)
            if span is not None:
                key = src[span[0]:span[1]].strip().lower()
                break
        how = _META.get(key or "")
        span = attrs.get("content")
        if how is None or span is None or (how, span) in seen:
            continue
        seen.add((how, span))
        text, anchors = _raw_text(source, *span)
        if text:
            out.append(_entry(how, f'meta name="{key}"', "meta", _block(text, anchors, source.pos(start))))
    return out


def _entry(how: str, element: str, tag: str, block: Block, in_body: bool = False, links: tuple[PageLink, ...] = (),
           via: str = "head") -> HiddenItem:
    return HiddenItem(how, element, tag, in_body, block, links, via)


# -- markup written by a script ------------------------------------------------------------------


def _js_string(body: str) -> str:
    def rep(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        if m.group(2):
            return chr(int(m.group(2), 16))
        c = m.group(3)
        return _JS_SIMPLE.get(c, c)
    return _JS_ESCAPE.sub(rep, body) if "\\" in body else body


def _writes(code: str) -> list[tuple[str, int]]:
    """(markup, offset in ``code`` of its first literal) of every all-literal document.write call."""
    out: list[tuple[str, int]] = []
    for m in _WRITE.finditer(code):
        pos = m.end()
        parts: list[str] = []
        first: int | None = None
        literal = True  # every argument is a string literal
        while True:
            lit = _LITERAL.match(code, pos)
            if lit is None:
                literal = False
                break
            if first is None:
                first = lit.start() + 1
            parts.append(_js_string(lit.group(1) if lit.group(1) is not None else lit.group(2)))
            pos = lit.end()
            plus = _PLUS.match(code, pos)
            if plus is not None and plus.end() > pos:
                pos = plus.end()
                continue
            if _CLOSE.match(code, pos) is None:
                literal = False
            break
        if literal and parts and first is not None:
            out.append(("".join(parts), first))
    return out


def script_writes(doc, source, root) -> list[HiddenItem]:
    """Markup that inline scripts write with string literals, as ``Document.seo`` entries."""
    tag_at = dict(source.tags.get("script") or ())
    out: list[HiddenItem] = []
    for script in doc.iter("script"):
        code = script.text
        if not code or "write" not in code or script.get("src") or len(code) > MAX_SCRIPT:
            continue
        writes = _writes(code)
        if not writes:
            continue
        markup = "".join(w for w, _ in writes)
        if "<" not in markup and not _CJK.search(markup):
            continue
        start = source.el_pos.get(script) if source.el_pos else None
        body = tag_at.get(start) if start is not None else None
        if body is not None and source.src.startswith(code[:40], body):
            line, column = source.pos(body + writes[0][1])
        else:
            line, column = source.tag_pos(script)
        try:
            frag = lxml_html.fragment_fromstring(markup, create_parent="div")
        except Exception:  # noqa: BLE001 - hostile markup: nothing is read from it
            continue
        in_body = root is not None and any(anc is root for anc in script.iterancestors())
        found = find_hidden(frag, frag, _SKIP) or [(frag, "script-written")]
        for el, how in found:
            text, links = _element_text(el)
            if not text.strip() and not links:
                continue
            tag = "div" if el is frag else el.tag
            block = Block(index=-1, kind="html", text=text, line=line, column=column,
                          anchors=(Anchor(0, line, column),))
            out.append(_entry(how, f"{tag}（脚本 document.write 写入）", tag, block, in_body, links, "script"))
            if len(out) >= MAX_ITEMS:
                return out
    return out


def _element_text(el) -> tuple[str, tuple[PageLink, ...]]:
    """Text of a fragment element (block elements separated by a space) and its links' text offsets."""
    parts: list[str] = []
    links: list[tuple[str, int, int]] = []
    length = 0

    def put(s: str | None) -> None:
        nonlocal length
        if s and s.strip():
            s = " ".join(s.split())
            parts.append(s)
            length += len(s)

    def gap() -> None:
        nonlocal length
        if parts and parts[-1] != " ":
            parts.append(" ")
            length += 1

    def walk(node, depth: int) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None or tag in _SKIP or depth > 60:
            return
        if tag in _BLOCKS:
            gap()
        link = tag == "a" and node.get("href") is not None
        start = length
        put(node.text)
        for child in node:
            walk(child, depth + 1)
            put(child.tail)
        if link and len(links) < 200:
            links.append((node.get("href").strip(), start, length))
        if tag in _BLOCKS:
            gap()

    walk(el, 0)
    text = "".join(parts)
    stripped = text.rstrip()
    return stripped, tuple(PageLink(href, start, min(end, len(stripped))) for href, start, end in links)
