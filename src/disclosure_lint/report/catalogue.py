"""The unified formats: format versions by report year, the six sections and their titles.

Sources: 《中华人民共和国政府信息公开条例》 第五十条; 国办公开办函〔2019〕60号 (2019 trial format,
report years 2019–2020); 国办公开办函〔2021〕30号 (2021 format, report years 2021 on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LEGACY = "legacy"
V2019 = "2019"
V2021 = "2021"
FORMAT_VERSIONS = (LEGACY, V2019, V2021)

FORMAT_NAMES = {
    LEGACY: "旧条例时期（无统一格式）",
    V2019: "2019年试行格式（国办公开办函〔2019〕60号）",
    V2021: "2021年格式（国办公开办函〔2021〕30号）",
}


def format_version_for_year(year: int | None) -> str | None:
    if year is None:
        return None
    if year <= 2018:
        return LEGACY
    if year <= 2020:
        return V2019
    return V2021


CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def cn_to_int(s: str) -> int | None:
    """一…九十九 → int."""
    if not s or any(ch not in CN_DIGITS for ch in s):
        return None
    if len(s) == 1:
        return CN_DIGITS[s]
    if s[0] == "十":
        return 10 + (CN_DIGITS[s[1]] if len(s) > 1 else 0)
    if len(s) == 2 and s[1] == "十":
        return CN_DIGITS[s[0]] * 10
    if len(s) == 3 and s[1] == "十":
        return CN_DIGITS[s[0]] * 10 + CN_DIGITS[s[2]]
    return None


@dataclass(frozen=True)
class SectionSpec:
    id: str
    numeral: str
    title: str
    basis: str  # the article-50 item behind it
    table: bool  # the unified format puts a statistics table in it
    # every group must match (any alternative in the group) after normalisation
    keywords: tuple[tuple[str, ...], ...]
    variants: tuple[str, ...] = ()


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("s1", "一", "总体情况", "《条例》第五十条及统一格式（总体情况）", False,
                (("总体情况", "总体概况", "工作概况", "基本情况", "概述"),)),
    SectionSpec("s2", "二", "主动公开政府信息情况", "《条例》第五十条第（一）项", True,
                (("主动公开",),), ("主动公开政府信息的情况",)),
    SectionSpec("s3", "三", "收到和处理政府信息公开申请情况", "《条例》第五十条第（二）项", True,
                (("申请",), ("收到", "处理", "办理", "受理")), ("收到和处理政府信息公开申请的情况",)),
    SectionSpec("s4", "四", "政府信息公开行政复议、行政诉讼情况", "《条例》第五十条第（三）项", True,
                (("复议", "诉讼"),),
                ("因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况",
                 "因政府信息公开工作被申请行政复议、提起行政诉讼的情况")),
    SectionSpec("s5", "五", "存在的主要问题及改进情况", "《条例》第五十条第（四）项", False,
                (("问题", "不足"), ("改进", "整改", "措施", "改正")),
                ("政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况", "存在的主要问题和改进情况")),
    SectionSpec("s6", "六", "其他需要报告的事项", "《条例》第五十条第（五）项", False,
                (("其他",), ("事项", "报告", "情况")), ("其他需要报告的事项情况",)),
)

SECTION_BY_ID = {s.id: s for s in SECTIONS}

# Row labels of the statistics tables that look like top-level headings ("一、本年新收…")
# in flattened text.  They are never section headings.
TABLE_ROW_LABELS = ("本年新收", "上年结转", "本年度办理结果", "结转下年度", "办理结果")

_NORMALISE = re.compile(r"[\s　、，,。：:；;“”\"'‘’（）()《》]")


def normalise_title(title: str) -> str:
    return _NORMALISE.sub("", title).replace("的", "").replace("和", "").replace("及", "")


CANONICAL_NORMALISED = {s.id: {normalise_title(t) for t in (s.title, *s.variants)} for s in SECTIONS}


def match_section(title: str) -> tuple[SectionSpec | None, str]:
    """Match a heading title (without its number) to a section.

    Returns ``(spec, quality)`` with quality ``exact`` (canonical title or a known
    variant), ``keywords`` (recognised by its key words) or ``none``.
    """
    norm = normalise_title(title)
    if not norm or any(label in norm for label in TABLE_ROW_LABELS):
        return None, "none"
    for spec in SECTIONS:
        if norm in CANONICAL_NORMALISED[spec.id]:
            return spec, "exact"
    for spec in SECTIONS:
        if all(any(k in norm for k in group) for group in spec.keywords):
            # "主动公开" also occurs inside other titles; require it to lead for s2
            if spec.id == "s2" and ("申请" in norm or "问题" in norm):
                continue
            if spec.id == "s6" and ("问题" in norm or "主动公开" in norm or "申请" in norm):
                continue
            return spec, "keywords"
    return None, "none"
