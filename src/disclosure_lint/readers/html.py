"""HTML reader: annual reports as published on government portals (lxml's HTML parser).

A portal page wraps the report in page chrome: navigation, breadcrumbs, a share bar,
"字号：大 中 小 / 打印本页 / 关闭窗口" lines, related links and a footer.  The reader

1. **decodes** the bytes: BOM, else the charset the page declares (``<meta charset>``,
   ``<meta http-equiv="Content-Type" content="…charset=gbk">``, an XML declaration; GB2312
   and GBK are read as their superset GB18030), except that a page that is valid UTF-8
   is read as UTF-8 whatever it declares (mis-declared pages are common after CMS
   migrations) and a Chinese page declared Latin-1 is read as GB18030; else strict UTF-8;
   else :func:`disclosure_lint.textio.decode`.  ``Document.encoding`` is the codec used,
   ``Document.meta["declared_charset"]`` what the page said;
2. **parses** with lxml's HTML parser (libxml2: tolerant of broken markup; scripts are
   never run, nothing is fetched);
3. **finds the report body**: the element holding most of the page's Chinese text that
   is not link text, descending while one child holds the bulk of it *and* every
   section heading (一、… 六、) of its parent; the report title
   (…政府信息公开工作年度报告) and the "发布日期 / 来源" line just above the body are
   kept in front of it (an info table's "发布日期 | 2024-01-20" cells become
   "发布日期：2024-01-20"; the page ``<title>`` stands in for a missing title), a signature
   (落款) right after it is kept too; chrome lines inside it (short lines that are not
   sentences: 打印本页, 分享到, 上一篇…) and runs of link-only lines are dropped.  Text
   hidden with CSS is kept in the blocks (a tab or a folded panel may hold the report itself);
4. **emits blocks**: ``h1``–``h6`` are headings; every other block element gives
   paragraphs (``li`` list items).  ``<br>`` keeps lines as ``\\n`` within one block,
   except that a paragraph holding numbered lines (一、 （一） 1.) is split into one
   block per line so that the report layer sees every heading.  Source line breaks
   between Chinese characters join them; runs of spaces collapse to one; ``&nbsp;``
   becomes a space.  Tables whose cells are short become table blocks with ``rowspan``
   / ``colspan`` expanded (the merged cell's text repeated in every grid position it
   covers; ``<th>`` and ``<thead>`` cells marked as headers); a table used for page
   layout (nested tables, long cells, a single column) is read as normal flow.  An image
   standing alone in the body (a table published as a picture) becomes an ``html`` block
   ``<img>``, the form the report layer recognises.
5. **lists what is hidden** (:mod:`.html_hidden`): every outermost element of the page, report body
   or chrome, hidden by an inline style, the ``hidden`` attribute, a one-pixel ``<marquee>``, a
   top-level rule of a ``<style>`` element or a script statement, goes to ``Document.meta["hidden"]``
   with how it is hidden, its text (a Block of kind ``html`` with source anchors and index -1, not one
   of the document's blocks), whether it is inside the report body and its links (href and the
   offsets of the link text).  ``meta["site_urls"]`` holds the page's declared addresses (canonical,
   og:url, base) and ``meta["link_hosts"]`` the hosts of its visible absolute links with their
   counts: an attacker's hidden links ("暗链") are a defect to report.
6. **lists what only search engines read** (:mod:`.html_seo`): the page ``<title>``, the keywords and
   description ``<meta>`` values, and markup an inline script writes with ``document.write('…')``
   (string literals only) go to ``Document.meta["seo"]`` in the form of ``meta["hidden"]``, anchored at
   their source line/column: rewriting them is the commonest hijack of a government page.

**Positions.**  Every text node is aligned with the decoded source (the tokenizer below
decodes entities itself and keeps the source offset of each piece), so block anchors
and cell positions are exact line/column positions in the HTML source, also after
entities (``&nbsp;`` ``&ldquo;``) and inside lines of any length.  A text node that
cannot be aligned (very broken markup) is anchored at its element's start tag
(``sourceline``).  Control characters never reach block text.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass
from html import unescape as _unescape
from urllib.parse import urlsplit

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Anchor, Block, Cell, Document, Row, Table
from ._lines import table_text
from .html_hidden import find_hidden, site_urls
from .html_seo import head_texts, script_writes

# -- tags -------------------------------------------------------------------------------------

# Content never shown as text (or page machinery): skipped with everything inside.
SKIP = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
    "select", "option", "optgroup", "button", "textarea", "input", "datalist", "iframe", "frame",
    "frameset", "noframes", "object", "embed", "applet", "param", "svg", "math", "canvas", "map",
    "area", "audio", "video", "source", "track", "nav", "xmp", "noembed", "plaintext", "colgroup", "col",
})
# Elements whose content the tokenizer treats as raw text (not part of the text stream).
RAW = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
RCDATA = frozenset({"title", "textarea"})
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend",
})
_SIMPLE = frozenset({"p", "span", "font", "div", "b", "strong", "em", "i", "u", "center"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# -- text classes -----------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’…—]")
_WORD = re.compile(r"[^ \t\n\r\f]+")
_STRIP = " \t\n\r\f\u3000"
# C0 controls (except tab/newline), DEL, C1 controls and NBSP → space: same length, plain text only.
_SANITIZE = dict.fromkeys([*range(9), 11, 12, *range(14, 32), *range(0x7F, 0xA1)], " ")
_NEEDS_SANITIZE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0]")
_PARSE_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # libxml2 rejects these: same-length spaces
# A text node that starts a top-level section heading (一、… / 第一部分).
_SECTION_NODE = re.compile(r"^\s*(?:第)?([一二三四五六七八九十])\s*(?:[、．.]|部分)")
_NUMERALS = "一二三四五六七八九十"
# A line starting with heading numbering (一、 （一） 1. （1） 第一部分): such lines in one <p> become blocks.
_NUMBERED = re.compile(
    r"^(?:第?[一二三四五六七八九十]{1,3}(?:[、．.]|部分)|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])")

_TITLE = re.compile(r"(?:信息公开|政务公开)[^。；，,]{0,16}报告|(?:信息公开|政务公开)[^。；，,]{0,16}年报")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3}")
_NOT_TITLE = re.compile(r"[>›»＞|｜/\\]|当前位置|您现在的位置|您的位置|所在位置|上一篇|下一篇")
_META = re.compile(r"(?:发布|公开|发文|印发|成文|生成|更新)(?:日期|时间)|(?:^|[\s【\[])(?:日期|时间)\s*[:：]|信息来源|来源\s*[:：]"
                   r"|发布机构|发文机关|索引号")
_META_LABEL = re.compile(r"^(?:发布|公开|发文|印发|成文|生成|更新)(?:日期|时间)|^(?:信息)?来源$|^发布机构$|^发文机关$|^索引号$")
_CHROME = re.compile(
    r"(?:浏览|阅读|访问|点击)(?:次数|量|数|率)?\s*[:：]|浏览次数|阅读次数|次浏览"
    r"|字号\s*[:：]?\s*[\[【(（]?\s*大|字体\s*[:：]?\s*[\[【(（]?\s*大|[\[【]\s*[大中小]\s*[\]】]"
    r"|打印本页|打印此页|打印文章|打印正文|[\[【]\s*打印\s*[\]】]|关闭窗口|关闭本页|[\[【]\s*关闭\s*[\]】]"
    r"|收藏本页|加入收藏|分享到|一键分享|扫一扫|手机扫描|在手机上(?:打开|浏览|查看)|手机版"
    r"|上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关新闻|相关附件|责任编辑|当前位置|您现在的位置"
    r"|您的位置|所在位置|网站地图|联系我们|版权所有|主办单位|承办单位|ICP备|网站标识码|公网安备|技术支持"
    r"|返回顶部|[\[【]\s*返回\s*[\]】]|[\[【]\s*顶部\s*[\]】]")
_CHROME_WHOLE = re.compile(
    r"^[\[【(（]?\s*(?:打印|关闭|分享|返回|顶部|收藏|相关信息|大\s*中\s*小|字号|字体|默认|视力保护色|"
    r"[\[【]?大[\]】]?\s*[\[【]?中[\]】]?\s*[\[【]?小[\]】]?)\s*[\]】)）]?$")
_CHROME_MAX = 80
_SENTENCE_END = ("。", "；", ";", "！", "？", "”", "）")
_CN_DIGIT = "〇○零一二三四五六七八九十"
_SIGN_DATE = re.compile(
    rf"^(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[{_CN_DIGIT}]{{4}}年[{_CN_DIGIT}]{{1,2}}月[{_CN_DIGIT}]{{1,3}}日"
    rf"|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}})$")
_SIGN_AGENCY = re.compile(r"^[\u4e00-\u9fff（）()·]{2,40}(?:局|委|办|厅|院|府|处|会|室|中心|站|所|街道|镇|乡|公司|馆|队|部)$")

_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.I)
_GB = frozenset({"gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312-80", "csgb2312", "euc-cn",
                 "x-euc-cn", "chinese", "iso-ir-58", "csiso58gb231280", "gb18030", "gb_2312"})
_PUBDATE = re.compile(r"<meta\b[^>]*?name\s*=\s*[\"']?(?:PubDate|pubdate|publishdate|firstpublishedtime)[\"']?[^>]*>", re.I)
_CONTENT_ATTR = re.compile(r"content\s*=\s*[\"']([^\"']{0,40})", re.I)

_INTERNAL = "网页结构异常，读取失败"

WINDOW = 4096  # how far ahead a text node may be found in the stream (skipped whitespace, dropped text)
MAX_COLS = 300
MAX_GRID = 200_000


# -- decoding ---------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (meta tag or XML declaration), as written."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    raw = m.group(1) or m.group(2)
    try:
        return raw.decode("ascii").strip().lower()
    except UnicodeDecodeError:  # pragma: no cover - the pattern only matches ASCII
        return None


def _codec(label: str) -> str | None:
    if label in _GB:
        return "gb18030"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or not _ascii_compatible(name):
        return None  # rot13, base64 …; EBCDIC or UTF-7: a page that declares it in ASCII cannot be in it
    if name.startswith(("utf-16", "utf-32")):  # an ASCII-compatible page cannot be UTF-16 (HTML5 rule)
        return "utf-8"
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # what browsers do with these labels
    return name


def _ascii_compatible(name: str) -> bool:
    if name.startswith(("utf-16", "utf-32")):
        return True  # mapped to UTF-8 below
    try:
        return _PROBE.decode(name) == _PROBE.decode("ascii")
    except (UnicodeDecodeError, LookupError, TypeError, ValueError):
        return False


_PROBE = b'<meta charset="x"> <p>Aa 09 ~+-</p>'
_WESTERN = frozenset({"cp1252", "latin-1", "iso8859-1", "iso8859-15", "ascii"})


def _mostly_chinese(text: str) -> bool:
    non_ascii = [ch for ch in text[:20000] if ord(ch) > 127]
    return bool(non_ascii) and len(_CJK.findall("".join(non_ascii))) >= 0.8 * len(non_ascii)


def decode(data: bytes) -> tuple[str, str, str | None]:
    """``(text, encoding used, charset declared)`` or :class:`InputError`."""
    from ..textio import decode as text_decode
    from ..textio import looks_binary

    if not data.strip():
        raise InputError("文件为空")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name, None
            except UnicodeDecodeError as exc:
                raise InputError(f"网页以 {name} 字节序标记开头，但内容无法按 {name} 解码（第 {exc.start} 字节）") from None
    if looks_binary(data):
        raise InputError("文件是二进制文件，不是网页")
    declared = declared_charset(data)
    codec = _codec(declared) if declared else None
    is_ascii = data.isascii()
    if codec and codec != "utf-8" and not is_ascii:
        try:  # valid UTF-8 with non-ASCII text is UTF-8, whatever the page says
            return data.decode("utf-8"), "utf-8", declared
        except UnicodeDecodeError:
            pass
        if codec in _WESTERN:  # a Chinese page mis-declared as Latin-1 / Windows-1252
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                text = None
            if text is not None and _mostly_chinese(text):
                return text, "gb18030", declared
    if codec:
        try:
            return data.decode(codec), codec, declared
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", declared
    except UnicodeDecodeError:
        pass
    text, enc = text_decode(data)
    return text, enc, declared


# -- the source: text stream with source offsets ------------------------------------------------

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

    def __init__(self, src: str):
        self.src = src
        starts = [0]
        find = src.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.line_starts = starts
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
            tag = _tag(el)
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
        return min(max(line, 1), len(self.line_starts)), 1


# -- alignment and measures ----------------------------------------------------------------------


def _walk(top, enter, leave):
    """Iterative depth-first walk: ``enter(el) -> descend?``, ``leave(el, entered)`` after the
    subtree (tails are the caller's business in ``leave``)."""
    if not enter(top):
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


def _tag(el) -> str | None:
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
        tag = _tag(el)
        if tag is not None and tag not in RAW:
            t = el.text
            if t and not t.isspace():
                text_at[el] = match(t)
        return tag is not None

    def leave(el, _entered) -> None:
        t = el.tail
        if t and not t.isspace():
            tail_at[el] = match(t)

    _walk(doc, enter, leave)
    return text_at, tail_at


@dataclass
class Measures:
    mass: dict  # non-link Chinese characters in the subtree
    bits: dict  # section numerals (一…十) of heading-like text nodes in the subtree
    nested: dict  # table → holds another table


def _nonblank(s: str) -> int:
    return len("".join(s.split()))


def _secbit(s: str) -> int:
    if len(s) > 80:
        return 0
    m = _SECTION_NODE.match(s)
    return 1 << _NUMERALS.index(m.group(1)) if m else 0


def measure(top) -> Measures:
    order = list(top.iter())
    mass: dict = {}
    bits: dict = {}
    nested: dict = {}
    am: dict = {}
    ab: dict = {}
    ah: dict = {}
    for el in reversed(order):
        tag = _tag(el)
        if tag is None or tag in SKIP:
            m = b = 0
            h = False
        else:
            m = am.pop(el, 0)
            b = ab.pop(el, 0)
            h = ah.pop(el, False)
            txt = el.text
            if txt:
                m += len(_CJK.findall(txt))
                b |= _secbit(txt)
            if tag == "a":
                m = 0
                b = 0
            if tag == "table":
                nested[el] = h
                h = True
        mass[el] = m
        bits[el] = b
        parent = el.getparent()
        if parent is not None and el is not top:
            tail = el.tail
            if tail:
                m += len(_CJK.findall(tail))
                b |= _secbit(tail)
            am[parent] = am.get(parent, 0) + m
            ab[parent] = ab.get(parent, 0) | b
            if h:
                ah[parent] = True
    return Measures(mass, bits, nested)


def _span(v, default: int = 1) -> int:
    if v is None:
        return default
    if v.isascii() and v.isdigit() and len(v) < 7:
        return int(v)
    try:
        n = int(str(v).strip().rstrip(";").split(".")[0] or default)
    except (TypeError, ValueError):
        return default
    return n


def table_rows(table) -> list[tuple[object, bool]]:
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append((child, False))
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if _tag(tr) == "tr":
                    rows.append((tr, tag == "thead"))
    return rows


def _cells(tr) -> list:
    return [td for td in tr if _tag(td) in ("td", "th")]


def is_data_table(table, ms: Measures) -> bool:
    """Only tables of short cells are data; nested, single-column or long-cell tables are layout."""
    if ms.nested.get(table):
        return False
    rows = table_rows(table)
    if not rows:
        return False
    cells = [td for tr, _h in rows for td in _cells(tr)]
    if len(cells) < 2:
        return False
    width = max(sum(min(max(_span(td.get("colspan")), 1), MAX_COLS) for td in _cells(tr)) for tr, _h in rows)
    if width < 2:
        return False
    if len(rows) * min(width, MAX_COLS) > MAX_GRID:
        return False
    lens = [_nonblank("".join(td.itertext())) for td in cells]
    total = sum(lens)
    long_ = sum(n for n in lens if n > 100)
    return not (total and long_ > 0.3 * total)


def find_root(top, ms: Measures, data_tables: set):
    """The element holding the report: descend while one child holds the bulk of the text and all
    of the section headings of its parent."""
    node = top
    while True:
        kids = [c for c in node if _tag(c) is not None and _tag(c) not in SKIP and _tag(c) != "a"]
        if not kids or node in data_tables:
            return node
        best = max(kids, key=lambda c: ms.mass.get(c, 0))
        total = ms.mass.get(node, 0)
        if total <= 0:
            return node
        need = ms.bits.get(node, 0)
        if need and (ms.bits.get(best, 0) & need) != need:
            return node
        threshold = 0.5 if bin(need).count("1") >= 2 else 0.75
        if ms.mass.get(best, 0) < threshold * total or not _is_container(best):
            return node
        node = best


def _is_container(el) -> bool:
    """An element that holds blocks (paragraphs, a table, lines split by <br>), not a single paragraph."""
    if _tag(el) == "table":
        return True
    brs = 0
    for child in el.iterdescendants():
        tag = _tag(child)
        if tag in BLOCK:
            return True
        if tag == "br":
            brs += 1
            if brs >= 2:
                return True
    return False


# -- building blocks ----------------------------------------------------------------------------


class Lines:
    """Inline text being collected for one block: lines of (text, line, column) pieces."""

    __slots__ = ("chars", "images", "lines", "link", "pending")

    def __init__(self):
        self.lines: list[list[list]] = [[]]
        self.pending = 0  # 0: none, 1: space, 2: whitespace with a line break
        self.link = 0
        self.chars = 0
        self.images = 0

    def space(self, newline: bool) -> None:
        if self.lines[-1]:
            self.pending = max(self.pending, 2 if newline else 1)

    def br(self) -> None:
        if self.lines[-1]:
            self.lines.append([])
        self.pending = 0

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
        n = len(text)
        self.chars += n
        if link:
            self.link += n


def _strip_pieces(pieces: list[list]) -> list[list]:
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


def _assemble(lines: list[list[list]], sep: str = "\n") -> tuple[str, tuple[Anchor, ...]]:
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
                last = Anchor(offset, ln, col)
                anchors.append(last)
            parts.append(t)
            offset += len(t)
    return "".join(parts), tuple(anchors)


@dataclass
class Item:
    kind: str
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


class Flow:
    """Walks the page and turns it into items (paragraphs, headings, list items, tables)."""

    def __init__(self, source: Source, text_at: dict, tail_at: dict, data_tables: set, root, skip_extra: set,
                 max_cells: int = DEFAULT_LIMITS.max_table_cells):
        self.max_cells = max_cells  # table cells read from the page (limits.max_table_cells)
        self.cells = 0
        self.cut: tuple[int, int] | None = None  # (line, column) of the first table row not read
        self.src = source
        self.text_at = text_at
        self.tail_at = tail_at
        self.data_tables = data_tables
        self.root = root
        self.skip_extra = skip_extra
        self.items: list[Item] = []
        self.cur = Lines()
        self.ctx: list[tuple[str, int | None]] = []  # (kind, level) of enclosing headings / list items
        self.link = 0
        self.pre = 0
        self.cell_mode = False
        self.root_range = [0, -1]
        self.top = None

    # text
    def text(self, s: str, so: int | None, owner) -> None:
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

    # blocks
    def _kind(self) -> tuple[str, int | None]:
        return self.ctx[-1] if self.ctx else ("paragraph", None)

    def flush(self) -> None:
        cur = self.cur
        if self.cell_mode:
            return
        self.cur = Lines()
        kind, level = self._kind()
        lines = [_strip_pieces(p) for p in cur.lines]
        lines = [p for p in lines if p]
        if not lines:
            if cur.images and not cur.link:
                self.items.append(Item("html", "<img>", (), fallback=self._img_pos))
            return
        link_share = cur.link / cur.chars if cur.chars else 0.0
        if len(lines) > 1 and kind != "heading":
            texts = ["".join(p[0] for p in pieces) for pieces in lines]
            if any(_NUMBERED.match(t) for t in texts):
                for pieces in lines:
                    text, anchors = _assemble([pieces])
                    self.items.append(Item(kind, text, anchors, level, round(link_share * len(text))))
                return
        text, anchors = _assemble(lines)
        self.items.append(Item(kind, text, anchors, level, round(link_share * len(text))))

    _img_pos: tuple[int, int] | None = None

    def enter(self, el) -> bool:
        tag = _tag(el)
        if tag is None or tag in SKIP or el in self.skip_extra:
            return False
        if tag == "br":
            if self.cell_mode or (self.ctx and self.ctx[-1][0] == "heading"):
                self.cur.space(True)
            else:
                self.cur.br()
            return False
        if tag == "img":
            if not self.link and not self.cell_mode and _big_image(el):
                self.cur.images += 1
                self._img_pos = self.src.tag_pos(el)
            return False
        if el is self.root and not self.cell_mode:
            self.flush()
            self.root_range[0] = len(self.items)
        if tag == "table" and not self.cell_mode:
            self.flush()
            if el in self.data_tables:
                self.table(el)
                return False
        elif tag in BLOCK:
            if self.cell_mode:
                self.cur.space(True)
            else:
                self.flush()
        if tag in HEADINGS:
            self.ctx.append(("heading", HEADINGS[tag]))
        elif tag in ("li", "dt", "dd"):
            self.ctx.append(("list_item", None))
        if tag == "a":
            self.link += 1
        elif tag == "pre":
            self.pre += 1
        t = el.text
        if t:
            self.text(t, self.text_at.get(el), el)
        return True

    def leave(self, el, entered: bool) -> None:
        if entered:
            tag = _tag(el)
            if tag in BLOCK:
                if self.cell_mode:
                    self.cur.space(True)
                else:
                    self.flush()
            if tag in HEADINGS or tag in ("li", "dt", "dd"):
                if self.ctx:
                    self.ctx.pop()
            if tag == "a":
                self.link -= 1
            elif tag == "pre":
                self.pre -= 1
        if el is self.root and not self.cell_mode:
            self.flush()
            self.root_range[1] = len(self.items)
        t = el.tail
        if t and el is not self.top:
            self.text(t, self.tail_at.get(el), el)

    def run(self, top) -> list[Item]:
        self.top = top
        _walk(top, self.enter, self.leave)
        self.flush()
        return self.items

    # tables
    def cell_text(self, td) -> tuple[str, tuple[Anchor, ...]]:
        saved = (self.cur, self.cell_mode, self.ctx, self.link, self.pre)
        self.cur = Lines()
        self.cell_mode = True
        self.ctx = []
        self.link = 0
        self.pre = 0
        try:
            if td.text:
                self.text(td.text, self.text_at.get(td), td)
            for child in td:
                tag = _tag(child)
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
                _walk(child, self.enter, self.leave)
            pieces = [p for line in self.cur.lines for p in line]
            return _assemble([_strip_pieces(pieces)])
        finally:
            self.cur, self.cell_mode, self.ctx, self.link, self.pre = saved

    def table(self, table) -> None:
        rows = table_rows(table)
        for child in table:
            if _tag(child) == "caption":
                saved = self.cur
                self.cur = Lines()
                _walk(child, self.enter, self.leave)
                self.flush()
                self.cur = saved
        n = len(rows)
        grid: dict[tuple[int, int], Cell] = {}
        row_header = [h for _tr, h in rows]
        for r, (tr, thead) in enumerate(rows):
            tds = _cells(tr)
            if self.cells + len(tds) > self.max_cells:
                self.cut = self.cut or self.src.tag_pos(tr)
                n = r  # the rows read so far make the table; rowspans reaching further are cut
                break
            self.cells += len(tds)
            c = 0
            for td in tds:
                while (r, c) in grid:
                    c += 1
                if c >= MAX_COLS:
                    break
                rs = _span(td.get("rowspan"))
                rs = n - r if rs == 0 else min(max(rs, 1), n - r)
                cs = min(max(_span(td.get("colspan")), 1), MAX_COLS - c)
                text, anchors = self.cell_text(td)
                if anchors:
                    ln, col = anchors[0].line, anchors[0].column
                else:
                    ln, col = self.src.tag_pos(td)
                end_col = None
                if anchors and all(a.line == ln for a in anchors):
                    last = anchors[-1]
                    end_col = last.column + (len(text) - last.offset)
                header = thead or _tag(td) == "th"
                base = Cell(text=text, row=r, col=c, line=ln, column=col, end_column=end_col,
                            header=header, anchors=anchors)
                for dr in range(rs):
                    for dc in range(cs):
                        if (r + dr, c + dc) not in grid:
                            grid[(r + dr, c + dc)] = base if (dr, dc) == (0, 0) else Cell(
                                text=text, row=r + dr, col=c + dc, line=ln, column=col, end_column=end_col,
                                header=header, anchors=anchors)
                c += cs
        if not grid:
            return
        n_cols = max(k[1] for k in grid) + 1
        out_rows: list[Row] = []
        for r in range(n):
            present = [grid.get((r, c)) for c in range(n_cols)]
            if not any(present):
                continue
            ri = len(out_rows)
            cells = tuple(Cell(text=x.text, row=ri, col=x.col, line=x.line, column=x.column,
                               end_column=x.end_column, header=x.header, anchors=x.anchors)
                          if x is not None and x.row != ri else
                          (x if x is not None else Cell(text="", row=ri, col=c))
                          for c, x in enumerate(present))
            header = row_header[r] or all(x.header for x in cells)
            line = next((x.line for x in cells if x.line is not None), None)
            out_rows.append(Row(cells=cells, line=line, header=header))
        text, anchors = table_text(out_rows)
        self.items.append(Item("table", text, anchors, table=Table(rows=tuple(out_rows)),
                               fallback=self.src.tag_pos(table)))


def _big_image(el) -> bool:
    for attr in ("width", "height"):
        v = el.get(attr)
        if v is not None:
            n = _span(v.replace("px", ""), 0)
            if 0 < n < 80:
                return False
    return True


# -- choosing the report among the page ------------------------------------------------------------


def is_title(it: Item) -> bool:
    t = it.text
    if it.kind in ("table", "html") or not t or len(t) > 80 or "\n" in t:
        return False
    if _NOT_TITLE.search(t) or t.endswith(("。", "；", "：", ":")) or "，" in t:
        return False
    if it.link * 2 > len(t):
        return False
    return bool(_TITLE.search(t)) and bool(_TITLE_YEAR.search(t))  # a column name has no year


def _chrome_or_meta(it: Item) -> Item | None:
    """None for a chrome line; the item (trimmed of trailing chrome) otherwise."""
    if it.kind in ("table", "html") or len(it.text) > _CHROME_MAX:
        return it
    t = it.text
    if _CHROME_WHOLE.match(t):
        return None
    if t.endswith(_SENTENCE_END):
        return it  # a sentence of the report ("……群众扫一扫即可查询。"), not a page tool
    c = _CHROME.search(t)
    if c is None:
        return it
    m = _META.search(t)
    if m is None or m.start() > c.start():
        return None
    cut = c.start()
    while cut > 0 and t[cut - 1] in " \t\u3000|｜【[（(":
        cut -= 1
    return slice_item(it, 0, cut) if cut > 0 else None


def _meta_lines(it: Item) -> list[Item]:
    """Metadata (发布日期 …) from an item above the body: a line, or label/value cells of an info table."""
    if it.kind == "table" and it.table is not None:
        out = []
        for row in it.table.rows:
            cells = [c for k, c in enumerate(row.cells) if k == 0 or c.text != row.cells[k - 1].text]
            for k, cell in enumerate(cells[:-1]):
                label = cell.text.strip().rstrip(":：").strip()
                value = cells[k + 1]
                if _META_LABEL.match(label) and len(label) <= 8 and value.text and not _META_LABEL.match(value.text):
                    text = f"{label}：{value.text}"
                    anchors = [Anchor(0, cell.line or 1, cell.column or 1)] if cell.line else []
                    anchors += [Anchor(len(label) + 1 + a.offset, a.line, a.column) for a in value.anchors]
                    out.append(Item("paragraph", text, tuple(anchors), fallback=(cell.line or 1, cell.column or 1)))
        return out
    if it.kind == "html" or len(it.text) > 200 or it.link * 2 > len(it.text):
        return []
    if not _META.search(it.text):
        return []
    kept = _chrome_or_meta(it)
    return [kept] if kept is not None and kept.text.strip() else []


def _link_run_filter(items: list[Item]) -> list[Item]:
    """Drop runs of three or more blocks that are nothing but links (related-links lists)."""
    out: list[Item] = []
    run: list[Item] = []
    for it in items:
        if it.kind != "table" and it.text and it.link >= 0.9 * len(it.text):
            run.append(it)
            continue
        if len(run) < 3:
            out.extend(run)
        run = []
        out.append(it)
    if len(run) < 3:
        out.extend(run)
    return out


def select(items: list[Item], rs: int, re_: int, page_title: Item | None) -> list[Item]:
    body = [x for x in (_chrome_or_meta(it) for it in items[rs:re_]) if x is not None and x.text]
    body = _link_run_filter(body)
    head: list[Item] = []
    texts = [it for it in body[:8] if it.kind != "table"]
    title_idx = None
    if not any(is_title(it) for it in texts[:6]):
        for j in range(rs - 1, max(-1, rs - 61), -1):
            if is_title(items[j]):
                title_idx = j
                break
    lo = max(0, (title_idx if title_idx is not None else rs) - 6)
    for j in range(lo, rs):
        if j == title_idx:
            head.append(items[j])
        else:
            head.extend(_meta_lines(items[j]))
    if title_idx is None and page_title is not None and not any(is_title(it) for it in texts[:6]):
        head.insert(0, page_title)
    tail: list[Item] = []
    for it in items[re_:re_ + 8]:
        if _chrome_or_meta(it) is None or not it.text:
            continue
        t = it.text.strip()
        if it.kind == "paragraph" and not it.link and (_SIGN_AGENCY.match(t) or _SIGN_DATE.match(t)):
            tail.append(it)
            if _SIGN_DATE.match(t):
                break
            continue
        break
    return head + body + tail


def _page_title(doc, source: Source, text_at: dict) -> Item | None:
    el = doc.find(".//title")
    if el is None or not el.text or not el.text.strip():
        return None
    flow = Flow(source, text_at, {}, set(), None, set())
    flow.cell_mode = True
    flow.text(el.text, text_at.get(el), el)
    pieces = [p for line in flow.cur.lines for p in line]
    text, anchors = _assemble([_strip_pieces(pieces)])
    item = Item("paragraph", text, anchors, fallback=source.tag_pos(el))
    start = 0
    for seg in re.split(r"(\s*[_|｜—–]+\s*|\s+-\s+)", text):
        if seg and _TITLE.search(seg) and not _NOT_TITLE.search(seg):
            s = seg.strip()
            a = start + seg.index(s)
            cand = slice_item(item, a, a + len(s))
            return cand if is_title(cand) else None
        start += len(seg)
    return None


def _describe(el) -> str:
    tag = _tag(el) or "?"
    ident = el.get("id") if hasattr(el, "get") else None
    cls = el.get("class") if hasattr(el, "get") else None
    out = tag
    if ident:
        out += "#" + ident.strip()[:40]
    if cls:
        out += "." + ".".join(cls.split()[:3])[:60]
    return out


# -- hidden content ---------------------------------------------------------------------------------

MAX_LINKS = 200


def _host(href: str | None) -> str | None:
    if not href or not href.strip().lower().startswith(("http://", "https://", "//")):
        return None
    try:
        host = urlsplit(href.strip()).hostname
    except ValueError:
        return None
    return host.rstrip(".") if host else None


def _hidden_content(doc, top, root, source: Source, text_at: dict, tail_at: dict) -> tuple[tuple, dict]:
    """The page's hidden elements for ``Document.meta["hidden"]`` and the hosts of its visible links.

    Each hidden element: ``how`` it is hidden, ``element`` (tag#id.class), ``tag``, ``in_body`` (inside the
    report body, not the page chrome and not a container of the body), ``block`` (its text with
    source anchors, a Block of kind "html" with index -1 that is not one of the document's blocks)
    and ``links``: ``{"href", "start", "end"}`` with the link text's offsets in the block text.
    """
    flow = Flow(source, text_at, tail_at, set(), None, set())
    out = []
    hidden_links = set()
    for el, how in find_hidden(doc, top, SKIP):
        text, anchors = flow.cell_text(el)
        links = []
        cursor = 0
        for a in el.iter("a"):
            href = a.get("href")
            if href is None:
                continue
            hidden_links.add(a)  # every one, also past MAX_LINKS: a hidden link is never a visible one
            if len(links) >= MAX_LINKS:
                continue
            lt = flow.cell_text(a)[0]
            i = text.find(lt, cursor) if lt else -1
            if i < 0:
                i, lt = cursor, ""
            links.append({"href": href.strip(), "start": i, "end": i + len(lt)})
            cursor = i + len(lt)
        if not text.strip() and not links:
            continue
        line, column = (anchors[0].line, anchors[0].column) if anchors else source.tag_pos(el)
        block = Block(index=-1, kind="html", text=text, line=line, column=column, anchors=anchors)
        in_body = any(anc is root for anc in el.iterancestors())
        out.append({"how": how, "element": _describe(el), "tag": _tag(el), "in_body": in_body, "block": block,
                    "links": tuple(links)})
    hosts: dict[str, int] = {}
    for a in top.iter("a"):
        if a in hidden_links:
            continue
        h = _host(a.get("href"))
        if h:
            hosts[h] = hosts.get(h, 0) + 1
    return tuple(out), hosts


# -- entry points ---------------------------------------------------------------------------------


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    text, encoding, declared = decode(data)
    text, cut = _bounded(text, limits.max_html_elements)
    doc = parse(text, path=path, encoding=encoding, declared=declared, limits=limits)
    if cut is not None:
        line = text.count("\n", 0, cut) + 1
        col = cut - (text.rfind("\n", 0, cut) + 1) + 1
        doc.meta.setdefault("notices", []).append({
            "kind": "read-limit", "format": "网页",
            "detail": f"标签超过 {limits.max_html_elements} 个（limits.max_html_elements），第{line}行第{col}列起未读取"})
    return doc


_TAG_START = re.compile(r"<[A-Za-z]")


def _bounded(text: str, max_elements: int) -> tuple[str, int | None]:
    """The page up to its ``max_elements``-th start tag (``None``: all of it): lxml and the reader's
    passes over the tree take time and memory per element (a million empty tags: 20 s, 1 GB)."""
    if text.count("<") <= max_elements:
        return text, None
    for n, m in enumerate(_TAG_START.finditer(text), 1):
        if n > max_elements:
            return text[:m.start()], m.start()
    return text, None


def parse(text: str, path: str = "<string>", encoding: str | None = "utf-8", declared: str | None = None,
          limits: Limits = DEFAULT_LIMITS) -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("文件为空")
    src = text.replace("\r\n", "\n").replace("\r", "\n")
    if _PARSE_CONTROLS.search(src):
        src = _PARSE_CONTROLS.sub(" ", src)
    try:
        from lxml import etree
    except ImportError:  # pragma: no cover - lxml is a dependency
        raise InputError("读取网页需要 lxml 库，请重新安装 disclosure-lint") from None
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=False, remove_pis=False, no_network=True,
                              huge_tree=True, default_doctype=False, remove_blank_text=False)
    try:
        doc = etree.fromstring(src.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.LxmlError, ValueError, TypeError, UnicodeError):
        doc = None
    if doc is None:
        raise InputError("网页中没有正文文字（空白页面）")
    try:
        return _build(doc, src, text, path, encoding, declared, limits)
    except InputError:
        raise
    except (RecursionError, MemoryError):
        raise InputError(f"{_INTERNAL}：网页嵌套过深或过大") from None
    except Exception as exc:  # noqa: BLE001 - hostile markup must not produce a traceback
        raise InputError(f"{_INTERNAL}（{type(exc).__name__}），请将网页正文另存为 .txt 后再检查") from None


def _build(doc, src: str, text: str, path: str, encoding: str | None, declared: str | None,
           limits: Limits = DEFAULT_LIMITS) -> Document:
    source = Source(src)
    source.map_elements(doc)
    text_at, tail_at = align(doc, source)
    top = doc.find("body")
    if top is None:
        top = doc
    ms = measure(top)
    data_tables = {t for t in top.iter("table") if is_data_table(t, ms)}
    root = find_root(top, ms, data_tables)
    # footers and asides outside the report are chrome
    ancestors = set(root.iterancestors()) | {root}
    skip_extra = {el for el in top.iter("footer", "aside") if el not in ancestors}
    flow = Flow(source, text_at, tail_at, data_tables, root, skip_extra, limits.max_table_cells)
    items = flow.run(top)
    rs, re_ = flow.root_range
    if re_ < rs:
        re_ = len(items)
    page_title = _page_title(doc, source, text_at)
    chosen = select(items, rs, re_, page_title)
    chosen = [it for it in chosen if it.text.strip()]
    if not chosen:
        if doc.find(".//frameset") is not None or doc.find(".//iframe") is not None:
            raise InputError("网页是框架页，正文在另一个网页中：请打开框架内的正文网页另存后再检查")
        raise InputError("网页中没有正文文字（页面可能是空白页，或正文由脚本动态加载：请在浏览器中打开后复制正文另存为 .txt 再检查）")
    blocks = []
    for i, it in enumerate(chosen):
        line, column = it.fallback if it.kind == "table" and it.fallback else it.start  # tables: the <table> tag
        end_line = end_column = None
        if it.anchors:
            last = it.anchors[-1]
            if it.kind == "table":
                end_line = max(a.line for a in it.anchors)
            else:
                end_line = last.line
                end_column = last.column + (len(it.text) - last.offset)
        blocks.append(Block(index=i, kind=it.kind, text=it.text, line=line, column=column, end_line=end_line,
                            end_column=end_column, anchors=it.anchors, level=it.level, table=it.table))
    meta = {"declared_charset": declared, "content_root": _describe(root)}
    if page_title is not None:
        meta["page_title"] = page_title.text
    m = _PUBDATE.search(src[:20000])
    if m:
        c = _CONTENT_ATTR.search(m.group())
        if c and c.group(1).strip():
            meta["pubdate"] = c.group(1).strip()
    hidden, link_hosts = _hidden_content(doc, top, root, source, text_at, tail_at)
    if hidden:
        meta["hidden"] = hidden
    seo = head_texts(source) + script_writes(doc, source, root)
    if seo:
        meta["seo"] = tuple(seo)
    if flow.cut is not None:
        meta["notices"] = [{"kind": "read-limit", "format": "网页",
                            "detail": f"表格单元格超过 {limits.max_table_cells} 个（limits.max_table_cells），"
                                      f"第{flow.cut[0]}行第{flow.cut[1]}列起的表格内容未读取"}]
    meta["site_urls"] = site_urls(doc)
    meta["link_hosts"] = link_hosts
    return Document(path=path, format="html", encoding=encoding, text=text, blocks=tuple(blocks), meta=meta)
