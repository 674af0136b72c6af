"""``other-body-report`` (DL303): the report's opening says it publishes (or compiles) the report of another body
than the one whose report it is — 某某镇's report opening with 现公布某某县民族宗教事务局2025年度政府信息公开工作年度报告, a
township's with 现公布某某县人民政府2022年…年度报告: the opening of another body's report, or its template, kept.

Only a body of another kind that is not inside the report's own is reported (:func:`..report.agency.same_body`): the
names of one body vary (某某区行政审批局 / 某某市某某区行政审批服务局: the same kind is never reported), a government's
office publishes the government's report, and a body's office or unit compiles the body's.  The report's own body
must be known from its title, its 落款 or the configuration; a sentence naming a report of another year is left to
the year checks.  One finding per report, at the first such sentence of its opening.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..report.agency import same_body
from ..report.agency_opening import named_report
from ..report.year import opening_prose
from . import register
from .base import Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

_KNOWN = ("title", "signature", "config")  # where the report's own body was read from


@register
class OtherBodyReport(Kind[KindOptions]):
    name = "other-body-report"
    params = frozenset({"named", "who"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        agency = report.agency
        own = (agency.name or "").strip()
        if agency.source not in _KNOWN or not own or agency.kind is None:
            return
        for b in opening_prose(report):
            got = named_report(b.text)
            if got is None:
                continue
            name, year, start, end = got
            if (year is not None and report.year is not None and year != report.year) or same_body(own, name) \
                    or (agency.office is not None and same_body(agency.office, name)) or _names_own(own, name):
                continue
            yield Hit(block=b, start=start, end=end, params={"named": name, "who": own},
                      evidence={"expected": own, "actual": name, "sentence_year": year}, key=name)
            return


_BRACKETED = re.compile(r"[（(]([^（()）]{2,20})[）)]")


def _names_own(own: str, name: str) -> bool:
    """Whether the name holds the report's own body in brackets (黄山市政府(市交通运输局) in 黄山市交通运输局's report: the
    body named with its government, not another body's report)."""
    for m in _BRACKETED.finditer(name):
        inner = m.group(1).strip()
        if same_body(own, inner) or (len(inner) >= 4 and own.endswith(inner.lstrip("市县区省"))):
            return True
    return False
