"""Date mentions in report text.

Forms (``DateMention.form``):

* ``gbt``      2024年1月20日 — the GB/T 9704-2012 form (Arabic numerals, full year, no leading zero)
* ``padded``   2024年01月20日 — 年月日 with a leading zero
* ``short``    24年1月20日 — two-digit year
* ``iso``      2024-01-20 (optionally with a time, as on scraped pages)
* ``slashed``  2024/1/20
* ``dotted``   2024.1.20
* ``cn``       二〇二四年一月二十日 — Chinese numerals
* ``no_year_mark`` 20241月20日 — the 年 left out (a slip: the year's four digits run into the month's; 1900–2099 only)
* ``no_marks`` 202411日, 20241231日 — the 年 and the 月 left out (seen on many portals' copies: the digits run
  together before 日); read only where one split of the digits into a month and a day is a real date (2024119日,
  1 19 or 11 9, is not read)

Every mention keeps its block and character offsets, its parsed calendar date
(``None`` when it is not a real date, e.g. 2月30日) and the raw text.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Block

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

# each form's name in a finding (a 号 date, ``hao``, is ``gbt`` here: the date-form rule tells it apart)
FORM_NAMES = {
    "gbt": "“年月日”写法",
    "padded": "月、日前补零的写法",
    "short": "两位数年份",
    "iso": "短横线格式",
    "slashed": "斜线格式",
    "dotted": "圆点格式",
    "cn": "汉字数字",
    "hao": "以“号”代“日”的写法",
    "spaced": "数字与“年月日”之间带空格的写法",
    "fullwidth": "全角数字的写法",
    "no_year_mark": "漏写“年”字的写法（从网页转存的文本也可能在转存时丢了“年”字，请对照发布原文）",
    "no_marks": "漏写“年”“月”二字的写法（从网页转存的文本也可能在转存时丢了这两个字，请对照发布原文）",
}
FORM_SHORT = {
    "gbt": "标准“年月日”式", "padded": "补零式", "short": "两位数年份式", "iso": "短横线式",
    "slashed": "斜线式", "dotted": "圆点式", "cn": "汉字数字式", "hao": "“号”式",
}

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

# every form starts with a digit or a Chinese numeral: that look-ahead first fails fast at the other characters (most
# of a text), before the look-behind (not inside a number: _NOT_AFTER); then a look-ahead that every form satisfies
# (two or four digits before 年, four before - / .) fails fast at the numbers of a table, before the five alternatives
# are tried
_LEAD = r"(?=[\d〇零○一二三四五六七八九])"
_NOT_AFTER = r"(?<![\d.\-/])"
_FORMS = (
    r"(?=\d{2}(?:\d{2})?(?:\s*年|[-/.])|(?:19|20)\d{3,4}月|(?:19|20)\d{4,6}日|[〇零○一二三四五六七八九])(?:"
    r"(?P<y>\d{2}|\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    # (2025- 01- 14 10: 13: a portal's date with a space after each mark)
    r"|(?P<iy>\d{4})- ?(?P<im>\d{1,2})- ?(?P<id>\d{1,2})(?![\d\-])(?P<it>\s+\d{1,2}: ?\d{2}(?:: ?\d{2})?)?"
    r"|(?P<sy>\d{4})/(?P<sm>\d{1,2})/(?P<sd>\d{1,2})(?![\d/])"
    r"|(?P<dy>\d{4})\.(?P<dm>\d{1,2})\.(?P<dd>\d{1,2})(?![\d.])"
    r"|(?P<cy>[〇零○一二三四五六七八九]{4})年(?P<cm>十[一二]?|[一二三四五六七八九])月"
    r"(?P<cd>三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])日"
    r"|(?P<ny>(?:19|20)\d{2})(?P<nm>1[0-2]|0?[1-9])月(?P<nd>\d{1,2})日"
    r"|(?P<xy>(?:19|20)\d{2})(?P<xmd>\d{2,4})日"
    r")"
)
DATE_RE = re.compile(_LEAD + _NOT_AFTER + _FORMS)


# Where DATE_RE may start, as a pattern led by a character class (the regex engine skips ahead by it in C; a
# pattern led by look-arounds, as DATE_RE is, is tried at every character): the character a form starts with (a
# digit or a Chinese numeral, not after a digit or . - /), then what every form that starts with it holds — two or
# four digits before 年 or - / ., or four Chinese numerals before 年; or 1 or 2, then 9 or 0 and three or four digits
# more before 月 (the 年 left out), or four to six before 日 (the 年 and the 月 left out).  Every start of a match of DATE_RE is a match
# of _START (a necessary condition), so trying DATE_RE only there finds the same dates (tests/test_fast_paths_t3_rules).
_START = re.compile(
    r"[\d〇零○一二三四五六七八九](?<![\d.\-/].)"
    r"(?:(?<=\d)(?=\d(?:\d{2})?(?:\s*年|[-/.]))|(?<=[12])(?=[09]\d{3,4}月|[09]\d{4,6}日)"
    r"|(?<=[〇零○一二三四五六七八九])(?=[〇零○一二三四五六七八九]{3}年))"
)


# DATE_RE without its look-behind: the second date of a range written with a hyphen (2023年2月20日-2023年2月30日,
# 2023.6.18-2023.6.20), tried only right after a date and its hyphen
_AFTER_DASH = re.compile(_LEAD + _FORMS)


def date_matches(text: str) -> Iterator[re.Match[str]]:
    """``DATE_RE.finditer(text)``, faster: DATE_RE is tried only where :data:`_START` finds a possible start; and the
    second date of a range written with a hyphen right after the first (``2023年2月20日-2023年2月30日``), which
    DATE_RE's look-behind passes over (a hyphen before digits is mostly a number's: GB/T 9704-2012)."""
    start = _START.search
    match = DATE_RE.match
    pos = 0
    while (g := start(text, pos)) is not None:
        s = g.start()
        m = match(text, s)
        if m is None:
            pos = s + 1
            continue
        while m is not None:
            yield m
            pos = m.end()  # never empty: every form holds characters
            m = _AFTER_DASH.match(text, pos + 1) if text.startswith("-", pos) else None


_SPLITS = {2: (1,), 3: (1, 2), 4: (2,)}  # where the month may end in 2–4 digits


def _month_day(year: int, digits: str) -> tuple[int, int] | None:
    """The month and day that ``digits`` (2–4 digits written without 月) can only be: the one split of them into a
    month and a day that makes a real date of ``year`` (``1231`` → 12, 31; ``210`` → 2, 10), None when none or two do
    (``119``: 1 19 or 11 9)."""
    splits = [(int(digits[:k]), int(digits[k:])) for k in _SPLITS[len(digits)]]
    real = [(mo, d) for mo, d in splits if _real(year, mo, d) is not None]
    return real[0] if len(real) == 1 else None


def _cn_small(s: str) -> int:
    """十, 十二, 二十, 二十一, 三 → int."""
    if "十" not in s:
        return _CN_DIGIT[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


@dataclass(frozen=True)
class DateMention:
    """A date written in the report: where, as written, its form and its parts."""

    block: Block
    start: int
    end: int
    raw: str
    form: str
    year: int
    month: int
    day: int
    date: _dt.date | None  # None when not a real calendar date
    has_time: bool = False

    @property
    def valid(self) -> bool:
        return self.date is not None


def _real(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


# What every form holds, led by a literal (the search skips ahead by 年 - / .): 年 then a digit (after spaces) or the
# Chinese numeral a month starts with, or four digits then - / . — a table's labels hold 年 (本年新收, 上年结转) and
# its numbers digits, a paragraph 年 (2023年, 本年度), but rarely these (a block is searched for them before its
# digits and numerals are walked)
# (or 月 after five digits: a year with its 年 left out, 20241月, 202412月; or 日 after six: 202411日)
_ANY_DATE = re.compile(r"年(?=\s*\d|[一二三四五六七八九十])|[-/.](?<=\d{4}[-/.])|月(?<=\d{5}月)|日(?<=\d{6}日)")
# its two branches apart: the first led by a literal (the engine finds it as str.find does), the second looked for
# only in a text holding - / or . (str's search for one character; a class, or an alternation of a literal and a
# class as _ANY_DATE, is tried at every character, ≈15–30 ns each)
_YEAR_DATE = re.compile(r"年(?=\s*\d|[一二三四五六七八九十])")
_SEP_DATE = re.compile(r"[-/.](?<=\d{4}[-/.])")
_BARE_DATE = re.compile(r"月(?<=\d{5}月)")
_BARE_DAY = re.compile(r"日(?<=\d{6}日)")


def may_hold_date(text: str) -> bool:
    """``_ANY_DATE.search(text) is not None``, faster (see :data:`_YEAR_DATE`)."""
    if "年" in text and _YEAR_DATE.search(text) is not None:
        return True
    if ("-" in text or "/" in text or "." in text) and _SEP_DATE.search(text) is not None:
        return True
    if "月" in text and _BARE_DATE.search(text) is not None:
        return True
    return "日" in text and _BARE_DAY.search(text) is not None


def find_dates(block: Block) -> list[DateMention]:
    if not may_hold_date(block.text):
        return []  # every form holds what _ANY_DATE finds (most blocks, a table's labels and numbers, hold none)
    return _read_dates(block)


def text_dates(blocks: Sequence[Block], text: str, starts: Sequence[int]) -> list[DateMention]:
    """:func:`find_dates` of each of ``blocks`` in turn, faster: ``text`` is their texts joined by NULs
    (:attr:`AnnualReport.prose_text`), ``starts`` where each begins in it and where the text ends, plus one
    (:attr:`AnnualReport.block_starts`).  What :func:`may_hold_date` looks for is searched for in ``text``, a search
    of each kind resumed at the next block's start, not in each block (30-odd prose blocks a report, a date in two of
    them: ≈9 µs a report in calls): only the blocks it is found in are read.  No search of :func:`may_hold_date` holds
    or looks at a NUL (a 年's look-ahead wants a space, a digit or a numeral, the others look behind at digits), so
    each finds in ``text`` just what it finds in each block."""
    found: set[int] = set()
    for gate, pattern in ((("年",), _YEAR_DATE), (("-", "/", "."), _SEP_DATE), (("月",), _BARE_DATE),
                          (("日",), _BARE_DAY)):
        if not any(c in text for c in gate):
            continue
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            i = bisect_right(starts, m.start()) - 1
            found.add(i)
            pos = starts[i + 1]  # (the rest of the block need not be searched)
    out: list[DateMention] = []
    for i in sorted(found):
        out.extend(_read_dates(blocks[i]))
    return out


def _read_dates(block: Block) -> list[DateMention]:
    """The dates of a block that may hold one (:func:`may_hold_date`)."""
    out: list[DateMention] = []
    text = block.text
    for m in date_matches(text):
        has_time = False
        if m.group("y"):
            ys, ms, ds = m.group("y"), m.group("m"), m.group("d")
            if len(ys) == 2:
                form, year = "short", 2000 + int(ys)
            else:
                year = int(ys)
                form = "padded" if (ms.startswith("0") or ds.startswith("0")) else "gbt"
            month, day = int(ms), int(ds)
        elif m.group("iy"):
            form = "iso"
            year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            has_time = bool(m.group("it"))
        elif m.group("sy"):
            form = "slashed"
            year, month, day = int(m.group("sy")), int(m.group("sm")), int(m.group("sd"))
        elif m.group("dy"):
            form = "dotted"
            year, month, day = int(m.group("dy")), int(m.group("dm")), int(m.group("dd"))
        elif m.group("ny"):
            form = "no_year_mark"
            year, month, day = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
        elif m.group("xy"):
            form, year = "no_marks", int(m.group("xy"))
            split = _month_day(year, m.group("xmd"))
            if split is None:
                continue
            month, day = split
        else:
            form = "cn"
            year = int("".join(str(_CN_DIGIT[c]) for c in m.group("cy")))
            month, day = _cn_small(m.group("cm")), _cn_small(m.group("cd"))
        out.append(DateMention(block, m.start(), m.end(), m.group(0), form, year, month, day,
                               _real(year, month, day), has_time))
    return out


def gbt_form(d: _dt.date) -> str:
    """The GB/T 9704 form of a date: 2024年1月20日."""
    return f"{d.year}年{d.month}月{d.day}日"


# a document number's 〔 whose year runs into the number (〔202137号): the 〕 between them lost, as copies of web pages
# lose it (with the 年 and 月 of dates: 202111日) as often as a writer forgets it
YEAR_RUN_IN = re.compile(r"(?:19|20)\d{2}\d{1,4}\s?号")
# a date whose 年 and 月 became spaces in the copy (2023 1 1 日至 2023 12 31 日)
_SPACED_DATE = re.compile(r"(?:19|20)\d{2} \d{1,2} \d{1,2} ?日")


def lossy_copy(report: AnnualReport) -> bool:
    """Whether the text shows a copy that lost characters: a date without its 年 or 月 (202011日, or spaces in their
    place: 2023 1 1 日), or a document number whose year runs into its number (〔202130号) — copies of web pages lose
    these marks (and others: a bracket's other half, a character of a quoted title)."""
    return bool(lossy_signs(report))


def lossy_signs(report: AnnualReport) -> list[str]:
    """What :func:`lossy_copy` saw, as a finding names it: ``日期缺“年”“月”``, ``文号缺“〕”`` (in that order, each once)."""
    signs = []
    if any(d.form in ("no_marks", "no_year_mark") for d in report.dates) \
            or any(_SPACED_DATE.search(b.text) for b in report.text_blocks):
        signs.append("日期缺“年”“月”")
    if any("〔" in b.text and YEAR_RUN_IN.search(b.text) for b in report.text_blocks):
        signs.append("文号缺“〕”")
    return signs
