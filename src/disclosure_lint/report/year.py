"""The report year: the one the title names — or, when the title's year is a slip, the one the report's
own content establishes.

``AnnualReport.year_decision`` is a :class:`YearDecision`.  The year is taken, in this order, from

1. ``--year`` or the configuration (source ``config``);
2. the title (``title``) — unless the content outvotes it (below);
3. the statistics period, when the title names no year (``period``);
4. the report naming itself in its opening, when neither does (``body``): ``现将2021年度政府信息公开工作情况报告如下``,
   ``特向社会公布2015年度…报告``, ``编制了2024年度政府信息公开工作年度报告``, ``现发布《某某局2021年政府信息公开工作年度
   报告》`` — one year, however often it is named (two different years: none); else the year the opening paragraphs
   start with (``2022年，开发区…`` … ``（二）依申请公开办理情况。2022年，…``), when at least two of them start with it and
   none with another; else the year before a 落款 dated 1月–4月, when the prose names that year most (twice at least).
   A year the opening names gives way to the next when the paragraphs of 一、总体情况 tell that next year's work
   (:func:`parts_say_next`): the opening copied from last year's report (DL406 names it).

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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import catalogue as cat
from .regime import other_regime

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Block
    from .annual import AnnualReport

# table labels only one unified format has (the other format's tables are DL109's)
ONLY = {
    cat.V2021: ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                "申请人无正当理由逾期不补正", "逾期未按收费通知要求缴纳费用"),
    cat.V2019: ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增（减）",
                "政府集中采购", "采购总金额"),
}
_YEAR = re.compile(r"((?:19|20)(?<![\d.\-/]\d\d)\d{2})\s*年")  # (led by 19/20: see kinds/dates._LONG_YEAR)
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
    if other_regime(report):
        return YearDecision(None, "none", t, p)  # an academic year, of another regime (:mod:`.regime`)
    if t is None:
        if p is None:
            b = body_year(report)
            if b is not None and (later := parts_say_next(report, b)) is not None:
                return YearDecision(b + 1, "body", t, p, later)
            return YearDecision(b, "body" if b else "none", t, p)
        told = opening_over_period(report, p)
        if told is not None:
            return YearDecision(told["self_year"], "body", t, p, told)
        return YearDecision(p, "period", t, p)
    if p is None or p == t:
        return YearDecision(t, "title", t, p)
    evidence = content_evidence(report, t, p) or titled_below(report, t, p) or undated_stale_title(report, t, p)
    if evidence is None:
        return YearDecision(t, "title", t, p)
    return YearDecision(p, "content", t, p, evidence)


def opening_over_period(report: AnnualReport, p: int) -> dict | None:
    """With no title: the opening names the report by another year than the statistics period's ``p`` (现将2022年度…报告
    如下 over 统计期限自2021年…), and the prose names that year more often than ``p`` (three times at least), with no
    publication date in ``p + 1`` to back the period: the period's year is the slip (a real page), the evidence; else
    None."""
    y = body_year(report)
    if y is None or y == p:
        return None
    published = report.published
    if published is not None and published.year != y + 1:
        return None
    mentions = _mentions(report)
    if mentions.get(y, 0) < 3 or mentions.get(y, 0) <= mentions.get(p, 0):
        return None
    return {"self_year": y, "period": p, "mentions": {str(y): mentions.get(y, 0), str(p): mentions.get(p, 0)}}


TITLE_BELOW_BLOCKS = 40  # prose blocks after the title searched for the report's title printed again


def titled_below(report: AnnualReport, t: int, p: int) -> dict | None:
    """The report's title printed again below the first one with the statistics period's year ``p`` (a page's own
    title, then a notice, then the report under its title: 某某部2020年…报告 … 某某部 2019 年…报告, period 2019), and
    the prose naming ``p`` more often than ``t`` (twice at least): the first title's year is not the report's."""
    from .agency import name_from_title
    from .title_lines import is_title

    first = report.title_block
    if first is None:
        return None
    portal = report.portal
    seen = 0
    below = None
    after = False
    for b in report.text_blocks:
        if not after:
            after = b is first or b is report.title_suffix_block
            continue
        if portal.is_line(b) or not b.text.strip():
            continue
        seen += 1
        if seen > TITLE_BELOW_BLOCKS:
            return None
        text = b.text.strip().lstrip("#").strip()
        if is_title(text) and name_from_title(text)[1] == p:
            below = text
            break
    if below is None:
        return None
    mentions = _mentions(report)
    if mentions.get(p, 0) < MIN_MENTIONS or mentions.get(p, 0) <= mentions.get(t, 0):
        return None
    return {"period": p, "title_below": below, "mentions": {str(p): mentions.get(p, 0), str(t): mentions.get(t, 0)}}


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


UNDATED_MENTIONS = 4  # the period's two and two more in the prose at least


def undated_stale_title(report: AnnualReport, t: int, p: int) -> dict | None:
    """With no publication date to tell: a title one year behind the statistics period ``p`` (2022度某某街道…报告 over
    统计期限自2023年1月1日…), and the prose naming ``p`` (four times at least, the period's two counted) and never the
    title's ``t``: last year's title left on a report whose text was brought up to date (a real page); the evidence,
    else None.  Not a title one year ahead: the text would be last year's, left in (DL406 on the period says so)."""
    if report.published is not None or p != t + 1:
        return None
    mentions = _mentions(report)
    if mentions.get(p, 0) < UNDATED_MENTIONS or mentions.get(t, 0):
        return None
    return {"period": p, "undated": True, "mentions": {str(p): mentions.get(p, 0), str(t): 0}}


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


# the report naming itself and its year in its opening: 现将2019年我县政府信息公开工作情况报告如下, 特向社会公布2015年度…,
# 编制了2024年度政府信息公开工作年度报告, 现将2021年度此项工作开展情况报告如下; or its title quoted (现发布《某某局2021年
# 政府信息公开工作年度报告》)
# (its alternatives' tails, shared with _SELF_YEAR_AFTER: after the verb; after 《; the title's year on; after 结合)
_Y = (r"[^。；;\n]{0,30}?(?<![\d.\-/])(?P<y>(?:19|20)\d{2})\s*年度?[^。；;\n]{0,24}?"
      r"(?:政府信息公开|政务公开|信息公开|此项工作|有关工作|工作情况)[^。；;\n]{0,16}?(?:报告|情况|总结(?=如下))")
_Q = r"[^》\n]{0,40}?(?<![\d.\-/])(?P<q>(?:19|20)\d{2})\s*年度?[^》\n]{0,6}?政府信息公开[^》\n]{0,8}?年度报告》"
_T = (r"\s*(?P<t>(?:19|20)\d{2})\s*年度?[^。；;，,\n]{0,24}?(?:政府信息公开|政务公开)[^。；;，,\n]{0,8}?"
      r"年度?报告(?=全文|由|包括|分为|共分|是根据|[（(]以下)")
_C = r"\s*(?<![\d.\-/])(?P<c>(?:19|20)\d{2})\s*年度?[^。；;，,\n]{0,24}?工作实际\s*[，,]?\s*(?:编制|制定|形成)[^。；;\n]{0,8}?报告"
# (…等六个方面汇报我镇2023年政府信息公开工作。: the year's work the report gives an account of, the sentence ending there)
_W = (r"[^。；;\n]{0,12}?(?<![\d.\-/])(?P<w>(?:19|20)\d{2})\s*年度?[^。；;，,\n]{0,16}?(?:政府信息公开|政务公开)工作"
      r"(?:情况)?(?=\s*(?:[。；;\n]|$))")
_SELF_YEAR = re.compile(
    r"(?:现将|特向社会公布|向社会公布|现予公布|现予以公布|现公布|现发布|编制了?|编制的|形成了?)" + _Y + r"|《" + _Q
    # a sentence that starts with the report's own title and says what it holds (2019年度某某镇政府信息公开年度报告全文包括…)
    + r"|(?:^|(?<=[。；;\n]))" + _T
    # the format's opening: the year's work the report is compiled from (结合2024年某某街道政府信息公开工作实际，编制本报告)
    + r"|结合" + _C + r"|汇报" + _W)
# _SELF_YEAR after the text's first character, in another shape: a first character in one class (every character an
# alternative starts with, and the mark a sentence opening with the title follows), then the alternatives that start
# with it, told by a lookbehind, in _SELF_YEAR's order — so that re skips at once the characters no match starts at
# (_SELF_YEAR's alternatives open with groups, and all of them are tried at every character: about twice as slow).  A
# match of the title's year starts at the mark before it (the groups are the same: only ``m.start()`` of a quoted
# title is used, whose 《 is its first character either way).
_SELF_YEAR_AFTER = re.compile(
    r"[现特向编形《结汇。；;\n](?:"
    r"(?:(?<=现)(?:将|予公布|予以公布|公布|发布)|(?<=特)向社会公布|(?<=向)社会公布|(?<=编)制了?|(?<=编)制的|(?<=形)成了?)"
    + _Y + r"|(?<=《)" + _Q + r"|(?<=[。；;\n])" + _T + r"|(?<=结)合" + _C + r"|(?<=汇)报" + _W + ")")


def _self_year_matches(text: str) -> Iterator[re.Match[str]]:
    """``_SELF_YEAR.finditer(text)``'s matches (a title's year's starting at the mark before it: :data:`_SELF_YEAR_AFTER`):
    at the text's start ``_SELF_YEAR`` itself (its ``^``), after it :data:`_SELF_YEAR_AFTER`."""
    m = _SELF_YEAR.match(text)
    if m is not None:
        yield m
    yield from _SELF_YEAR_AFTER.finditer(text, 0 if m is None else m.end())


OPENING_BLOCKS = 12  # prose blocks at the top where a report names itself (its year, its body: AnnualReport.agency)


def opening_prose(report: AnnualReport) -> Iterator[Block]:
    """The report's first :data:`OPENING_BLOCKS` prose blocks, the page's own fields (发布日期, 来源 …) not counted:
    where an opening says what the report is (DL303's body, DL117's parts)."""
    portal = report.portal
    seen = 0
    for b in report.text_blocks:
        if portal.is_line(b):
            continue
        seen += 1
        if seen > OPENING_BLOCKS:
            return
        yield b


def inferred_note(report: AnnualReport) -> str:
    """For a finding that rests on a year the opening implied (source ``body``: no title, period or ``--year`` says
    it), the words that say so — such a finding is a warning; "" for a year stated."""
    if report.year_source != "body":
        return ""
    return f"；报告年度{report.year}年是从正文开头推断的（标题和统计期限都没有写年度），请核对"


# before a quoted title, in its sentence, the words that make it the report's own (现发布《…》, 特公布《…》和《…》) — not
# 公开发布《…2021年…年度报告》, last year's, published as an activity of the year
# (or the opening's basis, then the verb: 根据《条例》规定和《…的通知》要求，发布《某某市2020年…年度报告》)
_QUOTE_LEAD = re.compile(r"(?:(?:现|特|现予|现予以)(?:发布|公布|公开|印发)|(?:要求|规定)\s*[，,]\s*(?:发布|公布))"
                         r"[^。；;！？\n]{0,40}$")


def _self_years(text: str) -> Iterator[int]:
    """The years of :data:`_SELF_YEAR`'s matches in ``text`` (a quoted title only after 现发布 …)."""
    for m in _self_year_matches(text):
        if m.group("y") or m.group("t") or m.group("c") or m.group("w"):
            yield int(m.group("y") or m.group("t") or m.group("c") or m.group("w"))
        elif _QUOTE_LEAD.search(text[max(0, m.start() - 40):m.start()]):
            yield int(m.group("q"))


def names_itself(report: AnnualReport) -> bool:
    """Does the opening name the text as the year's report (:data:`_SELF_YEAR`: 现公布某某厅2023年政府信息公开工作年度
    报告, 现将2021年度…情况报告如下)?  A sign that a text without a title or parts is a report all the same."""
    return any(next(_self_years(b.text), None) for b in report.text_blocks[:OPENING_BLOCKS] if "年" in b.text)


def self_named(report: AnnualReport) -> tuple[Block, int, int, int] | None:
    """Where the opening — the text before the first part's title — first names the report by its year
    (:data:`_SELF_YEAR`: 现将2022年度…情况报告如下, 编制了某某局2022年政府信息公开工作年度报告): (block, start, end, year) of
    that year, or None.  (Inside the parts, 编制并发布了《…2022年度…报告》 is last year's report, published in the year.)"""
    skip = {id(report.title_block), id(report.title_prefix_block), id(report.title_suffix_block)}
    portal = report.portal
    first = report.sections[0].heading.index if report.sections else None
    for b in report.text_blocks[:OPENING_BLOCKS]:
        if first is not None and b.index >= first:
            break
        text = b.text
        if id(b) in skip or "年" not in text or ("报告" not in text and "情况" not in text and "总结" not in text
                                                and "汇报" not in text) or portal.is_line(b):
            continue  # (every match of _SELF_YEAR ends in 报告, 情况 or 总结, or starts with 汇报)
        for m in _self_year_matches(text):
            g = next((g for g in ("y", "t", "c", "w") if m.group(g)), "q")
            if g == "q" and not _QUOTE_LEAD.search(text[max(0, m.start() - 40):m.start()]):
                continue
            return b, m.start(g), m.end(g), int(m.group(g))
    return None


# a paragraph of 一、总体情况, or a sentence in it, that opens with a year and what the body did in it (2025年，我办… /
# 2025年共办理… / （二）依申请公开。2025年，…): what the year's own work is told under
_PART_OPENS = re.compile(
    r"(?:^|(?<=[。；;\n]))\s*(?:[（(][一二三四五六七八九十]{1,2}[）)][^。，,：:\n]{0,16}[。：:]?\s*)?"
    r"(?P<y>(?:19|20)\d{2})\s*年度?(?:以来)?\s*(?:[，,]\s*)?(?=我|本|全|共|累计|[\u4e00-\u9fff]{0,3}[，,])")
_PLAN = re.compile(r"将|计划|拟|要|预计")
_PART_ONE = re.compile(r"\s*一\s*[、.．]\s*总体情况")
_PART_TWO = re.compile(r"\s*二\s*[、.．]")


def parts_say_next(report: AnnualReport, y: int) -> dict | None:
    """When the opening names the report by year ``y`` (``body_year``) but the paragraphs of 一、总体情况 tell the work of
    ``y + 1`` — at least two open with it (2025年，我办… / 2025年共办理…), none with ``y``, the prose names ``y + 1`` more
    often than ``y`` (twice at least) and no publication date in ``y + 1`` or earlier says otherwise — the opening's year
    is last year's left in place: the evidence (DL406 names the opening's year), else None."""
    published = report.published
    if published is not None and published.year <= y + 1:
        return None
    n = 0
    inside = False
    for b in report.text_blocks[:OPENING_BLOCKS * 3]:  # (not the report's sections: they rest on its year)
        if not inside:
            inside = _PART_ONE.match(b.text) is not None
            continue
        if _PART_TWO.match(b.text):
            break
        if b.kind not in ("paragraph", "list_item") or "年" not in b.text:
            continue
        for m in _PART_OPENS.finditer(b.text):
            year = int(m.group("y"))
            if year == y:
                return None
            if year == y + 1 and not _PLAN.search(b.text, m.end(), m.end() + 12):
                n += 1
    if n < MIN_MENTIONS:
        return None
    mentions = _mentions(report)
    if mentions.get(y + 1, 0) < MIN_MENTIONS or mentions.get(y + 1, 0) <= mentions.get(y, 0):
        return None
    return {"opening_year": y, "parts": n, "mentions": {str(y + 1): mentions.get(y + 1, 0), str(y): mentions.get(y, 0)}}


def body_year(report: AnnualReport) -> int | None:
    """The year the opening names the report by (:data:`_SELF_YEAR`): one year, or None (none, or two)."""
    skip = {id(report.title_block), id(report.title_prefix_block), id(report.title_suffix_block)}
    portal = report.portal
    found: set[int] = set()
    for b in report.text_blocks[:OPENING_BLOCKS]:
        if id(b) in skip or portal.is_line(b) or "年" not in b.text:
            continue
        found.update(_self_years(b.text))
    if found:
        return found.pop() if len(found) == 1 else None
    starts: dict[int, int] = {}
    for b in report.text_blocks[:OPENING_BLOCKS * 2]:
        if id(b) in skip or portal.is_line(b) or "年" not in b.text:
            continue
        for m in _STARTS_WITH_YEAR.finditer(b.text):
            y = int(m.group("y"))
            starts[y] = starts.get(y, 0) + 1
    if len(starts) == 1:
        (y, n), = starts.items()
        if n >= MIN_MENTIONS:
            return y
    # the 落款 early in a year (1月–4月: when reports are published) and the prose naming the year before it most,
    # at least twice (2014年我镇主动公开… / 2015年1月10日)
    sig = report.signature_mention
    if sig is not None and sig.date is not None and sig.month <= 4:
        mentions = _mentions(report)
        y = sig.year - 1
        if mentions.get(y, 0) >= MIN_MENTIONS and mentions.get(y, 0) == max(mentions.values()):
            return y
    # one paragraph that starts with the year and the body doing something (2022年，我局认真… / 2020年某某镇严格…),
    # no paragraph starting with another year, and that year named most
    subject = _year_of_subject(report, skip)
    if subject is not None and set(starts) <= {subject}:
        mentions = _mentions(report)
        if mentions.get(subject, 0) == max(mentions.values(), default=0):
            return subject
    return None


# a paragraph that starts with the year and the body as its subject: itself (我局, 本镇, 全县) or its name, maybe after
# whose lead it acted under (2023年，在县委、县政府的正确领导下，我镇…)
_UNDER = r"(?:在[^，,。；;]{2,30}?(?:领导|指导|关心|支持|部署|推动|帮助)下\s*[，,]?\s*)?"
_SUBJECT = (r"(?P<s>(?:我|本|全)(?:局|镇|乡|县|区|市|旗|街道|办|委|厅|中心|院|所|站|队|场|署|会)|\S{2,40})")
# (2025,某某局以…: the 年 left out before the comma)
_YEAR_SUBJECT = re.compile(r"\s*(?P<y>(?:19|20)\d{2})(?:\s*年度?\s*[，,]?|[，,])\s*" + _UNDER + _SUBJECT)
# … or a sentence inside a paragraph that starts so (…接受社会公众监督。2022年，我镇主要通过…), after the year's comma
_SUBJECT_AFTER = re.compile(r"\s*" + _UNDER + _SUBJECT)


def _year_of_subject(report: AnnualReport, skip: set[int]) -> int | None:
    portal = report.portal
    name = report.agency.name if report.agency.source != "config" else None
    for b in report.text_blocks[:OPENING_BLOCKS * 2]:
        if id(b) in skip or portal.is_line(b):
            continue
        m = _YEAR_SUBJECT.match(b.text)
        if m is not None and _subject(m.group("s"), name):
            return int(m.group("y"))
        for m in _STARTS_WITH_YEAR.finditer(b.text) if "年" in b.text else ():
            s = _SUBJECT_AFTER.match(b.text, m.end())
            if s is not None and _subject(s.group("s"), name):
                return int(m.group("y"))
    return None


def _subject(s: str, name: str | None) -> bool:
    """Whether ``s`` starts with the body as the subject: itself (我局, 本镇), its name, or a body's word then an act."""
    return s[0] in "我本全" or (name is not None and name != "" and s.startswith(name)) or _BODY_SUBJECT.match(s) is not None


# a body named as the subject, short (2025年区市场监管局共收到… / 2025年,海青镇未收到… / 2024年街道… / 2020年，在…领导下，
# 某某区切实…): a few characters ending in a body's word, then what it did
_BODY_SUBJECT = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:局|镇|乡|街道|街道办事处|管委会|委员会|中心|办公室|人民政府|区|县|旗)"
                           r"(?=[\u4e00-\u9fff]{0,3}(?:共|全年|累计|未|没有|认真|严格|坚持|持续|积极|主动|围绕|深入|始终|按照|"
                           r"依法|进一步|不断|着力|紧紧|聚焦|紧扣|扎实|全面|切实|大力|收到|受理|公开|发布|办理|以《))")


# a paragraph or a sentence that starts with a year (2022年，开发区… / 在2024年，某某局… / （二）依申请公开办理情况。2020年，县医院…)
_STARTS_WITH_YEAR = re.compile(
    r"(?:^|(?<=[。；;\n]))\s*(?:[（(][一二三四五六七八九十]{1,2}[）)][^。，,：:\n]{0,16}[。：:]?\s*)?"
    r"(?:在\s*)?(?P<y>(?:19|20)\d{2})\s*年度?(?:以来)?\s*[，,]")
