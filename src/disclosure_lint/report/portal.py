"""Portal metadata: the text a government portal writes around the report, not the clerk's text.

A report published on a web page arrives wrapped in fields the portal's CMS writes itself:

* **dates** — ``发布日期：2023-01-12``, ``发布时间:2023-01-09 15:20``, ``成文日期``, ``更新时间``,
  ``撰写时间`` (kind ``published`` for 发布/公开/发文/印发 日期·时间, else ``date``);
* **bylines** — ``来源：某某局 2023年01月05日``, ``信息来源``, ``发布机构``, ``作者``, ``编辑`` (``source``);
* **counters** — ``浏览次数：35``, ``阅读量`` (``counter``); **font switches** — ``字号：大 中 小`` (``font``);
* **catalogue fields** — ``索引号``, ``主题分类``, ``公开方式`` … (``index``);
* **page tools** — ``【打印】【关闭】``, ``打印本页``, ``关闭窗口`` (``tools``);
* **breadcrumbs** — ``首页>政务公开>年度报告``, ``当前位置：首页 > …``, ``您现在的位置：…`` (``breadcrumb``).

``find_metadata(blocks)`` finds them as spans of block text, whether a field fills a whole line, shares
a line with other fields, or sits inside a long flattened line (``标题 发布日期：2023-01-12 浏览次数：35
一、总体情况 …``).  A label alone on its line followed by its value on the next line (``撰写时间`` /
``2024年01月12日 17:12:21``) is recognised near the top of the document.

**Conservative.**  Strong labels (发布日期, 浏览次数, 索引号, 信息来源, breadcrumbs, page tools …) count
anywhere, but only in the shape a CMS writes them: followed by a colon, a space or the value itself
(``发布时间较晚`` or ``网站点击量120万次`` are prose).  Weak labels that a clerk may also write
(``来源``, ``作者``, ``编辑``, ``文号``, ``日期``, ``时间``) count only with a colon, not inside a word,
and only next to a strong field (nothing but separators between) or on a line of fields near the top.

Rules use this to leave the portal's text alone: date-form rules do not blame the clerk for the
portal's date format; the publication date may still be taken from a ``发布日期`` field; a breadcrumb
is never the report title.  The scan is linear in the text (no backtracking regexes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Block
from .dates import DATE_RE

# Blocks this close to the top may be a label alone on its line, or a line of weak fields only.
HEAD = 30
# A publication date is taken only from the page header (as before: the first blocks).
PUBLISHED_HEAD = 12

_SP = r"[ \t\u3000]"
_COLON = re.compile(_SP + r"*[:：]" + _SP + "*")
_SPACES = re.compile(_SP + "+")
_TIME_AFTER = re.compile(_SP + r"*\d{1,2}:\d{2}(?::\d{2})?")
_COUNT = re.compile(r"\d[\d,]*(?:" + _SP + r"*次)?")
_FONT_SIZES = re.compile(r"(?:" + _SP + r"*[\[【(（]?" + _SP + r"*(?:超大|大|中|小|默认|标准)" + _SP
                         + r"*[\]】)）]?){1,4}")
# a one-token value (an agency, a name, an index number), stopped by a section number (flattened text)
_TOKEN = re.compile(r"(?:(?![一二三四五六七八九十]{1,2}[、.．])[^\s，。；,;、|｜【】\[\]（）()：:<>]){1,40}")
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/\-_.]{2,60}")
_SEPARATORS = re.compile(r"[\s|｜【】\[\]()（）·•\-—_/／:：,，;；]+")

PUBLISHED_LABELS = r"(?:发布|公开|发文|印发)(?:日期|时间)"
_STRONG_DATE = r"(?:发布|更新|撰写|成文|生成|公开|发文|印发|创建|修改|录入|上传|发稿|签发)(?:日期|时间)"
_LABEL = re.compile(
    # the first characters of every label, as a lookahead: lets the regex engine skip ahead fast
    r"(?=[发更撰成生公印创修录上签信文稿来浏阅访点字索主体组服有责供作编日时])(?:"
    r"(?P<date>" + _STRONG_DATE + r")"
    r"|(?P<source>信息来源|文章来源|稿件来源|来源单位|发布机构|发布单位|发文机关|发文单位)"
    r"|(?P<counter>(?:浏览|阅读|访问|点击)(?:次数|量|数))"
    r"|(?P<font>(?<![文发])(?:字号|字体))"
    r"|(?P<index>索引号|主题分类|体裁分类|组配分类|信息分类|服务对象|公开方式|公开范围|公开时限|有效性)"
    r"|(?P<wsource>责任编辑|撰稿人|撰稿|供稿|来源|作者|编辑)"
    r"|(?P<windex>发文字号|文号)"
    r"|(?P<wdate>日期|时间))"
)
_PUBLISHED = re.compile(PUBLISHED_LABELS + "$")
_WEAK = frozenset({"wsource", "windex", "wdate"})
_KIND = {"date": "date", "source": "source", "counter": "counter", "font": "font", "index": "index",
         "wsource": "source", "windex": "index", "wdate": "date"}

_CRUMB = r"[^\s>›»＞→]{1,30}"
_SEP = r"(?:>>?|›|»|＞|→)"
_BREADCRUMB = re.compile(
    r"(?=[当您所首网主])(?:(?P<where>当前所在位置|当前位置|您现在的位置是?|您当前的位置|您当前所在位置|您的位置|所在位置)"
    + _SP + r"*[:：]?" + _SP + r"*(?:" + _CRUMB + r"(?:" + _SP + r"*" + _SEP + _SP + r"*" + _CRUMB + r")*)?"
    r"|(?<![^\s|｜])(?P<home>首页|网站首页|主页)(?:" + _SP + r"*" + _SEP + _SP + r"*" + _CRUMB + r")+)"
)
_TOOLS = re.compile(
    r"[【\[]" + _SP + r"*(?:打印(?:本页|此页|文章|正文)?|关闭(?:窗口|本页)?|返回(?:顶部)?|顶部|收藏(?:本页)?|分享"
    r"|[大中小])" + _SP + r"*[】\]]"
    r"|打印本页|打印此页|关闭窗口|关闭本页|返回顶部|加入收藏|收藏本页|分享到[:：]?"
)
_MARKS = frozenset(":：>›»＞→【[")
_LONE_TOOLS = re.compile(r"^(?:" + _SP + r"*(?:打印|关闭|返回|收藏|分享)" + _SP + r"*){2,5}$")


@dataclass(frozen=True)
class PortalSpan:
    """One field the portal wrote: ``block.text[start:end]``."""

    block: Block
    start: int
    end: int
    kind: str  # published | date | source | counter | font | index | tools | breadcrumb
    label: str  # the label as written (发布日期, 来源, 当前位置 …); "" for page tools and bare breadcrumbs
    value: str  # the value as written (a date, a name, a count …); "" when the field is empty

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


@dataclass
class PortalMetadata:
    """Every portal field of the report, by block."""

    spans: list[PortalSpan] = field(default_factory=list)
    _by_block: dict[int, list[PortalSpan]] = field(default_factory=dict, repr=False)
    _lines: set[int] = field(default_factory=set, repr=False)
    _index: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False)

    def in_block(self, block: Block) -> list[PortalSpan]:
        return self._by_block.get(id(block), [])

    def covering(self, block: Block, start: int, end: int | None = None) -> PortalSpan | None:
        """The field holding ``block.text[start:end]``, or None (a binary search: a flattened page may
        hold thousands of fields on one line)."""
        end = start + 1 if end is None else end
        spans = self._by_block.get(id(block))
        if not spans:
            return None
        index = self._index.get(id(block))
        if index is None:
            spans.sort(key=lambda x: x.start)
            reach, far = [], -1
            for x in spans:
                far = max(far, x.end)
                reach.append(far)
            index = self._index[id(block)] = ([x.start for x in spans], reach)
        starts, reach = index
        i = bisect_right(starts, start) - 1
        while i >= 0 and reach[i] >= end:  # spans before it may reach further (they rarely overlap)
            if spans[i].end >= end:
                return spans[i]
            i -= 1
        return None

    def is_line(self, block: Block) -> bool:
        """Is the whole block portal metadata (nothing of the report on it)?"""
        return id(block) in self._lines

    def text_without(self, block: Block) -> str:
        """The block's text with its portal fields removed (spaces collapsed)."""
        spans = self._by_block.get(id(block))
        if not spans:
            return block.text.strip()
        text = block.text
        parts, pos = [], 0
        for s in spans:
            if s.start > pos:
                parts.append(text[pos:s.start])
            pos = max(pos, s.end)
        parts.append(text[pos:])
        return " ".join(" ".join(parts).split())

    def _add(self, block: Block, spans: list[PortalSpan], line: bool) -> None:
        self.spans.extend(spans)
        self._by_block.setdefault(id(block), []).extend(spans)
        self._index.pop(id(block), None)
        if line:
            self._lines.add(id(block))

    @property
    def published(self) -> PortalSpan | None:
        """The first publication-date field of the page header (发布日期：…), or None."""
        for s in self.spans:
            if s.kind == "published" and s.value and s.block.index < PUBLISHED_HEAD:
                return s
        return None


# -- finding fields -----------------------------------------------------------------------------------


def _date_value(text: str, pos: int) -> int | None:
    """End of a date (and a clock time after it) starting at ``pos``, or None."""
    m = DATE_RE.match(text, pos)
    if m is None:
        return None
    end = m.end()
    if not m.group("it"):
        t = _TIME_AFTER.match(text, end)
        if t is not None:
            end = t.end()
    return end


def _boundary_ok(text: str, start: int) -> bool:
    """A weak label must not be the end of a word (数据来源, 会议时间 are prose)."""
    if start == 0:
        return True
    prev = text[start - 1]
    return not ("\u4e00" <= prev <= "\u9fff" or prev.isalnum())


def _field(text: str, m: re.Match[str], limit: int) -> tuple[int, str, str] | None:
    """(end, kind, value) of the field whose label is ``m``, or None when it is prose."""
    group = m.lastgroup or ""
    kind = _KIND[group]
    label_end = m.end()
    colon = _COLON.match(text, label_end, limit)
    after = colon.end() if colon else label_end
    at_end = not text[after:limit].strip()
    if group in _WEAK:
        if colon is None or not _boundary_ok(text, m.start()):
            return None
    if kind == "date":
        pos = after
        if colon is None:
            sp = _SPACES.match(text, label_end, limit)
            pos = sp.end() if sp else label_end
        end = _date_value(text, pos)
        if end is not None and end <= limit:
            published = group == "date" and _PUBLISHED.match(m.group(0))
            return end, "published" if published else "date", text[pos:end]
        if colon is not None and (at_end or group == "date"):
            return after, kind, ""
        return None
    if kind == "counter":
        c = _COUNT.match(text, after, limit)
        if colon is not None:
            return (c.end() if c else after), kind, (c.group(0) if c else "")
        sp = _SPACES.match(text, label_end, limit)
        if sp is not None:
            c = _COUNT.match(text, sp.end(), limit)
            if c is not None and (c.end() == limit or text[c.end()].isspace()):
                return c.end(), kind, c.group(0)
        return (label_end, kind, "") if at_end else None
    if kind == "font":
        f = _FONT_SIZES.match(text, after, limit)
        if f is not None:
            return f.end(), kind, f.group(0).strip()
        return (after, kind, "") if colon is not None and (at_end or text[after:after + 1].isspace()
                                                           or after == limit) else None
    # source / index: a colon and one token (a byline may carry the date after a space)
    if colon is None:
        if kind == "index" and group not in _WEAK:
            sp = _SPACES.match(text, label_end, limit)
            a = _ASCII_TOKEN.match(text, sp.end(), limit) if sp else None
            if a is not None:
                return a.end(), kind, a.group(0)
        return None
    tok = (_ASCII_TOKEN if kind == "index" else _TOKEN).match(text, after, limit)
    if tok is None and kind == "index":
        tok = _TOKEN.match(text, after, limit)
    if tok is None:
        return after, kind, ""
    end = tok.end()
    if kind == "source":
        sp = _SPACES.match(text, end, limit)
        d = _date_value(text, sp.end()) if sp else None
        if d is not None and d <= limit:
            end = d
    return end, kind, text[after:end]


def _block_spans(block: Block) -> tuple[list[PortalSpan], list[PortalSpan]]:
    """(strong spans and the weak ones chained to them, weak spans standing alone) of one block."""
    text = block.text
    n = len(text)
    spans: list[tuple[PortalSpan, bool]] = []  # (span, strong)
    taken: list[tuple[int, int]] = []
    for m in _BREADCRUMB.finditer(text):
        spans.append((PortalSpan(block, m.start(), m.end(), "breadcrumb", m.group("where") or "",
                                 text[m.start():m.end()]), True))
        taken.append((m.start(), m.end()))
    for m in _TOOLS.finditer(text):
        if not _inside(taken, m.start()):
            spans.append((PortalSpan(block, m.start(), m.end(), "tools", "", ""), True))
    labels = [m for m in _LABEL.finditer(text) if not _inside(taken, m.start())]
    for i, m in enumerate(labels):
        limit = labels[i + 1].start() if i + 1 < len(labels) else n
        got = _field(text, m, limit)
        if got is not None:
            end, kind, value = got
            spans.append((PortalSpan(block, m.start(), end, kind, m.group(0), value), m.lastgroup not in _WEAK))
    if not spans:
        if _LONE_TOOLS.match(text):
            return [PortalSpan(block, 0, n, "tools", "", "")], []
        return [], []
    spans.sort(key=lambda t: t[0].start)
    ok = [strong for _, strong in spans]
    # a weak field counts when it runs on from an accepted one (nothing but separators between)
    order = list(range(len(spans)))
    for seq, step in ((order, -1), (order[::-1], 1)):
        for k in seq:
            j = k + step
            if ok[k] or not 0 <= j < len(spans) or not ok[j]:
                continue
            a, b = (spans[j][0], spans[k][0]) if step < 0 else (spans[k][0], spans[j][0])
            if not _SEPARATORS.sub("", text[a.end:b.start]):
                ok[k] = True
    return [s for (s, _), good in zip(spans, ok) if good], [s for (s, _), good in zip(spans, ok) if not good]


def _inside(taken: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` inside one of the sorted, disjoint spans ``taken``?"""
    i = bisect_right(taken, (pos, float("inf"))) - 1
    return i >= 0 and taken[i][0] <= pos < taken[i][1]


def _covered(block: Block, spans: Sequence[PortalSpan]) -> bool:
    """Nothing but separators outside the spans."""
    text = block.text
    pos = 0
    for s in spans:
        if _SEPARATORS.sub("", text[pos:s.start]):
            return False
        pos = max(pos, s.end)
    return not _SEPARATORS.sub("", text[pos:])


_LONE_LABEL = re.compile(r"^\s*(?P<label>" + _STRONG_DATE + r"|信息来源|文章来源|发布机构|发布单位|发文机关|来源|作者|编辑"
                         r"|责任编辑|日期|时间|浏览次数|阅读次数|访问次数|点击次数|索引号)\s*[:：]?\s*$")
_LONE_VALUE = re.compile(r"^[^\s，。；,;、：:]{1,20}$")


def _lone_label(block: Block, nxt: Block | None) -> list[PortalSpan]:
    """A label alone on its line near the top, and its value on the next line (撰写时间 / 2024年…)."""
    m = _LONE_LABEL.match(block.text)
    if m is None:
        return []
    label = m.group("label")
    kind = ("published" if _PUBLISHED.match(label) else "date") if label.endswith(("日期", "时间")) else (
        "counter" if "次数" in label else "index" if label == "索引号" else "source")
    first = PortalSpan(block, m.start("label"), len(block.text.rstrip()), kind, label, "")
    if nxt is None:
        return [first]
    t = nxt.text
    lead = len(t) - len(t.lstrip())
    value = t.strip()
    if kind in ("published", "date"):
        end = _date_value(t, lead)
        ok = end is not None and not t[end:].strip()
    elif kind == "counter":
        ok = bool(re.fullmatch(r"\d[\d,]*次?", value))
    elif kind == "index":
        ok = bool(_ASCII_TOKEN.fullmatch(value))
    else:
        ok = (bool(_LONE_VALUE.match(value)) and not value[0].isdigit()
              and not re.match(r"[一二三四五六七八九十]{1,2}[、.．]|[（(]", value))
    if not ok:
        return [first]
    return [first, PortalSpan(nxt, lead, lead + len(value), kind, label, value)]


def find_metadata(blocks: Iterable[Block]) -> PortalMetadata:
    """Every portal field in ``blocks``.

    Prose blocks anywhere; a table block only near the top and only when it holds nothing but fields
    (an info table ``索引号 | … | 发布机构 | …``, or field lines the text reader read as a table because
    runs of spaces separate them).  Statistics tables are data, never searched.
    """
    out = PortalMetadata()
    blocks = list(blocks)
    paired: dict[int, list[PortalSpan]] = {}
    for pos, b in enumerate(blocks):
        text = b.text
        if not text.strip():
            continue
        if b.kind == "table":
            if pos < HEAD:
                spans, loose = _block_spans(b)
                if spans and _covered(b, spans + loose):
                    out._add(b, sorted(spans + loose, key=lambda s: s.start), line=True)
            continue
        extra = paired.pop(id(b), [])
        if pos < HEAD and not extra:
            nxt = blocks[pos + 1] if pos + 1 < len(blocks) and blocks[pos + 1].kind != "table" else None
            lone = _lone_label(b, nxt)
            if lone:
                out._add(b, lone[:1], line=True)
                if len(lone) > 1:
                    paired[id(lone[1].block)] = lone[1:]
                continue
        if extra:
            out._add(b, extra, line=True)
            continue
        if pos >= HEAD and not any(ch in text for ch in _MARKS):
            continue  # below the header a field has a colon, an arrow or a bracket (a cheap test first)
        spans, loose = _block_spans(b)
        if not spans and not loose:
            continue
        if not spans:  # weak fields only: a metadata line near the top, else prose
            if pos >= HEAD or not _covered(b, loose):
                continue
            spans = loose
        out._add(b, spans, line=_covered(b, spans))
    return out
