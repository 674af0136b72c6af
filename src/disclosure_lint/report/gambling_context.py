"""Is a gambling term in the report *described* (enforcement, a warning) rather than promoted?

A police report names the gambling it suppressed (``全年捣毁百家乐网络赌博平台12个``, ``涉及“六合彩”
“时时彩”等赌博形式``), a warning names the lure (``提醒群众切勿点击“注册送彩金”等诱导链接``), a
security report names what it removed (``清理被植入的博彩广告``).  An attacker's insertion never
does: it replaces a word of the report with a brand, or adds a brand and a promotion tail
(``开云体育官网``, ``华球体育120条``), and never warns against itself or calls gambling an
offence.  So the context that exempts a term is read over the whole *sentence* around it
(the text between two of ``。！？；`` or line breaks, at most :data:`REACH` characters either way):

1. **next to it**: an enforcement word in the few characters before it, in the same clause
   (``打击非法六合彩``, ``查处网络赌场``; not ``查处案件35条，华球体育12条``), or a crime word right after it (``六合彩案``,
   ``博彩犯罪``, ``博彩广告``) — the configurable ``before`` / ``after`` lists;
2. **a warning anywhere in the sentence** (``切勿``, ``谨防``, ``警惕``, ``诱导``, ``幌子``,
   ``陷阱``, ``骗局``, ``受骗``): promotion never warns;
3. **gambling as an offence**: the sentence names gambling as such (``赌博``, ``涉赌``, ``聚赌``,
   ``赌资`` …, never inside the term itself) *and* either an enforcement or crime word
   (``捣毁``, ``破获``, ``查处``, ``犯罪``, ``案件``, ``团伙`` …) or the term is only being cited:
   quoted (``“六合彩”``) or listed before 等 (``六合彩、时时彩等赌博形式``).

Enforcement verbs alone (查处, 处罚, 案件) are common in every regulator's report, so away from
the term they count only in a sentence about gambling: ``查处案件信息35条，华球体育12条`` is
still reported.  Each check is a bounded search in the sentence: linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .writing import sentence_span

CLAUSE_END = "，,：:"  # with .writing.SENTENCE_END: the clause an enforcement word before the term must share with it
REACH = 100  # a sentence longer than this (a crawled menu line without punctuation) is cut here

# The defaults (the rule file may replace them).
BEFORE = ("打击", "整治", "查处", "取缔", "严打", "非法", "私彩", "跨境", "防范", "警惕", "远离", "抵制", "严禁",
          "禁止", "涉赌", "反赌", "打掉", "侦破", "破获", "侦办", "举报", "捣毁", "关停", "封堵", "查获", "切勿",
          "谨防", "清理", "清除", "删除", "屏蔽", "拦截", "曝光")
AFTER = ("案", "犯罪", "违法", "赌博", "诈骗", "团伙", "窝点", "广告", "推广")
WARNING = ("切勿", "谨防", "警惕", "诱导", "幌子", "陷阱", "骗局", "受骗", "上当", "远离", "抵制", "不要点击",
           "勿点击", "不要下载", "勿下载", "不要参与", "勿参与", "不参与")
GAMBLING = ("赌博", "涉赌", "聚赌", "参赌", "赌资", "赌具", "赌球", "赌徒", "赌客", "赌场", "赌局", "反赌", "禁赌",
            "私彩")
ENFORCEMENT = ("打击", "整治", "查处", "取缔", "严打", "打掉", "侦破", "破获", "侦办", "捣毁", "关停", "封堵", "查获",
               "抓获", "刑拘", "拘留", "逮捕", "判处", "判决", "立案", "起诉", "收缴", "缴获", "没收", "处罚", "清理",
               "清除", "删除", "屏蔽", "拦截", "下架", "封禁", "曝光", "通报", "举报", "查封", "摧毁", "铲除",
               "犯罪", "违法", "非法", "案件", "案例", "团伙", "窝点", "嫌疑", "诈骗", "防范", "禁止", "严禁", "警示",
               "提醒", "宣传")
_QUOTES_OPEN = "“‘「『《\"'"
_QUOTES_CLOSE = "”’」』》\"'"
# 等 closing a list in the same clause (六合彩、时时彩等); not 等你来 / 等您 (a lure)
_LISTED = re.compile(r"[^，。；：！？,;:!?\s]{0,10}?等(?![你您待候着])")


# a search engine spam title chains its phrases with _ (开云体育_华体会官网_…): a term in such a chain, right after or
# right before an _, is the spam's own, whatever gambling word the chain holds (金沙城中心赌场_澳门金沙官网)
_CHAINED = re.compile(r"_[^\s，。；：！？,;:!?、_]{0,12}$")
_CHAINED_AFTER = re.compile(r"[^\s，。；：！？,;:!?、_]{0,12}_")
# a brand appended to a line by a dash (a hijacked page's title: 我市打击治理跨境赌博专项行动成效显著 -凯发app官网开户), the
# line ending with it and its words: a title's tail, whatever the title says of gambling (not a bar: a table row's cell)
_TAIL_MARK = re.compile(r"\s?[-—–]\s?$")
_LINE_END = re.compile(r"[A-Za-z\u4e00-\u9fff]{0,8}[ \t]*(?:\n|$)")


def _alternation(words) -> re.Pattern[str] | None:
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words))) if words else None


def _cited(text: str, start: int, end: int) -> bool:
    """Is the term quoted (“六合彩”) or listed before 等 (六合彩、时时彩等)?"""
    if start > 0 and text[start - 1] in _QUOTES_OPEN and end < len(text) and text[end] in _QUOTES_CLOSE:
        return True
    return _LISTED.match(text, end, min(len(text), end + 12)) is not None


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Described:
    """Why a term is described rather than promoted (``word``: the context word that tells)."""

    how: str  # before | after | warning | offence
    word: str


class Context:
    """The context rules with their word lists (each may be empty)."""

    def __init__(self, before=BEFORE, after=AFTER, warning=WARNING, gambling=GAMBLING, enforcement=ENFORCEMENT,
                 window: int = 10):
        self.window = window
        self.before = _alternation(before)
        self.after = _alternation(after)
        self.warning = _alternation(warning)
        self.gambling = _alternation(gambling)
        self.enforcement = _alternation(enforcement)

    def __call__(self, text: str, start: int, end: int) -> Described | None:
        """The reason ``text[start:end]`` is described, or None when nothing in its sentence says so."""
        if _CHAINED.search(text, max(0, start - 30), start) or _CHAINED_AFTER.match(text, end):
            return None  # 金沙城中心赌场_澳门金沙官网: a spam title's phrases chained by _, never a description
        if start > 0 and _TAIL_MARK.search(text, max(0, start - 3), start) and _LINE_END.match(text, end):
            return None  # …专项行动成效显著 -凯发app官网开户: a title's tail, never a description
        a, b = sentence_span(text, start, end, REACH)
        if self.before is not None and self.window:
            lo = max(a, start - self.window)
            lo = max([lo] + [text.rfind(ch, lo, start) + 1 for ch in CLAUSE_END])
            m = _last(self.before, text, lo, start)
            if m is not None:
                return Described("before", m)
        if self.after is not None:
            after = self.after.match(text, end) or self.after.match(text[end:end + 6].lstrip("”\"’'）)」』》"))
            if after is not None:
                return Described("after", after.group(0))
        if self.warning is not None:
            m = _outside(self.warning, text, a, b, start, end)
            if m is not None:
                return Described("warning", m)
        if self.gambling is not None:
            g = _outside(self.gambling, text, a, b, start, end)
            if g is not None:
                e = _outside(self.enforcement, text, a, b, start, end) if self.enforcement is not None else None
                if e is not None:
                    return Described("offence", e)
                if _cited(text, start, end):
                    return Described("offence", g)
        return None


def _last(rx: re.Pattern[str], text: str, a: int, b: int) -> str | None:
    found = None
    for m in rx.finditer(text, a, b):
        found = m.group(0)
    return found


def _outside(rx: re.Pattern[str], text: str, a: int, b: int, start: int, end: int) -> str | None:
    """A match of ``rx`` in ``text[a:b]`` that does not overlap the term ``text[start:end]``."""
    for m in rx.finditer(text, a, b):
        if m.end() <= start or m.start() >= end:
            return m.group(0)
    return None
