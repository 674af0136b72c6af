"""Claim keywords: the words with which the prose names a metric of tables 三 and 四.

Each metric (本年新收 ``new``, 予以公开 ``open``, 行政复议 ``review``, 结果维持 ``upheld`` …) has a pattern
(:data:`KEYWORDS`, compiled into one alternation :data:`KEYWORD` whose group name is the metric), a family
(:data:`FAMILY_OF`: the flow or the results of table 三, the blocks or the results of table 四) and a label for
messages (:data:`LABELS`); the sub-items of （三）–（六） (:data:`.claim_context.SUB_ITEM_LABELS`) count as results.
:data:`S4_BLOCKS_OF` gives the table-四 blocks a block keyword stands for (行政诉讼: both lawsuit groups).  The
percentage forms of the results (占X%, 予以公开的比例为X%, 公开率为X%, 分别占X%、Y%) are here too.
"""

from __future__ import annotations

import re

from ..memo import LONGEST, Kept
from .claim_context import SUB_ITEM_LABELS
from .prose_reading import YEAR_NUMERAL

FAMILIES = {
    "s3flow": ("carried_forward", "carried_over", "new", "handled", "received", "in_total"),
    "s3res": ("partial", "open", "not_open", "unavailable", "not_processed", "other"),
    "s4block": ("after_review", "direct", "review", "litigation"),
    "s4res": ("upheld", "corrected", "other_result", "pending"),
}
FAMILY_OF = {m: f for f, ms in FAMILIES.items() for m in ms}

KEYWORDS: list[tuple[str, str]] = [
    ("carried_forward", rf"结转(?:至|到|入)?下一?年度?|结转(?:至|到){YEAR_NUMERAL}年度?|转(?:入|至|到)?下一?年度?"
                        rf"|转结(?:至|到)?(?:下一?年度?|{YEAR_NUMERAL}年度?)|顺延(?:至|到)(?:下一?年度?|{YEAR_NUMERAL}年度?)"
                        r"|延(?:续|转)(?:至|到)下一?年度?|跨年度?办理|结转下期"),
    ("carried_over", rf"上一?年度?(?:结转|转结|转入|遗留|未办结)|{YEAR_NUMERAL}年度?(?:结转|转结)(?!至|到|下|入)"
                     r"|结转上一?年度?|上年度?转来|往年结转|以前年度结转"),
    ("new", r"本年度?新(?:收到?|受理|接收|接到|增)|新(?:收到?|受理|接收|接到)"),
    ("handled", r"(?<![类的未])(?<!延期)(?<!逾期)(?<!当场)(?<!当面)(?<!书面)(?<!电话)(?<!网上)"
                r"(?:办结(?!率)|办理完毕|处理完毕|完成答复|(?<!公开)(?<!提供)答复(?!书|文书|期限|时限|率|意见|函|口径))"),
    # (同意公开答复9件, 不予公开答复2件, 无法提供答复: one result's count, not the total answered)
    ("received", r"(?:收到|受理|接收|接到)(?!人|机构|机关|窗口|点)"),
    ("in_total", r"共需办理|需办理|共需处理|共计|合计|总计|共有"),
    ("partial", r"予以部分公开|部分公开"),
    ("open", r"予以公开|全部公开"),
    ("not_open", r"不予公开"),
    ("unavailable", r"无法提供"),
    ("not_processed", r"不予处理"),
    ("other", r"其他处理"),
    ("after_review", r"(?:行政)?复议后(?:提起|被提起)?(?:行政)?(?:起诉|诉讼)"),
    ("direct", r"(?:未经(?:行政)?复议)?直接(?:提起|被提起)?(?:行政)?(?:起诉|诉讼)"),
    ("review", r"行政复议(?!后|决定|机关|机构|委员)"),
    ("litigation", r"行政诉讼|行政起诉|(?:被)?起诉|应诉|诉讼(?!费|时效|权|期)"),
    ("upheld", r"(?:结果)?维持(?:原?(?:具体)?行政行为|原决定|原判)?"),
    ("corrected", r"(?:结果)?纠正|被撤销|确认违法"),
    ("other_result", r"其他结果"),
    ("pending", r"尚未审结|未审结|正在审理|审理中|尚在审理"),
]
KEYWORD_ALTERNATION = "|".join(f"(?P<{m}>{p})" for m, p in KEYWORDS)
# every keyword starts with one of these characters: the look-ahead lets the regex engine skip the
# other positions quickly (4-5x faster; tests check that it finds exactly what the plain alternation finds)
_KW_FIRST = "结转上往以本新办处完答收受接共需合总予部全不无其行复未直被起应诉维纠确尚正审延跨顺0-9二〇零一两三四五六七八九"
KEYWORD = re.compile(f"(?=[{_KW_FIRST}])(?:{KEYWORD_ALTERNATION})")

# Where a keyword may start: the first characters of every keyword (as many as tell most words apart), each
# alternative led by one literal character, the most frequent first.  ``re`` then scans for those characters in C and
# tries the alternatives by their first character, several times faster than KEYWORD's own scan, whose twenty named
# groups are tried in turn at every position the look-ahead lets through.  Every match of KEYWORD starts where _KW_AT
# matches (tests/test_fast_paths_t3_claims.py reads it from the parse tree): :func:`keywords` asks KEYWORD only there.
# Only 2023年度结转 starts with a year (a digit or numeral, the commonest characters a sentence scan would stop at):
# every such keyword holds 结转 or 转结, and a text without either is scanned without the year's alternatives.
_YEAR_LEAD = "二〇零一两三四五六七八九"
_KW_AT_WORDS = [
    "办结", "办理完毕", "行政(?:复议|诉讼|起诉)", "本年度?新", "结转", "结果[维纠]", "处理完毕", "全部公开", "复议后", "以前年度结转",
    "收到", "其他[处结]", "予以(?:部分)?公开", "未(?:经|审结)", "不予[公处]", "共[需计有]", "部分公开", "新[收受接]",
    "转[入至到]?下", "转结", "诉讼", "被(?:起诉|撤销)", "答复", "总计", "需办理", "上一?年", "受理", "接[收到]", "合计",
    "审理中", "维持", "纠正", "起诉", "应诉", "直接", "完成答复", "无法提供", "尚(?:未审结|在审理)", "正在审理", "确认违法",
    "顺延[至到]", "延[续转][至到]", "跨年", "往年结转",
]
_KW_AT_YEARS = [*(f"{d}\\d{{3}}年" for d in "0123456789"), *(f"{n}[{_YEAR_LEAD}]{{3}}年" for n in _YEAR_LEAD)]
_KW_AT = re.compile("|".join([*_KW_AT_YEARS, *_KW_AT_WORDS]))
_KW_AT_NO_YEAR = re.compile("|".join(_KW_AT_WORDS))


def _starts(text: str) -> re.Pattern[str]:
    return _KW_AT if "结转" in text or "转结" in text else _KW_AT_NO_YEAR


def keyword_from(text: str) -> int:
    """Where the first keyword of ``text`` may start (``len(text)`` when none can): no match of KEYWORD in ``text``, or
    in a part of it, starts before."""
    m = _starts(text).search(text)
    return m.start() if m is not None else len(text)


def keyword_starts(text: str) -> list[int]:
    """Where ``_KW_AT`` matches in ``text`` (one scan, no overlaps; the first is :func:`keyword_from`).  A sentence of
    ``text`` that holds a keyword holds one of them: ``_KW_AT`` looks neither behind nor ahead and none of its words
    holds a sentence end (。！？!?), so the scan meets every sentence fresh and finds a match in it wherever the
    sentence holds one — and every keyword of the sentence starts where ``_KW_AT`` matches (the words tried for a text
    with 结转/转结 are the sentence's own or more).  tests/test_fast_paths_t4_claims.py"""
    return [m.start() for m in _starts(text).finditer(text)]


def keywords(sent: str) -> list[re.Match[str]]:
    """``list(KEYWORD.finditer(sent))``: the same matches, KEYWORD tried only where a keyword may start."""
    out = []
    pos = 0
    search, match = _starts(sent).search, KEYWORD.match
    while (m := search(sent, pos)) is not None:
        k = match(sent, m.start())
        if k is None:
            pos = m.start() + 1
        else:
            out.append(k)
            pos = k.end()  # never empty: every keyword has at least two characters
    return out


# -- the claim reader's gates --------------------------------------------------------------------------------

# A block holds a match of claims._PREFILTER_ALTERNATION (a count, or a word of a statement) exactly when it holds a
# match of BLOCK_GATE, written with every alternative led by one literal character (a unit, then the numeral before it,
# with or without a space, looked behind for): ``re`` scans for those characters in C (tests/test_fast_paths_t3_claims.py).
# A sentence without a match of HAS_COUNT has no COUNT_TOKEN either (every count ends in a unit right after its numeral,
# or after its digits and a space); its scan is several times faster than COUNT_TOKEN's, whose look-ahead tests a
# character category at every position.
_COUNT_NUM = r"\d零〇一二两三四五六七八九十百千"
_HAS_COUNT_ALTERNATIVES = [f"{u}(?<=[{_COUNT_NUM}]{u})|{u}(?<=[{_COUNT_NUM}]\\s{u})" for u in "件起个宗例份条"]
BLOCK_GATE = re.compile("|".join([*_HAS_COUNT_ALTERNATIVES, "维持", "未", "没有", "无", "为[零0]", "%", "％"]))
HAS_COUNT = re.compile("|".join(_HAS_COUNT_ALTERNATIVES))


_BLOCKS: Kept[str, list[int] | None] = Kept("claims: a block's keyword starts", 4096)
_UNSEEN: list[int] = []  # not kept yet (an answer is a list or None)


def block_keywords(text: str) -> list[int] | None:
    """None when a block holds no match of BLOCK_GATE (the claim reader passes it over), else :func:`keyword_starts`:
    pure functions of the block's text, kept for the next report (72 % of the generated reports' prose blocks recur).
    Read only."""
    got = _BLOCKS.get(text, _UNSEEN)
    if got is _UNSEEN:
        got = keyword_starts(text) if BLOCK_GATE.search(text) else None
        if len(text) <= LONGEST:
            _BLOCKS.keep(text, got)
    return got


LABELS = {
    "new": "本年新收申请", "received": "收到申请", "carried_over": "上年结转申请", "in_total": "新收与上年结转合计",
    "handled": "办结申请", "carried_forward": "结转下年度继续办理", "open": "予以公开", "partial": "部分公开",
    "not_open": "不予公开", "unavailable": "无法提供", "not_processed": "不予处理", "other": "其他处理",
    "review": "行政复议", "litigation": "行政诉讼", "direct": "未经复议直接起诉", "after_review": "复议后起诉",
    "upheld": "结果维持", "corrected": "结果纠正", "other_result": "其他结果", "pending": "尚未审结",
}


for _m, _label in SUB_ITEM_LABELS.items():
    FAMILY_OF[_m] = "s3res"
    LABELS[_m] = f"{LABELS[_m.split('.')[0]]}（{_label.split('.', 1)[1]}）"

S4_BLOCKS_OF = {"review": ("review",), "litigation": ("direct", "after_review"), "direct": ("direct",),
                 "after_review": ("after_review",)}

# -- percentages of the results of table 三 ----------------------------------------------------------

PCT_AFTER = re.compile(r"\s*[，,（(]?\s*(?:约|近|超过|接近)?(?:占|比例为|比例是|占比为?)[^，。；;\d%％]{0,12}?"
                        r"(?P<pct>\d+(?:\.\d+)?)\s*[%％]")
APPROX_PCT = re.compile(r"约|近|超过|接近|以上|左右")
_RES_KW = "|".join(p for m, p in KEYWORDS if FAMILY_OF[m] == "s3res")
PCT_ONLY = re.compile(rf"(?P<kws>(?:{_RES_KW})(?:(?:[、和及与]|以及)(?:{_RES_KW}))*)(?:的|类)?(?:申请|答复)?(?:件数|数量)?"
                       r"(?:所占)?(?:的)?(?:占比|比例|比重|占(?:[^，。；;\d%％]{0,10}?的)?(?:比例|比重)?)(?:为|是|达到?)?"
                       r"\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％]")
# 公开率为50.0%: 予以公开 over the total, or 予以公开 and 部分公开 (both readings); 予以公开率（含部分公开）: the latter;
# 依申请公开率, 申请的公开率, 依申请公开的公开率 say the same (not 主动公开率)
RATE = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=依申请)|(?<=申请的)|(?<=依申请公开的))(?P<kw>(?:予以)?公开率)\s*(?P<incl>[（(]含部分公开[）)])?(?:为|是|达到?)?"
                   r"\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％]|(?<=予以)(?P<kw2>公开率)")
RATE_CONTEXT = re.compile(r"申请|办结|答复")
EACH_PCT = re.compile(r"[，,]?\s*分别(?:占(?:比)?|为)\s*(?P<pcts>\d+(?:\.\d+)?\s*[%％](?:\s*(?:[、，,和及与]|以及)\s*\d+(?:\.\d+)?"
                       r"\s*[%％])+)")
PCT_NUM = re.compile(r"(?P<pct>\d+(?:\.\d+)?)\s*[%％]")


# a result of table 三 named between a total's keyword and a figure (办结的申请中同意公开答复9件): the figure is that
# result's count, not the total (:mod:`.prose_sums`)
RESULT_IN_GAP = re.compile(r"同意公开|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理")
