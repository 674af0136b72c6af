"""Year kinds (category ``date``): the report's years against each other.

* ``year-mismatch`` (DL406): title year / statistics-period year / publication date inconsistent
  with the report year.  When the report's own content outvotes the title's year (``report.year_decision``,
  see :mod:`disclosure_lint.report.year`), the title's year is the one reported — a warning where the report's title
  is printed again below with the period's year (the line above may be the page's own title).
* ``statistics-period`` (DL409): the statistics period is not 1月1日–12月31日 of one year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ..report.regime import other_regime
from ..report.year import opening_prose, self_named
from . import register
from .base import Hit, Kind, KindOptions
from .dates import published_at, source_name, stamp_note, ymd

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Block
    from ..report import AnnualReport


# -- DL406 / DL409 ----------------------------------------------------------------------------

class YearMismatchOptions(KindOptions):
    check_title: bool = Field(default=True, description="标题年份与报告年度（--year 或配置）比较")
    check_period: bool = Field(default=True, description="统计期限年份与报告年度比较")
    check_published: bool = Field(default=True, description="发布（落款）日期不晚于报告年度末时报告")
    check_opening: bool = Field(default=True, description="“一、总体情况”的第一段以上一年开头（“2022年，我局…”）、"
                                                          "全段不提报告年度时报告（警告）")


@register
class YearMismatch(Kind[YearMismatchOptions]):
    name = "year-mismatch"
    Options = YearMismatchOptions
    params = frozenset({"what", "actual", "expected"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        year = report.year
        if year is None:
            return
        src = report.year_source
        basis = {"config": "配置或命令行指定的报告年度", "title": "标题中的年度", "period": "统计期限中的年度",
                 "body": "第一部分各段所写的年度" if report.year_decision.evidence else "报告开头所说的年度",
                 "content": "报告内容（统计期限、公布日期、统计表、正文）确定的年度"}.get(src, "报告年度")
        if (self.options.check_title and src in ("config", "content") and report.title_year
                and report.title_year != year):
            b = report.title_block
            for blk in (report.title_prefix_block, b):
                m = re.search(str(report.title_year), blk.text) if blk is not None else None
                if m is not None:
                    b = blk
                    break
            expected = f"{year}年"
            ev = {"expected": year, "actual": report.title_year, "where": "title", "report_year_source": basis}
            below = src == "content" and ("title_below" in report.year_decision.evidence
                                          or "undated" in report.year_decision.evidence)
            if src == "content":
                expected += _content_reason(report, year)
                ev["content"] = report.year_decision.evidence
            yield Hit(block=b, start=m.start() if m else None, end=m.end() if m else None,
                      params={"what": "标题中的年度", "actual": f"{report.title_year}年", "expected": expected},
                      evidence=ev, key=f"title:{report.title_year}:{year}",
                      severity="warning" if below else None)  # (a page's own title above the report's, or no date:
            # whose slip?)
        if self.options.check_period and src != "period":
            found = report.period_span
            if found is not None:
                b, m = found
                py, s, e = int(m.group("y1")), m.start("y1"), m.end("y1")
            elif report.period_match is not None:
                b, m = report.period_match
                py, s, e = int(m.group("y")), m.start("y"), m.end("y")
            else:
                b = None
            if b is not None and py != year:
                expected = f"{year}年"
                told = report.year_decision.evidence.get("self_year") is not None
                if told:  # (no title: the opening and the prose outvote the period — a warning, the year is inferred)
                    expected += f"（报告没有标题；开头自称{year}年度的报告，正文写的也多是{year}年的工作，请核对统计期限）"
                if src == "title" and report.published is None:
                    # no date to tell which is the slip (published in py+1 would show the title is: year.py)
                    expected += (f"（与标题一致；报告没有发布日期或落款日期可以核对，若正文写的都是{py}年，"
                                 f"则是标题的年份写错）")
                yield Hit(block=b, start=s, end=e,
                          params={"what": "统计期限的年度", "actual": f"{py}年", "expected": expected},
                          evidence={"expected": year, "actual": py, "where": "period", "report_year_source": basis},
                          key=f"period:{py}:{year}", severity="warning" if told else None)
        if (self.options.check_published and report.published is not None and report.published.year <= year
                and report.published_source != "成文日期"):  # (the document's date: the publication may be later)
            source = report.published_source or "落款日期"
            mention = published_at(report)
            what = source_name(source)
            yield Hit(block=mention.block if mention else None, start=mention.start if mention else None,
                      end=mention.end if mention else None,
                      params={"what": what, "actual": ymd(report.published),
                              "expected": f"{year + 1}年1月1日以后（报告年度结束后）" + stamp_note(source)},
                      evidence={"expected": f">{year}-12-31", "actual": report.published.isoformat(),
                                "where": "published", "report_year_source": basis, "source": source},
                      key=f"published:{report.published.isoformat()}:{year}",
                      severity="warning" if source == "页面日期" else None)
        if self.options.check_opening:
            hit = _stale_opening(report, year)
            if hit is not None:
                yield hit
            hit = _stale_notice(report, year)
            if hit is not None:
                yield hit
            later = report.year_decision.evidence.get("opening_year") is not None  # (the parts told year+1's work)
            named = self_named(report) if src != "body" or later else None
            if named is not None and named[3] != year and named[3] != report.title_year:
                b, s, e, y = named
                if later:
                    why = f"“一、总体情况”各段写的都是{year}年的工作，开头的年份疑为沿用了上年报告，请核对）"
                elif y == year - 1:
                    why = "疑为沿用了上年报告的开头，请核对）"
                else:
                    why = "请核对报告开头和统计期限哪一处写错）"
                yield Hit(block=b, start=s, end=e, severity="warning",
                          params={"what": "报告开头自称的年度", "actual": f"{y}年", "expected": f"{year}年（" + why},
                          evidence={"expected": year, "actual": y, "where": "self-named", "report_year_source": basis},
                          key=f"self:{y}:{year}")


# 2022年，我局… / 2022年度，… / （一）主动公开情况。2022年以来，…: the opening's year, after a sub-item's label at most
_OPENING = re.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,2}[）)][^。，,：:]{0,16}[。：:]?\s*)?"
                      r"(?P<y>(?:19|20)\d{2})\s*年度?(?:以来)?\s*[，,]")


def _stale_opening(report, year: int) -> Hit | None:
    """The first paragraph of 一、总体情况 opens with the year before the report's (2022年，我局… in the 2023 report)
    and never names the report's year: the opening of last year's report left in place.  A later paragraph of the part
    that opens so and gives last year's figures (2019年，我镇通过县政府网站公开信息94条… in a real 2020 report, after
    2020年，我镇…) is last year's text left in too; a paragraph without a figure (2019年，我镇成立了领导小组) may be
    the body's history."""
    s1 = report.sections_by_id.get("s1")
    if s1 is None:
        return None
    first = True
    for b in s1.blocks:
        if b.kind not in ("paragraph", "list_item") or len(b.text) < 20:
            continue
        m = _OPENING.match(b.text)
        stale = m is not None and int(m.group("y")) == year - 1 and f"{year}年" not in b.text
        if first and not stale:
            first = False
            continue
        if m is None or not stale or not (first or _FIGURE.search(b.text)):
            continue
        where = "“一、总体情况”第一段开头的年度" if first else "“一、总体情况”中一段开头的年度"
        why = "疑为沿用了上年报告的开头" if first else "这一段写的是上一年的数字，疑为沿用了上年报告的内容"
        return Hit(block=b, start=m.start("y"), end=m.end("y") + 1, severity="warning",
                   params={"what": where, "actual": f"{year - 1}年",
                           "expected": f"{year}年（{why}，请核对这一段的内容和数字）"},
                   evidence={"expected": year, "actual": year - 1, "where": "opening" if first else "paragraph"},
                   key=f"opening:{year - 1}:{year}")
    return None


# the title of a notice on compiling one year's reports (关于做好2023年政府信息公开工作年度报告编制发布工作的通知)
_NOTICE = re.compile(r"关于(?:做好|编制|报送|印发)?[^《》。；;\n]{0,12}?(?P<y>(?:19|20)\d{2})\s*年度?(?:政府信息公开|政务公开)"
                     r"[^《》。；;\n]{0,10}?年度报告[^《》。；;\n]{0,16}?通知")


def _stale_notice(report, year: int) -> Hit | None:
    """The report's first paragraphs cite the notice on compiling the year before's reports (《…关于做好2023年政府信息公开
    工作年度报告编制发布工作的通知》 in the report on 2024): last year's text left in — or no new notice that year, so
    an info."""
    for b in opening_prose(report):
        if "通知" not in b.text:
            continue
        for m in _NOTICE.finditer(b.text):
            if int(m.group("y")) == year - 1:
                return Hit(block=b, start=m.start("y"), end=m.end("y") + 1, severity="info",
                           params={"what": "报告引用的编制年度报告的通知所说的年度", "actual": f"{year - 1}年",
                                   "expected": f"{year}年（应引用编制{year}年度报告的通知；引用的是编制{year - 1}年度报告的"
                                               "通知，疑为沿用了上年报告的文字；若上级没有另发通知，沿用的就是这一份，可不改）"},
                           evidence={"expected": year, "actual": year - 1, "where": "notice"},
                           key=f"notice:{year - 1}:{year}")
    return None


# a figure of the year's work in a paragraph (公开信息94条, 制定规范性文件0件)
_FIGURE = re.compile(r"\d+\s*(?:条|件|次|篇|期|个)")


def _content_reason(report, year: int) -> str:
    """（统计期限、…都是2021年度） for a title whose year the report's content outvoted."""
    ev = report.year_decision.evidence
    if "title_below" in ev:
        return (f"（下文的标题“{ev['title_below'][:40]}”、统计期限和正文都表明这是{year}年度的报告；上面这一行若是网页"
                f"自加的标题，请网站更正，若是报告的标题，则是年份写错）")
    if ev.get("undated"):
        return (f"（统计期限和正文写的都是{year}年，全文没有一处{year - 1}年：标题疑为沿用了上年报告的标题；报告没有发布日期或"
                "落款日期可以核对，请对照发布原文）")
    parts = ["统计期限"]
    if ev.get("tables"):
        parts.append("统计表格式")
    parts.append(f"{report.published_source or '落款日期'}（{ymd(report.published)}）")
    parts.append("正文")
    return f"（{'、'.join(parts)}都表明这是{year}年度的报告，标题的年份疑为笔误）"


# (由于机构改革，我局政务公开工作从2019年9月1日开始启动，因此…统计期限自2019年9月1日起: the work began with the
# reorganisation)
_FOUNDED = re.compile(r"成立|设立|组建|挂牌|揭牌|正式运行|新设|机构改革|(?:开始|正式)启动")
# the month the body was set up or reorganised, said elsewhere in the opening (我局自2019年8月份机构改革以来, 本局于2019年
# 3月组建): a period from then on is the body's whole year
_SET_UP = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月份?(?:\d{1,2}日)?[^。；;\n]{0,8}?"
                     r"(?:机构改革|成立|设立|组建|挂牌|揭牌|正式运行|新设)")


def _set_up_in(report: AnnualReport, period: Block, year: int, month: int) -> bool:
    """Whether the report's opening (the block of the statistics period and the six after it) says the body was set
    up or reorganised in ``year``, in the month its statistics period starts or the one before (机构改革 in August, a
    period from 9月1日)."""
    blocks = report.text_blocks
    at = next((i for i, x in enumerate(blocks[:200]) if x is period), None)
    for b in blocks[at:at + 7] if at is not None else (period,):
        if "月" not in b.text:
            continue
        for m in _SET_UP.finditer(b.text, 0, 4000):
            if int(m.group("y")) == year and month - 1 <= int(m.group("m")) <= month:
                return True
    return False


class StatisticsPeriodOptions(KindOptions):
    pass


@register
class StatisticsPeriod(Kind[StatisticsPeriodOptions]):
    name = "statistics-period"
    Options = StatisticsPeriodOptions
    params = frozenset({"period", "expected"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        found = report.period_span
        if found is None or other_regime(report):  # (a school's report: an academic year, :mod:`..report.regime`)
            return
        b, m = found
        y1, m1, d1 = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
        y2 = int(m.group("y2")) if m.group("y2") else y1
        m2, d2 = int(m.group("m2")), int(m.group("d2"))
        if (m1, d1, m2, d2) == (1, 1, 12, 31) and y1 == y2:
            return
        if (m2, d2) == (12, 31) and (_FOUNDED.search(b.text, max(0, m.start() - 120), m.start("start"))
                                     or (y1 == y2 and _set_up_in(report, b, y1, m1))):
            return  # 因本街道于2024年5月28日成立，故统计期限自2024年5月28日起: a body set up during the year
        expected = f"{y1}年1月1日至12月31日"
        period = f"{m.group('start')}至{m.group('end')}"
        yield Hit(block=b, start=m.start("start"), end=m.end("end"),
                  params={"period": period, "expected": expected},
                  evidence={"expected": expected, "actual": period,
                            "start": [y1, m1, d1], "end": [y2, m2, d2]},
                  key=f"period:{period}")
