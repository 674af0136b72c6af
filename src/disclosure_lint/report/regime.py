"""Reports of another disclosure regime than the 条例's: a school's own annual report.

Universities and schools publish an 信息公开年度报告 too, under 《高等学校信息公开办法》 (教育部令第29号), for an
academic year (统计期限为2023年9月1日到2024年8月31日) and in parts of their own (概述, 对学校信息公开的评议情况 …).
It is not a government body's report: the unified format, the calendar year and the deadlines do not apply.  A
directory run skips it (:mod:`.candidate`), and its year is not read (:mod:`.year`), so that no check of the
government format runs on a file named on the command line either.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

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
