"""Is this file an annual report at all?  (For directory runs: a README.md or notes.txt is skipped.)

``AnnualReport.candidate`` is a :class:`Candidate`: ``plausible`` when any sign of an annual report
is found, with the signs; else the reason (one Chinese sentence) why the file does not look like one.
The decision is cheap and conservative — any one sign keeps the file:

* a report title (``AnnualReport.title``, or a title at the very start of flattened text:
  ``…2023年政府信息公开工作年度报告 一、总体情况 …``);
* one of the six parts recognised as a section (``AnnualReport.sections_by_id``: a real report with a
  broken title still has its parts), or written inline as a numbered part title (``二、主动公开政府
  信息情况`` inside a long line: flattened text whose line breaks were lost);
* a statistics table (``AnnualReport.stats``);
* two of part 一's items in the 2021 format at the start of lines, one of them 政府信息管理, 平台建设 or 监督保障
  (``(一)主动公开…`` ``(三)政府信息管理…``: an excerpt that starts inside part 一, its title and part title cut off);
* the opening naming the text as the year's report (``现公布某某厅2023年政府信息公开工作年度报告``), listing the
  unified format's parts (``本报告由总体情况、…等六部分组成``) or giving the report's statistics period
  (``编制本报告。报告数据统计期限为2025年1月1日至…``);
* something the tool could not read (reader notices, pictures): that is reported, never skipped.

A part found by its words alone, with no title, in a file whose first line heads a compilation (``《政务公开年度工作
总结(汇编12篇)》``, 范文) is no sign: the collection's model texts are not a body's report.

A file named on the command line is always checked; only files found by walking a directory are
skipped (see :mod:`disclosure_lint.api`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import GENERATOR
from ..readers.script import traditional_words
from . import catalogue as cat
from .regime import enterprise_report, school_report
from .structure import declares_unified_parts
from .year import names_itself

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

_INLINE = re.compile(
    r"(?<![^\s。；;：:#*])(?:"
    + "|".join(f"(?:{s.numeral}\\s*[、.．]|[（(]{s.numeral}[）)][、.．]?)\\s*"
               f"(?:{'|'.join(re.escape(t) for t in (s.title, *s.variants))})"
               for s in cat.SECTIONS)
    + ")")  # 二、主动公开政府信息情况 inside a long line, or a part numbered （一）总体情况
_TITLE_AT_START = re.compile(
    r"^[#*\s《]*[^\s。；，,]{0,40}?(?:19|20)\d{2}\s*年度?[^。；，,\n]{0,30}?(?:政府信息公开|政务公开)"
    r"[^。；，,\n]{0,12}?(?:年度报告|年报|报告)")
_HEAD_CHARS = 200
REASON = "不像政府信息公开工作年度报告：没有报告标题，也没有“一、总体情况”等六个部分的标题或统计表"
REASON_OWN = "不是年度报告：这是本工具（disclosure-lint）写出的检查结果网页（check -f html），其中引用了所查报告的文字"
REASON_SCHOOL = ("不是政府信息公开工作年度报告：这是学校的信息公开年度报告（开头写有“{words}”），按《高等学校信息公开办法》"
                 "（教育部令第29号）以学年编写，不适用政府信息公开工作年度报告的统一格式和期限")
REASON_ENTERPRISE = ("不是政府信息公开工作年度报告：这是公共企事业单位的信息公开年度报告（开头写有“{words}”），按本行业的"
                     "信息公开办法编写，不适用政府信息公开工作年度报告的统一格式和期限")


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Candidate:
    """Whether a file looks like an annual report, the signs of it, and why not."""

    plausible: bool
    signs: tuple[str, ...]  # title | section | inline-section | table | part-one-items | self-named | unread
    reason: str | None  # why the file does not look like a report (None when plausible)


def assess(report: AnnualReport) -> Candidate:
    if report.document.meta.get("generator") == GENERATOR:  # (check -f html's own page: the reports it quotes)
        return Candidate(False, (), REASON_OWN)
    school = school_report(report)
    if school:
        return Candidate(False, (), REASON_SCHOOL.format(words=school))
    enterprise = enterprise_report(report)
    if enterprise:
        return Candidate(False, (), REASON_ENTERPRISE.format(words=enterprise))
    signs: list[str] = []
    doc = report.document
    # a file read under another type than its name's (``content-type``), or converted from traditional script, was read
    # all the same: not a sign
    if any(n.kind not in _READ_ALL_THE_SAME for n in doc.notices) or any(b.kind == "image" for b in report.lintable_blocks):
        signs.append("unread")
    notice = _notice_title(report.title)
    if notice is not None and len(report.sections_by_id) < 2 and not report.stats:
        # 某某办公室关于做好2025年政府信息公开工作年度报告编制和发布工作的通知, …编制公布情况的通报: about reports, not one
        return Candidate(False, (), REASON_NOTICE.format(title=notice))
    reading = _reading_title(report.title)
    if reading is not None and len(report.sections_by_id) < 2 and not report.stats:
        # 文字解读:某某街道办事处2022年政府信息公开工作年度报告 (its parts 一、编制背景 二、编制依据 …): about the report
        return Candidate(False, (), REASON_READING.format(title=reading))
    part_year = _part_year_title(report.title) if report.title is not None else next(
        (t for b in report.text_blocks[:6] if len(b.text.strip()) <= 40 and ("信息公开" in b.text or "政务公开" in b.text)
         and (t := _part_year_title(b.text.strip()))), None)  # (no title found: a short line at the top that is one)
    if part_year is not None:
        # 2022年上半年政府信息公开数据统计, 第三季度…: a part of the year's figures, not the year's report
        return Candidate(False, (), REASON_PART_YEAR.format(title=part_year))
    evaluation = _evaluation_title(report.title)
    if evaluation is not None and len(report.sections_by_id) < 2 and not report.stats:
        # 2014年政府信息公开第三方评估报告: an evaluation of the bodies' disclosure, not a body's report
        return Candidate(False, (), REASON_EVALUATION.format(title=evaluation))
    rules = _articles(report)
    if rules is not None:
        # 第一条 为促进政府信息公开…制定本制度。/ 第二条 … / 第三条 …编制…年度报告: the rules for reports, not one
        return Candidate(False, (), REASON_OTHER.format(words=rules))
    if report.title is not None or _title_at_start(report):
        signs.append("title")
    if report.sections_by_id:
        signs.append("section")
    elif any(_INLINE.search(b.text) for b in report.text_blocks):
        signs.append("inline-section")
    if not signs and report.stats:
        signs.append("table")
    if not signs and _part_one_items(report):
        # an excerpt that starts inside part 一: (一)主动公开… (二)依申请公开… (三)政府信息管理…, the 2021 format's items
        signs.append("part-one-items")
    if not signs and (names_itself(report) or declares_unified_parts(report) or _period_opening(report)):
        # 现公布某某厅2023年政府信息公开工作年度报告, 本报告由总体情况、…等六部分组成, 编制本报告。报告数据统计期限为…
        signs.append("self-named")
    if signs == ["section"] and (words := _other_document(report)):
        # 政府信息公开指南 / 一、主动公开, 受理申请说明 / 三、申请的处理, …工作要点的通知: a part's title only by its words
        return Candidate(False, (), REASON_OTHER.format(words=words))
    if signs == ["section"] and (words := _compilation(report)):
        return Candidate(False, (), REASON_COMPILATION.format(words=words))  # 一、20xx年度…工作的基本情况 in a 范文汇编
    if signs:
        return Candidate(True, tuple(signs), None)
    traditional = traditional_words(doc.text)
    if traditional:
        return Candidate(False, (), REASON_TRADITIONAL.format(examples="”“".join(traditional)))
    return Candidate(False, (), REASON)


_READ_ALL_THE_SAME = frozenset({"content-type", "traditional-script"})

# two of part 一's items (cat.PART_ONE_ITEM), one of the last three (a guide to disclosure has the first two too)
_PART_ONE_ITEM = cat.PART_ONE_ITEM


def _part_one_items(report: AnnualReport) -> bool:
    found: set[str] = set()
    own = False
    for b in report.text_blocks[:80]:
        for m in _PART_ONE_ITEM.finditer(b.text):
            found.add(re.sub(r"^政府信息公开", "", m.group(0).lstrip()[3:].strip()))
            own = own or m.group("own") is not None
    return own and len(found) >= 2
REASON_TRADITIONAL = ("不像政府信息公开工作年度报告：文字是繁体字（如“{examples}”），工具按简体字识别报告的标题、六个部分和统计表；"
                      "繁体字的转存页面（常见于镜像网站）请对照发布原文检查")


# a collection of model texts or articles (《政务公开年度工作总结(汇编12篇)》, 范文, 篇3): no body's report
_COMPILATION = re.compile(r"汇编|范文|[（(]\s*\d{1,3}\s*篇\s*[）)]|篇\s*\d{1,3}(?!\d)")
REASON_COMPILATION = "不像政府信息公开工作年度报告：开头写有“{words}”，是范文或文章的汇编，不是一个机关的年度报告"


def _compilation(report: AnnualReport) -> str | None:
    """The words that make the first line of text (no report title found) the heading of a compilation, or None."""
    portal = report.portal
    first = next((portal.text_without(b).strip() for b in report.text_blocks if not portal.is_line(b)), "")[:80]
    m = _COMPILATION.search(first) if "报告" not in first else None
    return m.group(0) if m is not None else None


# what names a document of another kind at the head of a page (its title, its opening sentence): a guide, a notice of how
# applications are handled, a year's work points or plan, a budget or final accounts (or a report on the budget's
# execution), rules issued by a notice
_OTHER_DOCUMENT = re.compile(r"(?:政府|政务)?信息公开指南|(?:制定|编制|编写)本指南|受理[^。；\n]{0,16}?申请(?:的)?说明"
                             r"|政务公开工作要点|工作要点》?的通知|部门(?:决算|预算)|(?:决算|预算)(?:公开)?说明|预算执行情况的报告"
                             r"|关于印发[^。；\n]{0,60}?(?:制度|办法|规定|实施方案|工作方案|指南|要点)[^。；\n]{0,20}?的通知")
REASON_OTHER = "不像政府信息公开工作年度报告：开头写有“{words}”，是其他文件（指南、说明、工作要点、决算或制度等），不是年度报告"


# the articles of a set of rules opening the text (第一条 为…，制定本制度。): the document names itself as rules
_ARTICLE = re.compile(r"\s*第[一二三四五六七八九十]{1,3}条[\s\u3000]")
_RULES_SELF = re.compile(r"(?:制定|制订)本(?:制度|办法|规定|细则|规则)|本(?:制度|办法|规定|细则)(?:由|自|所称|适用)")


def _articles(report: AnnualReport) -> str | None:
    """The words by which a text opening with numbered articles (two or more of its first eight blocks start 第一条,
    第二条 …) names itself a set of rules (制定本制度, 本办法由…), when it has no statistics table and no part title of
    the format written exactly; else None."""
    if report.stats or any(s.quality == "exact" for s in report.sections if s.id):
        return None
    head = [b.text for b in report.text_blocks[:8]]
    if sum(1 for t in head if _ARTICLE.match(t)) < 2:
        return None
    m = _RULES_SELF.search("".join(t[:300] for t in head))
    return m.group(0) if m is not None else None


def _other_document(report: AnnualReport) -> str | None:
    """The words at the head of a page whose part titles match the format's only by their words (no title of the format
    written exactly, no statistics table) that name another kind of document; None when there are none, or the head
    names an annual report (年度报告, 年报, 本报告) or only cites such a document (in 《》)."""
    if report.stats or any(s.quality == "exact" for s in report.sections if s.id):
        return None
    portal = report.portal
    # (the head: before the second part's title — an old report's part 二 may well say it updated its 指南)
    mains = [s for s in report.sections if s.number is not None]
    stop = mains[1].heading.index if len(mains) > 1 else None
    head = "".join(portal.text_without(b)[:300] for b in report.text_blocks[:8]
                   if not portal.is_line(b) and (stop is None or b.index < stop))[:300]
    if "年度报告" in head or "年报" in head or "本报告" in head:
        return None
    for m in _OTHER_DOCUMENT.finditer(head):
        before = head[:m.start()]
        if before.rfind("《") <= before.rfind("》"):  # (…和《国务院办公厅关于印发2017年政务公开工作要点的通知》要求: cited)
            return m.group(0)
    return None


# the opening's statistics period of the report (编制本报告。报告数据统计期限为2025年1月1日至…; …编制而成,所列数据的统计期限为
# 2018年…): the format's own sentence; or the opening compiling "this report" by the format (按照《…年度报告格式(试行)》要求,
# 编制此报告)
_PERIOD_OPENING = re.compile(r"(?:报告[^。；\n]{0,30}?|所列[^。；\n]{0,4}?)(?:数据|统计)[^。；\n]{0,8}?(?:期限|时限|区间|周期)"
                             r"[^。；\n]{0,6}?(?:19|20)\d{2}\s*年"
                             r"|年度报告格式[^。；\n]{0,30}?(?:要求|规定)[^。；\n]{0,8}?编制(?:完成)?(?:本|此|了本)(?:年度)?报告")


def _period_opening(report: AnnualReport) -> bool:
    portal = report.portal
    head = [b.text for b in report.text_blocks[:6] if not portal.is_line(b)][:3]
    return any(_PERIOD_OPENING.search(t[:600]) for t in head)


def _title_at_start(report: AnnualReport) -> bool:
    portal = report.portal
    for b in report.text_blocks:
        if portal.is_line(b):
            continue
        head = portal.text_without(b)[:_HEAD_CHARS]
        m = _TITLE_AT_START.match(head)
        # (…2023年度政府信息公开工作年报编制和发布部署会: a meeting about the reports, not a report's title)
        return m is not None and not _ABOUT_REPORTS.match(head, m.end())
    return False


# a title that is a notice or circular (关于…的通知 / 通报 / 函) about the year's reports (做好…编制和发布工作, 印发《…年度报告
# 格式》, …编制公布情况 — words between the reports and 的通知), not a report itself nor its cover letter (关于印发…年度报告的通知);
# and what follows a report's name when it is a meeting or task about reports
_NOTICE = re.compile(r"关于[^。；]{0,80}?(?:年度报告|年报)(?P<about>[^。；]{0,30}?)(?:通知|通报|函|意见|批复)\s*$")
_ABOUT_REPORTS = re.compile(r"[^。；，,\n]{0,6}?(?:编制|报送|发布工作|部署|会议|培训|通知|通报|座谈)")
REASON_NOTICE = "不像政府信息公开工作年度报告：标题“{title}”是关于年度报告的通知或通报，不是一个机关的年度报告"


# a title that presents a reading of the report (文字解读：…年度报告, 图解…年度报告, 一图读懂…, …年度报告解读), not the report
_READING = re.compile(r"^[\s《“]*(?:(?:文字|图文|图片|图表|政策|视频)?解读|图解|一图(?:读懂|看懂|了解|速览))\s*[:：|丨｜]?"
                      r"|(?:年度报告|年报)》?”?\s*(?:的)?(?:文字|图文|图片|政策)?解读\s*$")
REASON_READING = "不像政府信息公开工作年度报告：标题“{title}”是对年度报告的解读，不是报告本身"


def _reading_title(title: str | None) -> str | None:
    """The title, when it presents a reading of a report (:data:`_READING`); else None."""
    if title is None or ("解读" not in title and "图" not in title):
        return None
    return title if _READING.search(title) is not None else None


# a title that presents an evaluation or assessment of disclosure (第三方评估报告, 测评报告, 考核结果), not a body's report
_EVALUATION = re.compile(r"(?:评估|测评|评议|考核|评价)(?:工作)?(?:报告|结果)》?\s*$")
REASON_EVALUATION = "不像政府信息公开工作年度报告：标题“{title}”是评估或考核的报告，不是一个机关的年度报告"


_PART_YEAR = re.compile(r"[上下]半年|第?[一二三四1-4]季度|前三季度|(?<!\d)1\s*[-—–~～至]\s*[3-9]月|(?<![\d年])[1-9]\s*月份")
REASON_PART_YEAR = ("不是政府信息公开工作年度报告：标题“{title}”是一年中部分时段（半年、季度或月份）的情况或统计，"
                    "不是上一年度的年度报告（《条例》第四十九条）")


def _part_year_title(title: str | None) -> str | None:
    """The title, when it is that of a part of the year's figures or work (2022年上半年政府信息公开数据统计, 第三季度…)
    and not of a year's report (年度报告, 年报); else None."""
    if not title or "年度报告" in title or "年报" in title or "年度工作报告" in title:
        return None
    return title[:60] if _PART_YEAR.search(title) else None


def _evaluation_title(title: str | None) -> str | None:
    """The title, when it presents an evaluation of disclosure work (:data:`_EVALUATION`); else None."""
    if title is None or ("评" not in title and "考核" not in title):
        return None
    return title if _EVALUATION.search(title) is not None else None


def _notice_title(title: str | None) -> str | None:
    """The title, when it is a notice or circular about annual reports (:data:`_NOTICE`); else None."""
    if title is None or "关于" not in title:
        return None
    m = _NOTICE.search(title)
    # (关于印发/报送某某局2025年政府信息公开工作年度报告的通知/函: the report's cover letter, the report below it)
    return title if m is not None and m.group("about").strip("》” 的") else None
