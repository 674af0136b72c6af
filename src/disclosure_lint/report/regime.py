"""Reports of another disclosure regime than the 条例's: a school's own annual report, a public enterprise's.

Universities and schools publish an 信息公开年度报告 too, under 《高等学校信息公开办法》 (教育部令第29号), for an
academic year (统计期限为2023年9月1日到2024年8月31日) and in parts of their own (概述, 对学校信息公开的评议情况 …).
It is not a government body's report: the unified format, the calendar year and the deadlines do not apply.  A
directory run skips it (:mod:`.candidate`), and its year is not read (:mod:`.year`), so that no check of the
government format runs on a file named on the command line either.

A public enterprise (a power supply company, a water or gas supplier, a bus company) publishes a 信息公开年度报告 too,
under the rules for its trade (《供电企业信息公开实施办法》, 《公共企事业单位信息公开规定制定办法》), in parts of its own
(概述, 回应解读情况, 举报投訴情况 …): no government body's report either, and skipped the same way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..readers.script import strip_glosses

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

# what the opening of a school's report says of itself: the regulation it follows, or its academic year
# (学校信息公开 only as the report's own name: an education bureau's report may speak of its schools' disclosure)
_SCHOOL = re.compile(r"高等学校信息公开办法|高校信息公开(?:工作)?年度报告|学校信息公开(?:工作)?年度报告|教育部令第?29号"
                     r"|(?:19|20)\d{2}\s*[-—–~～至]\s*(?:19|20)\d{2}\s*学年")
_WORDS = ("高等学校", "高校信息公开", "学校信息公开", "29号", "学年")  # one of them in every match of _SCHOOL
_HEAD_BLOCKS = 6
_HEAD_CHARS = 2000


def school_report(report: AnnualReport) -> str | None:
    """The words by which the title or the opening paragraphs say the file is a school's own disclosure report
    (``高等学校信息公开办法``, ``2022-2023学年``), or None — never for a report titled a 政府信息公开 report."""
    if report.title and "政府信息公开" in report.title:
        return None
    head = "\n".join(b.text for b in report.text_blocks[:_HEAD_BLOCKS])[:_HEAD_CHARS]
    if not any(w in head for w in _WORDS):
        return None  # (str's search first: every match holds one of them, and almost no report does)
    m = _SCHOOL.search(head)
    return m.group(0) if m else None


# what the opening of a public enterprise's report says of itself: the rules of its trade it follows (根据供电企业信息公开工作
# 有关要求, 按照《公共企事业单位信息公开规定制定办法》) — not a government report's mention of the enterprises it oversees
# (推进公共企事业单位信息公开: a bureau's work, read only where the opening is not a 政府信息公开 report's)
_ENTERPRISE = re.compile(r"(?:供电|供水|供气|燃气|供热|公交|电信|邮政)企业信息公开|公共企事业单位信息公开(?:规定制定)?办法")


def enterprise_report(report: AnnualReport) -> str | None:
    """The words by which the opening says the file is a public enterprise's own disclosure report (``供电企业信息公开``),
    or None — never for a report whose title or opening calls it a 政府信息公开 report."""
    if report.title and "政府信息公开" in report.title:
        return None
    head = "\n".join(b.text for b in report.text_blocks[:_HEAD_BLOCKS])[:_HEAD_CHARS]
    if "企" not in head:
        return None
    head = strip_glosses(head)  # (a content farm's copy: 供電企業(yè)信息公開)
    m = _ENTERPRISE.search(head)
    if m is None or "政府信息公开" in head[:300]:
        return None
    return m.group(0)


def other_regime(report: AnnualReport) -> str | None:
    """:func:`school_report` or :func:`enterprise_report`: the words that show the report is of another regime."""
    return school_report(report) or enterprise_report(report)
