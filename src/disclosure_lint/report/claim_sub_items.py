"""Sub-items of （三）–（六） in a count of the claim reader (:mod:`.claims`): a reason before the group's keyword
(``因属于行政执法案卷不予公开3件``, :func:`reason_items`), or a breakdown after the group's count
(``不予公开5件（含行政执法案卷3件）``, ``其中本机关不掌握相关政府信息12件``, :func:`sub_item_part`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .claim_context import REASON, REASON_ETC, REASON_LEAD, SUB_ITEMS, base_metric
from .claim_keywords import KEYWORD
from .prose_reading import Sentence, group_name, match_end

_REASON_FILL = re.compile(r"(?:[，,、\s]|其中|另有?|还有|并|已|依法|共|均)*")
_PART_LEAD = re.compile(r"(?:[（(、，,；;：:\s]|其中|含|包括|包含|以及|和|及|与|另有?)*")
_SUB_NAME = re.compile(r"(?:因|属于|涉及|系|为|是)?[^\d，。；;、（）()]{0,24}?(?:的|类)?(?:申请|情形|信息)?(?:的)?(?:有|为|是|共)?")
_SUB_MARKER = re.compile(r"其中|含|包括|包含|[（(]")


def sub_item_part(sent: str, kws: list[re.Match[str]], kw_starts: list[int], kw_ends: list[int],
                  tokens: list[re.Match[str]], ti: int, clause_start: int) -> tuple[tuple[str, ...], int] | None:
    """(sub-item metrics, name start) of the number ``tokens[ti]`` when it counts sub-items of the group stated just
    before it: ``不予公开5件（含行政执法案卷3件、过程性信息1件）``, ``无法提供15件，其中本机关不掌握相关政府信息12件``
    (``kws``: the sentence's keywords, their starts and ends)."""
    t0 = tokens[ti].start()
    prev = tokens[ti - 1].end() if ti > 0 else 0
    p = max(clause_start, prev)
    p = match_end(_PART_LEAD, sent, p, t0)
    name = sent[p:t0]
    found = list(REASON.finditer(name))
    if not found or not _SUB_NAME.fullmatch(name) or KEYWORD.search(name):
        return None
    group = None
    for i in range(bisect_right(kw_ends, p) - 1, -1, -1):  # the group keyword shortly before
        if kws[i].end() < p - 60:
            break
        if kws[i].lastgroup in SUB_ITEMS:
            group = kws[i]
            break
    if group is None:
        return None
    nxt = bisect_left(kw_starts, group.end())
    if nxt < len(kws) and kws[nxt].end() <= t0:
        return None  # another keyword between the group and this number
    between = sent[group.end():p]
    if not _SUB_MARKER.search(between) or len(between) > 60:
        return None  # 不予公开5件，行政执法案卷… without 其中/含/（: not a breakdown
    subs = tuple(dict.fromkeys(group_name(m).replace("__", ".") for m in found))
    if any(base_metric(x) != group.lastgroup for x in subs):
        return None
    return subs, p


def reason_items(ctx: Sentence, sent: str, clause_start: int, kw_start: int, group: str) -> tuple[str, ...] | None:
    """The sub-items of ``group`` a reason before its keyword names (因属于行政执法案卷不予公开3件); None for the whole
    group (no reason, or 因本机关不掌握等原因); () for a reason the table has no row for (``ctx``: the sentence)."""
    text = sent[clause_start:kw_start]
    lead = match_end(_REASON_FILL, text)
    if lead == len(text) and clause_start > 0:  # 因属于行政执法案卷，不予公开3件
        prev0 = ctx.clause_start(clause_start - 1)[0]
        if REASON_LEAD.match(sent, match_end(_REASON_FILL, sent, prev0)):
            text = sent[prev0:kw_start]
    found = list(REASON.finditer(text))
    if not found:
        return () if REASON_LEAD.search(text) else None
    if REASON_ETC.search(text, found[-1].end()):
        return None  # 因本机关不掌握等原因无法提供: the whole group
    subs = tuple(dict.fromkeys(group_name(m).replace("__", ".") for m in found))
    if any(base_metric(x) != group for x in subs):
        return ()
    return subs
