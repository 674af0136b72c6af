"""The 落款 itself: ``missing-signature`` (DL410), a report that ends without the agency's name and date.

The date of the 落款 is the report's 成文日期: without it, and without a publication date the page prints
(``report.published``: the 发布日期 line or the page's metadata), the deadline of 《条例》第四十九条 cannot be
checked (DL405/DL408 stay silent) and nothing said so.  A warning, not an error: portals often print the date
in their own header rather than under the text.

Not reported:

* a file that ends early (``report.truncation``, DL002) or that the reader stopped reading (``cut_by_reader``),
  and a portal page whose report is in its attachment: the end of the report was not read;
* a 落款 date the date rules read (``report.signature_mention``), and any date-like ending of one of the last
  blocks — a date the other rules report in its own way (``2024年1月``, ``2024年1月20``: DL402; ``2024年  月  日``,
  ``2024年X月X日``: DL502) or a 落款 joined to the last sentence by a flattened crawl
  (``…已全部落实。青禾市某某局2024年1月20日``) or to the attachment after it (``二○一二年二月二十日 附件1：…``);
* a report that ends with a picture (a seal or a signature published as an image);
* a text not recognised as an annual report of the unified shape (fewer than three of its parts found).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..report.agency import classify
from ..report.annual import AnnualReport
from ..report.truncation import cut_by_reader
from . import register
from .base import Hit, Kind, KindOptions

# a line that ends with something date-like: a year (digits, 汉字 digits, XX) and at most a dozen characters
# without a sentence's end after it (年1月20, 年  月  日, 年一月二十日), a blank 年 月 日, or a dashed/dotted date
_END_DATE = re.compile(
    r"(?:(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}|(?:19|20)?[Xx×＊*]{2,4})\s*年[^。！？；;!?\n]{0,12}"
    r"|年[ \u3000\xa0]*月[ \u3000\xa0]*日"
    r"|(?:19|20)\d{2}\s*[-./／]\s*\d{1,2}(?:\s*[-./／]\s*\d{1,2})?)"
    r"[\s|)）]*$")
# a 落款 date a flattened crawl joined to the attachment that follows it (…二○一二年二月二十日 附件1：…统计表 …)
_DATE_THEN_ATTACHMENT = re.compile(
    r"(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年[^。！？；;!?\n]{1,8}日[\s|)）]*附[件表]")
_TAIL = 6  # the last blocks searched (those of AnnualReport.signature_tail, plus the tables among them)
_LINE_CAP = 80  # only the end of a long line is looked at


def _ends_with_date(text: str) -> bool:
    return (any(_END_DATE.search(line[-_LINE_CAP:]) for line in text.splitlines() if line.strip())
            or _DATE_THEN_ATTACHMENT.search(text) is not None)


def _agency_line(text: str) -> str | None:
    """The agency's name when ``text`` is nothing else (the first half of a 落款 without its date)."""
    name = text.strip().lstrip("#").strip().strip("*_").strip()
    if not name or len(name) > 40 or re.search(r"[，。；;！？!?]", name):
        return None
    return name if classify(name)[0] is not None else None


# a last paragraph that stops after a comma and a few words, no end mark: cut inside a clause, not a text that ended
_MID_CLAUSE = re.compile(r"[，,、；;][^，,、；;。！？!?：:\n“”《》]{1,12}[\u4e00-\u9fff]$")
# … or after a longer clause that is not an agency's name (…、开阳高速开平段扩建工程主线及月山互通连接线工程全面)
_LONG_CLAUSE = re.compile(r"[，,、；;]([\u4e00-\u9fff]{14,41})$")  # words only: not a flattened table's 行政诉讼数 件 0 0


def _long_clause_cut(text: str) -> bool:
    m = _LONG_CLAUSE.search(text.rstrip())
    return m is not None and classify(m.group(1))[0] is None


# … or a numbered point begun and stopped on a word with no mark after it (六、其他需要报告的事项 / （一）通过信用网依法公):
# the point's text, and the 落款 after it, cut off — not （一）本年度未收取信息处理费。 nor a last line of its own
_POINT_CUT = re.compile(r"^\s*[（(](?:[一二三四五六七八九十]{1,2}|\d{1,2})[）)][^。！？!?；;：:]{2,40}[\u4e00-\u9fff]$")


@register
class MissingSignature(Kind[KindOptions]):
    """A report that ends without its 落款 (the agency's name and the date)."""

    name = "missing-signature"
    Options = KindOptions
    params = frozenset({"missing", "consequence"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        if report.signature_mention is not None or report.truncation is not None:
            return
        st = report.structure
        # a whole report: three of the format's parts, or (free text, DL103's) three numbered parts of its own that end
        # with the format's last, 其他需要报告的事项 (an excerpt cut before its end reaches none of these)
        whole = len(st.by_id) >= 3 or (len({s.number for s in st.mains if s.number is not None}) >= 3
                                       and st.mains[-1].id == "s6")
        if not whole or report.attachment_page is not None or cut_by_reader(report):
            return
        portal = report.portal
        last = [b for b in report.lintable_blocks[-(_TAIL + 10):] if not portal.is_line(b)][-_TAIL:]
        if not last or last[-1].kind == "image":
            return
        if any(_ends_with_date(b.text) for b in last if b.kind != "image"):
            return
        end = last[-1]
        if end.kind != "table" and (_MID_CLAUSE.search(end.text.rstrip()) or (
                len(end.text) <= 60 and _POINT_CUT.match(end.text.rstrip())) or _long_clause_cut(end.text)):
            return  # …热线账号，安排人员负: the text stops inside a clause (a copy cut in part 六): the 落款 may be after it
        agency = _agency_line(end.text) if end.kind != "table" else None
        if agency is not None:
            missing = f"落款只有机关名称“{agency}”，未找到成文日期"
        else:
            missing = "未找到落款（机关名称和成文日期）"
        if report.published is None:
            consequence = "；也没有找到发布日期（网页的“发布日期”栏或元数据），无法核对是否按期公布（《条例》第四十九条；DL405 未检查）"
            actual = "无落款日期，也无网页发布日期"
        else:
            consequence = ""
            actual = "无落款日期"
        text = end.text
        yield Hit(block=end, start=0, end=len(text), match=text,
                  params={"missing": missing, "consequence": consequence},
                  evidence={"expected": "报告末尾署机关名称和成文日期（如“某某局 2024年1月20日”）", "actual": actual,
                            "agency": agency, "published_source": report.published_source},
                  key="missing-signature")
