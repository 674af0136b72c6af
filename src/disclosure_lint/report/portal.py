"""Portal metadata: the text a government portal writes around the report, not the clerk's text.

A report published on a web page arrives wrapped in fields the portal's CMS writes itself:

* **dates** — ``发布日期：2023-01-12``, ``发布时间:2023-01-09 15:20``, ``成文日期``, ``更新时间``,
  ``撰写时间`` (kind ``published`` for 发布/公开/发文/印发 日期·时间, else ``date``);
* **bylines** — ``来源：某某局 2023年01月05日``, ``信息来源``, ``发布机构``, ``作者``, ``编辑`` (``source``);
* **counters** — ``浏览次数：35``, ``阅读量`` (``counter``); **font switches** — ``字号：大 中 小`` (``font``);
* **catalogue fields** — ``索引号``, ``主题分类``, ``公开方式`` … (``index``);
* **page tools** — ``【打印】【关闭】``, ``打印本页``, ``关闭窗口`` (``tools``);
* **breadcrumbs** — ``首页>政务公开>年度报告``, ``当前位置：首页 > …``, ``您现在的位置：…`` (``breadcrumb``);
* **the date greeting** — ``今天是2024年1月22日 星期一``, ``今天是：`` (``today``);
* **lists of linked pages** — ``相关信息`` / ``相关阅读：`` / ``热点专题`` … followed by titles with their dates
  (``某某局2023年政府信息公开工作年度报告 2024-01-21``), ``上一篇：`` / ``下一篇：`` with a title (``related``);
* **the page footer** — from ``网站地图`` / ``主办单位`` … to the end of the line when the line carries a
  footer mark (``网站标识码``, ``ICP备``, ``公网安备``, ``版权所有``, ``主办单位``…) and no sentence after it
  (``footer``): its phone numbers are the site's, not the report's; so are those of the site's contact lines
  (``联系电话：… 值班手机：…``, fields only) that follow a footer line to the end of the text (:func:`.portal_footer.footer_tail_lines`).

``find_metadata(blocks)`` finds them as spans of block text, whether a field fills a whole line, shares
a line with other fields, or sits inside a long flattened line (``标题 发布日期：2023-01-12 浏览次数：35
一、总体情况 …``).  A label alone on its line followed by its value on the next line (``撰写时间`` /
``2024年01月12日 17:12:21``) is recognised near the top of the document; so is a font switch split one item per line (``【字体：`` /
``大`` / ``中`` / ``小`` / ``】``).  "Near the top" counts only blocks with content: the navigation items a
crawler puts one per line before the report (``首页``, ``|``, ``无障碍浏览`` …: :func:`..page_lines.is_chrome`) do not
push the page header out of reach.

**Conservative.**  Strong labels (发布日期, 浏览次数, 索引号, 信息来源, breadcrumbs, page tools …) count
anywhere, but only in the shape a CMS writes them: followed by a colon, a space or the value itself
(``发布时间较晚`` or ``网站点击量120万次`` are prose).  Weak labels that a clerk may also write
(``来源``, ``作者``, ``编辑``, ``文号``, ``日期``, ``时间``) count only with a colon, not inside a word (but a
``时间:`` or ``日期:`` glued to the word before it when a strong field follows its date at once: ``…的通知时间:2020年09月15日
点击次数:13460``), and only next to a strong field (nothing but separators between) or on a line of fields near the top.

Rules use this to leave the portal's text alone: date-form rules do not blame the clerk for the
portal's date format; the publication date may still be taken from a ``发布日期`` field; a breadcrumb
is never the report title.  The scan is linear in the text (no backtracking regexes).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence

from .. import page_lines as lines
from ..model import Block
from ..page_lines import CHROME_CHARS, CHROME_PUNCT, NUMBERED
from .alternation import AnyOf, holding, trie
from .portal_crawl import crawl_header as _crawl_header
from .portal_footer import MARKS as _MARKS
from .portal_footer import footer_start as _footer
from .portal_footer import footer_tail_lines as _footer_tail
from .portal_joined import SEPARATORS as _SEPARATORS
from .portal_joined import joined_fields as _joined_fields
from .portal_links import date_value as _date_value
from .portal_links import dated_runs as _dated_runs
from .portal_links import related_item as _related_item
from .portal_model import PUBLISHED_HEAD as PUBLISHED_HEAD
from .portal_model import PortalMetadata as PortalMetadata
from .portal_model import PortalSpan as PortalSpan

# Blocks this close to the top may be a label alone on its line, or a line of weak fields only
# (counted in blocks with content: navigation items one per line do not count, see is_chrome).
HEAD = 30

_SP = r"[ \t\u3000]"
_COLON = re.compile(_SP + r"*[:：]" + _SP + "*")
# a label in brackets stands for a label and its colon: 【发布日期】2022-01-27, [ 成文日期 ] [ 发布日期 ] 2022-01-27
_CLOSE = re.compile(_SP + r"*[】\]]" + _SP + "*")
_OPEN = frozenset("【[")
_SPACES = re.compile(_SP + "+")
# a clock time written after a date (2023-01-09 15:20, 2024年01月12日 17:12:21)
_COUNT = re.compile(r"\d[\d,]*(?:" + _SP + r"*次)?")
_NO_COUNT = re.compile(r"次(?=[ \t\u3000|｜]|$)")
# a date where a counter's number goes (浏览人数: 2022-01-29: the count a script fills in lost, the page's date after it)
_COUNTER_DATE = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?")
_FONT_SIZES = re.compile(r"(?:" + _SP + r"*[\[【(（〖]?" + _SP + r"*(?:超大|特大|大|中|小|默认|标准|[红黄绿蓝白黑灰]|A[+-]{0,2}(?![A-Za-z0-9]))" + _SP
                         + r"*[\]】)）〗]?){1,4}"
                         + r"|" + _SP + r"*[\[【]" + _SP + r"*[\]】]")  # (字体:[   ]: the sizes a script fills in)
# a one-token value (an agency, a name, an index number), stopped by a section number (flattened text)
_TOKEN = re.compile(r"(?:(?![一二三四五六七八九十]{1,2}[、.．])[^\s，。；,;、|｜【】\[\]（）()：:<>]){1,40}")
_ALIAS = re.compile(r"[（(][^\s，。；,;、|｜（）()：:]{1,20}[）)]")
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/\-_.]{2,60}")

PUBLISHED_LABELS = r"(?:发布|发表|公开|发文|印发|信息提供|提供)(?:日期|时间)"
# (生效日期, 废止日期: a page listing the document's validity, 生效日期: 2022-03-02 废止日期:)
_STRONG_DATE = r"(?:信息提供|发布|发表|更新|撰写|成文|生成|公开|公布|发文|印发|创建|修改|录入|上传|添加|提供|发稿|签发|生效|施行|废止|失效|信息|归档)(?:日期|时间)"
_LABEL = re.compile(
    # the first characters of every label, as a lookahead: lets the regex engine skip ahead fast
    r"(?=[发更撰成生公印创修录上下签信文稿来浏阅访点字索主体组服有责供作编日时废失添提投分所归人审施被关颜题视累备类])(?:"
    r"(?P<date>" + _STRONG_DATE + r")"
    r"|(?P<source>信息来源|文章来源|稿件来源|来源单位|发布机构|发布单位|发文机关|发文单位|公开主体|录入人员|来[ \t\u3000]+源)"
    r"|(?P<counter>被?(?:浏览|阅读|阅览|访问|点击)(?:次数|人数|量|数|率)|累计次数|人气(?=[ \t\u3000]*[:：]))"
    r"|(?P<font>(?<![文发])(?:字号|字体)(?:大小)?|(?:颜色|视力保护色)(?=[ \t\u3000]*[:：]))"
    r"|(?P<index>索引号|信息索取号|信息类别|所属类目|所属分类|索[ \t\u3000]+引[ \t\u3000]*号|主[ \t\u3000]*题[ \t\u3000]*词|主题分类|体裁分类|组配分类|信息分类"
    r"|题裁分类|服务对象|公开方式|公开范围|公开时限|有[ \t\u3000]*效[ \t\u3000]*性|时[ \t\u3000]*效[ \t\u3000]*性|关[ \t\u3000]+键[ \t\u3000]*词)"
    r"|(?P<wsource>责任编辑|撰稿人|撰稿|供稿|投稿|来源|来自|作者|编辑|所属机构|审核人|录入)"
    r"|(?P<wcounter>浏览|阅读|访问|点击)"
    r"|(?P<related>上一篇|下一篇)"
    r"|(?P<windex>发文字号|文件编号|备注/文号|文号|分类|分[ \t\u3000]+类|类别|发布目录|所属目录)"
    r"|(?P<wdate>日期|时间))"
)
_PUBLISHED = re.compile(PUBLISHED_LABELS + "$")
_WEAK = frozenset({"wsource", "windex", "wdate", "wcounter"})
_KIND = {"date": "date", "source": "source", "counter": "counter", "font": "font", "index": "index",
         "related": "related", "wsource": "source", "windex": "index", "wdate": "date", "wcounter": "counter"}

_CRUMB = r"[^\s>›»＞→/／]{1,30}"
_SEP = r"(?:>>?|›|»|＞|→|/|／)"  # (首页 / 政府信息公开 / 年报: slashes, spaced, on some portals)
_BREADCRUMB = re.compile(
    r"(?=[当您所首网主])(?:(?P<where>当前所在位置|当前位置|您现在的位置是?|您现在所在的?位置|您当前的位置|您当前所在的?位置|您的位置"
    r"|所在位置)"
    + _SP + r"*[:：]?" + _SP + r"*(?:" + _CRUMB + r"(?:" + _SP + r"*" + _SEP + _SP + r"*" + _CRUMB + r")*)?"
    r"|(?<![^\s|｜])(?P<home>首页|网站首页|主页)(?:" + _SP + r"*" + _SEP + _SP + r"*" + _CRUMB + r")+)"
)
_PAGE_TOOL = re.compile(r"[】\]]|[【\[]?(?:打印|关闭|分享|收藏|保存|下载|我要纠错)")  # (【字体： 【下载Word】: the next tool)
_TOOL_WORDS = re.compile(r"(?:打印|关闭)(?:页面)?|分享|收藏|保存|返回|下载|我要纠错|大\s*中\s*小")  # what follows a font switch's label left empty (【字体： 打印)
_TOOLS = re.compile(
    r"[【\[]" + _SP + r"*(?:打印(?:本页|此页|文章|正文)?|关闭(?:窗口|本页)?|返回(?:顶部)?|顶部|收藏(?:本页)?|分享"
    r"|下载(?:[Ww][Oo][Rr][Dd]|[Pp][Dd][Ff]|[Ww][Pp][Ss]|文档|附件)?"
    r"|[大中小])" + _SP + r"*[】\]]"
    r"|打印本页|打印此页|打印页面|关闭窗口|关闭本页|关闭页面|返回顶部|加入收藏|收藏本页|分享[到至][:：]?|分享[:：](?=[ \t\u3000]*(?:\n|$))"
)
_TODAY = re.compile(r"今天是" + _SP + r"*(?:[:：]" + _SP + r"*)?")
_WEEKDAY = re.compile(_SP + r"*(?:星期|周)[一二三四五六日天]")
_FONT_LINE = re.compile(r"^\s*[【\[(（]?\s*(?:超大|大|中|小|默认|标准)?\s*[】\])）]?\s*$")
_OPEN_BRACKET = re.compile(r"[【\[]" + _SP + r"*$")
_LONE_TOOLS = re.compile(r"^(?:(?:[" + _SP[1:-1] + r"【】\[\]]*(?:我要)?(?:打印|关闭|返回|收藏|分享)(?:本页|窗口)?[" + _SP[1:-1]
                         + r"【】\[\]]*){2,5}"
                         r"|" + _SP + r"*扫一扫在手机上?(?:打开|查看|阅读|浏览)(?:当前页面?|本页)?[\s|｜]*)$")
# A necessary condition of any field in a block (:func:`_block_spans` finds nothing without a match): the
# words every field search starts from — the labels (a weak one only with its colon: it needs one), the
# footer marks, breadcrumbs, lists of links, 今天是, page tools.  Every branch starts with one literal
# character, so the regex engine skips ahead over the text by a set of characters (one scan of a clerk's
# paragraph instead of eight), and the words are searched as a tree of their characters (.alternation); the
# case-blind footer marks are written as a literal then a look-behind.
_STRONG_DATE_WORDS = [a + b for a in "发布 更新 撰写 成文 生成 公开 公布 发文 印发 创建 修改 录入 上传 添加 提供 发稿 签发 生效 施行 废止 失效 信息 归档".split()
                      for b in ("日期", "时间")]
_MAY_HOLD_BRANCHES = [
    *_STRONG_DATE_WORDS, *"信息来源 文章来源 稿件来源 来源单位 发布机构 发布单位 发文机关 发文单位 公开主体 录入人员 浏览 阅读 阅览 访问 点击 字号 字体 累计次数".split(),
    "颜色" + _SP + "*[:：]", "视力保护色" + _SP + "*[:：]", "关[ \t\u3000]+键",
    "人气" + _SP + "*[:：]",
    *"索引号 信息索取号 信息类别 所属类目 所属分类 主题分类 体裁分类 组配分类 信息分类 服务对象 公开方式 公开范围 公开时限 有效性 上一篇 下一篇".split(),
    "题裁分类", "索[ \t\u3000]+引", "主[ \t\u3000]*题[ \t\u3000]*词", "时[ \t\u3000]*效[ \t\u3000]*性", "有[ \t\u3000]+效",
    *(w + _SP + "*[:：]" for w in "责任编辑 撰稿人 撰稿 供稿 投稿 来源 来自 作者 编辑 所属机构 审核人 发文字号 文件编号 文号 分类 日期 时间 "
                            "标题 名称 题名 信息名称 内容概述 发布 录入 备注/文号 类别 发布目录 所属目录".split()), "分[ \t\u3000]+类" + _SP + "*[:：]",
    *"网站标识码 公网安备 版权所有 © 主办单位 承办单位".split(),
    "备(?<=(?i:icp)备)", "证(?<=(?i:icp)证)", "t(?<=(?i:copyright))", "T(?<=(?i:copyright))",
    *"位置 首页 主页 今天是 打印 关闭 返回 顶部 收藏 分享 扫一扫 【".split(), r"\[", *lines.RELATED.split("|"),
    ">",  # (a breadcrumb with no 首页 before it: _PLAIN_CRUMBS, tried where a > is near the text's start)
]

_MAY_HOLD = re.compile(trie(_MAY_HOLD_BRANCHES))  # a tree of the words: see .alternation
# A necessary condition of anything :func:`find_metadata` does with a prose block beyond counting it (when no
# font switch, list of links or label before it is open): a match of _MAY_HOLD (which holds every word of
# lines.RELATED_LINE and the labels of _LONE_LABEL but the weak ones without their colon) or a weak label followed by
# whitespace, a colon or the end of the text (as _LONE_LABEL's are).  No match holds a newline, so one search over
# the prose joined by newlines tells the blocks apart (tests/test_fast_paths_t4_scan.py).  A word of a list of links
# counts only at the start of the text or after whitespace or a pipe (what lines.RELATED_LINE and lines.RELATED_INLINE, the
# only readers of those words, need): a clerk's 相关信息 inside a sentence (其中市场主体登记相关信息60条) is no field
# (tests/test_fast_paths_t13_text.py).
_RELATED_WORDS = lines.RELATED.split("|")
_MAY_FIELD = re.compile(trie([
    *(w for w in _MAY_HOLD_BRANCHES if w not in _RELATED_WORDS),
    *(w + r"(?<![^\s|｜]" + w + ")" for w in _RELATED_WORDS),
    *(w + r"(?=[\s:：]|\Z)" for w in "来源 作者 编辑 日期 时间".split()),
    r"\.(?:[dD][oO][cC]|[pP][dD][fF]|[wW][pP][sS]|[xX][lL][sS]|[oO][fF][dD]|[zZ][iI][pP]|[rR][aA][rR])"]))  # _ATTACHMENT
# what a dated title holds (the date that ends it is in the hyphen, slash or dot form: four digits, the mark, a
# digit): without two of them there is no run of two titles.  Each mark searched on its own, led by that literal (re
# skips ahead to it as str.find does), where a search led by the class [-/.] tested every character: the first
# match's start is the class's (every match is two characters long: its end too)
_ISO_DATE_PART = AnyOf([re.compile(re.escape(c) + r"(?<=\d{4}" + re.escape(c) + r")\d") for c in "-/."])


# -- finding fields -----------------------------------------------------------------------------------


def _boundary_ok(text: str, start: int) -> bool:
    """A weak label must not be the end of a word (数据来源, 会议时间 are prose)."""
    if start == 0:
        return True
    prev = text[start - 1]
    if prev.isdigit() or (prev == "日" and start >= 2 and text[start - 2].isdigit()):
        return True  # a date or a time before it: 2022年01月18日来源：…, 09:42来源：… (fields run together)
    return not ("\u4e00" <= prev <= "\u9fff" or prev.isalnum())


def _strong_label_at(text: str, pos: int) -> bool:
    """Whether a strong field's label (点击次数:, 发布机构:) follows ``pos`` with nothing but separators between: a
    time glued to the title before it (…的通知时间:2020年09月15日 点击次数:13460) is then the page's field."""
    sep = _SEPARATORS.match(text, pos)
    m = _LABEL.match(text, sep.end() if sep is not None else pos)
    return m is not None and m.lastgroup not in _WEAK


def _bracketed(text: str, start: int) -> bool:
    """Whether the label at ``start`` is opened by a bracket (spaces between)."""
    i = start
    while i and text[i - 1] in " \t\u3000":
        i -= 1
    return i > 0 and text[i - 1] in _OPEN


def _field(text: str, m: re.Match[str], limit: int, joined: bool = False) -> tuple[int, str, str] | None:
    """(end, kind, value) of the field whose label is ``m``, or None when it is prose."""
    group = m.lastgroup or ""
    kind = _KIND[group]
    label_end = m.end()
    colon = _COLON.match(text, label_end, limit)
    if colon is None and _bracketed(text, m.start()):
        colon = _CLOSE.match(text, label_end, limit)
    after = colon.end() if colon else label_end
    at_end = not text[after:limit].strip()
    glued = False
    if group in _WEAK:
        # (``joined``: right after another field's value, 来源：某某镇作者：, the fields run together)
        if colon is None:
            return None
        glued = not (joined or _boundary_ok(text, m.start()))
        if glued and group != "wdate":
            return None
    if kind == "date":
        pos = after
        if colon is None:
            sp = _SPACES.match(text, label_end, limit)
            pos = sp.end() if sp else label_end
        end = _date_value(text, pos)
        if end is None and group not in _WEAK and text.startswith(("|", "｜"), pos):
            # an info table's cells run into a line (发文日期 | 2018-02-28 |, 发布时间: | 2023年01月30日 14:17 |): the next
            # cell is the value
            sp = _SPACES.match(text, pos + 1, limit)
            pos = sp.end() if sp else pos + 1
            end = _date_value(text, pos)
        shut = None
        if end is None and pos < limit and text[pos] in "[【":  # 发布日期:[2021-01-28]: the value in brackets
            end = _date_value(text, pos + 1)
            shut = _CLOSE.match(text, end, limit) if end is not None else None
            end = None if shut is None else end
        if glued and (end is None or not _strong_label_at(text, end)):
            return None  # (会议时间:3月5日 is prose; …的通知时间:2020年09月15日 点击次数:13460, the page's fields run on)
        if end is not None and end <= limit:
            published = group == "date" and _PUBLISHED.match(m.group(0))
            value = text[pos:end] if shut is None else text[pos + 1:end]
            return (end if shut is None else shut.end()), "published" if published else "date", value
        if colon is not None and (at_end or group == "date"):
            return after, kind, ""
        return None
    if kind == "counter":
        c = _COUNTER_DATE.match(text, after, limit) if colon is not None else None
        if c is not None:
            return c.end(), kind, c.group(0)
        c = _COUNT.match(text, after, limit)
        if colon is not None:
            c = c or _NO_COUNT.match(text, after, limit)  # 浏览量:次 (the number a script fills in)
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
        ob = _OPEN_BRACKET.match(text, after, limit) if colon is not None else None
        if ob is not None:  # 字体:【 ending the line: the sizes a script fills in (or on the next line: 大 中 小】)
            return ob.end(), kind, ""
        return (after, kind, "") if colon is not None and (at_end or text[after:after + 1].isspace() or after == limit
                                                           or _PAGE_TOOL.match(text, after)) else None
    # source / index: a colon and one token (a byline may carry the date after a space)
    if colon is None:
        if kind == "index" and group not in _WEAK:
            sp = _SPACES.match(text, label_end, limit)
            a = _ASCII_TOKEN.match(text, sp.end(), limit) if sp else None
            if a is not None:
                return a.end(), kind, a.group(0)
        if kind == "source" and group not in _WEAK and text.startswith("\t", label_end) \
                and (m.start() == 0 or text[m.start() - 1] in "\t\n"):
            # an info table's cell (发布机构 | 某某县人民政府办公室 | 发布日期 | …): the next cell is the value
            tok = _TOKEN.match(text, label_end + 1, limit)
            end = tok.end() if tok is not None else label_end + 1
            return (end, kind, text[label_end + 1:end]) if end == len(text) or text[end] in "\t\n" else None
        return None
    tok = (_ASCII_TOKEN if kind == "index" else _TOKEN).match(text, after, limit)
    if tok is None and kind == "index":
        tok = _TOKEN.match(text, after, limit)
    if tok is None:
        return after, kind, ""
    end = tok.end()
    if kind == "source":
        if text.startswith("“", after) and 0 < (close := text.find("”", after, limit)) >= end:  # “中国某某 - 某某网”…
            rest = _TOKEN.match(text, close + 1, limit)
            end = rest.end() if rest is not None else close + 1
        alias = _ALIAS.match(text, end, limit)  # 市场监管局（知识产权局）: the body's other name
        end = alias.end() if alias is not None else end
        sp = _SPACES.match(text, end, limit)
        d = _date_value(text, sp.end()) if sp else None
        if d is not None and d <= limit:
            end = d
    return end, kind, text[after:end]


# a breadcrumb that opens its line with no 首页 or 当前位置, three arrows at least (政府信息公开 > 政府信息公开年度报告 >
# 年报专栏 > 部门 > 某某局), up to its last item's end
_PLAIN_CRUMBS = re.compile(r"[ \t\u3000]*(?:[^\s>›»＞→。，；]{1,16}[ \t\u3000]*(?:>>?|›|»|＞|→)[ \t\u3000]*){3,}[^\s>›»＞→。，；]{1,30}")
# a breadcrumb without arrows on a line of its own (首页 政务公开 政府信息公开 信息公开年度报告): no year, no mark
_SPACED_CRUMBS = re.compile(r"\s*(?:首页|网站首页|主页)(?:[ \t\u3000]+[^\s，。；,;：:\d]{2,16}){2,8}\s*")


def _block_spans(block: Block) -> tuple[list[PortalSpan], list[PortalSpan]]:
    """(strong spans and the weak ones chained to them, weak spans standing alone) of one block."""
    text = block.text
    n = len(text)
    if _SPACED_CRUMBS.fullmatch(text):
        return [PortalSpan(block, 0, n, "breadcrumb", "", text.strip())], []
    spans: list[tuple[PortalSpan, bool]] = []  # (span, strong)
    taken: list[tuple[int, int]] = []
    foot = _footer(text)
    if foot is not None:
        spans.append((PortalSpan(block, foot, n, "footer", "", text[foot:n]), True))
        taken.append((foot, n))
    for m in _BREADCRUMB.finditer(text, 0, foot if foot is not None else n):
        spans.append((PortalSpan(block, m.start(), m.end(), "breadcrumb", m.group("where") or "",
                                 text[m.start():m.end()]), True))
        taken.append((m.start(), m.end()))
    plain = _PLAIN_CRUMBS.match(text) if ">" in text[:40] and not taken else None
    if plain is not None:  # (政府信息公开 > 年度报告 > 年报专栏 > 部门 > 某某局日期:2024-01-19: no 首页 before them)
        spans.append((PortalSpan(block, 0, plain.end(), "breadcrumb", "", plain.group(0).strip()), True))
        taken.append((0, plain.end()))
    taken.sort()
    for m in lines.RELATED_INLINE.finditer(text, 0, foot if foot is not None else n):
        if _inside(taken, m.start()):
            continue  # a label inside the list before it (相关信息 … 热点专题 …): walked with that list
        end = _related_items(text, m.end())
        if end is not None:
            spans.append((PortalSpan(block, m.start(), end, "related", m.group(0).strip(" :：\t\u3000"),
                                     text[m.end():end].strip()), True))
            insort(taken, (m.start(), end))
    for m in _TODAY.finditer(text):
        if _inside(taken, m.start()):
            continue
        end = _date_value(text, m.end())
        if end is not None:
            w = _WEEKDAY.match(text, end)
            end = w.end() if w else end
        elif m.end() == len(text.rstrip()) or ((":" in m.group(0) or "：" in m.group(0)) and (
                m.end() == n or text[m.end()].isspace() or text[m.end()] in "|｜")):
            end = m.end()  # 今天是： with the date filled in by a script
        else:
            continue  # prose (今天是…的日子)
        spans.append((PortalSpan(block, m.start(), end, "today", "今天是", text[m.end():end].strip()), True))
    for m in _TOOLS.finditer(text):
        if not _inside(taken, m.start()):
            spans.append((PortalSpan(block, m.start(), m.end(), "tools", "", ""), True))
    labels = [m for m in _LABEL.finditer(text) if not _inside(taken, m.start())]
    last_end = -1
    for i, m in enumerate(labels):
        limit = labels[i + 1].start() if i + 1 < len(labels) else n
        got = _field(text, m, limit, m.start() == last_end)
        if got is not None:
            end, kind, value = got
            last_end = end
            start = m.start()
            if kind == "font":  # 【字体：大 中 小】: the bracket before the label is the switch's
                b = _OPEN_BRACKET.search(text, max(0, start - 4), start)
                start = b.start() if b is not None else start
            spans.append((PortalSpan(block, start, end, kind, m.group(0), value), m.lastgroup not in _WEAK))
    if not spans:
        if _LONE_TOOLS.match(text):
            return [PortalSpan(block, 0, n, "tools", "", "")], []
        return [], []
    spans.sort(key=lambda t: t[0].start)
    first = spans[0][0]
    lead = len(text) - len(text.lstrip())
    stamp = _date_value(text, lead) if first.start > lead and first.kind in ("source", "counter", "index") else None
    if stamp is not None and not text[stamp:first.start].strip(" \t\u3000|｜(（[【"):
        # a date that only the line's fields follow (2022年01月18日来源：1, 2025年01月20日 (点击: )): the page's stamp
        spans.insert(0, (PortalSpan(block, lead, stamp, "date", "", text[lead:stamp]), spans[0][1]))
    ok = [strong for _, strong in spans]
    # a weak field counts when it runs on from an accepted one (nothing but separators between)
    order = list(range(len(spans)))
    for seq, step in ((order, -1), (order[::-1], 1)):
        for k in seq:
            j = k + step
            if ok[k] or not 0 <= j < len(spans) or not ok[j]:
                continue
            first, second = (spans[j][0], spans[k][0]) if step < 0 else (spans[k][0], spans[j][0])
            if not _SEPARATORS.sub("", _TOOL_WORDS.sub("", text[first.end:second.start])):
                ok[k] = True  # (来源:某某镇人民政府 打印 关闭本页: a page tool's word between them is no text)
    one = spans[0][0]
    if len(spans) == 1 and not ok[0] and _BULLETED_FIELD.match(text, 0, one.start) \
            and _SHORT_VALUE.fullmatch(text[one.end:].strip() or one.value.strip()):
        # a bulleted line of the page's list of fields, that field alone, its value to the line's end: • 来源:市政府办公厅 本网
        end = len(text.rstrip())
        value = text[one.end - len(one.value):end].strip() if one.value else one.value
        return [PortalSpan(block, one.start, end, one.kind, one.label, value)], []
    return [s for (s, _), good in zip(spans, ok) if good], [s for (s, _), good in zip(spans, ok) if not good]


_BULLETED_FIELD = re.compile(r"\s*[•·●▪■◆]\s*$")  # (what stands before the field: a list bullet alone)
_SHORT_VALUE = re.compile(r"[^，。；,;：:]{1,40}")  # (a body's name, a site's: 市政府办公厅 本网)


def _byline(block: Block, spans: Sequence[PortalSpan]) -> bool:
    """Only a body's name besides the fields (湖南省某某厅  时间:2024-01-25 15:01): the page's byline."""
    text, pos, gaps = block.text, 0, []
    for s in spans:
        gaps.append(text[pos:s.start])
        pos = max(pos, s.end)
    pieces = [p for g in (*gaps, text[pos:]) for p in _SEPARATORS.split(g) if p]
    return len(pieces) == 1 and _BODY_VALUE.fullmatch(pieces[0]) is not None


def _related_items(text: str, pos: int) -> int | None:
    """End of the titles-with-dates after a 相关信息 label in flattened text (at least one), or None."""
    last = None
    for _ in range(200):
        it = lines.RELATED_ITEM.match(text, pos)
        if it is None:
            break
        sp = _SPACES.match(text, it.end())
        end = _date_value(text, sp.end()) if sp else None
        if end is None:
            break
        last = pos = end
    return last


def _inside(taken: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` inside one of the sorted, disjoint spans ``taken``?"""
    i = bisect_right(taken, (pos, float("inf"))) - 1
    return i >= 0 and taken[i][0] <= pos < taken[i][1]


def _covered(block: Block, spans: Sequence[PortalSpan], labels: int = 0) -> bool:
    """Nothing but separators outside the spans (``labels``: or a catalogue's labels left empty, 文 号 | 体 裁)."""
    text, pos, gaps = block.text, 0, []
    for s in spans:
        gaps.extend(_TOOL_WORDS.sub("", text[pos:s.start]).split("\n"))  # (a row's gaps: a table's rows are lines;
        pos = max(pos, s.end)  # a page tool or a font switch's sizes between the fields is the page's: 打印, 大 中 小)
    gaps.extend(_TOOL_WORDS.sub("", text[pos:]).split("\n"))
    # (labels: also a catalogue's other field, its label and value: 标题:某某镇2021年…年度报告, 主题词:某某镇、2021年)
    return all((len(p) <= labels and not lines.NOT_ITEM.search(p)) or (labels and (_OTHER_FIELD.match(g.strip(" |｜\t"))
               or _BODY_VALUE.fullmatch(p) or _MORE_WORDS.fullmatch(g.strip(" |｜\t")))) or _SITE.fullmatch(p)
               for g in gaps for p in _SEPARATORS.split(g) if p)


# the site's name among the fields (山东黄河河务局门户网站 时间:2021-1-26 来源:水利部: a mirror's byline)
_SITE = re.compile(r"[^\s，。；,;：:]{2,24}(?:门户网站|政府网站|政府网)")


_MORE_WORDS = re.compile(r"(?:、[^\s、，。；,;：:|｜]{1,12}){1,6}")  # 主题词:某某镇、2021年、政府信息公开: the value's more words
_BODY_VALUE = re.compile(r"[^\s，。；,;：:]{2,28}(?:人民政府|政府|局|厅|委员会|委|办公室|办事处|街道|乡|镇|中心|管委会)")  # (来 源 | 某某乡人民政府)
_OTHER_FIELD = re.compile(r"(?:标\s*题|名\s*称|题\s*名|主\s*题\s*词|关键词|文\s*号|发文字号)\s*(?:[:：]|\t+)\s*\S{0,60}$")
_LONE_INDEX = ("索引号", "组配分类", "主题分类", "体裁分类", "公开方式", "公开范围", "公开时限")
_LONE_LABEL = re.compile(r"^\s*(?:[•·●▪■◆*-]\s*)?(?P<label>" + _STRONG_DATE + r"|信息来源|文章来源|发布机构|发布单位|发文机关|来源|作者|编辑"
                         r"|责任编辑|日期|时间|浏览次数|阅读次数|访问次数|点击次数|" + "|".join(_LONE_INDEX) + r"|发布(?=\s*[:：]\s*$)"
                         r"|(?<=[\s•·●▪■◆*-])(?:标\s*题|名\s*称|题\s*名)(?=\s*[:：]\s*$)|^(?:标\s*题|名\s*称|题\s*名)(?=\s*[:：]\s*$))"
                         r"\s*[:：]?\s*$")
_LONE_VALUE = re.compile(r"^[^\s，。；,;、：:]{1,20}$")
_LONE_SOURCE = re.compile(r"^[^\s，。；,;：:]{1,40}$")  # (a body's two names: 区府办(外事办、大数据发展管理局))
_BULLET = re.compile(r"\s*[•·●▪■◆*-]\s+|\s*")
_SPACED_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}")  # (• 2022- 01- 11)


def _lone_label(block: Block, nxt: Block | None) -> list[PortalSpan]:
    """A label alone on its line near the top, and its value on the next line (撰写时间 / 2024年…)."""
    m = _LONE_LABEL.match(block.text)
    if m is None:
        return []
    label = m.group("label")
    kind = ("published" if _PUBLISHED.match(label) else "date") if label.endswith(("日期", "时间")) else (
        "counter" if "次数" in label else "index" if label in _LONE_INDEX or label[-1] in "题称名" else "source")
    first = PortalSpan(block, m.start("label"), len(block.text.rstrip()), kind, label, "")
    if nxt is None:
        return [first]
    t = nxt.text
    # (the value on a line of its own, bulleted as its label is: • 发布机构: / • 区府办)
    bullet = _BULLET.match(t) if m.group(0).lstrip()[:1] in "•·●▪■◆*-" else None
    lead = bullet.end() if bullet is not None else len(t) - len(t.lstrip())
    value = t[lead:].strip()
    if not value:
        return [first]
    if kind in ("published", "date"):
        end = _date_value(t, lead)
        if end is None and (sd := _SPACED_DATE.match(t, lead)) is not None:
            end = sd.end()
        ok = end is not None and not t[end:].strip()
    elif kind == "counter":
        ok = bool(re.fullmatch(r"\d[\d,]*次?", value))
    elif kind == "index":
        ok = bool(_ASCII_TOKEN.fullmatch(value)) or (label != "索引号" and bool(_LONE_VALUE.match(value))
                                                     and not value[0].isdigit())
    else:
        ok = (bool(_LONE_SOURCE.match(value)) and not value[0].isdigit()
              and not re.match(r"[一二三四五六七八九十]{1,2}[、.．]|[（(]", value))
    if not ok:
        return [first]
    return [first, PortalSpan(nxt, lead, lead + len(value), kind, label, value)]


# a catalogue's title field (• 名称: 某某局2023年政府信息公开工作年度报告) and a line linking to a file (问答解读:….docx,
# 附件：….pdf): nothing of the clerk's text
_TITLE_FIELD = re.compile(r"^\s*(?:[•·●▪■◆*-]\s*)?(?P<label>标\s*题|信息名称|名\s*称|题\s*名|内容概述)\s*[:：]\s*(?P<value>\S[^\n]{0,100}?)\s*$")
_VIEWED_TITLE = re.compile(r"\s*[^\n:：]*(?:信息公开|政务公开)[^\n:：]*年度报告\.(?:docx?|pdf|wps|ofd)\s*$", re.I)
_ATTACHMENT = re.compile(r"^\s*(?:[^\s:：。，；]{1,8}\s*[:：]\s*)?[^\n。；;，,：:]{2,150}\.(?:docx?|pdf|wps|xlsx?|ofd|zip|rar)\s*$",
                         re.I)


def _title_field(blocks: list[Block], k: int) -> PortalSpan | None:
    """``blocks[k]`` as a catalogue's title field whose value is printed again as a line of its own within a few blocks
    (the title, above or below the catalogue), else None: a title field the page shows alone stays the title."""
    b = blocks[k]
    m = _TITLE_FIELD.match(b.text)
    if m is None:
        return None
    value = m.group("value")
    if not any(blocks[j].text.strip() == value for j in range(max(0, k - 12), min(len(blocks), k + 13)) if j != k):
        return None
    return PortalSpan(b, m.start("label"), m.end("value"), "index", m.group("label"), value)


def _count_head(blocks: list[Block], lo: int, hi: int, head: int) -> int:
    """``head`` plus the blocks of ``blocks[lo:hi]`` with content that are not chrome (:func:`is_chrome`, on the text
    stripped once), counting stopped at :data:`HEAD` (near = head < HEAD and published's head < PUBLISHED_HEAD are
    no from there on, as they were when the count went on)."""
    for k in range(lo, hi):
        t = blocks[k].text.strip()
        if t and (len(t) > CHROME_CHARS or CHROME_PUNCT.search(t) or NUMBERED.match(t)):
            head += 1
            if head >= HEAD:
                break
    return head


def find_metadata(blocks: Iterable[Block]) -> PortalMetadata:
    """Every portal field in ``blocks``.

    Prose blocks anywhere; a table block only near the top and only when it holds nothing but fields
    (an info table ``索引号 | … | 发布机构 | …``, or field lines the text reader read as a table because
    runs of spaces separate them).  Statistics tables are data, never searched.
    """
    out = PortalMetadata()
    blocks = list(blocks)
    paired: dict[int, list[PortalSpan]] = {}
    head = 0  # blocks with content before this one (navigation items one per line do not count)
    font_open = False  # a font switch left open at the end of the line before (【字体： / 大 / 中 / 小 / 】)
    related = False  # inside a list of linked pages on lines of their own (相关信息 / title date / …)
    # Only some blocks are visited: the tables and the prose blocks in which one search of their texts joined by
    # newlines finds something (_MAY_HOLD, _MAY_FIELD), the runs of dated titles, and the block after one that left
    # a font switch, a list of links or a label open; below, every other block with content would only be counted.
    prose = [b for b in blocks if b.kind != "table"]
    texts = [b.text for b in prose]
    joined = "\n".join(texts)  # (the pattern matches no newline)
    iso = _ISO_DATE_PART.search(joined)
    dated = _dated_runs(blocks) if iso is not None and _ISO_DATE_PART.search(joined, iso.end()) else set()
    may = {id(prose[k]) for k in holding(texts, _MAY_FIELD.search)}
    # a table is read only near the top and where _MAY_HOLD finds something (below): one search over the tables'
    # texts joined by newlines (which no match holds) finds those; the others, passed over, are counted with the
    # blocks before the next one visited (a table's visit also closes a font switch or a list of links, but while
    # one is open every block is visited in turn)
    tables = [b for b in blocks if b.kind == "table"]
    if tables:
        may.update(id(tables[k]) for k in holding([b.text for b in tables], _MAY_HOLD.search))
    visit = [k for k, b in enumerate(blocks) if id(b) in may or id(b) in dated] if may or dated else []
    n = len(blocks)
    pos = 0  # the next block
    counted = 0  # head counts the blocks before this one (up to HEAD: past it the count is not read)
    while True:
        if not (font_open or related or paired):
            k = bisect_left(visit, pos)
            if k == len(visit):
                break
            pos = visit[k]
        if pos >= n:
            break
        b = blocks[pos]
        pos += 1
        text = b.text
        t = text.strip()
        if not t:
            continue
        if counted < pos - 1 and head < HEAD:
            head = _count_head(blocks, counted, pos - 1, head)
        counted = pos
        near = head < HEAD
        out._head[id(b)] = head
        # (not is_chrome; a run of dated titles — a sidebar's latest notices above the title — is a list of links: it
        # does not push the page's fields down)
        if near and id(b) not in dated and (len(t) > CHROME_CHARS or CHROME_PUNCT.search(t) or NUMBERED.match(t)):
            head += 1
        nxt = blocks[pos] if pos < n and blocks[pos].kind != "table" else None
        if b.kind == "table":
            font_open = related = False
            if near and _MAY_HOLD.search(text):
                spans, loose = _block_spans(b)
                if spans and (_covered(b, spans + loose) or (len(spans) >= 2 and _covered(b, spans + loose, 8))):
                    out._add(b, sorted(spans + loose, key=lambda s: s.start), line=True)
            continue
        if font_open and _FONT_LINE.match(text):
            out._add(b, [PortalSpan(b, 0, len(text), "font", "", text.strip())], line=True)
            continue
        font_open = False
        if lines.RELATED_LINE.match(text) or (related and _related_item(text, nxt)) or id(b) in dated:
            related = True
            out._add(b, [PortalSpan(b, 0, len(text), "related", "", text.strip())], line=True)
            continue
        related = False
        if _ATTACHMENT.match(text) and not (out._head[id(b)] == 0 and _VIEWED_TITLE.match(text)):
            # 问答解读:某某局2022年…年度报告.docx: a link to a file, the page's (a document viewer's heading, the file's
            # name over its text at the very top, is the report's title: .title_field.field_value drops the .docx)
            out._add(b, [PortalSpan(b, 0, len(text), "attachment", "", t)], line=True)
            continue
        extra = paired.pop(id(b), [])
        if near and not extra:
            lone = _lone_label(b, nxt)
            if lone:
                out._add(b, lone[:1], line=True)
                if len(lone) > 1:
                    paired[id(lone[1].block)] = lone[1:]
                continue
            title = _title_field(blocks, pos - 1)
            if title is not None:
                out._add(b, [title], line=True)
                continue
        if extra:
            out._add(b, extra, line=True)
            continue
        if not near and not _MARKS.search(text):
            continue  # below the header a field has a colon, an arrow or a bracket (a cheap test first)
        if not _MAY_HOLD.search(text):
            continue
        spans, loose = _block_spans(b)
        if not spans and not loose:
            continue
        if not spans:  # weak fields only: a metadata line near the top, else prose
            if not near:
                continue
            if not (_covered(b, loose) or _byline(b, loose)):
                loose = _joined_fields(text, loose)
                if not loose:
                    continue
            spans = loose
        elif loose and near:  # (a breadcrumb, then the title and the page's weak fields run into the text)
            spans = sorted(spans + _joined_fields(text, loose), key=lambda s: s.start)
        out._add(b, spans, line=_covered(b, spans) or (near and _byline(b, spans)))
        end = len(text.rstrip())
        font_open = any(s.kind == "font" and not s.value and s.end >= end - 1 for s in spans)
    _footer_tail(blocks, out)
    _repeated_byline(blocks, out)
    _crawl_header(blocks, out, _TITLE_FIELD.match)
    return out


# (the name any token: it must be the header's own source, 皇姑区 / 时间:2024年02月18日来源:皇姑区)
_BYLINE = re.compile(r"\s*(?P<name>[^\s，。；,;：:]{2,28})[ \t\u3000]+(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                     r"|\d{4}-\d{1,2}-\d{1,2})\s*")


def _repeated_byline(blocks: list[Block], out: PortalMetadata) -> None:
    """A line near the top with only a body's name and a date that repeat a field line of the page header
    (``2021年02月01日来源:市自然资源局`` / ``[字体: ] 打印`` / ``市自然资源局 2021年02月01日``): the page's byline, not the
    clerk's text.  Only where the header gave both the same name and the same date."""
    if not out.spans:
        return
    sources = {s.value for s in out.spans if s.kind == "source" and s.value}
    dates = {s.value for s in out.spans if s.kind in ("date", "published") and s.value}
    if not sources or not dates:
        return
    for b in blocks[:HEAD]:
        if b.kind == "table" or out.is_line(b):
            continue
        m = _BYLINE.fullmatch(b.text)
        if m is not None and m.group("name") in sources and m.group("date") in dates:
            out._add(b, [PortalSpan(b, m.start("name"), m.end("name"), "source", "", m.group("name")),
                         PortalSpan(b, m.start("date"), m.end("date"), "date", "", m.group("date"))], line=True)
