"""Numbers in sentences of prose: how the prose readers (claims, prose sums, table-二 figures) read them.

A count is a number with a counting unit (:data:`COUNT_TOKEN`: ``57件``, ``三起``), never an ordinal (``第3件``,
``第 3 件``, ``第三件``: the third one, not three); Chinese numerals up to 9999 are read by :func:`cn_int`.
Around it, the words that make it no figure of the report's year: an approximation
(:func:`approximate_before`, :data:`APPROX_CLAUSE`), the end of a range (:data:`RANGE_BEFORE`), a unit word that makes
it another kind of figure (:data:`BAD_AFTER`), a change (:data:`CHANGE`), the past (:data:`PAST`), part of a year
(:data:`PART_YEAR`), proposals and hot-line calls (:data:`OFF_TOPIC`).  :class:`SentenceTime` tells which year a
number of a sentence is about; :class:`Sentence` holds the per-sentence facts (clauses, first matches) the claim
reader asks for many times.  :class:`ProseView` is what the readers read of a report.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..memo import LONGEST, Kept
from ..model import Block

if TYPE_CHECKING:  # pragma: no cover
    from ..userregex import BoundedPattern
    from .annual import AnnualReport

# -- what a prose reader reads of a report -----------------------------------------------------------

@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class ProseView:
    """What the prose readers (claims, table-二 figures) read of a report, taken once: their results, cached on the
    report, do not keep the report itself (no reference cycle)."""

    blocks: Sequence[Block]  # the prose blocks (headings, paragraphs, list items)
    year: int | None
    masker: Callable[[str], str]  # the reporting body's names for itself blanked (report.own_name_masker)
    skip: frozenset[int]  # the blocks of the statistics tables
    s4: frozenset[int]  # part 四: its heading and body

    @classmethod
    def of(cls, report: AnnualReport) -> ProseView:
        s4 = report.sections_by_id.get("s4")
        s4_blocks = frozenset({b.index for b in s4.blocks} | {s4.heading.index}) if s4 is not None else frozenset()
        return cls(report.text_blocks, report.year, report.own_name_masker, report.statistics_blocks, s4_blocks)


# -- matches -------------------------------------------------------------------------------------

def group_name(m: re.Match[str]) -> str:
    """The name of the alternative that matched, for patterns whose alternatives are all named groups."""
    return m.lastgroup or ""


def match_end(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> int:
    """Where a pattern that may match the empty string (``(?:，|其中)*``) stops matching at ``pos``."""
    m = pattern.match(text, pos) if endpos is None else pattern.match(text, pos, endpos)
    return m.end() if m is not None else pos


# -- numbers -------------------------------------------------------------------------------------

YEAR_NUMERAL = r"(?:\d{4}|[二〇零一两三四五六七八九]{4})"  # a year written in digits or numerals

_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def cn_int(s: str) -> int | None:
    """Chinese numerals up to 9999: 三 → 3, 十二 → 12, 一百零五 → 105, 两千 → 2000."""
    if not s:
        return None
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in s:
        if ch in _CN:
            if digit is not None and _CN[ch] != 0 and digit != 0:
                return None  # 二三 is not a number
            digit = _CN[ch]
        elif ch in _CN_UNIT:
            u = _CN_UNIT[ch]
            if u >= last_unit:
                return None
            total += (1 if digit is None else digit) * u
            digit = None
            last_unit = u
        else:
            return None
    if digit:
        total += digit
    return total


COUNT_TOKEN = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十百千])(?:"
    r"(?<![\d.．,０-９第])(?<!第\s)(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\d.．０-９%％])\s?(?P<unit>件次|件|起|个|宗|例|份|条)"
    r"|(?<![零〇一二两三四五六七八九十百千第])(?P<cn>[零〇一二两三四五六七八九十百千]{1,6})(?P<cunit>件|起|宗|例|份))")
# (部分: the parts of the report, 包括总体情况……其他需要报告的事项6个部分 — not 部分公开, 予以公开3件部分公开2件 run together)
BAD_AFTER = re.compile(r"^(?:以上|左右|上下|多|余|次|人|工作日|月|季度|别|性|方面|部分(?!公开)|渠道|途径|环节|专栏|栏目|部门|科室|单位)")
_APPROX_BEFORE = re.compile(r"(?:约|近|逾|超过|超|不足|不到|将近|大约|接近|上百|数)$")


RANGE_BEFORE = re.compile(r"\d\s*[-—–~～至到]\s*$")  # 5-10件, 3至5件: the number ends a range


def approximate_before(before: str, arabic: bool) -> bool:
    """Does ``before`` end in a word that makes the number after it approximate (约50件, 数十件)?  Before an
    Arabic number 数 is a noun (申请数15件), not 数十's 数."""
    m = _APPROX_BEFORE.search(before)
    return m is not None and not (arabic and m.group(0) == "数")
APPROX_CLAUSE = re.compile(r"约|将近|接近|超过|不足|不到")


# -- context filters -----------------------------------------------------------------------------

SENT_END = re.compile(r"[。！？!?]")
CLAUSE_END = re.compile(r"[，,；;：:。！？!?|\t（(）)]")
# ``(?<!\d)(\d{4})\s*年`` written to start with a digit (the lookbehind after the first digit says the same): a
# pattern that starts with a character class is scanned for that class in C, not tried at every position
YEAR = re.compile(r"(\d(?<!\d\d)\d{3})\s*年")
PAST = re.compile(r"上一?年(?!度?(?:结转|转结|转入|遗留|未办结|转来))|去年|往年|历年|以前年度(?!结转)|近[两三四五十]年")
CHANGE = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|上年同期|增加|减少|增长|下降|上升|增幅|降幅|持平|多出|减少了")
# the look-ahead names the first character of every alternative: the other positions are passed over quickly
# 截至12月20日 (a day before the year's last) is part of the year as 截至11月 is; 截至12月31日 is the whole year
PART_YEAR = re.compile(r"(?=[上下季截前\d])(?:上半年|下半年|季度|截[至止](?:\d{4}年)?(?:(?:[1-9]|1[01])月|12月(?:(?:30|[12]\d|[1-9])[日号]|上旬|中旬))"
                        r"|前[一二三四五六七八九十\d]+个?月|\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月|\d{1,2}月份)")
THIS_YEAR = re.compile(r"本年度?|今年|当年|全年")
# 累计收到, 自《条例》施行以来: a figure of several years, unless a time word of this year leads to it (全年累计, 今年以来)
CUMULATIVE = re.compile(r"累计|以来")
# 2019年至2023年, 2019—2023年: the year before a range's last one
_RANGE_FROM = re.compile(r"(\d{4})\s*年?度?\s*[至到—–\-~～－]\s*$")
_SINCE_YEAR = re.compile(r"(?:截[至止]|自|从)\s*$")
# 二〇二二年: a year in numerals (2000–2099), another year as 2022年 is
_CN_YEAR = re.compile(r"二[〇零]([〇零一二三四五六七八九]{2})\s*年")
# a digit, spaces, 年: what every match of YEAR holds (and so every match in a part of the text); _NIAN_AFTER, a 年
# right after a digit or a space, is in every text that holds one, and led by 年 it is searched for in C at the speed
# of str.find, where \d, a Unicode category, is tested at every character
_NAMES_YEAR = re.compile(r"\d\s*年")
_NIAN_AFTER = re.compile(r"年(?:(?<=\d年)|(?<=\s年))")
OFF_TOPIC = re.compile(r"建议|提案|议案|留言|来信|来电|信件|咨询|热线|诉求|工单|12345|问政|网民")
APPLICATION = re.compile(r"申请")
MAX_CLAUSE = 200  # characters; a longer "clause" is text whose punctuation was lost


# -- sentences ------------------------------------------------------------------------------------

_SEMI = re.compile("[；;]")


class SentenceTime:
    """Which year a number of a sentence is about, looked up by position (the sentence is scanned once).

    The rule, shared by every prose reader (claims, prose sums, table-二 figures): the year named last
    before the number, after the last ；, is the report's year — or, for carry-over, the year before it
    (上年结转) or after it (结转下年度); no year named means this year; so does a 本年/今年/全年 written after
    that year and before the number (``2022年……，本年新收…``)."""

    __slots__ = ("_part_year", "cumulative", "semis", "text", "this_ends", "this_starts", "year_ends", "years")

    def __init__(self, text: str):
        self.text = text
        self._part_year: int | None = -1  # -1: not looked for yet (only ``ok(whole_year=True)`` asks)
        # not a Python loop over every character; no ；, no 年: nothing to scan for (most clauses)
        self.semis = [m.start() for m in _SEMI.finditer(text)] if "；" in text or ";" in text else []
        if "年" in text:  # every YEAR and THIS_YEAR match ends in or holds 年
            self.years = [(m.start(), m.end(), int(m.group(1))) for m in YEAR.finditer(text)]
            if "二〇" in text or "二零" in text:
                self.years = sorted(self.years + [(m.start(), m.end(), 2000 + int("".join(str(_CN[c]) for c in m.group(1))))
                                                  for m in _CN_YEAR.finditer(text)])
            self.year_ends = [e for _, e, _ in self.years]
            this = [m.span() for m in THIS_YEAR.finditer(text)]
            self.this_starts = [a for a, _ in this]
            self.this_ends = [b for _, b in this]
        else:
            self.years, self.year_ends, self.this_starts, self.this_ends = [], [], [], []
        self.cumulative = [m.start() for m in CUMULATIVE.finditer(text)] if "累计" in text or "以来" in text else []

    @property
    def part_year(self) -> int | None:
        """Where the first part-of-year word (上半年, 截至9月 …) is, or None."""
        if self._part_year == -1:
            text = self.text
            # every match of PART_YEAR holds 月, 半年 or 季度; its look-ahead, a class with \d (a Unicode category),
            # is tried at every character of a sentence (≈90 ns each): most sentences hold none of the three
            # (tests/test_fast_paths_t7_prose.py)
            py = PART_YEAR.search(text) if "月" in text or "半年" in text or "季度" in text else None
            self._part_year = py.start() if py else None
        return self._part_year

    def semicolon_before(self, pos: int) -> int:
        """Position of the last ；/; before ``pos`` (-1 when none)."""
        i = bisect_left(self.semis, pos) - 1
        return self.semis[i] if i >= 0 else -1

    def ok(self, upto: int, year: int | None, metric: str | None = None, whole_year: bool = False) -> bool:
        """Is the number at ``upto`` about ``year`` (``metric`` for carry-over)?  With ``whole_year`` a part-of-year
        word before it (上半年, 截至9月) also makes it another period's figure."""
        if whole_year:
            part_year = self.part_year
            if part_year is not None and part_year < upto:
                return False
        if self.cumulative and self._several_years(upto, year):
            return False
        j = bisect_right(self.year_ends, upto) - 1
        if j < 0 or self.years[j][0] <= self.semicolon_before(upto):  # no year named before it (most numbers)
            return True
        ys, ye, y = self.years[j]
        rm = _RANGE_FROM.search(self.text, max(0, ys - 10), ys)
        if rm is not None and int(rm.group(1)) != y:
            return False  # 2019年至2023年: several years
        k = bisect_left(self.this_starts, ye)
        if k < len(self.this_starts) and self.this_ends[k] <= upto:
            return True  # 2022年……，本年新收…: the nearest time word is this year
        if year is None:
            return False  # a year is named and the report's year is unknown: cannot tell
        if y == year:
            return True
        if metric == "carried_over" and y == year - 1:
            return True
        return metric == "carried_forward" and y == year + 1


    def _several_years(self, upto: int, year: int | None) -> bool:
        """Is the number at ``upto`` after a :data:`CUMULATIVE` word (the first in its part of the sentence) that no time
        word of this year leads to (全年累计, 今年以来, 2023年以来 in the 2023 report; not one of an earlier count's
        clause: 全年收到57件，自《条例》施行以来累计…; not 截至2023年底), nor a 累计 a word of this year follows
        (累计处理92件，其中本年度新接收91件): 累计收到322件, 2019年以来."""
        seg = self.semicolon_before(upto)
        i = bisect_right(self.cumulative, seg)
        if i == len(self.cumulative) or self.cumulative[i] >= upto:
            return False
        c = self.cumulative[i]
        k = bisect_right(self.this_ends, c) - 1
        this_end = self.this_ends[k] if k >= 0 and self.this_starts[k] > seg else -1
        j = bisect_right(self.year_ends, c) - 1
        if j >= 0 and self.years[j][0] > max(seg, this_end):  # a year is the time word nearest to it
            ys, ye, y = self.years[j]
            if y != year or (_SINCE_YEAR.search(self.text, max(0, ys - 3), ys) and self.text[c:c + 2] != "以来"):
                return True  # 2019年以来, 截至2023年底…累计
            this_end = ye  # 2023年累计, 自2023年1月以来 in the 2023 report
        if this_end < 0:  # 累计处理92件，其中本年度新接收91件…: a 累计 of this year's, told after it
            k = bisect_right(self.this_starts, c)
            return not (self.text[c:c + 2] == "累计" and k < len(self.this_starts)
                        and self.this_starts[k] < self._semicolon_after(c))
        return COUNT_TOKEN.search(self.text, this_end, c) is not None  # 全年收到57件，自《条例》施行以来累计…

    def _semicolon_after(self, pos: int) -> int:
        i = bisect_right(self.semis, pos)
        return self.semis[i] if i < len(self.semis) else len(self.text)


def year_key(text: str, year: int | None) -> int | None:
    """The report's year as the key of what a prose reader kept for ``text`` (a sentence or its shape): the year when
    the text may name one, else None.  A reader asks the report's year only of a year the text names (``YEAR``: the
    sentence's time, ``2023年结转4件``), so a sentence that names none reads the same in every report's year (the
    template's sentences recur in reports of six years: tests/test_fast_paths_t12_prose.py)."""
    if year is None:
        return None
    if ("二〇" in text or "二零" in text) and _CN_YEAR.search(text):
        return year  # 二〇二二年
    m = _NIAN_AFTER.search(text)  # (most sentences: none; 本年, 全年 are not after a digit)
    if m is None:
        return None
    # a 年 after a digit names a year; after a space, only when a digit comes before the spaces
    return year if text[m.start() - 1].isdecimal() or _NAMES_YEAR.search(text) else None


_SENTENCES: Kept[str, tuple[tuple[int, int], ...]] = Kept("prose: the sentences of a block", 4096)


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the sentences of a block's text: the pieces between the matches of :data:`SENT_END`, empty ones
    left out.  The three prose readers (claims, prose sums, table-二 figures) read the same blocks: one scan, and a
    block that recurs from report to report (72 % of the generated reports' prose blocks) is not scanned again.  Kept
    for the last few thousand blocks; read only."""
    got = _SENTENCES.get(text)
    if got is None:
        spans = []
        pos = 0
        for m in SENT_END.finditer(text):
            end = m.start()
            if end > pos:
                spans.append((pos, end))
            pos = m.end()
        if pos < len(text):
            spans.append((pos, len(text)))
        got = tuple(spans)
        if len(text) <= LONGEST:
            _SENTENCES.keep(text, got)
    return got


_shared: Kept[str, tuple[list[int], SentenceTime]] = Kept("prose: clause ends and time of a sentence", 4096)


def sentence_facts(text: str) -> tuple[list[int], SentenceTime]:
    """(clause boundaries, :class:`SentenceTime`) of a sentence: pure functions of its text, shared by the prose
    readers (claims, prose sums, table-二 figures read the same sentences) and kept for the last few thousand
    sentences (boilerplate recurs from report to report).  Read only."""
    got = _shared.get(text)
    if got is None:
        got = ([m.start() for m in CLAUSE_END.finditer(text)], SentenceTime(text))
        if len(text) <= LONGEST:
            _shared.keep(text, got)
    return got


_UNSET: Any = object()  # Sentence.first: not looked for yet (None: looked for, no match)


class Sentence:
    """Per-sentence facts computed once: clause boundaries, first matches of the sentence-wide filters."""

    __slots__ = ("bounds", "first", "text", "time")

    def __init__(self, text: str):
        self.text = text
        self.bounds, self.time = sentence_facts(text)
        # first matches by id(pattern): per reader and sentence, never shared (a rule's own scope pattern is an
        # object of that reader's run)
        self.first: dict[int, re.Match[str] | None] = {}

    def clause_start(self, pos: int) -> tuple[int, int]:
        """(start of the clause holding ``pos``, index of its boundary or -1).  A clause is at most
        ``MAX_CLAUSE`` characters: text whose punctuation was lost is not rescanned for every number."""
        i = bisect_left(self.bounds, pos) - 1
        start, bi = (self.bounds[i] + 1, i) if i >= 0 else (0, -1)
        return (start, bi) if pos - start <= MAX_CLAUSE else (pos - MAX_CLAUSE, -1)

    def clause_end(self, pos: int) -> int:
        """End of the clause holding ``pos`` (its boundary, or the end of the sentence; at most ``MAX_CLAUSE`` on)."""
        i = bisect_left(self.bounds, pos)
        return min(self.bounds[i] if i < len(self.bounds) else len(self.text), pos + MAX_CLAUSE)

    def part_year(self, upto: int) -> re.Match[str] | None:
        """``search(PART_YEAR, upto)``, not searched when the sentence holds no match at all (its time's
        :attr:`SentenceTime.part_year`, looked for once per sentence text and kept with it)."""
        return None if self.time.part_year is None else self.search(PART_YEAR, upto)

    def search(self, pattern: re.Pattern[str] | BoundedPattern, upto: int) -> re.Match[str] | None:
        """``pattern.search(text, 0, upto)``, answered from the sentence's first match when possible."""
        key = id(pattern)
        fm = self.first.get(key, _UNSET)  # one lookup when the first match is known (most calls)
        if fm is _UNSET:
            fm = self.first[key] = pattern.search(self.text)
        if fm is None or fm.start() >= upto:
            return None
        if fm.end() <= upto:
            return fm
        return pattern.search(self.text, 0, upto)
