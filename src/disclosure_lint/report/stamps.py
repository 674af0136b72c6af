"""The page's date stamp: a date a portal printed near the report's title without a label (``2024-01-26``,
``• 2026-01-27 15:42``, ``2021-02-07 18:07  来源:某某办公厅``, or ending the title's own line:
``某某局2023年政府信息公开工作年度报告 2024-01-28``), above the report's first part.

It is the page's, not the report's: the date rules leave it alone (a stamp after the report year is not a date
"after publication"), and when the page has no labelled 发布日期 and no ``<meta>`` date it is the publication
date (:attr:`.AnnualReport.published`, source ``页面日期``), weaker than a labelled one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..page_lines import SITE_BEFORE_DATE, date_stamp, site_stamp
from .portal_links import TIME_AFTER

if TYPE_CHECKING:
    from . import AnnualReport
    from .dates import DateMention

STAMP_BLOCKS = 30  # blocks at the top where a line of a date alone is the page's stamp
# a date in the form a page's software writes, with its clock time (2021-01-22 08:37): never a clerk's, wherever it stands
# in the first characters of a block at the top
_SOFTWARE_FORMS = frozenset({"iso", "slashed"})
JOINED_REACH = 400
_TOOL_AFTER = re.compile(r"[ \t\u3000]*[【\[]?[ \t\u3000]*(?:字体|字号|打印|关闭|分享|收藏)")  # (the page's tools after its date)
_PAGES = frozenset({"html", "text"})  # the formats a web page is read in (saved, or copied as text)


_LINE_REACH = 400  # characters looked at on each side of a date for its line: a longer line is no stamp's


def _line(d: DateMention) -> tuple[int, str]:
    """The date's line (start, text), cut at :data:`_LINE_REACH` characters on each side: a line of a megabyte with a
    date every ten characters must not be searched once per date."""
    text = d.block.text
    lo = max(0, d.start - _LINE_REACH)
    start = text.rfind("\n", lo, d.start) + 1 or lo
    end = text.find("\n", d.end, d.end + _LINE_REACH)
    return start, text[start:end if end >= 0 else min(len(text), d.end + _LINE_REACH)]


def reposted(report: AnnualReport, d: DateMention) -> bool:
    """Is ``d`` an aggregator's posting date on its line with the site's name (:func:`..page_lines.site_stamp`:
    2012年04月18日17:36 | 某某门户网 www.x.cn), above the report's first part: the page's date, not the report's text?"""
    first = report.first_part
    return (d.block.index < STAMP_BLOCKS and (first is None or d.block.index < first)
            and site_stamp(_line(d)[1]))


def is_stamp(report: AnnualReport, d: DateMention) -> bool:
    """Is ``d`` the page's date stamp (:func:`..page_lines.date_stamp`: on a line of its own, or ending or leading the
    title's line), before the report's first part?"""
    if d.block.index >= STAMP_BLOCKS and d.block is not report.title_block:
        return False
    if d.form in _SOFTWARE_FORMS and d.start <= JOINED_REACH and (
            d.has_time or _TOOL_AFTER.match(d.block.text, d.end)
            or SITE_BEFORE_DATE.search(d.block.text, max(0, d.start - 90), d.start)) \
            and "。" not in d.block.text[:d.start] and (report.first_part is None or d.block.index <= report.first_part) \
            and not reposted(report, d):
        # a date with its clock time, with the page's tools right after it or the site's address right before it, at the
        # head of a page whose lines were joined (…年度报告2021-01-22 08:37今年…, …年度报告2021-01-29【字体:大 中 小】根据…,
        # …年度报告某某市人民政府门户网站 www.x.gov.cn 2023-01-28根据…)
        return True
    start, line = _line(d)
    if d.block is report.title_block and not line[:d.start - start].strip(" \t\u3000•·●-"):
        return True  # a list's date before the title it links (• 2021-02-07导出word某某委2020年…年度报告)
    if d.block is report.title_block or _page_title(report, line[:d.start - start]):
        rest = line[d.end - start:].strip(" \t\u3000)）")
        return not rest or TIME_AFTER.fullmatch(rest) is not None
    first = report.first_part
    return (first is None or d.block.index < first) and date_stamp(line)


def _page_title(report: AnnualReport, head: str) -> bool:
    """Whether ``head``, the text before a date on its line, is the page's own title line above the report's title:
    the end of that title (2025年政府信息公开工作年度报告 ( 2026-01-30 ) over 某某委员会 / 2025年…年度报告)."""
    title = report.title
    head = head.strip().rstrip(" \t\u3000(（").strip()
    return title is not None and len(head) >= 8 and title.endswith(head)


def stamp_mention(report: AnnualReport) -> DateMention | None:
    """The first dated stamp of a page (HTML, or text copied from one): a line of its own or ending the title's, or the unlabelled date a line of
    the portal's fields leads with; None when there is none (a labelled 发布日期 field is
    :attr:`.AnnualReport.published_mention`)."""
    if report.document.format not in _PAGES:
        return None  # a date under a Word or Markdown draft's title is the report's own (its 成文日期), not a posting
    portal = report.portal
    title = report.title_block
    limit = max(STAMP_BLOCKS, title.index + 1 if title is not None else 0)
    for d in report.dates:
        if d.block.index >= limit:
            break
        if d.date is None:
            continue
        span = portal.covering(d.block, d.start, d.end)
        if span is None and is_stamp(report, d):
            return d
        if span is not None and span.kind == "date" and not span.label and span.block.index < STAMP_BLOCKS:
            return d  # a date the portal's line of fields leads with (2021-02-07 18:07  来源:某某办公厅)
    return None
