"""Prose arithmetic: a total the text states and the parts it lists must agree.

The sums are report facts (``report.prose_sums``, read by :mod:`disclosure_lint.report.prose_sums`,
whose docstring says which forms are read, which breakdowns are exhaustive and what is skipped).
This kind only decides:

* ``mode: exceeds`` — the parts of a breakdown that is *not* exhaustive add up to more than the total
  (``主动公开政府信息120条，其中政策文件15条，工作动态98条，通知公告30条``: 143 > 120);
* ``mode: exhaustive`` — every category of the breakdown is listed (all six results, both kinds of
  applicant, all four review results …) and the parts do not add up to the total, in either direction;
* ``mode: short`` — a breakdown not known to be exhaustive whose parts read as all of them (four or more, led by
  其中, ending the sentence, most of the total) adds up to less than the total
  (``主动公开政务信息281条，其中社会救助领域信息59条，财政信息20条，……工作动态信息70条。``: 264).

A sum whose difference is explained by figures the table checks contradict (the total or a part differs from
table 三/四, and with the table's values the sum is right) names those figures in its ``about``
(:func:`~disclosure_lint.report.claim_checks.sum_explanation`); the rule files defer to the table checks
(``covered_by``) with ``about_all``, so when the table checks that run report every such figure the sum is not
reported again (one wrong number, one finding); when only some of them are reported (a rule not selected), the
sum still is.

Each sum is reported by one mode only, so a rule per mode never repeats the other.

The kind ``prose-share`` (DL248) checks the shares the prose states for its parts (``report.prose_shares``,
read by :mod:`disclosure_lint.report.prose_shares`): the shares of one sentence are of the same whole, so a
share that no number before it explains, in a sentence whose other shares agree with one base (or a part of a
prose sum, whose total the sum reader has found), is reported with the share that base gives.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..report.claim_checks import sum_explanation
from ..report.prose_shares import Base, Share
from ..report.prose_sums import KIND_LABELS, KINDS, ProseSum
from . import register
from .base import Hit, Kind, KindOptions, quoted
from .text_vs_table import percent_ok, sentence_evidence

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport


class ProseSumOptions(KindOptions):
    mode: Literal["exceeds", "exhaustive", "short"] = Field(
        "exceeds", description="exceeds：非穷尽列举时分项之和超过总数；exhaustive：列全了所有类别时分项之和不等于总数；"
                               "short：以“其中”列出、列到句末的多个分项之和少于总数")
    min_parts: int = Field(4, ge=2, le=50, description="short：至少列出的分项数")
    min_share: float = Field(0.75, ge=0, le=1, description="short：分项之和至少占总数的比例（列出的只是一小部分时，多半本就没有列全）")
    breakdowns: list[Literal[KINDS]] = Field(  # type: ignore[valid-type]
        default_factory=lambda: list(KINDS),
        description="核对的分项类别（results 办理结果、applicants 申请人、flow 新收与结转、review 复议结果、"
                    "litigation 诉讼结果、litigation_routes 直接起诉与复议后起诉、disclosed 主动公开信息）")


def _parts_text(s: ProseSum) -> str:
    return "、".join(p.text if p.category == "item" else f"{p.label}{p.number}{p.unit}" for p in s.parts)


def _whole_again(s) -> bool:
    """Does one item of the list equal the (non-zero) total while the others together do not exceed it: the item counts the
    whole again (信息公开目录信息194条 of 194), or the others are its own parts (法定主动公开28条、财政信息3条… of 28)?"""
    total = s.total.number
    numbers = [p.number for p in s.parts]
    if total <= 0 or len(numbers) < 2 or total not in numbers:
        return False
    others = list(numbers)
    others.remove(total)
    return sum(others) <= total


# a list the sentence ends with (nothing after its last part but the full stop), led by 其中/包括 (not 主要包括, 如: a
# sample of the kinds)
_LIST_END = re.compile(r"\s*(?:。|$)")
_LEAD = re.compile(r"其中|包括|包含")
_SAMPLE = re.compile(r"主要|重点|如|例如|比如")


def _listed_in_full(s: ProseSum, min_parts: int, min_share: float) -> bool:
    """Whether the parts of a breakdown the reader does not know to be exhaustive read as all of them: at least
    ``min_parts``, led by 其中/包括, ending the sentence, and adding up to at least ``min_share`` of the total (a few kinds
    adding up to a small share are a sample: 其中政务资讯类3011条，重点领域信息1530条 of 8662)."""
    if s.total_after or len(s.parts) < min_parts or s.total.number <= 0 or s.parts_sum < min_share * s.total.number:
        return False
    text = s.block.text
    between = text[s.total.end:s.parts[0].start]
    return bool(_LEAD.search(between)) and not _SAMPLE.search(between) \
        and _LIST_END.match(text, s.parts[-1].end) is not None


def _unmarked_zero(s: ProseSum) -> bool:
    """A total of 0 with parts after it and no 其中/包括 between them (复议案件10件，诉讼案件0件，结果维持2件…): the
    parts belong to a total before it, not to the 0 — not a contradiction to report."""
    if s.total.number != 0 or s.total_after:
        return False
    between = s.block.text[s.total.end:s.parts[0].start]
    return not any(w in between for w in ("其中", "包括", "包含", "含", "分别"))


@register
class ProseSumKind(Kind[ProseSumOptions]):
    """A total stated in the prose and the parts listed with it do not agree."""

    name = "prose-sum"
    Options = ProseSumOptions
    params = frozenset({"total", "total_number", "parts", "parts_sum", "difference", "relation", "form", "breakdown",
                        "where"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        o = self.options
        wanted = set(o.breakdowns)
        for s in report.prose_sums:
            if s.kind not in wanted or s.difference == 0:
                continue
            if o.mode == "exceeds" and (s.exhaustive or s.difference < 0 or _unmarked_zero(s)):
                continue
            if o.mode == "exceeds" and _whole_again(s):
                continue  # 其中概况类67条，动态127条，目录信息194条 (the total 194): one item counts the whole another way
            if o.mode == "exhaustive" and not s.exhaustive:
                continue
            if o.mode == "short" and (s.exhaustive or s.difference > 0 or _unmarked_zero(s)
                                      or not _listed_in_full(s, o.min_parts, o.min_share)):
                continue  # (a list that may leave kinds out, adding up to less: only when it reads as all of them)
            unit = s.total.unit
            diff = abs(s.difference)
            yield Hit(
                block=s.block, start=s.start, end=s.end,
                params={"total": quoted(s.total.text), "total_number": f"{s.total.number}{unit}", "parts": quoted(_parts_text(s)),
                        "parts_sum": f"{s.parts_sum}{unit}", "difference": f"{diff}{unit}",
                        "relation": "多" if s.difference > 0 else "少", "form": s.form or "",
                        "breakdown": KIND_LABELS[s.kind], "where": "之前" if s.total_after else "之后"},
                evidence={"expected": s.total.number, "actual": s.parts_sum, "difference": s.difference,
                          "total": s.total.text, "breakdown": s.kind, "exhaustive": s.exhaustive,
                          **({"exhaustive_form": s.form} if s.form else {}),
                          "parts": [{"text": p.text, "category": p.category, "number": p.number} for p in s.parts],
                          "sentence": sentence_evidence(s.sentence, s.block, s.start, s.end)},
                key=f"{s.kind}:{s.total.text}:{'+'.join(str(p.number) for p in s.parts)}",
                about=sum_explanation(report, s, o.mode),  # the figures the table checks report, if they explain it
                about_all=True,  # left to the table checks only when they reported every one of those figures
            )


# -- shares of the parts (DL248) -----------------------------------------------------------------------------

class ProseShareOptions(KindOptions):
    strict: bool = Field(
        False, description="严格按修约规则核对（四舍五入或四舍六入五成双，与 DL235 相同）；默认只报告与正确值相差达到"
                           "所写末位一个单位的（截去尾数、为凑足100%而调整尾数的不报告）")


def _unit(stated: Decimal) -> Decimal:
    exponent = stated.as_tuple().exponent
    return Decimal(1).scaleb(min(0, exponent) if isinstance(exponent, int) else 0)


def _agrees(s: Share, base: Base, strict: bool) -> bool:
    if base.number <= 0 or base.number < s.count:
        return False
    if strict:
        return percent_ok(s.stated, Decimal(s.count), Decimal(base.number))
    return abs(Decimal(s.count) * 100 / base.number - s.stated) < _unit(s.stated)


def _count_slip(count: int, stated: Decimal, base: int, places: int) -> int | None:
    """The count the stated share gives of ``base`` (154 for 8.05% of 1913), when it is the only one that does and
    differs from the written ``count`` as a slip of the pen does — the same digits in another order (145), or one digit
    other; else None: then the share is the likelier slip."""
    unit = Decimal(1).scaleb(-places)
    fits = [n for n in range(max(0, int(stated * base / 100) - 2), int(stated * base / 100) + 3)
            if (Decimal(n) * 100 / base).quantize(unit, rounding=ROUND_HALF_UP) == stated]
    if len(fits) != 1 or fits[0] == count:
        return None
    a, b = str(count), str(fits[0])
    if len(a) != len(b):
        return None
    if sorted(a) == sorted(b) or (len(a) >= 3 and sum(x != y for x, y in zip(a, b)) == 1):
        return fits[0]  # (one digit other in a one- or two-digit count is any count near it: 5 for 6, no slip to name)
    return None


@register
class ProseShareKind(Kind[ProseShareOptions]):
    """A share the prose states for a part that is not the part's count over the whole the sentence's other shares
    (or the prose sum it belongs to) are of."""

    name = "prose-share"
    Options = ProseShareOptions
    params = frozenset({"claim", "stated", "count", "base", "base_text", "exact", "expected", "note"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        shares = report.prose_shares
        if not shares:
            return
        strict = self.options.strict
        totals = {(p.block.index, p.num_start): s.total for s in report.prose_sums for p in s.parts}
        groups: dict[tuple[int, int], list[Share]] = {}
        for sh in shares:
            groups.setdefault(sh.group, []).append(sh)
        for group in groups.values():
            agreed = [[b for b in sh.bases if _agrees(sh, b, strict)] for sh in group]
            for i, sh in enumerate(group):
                if agreed[i]:
                    continue
                base = self._base(group, agreed, i) or self._total(totals, sh)
                if base is None or base.number < sh.count or base.number <= 0:
                    continue
                yield self._hit(sh, base)

    @staticmethod
    def _base(group: list[Share], agreed: list[list[Base]], i: int) -> Base | None:
        """The base the other shares of the sentence agree with (the most of them; the nearest on a tie)."""
        here = (group[i].block.index, group[i].num_start)
        votes: Counter[tuple[int, int]] = Counter()
        by_key: dict[tuple[int, int], Base] = {}
        for j, bases in enumerate(agreed):
            if j != i:
                for b in {b.key: b for b in bases if b.key < here}.values():  # a base after the share is not its
                    votes[b.key] += 1
                    by_key[b.key] = b
        if not votes:
            return None
        best = max(votes.values())
        return by_key[max(k for k, v in votes.items() if v == best)]

    @staticmethod
    def _total(totals, sh: Share) -> Base | None:
        """The total of the prose sum the share's count is a part of (read by the sum reader), as a base."""
        t = totals.get((sh.block.index, sh.num_start))
        return None if t is None else Base(t.block, t.num_start, t.end, t.number)

    def _hit(self, sh: Share, base: Base) -> Hit:
        exact = Decimal(sh.count) * 100 / base.number
        places = -_unit(sh.stated).as_tuple().exponent  # type: ignore[operator]
        expected = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        shown = format(exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize(), "f")
        slip = _count_slip(sh.count, sh.stated, base.number, places)
        note = (f"；而按所写的占比，件数应为{slip}，与所写的{sh.count}只差一位数字或数字颠倒，也可能是件数写错"
                if slip is not None else "")
        return Hit(
            block=sh.block, start=sh.start, end=sh.end,
            params={"claim": quoted(sh.text), "stated": f"{sh.stated}%", "count": str(sh.count),
                    "base": str(base.number), "base_text": quoted(base.text), "exact": f"{shown}%",
                    "expected": f"{expected}%", "note": note},
            evidence={"expected": f"{expected}%", "actual": f"{sh.stated}%", "numerator": sh.count,
                      "denominator": base.number, "base": base.text, "claim": sh.text,
                      "sentence": sentence_evidence(sh.sentence, sh.block, sh.start, sh.end)},
            key=f"share:{sh.count}:{base.number}:{sh.stated}:{sh.text}",
            about=(sh.key,),
        )


# -- the flow of applications in the prose (DL249) ----------------------------------------------------------

_FLOW = ("new", "carried_over", "handled", "carried_forward")  # 本年新收, 上年结转, 办结, 结转下年度
_FLOW_LABELS = {"new": "本年新收", "carried_over": "上年结转", "handled": "办结", "carried_forward": "结转下年度继续办理"}
FLOW_BLOCKS = 3  # the four figures within this many blocks of one another (one passage, not two parts' figures)


def flow_claims(report: AnnualReport) -> dict[str, list] | None:
    """The prose's counts of the four figures of table 三's flow, each stated once or always with the same number,
    unscoped and of that metric alone (not 收到, which may be 新收 or 新收 + 上年结转), all four within
    :data:`FLOW_BLOCKS` blocks; None when one is missing or stated with two numbers."""
    found: dict[str, list] = {}
    for c in report.claims.claims:
        if (c.number is None or c.scope is not None or c.ambiguous or c.combine != "sum" or len(c.metrics) != 1
                or c.metrics[0] not in _FLOW):
            continue
        found.setdefault(c.metrics[0], []).append(c)
    if len(found) < len(_FLOW) or any(len({c.number for c in cs}) != 1 for cs in found.values()):
        return None
    indexes = [c.block.index for cs in found.values() for c in cs]
    return found if max(indexes) - min(indexes) <= FLOW_BLOCKS else None


@register
class ProseFlowKind(Kind[KindOptions]):
    """DL249: the prose states all four figures of table 三's flow — 本年新收, 上年结转, 办结 (the answers), 结转下年度
    继续办理 — and 新收 + 上年结转 is not 办结 + 结转下年度, table 三's own identity (第一项加第二项之和，等于第三项加第四项之和).
    A report whose table 三 was read is left to the table checks (each figure compared with its cell, DL230; the
    table's identity, DL203)."""

    name = "prose-flow-balance"
    params = frozenset({"figures", "incoming", "outgoing", "difference", "relation"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        s3 = report.stats.get("s3")
        if s3 is not None and s3.cells:
            return
        found = flow_claims(report)
        if found is None:
            return
        n = {m: found[m][0].number for m in _FLOW}
        incoming, outgoing = n["new"] + n["carried_over"], n["handled"] + n["carried_forward"]
        if incoming == outgoing:
            return
        first = {m: found[m][0] for m in _FLOW}
        at = max(first.values(), key=lambda c: (c.block.index, c.start))  # the last of the four: where it stops adding up
        unit = at.unit
        figures = "，".join(f"{_FLOW_LABELS[m]}{n[m]}{first[m].unit}（“{first[m].text}”）" for m in _FLOW)
        yield Hit(block=at.block, start=at.start, end=at.end,
                  params={"figures": figures, "incoming": f"{incoming}{unit}", "outgoing": f"{outgoing}{unit}",
                          "difference": f"{abs(incoming - outgoing)}{unit}",
                          "relation": "多" if incoming > outgoing else "少"},
                  evidence={"expected": incoming, "actual": outgoing, "figures": n,
                            "quotes": {m: first[m].text for m in _FLOW}},
                  key="flow:" + "+".join(str(n[m]) for m in _FLOW))


# -- a count and its change on the year before (DL250) ------------------------------------------------------

# a count, then (after at most a comma) its change on the year before: 收到申请57件，同比增长71.9%; 60件,较上年度上升261%
_CHANGE_RATE = re.compile(
    r"(?<![\d.．,])(?P<n>\d{1,7})\s*(?P<unit>[件条篇个项次])[，,]?\s*"
    r"(?:同比|较上一?年度?|比上一?年度?|较去年|比去年)(?:同期)?(?P<dir>增长|增加|上升|提高|下降|减少)了?\s*"
    r"(?P<rate>\d{1,5}(?:\.\d{1,3})?)\s*[%％]")
_UP = frozenset({"增长", "增加", "上升", "提高"})
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|上升|提高|降低|新增|多|少)了?\s*$")


def _rates(n: int, base: int, up: bool) -> Decimal | None:
    """The change from ``base`` to ``n`` in per cent (None when it is the other way)."""
    change = (n - base) if up else (base - n)
    return None if change < 0 else Decimal(change) * 100 / base


def change_rate_bases(n: int, rate: Decimal, places: int, up: bool) -> tuple[bool, list[tuple[int, Decimal]]]:
    """Whether some whole number of last year's gives ``rate`` (stated to ``places`` decimals, rounded half up or cut)
    for this year's ``n``, and the two nearest bases with the rates they give (for the message)."""
    x = rate / 100
    if up:
        guess = Decimal(n) / (1 + x)
    elif x < 1:
        guess = Decimal(n) / (1 - x)
    else:
        return n == 0, []  # (a fall of 100 %: nothing left this year)
    q = Decimal(1).scaleb(-places)
    lo = max(1, int(guess) - 2)
    near: list[tuple[int, Decimal]] = []
    for base in range(lo, int(guess) + 4):
        r = _rates(n, base, up)
        if r is None:
            continue
        if r.quantize(q, rounding=ROUND_HALF_UP) == rate or (r / q).to_integral_value(rounding=ROUND_DOWN) * q == rate:
            return True, []
        near.append((base, r.quantize(q, rounding=ROUND_HALF_UP)))
    near.sort(key=lambda t: abs(t[1] - rate))
    return False, sorted(near[:2])


_SENTENCE_STOP = re.compile(r"[。！？!?\n]")


def _another_count_gives(text: str, m: re.Match[str], rate: Decimal, places: int, up: bool) -> bool:
    """Whether another count of the same unit in the sentence gives the rate: the rate is then that count's, the
    sentence's subject (收到申请383件，办结367件；结转…16件，较上年增长36.3%: 383 on 281)."""
    starts = [k.end() for k in _SENTENCE_STOP.finditer(text, 0, m.start())]
    start = starts[-1] if starts else 0
    stop = _SENTENCE_STOP.search(text, m.end())
    end = stop.start() if stop is not None else len(text)
    unit = m.group("unit")
    for k in re.finditer(r"(?<![\d.．,])(\d{1,7})\s*" + unit, text[start:end]):
        if start + k.start() != m.start() and change_rate_bases(int(k.group(1)), rate, places, up)[0]:
            return True
    return False


@register
class ProseChangeRateKind(Kind[KindOptions]):
    """DL250: a count stated with its change on the year before (收到申请57件，同比增长71.9%) that no whole number of the
    year before gives (33 gives 72.7 %, 34 gives 67.6 %): the count or the rate is wrong.  Only a count right before its
    rate (a comma at most between them) is read: the rate is that count's."""

    name = "prose-change-rate"
    params = frozenset({"quote", "rate", "direction", "nearest"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        skip = report.statistics_blocks
        for b in report.text_blocks:
            text = b.text
            if ("%" not in text and "％" not in text) or b.index in skip:
                continue
            for m in _CHANGE_RATE.finditer(text):
                if _CHANGE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                    continue  # 较上年增加7件，同比增长14%: the count is the change, the rate the whole's
                n, rate_text = int(m.group("n")), m.group("rate")
                places = len(rate_text.split(".")[1]) if "." in rate_text else 0
                up = m.group("dir") in _UP
                ok, near = change_rate_bases(n, Decimal(rate_text), places, up)
                if ok or not near or _another_count_gives(text, m, Decimal(rate_text), places, up):
                    continue
                unit, word = m.group("unit"), m.group("dir")
                nearest = "，".join(f"上年{base}{unit}为{word}{r}%" for base, r in near)
                yield Hit(block=b, start=m.start(), end=m.end(),
                          params={"quote": m.group(0), "rate": f"{rate_text}%", "direction": word, "nearest": nearest},
                          evidence={"expected": f"上年为整数时可能的{word}幅度（{nearest}）", "actual": f"{rate_text}%",
                                    "count": n, "nearest": [{"base": base, "rate": str(r)} for base, r in near]},
                          key=f"rate:{n}:{rate_text}")
