"""HTML reader: annual reports as published on government portals (lxml's HTML parser).

A portal page wraps the report in page chrome: navigation, breadcrumbs, a share bar,
"字号：大 中 小 / 打印本页 / 关闭窗口" lines, related links and a footer.  The reader

1. **decodes** the bytes (:mod:`.html_decode`): BOM, else the charset the page declares (``<meta charset>``,
   ``<meta http-equiv="Content-Type" content="…charset=gbk">``, an XML declaration; GB2312
   and GBK are read as their superset GB18030), except that a page that is valid UTF-8
   is read as UTF-8 whatever it declares (mis-declared pages are common after CMS
   migrations) and a Chinese page declared Latin-1 is read as GB18030; else strict UTF-8;
   else :func:`disclosure_lint.textio.decode`.  ``Document.encoding`` is the codec used,
   ``Document.declared_charset`` what the page said;
2. **parses** with lxml's HTML parser (libxml2: tolerant of broken markup; scripts are
   never run, nothing is fetched);
3. **finds the report body** (:mod:`.html_body`): the element holding most of the page's Chinese text that
   is not link text, descending while one child holds the bulk of it *and* every
   section heading (一、… 六、) of its parent; the report title
   (…政府信息公开工作年度报告) and the "发布日期 / 来源" line just above the body are
   kept in front of it (an info table's "发布日期 | 2024-01-20" cells become
   "发布日期：2024-01-20"; the page ``<title>`` stands in for a missing title), a signature
   (落款) right after it is kept too; chrome lines inside it (short lines that are not
   sentences: 打印本页, 分享到, 上一篇…) and runs of link-only lines are dropped.  Text
   hidden with CSS is kept in the blocks (a tab or a folded panel may hold the report itself), except a copy
   of text the page shows elsewhere hidden by its own style or ``hidden`` attribute (the report for phones or
   for printing: :func:`.html_hidden.hidden_copies`), which a reader sees once;
4. **emits blocks**: ``h1``–``h6`` are headings; every other block element gives
   paragraphs (``li`` list items).  ``<br>`` keeps lines as ``\\n`` within one block,
   except that a paragraph holding numbered lines (一、 （一） 1.) is split into one
   block per line so that the report layer sees every heading.  Source line breaks
   between Chinese characters join them; runs of spaces collapse to one; ``&nbsp;``
   becomes a space (:mod:`.html_text`).  Tables whose cells are short become table blocks with ``rowspan``
   / ``colspan`` expanded (the merged cell's text repeated in every grid position it
   covers; ``<th>`` and ``<thead>`` cells marked as headers); a table used for page
   layout (nested tables, long cells, a single column) is read as normal flow (:mod:`.html_tables`).  An image
   standing alone in the body (a table published as a picture) becomes an ``image`` block
   (text ``<img>``); one inside a link does when the link leads to its enlargement (an image file, the
   picture itself: click to enlarge, a thumbnail), when it is large by its sizes and the link leads to no
   web page, or beside a table's caption (表2 …) — a logo, a banner or an icon leading elsewhere does not.
5. **lists what is hidden** (:mod:`.html_hidden`): every outermost element of the page, report body
   or chrome, hidden by an inline style, the ``hidden`` attribute, a one-pixel ``<marquee>``, a
   top-level rule of a ``<style>`` element or a script statement, goes to ``Document.hidden``
   with how it is hidden, its text (a Block of kind ``html`` with source anchors and index -1, not one
   of the document's blocks), whether it is inside the report body and its links (href and the
   offsets of the link text).  ``Document.site_urls`` holds the page's declared addresses (canonical,
   og:url, base) and ``Document.link_hosts`` the hosts of its visible absolute links with their
   counts: an attacker's hidden links ("暗链") are a defect to report.
6. **lists what only search engines read** (:mod:`.html_seo`): the page ``<title>``, the keywords and
   description ``<meta>`` values, and markup an inline script writes with ``document.write('…')``
   (string literals only) go to ``Document.seo`` in the form of ``Document.hidden``, anchored at
   their source line/column: rewriting them is the commonest hijack of a government page.

**Positions** (:mod:`.html_source`).  Every text node is aligned with the decoded source (the tokenizer there
decodes entities itself and keeps the source offset of each piece), so block anchors
and cell positions are exact line/column positions in the HTML source, also after
entities (``&nbsp;`` ``&ldquo;``) and inside lines of any length.  A text node that
cannot be aligned (very broken markup) is anchored at its element's start tag
(``sourceline``).  Control characters never reach block text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Block, BlockKind, Document, HiddenItem, PageLink, ReaderNotice
from .html_body import find_root, measure, page_title, select
from .html_decode import decode_page
from .html_hidden import declarations, find_hidden, hidden_copies, phone_copies, site_urls
from .html_pages import embedded, pager
from .html_seo import head_texts, script_writes
from .html_source import Source, align, clean_source, parse_tree, tag_of, walk
from .html_tables import CellBudget, is_data_table, read_table, span
from .html_text import BLOCK, SKIP, Item, Lines, TextWalker, assemble, strip_pieces
from .lines import CAPTION_MAX, with_script, with_undecodable
from .script import simplified

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# A line starting with heading numbering (一、 （一） 1. （1） 第一部分): such lines in one <p> become blocks.
_NUMBERED = re.compile(
    r"^(?:第?[一二三四五六七八九十]{1,3}(?:[、．.]|部分)|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])")
_PUBDATE = re.compile(r"<meta\b[^>]*?name\s*=\s*[\"']?(?:PubDate|pubdate|publishdate|firstpublishedtime)[\"']?[^>]*>", re.I)
_CONTENT_ATTR = re.compile(r"content\s*=\s*[\"']([^\"']{0,40})", re.I)
_GENERATOR = re.compile(r"<meta\b[^>]*?name\s*=\s*[\"']?generator[\"']?[^>]*>", re.I)

# A link's target that is a picture (a thumbnail's enlargement) and one that is a web page.
_IMAGE_HREF = re.compile(r"\.(?:png|jpe?g|gif|bmp|webp|tiff?)(?=$|[?#&])", re.I)
_PAGE_HREF = re.compile(r"\.(?:s?html?|jsp|php|aspx?|do|action)(?=$|[?#])", re.I)
# A statistics table's caption beside a picture in a link (表2 主动公开情况, 表三, 统计表).
_TABLE_CAPTION = re.compile(r"表\s?[一二三四五六七八九十\d]|统计表")
_ICON = 24  # pixels: a picture this small is an icon, also when it links to a picture

_INTERNAL = "网页结构异常，读取失败"


# -- the page's blocks ----------------------------------------------------------------------------




class Flow(TextWalker):
    """Walks the page and turns it into items (paragraphs, headings, list items, tables); the text of
    table cells is read by :class:`TextWalker` (one line per cell), their grid by :func:`read_table`."""

    def __init__(self, source: Source, text_at: dict, tail_at: dict, data_tables: set, root, skip_extra: set,
                 max_cells: int = DEFAULT_LIMITS.max_table_cells):
        super().__init__(source, text_at, tail_at, skip_extra)
        self.budget = CellBudget(max_cells)  # table cells read from the page (limits.max_table_cells)
        self.data_tables = data_tables
        self.root = root
        self.items: list[Item] = []
        self.ctx: list[tuple[BlockKind, int | None]] = []  # (kind, level) of enclosing headings / list items
        self.root_range = [0, -1]
        self.stop: int | None = None  # the items up to the table the cells ran out in (limits.max_table_cells)
        self.top = None
        self.hrefs: list[str | None] = []  # the href of each enclosing link

    # blocks
    def _kind(self) -> tuple[BlockKind, int | None]:
        return self.ctx[-1] if self.ctx else ("paragraph", None)

    def flush(self) -> None:
        cur = self.cur
        self.cur = Lines()
        kind, level = self._kind()
        lines = [strip_pieces(p) for p in cur.lines]
        lines = [p for p in lines if p]
        # a picture in a paragraph with link text is a link's icon, unless it is a thumbnail (点击查看大图 is its link)
        shown = cur.images and (not cur.link or cur.zoom)
        if not lines:
            if shown and cur.images > cur.captioned:
                self.items.append(Item("image", "<img>", (), fallback=self._img_pos))
            return
        link_share = cur.link / cur.chars if cur.chars else 0.0
        if len(lines) > 1 and kind != "heading":
            texts = ["".join(p[0] for p in pieces) for pieces in lines]
            if any(_NUMBERED.match(t) for t in texts):
                for pieces in lines:
                    text, anchors = assemble([pieces])
                    self.items.append(Item(kind, text, anchors, level, round(link_share * len(text))))
                return
        text, anchors = assemble(lines)
        self.items.append(Item(kind, text, anchors, level, round(link_share * len(text))))
        if shown and kind == "paragraph" and len(text) <= CAPTION_MAX and (cur.alone > 0 or "。" not in text) and (
                cur.images > cur.captioned or _TABLE_CAPTION.search(text)):
            # a picture beside its caption, on a line of its own (<p>表1 主动公开情况<br><img></p>) or on the
            # caption's line (<p><img>表1 主动公开情况</p>): a block, as a picture alone in its paragraph is (a
            # statistics table published as a picture is there, DL105); one inside a sentence (正文<img>文字。) is not
            self.items.append(Item("image", "<img>", (), fallback=self._img_pos))

    _img_pos: tuple[int, int] | None = None

    def enter(self, el) -> bool:
        tag = tag_of(el)
        if tag is None or tag in SKIP or el in self.skip_extra:
            return False
        if tag == "br":
            if self.ctx and self.ctx[-1][0] == "heading":
                self.cur.space(True)
            else:
                self.cur.br()
            return False
        if tag == "img":
            how = _linked_picture(el, self.hrefs[-1]) if self.link and self.hrefs else (
                "picture" if _big_image(el) else None)
            if how is not None:
                self.cur.picture(how)
                self._img_pos = self.src.tag_pos(el)
            return False
        if el is self.root:
            self.flush()
            self.root_range[0] = len(self.items)
        if tag == "table":
            self.flush()
            if el in self.data_tables:
                self.table(el)
                return False
        elif tag in BLOCK:
            self.flush()
        if tag in HEADINGS:
            self.ctx.append(("heading", HEADINGS[tag]))
        elif tag in ("li", "dt", "dd"):
            self.ctx.append(("list_item", None))
        if tag == "a":
            self.link += 1
            self.hrefs.append(el.get("href"))
        elif tag == "pre":
            self.pre += 1
        t = el.text
        if t:
            self.text(t, self.text_at.get(el), el)
        return True

    def leave(self, el, entered: bool) -> None:
        if entered:
            tag = tag_of(el)
            if tag in BLOCK:
                self.flush()
            if tag in HEADINGS or tag in ("li", "dt", "dd"):
                if self.ctx:
                    self.ctx.pop()
            if tag == "a":
                self.link -= 1
                if self.hrefs:
                    self.hrefs.pop()
            elif tag == "pre":
                self.pre -= 1
        if el is self.root:
            self.flush()
            self.root_range[1] = len(self.items)
        t = el.tail
        if t and el is not self.top:
            self.text(t, self.tail_at.get(el), el)

    def run(self, top) -> list[Item]:
        self.top = top
        walk(top, self.enter, self.leave)
        self.flush()
        return self.items

    # tables
    def table(self, table) -> None:
        for child in table:
            if tag_of(child) == "caption":
                saved = self.cur
                self.cur = Lines()
                walk(child, self.enter, self.leave)
                self.flush()
                self.cur = saved
        read = read_table(table, self, self.budget)
        if read is not None:
            text, anchors, grid = read
            self.items.append(Item("table", text, anchors, table=grid, fallback=self.src.tag_pos(table)))
        if self.budget.cut is not None and self.stop is None:
            self.stop = len(self.items)  # the table the cells ran out in: nothing after it is read


def _big_image(el) -> bool:
    for attr in ("width", "height"):
        v = el.get(attr)
        if v is not None:
            n = span(v.replace("px", ""), 0)
            if 0 < n < 80:
                return False
    return True


def _sizes(el) -> list[int]:
    """The picture's sizes in pixels its ``width`` / ``height`` attributes and inline style give."""
    out = []
    for attr in ("width", "height"):
        v = el.get(attr)
        if v is not None:
            n = span(v.replace("px", ""), 0)
            if n > 0:
                out.append(n)
    style = el.get("style")
    if style and ("width" in style or "height" in style):
        d = declarations(style)
        for attr in ("width", "height"):
            v = d.get(attr, "")
            if v.endswith("px"):
                n = span(v[:-2], 0)
                if n > 0:
                    out.append(n)
    return out


def _linked_picture(el, href: str | None) -> str | None:
    """What a picture inside a link ``<a href>`` is (:meth:`.html_text.Lines.picture`): ``zoom`` a thumbnail that
    links to its enlargement (an image file, or the picture's own address), whatever its size but an icon's;
    ``picture`` a picture large by its own size (both sides, when given, 80 pixels or more: :func:`_big_image`)
    that links to no web page; ``caption`` one that is a table's picture only beside a table's caption (表2 …, or
    its ``alt``): a linked picture leading to a page is a banner, a logo or a link to an article; ``None`` an icon.
    """
    sizes = _sizes(el)
    href = (href or "").strip()[:2000]
    if href and (_IMAGE_HREF.search(href) or href == (el.get("src") or "").strip()):
        return None if sizes and min(sizes) < _ICON else "zoom"
    if sizes and min(sizes) < 80:
        return None
    if _TABLE_CAPTION.search((el.get("alt") or "")[:200]):
        return "picture"
    return "picture" if sizes and not _page_href(href) else "caption"


def _page_href(href: str) -> bool:
    """Does the link lead to a web page (an article, a site's home page), not to a script or a file?"""
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return bool(_PAGE_HREF.search(parts.path)) or parts.path == "/" or (bool(parts.netloc) and not parts.path)


def _describe(el) -> str:
    tag = tag_of(el) or "?"
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


def _hidden_content(found: list, top, root, source: Source, text_at: dict,
                    tail_at: dict) -> tuple[tuple[HiddenItem, ...], dict[str, int]]:
    """The page's hidden elements (``found``: :func:`.html_hidden.find_hidden`) for ``Document.hidden`` and the
    hosts of its visible links.

    ``in_body``: inside the report body, not the page chrome and not a container of the body.
    """
    flow = TextWalker(source, text_at, tail_at)
    out = []
    hidden_links = set()
    for el, how in found:
        text, anchors = flow.cell_text(el)
        links: list[PageLink] = []
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
            links.append(PageLink(href.strip(), i, i + len(lt)))
            cursor = i + len(lt)
        if not text.strip() and not links:
            continue
        line, column = (anchors[0].line, anchors[0].column) if anchors else source.tag_pos(el)
        block = Block(index=-1, kind="html", text=text, line=line, column=column, anchors=anchors)
        in_body = any(anc is root for anc in el.iterancestors())
        out.append(HiddenItem(how, _describe(el), tag_of(el) or "", in_body, block, tuple(links)))
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
    text, encoding, declared, bad = decode_page(data)  # a few bytes UTF-8 cannot decode: read, and said (DL002)
    return with_undecodable(read_text(path, text, encoding, declared, limits), bad)


def read_text(path: str, text: str, encoding: str | None, declared: str | None,
              limits: Limits = DEFAULT_LIMITS) -> Document:
    """A page already decoded (``encoding`` the codec used, ``declared`` the charset it declared), within the
    limit on elements (a single-file page's root part: :mod:`.mhtml`); a page's 繁體 view is read as the simplified
    text it was made from (:mod:`.script`, DL008)."""
    text, cut = _bounded(text, limits.max_html_elements)
    text, script = simplified(text)
    doc = with_script(parse(text, path=path, encoding=encoding, declared=declared, limits=limits), script)
    if cut is not None:
        line = text.count("\n", 0, cut) + 1
        col = cut - (text.rfind("\n", 0, cut) + 1) + 1
        doc = replace(doc, notices=(*doc.notices, ReaderNotice(
            "read-limit", format="网页",
            detail=f"标签超过 {limits.max_html_elements} 个（limits.max_html_elements），第{line}行第{col}列起未读取")))
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
    src = clean_source(text)
    doc = parse_tree(src)
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
    found = find_hidden(doc, top, SKIP)
    copies = hidden_copies(found, top, SKIP)  # a hidden copy of what the page shows (the report for phones)
    copies |= phone_copies(found, top, SKIP)  # …or one the page's @media rules hide on a computer's screen
    ms = measure(top, copies)
    data_tables = {t for t in top.iter("table") if is_data_table(t, bool(ms.nested.get(t)))}
    root = find_root(top, ms, data_tables)
    # footers and asides outside the report are chrome
    ancestors = set(root.iterancestors()) | {root}
    skip_extra = {el for el in top.iter("footer", "aside") if el not in ancestors} | copies
    flow = Flow(source, text_at, tail_at, data_tables, root, skip_extra, limits.max_table_cells)
    items = flow.run(top)
    rs, re_ = flow.root_range
    if re_ < rs:
        re_ = len(items)
    if flow.stop is not None and rs < flow.stop < re_:  # the cells ran out in the report: it is read up to there
        items, re_ = items[:flow.stop], flow.stop
    title = page_title(doc, source, text_at)
    chosen = select(items, rs, re_, title)
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
    pubdate = None
    m = _PUBDATE.search(src[:20000])
    if m:
        c = _CONTENT_ATTR.search(m.group())
        if c and c.group(1).strip():
            pubdate = c.group(1).strip()
    g = _GENERATOR.search(src[:600])  # (check -f html writes it at the top of its head)
    generator = c.group(1).strip() if g and (c := _CONTENT_ATTR.search(g.group())) else None
    hidden, link_hosts = _hidden_content(found, top, root, source, text_at, tail_at)
    seo = head_texts(source) + script_writes(doc, source, root)
    notices: tuple[ReaderNotice, ...] = ()
    if flow.budget.cut is not None:
        notices = (ReaderNotice("read-limit", format="网页",
                                detail=f"表格单元格超过 {limits.max_table_cells} 个（limits.max_table_cells），"
                                       f"第{flow.budget.cut[0]}行第{flow.budget.cut[1]}列起未读取"),)
    return Document(path=path, format="html", encoding=encoding, text=text, blocks=tuple(blocks), notices=notices,
                    hidden=hidden, seo=tuple(seo), site_urls=tuple(site_urls(doc)), link_hosts=link_hosts,
                    pubdate=pubdate, page_title=title.text if title is not None else None,
                    declared_charset=declared, pager=pager(doc), embedded=embedded(doc),
                    meta={"content_root": _describe(root), **({"generator": generator} if generator else {})})
