"""Date kinds (category ``date``, DL401–DL499).

All kinds read the date mentions that ``report/dates.py`` extracts
(``report.dates``: prose blocks only) plus, where a kind says so, the table blocks.

* ``invalid-date`` (DL401): a date that is not on the calendar (2023年2月30日, 2023年13月1日).
  Hyphen, slash and dot forms are reported only when the month is 1–12 and the year is
  1949–2100 — otherwise the digits are probably not a date at all (version numbers, codes).
* ``signature-date-form`` (DL402): the 落款 date is not written 2024年1月20日 (GB/T 9704-2012 7.3.5.4).
* ``date-form`` (DL403): other non-GB/T date forms in the text.  Exempt: dates inside URLs,
  dates after 索引号/文号/编号 labels, the signature (DL402), table blocks (unless ``tables: true``:
  tables are data, and GB/T 15835-2011 allows the hyphen form), forms listed in ``allow``, and
  dates the portal wrote (``report.portal``: 发布日期, 撰写时间, 来源 bylines — the CMS's format, not
  the clerk's; unless ``include_metadata: true``).
* ``mixed-date-forms`` (DL404): more than one form in the report (portal metadata excluded).
* Invalid dates (DL401) are reported in portal fields too: a CMS never writes 2月30日, a person typed it,
  and the publication date cannot be read from it.
* ``late-publication`` (DL405 departments/governments, DL408 townships): publication after the
  Art. 49 deadline of the year after the report year.
* ``year-mismatch`` (DL406) and ``statistics-period`` (DL409): :mod:`.year_checks`.
* ``date-after-publication`` (DL407): full dates in the text later than the publication date.

Forms (the parser's plus one): gbt, padded, short, iso, slashed, dotted, cn, and ``hao``
(2024年1月20号 — 号 instead of 日).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..report.agency import (
    AREA_KINDS,
    KIND_NAMES,
    NOT_A_DEPARTMENT,
    NOT_A_DEPARTMENT_NOTE,
    UNSETTLED_DEADLINE,
    classify,
    deadline_class,
    is_zone_body,
)
from ..report.dates import FORM_NAMES, FORM_SHORT, DateMention, gbt_form
from ..report.portal_links import TIME_AFTER
from ..report.promotions import has_spam_term
from ..report.rest_days import holiday_span, next_working_day, rest_day
from ..report.stamps import is_stamp, reposted
from ..report.year import inferred_note
from . import register
from .base import FixEdit, Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Block
    from ..report import AnnualReport

Form = Literal["padded", "short", "iso", "slashed", "dotted", "cn", "hao"]

_SLIPS = ("no_year_mark", "no_marks")  # forms no clerk chooses: marks left out (or lost in a copy)
_URL = re.compile(r"(?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》<>\"]+"
                  r"|www\.[A-Za-z0-9.-]+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef<>\"]*")
_CLAUSE_END = re.compile(r"[。；;！!？?\n]")
_FULLWIDTH_DIGIT = re.compile("[\uff10-\uff19]")
_SPACE = re.compile(r"\s")


def _form(d: DateMention) -> str:
    """The parser's form, with 号-dates split out as ``hao``."""
    if d.form == "gbt" and d.raw.endswith("号"):
        return "hao"
    return d.form


def _line_prefix(d: DateMention, limit: int = 40) -> str:
    text = d.block.text
    start = text.rfind("\n", 0, d.start) + 1
    return text[max(start, d.start - limit):d.start]


def _trailing_time(d: DateMention) -> str:
    """A clock time written right after a 年月日 date ("2024年01月12日 17:12:21")."""
    if d.has_time:
        return ""
    m = TIME_AFTER.match(d.block.text, d.end)
    return m.group(0) if m else ""


def _in_url(d: DateMention, cache: dict[int, list[tuple[int, int]]]) -> bool:
    text = d.block.text
    key = id(d.block)
    spans = cache.get(key)
    if spans is None:
        spans = [m.span() for m in _URL.finditer(text)] if ("://" in text or "www." in text) else []
        cache[key] = spans
    return any(s <= d.start < e for s, e in spans)


def _is_meta(report, d: DateMention) -> bool:
    """A date the portal wrote (发布日期, 撰写时间, 来源 byline …: ``report.portal``; or a date with its clock time, or a
    dashed one, after a 时间：/日期： label, inside a page flattened into one line; or any date above the report's title),
    not the report's text."""
    return (report.portal.covering(d.block, d.start, d.end) is not None or is_stamp(report, d) or reposted(report, d)
            or _PAGE_FIELD.search(d.block.text, max(0, d.start - 12), d.start) is not None
            or _FIELD_AFTER.match(d.block.text, d.end) is not None
            or ((d.has_time or d.form == "iso")
                and (_FIELD_BEFORE.search(d.block.text, max(0, d.start - 12), d.start) is not None
                     or (_STAMP_AROUND.match(d.block.text, d.end) is not None
                     and _TITLE_BRACKET.search(d.block.text, max(0, d.start - 8), d.start) is not None)))
            or (d.has_time and d.form == "iso" and _TITLE_AFTER.match(d.block.text, d.end) is not None)
            or report.above_title(d.block))  # (the page's header: a ticker of dated news)


# a page's own date field, whatever the date's form, in a page flattened into one line (来源:    时间:2021年04月12日,
# 发表日期:2026年1月26日): a publishing word before 时间/日期, or 时间 alone after a space or a bar — not 活动时间：
_PAGE_FIELD = re.compile(r"(?:(?:发布|發布|发表|發表|更新|生成|录入|錄入)(?:时间|時間|日期)|(?<=[\s|｜])(?:时间|時間))"
                         r"[ \t]*[:：|｜][ \t]*$")  # (a traditional-script mirror's 發布時間)
# (or followed by the page's next field: …办事处2022年01月18日来源:1[字体: ] — a byline's date)
_FIELD_AFTER = re.compile(r"[ \t]*(?:[•·|｜][ \t]*)?(?:来源|文章来源|浏览次数|浏览|点击数|点击|字体|作者|发布机构)[ \t]*[:：]")
# any field's label and its separator before a dashed date or one with its time (日期: 2023-01-31, [ 成文日期 ] |
# 2023-01-28, 发布日期 | 2015-03-30 17:35:00): the page's, never the report's prose
_FIELD_BEFORE = re.compile(r"(?:时间|時間|日期)[ \t]*[\]】］]?[ \t]*(?:[:：|｜][ \t]*){1,2}$|(?:时间|時間|日期)[ \t]+$"
                           r"|\d{1,2}:\d{2}(?::\d{2})?[ \t]+$")
# (公开日期: | 2024-01-15 09:04 in a table of fields; 日期 2024-01-31 with spaces only; a field's date and time, then the
# page's stamp: 发文日期:2009-03-31 00:00:00  2009-03-31 00:00)
# a dashed date in brackets right after the report's title: the page's stamp (…年度报告 ( 2026-01-30 ) 某某委员会…)
_TITLE_BRACKET = re.compile(r"(?:报告|^)[ \t]*[（(][ \t]*$")  # (or its block's start, the title a block before)
_STAMP_AROUND = re.compile(r"[ \t]*[)）]")
# a dashed date with its clock time that the report's title follows (…局2026-01-28 10:06某某局2025年政府信息公开工作年度报告:
# a page's list stamp glued to the title when its line breaks were lost)
_TITLE_AFTER = re.compile(r"[ \t]*[^。；;！？，,、\n]{0,40}?信息公开[^。；;\n]{0,8}?年度?报告")


def published_at(report) -> DateMention | None:
    """The mention :attr:`AnnualReport.published` was read from: the 发布日期 field, the page's date stamp or the 落款
    date (None when it came from the page's ``<meta>``, which has no place in the text)."""
    return {"发布日期": report.published_mention, "页面日期": report.stamp_mention,
            "落款日期": report.signature_mention, "成文日期": report.written_mention}.get(report.published_source)


def source_name(source: str) -> str:
    """发布日期 / 落款日期 as they are; 网页元数据 → 网页元数据中的发布日期; 页面日期 → 网页标题旁的日期."""
    return _SOURCE_NAMES.get(source, source)


_SOURCE_NAMES = {"网页元数据": "网页元数据中的发布日期", "页面日期": "网页标题旁的日期",
                 "成文日期": "网页上的成文日期，公布不会早于它"}


def stamp_note(source: str) -> str:
    """A date the page printed beside the title without a label (:mod:`..report.stamps`) is most likely when the page
    was posted, but a mirror or a re-posted page prints its own: a finding that rests on it is a warning."""
    return "；这个日期是网页在标题旁标注的，没有写明是发布日期（转载、迁移的页面也会标注自己的日期），请核对" \
        if source == "页面日期" else ""


def ymd(d: _dt.date) -> str:
    return gbt_form(d)


def _short_year(d: DateMention, ref_year: int) -> tuple[int, bool]:
    """Full year for a two-digit year and whether that reading is certain enough for a safe fix."""
    yy = d.year % 100
    if 2000 + yy <= ref_year + 1:
        return 2000 + yy, True
    return 1900 + yy, False


def _mmdd(value: str, year: int) -> _dt.date:
    m, d = (int(x) for x in value.split("-"))
    return _dt.date(year, m, d)


# -- DL401 ------------------------------------------------------------------------------------

class InvalidDateOptions(KindOptions):
    tables: bool = Field(default=True, description="也检查表格中的日期")


@register
class InvalidDate(Kind[InvalidDateOptions]):
    name = "invalid-date"
    Options = InvalidDateOptions
    params = frozenset({"date", "reason"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        mentions = list(report.dates)
        if self.options.tables:
            mentions.extend(report.table_dates)
        urls: dict[int, list[tuple[int, int]]] = {}
        for d in mentions:
            if d.date is not None:
                continue
            if d.form in ("iso", "slashed", "dotted") and not (1 <= d.month <= 12 and 1949 <= d.year <= 2100):
                continue  # probably not a date (a code or a version number)
            if _in_url(d, urls):
                continue
            if not 1 <= d.month <= 12:
                reason = f"月份“{d.month}”不在1至12之间"
                expected = "1至12月"
            else:
                last = calendar.monthrange(d.year, d.month)[1]
                reason = f"{d.year}年{d.month}月只有{last}天" if d.day > last else f"日“{d.day}”不存在"
                expected = f"1至{last}日"
            yield Hit(block=d.block, start=d.start, end=d.end, params={"date": d.raw, "reason": reason},
                      evidence={"expected": expected, "actual": d.raw, "year": d.year, "month": d.month,
                                "day": d.day},
                      key=f"{d.raw}@{d.block.text[max(0, d.start - 8):d.start]}")
        yield from _long_years(report)


# a year with a digit or two too many before a month and a day (至202020年12月31日止: 2020 typed twice over); led by
# the year's 19/20, the character before it looked behind from there (led by a look-behind, every character is tried)
_LONG_YEAR = re.compile(r"(?P<y>(?:19|20)(?<![\d.\-/]\d\d)\d{2})(?P<extra>\d{1,2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


# what every match of _LONG_YEAR holds: a 年 right after five digits, or after a space (its \s* not empty); led by the
# 年, which the engine skips ahead to as str.find does (_LONG_YEAR, led by its 19 or 20, has every character of the
# prose tested and is tried at each 1 and 2: ≈6 µs a report; this ≈1, and most reports need no more)
_LONG_YEAR_GATE = re.compile(r"年(?:(?<=\d{5}年)|(?<=\s年))")


def _long_years(report: AnnualReport) -> Iterator[Hit]:
    prose = report.prose_text
    if _LONG_YEAR_GATE.search(prose) is None or _LONG_YEAR.search(prose) is None:
        return  # (one search of the prose, joined by NULs that no match holds or looks behind at: most reports)
    portal = report.portal
    for b in report.lintable_blocks:
        if b.kind == "table" or "年" not in b.text or portal.is_line(b):
            continue
        for m in _LONG_YEAR.finditer(b.text):
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
                continue
            raw, digits = m.group(0), m.group("y") + m.group("extra")
            expected = f"{year}年{month}月{day}日"
            yield Hit(block=b, start=m.start(), end=m.end(),
                      params={"date": raw, "reason": f"年份“{digits}”多了{len(m.group('extra'))}位数字，疑为“{expected}”"},
                      evidence={"expected": expected, "actual": raw, "year": digits, "month": month, "day": day},
                      key=f"{raw}@{b.text[max(0, m.start() - 8):m.start()]}")


# -- DL402 / DL403 ----------------------------------------------------------------------------

def _form_fix(report, d: DateMention, form: str) -> tuple[str, bool, str] | None:
    """(expected text, fix is safe, time part removed) for a non-GB/T date, or None."""
    if d.date is None:
        return None
    date = d.date
    safe = True
    if form == "short":
        ref = report.year or _dt.date.today().year
        year, safe = _short_year(d, ref)
        try:
            date = date.replace(year=year)
        except ValueError:  # 29 Feb in the other century
            return None
    time = re.split(r"\s+", d.raw, maxsplit=1)[-1] if d.has_time else _trailing_time(d).strip()
    if time:
        safe = False
    return ymd(date), safe, time


class SignatureDateFormOptions(KindOptions):
    pass


@register
class SignatureDateForm(Kind[SignatureDateFormOptions]):
    name = "signature-date-form"
    Options = SignatureDateFormOptions
    params = frozenset({"date", "expected", "form_name"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        d = report.signature_mention
        if d is None:
            yield from _month_only(report)
            return
        if d.date is None:
            return
        form = _form(d)
        if form == "cn" and _before_gbt_2012(report):
            return  # 二〇一〇年一月十九日: the form the standard then in force asked for
        if form == "gbt":
            if d.raw == ymd(d.date):
                return
            # ２０２４年１月１８日: full-width digits (``\d`` reads them), not spaces
            form = "fullwidth" if _FULLWIDTH_DIGIT.search(d.raw) and not _SPACE.search(d.raw) else "spaced"
            if form == "spaced" and spaced_digits_copy(report, skip=d.block):
                return  # the spaces are the PDF copy's (pdftotext), not the report's
        got = _form_fix(report, d, form)
        if got is None:
            return
        expected, safe, time = got
        end = d.end + len(_trailing_time(d))
        yield Hit(block=d.block, start=d.start, end=d.end,
                  params={"date": d.raw, "expected": expected, "form_name": FORM_NAMES[form]},
                  evidence={"expected": expected, "actual": d.raw, "form": form},
                  key=f"signature:{d.raw}",
                  fix=[FixEdit(d.block, d.start, end if time else d.end, expected)],
                  fix_description=f"将落款日期改为“{expected}”", fix_safe=safe)


# 某某街道办事处\n2024年1月: a 落款 date without its day (a block of nothing else, the agency's name before it at most);
# 2024年1月20: its day without 日
_MONTH_ONLY = re.compile(r"(?P<before>[^\n]{0,40}?)\s*(?P<date>(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月"
                         r"(?:\s*(?P<d>\d{1,2}))?)\s*")


def _month_only(report: AnnualReport) -> Iterator[Hit]:
    """A 落款 that gives the year and the month only (``2024年1月``) or its day without 日 (``2024年1月20``): one of
    the last blocks (:attr:`~..report.AnnualReport.signature_tail`) holds nothing but that, or the agency's name and
    that."""
    for b in reversed(report.signature_tail):
        m = _MONTH_ONLY.fullmatch(b.text)
        if m is None or not 1 <= int(m.group("m")) <= 12:
            continue
        before = m.group("before").strip().lstrip("#").strip().strip("*_").strip()
        if before and classify(before)[0] is None:
            continue
        raw = m.group("date")
        y, mo, d = int(m.group("y")), int(m.group("m")), m.group("d")
        if d is not None:
            if not 1 <= int(d) <= calendar.monthrange(y, mo)[1]:
                continue  # not a day of that month (DL401 has no date to read either: left alone)
            expected = f"{y}年{mo}月{int(d)}日"
            yield Hit(block=b, start=m.start("date"), end=m.end("date"),
                      params={"date": raw, "expected": expected, "form_name": "漏写“日”字的写法"},
                      evidence={"expected": expected, "actual": raw, "form": "no_day_mark"},
                      key=f"signature:{raw}",
                      fix=[FixEdit(b, m.start("date"), m.end("date"), expected)],
                      fix_description=f"将落款日期改为“{expected}”", fix_safe=False)
            return
        expected = re.sub(r"\s+", "", raw) + "某日"
        yield Hit(block=b, start=m.start("date"), end=m.end("date"),
                  params={"date": raw, "expected": expected, "form_name": "只写到月份、没有写日的写法"},
                  evidence={"expected": "年、月、日标全", "actual": raw, "form": "month_only"},
                  key=f"signature:{raw}")
        return


class DateFormOptions(KindOptions):
    allow: list[Form] = Field(default_factory=list, description="不报告的日期写法")
    tables: bool = Field(default=False, description="也检查表格中的日期")
    exempt_labels: list[str] = Field(default_factory=lambda: ["索引号", "文号", "编号", "发文字号", "文件号"],
                                     description="出现在同一行日期之前时不检查的标签")
    include_metadata: bool = Field(default=False,
                                   description="也检查网页元数据（发布日期、撰写时间、来源等由网站生成的字段）中的日期")


@register
class DateForm(Kind[DateFormOptions]):
    name = "date-form"
    Options = DateFormOptions
    params = frozenset({"date", "expected", "form_name"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        labels = [re.escape(x) for x in options.exempt_labels if x]
        self._label = re.compile(r"(?:%s)[^。；;，,\n]*$" % "|".join(labels)) if labels else None  # noqa: UP031 - a regex: % keeps braces literal
        self._allow = set(options.allow)

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        mentions = list(report.dates)
        if self.options.tables:
            mentions.extend(report.table_dates)
        sig = report.signature_mention
        urls: dict[int, list[tuple[int, int]]] = {}
        for d in mentions:
            form = _form(d)
            if form == "gbt" or form in self._allow or d is sig or (form == "cn" and _before_gbt_2012(report)):
                continue
            if _in_url(d, urls) or (not self.options.include_metadata and _is_meta(report, d)):
                continue  # the portal's format, not the clerk's
            if self._label is not None and self._label.search(_line_prefix(d)):
                continue
            if _quoted(d):
                continue  # inside a quotation or a title (申请公开“…24年9月3日…”, 《…》): the words quoted, not the clerk's
            got = _form_fix(report, d, form)
            if got is None:
                continue  # not a real date: DL401
            expected, safe, time = got
            end = d.end if d.has_time else d.end + len(_trailing_time(d))
            desc = f"改为“{expected}”" + (f"（删去时间“{time}”）" if time else "")
            yield Hit(block=d.block, start=d.start, end=d.end,
                      params={"date": d.raw, "expected": expected, "form_name": FORM_NAMES[form]},
                      evidence={"expected": expected, "actual": d.raw + (_trailing_time(d) if not d.has_time else ""),
                                "form": form, "has_time": bool(time)},
                      key=f"{d.raw}@{d.block.text[max(0, d.start - 8):d.start]}",
                      fix=[FixEdit(d.block, d.start, end, expected)], fix_description=desc, fix_safe=safe,
                      # (202511日, 20251月1日: no writer types these; copies of web pages lose 年 and 月 — the same
                      # store has held two crawls of one page, one with them and one without: a note, not a warning)
                      severity="info" if form in _LOSSY_FORMS else None)


_LOSSY_FORMS = frozenset({"no_marks", "no_year_mark"})
_OPENS = {"“": "”", "《": "》"}


def _quoted(d) -> bool:
    """Is the date inside a quotation or a document's title of its sentence (“…”, 《…》, closed within 120
    characters after it, or the text ending inside it)?"""
    text = d.block.text
    before = text[max(0, d.start - 80):d.start]
    for opening, closing in _OPENS.items():
        i = before.rfind(opening)
        if i < 0 or closing in before[i:] or any(c in before[i:] for c in "。；;\n"):
            continue
        after = text[d.end:d.end + 120]
        j = after.find(closing)
        if j < 0 and d.end + len(after) == len(text.rstrip()):
            j = len(after)  # the text ends inside the quotation (a copy cut there)
        if j >= 0 and not any(c in after[:j] for c in "。；;\n"):
            return True
    return False


# -- DL404 ------------------------------------------------------------------------------------

class MixedDateFormsOptions(KindOptions):
    include_metadata: bool = Field(default=False, description="统计网页元数据行（发布日期、撰写时间等）中的日期")
    min_minority: int = Field(default=1, ge=1, description="少数写法至少出现几次才报告")


@register
class MixedDateForms(Kind[MixedDateFormsOptions]):
    name = "mixed-date-forms"
    Options = MixedDateFormsOptions
    params = frozenset({"forms", "count", "majority", "minority", "date"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        dates = report.dates
        if len({_form(d) for d in dates if d.form not in _SLIPS}) < 2:
            return  # one form at most, whichever dates are left out below (most reports): nothing mixed
        urls: dict[int, list[tuple[int, int]]] = {}
        used: list[tuple[DateMention, str]] = []
        old = None  # (before GB/T 9704-2012 a 成文日期 in Chinese numerals, 二〇一〇年一月十九日, was the standard beside the
        # text's Arabic dates: no mixing)
        for d in dates:
            if _in_url(d, urls):
                continue
            if not self.options.include_metadata and _is_meta(report, d):
                continue
            if d.form not in _SLIPS:  # a slip in one date (DL403), not a way of writing them
                form = _form(d)
                if form == "cn" and (old if old is not None else (old := _before_gbt_2012(report))):
                    continue
                used.append((d, form))
        counts = Counter(f for _, f in used)
        if len(counts) < 2:
            return
        first_seen: dict[str, int] = {}
        for i, (_, f) in enumerate(used):
            first_seen.setdefault(f, i)
        # the form to unify on: the standard one when the report uses it at all (DL403 reports every other), else
        # the most frequent (the first seen of those tied)
        top = max(counts.values())
        tied = [f for f in counts if counts[f] == top]
        majority = "gbt" if "gbt" in counts else min(tied, key=lambda f: first_seen[f])
        minority_total = sum(c for f, c in counts.items() if f != majority)
        if minority_total < self.options.min_minority:
            return
        sig = report.signature_mention
        # pointed at the first date in another form; not the 落款's, which DL402 reports (one finding on a span)
        d0, f0 = next(((d, f) for d, f in used if f != majority and d is not sig), (None, ""))
        if d0 is None:
            return  # only the 落款 is written otherwise: DL402 says so
        order = sorted(counts, key=lambda f: (-counts[f], first_seen[f]))
        forms = "、".join(f"{FORM_SHORT[f]}{counts[f]}处" for f in order)
        yield Hit(block=d0.block, start=d0.start, end=d0.end,
                  params={"forms": forms, "count": len(counts), "majority": FORM_SHORT[majority],
                          "minority": FORM_SHORT[f0], "date": d0.raw},
                  evidence={"expected": FORM_SHORT[majority], "actual": forms,
                            "counts": {f: counts[f] for f in order},
                            "first_minority": {"date": d0.raw, "form": f0}},
                  key="mixed:" + ",".join(sorted(counts)))


# -- DL405 / DL408 ----------------------------------------------------------------------------

DeadlineClass = Literal["department", "government", "township"]
CLASS_NAMES = {"department": "县级以上人民政府部门", "government": "县级以上地方人民政府",
               "township": "乡镇人民政府、街道办事处"}


def _before_gbt_2012(report: AnnualReport) -> bool:
    """Whether the report was written before GB/T 9704-2012 took effect (2012-07-01: reports of 2011 and before), when
    GB/T 9704-1999 had dates written in Chinese numerals (二〇一〇年一月十九日): that form is no defect there."""
    return report.year is not None and report.year <= 2011


REVISED_YEAR = 2019  # the first report year due under the revised 《条例》 (第四十九条; before it 第三十一条: 3月31日)


STAMP_REACH_DAYS = 365  # a page's unlabelled date later than this after the deadline is no publication date


class LatePublicationOptions(KindOptions):
    classes: list[DeadlineClass] = Field(default_factory=lambda: list[DeadlineClass](["department", "government"]),
                                         description="本规则检查的机关类别（期限在配置 deadlines 中）")


@register
class LatePublication(Kind[LatePublicationOptions]):
    name = "late-publication"
    Options = LatePublicationOptions
    params = frozenset({"deadline", "published", "days", "source", "class_name", "note", "basis"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        agency = report.agency
        # a zone named bare (某某经济开发区, 某某港保税区: no kind of its own) publishes through its managing body (管委会)
        bare_zone = agency.kind is None and is_zone_body(agency.name)
        cls = "department" if bare_zone else deadline_class(agency.kind)
        if cls is None or cls not in self.options.classes:
            return
        year = report.year
        published = report.published
        if year is None or published is None:
            return
        deadline = self._deadline(cls, year)
        if published <= deadline:
            return
        if report.published_source == "页面日期" and (published - deadline).days > STAMP_REACH_DAYS:
            return  # an unlabelled date years after: the page's (a copy, an aggregator's post), not the publication
        # a development zone's body (管委会): 第四十九条 names neither it nor its zone, so whether the department's
        # deadline holds is not settled (spec: UNCONFIRMED → a warning); after the government's it is late either way
        # (a kind set in the configuration is the user's word: its deadline holds; a name given with --agency is not)
        zone = cls == "department" and not report.overrides.agency_kind and is_zone_body(agency.name)
        note, severity = "", self.config.deadlines.township_severity if cls == "township" else None
        if zone and "government" in self.options.classes:
            later = self._deadline("government", year)
            if published <= later:
                note = (f"；但开发区、新区的管理机构不是该条列明的机关，是否适用部门的期限未经核实（按县级以上地方人民政府的"
                        f"期限{ymd(later)}则未迟），请按本地规定核对")
                severity = "warning"
            else:
                cls, deadline = "government", later
                note = "；开发区、新区的管理机构的期限未见明文，此处按部门和县级以上地方人民政府两个期限中较晚的一个计算"
        unsettled = UNSETTLED_DEADLINE.get(agency.kind or "") if cls == "department" else None
        if unsettled is None and cls == "department" and agency.kind == "department" and agency.name \
                and NOT_A_DEPARTMENT.search(agency.name):
            unsettled = NOT_A_DEPARTMENT_NOTE  # 某某档案馆, 某某县残联: not a department either
        if unsettled is not None:  # a vertically managed branch, a department's unit: not named by the article
            note, severity = f"；但{unsettled}，请按上级机关的规定核对", "warning"
        why = rest_day(deadline)
        moved = next_working_day(deadline) if why is not None else None
        if moved is not None and published <= moved:  # (the deadline a rest day: the next working day, not settled)
            span = holiday_span(deadline)
            what = f"{why}（{ymd(span[0])}至{ymd(span[1])}放假）" if span else why
            note += (f"；但{ymd(deadline)}是{what}：期限的最后一日是休息日的，按计算期间的通例顺延至其后第一个工作日"
                     f"{ymd(moved)}（参照《民法典》第二百零三条），据此不算迟；《条例》对此没有明文，请按本级政府信息公开工作"
                     "主管部门的口径核对")
            severity = "warning" if severity in (None, "error") else severity  # (never above a township's own)
        if (published - deadline).days > 365 and report.published_source != "落款日期":
            # a page re-published when its site moved keeps the move's date: too unsure for an error
            note += "；迟了一年以上：页面上的日期可能是网站改版、迁移时重新发布的日期，请核对首次公布的日期"
            severity = "warning"
        if report.published_source == "页面日期":
            note += stamp_note("页面日期")
            severity = "warning"
        elif (report.published_source in ("发布日期", "网页元数据") and report.title and has_spam_term(report.title)
              and not any(s.label.replace(" ", "") == "索引号" for s in report.portal.spans)):
            # (a hijacked mirror; an official catalogue page, 索引号 and all, whose text was tampered with keeps its date)
            note += ("；网页标题带有赌博推广的字样（DL501），这是被篡改或转载的页面，它的发布日期不一定是报告首次公布的日期，"
                     "请对照发布原文核对")
            severity = "warning"
        elif report.published_source == "发布日期" and report.portal.reposted is not None:
            note += (f"；网页的来源栏写着“{report.portal.reposted.value}”，这是转发的页面，它的发布日期是转发的日期，"
                     "不一定是报告首次公布的日期，请核对")
            severity = "warning"
        elif report.published_source == "发布日期" and agency.kind not in AREA_KINDS \
                and (office := report.portal.posted_by_office) is not None:
            # (a government's own report posted by its office is its own publication: the note is for other bodies)
            note += (f"；网页的{office.label.replace(' ', '')}是“{office.value}”，不是本机关：这是政府办公室代为发布的页面，它的发布日期是"
                     "办公室发布的日期，报告可能已先在本机关的网站公布，请核对")
            severity = "warning"
        if agency.source == "voice":  # no name anywhere: the kind read from the word the report calls itself by
            note += f"；报告没有写明机关名称，这里按正文自称“我{agency.word}”把它当作{CLASS_NAMES[cls]}，请核对"
            severity = "warning" if severity in (None, "error") else severity
        if inferred_note(report):  # the year inferred from the opening, not stated in a title or a period
            note += inferred_note(report)
            severity = "warning"
        source = report.published_source or "落款日期"
        mention = published_at(report)
        days = (published - deadline).days
        yield Hit(block=mention.block if mention else None, start=mention.start if mention else None,
                  end=mention.end if mention else None,
                  params={"deadline": ymd(deadline), "published": ymd(published), "days": days,
                          "source": source_name(source), "class_name": CLASS_NAMES[cls], "note": note,
                          "basis": "《条例》第四十九条" if year >= REVISED_YEAR else "2019年修订前的《条例》第三十一条"},
                  evidence={"expected": f"不晚于{ymd(deadline)}", "actual": ymd(published),
                            "deadline": deadline.isoformat(), "published": published.isoformat(),
                            "days_late": days, "source": source, "deadline_class": cls,
                            "agency_kind": agency.kind, "report_year": year,
                            **({"development_zone": True} if zone else {}),
                            **({"deadline_rest_day": why, "next_working_day": moved.isoformat()}
                               if moved is not None and published <= moved else {}),
                            **({"deadline_unsettled": KIND_NAMES[agency.kind or ""]} if unsettled else {})},
                  key=f"late:{year}:{cls}", severity=severity)

    def _deadline(self, cls: str, year: int) -> _dt.date:
        """The deadline of a class for a report year (in the year after it); for a report of 2018 or before, 3月31日
        for every body at the earliest (the 2007 《条例》 第三十一条, in force until the revision of 2019-05-15)."""
        try:
            got = _mmdd(getattr(self.config.deadlines, cls), year + 1)
        except ValueError:  # 02-29 in a common year
            got = _mmdd("03-01", year + 1) - _dt.timedelta(days=1)
        return got if year >= REVISED_YEAR else max(got, _dt.date(year + 1, 3, 31))


# A run of digits between two Chinese characters, with what stands either side of it (spaces or nothing).
_DIGIT_RUN = re.compile(r"[\u4e00-\u9fff](?P<a>[ \t]*)[0-9]+(?P<b>[ \t]*)(?=[\u4e00-\u9fff])")
SPACED_COPY_MIN = 5  # runs
SPACED_COPY_SHARE = 0.8


def spaced_digits_copy(report: AnnualReport, skip: Block | None = None) -> bool:
    """Whether the report's text sets its digits off from Chinese by spaces throughout — ``统计期限自 2023 年 1 月 1 日``,
    ``申请 17 件``: the marks of a text copied from a PDF (pdftotext puts a space between every run of digits and
    Chinese; a PDF reader joins them), not of the report.  At least :data:`SPACED_COPY_MIN` runs of digits between
    Chinese characters are spaced on both sides, and :data:`SPACED_COPY_SHARE` of all such runs (the block ``skip``
    — the one whose spaces are in question — not counted)."""
    spaced = total = 0
    for b in report.lintable_blocks:
        if b is skip or not b.text:
            continue
        for m in _DIGIT_RUN.finditer(b.text):
            total += 1
            if m.group("a") and m.group("b"):
                spaced += 1
    return spaced >= SPACED_COPY_MIN and spaced >= SPACED_COPY_SHARE * total


# -- DL407 ------------------------------------------------------------------------------------

class DateAfterPublicationOptions(KindOptions):
    future_words: list[str] = Field(
        default_factory=lambda: ["将", "拟", "计划", "预计", "力争", "争取", "确保", "预定", "下一步", "届时",
                                 "有效期", "期限", "定于", "拟于"],
        description="同一分句中出现在日期之前时视为计划或期限、不报告的词")
    future_suffixes: list[str] = Field(
        default_factory=lambda: ["前", "之前", "以前", "起", "开始", "以后", "之后", "施行", "实施", "生效"],
        description="紧跟在日期之后时视为计划或期限、不报告的词（施行、实施、生效须在分句末尾）")


_CLAUSE_VERBS = ("施行", "实施", "生效")
_CLAUSE_ENDS_HERE = r"(?=\s*(?:[，,。；;！!？?）)\n]|$))"


@register
class DateAfterPublication(Kind[DateAfterPublicationOptions]):
    name = "date-after-publication"
    Options = DateAfterPublicationOptions
    params = frozenset({"date", "published", "source"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        words = [re.escape(w) for w in options.future_words if w]
        self._future = re.compile("|".join(words)) if words else None
        # a verb (施行, 实施, 生效) only when it ends the clause: 定于2024年2月1日施行。, not 2024年2月5日实施检查
        sufs = sorted((re.escape(s) + (_CLAUSE_ENDS_HERE if s.endswith(_CLAUSE_VERBS) else "")
                       for s in options.future_suffixes if s), key=lambda w: (-len(w), w))
        self._suffix = re.compile(r"\s*(?:%s)" % "|".join(sufs)) if sufs else None  # noqa: UP031 - a regex: % keeps braces literal

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        published = report.published
        if published is None or report.published_source == "成文日期":
            return  # (the document's date: the publication may be later than the dates after it)
        if report.year is not None and published.year <= report.year:
            return  # (a 落款 of 2015年3月15日 on the 2015 report: the date is the slip, DL406 says so — not the text's)
        pm = report.published_mention
        source = report.published_source or "落款日期"
        sig = report.signature_mention
        urls: dict[int, list[tuple[int, int]]] = {}
        for d in report.dates:
            if d.date is None or d.date <= published or d is pm or d is sig:
                continue
            if _in_url(d, urls) or _is_meta(report, d):
                continue
            if self._suffix is not None and self._suffix.match(d.block.text, d.end):
                continue
            if self._future is not None:
                text = d.block.text
                lo = max(0, d.start - 40)
                clause = text[lo:d.start]
                cut = max((m.end() for m in _CLAUSE_END.finditer(clause)), default=0)
                if self._future.search(clause[cut:]):
                    continue
            yield Hit(block=d.block, start=d.start, end=d.end,
                      params={"date": d.raw, "published": ymd(published), "source": source_name(source)},
                      evidence={"expected": f"不晚于{ymd(published)}", "actual": d.raw,
                                "published": published.isoformat(), "source": source},
                      key=f"after:{d.raw}@{d.block.text[max(0, d.start - 8):d.start]}")

