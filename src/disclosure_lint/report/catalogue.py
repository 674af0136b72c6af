"""The unified formats: format versions by report year, the six sections and their titles, the three statistics
tables' ids and names.

Sources: 《中华人民共和国政府信息公开条例》 第五十条; 国办公开办函〔2019〕60号 (2019 trial format,
report years 2019–2020); 国办公开办函〔2021〕30号 (2021 format, report years 2021 on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LEGACY = "legacy"
V2019 = "2019"
V2021 = "2021"
FORMAT_VERSIONS = (LEGACY, V2019, V2021)

# The one home of how the formats are named: the document that issued each (its 文号), the short name messages
# use, the two together (``FORMAT_NAMES``: 2021年格式（国办公开办函〔2021〕30号）) and the official title a report
# cites (``FORMAT_TITLES``: 《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）).
FORMAT_DOCUMENTS = {V2019: "国办公开办函〔2019〕60号", V2021: "国办公开办函〔2021〕30号"}
FORMAT_SHORT_NAMES = {V2019: "2019年试行格式", V2021: "2021年格式"}
FORMAT_NAMES = {
    LEGACY: "旧条例时期（无统一格式）",
    **{v: f"{FORMAT_SHORT_NAMES[v]}（{FORMAT_DOCUMENTS[v]}）" for v in (V2019, V2021)},
}
FORMAT_TITLES = {
    V2019: f"《中华人民共和国政府信息公开工作年度报告格式（试行）》（{FORMAT_DOCUMENTS[V2019]}）",
    V2021: f"《中华人民共和国政府信息公开工作年度报告格式》（{FORMAT_DOCUMENTS[V2021]}）",
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


@lru_cache(maxsize=256)
def cn_to_int(s: str) -> int | None:
    """一…九十九 → int (cached: a few numerals, asked for again and again)."""
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
    """One of the six sections of the unified format: its id, numeral, title, legal basis and how its title is
    recognised."""

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
                (("总体情况", "总体概况", "工作概况", "公开概况", "基本情况", "概述"),)),
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

# The statistics tables: the one home of their ids (those of their sections: s2, s3, s4) and of the names
# messages and exports give them.  ``TABLE_TITLES``: 主动公开政府信息情况; ``TABLE_NAMES``: numbered as the
# unified format heads them, 二、主动公开政府信息情况; ``TABLE_SHORT_NAMES``: 表二.
TABLE_IDS: tuple[str, ...] = tuple(s.id for s in SECTIONS if s.table)
TABLE_TITLES: dict[str, str] = {sid: SECTION_BY_ID[sid].title for sid in TABLE_IDS}
TABLE_NAMES: dict[str, str] = {sid: f"{SECTION_BY_ID[sid].numeral}、{SECTION_BY_ID[sid].title}" for sid in TABLE_IDS}
TABLE_SHORT_NAMES: dict[str, str] = {sid: f"表{SECTION_BY_ID[sid].numeral}" for sid in TABLE_IDS}

# The words each statistics table's header begins with (第二十条第（一）项 or 信息内容; （本列数据的勾稽关系…） or 申请人情况;
# 行政复议 行政诉讼 run together): where a crawl glued a table to the text before it with nothing between, its first cell
# starts with one of them — after a sentence's 。 in a flattened piece (report.stats.runs), and after a part's title glued to
# its text (report.inline, which takes a few looser words there too: the title has named the part).
TABLE_HEAD_WORDS: dict[str, str] = {"s2": r"第二十条|信息内容", "s3": r"[（(]本列数据|申请人情况", "s4": r"行政复议行政诉讼"}

# Row labels of the statistics tables that look like top-level headings ("一、本年新收…")
# in flattened text.  They are never section headings.
TABLE_ROW_LABELS = ("本年新收", "上年结转", "本年度办理", "结转下年度", "办理结果")  # (本年度办理: 结果 cut off to the next line)

_NORMALISE = re.compile(r"[\s　、，,。：:；;“”\"'‘’（）()《》]")


def normalise_title(title: str) -> str:
    """Title without punctuation, spaces and the connectives 的/和/及/以及/与 (accepted either way)."""
    return (_NORMALISE.sub("", title).replace("的", "").replace("以及", "").replace("和", "").replace("及", "")
            .replace("与", ""))


CANONICAL_NORMALISED = {s.id: {normalise_title(t) for t in (s.title, *s.variants)} for s in SECTIONS}
# normalised official title → its section (the first in SECTIONS order, as match_section finds it)
_EXACT: dict[str, SectionSpec] = {}
for _spec in SECTIONS:
    for _norm in CANONICAL_NORMALISED[_spec.id]:
        _EXACT.setdefault(_norm, _spec)


def exact_section(title: str) -> SectionSpec | None:
    """The section ``title`` names exactly: ``match_section(title)``'s spec when its quality is ``exact``, else None."""
    norm = normalise_title(title)
    if not norm or any(label in norm for label in TABLE_ROW_LABELS):
        return None
    return _EXACT.get(norm)


@lru_cache(maxsize=4096)
def match_section(title: str) -> tuple[SectionSpec | None, str]:
    """Match a heading title (without its number) to a section.

    Cached: a function of the title only, and the same titles recur from report to report.

    Returns ``(spec, quality)`` with quality ``exact`` (canonical title or a known
    variant), ``typo`` (one or two characters off one of them, see :func:`typo_of`),
    ``keywords`` (recognised by its key words) or ``none``.
    """
    norm = normalise_title(title)
    if not norm or any(label in norm for label in TABLE_ROW_LABELS):
        return None, "none"
    for spec in SECTIONS:
        if norm in CANONICAL_NORMALISED[spec.id]:
            return spec, "exact"
    typo = typo_of(title)
    if typo is not None:
        return typo[0], "typo"
    for spec in SECTIONS:
        if all(any(k in norm for k in group) for group in spec.keywords):
            # "主动公开" also occurs inside other titles; require it to lead for s2
            if spec.id == "s2" and ("申请" in norm or "问题" in norm):
                continue
            if spec.id == "s6" and ("问题" in norm or "主动公开" in norm or "申请" in norm):
                continue
            return spec, "keywords"
    return None, "none"


# -- titles with a typo ---------------------------------------------------------------------------

# Word-level alternatives: a title that differs from an official one only by these is worded
# differently (a nonstandard title, rule DL106), not misspelt.
_ALTERNATES = (("政务", "政府"), ("办理", "处理"), ("受理", "处理"),
               ("概况", "情况"))
TYPO_MIN_LEN = 8  # official titles shorter than this (normalised: 总体情况) are never matched by typo
_TYPO_TWO = 12  # from this normalised length on, two separate characters may be off


def _edits(a: str, b: str) -> tuple[int, list[int]]:
    """Optimal-string-alignment distance from ``a`` (as written) to ``b`` (official) and the positions
    in ``b`` where the edits fall (substitution, deletion, insertion, transposition of neighbours)."""
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, d[i - 2][j - 2] + 1)
            d[i][j] = v
    pos: list[int] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and a[i - 1] == b[j - 1] and d[i][j] == d[i - 1][j - 1]:
            i, j = i - 1, j - 1
        elif i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + 1:
            pos.append(j - 1)
            i, j = i - 1, j - 1
        elif i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and d[i][j] == d[i - 2][j - 2] + 1:
            pos.append(j - 2)
            i, j = i - 2, j - 2
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            pos.append(j)  # an extra character before b[j]
            i -= 1
        else:
            pos.append(j - 1)  # b[j-1] is missing
            j -= 1
    return d[n][m], pos


@lru_cache(maxsize=4096)
def typo_of(title: str) -> tuple[SectionSpec, str] | None:
    """The section whose official title (canonical or accepted variant) ``title`` misspells, and that title.

    A misspelling is one character off (substituted, missing, extra, or two neighbours swapped) an
    official title of at least eight characters, or two separate characters off one of at least twelve
    (characters compared after :func:`normalise_title`, so 的/和/及 and punctuation never count).  Two
    neighbouring characters off are a different word (改进情况 → 改进措施), and a title that differs only
    by a known alternative word (政务/政府, 办理/处理, 与/及…) is a wording, not a typo: neither is
    reported here (the key-word match and rule DL106 see them).
    """
    norm = normalise_title(title)
    if len(norm) < TYPO_MIN_LEN - 2 or len(norm) > 40:
        return None
    alt = title
    for old, new in _ALTERNATES:
        alt = alt.replace(old, new)
    alt = normalise_title(alt)
    if any(alt in CANONICAL_NORMALISED[s.id] for s in SECTIONS):
        return None
    best: tuple[int, SectionSpec, str] | None = None
    chars = set(norm)
    for spec in SECTIONS:
        for official in (spec.title, *spec.variants):
            on = normalise_title(official)
            if len(on) < TYPO_MIN_LEN or abs(len(on) - len(norm)) > 2:
                continue
            limit = 2 if len(on) >= _TYPO_TWO else 1
            if sum(ch not in chars for ch in on) > limit:
                continue  # more official characters missing than edits allowed
            dist, pos = _edits(norm, on)
            if dist == 0 or dist > limit:
                continue
            if dist == 2 and (len(pos) != 2 or abs(pos[0] - pos[1]) <= 1):
                continue
            if best is None or dist < best[0]:
                best = (dist, spec, official)
    return (best[1], best[2]) if best else None


# the items of part 一 in the 2021 format, numbered at a line's start: (一)主动公开 (二)依申请公开 (三)政府信息管理
# (四)政府信息公开平台建设 (五)监督保障 (``own``: the last three, which only a report's part 一 has)
PART_ONE_ITEM = re.compile(r"^\s*[（(][一二三四五][）)]\s*(?:(?P<own>政府信息管理|(?:政府信息公开)?平台建设|监督保障)|主动公开|依申请公开)",
                           re.MULTILINE)
