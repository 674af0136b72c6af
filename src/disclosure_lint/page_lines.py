"""What a line of a portal page's furniture looks like, from its text alone: a navigation item or bar, and the lines
of the site's footer under its marks (its contact fields, a technical note).

The HTML reader (:mod:`.readers.html_body`, choosing the report's body) and the report layer (:mod:`.report.portal`,
marking the portal's fields in any format's text) ask the same questions of a line; the answers live here, once.
"""

from __future__ import annotations

import re

# A line this short without a sentence or a numbered title is page chrome when counting the page header.
CHROME_CHARS = 12
# the longest item of a navigation bar (首页 政务动态 … 政府信息公开指南)
NAV_ITEM_CHARS = 10

NAV_SPLIT = re.compile(r"[\s|｜>›»＞→]+")
CHROME_PUNCT = re.compile(r"[。，；;！？!?、,]")
NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、])")

# a line of the site's contacts under its footer: fields only, no sentence (联系电话：… 值班手机：…, 技术支持：…)
CONTACT_LINE = re.compile(r"^(?:\s*[|｜]?\s*(?:联系电话|咨询电话|办公电话|值班电话|值班手机|联系方式|电话|传真|地址|通讯地址|邮编"
                          r"|邮政编码|电子邮箱|邮箱|E-?mail|技术支持|网站维护|维护单位|建议使用|推荐使用|最佳分辨率)"
                          r"[ \t\u3000]*[:：][^。！？!?：:]{0,80}?)+\s*$", re.I)
# a footer's technical note (建议使用IE9以上浏览器，1366×768分辨率 / 您是第123456位访客): short, not a sentence
FOOTER_NOTE = re.compile(r"建议使用|推荐使用|分辨率|浏览器|您是第|位访(?:客|问者)|访问量|访问人次|网站维护|维护单位")
_SENTENCE_END = re.compile(r"[。！？!?]")

# lists of links to other pages, each title with its date (相关信息 / 热点专题 …): their heading, alone on its line or
# inline, and one item after it (a title up to a sentence's end)
RELATED = (r"相关信息|相关阅读|相关链接|相关文章|相关新闻|相关文件|相关稿件|相关政策|相关解读|相关附件|关联导读|关联稿件|延伸阅读|推荐阅读|热点专题|热点推荐"
           r"|热门文章|热门信息|最新信息|最新文章|猜你喜欢|相关词条|热门词条")
RELATED_LINE = re.compile(r"^\s*(?:" + RELATED + r")\s*[:：]?\s*$")
# a page's footer link on a line of its own, after the text (联络我们, 网站地图, 返回顶部)
FOOTER_LINK = re.compile(r"^\s*(?:联系我们|联络我们|关于我们|网站地图|返回顶部|网站声明|隐私声明|隐私政策|使用帮助|意见建议)\s*$")
RELATED_INLINE = re.compile(r"(?<![^\s|｜])(?:" + RELATED + r")[ \t\u3000]*[:：]?(?=\s)")
RELATED_ITEM = re.compile(r"\s+(?:(?:" + RELATED + r")\s+)?[^\s。！？；]{1,80}")
NOT_ITEM = re.compile(r"[。！？；]")


def footer_tail(text: str) -> str | None:
    """``"contact"`` for a line of the site's contact fields, ``"note"`` for a short technical note (not a
    sentence), else None: what may follow a footer's marked line to the end of a page (``text`` stripped)."""
    if CONTACT_LINE.match(text):
        return "contact"
    if len(text) <= 60 and FOOTER_NOTE.search(text) and not _SENTENCE_END.search(text):
        return "note"
    return None


def is_chrome(text: str) -> bool:
    """A short line without a sentence or a numbered title: a navigation item (首页, 政务动态, ``|``,
    无障碍浏览, 今天是：), a font size, a lone label.  Such lines do not count when looking for the page
    header or the report title near the top of a page (a crawler may put dozens of them there)."""
    t = text.strip()
    return len(t) <= CHROME_CHARS and not CHROME_PUNCT.search(t) and not NUMBERED.match(t)


def is_navigation(text: str) -> bool:
    """A line of menu items (``首页 政务动态 今日要闻 …``, ``无障碍浏览 | 长者模式 | 简体``, ``当前位置： 首页 >
    政务公开 > 年度报告``): three or more short items and no sentence."""
    if CHROME_PUNCT.search(text):
        return False
    items = NAV_SPLIT.split(text.strip())
    items = [x for x in items if x]
    return len(items) >= 3 and all(len(x) <= NAV_ITEM_CHARS for x in items)


def chrome_or_navigation(text: str) -> bool:
    """``is_chrome(text) or is_navigation(text)`` with one strip and one punctuation search: both are no for a
    text with a sentence's punctuation (whitespace, which strip removes, is none of it)."""
    t = text.strip()
    if CHROME_PUNCT.search(t):
        return False
    if len(t) <= CHROME_CHARS and not NUMBERED.match(t):
        return True
    items = [x for x in NAV_SPLIT.split(t) if x]
    return len(items) >= 3 and all(len(x) <= NAV_ITEM_CHARS for x in items)


# a date the page printed on a line of its own near the title (2024-01-26, • 2026-01-27 15:42, ( 2026-01-30 )), with at
# most the publishing body's name or the page's fields after it, or both (2024-01-26  某某县人民政府办公室, 2021-02-09
# 发布:某某 点击数:, 2024年01月17日 来源: …, 2022-01-29 10:27:52 某某市人民政府办公室 字体:): the portal's stamp, not a
# date the report writes
_STAMP = re.compile(
    r"[\s•·●▪■◆*|｜(（\-]*"
    # (某某市人民政府门户网站 www.x.gov.cn 2022-01-27, 某某政府门户网站    2024-01-31: a byline; 市政府办公室  2024-01-23:
    # the publishing body, two spaces or more before the date)
    r"(?:[^\s，。；,;]{2,30}(?:网站|网)[ \t\u3000]+(?:(?:https?://)?[A-Za-z0-9.-]+\.(?:cn|com|net|org)/?[ \t\u3000]+)?"
    r"|[^\s，。；,;]{2,30}[ \t\u3000]{2,})?"
    r"(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
    r"(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t\u3000)）]*"
    r"(?:$|[ \t\u3000]*【[^】\n]{1,10}】.*$|[ \t\u3000]+(?:(?:来源|发布|作者|点击|浏览|阅读|字号|字体)[^\n]*"
    r"|[^\s，。；,;！？!?]{2,30}(?:[ \t\u3000]+(?:来源|发布|作者|点击|浏览|阅读|字号|字体)[^\n]*)?[ \t\u3000]*)$)")


# the end of that byline's site name and address right before a date, in a page whose lines were joined
# (…年度报告某某市人民政府门户网站 www.x.gov.cn 2023-01-28根据…: .report.stamps)
SITE_BEFORE_DATE = re.compile(r"(?:网站|网)[ \t\u3000]+(?:https?://)?[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}"
                              r"\.(?:cn|com|net|org)/?[ \t\u3000]*$")


# … or the date and its clock time, then the site's name or address (2012年04月18日17:36 | 某某门户网 www.x.cn | 给编辑写信,
# 生活百科 2023-01-26 17:49生活百科www.x.cn: an aggregator's line; the time tells it from a sentence about a website)
_SITE_STAMP = re.compile(
    r"[\s•·●▪■◆*|｜(（\-]*(?:[^\s，。；,;]{2,12}[ \t\u3000]+)?"
    r"(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
    r"[ \t\u3000]*\d{1,2}:\d{2}(?::\d{2})?[ \t\u3000|｜]*[^\s，。；,;]{0,12}?(?:网|www\.)[^\n]*$")


def date_stamp(line: str) -> bool:
    """Is ``line`` a date stamp the page printed (:data:`_STAMP`)?"""
    return len(line) <= 1000 and _STAMP.match(line) is not None


def site_stamp(line: str) -> bool:
    """Is ``line`` an aggregator's date, time and site name (:data:`_SITE_STAMP`)?  The date its page was posted, which
    may be years after the report was (a repost): the page's, never the report's publication date."""
    return len(line) <= 1000 and _SITE_STAMP.match(line) is not None
