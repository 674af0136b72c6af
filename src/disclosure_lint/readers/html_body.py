"""Finding the report among the page chrome of a government portal page.

:func:`measure` counts, for every element, the Chinese characters of its subtree that are not link
text and the section numerals (一、… 六、) of its heading-like text nodes; :func:`find_root` descends
from ``<body>`` while one child holds the bulk of the text *and* every section heading of its parent.
:func:`select` then keeps, of the items the reader made, the body's items without chrome lines (short
lines that are not sentences: 打印本页, 分享到, 上一篇…) and runs of link-only lines, plus the report title
(…政府信息公开工作年度报告) and the "发布日期 / 来源" lines just above the body (an info table's
"发布日期 | 2024-01-20" cells become "发布日期：2024-01-20"; the page ``<title>`` stands in for a missing
title, :func:`page_title`) and a signature (落款) right after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Anchor
from ..page_lines import footer_tail
from .html_source import Source, tag_of
from .html_text import BLOCK, SKIP, Item, TextWalker, assemble, slice_item, strip_pieces

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A text node that starts a top-level section heading (一、… / 第一部分).
_SECTION_NODE = re.compile(r"^\s*(?:第)?([一二三四五六七八九十])\s*(?:[、．.]|部分)")
_NUMERALS = "一二三四五六七八九十"

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


@dataclass
class Measures:
    mass: dict  # non-link Chinese characters in the subtree
    bits: dict  # section numerals (一…十) of heading-like text nodes in the subtree
    nested: dict  # table → holds another table


def _secbit(s: str) -> int:
    if len(s) > 80:
        return 0
    m = _SECTION_NODE.match(s)
    return 1 << _NUMERALS.index(m.group(1)) if m else 0


def measure(top, leave_out: set | frozenset = frozenset()) -> Measures:
    """:class:`Measures` of the elements under ``top``; those of ``leave_out`` (a hidden copy of the report) hold
    nothing."""
    order = list(top.iter())
    mass: dict = {}
    bits: dict = {}
    nested: dict = {}
    am: dict = {}
    ab: dict = {}
    ah: dict = {}
    for el in reversed(order):
        tag = tag_of(el)
        if tag is None or tag in SKIP or el in leave_out:
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


def find_root(top, ms: Measures, data_tables: set):
    """The element holding the report: descend while one child holds the bulk of the text and all
    of the section headings of its parent."""
    node = top
    while True:
        kids = [c for c in node if tag_of(c) is not None and tag_of(c) not in SKIP and tag_of(c) != "a"]
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
    if tag_of(el) == "table":
        return True
    brs = 0
    for child in el.iterdescendants():
        tag = tag_of(child)
        if tag in BLOCK:
            return True
        if tag == "br":
            brs += 1
            if brs >= 2:
                return True
    return False



# -- choosing the report's blocks among the page's ------------------------------------------------


def is_title(it: Item) -> bool:
    t = it.text
    if it.kind in ("table", "image") or not t or len(t) > 80 or "\n" in t:
        return False
    if _NOT_TITLE.search(t) or t.endswith(("。", "；", "：", ":")) or "，" in t:
        return False
    if it.link * 2 > len(t):
        return False
    return bool(_TITLE.search(t)) and bool(_TITLE_YEAR.search(t))  # a column name has no year


def _chrome_or_meta(it: Item) -> Item | None:
    """None for a chrome line; the item (trimmed of trailing chrome) otherwise."""
    if it.kind in ("table", "image") or len(it.text) > _CHROME_MAX:
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
    if it.kind == "image" or len(it.text) > 200 or it.link * 2 > len(it.text):
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


_FOOTER_MARK = re.compile(r"网站地图|联系我们|版权所有|主办单位|承办单位|ICP备|网站标识码|公网安备|技术支持")
def _footer_contacts(items: list[Item]) -> set[int]:
    """The ids of the contact lines (联系电话：… 值班手机：…) and technical notes (建议使用…浏览器, 您是第…位访客)
    that end the body under a footer line (主办单位：… 网站标识码 … ICP备 …, dropped as chrome): the site's
    footer, not the report's text (its numbers are not the report's). Only at the very end of the body, and only
    after a footer line."""
    run: list[tuple[Item, str]] = []  # trailing items: (item, contact | note | mark)
    for it in reversed(items):
        t = it.text.strip()
        if not t:
            continue
        if it.kind != "paragraph":
            break
        tail = footer_tail(t)
        if tail == "contact":
            run.append((it, "contact"))
        elif _chrome_or_meta(it) is None and _FOOTER_MARK.search(t):
            run.append((it, "mark"))
        elif tail == "note":
            run.append((it, "note"))
        else:
            break
    run.reverse()
    first = next((k for k, (_, what) in enumerate(run) if what == "mark"), None)
    return set() if first is None else {id(it) for it, what in run[first + 1:] if what != "mark"}


def select(items: list[Item], rs: int, re_: int, title: Item | None) -> list[Item]:
    """The report's items: the body ``items[rs:re_]`` cleaned of chrome, with the title and metadata lines above it
    (``title``, from the page ``<title>``, when there is none) and a signature below it."""
    body = _link_run_filter([x for x in (_chrome_or_meta(it) for it in items[rs:re_]) if x is not None and x.text])
    footer = _footer_contacts(items[rs:re_])
    if footer and any(id(it) not in footer for it in body):  # (a page of nothing else keeps them: it is not empty)
        body = [it for it in body if id(it) not in footer]
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
    if title_idx is None and title is not None and not any(is_title(it) for it in texts[:6]):
        head.insert(0, title)
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


def page_title(doc, source: Source, text_at: dict) -> Item | None:
    """The report title in the page ``<title>`` ("2023年…年度报告_某某区人民政府"), if it holds one."""
    el = doc.find(".//title")
    if el is None or not el.text or not el.text.strip():
        return None
    walker = TextWalker(source, text_at, {})
    walker.cell_mode = True
    walker.text(el.text, text_at.get(el), el)
    pieces = [p for line in walker.cur.lines for p in line]
    text, anchors = assemble([strip_pieces(pieces)])
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
