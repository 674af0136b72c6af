"""``outdated-part-list`` (DL117): the opening of a report written in a unified format (2019 on) lists among the
report's parts one of the format before it — ``本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的
收费及减免情况…组成`` in a report on 2022: the preface of an old report (the 2008 model's parts: 咨询处理, 收费及减免,
不予公开政府信息情况, 申诉) kept, which no longer describes the report.

Only a sentence of the opening (its first prose blocks, the page's fields aside) that says what the report holds
(本报告/全文/年报 … 由/包括/分为) is read, and only the words up to its end; one finding a report, at the first old part.
Without such a sentence, a numbered title that is one of the old parts (（五）政府信息公开收费及减免情况: the report
written to the old outline) is reported so, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..report.year import opening_prose
from . import register
from .base import Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

# what says the report's parts follow: 本报告由…, 全文包括…, 本年报分为…, 报告主要包括以下内容:
_LEAD = re.compile(r"(?:报告|全文|年报)[^。；;！？\n]{0,24}?(?:由|包括|包含|分为|共分|涵盖)")
_REACH = 320  # characters of the sentence after its lead read
_SCAN = 4000  # characters of each opening block looked at (a flattened page's opening is one block: the list is early)
_END = re.compile(r"[。！？\n]")
# the old format's parts (国办 2008 model), as openings write them, each with the name the message gives it
_OLD = re.compile(
    r"(?P<fee>(?:政府信息公开|信息公开|政务公开)?的?(?:工作人员[、和及]?)?(?:收费(?:及|和|与|、)减免|支出(?:和|与|及|、)收费"
    r"|收费(?:和|与|及|、)支出)(?:情况)?)"
    r"|(?P<ask>(?:政府信息公开)?咨询处理(?:情况)?)"
    r"|(?P<refuse>(?:和|及)?不予公开(?:政府)?信息(?:的)?情况)"
    r"|(?P<appeal>(?:行政复议|行政诉讼)[、和及]*(?:行政诉讼)?[、和及]*(?:举报)?申诉(?:情况)?)")
_OLD_NAMES = {"fee": "政府信息公开的收费及减免情况", "ask": "咨询处理情况",
              "refuse": "依申请公开政府信息和不予公开政府信息的情况", "appeal": "行政复议、行政诉讼和申诉情况"}
_NEW_PART = {"fee": "统一格式没有这一部分（收取信息处理费的情况在“其他需要报告的事项”中报告）",
             "ask": "统一格式没有这一部分", "refuse": "统一格式的第三部分是“收到和处理政府信息公开申请情况”",
             "appeal": "统一格式的第四部分是“政府信息公开行政复议、行政诉讼情况”，没有申诉"}


@register
class OutdatedPartList(Kind[KindOptions]):
    name = "outdated-part-list"
    params = frozenset({"where", "written", "old", "now"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        if not report.structure.applies:
            return  # (a report before the unified format, or of an unknown year: the old parts were its own)
        for b in opening_prose(report):
            text = b.text[:_SCAN]
            if "报告" not in text and "全文" not in text and "年报" not in text:
                continue
            read = 0  # where the sentences read so far end: a lead inside one is not read again
            for lead in _LEAD.finditer(text):
                if lead.start() < read:
                    continue
                end = _END.search(text, lead.end(), lead.end() + _REACH)
                read = stop = end.start() if end is not None else min(len(text), lead.end() + _REACH)
                m = _OLD.search(text, lead.end(), stop)
                if m is None:
                    continue
                which = m.lastgroup or "fee"
                written = m.group().lstrip("和及")
                start = m.end() - len(written)
                yield Hit(block=b, start=start, end=m.end(),
                          params={"where": "开头介绍本报告的组成时列出了", "written": written, "old": _OLD_NAMES[which],
                                  "now": _NEW_PART[which]},
                          evidence={"expected": "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                                                "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项",
                                    "actual": written}, key=f"old:{which}",
                          about=("report-format",))  # (a report DL103 finds written the old way: left to it)
                return
        hit = _old_heading(report)
        if hit is not None:
            yield hit


# a numbered title (五、 （五） 4.) whose words are one of the old parts: (五)政府信息公开收费及减免情况, 四、政府信息公开的收费及
# 减免情况, 六、政府信息公开收费及减免情况。我局… (its text run in after the title's 。)
_NUMBERED = re.compile(r"[#\s]*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[、.．])\s*")
_TITLE_END = re.compile(r"\s*(?:[。：:]|$)")
_OLD_WORDS = ("收费", "咨询处理", "申诉")


def _old_heading(report: AnnualReport) -> Hit | None:
    """The first numbered title naming an old part (the report's own outline is the old format's), or None."""
    prose = report.prose_text
    if not any(w in prose for w in _OLD_WORDS):
        return None
    for b in report.text_blocks:
        if not any(w in b.text[:60] for w in _OLD_WORDS):
            continue
        lead = _NUMBERED.match(b.text)
        if lead is None:
            continue
        m = _OLD.match(b.text, lead.end(), lead.end() + 40)
        if m is None or m.lastgroup is None or _TITLE_END.match(b.text, m.end()) is None:
            continue
        which = m.lastgroup
        written = b.text[lead.end():m.end()]
        return Hit(block=b, start=lead.end(), end=m.end(),
                   params={"where": "标题写作", "written": written, "old": _OLD_NAMES[which], "now": _NEW_PART[which]},
                   evidence={"expected": "统一格式的六个部分及其栏目", "actual": written}, key=f"old-title:{which}",
                   about=("report-format",))
    return None
