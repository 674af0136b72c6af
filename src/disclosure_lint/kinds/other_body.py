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


_KIND_WORDS = re.compile(r"人民政府|政府|办事处|管理委员会|委员会|管委会|[局委办厅院所站处室]$")


def _other_signer(own: str, signed: str) -> bool:
    """Whether the 落款's body ``signed`` is plainly another body than the report's ``own``: not its own nor part of it
    (:func:`..report.agency.same_body`), or of its kind but with nothing of its name in common once the place they share
    is left out (某某区投资促进局 / 某某区国有资产管理局) — a name shortened (住房和城乡建设局 / 住建局) or lengthened
    (教育局 / 教育体育局) keeps a remainder too short to tell, and is never reported."""
    if own == signed or signed in own or own in signed:
        return False
    if not same_body(own, signed):
        return True
    n = 0
    while n < min(len(own), len(signed)) and own[n] == signed[n]:
        n += 1
    a, b = _KIND_WORDS.sub("", own[n:]), _KIND_WORDS.sub("", signed[n:])
    if len(a) < 2 or len(b) < 2:
        return False
    return not ({a[i:i + 2] for i in range(len(a) - 1)} & {b[i:i + 2] for i in range(len(b) - 1)})


@register
class SignatureOtherBody(Kind[KindOptions]):
    """``signature-other-body`` (DL306): the 落款 signs the report with another body's name than the one whose report
    it is (its title's or the configuration's): another body's report or template kept, its 落款 not changed."""

    name = "signature-other-body"
    params = frozenset({"named", "who"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        agency = report.agency
        own = (agency.name or "").strip()
        signed = report.signature_agency
        d = report.signature_mention
        if agency.source not in ("title", "config") or not own or agency.kind is None or not signed or d is None:
            return
        if not _other_signer(own, signed) or (agency.office is not None and not _other_signer(agency.office, signed)):
            return
        blocks = [d.block, *(b for b in reversed(report.text_blocks[:d.block.index]) if b.text.strip())][:2]
        for b in blocks:  # (the name on the date's line, else on the line before it)
            at = b.text.find(signed)
            if at >= 0:
                yield Hit(block=b, start=at, end=at + len(signed), params={"named": signed, "who": own},
                          evidence={"expected": own, "actual": signed}, key=signed)
                return
