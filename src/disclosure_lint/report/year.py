"""The report year: the one the title names — or, when the title's year is a slip, the one the report's
own content establishes.

``AnnualReport.year_decision`` is a :class:`YearDecision`.  The year is taken, in this order, from

1. ``--year`` or the configuration (source ``config``);
2. the title (``title``) — unless the content outvotes it (below);
3. the statistics period, when the title names no year (``period``).

**The title outvoted** (source ``content``).  A clerk who copies last year's title, or types 2020 for
2021, leaves the rest of the report right; every rule that reads the year then blames the correct parts
(the period "should be 2020", the tables "should be in the 2019 format", the report is "362 days late").
The title's year gives way only when the evidence against it is clear, all of:

* the statistics period names another year P (``统计期限为P年1月1日至12月31日``);
* the report was published in P+1 (``发布日期``, the page's metadata or the 落款 date) — for the title's
  year that date would be a year late, or inside the year reported on;
* the statistics tables do not contradict P: when the title's year and P call for different unified
  formats (2019 trial format for 2019–2020, 2021 format from 2021), labels only P's format has are found
  and none only the other's; when both call for the same format the tables say nothing;
* the prose names P more often than the title's year, and at least twice (``2021年`` / ``2021年度``, dates
  included; the title and the portal's fields not counted).

``year-mismatch`` (DL406) then names the title's year as the slip, and the other rules use P.  In every
other case (a period copied from last year's report under a correct title — published in the title's
year+1 — or too little evidence) the title's year stands and the period is the one reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import catalogue as cat

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

# table labels only one unified format has (the other format's tables are DL109's)
ONLY = {
    cat.V2021: ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                "申请人无正当理由逾期不补正", "逾期未按收费通知要求缴纳费用"),
    cat.V2019: ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增（减）",
                "政府集中采购", "采购总金额"),
}
_YEAR = re.compile(r"(?<![\d.\-/])((?:19|20)\d{2})\s*年")
MIN_MENTIONS = 2


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class YearDecision:
    """The report's year, where it was taken from, and what the title, period and content said."""

    year: int | None
    source: str  # config | title | content | period | none
    title_year: int | None = None
    period_year: int | None = None
    # what the content says when it outvotes the title (source "content"): published, tables, mentions
    evidence: dict = field(default_factory=dict)

    @property
    def outvoted_title(self) -> bool:
        return self.source == "content"


def decide(report: AnnualReport) -> YearDecision:
    t, p = report.title_year, report.period_year
    if report.overrides.year:
        return YearDecision(report.overrides.year, "config", t, p)
    if t is None:
        return YearDecision(p, "period" if p else "none", t, p)
    if p is None or p == t:
        return YearDecision(t, "title", t, p)
    evidence = content_evidence(report, t, p)
    if evidence is None:
        return YearDecision(t, "title", t, p)
    return YearDecision(p, "content", t, p, evidence)


def content_evidence(report: AnnualReport, t: int, p: int) -> dict | None:
    """What shows that the report is about year ``p`` and not the title's ``t`` (None: not clear enough)."""
    published = report.published
    if published is None or published.year != p + 1:
        return None
    vt, vp = cat.format_version_for_year(t), cat.format_version_for_year(p)
    tables = None
    if vt != vp:
        found = _format_labels(report)
        if vp not in found or vt in found:
            return None
        tables = vp
    mentions = _mentions(report)
    if mentions.get(p, 0) < MIN_MENTIONS or mentions.get(p, 0) <= mentions.get(t, 0):
        return None
    return {"period": p, "published": published.isoformat(), "published_source": report.published_source,
            "tables": tables, "mentions": {str(p): mentions.get(p, 0), str(t): mentions.get(t, 0)}}


def _format_labels(report: AnnualReport) -> set[str]:
    """The unified formats whose own table labels appear in the document."""
    found: set[str] = set()
    for b in report.lintable_blocks:
        text = b.text
        for version, labels in ONLY.items():
            if version not in found and any(x in text for x in labels):
                found.add(version)
    return found


def _mentions(report: AnnualReport) -> dict[int, int]:
    """How often each year is named in the prose (title and portal fields not counted)."""
    skip = {id(report.title_block), id(report.title_prefix_block), id(report.title_suffix_block)}
    portal = report.portal
    out: dict[int, int] = {}
    for b in report.text_blocks:
        if id(b) in skip or portal.is_line(b):
            continue
        for m in _YEAR.finditer(b.text):
            if portal.covering(b, m.start(), m.end()) is not None:
                continue
            y = int(m.group(1))
            out[y] = out.get(y, 0) + 1
    return out
